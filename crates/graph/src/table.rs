//! A plain aligned text table for terminals (no dependency: ASCII rules, char-width columns).

use std::io::{self, Write};

/// Longest cell, in characters; longer cells are cut with an ellipsis.
pub(crate) const MAX_CELL: usize = 72;

/// Makes a cell printable on one line and at most [`MAX_CELL`] characters wide.
pub(crate) fn cell(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() > MAX_CELL {
        let mut cut: String = flat.chars().take(MAX_CELL - 1).collect();
        cut.push('…');
        cut
    } else {
        flat
    }
}

/// Writes `headers` and `rows` as an aligned table:
///
/// ```text
/// person    | role
/// ----------+----------
/// Ana Lima  | President
/// ```
pub(crate) fn write_table(
    out: &mut dyn Write,
    headers: &[String],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    write_row(out, headers, &widths)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    writeln!(out, "{}", rule.join("-+-"))?;
    for row in rows {
        write_row(out, row, &widths)?;
    }
    Ok(())
}

fn write_row(out: &mut dyn Write, cells: &[String], widths: &[usize]) -> io::Result<()> {
    let mut line = String::new();
    for (i, w) in widths.iter().enumerate() {
        let c = cells.get(i).map(String::as_str).unwrap_or("");
        if i > 0 {
            line.push_str(" | ");
        }
        line.push_str(c);
        if i + 1 < widths.len() {
            line.extend(std::iter::repeat_n(
                ' ',
                w.saturating_sub(c.chars().count()),
            ));
        }
    }
    writeln!(out, "{}", line.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up() -> io::Result<()> {
        let mut out = Vec::new();
        let headers = vec!["a".to_owned(), "long header".to_owned()];
        let rows = vec![
            vec!["wide cell value".to_owned(), "x".to_owned()],
            vec!["é".to_owned()],
        ];
        write_table(&mut out, &headers, &rows)?;
        let text = String::from_utf8_lossy(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "a               | long header");
        assert_eq!(lines[1], "----------------+------------");
        assert_eq!(lines[2], "wide cell value | x");
        assert_eq!(lines[3], "é               |");
        Ok(())
    }

    #[test]
    fn cells_are_flat_and_short() {
        assert_eq!(cell("a\nb\tc"), "a b c");
        assert_eq!(cell(&"x".repeat(100)).chars().count(), MAX_CELL);
    }
}

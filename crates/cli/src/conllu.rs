//! Reading pre-tokenised CoNLL-U for `kg parse --conllu`: the words of each sentence (multi-word
//! token lines and empty nodes skipped, as scorers compare syntactic words), with the
//! sentence's `# sent_id` and `# text` when given. Errors name the file, line and column.

use anyhow::{Result, bail};

/// One sentence read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InputSentence {
    /// `# sent_id`, if given.
    pub id: Option<String>,
    /// The words (FORM column).
    pub words: Vec<String>,
    /// Whether `SpaceAfter=No` is absent from each word's MISC.
    pub space_after: Vec<bool>,
}

/// Reads CoNLL-U text from `name` (for errors).
pub fn read(name: &str, text: &str) -> Result<Vec<InputSentence>> {
    let mut out = Vec::new();
    let mut cur = InputSentence::default();
    let mut pending_id = None;
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = raw.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("sent_id") {
                let id = id.trim_start().trim_start_matches('=').trim();
                pending_id = Some(id.to_string());
            }
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        if cols.len() != 10 {
            bail!(
                "{name}:{line}:1: expected 10 tab-separated columns, found {}",
                cols.len()
            );
        }
        let id = cols[0];
        if id.contains('-') || id.contains('.') {
            continue;
        }
        let Ok(k) = id.parse::<usize>() else {
            bail!("{name}:{line}:1: bad word ID {id:?}");
        };
        if k != cur.words.len() + 1 {
            bail!(
                "{name}:{line}:1: word ID {k} out of order (expected {})",
                cur.words.len() + 1
            );
        }
        let form = cols[1];
        if form.is_empty() {
            let col = cols[0].chars().count() + 2;
            bail!("{name}:{line}:{col}: empty FORM");
        }
        if cur.words.is_empty() {
            cur.id = pending_id.take();
        }
        cur.words.push(form.to_string());
        cur.space_after
            .push(!cols[9].split('|').any(|m| m == "SpaceAfter=No"));
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_names_bad_lines() {
        let text = "# sent_id = a-1\n# text = Tom ran.\n1\tTom\t_\t_\t_\t_\t_\t_\t_\t_\n\
                    2\tran\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
                    1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n\
                    2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let s = read("x", text).expect("valid");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].id.as_deref(), Some("a-1"));
        assert_eq!(s[0].words, ["Tom", "ran", "."]);
        assert_eq!(s[0].space_after, [true, false, true]);
        assert_eq!(s[1].words, ["do", "n't"]);
        let err = read("f.conllu", "1\tTom\n").expect_err("short line");
        assert!(err.to_string().starts_with("f.conllu:1:1:"), "{err}");
        let err = read(
            "f",
            "1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n3\tb\t_\t_\t_\t_\t_\t_\t_\t_\n",
        )
        .expect_err("gap");
        assert!(err.to_string().contains("f:2:1"), "{err}");
    }
}

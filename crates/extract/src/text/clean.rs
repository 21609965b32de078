//! Finds the article inside a web page's text: drops newsletter prompts, photo credits, image
//! file names, share/follow lines, repeated captions and "More from ..." blocks, and reads a
//! leading headline and `date YYYY-MM-DD` line.
//!
//! Nothing is copied or rewritten: the result is a list of byte ranges of the original text to
//! read, so every offset found later still points into the text as given.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

/// What the cleaner found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Byte ranges of the original text that hold the article, in order.
    pub keep: Vec<Range<usize>>,
    /// The headline: the first line, when it looks like one.
    pub title: Option<Range<usize>>,
    /// A date given as page metadata (`date 2023-11-15` at the top).
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Prefix,
    Exact,
    Stop,
    Suffix,
}

#[derive(Debug)]
struct Patterns {
    rules: Vec<(Kind, String)>,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let rules = include_str!("../../data/rules/cruft.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (kind, phrase) = l.split_once('\t')?;
            let kind = match kind {
                "prefix" => Kind::Prefix,
                "exact" => Kind::Exact,
                "stop" => Kind::Stop,
                "suffix" => Kind::Suffix,
                _ => return None,
            };
            // Suffixes are matched as written (agency credits are in capitals), the rest folded.
            let phrase = if kind == Kind::Suffix {
                phrase.to_string()
            } else {
                phrase.to_lowercase()
            };
            Some((kind, phrase))
        })
        .collect();
    Patterns { rules }
});

/// What to do with one line.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Keep,
    /// Keep the first `n` bytes of the trimmed line.
    KeepFirst(usize),
    Drop,
    /// Drop this line and everything after it.
    Stop,
}

fn judge(line: &str) -> Verdict {
    let lower = line.to_lowercase();
    let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    for (kind, phrase) in &PATTERNS.rules {
        match kind {
            Kind::Stop if words_prefix(&lower, phrase) && line.len() < 80 => return Verdict::Stop,
            Kind::Prefix if words_prefix(&lower, phrase) && !long_sentence(line) => {
                return Verdict::Drop;
            }
            Kind::Exact if bare == phrase => return Verdict::Drop,
            Kind::Suffix => {
                if let Some(head) = line.strip_suffix(phrase.as_str()) {
                    let head_trimmed = head.trim_end();
                    if head_trimmed.ends_with(['.', '!', '?', '"', '”'])
                        && head_trimmed.len() < head.len()
                    {
                        return Verdict::KeepFirst(head_trimmed.len());
                    }
                }
            }
            _ => {}
        }
    }
    if file_name_like(line) {
        return Verdict::Drop;
    }
    Verdict::Keep
}

/// Whether `text` starts with `phrase` followed by a word boundary.
fn words_prefix(text: &str, phrase: &str) -> bool {
    text.strip_prefix(phrase)
        .is_some_and(|rest| rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// A line that reads as running text (many words, ends like a sentence) is never cruft by prefix:
/// "Subscribers to the plan said ..." stays.
fn long_sentence(line: &str) -> bool {
    line.split_whitespace().count() > 12 && line.ends_with(['.', '"', '”', '?', '!'])
}

/// Image file names and stock-photo ids: short, no sentence punctuation, and a long digit run or
/// an image extension ("shutterstock 1608843106 scaled 1", "IMG_2041.jpg").
fn file_name_like(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 || line.ends_with(['.', '?', '!', '"', '”']) {
        return false;
    }
    let lower = line.to_lowercase();
    let image_ext = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"]
        .iter()
        .any(|e| lower.contains(e));
    let digit_run = words.iter().any(|w| {
        w.chars().filter(char::is_ascii_digit).count() >= 5 && !w.contains(['-', '/', ':'])
    });
    image_ext || digit_run
}

/// Reads `date YYYY-MM-DD` (or `date: ...`) at the very start of the text; returns the date and
/// the byte length of the prefix to skip.
fn leading_date(text: &str) -> Option<(String, usize)> {
    let rest = text.trim_start().strip_prefix("date")?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let value = rest.trim_start();
    let date = value.get(..10)?;
    let b = date.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !ok {
        return None;
    }
    let after = &value[10..];
    let skip = text.len() - after.trim_start().len();
    Some((date.to_string(), skip))
}

/// Byte ranges of the lines of `text`, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |l| {
        let range = start..start + l.trim_end_matches(['\n', '\r']).len();
        start += l.len();
        range
    })
}

/// Finds the article text inside `text`.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut from = 0;
    if let Some((date, skip)) = leading_date(text) {
        out.date = Some(date);
        from = skip;
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut first = true;
    let all: Vec<Range<usize>> = lines(text).collect();
    for (i, range) in all.iter().enumerate() {
        let range = range.start.max(from)..range.end.max(from);
        let raw = &text[range.clone()];
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let start = range.start + (raw.len() - raw.trim_start().len());
        let end = start + line.len();
        let verdict = judge(line);
        match verdict {
            Verdict::Stop => break,
            Verdict::Drop => continue,
            Verdict::Keep | Verdict::KeepFirst(_) => {}
        }
        // A caption or paragraph printed twice is read once.
        if line.len() > 30 && !seen.insert(line) {
            continue;
        }
        let end = match verdict {
            Verdict::KeepFirst(n) => start + n,
            _ => end,
        };
        if first {
            first = false;
            let next_blank = all
                .get(i + 1)
                .is_none_or(|r| text[r.clone()].trim().is_empty());
            let headline = !line.ends_with(['.', ':', ';', ','])
                && line.len() < 200
                && line.split_whitespace().count() >= 2;
            if headline && next_blank {
                out.title = Some(start..end);
            }
        }
        out.keep.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> Vec<&str> {
        clean(text).keep.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn drops_prompts_credits_and_file_names() {
        let text = "Storm hits coast\n\nSign up now: Get our daily briefing\n\nIMG_2041 20230911.jpg\n\n\
                    PHOTO: REUTERS\n\nThe storm reached the coast on Monday.\n\nFollow topic:\n";
        assert_eq!(
            kept(text),
            vec!["Storm hits coast", "The storm reached the coast on Monday."]
        );
        let cleaned = clean(text);
        assert_eq!(cleaned.title.map(|r| &text[r]), Some("Storm hits coast"));
    }

    #[test]
    fn stops_at_related_article_lists() {
        let text = "The council approved the budget.\n\nMore from The Daily Planet\n\nFeatured\n\nA cat sat on a mat\n";
        assert_eq!(kept(text), vec!["The council approved the budget."]);
    }

    #[test]
    fn reads_leading_date_and_keeps_offsets() {
        let text = " date 2024-02-01 The council met on Monday.";
        let cleaned = clean(text);
        assert_eq!(cleaned.date.as_deref(), Some("2024-02-01"));
        assert_eq!(cleaned.keep.len(), 1);
        assert_eq!(&text[cleaned.keep[0].clone()], "The council met on Monday.");
    }

    #[test]
    fn repeated_captions_are_read_once_and_credits_trimmed() {
        let text = "Leaders shake hands in Oslo on May 2, 2024.\n\nLeaders shake hands in Oslo on May 2, 2024.\n\n\
                    The talks ended late. REUTERS, AFP\n";
        assert_eq!(
            kept(text),
            vec![
                "Leaders shake hands in Oslo on May 2, 2024.",
                "The talks ended late."
            ]
        );
    }

    #[test]
    fn running_text_is_never_cruft() {
        let text = "Subscribers to the service said on Tuesday that the price rise had surprised many of them.";
        assert_eq!(kept(text), vec![text]);
        assert!(clean("").keep.is_empty());
        assert!(clean("\n\n \n").keep.is_empty());
    }
}

//! Tokenizer: whitespace-separated chunks, each split into words, numbers and punctuation.

use super::Token;
use super::chars::{
    char_at, char_before, is_apostrophe, is_closing, is_hyphen, is_opening, is_space, is_word_char,
    newlines,
};
use super::tables::{self, AbbrevClass};

/// What the sentence splitter needs to know about a token besides its offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct TokInfo {
    /// Line breaks in the whitespace before the token (2 or more: a blank line).
    pub newlines: u8,
    /// Whether whitespace precedes the token.
    pub space_before: bool,
    /// Set when the token is an abbreviation with its period attached.
    pub abbrev: Option<AbbrevClass>,
}

/// Clitics split off the end of a word after an apostrophe (lowercase).
const CLITICS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

/// Number suffixes split off as words (`3.2m` -> `3.2` `m`, `8bn` -> `8` `bn`).
const MULTIPLIERS: [&str; 9] = ["m", "bn", "mn", "b", "k", "tn", "trn", "mln", "bln"];

/// Tokenizes `text`.
pub(super) fn tokenize(text: &str) -> (Vec<Token>, Vec<TokInfo>) {
    let mut t = Tokenizer {
        text,
        tokens: Vec::with_capacity(text.len() / 5),
        info: Vec::with_capacity(text.len() / 5),
        newlines: 0,
        space: false,
    };
    t.run();
    (t.tokens, t.info)
}

struct Tokenizer<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    info: Vec<TokInfo>,
    /// Line breaks seen since the last token.
    newlines: u8,
    /// Whether whitespace was seen since the last token.
    space: bool,
}

impl Tokenizer<'_> {
    fn push(&mut self, start: usize, end: usize, abbrev: Option<AbbrevClass>) {
        if end <= start {
            return;
        }
        self.tokens.push(Token { start, end });
        self.info.push(TokInfo {
            newlines: self.newlines,
            space_before: self.space,
            abbrev,
        });
        self.newlines = 0;
        self.space = false;
    }

    fn run(&mut self) {
        let text = self.text;
        let mut i = 0;
        while let Some(c) = char_at(text, i) {
            if is_space(c) {
                let nl = if c == '\r' && char_at(text, i + 1) != Some('\n') {
                    1
                } else {
                    newlines(c)
                };
                self.newlines = self.newlines.saturating_add(nl);
                self.space = true;
                i += c.len_utf8();
                continue;
            }
            let end = text[i..]
                .char_indices()
                .find(|&(_, c)| is_space(c))
                .map_or(text.len(), |(k, _)| i + k);
            self.chunk(i, end);
            i = end;
        }
    }

    /// The char at `i` if it lies before `b`.
    fn at(&self, i: usize, b: usize) -> Option<char> {
        if i < b { char_at(self.text, i) } else { None }
    }

    /// Tokenizes the chunk `a..b` (no whitespace inside).
    fn chunk(&mut self, a: usize, b: usize) {
        if looks_like_url(&self.text[a..b]) {
            self.url(a, b);
            return;
        }
        let mut i = a;
        while let Some(c) = self.at(i, b) {
            let len = c.len_utf8();
            let next = self.at(i + len, b);
            let prev = if i > a {
                char_before(self.text, i)
            } else {
                None
            };
            if is_word_char(c) {
                i = self.word(i, i, b);
                continue;
            }
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            i = match c {
                // Hashtags and handles.
                '#' | '@'
                    if next.is_some_and(char::is_alphabetic) && !prev.is_some_and(is_word_char) =>
                {
                    self.word(i, i + 1, b)
                }
                // Leading decimal points (.5).
                '.' if next_digit && prev.is_none_or(|p| is_opening(p) || p == '"') => {
                    self.word(i, i + len, b)
                }
                c if is_apostrophe(c) => self.apostrophe(i, len, prev, b),
                '.' | '!' | '?' | '-' => {
                    let end = self.run_of(i, b, c);
                    self.push(i, end, None);
                    end
                }
                _ => {
                    self.push(i, i + len, None);
                    i + len
                }
            };
        }
    }

    /// End of the run of `c` (or of `!`/`?` mixed) starting at `i`.
    fn run_of(&self, i: usize, b: usize, c: char) -> usize {
        let bytes = self.text.as_bytes();
        let same = |x: u8| {
            if c == '!' || c == '?' {
                x == b'!' || x == b'?'
            } else {
                x == c as u8
            }
        };
        let mut j = i;
        while j < b && same(bytes[j]) {
            j += 1;
        }
        j
    }

    /// An apostrophe that does not sit inside a word: a decade (`'90s`), a clitic after a
    /// period or bracket (`U.S.'s`), or a quote mark of its own.
    fn apostrophe(&mut self, i: usize, len: usize, prev: Option<char>, b: usize) -> usize {
        let bytes = self.text.as_bytes();
        let d = i + len;
        let decade = d + 2 <= b
            && bytes[d].is_ascii_digit()
            && bytes[d + 1].is_ascii_digit()
            && (d + 2 == b || bytes[d + 2] == b's' || !self.at(d + 2, b).is_some_and(is_word_char));
        if decade && !prev.is_some_and(is_word_char) {
            return self.word(i, d, b);
        }
        if let Some(p) = prev
            && (is_word_char(p) || p == '.' || is_closing(p))
            && let Some(k) = self.clitic_len(d, b)
        {
            self.push(i, d + k, None);
            return d + k;
        }
        // Text tokenised before it came here ("Tehran 's", "I 'm") writes a clitic as a word
        // of its own, after a space that follows a word.
        if prev.is_none()
            && self.tokens.last().is_some_and(|t| {
                char_before(self.text, t.end).is_some_and(is_word_char) && t.end < i
            })
            && let Some(k) = self.clitic_len(d, b)
        {
            self.push(i, d + k, None);
            return d + k;
        }
        self.push(i, d, None);
        d
    }

    /// Length of a clitic (`s`, `re`, ...) at `i` that ends its word.
    fn clitic_len(&self, i: usize, b: usize) -> Option<usize> {
        let rest = self.text.get(i..b)?;
        CLITICS
            .iter()
            .find(|c| {
                rest.get(..c.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(c))
                    && !self.at(i + c.len(), b).is_some_and(is_word_char)
            })
            .map(|c| c.len())
    }

    /// Tokenizes a word whose token starts at `start` and whose word chars start at `from`;
    /// returns where the next token starts.
    fn word(&mut self, start: usize, from: usize, b: usize) -> usize {
        let j = self.scan_word(from, b);
        let text = self.text;
        // Currency prefixes: US$8, S$11, HK$1.2bn.
        if start == from
            && self.at(j, b) == Some('$')
            && is_currency_prefix(&text[start..j])
            && self.at(j + 1, b).is_none_or(|c| c.is_ascii_digit())
        {
            self.push(start, j + 1, None);
            return j + 1;
        }
        let word = &text[start..j];
        if let Some(k) = multiplier_split(word) {
            self.push(start, start + k, None);
            self.push(start + k, j, None);
            return j;
        }
        if self.at(j, b) == Some('.') {
            let after = j + 1;
            let next = self.at(after, b);
            if next.is_none_or(|n| !is_word_char(n) && n != '.')
                && let Some(class) = self.abbreviation(word, after)
            {
                self.push(start, after, Some(class));
                return after;
            }
        }
        self.push_with_clitics(start, j);
        j
    }

    /// End of the word whose chars start at `from`: word chars, joined by hyphens, inner
    /// apostrophes, decimal points and thousands separators, initialism periods, `&`, `/`, `_`.
    fn scan_word(&self, from: usize, b: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let Some(first) = self.at(from, b) else {
            return from;
        };
        let mut j = from + first.len_utf8();
        let mut prev = first;
        // Chars since the last period joined inside the word.
        let mut seg = 1usize;
        while let Some(c) = self.at(j, b) {
            if is_word_char(c) {
                j += c.len_utf8();
                prev = c;
                seg += 1;
                continue;
            }
            let after = j + c.len_utf8();
            let Some(n) = self.at(after, b) else { break };
            let join = if is_hyphen(c) || matches!(c, '_' | '&' | '@') {
                is_word_char(n)
            } else if c == '/' {
                // 9/11, 24/7 stay whole; and/or is split, as in EWT.
                prev.is_ascii_digit() && n.is_ascii_digit()
            } else if is_apostrophe(c) {
                n.is_alphabetic() && prev.is_alphanumeric()
            } else {
                match c {
                    '.' => {
                        let after_n = after + n.len_utf8();
                        let single = seg == 1
                            && prev.is_alphabetic()
                            && n.is_alphabetic()
                            && self
                                .at(after_n, b)
                                .is_none_or(|x| x == '.' || !is_word_char(x));
                        (prev.is_ascii_digit() && n.is_ascii_digit())
                            || single
                            || (n.is_lowercase() && prev.is_alphanumeric() && seg > 1)
                    }
                    ',' => {
                        prev.is_ascii_digit()
                            && after + 3 <= b
                            && bytes[after..after + 3].iter().all(u8::is_ascii_digit)
                            && (after + 3 == b || !bytes[after + 3].is_ascii_digit())
                    }
                    ':' => prev.is_ascii_digit() && n.is_ascii_digit(),
                    _ => false,
                }
            };
            if !join {
                break;
            }
            seg = if c == '.' { 1 } else { seg + 2 };
            j = after + n.len_utf8();
            prev = n;
        }
        j
    }

    /// The class of `word` when followed by a period (at `after - 1`), if it keeps it.
    fn abbreviation(&self, word: &str, after: usize) -> Option<AbbrevClass> {
        match tables::abbreviation(word) {
            Some(AbbrevClass::Num) => self.digit_follows(after).then_some(AbbrevClass::Num),
            Some(class) => Some(class),
            None => is_initialism(word).then_some(AbbrevClass::End),
        }
    }

    /// Whether the first non-space char from `i` (looking a little way only) is a digit.
    fn digit_follows(&self, i: usize) -> bool {
        let rest = self.text.get(i..).unwrap_or("");
        rest.chars()
            .take(16)
            .find(|&c| !is_space(c))
            .is_some_and(|c| c.is_ascii_digit())
    }

    /// Pushes a word, splitting off clitics (`do` `n't`, `Vietnam` `’s`, `can` `not`).
    fn push_with_clitics(&mut self, s: usize, e: usize) {
        let w = &self.text[s..e];
        if let Some(n) = tables::split_point(w)
            && let Some((k, _)) = w.char_indices().nth(n)
        {
            self.push(s, s + k, None);
            self.push(s + k, e, None);
            return;
        }
        for neg in ["n't", "n\u{2019}t"] {
            if let Some(stem) = strip_suffix_ci(w, neg)
                && stem.chars().next_back().is_some_and(char::is_alphabetic)
            {
                self.push(s, s + stem.len(), None);
                self.push(s + stem.len(), e, None);
                return;
            }
        }
        if let Some(p) = w.rfind(is_apostrophe)
            && p > 0
        {
            let suffix = &w[p..][w[p..].chars().next().map_or(1, char::len_utf8)..];
            if CLITICS.iter().any(|c| c.eq_ignore_ascii_case(suffix)) {
                self.push(s, s + p, None);
                self.push(s + p, e, None);
                return;
            }
        }
        self.push(s, e, None);
    }

    /// A URL or e-mail address chunk: leading openers and trailing punctuation split off.
    fn url(&mut self, a: usize, b: usize) {
        let text = self.text;
        let mut s = a;
        while let Some(c) = self.at(s, b) {
            if !(is_opening(c) || matches!(c, '"' | '\'' | '<')) {
                break;
            }
            self.push(s, s + c.len_utf8(), None);
            s += c.len_utf8();
        }
        let has_paren = text[s..b].contains('(');
        let mut e = b;
        while e > s {
            let Some(c) = char_before(text, e) else { break };
            let trail = matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '>')
                || (is_closing(c) && !(c == ')' && has_paren));
            if !trail {
                break;
            }
            e -= c.len_utf8();
        }
        self.push(s, e, None);
        let mut i = e;
        while let Some(c) = self.at(i, b) {
            self.push(i, i + c.len_utf8(), None);
            i += c.len_utf8();
        }
    }
}

/// `word` without a case-insensitive ASCII `suffix` (which may contain a non-ASCII apostrophe).
fn strip_suffix_ci<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = word.len().checked_sub(suffix.len())?;
    let (stem, tail) = (word.get(..cut)?, word.get(cut..)?);
    tail.eq_ignore_ascii_case(suffix).then_some(stem)
}

/// One to three capital ASCII letters (`US`, `S`, `HK`) before `$`.
fn is_currency_prefix(s: &str) -> bool {
    (1..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// Letters separated by periods (`U.S`, `e.g`, `a.m`) or one capital letter (an initial).
fn is_initialism(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => {
            word.contains('.')
                && word
                    .split('.')
                    .all(|seg| seg.chars().count() == 1 && seg.chars().all(char::is_alphabetic))
        }
    }
}

/// For a number glued to a multiplier (`3.2m`, `8bn`), the byte length of the number.
fn multiplier_split(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    if !bytes.first()?.is_ascii_digit() {
        return None;
    }
    let k = bytes
        .iter()
        .position(|b| !(b.is_ascii_digit() || *b == b'.' || *b == b','))?;
    if !bytes[k - 1].is_ascii_digit() {
        return None;
    }
    MULTIPLIERS.contains(&&word[k..]).then_some(k)
}

/// Whether a chunk is (or wraps) a URL or an e-mail address.
fn looks_like_url(chunk: &str) -> bool {
    let body = chunk.trim_start_matches(|c: char| is_opening(c) || matches!(c, '"' | '\'' | '<'));
    let lower_starts = |p: &str| {
        body.get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    };
    if lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("ftp://")
        || lower_starts("www.")
    {
        return true;
    }
    // user@domain.tld
    let Some(at) = body.find('@') else {
        return false;
    };
    let (user, domain) = (&body[..at], &body[at + 1..]);
    user.chars().next_back().is_some_and(is_word_char)
        && user.chars().next().is_some_and(is_word_char)
        && domain.split_once('.').is_some_and(|(host, tld)| {
            !host.is_empty()
                && host
                    .chars()
                    .all(|c| is_word_char(c) || c == '-' || c == '.')
                && tld.chars().next().is_some_and(char::is_alphabetic)
        })
}

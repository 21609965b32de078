//! Character classes used by the tokenizer and the sentence splitter.

/// The char starting at byte `i` of `s` (`None` at the end or off a char boundary).
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The char ending just before byte `i` of `s`.
#[inline]
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// Separators: whitespace, control characters and invisible format characters.
#[inline]
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// Line breaks a separator char counts for (a paragraph separator counts as a blank line).
#[inline]
pub(super) fn newlines(c: char) -> u8 {
    match c {
        '\n' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' => 1,
        '\u{2029}' => 2,
        _ => 0,
    }
}

/// Non-ASCII punctuation and symbols: each is a token of its own.
#[inline]
fn is_non_ascii_punct(c: char) -> bool {
    matches!(c,
        '\u{00A1}'..='\u{00BF}' // Latin-1 punctuation and symbols (¡ ¢ £ § « ° ± » ¿ ...)
        | '\u{00D7}' | '\u{00F7}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' // general punctuation
        | '\u{20A0}'..='\u{20CF}' // currency symbols
        | '\u{2100}'..='\u{2BFF}' // letterlike symbols, arrows, maths, shapes, dingbats
        | '\u{3000}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FE10}'..='\u{FE6F}' // vertical and small forms
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}' | '\u{FFE0}'..='\u{FFEE}'
        | '\u{1F000}'..='\u{1FAFF}' // emoji and pictographs
    )
}

/// Chars that make up words: letters, digits, combining marks, and any other non-ASCII char
/// that is not punctuation, a symbol or a separator.
#[inline]
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // Letters and numbers first: Latin-1 has some inside the punctuation range (ª ² ½).
        c.is_alphanumeric() || (!is_non_ascii_punct(c) && !is_space(c))
    }
}

/// Hyphen-like chars that join the parts of a compound word.
#[inline]
pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes (straight and typographic right single quote).
#[inline]
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Punctuation that closes a quotation or parenthesis.
#[inline]
pub(super) fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '\u{2019}' | '\u{201D}' | '\u{00BB}' | '\u{203A}'
    )
}

/// Punctuation that opens a quotation or parenthesis.
#[inline]
pub(super) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '(' | '[' | '{' | '\u{2018}' | '\u{201C}' | '\u{00AB}' | '\u{2039}' | '\u{201E}'
    )
}

/// Sentence-final punctuation chars.
#[inline]
pub(super) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{203C}'
            | '\u{2047}'..='\u{2049}'
    )
}

//! Byte offsets to char (code point) offsets, for texts of any size.
//!
//! Stores only where multi-byte characters are, so ASCII text costs nothing and a 50 MB text
//! with a few accents costs a few entries.

/// Converts byte offsets of one text into char offsets.
#[derive(Clone, Debug, Default)]
pub struct CharMap {
    /// (byte offset just after a multi-byte char, extra bytes so far), ascending.
    marks: Vec<(usize, usize)>,
}

impl CharMap {
    /// Scans `text` once.
    pub fn new(text: &str) -> CharMap {
        let mut marks = Vec::new();
        let mut extra = 0;
        if !text.is_ascii() {
            for (i, c) in text.char_indices() {
                let len = c.len_utf8();
                if len > 1 {
                    extra += len - 1;
                    marks.push((i + len, extra));
                }
            }
        }
        CharMap { marks }
    }

    /// The char offset of a byte offset that lies on a char boundary.
    pub fn char_at(&self, byte: usize) -> usize {
        let n = self.marks.partition_point(|&(b, _)| b <= byte);
        let extra = if n == 0 { 0 } else { self.marks[n - 1].1 };
        byte - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points() {
        let text = "a\u{2019}b \u{1F600}c é";
        let map = CharMap::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.char_at(byte), chars);
        }
        assert_eq!(map.char_at(text.len()), text.chars().count());
        assert_eq!(CharMap::new("plain").char_at(3), 3);
    }
}

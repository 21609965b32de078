//! The lexicon's source files: embedded at build time from `data/lexicons/`, or read from a
//! folder that replaces some of them, each with a content hash that model manifests record.

use std::borrow::Cow;
use std::path::Path;

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file exists but could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The file.
        path: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        /// Every lexicon file, by name, with its embedded text.
        const EMBEDDED: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../data/lexicons/", $name)))),*
        ];
    };
}

embedded!(
    "countries.tsv",
    "country_extra.tsv",
    "capital_extra.tsv",
    "demonym_extra.tsv",
    "cities.tsv",
    "regions.tsv",
    "ner_regions.txt",
    "given_names.tsv",
    "given_genders.tsv",
    "titles.txt",
    "title_words.txt",
    "honorifics.txt",
    "org_suffixes.txt",
    "companies.txt",
    "organizations.txt",
    "institutions.txt",
    "facilities.txt",
    "company_words.txt",
    "company_openers.txt",
    "party_adjectives.txt",
    "agency_words.txt",
    "event_words.txt",
    "org_nouns.tsv",
    "person_nouns.txt",
    "party_names.txt",
    "team_words.txt",
    "team_openers.txt",
    "region_abbreviations.tsv",
);

/// The texts a lexicon is built from, one per file name of [`Sources::names`].
#[derive(Debug, Clone, Default)]
pub struct Sources {
    texts: Vec<(&'static str, Cow<'static, str>)>,
}

impl Sources {
    /// The file names, in load order.
    pub fn names() -> impl Iterator<Item = &'static str> {
        EMBEDDED.iter().map(|(name, _)| *name)
    }

    /// The files embedded in the crate.
    pub fn embedded() -> Sources {
        Sources {
            texts: EMBEDDED
                .iter()
                .map(|&(name, text)| (name, Cow::Borrowed(text)))
                .collect(),
        }
    }

    /// The embedded files, with those present in `dir` (same names) read from there instead.
    /// Returns the sources and the names of the files read from `dir`.
    pub fn overlaid(dir: &Path) -> Result<(Sources, Vec<&'static str>), SourceError> {
        let mut sources = Sources::embedded();
        let mut replaced = Vec::new();
        for (name, text) in &mut sources.texts {
            let path = dir.join(*name);
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|source| SourceError::Io {
                path: path.display().to_string(),
                source,
            })?;
            let owned = String::from_utf8(bytes).map_err(|e| SourceError::NotUtf8 {
                path: path.display().to_string(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            *text = Cow::Owned(owned);
            replaced.push(*name);
        }
        Ok((sources, replaced))
    }

    /// The text of file `name` (empty for a name that is not a lexicon file).
    pub fn text(&self, name: &str) -> &str {
        self.texts
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, t)| t.as_ref())
    }

    /// Content hash of the data lines of file `name` (see [`content_hash`]): comments and
    /// blank lines, which no reader uses, do not count.
    pub fn hash(&self, name: &str) -> u64 {
        let mut data = Vec::new();
        for line in self.text(name).lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            data.extend_from_slice(line.as_bytes());
            data.push(b'\n');
        }
        content_hash(&data)
    }
}

/// A 64-bit FNV-1a hash of a file's bytes: cheap enough to take at every start, and any edit
/// of a file changes it.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_has_text_and_a_distinct_hash() {
        let s = Sources::embedded();
        let mut hashes: Vec<u64> = Sources::names().map(|n| s.hash(n)).collect();
        let mut edited = Sources::embedded();
        edited.texts[0].1 = format!("# a new comment\n\n{}", s.texts[0].1).into();
        assert_eq!(
            edited.hash(edited.texts[0].0),
            hashes[0],
            "comments do not count"
        );
        edited.texts[0].1 = format!("{}Atlantis\n", s.texts[0].1).into();
        assert_ne!(edited.hash(edited.texts[0].0), hashes[0], "data lines do");
        assert!(Sources::names().all(|n| !s.text(n).is_empty()));
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), Sources::names().count());
        assert_eq!(s.text("no-such-file"), "");
    }

    #[test]
    fn a_folder_replaces_only_the_files_it_holds() {
        let dir = std::env::temp_dir().join(format!("kg-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("honorifics.txt"), "Sir\n").expect("write");
        let (s, replaced) = Sources::overlaid(&dir).expect("overlaid");
        assert_eq!(replaced, ["honorifics.txt"]);
        assert_eq!(s.text("honorifics.txt"), "Sir\n");
        assert_eq!(s.text("titles.txt"), Sources::embedded().text("titles.txt"));
        std::fs::write(dir.join("titles.txt"), [0xff, 0xfe]).expect("write");
        let err = Sources::overlaid(&dir).expect_err("not UTF-8");
        assert!(err.to_string().contains("titles.txt"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}

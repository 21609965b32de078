//! The corpus readers, and loading the NER corpora from a data directory laid out like
//! `../shared/data`:
//! `uner-ewt/en_ewt-ud-{train,dev,test}.iob2`, `gum/GUM_*.conllu` and `gum/splits.md`.

pub(crate) mod conllu;
pub mod gum;
pub mod ud;
pub mod uner;

use std::path::Path;

pub use uner::{LabeledDoc, LabeledSentence, Split, gum_split, read_gum_splits, read_uner};

use crate::Error;
use crate::score::ner::{EvalSet, eval_set};

/// A corpus split the recognizer is trained or measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Corpus {
    /// Universal NER English-EWT.
    Uner(Split),
    /// GUM, every genre.
    Gum(Split),
    /// GUM, news documents only (`GUM_news_*`).
    GumNews(Split),
}

impl Corpus {
    /// A short file-friendly name (`uner-test`, `gum-news-dev`).
    pub fn name(self) -> String {
        let (corpus, split) = match self {
            Corpus::Uner(s) => ("uner", s),
            Corpus::Gum(s) => ("gum", s),
            Corpus::GumNews(s) => ("gum-news", s),
        };
        let split = match split {
            Split::Train => "train",
            Split::Dev => "dev",
            Split::Test => "test",
        };
        format!("{corpus}-{split}")
    }
}

fn read(path: &Path) -> Result<String, Error> {
    crate::read_text(path)
}

/// Reads a corpus split from `data_dir`. GUM documents are returned sorted by name.
pub fn load(data_dir: &Path, corpus: Corpus) -> Result<Vec<LabeledDoc>, Error> {
    match corpus {
        Corpus::Uner(split) => {
            let name = match split {
                Split::Train => "train",
                Split::Dev => "dev",
                Split::Test => "test",
            };
            let path = data_dir
                .join("uner-ewt")
                .join(format!("en_ewt-ud-{name}.iob2"));
            read_uner(&read(&path)?).map_err(|e| e.in_file(&path))
        }
        Corpus::Gum(split) => load_gum(data_dir, split, false),
        Corpus::GumNews(split) => load_gum(data_dir, split, true),
    }
}

fn load_gum(data_dir: &Path, split: Split, news_only: bool) -> Result<Vec<LabeledDoc>, Error> {
    let dir = data_dir.join("gum");
    let (dev, test) = read_gum_splits(&read(&dir.join("splits.md"))?);
    let io = crate::io(&dir);
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(&io)? {
        let entry = entry.map_err(&io)?;
        let file = entry.file_name().to_string_lossy().into_owned();
        if let Some(name) = file.strip_suffix(".conllu")
            && gum_split(name, &dev, &test) == split
            && (!news_only || name.starts_with("GUM_news_"))
        {
            names.push(name.to_string());
        }
    }
    names.sort();
    let mut docs = Vec::with_capacity(names.len());
    for name in names {
        let path = dir.join(format!("{name}.conllu"));
        let doc = gum::read_gum(&name, &read(&path)?).map_err(|e| e.in_file(&path))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads a corpus split and turns it into documents and char-offset gold mentions.
pub fn load_eval_set(data_dir: &Path, corpus: Corpus) -> Result<EvalSet, Error> {
    Ok(eval_set(&load(data_dir, corpus)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_missing_files() {
        assert_eq!(Corpus::GumNews(Split::Test).name(), "gum-news-test");
        assert_eq!(Corpus::Uner(Split::Dev).name(), "uner-dev");
        let err = load(Path::new("/nonexistent-kg-data"), Corpus::Uner(Split::Dev))
            .expect_err("no such directory");
        assert!(err.to_string().contains("en_ewt-ud-dev.iob2"), "{err}");
    }
}

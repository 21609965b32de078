//! The corpus readers, and loading the NER corpora from a data directory laid out like
//! `../shared/data`:
//! `uner-ewt/en_ewt-ud-{train,dev,test}.iob2`, `gum/GUM_*.conllu` and `gum/splits.md`.

pub(crate) mod conllu;
pub mod gum;
pub mod text;
pub mod treebank;
pub mod ud;
pub mod uner;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use text::TextForm;
pub use uner::{LabeledDoc, LabeledSentence, Split, gum_split, read_gum_splits, read_uner};

use crate::Error;
use crate::score::ner::{EvalSet, TextAlignment, eval_set, eval_set_as};

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
        format!("{corpus}-{}", split_name(split))
    }
}

fn read(path: &Path) -> Result<String, Error> {
    crate::read_text(path)
}

fn split_name(split: Split) -> &'static str {
    match split {
        Split::Train => "train",
        Split::Dev => "dev",
        Split::Test => "test",
    }
}

/// Reads a corpus split from `data_dir`. GUM documents are returned sorted by name.
pub fn load(data_dir: &Path, corpus: Corpus) -> Result<Vec<LabeledDoc>, Error> {
    match corpus {
        Corpus::Uner(split) => {
            let path = data_dir
                .join("uner-ewt")
                .join(format!("en_ewt-ud-{}.iob2", split_name(split)));
            read_uner(&read(&path)?).map_err(|e| e.in_file(&path))
        }
        Corpus::Gum(split) => load_gum(data_dir, split, false),
        Corpus::GumNews(split) => load_gum(data_dir, split, true),
    }
}

/// The names and paths of the GUM documents of a split, sorted by name.
pub(crate) fn gum_files(
    data_dir: &Path,
    split: Split,
    news_only: bool,
) -> Result<Vec<(String, PathBuf)>, Error> {
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
    Ok(names
        .into_iter()
        .map(|name| {
            let path = dir.join(format!("{name}.conllu"));
            (name, path)
        })
        .collect())
}

fn load_gum(data_dir: &Path, split: Split, news_only: bool) -> Result<Vec<LabeledDoc>, Error> {
    let files = gum_files(data_dir, split, news_only)?;
    let mut docs = Vec::with_capacity(files.len());
    for (name, path) in files {
        let doc = gum::read_gum(&name, &read(&path)?).map_err(|e| e.in_file(&path))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// The original text of every sentence of a corpus split, by sentence id: the `# text` lines of
/// UD English EWT (`ud-ewt/en_ewt-ud-<split>.conllu`, the same sentences as UNER, joined by
/// `sent_id`) or of the GUM documents themselves.
pub fn load_texts(data_dir: &Path, corpus: Corpus) -> Result<HashMap<String, String>, Error> {
    let paths = match corpus {
        Corpus::Uner(split) => vec![
            data_dir
                .join("ud-ewt")
                .join(format!("en_ewt-ud-{}.conllu", split_name(split))),
        ],
        Corpus::Gum(split) => gum_files(data_dir, split, false)?
            .into_iter()
            .map(|(_, p)| p)
            .collect(),
        Corpus::GumNews(split) => gum_files(data_dir, split, true)?
            .into_iter()
            .map(|(_, p)| p)
            .collect(),
    };
    let mut texts = HashMap::new();
    for path in paths {
        texts.extend(text::sentence_texts(&read(&path)?).map_err(|e| e.in_file(&path))?);
    }
    Ok(texts)
}

/// Reads a corpus split and turns it into documents and char-offset gold mentions.
pub fn load_eval_set(data_dir: &Path, corpus: Corpus) -> Result<EvalSet, Error> {
    Ok(eval_set(&load(data_dir, corpus)?))
}

/// Reads a corpus split and turns it into documents in the given text form (the original
/// sentence texts from [`load_texts`] for [`TextForm::Lines`] and [`TextForm::Running`]), with
/// what the alignment of the tokens to those texts lost.
pub fn load_eval_set_as(
    data_dir: &Path,
    corpus: Corpus,
    form: TextForm,
) -> Result<(EvalSet, TextAlignment), Error> {
    let docs = load(data_dir, corpus)?;
    let texts = match form {
        TextForm::Tokens => HashMap::new(),
        TextForm::Lines | TextForm::Running => load_texts(data_dir, corpus)?,
    };
    Ok(eval_set_as(&docs, form, &texts))
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

//! The statistical taggers and what they share: averaged-perceptron inference
//! ([`perceptron`]), the part-of-speech tagger ([`pos`]) and the entity tagger ([`ner`]).

pub mod classes;
pub mod lemma;
pub mod ner;
pub(crate) mod packed;
pub mod parse;
pub mod perceptron;
pub mod pos;

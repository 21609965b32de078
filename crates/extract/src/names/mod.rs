//! Names and the things they name: named mentions found in sentences ([`mentions`]), grouped
//! into one entity per thing inside a document ([`coref`]) and across documents ([`resolve`]).

pub(crate) mod coref;
pub(crate) mod mentions;
pub mod resolve;
pub(crate) mod shape;

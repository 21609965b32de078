//! The facts read from an analysed document: posts and roles ([`roles`]), relations between
//! entities ([`relations`]), quotes with their speaker ([`quotes`]) and values ([`values`]).

pub(crate) mod descriptions;
pub(crate) mod pronouns;
pub(crate) mod quotes;
pub(crate) mod relations;
pub(crate) mod roles;
pub(crate) mod trees;
pub mod values;

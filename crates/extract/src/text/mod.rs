//! Text as read: web-page cruft removed ([`clean`]), HTML turned into text ([`html`]),
//! sentences and tokens with byte offsets ([`segment`]), and byte-to-char offset maps.

pub(crate) mod charmap;
pub mod clean;
pub mod html;
pub mod segment;

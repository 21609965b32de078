//! The envelope of the binary files kg-extract embeds (perceptron models, the word-class
//! table): magic bytes, a format version, then the payload compressed with zlib. Reading never
//! panics and never inflates past a size limit.

use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;

/// Why an envelope could not be opened.
#[derive(Debug)]
pub(crate) enum Unpacked {
    /// The bytes do not start with the expected magic number.
    BadMagic,
    /// The format version is not the expected one.
    Version(u8),
    /// Decompression failed (truncated or corrupt data, bad checksum, over the size limit).
    Decompress(std::io::Error),
}

/// A payload that ends too early or holds a malformed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt(pub &'static str);

/// Cursor over a payload whose reads fail with [`Corrupt`] past its end; the formats' error
/// types convert from it.
pub(crate) struct Reader<'a> {
    pub(crate) buf: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn byte(&mut self) -> Result<u8, Corrupt> {
        let (&b, rest) = self.buf.split_first().ok_or(Corrupt("truncated"))?;
        self.buf = rest;
        Ok(b)
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        if n > self.buf.len() {
            return Err(Corrupt("truncated"));
        }
        let (head, rest) = self.buf.split_at(n);
        self.buf = rest;
        Ok(head)
    }

    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], Corrupt> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub(crate) fn varint(&mut self) -> Result<u64, Corrupt> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt("varint too long"))
    }
}

/// `magic`, `version`, then `payload` compressed at the best level.
pub(crate) fn pack(magic: &[u8], version: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() / 2 + magic.len() + 1);
    out.extend_from_slice(magic);
    out.push(version);
    let mut enc = ZlibEncoder::new(out, Compression::best());
    enc.write_all(payload)
        .and_then(|()| enc.finish())
        .expect("writing to a Vec cannot fail")
}

/// The payload of an envelope written by [`pack`] with the same `magic` and `version`, at most
/// `limit` bytes once inflated.
pub(crate) fn unpack(
    bytes: &[u8],
    magic: &[u8],
    version: u8,
    limit: u64,
) -> Result<Vec<u8>, Unpacked> {
    let body = bytes.strip_prefix(magic).ok_or(Unpacked::BadMagic)?;
    let (&found, stream) = body.split_first().ok_or(Unpacked::BadMagic)?;
    if found != version {
        return Err(Unpacked::Version(found));
    }
    let mut payload = Vec::new();
    let mut reader = ZlibDecoder::new(stream).take(limit + 1);
    reader
        .read_to_end(&mut payload)
        .map_err(Unpacked::Decompress)?;
    if payload.len() as u64 > limit {
        return Err(Unpacked::Decompress(std::io::Error::other(
            "payload larger than the limit",
        )));
    }
    Ok(payload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_its_own() {
        let packed = pack(b"KGXX", 3, b"hello hello hello");
        assert_eq!(
            unpack(&packed, b"KGXX", 3, 100).ok().as_deref(),
            Some(&b"hello hello hello"[..])
        );
        assert!(matches!(
            unpack(&packed, b"KGYY", 3, 100),
            Err(Unpacked::BadMagic)
        ));
        assert!(matches!(
            unpack(&packed, b"KGXX", 4, 100),
            Err(Unpacked::Version(3))
        ));
        assert!(matches!(
            unpack(&packed, b"KGXX", 3, 5),
            Err(Unpacked::Decompress(_))
        ));
        assert!(matches!(
            unpack(&packed[..packed.len() - 3], b"KGXX", 3, 100),
            Err(Unpacked::Decompress(_))
        ));
        assert!(matches!(
            unpack(b"KGXX", b"KGXX", 3, 100),
            Err(Unpacked::BadMagic)
        ));
    }
}

//! The hash chain: each entry's hash covers its bytes and the hash before it.
//!
//! With RFC 6962-style domain separation, a leaf and an interior hash can
//! never be confused:
//!
//! ```text
//! leaf(n)  = BLAKE3(0x00 || "plenum/entry/v1" || codec u32 || seq u64 || len u32 || recorded_at || payload)
//! chain(0) = 32 zero bytes
//! chain(n) = BLAKE3(0x01 || chain(n-1) || leaf(n))                 inside a batch
//! chain(n) = BLAKE3(0x02 || chain(n-1) || leaf(n) || digest(n))    the last entry of a batch
//! ```
//!
//! `digest(n)` is the combined projection digest ([`crate::digest`]) after the
//! batch: the last entry of every batch commits to what the projections hold,
//! so the head commits to the tables that queries read. (A batch is atomic:
//! no projection state between its entries was ever visible.)
//!
//! All integers are big-endian. Golden values in the tests pin the bytes.

use std::fmt;

use plenum_model::event::codec::CODEC_VERSION;
use plenum_model::id::Seq;

/// A BLAKE3 hash.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hash(pub [u8; 32]);

impl Hash {
    /// The hash before the first entry.
    pub const ZERO: Hash = Hash([0; 32]);

    /// The hash as lowercase hex.
    pub fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads 32 bytes.
    pub fn from_slice(bytes: &[u8]) -> Option<Hash> {
        bytes.try_into().ok().map(Hash)
    }
}

impl fmt::Display for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Hash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash({})", &self.to_hex()[..16])
    }
}

const LEAF: u8 = 0x00;
const NODE: u8 = 0x01;
const BATCH: u8 = 0x02;
const TAG: &[u8] = b"plenum/entry/v1";

/// The leaf hash of one entry.
pub fn leaf(seq: Seq, recorded_at: &str, payload: &[u8]) -> Hash {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&[LEAF]);
    hasher.update(TAG);
    hasher.update(&CODEC_VERSION.to_be_bytes());
    hasher.update(&seq.0.to_be_bytes());
    hasher.update(
        &u32::try_from(recorded_at.len())
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    hasher.update(recorded_at.as_bytes());
    hasher.update(payload);
    Hash(*hasher.finalize().as_bytes())
}

/// The chain hash through an entry.
pub fn link(previous: Hash, leaf: Hash) -> Hash {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&[NODE]);
    hasher.update(&previous.0);
    hasher.update(&leaf.0);
    Hash(*hasher.finalize().as_bytes())
}

/// The chain hash through the last entry of a batch, committing to the projections' digest.
pub fn link_committing(previous: Hash, leaf: Hash, digest: Hash) -> Hash {
    let mut hasher = blake3::Hasher::new();
    hasher.update(&[BATCH]);
    hasher.update(&previous.0);
    hasher.update(&leaf.0);
    hasher.update(&digest.0);
    Hash(*hasher.finalize().as_bytes())
}

/// The chain hash of an entry following `previous`: committing to `digest` if it
/// closes a batch.
pub fn next(
    previous: Hash,
    seq: Seq,
    recorded_at: &str,
    payload: &[u8],
    digest: Option<Hash>,
) -> Hash {
    let leaf = leaf(seq, recorded_at, payload);
    match digest {
        Some(digest) => link_committing(previous, leaf, digest),
        None => link(previous, leaf),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pins the hash format: any change here breaks every existing ledger. The
    /// values were computed independently, from the format in the module docs,
    /// with Python's `blake3` package.
    #[test]
    fn golden_hashes() {
        let payload =
            br#"{"date":"1946-08-28","id":"a","kind":"organization_founded","name":"A","org":"a"}"#;
        let first = next(Hash::ZERO, Seq(1), "2026-11-27T00:00:00Z", payload, None);
        let second = next(first, Seq(2), "2026-11-27T00:00:00Z", payload, None);
        let closing = next(
            first,
            Seq(2),
            "2026-11-27T00:00:00Z",
            payload,
            Some(Hash([7; 32])),
        );
        assert_eq!(
            first.to_hex(),
            "849941a9b022276ef9329f56077ced456aa5188e52dbf3bf310d1664a9860c23"
        );
        assert_eq!(
            second.to_hex(),
            "f5f3a8c833a8cb8d00f8b9378e1d63f48d8d46b765c132b50cb94cf97fe7f353"
        );
        assert_eq!(
            closing.to_hex(),
            "114f5346763a9532bff2b0409c397a6750dc9290195af910fee189c19278017b"
        );
        assert_ne!(closing, second);
    }

    #[test]
    fn leaves_and_nodes_are_separated() {
        let a = leaf(Seq(1), "t", b"x");
        assert_ne!(a, leaf(Seq(2), "t", b"x"));
        assert_ne!(a, leaf(Seq(1), "u", b"x"));
        assert_ne!(a, leaf(Seq(1), "t", b"y"));
        assert_ne!(
            leaf(Seq(1), "tx", b""),
            leaf(Seq(1), "t", b"x"),
            "the timestamp is length-prefixed"
        );
        assert_ne!(link(Hash::ZERO, a), a);
    }
}

//! `verify`: re-hash every entry and name the first one that does not match.

use plenum_model::event::codec;
use plenum_model::id::Seq;

use crate::{Error, Head, Store, chain};

/// What a successful verification saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Entries checked.
    pub entries: u64,
    /// Bytes hashed (timestamps and payloads).
    pub bytes: u64,
    /// The head, to compare with one kept elsewhere (truncation cannot be seen from inside).
    pub head: Head,
}

/// Re-hashes the whole ledger. On damage, fails with [`Error::Corrupt`]
/// naming the first entry whose bytes, hash or position do not match, or
/// whose payload is not an event.
///
/// `progress` is called after each entry with its position and the bytes hashed so far.
pub fn verify(store: &dyn Store, progress: &mut dyn FnMut(Seq, u64)) -> Result<Verified, Error> {
    let mut previous = Head::EMPTY;
    let mut bytes = 0u64;
    store.scan(Seq(1), &mut |entry| {
        let expected = Seq(previous.seq.0 + 1);
        if entry.seq != expected {
            return Err(Error::Corrupt {
                seq: expected,
                reason: format!("entry missing; the next stored entry is {}", entry.seq),
            });
        }
        let hash = chain::next(previous.hash, entry.seq, &entry.recorded_at, &entry.payload);
        if hash != entry.chain {
            return Err(Error::Corrupt {
                seq: entry.seq,
                reason: format!("hash mismatch: stored {}, computed {}", entry.chain, hash),
            });
        }
        if let Err(e) = codec::from_bytes(&entry.payload) {
            return Err(Error::Corrupt {
                seq: entry.seq,
                reason: format!("payload is not an event: {e}"),
            });
        }
        bytes += (entry.recorded_at.len() + entry.payload.len()) as u64;
        previous = Head {
            seq: entry.seq,
            hash,
        };
        progress(entry.seq, bytes);
        Ok(())
    })?;
    let head = store.head()?;
    if head != previous {
        return Err(Error::Corrupt {
            seq: head.seq,
            reason: "the recorded head does not match the entries".to_owned(),
        });
    }
    Ok(Verified {
        entries: previous.seq.0,
        bytes,
        head: previous,
    })
}

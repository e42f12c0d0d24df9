//! Copying a ledger between stores, batch by batch: each batch of the source is recorded
//! again in the target, with its time, and must come out with the source's chain hash.
//! A copy that would differ in one bit stops at the first batch that does.

use plenum_model::event::{Event, codec};
use plenum_model::id::Seq;

use crate::{Error, Hash, Head, Store, WriteError};

/// Records entries of another ledger again, batch by batch, after a head: each batch
/// with its time, checked to end on the chain hash the other ledger gave it. Shared by
/// [`copy`] (entries scanned from a store) and restores from a backup file.
pub struct Rerecorder<'a> {
    to: &'a dyn Store,
    head: Head,
    batch: Vec<Event>,
    recorded_at: String,
}

impl<'a> Rerecorder<'a> {
    /// Records into `to`, whose head must stay `head` while this records.
    pub fn new(to: &'a dyn Store, head: Head) -> Rerecorder<'a> {
        Rerecorder {
            to,
            head,
            batch: Vec::new(),
            recorded_at: String::new(),
        }
    }

    /// The head reached: that of the last batch recorded.
    pub fn head(&self) -> Head {
        self.head
    }

    /// Takes entry `seq`, recorded at `recorded_at`; `closing` is the chain hash it has if
    /// it is the last of its batch, which is then recorded and must end on that hash.
    /// Returns whether a batch was recorded.
    pub fn push(
        &mut self,
        seq: Seq,
        recorded_at: &str,
        event: Event,
        closing: Option<Hash>,
    ) -> Result<bool, WriteError> {
        if self.batch.is_empty() {
            recorded_at.clone_into(&mut self.recorded_at);
        } else if recorded_at != self.recorded_at {
            return Err(Error::Corrupt {
                seq,
                reason: format!(
                    "recorded at {recorded_at}, but its batch at {}",
                    self.recorded_at
                ),
            }
            .into());
        }
        self.batch.push(event);
        let Some(chain) = closing else {
            // The batch goes on.
            return Ok(false);
        };
        let written = self
            .to
            .transact(Some(self.head), &self.recorded_at, &mut |tx| {
                plenum_model::ledger::record(tx, &self.batch)
            })?;
        if written.head.hash != chain || written.head.seq != seq {
            return Err(Error::Corrupt {
                seq,
                reason: format!(
                    "recorded again it ends at entry {} with hash {}, not {}: recording stopped there",
                    written.head.seq,
                    written.head.hash.to_hex(),
                    chain.to_hex()
                ),
            }
            .into());
        }
        self.head = written.head;
        self.batch.clear();
        Ok(true)
    }

    /// Ends the re-recording: the last entry taken must have closed its batch.
    pub fn finish(self, last: Seq) -> Result<Head, Error> {
        if !self.batch.is_empty() {
            return Err(Error::Corrupt {
                seq: last,
                reason: "the last batch has no closing digest; run `plenum verify` on the source"
                    .into(),
            });
        }
        Ok(self.head)
    }
}

/// Copies every entry of `from` into `to`, which must be empty; calls `progress` with the
/// position reached after each batch. Returns the head, the same in both.
pub fn copy(
    from: &dyn Store,
    to: &dyn Store,
    progress: &mut dyn FnMut(Seq),
) -> Result<Head, WriteError> {
    let head = to.head()?;
    if head != Head::EMPTY {
        return Err(Error::NotALedger(format!(
            "the target already holds {} entries; copy into a new ledger",
            head.seq
        ))
        .into());
    }
    let mut rerecorder = Rerecorder::new(to, head);
    // A refusal of the model, kept while the scan unwinds with a store error.
    let mut refused: Option<WriteError> = None;
    let scanned = from.scan(Seq(1), &mut |entry| {
        let event = codec::from_bytes(&entry.payload).map_err(|e| Error::Corrupt {
            seq: entry.seq,
            reason: format!("payload is not an event: {e}"),
        })?;
        let closing = entry.digest.map(|_| entry.chain);
        match rerecorder.push(entry.seq, &entry.recorded_at, event, closing) {
            Ok(true) => progress(entry.seq),
            Ok(false) => {}
            Err(WriteError::Store(e)) => return Err(e),
            Err(e @ WriteError::Record(_)) => {
                refused = Some(e);
                return Err(Error::Database("the copy stopped".into()));
            }
        }
        Ok(())
    });
    if let Some(refused) = refused {
        return Err(refused);
    }
    let source = scanned?;
    let head = rerecorder.finish(source.seq)?;
    if head != source {
        return Err(Error::Corrupt {
            seq: source.seq,
            reason: format!(
                "the copy ends at entry {} with hash {}; the source's head is {} with hash {}",
                head.seq,
                head.hash.to_hex(),
                source.seq,
                source.hash.to_hex()
            ),
        }
        .into());
    }
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::MemoryStore;

    #[test]
    fn a_copy_has_the_same_head_and_verifies() {
        let from = MemoryStore::new();
        for batch in batches() {
            crate::record(&from, &batch, "2026-11-27T00:00:00Z").unwrap();
        }
        let to = MemoryStore::new();
        let mut reached = Vec::new();
        let head = copy(&from, &to, &mut |seq| reached.push(seq)).unwrap();
        assert_eq!(head, from.head().unwrap());
        assert_eq!(to.head().unwrap(), head);
        assert_eq!(reached.last(), Some(&head.seq));
        crate::verify(&to, &|_| {}).unwrap();
    }

    #[test]
    fn a_copy_into_a_ledger_that_has_entries_is_refused() {
        let from = MemoryStore::new();
        let to = MemoryStore::new();
        for batch in batches() {
            crate::record(&from, &batch, "2026-11-27T00:00:00Z").unwrap();
            crate::record(&to, &batch, "2026-11-27T00:00:00Z").unwrap();
        }
        let before = to.head().unwrap();
        let error = copy(&from, &to, &mut |_| {}).unwrap_err();
        assert!(error.to_string().contains("already holds"), "{error}");
        assert_eq!(to.head().unwrap(), before);
    }

    /// A small organization in a few batches.
    fn batches() -> Vec<Vec<Event>> {
        let events = plenum_dev::synthetic::organization(300, 20, 7);
        events.chunks(400).map(<[Event]>::to_vec).collect()
    }
}

//! The one write path: events are checked against the state, their rows computed, and both
//! appended in one transaction.

use plenum_model::event::{Event, codec};
use plenum_model::id::Seq;
use plenum_model::rules::Finding;
use plenum_model::state::diff::RowsDiff;
use plenum_model::state::registry::Entity;
use plenum_model::state::{Entry, Refused, State};

use crate::{Batch, Error, Head, Store};

/// A ledger: a store and the state derived from its entries.
pub struct Ledger<S> {
    store: S,
    state: State,
    head: Head,
}

/// Why a batch was not recorded. Either way, nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// An event was refused (unknown reference, duplicate id, bad shape).
    #[error(transparent)]
    Refused(#[from] Refused),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] Error),
}

/// What recording a batch did.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The position of the batch's first entry.
    pub first: Seq,
    /// The new head.
    pub head: Head,
    /// The findings that the batch's events gave rise to.
    pub findings: Vec<Finding>,
}

/// Reads every entry of a store as model entries, up to `until` if given.
pub(crate) fn read_entries(store: &dyn Store, until: Option<Seq>) -> Result<Vec<Entry>, Error> {
    let mut entries = Vec::new();
    store.scan(Seq(1), &mut |stored| {
        if until.is_some_and(|u| stored.seq > u) {
            return Ok(());
        }
        let event = codec::from_bytes(&stored.payload).map_err(|e| Error::Corrupt {
            seq: stored.seq,
            reason: format!("payload is not an event: {e}"),
        })?;
        entries.push(Entry {
            seq: stored.seq,
            event,
        });
        Ok(())
    })?;
    Ok(entries)
}

/// Writes the first batch of a new, empty store (as `plenum init` does), through
/// the same checks as [`Ledger::record`].
pub fn record_first(
    store: &mut dyn Store,
    events: Vec<Event>,
    recorded_at: &str,
) -> Result<Head, RecordError> {
    let state = State::default().append(events.clone())?;
    let entities: Vec<Entity> = state.registry().entities().cloned().collect();
    let diff = RowsDiff::all(state.rows(), &entities);
    Ok(store.append(
        Head::EMPTY,
        Batch {
            events: &events,
            recorded_at,
            diff: &diff,
        },
    )?)
}

impl<S: Store> Ledger<S> {
    /// Opens a store and replays its entries.
    pub fn open(store: S) -> Result<Ledger<S>, Error> {
        let head = store.head()?;
        let state = State::from_entries(read_entries(&store, None)?);
        Ok(Ledger { store, state, head })
    }

    /// The state as the record stands.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The store, for queries.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, to append around the checks: only for the conformance suite.
    #[cfg(any(test, feature = "testing"))]
    pub(crate) fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// The head.
    pub fn head(&self) -> Head {
        self.head
    }

    /// The state as the record stood after entry `seq`.
    pub fn state_as_of(&self, seq: Seq) -> Result<State, Error> {
        Ok(State::from_entries(read_entries(&self.store, Some(seq))?))
    }

    /// Checks and appends a batch: every event, or none.
    pub fn record(
        &mut self,
        events: Vec<Event>,
        recorded_at: &str,
    ) -> Result<Recorded, RecordError> {
        let ids: std::collections::HashSet<_> = events.iter().map(|e| e.id.clone()).collect();
        let previous = std::mem::take(&mut self.state);
        let rows_before = previous.rows().clone();
        let entities_before: Vec<Entity> = previous.registry().entities().cloned().collect();
        let next = match previous.append(events.clone()) {
            Ok(next) => next,
            Err(refused) => {
                self.reload()?;
                return Err(refused.into());
            }
        };
        let entities_after: Vec<Entity> = next.registry().entities().cloned().collect();
        let diff = RowsDiff::between(&rows_before, next.rows(), &entities_before, &entities_after);
        let head = match self.store.append(
            self.head,
            Batch {
                events: &events,
                recorded_at,
                diff: &diff,
            },
        ) {
            Ok(head) => head,
            Err(e) => {
                self.reload()?;
                return Err(e.into());
            }
        };
        // A replay rebuilds every finding; report those that concern the batch.
        let findings = next
            .findings()
            .iter()
            .filter(|f| f.events.iter().any(|e| ids.contains(e)))
            .cloned()
            .collect();
        let first = Seq(self.head.seq.0 + 1);
        self.state = next;
        self.head = head;
        Ok(Recorded {
            first,
            head,
            findings,
        })
    }

    /// Rebuilds the state from the store after a failed append.
    fn reload(&mut self) -> Result<(), Error> {
        self.head = self.store.head()?;
        self.state = State::from_entries(read_entries(&self.store, None)?);
        Ok(())
    }
}

//! What the write path reads and writes: the projections as a store keeps them.
//!
//! The model computes every row; a store only answers these look-ups and
//! writes the changes it is handed (in one transaction with the entries).
//! The in-memory [`Tables`](crate::ledger::Tables) implement it for replays
//! and tests, and every store implements it over its own tables.

use std::sync::Arc;

use crate::event::Event;
use crate::id::{EntityKind, Pos, Seq};
use crate::rows::{AnyRow, By, Table};
use crate::statute::StatuteBook;

/// A store failed; the batch is abandoned and nothing of it is written.
pub type BackingError = Box<dyn std::error::Error + Send + Sync>;

/// A row replaced: `before` as read, `after` as it must now be (`None`: gone).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The row as the backing held it, if it did.
    pub before: Option<AnyRow>,
    /// The row as it must be, if it remains.
    pub after: Option<AnyRow>,
}

impl Change {
    /// The table changed.
    pub fn table(&self) -> Option<Table> {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map(AnyRow::table)
    }
}

/// One look-up of many values: the rows of `table` whose look-up column `by` is any of
/// `values` (only those still open, if `open_only`).
#[derive(Clone, Copy, Debug)]
pub struct Lookup<'v> {
    /// The table read.
    pub table: Table,
    /// Its look-up column.
    pub by: By,
    /// The values looked up.
    pub values: &'v [&'v str],
    /// Only rows still open.
    pub open_only: bool,
}

/// Read access to the projections, for the write path.
pub trait Backing {
    /// The rows of `table` whose lookup column `by` equals `value` (only those
    /// still open, if `open_only`), in any order.
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open_only: bool,
    ) -> Result<Vec<AnyRow>, BackingError>;

    /// The rows of `table` whose look-up column `by` is any of `values` (only those still
    /// open, if `open_only`), in any order: one read for many look-ups.
    fn select_many(
        &self,
        table: Table,
        by: By,
        values: &[&str],
        open_only: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        let mut out = Vec::new();
        for value in values {
            out.extend(self.select(table, by, value, open_only)?);
        }
        Ok(out)
    }

    /// The rows of several look-ups, each as [`Backing::select_many`] answers it, in
    /// order: a store across a network answers them in one exchange.
    fn select_each(&self, lookups: &[Lookup<'_>]) -> Result<Vec<Vec<AnyRow>>, BackingError> {
        lookups
            .iter()
            .map(|l| self.select_many(l.table, l.by, l.values, l.open_only))
            .collect()
    }

    /// A hint that these look-ups will follow, as one [`Backing::select_each`]: a store
    /// across a network may read them with its next read (one exchange fewer), and answer
    /// them then from what it read, laid over with the changes written since. A store
    /// that cannot keep that promise (its tables changed in between) reads them again.
    fn read_ahead(&self, lookups: &[Lookup<'_>]) {
        let _ = lookups;
    }

    /// Whether any row of `table` has `value` in its lookup column `by`.
    fn any(&self, table: Table, by: By, value: &str) -> Result<bool, BackingError> {
        Ok(!self.select(table, by, value, false)?.is_empty())
    }

    /// Up to `limit` rows of a date-order table written by an event at or after `from`.
    fn touched_since(
        &self,
        table: Table,
        from: Pos,
        limit: usize,
    ) -> Result<Vec<AnyRow>, BackingError>;

    /// Up to `limit` effective events (corrections applied, retractions left out)
    /// recorded in entries up to `through`, at or after `from` in date order, after
    /// `after` if given: with their positions, in date order.
    fn events_from(
        &self,
        from: Pos,
        after: Option<Pos>,
        through: Seq,
        limit: usize,
    ) -> Result<Vec<(Pos, Event)>, BackingError>;

    /// The latest position of an effective event.
    fn last_pos(&self) -> Result<Option<Pos>, BackingError>;

    /// Every effective `statute_adopted` and `organization_founded` event (what the
    /// statute book reads: statutes, and the parents and categories of organizations),
    /// in ledger order.
    fn statutes(&self) -> Result<Vec<Event>, BackingError>;

    /// The statute book `statutes` (as [`Backing::statutes`] returned them) make. A
    /// backing that keeps the book between batches ([`BookMemo`](crate::statute::BookMemo)) answers from it.
    fn statute_book(&self, statutes: &[Event]) -> Arc<StatuteBook> {
        Arc::new(StatuteBook::from_events(statutes))
    }

    /// The last entry's position.
    fn head(&self) -> Result<Seq, BackingError>;

    /// The id of an entity of `kind` whose id is closest to `id`, for "did you mean".
    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError>;
}

/// Write access, within the store's transaction.
pub trait Writer: Backing {
    /// Writes row changes (their `before` is what this backing returned).
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError>;

    /// Appends the batch's events as entries after the head, committing to the
    /// projections as they now stand.
    fn append(&mut self, events: &[Event]) -> Result<(), BackingError>;
}

//! A store in memory: for tests, and the simplest reference of the [`Store`] contract.

use std::sync::{RwLock, RwLockReadGuard};

use plenum_model::date::Day;
use plenum_model::event::{Event, codec};
use plenum_model::history::{Backing, BackingError, Change, Writer};
use plenum_model::id::{
    EntityKind, EventId, FactionId, OrgId, OrganRef, PersonId, Pos, PostRef, Seq,
};
use plenum_model::ledger::{RecordError, Recorded, Tables};
use plenum_model::query::{Facts, LineageRows, OrganRows, PersonRows};
use plenum_model::rows::{
    AlignmentRow, AnyRow, By, CountRow, DecisionRow, Entity, FindingRow, HeldRow, MembershipRow,
    OrgRow, PostRow, SeatRow, Table, ValueRef,
};

use crate::digest::Digests;
use crate::{Error, Head, RowVisitor, Snapshot, Store, StoredEntry, WriteError, Written, chain};

#[derive(Clone, Debug, Default)]
struct Inner {
    tables: Tables,
    entries: Vec<StoredEntry>,
    digests: Digests,
}

impl Inner {
    fn head(&self) -> Head {
        self.entries.last().map_or(Head::EMPTY, |e| Head {
            seq: e.seq,
            hash: e.chain,
        })
    }
}

/// Entries and rows in memory.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: RwLock<Inner>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    fn read(&self) -> Result<RwLockReadGuard<'_, Inner>, Error> {
        self.inner
            .read()
            .map_err(|_| Error::Database("a writer panicked".into()))
    }

    /// Changes a row behind the ledger's back: for tamper tests.
    pub fn tamper(&self, change: Change) -> Result<(), Error> {
        let mut inner = self
            .inner
            .write()
            .map_err(|_| Error::Database("a writer panicked".into()))?;
        inner
            .tables
            .write(&[change])
            .map_err(|e| Error::Database(e.to_string()))
    }
}

/// The write path's access to a copy of the store, swapped in on commit.
struct MemoryTx<'a> {
    inner: &'a mut Inner,
    recorded_at: &'a str,
}

impl Backing for MemoryTx<'_> {
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        self.inner.tables.select(table, by, value, open)
    }
    fn touched_since(
        &self,
        table: Table,
        from: Pos,
        limit: usize,
    ) -> Result<Vec<AnyRow>, BackingError> {
        self.inner.tables.touched_since(table, from, limit)
    }
    fn events_from(
        &self,
        from: Pos,
        after: Option<Pos>,
        through: Seq,
        limit: usize,
    ) -> Result<Vec<(Pos, Event)>, BackingError> {
        self.inner.tables.events_from(from, after, through, limit)
    }
    fn last_pos(&self) -> Result<Option<Pos>, BackingError> {
        self.inner.tables.last_pos()
    }
    fn statutes(&self) -> Result<Vec<Event>, BackingError> {
        self.inner.tables.statutes()
    }
    fn head(&self) -> Result<Seq, BackingError> {
        Ok(self.inner.head().seq)
    }
    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError> {
        self.inner.tables.suggest(kind, id)
    }
}

impl Writer for MemoryTx<'_> {
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError> {
        self.inner.digests.apply(changes);
        self.inner.tables.write(changes)
    }

    fn append(&mut self, events: &[Event]) -> Result<(), BackingError> {
        let mut head = self.inner.head();
        let digest = self.inner.digests.combined();
        for (i, event) in events.iter().enumerate() {
            let seq = Seq(head.seq.0 + 1);
            let payload = codec::to_canonical_bytes(event);
            let closing = (i + 1 == events.len()).then_some(digest);
            let hash = chain::next(head.hash, seq, self.recorded_at, &payload, closing);
            self.inner.entries.push(StoredEntry {
                seq,
                recorded_at: self.recorded_at.to_owned(),
                payload,
                digest: closing,
                chain: hash,
            });
            head = Head { seq, hash };
        }
        self.inner.tables.append(events)
    }
}

impl Store for MemoryStore {
    fn head(&self) -> Result<Head, Error> {
        Ok(self.read()?.head())
    }

    fn snapshot(&self) -> Result<Snapshot<'_>, Error> {
        Ok(Box::new(MemorySnapshot(self.read()?)))
    }

    fn transact(
        &self,
        expected: Option<Head>,
        recorded_at: &str,
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Written, WriteError> {
        let mut guard = self
            .inner
            .write()
            .map_err(|_| Error::Database("a writer panicked".into()))?;
        let head = guard.head();
        if let Some(expected) = expected
            && expected != head
        {
            return Err(Error::Conflict {
                expected: expected.seq,
                actual: head.seq,
            }
            .into());
        }
        let mut copy = guard.clone();
        let recorded = write(&mut MemoryTx {
            inner: &mut copy,
            recorded_at,
        })?;
        let head = copy.head();
        *guard = copy;
        Ok(Written { recorded, head })
    }

    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<Head, Error> {
        let (entries, head): (Vec<StoredEntry>, Head) = {
            let inner = self.read()?;
            (
                inner
                    .entries
                    .iter()
                    .filter(|e| e.seq >= from)
                    .cloned()
                    .collect(),
                inner.head(),
            )
        };
        for entry in entries {
            visit(entry)?;
        }
        Ok(head)
    }

    fn projections(
        &self,
        tables: &[Table],
        visit: &mut RowVisitor<'_>,
    ) -> Result<(Head, Digests), Error> {
        let inner = self.read()?;
        for &table in tables {
            for row in inner.tables.table(table) {
                let values = row.values();
                let refs: Vec<ValueRef<'_>> = values.iter().map(|v| v.as_ref()).collect();
                visit(table, &refs)?;
            }
        }
        Ok((inner.head(), inner.digests.clone()))
    }

    fn self_check(&self, _deep: bool) -> Result<Vec<(String, String)>, Error> {
        Ok(Vec::new())
    }
}

/// A read view of the memory store.
pub struct MemorySnapshot<'a>(RwLockReadGuard<'a, Inner>);

fn ok<T>(result: Result<T, std::convert::Infallible>) -> Result<T, Error> {
    result.map_err(|never| match never {})
}

impl Facts for MemorySnapshot<'_> {
    type Error = Error;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Error> {
        ok(self.0.tables.entities(kind))
    }
    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Error> {
        ok(self.0.tables.entity(kind, id))
    }
    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Error> {
        ok(self.0.tables.seats_on(organ, lo, hi))
    }
    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Error> {
        ok(self.0.tables.counts_on(organ, lo, hi))
    }
    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Error> {
        ok(self.0.tables.holders_of(post, lo, hi))
    }
    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        ok(self.0.tables.alignments_of(persons, lo, hi))
    }
    fn organ_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<OrganRows, Error> {
        ok(self.0.tables.organ_on(organ, lo, hi))
    }
    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Error> {
        ok(self.0.tables.members_on(org, lo, hi))
    }
    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        ok(self.0.tables.faction_on(faction, lo, hi))
    }
    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Error> {
        ok(self.0.tables.person_rows(person))
    }
    fn lineage_rows(&self) -> Result<LineageRows, Error> {
        ok(self.0.tables.lineage_rows())
    }
    fn findings(&self, day: Day) -> Result<Vec<FindingRow>, Error> {
        ok(self.0.tables.findings(day))
    }
    fn held(&self) -> Result<Vec<HeldRow>, Error> {
        ok(self.0.tables.held())
    }
    fn statute_events(&self) -> Result<Vec<Event>, Error> {
        ok(self.0.tables.statute_events())
    }
    fn org_row(&self, org: &OrgId) -> Result<Option<OrgRow>, Error> {
        ok(self.0.tables.org_row(org))
    }
    fn decision(&self, event: &EventId) -> Result<Option<DecisionRow>, Error> {
        ok(self.0.tables.decision(event))
    }
}

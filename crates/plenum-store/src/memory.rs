//! A store in memory: for tests and as the simplest reference of the [`Store`] contract.

use std::collections::BTreeMap;

use plenum_model::date::Day;
use plenum_model::event::codec;
use plenum_model::id::{FactionId, OrgId, OrganRef, PersonId, PostRef, Seq};
use plenum_model::query::{Facts, LineageRows, PersonRows};
use plenum_model::state::diff::{Keyed, RowsDiff, Table};
use plenum_model::state::registry::{Entity, EntityKind};
use plenum_model::state::rows::{
    AlignmentRow, CountRow, FigureRow, LinkRow, MembershipRow, NameRow, OrgRow, PostRow, RecordRow,
    SeatRow, overlapping,
};

use crate::{Batch, Error, Head, Store, StoredEntry, chain};

/// The projection tables, keyed.
#[derive(Clone, Debug, Default)]
struct Tables {
    seats: BTreeMap<String, SeatRow>,
    posts: BTreeMap<String, PostRow>,
    memberships: BTreeMap<String, MembershipRow>,
    alignments: BTreeMap<String, AlignmentRow>,
    counts: BTreeMap<String, CountRow>,
    orgs: BTreeMap<String, OrgRow>,
    names: BTreeMap<String, NameRow>,
    links: BTreeMap<String, LinkRow>,
    figures: BTreeMap<String, FigureRow>,
    records: BTreeMap<String, RecordRow>,
    entities: BTreeMap<String, Entity>,
}

fn upsert<T: Keyed + Clone>(table: &mut BTreeMap<String, T>, rows: &[T]) {
    for row in rows {
        table.insert(row.key(), row.clone());
    }
}

impl Tables {
    fn apply(&mut self, diff: &RowsDiff) {
        for (table, key) in &diff.delete {
            match table {
                Table::Seats => self.seats.remove(key).map(drop),
                Table::Posts => self.posts.remove(key).map(drop),
                Table::Memberships => self.memberships.remove(key).map(drop),
                Table::Alignments => self.alignments.remove(key).map(drop),
                Table::Counts => self.counts.remove(key).map(drop),
                Table::Orgs => self.orgs.remove(key).map(drop),
                Table::Names => self.names.remove(key).map(drop),
                Table::Links => self.links.remove(key).map(drop),
                Table::Figures => self.figures.remove(key).map(drop),
                Table::Records => self.records.remove(key).map(drop),
                Table::Entities => self.entities.remove(key).map(drop),
            };
        }
        let rows = &diff.upsert;
        upsert(&mut self.seats, &rows.seats);
        upsert(&mut self.posts, &rows.posts);
        upsert(&mut self.memberships, &rows.memberships);
        upsert(&mut self.alignments, &rows.alignments);
        upsert(&mut self.counts, &rows.counts);
        upsert(&mut self.orgs, &rows.orgs);
        upsert(&mut self.names, &rows.names);
        upsert(&mut self.links, &rows.links);
        upsert(&mut self.figures, &rows.figures);
        upsert(&mut self.records, &rows.records);
        upsert(&mut self.entities, &diff.upsert_entities);
    }
}

/// Entries and rows in memory.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: Vec<StoredEntry>,
    tables: Tables,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }
}

impl Store for MemoryStore {
    fn head(&self) -> Result<Head, Error> {
        Ok(self.entries.last().map_or(Head::EMPTY, |e| Head {
            seq: e.seq,
            hash: e.chain,
        }))
    }

    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<(), Error> {
        for entry in self.entries.iter().filter(|e| e.seq >= from) {
            visit(entry.clone())?;
        }
        Ok(())
    }

    fn append(&mut self, expected: Head, batch: Batch<'_>) -> Result<Head, Error> {
        let mut head = self.head()?;
        if head != expected {
            return Err(Error::Conflict {
                expected: expected.seq,
                actual: head.seq,
            });
        }
        let mut fresh = Vec::with_capacity(batch.events.len());
        for event in batch.events {
            let seq = Seq(head.seq.0 + 1);
            let payload = codec::to_canonical_bytes(event);
            let hash = chain::next(head.hash, seq, batch.recorded_at, &payload);
            fresh.push(StoredEntry {
                seq,
                recorded_at: batch.recorded_at.to_owned(),
                payload,
                chain: hash,
            });
            head = Head { seq, hash };
        }
        self.entries.extend(fresh);
        self.tables.apply(batch.diff);
        Ok(head)
    }
}

impl Facts for MemoryStore {
    type Error = Error;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Error> {
        Ok(self
            .tables
            .entities
            .values()
            .filter(|e| e.kind == kind)
            .cloned()
            .collect())
    }

    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Error> {
        Ok(self
            .tables
            .entities
            .values()
            .find(|e| e.kind == kind && e.id == id)
            .cloned())
    }

    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Error> {
        Ok(overlapping(self.tables.seats.values(), lo, hi, |s| {
            &s.organ == organ
        }))
    }

    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Error> {
        Ok(overlapping(self.tables.counts.values(), lo, hi, |c| {
            &c.organ == organ
        }))
    }

    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Error> {
        Ok(overlapping(self.tables.posts.values(), lo, hi, |p| {
            &p.post == post
        }))
    }

    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        Ok(overlapping(self.tables.alignments.values(), lo, hi, |a| {
            persons.contains(&a.person)
        }))
    }

    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Error> {
        Ok(overlapping(self.tables.memberships.values(), lo, hi, |m| {
            &m.org == org
        }))
    }

    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        Ok(overlapping(self.tables.alignments.values(), lo, hi, |a| {
            &a.faction == faction
        }))
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Error> {
        let t = &self.tables;
        Ok(PersonRows {
            seats: t
                .seats
                .values()
                .filter(|s| &s.person == person)
                .cloned()
                .collect(),
            posts: t
                .posts
                .values()
                .filter(|p| &p.person == person)
                .cloned()
                .collect(),
            memberships: t
                .memberships
                .values()
                .filter(|m| &m.person == person)
                .cloned()
                .collect(),
            alignments: t
                .alignments
                .values()
                .filter(|a| &a.person == person)
                .cloned()
                .collect(),
            records: t
                .records
                .values()
                .filter(|r| &r.person == person)
                .cloned()
                .collect(),
        })
    }

    fn lineage_rows(&self) -> Result<LineageRows, Error> {
        let t = &self.tables;
        Ok(LineageRows {
            orgs: t.orgs.values().cloned().collect(),
            names: t.names.values().cloned().collect(),
            links: t.links.values().cloned().collect(),
            figures: t.figures.values().cloned().collect(),
        })
    }
}

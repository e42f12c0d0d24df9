//! The state of a ledger: the registry (ledger order), the statute book, and the history
//! with its findings (date order), rebuilt from the entries at any point.
//!
//! Corrections are resolved first: a retracted event leaves the history, a
//! superseded one is replaced by its correction (keeping its ledger
//! position for ties). The history is then replayed in date order (earliest
//! day, then ledger position), each event judged by the rules on the history
//! before it and then applied.

mod apply;
mod describe;
pub mod diff;
pub mod history;
pub mod registry;
pub mod rows;

use std::collections::HashMap;

use crate::date::Day;
use crate::event::{Event, EventKind};
use crate::id::{EventId, FactionId, OrgId, OrganRef, PersonId, PostRef, Seq};
use crate::query::{Facts, LineageRows, PersonRows};
use crate::rules::{self, Finding};
use crate::statute::{self, StatuteBook};

use history::History;
use registry::{Entity, EntityKind, Refusal, Registry};
use rows::{AlignmentRow, CountRow, MembershipRow, PostRow, Rows, SeatRow, overlapping};

pub use describe::{describe, summarize};

/// An event at its place in the ledger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its position.
    pub seq: Seq,
    /// The event.
    pub event: Event,
}

/// A refused event of a batch: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("event {index} (`{id}`): {refusal}")]
pub struct Refused {
    /// Its index in the batch.
    pub index: usize,
    /// Its id.
    pub id: EventId,
    /// Why.
    pub refusal: Refusal,
}

/// Everything derived from a ledger's entries.
#[derive(Clone, Debug, Default)]
pub struct State {
    registry: Registry,
    book: StatuteBook,
    history: History,
    findings: Vec<Finding>,
    /// The events of the history (corrections resolved), by ledger position.
    effective: Vec<(Seq, Event)>,
    position: HashMap<EventId, usize>,
    /// The sort key of the last event replayed.
    last: Option<(Day, Seq)>,
    head: Seq,
}

impl State {
    /// The state of a ledger holding these entries (read back, so not checked again).
    pub fn from_entries(entries: impl IntoIterator<Item = Entry>) -> State {
        let mut state = State::default();
        for entry in entries {
            state.take(entry);
        }
        state.replay();
        state
    }

    /// Checks a batch of events and, if every one is acceptable, returns the
    /// state with them appended (numbered from the current head). Nothing is
    /// appended on refusal.
    pub fn append(mut self, events: Vec<Event>) -> Result<State, Refused> {
        let in_order = self.last;
        let mut incremental = true;
        let first = self.effective.len();
        for (index, event) in events.into_iter().enumerate() {
            if let Err(refusal) = self.registry.check(&event, &self.book) {
                return Err(Refused {
                    index,
                    id: event.id,
                    refusal,
                });
            }
            incremental &= !matches!(
                event.kind,
                EventKind::EventRetracted(_)
                    | EventKind::EventSuperseded(_)
                    | EventKind::StatuteAdopted(_)
            );
            incremental &=
                in_order.is_none_or(|last| (event.date.earliest(), Seq(self.head.0 + 1)) > last);
            let seq = Seq(self.head.0 + 1);
            self.take(Entry { seq, event });
        }
        if incremental {
            let mut fresh: Vec<(Seq, Event)> = self.effective[first..].to_vec();
            fresh.sort_by_key(|(seq, e)| (e.date.earliest(), *seq));
            for (seq, event) in &fresh {
                self.step(*seq, event);
            }
        } else {
            self.replay();
        }
        Ok(self)
    }

    /// Takes an entry into the registry, the statute book and the effective events.
    fn take(&mut self, entry: Entry) {
        let Entry { seq, event } = entry;
        self.registry.record(&event);
        self.head = seq;
        match &event.kind {
            EventKind::EventRetracted(r) => {
                self.registry.retract(&r.target);
                if let Some(i) = self.position.remove(&r.target) {
                    self.effective.remove(i);
                    self.reindex();
                }
                self.rebuild_book();
            }
            EventKind::EventSuperseded(s) => {
                if let Some(&i) = self.position.get(&s.target) {
                    self.effective[i].1 = (*s.replacement).clone();
                }
                self.rebuild_book();
            }
            EventKind::StatuteAdopted(_) => {
                self.adopt(&event);
                self.push_effective(seq, event);
            }
            _ => self.push_effective(seq, event),
        }
    }

    fn push_effective(&mut self, seq: Seq, event: Event) {
        self.position.insert(event.id.clone(), self.effective.len());
        self.effective.push((seq, event));
    }

    fn reindex(&mut self) {
        self.position = self
            .effective
            .iter()
            .enumerate()
            .map(|(i, (_, e))| (e.id.clone(), i))
            .collect();
    }

    fn adopt(&mut self, event: &Event) {
        if let EventKind::StatuteAdopted(s) = &event.kind
            && let Ok(document) = statute::read(&s.text)
        {
            self.book.adopt(document);
        }
    }

    fn rebuild_book(&mut self) {
        self.book = StatuteBook::default();
        let statutes: Vec<Event> = self
            .effective
            .iter()
            .filter(|(_, e)| matches!(e.kind, EventKind::StatuteAdopted(_)))
            .map(|(_, e)| e.clone())
            .collect();
        for event in &statutes {
            self.adopt(event);
        }
    }

    /// Replays the whole history in date order.
    fn replay(&mut self) {
        self.history = History::default();
        self.findings.clear();
        self.last = None;
        let mut order: Vec<usize> = (0..self.effective.len()).collect();
        order.sort_by_key(|&i| (self.effective[i].1.date.earliest(), self.effective[i].0));
        let effective = std::mem::take(&mut self.effective);
        for i in order {
            let (seq, event) = &effective[i];
            self.step(*seq, event);
        }
        self.effective = effective;
    }

    fn step(&mut self, seq: Seq, event: &Event) {
        self.findings.extend(rules::check_event(
            &self.history,
            &self.registry,
            &self.book,
            event,
        ));
        self.history.apply(event, &self.registry);
        self.last = Some((event.date.earliest(), seq));
    }

    /// The last ledger position taken.
    pub fn head(&self) -> Seq {
        self.head
    }

    /// The registry of entities and event ids.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The statute book.
    pub fn book(&self) -> &StatuteBook {
        &self.book
    }

    /// The replayed history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Every finding of the history's events (without the date-dependent ones; see [`State::findings_at`]).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The projection rows.
    pub fn rows(&self) -> &Rows {
        self.history.rows()
    }

    /// The events of the history, corrections resolved, in ledger order.
    pub fn effective_events(&self) -> impl Iterator<Item = &(Seq, Event)> {
        self.effective.iter()
    }

    /// Every finding of the history's events dated (possibly) on or before
    /// `day`, plus the organs overdue for a meeting on `day`.
    pub fn findings_at(&self, day: Day) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .findings
            .iter()
            .filter(|f| f.date.earliest() <= day)
            .cloned()
            .collect();
        findings.extend(rules::overdue(
            &self.history,
            &self.registry,
            &self.book,
            day,
        ));
        findings
    }
}

/// The in-memory state answers queries by scanning its rows: the reference
/// every store's answers are tested against.
impl Facts for State {
    type Error = std::convert::Infallible;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Self::Error> {
        Ok(self
            .registry
            .entities()
            .filter(|e| e.kind == kind)
            .cloned()
            .collect())
    }

    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Self::Error> {
        Ok(self.registry.get(kind, id).cloned())
    }

    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Self::Error> {
        Ok(overlapping(&self.rows().seats, lo, hi, |s| {
            &s.organ == organ
        }))
    }

    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Self::Error> {
        Ok(overlapping(&self.rows().counts, lo, hi, |c| {
            &c.organ == organ
        }))
    }

    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Self::Error> {
        Ok(overlapping(&self.rows().posts, lo, hi, |p| &p.post == post))
    }

    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Self::Error> {
        Ok(overlapping(&self.rows().alignments, lo, hi, |a| {
            persons.contains(&a.person)
        }))
    }

    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Self::Error> {
        Ok(overlapping(&self.rows().memberships, lo, hi, |m| {
            &m.org == org
        }))
    }

    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Self::Error> {
        Ok(overlapping(&self.rows().alignments, lo, hi, |a| {
            &a.faction == faction
        }))
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Self::Error> {
        let rows = self.rows();
        Ok(PersonRows {
            seats: rows
                .seats
                .iter()
                .filter(|s| &s.person == person)
                .cloned()
                .collect(),
            posts: rows
                .posts
                .iter()
                .filter(|p| &p.person == person)
                .cloned()
                .collect(),
            memberships: rows
                .memberships
                .iter()
                .filter(|m| &m.person == person)
                .cloned()
                .collect(),
            alignments: rows
                .alignments
                .iter()
                .filter(|a| &a.person == person)
                .cloned()
                .collect(),
            records: rows
                .records
                .iter()
                .filter(|r| &r.person == person)
                .cloned()
                .collect(),
        })
    }

    fn lineage_rows(&self) -> Result<LineageRows, Self::Error> {
        let rows = self.rows();
        Ok(LineageRows {
            orgs: rows.orgs.clone(),
            names: rows.names.clone(),
            links: rows.links.clone(),
            figures: rows.figures.clone(),
        })
    }
}

#[cfg(test)]
mod tests;

//! The in-memory tables answer queries by their indexes and plain scans: the reference
//! every store's answers are tested against.

use std::convert::Infallible;

use crate::date::Day;
use crate::event::Event;
use crate::history::Backing;
use crate::id::{EntityKind, EventId, FactionId, OrgId, OrganRef, PersonId, PostRef};
use crate::query::{Facts, LineageRows, PersonRows};
use crate::rows::{
    AlignmentRow, AnyRow, By, CountRow, DecisionRow, Entity, EventRow, FindingRow, HeldRow,
    MembershipRow, OrgRow, PostRow, Row, SeatRow, Table, overlapping,
};

use super::tables::{Tables, entities_of};

impl Tables {
    fn typed<R: Row + TryFrom<AnyRow>>(&self, table: Table, by: By, value: &str) -> Vec<R> {
        self.keys(table, by, value)
            .filter_map(|k| self.row(table, k))
            .filter_map(|r| R::try_from(r.clone()).ok())
            .collect()
    }

    fn all<R: Row + TryFrom<AnyRow>>(&self, table: Table) -> Vec<R> {
        self.table(table)
            .filter_map(|r| R::try_from(r.clone()).ok())
            .collect()
    }

    fn effective_events(&self, ids: impl Iterator<Item = String>) -> Vec<Event> {
        let mut ids: Vec<String> = ids.collect();
        ids.sort();
        ids.dedup();
        let rows: Vec<EventRow> = ids
            .iter()
            .filter_map(|id| match self.row(Table::Events, id) {
                Some(AnyRow::Event(e)) if !e.retracted => Some(e.clone()),
                _ => None,
            })
            .collect();
        rows.iter()
            .filter_map(|row| {
                let entry = self
                    .entries()
                    .get(usize::try_from(row.source.0).ok()?.checked_sub(1)?)?;
                Some(match &entry.kind {
                    crate::event::EventKind::EventSuperseded(s) => (*s.replacement).clone(),
                    _ => entry.clone(),
                })
            })
            .collect()
    }
}

impl Facts for Tables {
    type Error = Infallible;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Infallible> {
        Ok(entities_of(self, kind))
    }

    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Infallible> {
        Ok(match self.row(Table::Entities, &Entity::key_of(kind, id)) {
            Some(AnyRow::Entity(e)) => Some(e.clone()),
            _ => None,
        })
    }

    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Infallible> {
        let rows: Vec<SeatRow> = self.typed(Table::Seats, By::Organ, &organ.to_string());
        Ok(overlapping(&rows, lo, hi, |_| true))
    }

    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Infallible> {
        let rows: Vec<CountRow> = self.typed(Table::Counts, By::Organ, &organ.to_string());
        Ok(overlapping(&rows, lo, hi, |_| true))
    }

    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Infallible> {
        let rows: Vec<PostRow> = self.typed(Table::Posts, By::Post, &post.to_string());
        Ok(overlapping(&rows, lo, hi, |_| true))
    }

    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Infallible> {
        let mut persons = persons.to_vec();
        persons.sort();
        persons.dedup();
        let rows: Vec<AlignmentRow> = persons
            .iter()
            .flat_map(|p| self.typed::<AlignmentRow>(Table::Alignments, By::Person, p.as_str()))
            .collect();
        Ok(overlapping(&rows, lo, hi, |_| true))
    }

    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Infallible> {
        let rows: Vec<MembershipRow> = self.typed(Table::Memberships, By::Org, org.as_str());
        Ok(overlapping(&rows, lo, hi, |_| true))
    }

    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Infallible> {
        let rows: Vec<AlignmentRow> = self.typed(Table::Alignments, By::Faction, faction.as_str());
        Ok(overlapping(&rows, lo, hi, |_| true))
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Infallible> {
        let p = person.as_str();
        let subject = self.keys(Table::Events, By::Person, p).cloned();
        let mentioned = self
            .typed::<crate::rows::MentionRow>(Table::Mentions, By::Person, p)
            .into_iter()
            .map(|m| m.event.to_string());
        Ok(PersonRows {
            seats: self.typed(Table::Seats, By::Person, p),
            posts: self.typed(Table::Posts, By::Person, p),
            memberships: self.typed(Table::Memberships, By::Person, p),
            alignments: self.typed(Table::Alignments, By::Person, p),
            events: self.effective_events(subject.chain(mentioned)),
        })
    }

    fn lineage_rows(&self) -> Result<LineageRows, Infallible> {
        Ok(LineageRows {
            orgs: self.all(Table::Orgs),
            names: self.all(Table::Names),
            links: self.all(Table::Links),
            figures: self.all(Table::Figures),
        })
    }

    fn findings(&self, day: Day) -> Result<Vec<FindingRow>, Infallible> {
        Ok(self
            .all::<FindingRow>(Table::Findings)
            .into_iter()
            .filter(|f| f.finding.date.earliest() <= day)
            .collect())
    }

    fn held(&self) -> Result<Vec<HeldRow>, Infallible> {
        Ok(self.all(Table::Held))
    }

    fn statute_events(&self) -> Result<Vec<Event>, Infallible> {
        Ok(self.statutes().unwrap_or_default())
    }

    fn org_row(&self, org: &OrgId) -> Result<Option<OrgRow>, Infallible> {
        Ok(match self.row(Table::Orgs, org.as_str()) {
            Some(AnyRow::Org(o)) => Some(o.clone()),
            _ => None,
        })
    }

    fn decision(&self, event: &EventId) -> Result<Option<DecisionRow>, Infallible> {
        Ok(match self.row(Table::Decisions, event.as_str()) {
            Some(AnyRow::Decision(d)) => Some(d.clone()),
            _ => None,
        })
    }
}

//! Facts that answer every read with its rows in reverse order: a store returns rows in
//! no particular order (PostgreSQL's heap order moves with back-dated rewrites), so a
//! query's answer must not depend on it. Comparing the answers from reversed rows with
//! the answers from the rows as read finds any query that does.

use plenum_model::date::Day;
use plenum_model::event::Event;
use plenum_model::id::{EntityKind, EventId, FactionId, OrgId, OrganRef, PersonId, PostRef};
use plenum_model::query::{Facts, LineageRows, OrganRows, PersonRows};
use plenum_model::rows::{
    AlignmentRow, CountRow, DecisionRow, Entity, FindingRow, HeldRow, MembershipRow, OrgRow,
    PostRow, SeatRow,
};

/// `F`'s facts, every list reversed (but statutes, which are in ledger order by contract).
pub struct Reversed<'a, F: ?Sized>(pub &'a F);

fn rev<T>(mut rows: Vec<T>) -> Vec<T> {
    rows.reverse();
    rows
}

impl<F: Facts + ?Sized> Facts for Reversed<'_, F> {
    type Error = F::Error;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Self::Error> {
        self.0.entities(kind).map(rev)
    }
    fn entities_named(&self, kind: EntityKind, text: &str) -> Result<Vec<Entity>, Self::Error> {
        self.0.entities_named(kind, text).map(rev)
    }
    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Self::Error> {
        self.0.entity(kind, id)
    }
    fn entities_by_id(&self, kind: EntityKind, ids: &[&str]) -> Result<Vec<Entity>, Self::Error> {
        self.0.entities_by_id(kind, ids).map(rev)
    }
    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Self::Error> {
        self.0.seats_on(organ, lo, hi).map(rev)
    }
    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Self::Error> {
        self.0.counts_on(organ, lo, hi).map(rev)
    }
    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Self::Error> {
        self.0.holders_of(post, lo, hi).map(rev)
    }
    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Self::Error> {
        self.0.alignments_of(persons, lo, hi).map(rev)
    }
    fn organ_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<OrganRows, Self::Error> {
        let rows = self.0.organ_on(organ, lo, hi)?;
        Ok(OrganRows {
            seats: rev(rows.seats),
            counts: rev(rows.counts),
            alignments: rev(rows.alignments),
            names: rev(rows.names),
        })
    }
    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Self::Error> {
        self.0.members_on(org, lo, hi).map(rev)
    }
    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Self::Error> {
        self.0.faction_on(faction, lo, hi).map(rev)
    }
    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Self::Error> {
        let rows = self.0.person_rows(person)?;
        Ok(PersonRows {
            seats: rev(rows.seats),
            posts: rev(rows.posts),
            memberships: rev(rows.memberships),
            alignments: rev(rows.alignments),
            events: rev(rows.events),
        })
    }
    fn lineage_rows(&self) -> Result<LineageRows, Self::Error> {
        let rows = self.0.lineage_rows()?;
        Ok(LineageRows {
            orgs: rev(rows.orgs),
            names: rev(rows.names),
            links: rev(rows.links),
            figures: rev(rows.figures),
        })
    }
    fn findings(&self, day: Day) -> Result<Vec<FindingRow>, Self::Error> {
        self.0.findings(day).map(rev)
    }
    fn held(&self) -> Result<Vec<HeldRow>, Self::Error> {
        self.0.held().map(rev)
    }
    fn statute_events(&self) -> Result<Vec<Event>, Self::Error> {
        self.0.statute_events()
    }
    fn org_row(&self, org: &OrgId) -> Result<Option<OrgRow>, Self::Error> {
        self.0.org_row(org)
    }
    fn decision(&self, event: &EventId) -> Result<Option<DecisionRow>, Self::Error> {
        self.0.decision(event)
    }
}

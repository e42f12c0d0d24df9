//! Rows that several events shape: an organization's life and a meeting's course.
//!
//! Each keeps the facts that made it, with their positions, and is their
//! fold: rolling back drops the facts at or after the point and folds again.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::FuzzyDate;
use crate::event::Role;
use crate::event::kinds::{Befallen, Others};
use crate::id::{EventId, Key, MeetingId, OrgId, OrganRef, PersonId, Pos, PostRef};

use super::columns::{Columns, Reader};
use super::span::Span;
use super::{Row, RowError, Table, Value, ValueRef};

/// One thing that happened to an organization's row.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "fact")]
pub enum OrgChange {
    /// Founded (or first recorded), as a kind of body.
    Founded {
        /// When.
        date: FuzzyDate,
        /// What it is, if said.
        category: Option<String>,
    },
    /// Ceased to exist.
    Ended {
        /// When.
        date: FuzzyDate,
        /// How (`merged`, `split`, `dissolved`).
        how: String,
    },
    /// Banned.
    Banned {
        /// When.
        date: FuzzyDate,
    },
    /// Became another kind of body (renamed with a new category).
    Recategorized {
        /// When.
        date: FuzzyDate,
        /// What it is from then.
        category: String,
    },
    /// Acted on by another organization or a state (`outside_intervention`).
    Intervened {
        /// When.
        date: FuzzyDate,
        /// Who acted.
        by: OrgId,
        /// Who acted jointly with `by`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        with: Vec<OrgId>,
        /// What was done (`delegation`, `intervention`, `ban`, ...).
        act: String,
        /// The event.
        event: EventId,
    },
    /// Persons of it were expelled, purged, ... or changed standing, named or counted
    /// (`member_expelled`, `person_purged`, `group_affected`, `position_changed`).
    Befell {
        /// When.
        date: FuzzyDate,
        /// What befell them.
        what: Befallen,
        /// The person named, if one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        person: Option<PersonId>,
        /// The others, counted but not named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        others: Option<Others>,
        /// The event.
        event: EventId,
    },
    /// A person held one of its posts, or a seat on one of its organs, at some time
    /// within `date` (`tenure_observed`): no tenure, only its overlap with the period.
    Observed {
        /// The period.
        date: FuzzyDate,
        /// The person.
        person: PersonId,
        /// The post or seat.
        held: Held,
        /// The event.
        event: EventId,
    },
    /// Directed in fact by another body (`organization_directed`), whatever it is
    /// formally part of.
    Directed {
        /// From when.
        date: FuzzyDate,
        /// Who directed it.
        by: crate::event::kinds::Director,
        /// Until when, if the record says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<FuzzyDate>,
        /// The event.
        event: EventId,
    },
    /// Charges filed against a person under its procedure (`charges_filed`).
    Charged {
        /// When.
        date: FuzzyDate,
        /// The accused.
        person: PersonId,
        /// The event.
        event: EventId,
        /// The organization the case arises in, if the record says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        arises_in: Option<OrgId>,
    },
    /// A person heard in their own defence (`person_heard`).
    Heard {
        /// When.
        date: FuzzyDate,
        /// The person heard.
        person: PersonId,
        /// The organ that heard them, if the record says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<OrganRef>,
        /// The event.
        event: EventId,
    },
    /// A procedural step taken for a person (`step_taken`).
    Stepped {
        /// When.
        date: FuzzyDate,
        /// The person.
        person: PersonId,
        /// The step, in the record's words.
        step: String,
        /// The organ that took it, if the record says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<OrganRef>,
        /// The event.
        event: EventId,
    },
    /// A copy of charges served on the accused (`charges_served`).
    Served {
        /// When.
        date: FuzzyDate,
        /// The `charges_filed` served.
        charges: EventId,
        /// The event.
        event: EventId,
    },
    /// A person co-opted to a seat on one of its organs (`seat_taken` with `cause =
    /// "co-opted"`), for the statute's `co_option.until`.
    CoOpted {
        /// When.
        date: FuzzyDate,
        /// The person.
        person: PersonId,
        /// The organ.
        organ: OrganRef,
        /// The event (the seat's opening event, where it opened one).
        event: EventId,
    },
    /// A person placed in one of its constituencies (`constituency_assigned`), from
    /// `date` until their next placement.
    Placed {
        /// From when.
        date: FuzzyDate,
        /// The person.
        person: PersonId,
        /// The constituency.
        constituency: Key,
        /// The event.
        event: EventId,
    },
    /// A member placed in one of its units (`member_admitted`'s `unit`,
    /// `member_transferred`), from `date` until their next placement.
    Unit {
        /// From when.
        date: FuzzyDate,
        /// The member.
        person: PersonId,
        /// The unit (an organization under this one); `None` where the record does
        /// not say (a member placed before, readmitted without a unit).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<OrgId>,
        /// The event.
        event: EventId,
    },
    /// Articles of its statute set aside by a carried decision (`motion_decided`'s
    /// `suspends`), from `date` until `until` (if said).
    Suspended {
        /// From when.
        date: FuzzyDate,
        /// The organ that decided it.
        organ: OrganRef,
        /// The articles.
        articles: Vec<String>,
        /// Until when, if said.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<FuzzyDate>,
        /// The event.
        event: EventId,
    },
}

/// A post held, or a seat on an organ in a role.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Held {
    /// A post.
    Post(PostRef),
    /// A seat on an organ.
    Seat(OrganRef, Role),
}

/// A member's placement in a unit, as [`OrgRow::units_on`] and [`OrgRow::units_of`] find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitPlacement {
    /// Where the placing event stands in date order.
    pub pos: Pos,
    /// From when.
    pub date: FuzzyDate,
    /// The unit; `None` where the record does not say (a readmission without one).
    pub unit: Option<OrgId>,
    /// The placing event.
    pub event: EventId,
}

/// A change with the position of the event that made it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgFact {
    /// Where the event stands in date order.
    pub pos: Pos,
    /// What it did.
    pub change: OrgChange,
}

/// An organization's life: founding, end, category, bans.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgRow {
    /// The organization.
    pub org: OrgId,
    /// What it is (`party`, `front`, ...): the latest category it took.
    pub category: Option<String>,
    /// When it existed (start: founding; end: dissolution, merger or split).
    pub span: Option<Span>,
    /// How it ended (`merged`, `split`, `dissolved`).
    pub ended_how: Option<String>,
    /// When it was banned, if it was.
    pub banned: Option<FuzzyDate>,
    /// What made the row, in date order.
    pub facts: Vec<OrgFact>,
}

impl OrgRow {
    /// The constituency a person was last placed in on or before `day`
    /// (`constituency_assigned`), if the record places them; a placement dated fuzzily
    /// counts from its earliest day.
    pub fn constituency_of(
        &self,
        person: &crate::id::PersonId,
        day: crate::date::Day,
    ) -> Option<crate::id::Key> {
        self.facts
            .iter()
            .filter_map(|f| match &f.change {
                OrgChange::Placed {
                    date,
                    person: placed,
                    constituency,
                    ..
                } if placed == person && date.earliest() <= day => {
                    Some(((date.earliest(), f.pos), constituency))
                }
                _ => None,
            })
            .max_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, c)| c.clone())
    }

    /// Every placement of a member in a unit (`member_admitted`'s `unit`,
    /// `member_transferred`), with the member, in date order.
    fn placements(&self) -> impl Iterator<Item = (&PersonId, UnitPlacement)> {
        self.facts.iter().filter_map(|f| match &f.change {
            OrgChange::Unit {
                date,
                person,
                unit,
                event,
            } => Some((
                person,
                UnitPlacement {
                    pos: f.pos,
                    date: date.clone(),
                    unit: unit.clone(),
                    event: event.clone(),
                },
            )),
            _ => None,
        })
    }

    /// The unit each member was last placed in on or before `day`, with the
    /// placement's date and event, for the members the record places; a placement
    /// dated fuzzily counts from its earliest day. One pass over the facts, whatever
    /// the number of members.
    pub fn units_on(
        &self,
        day: crate::date::Day,
    ) -> std::collections::HashMap<&PersonId, UnitPlacement> {
        let mut last: std::collections::HashMap<&PersonId, UnitPlacement> =
            std::collections::HashMap::new();
        for (person, p) in self.placements() {
            if p.date.earliest() > day {
                continue;
            }
            let later = last
                .get(person)
                .is_none_or(|q| (q.date.earliest(), q.pos) < (p.date.earliest(), p.pos));
            if later {
                last.insert(person, p);
            }
        }
        last
    }

    /// Every member's placements in units, each in date order, the members in order.
    /// One pass over the facts.
    pub fn units_by_member(&self) -> std::collections::BTreeMap<&PersonId, Vec<UnitPlacement>> {
        let mut by: std::collections::BTreeMap<&PersonId, Vec<UnitPlacement>> =
            std::collections::BTreeMap::new();
        for (person, p) in self.placements() {
            by.entry(person).or_default().push(p);
        }
        by
    }

    /// Every placement of a member in a unit, in date order.
    pub fn units_of<'a>(
        &'a self,
        person: &'a PersonId,
    ) -> impl Iterator<Item = UnitPlacement> + 'a {
        self.placements()
            .filter(move |(placed, _)| *placed == person)
            .map(|(_, p)| p)
    }

    /// An organization of which nothing is known yet.
    pub fn new(org: OrgId) -> OrgRow {
        OrgRow {
            org,
            category: None,
            span: None,
            ended_how: None,
            banned: None,
            facts: Vec::new(),
        }
    }

    /// Adds a fact (at a position after every earlier one) and folds it in.
    pub fn add(&mut self, pos: Pos, change: OrgChange) {
        self.fold(&change);
        self.facts.push(OrgFact { pos, change });
    }

    fn fold(&mut self, change: &OrgChange) {
        match change {
            OrgChange::Founded { date, category } => {
                self.span.get_or_insert_with(|| Span::from(date.clone()));
                if self.category.is_none() {
                    self.category.clone_from(category);
                }
            }
            OrgChange::Ended { date, how } => {
                let span = self.span.get_or_insert_with(|| Span::from(date.clone()));
                span.end = Some(date.clone());
                self.ended_how = Some(how.clone());
            }
            OrgChange::Banned { date } => self.banned = Some(date.clone()),
            OrgChange::Recategorized { category, .. } => self.category = Some(category.clone()),
            OrgChange::Intervened { .. }
            | OrgChange::Befell { .. }
            | OrgChange::Observed { .. }
            | OrgChange::Directed { .. }
            | OrgChange::Charged { .. }
            | OrgChange::Served { .. }
            | OrgChange::Heard { .. }
            | OrgChange::Stepped { .. }
            | OrgChange::CoOpted { .. }
            | OrgChange::Placed { .. }
            | OrgChange::Unit { .. }
            | OrgChange::Suspended { .. } => {}
        }
    }
}

impl Row for OrgRow {
    const TABLE: Table = Table::Orgs;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.org.as_str())
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.org).json(self);
        if let Some(touched) = self.touched() {
            c.pos(touched);
        } else {
            c.pos(Pos::MIN);
        }
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
        let mut r = Reader::new(Self::TABLE, values)?;
        let _key: OrgId = r.text()?;
        let row = r.json()?;
        r.pos()?;
        Ok(row)
    }
    fn touched(&self) -> Option<Pos> {
        self.facts.iter().map(|f| f.pos).max()
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        let mut row = OrgRow::new(self.org.clone());
        for fact in self.facts.iter().filter(|f| f.pos < to) {
            row.add(fact.pos, fact.change.clone());
        }
        (!row.facts.is_empty()).then_some(row)
    }
}

/// One thing the record says of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "fact")]
pub enum MeetingFact {
    /// Convened: notice given.
    Convened {
        /// The organ meeting.
        organ: OrganRef,
        /// Organs meeting jointly with it.
        joint_with: Vec<OrganRef>,
        /// When notice was given.
        date: FuzzyDate,
        /// The event.
        event: EventId,
        /// The date it was called for.
        scheduled: Option<FuzzyDate>,
        /// What kind of meeting, if the record says.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        category: Option<String>,
        /// The business its notice states, if the record says.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        business: Vec<String>,
    },
    /// Held.
    Held {
        /// The organ meeting, if known.
        organ: Option<OrganRef>,
        /// Organs meeting jointly with it.
        joint_with: Vec<OrganRef>,
        /// When it sat.
        date: FuzzyDate,
        /// The event.
        event: EventId,
        /// Members present.
        present: Option<u32>,
        /// Members entitled to attend.
        entitled: Option<u32>,
        /// The votes each constituency's delegates were entitled to, if recorded.
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        constituency_votes: std::collections::BTreeMap<Key, u64>,
    },
}

/// A meeting as the history knows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingState {
    /// The organ meeting.
    pub organ: Option<OrganRef>,
    /// Organs meeting jointly with it.
    pub joint_with: Vec<OrganRef>,
    /// When notice was given, and by which event.
    pub convened: Option<(FuzzyDate, EventId)>,
    /// The date it was called for.
    pub scheduled: Option<FuzzyDate>,
    /// When it sat, and the event recording it.
    pub held: Option<(FuzzyDate, EventId)>,
    /// Members present.
    pub present: Option<u32>,
    /// Members entitled to attend, if the record says.
    pub entitled: Option<u32>,
    /// What kind of meeting it was convened as, if the record says.
    pub category: Option<String>,
    /// The votes each constituency's delegates were entitled to, if recorded.
    pub constituency_votes: std::collections::BTreeMap<Key, u64>,
    /// The business its notice states (the categories of decision, `election`), if
    /// the record says.
    pub business: Vec<String>,
}

/// A meeting's row: the facts recorded of it, in date order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MeetingRow {
    /// The meeting.
    pub meeting: MeetingId,
    /// The facts, with the positions of their events.
    pub facts: Vec<(Pos, MeetingFact)>,
}

impl MeetingRow {
    /// A meeting of which nothing is known yet.
    pub fn new(meeting: MeetingId) -> MeetingRow {
        MeetingRow {
            meeting,
            facts: Vec::new(),
        }
    }

    /// The meeting as its facts describe it.
    pub fn state(&self) -> MeetingState {
        let mut state = MeetingState::default();
        for (_, fact) in &self.facts {
            match fact {
                MeetingFact::Convened {
                    organ,
                    joint_with,
                    date,
                    event,
                    scheduled,
                    category,
                    business,
                } => {
                    state.category.clone_from(category);
                    state.business.clone_from(business);
                    state.organ = Some(organ.clone());
                    state.joint_with.clone_from(joint_with);
                    state.convened = Some((date.clone(), event.clone()));
                    state.scheduled.clone_from(scheduled);
                }
                MeetingFact::Held {
                    organ,
                    joint_with,
                    date,
                    event,
                    present,
                    entitled,
                    constituency_votes,
                } => {
                    if organ.is_some() {
                        state.organ.clone_from(organ);
                    }
                    if !joint_with.is_empty() {
                        state.joint_with.clone_from(joint_with);
                    }
                    state.held = Some((date.clone(), event.clone()));
                    state.present = present.or(state.present);
                    state.entitled = entitled.or(state.entitled);
                    if !constituency_votes.is_empty() {
                        state.constituency_votes.clone_from(constituency_votes);
                    }
                }
            }
        }
        state
    }
}

impl Row for MeetingRow {
    const TABLE: Table = Table::Meetings;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.meeting.as_str())
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.meeting)
            .json(&self.facts)
            .pos(self.touched().unwrap_or(Pos::MIN));
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
        let mut r = Reader::new(Self::TABLE, values)?;
        let row = MeetingRow {
            meeting: r.text()?,
            facts: r.json()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn touched(&self) -> Option<Pos> {
        self.facts.iter().map(|(p, _)| *p).max()
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        let facts: Vec<_> = self
            .facts
            .iter()
            .filter(|(p, _)| *p < to)
            .cloned()
            .collect();
        (!facts.is_empty()).then(|| MeetingRow {
            meeting: self.meeting.clone(),
            facts,
        })
    }
}

//! The history: projection rows plus the indexes that replaying events in date order needs.
//!
//! [`History`] only opens and closes rows; what each event does is in
//! `apply.rs`, and it never judges: the rules engine reads a history, it
//! does not change one.

use std::collections::{HashMap, HashSet};

use crate::date::FuzzyDate;
use crate::event::{EndCause, Outcome, Role, Votes};
use crate::id::{EventId, FactionId, MeetingId, OrgId, OrganRef, PersonId, PostRef};

use super::rows::{
    AlignmentRow, CountRow, MemberStatus, MembershipEnd, MembershipRow, NameRow, OrgRow, PostRow,
    Rows, SeatRow, Span,
};

/// A meeting as the history knows it.
#[derive(Clone, Debug, Default)]
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
}

/// A motion as the history knows it.
#[derive(Clone, Debug)]
pub struct Decision {
    /// When.
    pub date: FuzzyDate,
    /// The meeting, if any.
    pub meeting: Option<MeetingId>,
    /// The deciding organ (the meeting's, or the motion's own).
    pub organ: Option<OrganRef>,
    /// The kind of decision.
    pub category: Option<String>,
    /// The votes.
    pub votes: Option<Votes>,
    /// Members present, from the motion or its meeting.
    pub present: Option<u32>,
    /// The outcome.
    pub outcome: Outcome,
}

/// The projection rows and the indexes of what is open.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub(crate) rows: Rows,
    open_seats: HashMap<PersonId, Vec<usize>>,
    open_by_organ: HashMap<OrganRef, HashSet<usize>>,
    registers: HashSet<OrgId>,
    seated_organs: HashSet<OrganRef>,
    open_posts: HashMap<PersonId, Vec<usize>>,
    open_memberships: HashMap<PersonId, Vec<usize>>,
    /// Every membership row of a person, open or closed, in row order.
    memberships_by_person: HashMap<PersonId, Vec<usize>>,
    open_alignment: HashMap<PersonId, usize>,
    open_leader: HashMap<FactionId, usize>,
    open_counts: HashMap<(OrganRef, Role, Option<FactionId>), usize>,
    open_names: HashMap<OrgId, usize>,
    orgs: HashMap<OrgId, usize>,
    pub(crate) deaths: HashMap<PersonId, (FuzzyDate, EventId)>,
    pub(crate) meetings: HashMap<MeetingId, MeetingState>,
    pub(crate) held_by_organ: HashMap<OrganRef, Vec<(FuzzyDate, MeetingId)>>,
    pub(crate) decisions: HashMap<EventId, Decision>,
}

impl History {
    /// The projection rows.
    pub fn rows(&self) -> &Rows {
        &self.rows
    }

    /// Open seats of a person.
    pub fn open_seats_of(&self, person: &PersonId) -> impl Iterator<Item = &SeatRow> {
        self.open_seats
            .get(person)
            .into_iter()
            .flatten()
            .map(|&i| &self.rows.seats[i])
    }

    /// Open seats on an organ.
    pub fn open_seats_on<'a>(
        &'a self,
        organ: &'a OrganRef,
    ) -> impl Iterator<Item = &'a SeatRow> + 'a {
        self.open_by_organ
            .get(organ)
            .into_iter()
            .flatten()
            .map(|&i| &self.rows.seats[i])
    }

    /// Whether the record keeps a membership register for an organization
    /// (at least one membership recorded).
    pub fn keeps_register(&self, org: &OrgId) -> bool {
        self.registers.contains(org)
    }

    /// Whether the record names anyone on an organ, ever.
    pub fn names_seats(&self, organ: &OrganRef) -> bool {
        self.seated_organs.contains(organ)
    }

    /// The composition of an organ as it stands now (at the end of the
    /// replay so far), judged on `day`: open seats, open counts.
    pub fn current(
        &self,
        organ: &OrganRef,
        day: crate::date::Day,
    ) -> crate::query::compose::Composition {
        let seats: Vec<SeatRow> = self.open_seats_on(organ).cloned().collect();
        let counts: Vec<CountRow> = self
            .open_counts
            .iter()
            .filter(|((o, _, _), _)| o == organ)
            .map(|(_, &i)| self.rows.counts[i].clone())
            .collect();
        let alignments: Vec<AlignmentRow> = seats
            .iter()
            .filter_map(|s| self.open_alignment.get(&s.person))
            .map(|&i| self.rows.alignments[i].clone())
            .collect();
        crate::query::compose::compose(day, day, &seats, &counts, &alignments)
    }

    /// Open posts of a person.
    pub fn open_posts_of(&self, person: &PersonId) -> impl Iterator<Item = &PostRow> {
        self.open_posts
            .get(person)
            .into_iter()
            .flatten()
            .map(|&i| &self.rows.posts[i])
    }

    /// Open tenures of a post.
    pub fn open_holders_of<'a>(
        &'a self,
        post: &'a PostRef,
    ) -> impl Iterator<Item = &'a PostRow> + 'a {
        self.open_posts
            .values()
            .flatten()
            .map(|&i| &self.rows.posts[i])
            .filter(move |p| &p.post == post)
    }

    /// The open membership of a person in an organization.
    pub fn membership(&self, person: &PersonId, org: &OrgId) -> Option<&MembershipRow> {
        self.open_memberships
            .get(person)?
            .iter()
            .map(|&i| &self.rows.memberships[i])
            .find(|m| &m.org == org)
    }

    /// Every membership row (open or closed) of a person in an organization, latest last.
    pub fn memberships_of<'a>(
        &'a self,
        person: &'a PersonId,
        org: &'a OrgId,
    ) -> impl Iterator<Item = &'a MembershipRow> + 'a {
        self.memberships_by_person
            .get(person)
            .into_iter()
            .flatten()
            .map(|&i| &self.rows.memberships[i])
            .filter(move |m| &m.org == org)
    }

    /// The organization's row, if it was founded in the record.
    pub fn org(&self, org: &OrgId) -> Option<&OrgRow> {
        self.orgs.get(org).map(|&i| &self.rows.orgs[i])
    }

    /// When a person died, if recorded.
    pub fn death(&self, person: &PersonId) -> Option<&(FuzzyDate, EventId)> {
        self.deaths.get(person)
    }

    /// A meeting.
    pub fn meeting(&self, meeting: &MeetingId) -> Option<&MeetingState> {
        self.meetings.get(meeting)
    }

    /// A decision.
    pub fn decision(&self, event: &EventId) -> Option<&Decision> {
        self.decisions.get(event)
    }

    /// Meetings an organ has held so far, in date order.
    pub fn held_meetings(&self, organ: &OrganRef) -> &[(FuzzyDate, MeetingId)] {
        self.held_by_organ.get(organ).map_or(&[], Vec::as_slice)
    }

    /// Every organ that has held a meeting.
    pub fn organs_with_meetings(&self) -> impl Iterator<Item = &OrganRef> {
        self.held_by_organ.keys()
    }

    // Opening and closing rows.

    pub(crate) fn open_seat(
        &mut self,
        organ: OrganRef,
        person: PersonId,
        role: Role,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        let key = format!("seat:{event}:{person}:{organ}");
        self.rows.seats.push(SeatRow {
            key,
            organ,
            person: person.clone(),
            role,
            span: Span::from(date.clone()),
            start_event: event.clone(),
            end_event: None,
            end_cause: None,
        });
        let index = self.rows.seats.len() - 1;
        self.open_seats.entry(person).or_default().push(index);
        let organ = self.rows.seats[index].organ.clone();
        self.seated_organs.insert(organ.clone());
        self.open_by_organ.entry(organ).or_default().insert(index);
    }

    /// Closes the open seats of `person` that `which` selects; returns how many.
    pub(crate) fn close_seats(
        &mut self,
        person: &PersonId,
        which: impl Fn(&SeatRow) -> bool,
        date: &FuzzyDate,
        event: &EventId,
        cause: EndCause,
    ) -> usize {
        let closed = end_rows(
            self.open_seats.get_mut(person),
            &mut self.rows.seats,
            which,
            date,
            event,
            cause,
        );
        for &i in &closed {
            if let Some(set) = self.open_by_organ.get_mut(&self.rows.seats[i].organ) {
                set.remove(&i);
            }
        }
        closed.len()
    }

    /// The people holding open seats on an organ.
    pub(crate) fn seated_on(&self, organ: &OrganRef) -> Vec<(PersonId, Role)> {
        self.open_seats_on(organ)
            .map(|s| (s.person.clone(), s.role))
            .collect()
    }

    pub(crate) fn open_post(
        &mut self,
        post: PostRef,
        person: PersonId,
        acting: bool,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        self.rows.posts.push(PostRow {
            key: format!("post:{event}:{person}:{post}"),
            post,
            person: person.clone(),
            acting,
            span: Span::from(date.clone()),
            start_event: event.clone(),
            end_event: None,
            end_cause: None,
        });
        self.open_posts
            .entry(person)
            .or_default()
            .push(self.rows.posts.len() - 1);
    }

    pub(crate) fn close_posts(
        &mut self,
        person: &PersonId,
        which: impl Fn(&PostRow) -> bool,
        date: &FuzzyDate,
        event: &EventId,
        cause: EndCause,
    ) -> usize {
        end_rows(
            self.open_posts.get_mut(person),
            &mut self.rows.posts,
            which,
            date,
            event,
            cause,
        )
        .len()
    }

    pub(crate) fn open_membership(
        &mut self,
        org: OrgId,
        person: PersonId,
        status: MemberStatus,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        self.rows.memberships.push(MembershipRow {
            key: format!("member:{event}:{person}:{org}"),
            org,
            person: person.clone(),
            status,
            span: Span::from(date.clone()),
            start_event: event.clone(),
            end_event: None,
            end_cause: None,
        });
        self.registers.insert(
            self.rows.memberships[self.rows.memberships.len() - 1]
                .org
                .clone(),
        );
        self.memberships_by_person
            .entry(person.clone())
            .or_default()
            .push(self.rows.memberships.len() - 1);
        self.open_memberships
            .entry(person)
            .or_default()
            .push(self.rows.memberships.len() - 1);
    }

    /// Closes the open memberships of `person` that `which` selects; returns their statuses.
    pub(crate) fn close_memberships(
        &mut self,
        person: &PersonId,
        which: impl Fn(&MembershipRow) -> bool,
        date: &FuzzyDate,
        event: &EventId,
        cause: MembershipEnd,
    ) -> Vec<(OrgId, MemberStatus)> {
        let closed = end_rows(
            self.open_memberships.get_mut(person),
            &mut self.rows.memberships,
            which,
            date,
            event,
            cause,
        );
        closed
            .into_iter()
            .map(|i| {
                (
                    self.rows.memberships[i].org.clone(),
                    self.rows.memberships[i].status,
                )
            })
            .collect()
    }

    /// The people with an open membership of an organization, with their status.
    pub(crate) fn members_of(&self, org: &OrgId) -> Vec<(PersonId, MemberStatus)> {
        let mut members: Vec<_> = self
            .open_memberships
            .values()
            .flatten()
            .map(|&i| &self.rows.memberships[i])
            .filter(|m| &m.org == org)
            .map(|m| (m.person.clone(), m.status))
            .collect();
        members.sort();
        members
    }

    pub(crate) fn align(
        &mut self,
        person: PersonId,
        faction: FactionId,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        self.end_alignment(&person, None, date, event);
        self.rows.alignments.push(AlignmentRow {
            key: format!("align:{event}:{person}"),
            faction,
            person: person.clone(),
            leader: false,
            span: Span::from(date.clone()),
            start_event: event.clone(),
            end_event: None,
        });
        self.open_alignment
            .insert(person, self.rows.alignments.len() - 1);
    }

    /// Ends a person's open alignment (only with `faction`, if given); whether one ended.
    pub(crate) fn end_alignment(
        &mut self,
        person: &PersonId,
        faction: Option<&FactionId>,
        date: &FuzzyDate,
        event: &EventId,
    ) -> bool {
        let Some(&i) = self.open_alignment.get(person) else {
            return false;
        };
        if faction.is_some_and(|f| &self.rows.alignments[i].faction != f) {
            return false;
        }
        self.open_alignment.remove(person);
        let row = &mut self.rows.alignments[i];
        row.span.end = Some(date.clone());
        row.end_event = Some(event.clone());
        true
    }

    /// The people aligned with a faction now.
    pub(crate) fn aligned_with(&self, faction: &FactionId) -> Vec<PersonId> {
        let mut people: Vec<_> = self
            .open_alignment
            .iter()
            .filter(|(_, i)| &self.rows.alignments[**i].faction == faction)
            .map(|(p, _)| p.clone())
            .collect();
        people.sort();
        people
    }

    pub(crate) fn lead(
        &mut self,
        faction: FactionId,
        person: PersonId,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        self.end_leadership(&faction, date, event);
        self.rows.alignments.push(AlignmentRow {
            key: format!("lead:{event}:{faction}"),
            faction: faction.clone(),
            person,
            leader: true,
            span: Span::from(date.clone()),
            start_event: event.clone(),
            end_event: None,
        });
        self.open_leader
            .insert(faction, self.rows.alignments.len() - 1);
    }

    pub(crate) fn end_leadership(
        &mut self,
        faction: &FactionId,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        if let Some(i) = self.open_leader.remove(faction) {
            let row = &mut self.rows.alignments[i];
            row.span.end = Some(date.clone());
            row.end_event = Some(event.clone());
        }
    }

    pub(crate) fn end_leadership_of(
        &mut self,
        person: &PersonId,
        date: &FuzzyDate,
        event: &EventId,
    ) {
        let factions: Vec<FactionId> = self
            .open_leader
            .iter()
            .filter(|(_, i)| &self.rows.alignments[**i].person == person)
            .map(|(f, _)| f.clone())
            .collect();
        for faction in factions {
            self.end_leadership(&faction, date, event);
        }
    }

    pub(crate) fn count_seats(&mut self, row: CountRow) {
        let slot = (row.organ.clone(), row.role, row.faction.clone());
        if let Some(previous) = self.open_counts.remove(&slot) {
            self.rows.counts[previous].span.end = Some(row.span.start.clone());
        }
        let open = row.span.end.is_none();
        self.rows.counts.push(row);
        if open {
            self.open_counts.insert(slot, self.rows.counts.len() - 1);
        }
    }

    /// Ends every open count of an organ (a new election replaces the body).
    pub(crate) fn end_counts(&mut self, organ: &OrganRef, date: &FuzzyDate) {
        let slots: Vec<_> = self
            .open_counts
            .keys()
            .filter(|(o, _, _)| o == organ)
            .cloned()
            .collect();
        for slot in slots {
            if let Some(i) = self.open_counts.remove(&slot) {
                self.rows.counts[i].span.end = Some(date.clone());
            }
        }
    }

    pub(crate) fn found_org(&mut self, org: &OrgId, category: Option<String>, date: &FuzzyDate) {
        if let Some(&i) = self.orgs.get(org) {
            let row = &mut self.rows.orgs[i];
            row.span.get_or_insert_with(|| Span::from(date.clone()));
            if row.category.is_none() {
                row.category = category;
            }
            return;
        }
        self.rows.orgs.push(OrgRow {
            org: org.clone(),
            category,
            span: Some(Span::from(date.clone())),
            ended_how: None,
            banned: None,
        });
        self.orgs.insert(org.clone(), self.rows.orgs.len() - 1);
    }

    pub(crate) fn org_mut(&mut self, org: &OrgId) -> &mut OrgRow {
        let i = *self.orgs.entry(org.clone()).or_insert_with(|| {
            self.rows.orgs.push(OrgRow {
                org: org.clone(),
                category: None,
                span: None,
                ended_how: None,
                banned: None,
            });
            self.rows.orgs.len() - 1
        });
        &mut self.rows.orgs[i]
    }

    pub(crate) fn name_org(&mut self, org: &OrgId, name: &str, date: &FuzzyDate, event: &EventId) {
        if let Some(i) = self.open_names.remove(org) {
            self.rows.names[i].span.end = Some(date.clone());
        }
        self.rows.names.push(NameRow {
            key: format!("name:{event}:{org}"),
            org: org.clone(),
            name: name.to_owned(),
            span: Span::from(date.clone()),
            event: event.clone(),
        });
        self.open_names
            .insert(org.clone(), self.rows.names.len() - 1);
    }

    pub(crate) fn end_name(&mut self, org: &OrgId, date: &FuzzyDate) {
        if let Some(i) = self.open_names.remove(org) {
            self.rows.names[i].span.end = Some(date.clone());
        }
    }

    /// Every person with something open in an organization's organs or posts.
    pub(crate) fn people_in(&self, org: &OrgId) -> Vec<PersonId> {
        let mut people: Vec<PersonId> = self
            .open_seats
            .iter()
            .filter(|(_, v)| v.iter().any(|&i| &self.rows.seats[i].organ.org == org))
            .map(|(p, _)| p.clone())
            .chain(
                self.open_posts
                    .iter()
                    .filter(|(_, v)| v.iter().any(|&i| &self.rows.posts[i].post.org == org))
                    .map(|(p, _)| p.clone()),
            )
            .collect();
        people.sort();
        people.dedup();
        people
    }
}

/// A row that an event can end, with a cause.
trait Ending {
    type Cause: Copy;
    fn end(&mut self, date: &FuzzyDate, event: &EventId, cause: Self::Cause);
}

macro_rules! ending {
    ($($row:ty => $cause:ty),*) => {$(
        impl Ending for $row {
            type Cause = $cause;
            fn end(&mut self, date: &FuzzyDate, event: &EventId, cause: $cause) {
                self.span.end = Some(date.clone());
                self.end_event = Some(event.clone());
                self.end_cause = Some(cause);
            }
        }
    )*};
}

ending!(SeatRow => EndCause, PostRow => EndCause, MembershipRow => MembershipEnd);

/// Ends the open rows (indexes in `open`) that `which` selects; returns their indexes.
fn end_rows<T: Ending>(
    open: Option<&mut Vec<usize>>,
    rows: &mut [T],
    which: impl Fn(&T) -> bool,
    date: &FuzzyDate,
    event: &EventId,
    cause: T::Cause,
) -> Vec<usize> {
    let Some(open) = open else { return Vec::new() };
    let mut closed = Vec::new();
    open.retain(|&i| {
        if which(&rows[i]) {
            rows[i].end(date, event, cause);
            closed.push(i);
            false
        } else {
            true
        }
    });
    closed
}

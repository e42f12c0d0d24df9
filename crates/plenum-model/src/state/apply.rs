//! What each event does to the history. Applying never judges: the rules ran before.

use crate::event::{EndCause, Event, EventKind, Role, Status};
use crate::id::{EventId, OrgId, PersonId};

use super::describe::describe;
use super::history::{Decision, History, MeetingState};
use super::registry::{EntityKind, Registry};
use super::rows::{
    CountRow, FigureRow, LinkKind, LinkRow, MemberStatus, MembershipEnd, RecordRow, Span,
};

impl History {
    /// Applies one event, in date order, to the history.
    pub fn apply(&mut self, event: &Event, registry: &Registry) {
        let date = &event.date;
        let id = &event.id;
        use EventKind as K;
        match &event.kind {
            K::OrganizationFounded(b) => {
                self.found_org(&b.org, b.category.clone(), date);
                self.name_org(&b.org, &b.name, date, id);
                if let Some(parent) = &b.parent {
                    self.link(&b.org, parent, LinkKind::PartOf, date, id);
                }
            }
            K::OrganizationRenamed(b) => self.name_org(&b.org, &b.name, date, id),
            K::OrganizationsMerged(b) => {
                let name = b
                    .name
                    .clone()
                    .unwrap_or_else(|| registry.name_of(EntityKind::Org, b.into.as_str()));
                if self.org(&b.into).and_then(|o| o.span.as_ref()).is_none() {
                    self.found_org(&b.into, b.category.clone(), date);
                    self.name_org(&b.into, &name, date, id);
                }
                for org in b.orgs.iter().filter(|o| **o != b.into) {
                    self.link(org, &b.into, LinkKind::MergedInto, date, id);
                    for (person, status) in self.members_of(org) {
                        self.close_memberships(
                            &person,
                            |m| &m.org == org,
                            date,
                            id,
                            MembershipEnd::Merged,
                        );
                        if self.membership(&person, &b.into).is_none() {
                            self.open_membership(b.into.clone(), person, status, date, id);
                        }
                    }
                    self.end_org(org, "merged", date, id);
                }
            }
            K::OrganizationSplit(b) => {
                for new in &b.into {
                    self.found_org(&new.org, None, date);
                    self.name_org(&new.org, &new.name, date, id);
                    self.link(&b.org, &new.org, LinkKind::SplitInto, date, id);
                }
                if !b.continues {
                    self.end_org(&b.org, "split", date, id);
                }
            }
            K::OrganizationJoined(b) => self.link(&b.org, &b.parent, LinkKind::PartOf, date, id),
            K::OrganizationLeft(b) => {
                for link in self.rows.links.iter_mut() {
                    if link.from == b.org
                        && link.to == b.parent
                        && link.link == LinkKind::PartOf
                        && link.span.end.is_none()
                    {
                        link.span.end = Some(date.clone());
                    }
                }
            }
            K::OrganizationBanned(b) => {
                self.org_mut(&b.org).banned = Some(date.clone());
            }
            K::OrganizationDissolved(b) => self.end_org(&b.org, "dissolved", date, id),
            K::PersonRegistered(_) => {}
            K::MemberAdmitted(b) => {
                let status = match b.status {
                    Status::Candidate => MemberStatus::Candidate,
                    Status::Full => MemberStatus::Full,
                };
                self.close_memberships(
                    &b.person,
                    |m| m.org == b.org,
                    date,
                    id,
                    MembershipEnd::StatusChanged,
                );
                self.open_membership(b.org.clone(), b.person.clone(), status, date, id);
            }
            K::MemberPromoted(b) => {
                self.change_status(&b.person, &b.org, MemberStatus::Full, event)
            }
            K::MemberSuspended(b) => {
                self.change_status(&b.person, &b.org, MemberStatus::Suspended, event)
            }
            K::MemberReinstated(b) => {
                self.change_status(&b.person, &b.org, MemberStatus::Full, event)
            }
            K::MemberExpelled(b) => {
                self.close_memberships(
                    &b.person,
                    |m| m.org == b.org,
                    date,
                    id,
                    MembershipEnd::Expelled,
                );
                self.end_everything_in(&b.person, &b.org, EndCause::Expelled, event);
            }
            K::MemberResigned(b) => {
                self.close_memberships(
                    &b.person,
                    |m| m.org == b.org,
                    date,
                    id,
                    MembershipEnd::Resigned,
                );
            }
            K::PersonRehabilitated(b) => {
                if b.reinstated
                    && let Some(org) = &b.org
                {
                    self.change_status(&b.person, org, MemberStatus::Full, event);
                }
            }
            K::PersonDied(b) => {
                self.deaths
                    .entry(b.person.clone())
                    .or_insert_with(|| (date.clone(), id.clone()));
                self.close_seats(&b.person, |_| true, date, id, EndCause::Died);
                self.close_posts(&b.person, |_| true, date, id, EndCause::Died);
                self.close_memberships(&b.person, |_| true, date, id, MembershipEnd::Died);
                self.end_alignment(&b.person, None, date, id);
                self.end_leadership_of(&b.person, date, id);
            }
            K::PersonPurged(b) => {
                self.end_everything_in(&b.person, &b.org, EndCause::Purged, event)
            }
            K::PersonArrested(_) | K::PersonTried(_) | K::PersonFled(_) | K::SpeechGiven(_) => {}
            K::FactionFormed(_) => {}
            K::FactionJoined(b) => self.align(b.person.clone(), b.faction.clone(), date, id),
            K::FactionLeft(b) => {
                self.end_alignment(&b.person, Some(&b.faction), date, id);
            }
            K::FactionLed(b) => self.lead(b.faction.clone(), b.person.clone(), date, id),
            K::FactionDissolved(b) => {
                for person in self.aligned_with(&b.faction) {
                    self.end_alignment(&person, Some(&b.faction), date, id);
                }
                self.end_leadership(&b.faction, date, id);
            }
            K::OrganEstablished(_) | K::PostEstablished(_) => {}
            K::MeetingConvened(b) => {
                let meeting = self.meetings.entry(b.meeting.clone()).or_default();
                meeting.organ = Some(b.organ.clone());
                meeting.joint_with.clone_from(&b.joint_with);
                meeting.convened = Some((date.clone(), id.clone()));
                meeting.scheduled.clone_from(&b.scheduled);
            }
            K::MeetingHeld(b) => {
                let organ = b
                    .organ
                    .clone()
                    .or_else(|| registry.meeting_organ(&b.meeting).cloned());
                let meeting: &mut MeetingState =
                    self.meetings.entry(b.meeting.clone()).or_default();
                if organ.is_some() {
                    meeting.organ.clone_from(&organ);
                }
                if !b.joint_with.is_empty() {
                    meeting.joint_with.clone_from(&b.joint_with);
                }
                meeting.held = Some((date.clone(), id.clone()));
                meeting.present = b.present.or(meeting.present);
                meeting.entitled = b.entitled.or(meeting.entitled);
                let organs: Vec<_> = organ
                    .into_iter()
                    .chain(meeting.joint_with.iter().cloned())
                    .collect();
                for organ in organs {
                    let held = self.held_by_organ.entry(organ).or_default();
                    held.push((date.clone(), b.meeting.clone()));
                    held.sort_by(|a, b| a.0.cmp(&b.0));
                }
            }
            K::MotionDecided(b) => {
                let meeting = b.meeting.as_ref().and_then(|m| self.meetings.get(m));
                let organ = b
                    .organ
                    .clone()
                    .or_else(|| meeting.and_then(|m| m.organ.clone()));
                let present = b.present.or_else(|| meeting.and_then(|m| m.present));
                self.decisions.insert(
                    id.clone(),
                    Decision {
                        date: date.clone(),
                        meeting: b.meeting.clone(),
                        organ,
                        category: b.category.clone(),
                        votes: b.votes,
                        present,
                        outcome: b.outcome,
                    },
                );
            }
            K::ElectionHeld(b) => {
                if let Some(organ) = &b.organ {
                    let elected: Vec<(PersonId, Role)> = b
                        .elected
                        .iter()
                        .map(|p| (p.clone(), Role::Full))
                        .chain(b.alternates.iter().map(|p| (p.clone(), Role::Alternate)))
                        .collect();
                    if b.replaces {
                        for (person, role) in self.seated_on(organ) {
                            if !elected.contains(&(person.clone(), role)) {
                                self.close_seats(
                                    &person,
                                    |s| &s.organ == organ,
                                    date,
                                    id,
                                    EndCause::TermEnded,
                                );
                            }
                        }
                        self.end_counts(organ, date);
                    }
                    for (person, role) in elected {
                        let already = self
                            .open_seats_of(&person)
                            .any(|s| &s.organ == organ && s.role == role);
                        if !already {
                            self.close_seats(
                                &person,
                                |s| &s.organ == organ,
                                date,
                                id,
                                EndCause::Promoted,
                            );
                            self.open_seat(organ.clone(), person, role, date, id);
                        }
                    }
                }
                if let (Some(post), Some(first)) = (&b.post, b.elected.first()) {
                    self.assign_post(post, first, false, registry, event);
                }
            }
            K::SeatTaken(b) => {
                let already = self
                    .open_seats_of(&b.person)
                    .any(|s| s.organ == b.organ && s.role == b.role);
                if !already {
                    let cause = if b.role == Role::Full {
                        EndCause::Promoted
                    } else {
                        EndCause::Demoted
                    };
                    self.close_seats(&b.person, |s| s.organ == b.organ, date, id, cause);
                    self.open_seat(b.organ.clone(), b.person.clone(), b.role, date, id);
                }
            }
            K::SeatVacated(b) => {
                let cause = b.cause.unwrap_or(EndCause::Removed);
                self.close_seats(&b.person, |s| s.organ == b.organ, date, id, cause);
            }
            K::SeatsCounted(b) => self.count_seats(CountRow {
                key: format!("count:{id}"),
                organ: b.organ.clone(),
                role: b.role,
                faction: b.faction.clone(),
                count: b.count,
                span: Span {
                    start: date.clone(),
                    end: b.until.clone(),
                },
                event: id.clone(),
            }),
            K::MembersCounted(b) => self.rows.figures.push(FigureRow {
                event: id.clone(),
                org: b.org.clone(),
                date: date.clone(),
                count: b.count,
                at_least: b.at_least,
                from: b.from.clone(),
            }),
            K::PostAssigned(b) => self.assign_post(&b.post, &b.person, b.acting, registry, event),
            K::PostVacated(b) => {
                let cause = b.cause.unwrap_or(EndCause::Removed);
                self.close_posts(&b.person, |p| p.post == b.post, date, id, cause);
            }
            K::StatuteAdopted(_) | K::EventRetracted(_) | K::EventSuperseded(_) => {}
        }
        if let Some(person) = event.kind.subject() {
            self.record(person, event, describe(event, registry));
        }
        if let K::ElectionHeld(b) = &event.kind {
            let target = match (&b.organ, &b.post) {
                (Some(o), _) => registry.name_of(EntityKind::Organ, &o.to_string()),
                (None, Some(p)) => registry.name_of(EntityKind::Post, &p.to_string()),
                (None, None) => String::new(),
            };
            for person in &b.elected {
                self.record(person, event, format!("elected to {target}"));
            }
            for person in &b.alternates {
                self.record(
                    person,
                    event,
                    format!("elected alternate member of {target}"),
                );
            }
        }
    }

    fn record(&mut self, person: &PersonId, event: &Event, text: String) {
        self.rows.records.push(RecordRow {
            person: person.clone(),
            event: event.id.clone(),
            date: event.date.clone(),
            kind: event.kind.name().to_owned(),
            text,
        });
    }

    fn link(
        &mut self,
        from: &OrgId,
        to: &OrgId,
        link: LinkKind,
        date: &crate::date::FuzzyDate,
        event: &EventId,
    ) {
        self.rows.links.push(LinkRow {
            key: format!("link:{event}:{from}:{to}"),
            from: from.clone(),
            to: to.clone(),
            link,
            span: Span::from(date.clone()),
            event: event.clone(),
        });
    }

    fn end_org(&mut self, org: &OrgId, how: &str, date: &crate::date::FuzzyDate, event: &EventId) {
        let row = self.org_mut(org);
        let span = row.span.get_or_insert_with(|| Span {
            start: date.clone(),
            end: None,
        });
        span.end = Some(date.clone());
        row.ended_how = Some(how.to_owned());
        self.end_name(org, date);
        for person in self.people_in(org) {
            self.close_seats(
                &person,
                |s| &s.organ.org == org,
                date,
                event,
                EndCause::OrganizationEnded,
            );
            self.close_posts(
                &person,
                |p| &p.post.org == org,
                date,
                event,
                EndCause::OrganizationEnded,
            );
        }
        for (person, _) in self.members_of(org) {
            self.close_memberships(
                &person,
                |m| &m.org == org,
                date,
                event,
                MembershipEnd::OrganizationEnded,
            );
        }
        for link in self.rows.links.iter_mut() {
            if &link.from == org && link.link == LinkKind::PartOf && link.span.end.is_none() {
                link.span.end = Some(date.clone());
            }
        }
    }

    fn change_status(
        &mut self,
        person: &PersonId,
        org: &OrgId,
        status: MemberStatus,
        event: &Event,
    ) {
        if self
            .membership(person, org)
            .is_some_and(|m| m.status == status)
        {
            return;
        }
        self.close_memberships(
            person,
            |m| &m.org == org,
            &event.date,
            &event.id,
            MembershipEnd::StatusChanged,
        );
        self.open_membership(org.clone(), person.clone(), status, &event.date, &event.id);
    }

    fn end_everything_in(
        &mut self,
        person: &PersonId,
        org: &OrgId,
        cause: EndCause,
        event: &Event,
    ) {
        self.close_seats(
            person,
            |s| &s.organ.org == org,
            &event.date,
            &event.id,
            cause,
        );
        self.close_posts(
            person,
            |p| &p.post.org == org,
            &event.date,
            &event.id,
            cause,
        );
    }

    fn assign_post(
        &mut self,
        post: &crate::id::PostRef,
        person: &PersonId,
        acting: bool,
        registry: &Registry,
        event: &Event,
    ) {
        if self.open_posts_of(person).any(|p| &p.post == post) {
            return;
        }
        let limit = registry.post_holders(post) as usize;
        let mut holders: Vec<_> = self
            .open_holders_of(post)
            .map(|p| (p.span.start.clone(), p.person.clone()))
            .collect();
        holders.sort();
        // The longest-serving holders make room for the new one.
        let excess = (holders.len() + 1).saturating_sub(limit);
        for (_, old) in holders.into_iter().take(excess) {
            self.close_posts(
                &old,
                |p| &p.post == post,
                &event.date,
                &event.id,
                EndCause::Replaced,
            );
        }
        self.open_post(post.clone(), person.clone(), acting, &event.date, &event.id);
    }
}

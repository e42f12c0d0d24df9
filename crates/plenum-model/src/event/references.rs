//! What an event points at ([`EventKind::references`]): every entity and earlier event
//! it names, with the field that names it, for the registry's checks that each is
//! declared before use. Entities an event introduces are [`EventKind::declares`]'.

use super::{EventKind, kinds};
use crate::id::{EventId, FactionId, MeetingId, OrgId, OrganRef, PersonId, PostRef};

/// Something an event points at, with the field that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref<'a> {
    /// A person.
    Person(&'a PersonId),
    /// An organization.
    Org(&'a OrgId),
    /// An organ.
    Organ(&'a OrganRef),
    /// A post.
    Post(&'a PostRef),
    /// A faction.
    Faction(&'a FactionId),
    /// A meeting.
    Meeting(&'a MeetingId),
    /// A decision: a `motion_decided` event.
    Decision(&'a EventId),
    /// Any earlier event (the target of a correction).
    Event(&'a EventId),
}

impl EventKind {
    /// What this event points at, each with the name of the field that holds it.
    ///
    /// Entities the event itself introduces (the `org` of `organization_founded`,
    /// the `meeting` of a `meeting_held` not convened before, ...) are listed
    /// by [`EventKind::declares`] instead.
    pub fn references(&self) -> Vec<(&'static str, Ref<'_>)> {
        use EventKind as K;
        let mut refs = Vec::new();
        let mut push = |field, r| refs.push((field, r));
        match self {
            K::OrganizationFounded(b) => {
                if let Some(p) = &b.parent {
                    push("parent", Ref::Org(p));
                }
                b.founders
                    .iter()
                    .for_each(|p| push("founders", Ref::Person(p)));
                if let Some(o) = &b.replaces {
                    push("replaces", Ref::Org(o));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::OrganizationRenamed(b) => push("org", Ref::Org(&b.org)),
            K::OrganizationsMerged(b) => b
                .orgs
                .iter()
                .filter(|o| **o != b.into)
                .for_each(|o| push("orgs", Ref::Org(o))),
            K::OrganizationSplit(b) => push("org", Ref::Org(&b.org)),
            K::OrganizationJoined(b) => {
                push("org", Ref::Org(&b.org));
                push("parent", Ref::Org(&b.parent));
            }
            K::OrganizationLeft(b) => {
                push("org", Ref::Org(&b.org));
                push("parent", Ref::Org(&b.parent));
            }
            K::OrganizationBanned(b) => push("org", Ref::Org(&b.org)),
            K::OrganizationDissolved(b) => {
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::PersonRegistered(_) => {}
            K::MemberAdmitted(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                for s in &b.sponsors {
                    push("sponsors", Ref::Person(s));
                }
                if let Some(u) = &b.unit {
                    push("unit", Ref::Org(u));
                }
            }
            K::MemberPromoted(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::MemberSuspended(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(t) = &b.trial {
                    push("trial", Ref::Event(t));
                }
            }
            K::MemberExpelled(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(r) = &b.referral {
                    push("referral", Ref::Decision(r));
                }
                if let Some(t) = &b.trial {
                    push("trial", Ref::Event(t));
                }
            }
            K::MemberReinstated(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::MemberResigned(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(u) = &b.urged {
                    push("urged", Ref::Decision(u));
                }
            }
            K::MemberDisciplined(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::CandidacyExtended(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::CandidacyEnded(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::MembershipLapsed(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(u) = &b.urged {
                    push("urged", Ref::Decision(u));
                }
            }
            K::MembershipClassChanged(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::PersonRehabilitated(b) => {
                push("person", Ref::Person(&b.person));
                if let Some(o) = &b.org {
                    push("org", Ref::Org(o));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::PersonDied(b) => push("person", Ref::Person(&b.person)),
            K::PersonArrested(b) => push("person", Ref::Person(&b.person)),
            K::PersonTried(b) => {
                push("person", Ref::Person(&b.person));
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
                if let Some(e) = &b.filed {
                    push("filed", Ref::Event(e));
                }
                b.judges.iter().for_each(|p| push("judges", Ref::Person(p)));
                if let Some(c) = &b.acting_chair {
                    push("acting_chair", Ref::Person(&c.person));
                    if let Some(p) = &c.by_post {
                        push("acting_chair", Ref::Post(p));
                    }
                    if let Some(p) = &c.by_person {
                        push("acting_chair", Ref::Person(p));
                    }
                }
            }
            K::ChargesFiled(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                push("by_person", Ref::Person(&b.by_person));
                if let Some(o) = &b.arises_in {
                    push("arises_in", Ref::Org(o));
                }
            }
            K::ChargesServed(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                push("charges", Ref::Event(&b.charges));
            }
            K::AppealDecided(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                push("by", Ref::Organ(&b.by));
                if let Some(e) = &b.appealed {
                    push("appealed", Ref::Event(e));
                }
            }
            K::PersonHeard(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
            }
            K::StepTaken(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
            }
            K::PersonPurged(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::PersonFled(b) => push("person", Ref::Person(&b.person)),
            K::FactionFormed(b) => {
                if let Some(o) = &b.org {
                    push("org", Ref::Org(o));
                }
            }
            K::FactionJoined(b) => {
                push("person", Ref::Person(&b.person));
                push("faction", Ref::Faction(&b.faction));
            }
            K::FactionLeft(b) => {
                push("person", Ref::Person(&b.person));
                push("faction", Ref::Faction(&b.faction));
            }
            K::FactionLed(b) => {
                push("faction", Ref::Faction(&b.faction));
                push("person", Ref::Person(&b.person));
                b.with.iter().for_each(|p| push("with", Ref::Person(p)));
            }
            K::FactionLeadershipEnded(b) => {
                push("faction", Ref::Faction(&b.faction));
                if let Some(p) = &b.person {
                    push("person", Ref::Person(p));
                }
            }
            K::FactionDissolved(b) => push("faction", Ref::Faction(&b.faction)),
            K::OrganEstablished(b) => push("organ", Ref::Org(&b.organ.org)),
            K::PostEstablished(b) => push("post", Ref::Org(&b.post.org)),
            K::MeetingConvened(b) => {
                push("organ", Ref::Organ(&b.organ));
                if let Some(by) = &b.by {
                    push("by", Ref::Organ(by));
                }
                if let Some(post) = &b.by_post {
                    push("by_post", Ref::Post(post));
                }
                if let Some(person) = &b.by_person {
                    push("by_person", Ref::Person(person));
                }
                b.joint_with
                    .iter()
                    .for_each(|o| push("joint_with", Ref::Organ(o)));
                b.requested_by_organizations
                    .iter()
                    .for_each(|o| push("requested_by_organizations", Ref::Org(o)));
                b.notified
                    .iter()
                    .flatten()
                    .for_each(|p| push("notified", Ref::Post(p)));
                if let Some(p) = &b.noticed_by_post {
                    push("noticed_by_post", Ref::Post(p));
                }
                if let Some(p) = &b.noticed_by_person {
                    push("noticed_by_person", Ref::Person(p));
                }
                if let Some(d) = &b.delegates_decision {
                    push("delegates_decision", Ref::Decision(d));
                }
                if let Some(d) = &b.delegates_approval {
                    push("delegates_approval", Ref::Decision(d));
                }
            }
            K::MeetingHeld(b) => {
                if let Some(o) = &b.organ {
                    push("organ", Ref::Organ(o));
                }
                b.joint_with
                    .iter()
                    .for_each(|o| push("joint_with", Ref::Organ(o)));
                b.absent.iter().for_each(|p| push("absent", Ref::Person(p)));
                if let Some(d) = &b.approval {
                    push("approval", Ref::Decision(d));
                }
            }
            K::SpeechGiven(b) => {
                if let Some(m) = &b.meeting {
                    push("meeting", Ref::Meeting(m));
                }
                push("person", Ref::Person(&b.person));
            }
            K::MotionDecided(b) => {
                if let Some(m) = &b.meeting {
                    push("meeting", Ref::Meeting(m));
                }
                if let Some(o) = &b.organ {
                    push("organ", Ref::Organ(o));
                }
                b.moved_by
                    .iter()
                    .for_each(|p| push("moved_by", Ref::Person(p)));
                b.subjects
                    .iter()
                    .for_each(|p| push("subjects", Ref::Person(p)));
                if let Some(o) = &b.concerns {
                    push("concerns", Ref::Org(o));
                }
                if let Some(d) = &b.revises {
                    push("revises", Ref::Decision(d));
                }
            }
            K::ElectionHeld(b) => {
                if let Some(m) = &b.meeting {
                    push("meeting", Ref::Meeting(m));
                }
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
                if let Some(o) = &b.organ {
                    push("organ", Ref::Organ(o));
                }
                if let Some(p) = &b.post {
                    push("post", Ref::Post(p));
                }
                b.elected
                    .iter()
                    .for_each(|p| push("elected", Ref::Person(p)));
                b.alternates
                    .iter()
                    .for_each(|p| push("alternates", Ref::Person(p)));
                b.tally
                    .iter()
                    .for_each(|t| push("tally", Ref::Person(&t.person)));
                b.nominal
                    .iter()
                    .for_each(|p| push("nominal", Ref::Person(p)));
                if let Some(d) = &b.nomination {
                    push("nomination", Ref::Decision(d));
                }
                if let Some(d) = &b.seats_decision {
                    push("seats_decision", Ref::Decision(d));
                }
                for n in &b.nominators {
                    push("nominators", Ref::Person(&n.person));
                    push("nominators", Ref::Person(&n.by_person));
                }
            }
            K::SeatTaken(b) => {
                push("person", Ref::Person(&b.person));
                push("organ", Ref::Organ(&b.organ));
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
                if let Some(p) = &b.by_post {
                    push("by_post", Ref::Post(p));
                }
                if let Some(p) = &b.by_person {
                    push("by_person", Ref::Person(p));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(d) = &b.nomination {
                    push("nomination", Ref::Decision(d));
                }
                if let Some(p) = &b.nominated_by_person {
                    push("nominated_by_person", Ref::Person(p));
                }
                if let Some(p) = &b.vacancy_of {
                    push("vacancy_of", Ref::Person(p));
                }
            }
            K::SeatVacated(b) => {
                push("person", Ref::Person(&b.person));
                push("organ", Ref::Organ(&b.organ));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::SeatsCounted(b) => {
                push("organ", Ref::Organ(&b.organ));
                if let Some(f) = &b.faction {
                    push("faction", Ref::Faction(f));
                }
            }
            K::MembersCounted(b) => {
                push("org", Ref::Org(&b.org));
                if let Some(o) = &b.from {
                    push("from", Ref::Org(o));
                }
            }
            K::PostAssigned(b) => {
                push("person", Ref::Person(&b.person));
                push("post", Ref::Post(&b.post));
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
                if let Some(p) = &b.by_post {
                    push("by_post", Ref::Post(p));
                }
                if let Some(p) = &b.by_person {
                    push("by_person", Ref::Person(p));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(d) = &b.nomination {
                    push("nomination", Ref::Decision(d));
                }
                if let Some(p) = &b.nominated_by_person {
                    push("nominated_by_person", Ref::Person(p));
                }
            }
            K::PostVacated(b) => {
                push("person", Ref::Person(&b.person));
                push("post", Ref::Post(&b.post));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::StatuteAdopted(b) => {
                if let Some(m) = &b.meeting {
                    push("meeting", Ref::Meeting(m));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::ActConfirmed(b) => {
                push("act", Ref::Event(&b.act));
                push("person", Ref::Person(&b.person));
                if let Some(o) = &b.by {
                    push("by", Ref::Organ(o));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::EventRetracted(b) => push("target", Ref::Event(&b.target)),
            K::OutsideIntervention(b) => {
                push("by", Ref::Org(&b.by));
                b.with.iter().for_each(|o| push("with", Ref::Org(o)));
                push("org", Ref::Org(&b.org));
            }
            K::PositionChanged(b) => {
                if let Some(p) = &b.person {
                    push("person", Ref::Person(p));
                }
                if let Some(o) = &b.org {
                    push("org", Ref::Org(o));
                }
                if let Some(p) = &b.by {
                    push("by", Ref::Person(p));
                }
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
                if let Some(m) = &b.meeting {
                    push("meeting", Ref::Meeting(m));
                }
            }
            K::GroupAffected(b) => {
                push("org", Ref::Org(&b.org));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::TenureObserved(b) => {
                push("person", Ref::Person(&b.person));
                if let Some(p) = &b.post {
                    push("post", Ref::Post(p));
                }
                if let Some(o) = &b.organ {
                    push("organ", Ref::Organ(o));
                }
            }
            K::OrganizationDirected(b) => {
                push("org", Ref::Org(&b.org));
                match &b.by {
                    kinds::Director::Org(o) => push("by", Ref::Org(o)),
                    kinds::Director::Organ(o) => push("by", Ref::Organ(o)),
                }
            }
            K::ConstituencyAssigned(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
            }
            K::MemberTransferred(b) => {
                push("person", Ref::Person(&b.person));
                push("org", Ref::Org(&b.org));
                push("unit", Ref::Org(&b.unit));
                if let Some(d) = &b.decision {
                    push("decision", Ref::Decision(d));
                }
            }
            K::EventSuperseded(b) => push("target", Ref::Event(&b.target)),
        }
        refs
    }
}

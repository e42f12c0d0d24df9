//! Events: what the record says happened, each with an id, a fuzzy date and its sources.
//!
//! An event is a header (`id`, `date`, `sources`, `note`) and a body whose
//! shape depends on its `kind` ([`EventKind`], one struct per kind in
//! [`kinds`]). Files of events are read by [`read`]; the ledger's bytes come
//! from [`codec`].

pub mod codec;
pub mod describe;
pub mod kinds;
pub(crate) mod leadership;
pub(crate) mod outside;
pub(crate) mod positions;
pub mod read;
mod references;

use crate::date::FuzzyDate;
use crate::id::{EventId, PersonId};

pub use kinds::{EndCause, Outcome, Role, Scope, Source, Status, TakeCause, Votes};
pub use references::Ref;

/// One event of the record.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Event {
    /// Unique in its ledger.
    pub id: EventId,
    /// When it happened.
    pub date: FuzzyDate,
    /// What happened.
    pub kind: EventKind,
    /// The documents (and quotes) it rests on.
    pub sources: Vec<Source>,
    /// A remark by whoever recorded it.
    pub note: Option<String>,
}

/// A correction replacing an earlier event's date, sources and body; the id stays.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Superseded {
    /// The event corrected.
    pub target: EventId,
    /// Why.
    pub reason: String,
    /// The event as it should read; its id is `target`.
    pub replacement: Box<Event>,
}

macro_rules! event_kinds {
    ($($variant:ident = $name:literal),* $(,)?) => {
        /// The body of an event, by kind.
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum EventKind {
            $(
                #[doc = concat!("`", $name, "`: see [`kinds::", stringify!($variant), "`].")]
                $variant(kinds::$variant),
            )*
            /// `event_superseded`: see [`Superseded`].
            EventSuperseded(Superseded),
        }

        impl EventKind {
            /// Every kind name, as written in files.
            pub const NAMES: &'static [&'static str] = &[$($name,)* "event_superseded"];

            /// This event's kind name.
            pub fn name(&self) -> &'static str {
                match self {
                    $(EventKind::$variant(_) => $name,)*
                    EventKind::EventSuperseded(_) => "event_superseded",
                }
            }

            /// Reads the body of a kind (not `event_superseded`) from a deserializer;
            /// `None` for an unknown kind.
            fn deserialize_body<'de, D: serde::Deserializer<'de>>(
                name: &str,
                deserializer: D,
            ) -> Option<Result<EventKind, D::Error>> {
                use serde::Deserialize as _;
                match name {
                    $($name => Some(kinds::$variant::deserialize(deserializer).map(EventKind::$variant)),)*
                    _ => None,
                }
            }

            /// The body's fields as JSON (not for `event_superseded`, which the codec nests).
            fn body_to_json(&self) -> serde_json::Result<serde_json::Value> {
                match self {
                    $(EventKind::$variant(body) => serde_json::to_value(body),)*
                    EventKind::EventSuperseded(_) => Ok(serde_json::Value::Object(serde_json::Map::new())),
                }
            }
        }
    };
}

event_kinds! {
    OrganizationFounded = "organization_founded",
    OrganizationRenamed = "organization_renamed",
    OrganizationsMerged = "organizations_merged",
    OrganizationSplit = "organization_split",
    OrganizationJoined = "organization_joined",
    OrganizationLeft = "organization_left",
    OrganizationBanned = "organization_banned",
    OrganizationDissolved = "organization_dissolved",
    PersonRegistered = "person_registered",
    MemberAdmitted = "member_admitted",
    MemberPromoted = "member_promoted",
    MemberSuspended = "member_suspended",
    MemberExpelled = "member_expelled",
    MemberReinstated = "member_reinstated",
    MemberResigned = "member_resigned",
    MemberDisciplined = "member_disciplined",
    CandidacyExtended = "candidacy_extended",
    CandidacyEnded = "candidacy_ended",
    MembershipLapsed = "membership_lapsed",
    ChargesFiled = "charges_filed",
    ChargesServed = "charges_served",
    MembershipClassChanged = "membership_class_changed",
    PersonRehabilitated = "person_rehabilitated",
    PersonDied = "person_died",
    PersonArrested = "person_arrested",
    PersonTried = "person_tried",
    PersonPurged = "person_purged",
    PersonFled = "person_fled",
    FactionFormed = "faction_formed",
    FactionJoined = "faction_joined",
    FactionLeft = "faction_left",
    FactionLed = "faction_led",
    FactionLeadershipEnded = "faction_leadership_ended",
    FactionDissolved = "faction_dissolved",
    OrganEstablished = "organ_established",
    PostEstablished = "post_established",
    MeetingConvened = "meeting_convened",
    MeetingHeld = "meeting_held",
    SpeechGiven = "speech_given",
    MotionDecided = "motion_decided",
    ElectionHeld = "election_held",
    SeatTaken = "seat_taken",
    SeatVacated = "seat_vacated",
    SeatsCounted = "seats_counted",
    MembersCounted = "members_counted",
    PostAssigned = "post_assigned",
    PostVacated = "post_vacated",
    StatuteAdopted = "statute_adopted",
    EventRetracted = "event_retracted",
    ActConfirmed = "act_confirmed",
    OutsideIntervention = "outside_intervention",
    PositionChanged = "position_changed",
    GroupAffected = "group_affected",
    TenureObserved = "tenure_observed",
    OrganizationDirected = "organization_directed",
    PersonHeard = "person_heard",
    AppealDecided = "appeal_decided",
    ConstituencyAssigned = "constituency_assigned",
    StepTaken = "step_taken",
    MemberTransferred = "member_transferred",
}

impl EventKind {
    /// The person the event is about, for career views and the rules on dead or expelled persons.
    pub fn subject(&self) -> Option<&PersonId> {
        use EventKind as K;
        Some(match self {
            K::PersonRegistered(b) => &b.person,
            K::MemberAdmitted(b) => &b.person,
            K::MemberPromoted(b) => &b.person,
            K::MemberSuspended(b) => &b.person,
            K::MemberExpelled(b) => &b.person,
            K::MemberReinstated(b) => &b.person,
            K::MemberResigned(b) => &b.person,
            K::MemberDisciplined(b) => &b.person,
            K::CandidacyExtended(b) => &b.person,
            K::CandidacyEnded(b) => &b.person,
            K::MembershipLapsed(b) => &b.person,
            K::MembershipClassChanged(b) => &b.person,
            K::ConstituencyAssigned(b) => &b.person,
            K::MemberTransferred(b) => &b.person,
            K::PersonRehabilitated(b) => &b.person,
            K::PersonDied(b) => &b.person,
            K::PersonArrested(b) => &b.person,
            K::PersonTried(b) => &b.person,
            K::ChargesFiled(b) => &b.person,
            K::ChargesServed(b) => &b.person,
            K::PersonHeard(b) => &b.person,
            K::StepTaken(b) => &b.person,
            K::AppealDecided(b) => &b.person,
            K::PersonPurged(b) => &b.person,
            K::PersonFled(b) => &b.person,
            K::FactionJoined(b) => &b.person,
            K::FactionLeft(b) => &b.person,
            K::FactionLed(b) => &b.person,
            K::FactionLeadershipEnded(b) => return b.person.as_ref(),
            K::SpeechGiven(b) => &b.person,
            K::SeatTaken(b) => &b.person,
            K::SeatVacated(b) => &b.person,
            K::PostAssigned(b) => &b.person,
            K::PostVacated(b) => &b.person,
            K::ActConfirmed(b) => &b.person,
            K::PositionChanged(b) => return b.person.as_ref(),
            K::TenureObserved(b) => &b.person,
            _ => return None,
        })
    }
}

impl Event {
    /// The event's kind name.
    pub fn kind_name(&self) -> &'static str {
        self.kind.name()
    }
}

#[cfg(test)]
mod tests;

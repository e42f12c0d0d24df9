//! The body of each kind of event: what the record says happened, field by field.
//!
//! Field names are the file format: a TOML `[[event]]` table or a JSON line
//! holds `id`, `date`, `kind`, `sources`, `note`, and the fields of its kind.
//! Optional fields may be left out; lists default to empty.

use serde::{Deserialize, Serialize};

use crate::date::FuzzyDate;
use crate::id::{EventId, FactionId, MeetingId, OrgId, OrganRef, PersonId, PostRef};

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_true(b: &bool) -> bool {
    *b
}

fn yes() -> bool {
    true
}

fn is_full(role: &Role) -> bool {
    *role == Role::Full
}

/// A seat's role on an organ.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A full (voting) member.
    #[default]
    Full,
    /// An alternate (candidate) member.
    Alternate,
}

impl Role {
    /// `full` or `alternate`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Full => "full",
            Role::Alternate => "alternate",
        }
    }
}

/// A membership status in an organization.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A candidate member, on probation.
    Candidate,
    /// A full member.
    #[default]
    Full,
}

/// Why a seat or post was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TakeCause {
    /// Elected by the competent body.
    Elected,
    /// Co-opted by the organ itself.
    CoOpted,
    /// Appointed.
    Appointed,
    /// Promoted from alternate to full.
    Promoted,
}

/// Why a seat or post ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EndCause {
    /// The holder resigned.
    Resigned,
    /// Removed by a decision.
    Removed,
    /// Moved to a lower seat or post.
    Demoted,
    /// Moved from alternate to full, or to a higher post.
    Promoted,
    /// Expelled from the organization.
    Expelled,
    /// Purged: driven from power.
    Purged,
    /// The holder died.
    Died,
    /// The term ended (a new election replaced the body).
    TermEnded,
    /// Someone else took the post.
    Replaced,
    /// The organization ceased to exist (dissolved, merged, banned).
    OrganizationEnded,
}

impl EndCause {
    /// The kebab-case word.
    pub fn as_str(self) -> &'static str {
        match self {
            EndCause::Resigned => "resigned",
            EndCause::Removed => "removed",
            EndCause::Demoted => "demoted",
            EndCause::Promoted => "promoted",
            EndCause::Expelled => "expelled",
            EndCause::Purged => "purged",
            EndCause::Died => "died",
            EndCause::TermEnded => "term-ended",
            EndCause::Replaced => "replaced",
            EndCause::OrganizationEnded => "organization-ended",
        }
    }

    /// Whether the end was forced on the holder by others (and so needs a decision).
    pub fn is_removal(self) -> bool {
        matches!(
            self,
            EndCause::Removed | EndCause::Demoted | EndCause::Expelled | EndCause::Purged
        )
    }
}

/// The outcome of a motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Adopted.
    Carried,
    /// Rejected.
    Defeated,
}

/// Whether a post is a party post or a state post.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// A post of the organization itself.
    #[default]
    Party,
    /// A post of a state.
    State,
}

/// A document and the words in it that an event rests on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The document: a title, a citation, a file name or a URL.
    pub document: String,
    /// The exact words quoted from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Where in the document (page, paragraph, section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// Votes on a motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// Votes in favour.
    #[serde(rename = "for")]
    pub in_favour: u64,
    /// Votes against.
    pub against: u64,
    /// Abstentions.
    #[serde(default)]
    pub abstain: u64,
}

/// A new organization named by a split.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewOrg {
    /// Its id.
    pub org: OrgId,
    /// Its name.
    pub name: String,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// One line of an election tally.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TallyRow {
    /// The candidate.
    pub person: PersonId,
    /// The votes received.
    pub votes: u64,
}

macro_rules! body {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident : $ty:ty $(= $attr:tt)?),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$fdoc])* $(#[serde $attr])? pub $field: $ty,)*
        }
    };
}

body!(
    /// An organization came into being.
    OrganizationFounded {
        /// The new organization.
        org: OrgId,
        /// Its name at founding.
        name: String,
        /// Other names and abbreviations.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What it is: `party`, `front`, `bureau`, `state`, `league`, ...
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The organization it is a section or branch of.
        parent: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// Where it was founded.
        place: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Its founders.
        founders: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
    }
);

body!(
    /// An organization took a new name; it stays the same organization.
    OrganizationRenamed {
        /// The organization.
        org: OrgId,
        /// The new name.
        name: String,
        /// Other names under the new name.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
    }
);

body!(
    /// Organizations merged into one; `into` is founded by the merger unless it already exists.
    OrganizationsMerged {
        /// The organizations that merged; all but `into` cease.
        orgs: Vec<OrgId>,
        /// The result of the merger.
        into: OrgId,
        /// The name of `into`, required when the merger founds it.
        name: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Other names of `into`.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What `into` is, when the merger founds it.
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An organization split into new ones.
    OrganizationSplit {
        /// The organization that split.
        org: OrgId,
        /// The organizations founded by the split.
        into: Vec<NewOrg>,
        /// Whether `org` goes on existing after the split.
        continues: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// An organization joined a front, federation or parent body.
    OrganizationJoined {
        /// The organization that joined.
        org: OrgId,
        /// The body it joined.
        parent: OrgId,
    }
);

body!(
    /// An organization left a front, federation or parent body.
    OrganizationLeft {
        /// The organization that left.
        org: OrgId,
        /// The body it left.
        parent: OrgId,
    }
);

body!(
    /// An organization was banned by an authority; it may live on illegally.
    OrganizationBanned {
        /// The organization.
        org: OrgId,
        /// Who banned it.
        by: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An organization ceased to exist.
    OrganizationDissolved {
        /// The organization.
        org: OrgId,
    }
);

body!(
    /// A person entered the record. The date is when the sources first mention them.
    PersonRegistered {
        /// The person.
        person: PersonId,
        /// The name the record uses.
        name: String,
        /// Other names and romanizations.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// When they were born, if the sources say.
        born: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was admitted to an organization.
    MemberAdmitted {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// Candidate or full member.
        status: Status = (default),
    }
);

body!(
    /// A candidate member became a full member.
    MemberPromoted {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
    }
);

body!(
    /// A member's membership was suspended.
    MemberSuspended {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A member was expelled; every seat and post they held in the organization ends.
    MemberExpelled {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The stated reason.
        reason: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A suspended or expelled member was restored to membership.
    MemberReinstated {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A member left of their own accord.
    MemberResigned {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
    }
);

body!(
    /// A person was officially pardoned or rehabilitated (possibly after death).
    PersonRehabilitated {
        /// The person.
        person: PersonId,
        /// The organization that rehabilitated them.
        org: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether membership is restored too.
        reinstated: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A person died; every seat and post they held ends.
    PersonDied {
        /// The person.
        person: PersonId,
        /// How: `executed`, `suicide`, `in prison`, ...
        cause: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was arrested.
    PersonArrested {
        /// The person.
        person: PersonId,
        /// By whom.
        by: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The charges.
        charges: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
    }
);

body!(
    /// A person was put on trial.
    PersonTried {
        /// The person.
        person: PersonId,
        /// The charges.
        charges: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The sentence, if any.
        sentence: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether it was a show trial.
        show_trial: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A person was driven from power in an organization: every seat and post they held there ends.
    PersonPurged {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it, if any.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The stated accusation.
        reason: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person fled or was forced abroad.
    PersonFled {
        /// The person.
        person: PersonId,
        /// Where to.
        to: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether they were forced out rather than fled.
        forced: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A faction came into being.
    FactionFormed {
        /// The faction.
        faction: FactionId,
        /// Its name.
        name: String,
        /// Other names.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The organization it is a faction of, if one.
        org: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person became aligned with a faction (leaving any other).
    FactionJoined {
        /// The person.
        person: PersonId,
        /// The faction.
        faction: FactionId,
    }
);

body!(
    /// A person stopped being aligned with a faction.
    FactionLeft {
        /// The person.
        person: PersonId,
        /// The faction.
        faction: FactionId,
    }
);

body!(
    /// A person became the leader of a faction.
    FactionLed {
        /// The faction.
        faction: FactionId,
        /// The new leader.
        person: PersonId,
    }
);

body!(
    /// A faction ceased to exist; every alignment with it ends.
    FactionDissolved {
        /// The faction.
        faction: FactionId,
    }
);

body!(
    /// An organ not defined by any recorded statute (of a predecessor, a front, a state).
    OrganEstablished {
        /// The organ.
        organ: OrganRef,
        /// Its name.
        name: String,
        /// Other names.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What kind of body.
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A post not defined by any recorded statute, such as a state ministry.
    PostEstablished {
        /// The post.
        post: PostRef,
        /// Its title.
        name: String,
        /// Other titles.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Party or state.
        scope: Scope = (default),
        /// How many may hold it at once.
        holders: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A meeting was called; the event's date is when notice was given.
    MeetingConvened {
        /// The meeting.
        meeting: MeetingId,
        /// The organ meeting.
        organ: OrganRef,
        /// Other organs meeting jointly with it.
        joint_with: Vec<OrganRef> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Its name ("Second Congress", "August plenum").
        name: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Its ordinal number (the 2 of "Second Congress").
        number: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// The date it was called for.
        scheduled: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A meeting took place; the event's date is when (an interval for several days).
    MeetingHeld {
        /// The meeting (convened before, or introduced here).
        meeting: MeetingId,
        /// The organ meeting; required unless the meeting was convened before.
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// Other organs meeting jointly with it.
        joint_with: Vec<OrganRef> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Its name.
        name: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Its ordinal number.
        number: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Members present.
        present: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Members entitled to attend, if the record says; otherwise the organ's full seats.
        entitled: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// Someone spoke at a meeting.
    SpeechGiven {
        /// The meeting.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The speaker.
        person: PersonId,
        /// What the speech said, in a sentence.
        summary: String,
    }
);

body!(
    /// A meeting (or organ) decided a motion.
    MotionDecided {
        /// The meeting that decided it.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The deciding organ, when no meeting is recorded.
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// What was decided.
        text: String,
        /// The kind of decision, matched against the statute's majorities (`expulsion`, `statute`, ...).
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Who moved it.
        moved_by: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Whom it concerns.
        subjects: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The votes, if counted.
        votes: Option<Votes> = (default, skip_serializing_if = "Option::is_none"),
        /// Members present, if known and not recorded on the meeting.
        present: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// The outcome.
        outcome: Outcome,
    }
);

body!(
    /// An election filled an organ or a post.
    ///
    /// For an organ, the elected take seats (full, then alternate); unless
    /// `replaces` is false, every seat of that organ not renewed ends.
    /// For a post, the first elected takes it and any previous holder leaves.
    ElectionHeld {
        /// The meeting that elected.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The electing organ, when no meeting is recorded.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The organ filled.
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The post filled.
        post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The counting method (a `plenum count` method name), if known.
        method: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Seats to fill, if stated.
        seats: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Elected to full seats (or to the post), in order of election.
        elected: Vec<PersonId>,
        /// Elected to alternate seats.
        alternates: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The votes each candidate received, if published.
        tally: Vec<TallyRow> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Whether the election renews the whole organ (default true).
        replaces: bool = (default = "yes", skip_serializing_if = "is_true"),
    }
);

body!(
    /// A person took a seat on an organ (ending any alternate seat there when taking a full one).
    SeatTaken {
        /// The person.
        person: PersonId,
        /// The organ.
        organ: OrganRef,
        /// Full or alternate.
        role: Role = (default, skip_serializing_if = "is_full"),
        /// How.
        cause: Option<TakeCause> = (default, skip_serializing_if = "Option::is_none"),
        /// The organ that elected or appointed them.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person's seat on an organ ended.
    SeatVacated {
        /// The person.
        person: PersonId,
        /// The organ.
        organ: OrganRef,
        /// Why.
        cause: Option<EndCause> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// The record gives a number of seats without names ("the Yanan faction had 6").
    ///
    /// With a faction, `count` is that faction's seats; without, the organ's
    /// total. Named seats count towards it: only the shortfall is unnamed.
    /// It holds until `until`, the next election of the organ, or the next count.
    SeatsCounted {
        /// The organ.
        organ: OrganRef,
        /// Full or alternate seats.
        role: Role = (default, skip_serializing_if = "is_full"),
        /// The faction counted, or none for the total.
        faction: Option<FactionId> = (default, skip_serializing_if = "Option::is_none"),
        /// How many seats.
        count: u32,
        /// Until when the count holds, if the record says.
        until: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// The record gives a membership figure for an organization.
    MembersCounted {
        /// The organization.
        org: OrgId,
        /// How many members.
        count: u64,
        /// Whether the figure is a lower bound ("more than 170,000").
        at_least: bool = (default, skip_serializing_if = "is_false"),
        /// Part of the figure that came from another organization (a merger's contribution).
        from: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person took a post; a previous holder beyond the post's limit leaves.
    PostAssigned {
        /// The person.
        person: PersonId,
        /// The post.
        post: PostRef,
        /// The organ that elected or appointed them.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether acting rather than substantive.
        acting: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A person left a post.
    PostVacated {
        /// The person.
        person: PersonId,
        /// The post.
        post: PostRef,
        /// Why.
        cause: Option<EndCause> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A statute (or an amendment) was adopted: the TOML text of a statute document.
    StatuteAdopted {
        /// The statute document, as `plenum init --statute` reads it.
        text: String,
        /// The meeting that adopted it.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A correction: an earlier event is withdrawn from the record.
    EventRetracted {
        /// The event withdrawn.
        target: EventId,
        /// Why.
        reason: String,
    }
);

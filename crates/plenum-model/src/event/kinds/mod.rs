//! The body of each kind of event: what the record says happened, field by field.
//!
//! Field names are the file format: a TOML `[[event]]` table or a JSON line
//! holds `id`, `date`, `kind`, `sources`, `note`, and the fields of its kind.
//! Optional fields may be left out; lists default to empty.

mod candidacy;
mod charges;
mod classes;
mod constituencies;
mod direction;
mod discipline;
mod evidence;
mod group;
mod lapse;
mod meetings;
mod offices;
mod organizations;
mod outside;
mod people;
mod positions;
mod procedures;
mod steps;
mod unit;

use serde::{Deserialize, Serialize};

use crate::date::FuzzyDate;
use crate::id::{OrgId, PersonId};

pub use candidacy::*;
pub use charges::*;
pub use classes::*;
pub use constituencies::*;
pub use direction::*;
pub use discipline::*;
pub use evidence::Evidence;
pub(crate) use group::with_others;
pub use group::{HEADCOUNT_WORDS, Headcount, Others};
pub use lapse::*;
pub use meetings::*;
pub use offices::*;
pub use organizations::*;
pub use outside::*;
pub use people::*;
pub use positions::*;
pub use procedures::*;
pub use steps::*;
pub use unit::*;

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

pub(crate) fn is_true(b: &bool) -> bool {
    *b
}

pub(crate) fn yes() -> bool {
    true
}

pub(crate) fn is_full(role: &Role) -> bool {
    *role == Role::Full
}

/// A seat's role on an organ.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SeatRole))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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

/// How the votes of a poll were cast, where the record says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ballot {
    /// A secret ballot: no one sees how a voter voted.
    Secret,
    /// An open vote: a show of hands, a standing vote, a roll call.
    Open,
    /// By acclamation: no votes counted.
    Acclamation,
}

impl Ballot {
    /// The record's word.
    pub fn as_str(self) -> &'static str {
        match self {
            Ballot::Secret => "secret",
            Ballot::Open => "open",
            Ballot::Acclamation => "acclamation",
        }
    }
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

/// A candidate and the person who nominated them, where the statute lets any one
/// member nominate (`nominations`): a line of `election_held`'s `nominators`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nominee {
    /// The candidate nominated.
    pub person: PersonId,
    /// The person who nominated them.
    pub by_person: PersonId,
    /// The day of the nomination, if the record says (judged against the notice of the
    /// election's meeting where `nominations.before_notice` is set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<FuzzyDate>,
}

/// The acting chair of a trial body for one case (`person_tried`'s `acting_chair`:
/// "In such cases the president shall appoint an acting chair of the judicial panel
/// to deal with all aspects of the case"), and who appointed them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActingChair {
    /// The acting chair.
    pub person: PersonId,
    /// The post whose holder appointed them, if the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_post: Option<crate::id::PostRef>,
    /// The person who appointed them, if the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_person: Option<PersonId>,
}

/// Defines the struct of one kind of event: its fields, their docs and serde attributes.
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

use body;

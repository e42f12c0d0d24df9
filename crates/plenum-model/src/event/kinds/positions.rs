//! Standing the record states without naming the rank or post, groups that name
//! nobody, and tenures seen at some time within a period.
//!
//! "first demoting him during the Korean War in 1951" (`position_changed`);
//! "a number of military leaders were expelled" (`group_affected`); "held post P at
//! some time in 1951/1953" (`tenure_observed`). None of them opens or closes a seat,
//! post or membership: the record does not say which.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::*;
use crate::id::{EventId, MeetingId, OrgId, OrganRef, PersonId, PostRef};

/// How a person's standing changed, where the record does not name the rank or post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum StandingChange {
    /// Raised to a higher rank or post ("elevated", "advanced", "promoted").
    Promoted,
    /// Lowered to a lesser one ("demoted").
    Demoted,
    /// Given a rank or post where they had none the record knows of.
    Appointed,
    /// Removed from a rank or post with no other given.
    Removed,
}

impl StandingChange {
    /// The word, as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            StandingChange::Promoted => "promoted",
            StandingChange::Demoted => "demoted",
            StandingChange::Appointed => "appointed",
            StandingChange::Removed => "removed",
        }
    }
}

body!(
    /// A person's rank or post changed, and the record does not name it: "first demoting
    /// him during the Korean War"; "elevated Kim Jong-il to senior positions". It opens
    /// and closes nothing. Without `person` it is a group the record does not name
    /// ("promoted his own followers to key positions in the Army"): then `others` and
    /// `org` are required.
    PositionChanged {
        /// The person, if the record names one.
        person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// The organization it happened in.
        org: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// `promoted`, `demoted`, `appointed` or `removed`.
        change: StandingChange,
        /// What the record says of the rank or post: "senior positions", "within the Army".
        what: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who made the change, if the record says.
        by: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The meeting at which it was decided.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// Others whose standing changed with them (or, without `person`, the group), counted but not named.
        others: Option<Others> = (default, skip_serializing_if = "Option::is_none"),
    }
);

/// What befell a group the record does not name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupAct {
    /// Expelled from the organization (as `member_expelled`).
    Expelled,
    /// Driven from power in it (as `person_purged`).
    Purged,
    /// Put on trial (as `person_tried`).
    Tried,
    /// Arrested (as `person_arrested`).
    Arrested,
    /// Died (as `person_died`).
    Died,
    /// Fled or were forced abroad (as `person_fled`).
    Fled,
}

impl GroupAct {
    /// The word, as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupAct::Expelled => "expelled",
            GroupAct::Purged => "purged",
            GroupAct::Tried => "tried",
            GroupAct::Arrested => "arrested",
            GroupAct::Died => "died",
            GroupAct::Fled => "fled",
        }
    }
}

body!(
    /// Something befell people of an organization whom the record does not name: "a number
    /// of military leaders were expelled". It changes no rows of persons (none is named);
    /// `lineage` counts it.
    GroupAffected {
        /// The organization.
        org: OrgId,
        /// `expelled`, `purged`, `tried`, `arrested`, `died` or `fled`.
        act: GroupAct,
        /// How many, and who they were: `5`, `"a number"`, `{ count = "a number", who = "military leaders" }`.
        group: Others,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The stated reason or charge.
        reason: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person held a post, or a seat on an organ, at some time within the event's date
    /// (a period: `1951/1953`): the record knows neither when the tenure began nor when
    /// it ended, only that it overlapped the period. It opens and closes nothing.
    TenureObserved {
        /// The person.
        person: PersonId,
        /// The post held (or `organ`).
        post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The organ sat on (or `post`).
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// On an organ: `full` or `alternate`.
        role: Role = (default, skip_serializing_if = "is_full"),
    }
);

/// How many may hold a post at once: a number, or `"several"` where the record says
/// there were several and gives no number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holders {
    /// At most this many (at least one).
    AtMost(u32),
    /// Several at once; how many the record does not say, so nobody is replaced.
    Several,
}

impl Holders {
    /// The most holders, for replacing the longest-serving: unbounded for `Several`.
    pub fn limit(self) -> u32 {
        match self {
            Holders::AtMost(n) => n,
            Holders::Several => u32::MAX,
        }
    }
}

impl fmt::Display for Holders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Holders::AtMost(n) => write!(f, "{n}"),
            Holders::Several => f.write_str("several"),
        }
    }
}

impl Serialize for Holders {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Holders::AtMost(n) => serializer.serialize_u32(*n),
            Holders::Several => serializer.serialize_str("several"),
        }
    }
}

struct HoldersVisitor;

impl Visitor<'_> for HoldersVisitor {
    type Value = Holders;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of holders (1 or more) or \"several\"")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Holders, E> {
        match u32::try_from(n) {
            Ok(0) => Err(E::custom("a post has at least 1 holder")),
            Ok(n) if u64::from(n) <= crate::limits::MAX_COUNT => Ok(Holders::AtMost(n)),
            _ => Err(E::custom(format!(
                "{n} is more than the largest count plenum accepts, {}",
                crate::limits::MAX_COUNT
            ))),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Holders, E> {
        match u64::try_from(n) {
            Ok(n) => self.visit_u64(n),
            Err(_) => Err(E::custom(format!(
                "a number of holders cannot be negative ({n})"
            ))),
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Holders, E> {
        match s {
            "several" => Ok(Holders::Several),
            other => Err(E::custom(format!(
                "unknown number of holders `{other}`; write a number or \"several\""
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for Holders {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Holders, D::Error> {
        deserializer.deserialize_any(HoldersVisitor)
    }
}

/// What befell people of an organization, as `lineage` counts it: an act of
/// repression (`member_expelled`, `person_purged`, `group_affected`) or a change of
/// standing (`position_changed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Befallen {
    /// Expelled.
    Expelled,
    /// Purged.
    Purged,
    /// Put on trial.
    Tried,
    /// Arrested.
    Arrested,
    /// Died.
    Died,
    /// Fled or were forced abroad.
    Fled,
    /// Promoted to a rank or post the record does not name.
    Promoted,
    /// Demoted.
    Demoted,
    /// Appointed.
    Appointed,
    /// Removed.
    Removed,
}

impl Befallen {
    /// The word, as `lineage` writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Befallen::Expelled => "expelled",
            Befallen::Purged => "purged",
            Befallen::Tried => "tried",
            Befallen::Arrested => "arrested",
            Befallen::Died => "died",
            Befallen::Fled => "fled",
            Befallen::Promoted => "promoted",
            Befallen::Demoted => "demoted",
            Befallen::Appointed => "appointed",
            Befallen::Removed => "removed",
        }
    }
}

impl From<GroupAct> for Befallen {
    fn from(act: GroupAct) -> Befallen {
        match act {
            GroupAct::Expelled => Befallen::Expelled,
            GroupAct::Purged => Befallen::Purged,
            GroupAct::Tried => Befallen::Tried,
            GroupAct::Arrested => Befallen::Arrested,
            GroupAct::Died => Befallen::Died,
            GroupAct::Fled => Befallen::Fled,
        }
    }
}

impl From<StandingChange> for Befallen {
    fn from(change: StandingChange) -> Befallen {
        match change {
            StandingChange::Promoted => Befallen::Promoted,
            StandingChange::Demoted => Befallen::Demoted,
            StandingChange::Appointed => Befallen::Appointed,
            StandingChange::Removed => Befallen::Removed,
        }
    }
}

//! Groups: people an event befalls besides the one it names, counted but not named
//! ("Yi and eleven other leaders", "Mu Chong and a number of other military leaders").

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How many: a number, or the word the record uses where it gives none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Headcount {
    /// Exactly this many (at least one).
    Exactly(u32),
    /// `"some"`: one or more.
    Some,
    /// `"a number"`: more than one, how many unsaid.
    ANumber,
    /// `"several"`: more than one, a few.
    Several,
    /// `"many"`: more than a few.
    Many,
}

/// The words a fuzzy headcount may be written as, in files.
pub const HEADCOUNT_WORDS: [&str; 4] = ["some", "a number", "several", "many"];

impl Headcount {
    /// The fewest people it may stand for.
    pub fn least(self) -> u32 {
        match self {
            Headcount::Exactly(n) => n,
            Headcount::Some => 1,
            Headcount::ANumber | Headcount::Several | Headcount::Many => 2,
        }
    }

    /// Whether the record gives the number.
    pub fn is_exact(self) -> bool {
        matches!(self, Headcount::Exactly(_))
    }
}

impl fmt::Display for Headcount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Headcount::Exactly(n) => write!(f, "{n}"),
            Headcount::Some => f.write_str("some"),
            Headcount::ANumber => f.write_str("a number"),
            Headcount::Several => f.write_str("several"),
            Headcount::Many => f.write_str("many"),
        }
    }
}

impl Serialize for Headcount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Headcount::Exactly(n) => serializer.serialize_u32(*n),
            word => serializer.serialize_str(&word.to_string()),
        }
    }
}

struct HeadcountVisitor;

impl Visitor<'_> for HeadcountVisitor {
    type Value = Headcount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of people (1 or more) or one of \"some\", \"a number\", \"several\", \"many\"")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Headcount, E> {
        match u32::try_from(n) {
            Ok(0) => Err(E::custom(
                "a count of others is at least 1; leave `others` out when there are none",
            )),
            Ok(n) if u64::from(n) <= crate::limits::MAX_COUNT => Ok(Headcount::Exactly(n)),
            _ => Err(E::custom(format!(
                "{n} is more than the largest count plenum accepts, {}",
                crate::limits::MAX_COUNT
            ))),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Headcount, E> {
        match u64::try_from(n) {
            Ok(n) => self.visit_u64(n),
            Err(_) => Err(E::custom(format!(
                "a count of others cannot be negative ({n})"
            ))),
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Headcount, E> {
        match s {
            "some" => Ok(Headcount::Some),
            "a number" => Ok(Headcount::ANumber),
            "several" => Ok(Headcount::Several),
            "many" => Ok(Headcount::Many),
            other => Err(E::custom(format!(
                "unknown headcount `{other}`; write a number or one of \"some\", \"a number\", \"several\", \"many\""
            ))),
        }
    }
}

impl<'de> Deserialize<'de> for Headcount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Headcount, D::Error> {
        deserializer.deserialize_any(HeadcountVisitor)
    }
}

/// People an event befalls besides the person it names, counted but not named:
/// `others = 11`, `others = "a number"`, or
/// `others = { count = 11, who = "leaders of the domestic faction" }`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Others {
    /// How many.
    pub count: Headcount,
    /// Who they were, as the record describes them.
    pub who: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct OthersTable {
    count: Headcount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    who: Option<String>,
}

impl Serialize for Others {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.who {
            None => self.count.serialize(serializer),
            Some(who) => OthersTable {
                count: self.count,
                who: Some(who.clone()),
            }
            .serialize(serializer),
        }
    }
}

struct OthersVisitor;

impl<'de> Visitor<'de> for OthersVisitor {
    type Value = Others;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of people, a word (\"some\", \"a number\", \"several\", \"many\"), or a table `{ count, who }`")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Others, E> {
        HeadcountVisitor.visit_u64(n).map(Others::from)
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Others, E> {
        HeadcountVisitor.visit_i64(n).map(Others::from)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Others, E> {
        HeadcountVisitor.visit_str(s).map(Others::from)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Others, A::Error> {
        let table = OthersTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Others {
            count: table.count,
            who: table.who,
        })
    }
}

impl<'de> Deserialize<'de> for Others {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Others, D::Error> {
        deserializer.deserialize_any(OthersVisitor)
    }
}

impl From<Headcount> for Others {
    fn from(count: Headcount) -> Others {
        Others { count, who: None }
    }
}

impl Others {
    /// "and 11 others", "and a number of others (military leaders)".
    pub fn phrase(&self) -> String {
        let count = match self.count {
            Headcount::Exactly(1) => "one other".to_owned(),
            Headcount::Exactly(n) => format!("{n} others"),
            Headcount::Some => "some others".to_owned(),
            Headcount::ANumber => "a number of others".to_owned(),
            Headcount::Several => "several others".to_owned(),
            Headcount::Many => "many others".to_owned(),
        };
        match &self.who {
            Some(who) => format!("with {count} ({who})"),
            None => format!("with {count}"),
        }
    }
}

impl crate::event::EventKind {
    /// The people the event befalls besides the one it names, if it counts any.
    pub fn others(&self) -> Option<&Others> {
        use crate::event::EventKind as K;
        match self {
            K::MemberExpelled(b) => b.others.as_ref(),
            K::PersonPurged(b) => b.others.as_ref(),
            K::PersonTried(b) => b.others.as_ref(),
            K::PersonArrested(b) => b.others.as_ref(),
            K::PersonDied(b) => b.others.as_ref(),
            K::PositionChanged(b) => b.others.as_ref(),
            _ => None,
        }
    }
}

/// A sentence about an event, followed by the others it befell, if it counts any.
pub(crate) fn with_others(kind: &crate::event::EventKind, text: String) -> String {
    match kind.others() {
        Some(others) => format!("{text}, {}", others.phrase()),
        None => text,
    }
}

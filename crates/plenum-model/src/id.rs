//! Identifiers: newtypes over short slugs, so that a person id is never mistaken for an organ.
//!
//! Every id is 1 to 128 characters of ASCII letters, digits, `-`, `_`, `.`
//! or `:`, starting with a letter or digit. Ids are ASCII on purpose: they are
//! typed on command lines and in files by people of any script, and must look
//! and compare the same everywhere (no look-alike letters, no normalization
//! forms); names and aliases, which may be in any script, are what people read. Ids are chosen by whoever writes
//! the record (`kim-il-sung`, `wpk`, `1956-08-plenum`) and never change;
//! names and aliases, which do change, hang off them.
//!
//! Organs and posts belong to an organization, so their references are
//! qualified: `wpk/politburo`, `dprk/premier` ([`OrganRef`], [`PostRef`]).

use std::fmt;
use std::str::FromStr;

/// Why a text is not a valid id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} `{text}`: {reason}")]
pub struct IdError {
    /// Which kind of id was expected.
    pub what: &'static str,
    /// The offending text.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

fn check_slug(what: &'static str, text: &str) -> Result<(), IdError> {
    let error = |reason| {
        Err(IdError {
            what,
            text: text.to_owned(),
            reason,
        })
    };
    if text.is_empty() {
        return error("it is empty");
    }
    if !text.is_ascii() {
        return error(
            "ids are ASCII (letters A-Z and a-z, digits, `-`, `_`, `.`, `:`), so that they stay \
             the same in every script, keyboard and terminal; names and aliases may be in any script",
        );
    }
    if text.len() > 128 {
        return error("it is longer than 128 characters");
    }
    if !text.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return error("it must start with an ASCII letter or digit");
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    {
        return error("only ASCII letters, digits, `-`, `_`, `.` and `:` are allowed");
    }
    Ok(())
}

macro_rules! slug_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Box<str>);

        impl $name {
            /// Checks and wraps a slug.
            pub fn new(text: &str) -> Result<Self, IdError> {
                check_slug($what, text).map(|()| Self(text.into()))
            }

            /// The slug.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                Self::new(text)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), &*self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::new(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

slug_id!(
    /// An event, unique in its ledger.
    EventId, "event id"
);
slug_id!(
    /// A person.
    PersonId, "person id"
);
slug_id!(
    /// An organization: a party, front, bureau, state, or any body that exists over time.
    OrgId, "organization id"
);
slug_id!(
    /// A faction: a group of persons within (or across) organizations.
    FactionId, "faction id"
);
slug_id!(
    /// A meeting: a congress, conference, plenum or session of an organ.
    MeetingId, "meeting id"
);
slug_id!(
    /// The key of an organ or post within its organization (`politburo`, `premier`).
    Key, "key"
);
slug_id!(
    /// A version of a statute (`1946`, `1980-rules`).
    VersionId, "statute version id"
);

macro_rules! qualified_ref {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name {
            /// The organization it belongs to.
            pub org: OrgId,
            /// Its key within the organization.
            pub key: Key,
        }

        impl $name {
            /// Builds the reference `org/key`.
            pub fn new(org: OrgId, key: Key) -> Self {
                Self { org, key }
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(text: &str) -> Result<Self, IdError> {
                let Some((org, key)) = text.split_once('/') else {
                    return Err(IdError {
                        what: $what,
                        text: text.to_owned(),
                        reason: "expected `organization/key`, such as `wpk/politburo`",
                    });
                };
                Ok(Self { org: OrgId::new(org)?, key: Key::new(key)? })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}/{}", self.org, self.key)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

qualified_ref!(
    /// An organ of an organization: `wpk/politburo`.
    OrganRef, "organ reference"
);
qualified_ref!(
    /// A post of an organization: `wpk/general-secretary`, `dprk/premier`.
    PostRef, "post reference"
);

/// A position in the ledger: the first entry is 1.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(transparent)]
pub struct Seq(pub u64);

impl fmt::Display for Seq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The kinds of named things.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organization.
    Org,
    /// An organ (`org/key`).
    Organ,
    /// A post (`org/key`).
    Post,
    /// A faction.
    Faction,
    /// A meeting.
    Meeting,
}

impl EntityKind {
    /// Every kind.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Organ,
        EntityKind::Post,
        EntityKind::Faction,
        EntityKind::Meeting,
    ];

    /// The word used in messages and keys.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "organization",
            EntityKind::Organ => "organ",
            EntityKind::Post => "post",
            EntityKind::Faction => "faction",
            EntityKind::Meeting => "meeting",
        }
    }

    /// The kind whose word is `word`.
    pub fn from_word(word: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == word)
    }
}

/// A place in date order: the event's earliest day, then its ledger position.
///
/// History is replayed in this order ([ADR 2](../../docs/adr/0002-replay-in-date-order-reference-in-ledger-order.md)),
/// and every projection row remembers the positions of the events that opened
/// and closed it, so that a back-dated batch can undo exactly what follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The earliest day of the event's date.
    pub day: plenum_date::Day,
    /// The ledger position of the event (of the original, for a superseded one).
    pub seq: Seq,
}

/// Day keys are shifted by this much so that every encoded position is positive.
const DAY_OFFSET: i64 = 100_000_000;

impl Pos {
    /// Before every event.
    pub const MIN: Pos = Pos {
        day: plenum_date::Day::MIN,
        seq: Seq(0),
    };

    /// The position `(day, seq)`.
    pub fn new(day: plenum_date::Day, seq: Seq) -> Pos {
        Pos { day, seq }
    }

    /// The first position of a day: before every event dated on it.
    pub fn start_of(day: plenum_date::Day) -> Pos {
        Pos { day, seq: Seq(0) }
    }

    /// The position as one integer that sorts like it, for stores:
    /// `(day key + 10^8) * 2^32 + seq`. Positions past entry 2^32 - 1 do not fit.
    pub fn to_i64(self) -> Option<i64> {
        let seq = u32::try_from(self.seq.0).ok()?;
        Some(((i64::from(self.day.to_key()) + DAY_OFFSET) << 32) | i64::from(seq))
    }

    /// The inverse of [`Pos::to_i64`].
    pub fn from_i64(value: i64) -> Option<Pos> {
        let day = plenum_date::Day::from_key(i32::try_from((value >> 32) - DAY_OFFSET).ok()?)?;
        Some(Pos {
            day,
            seq: Seq((value & 0xFFFF_FFFF) as u64),
        })
    }
}

impl serde::Serialize for Pos {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.to_i64() {
            Some(value) => s.serialize_i64(value),
            None => Err(serde::ser::Error::custom("position beyond entry 2^32")),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Pos {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        Pos::from_i64(value).ok_or_else(|| serde::de::Error::custom("not a position"))
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.day, self.seq)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_checked() {
        assert!(PersonId::new("kim-il-sung").is_ok());
        assert!(EventId::new("1946-08-28.founding:nwpk").is_ok());
        let err = PersonId::new("Kim Il-sung").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid person id `Kim Il-sung`: only ASCII letters, digits, `-`, `_`, `.` and `:` are allowed"
        );
        assert!(PersonId::new("").is_err());
        assert!(PersonId::new("-x").is_err());
        assert!(PersonId::new(&"a".repeat(129)).is_err());
    }

    #[test]
    fn qualified_refs_parse_and_print() {
        let organ: OrganRef = "wpk/politburo".parse().unwrap();
        assert_eq!(organ.org.as_str(), "wpk");
        assert_eq!(organ.to_string(), "wpk/politburo");
        let err = "politburo".parse::<OrganRef>().unwrap_err();
        assert!(
            err.to_string().contains("expected `organization/key`"),
            "{err}"
        );
        assert!("wpk/polit buro".parse::<PostRef>().is_err());
    }

    #[test]
    fn positions_encode_in_order() {
        let days = [
            "-9999-01-01",
            "0001-01-01",
            "1946-08-30",
            "1946-08-31",
            "9999-12-31",
        ];
        let mut encoded = Vec::new();
        for day in days {
            let day: plenum_date::FuzzyDate = day.parse().unwrap();
            for seq in [0, 1, 7, u64::from(u32::MAX)] {
                let pos = Pos::new(day.earliest(), Seq(seq));
                let value = pos.to_i64().unwrap();
                assert!(value >= 0);
                assert_eq!(Pos::from_i64(value), Some(pos));
                encoded.push((pos, value));
            }
        }
        for pair in encoded.windows(2) {
            assert!(pair[0].0 < pair[1].0 && pair[0].1 < pair[1].1, "{pair:?}");
        }
        assert_eq!(Pos::new(plenum_date::Day::MAX, Seq(1 << 32)).to_i64(), None);
    }

    #[test]
    fn ids_round_trip_through_json() {
        let organ: OrganRef = serde_json::from_str("\"wpk/cc\"").unwrap();
        assert_eq!(serde_json::to_string(&organ).unwrap(), "\"wpk/cc\"");
        assert!(serde_json::from_str::<PersonId>("\"a b\"").is_err());
    }
}

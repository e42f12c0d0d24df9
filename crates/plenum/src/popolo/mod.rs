//! Popolo JSON (<https://www.popoloproject.com/>): the typed shapes of a Popolo file,
//! plenum's history written as one (`export`) and a Popolo file read as plenum events
//! (`import`). The mapping both ways and the date convention are in docs/popolo.md.
//!
//! One set of types serves both ways: every field plenum reads or writes is typed, and
//! everything else lands in `extra` (written: the `plenum:` extensions; read: whatever
//! the producer added, which the import reports by JSON path as not mapped).

pub mod dates;
pub mod export;
mod facts;
pub mod ids;
pub mod import;
pub mod plan;
pub mod statute;
mod tenures;
pub mod unmapped;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Extension fields: `plenum:…` when written; anything not typed when read.
pub type Extra = BTreeMap<String, Value>;

/// A Popolo file: one object holding the five collections.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Popolo {
    /// People.
    #[serde(default)]
    pub persons: Vec<Person>,
    /// Organizations: the organization, its organs, factions, parties, predecessors.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Posts.
    #[serde(default)]
    pub posts: Vec<Post>,
    /// Memberships: seats, tenures of posts, memberships and faction alignments.
    #[serde(default)]
    pub memberships: Vec<Membership>,
    /// Events: meetings, elections, legislative periods.
    #[serde(default)]
    pub events: Vec<PopoloEvent>,
    /// Anything else (`areas`, `meta`, ...).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A person.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Person {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The preferred full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<OtherName>,
    /// Born on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    /// Died on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub death_date: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Link>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Another name of a person or an organization.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct OtherName {
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Adopted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Abandoned on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An organization.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Organization {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Other and former names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<OtherName>,
    /// What it is (`party`, `legislature`, `organ`, `faction`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// The organization it is part of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Founded on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founding_date: Option<String>,
    /// Dissolved on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissolution_date: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Link>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A post.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Post {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The organization it is a post of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Link>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A membership: a person in an organization, perhaps in a post, on behalf of another.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Membership {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person_id: Option<String>,
    /// The organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// The post held through it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_id: Option<String>,
    /// The party or faction the member sits for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_behalf_of_id: Option<String>,
    /// The role (`full`, `alternate`, `member`, a post's title, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Began on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Ended on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// The legislative period (an event), as EveryPolitician writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legislative_period_id: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Link>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// An event: a meeting, an election, a legislative period.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct PopoloEvent {
    /// Its id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it is (`meeting`, `election`, `legislative period`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
    /// The organization (organ) concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Began on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// Ended on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Link>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A source: a URL and a note; plenum adds the document, quote and locator.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Link {
    /// A URL (for a document that is not one, `urn:plenum:document:` and its title).
    #[serde(default)]
    pub url: String,
    /// A note (the document's title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Extensions, or fields plenum does not map.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Seats counted without names, on an organ (`plenum:counted_seats`): plenum's extension.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountedSeats {
    /// `full` or `alternate`.
    #[serde(default)]
    pub role: Option<String>,
    /// How many.
    pub count: u32,
    /// The faction they stood with (its Popolo id), if known.
    #[serde(default)]
    pub faction_id: Option<String>,
    /// From (EDTF).
    pub start_date: String,
    /// Until (EDTF).
    #[serde(default)]
    pub end_date: Option<String>,
    /// Where the count comes from.
    #[serde(default)]
    pub sources: Vec<Link>,
}

#[cfg(test)]
mod tests;

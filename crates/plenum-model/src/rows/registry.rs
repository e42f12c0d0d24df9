//! Ledger-order rows: the registry of named entities and of events, which decides what
//! may be referenced. They follow the order things were recorded in and are never
//! rolled back.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::event::Scope;
pub use crate::id::EntityKind;
use crate::id::{EventId, PersonId, Pos, Seq};

use super::columns::{Columns, Reader};
use super::{By, Row, RowError, Table, Value, ValueRef};

/// Lowercase letters and digits only: the form names are compared in.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A named thing: its id, name and aliases.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Its id (`org/key` for organs and posts).
    pub id: String,
    /// Its current name.
    pub name: String,
    /// Every other name it is known by (earlier names included).
    pub aliases: Vec<String>,
    /// For posts: party or state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// For posts established by an event: how many may hold it at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holders: Option<crate::event::kinds::Holders>,
    /// For factions: the organization they are a faction of, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// For meetings: the organ meeting, once known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// For persons: when they were born, if the record says (`person_registered` `born`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub born: Option<crate::date::FuzzyDate>,
}

impl Entity {
    /// The registry key of an entity: `kind:id`.
    pub fn key_of(kind: EntityKind, id: &str) -> String {
        format!("{}:{id}", kind.as_str())
    }

    /// A new entity with a name and nothing else.
    pub fn new(kind: EntityKind, id: String, name: String) -> Entity {
        Entity {
            kind,
            id,
            name,
            aliases: Vec::new(),
            scope: None,
            holders: None,
            org: None,
            organ: None,
            born: None,
        }
    }

    /// The normalized forms under which it can be named: id, name, aliases, and for
    /// organs and posts the key after `org/`.
    pub fn name_forms(&self) -> Vec<String> {
        let mut forms: Vec<String> = std::iter::once(&self.id)
            .chain(std::iter::once(&self.name))
            .chain(&self.aliases)
            .map(|n| normalize(n))
            .collect();
        if matches!(self.kind, EntityKind::Organ | EntityKind::Post)
            && let Some((_, key)) = self.id.split_once('/')
        {
            forms.push(normalize(key));
        }
        forms.retain(|f| !f.is_empty());
        forms.sort();
        forms.dedup();
        forms
    }

    /// The alias rows that index the forms beyond its normalized id and name.
    pub fn alias_rows(&self) -> Vec<AliasRow> {
        let id = normalize(&self.id);
        let name = normalize(&self.name);
        self.name_forms()
            .into_iter()
            .filter(|f| *f != id && *f != name)
            .map(|form| AliasRow {
                key: format!("{}:{}:{form}", self.kind.as_str(), self.id),
                kind: self.kind,
                form,
                entity: self.id.clone(),
            })
            .collect()
    }
}

/// The parts of an entity kept as JSON.
#[derive(Serialize, Deserialize)]
struct EntityData {
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scope: Option<Scope>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    holders: Option<crate::event::kinds::Holders>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organ: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    born: Option<crate::date::FuzzyDate>,
}

/// A key cannot borrow from a row that has none: entities compute theirs.
fn entity_key(entity: &Entity) -> String {
    Entity::key_of(entity.kind, &entity.id)
}

impl Row for Entity {
    const TABLE: Table = Table::Entities;
    fn key(&self) -> Cow<'_, str> {
        Cow::Owned(entity_key(self))
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(entity_key(self))
            .text(self.kind.as_str())
            .text(&self.id)
            .text(&self.name)
            .text(normalize(&self.id))
            .text(normalize(&self.name))
            .json(&EntityData {
                aliases: self.aliases.clone(),
                scope: self.scope,
                holders: self.holders,
                org: self.org.clone(),
                organ: self.organ.clone(),
                born: self.born.clone(),
            });
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
        let mut r = Reader::new(Self::TABLE, values)?;
        let key: String = r.text()?;
        let kind_word: String = r.text()?;
        let kind = EntityKind::from_word(&kind_word).ok_or_else(|| RowError {
            table: "entities",
            column: "kind",
            reason: format!("`{kind_word}` is no kind of entity"),
        })?;
        let id: String = r.text()?;
        let name: String = r.text()?;
        let norm_id: String = r.text()?;
        let norm_name: String = r.text()?;
        let data: EntityData = r.json()?;
        let entity = Entity {
            kind,
            id,
            name,
            aliases: data.aliases,
            scope: data.scope,
            holders: data.holders,
            org: data.org,
            organ: data.organ,
            born: data.born,
        };
        if key != entity_key(&entity)
            || norm_id != normalize(&entity.id)
            || norm_name != normalize(&entity.name)
        {
            return Err(RowError {
                table: "entities",
                column: "key",
                reason: format!("`{key}`: the key or normalized names disagree with the row"),
            });
        }
        Ok(entity)
    }
}

/// A normalized other name of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AliasRow {
    /// Stable row key: `kind:id:form`.
    pub key: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// The normalized form.
    pub form: String,
    /// The entity's id.
    pub entity: String,
}

impl Row for AliasRow {
    const TABLE: Table = Table::Aliases;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(self.kind.as_str())
            .text(&self.form)
            .text(&self.entity);
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
        let mut r = Reader::new(Self::TABLE, values)?;
        let key = r.text()?;
        let kind_word: String = r.text()?;
        Ok(AliasRow {
            key,
            kind: EntityKind::from_word(&kind_word).ok_or_else(|| RowError {
                table: "aliases",
                column: "kind",
                reason: format!("`{kind_word}` is no kind of entity"),
            })?,
            form: r.text()?,
            entity: r.text()?,
        })
    }
}

/// An event of the ledger: its place in ledger order and in date order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventRow {
    /// The event's id.
    pub id: EventId,
    /// The entry that recorded it.
    pub seq: Seq,
    /// Its kind (`seat_taken`, ...).
    pub kind: String,
    /// Where its effective version stands in date order.
    pub pos: Pos,
    /// The entry holding its effective version: `seq`, or the latest correction replacing it.
    pub source: Seq,
    /// Withdrawn by a correction.
    pub retracted: bool,
    /// The person it is mostly about, if one.
    pub subject: Option<PersonId>,
}

impl Row for EventRow {
    const TABLE: Table = Table::Events;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.id.as_str())
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.id)
            .int(self.seq.0 as i64)
            .text(&self.kind)
            .pos(self.pos)
            .int(self.source.0 as i64)
            .bool(self.retracted)
            .opt_text(self.subject.as_ref());
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
        let mut r = Reader::new(Self::TABLE, values)?;
        Ok(EventRow {
            id: r.text()?,
            seq: r.seq()?,
            kind: r.text()?,
            pos: r.pos()?,
            source: r.seq()?,
            retracted: r.bool()?,
            subject: r.opt_text()?,
        })
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.id.to_string()),
            By::Kind => Some(self.kind.clone()),
            By::Person => self.subject.as_ref().map(ToString::to_string),
            _ => None,
        }
    }
}

/// A person an event concerns besides its subject.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MentionRow {
    /// Stable row key: `event:person`.
    pub key: String,
    /// The person.
    pub person: PersonId,
    /// The event.
    pub event: EventId,
}

impl MentionRow {
    /// The mention of `person` by `event`.
    pub fn new(event: &EventId, person: &PersonId) -> MentionRow {
        MentionRow {
            key: format!("{event}:{person}"),
            person: person.clone(),
            event: event.clone(),
        }
    }
}

impl Row for MentionRow {
    const TABLE: Table = Table::Mentions;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key).text(&self.person).text(&self.event);
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
        let mut r = Reader::new(Self::TABLE, values)?;
        Ok(MentionRow {
            key: r.text()?,
            person: r.text()?,
            event: r.text()?,
        })
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Person => Some(self.person.to_string()),
            By::Event => Some(self.event.to_string()),
            _ => None,
        }
    }
}

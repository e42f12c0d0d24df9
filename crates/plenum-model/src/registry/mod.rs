//! The registry: every declared entity and every event id, in ledger order, for reference
//! checks.
//!
//! History is replayed in date order, but what may be referenced is decided in
//! ledger order: an event may point only at entities declared by an earlier
//! entry (or earlier in the same batch), whatever their dates. The registry
//! reads what it needs from the backing and hands back the rows it changed.

mod checks;
mod declare;
mod positions;

use std::collections::HashMap;

use crate::event::{Event, EventKind, Ref, Scope};
use crate::history::{Backing, BackingError, Change, Lookup};
use crate::id::{EntityKind, EventId, Pos, Seq};
use crate::rows::{AnyRow, By, Entity, EventRow, MentionRow, Table};
use crate::statute::{self, StatuteBook};

/// A reference that does not resolve, or a declaration that clashes.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Refusal {
    /// The field at fault (`person`, `organ`, ...); empty for the whole event.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl Refusal {
    fn new(field: &str, message: impl Into<String>) -> Refusal {
        Refusal {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Why an event could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The event is refused.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// The backing failed.
    #[error(transparent)]
    Backing(BackingError),
}

struct Slot<T> {
    current: Option<T>,
    original: Option<T>,
}

/// Entities and events, as the batch being recorded sees them.
pub struct Registry<'b> {
    backing: &'b dyn Backing,
    /// The last entry before the batch.
    head: Seq,
    entities: HashMap<String, Slot<Entity>>,
    events: HashMap<EventId, Slot<EventRow>>,
    mentions: Vec<Change>,
}

/// The entity key of a reference, if it names an entity.
fn entity_of(reference: Ref<'_>) -> Option<(EntityKind, String)> {
    Some(match reference {
        Ref::Person(p) => (EntityKind::Person, p.to_string()),
        Ref::Org(o) => (EntityKind::Org, o.to_string()),
        Ref::Organ(o) => (EntityKind::Organ, o.to_string()),
        Ref::Post(p) => (EntityKind::Post, p.to_string()),
        Ref::Faction(f) => (EntityKind::Faction, f.to_string()),
        Ref::Meeting(m) => (EntityKind::Meeting, m.to_string()),
        Ref::Decision(_) | Ref::Event(_) => return None,
    })
}

fn field_of(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Org => "org",
        EntityKind::Organ => "organ",
        EntityKind::Post => "post",
        EntityKind::Faction => "faction",
        EntityKind::Meeting => "meeting",
    }
}

/// The most values of each look-up one read of [`Registry::prefetch`] asks for.
const PREFETCH_ROUND: usize = 500;

/// The event ids and entity keys `events` name or declare (what [`Registry::prefetch`]
/// reads for a fresh registry): sorted, without repeats, the ids only those that parse.
fn named_by(events: &[Event]) -> (Vec<String>, Vec<String>) {
    let mut ids: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let collect = |event: &Event, ids: &mut Vec<String>, keys: &mut Vec<String>| {
        ids.push(event.id.to_string());
        for (kind, id) in declare::declared_by(event) {
            keys.push(Entity::key_of(kind, &id));
        }
        for (_, reference) in event.kind.references() {
            match reference {
                Ref::Decision(e) | Ref::Event(e) => ids.push(e.to_string()),
                other => {
                    if let Some((kind, id)) = entity_of(other) {
                        keys.push(Entity::key_of(kind, &id));
                    }
                }
            }
        }
    };
    for event in events {
        collect(event, &mut ids, &mut keys);
        if let EventKind::EventSuperseded(s) = &event.kind {
            collect(&s.replacement, &mut ids, &mut keys);
        }
    }
    ids.retain(|id| id.parse::<EventId>().is_ok());
    ids.sort_unstable();
    ids.dedup();
    keys.sort_unstable();
    keys.dedup();
    (ids, keys)
}

/// The look-ups of one read of [`Registry::prefetch`].
fn prefetch_lookups<'v>(ids: &'v [&'v str], keys: &'v [&'v str]) -> [Lookup<'v>; 2] {
    let lookup = |table, values| Lookup {
        table,
        by: By::Key,
        values,
        open_only: false,
    };
    [lookup(Table::Events, ids), lookup(Table::Entities, keys)]
}

/// Calls `visit` with the look-ups of the first read [`Registry::prefetch`] makes for
/// `events` on a fresh registry.
pub(crate) fn first_read(events: &[Event], visit: &mut dyn FnMut(&[Lookup<'_>])) {
    let (ids, keys) = named_by(events);
    let ids: Vec<&str> = ids
        .iter()
        .take(PREFETCH_ROUND)
        .map(String::as_str)
        .collect();
    let keys: Vec<&str> = keys
        .iter()
        .take(PREFETCH_ROUND)
        .map(String::as_str)
        .collect();
    if !ids.is_empty() || !keys.is_empty() {
        visit(&prefetch_lookups(&ids, &keys));
    }
}

impl<'b> Registry<'b> {
    /// The registry of the ledger in `backing`, whose last entry is `head`.
    pub fn new(backing: &'b dyn Backing, head: Seq) -> Registry<'b> {
        Registry {
            backing,
            head,
            entities: HashMap::new(),
            events: HashMap::new(),
            mentions: Vec::new(),
        }
    }

    /// Loads, in a few reads, the events and entities a batch names or declares.
    pub fn prefetch(&mut self, events: &[Event]) -> Result<(), BackingError> {
        let (mut ids, mut keys) = named_by(events);
        ids.retain(|id| {
            id.parse()
                .is_ok_and(|id: EventId| !self.events.contains_key(&id))
        });
        keys.retain(|k| !self.entities.contains_key(k));
        // Both look-ups in one read of the backing, 500 values of each at a time.
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let rounds = ids.len().max(keys.len()).div_ceil(PREFETCH_ROUND);
        for round in 0..rounds {
            let ids = ids.chunks(PREFETCH_ROUND).nth(round).unwrap_or(&[]);
            let keys = keys.chunks(PREFETCH_ROUND).nth(round).unwrap_or(&[]);
            let mut found = self
                .backing
                .select_each(&prefetch_lookups(ids, keys))?
                .into_iter();
            let mut rows: HashMap<String, EventRow> = found
                .next()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|r| EventRow::try_from(r).ok())
                .map(|r| (r.id.to_string(), r))
                .collect();
            for id in ids {
                if let Ok(event_id) = id.parse() {
                    let row = rows.remove(*id);
                    self.events.insert(
                        event_id,
                        Slot {
                            current: row.clone(),
                            original: row,
                        },
                    );
                }
            }
            let mut rows: HashMap<String, Entity> = found
                .next()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|r| Entity::try_from(r).ok())
                .map(|e| (Entity::key_of(e.kind, &e.id), e))
                .collect();
            for key in keys {
                let row = rows.remove(*key);
                self.entities.insert(
                    (*key).to_owned(),
                    Slot {
                        current: row.clone(),
                        original: row,
                    },
                );
            }
        }
        Ok(())
    }

    /// An entity by kind and exact id.
    pub fn entity(&mut self, kind: EntityKind, id: &str) -> Result<Option<&Entity>, BackingError> {
        let key = Entity::key_of(kind, id);
        if !self.entities.contains_key(&key) {
            let found = self
                .backing
                .select(Table::Entities, By::Key, &key, false)?
                .into_iter()
                .find_map(|r| Entity::try_from(r).ok());
            self.entities.insert(
                key.clone(),
                Slot {
                    current: found.clone(),
                    original: found,
                },
            );
        }
        Ok(self.entities.get(&key).and_then(|s| s.current.as_ref()))
    }

    fn has(&mut self, kind: EntityKind, id: &str) -> Result<bool, BackingError> {
        Ok(self.entity(kind, id)?.is_some())
    }

    /// What the ledger knows of an event id.
    pub fn event(&mut self, id: &EventId) -> Result<Option<&EventRow>, BackingError> {
        if !self.events.contains_key(id) {
            let found = self
                .backing
                .select(Table::Events, By::Key, id.as_str(), false)?
                .into_iter()
                .find_map(|r| EventRow::try_from(r).ok());
            self.events.insert(
                id.clone(),
                Slot {
                    current: found.clone(),
                    original: found,
                },
            );
        }
        Ok(self.events.get(id).and_then(|s| s.current.as_ref()))
    }

    /// The most holders a post may have on a day: from the statute in force,
    /// else from its `post_established` event, else one.
    pub fn post_holders(
        &mut self,
        book: &StatuteBook,
        post: &crate::id::PostRef,
        day: crate::date::Day,
    ) -> Result<u32, BackingError> {
        if let Some(def) = book
            .in_force(&post.org, day)
            .and_then(|v| v.post(&post.key))
        {
            return Ok(def.holders);
        }
        Ok(self
            .entity(EntityKind::Post, &post.to_string())?
            .and_then(|e| e.holders)
            .map_or(1, crate::event::kinds::Holders::limit))
    }

    /// Records an event (already checked) as entry `seq`, at `pos` in date order.
    pub fn record(&mut self, event: &Event, seq: Seq, pos: Pos) -> Result<(), BackingError> {
        self.event(&event.id)?;
        let row = EventRow {
            id: event.id.clone(),
            seq,
            kind: event.kind.name().to_owned(),
            pos,
            source: seq,
            retracted: false,
            subject: event.kind.subject().cloned(),
        };
        if let Some(slot) = self.events.get_mut(&event.id) {
            slot.current = Some(row);
        }
        self.mention(event)?;
        self.declare(event)
    }

    /// Marks an event withdrawn by a correction; returns where it stood in date order.
    pub fn retract(&mut self, id: &EventId) -> Result<Option<Pos>, BackingError> {
        self.event(id)?;
        let Some(slot) = self.events.get_mut(id) else {
            return Ok(None);
        };
        Ok(slot.current.as_mut().map(|row| {
            row.retracted = true;
            row.pos
        }))
    }

    /// Replaces an event by its correction (entry `seq`); returns where the old and
    /// the new version stand in date order.
    pub fn supersede(
        &mut self,
        replacement: &Event,
        seq: Seq,
    ) -> Result<Option<(Pos, Pos)>, BackingError> {
        let id = &replacement.id;
        self.event(id)?;
        let Some(row) = self.events.get_mut(id).and_then(|s| s.current.as_mut()) else {
            return Ok(None);
        };
        let old = row.pos;
        let new = Pos::new(replacement.date.earliest(), row.seq);
        row.pos = new;
        row.source = seq;
        row.subject = replacement.kind.subject().cloned();
        // The mentions follow the replacement.
        let before = self
            .backing
            .select(Table::Mentions, By::Event, id.as_str(), false)?;
        let made_here: Vec<usize> = self
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, c)| matches!(&c.after, Some(AnyRow::Mention(m)) if m.event == *id))
            .map(|(i, _)| i)
            .collect();
        for i in made_here.into_iter().rev() {
            self.mentions.remove(i);
        }
        for row in before {
            self.mentions.push(Change {
                before: Some(row),
                after: None,
            });
        }
        self.mention(replacement)?;
        self.declare(replacement)?;
        Ok(Some((old, new)))
    }

    /// The persons whose entity this batch changed.
    pub fn changed_persons(&self) -> Vec<crate::id::PersonId> {
        let mut out: Vec<_> = self
            .entities
            .values()
            .filter(|s| s.current != s.original)
            .filter_map(|s| s.current.as_ref())
            .filter(|e| e.kind == EntityKind::Person)
            .filter_map(|e| e.id.parse().ok())
            .collect();
        out.sort();
        out
    }

    /// Every row the batch changed: entities (with their alias rows), events, mentions.
    pub fn into_changes(self) -> Vec<Change> {
        let mut out =
            Vec::with_capacity(2 * self.entities.len() + self.events.len() + self.mentions.len());
        let mut entities: Vec<_> = self
            .entities
            .into_values()
            .filter(|s| s.current != s.original)
            .collect();
        entities.sort_by_cached_key(|s| s.current.as_ref().map(|e| Entity::key_of(e.kind, &e.id)));
        for slot in entities {
            let old_aliases = slot
                .original
                .as_ref()
                .map(Entity::alias_rows)
                .unwrap_or_default();
            let new_aliases = slot
                .current
                .as_ref()
                .map(Entity::alias_rows)
                .unwrap_or_default();
            for old in &old_aliases {
                if !new_aliases.iter().any(|n| n.key == old.key) {
                    out.push(Change {
                        before: Some(AnyRow::Alias(old.clone())),
                        after: None,
                    });
                }
            }
            for new in new_aliases {
                let before = old_aliases.iter().find(|o| o.key == new.key);
                if before != Some(&new) {
                    out.push(Change {
                        before: before.cloned().map(AnyRow::Alias),
                        after: Some(AnyRow::Alias(new)),
                    });
                }
            }
            out.push(Change {
                before: slot.original.map(AnyRow::Entity),
                after: slot.current.map(AnyRow::Entity),
            });
        }
        let mut events: Vec<_> = self
            .events
            .into_values()
            .filter(|s| s.current != s.original)
            .collect();
        events.sort_by_key(|s| s.current.as_ref().map(|e| e.seq));
        for slot in events {
            out.push(Change {
                before: slot.original.map(AnyRow::Event),
                after: slot.current.map(AnyRow::Event),
            });
        }
        out.extend(self.mentions);
        out
    }
}

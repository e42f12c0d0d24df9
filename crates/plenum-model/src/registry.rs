//! The registry: every declared entity and every event id, in ledger order, for reference
//! checks.
//!
//! History is replayed in date order, but what may be referenced is decided in
//! ledger order: an event may point only at entities declared by an earlier
//! entry (or earlier in the same batch), whatever their dates. The registry
//! reads what it needs from the backing and hands back the rows it changed.

use std::collections::HashMap;

use crate::event::{Event, EventKind, Ref, Scope};
use crate::history::{Backing, BackingError, Change};
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
        let mut ids: Vec<String> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let collect = |event: &Event, ids: &mut Vec<String>, keys: &mut Vec<String>| {
            ids.push(event.id.to_string());
            for (kind, id) in self.declared_by(event) {
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
        ids.sort_unstable();
        ids.dedup();
        ids.retain(|id| {
            id.parse()
                .is_ok_and(|id: EventId| !self.events.contains_key(&id))
        });
        keys.sort_unstable();
        keys.dedup();
        keys.retain(|k| !self.entities.contains_key(k));
        for part in ids.chunks(500) {
            let wanted: Vec<&str> = part.iter().map(String::as_str).collect();
            let found = self
                .backing
                .select_many(Table::Events, By::Key, &wanted, false)?;
            let mut rows: HashMap<String, EventRow> = found
                .into_iter()
                .filter_map(|r| EventRow::try_from(r).ok())
                .map(|r| (r.id.to_string(), r))
                .collect();
            for id in part {
                if let Ok(event_id) = id.parse() {
                    let row = rows.remove(id);
                    self.events.insert(
                        event_id,
                        Slot {
                            current: row.clone(),
                            original: row,
                        },
                    );
                }
            }
        }
        for part in keys.chunks(500) {
            let wanted: Vec<&str> = part.iter().map(String::as_str).collect();
            let found = self
                .backing
                .select_many(Table::Entities, By::Key, &wanted, false)?;
            let mut rows: HashMap<String, Entity> = found
                .into_iter()
                .filter_map(|r| Entity::try_from(r).ok())
                .map(|e| (Entity::key_of(e.kind, &e.id), e))
                .collect();
            for key in part {
                let row = rows.remove(key);
                self.entities.insert(
                    key.clone(),
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
            .unwrap_or(1))
    }

    /// Checks an event against what is declared, without changing anything.
    pub fn check(&mut self, event: &Event, book: &StatuteBook) -> Result<(), CheckError> {
        let backing = |e| CheckError::Backing(e);
        let head = self.head;
        if let Some(known) = self.event(&event.id).map_err(backing)? {
            let message = if known.seq > head {
                format!(
                    "event id `{}` is used twice in this batch (first by entry {})",
                    event.id, known.seq
                )
            } else {
                format!(
                    "event id `{}` is already in the ledger (entry {})",
                    event.id, known.seq
                )
            };
            return Err(Refusal::new("id", message).into());
        }
        self.check_declarations(event)?;
        let declared_here = self.declared_by(event);
        for (field, reference) in event.kind.references() {
            self.check_reference(field, reference, &declared_here)?;
        }
        self.check_shape(event, book)
    }

    fn check_reference(
        &mut self,
        field: &str,
        reference: Ref<'_>,
        declared_here: &[(EntityKind, String)],
    ) -> Result<(), CheckError> {
        let backing = |e| CheckError::Backing(e);
        match reference {
            Ref::Decision(d) => {
                return match self.event(d).map_err(backing)? {
                    Some(info) if info.kind == "motion_decided" && !info.retracted => Ok(()),
                    Some(info) if info.retracted => {
                        Err(Refusal::new(field, format!("decision `{d}` was retracted")).into())
                    }
                    Some(info) => Err(Refusal::new(
                        field,
                        format!(
                            "`{d}` is a {} event; a decision must be a motion_decided event",
                            info.kind
                        ),
                    )
                    .into()),
                    None => Err(Refusal::new(
                        field,
                        format!("unknown decision `{d}`: no motion_decided event has that id"),
                    )
                    .into()),
                };
            }
            Ref::Event(e) => {
                return match self.event(e).map_err(backing)? {
                    Some(info) if info.retracted => {
                        Err(Refusal::new(field, format!("event `{e}` is already retracted")).into())
                    }
                    Some(info)
                        if matches!(info.kind.as_str(), "event_retracted" | "event_superseded") =>
                    {
                        Err(Refusal::new(
                            field,
                            format!("`{e}` is itself a correction; correct the original event"),
                        )
                        .into())
                    }
                    Some(_) => Ok(()),
                    None => Err(Refusal::new(field, format!("unknown event `{e}`")).into()),
                };
            }
            _ => {}
        }
        let Some((kind, id)) = entity_of(reference) else {
            return Ok(());
        };
        if self.has(kind, &id).map_err(backing)?
            || declared_here.iter().any(|(k, i)| *k == kind && *i == id)
        {
            return Ok(());
        }
        let message = self.unknown_message(kind, &id).map_err(backing)?;
        Err(Refusal::new(field, message).into())
    }

    fn unknown_message(&mut self, kind: EntityKind, id: &str) -> Result<String, BackingError> {
        let hint = match kind {
            EntityKind::Person => "register them with a person_registered event first",
            EntityKind::Org => "found it with organization_founded (or organizations_merged) first",
            EntityKind::Organ => {
                "define it in the organization's statute or with organ_established first"
            }
            EntityKind::Post => {
                "define it in the organization's statute or with post_established first"
            }
            EntityKind::Faction => "form it with faction_formed first",
            EntityKind::Meeting => "introduce it with meeting_convened or meeting_held first",
        };
        Ok(match self.backing.suggest(kind, id)? {
            Some(c) => format!("unknown {} `{id}`; did you mean `{c}`?", kind.as_str()),
            None => format!("unknown {} `{id}`: {hint}", kind.as_str()),
        })
    }

    fn check_declarations(&mut self, event: &Event) -> Result<(), CheckError> {
        let backing = |e| CheckError::Backing(e);
        for (kind, id) in self.declared_by(event) {
            // A merger may name an existing organization as `into`; a meeting
            // convened before may be held now; an amended statute restates the
            // organs and posts it keeps. None of them redeclares.
            let redeclaring_allowed = matches!(
                (&event.kind, kind),
                (EventKind::OrganizationsMerged(_), EntityKind::Org)
                    | (EventKind::MeetingHeld(_), EntityKind::Meeting)
                    | (
                        EventKind::StatuteAdopted(_),
                        EntityKind::Organ | EntityKind::Post
                    )
            );
            let existing = self.entity(kind, &id).map_err(backing)?.cloned();
            if existing.is_some() && !redeclaring_allowed {
                return Err(Refusal::new(
                    field_of(kind),
                    format!("{} `{id}` is already declared", kind.as_str()),
                )
                .into());
            }
            if let (EventKind::MeetingHeld(held), Some(existing)) = (&event.kind, existing)
                && let (Some(organ), Some(known)) = (&held.organ, &existing.organ)
                && organ.to_string() != *known
            {
                return Err(Refusal::new(
                    "organ",
                    format!("meeting `{id}` is a meeting of `{known}`, not of `{organ}`"),
                )
                .into());
            }
        }
        Ok(())
    }

    fn check_shape(&mut self, event: &Event, book: &StatuteBook) -> Result<(), CheckError> {
        let backing = |e| CheckError::Backing(e);
        match &event.kind {
            EventKind::OrganizationsMerged(m) => {
                if !m.orgs.iter().any(|o| *o != m.into) {
                    return Err(Refusal::new(
                        "orgs",
                        "a merger needs at least one organization besides `into`",
                    )
                    .into());
                }
                if !self
                    .has(EntityKind::Org, m.into.as_str())
                    .map_err(backing)?
                    && m.name.is_none()
                {
                    return Err(Refusal::new(
                        "name",
                        format!(
                            "`{}` is new, so the merger founds it: give its `name`",
                            m.into
                        ),
                    )
                    .into());
                }
            }
            EventKind::OrganizationSplit(s) if s.into.is_empty() => {
                return Err(
                    Refusal::new("into", "a split needs at least one new organization").into(),
                );
            }
            EventKind::MeetingHeld(h) if h.organ.is_none() => {
                let known = self
                    .entity(EntityKind::Meeting, h.meeting.as_str())
                    .map_err(backing)?
                    .and_then(|e| e.organ.clone());
                if known.is_none() {
                    // A misspelled meeting reads as a new one: say which it may be.
                    let close = self
                        .backing
                        .suggest(EntityKind::Meeting, h.meeting.as_str())
                        .map_err(backing)?
                        .map_or_else(String::new, |c| format!(" (or did you mean `{c}`?)"));
                    return Err(Refusal::new(
                        "organ",
                        format!(
                            "meeting `{}` was not convened before, so `organ` is required{close}",
                            h.meeting
                        ),
                    )
                    .into());
                }
            }
            EventKind::ElectionHeld(e) => {
                match (&e.organ, &e.post) {
                    (Some(_), Some(_)) => {
                        return Err(Refusal::new(
                            "post",
                            "an election fills an organ or a post, not both",
                        )
                        .into());
                    }
                    (None, None) => {
                        return Err(Refusal::new("", "an election needs `organ` or `post`").into());
                    }
                    (None, Some(_)) if !e.alternates.is_empty() => {
                        return Err(Refusal::new("alternates", "a post has no alternates").into());
                    }
                    _ => {}
                }
                if e.elected.is_empty() && e.alternates.is_empty() {
                    return Err(Refusal::new(
                        "elected",
                        "an election needs at least one person elected",
                    )
                    .into());
                }
            }
            EventKind::MotionDecided(m) if m.meeting.is_none() && m.organ.is_none() => {
                return Err(Refusal::new(
                    "",
                    "a motion needs the `meeting` or `organ` that decided it",
                )
                .into());
            }
            EventKind::StatuteAdopted(s) => {
                let document = statute::read(&s.text).map_err(|e| {
                    Refusal::new(
                        "text",
                        format!(
                            "statute text, line {} column {}: {}",
                            e.line, e.column, e.message
                        ),
                    )
                })?;
                let _ = book;
                for version in &document.versions {
                    if version.org.as_str().is_empty() {
                        return Err(
                            Refusal::new("text", "a statute version without organization").into(),
                        );
                    }
                }
            }
            EventKind::EventSuperseded(s) => {
                let original = self
                    .event(&s.target)
                    .map_err(backing)?
                    .map(|i| i.kind.clone());
                if let Some(kind) = original
                    && kind != s.replacement.kind.name()
                {
                    return Err(Refusal::new(
                        "replacement.kind",
                        format!(
                            "a replacement keeps the kind of the event it corrects (`{kind}`); retract it instead"
                        ),
                    )
                    .into());
                }
                // The replacement's references must resolve like any event's.
                let declared_here = self.declared_by(&s.replacement);
                for (field, reference) in s.replacement.kind.references() {
                    match self.check_reference(field, reference, &declared_here) {
                        Err(CheckError::Refused(r)) => {
                            return Err(Refusal::new(
                                &format!("replacement.{}", r.field),
                                r.message,
                            )
                            .into());
                        }
                        other => other?,
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The entities an event introduces.
    pub fn declared_by(&self, event: &Event) -> Vec<(EntityKind, String)> {
        use EventKind as K;
        match &event.kind {
            K::OrganizationFounded(b) => vec![(EntityKind::Org, b.org.to_string())],
            K::OrganizationsMerged(b) => vec![(EntityKind::Org, b.into.to_string())],
            K::OrganizationSplit(b) => b
                .into
                .iter()
                .map(|n| (EntityKind::Org, n.org.to_string()))
                .collect(),
            K::PersonRegistered(b) => vec![(EntityKind::Person, b.person.to_string())],
            K::FactionFormed(b) => vec![(EntityKind::Faction, b.faction.to_string())],
            K::OrganEstablished(b) => vec![(EntityKind::Organ, b.organ.to_string())],
            K::PostEstablished(b) => vec![(EntityKind::Post, b.post.to_string())],
            K::MeetingConvened(b) => vec![(EntityKind::Meeting, b.meeting.to_string())],
            K::MeetingHeld(b) => vec![(EntityKind::Meeting, b.meeting.to_string())],
            K::StatuteAdopted(b) => statute::read(&b.text)
                .map(|doc| {
                    doc.versions
                        .iter()
                        .flat_map(|v| {
                            let organs = v
                                .organs
                                .iter()
                                .map(|o| (EntityKind::Organ, format!("{}/{}", v.org, o.key)));
                            let posts = v
                                .posts
                                .iter()
                                .map(|p| (EntityKind::Post, format!("{}/{}", v.org, p.key)));
                            organs.chain(posts).collect::<Vec<_>>()
                        })
                        .collect()
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        }
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

    fn mention(&mut self, event: &Event) -> Result<(), BackingError> {
        if let EventKind::ElectionHeld(b) = &event.kind {
            let mut persons: Vec<_> = b.elected.iter().chain(&b.alternates).collect();
            persons.sort();
            persons.dedup();
            for person in persons {
                self.mentions.push(Change {
                    before: None,
                    after: Some(AnyRow::Mention(MentionRow::new(&event.id, person))),
                });
            }
        }
        Ok(())
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

    fn upsert(
        &mut self,
        kind: EntityKind,
        id: String,
        name: &str,
        aliases: &[String],
        change: impl FnOnce(&mut Entity),
    ) -> Result<(), BackingError> {
        self.entity(kind, &id)?;
        let key = Entity::key_of(kind, &id);
        let Some(slot) = self.entities.get_mut(&key) else {
            return Ok(());
        };
        let entity = slot
            .current
            .get_or_insert_with(|| Entity::new(kind, id, name.to_owned()));
        if entity.name != name {
            let old = std::mem::replace(&mut entity.name, name.to_owned());
            if !entity.aliases.contains(&old) {
                entity.aliases.push(old);
            }
        }
        for alias in aliases {
            if !entity.aliases.contains(alias) && *alias != entity.name {
                entity.aliases.push(alias.clone());
            }
        }
        change(entity);
        Ok(())
    }

    fn declare(&mut self, event: &Event) -> Result<(), BackingError> {
        use EventKind as K;
        match &event.kind {
            K::OrganizationFounded(b) => {
                self.upsert(
                    EntityKind::Org,
                    b.org.to_string(),
                    &b.name,
                    &b.aliases,
                    |_| {},
                )?;
            }
            K::OrganizationRenamed(b) => {
                self.upsert(
                    EntityKind::Org,
                    b.org.to_string(),
                    &b.name,
                    &b.aliases,
                    |_| {},
                )?;
            }
            K::OrganizationsMerged(b) => {
                let existing = self
                    .entity(EntityKind::Org, b.into.as_str())?
                    .map(|e| e.name.clone());
                let name = b
                    .name
                    .clone()
                    .or(existing)
                    .unwrap_or_else(|| b.into.to_string());
                self.upsert(
                    EntityKind::Org,
                    b.into.to_string(),
                    &name,
                    &b.aliases,
                    |_| {},
                )?;
            }
            K::OrganizationSplit(b) => {
                for new in &b.into {
                    self.upsert(
                        EntityKind::Org,
                        new.org.to_string(),
                        &new.name,
                        &new.aliases,
                        |_| {},
                    )?;
                }
            }
            K::PersonRegistered(b) => {
                self.upsert(
                    EntityKind::Person,
                    b.person.to_string(),
                    &b.name,
                    &b.aliases,
                    |_| {},
                )?;
            }
            K::FactionFormed(b) => {
                let org = b.org.as_ref().map(ToString::to_string);
                self.upsert(
                    EntityKind::Faction,
                    b.faction.to_string(),
                    &b.name,
                    &b.aliases,
                    |e| {
                        e.org = org;
                    },
                )?;
            }
            K::OrganEstablished(b) => {
                self.upsert(
                    EntityKind::Organ,
                    b.organ.to_string(),
                    &b.name,
                    &b.aliases,
                    |_| {},
                )?;
            }
            K::PostEstablished(b) => {
                let (scope, holders) = (b.scope, b.holders);
                self.upsert(
                    EntityKind::Post,
                    b.post.to_string(),
                    &b.name,
                    &b.aliases,
                    |e| {
                        e.scope = Some(scope);
                        e.holders = holders;
                    },
                )?;
            }
            K::MeetingConvened(b) => {
                let name = b.name.clone().unwrap_or_else(|| b.meeting.to_string());
                let organ = b.organ.to_string();
                self.upsert(
                    EntityKind::Meeting,
                    b.meeting.to_string(),
                    &name,
                    &[],
                    |e| {
                        e.organ = Some(organ);
                    },
                )?;
            }
            K::MeetingHeld(b) => {
                let known = self
                    .entity(EntityKind::Meeting, b.meeting.as_str())?
                    .map(|e| e.name.clone());
                let name = b
                    .name
                    .clone()
                    .or(known)
                    .unwrap_or_else(|| b.meeting.to_string());
                let organ = b.organ.as_ref().map(ToString::to_string);
                self.upsert(
                    EntityKind::Meeting,
                    b.meeting.to_string(),
                    &name,
                    &[],
                    |e| {
                        if e.organ.is_none() {
                            e.organ = organ;
                        }
                    },
                )?;
            }
            K::StatuteAdopted(b) => {
                if let Ok(document) = statute::read(&b.text) {
                    for version in &document.versions {
                        for organ in &version.organs {
                            self.upsert(
                                EntityKind::Organ,
                                format!("{}/{}", version.org, organ.key),
                                &organ.name,
                                &organ.aliases,
                                |_| {},
                            )?;
                        }
                        for post in &version.posts {
                            self.upsert(
                                EntityKind::Post,
                                format!("{}/{}", version.org, post.key),
                                &post.name,
                                &post.aliases,
                                |e| {
                                    e.scope.get_or_insert(Scope::Party);
                                },
                            )?;
                        }
                    }
                }
            }
            K::EventSuperseded(s) => self.declare(&s.replacement)?,
            _ => {}
        }
        Ok(())
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

//! The registry: every declared entity and event, in ledger order, for reference checks and name lookup.
//!
//! History is replayed in date order, but what may be referenced is decided in
//! ledger order: an event may point only at entities declared by an earlier
//! entry (or earlier in the same file), whatever their dates.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::event::{Event, EventKind, Ref, Scope};
use crate::id::{EventId, MeetingId, OrganRef, PostRef};
use crate::statute::{self, StatuteBook};

/// The kinds of named things.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// The word used in messages.
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
    /// For posts: how many may hold it at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holders: Option<u32>,
    /// For factions: the organization they are a faction of, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
}

/// Lowercase letters and digits only: the form names are compared in.
pub fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

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

/// What the registry knows of an event id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventInfo {
    /// The kind name.
    pub kind: &'static str,
    /// Withdrawn by a correction.
    pub retracted: bool,
}

/// Every entity and event id, in ledger order.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    entities: BTreeMap<(EntityKind, String), Entity>,
    events: HashMap<EventId, EventInfo>,
    meetings: HashMap<MeetingId, OrganRef>,
}

impl Registry {
    /// An entity by kind and exact id.
    pub fn get(&self, kind: EntityKind, id: &str) -> Option<&Entity> {
        self.entities.get(&(kind, id.to_owned()))
    }

    /// Whether an entity exists.
    pub fn has(&self, kind: EntityKind, id: &str) -> bool {
        self.entities.contains_key(&(kind, id.to_owned()))
    }

    /// Every entity.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.entities.values()
    }

    /// The display name of an entity, or its id if unknown.
    pub fn name_of(&self, kind: EntityKind, id: &str) -> String {
        self.get(kind, id)
            .map_or_else(|| id.to_owned(), |e| e.name.clone())
    }

    /// What is known of an event id.
    pub fn event(&self, id: &EventId) -> Option<&EventInfo> {
        self.events.get(id)
    }

    /// The organ a meeting is of.
    pub fn meeting_organ(&self, meeting: &MeetingId) -> Option<&OrganRef> {
        self.meetings.get(meeting)
    }

    /// The most holders a post may have: from the statute in force, else from
    /// its `post_established` event, else one.
    pub fn post_holders(&self, post: &PostRef) -> u32 {
        self.get(EntityKind::Post, &post.to_string())
            .and_then(|e| e.holders)
            .unwrap_or(1)
    }

    /// Checks an event against what is declared, without changing anything.
    pub fn check(&self, event: &Event, book: &StatuteBook) -> Result<(), Refusal> {
        if self.events.contains_key(&event.id) {
            return Err(Refusal::new(
                "id",
                format!("event id `{}` is already in the ledger", event.id),
            ));
        }
        self.check_declarations(event)?;
        let declared_here = self.declared_by(event);
        for (field, reference) in event.kind.references() {
            self.check_reference(field, reference, &declared_here)?;
        }
        self.check_shape(event, book)
    }

    fn check_reference(
        &self,
        field: &str,
        reference: Ref<'_>,
        declared_here: &[(EntityKind, String)],
    ) -> Result<(), Refusal> {
        let (kind, id) = match reference {
            Ref::Person(p) => (EntityKind::Person, p.to_string()),
            Ref::Org(o) => (EntityKind::Org, o.to_string()),
            Ref::Organ(o) => (EntityKind::Organ, o.to_string()),
            Ref::Post(p) => (EntityKind::Post, p.to_string()),
            Ref::Faction(f) => (EntityKind::Faction, f.to_string()),
            Ref::Meeting(m) => (EntityKind::Meeting, m.to_string()),
            Ref::Decision(d) => {
                return match self.events.get(d) {
                    Some(info) if info.kind == "motion_decided" && !info.retracted => Ok(()),
                    Some(info) if info.retracted => {
                        Err(Refusal::new(field, format!("decision `{d}` was retracted")))
                    }
                    Some(info) => Err(Refusal::new(
                        field,
                        format!(
                            "`{d}` is a {} event; a decision must be a motion_decided event",
                            info.kind
                        ),
                    )),
                    None => Err(Refusal::new(
                        field,
                        format!("unknown decision `{d}`: no motion_decided event has that id"),
                    )),
                };
            }
            Ref::Event(e) => {
                return match self.events.get(e) {
                    Some(info) if info.retracted => Err(Refusal::new(
                        field,
                        format!("event `{e}` is already retracted"),
                    )),
                    Some(info) if matches!(info.kind, "event_retracted" | "event_superseded") => {
                        Err(Refusal::new(
                            field,
                            format!("`{e}` is itself a correction; correct the original event"),
                        ))
                    }
                    Some(_) => Ok(()),
                    None => Err(Refusal::new(field, format!("unknown event `{e}`"))),
                };
            }
        };
        if self.has(kind, &id) || declared_here.iter().any(|(k, i)| *k == kind && *i == id) {
            return Ok(());
        }
        Err(Refusal::new(field, self.unknown_message(kind, &id)))
    }

    fn unknown_message(&self, kind: EntityKind, id: &str) -> String {
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
        let closest = self
            .entities
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, i)| i)
            .min_by_key(|i| crate::event::codec::edit_distance(id, i));
        match closest {
            Some(c) if crate::event::codec::edit_distance(id, c) <= 3 => {
                format!("unknown {} `{id}`; did you mean `{c}`?", kind.as_str())
            }
            _ => format!("unknown {} `{id}`: {hint}", kind.as_str()),
        }
    }

    fn check_declarations(&self, event: &Event) -> Result<(), Refusal> {
        for (kind, id) in self.declared_by(event) {
            // A merger may name an existing organization as `into`; a meeting
            // convened before may be held now. Neither redeclares.
            let redeclaring_allowed = matches!(
                (&event.kind, kind),
                (EventKind::OrganizationsMerged(_), EntityKind::Org)
                    | (EventKind::MeetingHeld(_), EntityKind::Meeting)
            );
            if self.has(kind, &id) && !redeclaring_allowed {
                let field = match kind {
                    EntityKind::Person => "person",
                    EntityKind::Org => "org",
                    EntityKind::Organ => "organ",
                    EntityKind::Post => "post",
                    EntityKind::Faction => "faction",
                    EntityKind::Meeting => "meeting",
                };
                return Err(Refusal::new(
                    field,
                    format!("{} `{id}` is already declared", kind.as_str()),
                ));
            }
        }
        Ok(())
    }

    fn check_shape(&self, event: &Event, book: &StatuteBook) -> Result<(), Refusal> {
        match &event.kind {
            EventKind::OrganizationsMerged(m) => {
                if !m.orgs.iter().any(|o| *o != m.into) {
                    return Err(Refusal::new(
                        "orgs",
                        "a merger needs at least one organization besides `into`",
                    ));
                }
                if !self.has(EntityKind::Org, m.into.as_str()) && m.name.is_none() {
                    return Err(Refusal::new(
                        "name",
                        format!(
                            "`{}` is new, so the merger founds it: give its `name`",
                            m.into
                        ),
                    ));
                }
            }
            EventKind::OrganizationSplit(s) if s.into.is_empty() => {
                return Err(Refusal::new(
                    "into",
                    "a split needs at least one new organization",
                ));
            }
            EventKind::MeetingHeld(h)
                if h.organ.is_none() && !self.meetings.contains_key(&h.meeting) =>
            {
                return Err(Refusal::new(
                    "organ",
                    format!(
                        "meeting `{}` was not convened before, so `organ` is required",
                        h.meeting
                    ),
                ));
            }
            EventKind::ElectionHeld(e) => {
                match (&e.organ, &e.post) {
                    (Some(_), Some(_)) => {
                        return Err(Refusal::new(
                            "post",
                            "an election fills an organ or a post, not both",
                        ));
                    }
                    (None, None) => {
                        return Err(Refusal::new("", "an election needs `organ` or `post`"));
                    }
                    (None, Some(_)) if !e.alternates.is_empty() => {
                        return Err(Refusal::new("alternates", "a post has no alternates"));
                    }
                    _ => {}
                }
                if e.elected.is_empty() && e.alternates.is_empty() {
                    return Err(Refusal::new(
                        "elected",
                        "an election needs at least one person elected",
                    ));
                }
            }
            EventKind::MotionDecided(m) if m.meeting.is_none() && m.organ.is_none() => {
                return Err(Refusal::new(
                    "",
                    "a motion needs the `meeting` or `organ` that decided it",
                ));
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
                        return Err(Refusal::new(
                            "text",
                            "a statute version without organization",
                        ));
                    }
                }
            }
            EventKind::EventSuperseded(s) => {
                let original = self.events.get(&s.target).map(|i| i.kind);
                if let Some(kind) = original
                    && kind != s.replacement.kind.name()
                {
                    return Err(Refusal::new(
                        "replacement.kind",
                        format!(
                            "a replacement keeps the kind of the event it corrects (`{kind}`); retract it instead"
                        ),
                    ));
                }
                // The replacement's references must resolve like any event's.
                let declared_here = self.declared_by(&s.replacement);
                for (field, reference) in s.replacement.kind.references() {
                    self.check_reference(field, reference, &declared_here)
                        .map_err(|r| {
                            Refusal::new(&format!("replacement.{}", r.field), r.message)
                        })?;
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

    /// Records an event (already checked, or read back from the ledger).
    pub fn record(&mut self, event: &Event) {
        self.events.insert(
            event.id.clone(),
            EventInfo {
                kind: event.kind.name(),
                retracted: false,
            },
        );
        self.declare(event);
    }

    /// Marks an event withdrawn by a correction.
    pub fn retract(&mut self, id: &EventId) {
        if let Some(info) = self.events.get_mut(id) {
            info.retracted = true;
        }
    }

    fn upsert(
        &mut self,
        kind: EntityKind,
        id: String,
        name: &str,
        aliases: &[String],
    ) -> &mut Entity {
        let entity = self
            .entities
            .entry((kind, id.clone()))
            .or_insert_with(|| Entity {
                kind,
                id,
                name: name.to_owned(),
                aliases: Vec::new(),
                scope: None,
                holders: None,
                org: None,
            });
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
        entity
    }

    fn declare(&mut self, event: &Event) {
        use EventKind as K;
        match &event.kind {
            K::OrganizationFounded(b) => {
                self.upsert(EntityKind::Org, b.org.to_string(), &b.name, &b.aliases);
            }
            K::OrganizationRenamed(b) => {
                self.upsert(EntityKind::Org, b.org.to_string(), &b.name, &b.aliases);
            }
            K::OrganizationsMerged(b) => {
                let existing = self
                    .get(EntityKind::Org, b.into.as_str())
                    .map(|e| e.name.clone());
                let name = b
                    .name
                    .clone()
                    .or(existing)
                    .unwrap_or_else(|| b.into.to_string());
                self.upsert(EntityKind::Org, b.into.to_string(), &name, &b.aliases);
            }
            K::OrganizationSplit(b) => {
                for new in &b.into {
                    self.upsert(
                        EntityKind::Org,
                        new.org.to_string(),
                        &new.name,
                        &new.aliases,
                    );
                }
            }
            K::PersonRegistered(b) => {
                self.upsert(
                    EntityKind::Person,
                    b.person.to_string(),
                    &b.name,
                    &b.aliases,
                );
            }
            K::FactionFormed(b) => {
                let entity = self.upsert(
                    EntityKind::Faction,
                    b.faction.to_string(),
                    &b.name,
                    &b.aliases,
                );
                entity.org = b.org.as_ref().map(ToString::to_string);
            }
            K::OrganEstablished(b) => {
                self.upsert(EntityKind::Organ, b.organ.to_string(), &b.name, &b.aliases);
            }
            K::PostEstablished(b) => {
                let entity = self.upsert(EntityKind::Post, b.post.to_string(), &b.name, &b.aliases);
                entity.scope = Some(b.scope);
                entity.holders = b.holders;
            }
            K::MeetingConvened(b) => {
                let name = b.name.clone().unwrap_or_else(|| b.meeting.to_string());
                self.upsert(EntityKind::Meeting, b.meeting.to_string(), &name, &[]);
                self.meetings.insert(b.meeting.clone(), b.organ.clone());
            }
            K::MeetingHeld(b) => {
                let known = self
                    .get(EntityKind::Meeting, b.meeting.as_str())
                    .map(|e| e.name.clone());
                let name = b
                    .name
                    .clone()
                    .or(known)
                    .unwrap_or_else(|| b.meeting.to_string());
                self.upsert(EntityKind::Meeting, b.meeting.to_string(), &name, &[]);
                if let Some(organ) = &b.organ {
                    self.meetings.insert(b.meeting.clone(), organ.clone());
                }
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
                            );
                        }
                        for post in &version.posts {
                            let entity = self.upsert(
                                EntityKind::Post,
                                format!("{}/{}", version.org, post.key),
                                &post.name,
                                &post.aliases,
                            );
                            entity.scope = Some(Scope::Party);
                            entity.holders = Some(post.holders);
                        }
                    }
                }
            }
            K::EventSuperseded(s) => self.declare(&s.replacement),
            _ => {}
        }
    }
}

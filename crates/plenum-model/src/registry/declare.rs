//! What an event declares and mentions, written into the registry's working set.

use super::*;

/// The entities an event introduces.
pub(super) fn declared_by(event: &Event) -> Vec<(EntityKind, String)> {
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

impl Registry<'_> {
    /// The entities an event introduces.
    pub fn declared_by(&self, event: &Event) -> Vec<(EntityKind, String)> {
        declared_by(event)
    }

    pub(super) fn mention(&mut self, event: &Event) -> Result<(), BackingError> {
        // Persons an event names besides its subject: the elected, joint leaders.
        let mut persons: Vec<&crate::id::PersonId> = match &event.kind {
            EventKind::ElectionHeld(b) => b.elected.iter().chain(&b.alternates).collect(),
            EventKind::FactionLed(b) => b.with.iter().collect(),
            EventKind::PositionChanged(b) => {
                b.by.iter()
                    .filter(|p| Some(*p) != b.person.as_ref())
                    .collect()
            }
            _ => Vec::new(),
        };
        persons.sort();
        persons.dedup();
        for person in persons {
            self.mentions.push(Change {
                before: None,
                after: Some(AnyRow::Mention(MentionRow::new(&event.id, person))),
            });
        }
        Ok(())
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

    pub(super) fn declare(&mut self, event: &Event) -> Result<(), BackingError> {
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
                    |e| {
                        if b.born.is_some() {
                            e.born = b.born.clone();
                        }
                    },
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
}

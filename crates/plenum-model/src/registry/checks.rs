//! The registry's checks: references resolve, declarations do not clash, events have
//! the shape their kind needs. They read and never change anything.

use super::*;

impl Registry<'_> {
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
            EventKind::OrganizationFounded(f) if f.replaces.as_ref() == Some(&f.org) => {
                return Err(Refusal::new(
                    "replaces",
                    format!(
                        "`{}` cannot replace itself: name the organization it replaces",
                        f.org
                    ),
                )
                .into());
            }
            EventKind::OrganizationDirected(d) => {
                if let crate::event::kinds::Director::Org(by) = &d.by
                    && *by == d.org
                {
                    return Err(Refusal::new(
                        "by",
                        format!(
                            "`{}` cannot direct itself: name the body that directed it",
                            d.org
                        ),
                    )
                    .into());
                }
                if let Some(until) = &d.until
                    && until.latest() < event.date.earliest()
                {
                    return Err(Refusal::new(
                        "until",
                        format!(
                            "`until` ({until}) is before the event's date ({})",
                            event.date
                        ),
                    )
                    .into());
                }
            }
            EventKind::PersonArrested(a) => {
                if let Some(released) = &a.released
                    && released.latest() < event.date.earliest()
                {
                    return Err(Refusal::new(
                        "released",
                        format!(
                            "`released` ({released}) is before the arrest ({}): a release comes on or after it",
                            event.date
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
                if let Some(stray) = e
                    .nominal
                    .iter()
                    .find(|p| !e.elected.contains(p) && !e.alternates.contains(p))
                {
                    return Err(Refusal::new(
                        "nominal",
                        format!(
                            "`{stray}` is not among those elected: `nominal` names persons of `elected` or `alternates`"
                        ),
                    )
                    .into());
                }
            }
            EventKind::PositionChanged(_) | EventKind::TenureObserved(_) => {
                crate::registry::positions::check_shape(&event.kind)?;
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
}

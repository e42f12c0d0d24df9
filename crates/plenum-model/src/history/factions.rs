//! Joint leaderships, leaderships ended without a successor, and the factions a
//! person leaves when expelled or purged. They never judge; the rules ran before.

use crate::id::{FactionId, OrgId, PersonId};
use crate::rows::{AlignmentRow, By, EntityKind, Span};

use super::{History, Stamp};

impl History<'_> {
    /// Opens a leadership of `faction` for `person` beside any in place (a joint
    /// leader), unless they lead it already. `co` marks a co-leader named in the
    /// same event as another, whose row key names them.
    pub(crate) fn lead_jointly(
        &mut self,
        faction: &FactionId,
        person: &PersonId,
        co: bool,
        at: Stamp<'_>,
    ) {
        if self.leads(faction, person) {
            return;
        }
        self.touched_persons.insert(person.clone());
        let key = if co {
            format!("lead:{}:{faction}:{person}", at.event)
        } else {
            format!("lead:{}:{faction}", at.event)
        };
        self.write(|c, _| {
            c.alignments.put(AlignmentRow {
                key,
                faction: faction.clone(),
                person: person.clone(),
                leader: true,
                span: Span::from(at.date.clone()),
                start_event: at.event.clone(),
                end_event: None,
                start_pos: at.pos,
                end_pos: None,
            });
            Ok(())
        });
    }

    /// Whether `person` leads `faction` now.
    pub(crate) fn leads(&mut self, faction: &FactionId, person: &PersonId) -> bool {
        self.write(|c, b| {
            c.alignments.load(b, By::Person, true, person.as_str())?;
            Ok(c.alignments
                .find(By::Person, true, person.as_str())
                .any(|a| a.leader && &a.faction == faction))
        })
    }

    /// Ends the leadership of `faction` held by `person` (by every leader, if none
    /// is named), with no successor.
    pub(crate) fn end_leadership_by(
        &mut self,
        faction: &FactionId,
        person: Option<&PersonId>,
        at: Stamp<'_>,
    ) {
        let Some(person) = person else {
            self.end_leadership(faction, at);
            return;
        };
        self.touched_persons.insert(person.clone());
        let keys: Vec<String> = self.write(|c, b| {
            c.alignments.load(b, By::Person, true, person.as_str())?;
            Ok(c.alignments
                .find(By::Person, true, person.as_str())
                .filter(|a| a.leader && &a.faction == faction)
                .map(|a| a.key.clone())
                .collect())
        });
        self.end_alignments(&keys, at);
    }

    /// Ends `person`'s alignments with, and leaderships of, the factions of `org`:
    /// those recorded as its factions and those recorded without an organization
    /// (read as factions within the organization that expels or purges them).
    pub(crate) fn end_factions_in(&mut self, person: &PersonId, org: &OrgId, at: Stamp<'_>) {
        self.touched_persons.insert(person.clone());
        let open: Vec<(String, FactionId)> = self.write(|c, b| {
            c.alignments.load(b, By::Person, true, person.as_str())?;
            Ok(c.alignments
                .find(By::Person, true, person.as_str())
                .map(|a| (a.key.clone(), a.faction.clone()))
                .collect())
        });
        let keys: Vec<String> = open
            .into_iter()
            .filter(|(_, faction)| {
                self.entity(EntityKind::Faction, faction.as_str())
                    .is_none_or(|e| e.org.as_deref().is_none_or(|o| o == org.as_str()))
            })
            .map(|(key, _)| key)
            .collect();
        self.end_alignments(&keys, at);
    }
}

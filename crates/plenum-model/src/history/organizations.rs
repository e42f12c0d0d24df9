//! Opening and closing rows of organizations (facts, names, links), meetings, decisions
//! and figures, and deaths: more of the primitives `ledger::apply` changes the history
//! with. They never judge; the rules ran before.

use crate::date::Day;
use crate::id::{EntityKind, Key, MeetingId, OrgId, OrganRef, PersonId, Pos};
use crate::rows::{
    Affiliation, AlignmentRow, By, DeathRow, DecisionRow, FigureRow, HeldRow, LinkKind, LinkRow,
    MeetingFact, MeetingRow, NameRow, OrgChange, OrgRow, Span,
};

use super::History;
use super::write::Stamp;

impl History<'_> {
    /// Adds a fact to an organization's row (making the row if there is none).
    pub(crate) fn org_fact(&mut self, org: &OrgId, change: OrgChange, pos: Pos) {
        self.write(|c, b| {
            c.orgs.load(b, By::Key, false, org.as_str())?;
            let mut row = c
                .orgs
                .get(org.as_str())
                .cloned()
                .unwrap_or_else(|| OrgRow::new(org.clone()));
            row.add(pos, change);
            c.orgs.put(row);
            Ok(())
        });
    }

    /// The constituency of the organization a person was last placed in on or before
    /// `day` (`constituency_assigned`), if the record places them; a placement dated
    /// fuzzily counts from its earliest day.
    pub fn constituency_of(&self, org: &OrgId, person: &PersonId, day: Day) -> Option<Key> {
        self.org(org)?.constituency_of(person, day)
    }

    /// A new name (`None`: the registered name) ends the open one.
    pub(crate) fn name_org(&mut self, org: &OrgId, name: Option<String>, at: Stamp<'_>) {
        self.end_name(org, at);
        self.write(|c, _| {
            c.names.put(NameRow {
                key: format!("name:{}:{org}", at.event),
                org: org.clone(),
                name,
                span: Span::from(at.date.clone()),
                event: at.event.clone(),
                end_event: None,
                start_pos: at.pos,
                end_pos: None,
            });
            Ok(())
        });
    }

    pub(crate) fn end_name(&mut self, org: &OrgId, at: Stamp<'_>) {
        self.write(|c, b| {
            c.names.load(b, By::Org, true, org.as_str())?;
            for key in c.names.find_keys(By::Org, true, org.as_str()) {
                c.names.update(&key, |n| {
                    n.span.end = Some(at.date.clone());
                    n.end_event = Some(at.event.clone());
                    n.end_pos = Some(at.pos);
                });
            }
            Ok(())
        });
    }

    pub(crate) fn link(&mut self, from: &OrgId, to: &OrgId, link: LinkKind, at: Stamp<'_>) {
        self.write(|c, _| {
            c.links.put(LinkRow {
                key: format!("link:{}:{from}:{to}", at.event),
                from: from.clone(),
                to: to.clone(),
                link,
                span: Span::from(at.date.clone()),
                event: at.event.clone(),
                end_event: None,
                start_pos: at.pos,
                end_pos: None,
            });
            Ok(())
        });
    }

    /// Ends the open `part-of` links from `org` (to `parent` only, if given).
    pub(crate) fn end_part_of(&mut self, org: &OrgId, parent: Option<&OrgId>, at: Stamp<'_>) {
        self.write(|c, b| {
            c.links.load(b, By::Earlier, true, org.as_str())?;
            let keys: Vec<String> = c
                .links
                .find(By::Earlier, true, org.as_str())
                .filter(|l| l.link == LinkKind::PartOf && parent.is_none_or(|p| &l.to == p))
                .map(|l| l.key.clone())
                .collect();
            for key in keys {
                c.links.update(&key, |l| {
                    l.span.end = Some(at.date.clone());
                    l.end_event = Some(at.event.clone());
                    l.end_pos = Some(at.pos);
                });
            }
            Ok(())
        });
    }

    /// Every person with an open seat or post in an organization's organs or posts, sorted.
    pub(crate) fn people_in(&mut self, org: &OrgId) -> Vec<PersonId> {
        let mut people: Vec<PersonId> = self.write(|c, b| {
            c.seats.load(b, By::Org, true, org.as_str())?;
            c.posts.load(b, By::Org, true, org.as_str())?;
            Ok(c.seats
                .find(By::Org, true, org.as_str())
                .map(|s| s.person.clone())
                .chain(
                    c.posts
                        .find(By::Org, true, org.as_str())
                        .map(|p| p.person.clone()),
                )
                .collect())
        });
        people.sort();
        people.dedup();
        people
    }

    /// Records a death, unless an earlier one is recorded.
    pub(crate) fn record_death(&mut self, person: &PersonId, at: Stamp<'_>) {
        self.write(|c, b| {
            c.deaths.load(b, By::Key, false, person.as_str())?;
            if c.deaths.get(person.as_str()).is_none() {
                c.deaths.put(DeathRow {
                    person: person.clone(),
                    date: at.date.clone(),
                    event: at.event.clone(),
                    pos: at.pos,
                });
            }
            Ok(())
        });
    }

    pub(crate) fn meeting_fact(&mut self, meeting: &MeetingId, fact: MeetingFact, pos: Pos) {
        self.write(|c, b| {
            c.meetings.load(b, By::Key, false, meeting.as_str())?;
            let mut row = c
                .meetings
                .get(meeting.as_str())
                .cloned()
                .unwrap_or_else(|| MeetingRow::new(meeting.clone()));
            row.facts.push((pos, fact));
            c.meetings.put(row);
            Ok(())
        });
    }

    pub(crate) fn held(
        &mut self,
        organ: &OrganRef,
        meeting: &MeetingId,
        evidence: Option<crate::event::kinds::Evidence>,
        at: Stamp<'_>,
    ) {
        self.write(|c, b| {
            c.held.load(b, By::Organ, false, &organ.to_string())?;
            c.held.put(HeldRow {
                key: format!("{}@{organ}", at.event),
                organ: organ.clone(),
                meeting: meeting.clone(),
                date: at.date.clone(),
                event: at.event.clone(),
                evidence,
                pos: at.pos,
            });
            Ok(())
        });
    }

    pub(crate) fn decide(&mut self, row: DecisionRow) {
        self.write(|c, _| {
            c.decisions.put(row);
            Ok(())
        });
    }

    pub(crate) fn figure(&mut self, row: FigureRow) {
        self.write(|c, _| {
            c.figures.put(row);
            Ok(())
        });
    }

    /// Brings the holder's name and alignments kept on each seat of these persons up to date.
    pub(crate) fn refresh_holders(&mut self, persons: &[PersonId]) {
        let ids: Vec<&str> = persons.iter().map(PersonId::as_str).collect();
        self.write(|c, b| c.seats.load_many(b, By::Person, false, &ids));
        let seated: Vec<&PersonId> = persons
            .iter()
            .filter(|p| {
                self.caches
                    .get_mut()
                    .seats
                    .find(By::Person, false, p.as_str())
                    .next()
                    .is_some()
            })
            .collect();
        let ids: Vec<&str> = seated.iter().map(|p| p.as_str()).collect();
        let keys: Vec<String> = ids
            .iter()
            .map(|p| crate::rows::Entity::key_of(EntityKind::Person, p))
            .collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        self.write(|c, b| {
            c.alignments.load_many(b, By::Person, false, &ids)?;
            c.entities.load_many(b, By::Key, false, &keys)
        });
        for person in seated {
            let seated = self.write(|c, b| {
                c.seats.load(b, By::Person, false, person.as_str())?;
                Ok(c.seats
                    .find(By::Person, false, person.as_str())
                    .next()
                    .is_some())
            });
            if !seated {
                continue;
            }
            let name = self
                .entity(EntityKind::Person, person.as_str())
                .map(|e| e.name);
            self.write(|c, b| {
                c.seats.load(b, By::Person, false, person.as_str())?;
                c.alignments.load(b, By::Person, false, person.as_str())?;
                let mut factions: Vec<(&AlignmentRow, Affiliation)> = c
                    .alignments
                    .find(By::Person, false, person.as_str())
                    .filter(|a| !a.leader)
                    .map(|a| {
                        (
                            a,
                            Affiliation {
                                key: a.key.clone(),
                                faction: a.faction.clone(),
                                span: a.span.clone(),
                            },
                        )
                    })
                    .collect();
                factions
                    .sort_by(|(a, _), (b, _)| (a.span.lo(), &a.key).cmp(&(b.span.lo(), &b.key)));
                let factions: Vec<Affiliation> = factions.into_iter().map(|(_, f)| f).collect();
                for key in c.seats.find_keys(By::Person, false, person.as_str()) {
                    c.seats.update(&key, |s| {
                        s.holder.clone_from(&name);
                        s.factions.clone_from(&factions);
                    });
                }
                Ok(())
            });
        }
    }
}

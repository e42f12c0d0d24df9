//! Opening and closing rows: the primitives `ledger::apply` changes the history with.
//! They never judge; the rules ran before.

use crate::date::FuzzyDate;
use crate::event::{EndCause, Role};
use crate::id::{EventId, FactionId, Key, OrgId, OrganRef, PersonId, Pos, PostRef};
use crate::rows::{
    AlignmentRow, Bar, By, CountRow, MemberStatus, MembershipEnd, MembershipRow, PostRow, SeatRow,
    Span,
};

use super::{BackingError, Caches, History, role_index};

/// When and by what a change is made.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    /// The event's date.
    pub date: &'a FuzzyDate,
    /// The event.
    pub event: &'a EventId,
    /// Where it stands in date order.
    pub pos: Pos,
}

impl History<'_> {
    /// Runs a change over the caches, keeping the first backing error.
    pub(super) fn write<T: Default>(
        &mut self,
        f: impl FnOnce(&mut Caches, &dyn crate::history::Backing) -> Result<T, BackingError>,
    ) -> T {
        let backing = self.backing;
        match f(self.caches.get_mut(), backing) {
            Ok(value) => value,
            Err(e) => {
                self.error.get_mut().get_or_insert(e);
                T::default()
            }
        }
    }

    pub(crate) fn open_seat(
        &mut self,
        organ: &OrganRef,
        person: &PersonId,
        role: Role,
        nominal: bool,
        at: Stamp<'_>,
    ) {
        self.touched_persons.insert(person.clone());
        self.write(|c, _| {
            if let Some(tally) = c.tallies.get_mut(organ) {
                tally[role_index(role)] += 1;
            }
            c.seats.put(SeatRow {
                key: format!("seat:{}:{person}:{organ}", at.event),
                organ: organ.clone(),
                person: person.clone(),
                role,
                span: Span::from(at.date.clone()),
                start_event: at.event.clone(),
                end_event: None,
                end_cause: None,
                start_pos: at.pos,
                end_pos: None,
                holder: None,
                factions: Vec::new(),
                nominal,
            });
            Ok(())
        });
    }

    /// Closes the open seats of `person` that `which` selects; returns how many.
    pub(crate) fn close_seats(
        &mut self,
        person: &PersonId,
        which: impl Fn(&SeatRow) -> bool,
        cause: EndCause,
        at: Stamp<'_>,
    ) -> usize {
        self.touched_persons.insert(person.clone());
        self.write(|c, b| {
            c.seats.load(b, By::Person, true, person.as_str())?;
            let keys: Vec<String> = c
                .seats
                .find(By::Person, true, person.as_str())
                .filter(|s| which(s))
                .map(|s| s.key.clone())
                .collect();
            for key in &keys {
                let mut organ_role = None;
                c.seats.update(key, |s| {
                    organ_role = Some((s.organ.clone(), s.role));
                    s.span.end = Some(at.date.clone());
                    s.end_event = Some(at.event.clone());
                    s.end_cause = Some(cause);
                    s.end_pos = Some(at.pos);
                });
                if let Some((organ, role)) = organ_role
                    && let Some(tally) = c.tallies.get_mut(&organ)
                {
                    tally[role_index(role)] = tally[role_index(role)].saturating_sub(1);
                }
            }
            Ok(keys.len())
        })
    }

    /// The people holding open seats on an organ, in key order of their seats.
    pub(crate) fn seated_on(&mut self, organ: &OrganRef) -> Vec<(PersonId, Role)> {
        self.open_seats_on(organ)
            .into_iter()
            .map(|s| (s.person, s.role))
            .collect()
    }

    pub(crate) fn open_post(
        &mut self,
        post: &PostRef,
        person: &PersonId,
        acting: bool,
        nominal: bool,
        at: Stamp<'_>,
    ) {
        self.write(|c, _| {
            c.posts.put(PostRow {
                key: format!("post:{}:{person}:{post}", at.event),
                post: post.clone(),
                person: person.clone(),
                acting,
                span: Span::from(at.date.clone()),
                start_event: at.event.clone(),
                end_event: None,
                end_cause: None,
                start_pos: at.pos,
                end_pos: None,
                nominal,
            });
            Ok(())
        });
    }

    pub(crate) fn close_posts(
        &mut self,
        person: &PersonId,
        which: impl Fn(&PostRow) -> bool,
        cause: EndCause,
        at: Stamp<'_>,
    ) -> usize {
        self.write(|c, b| {
            c.posts.load(b, By::Person, true, person.as_str())?;
            let keys: Vec<String> = c
                .posts
                .find(By::Person, true, person.as_str())
                .filter(|p| which(p))
                .map(|p| p.key.clone())
                .collect();
            for key in &keys {
                c.posts.update(key, |p| {
                    p.span.end = Some(at.date.clone());
                    p.end_event = Some(at.event.clone());
                    p.end_cause = Some(cause);
                    p.end_pos = Some(at.pos);
                });
            }
            Ok(keys.len())
        })
    }

    pub(crate) fn open_membership(
        &mut self,
        org: &OrgId,
        person: &PersonId,
        status: MemberStatus,
        class: Option<Key>,
        bars: Vec<Bar>,
        at: Stamp<'_>,
    ) {
        self.write(|c, _| {
            c.memberships.put(MembershipRow {
                key: format!("member:{}:{person}:{org}", at.event),
                org: org.clone(),
                person: person.clone(),
                status,
                span: Span::from(at.date.clone()),
                start_event: at.event.clone(),
                end_event: None,
                end_cause: None,
                start_pos: at.pos,
                end_pos: None,
                class,
                bars,
            });
            Ok(())
        });
    }

    /// Closes the open memberships of `person` that `which` selects; returns their statuses.
    pub(crate) fn close_memberships(
        &mut self,
        person: &PersonId,
        which: impl Fn(&MembershipRow) -> bool,
        cause: MembershipEnd,
        at: Stamp<'_>,
    ) -> Vec<(OrgId, MemberStatus)> {
        self.write(|c, b| {
            c.memberships.load(b, By::Person, true, person.as_str())?;
            let closing: Vec<(String, OrgId, MemberStatus)> = c
                .memberships
                .find(By::Person, true, person.as_str())
                .filter(|m| which(m))
                .map(|m| (m.key.clone(), m.org.clone(), m.status))
                .collect();
            for (key, _, _) in &closing {
                c.memberships.update(key, |m| {
                    m.span.end = Some(at.date.clone());
                    m.end_event = Some(at.event.clone());
                    m.end_cause = Some(cause);
                    m.end_pos = Some(at.pos);
                });
            }
            Ok(closing.into_iter().map(|(_, o, s)| (o, s)).collect())
        })
    }

    /// The people with an open membership of an organization, with their status, sorted.
    pub(crate) fn members_of(&mut self, org: &OrgId) -> Vec<(PersonId, MemberStatus)> {
        let mut members: Vec<(PersonId, MemberStatus)> = self.write(|c, b| {
            c.memberships.load(b, By::Org, true, org.as_str())?;
            Ok(c.memberships
                .find(By::Org, true, org.as_str())
                .map(|m| (m.person.clone(), m.status))
                .collect())
        });
        members.sort();
        members
    }

    pub(crate) fn align(&mut self, person: &PersonId, faction: &FactionId, at: Stamp<'_>) {
        self.end_alignment(person, None, at);
        self.write(|c, _| {
            c.alignments.put(AlignmentRow {
                key: format!("align:{}:{person}", at.event),
                faction: faction.clone(),
                person: person.clone(),
                leader: false,
                span: Span::from(at.date.clone()),
                start_event: at.event.clone(),
                end_event: None,
                start_pos: at.pos,
                end_pos: None,
            });
            Ok(())
        });
    }

    pub(super) fn end_alignments(&mut self, keys: &[String], at: Stamp<'_>) {
        self.write(|c, _| {
            for key in keys {
                c.alignments.update(key, |a| {
                    a.span.end = Some(at.date.clone());
                    a.end_event = Some(at.event.clone());
                    a.end_pos = Some(at.pos);
                });
            }
            Ok(())
        });
    }

    /// Ends a person's open alignment (only with `faction`, if given); whether one ended.
    pub(crate) fn end_alignment(
        &mut self,
        person: &PersonId,
        faction: Option<&FactionId>,
        at: Stamp<'_>,
    ) -> bool {
        self.touched_persons.insert(person.clone());
        let keys: Vec<String> = self.write(|c, b| {
            c.alignments.load(b, By::Person, true, person.as_str())?;
            Ok(c.alignments
                .find(By::Person, true, person.as_str())
                .filter(|a| !a.leader && faction.is_none_or(|f| &a.faction == f))
                .map(|a| a.key.clone())
                .collect())
        });
        self.end_alignments(&keys, at);
        !keys.is_empty()
    }

    /// The people aligned with a faction now, sorted.
    pub(crate) fn aligned_with(&mut self, faction: &FactionId) -> Vec<PersonId> {
        let mut people: Vec<PersonId> = self.write(|c, b| {
            c.alignments.load(b, By::Faction, true, faction.as_str())?;
            Ok(c.alignments
                .find(By::Faction, true, faction.as_str())
                .filter(|a| !a.leader)
                .map(|a| a.person.clone())
                .collect())
        });
        people.sort();
        people.dedup();
        people
    }

    pub(crate) fn lead(&mut self, faction: &FactionId, person: &PersonId, at: Stamp<'_>) {
        self.end_leadership(faction, at);
        self.touched_persons.insert(person.clone());
        self.write(|c, _| {
            c.alignments.put(AlignmentRow {
                key: format!("lead:{}:{faction}", at.event),
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

    pub(crate) fn end_leadership(&mut self, faction: &FactionId, at: Stamp<'_>) {
        let keys: Vec<String> = self.write(|c, b| {
            c.alignments.load(b, By::Faction, true, faction.as_str())?;
            Ok(c.alignments
                .find(By::Faction, true, faction.as_str())
                .filter(|a| a.leader)
                .map(|a| a.key.clone())
                .collect())
        });
        self.end_alignments(&keys, at);
    }

    pub(crate) fn end_leadership_of(&mut self, person: &PersonId, at: Stamp<'_>) {
        let keys: Vec<String> = self.write(|c, b| {
            c.alignments.load(b, By::Person, true, person.as_str())?;
            Ok(c.alignments
                .find(By::Person, true, person.as_str())
                .filter(|a| a.leader)
                .map(|a| a.key.clone())
                .collect())
        });
        self.end_alignments(&keys, at);
    }

    /// A new count replaces the open count of the same organ, role and faction.
    pub(crate) fn count_seats(&mut self, row: CountRow, at: Stamp<'_>) {
        let organ = row.organ.to_string();
        self.write(|c, b| {
            c.counts.load(b, By::Organ, true, &organ)?;
            let previous: Vec<String> = c
                .counts
                .find(By::Organ, true, &organ)
                .filter(|p| p.role == row.role && p.faction == row.faction)
                .map(|p| p.key.clone())
                .collect();
            for key in previous {
                c.counts.update(&key, |p| {
                    p.span.end = Some(row.span.start.clone());
                    p.end_event = Some(at.event.clone());
                    p.end_pos = Some(at.pos);
                });
            }
            c.counts.put(row);
            Ok(())
        });
    }

    /// Ends every open count of an organ (a new election replaces the body).
    pub(crate) fn end_counts(&mut self, organ: &OrganRef, at: Stamp<'_>) {
        let id = organ.to_string();
        self.write(|c, b| {
            c.counts.load(b, By::Organ, true, &id)?;
            for key in c.counts.find_keys(By::Organ, true, &id) {
                c.counts.update(&key, |p| {
                    p.span.end = Some(at.date.clone());
                    p.end_event = Some(at.event.clone());
                    p.end_pos = Some(at.pos);
                });
            }
            Ok(())
        });
    }
}

//! The history as the write path sees it: the projections before the event being judged,
//! read from the store on first use and changed in memory.
//!
//! Rules read a [`History`]; `ledger::apply` changes it through the
//! primitives in `write.rs`; the ledger hands its changes back to the store.
//! Look-ups go to the backing at most once per key; a backing error is kept
//! and reported when the batch ends (reads then answer as if empty, and the
//! batch is abandoned, so nothing built on them is written).

mod backing;
mod cache;
mod factions;
mod organizations;
mod write;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use crate::date::Day;
use crate::event::Role;
use crate::id::{EntityKind, EventId, MeetingId, OrgId, OrganRef, PersonId, PostRef};
use crate::rows::compose::{Composition, compose};
use crate::rows::{
    AlignmentRow, By, CountRow, DeathRow, DecisionRow, Entity, FigureRow, HeldRow, LinkRow,
    MeetingRow, MeetingState, MembershipRow, NameRow, OrgRow, PostRow, Row, SeatRow, Table,
};

pub use backing::{Backing, BackingError, Change, Lookup, Writer};
use cache::Cache;
pub use write::Stamp;

/// The working sets of every table the write path touches.
pub(crate) struct Caches {
    seats: Cache<SeatRow>,
    posts: Cache<PostRow>,
    memberships: Cache<MembershipRow>,
    alignments: Cache<AlignmentRow>,
    counts: Cache<CountRow>,
    orgs: Cache<OrgRow>,
    names: Cache<NameRow>,
    links: Cache<LinkRow>,
    figures: Cache<FigureRow>,
    deaths: Cache<DeathRow>,
    meetings: Cache<MeetingRow>,
    held: Cache<HeldRow>,
    decisions: Cache<DecisionRow>,
    entities: Cache<Entity>,
    /// Open seats per role on organs whose open seats are loaded.
    tallies: HashMap<OrganRef, [u32; 2]>,
}

impl Caches {
    fn new() -> Caches {
        Caches {
            seats: Cache::new(&[
                (By::Person, true),
                (By::Person, false),
                (By::Organ, true),
                (By::Org, true),
            ]),
            posts: Cache::new(&[
                (By::Person, true),
                (By::Person, false),
                (By::Post, true),
                (By::Org, true),
            ]),
            memberships: Cache::new(&[(By::Person, false), (By::Person, true), (By::Org, true)]),
            alignments: Cache::new(&[(By::Person, false), (By::Person, true), (By::Faction, true)]),
            counts: Cache::new(&[(By::Organ, true)]),
            orgs: Cache::new(&[(By::Key, false)]),
            names: Cache::new(&[(By::Org, true)]),
            links: Cache::new(&[(By::Earlier, true)]),
            figures: Cache::new(&[]),
            deaths: Cache::new(&[(By::Key, false)]),
            meetings: Cache::new(&[(By::Key, false)]),
            held: Cache::new(&[(By::Organ, false)]),
            decisions: Cache::new(&[(By::Key, false)]),
            entities: Cache::new(&[(By::Key, false)]),
            tallies: HashMap::new(),
        }
    }
}

/// The history before the event being judged.
pub struct History<'b> {
    backing: &'b dyn Backing,
    caches: RefCell<Caches>,
    error: RefCell<Option<BackingError>>,
    /// Persons whose seats or alignments changed: their seats' kept alignments are redone.
    pub(crate) touched_persons: BTreeSet<PersonId>,
}

fn role_index(role: Role) -> usize {
    match role {
        Role::Full => 0,
        Role::Alternate => 1,
    }
}

impl<'b> History<'b> {
    /// The history as `backing` holds it.
    pub fn new(backing: &'b dyn Backing) -> History<'b> {
        History {
            backing,
            caches: RefCell::new(Caches::new()),
            error: RefCell::new(None),
            touched_persons: BTreeSet::new(),
        }
    }

    /// Runs a read over the caches, keeping the first backing error.
    fn read<T: Default>(
        &self,
        f: impl FnOnce(&mut Caches, &dyn Backing) -> Result<T, BackingError>,
    ) -> T {
        let mut caches = self.caches.borrow_mut();
        match f(&mut caches, self.backing) {
            Ok(value) => value,
            Err(e) => {
                self.error.borrow_mut().get_or_insert(e);
                T::default()
            }
        }
    }

    /// The first backing error met, if any.
    pub fn take_error(&self) -> Option<BackingError> {
        self.error.borrow_mut().take()
    }

    /// Every row changed, for the backing.
    pub fn into_changes(self) -> Result<Vec<Change>, BackingError> {
        if let Some(e) = self.error.into_inner() {
            return Err(e);
        }
        let c = self.caches.into_inner();
        let mut out = Vec::new();
        c.seats.changes(&mut out);
        c.posts.changes(&mut out);
        c.memberships.changes(&mut out);
        c.alignments.changes(&mut out);
        c.counts.changes(&mut out);
        c.orgs.changes(&mut out);
        c.names.changes(&mut out);
        c.links.changes(&mut out);
        c.figures.changes(&mut out);
        c.deaths.changes(&mut out);
        c.meetings.changes(&mut out);
        c.held.changes(&mut out);
        c.decisions.changes(&mut out);
        c.entities.changes(&mut out);
        Ok(out)
    }

    /// Loads, in a few reads, what the rules and `apply` will look up about the persons
    /// these events name: seats, posts, memberships, alignments, deaths, names.
    pub fn prefetch(&self, events: &[&crate::event::Event]) {
        let named = Prefetch::of(events);
        if named.persons.is_empty() {
            return;
        }
        let ids: Vec<&str> = named.persons.iter().map(String::as_str).collect();
        let keys: Vec<&str> = named.keys.iter().map(String::as_str).collect();
        self.read(|c, b| {
            // Every look-up in one read of the backing, 500 values of each at a time.
            let wanted = [
                c.seats.unloaded(By::Person, false, &ids),
                c.posts.unloaded(By::Person, true, &ids),
                c.memberships.unloaded(By::Person, false, &ids),
                c.alignments.unloaded(By::Person, false, &ids),
                c.deaths.unloaded(By::Key, false, &ids),
                c.entities.unloaded(By::Key, false, &keys),
            ];
            let rounds = wanted
                .iter()
                .map(|w| w.len().div_ceil(PREFETCH_ROUND))
                .max()
                .unwrap_or(0);
            for round in 0..rounds {
                let parts: Vec<&[&str]> = wanted
                    .iter()
                    .map(|w| w.chunks(PREFETCH_ROUND).nth(round).unwrap_or(&[]))
                    .collect();
                let lookups = Prefetch::lookups(&parts);
                let mut found = b.select_each(&lookups)?.into_iter();
                let mut next = || found.next().unwrap_or_default();
                c.seats.merge_loaded(By::Person, false, parts[0], next())?;
                c.posts.merge_loaded(By::Person, true, parts[1], next())?;
                c.memberships
                    .merge_loaded(By::Person, false, parts[2], next())?;
                c.alignments
                    .merge_loaded(By::Person, false, parts[3], next())?;
                c.deaths.merge_loaded(By::Key, false, parts[4], next())?;
                c.entities.merge_loaded(By::Key, false, parts[5], next())?;
            }
            Ok(())
        });
    }

    // Reads.

    /// Open seats of a person.
    pub fn open_seats_of(&self, person: &PersonId) -> Vec<SeatRow> {
        self.read(|c, b| {
            c.seats.load(b, By::Person, true, person.as_str())?;
            Ok(c.seats
                .find(By::Person, true, person.as_str())
                .cloned()
                .collect())
        })
    }

    /// Every seat of a person (open or closed), in date order of their start.
    pub fn seats_of(&self, person: &PersonId) -> Vec<SeatRow> {
        let mut rows: Vec<SeatRow> = self.read(|c, b| {
            c.seats.load(b, By::Person, false, person.as_str())?;
            Ok(c.seats
                .find(By::Person, false, person.as_str())
                .cloned()
                .collect())
        });
        rows.sort_by(|a, b| (a.start_pos, &a.key).cmp(&(b.start_pos, &b.key)));
        rows
    }

    /// Every tenure of a post by a person (open or closed), in date order of their start.
    pub fn posts_of(&self, person: &PersonId) -> Vec<PostRow> {
        let mut rows: Vec<PostRow> = self.read(|c, b| {
            c.posts.load(b, By::Person, false, person.as_str())?;
            Ok(c.posts
                .find(By::Person, false, person.as_str())
                .cloned()
                .collect())
        });
        rows.sort_by(|a, b| (a.start_pos, &a.key).cmp(&(b.start_pos, &b.key)));
        rows
    }

    /// Whether a person holds an open seat on an organ (in `role`, if given).
    pub fn holds_seat(&self, person: &PersonId, organ: &OrganRef, role: Option<Role>) -> bool {
        self.open_seats_of(person)
            .iter()
            .any(|s| &s.organ == organ && role.is_none_or(|r| r == s.role))
    }

    /// Open seats on an organ, in key order.
    pub fn open_seats_on(&self, organ: &OrganRef) -> Vec<SeatRow> {
        let mut seats: Vec<SeatRow> = self.read(|c, b| {
            load_organ(c, b, organ)?;
            Ok(c.seats
                .find(By::Organ, true, &organ.to_string())
                .cloned()
                .collect())
        });
        seats.sort_by(|a, b| a.key.cmp(&b.key));
        seats
    }

    /// Whether the record names anyone on an organ, ever (so far).
    pub fn names_seats(&self, organ: &OrganRef) -> bool {
        let id = organ.to_string();
        self.read(|c, b| {
            if c.seats.rows().any(|s| s.organ == *organ) {
                return Ok(true);
            }
            b.any(Table::Seats, By::Organ, &id)
        })
    }

    /// Whether the record keeps a membership register for an organization
    /// (at least one membership recorded so far).
    pub fn keeps_register(&self, org: &OrgId) -> bool {
        self.read(|c, b| {
            if c.memberships.rows().any(|m| m.org == *org) {
                return Ok(true);
            }
            b.any(Table::Memberships, By::Org, org.as_str())
        })
    }

    /// The seats of a role (or of all) on an organ now, judged on `day`:
    /// named seats plus unnamed counted ones, as `at` would count them.
    pub fn seat_total(&self, organ: &OrganRef, role: Option<Role>, day: Day) -> u32 {
        let counted = self.read(|c, b| {
            c.counts.load(b, By::Organ, true, &organ.to_string())?;
            Ok(c.counts
                .find(By::Organ, true, &organ.to_string())
                .next()
                .is_some())
        });
        if counted {
            return self.current(organ, day).total(role);
        }
        let tally = self.read(|c, b| {
            load_organ(c, b, organ)?;
            Ok(c.tallies.get(organ).copied().unwrap_or_default())
        });
        match role {
            Some(r) => tally[role_index(r)],
            None => tally[0].saturating_add(tally[1]),
        }
    }

    /// The composition of an organ now, judged on `day`: open seats, open counts,
    /// and the holders' open alignments.
    pub fn current(&self, organ: &OrganRef, day: Day) -> Composition {
        let seats = self.open_seats_on(organ);
        let counts: Vec<CountRow> = self.read(|c, b| {
            c.counts.load(b, By::Organ, true, &organ.to_string())?;
            Ok(c.counts
                .find(By::Organ, true, &organ.to_string())
                .cloned()
                .collect())
        });
        let alignments: Vec<AlignmentRow> = seats
            .iter()
            .filter_map(|s| self.open_alignment(&s.person))
            .collect();
        compose(day, day, &seats, &counts, &alignments)
    }

    /// Open posts of a person.
    pub fn open_posts_of(&self, person: &PersonId) -> Vec<PostRow> {
        self.read(|c, b| {
            c.posts.load(b, By::Person, true, person.as_str())?;
            Ok(c.posts
                .find(By::Person, true, person.as_str())
                .cloned()
                .collect())
        })
    }

    /// Open tenures of a post, in key order.
    pub fn open_holders_of(&self, post: &PostRef) -> Vec<PostRow> {
        let id = post.to_string();
        let mut rows: Vec<PostRow> = self.read(|c, b| {
            c.posts.load(b, By::Post, true, &id)?;
            Ok(c.posts.find(By::Post, true, &id).cloned().collect())
        });
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        rows
    }

    /// The open membership of a person in an organization.
    pub fn membership(&self, person: &PersonId, org: &OrgId) -> Option<MembershipRow> {
        self.read(|c, b| {
            c.memberships.load(b, By::Person, true, person.as_str())?;
            Ok(c.memberships
                .find(By::Person, true, person.as_str())
                .find(|m| &m.org == org)
                .cloned())
        })
    }

    /// How many members (candidate or full; of `full` only, if set) an organization
    /// has now, by its open memberships. Loads the organization's register: the
    /// rules ask only where a statute needs it (a quorum or majority of all members
    /// that the record does not state).
    pub fn member_total(&self, org: &OrgId, full_only: bool) -> u32 {
        self.read(|c, b| {
            c.memberships.load(b, By::Org, true, org.as_str())?;
            let n = c
                .memberships
                .find(By::Org, true, org.as_str())
                .filter(|m| match m.status {
                    crate::rows::MemberStatus::Full => true,
                    crate::rows::MemberStatus::Candidate => !full_only,
                    crate::rows::MemberStatus::Suspended => false,
                })
                .count();
            Ok(u32::try_from(n).unwrap_or(u32::MAX))
        })
    }

    /// The open memberships of an organization (its register now), in key order.
    pub fn open_memberships_in(&self, org: &OrgId) -> Vec<MembershipRow> {
        let mut rows: Vec<MembershipRow> = self.read(|c, b| {
            c.memberships.load(b, By::Org, true, org.as_str())?;
            Ok(c.memberships
                .find(By::Org, true, org.as_str())
                .cloned()
                .collect())
        });
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        rows
    }

    /// Every membership row (open or closed) of a person in an organization, latest last.
    pub fn memberships_of(&self, person: &PersonId, org: &OrgId) -> Vec<MembershipRow> {
        let mut rows: Vec<MembershipRow> = self.read(|c, b| {
            c.memberships.load(b, By::Person, false, person.as_str())?;
            Ok(c.memberships
                .find(By::Person, false, person.as_str())
                .filter(|m| &m.org == org)
                .cloned()
                .collect())
        });
        rows.sort_by(|a, b| (a.start_pos, &a.key).cmp(&(b.start_pos, &b.key)));
        rows
    }

    /// The organization's row, if anything made one.
    pub fn org(&self, org: &OrgId) -> Option<OrgRow> {
        self.read(|c, b| {
            c.orgs.load(b, By::Key, false, org.as_str())?;
            Ok(c.orgs.get(org.as_str()).cloned())
        })
    }

    /// When a person died, if recorded.
    pub fn death(&self, person: &PersonId) -> Option<DeathRow> {
        self.read(|c, b| {
            c.deaths.load(b, By::Key, false, person.as_str())?;
            Ok(c.deaths.get(person.as_str()).cloned())
        })
    }

    /// A meeting, as recorded so far.
    pub fn meeting(&self, meeting: &MeetingId) -> Option<MeetingState> {
        self.meeting_row(meeting).map(|m| m.state())
    }

    pub(crate) fn meeting_row(&self, meeting: &MeetingId) -> Option<MeetingRow> {
        self.read(|c, b| {
            c.meetings.load(b, By::Key, false, meeting.as_str())?;
            Ok(c.meetings.get(meeting.as_str()).cloned())
        })
    }

    /// A decision.
    pub fn decision(&self, event: &EventId) -> Option<DecisionRow> {
        self.read(|c, b| {
            c.decisions.load(b, By::Key, false, event.as_str())?;
            Ok(c.decisions.get(event.as_str()).cloned())
        })
    }

    /// Meetings an organ has held so far, in date order.
    pub fn held_meetings(&self, organ: &OrganRef) -> Vec<HeldRow> {
        let id = organ.to_string();
        let mut rows: Vec<HeldRow> = self.read(|c, b| {
            c.held.load(b, By::Organ, false, &id)?;
            Ok(c.held.find(By::Organ, false, &id).cloned().collect())
        });
        rows.sort_by(|a, b| (&a.date, a.pos).cmp(&(&b.date, b.pos)));
        rows
    }

    /// An entity of the registry, as recorded.
    pub fn entity(&self, kind: EntityKind, id: &str) -> Option<Entity> {
        let key = Entity::key_of(kind, id);
        self.read(|c, b| {
            c.entities.load(b, By::Key, false, &key)?;
            Ok(c.entities.get(&key).cloned())
        })
    }

    /// The organ a meeting is of, as the registry records it.
    pub fn meeting_organ(&self, meeting: &MeetingId) -> Option<OrganRef> {
        self.entity(EntityKind::Meeting, meeting.as_str())
            .and_then(|e| e.organ)
            .and_then(|o| o.parse().ok())
    }

    /// The open (non-leader) alignment of a person.
    pub fn open_alignment(&self, person: &PersonId) -> Option<AlignmentRow> {
        self.read(|c, b| {
            c.alignments.load(b, By::Person, true, person.as_str())?;
            Ok(c.alignments
                .find(By::Person, true, person.as_str())
                .find(|a| !a.leader)
                .cloned())
        })
    }
}

/// Loads an organ's open seats and counts them by role, once.
/// The most values of one table [`History::prefetch`] reads at a time.
const PREFETCH_ROUND: usize = 500;

/// What [`History::prefetch`] looks up for a batch: the persons its events name, and
/// their entity keys.
pub struct Prefetch {
    persons: Vec<String>,
    keys: Vec<String>,
}

impl Prefetch {
    /// The persons these events name, sorted and without repeats.
    pub fn of(events: &[&crate::event::Event]) -> Prefetch {
        let mut persons: Vec<String> = Vec::new();
        for event in events {
            for (_, reference) in event.kind.references() {
                if let crate::event::Ref::Person(p) = reference {
                    persons.push(p.to_string());
                }
            }
        }
        persons.sort_unstable();
        persons.dedup();
        let keys = persons
            .iter()
            .map(|p| Entity::key_of(EntityKind::Person, p))
            .collect();
        Prefetch { persons, keys }
    }

    /// Runs `read` with the look-ups a fresh history's [`History::prefetch`] makes for
    /// these events, if it makes them in one read (none when no person is named, or
    /// more than one read's worth): what a store may read ahead
    /// ([`Backing::read_ahead`]).
    pub fn with_lookups<R>(&self, read: impl FnOnce(&[Lookup<'_>]) -> R) -> Option<R> {
        if self.persons.is_empty() || self.persons.len() > PREFETCH_ROUND {
            return None;
        }
        let ids: Vec<&str> = self.persons.iter().map(String::as_str).collect();
        let keys: Vec<&str> = self.keys.iter().map(String::as_str).collect();
        let parts = [&ids[..], &ids, &ids, &ids, &ids, &keys];
        Some(read(&Prefetch::lookups(&parts)))
    }

    /// The six look-ups of one read, of the values in `parts` (in the order
    /// [`History::prefetch`] merges them).
    fn lookups<'v>(parts: &[&'v [&'v str]]) -> Vec<Lookup<'v>> {
        const TABLES: [(Table, By, bool); 6] = [
            (SeatRow::TABLE, By::Person, false),
            (PostRow::TABLE, By::Person, true),
            (MembershipRow::TABLE, By::Person, false),
            (AlignmentRow::TABLE, By::Person, false),
            (DeathRow::TABLE, By::Key, false),
            (Entity::TABLE, By::Key, false),
        ];
        TABLES
            .iter()
            .zip(parts)
            .map(|(&(table, by, open_only), &values)| Lookup {
                table,
                by,
                values,
                open_only,
            })
            .collect()
    }
}

fn load_organ(c: &mut Caches, b: &dyn Backing, organ: &OrganRef) -> Result<(), BackingError> {
    if c.tallies.contains_key(organ) {
        return Ok(());
    }
    let id = organ.to_string();
    c.seats.load(b, By::Organ, true, &id)?;
    let mut tally = [0u32; 2];
    for seat in c.seats.find(By::Organ, true, &id) {
        tally[role_index(seat.role)] += 1;
    }
    c.tallies.insert(organ.clone(), tally);
    Ok(())
}

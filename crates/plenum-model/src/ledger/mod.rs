//! The one write path: a batch of events checked in ledger order, judged and applied in
//! date order, and written with the rows it changes, all or nothing.
//!
//! [`record`] runs inside a store's transaction ([`Writer`]). It reads only
//! what the batch needs:
//!
//! 1. **Registry** (ledger order): every event's references and declarations
//!    are checked against the entities and event ids recorded before it; a
//!    refusal stops the batch before anything is written.
//! 2. **Roll back** (only for a back-dated batch or a correction): every row
//!    written by an event at or after the earliest position the batch affects
//!    is undone ([`crate::rows::Row::rolled_back`]).
//! 3. **Apply** (date order): the batch's events, merged with the recorded
//!    events after that position, are judged by the rules on the history
//!    before each and applied; their findings are rows too.
//! 4. **Append**: the entries, committing to the projections as they now stand.
//!
//! A batch dated on or after everything recorded costs the batch plus index
//! look-ups; a back-dated one also re-derives what lies after its earliest day.

mod apply;
mod bars;
mod facts;
mod positions;
mod posts;
mod renewal;
mod tables;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::event::{Event, EventKind};
use crate::finding::Finding;
use crate::history::{BackingError, Change, History, Writer};
use crate::id::{EventId, PersonId, Pos, Seq};
use crate::registry::{CheckError, Refusal, Registry};
use crate::rows::{AnyRow, FindingRow, Table};
use crate::rules;
use crate::statute::{self, StatuteBook};

pub use tables::{Tables, closest};

/// How many events are applied between two writes to the backing: bounds the memory
/// a large batch or a deep re-derivation takes.
const CHUNK: usize = 20_000;

/// A refused event of a batch: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("event {index} (`{id}`): {refusal}")]
pub struct Refused {
    /// Its index in the batch.
    pub index: usize,
    /// Its id.
    pub id: EventId,
    /// Why.
    pub refusal: Refusal,
}

/// Why a batch was not recorded. Either way, nothing of it was written.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// An event was refused (unknown reference, duplicate id, bad shape).
    #[error(transparent)]
    Refused(#[from] Refused),
    /// The ledger cannot hold more entries (positions are 32-bit).
    #[error("the ledger is full: it cannot hold more than 4,294,967,295 entries")]
    Full,
    /// The store failed.
    #[error("{0}")]
    Backing(BackingError),
}

/// What recording a batch did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recorded {
    /// The position of the batch's first entry.
    pub first: Seq,
    /// The position of its last.
    pub last: Seq,
    /// The findings about the batch's events.
    pub findings: Vec<Finding>,
    /// Rows undone because the batch reaches back before them.
    pub rolled_back: u64,
    /// Recorded events applied again after them.
    pub reapplied: u64,
}

/// The statute book of a ledger: the effective `statute_adopted` and
/// `organization_founded` events (parents and categories), in ledger order.
#[derive(Default)]
struct Statutes {
    events: Vec<Event>,
}

impl Statutes {
    /// The earliest day on which the book's answers may differ from before the change
    /// of `id` (retracted, replaced or added): the earliest effective day of the
    /// versions that statute adopts or replaces.
    fn earliest_effect(&self, event: &Event, book: &StatuteBook) -> Option<crate::date::Day> {
        let s = match &event.kind {
            EventKind::StatuteAdopted(s) => s,
            // A founding changed: the template judging the organization may change.
            EventKind::OrganizationFounded(_) => return Some(event.date.earliest()),
            _ => return None,
        };
        let document = statute::read(&s.text).ok()?;
        document
            .versions
            .iter()
            .flat_map(|v| {
                let replaced = book
                    .versions_of(&v.org)
                    .iter()
                    .filter(|old| old.id == v.id)
                    .map(|old| old.effective.earliest());
                std::iter::once(v.effective.earliest()).chain(replaced)
            })
            .min()
    }
}

fn refused(index: usize, event: &Event, error: CheckError) -> RecordError {
    match error {
        CheckError::Refused(refusal) => RecordError::Refused(Refused {
            index,
            id: event.id.clone(),
            refusal,
        }),
        CheckError::Backing(e) => RecordError::Backing(e),
    }
}

/// Lets the backing read, with the registry's look-ups, those the history will make
/// first: for a batch dated after everything recorded, its own events' (a back-dated
/// batch's first history also holds recorded events, and is read as it comes).
fn read_ahead(tx: &dyn Writer, events: &[Event], head: Seq, last: Option<Pos>) {
    let after_all = events.iter().enumerate().all(|(index, event)| {
        let pos = Pos::new(event.date.earliest(), Seq(head.0 + 1 + index as u64));
        last.is_none_or(|l| pos > l)
    });
    if events.len() <= CHUNK && after_all {
        let named: Vec<&Event> = events.iter().collect();
        crate::history::Prefetch::of(&named).with_lookups(|l| tx.read_ahead(l));
    }
}

/// Calls `visit` with the look-ups [`record`] reads first for `events`, before it judges
/// anything: the registry's, then those the history will ask first (which `record`
/// announces with [`Backing::read_ahead`] when the batch comes after everything recorded).
/// A store whose reads cross a network may read them before the batch's turn to write,
/// and answer `record`'s reads from them if its tables have not changed since (each
/// answer laid over with the changes made by then, as for a read ahead).
///
/// [`Backing::read_ahead`]: crate::history::Backing::read_ahead
pub fn first_reads(events: &[Event], visit: &mut dyn FnMut(&[crate::history::Lookup<'_>])) {
    crate::registry::first_read(events, visit);
    if events.len() <= CHUNK {
        let named: Vec<&Event> = events.iter().collect();
        crate::history::Prefetch::of(&named).with_lookups(|l| visit(l));
    }
}

fn lower(from: &mut Option<Pos>, pos: Pos) {
    *from = Some(from.map_or(pos, |f| f.min(pos)));
}

/// Checks and records a batch inside a store's transaction: every event, or none.
pub fn record(tx: &mut dyn Writer, events: &[Event]) -> Result<Recorded, RecordError> {
    let backing = RecordError::Backing;
    let head = tx.head().map_err(backing)?;
    let last = tx.last_pos().map_err(backing)?;
    let mut statutes = Statutes {
        events: tx.statutes().map_err(backing)?,
    };
    let mut book = tx.statute_book(&statutes.events);

    // 1. The registry, in ledger order.
    let mut registry = Registry::new(&*tx, head);
    read_ahead(&*tx, events, head, last);
    registry.prefetch(events).map_err(backing)?;
    let mut fresh: Vec<(Pos, Event)> = Vec::new();
    let mut from: Option<Pos> = None;
    for (index, event) in events.iter().enumerate() {
        let seq = Seq(head.0 + 1 + index as u64);
        let pos = Pos::new(event.date.earliest(), seq);
        pos.to_i64().ok_or(RecordError::Full)?;
        registry
            .check(event, &book)
            .map_err(|e| refused(index, event, e))?;
        registry.record(event, seq, pos).map_err(backing)?;
        match &event.kind {
            EventKind::EventRetracted(r) => {
                if let Some(old) = registry.retract(&r.target).map_err(backing)? {
                    lower(&mut from, old);
                }
                fresh.retain(|(_, e)| e.id != r.target);
                if let Some(i) = statutes.events.iter().position(|e| e.id == r.target) {
                    let old = statutes.events.remove(i);
                    if let Some(day) = statutes.earliest_effect(&old, &book) {
                        lower(&mut from, Pos::start_of(day));
                    }
                    book = tx.statute_book(&statutes.events);
                }
            }
            EventKind::EventSuperseded(s) => {
                let replacement = (*s.replacement).clone();
                if let Some((old, new)) = registry.supersede(&replacement, seq).map_err(backing)? {
                    lower(&mut from, old.min(new));
                    fresh.retain(|(_, e)| e.id != s.target);
                    fresh.push((new, replacement.clone()));
                }
                if let Some(i) = statutes.events.iter().position(|e| e.id == s.target) {
                    let old = std::mem::replace(&mut statutes.events[i], replacement.clone());
                    for changed in [&old, &replacement] {
                        if let Some(day) = statutes.earliest_effect(changed, &book) {
                            lower(&mut from, Pos::start_of(day));
                        }
                    }
                    book = tx.statute_book(&statutes.events);
                }
            }
            EventKind::StatuteAdopted(_) => {
                if let Some(day) = statutes.earliest_effect(event, &book) {
                    lower(&mut from, Pos::start_of(day));
                }
                statutes.events.push(event.clone());
                book = tx.statute_book(&statutes.events);
                fresh.push((pos, event.clone()));
            }
            EventKind::OrganizationFounded(f) => {
                // Its parent and category say which template of a statute governs it.
                statutes.events.push(event.clone());
                Arc::make_mut(&mut book).found(f.org.clone(), f.parent.clone(), f.category.clone());
                if let Some(d) = &f.decision {
                    Arc::make_mut(&mut book).founded_on(f.org.clone(), d.clone());
                }
                fresh.push((pos, event.clone()));
            }
            _ => fresh.push((pos, event.clone())),
        }
    }
    let renamed = registry.changed_persons();
    let changes = registry.into_changes();
    tx.write(&changes).map_err(backing)?;
    fresh.sort_by_key(|(pos, _)| *pos);
    if let Some((first, _)) = fresh.first() {
        lower(&mut from, *first);
    }

    // 2. Roll back what follows the earliest position the batch affects.
    let mut outcome = Recorded {
        first: Seq(head.0 + 1),
        last: Seq(head.0 + events.len() as u64),
        ..Recorded::default()
    };
    let mut realign: BTreeSet<PersonId> = renamed.into_iter().collect();
    let reach = from.filter(|f| last.is_some_and(|l| *f <= l));
    if let Some(point) = reach {
        for &table in Table::ALL.iter().filter(|t| t.dated()) {
            loop {
                let rows = tx.touched_since(table, point, CHUNK).map_err(backing)?;
                if rows.is_empty() {
                    break;
                }
                outcome.rolled_back += rows.len() as u64;
                let changes: Vec<Change> = rows
                    .into_iter()
                    .map(|row| {
                        match &row {
                            AnyRow::Seat(s) => {
                                realign.insert(s.person.clone());
                            }
                            AnyRow::Alignment(a) => {
                                realign.insert(a.person.clone());
                            }
                            _ => {}
                        }
                        Change {
                            after: row.rolled_back(point),
                            before: Some(row),
                        }
                    })
                    .collect();
                tx.write(&changes).map_err(backing)?;
            }
        }
    }

    // 3. Apply, in date order: the recorded events after the point, merged with the batch.
    let ids: BTreeSet<&EventId> = events.iter().map(|e| &e.id).collect();
    let mut fresh = fresh.into_iter().peekable();
    let mut recorded_after: Option<Pos> = None;
    let mut old: std::collections::VecDeque<(Pos, Event)> = Default::default();
    let mut old_done = reach.is_none();
    loop {
        let mut chunk: Vec<(Pos, Event)> = Vec::new();
        while chunk.len() < CHUNK {
            if old.is_empty()
                && !old_done
                && let Some(point) = reach
            {
                let page = tx
                    .events_from(point, recorded_after, head, CHUNK)
                    .map_err(backing)?;
                old_done = page.len() < CHUNK;
                recorded_after = page.last().map(|(p, _)| *p).or(recorded_after);
                old.extend(page);
            }
            let take_old = match (old.front(), fresh.peek()) {
                (Some((a, _)), Some((b, _))) => a < b,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_old {
                outcome.reapplied += 1;
                old.pop_front()
            } else {
                fresh.next()
            };
            chunk.extend(next);
        }
        if chunk.is_empty() && realign.is_empty() {
            break;
        }
        let mut history = History::new(&*tx);
        history.prefetch(&chunk.iter().map(|(_, e)| e).collect::<Vec<_>>());
        let mut findings: Vec<Change> = Vec::new();
        for (pos, event) in &chunk {
            let found = rules::check_event(&history, &book, event);
            for (n, finding) in found.into_iter().enumerate() {
                if finding.events.iter().any(|e| ids.contains(e)) {
                    outcome.findings.push(finding.clone());
                }
                findings.push(Change {
                    before: None,
                    after: Some(AnyRow::Finding(FindingRow::new(
                        &event.id, n, finding, *pos,
                    ))),
                });
            }
            apply::apply(&mut history, event, *pos, &book);
            if let Some(e) = history.take_error() {
                return Err(RecordError::Backing(e));
            }
        }
        realign.extend(std::mem::take(&mut history.touched_persons));
        let persons: Vec<PersonId> = std::mem::take(&mut realign).into_iter().collect();
        history.refresh_holders(&persons);
        let mut changes = history.into_changes().map_err(backing)?;
        changes.extend(findings);
        tx.write(&changes).map_err(backing)?;
        if chunk.is_empty() {
            break;
        }
    }

    // 4. The entries.
    tx.append(events).map_err(backing)?;
    Ok(outcome)
}

/// The projections of a ledger holding these events, recorded in one batch from nothing.
pub fn replay(events: &[Event]) -> Result<Tables, RecordError> {
    let mut tables = Tables::default();
    record(&mut tables, events)?;
    Ok(tables)
}

#[cfg(test)]
mod acting_tests;
#[cfg(test)]
mod acts_for_tests;
#[cfg(test)]
mod admission_tests;
#[cfg(test)]
mod age_tests;
#[cfg(test)]
mod all_members_tests;
#[cfg(test)]
mod amendment_notice_tests;
#[cfg(test)]
mod appeal_body_tests;
#[cfg(test)]
mod attendance_tests;
#[cfg(test)]
mod ballot_tests;
#[cfg(test)]
mod bar_tests;
#[cfg(test)]
mod base_tests;
#[cfg(test)]
mod between_tests;
#[cfg(test)]
mod business_tests;
#[cfg(test)]
mod candidacy_tests;
#[cfg(test)]
mod case_recusal_tests;
#[cfg(test)]
mod class_tests;
#[cfg(test)]
mod co_option_tests;
#[cfg(test)]
mod competence_tests;
#[cfg(test)]
mod composed_tests;
#[cfg(test)]
mod conditions_tests;
#[cfg(test)]
mod consent_tests;
#[cfg(test)]
mod constituency_tests;
#[cfg(test)]
mod counting_tests;
#[cfg(test)]
mod declared_vacant_tests;
#[cfg(test)]
mod delegate_term_tests;
#[cfg(test)]
mod delegates_tests;
#[cfg(test)]
mod direction_tests;
#[cfg(test)]
mod dissolution_ground_tests;
#[cfg(test)]
mod engine_bar_tests;
#[cfg(test)]
mod engine_penalty_tests;
#[cfg(test)]
mod engine_tests;
#[cfg(test)]
mod evidence_tests;
#[cfg(test)]
mod first_reads_tests;
#[cfg(test)]
mod founder_tests;
#[cfg(test)]
mod founding_tests;
#[cfg(test)]
mod grounds_tests;
#[cfg(test)]
mod group_tests;
#[cfg(test)]
mod hearing_tests;
#[cfg(test)]
mod historian_tests;
#[cfg(test)]
mod leadership_tests;
#[cfg(test)]
mod level_power_tests;
#[cfg(test)]
mod meeting_clause_tests;
#[cfg(test)]
mod meeting_term_tests;
#[cfg(test)]
mod member_of_tests;
#[cfg(test)]
mod member_tests;
#[cfg(test)]
mod membership_act_tests;
#[cfg(test)]
mod nominal_tests;
#[cfg(test)]
mod nominations_tests;
#[cfg(test)]
mod non_voting_tests;
#[cfg(test)]
mod not_on_tests;
#[cfg(test)]
mod notice_by_tests;
#[cfg(test)]
mod notified_tests;
#[cfg(test)]
mod off_schedule_tests;
#[cfg(test)]
mod office_discipline_tests;
#[cfg(test)]
mod office_tests;
#[cfg(test)]
mod one_vote_tests;
#[cfg(test)]
mod or_by_tests;
#[cfg(test)]
mod org_requisition_tests;
#[cfg(test)]
mod outside_tests;
#[cfg(test)]
mod plurality_tests;
#[cfg(test)]
mod positions_tests;
#[cfg(test)]
mod probation_date_tests;
#[cfg(test)]
mod procedure_tests;
#[cfg(test)]
mod proxies_tests;
#[cfg(test)]
mod reaching_tests;
#[cfg(test)]
mod record_date_tests;
#[cfg(test)]
mod recusal_tests;
#[cfg(test)]
mod referral_tests;
#[cfg(test)]
mod regions_tests;
#[cfg(test)]
mod register_size_tests;
#[cfg(test)]
mod renewal_tests;
#[cfg(test)]
mod seat_minimum_tests;
#[cfg(test)]
mod seats_set_tests;
#[cfg(test)]
mod service_tests;
#[cfg(test)]
mod statute_tests;
#[cfg(test)]
mod steps_tests;
#[cfg(test)]
mod subordinate_tests;
#[cfg(test)]
mod succession_tests;
#[cfg(test)]
mod suspension_tests;
#[cfg(test)]
mod target_tests;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod tied_tests;
#[cfg(test)]
mod time_tests;
#[cfg(test)]
mod trial_tests;
#[cfg(test)]
mod unit_tests;
#[cfg(test)]
mod unknown_class_tests;
#[cfg(test)]
mod urged_withdrawal_tests;
#[cfg(test)]
mod weighted_tests;
#[cfg(test)]
mod withdrawal_tests;

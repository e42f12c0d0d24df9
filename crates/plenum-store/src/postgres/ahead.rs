//! Look-ups read ahead: what a batch's history will ask first, read with the registry's
//! look-ups in the same exchange with the server.
//!
//! The model says which look-ups will follow ([`Backing::read_ahead`]); the next read
//! carries them along, and the database's answers wait here until they are asked for,
//! to be laid over with the changes held by then. Anything written to the database in
//! between makes them stale: [`ReadAhead::forget`] drops them.
//!
//! A writer also reads before its turn what its batch will read first ([`Prefetched`],
//! the model's [`first_reads`]), with the head those answers hold for, on a connection of
//! its own while other batches are judged: its turn uses them only if the ledger is still
//! at that head and nothing has been written in the transaction since it began.
//!
//! [`Backing::read_ahead`]: plenum_model::history::Backing::read_ahead
//! [`first_reads`]: plenum_model::ledger::first_reads

use std::collections::HashMap;

use plenum_model::event::Event;
use plenum_model::history::Lookup;
use plenum_model::rows::{AnyRow, By, Table};

use super::conn::Conn;
use super::read;
use crate::{Error, Head};

/// One look-up, owned: its table, column, whether only open rows, and its values sorted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Asked {
    table: Table,
    by: By,
    open_only: bool,
    values: Vec<String>,
}

impl Asked {
    fn of(lookup: &Lookup<'_>) -> Asked {
        let mut values: Vec<String> = lookup.values.iter().map(|v| (*v).to_owned()).collect();
        values.sort_unstable();
        values.dedup();
        Asked {
            table: lookup.table,
            by: lookup.by,
            open_only: lookup.open_only,
            values,
        }
    }
}

/// Runs `f` over owned look-ups as the model's.
fn as_lookups<R>(asked: &[Asked], f: impl FnOnce(&[Lookup<'_>]) -> R) -> R {
    let values: Vec<Vec<&str>> = asked
        .iter()
        .map(|a| a.values.iter().map(String::as_str).collect())
        .collect();
    let lookups: Vec<Lookup<'_>> = asked
        .iter()
        .zip(&values)
        .map(|(a, values)| Lookup {
            table: a.table,
            by: a.by,
            values,
            open_only: a.open_only,
        })
        .collect();
    f(&lookups)
}

/// What a batch reads first, read before its turn, and the head its answers hold for.
#[derive(Debug)]
pub(crate) struct Prefetched {
    pub head: Head,
    answers: Vec<(Asked, Vec<AnyRow>)>,
}

impl Prefetched {
    /// Reads, in one statement, what recording `events` will read first.
    pub(crate) fn read(conn: &mut Conn, events: &[Event]) -> Result<Prefetched, Error> {
        let mut asked: Vec<Asked> = Vec::new();
        plenum_model::ledger::first_reads(events, &mut |lookups| {
            asked.extend(
                lookups
                    .iter()
                    .filter(|l| !l.values.is_empty())
                    .map(Asked::of),
            );
        });
        let (head, answers) =
            as_lookups(&asked, |lookups| read::select_each_at_head(conn, lookups))?;
        Ok(Prefetched {
            head,
            answers: asked.into_iter().zip(answers).collect(),
        })
    }
}

/// Look-ups announced and not yet read, and the database's answers to those read.
#[derive(Debug, Default)]
pub(crate) struct ReadAhead {
    pending: Vec<Asked>,
    read: HashMap<Asked, Vec<AnyRow>>,
}

impl ReadAhead {
    /// Notes look-ups to read with the next read (unless their answers are here).
    pub(crate) fn announce(&mut self, lookups: &[Lookup<'_>]) {
        let new: Vec<Asked> = lookups
            .iter()
            .filter(|l| !l.values.is_empty())
            .map(Asked::of)
            .filter(|a| !self.read.contains_key(a))
            .collect();
        self.pending.extend(new);
    }

    /// Takes the answers read before the batch's turn, as if read ahead: the caller
    /// knows the database still holds what they were read from.
    pub(crate) fn seed(&mut self, prefetched: Prefetched) {
        self.read.extend(prefetched.answers);
    }

    /// The database's answers to `lookups`, if every one was read ahead (each is
    /// answered once).
    pub(crate) fn answer(&mut self, lookups: &[Lookup<'_>]) -> Option<Vec<Vec<AnyRow>>> {
        let asked: Vec<Option<Asked>> = lookups
            .iter()
            .map(|l| (!l.values.is_empty()).then(|| Asked::of(l)))
            .collect();
        let all_read = asked.iter().flatten().all(|a| self.read.contains_key(a));
        if !all_read || asked.iter().all(Option::is_none) {
            return None;
        }
        Some(
            asked
                .into_iter()
                .map(|a| a.and_then(|a| self.read.remove(&a)).unwrap_or_default())
                .collect(),
        )
    }

    /// Runs `read` over `lookups` followed by every look-up announced, keeps the answers
    /// to the announced ones and returns those to `lookups`.
    pub(crate) fn read_with<E>(
        &mut self,
        lookups: &[Lookup<'_>],
        read: impl FnOnce(&[Lookup<'_>]) -> Result<Vec<Vec<AnyRow>>, E>,
    ) -> Result<Vec<Vec<AnyRow>>, E> {
        if self.pending.is_empty() {
            return read(lookups);
        }
        let pending = std::mem::take(&mut self.pending);
        let mut answers = as_lookups(&pending, |ahead| {
            let mut all: Vec<Lookup<'_>> = lookups.to_vec();
            all.extend_from_slice(ahead);
            read(&all)
        })?;
        let ahead = answers.split_off(lookups.len());
        self.read.extend(pending.into_iter().zip(ahead));
        Ok(answers)
    }

    /// Drops everything read ahead or announced: the database changed.
    pub(crate) fn forget(&mut self) {
        self.pending.clear();
        self.read.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup<'v>(table: Table, values: &'v [&'v str]) -> Lookup<'v> {
        Lookup {
            table,
            by: By::Person,
            values,
            open_only: false,
        }
    }

    /// A database that answers every look-up with no rows, counting its reads.
    fn reads(calls: &mut usize) -> impl FnMut(&[Lookup<'_>]) -> Result<Vec<Vec<AnyRow>>, ()> + '_ {
        move |lookups| {
            *calls += 1;
            Ok(lookups.iter().map(|_| Vec::new()).collect())
        }
    }

    #[test]
    fn announced_lookups_travel_with_the_next_read_and_are_answered_once() {
        let mut ahead = ReadAhead::default();
        let seats = ["p2", "p1"];
        let same_sorted = ["p1", "p2"];
        ahead.announce(&[lookup(Table::Seats, &seats)]);
        let mut calls = 0;
        let entities = ["k"];
        let mut asked = Vec::new();
        let answers = ahead
            .read_with(&[lookup(Table::Entities, &entities)], |all| {
                asked = all.iter().map(|l| (l.table, l.values.len())).collect();
                reads(&mut calls)(all)
            })
            .unwrap();
        assert_eq!(answers.len(), 1, "only the caller's own answers come back");
        assert_eq!(asked, vec![(Table::Entities, 1), (Table::Seats, 2)]);
        assert_eq!(calls, 1);
        // The same look-up, its values in another order, is answered from what was read.
        assert!(
            ahead
                .answer(&[lookup(Table::Seats, &same_sorted)])
                .is_some()
        );
        // Once.
        assert!(
            ahead
                .answer(&[lookup(Table::Seats, &same_sorted)])
                .is_none()
        );
    }

    #[test]
    fn a_lookup_not_read_ahead_is_not_answered_and_forget_drops_everything() {
        let mut ahead = ReadAhead::default();
        let seats = ["p1"];
        let other = ["p9"];
        ahead.announce(&[lookup(Table::Seats, &seats)]);
        let mut calls = 0;
        ahead.read_with(&[], reads(&mut calls)).unwrap();
        assert!(ahead.answer(&[lookup(Table::Seats, &other)]).is_none());
        assert!(ahead.answer(&[lookup(Table::Posts, &seats)]).is_none());
        ahead.forget();
        assert!(ahead.answer(&[lookup(Table::Seats, &seats)]).is_none());
        // Nothing announced: a read goes through as asked.
        ahead
            .read_with(&[lookup(Table::Seats, &seats)], reads(&mut calls))
            .unwrap();
        assert_eq!(calls, 2);
    }
}

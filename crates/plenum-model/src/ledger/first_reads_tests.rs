//! [`first_reads`] says what [`record`] reads first: a store that reads it before the
//! batch's turn must find every one of `record`'s first reads among its answers.

use std::cell::RefCell;

use super::tests::{build, statute_event};
use super::*;
use crate::event::read::{Format, read};
use crate::history::{Backing, Lookup};
use crate::id::EntityKind;
use crate::rows::By;

/// A look-up as compared here: table, column, open only, values sorted.
type Asked = (Table, By, bool, Vec<String>);

fn asked(lookups: &[Lookup<'_>]) -> Vec<Asked> {
    lookups
        .iter()
        .filter(|l| !l.values.is_empty())
        .map(|l| {
            let mut values: Vec<String> = l.values.iter().map(|v| (*v).to_owned()).collect();
            values.sort_unstable();
            (l.table, l.by, l.open_only, values)
        })
        .collect()
}

/// The in-memory tables, noting every read of several look-ups and every announcement.
struct Noted {
    tables: Tables,
    reads: RefCell<Vec<Vec<Asked>>>,
}

impl Backing for Noted {
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        self.tables.select(table, by, value, open)
    }
    fn select_each(&self, lookups: &[Lookup<'_>]) -> Result<Vec<Vec<AnyRow>>, BackingError> {
        self.reads.borrow_mut().push(asked(lookups));
        self.tables.select_each(lookups)
    }
    fn read_ahead(&self, lookups: &[Lookup<'_>]) {
        self.reads.borrow_mut().push(asked(lookups));
    }
    fn touched_since(&self, t: Table, from: Pos, n: usize) -> Result<Vec<AnyRow>, BackingError> {
        self.tables.touched_since(t, from, n)
    }
    fn events_from(
        &self,
        from: Pos,
        after: Option<Pos>,
        through: Seq,
        limit: usize,
    ) -> Result<Vec<(Pos, Event)>, BackingError> {
        self.tables.events_from(from, after, through, limit)
    }
    fn last_pos(&self) -> Result<Option<Pos>, BackingError> {
        self.tables.last_pos()
    }
    fn statutes(&self) -> Result<Vec<Event>, BackingError> {
        self.tables.statutes()
    }
    fn head(&self) -> Result<Seq, BackingError> {
        self.tables.head()
    }
    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError> {
        self.tables.suggest(kind, id)
    }
}

impl Writer for Noted {
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError> {
        self.tables.write(changes)
    }
    fn append(&mut self, events: &[Event]) -> Result<(), BackingError> {
        self.tables.append(events)
    }
}

const FOUNDED: &str = r#"
[[event]]
id = "org"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"

[[event]]
id = "p-kim"
date = "1912"
kind = "person_registered"
person = "kim"
name = "Kim Il-sung"
"#;

const BATCH: &str = r#"
[[event]]
id = "p-pak"
date = "1946-09-01"
kind = "person_registered"
person = "pak"
name = "Pak Chang-ok"

[[event]]
id = "m-kim"
date = "1946-09-01"
kind = "member_admitted"
person = "kim"
org = "party"

[[event]]
id = "m-pak"
date = "1946-09-02"
kind = "member_admitted"
person = "pak"
org = "party"
"#;

fn events(text: &str) -> Vec<Event> {
    read(text, Format::Toml)
        .unwrap_or_else(|e| panic!("{e:?}"))
        .into_iter()
        .map(|l| l.event)
        .collect()
}

/// What `first_reads` says, and what `record` read (and announced) in order.
fn both(before: &str, batch: &str) -> (Vec<Vec<Asked>>, Vec<Vec<Asked>>) {
    let batch = events(batch);
    let mut said = Vec::new();
    first_reads(&batch, &mut |l| said.push(asked(l)));
    let mut noted = Noted {
        tables: build(before),
        reads: RefCell::new(Vec::new()),
    };
    record(&mut noted, &batch).unwrap_or_else(|e| panic!("{e}"));
    (said, noted.reads.into_inner())
}

#[test]
fn first_reads_are_the_registrys_read_and_the_historys_announcement() {
    let (said, read) = both(FOUNDED, BATCH);
    assert_eq!(
        said.len(),
        2,
        "the registry's read and the history's: {said:?}"
    );
    // `record` announces the history's look-ups, then makes the registry's read.
    assert!(read.len() >= 2, "{read:?}");
    assert_eq!(said[1], read[0], "the history's look-ups, announced first");
    assert_eq!(said[0], read[1], "the registry's read");
    let persons: Vec<String> = vec!["kim".into(), "pak".into()];
    assert!(
        said[1]
            .iter()
            .any(|(_, by, _, v)| *by == By::Person && *v == persons)
    );
}

#[test]
fn a_back_dated_batch_announces_nothing_and_the_registrys_read_still_matches() {
    let later = r#"
[[event]]
id = "m-kim"
date = "1950-01-01"
kind = "member_admitted"
person = "kim"
org = "party"
"#;
    let back_dated = r#"
[[event]]
id = "p-pak"
date = "1946-09-01"
kind = "person_registered"
person = "pak"
name = "Pak Chang-ok"

[[event]]
id = "m-pak"
date = "1946-09-02"
kind = "member_admitted"
person = "pak"
org = "party"
"#;
    let (said, read) = both(&format!("{FOUNDED}{later}"), back_dated);
    assert_eq!(said.len(), 2, "{said:?}");
    assert_eq!(said[0], read[0], "the registry's read comes first");
    assert_ne!(
        read.get(1),
        Some(&said[1]),
        "nothing read ahead for a back-dated batch"
    );
}

#[test]
fn the_statute_event_alone_still_has_a_registry_read() {
    let mut said = Vec::new();
    first_reads(&[statute_event()], &mut |l| said.push(asked(l)));
    assert_eq!(said.len(), 1, "no person named: no history look-ups");
    assert!(said[0].iter().any(|(t, ..)| *t == Table::Entities));
}

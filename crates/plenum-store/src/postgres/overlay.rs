//! Row changes held back from the database, answering the write path's look-ups.
//!
//! The batches of a group transaction write nothing while they are judged: their row
//! changes and entries wait here and go to the database as one statement when the group
//! commits. A look-up reads the database and then this overlay: a row the overlay holds
//! is answered as the overlay has it (changed, or gone), whatever the database says.
//! It must never answer a look-up the database would answer differently once the held
//! changes are written: it matches rows exactly as `read::select_many`'s `WHERE` does.

use foldhash::{HashMap, HashSet};

use plenum_model::history::Change;
use plenum_model::rows::{AnyRow, By, Table};

/// An entry appended and not yet written: seq, recorded at, payload, closing digest,
/// chain hash.
pub(crate) type Entry = (i64, String, Vec<u8>, Option<Vec<u8>>, Vec<u8>);

/// Every look-up column kind: the overlay indexes a held row by each its table has.
const EVERY_BY: [By; 9] = [
    By::Key,
    By::Person,
    By::Organ,
    By::Org,
    By::Post,
    By::Faction,
    By::Earlier,
    By::Kind,
    By::Event,
];

/// Fails to compile when `By` gains a kind that [`EVERY_BY`] does not list.
#[allow(dead_code)]
fn every_by_is_complete(by: By) {
    match by {
        By::Key
        | By::Person
        | By::Organ
        | By::Org
        | By::Post
        | By::Faction
        | By::Earlier
        | By::Kind
        | By::Event => {}
    }
}

/// The chunk `chunks` ends with, begun if there is none.
fn last_chunk<T>(chunks: &mut Vec<Vec<T>>) -> &mut Vec<T> {
    if chunks.is_empty() {
        chunks.push(Vec::new());
    }
    let last = chunks.len() - 1;
    &mut chunks[last]
}

/// Row changes and entries not yet written, in the order they were made.
#[derive(Clone, Debug, Default)]
pub(crate) struct Overlay {
    /// Every change, in order, in the chunks its batches made: what is written (netted
    /// per row) at the end. Absorbing a batch moves its chunk in, rather than copying
    /// its changes onto the end of one vector that grows with the group (and is
    /// reallocated as it does, inside the writers' turn).
    changes: Vec<Vec<Change>>,
    /// Entries appended, in order, in chunks likewise.
    entries: Vec<Vec<Entry>>,
    /// How each row changed here ends, by table and key (`None`: gone).
    latest: HashMap<Table, HashMap<String, Option<AnyRow>>>,
    /// The keys of rows that had a look-up value here (they may have changed since).
    index: HashMap<(Table, By), HashMap<String, HashSet<String>>>,
}

impl Overlay {
    /// Whether nothing is held to be written (rows already written may still answer
    /// look-ups: see [`Overlay::take_unwritten`]).
    pub fn is_empty(&self) -> bool {
        self.changes.iter().all(Vec::is_empty) && self.entries.iter().all(Vec::is_empty)
    }

    /// How many batches' entries are held to be written (every batch recorded appends
    /// at least one entry, in a chunk of its own).
    pub fn batches_unwritten(&self) -> usize {
        self.entries.iter().filter(|e| !e.is_empty()).count()
    }

    /// Holds `changes` (their `before` is what the database and this overlay answer).
    pub fn write(&mut self, changes: &[Change]) {
        for change in changes {
            self.note(change);
        }
        last_chunk(&mut self.changes).extend_from_slice(changes);
    }

    /// Holds an entry.
    pub fn append(&mut self, entry: Entry) {
        last_chunk(&mut self.entries).push(entry);
    }

    /// The changes held, in the order they were made.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().flatten()
    }

    /// The entries held, in the order they were appended.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    fn note(&mut self, change: &Change) {
        if let Some(before) = &change.before {
            self.latest
                .entry(before.table())
                .or_default()
                .insert(before.key().into_owned(), None);
        }
        if let Some(after) = &change.after {
            let table = after.table();
            let key = after.key().into_owned();
            for by in EVERY_BY {
                if table.lookup(by).is_none() {
                    continue;
                }
                if let Some(value) = after.lookup(by) {
                    self.index
                        .entry((table, by))
                        .or_default()
                        .entry(value)
                        .or_default()
                        .insert(key.clone());
                }
            }
            self.latest
                .entry(table)
                .or_default()
                .insert(key, Some(after.clone()));
        }
    }

    /// Takes on what `later` holds, as made after what this overlay holds.
    pub fn absorb(&mut self, later: Overlay) {
        if self.is_empty() && self.latest.is_empty() {
            *self = later;
            return;
        }
        // What `later` noted of its changes, over what this overlay noted of its own:
        // the same as noting them again, in order.
        for (table, rows) in later.latest {
            self.latest.entry(table).or_default().extend(rows);
        }
        for (column, values) in later.index {
            let index = self.index.entry(column).or_default();
            for (value, keys) in values {
                index.entry(value).or_default().extend(keys);
            }
        }
        self.changes.extend(later.changes);
        self.entries.extend(later.entries);
    }

    /// Hands over the changes and entries not yet written, in their chunks, to be
    /// written now; the rows they leave still answer look-ups (laid over reads made
    /// before they were written, as the batches' reads ahead are).
    pub fn take_unwritten(&mut self) -> (Vec<Vec<Change>>, Vec<Vec<Entry>>) {
        (
            std::mem::take(&mut self.changes),
            std::mem::take(&mut self.entries),
        )
    }

    /// Hands over what is held, in its chunks, leaving the overlay empty.
    pub fn take(&mut self) -> (Vec<Vec<Change>>, Vec<Vec<Entry>>) {
        self.latest.clear();
        self.index.clear();
        self.take_unwritten()
    }

    /// Whether a row of `table` is held.
    pub fn holds(&self, table: Table) -> bool {
        self.latest.get(&table).is_some_and(|rows| !rows.is_empty())
    }

    /// The rows of `table` whose look-up column `by` is any of `values` (only those
    /// still open, if `open_only` and the table has spans, as the database selects
    /// them), given `below`: the rows the layers beneath (the database) answer.
    pub fn answer(
        &self,
        table: Table,
        by: By,
        values: &[&str],
        open_only: bool,
        below: Vec<AnyRow>,
    ) -> Vec<AnyRow> {
        let Some(held) = self.latest.get(&table) else {
            return below;
        };
        let mut out: Vec<AnyRow> = below
            .into_iter()
            .filter(|row| !held.contains_key(row.key().as_ref()))
            .collect();
        let Some(index) = self.index.get(&(table, by)) else {
            return out;
        };
        let open = open_only && table.has_spans();
        let mut seen: HashSet<&str> = HashSet::default();
        for value in values {
            let Some(keys) = index.get(*value) else {
                continue;
            };
            for key in keys {
                if !seen.insert(key.as_str()) {
                    continue;
                }
                let Some(Some(row)) = held.get(key) else {
                    continue;
                };
                if row.lookup(by).as_deref() == Some(*value) && (!open || row.is_open()) {
                    out.push(row.clone());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plenum_model::date::Day;
    use plenum_model::id::{Pos, Seq};
    use plenum_model::rows::EventRow;

    fn event(id: &str, kind: &str, subject: Option<&str>) -> AnyRow {
        let day = Day::new(2000, 1, 1).expect("a day");
        AnyRow::Event(EventRow {
            id: id.parse().expect("an id"),
            seq: Seq(1),
            kind: kind.into(),
            pos: Pos::new(day, Seq(1)),
            source: Seq(1),
            retracted: false,
            subject: subject.map(|s| s.parse().expect("a person")),
        })
    }

    fn keys(rows: &[AnyRow]) -> Vec<String> {
        let mut keys: Vec<String> = rows.iter().map(|r| r.key().into_owned()).collect();
        keys.sort();
        keys
    }

    fn change(before: Option<AnyRow>, after: Option<AnyRow>) -> Change {
        Change { before, after }
    }

    #[test]
    fn held_rows_are_added_replaced_and_removed() {
        let (a, b, c) = (
            event("a", "person_registered", Some("p1")),
            event("b", "person_registered", Some("p2")),
            event("c", "person_admitted", Some("p1")),
        );
        let mut overlay = Overlay::default();
        // `b` is in the database; the overlay inserts `a` and `c`, and deletes `b`.
        overlay.write(&[
            change(None, Some(a.clone())),
            change(None, Some(c.clone())),
            change(Some(b.clone()), None),
        ]);
        let by_kind = overlay.answer(
            Table::Events,
            By::Kind,
            &["person_registered"],
            false,
            vec![b.clone()],
        );
        assert_eq!(keys(&by_kind), ["a"]);
        let by_person = overlay.answer(Table::Events, By::Person, &["p1", "p2"], false, vec![]);
        assert_eq!(keys(&by_person), ["a", "c"]);
        // `a` changes kind: it no longer answers its old kind, and answers the new one.
        let a2 = event("a", "person_admitted", Some("p1"));
        overlay.write(&[change(Some(a.clone()), Some(a2))]);
        let registered = overlay.answer(
            Table::Events,
            By::Kind,
            &["person_registered"],
            false,
            vec![],
        );
        assert!(registered.is_empty(), "{registered:?}");
        let admitted = overlay.answer(
            Table::Events,
            By::Kind,
            &["person_admitted", "person_admitted"],
            false,
            vec![],
        );
        assert_eq!(keys(&admitted), ["a", "c"], "each row once");
        // A row the overlay does not hold is answered as the database has it.
        let other = event("d", "person_admitted", Some("p9"));
        let rows = overlay.answer(
            Table::Events,
            By::Person,
            &["p9"],
            false,
            vec![other.clone()],
        );
        assert_eq!(rows, [other]);
    }

    #[test]
    fn a_later_overlay_is_absorbed_in_order() {
        let a = event("a", "person_registered", Some("p1"));
        let mut group = Overlay::default();
        group.write(&[change(None, Some(a.clone()))]);
        group.append((1, "t".into(), vec![1], None, vec![2]));
        let mut batch = Overlay::default();
        batch.write(&[change(Some(a), None)]);
        batch.append((2, "t".into(), vec![3], Some(vec![4]), vec![5]));
        group.absorb(batch);
        assert!(group.holds(Table::Events));
        let rows = group.answer(Table::Events, By::Key, &["a"], false, vec![]);
        assert!(rows.is_empty(), "deleted by the later batch: {rows:?}");
        let (changes, entries) = group.take();
        assert_eq!(changes.concat().len(), 2);
        assert_eq!(
            entries.concat().iter().map(|e| e.0).collect::<Vec<_>>(),
            [1, 2]
        );
        assert!(group.is_empty());
        assert!(!group.holds(Table::Events));
    }

    #[test]
    fn rows_written_behind_still_answer_and_are_not_written_again() {
        let (a, b) = (
            event("a", "person_registered", Some("p1")),
            event("b", "person_registered", Some("p2")),
        );
        let mut group = Overlay::default();
        group.write(&[change(None, Some(a.clone()))]);
        group.append((1, "t".into(), vec![1], None, vec![2]));
        let (changes, entries) = group.take_unwritten();
        assert_eq!((changes.concat().len(), entries.concat().len()), (1, 1));
        assert!(group.is_empty(), "nothing left to write");
        // Written, the row still answers (what was read before it was written does
        // not hold it), and absorbing a later batch keeps it.
        let mut later = Overlay::default();
        later.write(&[change(None, Some(b))]);
        group.absorb(later);
        let rows = group.answer(
            Table::Events,
            By::Kind,
            &["person_registered"],
            false,
            vec![],
        );
        assert_eq!(keys(&rows), ["a", "b"]);
        assert_eq!(
            group.changes().count(),
            1,
            "only the later batch's change to write"
        );
    }

    #[test]
    fn absorbing_is_writing_in_order() {
        let (a, b) = (
            event("a", "person_registered", Some("p1")),
            event("b", "person_registered", Some("p2")),
        );
        let a2 = event("a", "person_admitted", Some("p2"));
        let changes = [
            change(None, Some(a.clone())),
            change(Some(b.clone()), None),
            change(Some(a.clone()), Some(a2.clone())),
            change(None, Some(b)),
            change(Some(a2), None),
            change(None, Some(a)),
        ];
        let mut whole = Overlay::default();
        whole.write(&changes);
        for split in 0..=changes.len() {
            let (first, second) = changes.split_at(split);
            let mut group = Overlay::default();
            group.write(first);
            let mut later = Overlay::default();
            later.write(second);
            group.absorb(later);
            assert_eq!(group.latest, whole.latest, "split at {split}");
            assert_eq!(group.index, whole.index, "split at {split}");
            assert!(group.changes().eq(whole.changes()), "split at {split}");
        }
    }
}

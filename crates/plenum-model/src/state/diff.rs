//! The difference between two sets of projection rows, for stores to apply incrementally.

use std::collections::HashMap;

use super::registry::Entity;
use super::rows::{
    AlignmentRow, CountRow, FigureRow, LinkRow, MembershipRow, NameRow, OrgRow, PostRow, RecordRow,
    Rows, SeatRow,
};

/// The projection tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// Seats.
    Seats,
    /// Posts.
    Posts,
    /// Memberships.
    Memberships,
    /// Alignments.
    Alignments,
    /// Counted seats.
    Counts,
    /// Organizations.
    Orgs,
    /// Organization names.
    Names,
    /// Lineage links.
    Links,
    /// Membership figures.
    Figures,
    /// Person records.
    Records,
    /// Named entities.
    Entities,
}

/// A row with a stable key.
pub trait Keyed {
    /// The row's key, unique in its table.
    fn key(&self) -> String;
}

macro_rules! keyed_by_field {
    ($($ty:ty),*) => {$(
        impl Keyed for $ty {
            fn key(&self) -> String {
                self.key.clone()
            }
        }
    )*};
}

keyed_by_field!(
    SeatRow,
    PostRow,
    MembershipRow,
    AlignmentRow,
    CountRow,
    NameRow,
    LinkRow
);

impl Keyed for OrgRow {
    fn key(&self) -> String {
        self.org.to_string()
    }
}

impl Keyed for FigureRow {
    fn key(&self) -> String {
        self.event.to_string()
    }
}

impl Keyed for RecordRow {
    fn key(&self) -> String {
        format!("{}:{}:{}", self.event, self.person, self.kind)
    }
}

impl Keyed for Entity {
    fn key(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.id)
    }
}

/// What changed between two sets of rows: rows to write (new or changed) and keys to delete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowsDiff {
    /// Rows to insert or replace.
    pub upsert: Rows,
    /// Entities to insert or replace.
    pub upsert_entities: Vec<Entity>,
    /// Keys to delete, by table.
    pub delete: Vec<(Table, String)>,
}

impl RowsDiff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.upsert == Rows::default() && self.upsert_entities.is_empty() && self.delete.is_empty()
    }

    /// Everything in `after`, as a diff from nothing.
    pub fn all(after: &Rows, entities: &[Entity]) -> RowsDiff {
        RowsDiff {
            upsert: after.clone(),
            upsert_entities: entities.to_vec(),
            delete: Vec::new(),
        }
    }

    /// The difference from `before` to `after`.
    pub fn between(
        before: &Rows,
        after: &Rows,
        entities_before: &[Entity],
        entities_after: &[Entity],
    ) -> RowsDiff {
        let mut delete = Vec::new();
        let upsert = Rows {
            seats: table(Table::Seats, &before.seats, &after.seats, &mut delete),
            posts: table(Table::Posts, &before.posts, &after.posts, &mut delete),
            memberships: table(
                Table::Memberships,
                &before.memberships,
                &after.memberships,
                &mut delete,
            ),
            alignments: table(
                Table::Alignments,
                &before.alignments,
                &after.alignments,
                &mut delete,
            ),
            counts: table(Table::Counts, &before.counts, &after.counts, &mut delete),
            orgs: table(Table::Orgs, &before.orgs, &after.orgs, &mut delete),
            names: table(Table::Names, &before.names, &after.names, &mut delete),
            links: table(Table::Links, &before.links, &after.links, &mut delete),
            figures: table(Table::Figures, &before.figures, &after.figures, &mut delete),
            records: table(Table::Records, &before.records, &after.records, &mut delete),
        };
        let upsert_entities = table(
            Table::Entities,
            entities_before,
            entities_after,
            &mut delete,
        );
        RowsDiff {
            upsert,
            upsert_entities,
            delete,
        }
    }
}

/// Rows of `after` that are new or changed, and keys of `before` gone from `after`.
///
/// Replays that only append (the common case) keep earlier rows in place, so
/// rows are first compared position by position; where keys stop lining up,
/// the rest is compared by key.
fn table<T: Keyed + PartialEq + Clone>(
    name: Table,
    before: &[T],
    after: &[T],
    delete: &mut Vec<(Table, String)>,
) -> Vec<T> {
    let mut changed = Vec::new();
    let aligned = before
        .iter()
        .zip(after)
        // Equal rows have equal keys: compare keys (which allocate) only when rows differ.
        .take_while(|(b, a)| b == a || b.key() == a.key())
        .count();
    for i in 0..aligned {
        if before[i] != after[i] {
            changed.push(after[i].clone());
        }
    }
    let rest_before = &before[aligned..];
    let rest_after = &after[aligned..];
    if rest_before.is_empty() {
        changed.extend(rest_after.iter().cloned());
        return changed;
    }
    let old: HashMap<String, &T> = rest_before.iter().map(|r| (r.key(), r)).collect();
    let mut seen = std::collections::HashSet::with_capacity(rest_after.len());
    for row in rest_after {
        let key = row.key();
        if old.get(&key).is_none_or(|o| *o != row) {
            changed.push(row.clone());
        }
        seen.insert(key);
    }
    for key in old.into_keys() {
        if !seen.contains(&key) {
            delete.push((name, key));
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::tests::build;

    #[test]
    fn an_appending_replay_yields_only_new_and_changed_rows() {
        let before = build(
            r#"
[[event]]
id = "p"
date = "1900"
kind = "person_registered"
person = "p"
name = "P"

[[event]]
id = "s"
date = "1950"
kind = "seat_taken"
person = "p"
organ = "party/cc"
"#,
        );
        let vacate = crate::event::read::read(
            "[[event]]\nid = \"v\"\ndate = \"1951\"\nkind = \"seat_vacated\"\nperson = \"p\"\norgan = \"party/cc\"\n",
            crate::event::read::Format::Toml,
        )
        .unwrap()
        .remove(0)
        .event;
        let entities_before: Vec<_> = before.registry().entities().cloned().collect();
        let after = before.clone().append(vec![vacate]).unwrap();
        let entities_after: Vec<_> = after.registry().entities().cloned().collect();
        let diff = RowsDiff::between(
            before.rows(),
            after.rows(),
            &entities_before,
            &entities_after,
        );
        assert_eq!(diff.upsert.seats.len(), 1, "the seat now has an end");
        assert!(diff.upsert.seats[0].span.end.is_some());
        assert_eq!(diff.upsert.records.len(), 1);
        assert!(diff.delete.is_empty());
        assert!(diff.upsert_entities.is_empty());
        // From nothing, the diff is everything.
        let full = RowsDiff::between(&Rows::default(), after.rows(), &[], &entities_after);
        assert_eq!(full.upsert, *after.rows());
        // Back again, everything added is deleted.
        let back = RowsDiff::between(after.rows(), &Rows::default(), &entities_after, &[]);
        assert_eq!(
            back.delete.len(),
            after.rows().seats.len() + after.rows().records.len() + entities_after.len()
        );
    }
}

//! Every table in memory: the reference backing, for replays (`--as-of`, `verify
//! --deep`), tests, and the memory store.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::event::{Event, EventKind};
use crate::history::{Backing, BackingError, Change, Writer};
use crate::id::{EntityKind, Pos, Seq};
use crate::rows::{AnyRow, By, Entity, EventRow, Table};

const LOOKUPS: [By; 8] = [
    By::Person,
    By::Organ,
    By::Org,
    By::Post,
    By::Faction,
    By::Earlier,
    By::Kind,
    By::Event,
];

/// Every projection row and every entry, in memory.
#[derive(Clone, Debug, Default)]
pub struct Tables {
    rows: BTreeMap<Table, BTreeMap<String, AnyRow>>,
    index: HashMap<(Table, By, String), BTreeSet<String>>,
    entries: Vec<Event>,
    /// Effective events by date-order position.
    by_pos: BTreeMap<Pos, crate::id::EventId>,
}

impl Tables {
    /// The rows of a table, in key order.
    pub fn table(&self, table: Table) -> impl Iterator<Item = &AnyRow> {
        self.rows.get(&table).into_iter().flat_map(|t| t.values())
    }

    /// A row by key.
    pub fn row(&self, table: Table, key: &str) -> Option<&AnyRow> {
        self.rows.get(&table)?.get(key)
    }

    /// The keys of the rows whose lookup column `by` is `value`.
    pub fn keys(&self, table: Table, by: By, value: &str) -> impl Iterator<Item = &String> {
        self.index
            .get(&(table, by, value.to_owned()))
            .into_iter()
            .flatten()
    }

    /// The entries, in ledger order.
    pub fn entries(&self) -> &[Event] {
        &self.entries
    }

    fn remove(&mut self, row: &AnyRow) {
        let table = row.table();
        let key = row.key().into_owned();
        if let Some(old) = self.rows.get_mut(&table).and_then(|t| t.remove(&key)) {
            for by in LOOKUPS {
                if table.lookup(by).is_some()
                    && let Some(value) = old.lookup(by)
                    && let Some(keys) = self.index.get_mut(&(table, by, value))
                {
                    keys.remove(&key);
                }
            }
            if let AnyRow::Event(e) = &old {
                self.by_pos.remove(&e.pos);
            }
        }
    }

    fn insert(&mut self, row: AnyRow) {
        let table = row.table();
        let key = row.key().into_owned();
        for by in LOOKUPS {
            if table.lookup(by).is_some()
                && let Some(value) = row.lookup(by)
            {
                self.index
                    .entry((table, by, value))
                    .or_default()
                    .insert(key.clone());
            }
        }
        if let AnyRow::Event(e) = &row
            && !e.retracted
        {
            self.by_pos.insert(e.pos, e.id.clone());
        }
        self.rows.entry(table).or_default().insert(key, row);
    }

    /// The version of an event that counts: the original, or the replacement its latest
    /// correction holds.
    fn effective(&self, row: &EventRow) -> Option<Event> {
        let entry = self
            .entries
            .get(usize::try_from(row.source.0).ok()?.checked_sub(1)?)?;
        Some(match &entry.kind {
            EventKind::EventSuperseded(s) if s.target == row.id => (*s.replacement).clone(),
            _ => entry.clone(),
        })
    }

    fn event_row(&self, id: &str) -> Option<&EventRow> {
        match self.row(Table::Events, id) {
            Some(AnyRow::Event(e)) => Some(e),
            _ => None,
        }
    }
}

impl Backing for Tables {
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open_only: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        let rows: Vec<AnyRow> = if by == By::Key {
            self.row(table, value).cloned().into_iter().collect()
        } else {
            self.keys(table, by, value)
                .filter_map(|k| self.row(table, k))
                .cloned()
                .collect()
        };
        Ok(rows
            .into_iter()
            .filter(|r| !open_only || r.is_open())
            .collect())
    }

    fn touched_since(
        &self,
        table: Table,
        from: Pos,
        limit: usize,
    ) -> Result<Vec<AnyRow>, BackingError> {
        Ok(self
            .table(table)
            .filter(|r| touched(r).is_some_and(|t| t >= from))
            .take(limit)
            .cloned()
            .collect())
    }

    fn events_from(
        &self,
        from: Pos,
        after: Option<Pos>,
        through: Seq,
        limit: usize,
    ) -> Result<Vec<(Pos, Event)>, BackingError> {
        let mut out = Vec::new();
        for (pos, id) in self.by_pos.range(from..) {
            if after.is_some_and(|a| *pos <= a) {
                continue;
            }
            let Some(row) = self.event_row(id.as_str()) else {
                continue;
            };
            if row.source > through || row.retracted {
                continue;
            }
            if let Some(event) = self.effective(row) {
                out.push((*pos, event));
            }
            if out.len() >= limit {
                break;
            }
        }
        Ok(out)
    }

    fn last_pos(&self) -> Result<Option<Pos>, BackingError> {
        Ok(self.by_pos.keys().next_back().copied())
    }

    fn statutes(&self) -> Result<Vec<Event>, BackingError> {
        let mut rows: Vec<&EventRow> = ["statute_adopted", "organization_founded"]
            .into_iter()
            .flat_map(|kind| self.keys(Table::Events, By::Kind, kind))
            .filter_map(|k| self.event_row(k))
            .filter(|e| !e.retracted)
            .collect();
        rows.sort_by_key(|e| e.seq);
        Ok(rows.into_iter().filter_map(|r| self.effective(r)).collect())
    }

    fn head(&self) -> Result<Seq, BackingError> {
        Ok(Seq(self.entries.len() as u64))
    }

    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError> {
        Ok(closest(
            self.table(Table::Entities).filter_map(|r| match r {
                AnyRow::Entity(e) if e.kind == kind => Some(e.id.as_str()),
                _ => None,
            }),
            id,
        ))
    }
}

/// The candidate closest to `id`, if within three edits.
pub fn closest<'a>(candidates: impl Iterator<Item = &'a str>, id: &str) -> Option<String> {
    candidates
        .map(|c| (crate::event::codec::edit_distance(id, c), c))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, c)| c.to_owned())
}

fn touched(row: &AnyRow) -> Option<Pos> {
    use crate::rows::Row;
    match row {
        AnyRow::Seat(r) => r.touched(),
        AnyRow::Post(r) => r.touched(),
        AnyRow::Membership(r) => r.touched(),
        AnyRow::Alignment(r) => r.touched(),
        AnyRow::Count(r) => r.touched(),
        AnyRow::Org(r) => r.touched(),
        AnyRow::Name(r) => r.touched(),
        AnyRow::Link(r) => r.touched(),
        AnyRow::Figure(r) => r.touched(),
        AnyRow::Death(r) => r.touched(),
        AnyRow::Meeting(r) => r.touched(),
        AnyRow::Held(r) => r.touched(),
        AnyRow::Decision(r) => r.touched(),
        AnyRow::Finding(r) => r.touched(),
        AnyRow::Entity(_) | AnyRow::Alias(_) | AnyRow::Event(_) | AnyRow::Mention(_) => None,
    }
}

impl Writer for Tables {
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError> {
        for change in changes {
            if let Some(before) = &change.before {
                self.remove(before);
            }
            if let Some(after) = &change.after {
                if change.before.is_none() && self.row(after.table(), &after.key()).is_some() {
                    return Err(format!(
                        "{} row `{}` is already there",
                        after.table().name(),
                        after.key()
                    )
                    .into());
                }
                self.insert(after.clone());
            }
        }
        Ok(())
    }

    fn append(&mut self, events: &[Event]) -> Result<(), BackingError> {
        self.entries.extend_from_slice(events);
        Ok(())
    }
}

/// Entities of a kind, in id order.
pub(crate) fn entities_of(tables: &Tables, kind: EntityKind) -> Vec<Entity> {
    tables
        .table(Table::Entities)
        .filter_map(|r| match r {
            AnyRow::Entity(e) if e.kind == kind => Some(e.clone()),
            _ => None,
        })
        .collect()
}

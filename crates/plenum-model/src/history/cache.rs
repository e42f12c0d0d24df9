//! A working set of one table's rows: loaded from the backing on first use, changed
//! in memory, handed back as changes.
//!
//! Rows changed here are authoritative: a look-up merges the backing's rows
//! with the ones in memory, and never replaces a row it already holds.

use foldhash::{HashMap, HashSet};

use crate::rows::{AnyRow, By, Row};

use super::backing::{Backing, BackingError, Change};

struct Slot<R> {
    row: R,
    /// The row as the backing held it (`None`: made here).
    original: Option<R>,
    dirty: bool,
}

/// For each value of a look-up column, the rows (slot numbers) that hold it.
type Index = HashMap<String, Vec<usize>>;

/// One table's working set.
pub(crate) struct Cache<R: Row> {
    slots: Vec<Slot<R>>,
    by_key: HashMap<String, usize>,
    /// The look-ups kept: `(by, open only)`, and for each value the rows (slot numbers).
    indexes: Vec<((By, bool), Index)>,
    /// Look-ups merged from the backing.
    loaded: HashSet<(By, bool, String)>,
}

impl<R: Row> Cache<R>
where
    R: TryFrom<AnyRow>,
{
    /// An empty working set that keeps these look-ups.
    pub fn new(lookups: &[(By, bool)]) -> Cache<R> {
        Cache {
            slots: Vec::new(),
            by_key: HashMap::default(),
            indexes: lookups.iter().map(|l| (*l, HashMap::default())).collect(),
            loaded: HashSet::default(),
        }
    }

    fn index_of(&self, by: By, open: bool) -> Option<usize> {
        self.indexes.iter().position(|(l, _)| *l == (by, open))
    }

    /// Merges the backing's rows for many values of a look-up at once (each once).
    pub fn load_many(
        &mut self,
        backing: &dyn Backing,
        by: By,
        open: bool,
        values: &[&str],
    ) -> Result<(), BackingError> {
        let wanted = self.unloaded(by, open, values);
        for part in wanted.chunks(500) {
            let rows = backing.select_many(R::TABLE, by, part, open)?;
            self.merge_loaded(by, open, part, rows)?;
        }
        Ok(())
    }

    /// The values of a look-up not merged from the backing yet: sorted, each once.
    pub fn unloaded<'v>(&self, by: By, open: bool, values: &[&'v str]) -> Vec<&'v str> {
        let mut wanted: Vec<&str> = values
            .iter()
            .copied()
            .filter(|v| {
                !self.loaded.contains(&(by, false, (*v).to_owned()))
                    && !self.loaded.contains(&(by, open, (*v).to_owned()))
            })
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        wanted
    }

    /// Merges the rows the backing returned for a look-up of `values`.
    pub fn merge_loaded(
        &mut self,
        by: By,
        open: bool,
        values: &[&str],
        rows: Vec<AnyRow>,
    ) -> Result<(), BackingError> {
        self.merge(rows)?;
        for value in values {
            self.loaded.insert((by, open, (*value).to_owned()));
        }
        Ok(())
    }

    fn merge(&mut self, rows: Vec<AnyRow>) -> Result<(), BackingError> {
        for row in rows {
            let Ok(row) = R::try_from(row) else {
                return Err(format!(
                    "the backing returned a row of another table for {:?}",
                    R::TABLE
                )
                .into());
            };
            if self.by_key.contains_key(row.key().as_ref()) {
                continue;
            }
            self.insert_slot(Slot {
                original: Some(row.clone()),
                row,
                dirty: false,
            });
        }
        Ok(())
    }

    /// Merges the backing's rows for a look-up, once.
    pub fn load(
        &mut self,
        backing: &dyn Backing,
        by: By,
        open: bool,
        value: &str,
    ) -> Result<(), BackingError> {
        if self.loaded.contains(&(by, false, value.to_owned()))
            || self.loaded.contains(&(by, open, value.to_owned()))
        {
            return Ok(());
        }
        let rows = backing.select(R::TABLE, by, value, open)?;
        self.merge(rows)?;
        self.loaded.insert((by, open, value.to_owned()));
        Ok(())
    }

    fn insert_slot(&mut self, slot: Slot<R>) -> usize {
        let i = self.slots.len();
        self.by_key.insert(slot.row.key().into_owned(), i);
        self.slots.push(slot);
        self.reindex(i, None);
        i
    }

    /// Moves slot `i` into the indexes it now belongs to, out of those `old` was in.
    fn reindex(&mut self, i: usize, old: Option<&R>) {
        let new = &self.slots[i].row;
        for ((by, open), index) in &mut self.indexes {
            let value_of = |row: &R| {
                if *open && !row.is_open() {
                    None
                } else {
                    row.lookup(*by)
                }
            };
            let before = old.and_then(value_of);
            let after = value_of(new);
            if before == after {
                continue;
            }
            if let Some(v) = before
                && let Some(list) = index.get_mut(&v)
            {
                list.retain(|&j| j != i);
            }
            if let Some(v) = after {
                index.entry(v).or_default().push(i);
            }
        }
    }

    /// The rows a look-up selects (which must be kept, and loaded first).
    pub fn find(&self, by: By, open: bool, value: &str) -> impl Iterator<Item = &R> {
        let index = self
            .index_of(by, open)
            .map(|i| &self.indexes[i].1)
            .and_then(|index| index.get(value));
        index.into_iter().flatten().map(|&i| &self.slots[i].row)
    }

    /// The keys of the rows a look-up selects.
    pub fn find_keys(&self, by: By, open: bool, value: &str) -> Vec<String> {
        self.find(by, open, value)
            .map(|r| r.key().into_owned())
            .collect()
    }

    /// The row with this key, if held.
    pub fn get(&self, key: &str) -> Option<&R> {
        self.by_key.get(key).map(|&i| &self.slots[i].row)
    }

    /// Adds a row made here, or replaces the one with its key.
    pub fn put(&mut self, row: R) {
        match self.by_key.get(row.key().as_ref()) {
            Some(&i) => {
                let old = std::mem::replace(&mut self.slots[i].row, row);
                self.slots[i].dirty = true;
                self.reindex(i, Some(&old));
            }
            None => {
                self.insert_slot(Slot {
                    row,
                    original: None,
                    dirty: true,
                });
            }
        }
    }

    /// Changes the row with this key, if held.
    pub fn update(&mut self, key: &str, change: impl FnOnce(&mut R)) -> bool {
        let Some(&i) = self.by_key.get(key) else {
            return false;
        };
        let old = self.slots[i].row.clone();
        change(&mut self.slots[i].row);
        if self.slots[i].row != old {
            self.slots[i].dirty = true;
            self.reindex(i, Some(&old));
        }
        true
    }

    /// Every row held.
    pub fn rows(&self) -> impl Iterator<Item = &R> {
        self.slots.iter().map(|s| &s.row)
    }

    /// The rows changed here, as changes for the backing.
    pub fn changes(self, out: &mut Vec<Change>)
    where
        AnyRow: From<R>,
    {
        for slot in self.slots {
            if slot.dirty && slot.original.as_ref() != Some(&slot.row) {
                out.push(Change {
                    before: slot.original.map(AnyRow::from),
                    after: Some(AnyRow::from(slot.row)),
                });
            }
        }
    }
}

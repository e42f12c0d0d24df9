//! The projection digest: one lattice hash (LtHash) per table, updated with each batch's
//! row changes, combined into one hash that the batch's last entry commits to.
//!
//! ```text
//! element(row)  = BLAKE3-XOF(derive_key "plenum projection row v1",
//!                    table name || each value: tag || length || bytes) -> 1024 u16 (2 KiB)
//! table state   = sum of element(row) over its rows, componentwise mod 2^16
//! combined      = BLAKE3(derive_key "plenum projections v1",
//!                    for each table in order: name || state)
//! ```
//!
//! Adding and removing a row are a sum and a difference, so a batch updates a
//! table's state in the time of its changes, and a verifier recomputes it from
//! the rows alone, in any order. LtHash16 with 1024 components is the
//! construction of Lewi et al., "Securing Update Propagation with
//! Homomorphic Hashing" (2019): finding a different multiset with the same
//! sum is as hard as a lattice problem believed to be out of reach (about 200
//! bits of security), unlike plain sums or XORs of row hashes.
//! Values are hashed exactly as stores keep them ([`plenum_model::rows::columns`]),
//! so every backend computes the same digest from the same rows.

use std::collections::BTreeMap;
use std::sync::Arc;

use plenum_model::history::Change;
use plenum_model::rows::{AnyRow, Table, Value, ValueRef};

use crate::chain::Hash;

/// Components of a table's state.
pub const WIDTH: usize = 1024;

const ROW_CONTEXT: &str = "plenum projection row v1";
const COMBINED_CONTEXT: &str = "plenum projections v1";

/// One table's state: the sum of its rows' elements.
#[derive(Clone, PartialEq, Eq)]
pub struct LtHash(Box<[u16; WIDTH]>);

impl Default for LtHash {
    fn default() -> LtHash {
        LtHash(Box::new([0; WIDTH]))
    }
}

impl std::fmt::Debug for LtHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LtHash({:04x}{:04x}..)", self.0[0], self.0[1])
    }
}

/// The hasher of a table's rows, with the context and the table's name already in it:
/// made once per table, cloned per row.
fn table_hasher(table: Table) -> blake3::Hasher {
    static HASHERS: std::sync::OnceLock<Vec<blake3::Hasher>> = std::sync::OnceLock::new();
    let all = HASHERS.get_or_init(|| {
        Table::ALL
            .iter()
            .map(|t| {
                let mut hasher = blake3::Hasher::new_derive_key(ROW_CONTEXT);
                let name = t.name().as_bytes();
                hasher.update(&(name.len() as u32).to_be_bytes());
                hasher.update(name);
                hasher
            })
            .collect()
    });
    let i = Table::ALL.iter().position(|t| *t == table).unwrap_or(0);
    all[i].clone()
}

/// Streams a row's element into `sink`, 2 KiB at a time, without allocating.
fn with_element<'a>(
    table: Table,
    values: impl Iterator<Item = ValueRef<'a>>,
    sink: impl FnOnce(&[u8; WIDTH * 2]),
) {
    thread_local! {
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut hasher = table_hasher(table);
    BUFFER.with_borrow_mut(|buffer| {
        buffer.clear();
        for value in values {
            match value {
                ValueRef::Null => buffer.push(0),
                ValueRef::Int(i) => {
                    buffer.push(1);
                    buffer.extend_from_slice(&i.to_be_bytes());
                }
                ValueRef::Text(t) => {
                    buffer.push(2);
                    buffer.extend_from_slice(&(t.len() as u64).to_be_bytes());
                    buffer.extend_from_slice(t.as_bytes());
                }
            }
        }
        hasher.update(buffer);
    });
    let mut bytes = [0u8; WIDTH * 2];
    hasher.finalize_xof().fill(&mut bytes);
    sink(&bytes);
}

/// The element of one row.
pub fn element(table: Table, values: &[ValueRef<'_>]) -> LtHash {
    let mut out = LtHash::default();
    out.add_row(table, values);
    out
}

/// The element of a row given as owned values.
pub fn element_of(table: Table, values: &[Value]) -> LtHash {
    let refs: Vec<ValueRef<'_>> = values.iter().map(Value::as_ref).collect();
    element(table, &refs)
}

impl LtHash {
    /// Adds the element of a row.
    pub fn add_row(&mut self, table: Table, values: &[ValueRef<'_>]) {
        with_element(table, values.iter().copied(), |bytes| {
            for (a, pair) in self.0.iter_mut().zip(bytes.chunks_exact(2)) {
                *a = a.wrapping_add(u16::from_le_bytes([pair[0], pair[1]]));
            }
        });
    }

    /// Removes the element of a row.
    pub fn sub_row(&mut self, table: Table, values: &[ValueRef<'_>]) {
        with_element(table, values.iter().copied(), |bytes| {
            for (a, pair) in self.0.iter_mut().zip(bytes.chunks_exact(2)) {
                *a = a.wrapping_sub(u16::from_le_bytes([pair[0], pair[1]]));
            }
        });
    }

    /// Adds an element.
    pub fn add(&mut self, other: &LtHash) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a = a.wrapping_add(*b);
        }
    }

    /// Removes an element.
    pub fn sub(&mut self, other: &LtHash) {
        for (a, b) in self.0.iter_mut().zip(other.0.iter()) {
            *a = a.wrapping_sub(*b);
        }
    }

    /// The state as 2,048 bytes (little-endian components).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(WIDTH * 2);
        self.extend_bytes(&mut out);
        out
    }

    /// Appends the state's 2,048 bytes to `out`.
    fn extend_bytes(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.resize(start + WIDTH * 2, 0);
        for (pair, c) in out[start..].chunks_exact_mut(2).zip(self.0.iter()) {
            pair.copy_from_slice(&c.to_le_bytes());
        }
    }

    /// Reads a state back.
    pub fn from_bytes(bytes: &[u8]) -> Option<LtHash> {
        if bytes.len() != WIDTH * 2 {
            return None;
        }
        let mut out = LtHash::default();
        for (c, pair) in out.0.iter_mut().zip(bytes.chunks_exact(2)) {
            *c = u16::from_le_bytes([pair[0], pair[1]]);
        }
        Some(out)
    }
}

/// The state of every table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Digests {
    /// Shared until changed: a batch clones the digests it starts from (to keep them
    /// if it is refused) and changes three or four tables of twenty-one.
    tables: BTreeMap<Table, Arc<LtHash>>,
}

impl Digests {
    /// A table's state.
    pub fn table(&self, table: Table) -> LtHash {
        self.state(table).cloned().unwrap_or_default()
    }

    /// A table's state, borrowed (`None`: no row ever, the zero state).
    fn state(&self, table: Table) -> Option<&LtHash> {
        self.tables.get(&table).map(|state| &**state)
    }

    /// Sets a table's state.
    pub fn set(&mut self, table: Table, state: LtHash) {
        self.tables.insert(table, Arc::new(state));
    }

    /// Adds a row given by its values.
    pub fn add_values(&mut self, table: Table, values: &[Value]) {
        let refs: Vec<ValueRef<'_>> = values.iter().map(Value::as_ref).collect();
        Arc::make_mut(self.tables.entry(table).or_default()).add_row(table, &refs);
    }

    /// Removes a row given by its values.
    pub fn remove_values(&mut self, table: Table, values: &[Value]) {
        let refs: Vec<ValueRef<'_>> = values.iter().map(Value::as_ref).collect();
        Arc::make_mut(self.tables.entry(table).or_default()).sub_row(table, &refs);
    }

    /// Adds a row (its element summed into the table's state in place: no element
    /// is made apart, which cost an allocation of 2 KiB and a pass per row).
    pub fn add(&mut self, row: &AnyRow) {
        self.add_values(row.table(), &row.values());
    }

    /// Removes a row.
    pub fn remove(&mut self, row: &AnyRow) {
        self.remove_values(row.table(), &row.values());
    }

    /// Applies row changes; returns the tables they touched.
    pub fn apply(&mut self, changes: &[Change]) -> Vec<Table> {
        let mut touched = Vec::new();
        for change in changes {
            if let Some(before) = &change.before {
                self.remove(before);
                touched.push(before.table());
            }
            if let Some(after) = &change.after {
                self.add(after);
                touched.push(after.table());
            }
        }
        touched.sort();
        touched.dedup();
        touched
    }

    /// The one hash of all tables.
    ///
    /// The message (about 43 KiB) is laid out whole and hashed with one `update`: fed
    /// table by table, BLAKE3 compresses its 1 KiB chunks one at a time, where given
    /// them together it hashes several at once (SIMD). The hash is the same.
    pub fn combined(&self) -> Hash {
        thread_local! {
            static MESSAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let zero = LtHash::default();
        MESSAGE.with_borrow_mut(|message| {
            message.clear();
            for &table in Table::ALL {
                let name = table.name().as_bytes();
                message.extend_from_slice(&(name.len() as u32).to_be_bytes());
                message.extend_from_slice(name);
                self.state(table).unwrap_or(&zero).extend_bytes(message);
            }
            let mut hasher = blake3::Hasher::new_derive_key(COMBINED_CONTEXT);
            hasher.update(message);
            Hash(*hasher.finalize().as_bytes())
        })
    }

    /// The tables whose states differ between two digests.
    pub fn differing(&self, other: &Digests) -> Vec<Table> {
        Table::ALL
            .iter()
            .copied()
            .filter(|t| self.table(*t) != other.table(*t))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(key: &str, n: i64) -> Vec<Value> {
        vec![Value::Text(key.into()), Value::Int(n), Value::Null]
    }

    #[test]
    fn sums_ignore_order_and_removal_undoes_addition() {
        let (a, b, c) = (
            element_of(Table::Figures, &row("a", 1)),
            element_of(Table::Figures, &row("b", 2)),
            element_of(Table::Figures, &row("c", 3)),
        );
        let mut x = LtHash::default();
        x.add(&a);
        x.add(&b);
        x.add(&c);
        let mut y = LtHash::default();
        y.add(&c);
        y.add(&a);
        y.add(&b);
        assert_eq!(x, y);
        y.sub(&b);
        assert_ne!(x, y);
        y.add(&b);
        assert_eq!(x, y);
        // The same row twice is not the row once, and the table is part of the element.
        let mut z = LtHash::default();
        z.add(&a);
        z.add(&a);
        assert_ne!(z, a);
        assert_ne!(a, element_of(Table::Deaths, &row("a", 1)));
        assert_eq!(LtHash::from_bytes(&x.to_bytes()), Some(x));
    }

    #[test]
    fn values_are_delimited() {
        let one = element_of(
            Table::Figures,
            &[Value::Text("ab".into()), Value::Text("c".into())],
        );
        let two = element_of(
            Table::Figures,
            &[Value::Text("a".into()), Value::Text("bc".into())],
        );
        assert_ne!(one, two);
        let null = element_of(Table::Figures, &[Value::Null]);
        let empty = element_of(Table::Figures, &[Value::Text(String::new())]);
        assert_ne!(null, empty);
    }

    /// Pins the digest format: changing it breaks every existing ledger. The values
    /// were computed independently, from the format in the module docs, with
    /// Python's `blake3` package.
    #[test]
    fn golden_digest() {
        assert_eq!(
            Digests::default().combined().to_hex(),
            "fa920da98523cfd4cb36c64d0627638b11b838056d93f2373ecb1c0f54280f5f",
            "the empty ledger"
        );
        let e = element_of(Table::Figures, &row("a", 1));
        let bytes = e.to_bytes();
        assert_eq!(hex(&bytes[..16]), "e8ab6dbdf384783dfa6cb69ac8b16419");
        assert_eq!(bytes.len(), 2048);
    }

    /// The combined hash as the module docs state it, fed table by table: what
    /// [`Digests::combined`] must equal however it lays the message out.
    fn combined_as_documented(digests: &Digests) -> Hash {
        let mut hasher = blake3::Hasher::new_derive_key(COMBINED_CONTEXT);
        for &table in Table::ALL {
            let name = table.name().as_bytes();
            hasher.update(&(name.len() as u32).to_be_bytes());
            hasher.update(name);
            hasher.update(&digests.table(table).to_bytes());
        }
        Hash(*hasher.finalize().as_bytes())
    }

    #[test]
    fn the_combined_hash_is_the_documented_one() {
        let mut digests = Digests::default();
        assert_eq!(digests.combined(), combined_as_documented(&digests));
        for (i, table) in Table::ALL.iter().enumerate() {
            if i % 3 == 0 {
                continue;
            }
            for n in 0..=i as i64 {
                digests.add_values(*table, &row(&format!("r{n}"), n));
            }
            assert_eq!(digests.combined(), combined_as_documented(&digests));
        }
        digests.remove_values(Table::Figures, &row("r0", 0));
        assert_eq!(digests.combined(), combined_as_documented(&digests));
        // Adding a row in place is adding its element.
        let mut apart = LtHash::default();
        apart.add(&element_of(Table::Figures, &row("x", 7)));
        let mut in_place = Digests::default();
        in_place.add_values(Table::Figures, &row("x", 7));
        assert_eq!(in_place.table(Table::Figures), apart);
        // A clone shares the states until one of them changes.
        let kept = in_place.clone();
        in_place.add_values(Table::Figures, &row("y", 8));
        assert_eq!(kept.table(Table::Figures), apart);
        assert_ne!(in_place.table(Table::Figures), apart);
    }

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }
}

//! The merging store of distinct ballots: flat arrays of marks and entries, indexed by an
//! open-addressing hash table while an election is being built.
//!
//! Merging a million ballots is bound by cache misses (each lookup touches a random slot, a
//! random entry and its marks), so ballots are staged in small batches and each batch is
//! first *touched*: the slots, entries and marks it will need are loaded for every ballot of
//! the batch at once, letting the processor overlap the misses, before the ballots are merged
//! one by one. The touches only warm the cache; every decision is taken afterwards, in order.

use std::hint::black_box;

use super::{Ballot, BuildError};

/// One distinct ballot: its marks `start..end` and its weight.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Entry {
    start: u32,
    end: u32,
    weight: u64,
}

/// A ballot waiting in the batch: its hash, its marks in `staged_marks`, its weight.
#[derive(Copy, Clone, Debug)]
struct Staged {
    hash: u64,
    start: u32,
    end: u32,
    weight: u64,
}

/// Ballots per batch.
const BATCH: usize = 32;

/// Distinct ballots in flat arrays with an open-addressing index for merging.
#[derive(Clone, Debug, Default)]
pub(super) struct Table {
    marks: Vec<u16>,
    entries: Vec<Entry>,
    hashes: Vec<u64>,
    /// Open addressing: `hash >> 32 << 32 | index + 1`, or 0 for an empty slot, so that a probe
    /// rejects most other ballots without touching them.
    slots: Vec<u64>,
    staged: Vec<Staged>,
    staged_marks: Vec<u16>,
}

impl PartialEq for Table {
    fn eq(&self, other: &Table) -> bool {
        self.marks == other.marks && self.entries == other.entries
    }
}

impl Eq for Table {}

const EMPTY_SLOT: u64 = 0;
const INDEX_MASK: u64 = 0xFFFF_FFFF;

impl Table {
    /// The number of distinct ballots (staged ones counted once merged).
    pub(super) fn len(&self) -> usize {
        self.entries.len() + self.staged.len()
    }

    /// Every mark, ballot after ballot; the table must be sealed.
    pub(super) fn raw_marks(&self) -> &[u16] {
        &self.marks
    }

    /// Where ballot `index`'s marks start; the table must be sealed.
    pub(super) fn start(&self, index: usize) -> u32 {
        self.entries[index].start
    }

    /// Ballot `index`; the table must be sealed.
    pub(super) fn ballot(&self, index: usize) -> Ballot<'_> {
        let entry = self.entries[index];
        Ballot::new(
            entry.weight,
            &self.marks[entry.start as usize..entry.end as usize],
        )
    }

    /// Adds `weight` ballots marked `marks`. The caller keeps the total weight within `u64`,
    /// so merging cannot overflow.
    pub(super) fn insert(&mut self, marks: &[u16], weight: u64) -> Result<(), BuildError> {
        let room = self.marks.len() + self.staged_marks.len() + marks.len();
        if u32::try_from(room).is_err() || self.len() >= INDEX_MASK as usize - BATCH {
            return Err(BuildError::TooManyMarks);
        }
        let start = self.staged_marks.len() as u32;
        self.staged_marks.extend_from_slice(marks);
        let end = self.staged_marks.len() as u32;
        self.staged.push(Staged {
            hash: hash_marks(marks),
            start,
            end,
            weight,
        });
        if self.staged.len() == BATCH {
            self.flush();
        }
        Ok(())
    }

    /// Merges the staged batch.
    fn flush(&mut self) {
        while 10 * (self.entries.len() + self.staged.len() + 1) > 7 * self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // Touch the first slot of every staged ballot, then the entries and marks they point
        // to, so that the misses of the whole batch overlap.
        let mut touched = 0u64;
        for staged in &self.staged {
            touched ^= self.slots[(staged.hash as usize) & mask];
        }
        let mut found = [0usize; BATCH];
        for (index, staged) in self.staged.iter().enumerate() {
            let slot = self.slots[(staged.hash as usize) & mask];
            if slot != EMPTY_SLOT && slot & !INDEX_MASK == staged.hash & !INDEX_MASK {
                found[index] = (slot & INDEX_MASK) as usize;
                touched ^= u64::from(self.entries[found[index] - 1].start);
            }
        }
        for &entry in found
            .iter()
            .take(self.staged.len())
            .filter(|&&entry| entry != 0)
        {
            touched ^= u64::from(self.marks[self.entries[entry - 1].start as usize]);
        }
        black_box(touched);
        let staged = std::mem::take(&mut self.staged);
        for ballot in &staged {
            self.merge(ballot);
        }
        self.staged = staged;
        self.staged.clear();
        self.staged_marks.clear();
    }

    fn merge(&mut self, ballot: &Staged) {
        let marks = &self.staged_marks[ballot.start as usize..ballot.end as usize];
        let fingerprint = ballot.hash & !INDEX_MASK;
        let mask = self.slots.len() - 1;
        let mut slot = (ballot.hash as usize) & mask;
        loop {
            let entry = self.slots[slot];
            if entry == EMPTY_SLOT {
                break;
            }
            if entry & !INDEX_MASK == fingerprint {
                let found = &mut self.entries[(entry & INDEX_MASK) as usize - 1];
                let stored = &self.marks[found.start as usize..found.end as usize];
                // A plain loop beats a call to memcmp on these short slices.
                if stored.len() == marks.len() && stored.iter().zip(marks).all(|(a, b)| a == b) {
                    found.weight += ballot.weight;
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
        let start = self.marks.len() as u32;
        self.marks.extend_from_slice(marks);
        let end = self.marks.len() as u32;
        self.slots[slot] = fingerprint | (self.entries.len() as u64 + 1);
        self.entries.push(Entry {
            start,
            end,
            weight: ballot.weight,
        });
        self.hashes.push(ballot.hash);
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        self.slots = vec![EMPTY_SLOT; size];
        let mask = size - 1;
        for (index, &hash) in self.hashes.iter().enumerate() {
            let mut slot = (hash as usize) & mask;
            while self.slots[slot] != EMPTY_SLOT {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = (hash & !INDEX_MASK) | (index as u64 + 1);
        }
    }

    /// Merges what is staged and frees what only merging needs.
    pub(super) fn seal(&mut self) {
        if !self.staged.is_empty() {
            self.flush();
        }
        self.slots = Vec::new();
        self.hashes = Vec::new();
        self.staged = Vec::new();
        self.staged_marks = Vec::new();
        self.marks.shrink_to_fit();
        self.entries.shrink_to_fit();
    }
}

fn hash_marks(marks: &[u16]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut hash = (marks.len() as u64).wrapping_mul(K);
    let mut chunks = marks.chunks_exact(4);
    for chunk in &mut chunks {
        let word = u64::from(chunk[0])
            | u64::from(chunk[1]) << 16
            | u64::from(chunk[2]) << 32
            | u64::from(chunk[3]) << 48;
        hash = (hash.rotate_left(23) ^ word).wrapping_mul(K);
    }
    for &mark in chunks.remainder() {
        hash = (hash.rotate_left(23) ^ u64::from(mark)).wrapping_mul(K);
    }
    hash ^ (hash >> 31)
}

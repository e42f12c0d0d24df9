//! `verify`: re-hash every entry, recompute every projection table's digest from its rows,
//! and name the first entry or the table that does not match.

use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::rows::{Table, Value, ValueRef};

use crate::digest::{Digests, LtHash};
use crate::memory::MemoryStore;
use crate::{Error, Hash, Head, Share, Store, chain};

/// What a successful verification saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Entries checked.
    pub entries: u64,
    /// Bytes hashed (timestamps and payloads).
    pub bytes: u64,
    /// Projection rows hashed.
    pub rows: u64,
    /// The head, to compare with one kept elsewhere (truncation cannot be seen from inside).
    pub head: Head,
    /// The projections' digest, as the head commits to it.
    pub digest: Hash,
}

/// Where a verification has got to.
#[derive(Clone, Copy, Debug)]
pub enum Progress {
    /// Entries re-hashed so far, and their bytes.
    Entries(Seq, u64),
    /// Rows of projection tables hashed so far.
    Rows(u64),
}

/// Re-hashes the whole ledger and recomputes every projection table's digest from
/// its rows, on two threads.
///
/// Fails with [`Error::Corrupt`] naming the first entry whose bytes, hash or
/// position do not match, or with [`Error::Tampered`] naming a table whose rows
/// are not those the head commits to.
pub fn verify<S: Store + ?Sized>(
    store: &S,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Verified, Error> {
    // The two passes read two consistent views; if a writer committed between
    // their starts they saw different ledgers, and the check starts again.
    for _ in 0..10 {
        if let Some(verified) = verify_once(store, progress)? {
            return Ok(verified);
        }
    }
    Err(Error::Unavailable(
        "the ledger kept changing while it was verified; try again when writers pause".into(),
    ))
}

/// The work of one verification, shared out between threads: the chain, the store's
/// check of its own storage, and each table's digest, the large tables in shares.
/// Largest first, so that the threads finish together.
enum Task {
    Chain,
    SelfCheck,
    Table(Table, Share),
}

/// The tables that grow with the membership; read in shares.
const LARGE: [Table; 4] = [
    Table::Events,
    Table::Entities,
    Table::Memberships,
    Table::Alignments,
];

fn tasks(workers: usize) -> Vec<Task> {
    let shares = |table: Table| {
        let of = (2 * workers) as u32;
        (0..of).map(move |index| Task::Table(table, Share { index, of }))
    };
    let whole = Share { index: 0, of: 1 };
    let mut out = vec![Task::Chain, Task::SelfCheck];
    out.extend(LARGE.iter().flat_map(|&t| shares(t)));
    out.extend(
        Table::ALL
            .iter()
            .filter(|t| !LARGE.contains(t))
            .map(|&t| Task::Table(t, whole)),
    );
    out
}

/// What one thread of a verification found.
#[derive(Default)]
struct Done {
    /// The chain's head, bytes, and the digest the last entry commits to.
    chained: Option<(Head, u64, Option<Hash>)>,
    /// The store's problems with its own storage.
    problems: Option<Vec<(String, String)>>,
    /// Each table share's sum, rows, and the view (head, kept digests) it was read in.
    tables: Vec<(Table, LtHash, u64, (Head, Digests))>,
}

/// One verification; `None` if its views saw different heads (a writer committed).
fn verify_once<S: Store + ?Sized>(
    store: &S,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Option<Verified>, Error> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 4));
    let queue = std::sync::Mutex::new(tasks(workers).into_iter());
    let rows_done = std::sync::atomic::AtomicU64::new(0);
    let results: Vec<Result<Done, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<Done, Error> {
                    let mut done = Done::default();
                    loop {
                        let task = queue.lock().ok().and_then(|mut q| q.next());
                        match task {
                            None => return Ok(done),
                            Some(Task::Chain) => done.chained = Some(rehash(store, progress)?),
                            Some(Task::SelfCheck) => {
                                done.problems = Some(store.self_check(false)?);
                            }
                            Some(Task::Table(table, share)) => {
                                let mut state = LtHash::default();
                                let mut count = 0u64;
                                let view = store.projection_share(
                                    table,
                                    share,
                                    &mut |table, values| {
                                        state.add_row(table, values);
                                        count += 1;
                                        if count.is_multiple_of(65_536) {
                                            let all = rows_done.fetch_add(
                                                65_536,
                                                std::sync::atomic::Ordering::Relaxed,
                                            );
                                            progress(Progress::Rows(all + 65_536));
                                        }
                                        Ok(())
                                    },
                                )?;
                                done.tables.push((table, state, count, view));
                            }
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Error::Database("a verifying thread panicked".into())))
            })
            .collect()
    });
    let mut chained = None;
    let mut problems = None;
    let mut recomputed = Digests::default();
    let mut count = 0u64;
    let mut views: Vec<(Head, Digests)> = Vec::new();
    for result in results {
        let done = result?;
        chained = chained.or(done.chained);
        problems = problems.or(done.problems);
        for (table, state, rows, view) in done.tables {
            let mut sum = recomputed.table(table);
            sum.add(&state);
            recomputed.set(table, sum);
            count += rows;
            views.push(view);
        }
    }
    let Some((head, bytes, committed)) = chained else {
        return Err(Error::Database("the chain was not checked".into()));
    };
    if views.iter().any(|(h, _)| *h != head) {
        return Ok(None);
    }
    let Some((_, kept)) = views.into_iter().next() else {
        return Err(Error::Database("no table was checked".into()));
    };
    let differing = recomputed.differing(&kept);
    if let Some(table) = differing.first() {
        return Err(Error::Tampered {
            table: table.name().to_owned(),
            reason: format!(
                "its rows hash to another digest than the one kept{}",
                if differing.len() > 1 {
                    format!(
                        " (so do {})",
                        differing[1..]
                            .iter()
                            .map(|t| t.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                } else {
                    String::new()
                }
            ),
        });
    }
    let digest = recomputed.combined();
    if let Some(committed) = committed
        && committed != digest
    {
        return Err(Error::Tampered {
            table: "digests".to_owned(),
            reason: format!(
                "entry {} commits to projections {committed}, the rows are {digest}",
                head.seq
            ),
        });
    }
    if head.seq.0 > 0 && committed.is_none() {
        return Err(Error::Corrupt {
            seq: head.seq,
            reason: "the last entry closes no batch: entries after it are missing".to_owned(),
        });
    }
    if let Some((table, problem)) = problems.into_iter().flatten().next() {
        return Err(Error::Tampered {
            table,
            reason: problem,
        });
    }
    Ok(Some(Verified {
        entries: head.seq.0,
        bytes,
        rows: count,
        head,
        digest,
    }))
}

/// The chain, entry by entry: the head, the bytes hashed, and the digest the last entry commits to.
fn rehash<S: Store + ?Sized>(
    store: &S,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Head, u64, Option<Hash>), Error> {
    let mut previous = Head::EMPTY;
    let mut bytes = 0u64;
    let mut committed = None;
    let head = store.scan(Seq(1), &mut |entry| {
        let expected = Seq(previous.seq.0 + 1);
        if entry.seq != expected {
            return Err(Error::Corrupt {
                seq: expected,
                reason: format!("entry missing; the next stored entry is {}", entry.seq),
            });
        }
        let hash = chain::next(
            previous.hash,
            entry.seq,
            &entry.recorded_at,
            &entry.payload,
            entry.digest,
        );
        if hash != entry.chain {
            return Err(Error::Corrupt {
                seq: entry.seq,
                reason: format!("hash mismatch: stored {}, computed {}", entry.chain, hash),
            });
        }
        bytes += (entry.recorded_at.len() + entry.payload.len()) as u64;
        committed = entry.digest;
        previous = Head {
            seq: entry.seq,
            hash,
        };
        if entry.seq.0.is_multiple_of(4096) {
            progress(Progress::Entries(entry.seq, bytes));
        }
        Ok(())
    })?;
    if head != previous {
        return Err(Error::Corrupt {
            seq: head.seq,
            reason: "the recorded head does not match the entries".to_owned(),
        });
    }
    progress(Progress::Entries(head.seq, bytes));
    Ok((previous, bytes, committed))
}

/// [`verify`], then the projections rebuilt from the entries, batch by batch, in
/// memory: each batch must chain to the same hashes (so commit to the same
/// projections), and the rebuilt tables must hold exactly the stored rows. Also
/// runs the store's most thorough check of its own storage. Names the first
/// entry, or the first row, that differs.
pub fn verify_deep<S: Store + ?Sized>(
    store: &S,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Verified, Error> {
    if let Some((table, problem)) = store.self_check(true)?.into_iter().next() {
        return Err(Error::Tampered {
            table,
            reason: problem,
        });
    }
    let verified = verify(store, progress)?;
    let mirror = MemoryStore::new();
    let mut batch = Vec::new();
    let mut first = Seq(1);
    store.scan(Seq(1), &mut |entry| {
        let event = codec::from_bytes(&entry.payload).map_err(|e| Error::Corrupt {
            seq: entry.seq,
            reason: format!("payload is not an event: {e}"),
        })?;
        if batch.is_empty() {
            first = entry.seq;
        }
        batch.push((entry.chain, event));
        if entry.digest.is_none() {
            return Ok(());
        }
        let events: Vec<_> = batch.iter().map(|(_, e)| e.clone()).collect();
        crate::record(&mirror, &events, &entry.recorded_at).map_err(|e| Error::Corrupt {
            seq: first,
            reason: format!("the batch from entry {first} does not record again: {e}"),
        })?;
        let mut seq = first;
        let mut rebuilt = Vec::new();
        mirror.scan(first, &mut |e| {
            rebuilt.push(e.chain);
            Ok(())
        })?;
        for ((stored, _), again) in batch.iter().zip(&rebuilt) {
            if stored != again {
                return Err(Error::Corrupt {
                    seq,
                    reason: "recorded again, the entry chains to another hash: the projections it commits to differ from a replay".to_owned(),
                });
            }
            seq = Seq(seq.0 + 1);
        }
        batch.clear();
        progress(Progress::Entries(entry.seq, 0));
        Ok(())
    })?;
    for &table in Table::ALL {
        let stored = owned_rows(store, table)?;
        let rebuilt = owned_rows(&mirror, table)?;
        let mut s = stored.iter();
        let mut r = rebuilt.iter();
        loop {
            match (s.next(), r.next()) {
                (None, None) => break,
                (Some(a), Some(b)) if a == b => continue,
                (a, b) => {
                    let key = |row: Option<&Vec<Value>>| match row.and_then(|r| r.first()) {
                        Some(Value::Text(k)) => format!("`{k}`"),
                        _ => "(none)".to_owned(),
                    };
                    return Err(Error::Tampered {
                        table: table.name().to_owned(),
                        reason: format!(
                            "the first row that differs from a replay: stored {}, replayed {}",
                            key(a),
                            key(b)
                        ),
                    });
                }
            }
        }
    }
    Ok(verified)
}

fn owned_rows<S: Store + ?Sized>(store: &S, table: Table) -> Result<Vec<Vec<Value>>, Error> {
    let mut out: Vec<Vec<Value>> = Vec::new();
    store.projections(&[table], &mut |_, values| {
        out.push(
            values
                .iter()
                .map(|v| match v {
                    ValueRef::Null => Value::Null,
                    ValueRef::Int(i) => Value::Int(*i),
                    ValueRef::Text(t) => Value::Text((*t).to_owned()),
                })
                .collect(),
        );
        Ok(())
    })?;
    out.sort_by(|a, b| key_of(a).cmp(key_of(b)));
    Ok(out)
}

fn key_of(values: &[Value]) -> &str {
    match values.first() {
        Some(Value::Text(k)) => k,
        _ => "",
    }
}

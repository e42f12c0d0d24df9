//! `verify` throughput beside the limits of reading and hashing the same bytes.

#[allow(unused_imports)]
use super::prelude::*;
#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// verify

pub(crate) fn mb_per_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// `verify` on the history, beside reading the same bytes and hashing them in memory.
pub(crate) fn bench_verify(config: &Config, path: &Path) {
    let store = SqliteStore::open(path).expect("open the history");
    println!();
    println!("## verify: {}", path.display());
    let mut verify_rates = Vec::new();
    let mut read_rates = Vec::new();
    let mut chain_rates = Vec::new();
    let mut bulk_rates = Vec::new();
    let mut bytes = 0;
    let mut entries = 0;
    for run in 0..config.runs {
        // verify: read, re-hash, decode every entry.
        let t = Instant::now();
        let verified = verify(&store, &mut |_, _| {}).expect("the history verifies");
        let verify_time = t.elapsed();
        bytes = verified.bytes;
        entries = verified.entries;

        // The same bytes read from the same table with a plain query, not hashed.
        let connection = Connection::open(path).expect("open");
        let t = Instant::now();
        let mut statement = connection
            .prepare("SELECT seq, recorded_at, payload, chain FROM entries ORDER BY seq")
            .expect("select");
        let mut rows = statement.query([]).expect("query");
        let mut read_bytes = 0u64;
        let mut stored: Vec<(String, Vec<u8>)> = Vec::with_capacity(entries as usize);
        while let Some(row) = rows.next().expect("row") {
            let recorded_at = row.get_ref(1).expect("text").as_bytes().expect("text");
            let payload = row.get_ref(2).expect("blob").as_bytes().expect("blob");
            read_bytes += (recorded_at.len() + payload.len()) as u64;
            if run == 0 {
                stored.push((
                    String::from_utf8_lossy(recorded_at).into_owned(),
                    payload.to_vec(),
                ));
            }
        }
        let read_time = t.elapsed();
        drop(rows);
        drop(statement);
        assert_eq!(read_bytes, bytes);
        if run == 0 {
            // In memory: the chain hash of every entry, and BLAKE3 of all the bytes at once.
            let mut chain_times = Vec::new();
            let mut bulk_times = Vec::new();
            let mut all = Vec::with_capacity(bytes as usize);
            for (recorded_at, payload) in &stored {
                all.extend_from_slice(recorded_at.as_bytes());
                all.extend_from_slice(payload);
            }
            for _ in 0..config.runs {
                let t = Instant::now();
                let mut head = Head::EMPTY;
                for (recorded_at, payload) in &stored {
                    let seq = Seq(head.seq.0 + 1);
                    head = Head {
                        seq,
                        hash: chain::next(head.hash, seq, recorded_at, payload),
                    };
                }
                chain_times.push(t.elapsed());
                assert_eq!(head, verified.head);
                let t = Instant::now();
                std::hint::black_box(blake3::hash(std::hint::black_box(&all)));
                bulk_times.push(t.elapsed());
            }
            chain_rates = chain_times.iter().map(|d| mb_per_s(bytes, *d)).collect();
            bulk_rates = bulk_times.iter().map(|d| mb_per_s(bytes, *d)).collect();
        }
        eprintln!(
            "  run {}: verify {:.1} MB/s, read only {:.1} MB/s",
            run + 1,
            mb_per_s(bytes, verify_time),
            mb_per_s(bytes, read_time)
        );
        verify_rates.push(mb_per_s(bytes, verify_time));
        read_rates.push(mb_per_s(bytes, read_time));
    }
    let v = median(verify_rates.clone());
    let r = median(read_rates.clone());
    let c = median(chain_rates.clone());
    let b = median(bulk_rates.clone());
    // Reading and hashing one after the other: the best a single thread can do.
    let limit = 1.0 / (1.0 / r + 1.0 / c);
    println!(
        "{entries} entries, {:.1} MB hashed (timestamps and payloads), medians of {} runs:",
        bytes as f64 / 1e6,
        config.runs
    );
    println!("| measurement | MB/s | entries/s |");
    println!("|---|---:|---:|");
    let per = |mb: f64| mb * 1e6 / bytes as f64 * entries as f64;
    println!(
        "| `verify` (read, re-hash, decode) | {v:.1} ({}) | {:.0} |",
        spread(&verify_rates),
        per(v)
    );
    println!(
        "| read the entries table, no hashing | {r:.1} ({}) | {:.0} |",
        spread(&read_rates),
        per(r)
    );
    println!(
        "| chain hashes in memory (`chain::next` per entry) | {c:.1} ({}) | {:.0} |",
        spread(&chain_rates),
        per(c)
    );
    println!(
        "| BLAKE3 of all the bytes as one buffer | {b:.1} ({}) | — |",
        spread(&bulk_rates)
    );
    println!(
        "| read + chain hash, one after the other (limit) | {limit:.1} | {:.0} |",
        per(limit)
    );
    println!(
        "verify / read-only: {:.0}%; verify / (read + chain hash): {:.0}%",
        100.0 * v / r,
        100.0 * v / limit
    );
}

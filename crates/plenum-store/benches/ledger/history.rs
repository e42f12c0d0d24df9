//! The large history, built once and cached under `target/bench-data/`.

#[allow(unused_imports)]
use super::prelude::*;
#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// The large history

/// The ledger file of `synthetic::organization(members, seats, seed)`, built once and cached.
pub(crate) fn history_file(config: &Config, data: &Path) -> PathBuf {
    let path = data.join(format!(
        "org-m{}-s{}-seed{}-v{DATA_VERSION}.db",
        config.members, config.seats, config.seed
    ));
    if config.trust_cache && path.exists() {
        println!();
        println!("history: {} (cached, not checked)", path.display());
        return path;
    }
    let started = Instant::now();
    let events = synthetic::organization(config.members, config.seats, config.seed);
    eprintln!(
        "generated {} events in {:.1}s",
        events.len(),
        started.elapsed().as_secs_f64()
    );
    // The cached file must hold exactly these events: compare heads.
    let mut expected = Head::EMPTY;
    for event in &events {
        let seq = Seq(expected.seq.0 + 1);
        let hash = chain::next(expected.hash, seq, NOW, &codec::to_canonical_bytes(event));
        expected = Head { seq, hash };
    }
    if path.exists() {
        match SqliteStore::open(&path).and_then(|s| s.head()) {
            Ok(head) if head == expected => {
                println!();
                println!(
                    "history: {} (cached, {} entries)",
                    path.display(),
                    head.seq.0
                );
                return path;
            }
            other => eprintln!("cached {} is stale ({other:?}); rebuilding", path.display()),
        }
        let _ = std::fs::remove_file(&path);
    }
    let building = path.with_extension("building");
    let _ = std::fs::remove_file(&building);
    let started = Instant::now();
    let mut ledger = Ledger::open(empty_ledger(&building)).expect("open");
    // About a year of the history per batch, as an archivist might record it.
    let chunk = (events.len() / if config.full { 100 } else { 10 }).max(1);
    let total = events.len();
    for (i, batch) in events.chunks(chunk).enumerate() {
        ledger.record(batch.to_vec(), NOW).expect("record");
        let done = ((i + 1) * chunk).min(total);
        if config.full && (i % 10 == 9 || done == total) {
            eprintln!(
                "building {}: {done}/{total} events ({:.0}s)",
                path.display(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    assert_eq!(
        ledger.head(),
        expected,
        "the built ledger has the expected head"
    );
    drop(ledger);
    {
        let connection = Connection::open(&building).expect("open");
        connection
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
    }
    std::fs::rename(&building, &path).expect("rename the built ledger");
    for sidecar in ["-wal", "-shm"] {
        let mut p = building.as_os_str().to_owned();
        p.push(sidecar);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    println!();
    println!(
        "history: {} (built in {:.0}s, {} entries)",
        path.display(),
        started.elapsed().as_secs_f64(),
        total
    );
    path
}

//! The synthetic organization, built once and cached beside a note of how it was built.

use std::path::{Path, PathBuf};
use std::time::Instant;

use plenum_dev::synthetic;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, record};

use super::{Config, DATA_VERSION, NOW};

/// The ledger file of `synthetic::organization(members, seats, seed)`, built once.
/// The organization's name, from its parameters and the data version.
pub(crate) fn name(config: &Config) -> String {
    format!(
        "org-m{}-s{}-seed{}-v{DATA_VERSION}",
        config.members, config.seats, config.seed
    )
}

pub(crate) fn organization(config: &Config, data: &Path) -> PathBuf {
    let name = name(config);
    let path = data.join(format!("{name}.db"));
    let note = data.join(format!("{name}.head"));
    if let (Ok(kept), Ok(store)) = (
        std::fs::read_to_string(&note),
        SqliteStore::open_read_only(&path),
    ) && let Ok(head) = store.head()
        && kept.trim() == format!("{} {}", head.seq.0, head.hash)
    {
        println!();
        println!(
            "organization: {} (cached, {} entries)",
            path.display(),
            head.seq.0
        );
        return path;
    }
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&note);
    let started = Instant::now();
    let events = synthetic::organization(config.members, config.seats, config.seed);
    eprintln!(
        "generated {} events in {:.1}s",
        events.len(),
        started.elapsed().as_secs_f64()
    );
    let building = path.with_extension("building");
    let _ = std::fs::remove_file(&building);
    let store = SqliteStore::create(&building, |_| Ok::<(), Error>(())).expect("create");
    let started = Instant::now();
    // About a year of the history per batch, as an archivist might record it.
    let chunk = (events.len() / 100).max(1);
    let total = events.len();
    for (i, batch) in events.chunks(chunk).enumerate() {
        record(&store, batch, NOW).expect("record");
        let done = ((i + 1) * chunk).min(total);
        if config.full && (i % 10 == 9 || done == total) {
            eprintln!(
                "building: {done}/{total} events ({:.0}s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let head = store.head().expect("head");
    store.close().expect("close");
    std::fs::rename(&building, &path).expect("rename the built organization");
    std::fs::write(&note, format!("{} {}\n", head.seq.0, head.hash)).expect("note");
    let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!();
    println!(
        "## build: {} events in {:.0}s ({:.0} events/s, in {} batches of about {chunk}); the file is {:.1} GB",
        total,
        seconds,
        total as f64 / seconds,
        total.div_ceil(chunk),
        bytes as f64 / 1e9
    );
    path
}

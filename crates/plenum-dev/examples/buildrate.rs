//! Quick build-rate probe.
use std::time::Instant;
fn main() {
    let members: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let events = plenum_dev::synthetic::organization(members, 1000, 1);
    let dir = tempfile::tempdir().unwrap();
    let store = plenum_store::sqlite::SqliteStore::create(&dir.path().join("l.db"), |_| {
        Ok::<(), plenum_store::Error>(())
    })
    .unwrap();
    let t = Instant::now();
    let chunk = events.len() / 100;
    for batch in events.chunks(chunk) {
        plenum_store::record(&store, batch, "2026-11-27T00:00:00Z").unwrap();
    }
    let e = t.elapsed();
    println!(
        "{} events in {:.1}s: {:.0} events/s",
        events.len(),
        e.as_secs_f64(),
        events.len() as f64 / e.as_secs_f64()
    );
    let size = std::fs::metadata(dir.path().join("l.db")).unwrap().len();
    println!("file {} MB", size / 1_000_000);
}

//! A power cut while a checkpoint rewrites the database file's first page can tear
//! its header; the page is still in the write-ahead log, from which SQLite recovers
//! it. Such a ledger opens and verifies, and is not refused as "not even a SQLite
//! file" (as it was until the power-loss test of plenum-crash found it).

use plenum_dev::conformance::record_random;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, verify};

/// The pages the WAL at `path` holds frames of (`frame: 24-byte header, page`).
fn pages_in_log(path: &std::path::Path, page_size: usize) -> Vec<u32> {
    let log = std::fs::read(path).expect("read the WAL");
    log.get(32..)
        .unwrap_or_default()
        .chunks(24 + page_size)
        .filter(|frame| frame.len() == 24 + page_size)
        .map(|frame| u32::from_be_bytes([frame[0], frame[1], frame[2], frame[3]]))
        .collect()
}

#[test]
fn a_torn_header_with_its_page_in_the_log_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ledger.db");
    let store = SqliteStore::create(&path, |_| Ok::<(), Error>(())).expect("create");
    record_random(&store, 3, 120);
    let head = store.head().expect("head");
    // What a power cut may leave while the store is open: the commits in the log
    // (synced), and the checkpoint's write of page 1 torn.
    let copy = dir.path().join("after-the-cut.db");
    std::fs::copy(&path, &copy).expect("copy");
    std::fs::copy(
        dir.path().join("ledger.db-wal"),
        dir.path().join("after-the-cut.db-wal"),
    )
    .expect("copy the WAL");
    let mut file = std::fs::read(&copy).expect("read");
    let page_size = usize::from(u16::from_be_bytes([file[16], file[17]]));
    assert!(
        pages_in_log(&dir.path().join("after-the-cut.db-wal"), page_size).contains(&1),
        "setup: the log holds page 1"
    );
    file[..512].fill(0xA5);
    std::fs::write(&copy, &file).expect("tear the header");
    drop(store);

    let reopened = SqliteStore::open(&copy).expect("a torn header with its page in the log opens");
    let verified = verify(&reopened, &|_| {}).expect("and verifies");
    assert_eq!(verified.entries, head.seq.0);
    assert_eq!(reopened.head().expect("head"), head);
}

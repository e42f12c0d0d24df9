//! Property: for random valid histories, recorded in random batches (most of them reaching
//! back before what is already recorded) and in date order, the SQLite projections hold
//! exactly the rows of a from-scratch replay, and answer every query alike.

use plenum_dev::conformance::projections_match_replay;
use plenum_store::sqlite::SqliteStore;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn sqlite_projections_are_a_fresh_replays(seed in any::<u64>(), size in 20usize..260) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut n = 0;
        projections_match_replay(
            || {
                n += 1;
                SqliteStore::create(&dir.path().join(format!("ledger{n}.db")), |_| Ok::<(), plenum_store::Error>(()))
                    .expect("create")
            },
            seed,
            size,
        );
    }
}

//! Property: for random valid event sequences, recorded in random batches, every answer
//! from the SQLite projections equals the answer from a from-scratch in-memory replay.

use plenum_store::sqlite::SqliteStore;
use plenum_store::testing::projections_match_replay;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn sqlite_projections_answer_like_a_fresh_replay(seed in any::<u64>(), size in 20usize..220) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = SqliteStore::create(&dir.path().join("ledger.db"), |_| Ok::<(), plenum_store::Error>(())).expect("create");
        projections_match_replay(store, seed, size);
    }
}

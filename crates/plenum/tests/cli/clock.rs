//! `PLENUM_NOW` (issue 8, item 9): a malformed value is refused with exit 2 and a
//! message saying what is expected, and changes nothing.

use crate::support::{Env, bytes, data};

const BAD: [&str; 4] = [
    "yesterday",
    "2026-13-01T00:00:00Z",
    "2026-11-27",
    "2026-11-27T12:00:00Z trailing",
];

fn refused(env: &Env, now: &str, args: &[&str]) {
    let out = env
        .plenum()
        .env("PLENUM_NOW", now)
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} with {now:?}: {stderr}"
    );
    assert!(
        stderr.starts_with(&format!(
            "plenum: PLENUM_NOW is `{now}`, not a timestamp like 2026-11-27T00:00:00Z"
        )),
        "{args:?} with {now:?}: {stderr}"
    );
    assert!(out.stdout.is_empty(), "{args:?}: printed {:?}", out.stdout);
}

#[test]
fn a_malformed_plenum_now_is_refused_and_changes_nothing() {
    let statute = data("statute.toml");
    let statute = statute.to_str().unwrap();
    let fresh = Env::new();
    for now in BAD {
        refused(&fresh, now, &["init", "--statute", statute]);
        assert!(!fresh.db().exists(), "init created a ledger with {now:?}");
        refused(&fresh, now, &["demo"]);
        assert!(!fresh.dir.path().join("plenum-demo.db").exists());
    }
    let env = Env::founded();
    let before = bytes(&env.db());
    let purge = data("purge.toml");
    for now in BAD {
        refused(&env, now, &["record", purge.to_str().unwrap()]);
        assert_eq!(
            bytes(&env.db()),
            before,
            "record with {now:?} changed the ledger"
        );
        // `check` without --at asks the clock for today.
        refused(&env, now, &["check"]);
    }
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 16);
    // A well-formed value in any offset is normalized to UTC.
    env.plenum()
        .env("PLENUM_NOW", "2026-11-27T14:00:00+02:00")
        .arg("record")
        .arg(&purge)
        .assert()
        .success();
    let log = env.json(&["log"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["recorded_at"], "2026-11-27T12:00:00Z", "{last}");
}

//! A damaged ledger is never appended to, and `verify` names the damage (issue 8,
//! items 17 and 18): the head edited, an entry deleted, the file cut short.
//! Commands that meet damage exit 1 and point to `plenum verify`; nothing changes.

use rusqlite::Connection;

use crate::support::{Env, bytes, data};

/// Cuts the ledger file short by `by` bytes.
fn cut(env: &Env, by: u64) {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(env.db())
        .unwrap();
    let size = file.metadata().unwrap().len();
    file.set_len(size - by).unwrap();
}

/// The three damages of item 17, each applied to a fresh founded ledger.
fn damages() -> Vec<(&'static str, Env)> {
    let head = Env::founded();
    Connection::open(head.db())
        .unwrap()
        .execute("UPDATE meta SET value = '15' WHERE key = 'head_seq'", [])
        .unwrap();
    let deleted = Env::founded();
    Connection::open(deleted.db())
        .unwrap()
        .execute("DELETE FROM entries WHERE seq = 16", [])
        .unwrap();
    let truncated = Env::founded();
    cut(&truncated, 1);
    vec![
        ("head edited", head),
        ("entry deleted", deleted),
        ("file cut short", truncated),
    ]
}

#[test]
fn record_refuses_a_damaged_ledger_and_changes_nothing() {
    for (what, env) in damages() {
        let before = bytes(&env.db());
        let out = env
            .plenum()
            .arg("record")
            .arg(data("purge.toml"))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what}: {stderr}");
        assert!(stderr.contains("run `plenum verify`"), "{what}: {stderr}");
        assert!(out.stdout.is_empty(), "{what}");
        assert_eq!(bytes(&env.db()), before, "{what}: the ledger changed");
        // verify already knew.
        let out = env.plenum().arg("verify").output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            bytes(&env.db()),
            before,
            "{what}: verify changed the ledger"
        );
    }
}

#[test]
fn record_names_the_head_and_the_last_entry() {
    let (_, env) = damages().remove(0);
    let out = env
        .plenum()
        .arg("record")
        .arg(data("purge.toml"))
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "plenum: nothing was recorded: the ledger is damaged: its recorded head is entry 15, \
         but its last entry is 16; run `plenum verify` to find the damage\n"
    );
}

#[test]
fn verify_finds_a_file_cut_short_by_a_byte_or_a_page() {
    for by in [1u64, 4096, 8192] {
        let env = Env::founded();
        cut(&env, by);
        let before = bytes(&env.db());
        for deep in [false, true] {
            let mut cmd = env.plenum();
            cmd.arg("verify");
            if deep {
                cmd.arg("--deep");
            }
            let out = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(1),
                "cut by {by}, deep {deep}: {stderr}"
            );
            assert!(
                stderr.contains("the database file is damaged") && stderr.contains("cut short"),
                "cut by {by}, deep {deep}: {stderr}"
            );
        }
        // Queries do not answer from it either, and say why.
        let out = env
            .plenum()
            .args(["at", "1950", "politburo"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "cut by {by}: {stderr}");
        assert!(
            stderr.contains("cut short") && stderr.contains("plenum verify"),
            "{stderr}"
        );
        assert_eq!(bytes(&env.db()), before);
    }
}

//! Clear messages, not wrong ones (issue 8, items 20 and 21): files that are not
//! ledgers or are damaged, ids used twice, text that is not UTF-8 or holds control
//! characters, ids in other scripts, ids against aliases, keys written twice, and
//! `log --jsonl` read back by `record`.

use rusqlite::Connection;

use crate::bad_input::{refused, write};
use crate::support::{Env, bytes, data};

/// Runs plenum and returns (exit code, standard error).
fn fails(env: &Env, args: &[&str]) -> (Option<i32>, String) {
    let out = env.plenum().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_foreign_sqlite_file_with_a_meta_row_is_named_once_and_never_changed() {
    let env = Env::founded();
    let format: String = Connection::open(env.db())
        .unwrap()
        .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let foreign = env.dir.path().join("foreign.db");
    {
        let c = Connection::open(&foreign).unwrap();
        c.execute_batch(
            "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); CREATE TABLE notes(x);",
        )
        .unwrap();
        c.execute("INSERT INTO meta VALUES ('format', ?1)", [&format])
            .unwrap();
    }
    let before = bytes(&foreign);
    assert_eq!(
        &before[18..20],
        [1, 1],
        "a rollback-journal file to begin with"
    );
    for args in [
        &["verify"][..],
        &["verify", "--deep"],
        &["record", data("purge.toml").to_str().unwrap()],
        &["at", "1950", "cc"],
        &["check"],
        &["log"],
    ] {
        let mut all = args.to_vec();
        all.extend(["--db", "foreign.db"]);
        let (code, stderr) = fails(&env, &all);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: one message: {stderr}");
        assert!(
            stderr.contains("foreign.db claims to be a plenum ledger but has no `"),
            "{args:?}: {stderr}"
        );
        assert_eq!(bytes(&foreign), before, "{args:?} changed the file");
        for suffix in ["-wal", "-shm", "-journal"] {
            let sidecar = env.dir.path().join(format!("foreign.db{suffix}"));
            assert!(!sidecar.exists(), "{args:?} left {suffix}");
        }
    }
}

#[test]
fn a_damaged_page_reads_as_damage_not_as_a_stranger() {
    let env = Env::founded();
    let page: i64 = Connection::open(env.db())
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = 'meta'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut file = bytes(&env.db());
    let start = (page as usize - 1) * 4096;
    file[start..start + 40].fill(0xAB);
    std::fs::write(env.db(), &file).unwrap();
    for args in [
        &["at", "1950", "cc"][..],
        &["verify"],
        &["record", data("purge.toml").to_str().unwrap()],
    ] {
        let (code, stderr) = fails(&env, args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("the database file is damaged")
                && !stderr.contains("not a plenum ledger"),
            "{args:?}: {stderr}"
        );
        assert_eq!(bytes(&env.db()), file, "{args:?}");
    }
}

#[test]
fn ids_used_twice_say_where() {
    let env = Env::founded();
    let event = |id: &str| {
        format!(
            "[[event]]\nid = \"{id}\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"kim\"\n"
        )
    };
    write(&env, "one.toml", &event("twice"));
    write(&env, "two.toml", &event("twice"));
    let before = bytes(&env.db());
    let (code, stderr) = fails(&env, &["record", "one.toml", "two.toml"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.starts_with("plenum: two.toml:2:1: event id `twice` is used twice in this batch"),
        "{stderr}"
    );
    assert_eq!(bytes(&env.db()), before);
    refused(
        &env,
        "same.toml",
        &format!("{}\n{}", event("again"), event("again")),
        "8:1",
        "event id `again` is used twice in this file",
    );
}

#[test]
fn text_that_is_not_utf8_is_placed() {
    let env = Env::founded();
    let before = bytes(&env.db());
    std::fs::write(
        env.dir.path().join("latin1.toml"),
        b"[[event]]\nid = \"x\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"x\"\nname = \"Jos\xe9\"\n",
    )
    .unwrap();
    let (code, stderr) = fails(&env, &["record", "latin1.toml"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.starts_with(
            "plenum: latin1.toml:6:12: byte 0xE9 is not UTF-8 text; save the file as UTF-8"
        ),
        "{stderr}"
    );
    assert_eq!(bytes(&env.db()), before);
}

#[test]
fn control_characters_are_refused_in_every_text_field() {
    let env = Env::founded();
    let bidi = "character 4 of this text is U+202E, a bidirectional control";
    refused(
        &env,
        "bidi.jsonl",
        "{\"id\":\"x\",\"date\":\"1950\",\"kind\":\"person_registered\",\"person\":\"x\",\"name\":\"Kim\\u202eli\"}\n",
        "1:65",
        &format!("field `name`: {bidi}"),
    );
    refused(
        &env,
        "bidi.toml",
        "[[event]]\nid = \"x\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"x\"\nname = \"Kim\u{202e}li\"\n",
        "6:1",
        &format!("field `name`: {bidi}"),
    );
    refused(
        &env,
        "marker.jsonl",
        "{\"id\":\"x\",\"date\":\"1950\",\"kind\":\"person_died\",\"person\":\"kim\",\"sources\":[{\"document\":\"d\",\"quote\":\"a\\u0001b\"}]}\n",
        "1:61",
        "field `sources[0].quote`: character 2 of this text is U+0001, a control character",
    );
    let statute = std::fs::read_to_string(data("statute.toml"))
        .unwrap()
        .replacen(
            "name = \"Central Committee\"",
            "name = \"Central \\u2066Committee\"",
            1,
        );
    write(&env, "bidi-statute.toml", &statute);
    let (code, stderr) = fails(
        &env,
        &["init", "--statute", "bidi-statute.toml", "--db", "new.db"],
    );
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("bidi-statute.toml:29:8: character 9 of this text is U+2066"),
        "{stderr}"
    );
}

#[test]
fn ids_are_ascii_and_say_so() {
    let env = Env::new();
    let statute = std::fs::read_to_string(data("statute.toml"))
        .unwrap()
        .replacen("id = \"politburo\"", "id = \"политбюро\"", 1);
    write(&env, "cyrillic.toml", &statute);
    let (code, stderr) = fails(&env, &["init", "--statute", "cyrillic.toml"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("invalid key `политбюро`: ids are ASCII")
            && stderr.contains("names and aliases may be in any script"),
        "{stderr}"
    );
    let env = Env::founded();
    refused(
        &env,
        "person.toml",
        "[[event]]\nid = \"x\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"ким\"\nname = \"Ким Ир Сен\"\n",
        "5:1",
        "invalid person id `ким`: ids are ASCII",
    );
}

#[test]
fn an_id_wins_over_another_entity_s_alias() {
    let env = Env::founded();
    write(
        &env,
        "lee.toml",
        "[[event]]\nid = \"p-lee\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"lee\"\nname = \"Lee Sang\"\naliases = [\"kim\", \"pak\"]\n",
    );
    env.plenum().args(["record", "lee.toml"]).assert().success();
    assert_eq!(env.json(&["person", "kim"])["name"], "Kim Il");
    assert_eq!(env.json(&["person", "PAK"])["name"], "Pak Hon");
    assert_eq!(env.json(&["person", "lee"])["name"], "Lee Sang");
    // A name or alias that is nobody's id is still ambiguous.
    write(
        &env,
        "twin.toml",
        "[[event]]\nid = \"p-twin\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"twin\"\nname = \"Lee Sang\"\n",
    );
    env.plenum()
        .args(["record", "twin.toml"])
        .assert()
        .success();
    let (code, stderr) = fails(&env, &["person", "Lee Sang"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("`Lee Sang` is ambiguous; it could be: lee (Lee Sang), twin (Lee Sang)"),
        "{stderr}"
    );
}

#[test]
fn json_lines_refuse_keys_written_twice_and_accept_a_byte_order_mark() {
    let env = Env::founded();
    refused(
        &env,
        "dup.jsonl",
        "{\"id\":\"x\",\"date\":\"1950\",\"kind\":\"person_died\",\"person\":\"kim\",\"person\":\"pak\"}\n",
        "1:68",
        "invalid JSON: the key `person` is written twice",
    );
    refused(
        &env,
        "dup.toml",
        "[[event]]\nid = \"x\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"kim\"\nperson = \"pak\"\n",
        "6:1",
        "duplicate key",
    );
    write(
        &env,
        "bom.jsonl",
        "\u{feff}{\"id\":\"x\",\"date\":\"1950\",\"kind\":\"person_died\",\"person\":\"kim\"}\n",
    );
    env.plenum()
        .args(["record", "bom.jsonl"])
        .assert()
        .success();
}

#[test]
fn a_misspelled_meeting_gets_a_suggestion() {
    let env = Env::founded();
    refused(
        &env,
        "meeting.toml",
        "[[event]]\nid = \"x\"\ndate = \"1950\"\nkind = \"meeting_held\"\nmeeting = \"first-congres\"\n",
        "1:1",
        "meeting `first-congres` was not convened before, so `organ` is required (or did you mean `first-congress`?)",
    );
}

#[test]
fn log_jsonl_is_read_back_by_record() {
    let env = Env::purged();
    let events = env.stdout(&["log", "--jsonl", "--from", "2"]);
    assert_eq!(events.lines().count(), 21, "{events}");
    let copy = Env::new();
    copy.plenum()
        .args(["init", "--statute"])
        .arg(data("statute.toml"))
        .assert()
        .success();
    write(&copy, "events.jsonl", &events);
    copy.plenum()
        .args(["record", "events.jsonl"])
        .assert()
        .success();
    assert_eq!(
        copy.stdout(&["log", "--jsonl"]),
        env.stdout(&["log", "--jsonl"])
    );
    assert_eq!(
        copy.json(&["at", "1957", "politburo"]),
        env.json(&["at", "1957", "politburo"])
    );
    assert_eq!(
        copy.json(&["check", "--at", "1960"]),
        env.json(&["check", "--at", "1960"])
    );
}

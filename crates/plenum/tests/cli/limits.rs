//! Limits on input (issue 8, items 14, 15 and 22): errors print for any column,
//! sizes beyond the documented limits and counts beyond the largest are refused
//! with their place, and nothing changes.

use crate::bad_input::{refused, write};
use crate::support::{Env, bytes, data};

fn person(id: &str, fields: &str) -> String {
    format!(
        "{{\"id\":\"p-{id}\",\"date\":\"1950\",\"kind\":\"person_registered\",\"person\":\"{id}\"{fields}}}\n"
    )
}

#[test]
fn errors_past_column_65535_print_with_their_column() {
    let env = Env::founded();
    // The case: a 65,600-character name, then a syntax error.
    let name = "N".repeat(65_600);
    let line = format!(
        "{{\"id\":\"x\",\"date\":\"1950\",\"kind\":\"person_registered\",\"person\":\"x\",\"name\":\"{name}\" oops}}\n"
    );
    let column = line.find(" oops").unwrap() + 2;
    refused(
        &env,
        "long.jsonl",
        &line,
        &format!("1:{column}"),
        "invalid JSON",
    );
    // A field error far along a valid line (long text in fields within their limit).
    let long = "é".repeat(30_000);
    let line = person(
        "y",
        &format!(",\"name\":\"{long}\",\"note\":\"{long}\",\"colour\":1"),
    );
    let column = line[..line.find("\"colour\"").unwrap()].chars().count() + 1;
    refused(
        &env,
        "field.jsonl",
        &line,
        &format!("1:{column}"),
        "unknown field `colour`",
    );
    // The same in a statute.
    let statute = std::fs::read_to_string(data("statute.toml"))
        .unwrap()
        .replacen(
            "title = \"Rules of the Party\"",
            &format!("title = \"{}\" oops", "T".repeat(70_000)),
            1,
        );
    write(&env, "long-statute.toml", &statute);
    let out = env
        .plenum()
        .args(["init", "--statute", "long-statute.toml", "--db", "new.db"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("plenum: long-statute.toml:3:70012: "),
        "{}",
        &stderr[..stderr.len().min(300)]
    );
    assert!(stderr.contains("oops") && stderr.len() < 2_000, "{stderr}");
    assert!(!env.dir.path().join("new.db").exists());
}

#[test]
fn text_fields_lines_and_files_have_limits() {
    let env = Env::founded();
    // A text field: 64 KiB is accepted, one byte more is not.
    let at_limit = person("a", &format!(",\"name\":\"{}\"", "a".repeat(65_536)));
    write(&env, "ok.jsonl", &at_limit);
    env.plenum().args(["record", "ok.jsonl"]).assert().success();
    // Queries answer about it (a 200 MB name once kept `person` busy for minutes).
    let started = std::time::Instant::now();
    assert_eq!(
        env.json(&["person", "a"])["name"].as_str().map(str::len),
        Some(65_536)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let over = person("b", &format!(",\"name\":\"{}\"", "b".repeat(65_537)));
    refused(
        &env,
        "name.jsonl",
        &over,
        "1:67",
        "field `name`: this text is 65,537 bytes; a field holds at most 64 KiB",
    );
    let quote = format!(
        "[[event]]\nid = \"q\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"kim\"\nsources = [{{ document = \"d\", quote = \"{}\" }}]\n",
        "q".repeat(70_000)
    );
    refused(
        &env,
        "quote.toml",
        &quote,
        "6:1",
        "field `sources[0].quote`: this text is 70,000 bytes",
    );
    // A line of JSON Lines: at most 2 MiB, whatever its fields.
    let aliases = vec![format!("\"{}\"", "x".repeat(60_000)); 40].join(",");
    let long_line = person("c", &format!(",\"name\":\"C\",\"aliases\":[{aliases}]"));
    refused(
        &env,
        "line.jsonl",
        &long_line,
        "1:1",
        "a line of JSON Lines holds at most 2 MiB",
    );
    // Files: told by their size, before they are read.
    let before = bytes(&env.db());
    let big = env.dir.path().join("big.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len((64 << 20) + 1)
        .unwrap();
    env.plenum()
        .args(["record", "big.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "big.toml is 67,108,865 bytes; plenum reads files of at most 64 MiB here",
        ));
    assert_eq!(bytes(&env.db()), before);
    std::fs::File::create(&big)
        .unwrap()
        .set_len((1 << 20) + 1)
        .unwrap();
    env.plenum()
        .args(["init", "--statute", "big.toml", "--db", "new.db"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "plenum reads files of at most 1 MiB here",
        ));
    assert!(!env.dir.path().join("new.db").exists());
}

#[test]
fn counts_beyond_the_largest_are_refused() {
    let env = Env::founded();
    let motion = |votes: &str| {
        format!(
            "[[event]]\nid = \"m\"\ndate = \"1950\"\nkind = \"motion_decided\"\norgan = \"party/cc\"\ntext = \"T\"\nvotes = {votes}\noutcome = \"carried\"\n"
        )
    };
    // The cases: sums that wrapped around to a majority, or to no votes at all.
    refused(
        &env,
        "wrap.toml",
        &motion("{ for = 3, against = 18446744073709551615, abstain = 18446744073709551615 }"),
        "7:62",
        "integer `18446744073709551615` is more than the largest count plenum accepts, 1,000,000,000",
    );
    let line = "{\"id\":\"m\",\"date\":\"1950\",\"kind\":\"motion_decided\",\"organ\":\"party/cc\",\"text\":\"T\",\"votes\":{\"for\":3,\"against\":18446744073709551615,\"abstain\":18446744073709551615},\"outcome\":\"carried\"}\n";
    refused(
        &env,
        "wrap.jsonl",
        line,
        "1:79",
        "field `votes.abstain`: 18446744073709551615 is more than the largest count plenum accepts, 1,000,000,000",
    );
    refused(
        &env,
        "half.toml",
        &motion("{ for = 9223372036854775807, against = 9223372036854775807 }"),
        "7:1",
        "field `votes.against`: 9223372036854775807 is more than the largest count plenum accepts",
    );
    let seats = |count: u64| {
        format!(
            "[[event]]\nid = \"c\"\ndate = \"1950\"\nkind = \"seats_counted\"\norgan = \"party/cc\"\ncount = {count}\n"
        )
    };
    refused(
        &env,
        "seats.toml",
        &seats(1_000_000_001),
        "6:1",
        "field `count`: 1000000001 is more than the largest count",
    );
    write(&env, "max.toml", &seats(1_000_000_000));
    env.plenum().args(["record", "max.toml"]).assert().success();
    // The statute's numbers too.
    let statute = std::fs::read_to_string(data("statute.toml"))
        .unwrap()
        .replacen("seats = { full = 7 }", "seats = { full = 4294967295 }", 1);
    write(&env, "seats-statute.toml", &statute);
    env.plenum()
        .args(["init", "--statute", "seats-statute.toml", "--db", "new.db"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "4294967295 is more than the largest count plenum accepts, 1,000,000,000",
        ));
}

#[test]
fn counts_no_meeting_or_organ_could_have_are_findings() {
    let env = Env::purged();
    let extra = "[[event]]\nid = \"too-many\"\ndate = \"1956-08-30\"\nkind = \"motion_decided\"\nmeeting = \"august-plenum\"\ntext = \"Thank the chairman\"\nvotes = { for = 5, against = 1 }\noutcome = \"carried\"\n\n\
[[event]]\nid = \"over-total\"\ndate = \"1950-01-01\"\nkind = \"seats_counted\"\norgan = \"party/cc\"\ncount = 3\n\n\
[[event]]\nid = \"over-faction\"\ndate = \"1950-01-01\"\nkind = \"seats_counted\"\norgan = \"party/cc\"\nfaction = \"north\"\ncount = 8\n";
    write(&env, "extra.toml", extra);
    env.plenum()
        .args(["record", "extra.toml"])
        .assert()
        .success();
    let findings = env.json(&["check", "--at", "1960"])["findings"]
        .as_array()
        .unwrap()
        .clone();
    let message = |rule: &str, event: &str| {
        findings
            .iter()
            .find(|f| f["rule"] == rule && f["events"][0] == event)
            .map(|f| f["message"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        message("majority-not-met", "too-many").as_deref(),
        Some(
            "carried, but the record gives 6 votes from 3 members present (5 for, 1 against, 0 abstaining): no majority is shown"
        )
    );
    assert_eq!(
        message("seats-over-limit", "over-faction").as_deref(),
        Some("Northern faction has 8 full seats on Central Committee; the statute allows 7 in all")
    );
    // Faction counts past the total count (3) leave no negative (or wrapped) remainder:
    // four named seats, and the northern count's six beyond its two named.
    let at = env.json(&["at", "1950-06-01", "cc"]);
    assert_eq!(at["total"], 10, "{at}");
    assert_eq!(
        at["by_faction"],
        serde_json::json!({ "(unknown)": 1, "Northern faction": 8, "Southern faction": 1 }),
        "{at}"
    );
    assert_eq!(
        at["unnamed"],
        serde_json::json!([{ "certainty": "definitely", "count": 6, "faction": { "id": "north", "name": "Northern faction" }, "role": "full" }]),
        "{at}"
    );
}

//! `plenum export popolo` and `plenum import popolo`: the bundled example as Popolo,
//! valid against the official draft-03 schemas; a real EveryPolitician file in, `plenum
//! at` answering from it; and bad input named by JSON path with nothing recorded. The
//! round trips are in `popolo_round_trip.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use predicates::str::contains;
use serde_json::Value;

use crate::support::{Env, bytes, data};

pub(crate) fn demo() -> Env {
    let env = Env::new();
    env.plenum()
        .args(["demo", "--db", "plenum.db"])
        .assert()
        .success();
    env
}

pub(crate) fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("JSON")
}

fn burundi() -> PathBuf {
    data("popolo/burundi-ep-popolo-v1.0.json")
}

/// The python with `jsonschema`: `. .ci/jsonschema` exports it. Missing, the test fails.
fn python() -> String {
    std::env::var("JSONSCHEMA_PYTHON")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| {
            panic!(
                "JSONSCHEMA_PYTHON is not set: run `. .ci/jsonschema` (it installs Python's \
                 jsonschema into target/jsonschema-venv and exports JSONSCHEMA_PYTHON) and run \
                 the tests again"
            )
        })
}

fn validate(file: &Path) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/popolo");
    let python = python();
    let out = std::process::Command::new(&python)
        .arg(dir.join("validate.py"))
        .arg(dir.join("schemas"))
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run JSONSCHEMA_PYTHON={python}: {e}; run `. .ci/jsonschema`")
        });
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "not valid Popolo:\n{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains(" 0 errors"), "{said}");
}

#[test]
fn popolo_export_of_the_example_is_valid_and_cites_its_sources() {
    let env = demo();
    let report = env.json(&["export", "popolo", "--out", "wpk.json"]);
    let file = env.dir.path().join("wpk.json");
    let popolo = read(&file);
    for key in ["persons", "organizations", "posts", "memberships", "events"] {
        let n = popolo[key].as_array().map_or(0, Vec::len);
        assert!(n > 0, "no {key}");
        assert_eq!(report[key], n, "{key}");
    }
    let orgs = popolo["organizations"].as_array().expect("organizations");
    let kinds: BTreeSet<&str> = orgs
        .iter()
        .filter_map(|o| o["classification"].as_str())
        .collect();
    assert!(
        kinds.contains("organ") && kinds.contains("faction"),
        "{kinds:?}"
    );
    assert!(
        orgs.iter()
            .any(|o| o["id"] == "wpk/politburo" && o["parent_id"] == "wpk"),
        "the Politburo is an organ of the party"
    );
    let members = popolo["memberships"].as_array().expect("memberships");
    assert!(members.iter().any(|m| {
        m["on_behalf_of_id"]
            .as_str()
            .is_some_and(|f| f.starts_with("faction:"))
    }));
    assert!(members.iter().any(|m| m["post_id"].is_string()));
    let quoted = members
        .iter()
        .flat_map(|m| m["sources"].as_array().into_iter().flatten())
        .find(|s| s["plenum:quote"].is_string())
        .expect("a source with its quote");
    assert!(
        quoted["url"]
            .as_str()
            .is_some_and(|u| u.starts_with("urn:plenum:document:") || u.contains(':'))
    );
    assert!(
        popolo["persons"]
            .as_array()
            .expect("persons")
            .iter()
            .any(|p| p["other_names"].is_array())
    );
    let events = popolo["events"].as_array().expect("events");
    assert!(events.iter().any(|e| e["classification"] == "meeting"));
    validate(&file);
}

#[test]
fn popolo_export_of_the_association_has_its_elections_and_is_valid() {
    let env = association();
    env.plenum()
        .args(["export", "popolo", "--out", "nfaa.json"])
        .assert()
        .success();
    let file = env.dir.path().join("nfaa.json");
    let popolo = read(&file);
    let events = popolo["events"].as_array().expect("events");
    let election = events
        .iter()
        .find(|e| e["classification"] == "election" && e["organization_id"] == "nfaa/board")
        .expect("an election of the Board");
    assert!(
        election["plenum:elected"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
    );
    validate(&file);
}

pub(crate) fn association() -> Env {
    let env = Env::new();
    env.plenum()
        .args(["demo", "--example", "association", "--db", "plenum.db"])
        .assert()
        .success();
    env
}

#[test]
fn popolo_export_at_a_date_keeps_what_held_then() {
    let env = association();
    env.plenum()
        .args([
            "export",
            "popolo",
            "--at",
            "2023-06-01",
            "--out",
            "2023.json",
        ])
        .assert()
        .success();
    let popolo = read(&env.dir.path().join("2023.json"));
    let seated: BTreeSet<String> = popolo["memberships"]
        .as_array()
        .expect("memberships")
        .iter()
        .filter(|m| m["organization_id"] == "nfaa/board")
        .filter_map(|m| m["person_id"].as_str().map(str::to_owned))
        .collect();
    let at = env.json(&["at", "2023-06-01", "board"]);
    let named: BTreeSet<String> = at["members"]
        .as_array()
        .expect("members")
        .iter()
        .filter_map(|m| m["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(named.len(), 7);
    assert_eq!(seated, named);
    let persons: BTreeSet<&str> = popolo["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    let members: BTreeSet<&str> = popolo["memberships"]
        .as_array()
        .expect("memberships")
        .iter()
        .filter_map(|m| m["person_id"].as_str())
        .collect();
    assert_eq!(persons, members, "the persons of what held");
    let kept = popolo["memberships"].as_array().map_or(0, Vec::len);
    let all = all_memberships(&env);
    assert!(kept < all, "only what held: {kept} of {all} memberships");
    validate(&env.dir.path().join("2023.json"));
}

fn all_memberships(env: &Env) -> usize {
    env.plenum()
        .args(["export", "popolo", "--out", "all.json"])
        .assert()
        .success();
    read(&env.dir.path().join("all.json"))["memberships"]
        .as_array()
        .map_or(0, Vec::len)
}

/// The persons sitting on `day` by the file itself: a membership's own dates, or its term's.
fn sitting(file: &Value, day: &str) -> BTreeMap<String, String> {
    let periods: BTreeMap<&str, (&str, Option<&str>)> = file["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| {
            Some((
                e["id"].as_str()?,
                (e["start_date"].as_str()?, e["end_date"].as_str()),
            ))
        })
        .collect();
    let names: BTreeMap<&str, &str> = file["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
        .collect();
    let parties: BTreeMap<&str, &str> = file["organizations"]
        .as_array()
        .expect("organizations")
        .iter()
        .filter_map(|o| Some((o["id"].as_str()?, o["name"].as_str()?)))
        .collect();
    let mut out = BTreeMap::new();
    for m in file["memberships"].as_array().expect("memberships") {
        let period = m["legislative_period_id"]
            .as_str()
            .and_then(|p| periods.get(p));
        let start = m["start_date"]
            .as_str()
            .or(period.map(|p| p.0))
            .expect("a start");
        let end = m["end_date"].as_str().or(period.and_then(|p| p.1));
        // ISO dates compare as text; a year or month start holds from its first day.
        if start <= day && end.is_none_or(|e| day < e) {
            let person = m["person_id"].as_str().expect("person");
            let party = m["on_behalf_of_id"]
                .as_str()
                .and_then(|p| parties.get(p))
                .copied()
                .unwrap_or("");
            out.insert(names[person].to_owned(), party.to_owned());
        }
    }
    out
}

#[test]
fn a_real_everypolitician_file_imports_and_at_lists_who_sat() {
    let env = Env::new();
    let report = env.json(&["import", "popolo", burundi().to_str().expect("path")]);
    let file = read(&burundi());
    assert_eq!(report["statute"], "proposed");
    assert_eq!(
        report["counts"]["persons"],
        file["persons"].as_array().map_or(0, Vec::len)
    );
    let unmapped = report["unmapped"].as_array().expect("unmapped");
    let identifiers = unmapped
        .iter()
        .find(|u| u["path"] == "$.persons[].identifiers")
        .expect("identifiers are listed");
    let with = file["persons"]
        .as_array()
        .expect("persons")
        .iter()
        .filter(|p| p["identifiers"].is_array())
        .count();
    assert_eq!(identifiers["count"], with);
    assert_eq!(identifiers["first"], "$.persons[0].identifiers");
    assert!(
        unmapped
            .iter()
            .any(|u| u["path"] == "$.memberships[].area_id")
    );
    assert!(unmapped.iter().any(|u| u["path"] == "$.areas"));
    let chamber = "Assemblée nationale";
    for day in ["2012-06-01", "2016-01-01"] {
        let expected = sitting(&file, day);
        assert!(expected.len() > 50, "{day}: {}", expected.len());
        let at = env.json(&["at", day, chamber]);
        let names: BTreeSet<String> = at["members"]
            .as_array()
            .expect("members")
            .iter()
            .filter_map(|m| m["name"].as_str().map(str::to_owned))
            .collect();
        assert_eq!(at["total"], expected.len(), "{day}");
        assert_eq!(
            names,
            expected.keys().cloned().collect::<BTreeSet<_>>(),
            "{day}"
        );
        let mut by_party: BTreeMap<String, u64> = BTreeMap::new();
        for party in expected.values() {
            *by_party.entry(party.clone()).or_default() += 1;
        }
        for (party, n) in by_party {
            assert_eq!(at["by_faction"][&party], n, "{day}: {party}");
        }
    }
    // And in words.
    env.plenum()
        .args(["at", "2012-06-01", chamber])
        .assert()
        .success()
        .stdout(contains(
            sitting(&file, "2012-06-01")
                .keys()
                .next()
                .expect("a name")
                .as_str(),
        ));
}

fn log(env: &Env) -> String {
    env.stdout(&["log", "--json"])
}

#[test]
fn bad_popolo_is_named_by_json_path_and_changes_nothing() {
    let env = Env::new();
    env.plenum()
        .args(["import", "popolo"])
        .arg(burundi())
        .assert()
        .success();
    let before = (log(&env), bytes(&env.db()));
    // A membership naming a person the file does not have.
    let mut file = read(&burundi());
    file["memberships"][5]["person_id"] = "nobody-at-all".into();
    std::fs::write(
        env.dir.path().join("unknown.json"),
        serde_json::to_string(&file).expect("json"),
    )
    .expect("write");
    env.plenum()
        .args(["import", "popolo", "unknown.json"])
        .assert()
        .code(2)
        .stderr(contains("$.memberships[5].person_id"))
        .stderr(contains("nobody-at-all"))
        .stderr(contains("nothing was recorded"));
    // A value of the wrong type, and JSON cut short.
    std::fs::write(
        env.dir.path().join("typed.json"),
        "{\"persons\": [{\"id\": \"a\"}, {\"id\": 5}]}",
    )
    .expect("write");
    env.plenum()
        .args(["import", "popolo", "typed.json"])
        .assert()
        .code(2)
        .stderr(contains("$.persons[1].id"))
        .stderr(contains("typed.json:1:"));
    let text = std::fs::read_to_string(burundi()).expect("read");
    std::fs::write(env.dir.path().join("cut.json"), &text[..text.len() / 2]).expect("write");
    env.plenum()
        .args(["import", "popolo", "cut.json"])
        .assert()
        .code(2)
        .stderr(contains("cut.json:"))
        .stderr(contains(": $."));
    assert_eq!(
        (log(&env), bytes(&env.db())),
        before,
        "the ledger is unchanged"
    );
    // Into a new ledger, bad input makes no ledger at all.
    env.plenum()
        .args(["import", "popolo", "unknown.json", "--db", "new.db"])
        .assert()
        .code(2);
    assert!(!env.dir.path().join("new.db").exists());
}

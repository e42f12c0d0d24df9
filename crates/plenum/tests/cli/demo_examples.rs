//! `plenum demo --example X` records the example's history only (its top-level event
//! files and `history/`), never `violations/`: for every bundled example, the demo ledger
//! holds exactly the events of a ledger made by `plenum init` and `plenum record` of the
//! history, `plenum check` finds the same (none for the statute examples; the
//! association's README names its three), and `plenum verify` passes.

use std::path::{Path, PathBuf};

use plenum_model::date::FuzzyDate;
use serde_json::Value;

use crate::support::Env;

/// Every bundled example: a folder of `examples/` with a `statute.toml`.
fn examples() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(examples_dir())
        .expect("examples/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("statute.toml").is_file())
        .filter_map(|p| p.file_name()?.to_str().map(str::to_owned))
        .collect();
    names.sort();
    names
}

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn is_event_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "toml" || e == "jsonl")
}

fn under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            under(&path, out);
        } else if is_event_file(&path) {
            out.push(path);
        }
    }
}

/// The example's history, as a person would record it by hand: the event files at the
/// top of its folder (not the statute) and under `history/`, in name order.
fn history(example: &str) -> Vec<PathBuf> {
    let dir = examples_dir().join(example);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the example's folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_event_file(p) && !p.ends_with("statute.toml"))
        .collect();
    under(&dir.join("history"), &mut files);
    let mut files: Vec<(PathBuf, PathBuf)> = files
        .into_iter()
        .map(|p| (p.strip_prefix(&dir).expect("within").to_path_buf(), p))
        .collect();
    files.sort();
    files.into_iter().map(|(_, p)| p).collect()
}

/// The ids of the events a ledger holds, in ledger order.
fn event_ids(env: &Env, db: &str) -> Vec<String> {
    let log = env.json(&["log", "--db", db]);
    log.as_array()
        .expect("log entries")
        .iter()
        .map(|e| e["event"]["id"].as_str().expect("an event id").to_owned())
        .collect()
}

/// The latest day any event of the ledger may fall on: the history judged as of its end,
/// so that no organ is "overdue" by the day the test happens to run.
fn last_day(env: &Env, db: &str) -> String {
    let log = env.json(&["log", "--db", db]);
    log.as_array()
        .expect("log entries")
        .iter()
        .filter_map(|e| e["event"]["date"].as_str())
        .filter_map(|d| d.parse::<FuzzyDate>().ok())
        .map(|d| d.latest())
        .max()
        .expect("a dated event")
        .to_string()
}

fn findings(env: &Env, db: &str, day: &str) -> Value {
    env.json(&["check", "--db", db, "--at", day])
}

#[test]
fn demo_records_each_example_history_and_never_its_violations() {
    let names = examples();
    for expected in ["association", "coop-catalyst", "cpc", "union-afscme", "wpk"] {
        assert!(names.iter().any(|n| n == expected), "{expected}: {names:?}");
    }
    for name in &names {
        let env = Env::new();
        env.plenum()
            .args(["demo", "--example", name, "--db", "demo.db"])
            .assert()
            .success();
        let statute = examples_dir().join(name).join("statute.toml");
        env.plenum()
            .args(["init", "--db", "hand.db", "--statute"])
            .arg(&statute)
            .assert()
            .success();
        env.plenum()
            .args(["record", "--db", "hand.db"])
            .args(history(name))
            .assert()
            .success();
        let (demo, hand) = (event_ids(&env, "demo.db"), event_ids(&env, "hand.db"));
        assert_eq!(
            demo, hand,
            "{name}: the demo records the history and nothing else"
        );
        let day = last_day(&env, "hand.db");
        let (found, lawful) = (
            findings(&env, "demo.db", &day),
            findings(&env, "hand.db", &day),
        );
        assert_eq!(found, lawful, "{name}: the findings of the lawful history");
        let rules: Vec<(&str, &str)> = found["findings"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}: findings in {found}"))
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap_or(""),
                    f["date"].as_str().unwrap_or(""),
                )
            })
            .collect();
        match name.as_str() {
            "coop-catalyst" | "cpc" | "union-afscme" => {
                assert!(rules.is_empty(), "{name}: a lawful history: {rules:?}");
            }
            "association" => assert_eq!(
                rules,
                [
                    ("quorum-not-met", "2022-06-18"),
                    ("no-competent-decision", "2022-11-20"),
                    // The Board's and the Chair's mandates, both elected "for one year".
                    ("term-expired", "2023-05-20"),
                    ("term-expired", "2023-05-20"),
                ],
                "the findings examples/association/README.md names"
            ),
            _ => {}
        }
        let verified = env.json(&["verify", "--db", "demo.db"]);
        assert_eq!(verified["ok"], true, "{name}: {verified}");
    }
}

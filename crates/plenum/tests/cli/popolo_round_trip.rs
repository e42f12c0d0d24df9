//! The Popolo round trip: `plenum export popolo`, then `plenum import popolo` into a new
//! ledger, gives the same members of every organ, post, faction and organization on each
//! day tested (each with its role, faction, leadership, status, certainty, start and end
//! dates; a member's unit is not exported), and exported again, the same lifespans; on every bundled example and on
//! synthetic histories (`data/popolo/association-factions.toml`, `data/popolo/periods.toml`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::popolo::{association, demo, read};
use crate::support::{Env, data};

/// A bundled example built by `plenum demo`.
fn example_demo(example: &str) -> Env {
    let env = Env::new();
    env.plenum()
        .args(["demo", "--example", example, "--db", "plenum.db"])
        .assert()
        .success();
    env
}

/// The association's history and, after it, factions joined, left, led jointly and
/// dissolved, some on fuzzy dates (`data/popolo/association-factions.toml`).
fn association_with_factions() -> Env {
    let env = Env::new();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/association");
    env.plenum()
        .args(["init", "--statute"])
        .arg(example.join("statute.toml"))
        .assert()
        .success();
    let mut files: Vec<PathBuf> = std::fs::read_dir(example.join("history"))
        .expect("history")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    env.plenum()
        .arg("record")
        .args(files)
        .arg(data("popolo/association-factions.toml"))
        .assert()
        .success();
    env
}

#[test]
fn factions_go_out_and_come_in_with_their_dates() {
    let days = [
        "2021-06-01",
        "2022-05-14",
        "2022-06-01",
        "2022-06-15",
        "2022-12-01",
        "2023-03-01",
        "2023-06-01",
        "2023-08-01",
        "2023-12-15",
        "2024-02-15",
        "2024-06-01",
        "2024-12-01",
    ];
    let env = association_with_factions();
    // The Board seated in 2021 stood with no faction then.
    let board = env.json(&["at", "2021-06-01", "board"]);
    assert!(
        board["members"]
            .as_array()
            .expect("members")
            .iter()
            .all(|m| m["faction"].is_null()),
        "{board}"
    );
    let (again, _) = out_and_in(&env, &days, None);
    let board = again.json(&["at", "2021-06-01", "board"]);
    assert!(
        board["members"]
            .as_array()
            .expect("members")
            .iter()
            .all(|m| m["faction"].is_null()),
        "after the round trip, no alignment before its faction was formed: {board}"
    );
}

#[test]
fn every_period_goes_out_and_comes_in_with_its_dates() {
    let env = Env::founded();
    env.plenum()
        .arg("record")
        .arg(data("popolo/periods.toml"))
        .assert()
        .success();
    let days = [
        "1946-09-01",
        "1947-06-01",
        "1948-03",
        "1948-06-01",
        "1949-06-01",
        "1950-04-01",
        "1950-06-01",
        "1951-06",
        "1951-08-01",
        "1952-06-01",
        "1953-03-01",
        "1953-07-01",
        "1954-10-01",
        "1956-01-01",
        "1958-01-01",
    ];
    out_and_in(&env, &days, None);
}

/// What `plenum at` gives for every organ, post, faction and organization of an export,
/// on each day: each member with their role, faction, leadership, status, certainty and
/// the dates their seat, tenure, alignment or membership began and ended.
fn holders(env: &Env, popolo: &Value, days: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let organizations = popolo["organizations"].as_array().expect("organizations");
    let of_kind = |kind: &'static str| {
        organizations
            .iter()
            .filter(move |o| o["plenum:kind"] == kind)
            .filter_map(|o| o["id"].as_str())
    };
    let factions = of_kind("faction").map(|f| f.strip_prefix("faction:").unwrap_or(f));
    let posts = popolo["posts"]
        .as_array()
        .expect("posts")
        .iter()
        .filter_map(|p| p["id"].as_str());
    let targets: Vec<&str> = of_kind("organ")
        .chain(posts)
        .chain(factions)
        .chain(of_kind("organization"))
        .collect();
    let mut out = BTreeMap::new();
    for what in targets {
        for day in days {
            let at = env.json(&["at", day, what]);
            let mut members: BTreeSet<String> = at["members"]
                .as_array()
                .expect("members")
                .iter()
                // Popolo has no membership "at some time within a period": a tenure
                // observed (`tenure_observed`) is not exported.
                .filter(|m| m.get("observed").is_none())
                // Nor a member's unit (`member_admitted`'s `unit`, `member_transferred`):
                // a Popolo membership has no branch of the organization.
                .map(|m| {
                    let mut m = m.clone();
                    if let Some(m) = m.as_object_mut() {
                        m.remove("unit");
                    }
                    m.to_string()
                })
                .collect();
            // Seats counted without names count too: the total and the seats by faction.
            members.insert(format!("total {}", at["total"]));
            members.insert(format!("by faction {}", at["by_faction"]));
            out.insert(format!("{day} {what}"), members);
        }
    }
    out
}

/// The dates of every organization, faction and person of an export, by id, with their
/// exact `plenum:` twins.
fn lifespans(popolo: &Value) -> BTreeMap<String, Vec<String>> {
    let dates = |item: &Value, fields: &[&str]| -> Vec<String> {
        fields
            .iter()
            .flat_map(|f| [f.to_string(), format!("plenum:{f}")])
            .map(|f| format!("{f}={}", item[&f]))
            .collect()
    };
    let mut out = BTreeMap::new();
    for o in popolo["organizations"].as_array().expect("organizations") {
        if o["plenum:kind"] == "organ" {
            continue;
        }
        let id = o["id"].as_str().expect("id").to_owned();
        out.insert(id, dates(o, &["founding_date", "dissolution_date"]));
    }
    for p in popolo["persons"].as_array().expect("persons") {
        let id = format!("person {}", p["id"].as_str().expect("id"));
        out.insert(id, dates(p, &["birth_date", "death_date"]));
    }
    out
}

fn out_and_in(env: &Env, days: &[&str], statute: Option<&Path>) -> (Env, Value) {
    env.plenum()
        .args(["export", "popolo", "--out", "out.json"])
        .assert()
        .success();
    let again = Env::new();
    std::fs::copy(
        env.dir.path().join("out.json"),
        again.dir.path().join("out.json"),
    )
    .expect("copy");
    let report = match statute {
        None => {
            let report = again.json(&[
                "import",
                "popolo",
                "out.json",
                "--proposed-statute",
                "proposed.toml",
            ]);
            assert_eq!(report["statute"], "proposed");
            assert!(again.dir.path().join("proposed.toml").exists());
            report
        }
        Some(statute) => {
            let statute = statute.to_str().expect("path");
            let report = again.json(&["import", "popolo", "out.json", "--statute", statute]);
            assert!(
                report["statute"]
                    .as_str()
                    .is_some_and(|s| s.starts_with("given"))
            );
            report
        }
    };
    let popolo = read(&env.dir.path().join("out.json"));
    let (was, is) = (holders(env, &popolo, days), holders(&again, &popolo, days));
    assert!(was.values().filter(|n| n.len() > 2).count() > 3, "{was:?}");
    for (key, members) in &was {
        assert_eq!(Some(members), is.get(key), "{key}");
    }
    assert_eq!(was.len(), is.len());
    // And exported again: every organization and faction founded and dissolved, and every
    // person born and dead, on the same dates.
    again
        .plenum()
        .args(["export", "popolo", "--out", "again.json"])
        .assert()
        .success();
    let back = read(&again.dir.path().join("again.json"));
    assert_eq!(lifespans(&popolo), lifespans(&back));
    (again, report)
}

#[test]
fn the_examples_go_out_and_come_in_with_the_same_members() {
    let nfaa = ["2021-06-01", "2022-06-01", "2023-06-01", "2024-06-01"];
    let (_, report) = out_and_in(&association(), &nfaa, None);
    assert_eq!(report["organization"], "nfaa");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for (example, days) in [
        ("cpc", &["2013-01-01", "2018-01-01", "2023-01-01"][..]),
        (
            "coop-catalyst",
            &["2020-12-01", "2022-01-01", "2023-12-01"][..],
        ),
        (
            "union-afscme",
            &["2022-06-01", "2023-06-01", "2024-06-01"][..],
        ),
    ] {
        // The union's Executive Board is composed of other organs' members, which Popolo
        // cannot say and a proposed statute does not know: it comes back with its own.
        let statute =
            (example == "union-afscme").then(|| examples.join(example).join("statute.toml"));
        let (_, report) = out_and_in(&example_demo(example), days, statute.as_deref());
        assert!(report["organization"].is_string(), "{example}: {report}");
    }
    let wpk = [
        "1946-09-01",
        "1950-01-01",
        "1956-09-01",
        "1980-10-15",
        "1998-01-01",
    ];
    let (_, report) = out_and_in(&demo(), &wpk, None);
    assert_eq!(report["organization"], "wpk");
    // With the organization's own statute instead of a proposed one.
    let (again, report) = out_and_in(&demo(), &wpk, Some(&examples.join("wpk/statute.toml")));
    assert_eq!(report["organization"], "wpk");
    assert_eq!(again.json(&["log"])[0]["event"]["kind"], "statute_adopted");
}

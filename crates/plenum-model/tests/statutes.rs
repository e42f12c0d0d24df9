//! The real statutes bundled as examples, as data tests: a lawful history gives
//! no finding, and each violation history gives exactly the finding it expects.
//!
//! An example takes part when it has a `violations/` folder beside its
//! `statute.toml` and `history/`. Each file there holds events recorded after
//! the lawful history (new events, or `event_superseded` corrections of lawful
//! ones) that break one clause, and says what `check` must find in comment
//! lines at its top:
//!
//! ```toml
//! # expect: short-notice 27        (a rule id, and the article cited, or `-` for none)
//! # at: 1966-12-31                 (optional: judge as of this day)
//! ```
//!
//! Every history is judged as of its `at`, or else as of the latest day any of
//! its events may fall on, so that a lawful history is never judged "overdue"
//! by the day the test happens to run.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{VIOLATIONS, event_files_under, examples_dir, read_events, replay};

use plenum_model::date::Day;
use plenum_model::event::Event;
use plenum_model::query::check::{FindingLine, check};

/// A finding as the tests compare it: the rule's id and the article cited.
type Expected = (String, String);

fn key(finding: &FindingLine) -> Expected {
    let article = finding
        .citation
        .as_ref()
        .and_then(|c| c.article.clone())
        .unwrap_or_else(|| "-".to_owned());
    (finding.rule.id().to_owned(), article)
}

fn events_of(path: &Path) -> Vec<Event> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_events(path, &text)
        .into_iter()
        .map(|l| l.event)
        .collect()
}

/// The day a history is judged on: the latest day any of its events may fall on.
fn last_day<'a>(events: impl IntoIterator<Item = &'a Event>) -> Day {
    events
        .into_iter()
        .map(|e| e.date.latest())
        .max()
        .expect("a history with events")
}

/// The header of a violation file: what it expects, and the day to judge on.
fn header(path: &Path) -> (Vec<Expected>, Option<Day>) {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut expected = Vec::new();
    let mut at = None;
    for (n, line) in text.lines().enumerate() {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        let place = || format!("{}:{}", path.display(), n + 1);
        if let Some(rest) = comment.trim().strip_prefix("expect:") {
            let mut words = rest.split_whitespace();
            match (words.next(), words.next()) {
                (Some(rule), Some(article)) => expected.push((rule.to_owned(), article.to_owned())),
                _ => panic!("{}: expected `# expect: RULE ARTICLE`", place()),
            }
        } else if let Some(rest) = comment.trim().strip_prefix("at:") {
            let day: plenum_model::date::FuzzyDate = rest
                .trim()
                .parse()
                .unwrap_or_else(|e| panic!("{}: `# at:` {e}", place()));
            at = Some(day.latest());
        }
    }
    assert!(
        !expected.is_empty(),
        "{}: no `# expect: RULE ARTICLE` line at the top",
        path.display()
    );
    expected.sort();
    (expected, at)
}

/// The examples with violation histories.
fn statute_examples() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(examples_dir())
        .expect("examples directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.join(VIOLATIONS).is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn described(findings: &[FindingLine]) -> String {
    findings
        .iter()
        .map(|f| {
            let (rule, article) = key(f);
            format!("\n    {rule} (article {article}): {}", f.message)
        })
        .collect()
}

/// Judges `history` plus `extra` as of `at` (or their last day).
fn findings(dir: &Path, history: &[Event], extra: Vec<Event>, at: Option<Day>) -> Vec<FindingLine> {
    let name = dir.display().to_string();
    let statute = fs::read_to_string(dir.join("statute.toml")).expect("statute.toml");
    let day = at.unwrap_or_else(|| last_day(history.iter().chain(&extra)));
    let tables = replay(&name, statute, history.iter().cloned().chain(extra));
    check(&tables, day).unwrap_or_else(|e| panic!("{name}: check: {e:?}"))
}

fn lawful_history(dir: &Path) -> Vec<Event> {
    let mut paths = Vec::new();
    event_files_under(&dir.join("history"), &mut paths);
    assert!(!paths.is_empty(), "{}: no history", dir.display());
    paths.iter().flat_map(|p| events_of(p)).collect()
}

#[test]
fn lawful_histories_give_no_finding() {
    let dirs = statute_examples();
    let names: Vec<String> = dirs
        .iter()
        .filter_map(|d| d.file_name()?.to_str().map(str::to_owned))
        .collect();
    for expected in ["cpc", "coop-catalyst", "union-afscme"] {
        assert!(
            names.iter().any(|n| n == expected),
            "the statute example `{expected}` is missing (found {names:?})"
        );
    }
    let mut failures = String::new();
    for dir in &dirs {
        let found = findings(dir, &lawful_history(dir), Vec::new(), None);
        if !found.is_empty() {
            failures += &format!("\n  {}:{}", dir.display(), described(&found));
        }
    }
    assert!(
        failures.is_empty(),
        "lawful histories with findings:{failures}"
    );
}

#[test]
fn each_violation_gives_exactly_its_finding() {
    let mut failures = String::new();
    let mut cases = 0;
    for dir in statute_examples() {
        let history = lawful_history(&dir);
        let mut paths: Vec<PathBuf> = fs::read_dir(dir.join(VIOLATIONS))
            .expect("violations folder")
            .map(|entry| entry.expect("directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        assert!(
            !paths.is_empty(),
            "{}: an empty violations folder",
            dir.display()
        );
        for path in paths {
            cases += 1;
            let (expected, at) = header(&path);
            let found = findings(&dir, &history, events_of(&path), at);
            let mut got: Vec<Expected> = found.iter().map(key).collect();
            got.sort();
            if got != expected {
                failures += &format!(
                    "\n  {}: expected {expected:?}, found:{}",
                    path.display(),
                    described(&found)
                );
            }
        }
    }
    assert!(failures.is_empty(), "violation histories:{failures}");
    assert!(
        cases > 0,
        "no violation histories under examples/*/violations/"
    );
}

/// A version restated by an amendment in the lawful history (a `statute_adopted`
/// whose text declares a version id that `statute.toml` declares too) must be that
/// version as `statute.toml` states it: from the amendment's day the engine judges
/// by the event's copy, so a clause edited in one place only would be tested in
/// `statute.toml` and never applied (the CPC's 2017 revision restates `cpc-2017`).
#[test]
fn restated_versions_are_those_of_the_statute_file() {
    let mut compared = 0;
    for dir in statute_examples() {
        let path = dir.join("statute.toml");
        let text = fs::read_to_string(&path).expect("statute.toml");
        let file = plenum_model::statute::read(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for event in lawful_history(&dir) {
            let plenum_model::event::EventKind::StatuteAdopted(adopted) = &event.kind else {
                continue;
            };
            let restated = plenum_model::statute::read(&adopted.text)
                .unwrap_or_else(|e| panic!("{}: `{}`: {e}", dir.display(), event.id));
            for version in &restated.versions {
                let Some(own) = file.versions.iter().find(|v| v.id == version.id) else {
                    continue;
                };
                compared += 1;
                assert!(
                    own == version,
                    "{}: `{}` restates version `{}` otherwise than statute.toml does; \
                     put the same text in both (examples/cpc/README.md, \"Keep the copy in step\")",
                    dir.display(),
                    event.id,
                    version.id
                );
            }
        }
    }
    assert!(compared > 0, "no restated version was compared");
}

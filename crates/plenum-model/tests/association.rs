//! The association example's forms of issue 13 as data tests: its lawful history
//! (statute and `examples/association/history/`) gives the findings its README
//! names and no other, and each case in `tests/association/` (events recorded
//! after that history) adds exactly the findings its header expects:
//!
//! ```toml
//! # expect: ineligible-holder 13   (a rule id and the article cited, or `-`;
//!                                  `# expect: nothing` for a case the rules allow)
//! # at: 2023-12-31                 (judge as of this day; else the last day of the history)
//! # says: a phrase the finding's message must contain
//! ```
//!
//! The cases live beside this test, not under the example, so that `plenum demo`
//! (which embeds every event file under an example) records only the history.

use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{event_files_under, examples_dir, read_events, replay};

use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::Event;
use plenum_model::query::check::{FindingLine, check};

fn events_of(path: &Path) -> Vec<Event> {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    read_events(path, &text)
        .into_iter()
        .map(|l| l.event)
        .collect()
}

fn history() -> Vec<Event> {
    let mut paths = Vec::new();
    event_files_under(&examples_dir().join("association/history"), &mut paths);
    paths.iter().flat_map(|p| events_of(p)).collect()
}

fn findings(extra: Vec<Event>, day: Day) -> Vec<FindingLine> {
    let statute =
        fs::read_to_string(examples_dir().join("association/statute.toml")).expect("statute.toml");
    let tables = replay("association", statute, history().into_iter().chain(extra));
    check(&tables, day).expect("check")
}

/// (rule, article, message) of each finding.
fn keyed(found: &[FindingLine]) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = found
        .iter()
        .map(|f| {
            (
                f.rule.id().to_owned(),
                f.citation
                    .as_ref()
                    .and_then(|c| c.article.clone())
                    .unwrap_or_else(|| "-".to_owned()),
                f.message.clone(),
            )
        })
        .collect();
    out.sort();
    out
}

fn day(text: &str) -> Day {
    text.parse::<FuzzyDate>().expect("a day").latest()
}

/// What the README says `plenum check` finds in the lawful history.
const README_FINDINGS: [(&str, &str); 4] = [
    ("no-competent-decision", "12"),
    ("quorum-not-met", "10"),
    ("term-expired", "8"),
    ("term-expired", "9"),
];

#[test]
fn the_lawful_history_gives_only_the_findings_its_readme_names() {
    let found = keyed(&findings(Vec::new(), day("2024-03-31")));
    let rules: Vec<(&str, &str)> = found
        .iter()
        .map(|(r, a, _)| (r.as_str(), a.as_str()))
        .collect();
    assert_eq!(rules, README_FINDINGS, "{found:#?}");
}

struct Case {
    path: PathBuf,
    expected: Vec<(String, String)>,
    says: Vec<String>,
    at: Option<Day>,
    /// `# expect: nothing`: a case the rules must allow.
    allowed: bool,
}

fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/association");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/association")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("case");
            let mut case = Case {
                path: path.clone(),
                expected: Vec::new(),
                says: Vec::new(),
                at: None,
                allowed: false,
            };
            for line in text.lines().map_while(|l| l.strip_prefix('#')) {
                let line = line.trim();
                if line == "expect: nothing" {
                    case.allowed = true;
                } else if let Some(rest) = line.strip_prefix("expect:") {
                    let mut words = rest.split_whitespace();
                    match (words.next(), words.next()) {
                        (Some(r), Some(a)) => case.expected.push((r.to_owned(), a.to_owned())),
                        _ => panic!("{}: expected `# expect: RULE ARTICLE`", path.display()),
                    }
                } else if let Some(rest) = line.strip_prefix("at:") {
                    case.at = Some(day(rest.trim()));
                } else if let Some(rest) = line.strip_prefix("says:") {
                    case.says.push(rest.trim().to_owned());
                }
            }
            case.expected.sort();
            assert!(
                case.allowed == case.expected.is_empty(),
                "{}: say `# expect: RULE ARTICLE` or `# expect: nothing`, not both",
                path.display()
            );
            case
        })
        .collect()
}

#[test]
fn each_case_adds_exactly_the_findings_it_expects() {
    let all = cases();
    assert!(all.len() >= 4, "cases: {}", all.len());
    let mut failures = String::new();
    for case in all {
        let extra = events_of(&case.path);
        let last = extra.iter().map(|e| e.date.latest()).max().expect("events");
        let on = case.at.unwrap_or_else(|| last.max(day("2024-03-31")));
        let mut before = keyed(&findings(Vec::new(), on));
        let after = keyed(&findings(extra, on));
        // What the case adds: the findings after it, less those of the history alone.
        let mut added = Vec::new();
        for f in after {
            match before.iter().position(|b| *b == f) {
                Some(i) => {
                    before.remove(i);
                }
                None => added.push(f),
            }
        }
        let got: Vec<(String, String)> = added
            .iter()
            .map(|(r, a, _)| (r.clone(), a.clone()))
            .collect();
        let messages: Vec<&String> = added.iter().map(|(_, _, m)| m).collect();
        if got != case.expected {
            failures += &format!(
                "\n  {}: expected {:?}, added {added:#?}",
                case.path.display(),
                case.expected
            );
        }
        for phrase in &case.says {
            if !messages.iter().any(|m| m.contains(phrase.as_str())) {
                failures += &format!(
                    "\n  {}: no finding says {phrase:?}: {messages:#?}",
                    case.path.display()
                );
            }
        }
    }
    assert!(failures.is_empty(), "cases:{failures}");
}

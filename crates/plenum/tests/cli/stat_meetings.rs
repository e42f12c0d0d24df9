//! The clauses about meetings, conveners and elections as data, like `rules.rs`:
//! for each rule, a `RULE.flag.toml` that it must find and a `RULE.pass.toml`, the
//! nearest case it must not, recorded after `data/stat-meetings/base.toml` under
//! its statute.

use crate::rules::{findings_of, of_rule};

const STATUTE: &str = "stat-meetings/statute.toml";
const BASE: &str = "stat-meetings/base.toml";

/// (files, rule, first event of its finding, cited article).
const CASES: [(&str, &str, &str, &str); 7] = [
    ("wrong-convener", "wrong-convener", "special-called", "4"),
    (
        "majority-not-met",
        "majority-not-met",
        "president-elected",
        "6",
    ),
    ("meeting-late", "meeting-late", "board-1993-02-01", "5"),
    ("meeting-postponed", "meeting-postponed", "june-held", "7"),
    ("window", "meeting-late", "conference-1992-11-01", "8"),
    ("count", "meeting-late", "stewards-1993-01-10", "9"),
    ("unknown-category", "unknown-category", "special-called", ""),
];

#[test]
fn each_meeting_clause_flags_its_case_and_not_the_nearest_one() {
    let mut failures = Vec::new();
    for (file, rule, event, article) in CASES {
        let flag = format!("stat-meetings/{file}.flag.toml");
        let pass = format!("stat-meetings/{file}.pass.toml");
        let found = of_rule(&findings_of(STATUTE, &[BASE, &flag], "1995-01-01"), rule);
        let expected = vec![(
            event.to_owned(),
            Some("1990".to_owned()),
            Some(article.to_owned()).filter(|a| !a.is_empty()),
        )];
        if found != expected {
            failures.push(format!("{flag}: expected {expected:?}, found {found:?}"));
        }
        let found = of_rule(&findings_of(STATUTE, &[BASE, &pass], "1995-01-01"), rule);
        if !found.is_empty() {
            failures.push(format!("{pass}: expected nothing, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_meeting_clauses_base_history_breaks_none_of_these_rules() {
    let findings = findings_of(STATUTE, &[BASE], "1995-01-01");
    assert_eq!(findings, Vec::<serde_json::Value>::new());
}

#[test]
fn statute_check_lists_the_meeting_clauses() {
    let env = crate::support::Env::new();
    let path = crate::support::data(STATUTE);
    let text = env.stdout(&["statute", "check", path.to_str().unwrap()]);
    for clause in [
        "convened by Executive Board or more than 1/2 of its members by requisition",
        "elections it holds (by their tally) need more than 1/2",
        "in each of the years 1990, 1992, and so on (every 2 years)",
        "a meeting held after the date it was called for is noted",
        "meets in each calendar year between 04-01 and 09-30 (calendar)",
        "meets at least 4 times in each calendar year (calendar)",
    ] {
        assert!(text.contains(clause), "{clause}: {text}");
    }
}

#[test]
fn statute_check_places_a_bad_requisition() {
    let env = crate::support::Env::new();
    let text = std::fs::read_to_string(crate::support::data(STATUTE)).unwrap();
    for (from, to, message) in [
        (
            "{ more_than = \"1/2\" }",
            "{ most = \"1/2\" }",
            "unknown field `most`",
        ),
        (
            "{ more_than = \"1/2\" }",
            "{ more_than = \"half\" }",
            "half",
        ),
        (
            "between = [\"04-01\", \"09-30\"]",
            "between = [\"09-30\", \"04-01\"]",
            "the first not after the second",
        ),
        (
            "each = \"2 years\", from = 1990",
            "each = \"2 years\"",
            "`from = 2000`",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let bad = text.replacen(from, to, 1);
        let line = bad.lines().position(|l| l.contains(to)).unwrap() + 1;
        std::fs::write(env.dir.path().join("bad.toml"), &bad).unwrap();
        let out = env
            .plenum()
            .args(["statute", "check", "bad.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("bad.toml:{line}:")), "{to}: {err}");
        assert!(err.contains(message), "{to}: {err}");
    }
}

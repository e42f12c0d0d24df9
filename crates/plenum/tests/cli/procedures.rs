//! Procedures of several organs (issue 14), as data through `plenum check --json`:
//! nomination by one organ and election by another, confirmation by a third,
//! provisional expulsion confirmed by the next conference, alternates succeeding by
//! their votes, and a council composed of other organs' members.
//!
//! `data/procedures/` holds the union's statute, a base history, and for each rule a
//! `RULE.flag.toml` it must find and a `RULE.pass.toml`, the nearest case it must not.

use crate::rules::{findings_of, of_rule};
use crate::support::{Env, data};

const CASES: [(&str, &str, &str); 4] = [
    ("not-nominated", "secretary-reelected", "5"),
    ("not-confirmed", "eli-expelled", "7"),
    ("alternate-skipped", "eli-promoted", "4"),
    ("wrong-elector", "council-elected", "8"),
];

#[test]
fn r14_each_procedure_flags_its_case_and_not_the_nearest_one() {
    let base = "procedures/base.toml";
    let mut failures = Vec::new();
    for (rule, event, article) in CASES {
        let flag = format!("procedures/{rule}.flag.toml");
        let pass = format!("procedures/{rule}.pass.toml");
        let found = of_rule(
            &findings_of("procedures/statute.toml", &[base, &flag], "2021-12-31"),
            rule,
        );
        let expected = vec![(
            event.to_owned(),
            Some("2020".to_owned()),
            Some(article.to_owned()),
        )];
        if found != expected {
            failures.push(format!("{flag}: expected {expected:?}, found {found:?}"));
        }
        let found = of_rule(
            &findings_of("procedures/statute.toml", &[base, &pass], "2021-12-31"),
            rule,
        );
        if !found.is_empty() {
            failures.push(format!("{pass}: expected nothing, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn r14_the_procedures_base_history_has_no_findings() {
    let findings = findings_of(
        "procedures/statute.toml",
        &["procedures/base.toml"],
        "2021-12-31",
    );
    assert_eq!(findings, Vec::<serde_json::Value>::new());
}

#[test]
fn r14_statute_check_lists_the_procedures() {
    let env = Env::new();
    let text = env.stdout(&[
        "statute",
        "check",
        data("procedures/statute.toml").to_str().unwrap(),
    ]);
    for clause in [
        "vacancies go to its alternates in the order of the votes they received",
        "consists of the full members of Executive and the holders of Treasurer; no one elects it",
        "only those Executive nominates",
        "each election or appointment confirmed by Conference at its next meeting",
        "expulsion by Executive: provisional until Conference confirms it at its next meeting",
    ] {
        assert!(text.contains(clause), "{clause}: {text}");
    }
}

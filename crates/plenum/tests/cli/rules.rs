//! The rules as data: for each rule, a statute and a history in, findings out, through
//! `plenum check --json`.
//!
//! `data/rules/` holds one statute (two versions that number their articles
//! differently, so a citation shows which version judged), a base history, and
//! for each rule a `RULE.flag.toml` that the rule must find and a
//! `RULE.pass.toml`, the nearest case it must not.

use serde_json::Value;

use crate::support::{Env, data};

/// Records the base history and then `files` under the union's statute, and
/// returns the findings of `plenum check --json --at at`.
pub fn findings_of(statute: &str, files: &[&str], at: &str) -> Vec<Value> {
    let env = Env::new();
    env.plenum()
        .args(["init", "--statute"])
        .arg(data(statute))
        .assert()
        .success();
    for file in files {
        let out = env.plenum().arg("record").arg(data(file)).output().unwrap();
        assert!(
            out.status.success(),
            "record {file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let report = env.json(&["check", "--at", at]);
    report["findings"].as_array().expect("findings").clone()
}

/// The findings of one rule, as (first event, cited version, cited article).
pub fn of_rule(findings: &[Value], rule: &str) -> Vec<(String, Option<String>, Option<String>)> {
    findings
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            let text = |v: &Value| v.as_str().map(str::to_owned);
            (
                f["events"][0].as_str().unwrap_or_default().to_owned(),
                text(&f["citation"]["version"]),
                text(&f["citation"]["article"]),
            )
        })
        .collect()
}

struct Case {
    rule: &'static str,
    /// The first event of each finding the flag file must give, in date order.
    flagged: &'static [&'static str],
    /// The statute version and article each of them cites.
    version: Option<&'static str>,
    article: Option<&'static str>,
}

const CASES: [Case; 9] = [
    Case {
        rule: "wrong-elector",
        flagged: &["bureau-elected"],
        version: Some("1950"),
        article: Some("8"),
    },
    Case {
        rule: "seats-over-limit",
        flagged: &["board-reelected"],
        version: Some("1960"),
        article: Some("14"),
    },
    Case {
        rule: "ineligible-holder",
        flagged: &["eli-seated"],
        version: Some("1960"),
        article: Some("15"),
    },
    Case {
        rule: "majority-not-met",
        flagged: &["budget"],
        version: Some("1960"),
        article: Some("16"),
    },
    Case {
        rule: "short-notice",
        flagged: &["board-met"],
        version: Some("1950"),
        article: Some("7"),
    },
    Case {
        rule: "dead-person",
        flagged: &["dora-seated", "dora-spoke"],
        version: None,
        article: None,
    },
    Case {
        rule: "expelled-person",
        flagged: &["cai-seated"],
        version: Some("1960"),
        article: None,
    },
    Case {
        rule: "not-held",
        flagged: &["cai-left"],
        version: None,
        article: None,
    },
    Case {
        rule: "defunct-organization",
        flagged: &["early", "late"],
        version: None,
        article: None,
    },
];

#[test]
fn each_rule_flags_its_case_and_not_the_nearest_one() {
    let base = "rules/base.toml";
    let mut failures = Vec::new();
    for case in &CASES {
        let flag = format!("rules/{}.flag.toml", case.rule);
        let pass = format!("rules/{}.pass.toml", case.rule);
        let found = of_rule(
            &findings_of("rules/statute.toml", &[base, &flag], "2000-01-01"),
            case.rule,
        );
        let expected: Vec<_> = case
            .flagged
            .iter()
            .map(|e| {
                (
                    (*e).to_owned(),
                    case.version.map(str::to_owned),
                    case.article.map(str::to_owned),
                )
            })
            .collect();
        if found != expected {
            failures.push(format!("{flag}: expected {expected:?}, found {found:?}"));
        }
        let found = of_rule(
            &findings_of("rules/statute.toml", &[base, &pass], "2000-01-01"),
            case.rule,
        );
        if !found.is_empty() {
            failures.push(format!("{pass}: expected nothing, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_base_history_breaks_none_of_these_rules() {
    let findings = findings_of("rules/statute.toml", &["rules/base.toml"], "2000-01-01");
    for case in &CASES {
        assert_eq!(of_rule(&findings, case.rule), [], "{}", case.rule);
    }
}

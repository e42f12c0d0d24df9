//! The statute engine's limits found by encoding real statutes (issue 14), as data
//! like `member_rules.rs`: for each rule, a `FILE.flag.toml` that it must find and a
//! `FILE.pass.toml`, the nearest case it must not, recorded after
//! `data/engine-rules/base.toml` under its statute; and what `statute check` says.

use crate::rules::{findings_of, of_rule};

struct Case {
    rule: &'static str,
    file: &'static str,
    /// The first event of each finding the flag file must give.
    flagged: &'static [&'static str],
    /// The article each of them cites (all cite version `2000`).
    article: &'static str,
}

const STATUTE: &str = "engine-rules/statute.toml";
const BASE: &str = "engine-rules/base.toml";
const AT: &str = "2002-12-31";

const CASES: [Case; 6] = [
    Case {
        rule: "wrong-convener",
        file: "wrong-convener",
        flagged: &["sm-2002-called"],
        article: "3",
    },
    Case {
        rule: "wrong-convener",
        file: "convener-holder",
        flagged: &["sm-2002-called"],
        article: "3",
    },
    Case {
        rule: "vacancy-unfilled",
        file: "vacancy-unfilled",
        flagged: &["ben-resigned"],
        article: "4",
    },
    Case {
        rule: "vacancy-unfilled",
        file: "vacancy-next-meeting",
        flagged: &["cai-resigned"],
        article: "4",
    },
    Case {
        rule: "wrong-elector",
        file: "appointer",
        flagged: &["auditor-appointed"],
        article: "6",
    },
    Case {
        rule: "early-lapse",
        file: "lapse-more-than",
        flagged: &["dan-lapsed"],
        article: "5",
    },
];

#[test]
fn each_engine_rule_flags_its_case_and_not_the_nearest_one() {
    let mut failures = Vec::new();
    for case in &CASES {
        let flag = format!("engine-rules/{}.flag.toml", case.file);
        let pass = format!("engine-rules/{}.pass.toml", case.file);
        let found = of_rule(&findings_of(STATUTE, &[BASE, &flag], AT), case.rule);
        let expected: Vec<(String, Option<String>, Option<String>)> = case
            .flagged
            .iter()
            .map(|e| {
                (
                    (*e).to_owned(),
                    Some("2000".to_owned()),
                    Some(case.article.to_owned()),
                )
            })
            .collect();
        if found != expected {
            failures.push(format!("{flag}: expected {expected:?}, found {found:?}"));
        }
        let all = findings_of(STATUTE, &[BASE, &pass], AT);
        if !all.is_empty() {
            failures.push(format!("{pass}: expected nothing, found {all:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_engine_rules_base_history_breaks_none_of_these_rules() {
    assert_eq!(
        findings_of(STATUTE, &[BASE], AT),
        Vec::<serde_json::Value>::new()
    );
}

#[test]
fn statute_check_lists_posts_as_conveners_and_appointers_vacancies_and_the_lapse() {
    let env = crate::support::Env::new();
    let path = crate::support::data(STATUTE);
    let text = env.stdout(&["statute", "check", path.to_str().unwrap()]);
    for clause in [
        "convened by Council or the holder of the post of Chair",
        "appointed by the holder of the post of Chair only",
        "a vacancy is filled by the next meeting of Council",
        "a vacancy is filled within 60 days",
        "a membership lapses only once dues have been unpaid more than 3 months (the day after that period is complete at the earliest)",
    ] {
        assert!(text.contains(clause), "{clause}: {text}");
    }
    let json = env.json(&["statute", "check", path.to_str().unwrap()]);
    let rules = json.to_string();
    assert!(rules.contains("vacancy-unfilled"), "{rules}");
}

//! Issue 14's members and meetings clauses as data, like `rules.rs`: for each rule,
//! a `RULE.flag.toml` that it must find and a `RULE.pass.toml`, the nearest case it
//! must not, recorded after `data/member-rules/base.toml` under its statute.

use crate::rules::{findings_of, of_rule};

struct Case {
    rule: &'static str,
    /// The files' name before `.flag.toml` and `.pass.toml`, when not the rule's.
    file: Option<&'static str>,
    /// The first event of each finding the flag file must give, in date order.
    flagged: &'static [&'static str],
    /// The statute version and article each of them cites.
    version: Option<&'static str>,
    article: Option<&'static str>,
}

const STATUTE: &str = "member-rules/statute.toml";
const BASE: &str = "member-rules/base.toml";

const CASES: [Case; 14] = [
    Case {
        rule: "unknown-penalty",
        file: None,
        flagged: &["ben-shamed"],
        version: Some("1990"),
        article: None,
    },
    Case {
        rule: "no-competent-decision",
        file: None,
        flagged: &["ben-reprimanded"],
        version: Some("1990"),
        article: Some("11"),
    },
    Case {
        rule: "majority-not-met",
        file: None,
        flagged: &["ben-reprimanded"],
        version: Some("1990"),
        article: Some("11"),
    },
    Case {
        rule: "status-too-long",
        file: None,
        flagged: &["ben-transferred"],
        version: Some("1990"),
        article: Some("12"),
    },
    Case {
        rule: "short-notice",
        file: None,
        flagged: &["board-1992-met"],
        version: Some("1990"),
        article: Some("5"),
    },
    Case {
        rule: "status-too-long",
        file: Some("candidacy-extended"),
        flagged: &["dan-extended"],
        version: Some("1990"),
        article: Some("7"),
    },
    Case {
        rule: "meeting-late",
        file: None,
        flagged: &["agm-1994-held"],
        version: Some("1990"),
        article: Some("3"),
    },
    Case {
        rule: "early-lapse",
        file: None,
        flagged: &["cai-lapsed"],
        version: Some("1990"),
        article: Some("8"),
    },
    Case {
        rule: "lapsed-member",
        file: None,
        flagged: &["cai-lapsed"],
        version: Some("1990"),
        article: Some("8"),
    },
    Case {
        rule: "majority-not-met",
        file: Some("voting-rights"),
        flagged: &["dues-raised"],
        version: Some("1990"),
        article: Some("4"),
    },
    Case {
        rule: "ineligible-holder",
        file: Some("class-eligibility"),
        flagged: &["secretary-elected"],
        version: Some("1990"),
        article: Some("9"),
    },
    Case {
        rule: "ineligible-holder",
        file: Some("class-office"),
        flagged: &["board-reelected"],
        version: Some("1990"),
        article: Some("9"),
    },
    Case {
        rule: "majority-not-met",
        file: Some("class-votes"),
        flagged: &["dues-raised"],
        version: Some("1990"),
        article: Some("4"),
    },
    Case {
        rule: "ineligible-holder",
        file: Some("barred"),
        flagged: &["board-reelected"],
        version: Some("1990"),
        article: Some("13"),
    },
];

#[test]
fn each_member_rule_flags_its_case_and_not_the_nearest_one() {
    let mut failures = Vec::new();
    for case in &CASES {
        let file = case.file.unwrap_or(case.rule);
        let flag = format!("member-rules/{file}.flag.toml");
        let pass = format!("member-rules/{file}.pass.toml");
        let found = of_rule(
            &findings_of(STATUTE, &[BASE, &flag], "1995-01-01"),
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
            &findings_of(STATUTE, &[BASE, &pass], "1995-01-01"),
            case.rule,
        );
        if !found.is_empty() {
            failures.push(format!("{pass}: expected nothing, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_member_rules_base_history_breaks_none_of_these_rules() {
    let findings = findings_of(STATUTE, &[BASE], "1995-01-01");
    assert_eq!(findings, Vec::<serde_json::Value>::new());
}

#[test]
fn statute_check_lists_the_member_and_meeting_clauses() {
    let env = crate::support::Env::new();
    let path = crate::support::data(STATUTE);
    let text = env.stdout(&["statute", "check", path.to_str().unwrap()]);
    for clause in [
        "annual meetings: held in each calendar year (calendar)",
        "at least 48 hours of notice of a meeting",
        "candidates are confirmed as full members within 1 year, or within an extension of at most 6 months more",
        "a membership lapses only after 3 months of unpaid dues",
        "penalty `probation` (transfer to candidate membership), which makes a full member a candidate again, for at most 1 year",
        "reprimand: decided by Board, by at least 2/3 of the votes cast",
        "in an assembly of all the members, full members vote",
        "membership class `honorary` (honorary membership), who neither vote nor may hold office",
        "the holder must be a member of the class full membership",
        "penalty `bar` (bar from office), which bars from office, for at most 2 years",
    ] {
        assert!(text.contains(clause), "{clause}: {text}");
    }
}

#[test]
fn statute_check_places_bad_member_and_meeting_clauses() {
    let env = crate::support::Env::new();
    let text = std::fs::read_to_string(crate::support::data(STATUTE)).unwrap();
    for (from, to, message) in [
        (
            "\"48 hours\"",
            "\"48 hourz\"",
            "a notice may also be in hours",
        ),
        (
            "effect = \"candidate\"",
            "effect = \"exile\"",
            "unknown effect `exile`",
        ),
        ("after = \"3 months\"", "after = \"soon\"", "found `soon`"),
        (
            "extension = \"6 months\"",
            "extension = \"later\"",
            "found `later`",
        ),
        (
            "act = \"reprimand\"",
            "act = \"rebuke\"",
            "unknown act `rebuke`",
        ),
        (
            "class = \"full\"",
            "class = \"life\"",
            "membership class `life` is not defined",
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

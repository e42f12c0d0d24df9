//! Charges and trials as data, like `member_rules.rs`: for each rule of
//! `[version.trials]`, a `RULE.flag.toml` that it must find and a `RULE.pass.toml`,
//! the nearest case it must not, recorded after `data/trials/base.toml`; what
//! `plenum person` says of them; `plenum statute check` lists and places the clauses.

use crate::rules::{findings_of, of_rule};

const STATUTE: &str = "trials/statute.toml";
const BASE: &str = "trials/base.toml";

/// (rule, the first event of its finding, the article it cites)
const CASES: [(&str, &str, &str); 3] = [
    ("wrong-accuser", "charges-by-dora", "10"),
    ("wrong-trial-body", "ana-tried", "11"),
    ("decision-late", "ana-tried", "12"),
];

#[test]
fn each_trials_rule_flags_its_case_and_not_the_nearest_one() {
    let mut failures = Vec::new();
    for (rule, event, article) in CASES {
        let flag = format!("trials/{rule}.flag.toml");
        let pass = format!("trials/{rule}.pass.toml");
        let found = of_rule(&findings_of(STATUTE, &[BASE, &flag], "2024-01-01"), rule);
        let expected = vec![(
            event.to_owned(),
            Some("2020".to_owned()),
            Some(article.to_owned()),
        )];
        if found != expected {
            failures.push(format!("{flag}: expected {expected:?}, found {found:?}"));
        }
        let found = findings_of(STATUTE, &[BASE, &pass], "2024-01-01");
        if !found.is_empty() {
            failures.push(format!("{pass}: expected no finding, found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_trials_base_history_gives_no_finding() {
    let findings = findings_of(STATUTE, &[BASE], "2024-01-01");
    assert_eq!(findings, Vec::<serde_json::Value>::new());
}

#[test]
fn a_late_decision_is_said_in_words_with_its_deadline() {
    let findings = findings_of(
        STATUTE,
        &[BASE, "trials/decision-late.flag.toml"],
        "2024-01-01",
    );
    let late: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"] == "decision-late")
        .collect();
    assert_eq!(late.len(), 1, "{findings:?}");
    assert_eq!(late[0]["certainty"], "definitely");
    assert_eq!(
        late[0]["message"],
        "the trial of Ana Alves by Judicial Panel ended on 2023-05-02 and its decision was rendered on 2023-06-02; the statute requires the decision within 30 days of the trial (by 2023-06-01)"
    );
}

#[test]
fn person_shows_the_charges_and_the_trial() {
    let env = crate::support::Env::new();
    env.plenum()
        .args(["init", "--statute"])
        .arg(crate::support::data(STATUTE))
        .assert()
        .success();
    env.plenum()
        .arg("record")
        .arg(crate::support::data(BASE))
        .assert()
        .success();
    let text = env.json(&["person", "ben"]).to_string();
    for line in [
        "charged in The Union by Ana Alves with misappropriation of funds",
        "put on trial by Judicial Panel, the decision rendered on 2022-04-23",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
}

#[test]
fn statute_check_lists_and_places_the_trials_clauses() {
    let env = crate::support::Env::new();
    let path = crate::support::data(STATUTE);
    let text = env.stdout(&["statute", "check", path.to_str().unwrap()]);
    for clause in [
        "charges are filed by any member",
        "charges are tried by Judicial Panel",
        "a trial's decision is rendered within 30 days of the trial",
    ] {
        assert!(text.contains(clause), "{clause}: {text}");
    }
    let good = std::fs::read_to_string(&path).unwrap();
    for (from, to, message) in [
        (
            "by = \"member\"",
            "by = \"anyone\"",
            "expected \"member\" or \"full-member\"",
        ),
        ("by = [\"judicial-panel\"]", "by = [\"court\"]", "court"),
        ("within = \"30 days\"", "within = \"a month\"", "a month"),
    ] {
        let bad = good.replacen(from, to, 1);
        let line = bad.lines().position(|l| l.contains(to)).unwrap() + 1;
        std::fs::write(env.dir.path().join("bad.toml"), &bad).unwrap();
        let out = env
            .plenum()
            .args(["statute", "check", "bad.toml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{to}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(&format!("bad.toml:{line}:")), "{to}: {err}");
        assert!(err.contains(message), "{to}: {err}");
    }
}

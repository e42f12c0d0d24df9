//! Statute documents: a valid one read back, and each kind of invalid one refused where it is wrong.

use super::*;
use crate::date::Day;

const GOOD: &str = r#"
organization = "party"
title = "Rules"

[[version]]
id = "v1"
effective = "1946-08-30"

[[version.article]]
number = "21"
text = "The congress is convened every five years."

[[version.article]]
number = "24"
text = "The Central Committee elects the Politburo."

[[version.organ]]
id = "congress"
name = "Party Congress"
elected_by = { by = "members" }
meets = { every = "5 years", article = "21" }

[[version.organ]]
id = "cc"
name = "Central Committee"
aliases = ["CC"]
elected_by = { by = "congress", article = "21" }
seats = { full = 160, alternate = 143 }
meets = { every = "6 months" }
notice = { at_least = "7 days" }
quorum = { more_than = "1/2" }
majority.default = { more_than = "1/2" }
majority.expulsion = { at_least = "2/3", of = "present" }
eligibility = [{ requires = "full-member" }]

[[version.organ]]
id = "politburo"
name = "Political Bureau"
elected_by = { by = "cc", article = "24" }
eligibility = [{ requires = "seat", organ = "cc", article = "24" }]

[[version.post]]
id = "chairman"
name = "Chairman"
elected_by = { by = "cc" }

[[version.discipline]]
act = "expulsion"
by = ["cc"]
majority = { at_least = "2/3" }

[[version]]
id = "v2"
effective = "1972"
organization = "party2"
"#;

#[test]
fn a_valid_statute_reads_back_whole() {
    let doc = read(GOOD).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Rules"));
    assert_eq!(doc.versions.len(), 2);
    let v1 = &doc.versions[0];
    assert_eq!(v1.org.as_str(), "party");
    assert_eq!(doc.versions[1].org.as_str(), "party2");
    let cc = v1.organ(&Key::new("cc").unwrap()).unwrap();
    assert_eq!(
        cc.seats.as_ref().unwrap().rule,
        SeatLimits {
            full: Some(160),
            least_full: None,
            alternate: Some(143)
        }
    );
    assert_eq!(
        cc.meets.as_ref().unwrap().rule.to_string(),
        "at least every 6 months"
    );
    assert_eq!(
        cc.elected_by.as_ref().unwrap().rule,
        Elector::Organ(Key::new("congress").unwrap())
    );
    assert_eq!(
        cc.elected_by.as_ref().unwrap().article.as_deref(),
        Some("21")
    );
    assert_eq!(
        cc.majority_for("expulsion").unwrap().rule.base,
        Base::Present
    );
    assert_eq!(
        cc.majority_for("budget")
            .unwrap()
            .rule
            .threshold
            .to_string(),
        "more than 1/2"
    );
    let politburo = v1.organ(&Key::new("politburo").unwrap()).unwrap();
    assert_eq!(
        politburo.eligibility[0].rule,
        Requirement::Seat(Key::new("cc").unwrap())
    );
    assert_eq!(v1.post(&Key::new("chairman").unwrap()).unwrap().holders, 1);
    assert_eq!(
        v1.discipline(Act::Expulsion, None)[0].by,
        vec![Key::new("cc").unwrap()]
    );
    assert_eq!(
        v1.article("24").unwrap().text,
        "The Central Committee elects the Politburo."
    );
}

#[test]
fn the_book_finds_the_version_in_force() {
    let mut book = StatuteBook::default();
    book.adopt(read(GOOD).unwrap());
    let party = OrgId::new("party").unwrap();
    assert!(
        book.in_force(&party, Day::new(1946, 8, 29).unwrap())
            .is_none()
    );
    assert_eq!(
        book.in_force(&party, Day::new(1946, 8, 30).unwrap())
            .unwrap()
            .id
            .as_str(),
        "v1"
    );
    let amended = GOOD
        .replace("id = \"v2\"", "id = \"v3\"")
        .replace("organization = \"party2\"", "");
    book.adopt(read(&amended).unwrap());
    assert_eq!(
        book.in_force(&party, Day::new(1971, 1, 1).unwrap())
            .unwrap()
            .id
            .as_str(),
        "v1"
    );
    assert_eq!(
        book.in_force(&party, Day::new(1972, 1, 1).unwrap())
            .unwrap()
            .id
            .as_str(),
        "v3"
    );
    assert_eq!(
        book.versions_of(&party).len(),
        2,
        "re-adopting v1 replaces it"
    );
}

/// Each case: a replacement applied to `GOOD`, and the error expected.
#[test]
fn invalid_statutes_are_refused_at_line_and_column() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "title = \"Rules\"",
            "title = \"Rules\"\ncolour = \"red\"",
            "4:1: unknown field `colour`",
        ),
        (
            "elected_by = { by = \"cc\", article = \"24\" }",
            "elected_by = { by = \"central\", article = \"24\" }",
            "unknown organ `central` in version `v1`; defined organs: cc, congress, politburo",
        ),
        (
            "elected_by = { by = \"members\" }",
            "elected_by = { by = \"politburo\" }",
            "organ `congress` elects itself: congress elects cc elects politburo elects congress",
        ),
        (
            "quorum = { more_than = \"1/2\" }",
            "quorum = { more_than = \"120%\" }",
            "`120%` is over 100%",
        ),
        (
            "meets = { every = \"6 months\" }",
            "meets = { every = \"often\" }",
            "expected a period such as",
        ),
        (
            "seats = { full = 160, alternate = 143 }",
            "seats = { full = 160, alternate = 143, article = \"99\" }",
            "article 99 is not defined in version `v1`",
        ),
        (
            "effective = \"1946-08-30\"",
            "effective = \"1946-13\"",
            "invalid date `1946-13` at column 6: expected a month from 01 to 12",
        ),
        (
            "id = \"politburo\"",
            "id = \"cc\"",
            "organ `cc` is defined twice",
        ),
        (
            "act = \"expulsion\"",
            "act = \"exile\"",
            "unknown act `exile`",
        ),
        (
            "requires = \"full-member\"",
            "requires = \"citizen\"",
            "unknown requirement `citizen`",
        ),
        (
            "id = \"chairman\"",
            "id = \"Chair man\"",
            "invalid key `Chair man`",
        ),
        ("organization = \"party\"", "", "no organization"),
    ];
    for (from, to, expected) in cases {
        assert!(GOOD.contains(from), "case does not apply: {from}");
        let text = GOOD.replacen(from, to, 1);
        let err = read(&text).expect_err(to);
        let shown = err.to_string();
        assert!(
            shown.contains(expected),
            "for `{to}`:\n  expected {expected}\n  got      {shown}"
        );
        // The position points into the replaced text, not at the top of the file.
        if !to.is_empty() && !to.starts_with("title") {
            let at = GOOD.find(from).unwrap(); // replacen keeps everything before it
            let (line, _) = crate::source::line_col(&text, at);
            assert_eq!(err.line, line, "line of `{to}`: {shown}");
        }
    }
}

#[test]
fn voting_reads_proxies_and_secrecy_and_refuses_the_rest() {
    let with = |clause: &str| {
        GOOD.replacen(
            "quorum = { more_than = \"1/2\" }",
            &format!("quorum = {{ more_than = \"1/2\" }}\nvoting = {clause}"),
            1,
        )
    };
    let doc = read(&with(
        "{ proxies = 2, secret = \"elections\", article = \"24\" }",
    ))
    .unwrap();
    let cc = doc.versions[0]
        .organ(&"cc".parse().unwrap())
        .and_then(|o| o.voting.as_ref())
        .expect("the cc's voting");
    assert_eq!(cc.rule.proxies, Some(2));
    assert_eq!(cc.rule.secret, Some(SecretBallot::Elections));
    assert_eq!(cc.article.as_deref(), Some("24"));
    let err = read(&with("{ secret = \"sometimes\" }")).unwrap_err();
    assert!(
        err.to_string()
            .contains("`sometimes`: expected `always`, `elections` or `never`"),
        "{err}"
    );
    let err = read(&with("{ article = \"24\" }")).unwrap_err();
    assert!(err.to_string().contains("`voting` needs"), "{err}");
    let err = read(&with("{ proxies = -1 }")).unwrap_err();
    assert!(err.line > 1, "{err}");
}

#[test]
fn self_election_is_refused() {
    let text = GOOD.replace(
        "elected_by = { by = \"cc\", article = \"24\" }",
        "elected_by = { by = \"politburo\" }",
    );
    let err = read(&text).unwrap_err();
    assert!(
        err.message
            .contains("organ `politburo` elects itself: politburo elects politburo"),
        "{err}"
    );
}

#[test]
fn an_empty_statute_is_refused() {
    assert!(
        read("")
            .unwrap_err()
            .message
            .contains("at least one `[[version]]`")
    );
}

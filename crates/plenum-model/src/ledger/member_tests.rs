//! Issue 14, members and meetings: penalties of the statute's own, what follows a
//! probation, kinds of meeting with a cadence of their own. Each test is data: a statute
//! and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The association's statute with penalties of its own: a reprimand the board
/// gives by two thirds, and a transfer to candidate membership for at most a year.
fn statute() -> String {
    format!(
        r#"{STATUTE}
[[version.article]]
number = "8"
text = "The board may reprimand a member, or transfer a full member to candidate membership for up to one year, by two thirds of the votes cast."

[[version.penalty]]
id = "reprimand"
name = "reprimand"
article = "8"

[[version.penalty]]
id = "probation"
name = "transfer to candidate membership"
effect = "candidate"
longest = "1 year"
article = "8"

[[version.discipline]]
act = "reprimand"
by = ["board"]
majority = {{ at_least = "2/3", of = "votes" }}
article = "8"

[[version.discipline]]
act = "probation"
by = ["board"]
article = "8"
"#
    )
}

/// The board decides, `in_favour` to `against`, then `penalty` is given to Bob.
fn disciplined(penalty: &str, in_favour: u32, against: u32, extra: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"

[[event]]
id = "decide-bob"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "Bob is disciplined"
category = "discipline"
votes = {{ for = {in_favour}, against = {against} }}
outcome = "carried"

[[event]]
id = "bob-disciplined"
date = "2021-05-01"
kind = "member_disciplined"
person = "bob"
org = "assoc"
penalty = "{penalty}"
decision = "decide-bob"
{extra}
"#
    )
}

fn found(events: &str) -> Vec<crate::query::check::FindingLine> {
    findings(
        &build_with(&statute(), events).unwrap_or_else(|e| panic!("{e}")),
        "2021-12-31",
    )
}

#[test]
fn r14_a_penalty_short_of_its_majority_is_found_and_one_reaching_it_is_not() {
    let short = found(&disciplined("reprimand", 3, 2, ""));
    let short = of_rule(&short, Rule::MajorityNotMet);
    assert_eq!(short.len(), 1, "{short:#?}");
    assert_eq!(short[0].events[0].as_str(), "bob-disciplined");
    assert_eq!(
        short[0].citation.as_ref().unwrap().article.as_deref(),
        Some("8")
    );
    assert!(
        short[0]
            .message
            .contains("the reprimand of Bob rests on a decision"),
        "{}",
        short[0].message
    );
    let enough = found(&disciplined("reprimand", 4, 1, ""));
    assert!(of_rule(&enough, Rule::MajorityNotMet).is_empty());
    assert!(of_rule(&enough, Rule::NoCompetentDecision).is_empty());
}

#[test]
fn r14_a_penalty_without_a_decision_of_the_competent_organ_is_found() {
    let events = disciplined("reprimand", 4, 1, "").replace("decision = \"decide-bob\"\n", "");
    let found = found(&events);
    let missing = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert!(
        missing[0]
            .message
            .contains("reprimand of Bob without a decision of Board of Directors"),
        "{}",
        missing[0].message
    );
}

#[test]
fn r14_a_penalty_the_statute_does_not_provide_is_found() {
    let found = found(&disciplined("public-shaming", 4, 1, ""));
    let unknown = of_rule(&found, Rule::UnknownPenalty);
    assert_eq!(unknown.len(), 1, "{found:#?}");
    assert_eq!(
        unknown[0].message,
        "Bob was given the penalty `public-shaming`, which the statute in force does not provide"
    );
    // A penalty the statute provides is not.
    let known = self::found(&disciplined("reprimand", 4, 1, ""));
    assert!(of_rule(&known, Rule::UnknownPenalty).is_empty());
}

#[test]
fn r14_a_transfer_to_candidate_changes_the_membership_and_its_length_is_judged() {
    let events = disciplined("probation", 4, 1, "until = \"2022-03-01\"");
    let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    let bob = crate::id::PersonId::new("bob").unwrap();
    let org = crate::id::OrgId::new("assoc").unwrap();
    let day = "2021-06-01"
        .parse::<crate::date::FuzzyDate>()
        .unwrap()
        .earliest();
    let rows: Vec<_> = crate::query::Facts::members_on(&tables, &org, day, day)
        .unwrap()
        .into_iter()
        .filter(|m| m.person == bob)
        .map(|m| (m.status, m.span.start.to_string()))
        .collect();
    assert!(
        rows.contains(&(
            crate::rows::MemberStatus::Candidate,
            "2021-05-01".to_owned()
        )),
        "{rows:?}"
    );
    assert!(of_rule(&findings(&tables, "2021-12-31"), Rule::StatusTooLong).is_empty());
    // Two years is beyond the year article 8 allows.
    let long = found(&disciplined("probation", 4, 1, "until = \"2023-05-01\""));
    let long = of_rule(&long, Rule::StatusTooLong);
    assert_eq!(long.len(), 1, "{long:#?}");
    assert_eq!(
        long[0].message,
        "Bob was given the transfer to candidate membership on 2021-05-01 until 2023-05-01, beyond the 1 year the statute allows (it would end 2022-05-01)"
    );
}

#[test]
fn r14_penalties_are_read_with_their_errors_placed() {
    let bad = statute().replace("effect = \"candidate\"", "effect = \"exile\"");
    let err = crate::statute::read(&bad).unwrap_err().to_string();
    assert!(err.contains("unknown effect `exile`"), "{err}");
    let bad = format!(
        "{}\n[[version.penalty]]\nid = \"expulsion\"\nname = \"a second expulsion\"\n",
        statute()
    );
    let err = crate::statute::read(&bad).unwrap_err().to_string();
    assert!(err.contains("`expulsion` is a built-in act"), "{err}");
    let bad = statute().replace("act = \"reprimand\"", "act = \"rebuke\"");
    let err = crate::statute::read(&bad).unwrap_err().to_string();
    assert!(err.contains("unknown act `rebuke`"), "{err}");
    let clauses = crate::statute::clauses(&crate::statute::read(&statute()).unwrap());
    let rules: Vec<_> = clauses
        .iter()
        .filter(|c| c.subject == "discipline")
        .map(|c| c.rule.as_str())
        .collect();
    assert!(
        rules.contains(&"penalty `probation` (transfer to candidate membership), which makes a full member a candidate again, for at most 1 year"),
        "{rules:?}"
    );
    assert!(
        rules.contains(
            &"reprimand: decided by Board of Directors, by at least 2/3 of the votes cast"
        ),
        "{rules:?}"
    );
}

/// The assembly's annual meeting each calendar year, under article 10.
fn annual_statute() -> String {
    STATUTE.replace(
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }",
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }\nmeeting = [{ category = \"annual\", meets = { each = \"year\", article = \"10\" } }]",
    )
}

/// A meeting of the assembly convened as `category` and held on `date`.
fn assembly_meeting(id: &str, category: &str, date: &str) -> String {
    format!(
        r#"
[[event]]
id = "{id}-called"
date = "{date}"
kind = "meeting_convened"
meeting = "{id}"
organ = "assoc/assembly"
scheduled = "{date}"
category = "{category}"

[[event]]
id = "{id}-held"
date = "{date}"
kind = "meeting_held"
meeting = "{id}"
"#
    )
}

#[test]
fn r14_a_kind_of_meeting_with_its_own_cadence_counts_only_its_own_meetings() {
    let late = [
        assembly_meeting("agm-2021", "annual", "2021-03-01"),
        assembly_meeting("egm-2022", "extraordinary", "2022-05-01"),
        assembly_meeting("agm-2023", "annual", "2023-03-01"),
    ]
    .concat();
    let tables = build_with(&annual_statute(), &late).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2023-12-31");
    let late = of_rule(&found, Rule::MeetingLate);
    assert_eq!(late.len(), 1, "{found:#?}");
    assert_eq!(late[0].events[0].as_str(), "agm-2023-held");
    assert_eq!(
        late[0].citation.as_ref().unwrap().article.as_deref(),
        Some("10")
    );
    assert!(
        late[0]
            .message
            .contains("no annual meeting of General Assembly is recorded between agm-2021"),
        "{}",
        late[0].message
    );
    assert!(
        late[0].message.ends_with(": none in 2022"),
        "{}",
        late[0].message
    );
    let on_time = [
        assembly_meeting("agm-2021", "annual", "2021-03-01"),
        assembly_meeting("agm-2022", "annual", "2022-11-01"),
        assembly_meeting("egm-2023", "extraordinary", "2023-01-15"),
        assembly_meeting("agm-2023", "annual", "2023-03-01"),
    ]
    .concat();
    let tables = build_with(&annual_statute(), &on_time).unwrap_or_else(|e| panic!("{e}"));
    assert!(of_rule(&findings(&tables, "2023-12-31"), Rule::MeetingLate).is_empty());
}

/// The association's statute: a membership lapses after three months of unpaid
/// dues, and the treasurer must be a member.
fn lapse_statute() -> String {
    format!(
        r#"{}
[version.membership]
lapse = {{ after = "3 months", article = "9" }}
"#,
        STATUTE.replace(
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }\neligibility = [{ requires = \"member\" }]",
        )
    )
}

fn lapsed(date: &str, since: &str) -> String {
    format!(
        r#"
[[event]]
id = "bob-lapsed"
date = "{date}"
kind = "membership_lapsed"
person = "bob"
org = "assoc"
unpaid_since = "{since}"
"#
    )
}

#[test]
fn r14_a_lapse_before_the_statutes_period_of_arrears_is_found() {
    let build = |events: &str| {
        build_with(&lapse_statute(), &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"))
    };
    let early = findings(&build(&lapsed("2021-02-01", "2021-01-01")), "2021-12-31");
    let early = of_rule(&early, Rule::EarlyLapse);
    assert_eq!(early.len(), 1, "{early:#?}");
    assert_eq!(
        early[0].message,
        "the membership of Bob in Association lapsed on 2021-02-01, dues unpaid since 2021-01-01: sooner than the 3 months the statute allows (not before 2021-04-01)"
    );
    // Dues unpaid some day of January: possibly early in mid-April.
    let fuzzy = findings(&build(&lapsed("2021-04-15", "2021-01")), "2021-12-31");
    let fuzzy = of_rule(&fuzzy, Rule::EarlyLapse);
    assert_eq!(fuzzy.len(), 1);
    assert_eq!(fuzzy[0].certainty, crate::date::Truth::Possibly);
    let on_time = findings(&build(&lapsed("2021-05-01", "2021-01-01")), "2021-12-31");
    assert!(of_rule(&on_time, Rule::EarlyLapse).is_empty());
    // Bob is ineligible afterwards: the register shows his membership ended.
    let elected = r#"
[[event]]
id = "treasurer-2022"
date = "2022-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["bob"]
"#;
    let after = findings(
        &build(&format!("{}{elected}", lapsed("2021-05-01", "2021-01-01"))),
        "2022-12-31",
    );
    assert_eq!(
        of_rule(&after, Rule::IneligibleHolder).len(),
        1,
        "{after:#?}"
    );
    let acting = of_rule(&after, Rule::LapsedMember);
    assert_eq!(acting.len(), 1, "{after:#?}");
    assert_eq!(
        acting[0].message,
        "the membership of Bob in Association lapsed on 2021-05-01, yet Bob acts in it here"
    );
}

#[test]
fn r14_a_membership_lapsing_while_its_holder_holds_an_office_requiring_it_is_found() {
    let events = format!(
        "{BOARD}{}{}",
        r#"
[[event]]
id = "treasurer-2021"
date = "2021-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["bob"]
"#,
        lapsed("2021-06-01", "2021-01-01")
    );
    let tables = build_with(&lapse_statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    let held = of_rule(&found, Rule::LapsedMember);
    assert_eq!(held.len(), 1, "{found:#?}");
    assert_eq!(
        held[0].message,
        "the membership of Bob in Association lapsed while Bob held the post of Treasurer, which requires membership"
    );
    // Ann, never lapsed, is not concerned; nor is a lapse with no office.
    let quiet = build_with(
        &lapse_statute(),
        &format!("{BOARD}{}", lapsed("2021-06-01", "2021-01-01")),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(of_rule(&findings(&quiet, "2021-12-31"), Rule::LapsedMember).is_empty());
}

/// The association's statute, saying which members vote in the assembly.
fn voters_statute(members: &str) -> String {
    format!(
        r#"{STATUTE}
[version.membership]
votes = {{ members = [{members}], article = "7" }}
"#
    )
}

/// Ann and Bob full members, Cat a candidate; the assembly decides 3 to 0.
const ASSEMBLY_VOTE: &str = r#"
[[event]]
id = "adm-cat"
date = "2020-03-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "candidate"

[[event]]
id = "assembly-met"
date = "2021-04-01"
kind = "meeting_held"
meeting = "assembly-2021"
organ = "assoc/assembly"

[[event]]
id = "budget"
date = "2021-04-01"
kind = "motion_decided"
meeting = "assembly-2021"
text = "Adopt the budget"
votes = { for = 3, against = 0 }
outcome = "carried"
"#;

#[test]
fn r14_votes_outnumbering_the_members_entitled_to_vote_are_found() {
    let events = format!("{BOARD}{ASSEMBLY_VOTE}");
    let tables =
        build_with(&voters_statute("\"full-member\""), &events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    let over = of_rule(&found, Rule::MajorityNotMet);
    assert_eq!(over.len(), 1, "{found:#?}");
    assert_eq!(over[0].events[0].as_str(), "budget");
    assert_eq!(
        over[0].citation.as_ref().unwrap().article.as_deref(),
        Some("7")
    );
    assert_eq!(
        over[0].message,
        "the record gives 3 votes (3 for, 0 against, 0 abstaining) in General Assembly, but the register shows only 2 full members entitled to vote"
    );
    // Where candidates vote too, three may.
    let tables = build_with(&voters_statute("\"full-member\", \"candidate\""), &events)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet).is_empty());
    // Without the clause, nothing is judged.
    let tables = build_with(STATUTE, &events).unwrap_or_else(|e| panic!("{e}"));
    assert!(of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet).is_empty());
    let bad = crate::statute::read(&voters_statute("\"guest\""))
        .unwrap_err()
        .to_string();
    assert!(bad.contains("unknown voters `guest`"), "{bad}");
}

#[test]
fn r14_a_transfer_to_candidate_is_limited_by_the_penalty_not_the_probation() {
    // A six-month probation, and a transfer of up to a year (article 8).
    let statute = format!(
        "{}\n[version.membership]\nprobation = {{ length = \"6 months\", article = \"9\" }}\n",
        statute()
    );
    let events = disciplined("probation", 4, 1, "until = \"2022-05-01\"");
    let tables = build_with(&statute, &events).unwrap_or_else(|e| panic!("{e}"));
    // Nine months a candidate: beyond the probation, within the transfer.
    assert!(of_rule(&findings(&tables, "2022-02-01"), Rule::StatusTooLong).is_empty());
    let late = findings(&tables, "2022-06-01");
    let late = of_rule(&late, Rule::StatusTooLong);
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(
        late[0].message,
        "Bob has been a candidate member of Association since 2021-05-01, beyond the 1 year transfer to candidate membership the statute allows (it ended 2022-05-01)"
    );
    assert_eq!(
        late[0].citation.as_ref().unwrap().article.as_deref(),
        Some("8")
    );
}

#[test]
fn r14_a_kinds_count_counts_only_meetings_of_the_kind() {
    let statute = STATUTE.replace(
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }",
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }\nmeeting = [{ category = \"general\", meets = { each = \"year\", at_least = 2, article = \"10\" } }, { category = \"special\" }]",
    );
    let judged = |meetings: &[(&str, &str, &str)]| {
        let events: String = meetings
            .iter()
            .map(|(id, category, date)| assembly_meeting(id, category, date))
            .collect();
        let tables = build_with(&statute, &events).unwrap_or_else(|e| panic!("{e}"));
        findings(&tables, "2022-12-31")
            .into_iter()
            .filter(|f| f.rule == Rule::MeetingLate)
            .collect::<Vec<_>>()
    };
    // 2021: one general meeting and a special one; the special does not count.
    let short = judged(&[
        ("g1", "general", "2021-03-01"),
        ("s1", "special", "2021-06-01"),
        ("g2", "general", "2022-03-01"),
    ]);
    assert_eq!(short.len(), 1, "{short:#?}");
    assert_eq!(short[0].events[0].as_str(), "g2-held");
    assert_eq!(
        short[0].citation.as_ref().unwrap().article.as_deref(),
        Some("10")
    );
    assert!(
        short[0]
            .message
            .starts_with("1 meeting of General Assembly convened as `general` is certainly recorded in 2021; the statute requires at least 2"),
        "{}",
        short[0].message
    );
    let enough = judged(&[
        ("g1", "general", "2021-03-01"),
        ("g2", "general", "2021-09-01"),
        ("s1", "special", "2021-10-01"),
        ("g3", "general", "2022-03-01"),
    ]);
    assert!(enough.is_empty(), "{enough:#?}");
}

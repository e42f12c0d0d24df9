//! Issue 14, limits found by encoding real statutes: a lapse after "more than" a
//! period, posts as conveners and appointers, vacancies filled within a deadline,
//! and the cadence of a kind of meeting from its first meeting. Each test is data:
//! a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

fn with_lapse(lapse: &str) -> String {
    format!(
        r#"{STATUTE}
[version.membership]
lapse = {{ {lapse}, article = "9" }}
"#
    )
}

fn lapsed(date: &str, since: &str) -> String {
    format!(
        r#"{BOARD}
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

fn early_lapses(lapse: &str, date: &str, since: &str) -> Vec<Truth> {
    let tables =
        build_with(&with_lapse(lapse), &lapsed(date, since)).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::EarlyLapse)
        .iter()
        .map(|f| f.certainty)
        .collect()
}

#[test]
fn a_lapse_after_a_period_may_come_on_the_day_it_is_complete() {
    let after = "after = \"6 months\"";
    assert_eq!(
        early_lapses(after, "2021-03-31", "2020-10-01"),
        vec![Truth::Definitely]
    );
    assert_eq!(early_lapses(after, "2021-04-01", "2020-10-01"), vec![]);
}

#[test]
fn a_lapse_after_more_than_a_period_must_wait_one_day_more() {
    let more = "more_than = \"6 months\"";
    let on_the_day = build_with(&with_lapse(more), &lapsed("2021-04-01", "2020-10-01"))
        .unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&on_the_day, "2021-12-31");
    let early = of_rule(&found, Rule::EarlyLapse);
    assert_eq!(early.len(), 1, "{found:#?}");
    assert_eq!(
        early[0].message,
        "the membership of Bob in Association lapsed on 2021-04-01, dues unpaid since 2020-10-01: sooner than the 6 months and a day the statute allows (not before 2021-04-02)"
    );
    assert_eq!(early_lapses(more, "2021-04-02", "2020-10-01"), vec![]);
    // Unpaid since some day of October: on 2 April it depends on the day.
    assert_eq!(
        early_lapses(more, "2021-04-02", "2020-10"),
        vec![Truth::Possibly]
    );
}

/// The assembly meets each calendar year (article 9), and its annual meeting,
/// a kind of its own, each calendar year too (article 10).
fn annual_statute() -> String {
    STATUTE.replace(
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }",
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }\nmeets = { each = \"year\", article = \"9\" }\nmeeting = [{ category = \"annual\", meets = { each = \"year\", article = \"10\" } }, { category = \"special\" }]",
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

fn late_meetings(meetings: &[String]) -> Vec<crate::query::check::FindingLine> {
    let tables =
        build_with(&annual_statute(), &meetings.concat()).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2022-12-31"), Rule::MeetingLate)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn the_first_meeting_of_a_kind_is_judged_from_the_cadence_coming_into_force() {
    // The assembly met in 2020 and 2021, but only as special meetings: the
    // first annual meeting, in 2022, leaves 2021 without one.
    let late = late_meetings(&[
        assembly_meeting("sm-2020", "special", "2020-06-01"),
        assembly_meeting("sm-2021", "special", "2021-05-01"),
        assembly_meeting("agm-2022", "annual", "2022-03-01"),
    ]);
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(late[0].events[0].as_str(), "agm-2022-held");
    assert_eq!(late[0].events[1].as_str(), "sm-2020-held");
    assert_eq!(late[0].certainty, Truth::Definitely);
    assert_eq!(
        late[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("10")
    );
    assert_eq!(
        late[0].message,
        "agm-2022 (2022-03-01) is the first annual meeting of General Assembly recorded; the statute requires one in each calendar year, in force since 2020-01-01, and the record shows General Assembly meeting from sm-2020 (2020-06-01): none in 2021"
    );
    // An annual meeting in 2021 keeps the first one on time.
    let on_time = late_meetings(&[
        assembly_meeting("sm-2020", "special", "2020-06-01"),
        assembly_meeting("agm-2021", "annual", "2021-05-01"),
        assembly_meeting("agm-2022", "annual", "2022-03-01"),
    ]);
    assert!(on_time.is_empty(), "{on_time:#?}");
}

#[test]
fn the_first_meeting_of_an_organ_is_not_judged_by_its_kind() {
    // Nothing shows the assembly before 2022: the record, not the assembly,
    // may be what is missing, as for the organ's own cadence.
    let late = late_meetings(&[assembly_meeting("agm-2022", "annual", "2022-03-01")]);
    assert!(late.is_empty(), "{late:#?}");
}

#[test]
fn a_year_without_any_meeting_is_one_finding_the_kinds() {
    let late = late_meetings(&[
        assembly_meeting("agm-2020", "annual", "2020-03-01"),
        assembly_meeting("agm-2022", "annual", "2022-03-01"),
    ]);
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(
        late[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("10")
    );
    assert!(
        late[0].message.ends_with(": none in 2021"),
        "{}",
        late[0].message
    );
    // A special meeting in 2021 keeps the organ's cadence; the kind's alone is late.
    let late = late_meetings(&[
        assembly_meeting("agm-2020", "annual", "2020-03-01"),
        assembly_meeting("sm-2021", "special", "2021-06-01"),
        assembly_meeting("agm-2022", "annual", "2022-03-01"),
    ]);
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(
        late[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("10")
    );
}

/// The assembly is convened by the board or by the treasurer (article 9); the
/// association also has a secretary, who may not convene it.
fn convener_statute() -> String {
    format!(
        "{}\n[[version.post]]\nid = \"secretary\"\nname = \"Secretary\"\nelected_by = {{ by = \"assembly\" }}\n",
        STATUTE.replace(
            "name = \"General Assembly\"\nelected_by = { by = \"members\" }",
            "name = \"General Assembly\"\nelected_by = { by = \"members\" }\nconvened_by = { by = [\"board\"], posts = [\"treasurer\"], article = \"9\" }",
        )
    )
}

/// Ann elected treasurer on `elected`; the assembly convened on `convened` with `by`.
fn convened_by(elected: &str, convened: &str, by: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        r#"{BOARD}
[[event]]
id = "treasurer-elected"
date = "{elected}"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]

[[event]]
id = "egm-called"
date = "{convened}"
kind = "meeting_convened"
meeting = "egm"
organ = "assoc/assembly"
{by}
"#
    );
    let tables = build_with(&convener_statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::WrongConvener)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn a_post_the_statute_names_may_convene_through_its_holder() {
    let by = "by_post = \"assoc/treasurer\"\nby_person = \"ann\"";
    assert!(convened_by("2021-03-01", "2021-06-01", by).is_empty());
    // Ann alone: she held one of the posts that may convene.
    assert!(convened_by("2021-03-01", "2021-06-01", "by_person = \"ann\"").is_empty());
    // Bob on the board's behalf: the board's call, not his.
    assert!(
        convened_by(
            "2021-03-01",
            "2021-06-01",
            "by = \"assoc/board\"\nby_person = \"bob\""
        )
        .is_empty()
    );
}

#[test]
fn a_post_the_statute_does_not_name_is_the_wrong_convener() {
    let found = convened_by("2021-03-01", "2021-06-01", "by_post = \"assoc/secretary\"");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "a meeting of General Assembly was convened by the holder of the post of Secretary; the statute gives that to Board of Directors or the holder of the post of Treasurer"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
}

#[test]
fn a_convener_is_judged_by_who_held_the_post_on_the_day() {
    // Bob never held the post.
    let found = convened_by("2021-03-01", "2021-06-01", "by_person = \"bob\"");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "a meeting of General Assembly was convened by Bob, who did not hold the post of Treasurer on 2021-06-01; the statute gives that to Board of Directors or the holder of the post of Treasurer"
    );
    // Ann, before her election.
    let early = convened_by(
        "2021-03-01",
        "2021-02-01",
        "by_post = \"assoc/treasurer\"\nby_person = \"ann\"",
    );
    assert_eq!(early.len(), 1, "{early:#?}");
    assert_eq!(early[0].certainty, Truth::Definitely);
    // Elected some day of March, convening on 10 March: possibly before it.
    let fuzzy = convened_by("2021-03", "2021-03-10", "by_person = \"ann\"");
    assert_eq!(fuzzy.len(), 1, "{fuzzy:#?}");
    assert_eq!(fuzzy[0].certainty, Truth::Possibly);
}

#[test]
fn convened_by_names_posts_of_the_version_only() {
    let text = convener_statute().replace("posts = [\"treasurer\"]", "posts = [\"chair\"]");
    let err = crate::statute::read(&text).expect_err("an undefined post");
    assert!(
        err.to_string()
            .contains("`convened_by.posts` names posts; `chair` is not a post of this version"),
        "{err}"
    );
    let at = text.find("\"chair\"").unwrap_or(0);
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
    let doc = crate::statute::read(&convener_statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    assert!(
        clauses
            .iter()
            .any(|c| c.rule
                == "convened by Board of Directors or the holder of the post of Treasurer"),
        "{clauses:#?}"
    );
}

/// A vacant treasurership is filled within sixty days (article 9); a vacant seat
/// on the board, which co-opts, by the board's next meeting.
fn vacancy_statute() -> String {
    STATUTE
        .replace(
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }\nvacancy = { within = \"60 days\", article = \"9\" }",
        )
        .replace(
            "name = \"Board of Directors\"\nelected_by = { by = \"assembly\" }",
            "name = \"Board of Directors\"\nelected_by = { by = \"assembly\", vacancies = \"board\" }\nvacancy = { within = \"next-meeting\", article = \"9\" }",
        )
}

/// Ann, treasurer from 1 March 2021, resigns on `vacated`; Bob is elected on
/// `filled`, if given.
fn treasurer_vacancy(
    vacated: &str,
    filled: Option<&str>,
    day: &str,
) -> Vec<crate::query::check::FindingLine> {
    let fill = filled.map_or_else(String::new, |f| {
        format!(
            r#"
[[event]]
id = "treasurer-filled"
date = "{f}"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["bob"]
"#
        )
    });
    let events = format!(
        r#"{BOARD}
[[event]]
id = "treasurer-elected"
date = "2021-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]

[[event]]
id = "treasurer-resigned"
date = "{vacated}"
kind = "post_vacated"
post = "assoc/treasurer"
person = "ann"
cause = "resigned"
{fill}"#
    );
    let tables = build_with(&vacancy_statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, day), Rule::VacancyUnfilled)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn a_vacancy_not_filled_within_its_period_is_found() {
    // Still vacant at the end of the year: 60 days ran out on 31 May.
    let found = treasurer_vacancy("2021-04-01", None, "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "the post of Treasurer has been vacant since 2021-04-01 (resigned); the statute requires a vacancy filled within 60 days (by 2021-05-31)"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
    assert_eq!(found[0].events[0].as_str(), "treasurer-resigned");
    // Not yet late on the last day.
    assert!(treasurer_vacancy("2021-04-01", None, "2021-05-31").is_empty());
    // Filled in time, or on the last day.
    assert!(treasurer_vacancy("2021-04-01", Some("2021-05-31"), "2021-12-31").is_empty());
    // Filled late.
    let late = treasurer_vacancy("2021-04-01", Some("2021-07-01"), "2021-12-31");
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(late[0].certainty, Truth::Definitely);
    assert_eq!(late[0].date.to_string(), "2021-07-01");
    assert_eq!(
        late[0].message,
        "the post of Treasurer fell vacant on 2021-04-01 (resigned) and was filled on 2021-07-01; the statute requires a vacancy filled within 60 days (by 2021-05-31)"
    );
}

#[test]
fn a_vacancy_of_a_fuzzy_date_is_possibly_filled_late() {
    // Vacant some day of April: the deadline is 31 May to 29 June.
    let found = treasurer_vacancy("2021-04", Some("2021-06-15"), "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Possibly);
    assert!(treasurer_vacancy("2021-04", Some("2021-05-30"), "2021-12-31").is_empty());
}

/// Bob leaves the board on 1 May 2021; the board meets on 1 June; Dan is co-opted on `filled`.
fn seat_vacancy(filled: Option<&str>) -> Vec<crate::query::check::FindingLine> {
    let fill = filled.map_or_else(String::new, |f| {
        format!(
            r#"
[[event]]
id = "dan-coopted"
date = "{f}"
kind = "seat_taken"
organ = "assoc/board"
person = "dan"
by = "assoc/board"
"#
        )
    });
    let events = format!(
        r#"{BOARD}
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "bob-resigned"
date = "2021-05-01"
kind = "seat_vacated"
organ = "assoc/board"
person = "bob"
cause = "resigned"

[[event]]
id = "board-june"
date = "2021-06-01"
kind = "meeting_held"
meeting = "board-june"
organ = "assoc/board"
{fill}"#
    );
    let tables = build_with(&vacancy_statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::VacancyUnfilled)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn a_seat_is_filled_by_the_next_meeting_of_the_organ_that_fills_it() {
    assert!(seat_vacancy(Some("2021-06-01")).is_empty());
    let late = seat_vacancy(Some("2021-07-01"));
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(late[0].certainty, Truth::Definitely);
    assert_eq!(
        late[0].message,
        "a seat on Board of Directors fell vacant on 2021-05-01 (resigned) and was filled on 2021-07-01; the statute requires a vacancy filled by the next meeting of Board of Directors, board-june (2021-06-01)"
    );
    let open = seat_vacancy(None);
    assert_eq!(open.len(), 1, "{open:#?}");
    assert!(
        open[0]
            .message
            .starts_with("a seat on Board of Directors has been vacant since 2021-05-01"),
        "{}",
        open[0].message
    );
}

#[test]
fn next_meeting_needs_an_organ_that_fills_the_vacancy() {
    let text = STATUTE.replace(
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }",
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }\nvacancy = { within = \"next-meeting\" }",
    );
    let err = crate::statute::read(&text).expect_err("no organ fills it");
    assert!(
        err.to_string()
            .contains("needs an organ that fills the vacancy"),
        "{err}"
    );
    let at = text.find("\"next-meeting\"").unwrap_or(0);
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
}

/// The chair, elected by the assembly, appoints the treasurer (article 9).
fn appointer_statute() -> String {
    format!(
        "{}\n[[version.post]]\nid = \"chair\"\nname = \"Chair\"\nelected_by = {{ by = \"assembly\" }}\n",
        STATUTE.replace(
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
            "name = \"Treasurer\"\nelected_by = { by = \"post:chair\", article = \"9\" }",
        )
    )
}

/// Ann elected chair on 1 March 2021; the treasurer filled on 1 June by `how`.
fn appointed(how: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        r#"{BOARD}
[[event]]
id = "chair-elected"
date = "2021-03-01"
kind = "election_held"
post = "assoc/chair"
by = "assoc/assembly"
elected = ["ann"]

[[event]]
id = "treasurer-filled"
date = "2021-06-01"
{how}
"#
    );
    let tables = build_with(&appointer_statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::WrongElector)
        .into_iter()
        .cloned()
        .collect()
}

const ASSIGNED: &str = "kind = \"post_assigned\"\npost = \"assoc/treasurer\"\nperson = \"bob\"";

#[test]
fn a_post_appoints_through_its_holder_of_the_day() {
    let by_chair = format!("{ASSIGNED}\nby_post = \"assoc/chair\"\nby_person = \"ann\"");
    assert!(appointed(&by_chair).is_empty());
    let by_cat = format!("{ASSIGNED}\nby_person = \"cat\"");
    let found = appointed(&by_cat);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "the post of Treasurer was filled by Cat, who did not hold the post of Chair on 2021-06-01; the statute gives that to the holder of the post of Chair"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
}

#[test]
fn an_organ_filling_what_a_post_appoints_is_the_wrong_elector() {
    let by_board = format!("{ASSIGNED}\nby = \"assoc/board\"");
    let found = appointed(&by_board);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the post of Treasurer was filled by Board of Directors; the statute gives that to the holder of the post of Chair"
    );
    let elected = "kind = \"election_held\"\npost = \"assoc/treasurer\"\nby = \"assoc/assembly\"\nelected = [\"bob\"]";
    assert_eq!(appointed(elected).len(), 1);
    // Nothing said of who filled it: not judged.
    assert!(appointed(ASSIGNED).is_empty());
}

#[test]
fn an_appointing_post_must_be_a_post_of_the_version() {
    let text = appointer_statute().replace("post:chair", "post:president");
    let err = crate::statute::read(&text).expect_err("an undefined post");
    assert!(
        err.to_string()
            .contains("`post:president` names a post; `president` is not a post of this version"),
        "{err}"
    );
    let doc = crate::statute::read(&appointer_statute()).unwrap_or_else(|e| panic!("{e}"));
    assert!(crate::statute::clauses(&doc).iter().any(|c| c.rule
        == "appointed by the holder of the post of Chair only"
        && c.checked_by == Some("wrong-elector")));
}

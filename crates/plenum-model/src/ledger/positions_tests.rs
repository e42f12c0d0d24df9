//! Issue 13, unnamed positions and groups naming nobody: `position_changed`,
//! `group_affected`, `tenure_observed` and `holders = "several"`, read, refused where
//! wrong, told by `person` and `log`, counted by `lineage`, answered by `at`, and left
//! alone by the rules.

use super::historian_tests::{PEOPLE, date};
use super::tests::build;
use crate::date::{Day, Truth};
use crate::event::kinds::{Befallen, StandingChange};
use crate::event::read::{Format, read};
use crate::event::{Event, EventKind};
use crate::query::{at::at, check::check, groups::during, lineage::lineage, person::person};
use crate::rules::Rule;

fn one(text: &str, format: Format) -> Event {
    let mut located = read(text, format).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(located.len(), 1);
    located.remove(0).event
}

const DEMOTION: &str = r#"
[[event]]
id = "kim-demoted"
date = "1951"
kind = "position_changed"
person = "kim"
org = "party"
change = "demoted"
by = "mu"
sources = [{ document = "article", quote = "first demoting him during the Korean War in 1951" }]
"#;

const FOLLOWERS: &str = r#"
[[event]]
id = "followers-promoted"
date = "1956/1961"
kind = "position_changed"
org = "party"
change = "promoted"
what = "key positions in the Army"
by = "mu"
others = { count = "a number", who = "his own followers" }
"#;

#[test]
fn changes_of_standing_are_read_in_both_forms_and_written_back() {
    let demoted = one(DEMOTION, Format::Toml);
    let EventKind::PositionChanged(b) = &demoted.kind else {
        panic!("{demoted:?}");
    };
    assert_eq!(b.change, StandingChange::Demoted);
    assert_eq!(b.person.as_ref().map(|p| p.as_str()), Some("kim"));
    for event in [demoted.clone(), one(FOLLOWERS, Format::Toml)] {
        let line = crate::event::codec::to_json(&event).to_string();
        assert_eq!(one(&line, Format::JsonLines), event, "{line}");
    }
    let line = crate::event::codec::to_json(&one(FOLLOWERS, Format::Toml)).to_string();
    assert!(
        line.contains(r#""others":{"count":"a number","who":"his own followers"}"#),
        "{line}"
    );
    let group = one(
        "[[event]]\nid = \"g\"\ndate = 1952\nkind = \"group_affected\"\norg = \"party\"\nact = \"expelled\"\ngroup = { count = \"a number\", who = \"military leaders\" }\n",
        Format::Toml,
    );
    let line = crate::event::codec::to_json(&group).to_string();
    assert_eq!(one(&line, Format::JsonLines), group, "{line}");
    let observed = one(
        "[[event]]\nid = \"o\"\ndate = \"1951/1953\"\nkind = \"tenure_observed\"\nperson = \"yi\"\norgan = \"party/cc\"\nrole = \"alternate\"\n",
        Format::Toml,
    );
    let line = crate::event::codec::to_json(&observed).to_string();
    assert_eq!(one(&line, Format::JsonLines), observed, "{line}");
}

#[test]
fn unknown_words_are_refused_at_their_line_and_column() {
    for (body, line, says) in [
        (
            "kind = \"position_changed\"\nperson = \"kim\"\nchange = \"elevated\"\n",
            6,
            "unknown variant `elevated`",
        ),
        (
            "kind = \"group_affected\"\norg = \"party\"\nact = \"exiled\"\ngroup = 3\n",
            6,
            "unknown variant `exiled`",
        ),
        (
            "kind = \"group_affected\"\norg = \"party\"\nact = \"expelled\"\ngroup = \"lots\"\n",
            7,
            "unknown headcount `lots`",
        ),
        (
            "kind = \"post_established\"\npost = \"party/leader\"\nname = \"leader\"\nholders = \"few\"\n",
            7,
            "write a number or \"several\"",
        ),
        (
            "kind = \"post_established\"\npost = \"party/leader\"\nname = \"leader\"\nholders = 0\n",
            7,
            "at least 1 holder",
        ),
        (
            "kind = \"tenure_observed\"\nperson = \"kim\"\npost = \"party/chairman\"\nrole = \"deputy\"\n",
            7,
            "unknown variant `deputy`",
        ),
    ] {
        let text = format!("[[event]]\nid = \"e\"\ndate = 1950\n{body}");
        let error = read(&text, Format::Toml).expect_err(&text);
        assert_eq!((error.line, error.column), (line, 1), "{text}: {error}");
        assert!(error.to_string().contains(says), "{text}: {error}");
    }
    let line =
        r#"{"id":"e","date":"1950","kind":"position_changed","person":"kim","change":"raised"}"#;
    let error = read(line, Format::JsonLines).expect_err(line);
    assert_eq!(error.line, 1);
    assert!(
        error.to_string().contains("unknown variant `raised`"),
        "{error}"
    );
}

#[test]
fn a_named_change_of_standing_is_a_record_line_and_changes_no_rows() {
    let state = build(&format!("{PEOPLE}{DEMOTION}"));
    let kim = person(&state, "kim").unwrap();
    let line = kim
        .record
        .iter()
        .find(|l| l.event == "kim-demoted")
        .expect("the demotion is in the record");
    assert_eq!(line.date, "1951");
    assert_eq!(line.kind, "position_changed");
    assert_eq!(line.text, "demoted by Mu Chong in Workers' Party");
    assert!(kim.posts.is_empty() && kim.seats.is_empty() && kim.memberships.is_empty());
    // The one who made it has it in their record too, in their words.
    let mu = person(&state, "mu").unwrap();
    assert!(
        mu.record
            .iter()
            .any(|l| l.event == "kim-demoted" && l.text == "demoted Kim Tu-bong in Workers' Party"),
        "{:?}",
        mu.record
    );
    let log = crate::event::describe::summarize(&one(DEMOTION, Format::Toml));
    assert!(log.to_string().starts_with("kim: demoted"), "{log}");
    let groups = lineage(&state, "party").unwrap().groups;
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].what, Befallen::Demoted);
    assert_eq!(groups[0].named[0].name, "Kim Tu-bong");
    assert_eq!(
        (groups[0].least, groups[0].most, groups[0].unnamed_most),
        (1, Some(1), Some(0))
    );
}

#[test]
fn groups_naming_nobody_are_counted_by_lineage_with_their_bounds() {
    let state = build(&format!(
        "{PEOPLE}{FOLLOWERS}{}",
        r#"
[[event]]
id = "adm-mu"
date = "1946-09"
kind = "member_admitted"
person = "mu"
org = "party"

[[event]]
id = "mu-expelled"
date = "1950-10/1952"
kind = "member_expelled"
person = "mu"
org = "party"
others = 11

[[event]]
id = "leaders-expelled"
date = "1952"
kind = "group_affected"
org = "party"
act = "expelled"
group = { count = "a number", who = "military leaders" }
reason = "the loss of Pyongyang"

[[event]]
id = "elsewhere"
date = "1952"
kind = "group_affected"
org = "front"
act = "expelled"
group = 5
"#
    ));
    let groups = lineage(&state, "party").unwrap().groups;
    let expelled = groups
        .iter()
        .find(|g| g.what == Befallen::Expelled)
        .unwrap();
    assert_eq!(expelled.named.len(), 1);
    assert_eq!(expelled.named[0].id, "mu");
    // 11 counted, and "a number" (at least 2, no upper bound); the front's 5 are not the party's.
    assert_eq!((expelled.unnamed_least, expelled.unnamed_most), (13, None));
    assert_eq!((expelled.least, expelled.most), (14, None));
    assert_eq!(expelled.events.len(), 2);
    assert_eq!(expelled.events[1].who.as_deref(), Some("military leaders"));
    assert_eq!(expelled.events[1].others.as_deref(), Some("a number"));
    let promoted = groups
        .iter()
        .find(|g| g.what == Befallen::Promoted)
        .unwrap();
    assert!(promoted.named.is_empty());
    assert_eq!((promoted.least, promoted.most), (2, None));
    // Within a period: 1950-10/1952 only possibly falls in 1950, so it counts only as most.
    let in_1950 = during(&state, &"party".parse().unwrap(), &date("1950")).unwrap();
    let expelled = in_1950
        .iter()
        .find(|g| g.what == Befallen::Expelled)
        .unwrap();
    assert_eq!(expelled.events.len(), 1);
    assert_eq!(expelled.events[0].certainty, Truth::Possibly);
    assert_eq!((expelled.least, expelled.most), (0, Some(12)));
    // The one who made the change has it in their record.
    let mu = person(&state, "mu").unwrap();
    assert!(
        mu.record.iter().any(|l| l.event == "followers-promoted"
            && l.text
                == "promoted a number of people (his own followers) (key positions in the Army) in Workers' Party"),
        "{:?}",
        mu.record
    );
    let log = crate::event::describe::summarize(&one(FOLLOWERS, Format::Toml)).to_string();
    assert!(
        log.contains(
            "a number of people (his own followers) promoted (key positions in the Army) by"
        ),
        "{log}"
    );
    // The members of the party are only the named ones.
    assert_eq!(
        at(&state, &date("1950-01"), "party", None).unwrap().total,
        1
    );
}

#[test]
fn a_change_naming_nobody_needs_a_group_and_an_organization() {
    for (body, says) in [
        (
            "org = \"party\"\nchange = \"promoted\"\n",
            "names a `person` or counts `others`",
        ),
        (
            "change = \"promoted\"\nothers = \"several\"\n",
            "needs the `org` it happened in",
        ),
    ] {
        let text = format!(
            "{PEOPLE}[[event]]\nid = \"e\"\ndate = 1950\nkind = \"position_changed\"\n{body}"
        );
        let events = super::statute_tests::events_of(&text);
        let error = super::replay(&events).err().map(|e| e.to_string());
        let error = error.unwrap_or_default();
        assert!(error.contains(says), "{error}");
    }
}

const OBSERVED: &str = r#"
[[event]]
id = "yi-chairman-observed"
date = "1951/1953"
kind = "tenure_observed"
person = "yi"
post = "party/chairman"

[[event]]
id = "choe-cc-observed"
date = "1952-03-01"
kind = "tenure_observed"
person = "choe"
organ = "party/cc"
"#;

#[test]
fn an_observed_tenure_is_possible_within_its_period_and_unknown_outside() {
    let state = build(&format!("{PEOPLE}{OBSERVED}"));
    let within = at(&state, &date("1952-06-01"), "party/chairman", None).unwrap();
    assert_eq!(within.members.len(), 1);
    let yi = &within.members[0];
    assert_eq!(yi.id, "yi");
    assert_eq!(yi.certainty, Truth::Possibly);
    assert_eq!(yi.observed.as_deref(), Some("1951/1953"));
    assert_eq!(
        (yi.since.as_str(), yi.until.as_deref()),
        ("1951-01-01", Some("1953-12-31"))
    );
    // Listed, not counted: the record knows no tenure.
    assert_eq!((within.total, within.definite), (0, 0));
    assert!(
        at(&state, &date("1950-06-01"), "party/chairman", None)
            .unwrap()
            .members
            .is_empty()
    );
    assert!(
        at(&state, &date("1954"), "party/chairman", None)
            .unwrap()
            .members
            .is_empty()
    );
    // A period of one day, asked on that day: definitely; on a fuzzy date around it: possibly.
    let cc = at(&state, &date("1952-03-01"), "party/cc", None).unwrap();
    let choe = cc.members.iter().find(|m| m.id == "choe").unwrap();
    assert_eq!(choe.certainty, Truth::Definitely);
    assert_eq!(cc.total, 0);
    let cc = at(&state, &date("1952-03"), "party/cc", None).unwrap();
    assert_eq!(cc.members[0].certainty, Truth::Possibly);
    // The person: no post, an observation and a record line.
    let yi = person(&state, "yi").unwrap();
    assert!(yi.posts.is_empty());
    assert_eq!(yi.observed.len(), 1);
    assert_eq!(yi.observed[0].during, "1951/1953");
    assert_eq!(yi.observed[0].post.as_ref().unwrap().name, "Chairman");
    assert!(
        yi.record
            .iter()
            .any(|l| l.text == "held Chairman at some time in 1951/1953"),
        "{:?}",
        yi.record
    );
}

#[test]
fn the_rules_judge_no_observation_as_a_tenure_but_find_the_dead() {
    // Five seats fill the CC: a sixth taken is over the limit; a sixth observed is no seat.
    let mut text = format!("{PEOPLE}{OBSERVED}");
    for n in 1..=6 {
        text.push_str(&format!(
            "[[event]]\nid = \"p{n}\"\ndate = 1900\nkind = \"person_registered\"\nperson = \"p{n}\"\nname = \"P{n}\"\n\n"
        ));
    }
    for n in 1..=5 {
        text.push_str(&format!(
            "[[event]]\nid = \"p{n}-cc\"\ndate = 1950\nkind = \"seat_taken\"\nperson = \"p{n}\"\norgan = \"party/cc\"\n\n"
        ));
    }
    text.push_str(
        r#"
[[event]]
id = "p6-cc-observed"
date = "1950/1951"
kind = "tenure_observed"
person = "p6"
organ = "party/cc"

[[event]]
id = "p6-cc"
date = "1952"
kind = "seat_taken"
person = "p6"
organ = "party/cc"

[[event]]
id = "choe-died"
date = "1940"
kind = "person_died"
person = "choe"
"#,
    );
    let state = build(&text);
    let findings = check(&state, Day::MAX).unwrap();
    let about = |id: &str| -> Vec<Rule> {
        findings
            .iter()
            .filter(|f| f.events.first().map(|e| e.as_str()) == Some(id))
            .map(|f| f.rule)
            .collect()
    };
    assert!(about("p6-cc-observed").is_empty(), "{findings:?}");
    assert!(about("yi-chairman-observed").is_empty(), "{findings:?}");
    assert!(
        about("p6-cc").contains(&Rule::SeatsOverLimit),
        "{findings:?}"
    );
    assert_eq!(
        about("choe-cc-observed"),
        [Rule::DeadPerson],
        "{findings:?}"
    );
}

#[test]
fn a_post_of_several_holders_replaces_nobody() {
    let history = |holders: &str| {
        build(&format!(
            "{PEOPLE}[[event]]\nid = \"post\"\ndate = 1930\nkind = \"post_established\"\npost = \"front/guerrilla-leader\"\nname = \"guerrilla leader\"\n{holders}\n{}",
            r#"
[[event]]
id = "mu-guerrilla"
date = "1932"
kind = "post_assigned"
person = "mu"
post = "front/guerrilla-leader"

[[event]]
id = "kim-guerrilla"
date = "1935"
kind = "post_assigned"
person = "kim"
post = "front/guerrilla-leader"

[[event]]
id = "yi-guerrilla"
date = "1937"
kind = "post_assigned"
person = "yi"
post = "front/guerrilla-leader"
"#
        ))
    };
    let several = history("holders = \"several\"");
    let leaders = at(&several, &date("1938"), "front/guerrilla-leader", None).unwrap();
    assert_eq!(leaders.total, 3);
    let one = history("");
    let leaders = at(&one, &date("1938"), "front/guerrilla-leader", None).unwrap();
    assert_eq!(leaders.total, 1);
    assert_eq!(leaders.members[0].id, "yi");
}

#[test]
fn a_change_of_standing_is_judged_for_the_dead_only() {
    let state = build(&format!(
        "{PEOPLE}{DEMOTION}{}",
        r#"
[[event]]
id = "adm-yi"
date = "1946-09"
kind = "member_admitted"
person = "yi"
org = "party"

[[event]]
id = "yi-expelled"
date = "1950"
kind = "member_expelled"
person = "yi"
org = "party"

[[event]]
id = "yi-removed"
date = "1952"
kind = "position_changed"
person = "yi"
org = "party"
change = "removed"

[[event]]
id = "choe-died"
date = "1940"
kind = "person_died"
person = "choe"

[[event]]
id = "choe-promoted"
date = "1950"
kind = "position_changed"
person = "choe"
change = "promoted"
"#
    ));
    let findings = check(&state, Day::MAX).unwrap();
    let about = |id: &str| -> Vec<Rule> {
        findings
            .iter()
            .filter(|f| f.events.first().map(|e| e.as_str()) == Some(id))
            .map(|f| f.rule)
            .collect()
    };
    // No decision, no organ named: the rank lost is not named, so nothing to judge.
    assert!(about("kim-demoted").is_empty(), "{findings:?}");
    assert!(about("yi-removed").is_empty(), "{findings:?}");
    assert_eq!(about("choe-promoted"), [Rule::DeadPerson], "{findings:?}");
}

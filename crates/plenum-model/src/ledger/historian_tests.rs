//! Issue 13, what a historian reads: joint leaderships, leaderships that end with no
//! successor, factions left on expulsion or purge, and groups with unnamed members.

use super::tests::build;
use crate::date::{Day, FuzzyDate};
use crate::event::read::{Format, read};
use crate::query::{at::at, person::person};
use crate::rules::Rule;

pub(super) const PEOPLE: &str = r#"
[[event]]
id = "org"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"

[[event]]
id = "front"
date = "1946-08-28"
kind = "organization_founded"
org = "front"
name = "Democratic Front"

[[event]]
id = "f-yanan"
date = "1945"
kind = "faction_formed"
faction = "yanan"
name = "Yanan faction"

[[event]]
id = "f-cc"
date = "1946-08-28"
kind = "faction_formed"
faction = "cc-group"
name = "Central Committee group"
org = "party"

[[event]]
id = "f-front"
date = "1946-08-28"
kind = "faction_formed"
faction = "front-left"
name = "Front left"
org = "front"

[[event]]
id = "p-mu"
date = "1900"
kind = "person_registered"
person = "mu"
name = "Mu Chong"

[[event]]
id = "p-kim"
date = "1900"
kind = "person_registered"
person = "kim"
name = "Kim Tu-bong"

[[event]]
id = "p-choe"
date = "1900"
kind = "person_registered"
person = "choe"
name = "Choe Chang-ik"

[[event]]
id = "p-yi"
date = "1900"
kind = "person_registered"
person = "yi"
name = "Yi Sung-yop"

[[event]]
id = "mu-leads"
date = "1946-09"
kind = "faction_led"
faction = "yanan"
person = "mu"
"#;

/// Records more events, as a later (here back-dated) batch.
fn more(tables: &super::Tables, events: &str) -> super::Tables {
    let mut tables = tables.clone();
    let events: Vec<_> = read(events, Format::Toml)
        .unwrap()
        .into_iter()
        .map(|l| l.event)
        .collect();
    super::record(&mut tables, &events).unwrap_or_else(|e| panic!("{e}"));
    tables
}

pub(super) fn date(text: &str) -> FuzzyDate {
    text.parse().unwrap()
}

/// (person id, leader) of the faction's members on a date, in report order.
fn faction_on(tables: &super::Tables, when: &str, faction: &str) -> Vec<(String, bool)> {
    at(tables, &date(when), faction, None)
        .unwrap()
        .members
        .into_iter()
        .map(|m| (m.id, m.leader))
        .collect()
}

fn leaders_on(tables: &super::Tables, when: &str, faction: &str) -> Vec<String> {
    let mut leaders: Vec<String> = faction_on(tables, when, faction)
        .into_iter()
        .filter(|(_, leader)| *leader)
        .map(|(id, _)| id)
        .collect();
    leaders.sort();
    leaders
}

#[test]
fn joint_leaders_lead_together_and_a_successor_ends_them_all() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "joint"
date = "1952"
kind = "faction_led"
faction = "yanan"
person = "kim"
with = ["choe"]

[[event]]
id = "yi-joins-them"
date = "1954"
kind = "faction_led"
faction = "yanan"
person = "yi"
joint = true

[[event]]
id = "mu-again"
date = "1956"
kind = "faction_led"
faction = "yanan"
person = "mu"
"#
    ));
    assert_eq!(leaders_on(&state, "1950", "yanan"), ["mu"]);
    assert_eq!(leaders_on(&state, "1953", "yanan"), ["choe", "kim"]);
    assert_eq!(leaders_on(&state, "1955", "yanan"), ["choe", "kim", "yi"]);
    assert_eq!(leaders_on(&state, "1957", "yanan"), ["mu"]);
    let choe = person(&state, "Choe Chang-ik").unwrap();
    assert_eq!(choe.factions.len(), 1, "{:?}", choe.factions);
    assert!(choe.factions[0].leader);
    assert_eq!(
        (
            choe.factions[0].from.as_str(),
            choe.factions[0].to.as_deref()
        ),
        ("1952", Some("1956"))
    );
    let texts: Vec<&str> = choe.record.iter().map(|l| l.text.as_str()).collect();
    assert!(
        texts.contains(&"became leader of Yanan faction, jointly with Kim Tu-bong"),
        "{texts:?}"
    );
    let kim = person(&state, "kim tu-bong").unwrap();
    let texts: Vec<&str> = kim.record.iter().map(|l| l.text.as_str()).collect();
    assert!(
        texts.contains(&"became leader of Yanan faction, jointly with Choe Chang-ik"),
        "{texts:?}"
    );
    let yi = person(&state, "Yi Sung-yop").unwrap();
    assert_eq!(yi.record[1].text, "became a joint leader of Yanan faction");
}

#[test]
fn a_leadership_ends_without_a_successor() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "joint"
date = "1952"
kind = "faction_led"
faction = "yanan"
person = "kim"
with = ["choe"]

[[event]]
id = "choe-stops"
date = "1954"
kind = "faction_leadership_ended"
faction = "yanan"
person = "choe"

[[event]]
id = "nobody-leads"
date = "1956"
kind = "faction_leadership_ended"
faction = "yanan"
"#
    ));
    assert_eq!(leaders_on(&state, "1953", "yanan"), ["choe", "kim"]);
    assert_eq!(leaders_on(&state, "1955", "yanan"), ["kim"]);
    assert!(leaders_on(&state, "1957", "yanan").is_empty());
    let choe = person(&state, "choe").unwrap();
    assert_eq!(choe.factions[0].to.as_deref(), Some("1954"));
    assert_eq!(
        choe.record.last().unwrap().text,
        "ceased to lead Yanan faction"
    );
    let ended = read(
        r#"
[[event]]
id = "nobody-leads"
date = "1956"
kind = "faction_leadership_ended"
faction = "yanan"
"#,
        Format::Toml,
    )
    .unwrap();
    let phrase = crate::event::describe::summarize(&ended[0].event);
    let text = crate::query::render(&state, &[&phrase]).unwrap();
    assert_eq!(text, ["the leadership of Yanan faction ended"]);
}

#[test]
fn expulsion_and_purge_end_the_factions_of_that_organization_only() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "adm-mu"
date = "1946-09"
kind = "member_admitted"
person = "mu"
org = "party"

[[event]]
id = "mu-in-front-left"
date = "1947"
kind = "faction_joined"
person = "mu"
faction = "front-left"

[[event]]
id = "mu-leads-front-left"
date = "1947"
kind = "faction_led"
faction = "front-left"
person = "mu"

[[event]]
id = "mu-expelled"
date = "1950-10/1952"
kind = "member_expelled"
person = "mu"
org = "party"
others = "a number"

[[event]]
id = "kim-in-cc"
date = "1947"
kind = "faction_joined"
person = "kim"
faction = "cc-group"

[[event]]
id = "kim-purged"
date = "1958"
kind = "person_purged"
person = "kim"
org = "party"

[[event]]
id = "choe-in-cc"
date = "1947"
kind = "faction_joined"
person = "choe"
faction = "cc-group"

[[event]]
id = "choe-purged"
date = "1958"
kind = "person_purged"
person = "choe"
org = "party"
factions_kept = true
"#
    ));
    // The leadership of a faction of no organization ends with the expulsion ...
    assert_eq!(leaders_on(&state, "1950", "yanan"), ["mu"]);
    assert!(leaders_on(&state, "1953", "yanan").is_empty());
    // ... that of a faction of another organization does not.
    assert_eq!(leaders_on(&state, "1953", "front-left"), ["mu"]);
    assert_eq!(
        faction_on(&state, "1953", "front-left"),
        [("mu".to_owned(), true), ("mu".to_owned(), false)]
    );
    let mu = person(&state, "mu").unwrap();
    let yanan: Vec<_> = mu
        .factions
        .iter()
        .filter(|f| f.faction.id == "yanan")
        .collect();
    assert_eq!(yanan[0].to.as_deref(), Some("1950-10/1952"));
    // A purge ends the alignment with a faction of the organization, unless the
    // record keeps it.
    let members: Vec<String> = faction_on(&state, "1959", "cc-group")
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(members, ["choe"]);
    assert_eq!(faction_on(&state, "1957", "cc-group").len(), 2);
}

#[test]
fn a_dead_joint_leader_is_flagged() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "choe-dies"
date = "1950"
kind = "person_died"
person = "choe"

[[event]]
id = "joint"
date = "1952"
kind = "faction_led"
faction = "yanan"
person = "kim"
with = ["choe"]
"#
    ));
    let found: Vec<_> = crate::query::check::check(&state, Day::MAX)
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == Rule::DeadPerson)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("Choe Chang-ik"),
        "{}",
        found[0].message
    );
}

#[test]
fn death_ends_every_joint_leadership() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "joint"
date = "1952"
kind = "faction_led"
faction = "yanan"
person = "kim"
with = ["choe"]

[[event]]
id = "choe-dies"
date = "1954"
kind = "person_died"
person = "choe"
"#
    ));
    assert_eq!(leaders_on(&state, "1955", "yanan"), ["kim"]);
}

#[test]
fn a_rename_may_make_another_kind_of_body() {
    let state = build(
        r#"
[[event]]
id = "bureau"
date = "1945-10-13"
kind = "organization_founded"
org = "cpnk"
name = "North Korea Bureau"
category = "bureau"

[[event]]
id = "becomes-party"
date = "1946-05/1946-06"
kind = "organization_renamed"
org = "cpnk"
name = "Communist Party of North Korea"
category = "party"

[[event]]
id = "renamed-again"
date = "1946-07"
kind = "organization_renamed"
org = "cpnk"
name = "North Korean Communist Party"
"#,
    );
    let report = crate::query::lineage::lineage(&state, "cpnk").unwrap();
    let org = report.organization;
    assert_eq!(org.category.as_deref(), Some("party"));
    let categories: Vec<_> = org
        .categories
        .iter()
        .map(|c| (c.category.as_str(), c.from.as_str(), c.to.as_deref()))
        .collect();
    assert_eq!(
        categories,
        [
            ("bureau", "1945-10-13", Some("1946-05/1946-06")),
            ("party", "1946-05/1946-06", None)
        ]
    );
    assert_eq!(org.names.len(), 3);
}

#[test]
fn a_back_dated_category_change_is_folded_in_date_order() {
    let state = build(
        r#"
[[event]]
id = "bureau"
date = "1945-10-13"
kind = "organization_founded"
org = "cpnk"
name = "North Korea Bureau"
category = "bureau"

[[event]]
id = "becomes-league"
date = "1950"
kind = "organization_renamed"
org = "cpnk"
name = "League"
category = "league"
"#,
    );
    let state = more(
        &state,
        r#"
[[event]]
id = "becomes-party"
date = "1946"
kind = "organization_renamed"
org = "cpnk"
name = "Party"
category = "party"
"#,
    );
    let org = crate::query::lineage::lineage(&state, "cpnk")
        .unwrap()
        .organization;
    assert_eq!(org.category.as_deref(), Some("league"));
    let categories: Vec<_> = org.categories.iter().map(|c| c.category.as_str()).collect();
    assert_eq!(categories, ["bureau", "party", "league"]);
}

#[test]
fn an_expelled_member_who_leads_a_faction_of_the_party_is_flagged() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "adm-kim"
date = "1946-09"
kind = "member_admitted"
person = "kim"
org = "party"

[[event]]
id = "kim-expelled"
date = "1950"
kind = "member_expelled"
person = "kim"
org = "party"

[[event]]
id = "cc-group-led"
date = "1952"
kind = "faction_led"
faction = "cc-group"
person = "choe"
with = ["kim"]

[[event]]
id = "yanan-led"
date = "1952"
kind = "faction_led"
faction = "yanan"
person = "kim"
joint = true
"#
    ));
    let found: Vec<_> = crate::query::check::check(&state, Day::MAX)
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == Rule::ExpelledPerson)
        .collect();
    // Only the faction of the party he was expelled from: the Yanan faction is of none.
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .message
            .contains("Kim Tu-bong was expelled from Workers' Party"),
        "{}",
        found[0].message
    );
    assert_eq!(leaders_on(&state, "1953", "cc-group"), ["choe", "kim"]);
}

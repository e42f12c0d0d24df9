//! The bundled examples under `examples/`: every statute and event file reads
//! without error, event ids are unique across an example's files, every entity
//! is declared once and before it is referenced (in file order and in the
//! order events are replayed: earliest day, then file order), and every event
//! of the Workers' Party of Korea example rests on a quote found verbatim in
//! `examples/wpk/source.txt`.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

mod common;
use common::{event_files_under, examples_dir, read_events};

use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::read::Located;
use plenum_model::event::{EventKind, Ref};
use plenum_model::id::{EventId, OrgId};
use plenum_model::source::line_col;
use plenum_model::statute::{self, StatuteBook};

/// One event file, read.
struct EventFile {
    path: PathBuf,
    text: String,
    events: Vec<Located>,
}

impl EventFile {
    /// `path:line:column` of an event.
    fn place(&self, located: &Located) -> String {
        let (line, column) = line_col(&self.text, located.span.start);
        format!("{}:{line}:{column}", self.path.display())
    }
}

/// An example: its statute and its event files in load order.
struct Example {
    name: String,
    dir: PathBuf,
    statute: Option<StatuteBook>,
    files: Vec<EventFile>,
}

impl Example {
    /// Every event with its file, in file order.
    fn events(&self) -> impl Iterator<Item = (&EventFile, &Located)> {
        self.files
            .iter()
            .flat_map(|f| f.events.iter().map(move |e| (f, e)))
    }
}

/// Reads an example directory: `statute.toml` first, then every other
/// `.toml` or `.jsonl` file in name order. Panics at the first bad input
/// with `file:line:column: message`.
fn load(dir: &Path) -> Example {
    let name = dir
        .file_name()
        .and_then(|n| n.to_str())
        .expect("example name")
        .to_owned();
    let statute_path = dir.join("statute.toml");
    let statute = statute_path.exists().then(|| {
        let text = fs::read_to_string(&statute_path).expect("statute text");
        let document =
            statute::read(&text).unwrap_or_else(|e| panic!("{}:{e}", statute_path.display()));
        let mut book = StatuteBook::default();
        book.adopt(document);
        book
    });
    let mut paths = Vec::new();
    event_files_under(dir, &mut paths);
    let files = paths
        .into_iter()
        .filter(|p| *p != statute_path)
        .map(|path| {
            let text = fs::read_to_string(&path).expect("event file text");
            let events = read_events(&path, &text);
            EventFile { path, text, events }
        })
        .collect();
    Example {
        name,
        dir: dir.to_owned(),
        statute,
        files,
    }
}

/// Every example under `examples/`.
fn examples() -> Vec<Example> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(examples_dir())
        .expect("examples directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.iter().map(|d| load(d)).collect()
}

fn example(name: &str) -> Example {
    load(&examples_dir().join(name))
}

/// Panics with every problem found, one per line.
fn assert_none(what: &str, problems: &[String]) {
    if !problems.is_empty() {
        let mut message = format!("{} {what}:\n", problems.len());
        for p in problems {
            let _ = writeln!(message, "  {p}");
        }
        panic!("{message}");
    }
}

#[test]
fn every_example_reads_without_error() {
    let all = examples();
    let names: Vec<&str> = all.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"wpk"), "examples found: {names:?}");
    assert!(names.contains(&"association"), "examples found: {names:?}");
    for example in &all {
        assert!(
            example.statute.is_some(),
            "{}: no statute.toml",
            example.dir.display()
        );
        assert!(
            example.events().next().is_some(),
            "{}: no events",
            example.dir.display()
        );
    }
}

#[test]
fn every_event_has_a_source() {
    let mut problems = Vec::new();
    for example in examples() {
        for (file, located) in example.events() {
            if located.event.sources.is_empty() {
                problems.push(format!(
                    "{}: event `{}` has no source",
                    file.place(located),
                    located.event.id
                ));
            }
        }
    }
    assert_none("events without a source", &problems);
}

#[test]
fn wpk_quotes_are_verbatim_in_the_article() {
    let example = example("wpk");
    let article = fs::read_to_string(example.dir.join("source.txt")).expect("source.txt");
    let mut problems = Vec::new();
    for (file, located) in example.events() {
        let event = &located.event;
        let quotes: Vec<&str> = event
            .sources
            .iter()
            .filter_map(|s| s.quote.as_deref())
            .collect();
        if quotes.is_empty() {
            problems.push(format!(
                "{}: event `{}` has no quote",
                file.place(located),
                event.id
            ));
        }
        for source in &event.sources {
            if source.document != "article" {
                problems.push(format!(
                    "{}: event `{}` cites `{}`; the example has one document, `article`",
                    file.place(located),
                    event.id,
                    source.document
                ));
            }
        }
        for quote in quotes {
            if quote.trim().is_empty() || !article.contains(quote) {
                problems.push(format!(
                    "{}: event `{}`: quote not in source.txt: {quote:?}",
                    file.place(located),
                    event.id
                ));
            }
        }
    }
    let book = example.statute.as_ref().expect("wpk statute");
    for version in book.versions() {
        for a in &version.articles {
            if !article.contains(&a.text) {
                problems.push(format!(
                    "statute.toml: version `{}` article {}: text not in source.txt: {:?}",
                    version.id.as_str(),
                    a.number,
                    a.text
                ));
            }
        }
    }
    assert_none("quotes not found verbatim", &problems);
}

#[test]
fn event_ids_are_unique_across_an_examples_files() {
    let mut problems = Vec::new();
    for example in examples() {
        let mut seen: HashMap<EventId, String> = HashMap::new();
        for (file, located) in example.events() {
            let here = file.place(located);
            if let Some(first) = seen.insert(located.event.id.clone(), here.clone()) {
                problems.push(format!(
                    "{here}: event id `{}` already used at {first}",
                    located.event.id
                ));
            }
        }
    }
    assert_none("duplicate event ids", &problems);
}

/// What an event brings into the record.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Entity {
    Person(String),
    Org(String),
    Organ(String),
    Post(String),
    Faction(String),
    Meeting(String),
    Motion(String),
    Event(String),
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Entity::Person(id) => write!(f, "person `{id}`"),
            Entity::Org(id) => write!(f, "organization `{id}`"),
            Entity::Organ(id) => write!(f, "organ `{id}`"),
            Entity::Post(id) => write!(f, "post `{id}`"),
            Entity::Faction(id) => write!(f, "faction `{id}`"),
            Entity::Meeting(id) => write!(f, "meeting `{id}`"),
            Entity::Motion(id) => write!(f, "motion `{id}`"),
            Entity::Event(id) => write!(f, "event `{id}`"),
        }
    }
}

/// The entities an event declares, given those already declared.
fn declarations(located: &Located, known: &HashSet<Entity>) -> Vec<Entity> {
    use EventKind as K;
    let event = &located.event;
    let mut out = vec![Entity::Event(event.id.to_string())];
    match &event.kind {
        K::OrganizationFounded(b) => out.push(Entity::Org(b.org.to_string())),
        K::OrganizationsMerged(b) => {
            let into = Entity::Org(b.into.to_string());
            if !known.contains(&into) {
                out.push(into);
            }
        }
        K::OrganizationSplit(b) => {
            out.extend(b.into.iter().map(|n| Entity::Org(n.org.to_string())))
        }
        K::PersonRegistered(b) => out.push(Entity::Person(b.person.to_string())),
        K::FactionFormed(b) => out.push(Entity::Faction(b.faction.to_string())),
        K::OrganEstablished(b) => out.push(Entity::Organ(b.organ.to_string())),
        K::PostEstablished(b) => out.push(Entity::Post(b.post.to_string())),
        K::MeetingConvened(b) => out.push(Entity::Meeting(b.meeting.to_string())),
        K::MeetingHeld(b) => {
            let meeting = Entity::Meeting(b.meeting.to_string());
            if !known.contains(&meeting) {
                out.push(meeting);
            }
        }
        K::MotionDecided(_) => out.push(Entity::Motion(event.id.to_string())),
        _ => {}
    }
    out
}

/// Checks declarations and references over `order` (indices into `events`),
/// returning one line per problem.
fn check_order(
    book: Option<&StatuteBook>,
    events: &[(&EventFile, &Located)],
    order: &[usize],
    which: &str,
) -> Vec<String> {
    let statute_orgs: HashSet<&OrgId> = book.map(|b| b.orgs().collect()).unwrap_or_default();
    let mut known: HashSet<Entity> = HashSet::new();
    let mut problems = Vec::new();
    for &i in order {
        let (file, located) = events[i];
        let event = &located.event;
        let here = file.place(located);
        let days: [Day; 2] = [event.date.earliest(), event.date.latest()];
        // References to an organ or post of an organization with a statute
        // must name one the version in force defines.
        let in_statute = |org: &OrgId, key: &str, organ: bool| -> Option<String> {
            let book = book?;
            if !statute_orgs.contains(org) {
                return None;
            }
            for day in days {
                let Some(version) = book.in_force(org, day) else {
                    return Some(format!("no statute of `{org}` in force on {day}"));
                };
                let defined = if organ {
                    version.organs.iter().any(|o| o.key.as_str() == key)
                } else {
                    version.posts.iter().any(|p| p.key.as_str() == key)
                };
                if !defined {
                    return Some(format!(
                        "statute version `{}` of `{org}` (in force on {day}) defines no {} `{key}`",
                        version.id.as_str(),
                        if organ { "organ" } else { "post" }
                    ));
                }
            }
            Some(String::new())
        };
        for (field, reference) in event.kind.references() {
            let (needed, statute_problem) = match reference {
                Ref::Person(p) => (Entity::Person(p.to_string()), None),
                Ref::Org(o) => (Entity::Org(o.to_string()), None),
                Ref::Faction(f) => (Entity::Faction(f.to_string()), None),
                Ref::Meeting(m) => (Entity::Meeting(m.to_string()), None),
                Ref::Decision(d) => (Entity::Motion(d.to_string()), None),
                Ref::Event(e) => (Entity::Event(e.to_string()), None),
                Ref::Organ(o) => (
                    Entity::Organ(o.to_string()),
                    in_statute(&o.org, o.key.as_str(), true),
                ),
                Ref::Post(p) => (
                    Entity::Post(p.to_string()),
                    in_statute(&p.org, p.key.as_str(), false),
                ),
            };
            match statute_problem {
                // Not in the statute in force: an organ or post the record
                // establishes itself (a de facto post) will do.
                Some(problem) if !problem.is_empty() && !known.contains(&needed) => {
                    problems.push(format!(
                        "{here}: `{}` field `{field}`: {problem}, and no event establishes {needed} before it ({which})",
                        event.id
                    ));
                }
                Some(_) => {
                    // The organization itself must exist.
                    let org = match reference {
                        Ref::Organ(o) => &o.org,
                        Ref::Post(p) => &p.org,
                        _ => unreachable!("only organs and posts come from a statute"),
                    };
                    if !known.contains(&Entity::Org(org.to_string())) {
                        problems.push(format!(
                            "{here}: `{}` field `{field}`: organization `{org}` is not founded before it ({which})",
                            event.id
                        ));
                    }
                }
                None => {
                    if !known.contains(&needed) {
                        problems.push(format!(
                            "{here}: `{}` field `{field}`: {needed} is not declared before it ({which})",
                            event.id
                        ));
                    }
                }
            }
        }
        // An organ or post a statute defines is not established again by an event.
        let redefined = match &event.kind {
            EventKind::OrganEstablished(b) => {
                in_statute(&b.organ.org, b.organ.key.as_str(), true).filter(String::is_empty)
            }
            EventKind::PostEstablished(b) => {
                in_statute(&b.post.org, b.post.key.as_str(), false).filter(String::is_empty)
            }
            _ => None,
        };
        if redefined.is_some() {
            problems.push(format!(
                "{here}: `{}` establishes an organ or post that the statute in force already defines",
                event.id
            ));
        }
        for entity in declarations(located, &known) {
            if !known.insert(entity.clone()) {
                problems.push(format!(
                    "{here}: `{}` declares {entity} a second time",
                    event.id
                ));
            }
        }
    }
    problems
}

#[test]
fn entities_are_declared_once_and_before_they_are_referenced() {
    let mut problems = Vec::new();
    for example in examples() {
        let events: Vec<(&EventFile, &Located)> = example.events().collect();
        let file_order: Vec<usize> = (0..events.len()).collect();
        problems.extend(check_order(
            example.statute.as_ref(),
            &events,
            &file_order,
            "file order",
        ));
        let mut replay_order = file_order.clone();
        replay_order.sort_by_key(|&i| (events[i].1.event.date.earliest(), i));
        problems.extend(check_order(
            example.statute.as_ref(),
            &events,
            &replay_order,
            "replay order: earliest day, then file order",
        ));
    }
    problems.dedup();
    assert_none("problems of declaration", &problems);
}

#[test]
fn wpk_headline_facts_are_in_the_record() {
    let example = example("wpk");
    let by_id: HashMap<String, &EventKind> = example
        .events()
        .map(|(_, l)| (l.event.id.to_string(), &l.event.kind))
        .collect();
    let date_of = |id: &str| -> FuzzyDate {
        example
            .events()
            .find(|(_, l)| l.event.id.as_str() == id)
            .map(|(_, l)| l.event.date.clone())
            .unwrap_or_else(|| panic!("no event `{id}`"))
    };
    // The first NWPK Politburo by faction: 3 Soviet, 6 Yanan, 2 domestic, 2 guerrilla.
    let mut first_politburo: Vec<(String, u32)> = example
        .events()
        .filter_map(|(_, l)| match &l.event.kind {
            EventKind::SeatsCounted(c) if c.organ.to_string() == "nwpk/politburo" => Some((
                c.faction
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                c.count,
            )),
            _ => None,
        })
        .collect();
    first_politburo.sort();
    assert_eq!(
        first_politburo,
        [
            ("domestic".to_owned(), 2),
            ("guerrilla".to_owned(), 2),
            ("soviet".to_owned(), 3),
            ("yanan".to_owned(), 6)
        ]
    );
    // The August 1956 plenum: scheduled early in August, held on the 30th.
    match by_id.get("1956-08-plenum-convened") {
        Some(EventKind::MeetingConvened(c)) => {
            let scheduled = c.scheduled.as_ref().expect("a scheduled date");
            assert!(scheduled.latest() < Day::new(1956, 8, 30).expect("a day"));
        }
        other => panic!("1956-08-plenum-convened: {other:?}"),
    }
    assert_eq!(date_of("1956-08-plenum-held").to_string(), "1956-08-30");
    // The last congress the article names: the Sixth, October 1980.
    assert_eq!(date_of("1980-10-sixth-congress").to_string(), "1980-10");
    // Mu Chong's expulsion rests on no decision; Choe's and Pak's on the plenum's.
    match by_id.get("mu-chong-expelled") {
        Some(EventKind::MemberExpelled(b)) => assert!(b.decision.is_none()),
        other => panic!("mu-chong-expelled: {other:?}"),
    }
    match by_id.get("choe-chang-ik-expelled-from-cc") {
        Some(EventKind::SeatVacated(b)) => assert!(b.decision.is_some()),
        other => panic!("choe-chang-ik-expelled-from-cc: {other:?}"),
    }
}

/// An example as the engine takes it: its statute adopted, then its events in file order.
fn into_state(example: &Example) -> plenum_model::ledger::Tables {
    let statute = fs::read_to_string(example.dir.join("statute.toml")).expect("statute text");
    common::replay(
        &example.name,
        statute,
        example.events().map(|(_, l)| l.event.clone()),
    )
}

/// The rule ids of the findings as of `day` about `event` (the first event a finding names).
fn rules_about(state: &plenum_model::ledger::Tables, day: Day, event: &str) -> Vec<&'static str> {
    plenum_model::query::check::check(state, day)
        .unwrap_or_default()
        .iter()
        .filter(|f| f.events.first().is_some_and(|e| e.as_str() == event))
        .map(|f| f.rule.id())
        .collect()
}

#[test]
fn the_engine_takes_every_example_and_finds_what_it_should() {
    for example in examples() {
        into_state(&example);
    }
    let day = |y, m, d| Day::new(y, m, d).expect("a day");
    let wpk = into_state(&example("wpk"));
    let end = day(2001, 12, 31);
    assert!(rules_about(&wpk, end, "1956-08-plenum-held").contains(&"meeting-postponed"));
    assert!(rules_about(&wpk, end, "mu-chong-expelled").contains(&"no-competent-decision"));
    assert!(rules_about(&wpk, end, "kim-tu-bong-purged").contains(&"no-competent-decision"));
    assert!(rules_about(&wpk, end, "1980-10-sixth-congress").contains(&"meeting-overdue"));
    assert!(rules_about(&wpk, end, "choe-chang-ik-expelled-from-cc").is_empty());
    let association = into_state(&example("association"));
    let end = day(2024, 3, 31);
    assert!(rules_about(&association, end, "2022-06-18-shed").contains(&"quorum-not-met"));
    assert!(
        rules_about(&association, end, "dmitri-haddad-dismissed-as-treasurer")
            .contains(&"no-competent-decision")
    );
    // "At least once a year" is each calendar year: 5 March 2022 and 20 May 2023
    // are on time; but the Board and the Chair elected in March 2022 for one
    // year had no mandate from 5 March 2023 until the election of 20 May.
    assert!(rules_about(&association, end, "2023-05-20-general-assembly").is_empty());
    assert!(rules_about(&association, end, "2023-05-20-board-elected").contains(&"term-expired"));
    assert!(rules_about(&association, end, "2023-05-20-chair-elected").contains(&"term-expired"));
    assert!(rules_about(&association, end, "farid-nakamura-expelled").is_empty());
}

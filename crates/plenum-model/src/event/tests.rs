//! Events: reading both file formats, the canonical codec, and errors placed at the field at fault.

use super::codec::{from_bytes, to_canonical_bytes, to_json};
use super::read::{Format, read, read_with};
use super::*;

const SAMPLE: &str = r#"
[[event]]
id = "p1"
date = 1912
kind = "person_registered"
person = "kim-il-sung"
name = "Kim Il-sung"
aliases = ["Kim Il Sung"]

[[event]]
id = "nwpk"
date = "1946-08-28/1946-08-30"
kind = "organizations_merged"
orgs = ["cpnk", "npp"]
into = "nwpk"
name = "North Workers' Party of Korea"
sources = [{ document = "article", quote = "adopted the name North Workers' Party of Korea" }]

[[event]]
id = "m1"
date = 1956-08-30
kind = "motion_decided"
meeting = "august-plenum"
text = "Expel Choe and Pak from the Central Committee"
category = "removal"
votes = { for = 100, against = 3 }
outcome = "carried"

[[event]]
id = "fix"
date = "1956-09-23"
kind = "event_superseded"
target = "m1"
reason = "the date was wrong"
replacement = { date = "1956-08-31", kind = "motion_decided", text = "Expel them", outcome = "carried" }
"#;

#[test]
fn toml_events_read_with_every_field() {
    let events = read(SAMPLE, Format::Toml).unwrap();
    assert_eq!(events.len(), 4);
    let EventKind::PersonRegistered(p) = &events[0].event.kind else {
        panic!("{:?}", events[0].event.kind)
    };
    assert_eq!(p.aliases, ["Kim Il Sung"]);
    assert_eq!(events[0].event.date.to_string(), "1912");
    let EventKind::OrganizationsMerged(m) = &events[1].event.kind else {
        panic!()
    };
    assert_eq!(m.into.as_str(), "nwpk");
    assert_eq!(
        events[1].event.sources[0].quote.as_deref(),
        Some("adopted the name North Workers' Party of Korea")
    );
    let EventKind::MotionDecided(motion) = &events[2].event.kind else {
        panic!()
    };
    assert_eq!(
        motion.votes,
        Some(Votes {
            in_favour: 100,
            against: 3,
            abstain: 0
        })
    );
    let EventKind::EventSuperseded(s) = &events[3].event.kind else {
        panic!()
    };
    assert_eq!(s.replacement.id.as_str(), "m1");
    assert_eq!(s.replacement.date.to_string(), "1956-08-31");
}

#[test]
fn the_codec_round_trips_and_is_canonical() {
    for located in read(SAMPLE, Format::Toml).unwrap() {
        let bytes = to_canonical_bytes(&located.event);
        let back = from_bytes(&bytes).unwrap();
        assert_eq!(back, located.event);
        assert_eq!(to_canonical_bytes(&back), bytes, "re-encoding is stable");
    }
    let first = &read(SAMPLE, Format::Toml).unwrap()[0].event;
    assert_eq!(
        String::from_utf8(to_canonical_bytes(first)).unwrap(),
        r#"{"aliases":["Kim Il Sung"],"date":"1912","id":"p1","kind":"person_registered","name":"Kim Il-sung","person":"kim-il-sung"}"#
    );
}

#[test]
fn json_lines_read_like_toml() {
    let toml_events = read(SAMPLE, Format::Toml).unwrap();
    let lines: String = toml_events
        .iter()
        .map(|l| format!("{}\n\n", to_json(&l.event)))
        .collect();
    let json_events = read(&lines, Format::JsonLines).unwrap();
    let a: Vec<_> = toml_events.into_iter().map(|l| l.event).collect();
    let b: Vec<_> = json_events.into_iter().map(|l| l.event).collect();
    assert_eq!(a, b);
}

#[test]
fn format_is_detected_from_name_or_text() {
    assert_eq!(Format::detect("x.jsonl", ""), Format::JsonLines);
    assert_eq!(Format::detect("x.toml", "{"), Format::Toml);
    assert_eq!(Format::detect("x", "  {\"id\":1}"), Format::JsonLines);
    assert_eq!(Format::detect("x", "[[event]]"), Format::Toml);
}

/// Each case: a replacement in `SAMPLE`, the expected line, and a part of the message.
#[test]
fn bad_events_are_refused_at_the_field() {
    let cases: &[(&str, &str, usize, &str)] = &[
        (
            "date = 1956-08-30",
            "date = \"1956-13\"",
            21,
            "field `date`: invalid date `1956-13` at column 6",
        ),
        (
            "kind = \"person_registered\"",
            "kind = \"person_registred\"",
            5,
            "unknown kind `person_registred`; did you mean `person_registered`?",
        ),
        (
            "aliases = [\"Kim Il Sung\"]",
            "colour = \"red\"",
            8,
            "unknown field `colour`",
        ),
        (
            "person = \"kim-il-sung\"",
            "person = \"Kim Il-sung\"",
            6,
            "field `person`: invalid person id `Kim Il-sung`",
        ),
        (
            "votes = { for = 100, against = 3 }",
            "votes = { for = \"many\", against = 3 }",
            26,
            "field `votes.for`: invalid type",
        ),
        (
            "outcome = \"carried\"\n\n",
            "outcome = \"won\"\n\n",
            27,
            "field `outcome`: unknown variant `won`",
        ),
        ("id = \"p1\"\n", "", 2, "missing field `id`"),
        (
            "[[event]]\nid = \"nwpk\"",
            "[[event]]\nid = \"p1\"",
            11,
            "event id `p1` is used twice in this file",
        ),
        (
            "target = \"m1\"",
            "target = \"fix\"",
            33,
            "an event cannot correct itself",
        ),
        (
            "replacement = { date",
            "replacement = { id = \"other\", date",
            35,
            "field `replacement.id`: a replacement keeps the id",
        ),
        (
            "\n[[event]]\nid = \"p1\"",
            "\nevents = 3\n[[event]]\nid = \"p1\"",
            2,
            "unknown key `events` at the top level",
        ),
        (
            "name = \"Kim Il-sung\"",
            "name = \"Kim Il-sung",
            7,
            "invalid basic string",
        ),
    ];
    for (from, to, line, expected) in cases {
        assert!(SAMPLE.contains(from), "case does not apply: {from}");
        let text = SAMPLE.replacen(from, to, 1);
        let err = read(&text, Format::Toml).map(|_| ()).expect_err(to);
        assert!(
            err.message.contains(expected),
            "for `{to}`:\n  expected {expected}\n  got      {err}"
        );
        assert_eq!(err.line, *line, "line for `{to}`: {err}");
    }
}

#[test]
fn bad_json_lines_are_refused_at_line_and_column() {
    let text = "{\"id\":\"a\",\"date\":\"1946\",\"kind\":\"person_registered\",\"person\":\"a\",\"name\":\"A\"}\n{\"id\":\"b\",\"date\":\"19x6\"}\n";
    let err = read(text, Format::JsonLines).unwrap_err();
    assert_eq!((err.line, err.column), (2, 1), "{err}");
    assert!(err.message.contains("missing field `kind`"), "{err}");
    let text = "{\"id\":\"a\",\"date\":\"1946\",\"kind\":\"person_registered\",\"person\":\"a\",\"name\":\"A\",\"date\":\"19x6\"";
    let err = read(text, Format::JsonLines).unwrap_err();
    assert_eq!(err.line, 1);
    assert!(err.message.starts_with("invalid JSON"), "{err}");
    let text = "{\"id\":\"a\",\"date\":\"1946-02-30\",\"kind\":\"person_registered\",\"person\":\"a\",\"name\":\"A\"}\n";
    let err = read(text, Format::JsonLines).unwrap_err();
    assert_eq!((err.line, err.column), (1, 11), "{err}");
}

#[test]
fn references_name_their_fields() {
    let events = read(SAMPLE, Format::Toml).unwrap();
    let refs = events[2].event.kind.references();
    assert_eq!(
        refs,
        vec![("meeting", Ref::Meeting(&"august-plenum".parse().unwrap()))]
    );
    let refs = events[1].event.kind.references();
    assert_eq!(refs.len(), 2);
}

/// A `statute_adopted` naming its text's file, in both formats.
const NAMING: &str = r#"
[[event]]
id = "amended"
date = "2024-07-01"
kind = "statute_adopted"
text_file = "../statute.toml"
"#;

/// Reads `../statute.toml` as a statute's text; any other name is not there.
fn beside(name: &str) -> Result<String, String> {
    match name {
        "../statute.toml" => Ok("[organization]\nid = \"org\"\n".to_owned()),
        other => Err(format!("no file `{other}` here")),
    }
}

#[test]
fn a_statute_adopted_may_name_the_file_of_its_text() {
    let jsonl = r#"{"id": "amended", "date": "2024-07-01", "kind": "statute_adopted", "text_file": "../statute.toml"}"#;
    for (text, format) in [(NAMING, Format::Toml), (jsonl, Format::JsonLines)] {
        let events = read_with(text, format, &beside).unwrap();
        let EventKind::StatuteAdopted(adopted) = &events[0].event.kind else {
            panic!("{:?}", events[0].event.kind)
        };
        assert_eq!(adopted.text, "[organization]\nid = \"org\"\n");
    }
}

#[test]
fn a_text_file_is_refused_at_its_place_where_it_cannot_be_read() {
    // Read without a folder to name files from (standard input, an upload).
    let err = read(NAMING, Format::Toml).unwrap_err();
    assert_eq!((err.line, err.column), (6, 1), "{err}");
    assert!(err.message.contains("read from disk"), "{err}");
    // A file that is not there: its name, and why.
    let missing = NAMING.replace("../statute.toml", "statute-2024.toml");
    let err = read_with(&missing, Format::Toml, &beside).unwrap_err();
    assert_eq!((err.line, err.column), (6, 1), "{err}");
    assert!(
        err.message
            .contains("cannot read `statute-2024.toml`: no file `statute-2024.toml` here"),
        "{err}"
    );
}

#[test]
fn a_text_file_is_only_a_statutes_and_never_beside_its_text() {
    let both = NAMING.replace("text_file", "text = \"[organization]\"\ntext_file");
    let err = read_with(&both, Format::Toml, &beside).unwrap_err();
    assert!(err.message.contains("not both"), "{err}");
    let motion = NAMING.replace("statute_adopted", "motion_decided");
    let err = read_with(&motion, Format::Toml, &beside).unwrap_err();
    assert!(
        err.message.contains("belongs to a `statute_adopted` only"),
        "{err}"
    );
    let number = NAMING.replace("\"../statute.toml\"", "3");
    let err = read_with(&number, Format::Toml, &beside).unwrap_err();
    assert!(err.message.contains("expected the name of a file"), "{err}");
}

#[test]
fn the_log_says_who_nominated_whom() {
    let text = r#"
[[event]]
id = "vacancy-election"
date = "2023-05-02"
kind = "election_held"
post = "afscme/secretary-treasurer"
elected = ["nadia"]
nominators = [{ person = "nadia", by_person = "marcus" }]

[[event]]
id = "appointed"
date = "2023-05-02"
kind = "post_assigned"
person = "nadia"
post = "afscme/secretary-treasurer"
nominated_by_person = "marcus"
"#;
    let events = read(text, Format::Toml).unwrap();
    let words = |e: &Event| {
        super::describe::summarize(e).render(|_, id| {
            match id {
                "nadia" => "Nadia Kowalczyk",
                "marcus" => "Marcus Obi",
                other => other,
            }
            .to_owned()
        })
    };
    assert_eq!(
        words(&events[0].event),
        "elected to afscme/secretary-treasurer: Nadia Kowalczyk; nominated: Nadia Kowalczyk by Marcus Obi"
    );
    assert_eq!(
        words(&events[1].event),
        "Nadia Kowalczyk: became afscme/secretary-treasurer (nominated by Marcus Obi)"
    );
}

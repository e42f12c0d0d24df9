//! Every table's rows survive the trip through their columns, fill exactly the declared
//! columns with values of the declared types, and roll back as documented.

use super::columns::Type;
use super::*;
use crate::date::FuzzyDate;
use crate::event::{EndCause, Outcome, Role, Votes};
use crate::finding::{Finding, Rule, Severity};
use crate::id::{EventId, OrganRef, Seq};
use crate::phrase::Phrase;

fn pos(day: &str, seq: u64) -> Pos {
    let d: FuzzyDate = day.parse().unwrap();
    Pos::new(d.earliest(), Seq(seq))
}

fn span(start: &str, end: Option<&str>) -> Span {
    Span {
        start: start.parse().unwrap(),
        end: end.map(|e| e.parse().unwrap()),
    }
}

fn samples() -> Vec<AnyRow> {
    let e = |s: &str| EventId::new(s).unwrap();
    vec![
        AnyRow::Seat(SeatRow {
            key: "seat:e1:kim:wpk/cc".into(),
            organ: "wpk/cc".parse().unwrap(),
            person: "kim".parse().unwrap(),
            role: Role::Full,
            span: span("1946-08-30", Some("1956~")),
            start_event: e("e1"),
            end_event: Some(e("e9")),
            end_cause: Some(EndCause::TermEnded),
            start_pos: pos("1946-08-30", 1),
            end_pos: Some(pos("1955", 9)),
            holder: Some("Kim Il-sung".into()),
            factions: vec![Affiliation {
                key: "align:a:kim".into(),
                faction: "guerrilla".parse().unwrap(),
                span: span("1931", None),
            }],
            nominal: true,
        }),
        AnyRow::Post(PostRow {
            key: "post:e2:kim:wpk/chair".into(),
            post: "wpk/chair".parse().unwrap(),
            person: "kim".parse().unwrap(),
            acting: true,
            span: span("1949", None),
            start_event: e("e2"),
            end_event: None,
            end_cause: None,
            start_pos: pos("1949", 2),
            end_pos: None,
            nominal: true,
        }),
        AnyRow::Membership(MembershipRow {
            key: "member:e3:kim:wpk".into(),
            org: "wpk".parse().unwrap(),
            person: "kim".parse().unwrap(),
            status: MemberStatus::Candidate,
            span: span("1946-05/1946-06", Some("1947")),
            start_event: e("e3"),
            end_event: Some(e("e4")),
            end_cause: Some(MembershipEnd::StatusChanged),
            start_pos: pos("1946-05", 3),
            end_pos: Some(pos("1947", 4)),
            class: Some("student".parse().unwrap()),
            bars: vec![crate::rows::Bar {
                penalty: "bar".parse().unwrap(),
                event: e("e3"),
                since: "1946-05".parse().unwrap(),
                until: None,
            }],
        }),
        AnyRow::Alignment(AlignmentRow {
            key: "lead:e5:guerrilla".into(),
            faction: "guerrilla".parse().unwrap(),
            person: "kim".parse().unwrap(),
            leader: true,
            span: span("[1931,1932]", None),
            start_event: e("e5"),
            end_event: None,
            start_pos: pos("1931", 5),
            end_pos: None,
        }),
        AnyRow::Count(CountRow {
            key: "count:e6".into(),
            organ: "wpk/politburo".parse().unwrap(),
            role: Role::Alternate,
            faction: None,
            count: 13,
            span: span("1946-08-30", Some("1948")),
            event: e("e6"),
            end_event: None,
            start_pos: pos("1946-08-30", 6),
            end_pos: None,
        }),
        AnyRow::Org({
            let mut row = OrgRow::new("wpk".parse().unwrap());
            row.add(
                pos("1949-06", 7),
                OrgChange::Founded {
                    date: "1949-06".parse().unwrap(),
                    category: Some("party".into()),
                },
            );
            row.add(
                pos("1950", 8),
                OrgChange::Banned {
                    date: "1950".parse().unwrap(),
                },
            );
            row.add(
                pos("1951", 9),
                OrgChange::Recategorized {
                    date: "1951".parse().unwrap(),
                    category: "front".into(),
                },
            );
            row.add(
                pos("1952-01-02", 10),
                OrgChange::Charged {
                    date: "1952-01-02".parse().unwrap(),
                    person: "kim".parse().unwrap(),
                    event: e("e10"),
                    arises_in: None,
                },
            );
            row.add(
                pos("1952-01-10", 11),
                OrgChange::Served {
                    date: "1952-01-10".parse().unwrap(),
                    charges: e("e10"),
                    event: e("e11"),
                },
            );
            row.add(
                pos("1952-02", 12),
                OrgChange::Heard {
                    date: "1952-02".parse().unwrap(),
                    person: "kim".parse().unwrap(),
                    by: Some(OrganRef::new("wpk".parse().unwrap(), "cc".parse().unwrap())),
                    event: e("e12"),
                },
            );
            row
        }),
        AnyRow::Name(NameRow {
            key: "name:e7:wpk".into(),
            org: "wpk".parse().unwrap(),
            name: None,
            span: span("1949-06", None),
            event: e("e7"),
            end_event: None,
            start_pos: pos("1949-06", 7),
            end_pos: None,
        }),
        AnyRow::Link(LinkRow {
            key: "link:e7:nwpk:wpk".into(),
            from: "nwpk".parse().unwrap(),
            to: "wpk".parse().unwrap(),
            link: LinkKind::MergedInto,
            span: span("1949-06", None),
            event: e("e7"),
            end_event: None,
            start_pos: pos("1949-06", 7),
            end_pos: None,
        }),
        AnyRow::Figure(FigureRow {
            event: e("e10"),
            org: "wpk".parse().unwrap(),
            date: "1949".parse().unwrap(),
            count: 725_762,
            at_least: true,
            from: Some("nwpk".parse().unwrap()),
            pos: pos("1949", 10),
        }),
        AnyRow::Death(DeathRow {
            person: "kim".parse().unwrap(),
            date: "1994-07-08".parse().unwrap(),
            event: e("e11"),
            pos: pos("1994-07-08", 11),
        }),
        AnyRow::Meeting(MeetingRow {
            meeting: "m1".parse().unwrap(),
            facts: vec![(
                pos("1956-08-30", 12),
                MeetingFact::Held {
                    organ: Some("wpk/cc".parse().unwrap()),
                    joint_with: vec![],
                    date: "1956-08-30".parse().unwrap(),
                    event: e("e12"),
                    present: Some(40),
                    entitled: None,
                    constituency_votes: Default::default(),
                },
            )],
        }),
        AnyRow::Held(HeldRow {
            key: "e12@wpk/cc".into(),
            organ: "wpk/cc".parse().unwrap(),
            meeting: "m1".parse().unwrap(),
            date: "1956-08-30".parse().unwrap(),
            event: e("e12"),
            evidence: Some(crate::event::kinds::Evidence::Minutes),
            pos: pos("1956-08-30", 12),
        }),
        AnyRow::Decision(DecisionRow {
            event: e("e13"),
            date: "1956-08-30".parse().unwrap(),
            meeting: Some("m1".parse().unwrap()),
            organ: None,
            category: Some("expulsion".into()),
            votes: Some(Votes {
                in_favour: 30,
                against: 2,
                abstain: 1,
            }),
            present: Some(40),
            outcome: Outcome::Carried,
            pos: pos("1956-08-30", 13),
        }),
        AnyRow::Finding(FindingRow::new(
            &e("e13"),
            0,
            Finding {
                rule: Rule::MajorityNotMet,
                severity: Severity::Violation,
                certainty: crate::date::Truth::Possibly,
                date: "1956-08-30".parse().unwrap(),
                citation: None,
                events: vec![e("e13")],
                message: Phrase::new(crate::phrase::name(EntityKind::Organ, "wpk/cc")),
            },
            pos("1956-08-30", 13),
        )),
        AnyRow::Entity(Entity {
            kind: EntityKind::Post,
            id: "wpk/chair".into(),
            name: "Chairman".into(),
            aliases: vec!["Chair of the CC".into()],
            scope: Some(crate::event::Scope::Party),
            holders: Some(crate::event::kinds::Holders::AtMost(2)),
            org: None,
            organ: None,
            born: None,
        }),
        AnyRow::Alias(AliasRow {
            key: "post:wpk/chair:chair".into(),
            kind: EntityKind::Post,
            form: "chair".into(),
            entity: "wpk/chair".into(),
        }),
        AnyRow::Event(EventRow {
            id: e("e13"),
            seq: Seq(13),
            kind: "motion_decided".into(),
            pos: pos("1956-08-30", 13),
            source: Seq(20),
            retracted: false,
            subject: Some("kim".parse().unwrap()),
        }),
        AnyRow::Mention(MentionRow::new(&e("e14"), &"kim".parse().unwrap())),
    ]
}

#[test]
fn every_table_has_a_sample() {
    let tables: Vec<Table> = samples().iter().map(AnyRow::table).collect();
    assert_eq!(tables, Table::ALL);
}

#[test]
fn rows_survive_their_columns() {
    for row in samples() {
        let table = row.table();
        let values = row.values();
        let columns = table.columns();
        assert_eq!(values.len(), columns.len(), "{table:?}");
        assert_eq!(columns[0].name, "key", "{table:?}: key first");
        for (value, column) in values.iter().zip(columns) {
            match value {
                Value::Null => assert!(column.nullable, "{table:?}.{} is NULL", column.name),
                Value::Int(_) => assert_eq!(column.ty, Type::Int, "{table:?}.{}", column.name),
                Value::Text(_) => assert_eq!(column.ty, Type::Text, "{table:?}.{}", column.name),
            }
        }
        assert_eq!(values[0], Value::Text(row.key().into_owned()), "{table:?}");
        let back = AnyRow::from_values(table, values).unwrap();
        assert_eq!(back, row);
        for by in [
            By::Person,
            By::Organ,
            By::Org,
            By::Post,
            By::Faction,
            By::Earlier,
            By::Kind,
            By::Event,
        ] {
            if table.lookup(by).is_some() {
                assert!(row.lookup(by).is_some(), "{table:?} by {by:?}");
            }
        }
    }
}

#[test]
fn damaged_columns_are_errors_not_panics() {
    for row in samples() {
        let table = row.table();
        let values = row.values();
        for i in 0..values.len() {
            for damage in [Value::Null, Value::Int(-1), Value::Text("x y".into())] {
                let mut damaged = values.clone();
                damaged[i] = damage;
                let _ = AnyRow::from_values(table, damaged);
            }
        }
        assert!(AnyRow::from_values(table, values[1..].to_vec()).is_err());
    }
}

#[test]
fn span_columns_must_agree_with_the_dates() {
    let AnyRow::Seat(seat) = &samples()[0] else {
        unreachable!()
    };
    let mut values = seat.values();
    let hi = Table::Seats
        .columns()
        .iter()
        .position(|c| c.name == "hi")
        .unwrap();
    values[hi] = Value::Int(99_991_231);
    let err = SeatRow::from_values(values).unwrap_err();
    assert_eq!(err.table, "seats");
}

#[test]
fn rolling_back_undoes_exactly_what_follows_the_point() {
    let AnyRow::Seat(seat) = &samples()[0] else {
        unreachable!()
    };
    // Closed by an event after the point: reopened.
    let reopened = seat.rolled_back(pos("1950", 0)).unwrap();
    assert_eq!(reopened.span.end, None);
    assert_eq!(reopened.end_event, None);
    assert_eq!(reopened.end_cause, None);
    assert_eq!(reopened.end_pos, None);
    assert_eq!(reopened.touched(), Some(seat.start_pos));
    // Opened by an event at or after it: gone.
    assert_eq!(seat.rolled_back(seat.start_pos), None);
    // Before both: unchanged.
    assert_eq!(seat.rolled_back(pos("1960", 0)).as_ref(), Some(seat));
    // Folded rows drop their later facts.
    let AnyRow::Org(org) = &samples()[5] else {
        unreachable!()
    };
    let earlier = org.rolled_back(pos("1950", 0)).unwrap();
    assert_eq!(earlier.banned, None);
    assert_eq!(earlier.category.as_deref(), Some("party"));
    assert_eq!(org.rolled_back(pos("1949", 0)), None);
}

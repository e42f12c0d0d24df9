use super::*;

fn options(delimiter: u8) -> Options {
    Options {
        columns: Columns::default(),
        dates: DateOrder::Iso,
        default_since: None,
        delimiter,
    }
}

fn nobody(_: &str) -> Option<String> {
    None
}

#[test]
fn a_register_reads_with_its_headers_found() {
    let text = "Member No,Full Name,Joined,Status,Aliases\n7,Ann Lee,2021-03-01,candidate,A. Lee; Annie\n,Bob Roy,2022,full,\n";
    let members = read(text, &options(b','), &nobody).unwrap();
    assert_eq!(members.len(), 2);
    assert_eq!(members[0].person, "7");
    assert_eq!(members[0].status, "candidate");
    assert_eq!(members[0].aliases, ["A. Lee", "Annie"]);
    assert_eq!(members[1].person, "bob-roy");
    assert_eq!(members[1].since, "2022");
    assert_eq!(members[1].line, 3);
}

#[test]
fn bad_rows_are_each_reported_at_their_line_and_column() {
    let text = "name;since;status\nAnn;2021-02-30;full\n;2021-01-01;full\nCy;2021-01-01;boss\nDee;01/02/2021;full\n";
    let errors = read(text, &options(b';'), &nobody).unwrap_err();
    let places: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
    assert_eq!(places, [(2, 5), (3, 1), (4, 15), (5, 5)], "{errors:?}");
    assert!(
        errors[2].message.contains("`boss`"),
        "{}",
        errors[2].message
    );
}

#[test]
fn names_make_ids_and_the_register_is_consulted() {
    let text = "name,since\nÅsa Berg,2021\nAsa Berg,2021\nKim Il,2021\n";
    let known = |id: &str| (id == "kim-il").then(|| "Kim Il".to_owned());
    let members = read(text, &options(b','), &known).unwrap();
    let ids: Vec<&str> = members.iter().map(|m| m.person.as_str()).collect();
    assert_eq!(ids, ["asa-berg", "asa-berg-2", "kim-il"]);
    assert!(members[2].known);
    let clash = |id: &str| (id == "ann").then(|| "Another Ann".to_owned());
    let members = read("name,since\nAnn,2021\n", &options(b','), &clash).unwrap();
    assert_eq!(
        members[0].person, "ann-2",
        "a different person already has `ann`"
    );
}

#[test]
fn dates_in_other_orders_and_a_default() {
    let mut o = options(b'\t');
    o.dates = DateOrder::Dmy;
    o.default_since = Some("2020-01-01".into());
    let members = read("name\tsince\nAnn\t31.12.2021\nBob\t\n", &o, &nobody).unwrap();
    assert_eq!(members[0].since, "2021-12-31");
    assert_eq!(members[1].since, "2020-01-01");
    let e = read(
        "name,since\nAnn,1/2/21\n",
        &Options {
            dates: DateOrder::Mdy,
            ..options(b',')
        },
        &nobody,
    )
    .unwrap_err();
    assert!(e[0].message.contains("four digits"));
}

#[test]
fn a_missing_column_is_named() {
    let e = read("who,when\nAnn,2021\n", &options(b','), &nobody).unwrap_err();
    assert!(e[0].message.contains("--name"), "{}", e[0].message);
    let mut o = options(b',');
    o.columns.name = Some("who".into());
    o.columns.since = Some("2".into());
    assert_eq!(
        read("who,when\nAnn,2021\n", &o, &nobody).unwrap()[0].since,
        "2021"
    );
    o.columns.id = Some("number".into());
    let e = read("who,when\nAnn,2021\n", &o, &nobody).unwrap_err();
    assert!(
        e[0].message.contains("`number` is not in the header"),
        "{}",
        e[0].message
    );
}

#[test]
fn duplicates_in_the_file_are_refused() {
    let e = read(
        "id,name,since\nx1,Ann,2021\nx1,Bob,2021\n",
        &options(b','),
        &nobody,
    )
    .unwrap_err();
    assert_eq!((e[0].line, e[0].column), (3, 1));
}

#[test]
fn events_register_the_new_and_admit_everyone() {
    let members = vec![
        Member {
            line: 2,
            raw: "Ann,2021".into(),
            person: "ann".into(),
            name: "Ann".into(),
            since: "2021".into(),
            status: "full",
            born: Some("1990".into()),
            aliases: vec![],
            known: false,
        },
        Member {
            line: 3,
            raw: "Kim,2021".into(),
            person: "kim".into(),
            name: "Kim".into(),
            since: "2021".into(),
            status: "candidate",
            born: None,
            aliases: vec![],
            known: true,
        },
    ];
    let org = OrgId::new("union").unwrap();
    let (text, of) = events(&members, &org, "m.csv");
    assert_eq!(of, [0, 0, 1]);
    assert_eq!(text.lines().count(), 3);
    assert!(text.contains("\"born\":\"1990\""));
    assert!(text.contains("\"status\":\"candidate\""));
}

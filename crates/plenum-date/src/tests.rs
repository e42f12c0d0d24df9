//! Tests of fuzzy dates: the forms of the module table, errors, and three-valued answers.

use proptest::prelude::*;

use super::*;

fn d(text: &str) -> FuzzyDate {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn day(y: i16, m: i8, dd: i8) -> Day {
    Day::new(y, m, dd).unwrap()
}

#[test]
fn bounds_of_every_form_in_the_module_table() {
    let cases = [
        ("1946", "1946-01-01", "1946-12-31"),
        ("1946-08", "1946-08-01", "1946-08-31"),
        ("1946-02", "1946-02-01", "1946-02-28"),
        ("1948-02", "1948-02-01", "1948-02-29"),
        ("1946-08-30", "1946-08-30", "1946-08-30"),
        ("1955~", "1954-01-01", "1956-12-31"),
        ("1946-05~", "1946-04-01", "1946-06-30"),
        ("1946-08-30~", "1946-08-23", "1946-09-06"),
        ("1955?", "1955-01-01", "1955-12-31"),
        ("1955%", "1954-01-01", "1956-12-31"),
        ("1946-05/1946-06", "1946-05-01", "1946-06-30"),
        ("1946-05/..", "1946-05-01", "9999-12-31"),
        ("../1946", "-9999-01-01", "1946-12-31"),
        ("1946-05/", "1946-05-01", "9999-12-31"),
        ("/1946", "-9999-01-01", "1946-12-31"),
        ("[1955,1956]", "1955-01-01", "1956-12-31"),
        ("[1955, 1957..1958]", "1955-01-01", "1958-12-31"),
    ];
    for (text, lo, hi) in cases {
        let date = d(text);
        assert_eq!(
            (date.earliest().to_string(), date.latest().to_string()),
            (lo.to_owned(), hi.to_owned()),
            "{text}"
        );
    }
}

#[test]
fn uncertainty_is_tracked() {
    assert!(d("1955?").is_uncertain());
    assert!(d("1955%").is_uncertain());
    assert!(!d("1955~").is_uncertain());
    assert!(d("1955/1956?").is_uncertain());
    assert!(d("[1955?,1956]").is_uncertain());
    assert!(d("1946-08-30").is_exact());
    assert!(!d("1946-08").is_exact());
}

#[test]
fn canonical_text_round_trips() {
    for text in [
        "1946",
        "1946-08",
        "1946-08-30",
        "1955~",
        "1955?",
        "1955%",
        "1946-05/1946-06",
        "1946-05/..",
        "../1946",
        "1946-05/",
        "/1946",
        "[1955,1956]",
        "[1955,1957..1958]",
        "-0044-03-15",
    ] {
        assert_eq!(d(text).to_string(), text);
    }
}

#[test]
fn errors_say_where_and_what() {
    let cases = [
        ("", 1, "a date such as 1946, 1946-08 or 1946-08-30"),
        ("46", 1, "a four-digit year"),
        ("1946-13", 6, "a month from 01 to 12"),
        ("1946-02-30", 9, "a day that exists in that month"),
        ("1946-8", 6, "a two-digit month"),
        ("1946x", 5, "the end of the date"),
        ("19467", 1, "a four-digit year"),
        ("[1955;1956]", 6, "`,` or `]`"),
        ("[1955", 6, "`,` or `]`"),
        ("../..", 1, "a start no later than the end"),
        ("1956/1955", 1, "a start no later than the end"),
        ("..", 3, "`/` after an open start `..`"),
        ("1946 ", 5, "the end of the date"),
    ];
    for (text, column, expected) in cases {
        let err = text.parse::<FuzzyDate>().expect_err(text);
        assert_eq!(
            (err.column, err.expected),
            (column, expected),
            "{text}: {err}"
        );
    }
    let message = "1946-13".parse::<FuzzyDate>().unwrap_err().to_string();
    assert_eq!(
        message,
        "invalid date `1946-13` at column 6: expected a month from 01 to 12"
    );
}

#[test]
fn three_valued_order() {
    assert_eq!(d("1946").before(&d("1947")), Truth::Definitely);
    assert_eq!(d("1946").before(&d("1946-08-30")), Truth::Possibly);
    assert_eq!(d("1947").before(&d("1946")), Truth::No);
    assert_eq!(d("1946-08-30").before(&d("1946-08-30")), Truth::No);
    assert_eq!(
        d("1946-08-30").on_or_before(&d("1946-08-30")),
        Truth::Definitely
    );
    // Uncertain sources never support "definitely".
    assert_eq!(d("1946?").before(&d("1947")), Truth::Possibly);
    assert_eq!(d("1946?").on_or_before(&d("1947")), Truth::Possibly);
    assert_eq!(d("1946").on_or_before(&d("1947?")), Truth::Possibly);
    assert_eq!(d("1946-08").on_or_before(&d("1946")), Truth::Possibly);
    assert_eq!(d("1947").on_or_before(&d("1946?")), Truth::No);
    // "1955 ... or some time in 1956"
    assert_eq!(d("[1955,1956]").before(&d("1956-06")), Truth::Possibly);
    assert_eq!(d("[1955,1956]").before(&d("1957")), Truth::Definitely);
}

#[test]
fn three_valued_overlap_and_window() {
    assert_eq!(
        d("1946-08-30").overlaps(&d("1946-08-30")),
        Truth::Definitely
    );
    assert_eq!(d("1946").overlaps(&d("1946-08")), Truth::Possibly);
    assert_eq!(d("1946").overlaps(&d("1947")), Truth::No);
    assert_eq!(
        d("1946-08").within(day(1946, 1, 1), day(1946, 12, 31)),
        Truth::Definitely
    );
    assert_eq!(
        d("1946").within(day(1946, 6, 1), day(1946, 12, 31)),
        Truth::Possibly
    );
    assert_eq!(
        d("1946?").within(day(1946, 1, 1), day(1946, 12, 31)),
        Truth::Possibly
    );
    assert_eq!(
        d("1945").within(day(1946, 1, 1), day(1946, 12, 31)),
        Truth::No
    );
}

#[test]
fn kleene_logic() {
    use Truth::*;
    assert_eq!(Definitely.and(Possibly), Possibly);
    assert_eq!(No.or(Possibly), Possibly);
    assert_eq!(!Possibly, Possibly);
    assert_eq!(!No, Definitely);
}

#[test]
fn deserializes_from_strings_integers_and_toml_dates() {
    #[derive(serde::Deserialize)]
    struct Row {
        a: FuzzyDate,
        b: FuzzyDate,
        c: FuzzyDate,
    }
    let row: Row = toml::from_str("a = \"1955~\"\nb = 1946\nc = 1946-08-30\n").unwrap();
    assert_eq!(
        (row.a.to_string(), row.b.to_string(), row.c.to_string()),
        ("1955~".into(), "1946".into(), "1946-08-30".into())
    );
    let err = toml::from_str::<Row>("a = \"1955\"\nb = 1946\nc = 1946-08-30T10:00:00\n")
        .err()
        .unwrap();
    assert!(err.to_string().contains("without a time of day"), "{err}");
}

fn arb_point() -> impl Strategy<Value = Point> {
    prop_oneof![
        (1800i16..2100).prop_map(Point::Year),
        (1800i16..2100, 1i8..=12).prop_map(|(y, m)| Point::Month(y, m)),
        (1800i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, dd)| Point::Day(day(y, m, dd))),
    ]
}

fn arb_qualified() -> impl Strategy<Value = Qualified> {
    (arb_point(), any::<bool>(), any::<bool>()).prop_map(|(p, a, u)| Qualified::new(p, a, u))
}

fn arb_date() -> impl Strategy<Value = FuzzyDate> {
    let end = prop_oneof![
        3 => arb_qualified().prop_map(End::Point),
        1 => Just(End::Open),
        1 => Just(End::Unknown),
    ];
    let member = prop_oneof![
        arb_qualified().prop_map(SetMember::Point),
        (arb_qualified(), arb_qualified()).prop_map(|(a, b)| SetMember::Range(a, b)),
    ];
    prop_oneof![
        arb_qualified().prop_map(Shape::Single),
        (end.clone(), end).prop_map(|(a, b)| Shape::Interval(a, b)),
        proptest::collection::vec(member, 1..4).prop_map(Shape::OneOf),
    ]
    .prop_filter_map("inverted bounds", FuzzyDate::from_shape)
}

proptest! {
    #[test]
    fn every_date_has_ordered_bounds_and_round_trips(date in arb_date()) {
        prop_assert!(date.earliest() <= date.latest());
        let reparsed: FuzzyDate = date.to_string().parse().unwrap();
        prop_assert_eq!(&reparsed, &date);
    }

    #[test]
    fn before_is_consistent_with_bounds(a in arb_date(), b in arb_date()) {
        let ab = a.before(&b);
        let ba = b.before(&a);
        // Both cannot definitely precede each other.
        prop_assert!(!(ab == Truth::Definitely && ba == Truth::Definitely));
        if ab == Truth::Definitely {
            prop_assert!(a.latest() < b.earliest());
            prop_assert_eq!(ba, Truth::No);
        }
        if ab == Truth::No {
            prop_assert!(a.earliest() >= b.latest());
        }
        // Overlap is symmetric.
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
    }

    #[test]
    fn parser_never_panics(text in "\\PC{0,24}") {
        let _ = text.parse::<FuzzyDate>();
    }
}

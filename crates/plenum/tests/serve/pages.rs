//! The web pages: each answers HTML that needs no script, under 100 KB, with `as_of`'s
//! banner; golden files pin the organ and person pages.

use crate::Env;

/// The pages of the test ledger, and a text each must show.
const PAGES: &[(&str, &str)] = &[
    ("/", "Workers&#39; Party"),
    (
        "/organ/party/politburo?date=1950",
        "Political Bureau on 1950",
    ),
    ("/organ/party/cc?date=1956-09-01", "Central Committee"),
    ("/post/party/chairman?date=1950", "Kim Il"),
    ("/post/party/chairman?date=1950", "Holders over time"),
    ("/person/kim", "Chairman"),
    ("/person/pak", "expelled"),
    ("/lineage/party", "Lineage of Workers&#39; Party"),
    (
        "/findings?date=1960",
        "Article 9: Only the Central Committee may expel",
    ),
    ("/log", "The party was founded."),
    (
        "/log?kind=member_expelled",
        "Pak Hon: expelled from Workers&#39; Party",
    ),
];

#[test]
fn every_page_is_html_without_script_and_light() {
    let env = Env::ledger();
    let server = env.serve();
    for (path, shows) in PAGES {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}: {}", page.body);
        assert_eq!(
            page.header("content-type"),
            Some("text/html; charset=utf-8"),
            "{path}"
        );
        assert!(
            page.body.contains(shows),
            "{path} does not show {shows}:\n{}",
            page.body
        );
        assert!(!page.body.contains("<script"), "{path} has a script");
        assert!(
            page.body.len() < 100_000,
            "{path} weighs {} bytes",
            page.body.len()
        );
    }
    let style = server.get("/static/style.css");
    assert_eq!(style.status, 200);
    assert_eq!(
        style.header("content-type"),
        Some("text/css; charset=utf-8")
    );
}

#[test]
fn a_page_as_of_an_entry_says_so_and_keeps_it_in_its_links() {
    let env = Env::ledger();
    let server = env.serve();
    let page = server.get("/organ/party/politburo?date=1946-09&as_of=13");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(
        page.body.contains("as it stood after entry 13 of 22"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(r#"<input type="hidden" name="as_of" value="13">"#)
    );
    assert!(page.body.contains(r#"href="/findings?as_of=13""#));
    // Entry 14 elected the Political Bureau: as of 13 it has no one.
    assert!(page.body.contains("0 seats"), "{}", page.body);
    let now = server.get("/organ/party/politburo?date=1946-09");
    assert!(!now.body.contains("as it stood after"));
    assert!(now.body.contains("Kim Il"));
}

#[test]
fn bad_page_parameters_get_an_error_page() {
    let env = Env::ledger();
    let server = env.serve();
    let cases: &[(&str, u16, &str)] = &[
        ("/person/nobody", 404, "no person is called `nobody`"),
        (
            "/organ/party/politburo?date=1950-13",
            400,
            "date is `1950-13`",
        ),
        ("/log?kind=nonsense", 400, "kind is `nonsense`"),
        ("/findings?as_of=0", 400, "as_of is `0`"),
    ];
    for (path, status, says) in cases {
        let page = server.get(path);
        assert_eq!(page.status, *status, "{path}: {}", page.body);
        assert!(page.body.contains("<html"), "{path}: not a page");
        let text = page.body.replace("&#96;", "`");
        assert!(
            text.contains(says),
            "{path} does not say {says}: {}",
            page.body
        );
    }
}

#[test]
fn the_organ_page_is_golden() {
    let env = Env::ledger();
    let server = env.serve();
    let page = server.get("/organ/party/politburo?date=1956-08-30");
    insta::assert_snapshot!(page.body);
}

#[test]
fn the_person_page_is_golden() {
    let env = Env::ledger();
    let server = env.serve();
    let page = server.get("/person/pak");
    insta::assert_snapshot!(page.body);
}

#[test]
fn figures_are_svg_drawn_on_the_server() {
    let env = Env::ledger();
    let server = env.serve();
    let home = server.get("/");
    assert!(
        home.body
            .contains(r#"<img src="/statute.svg?date=2026-11-27""#),
        "{}",
        home.body
    );
    let organ = server.get("/organ/party/politburo?date=1950&as_of=16");
    assert!(
        organ
            .body
            .contains(r#"<img src="/organ/party/politburo/factions.svg?as_of=16""#),
        "{}",
        organ.body
    );
    let cases: &[(&str, &[&str])] = &[
        (
            "/statute.svg?date=1950",
            &[
                "Central Committee",
                "Political Bureau",
                "Chairman",
                "the members",
                "elects",
            ],
        ),
        (
            "/organ/party/politburo/factions.svg",
            &["seats by faction", "Northern faction", "Southern faction"],
        ),
        (
            "/organ/party/politburo/factions.svg?as_of=16",
            &["Southern faction"],
        ),
    ];
    for (path, shows) in cases {
        let figure = server.get(path);
        assert_eq!(figure.status, 200, "{path}: {}", figure.body);
        assert_eq!(
            figure.header("content-type"),
            Some("image/svg+xml"),
            "{path}"
        );
        let csp = figure.header("content-security-policy").unwrap_or_default();
        assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
        assert!(figure.body.contains("<svg"), "{path}");
        for text in *shows {
            assert!(figure.body.contains(text), "{path} does not show {text}");
        }
    }
    assert_eq!(
        server
            .get("/organ/party/politburo/factions.svg?as_of=16")
            .header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(server.get("/organ/party/nothing/factions.svg").status, 404);
}

#[test]
fn a_large_organ_groups_its_members_and_stays_light() {
    let env = Env::ledger();
    let mut batch = String::new();
    for i in 0..240 {
        batch.push_str(&format!(
            "[[event]]\nid = \"reg-{i}\"\ndate = \"1959\"\nkind = \"person_registered\"\n\
             person = \"m{i}\"\nname = \"Member Number {i}\"\n\n\
             [[event]]\nid = \"seat-{i}\"\ndate = \"1960-01-01\"\nkind = \"seat_taken\"\n\
             person = \"m{i}\"\norgan = \"party/cc\"\n\n"
        ));
    }
    std::fs::write(env.dir.path().join("many.toml"), batch).expect("write");
    env.run(&["record", "many.toml"]);
    let server = env.serve();
    let page = server.get("/organ/party/cc?date=1960-06-01");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("grouped"), "{}", page.body);
    for i in [0, 117, 239] {
        let link = format!("<a href=\"/person/m{i}\">Member Number {i}</a>");
        assert!(page.body.contains(&link), "m{i} is named and linked");
    }
    // Every one of them once, in rows of those who share faction, role and span.
    assert_eq!(page.body.matches("Member Number").count(), 240);
    assert!(
        page.body.matches("<tr>").count() < 20,
        "grouped into a few rows"
    );
    assert!(page.body.len() < 100_000, "{} bytes", page.body.len());
    // A small organ keeps a row for each member.
    let small = server.get("/organ/party/politburo?date=1950");
    assert!(!small.body.contains("grouped"), "{}", small.body);
}

#[test]
fn a_person_page_quotes_the_source_of_every_event_about_them() {
    let env = Env::new();
    env.run(&["demo", "--db", "plenum.db"]);
    let server = env.serve();
    let page = server.get("/person/kim-il-sung");
    assert_eq!(page.status, 200, "{}", page.body);
    let (_, sources) = page
        .body
        .split_once("Sources: every event about them")
        .expect("a table of sources");
    for quote in [
        "Kim Il-sung did not join the party until 1931.",
        "After his years as a guerilla leader, Kim Il-sung had moved to the Soviet Union",
    ] {
        assert!(sources.contains(quote), "quotes {quote:?}");
    }
    // Every event the person API lists in the record has a row with its sources.
    let api = server.get("/api/v1/person/kim-il-sung").json();
    for line in api["record"].as_array().expect("a record") {
        let event = line["event"].as_str().expect("an event id");
        assert!(
            sources.contains(&format!("/log?event={event}\">")),
            "{event} has its sources listed"
        );
    }
    assert!(page.body.len() < 100_000, "{} bytes", page.body.len());
}

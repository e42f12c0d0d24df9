//! Every query endpoint answers the same JSON as the CLI's `--json` on the same ledger;
//! parameters are checked; answers for a fixed `as_of` are immutable.

use crate::Env;

#[test]
fn queries_answer_as_the_cli_json() {
    let env = Env::ledger();
    let server = env.serve();
    let cases: &[(&str, &[&str])] = &[
        (
            "/api/v1/at/politburo?date=1956-09-01",
            &["at", "1956-09-01", "politburo"],
        ),
        (
            "/api/v1/at/politburo?date=1950&as_of=10",
            &["at", "1950", "politburo", "--as-of", "10"],
        ),
        ("/api/v1/at/chairman?date=1956", &["at", "1956", "chairman"]),
        (
            "/api/v1/at/Northerners?date=1947",
            &["at", "1947", "Northerners"],
        ),
        ("/api/v1/person/Kim%20Il-sung", &["person", "Kim Il-sung"]),
        ("/api/v1/lineage/WP", &["lineage", "WP"]),
        ("/api/v1/check?date=1960", &["check", "--at", "1960"]),
        ("/api/v1/log?limit=10000", &["log"]),
        (
            "/api/v1/log?from=3&limit=4&kind=person_registered",
            &[
                "log",
                "--from",
                "3",
                "--limit",
                "4",
                "--kind",
                "person_registered",
            ],
        ),
        ("/api/v1/verify", &["verify"]),
    ];
    for (path, args) in cases {
        let answer = server.get(path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.body);
        assert_eq!(
            answer.json(),
            env.json(args),
            "{path} differs from plenum {args:?} --json"
        );
    }
}

#[test]
fn bad_parameters_are_named() {
    let env = Env::ledger();
    let server = env.serve();
    let cases: &[(&str, u16, &str)] = &[
        (
            "/api/v1/at/politburo?date=1956-13",
            400,
            "date is `1956-13`",
        ),
        (
            "/api/v1/at/politburo?date=1956&as_of=x",
            400,
            "as_of is `x`",
        ),
        (
            "/api/v1/at/politburo?date=1956&as_of=0",
            400,
            "as_of is `0`",
        ),
        (
            "/api/v1/at/politburo?date=1956&as_of=999",
            400,
            "as_of 999 is outside the ledger",
        ),
        (
            "/api/v1/person/Nobody%20Atall",
            404,
            "no person is called `Nobody Atall`",
        ),
        ("/api/v1/log?limit=0", 400, "limit is `0`"),
        (
            "/api/v1/log?from=9223372036854775808",
            400,
            "from is `9223372036854775808`",
        ),
        (
            "/api/v1/person/kim?as_of=1&as_of=2",
            400,
            "duplicate field `as_of`",
        ),
        ("/api/v1/log?kind=party", 400, "kind is `party`"),
        ("/api/v1/check?rule=nonsense", 400, "rule is `nonsense`"),
        ("/api/v1/nothing", 404, "no such page or endpoint"),
    ];
    for (path, status, message) in cases {
        let answer = server.get(path);
        assert_eq!(answer.status, *status, "{path}: {}", answer.body);
        let error = answer.json()["error"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            error.contains(message),
            "{path}: `{error}` does not say `{message}`"
        );
    }
}

#[test]
fn answers_for_a_fixed_as_of_are_immutable_with_an_etag() {
    let env = Env::ledger();
    let server = env.serve();
    let fixed = server.get("/api/v1/at/politburo?date=1950&as_of=10");
    assert_eq!(fixed.status, 200);
    assert_eq!(
        fixed.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let etag = fixed.header("etag").expect("an etag").to_owned();
    let again = server.get_with(
        "/api/v1/at/politburo?date=1950&as_of=10",
        &[("if-none-match", &etag)],
    );
    assert_eq!(again.status, 304);
    assert_eq!(again.body, "");
    // The record as it stands may change: revalidate, but the ETag still saves the body.
    let current = server.get("/api/v1/at/politburo?date=1950");
    assert_eq!(current.header("cache-control"), Some("no-cache"));
    let current_etag = current.header("etag").expect("an etag").to_owned();
    let revalidated = server.get_with(
        "/api/v1/at/politburo?date=1950",
        &[("if-none-match", &current_etag)],
    );
    assert_eq!(revalidated.status, 304);
    // A date left to the clock is not fixed, even at a fixed entry.
    let undated = server.get("/api/v1/check?as_of=10");
    assert_eq!(undated.header("cache-control"), Some("no-cache"));
    assert_eq!(undated.json()["as_of_entry"], 10);
}

#[test]
fn every_answer_carries_the_security_headers() {
    let env = Env::ledger();
    let server = env.serve();
    for path in ["/healthz", "/api/v1/verify", "/api/v1/nothing"] {
        let answer = server.get(path);
        let csp = answer.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{path}: csp {csp:?}");
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(answer.header("x-frame-options"), Some("DENY"), "{path}");
    }
}

#[test]
fn search_is_tolerant_of_typos_and_romanizations() {
    let env = Env::ledger();
    let server = env.serve();
    let cases: &[(&str, &str, &str)] = &[
        ("Kim%20Ilsung", "person", "kim"),
        ("kim%20il-song", "person", "kim"),
        ("Pak%20Hun", "person", "pak"),
        ("politbureau", "organ", "party/politburo"),
        ("Northeners", "faction", "north"),
        ("chairmen", "post", "party/chairman"),
    ];
    for (q, kind, id) in cases {
        let answer = server.get(&format!("/api/v1/search?q={q}"));
        assert_eq!(answer.status, 200, "{q}: {}", answer.body);
        let hits = answer.json();
        let first = &hits[0];
        assert_eq!(
            (first["kind"].as_str(), first["id"].as_str()),
            (Some(*kind), Some(*id)),
            "{q}: {hits}"
        );
    }
    let none = server.get("/api/v1/search?q=zzzzzzzzzz").json();
    assert_eq!(none, serde_json::json!([]));
    assert_eq!(server.get("/api/v1/search?q=").status, 400);
}

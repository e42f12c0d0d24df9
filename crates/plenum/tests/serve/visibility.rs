//! What the organization shows to whom: sections set to members only with `plenum
//! visibility` are refused to the public, on pages and in the API, before any of their
//! data is read, and read by every role from member up; the home page leaves them out;
//! a change reaches a running server within a second.

use crate::Env;

/// Pages and answers of the sections set to members only below, with a text each shows
/// when it may be read.
const MEMBERS_ONLY: &[(&str, &str)] = &[
    ("/person/kim", "Kim Il"),
    ("/api/v1/person/kim", "Kim Il"),
    ("/search?q=kim", "Kim Il"),
    ("/api/v1/search?q=kim", "Kim Il"),
    (
        "/findings?date=1960",
        "Only the Central Committee may expel",
    ),
    ("/api/v1/check?date=1960", "expel"),
    ("/log", "The party was founded."),
    ("/api/v1/log", "founded"),
];

/// Pages and answers of the sections left public.
const PUBLIC: &[(&str, &str)] = &[
    ("/organ/party/politburo?date=1950", "Political Bureau"),
    ("/api/v1/at/politburo?date=1950&org=party", "Kim Il"),
    ("/lineage/party", "Lineage of Workers&#39; Party"),
    ("/api/v1/lineage/party", "party"),
];

#[test]
fn member_only_sections_are_refused_to_the_public_and_read_by_members() {
    let env = Env::ledger();
    for section in ["persons", "findings", "log"] {
        env.run(&["visibility", section, "members"]);
    }
    let server = env.serve();
    for (path, shows) in MEMBERS_ONLY {
        let refused = server.get(path);
        assert_eq!(refused.status, 401, "{path}: {}", refused.body);
        assert!(
            refused.body.contains("members only"),
            "{path} says why: {}",
            refused.body
        );
        assert!(
            !refused.body.contains(shows),
            "{path} leaks {shows}: {}",
            refused.body
        );
        if path.starts_with("/api/") {
            assert!(refused.json()["error"].is_string(), "{path}: JSON");
        } else {
            assert!(refused.body.contains("<html"), "{path}: a page");
        }
        for role in ["member", "chair", "secretary", "admin"] {
            let (name, value) = env.bearer(role);
            let read = server.get_with(path, &[(name, &value)]);
            assert_eq!(read.status, 200, "{role} {path}: {}", read.body);
            assert!(read.body.contains(shows), "{role} {path}: {}", read.body);
        }
    }
    for (path, shows) in PUBLIC {
        let read = server.get(path);
        assert_eq!(read.status, 200, "{path}: {}", read.body);
        assert!(read.body.contains(shows), "{path}: {}", read.body);
    }
    // A token that is not valid is refused, not read as the public.
    let bad = server.get_with("/api/v1/person/kim", &[("authorization", "Bearer nope")]);
    assert_eq!(bad.status, 401);
    assert!(bad.body.contains("not valid"), "{}", bad.body);

    // The home page leaves out what the reader may not read.
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert!(!home.body.contains("violations"), "{}", home.body);
    assert!(!home.body.contains("Every finding"), "{}", home.body);
    assert!(home.body.contains("Organs, and who elects them"));
    let (name, value) = env.bearer("member");
    let home = server.get_with("/", &[(name, &value)]);
    assert!(home.body.contains("violations"), "{}", home.body);
    assert!(home.body.contains("Every finding"), "{}", home.body);

    // Organs for members only: the home page shows neither organs nor leadership.
    env.run(&["visibility", "organs", "members"]);
    env.run(&["visibility", "persons", "public"]);
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    assert_eq!(
        server.get("/api/v1/person/kim").status,
        200,
        "a change is seen"
    );
    assert_eq!(server.get("/organ/party/politburo?date=1950").status, 401);
    assert_eq!(server.get("/statute.svg").status, 401);
    let home = server.get("/");
    assert!(
        !home.body.contains("Organs, and who elects them"),
        "{}",
        home.body
    );
    assert!(!home.body.contains("statute.svg"), "{}", home.body);
    assert!(home.body.contains("shown to members only"), "{}", home.body);
}

#[test]
fn the_command_lists_and_refuses_clearly() {
    let env = Env::ledger();
    let list = env.json(&["visibility"]);
    let sections: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["section"].as_str().expect("a name"))
        .collect();
    assert_eq!(
        sections,
        ["organs", "persons", "lineage", "findings", "log"]
    );
    assert!(
        list.as_array()
            .expect("a list")
            .iter()
            .all(|s| s["level"] == "public")
    );
    let set = env.run(&["visibility", "log", "members"]);
    assert!(set.contains("log       members"), "{set}");
    let out = env
        .plenum()
        .args(["visibility", "people", "members"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid value 'people'"), "{err}");
    assert!(err.contains("persons"), "{err}");
}

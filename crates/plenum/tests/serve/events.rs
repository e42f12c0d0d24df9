//! `POST /api/v1/events`: a batch recorded all-or-nothing, read as `plenum record` reads
//! files; a bad batch answered 422 with every error by JSON path, changing nothing.

use serde_json::Value;

use crate::{Env, Server};

/// The head entry, as the server sees it.
fn head(server: &Server) -> u64 {
    let log = server.get("/api/v1/log?limit=10000").json();
    log.as_array()
        .and_then(|entries| entries.last())
        .and_then(|e| e["seq"].as_u64())
        .expect("entries")
}

fn errors_of(answer: &crate::Answer) -> Vec<Value> {
    answer.json()["errors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn a_json_array_is_recorded_and_answered_with_the_record_report() {
    let env = Env::ledger();
    let server = env.serve();
    let before = head(&server);
    let batch = r#"[
  {"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri", "name": "Ri Sung"},
  {"id": "p-han", "date": "1957", "kind": "person_registered", "person": "han", "name": "Han Sol"}
]"#;
    let answer = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        batch,
    );
    assert_eq!(answer.status, 201, "{}", answer.body);
    let report = answer.json();
    assert_eq!(report["recorded"], 2);
    assert_eq!(report["first"], before + 1);
    assert_eq!(report["head"], before + 2);
    assert_eq!(head(&server), before + 2);
    let person = server.get("/api/v1/person/Ri%20Sung");
    assert_eq!(person.status, 200, "{}", person.body);
    assert_eq!(person.json()["id"], "ri");
    // The ledger the server wrote verifies, and the CLI reads the same record.
    assert_eq!(server.get("/api/v1/verify").json()["ok"], true);
    assert_eq!(env.json(&["person", "Han Sol"])["id"], "han");
}

#[test]
fn toml_and_json_lines_are_read_as_record_reads_them() {
    let env = Env::ledger();
    let server = env.serve();
    let toml = "[[event]]\nid = \"p-ri\"\ndate = \"1957\"\nkind = \"person_registered\"\nperson = \"ri\"\nname = \"Ri Sung\"\n";
    let answer = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/toml",
        toml,
    );
    assert_eq!(answer.status, 201, "{}", answer.body);
    let jsonl = "{\"id\": \"p-han\", \"date\": \"1957\", \"kind\": \"person_registered\", \"person\": \"han\", \"name\": \"Han Sol\"}\n";
    let answer = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/x-ndjson",
        jsonl,
    );
    assert_eq!(answer.status, 201, "{}", answer.body);
    assert_eq!(server.get("/api/v1/person/han").status, 200);
}

#[test]
fn a_bad_batch_names_every_error_by_json_path_and_changes_nothing() {
    let env = Env::ledger();
    let server = env.serve();
    let before = head(&server);
    let batch = r#"[
  {"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri", "name": "Ri Sung"},
  {"id": "p-han", "date": "1957", "kind": "person_registered", "person": "han"},
  {"id": "p-o", "date": "1957-13", "kind": "person_registered", "person": "o", "name": "O Jin"},
  {"id": "x", "date": "1957", "kind": "person_elected"}
]"#;
    let answer = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        batch,
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    let errors = errors_of(&answer);
    let paths: Vec<&str> = errors.iter().filter_map(|e| e["path"].as_str()).collect();
    assert_eq!(paths, ["$[1]", "$[2]", "$[3]"], "{errors:#?}");
    let lines: Vec<u64> = errors.iter().filter_map(|e| e["line"].as_u64()).collect();
    assert_eq!(lines, [3, 4, 5], "{errors:#?}");
    assert!(
        errors[1]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("1957-13"),
        "{errors:#?}"
    );
    assert_eq!(head(&server), before, "a refused batch recorded something");
}

#[test]
fn a_refused_reference_is_named_by_its_field() {
    let env = Env::ledger();
    let server = env.serve();
    let before = head(&server);
    let batch = r#"[
  {"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri", "name": "Ri Sung"},
  {"id": "nobody-out", "date": "1957", "kind": "seat_vacated",
   "person": "nobody", "organ": "party/cc", "cause": "removed"}
]"#;
    let answer = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        batch,
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    let errors = errors_of(&answer);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["path"], "$[1].person", "{errors:#?}");
    assert_eq!(errors[0]["line"], 4, "{errors:#?}");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nobody"),
        "{errors:#?}"
    );
    assert_eq!(head(&server), before);
    // An id used twice in one batch is refused too, as by `plenum record`.
    let twice = r#"[{"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri", "name": "Ri Sung"},
{"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri2", "name": "Ri Two"}]"#;
    let answer = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        twice,
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(errors_of(&answer)[0]["path"], "$[1].id", "{}", answer.body);
    assert_eq!(head(&server), before);
}

#[test]
fn bodies_that_are_not_batches_are_refused() {
    let env = Env::ledger();
    let server = env.serve();
    let before = head(&server);
    let cases: &[(&str, &str, u16, &str)] = &[
        (
            "application/json",
            r#"{"id": "p"}"#,
            422,
            "expected a JSON array",
        ),
        (
            "application/json",
            "[{\"id\": ",
            422,
            "element 0 is not JSON",
        ),
        ("application/json", "[]", 422, "the batch holds no events"),
        ("application/json", "[{}] x", 422, "text after the array"),
        ("application/toml", "[[event]]\nid = 3\n", 422, ""),
        ("text/plain", "hello", 415, "Content-Type is `text/plain`"),
    ];
    for (content_type, body, status, says) in cases {
        let answer = server.post_as(&env, "secretary", "/api/v1/events", content_type, body);
        assert_eq!(answer.status, *status, "{body}: {}", answer.body);
        let json = answer.json();
        let text = json.to_string();
        assert!(text.contains(says), "{body}: {text} does not say {says}");
    }
    assert_eq!(head(&server), before);
}

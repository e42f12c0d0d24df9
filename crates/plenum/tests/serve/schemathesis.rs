//! schemathesis (PyPI) against the real server: it reads `/api/openapi.json`, generates
//! requests from it (valid and invalid) as the admin, and checks that no answer is a
//! server error and that every answer's status, content type, headers and body are as
//! the document says. `. .ci/schemathesis` installs it and exports `SCHEMATHESIS`.
//!
//! Before it runs, a meeting `m1` is convened with a draft motion and an open election
//! `e1`, and schemathesis is told to use those ids in the paths of the meeting and poll
//! operations, so that they are exercised on things that exist (the admin then adjourns,
//! closes and so on in whatever order it draws; the other operations get random text).
//! The live view is read up to its first event (`max-stream-events`): it is a stream of
//! server-sent events that never ends.

use std::process::Command;
use std::time::Instant;

use serde_json::json;

use crate::live::post;
use crate::{Env, Server};

/// Test cases for each operation and phase (the whole run stays under a few minutes on
/// two cores).
const MAX_EXAMPLES: &str = "100";

/// schemathesis's configuration: the ids of the seeded meeting and poll in the paths
/// that take one, and the live stream read up to its first event.
const CONFIG: &str = r#"
max-stream-events = 1

[[operations]]
include-path-regex = "^/api/v1/meetings/\\{id\\}"
parameters = { "path.id" = "m1" }

[[operations]]
include-path-regex = "^/api/v1/polls/\\{id\\}"
parameters = { "path.id" = "e1" }
"#;

/// A meeting `m1` of the Central Committee with a draft motion `p1` and an open
/// election `e1`.
fn seed(server: &Server, env: &Env) {
    let delegates: Vec<_> = ["kim", "pak", "choe", "yun"]
        .iter()
        .map(|p| json!({"person": p, "weight": 1}))
        .collect();
    let steps = [
        (
            "/api/v1/meetings",
            json!({"id": "m1", "organ": "party/cc", "name": "Plenum", "scheduled": "2026-11-28",
                   "delegates": delegates, "max_proxies": 1}),
            201,
        ),
        (
            "/api/v1/meetings/m1/polls",
            json!({"id": "p1", "title": "The report", "kind": "motion"}),
            201,
        ),
        (
            "/api/v1/meetings/m1/polls",
            json!({"id": "e1", "title": "Political Bureau", "kind": "election",
                   "target": "party/politburo", "method": "meek", "seats": 2,
                   "candidates": ["kim", "pak", "choe"]}),
            201,
        ),
        ("/api/v1/polls/e1/open", json!({}), 200),
    ];
    for (path, body, status) in steps {
        let answer = post(server, env, "chair", path, body);
        assert_eq!(answer.status, status, "{path}: {}", answer.body);
    }
}

/// The check left out: `positive_data_acceptance` expects every request the schema
/// allows to succeed, but which EDTF dates parse, which `as_of` lies within the ledger,
/// which names exist and which meeting state allows a step are the ledger's to judge
/// (answered 400, 404, 409 or 422, each documented), not JSON Schema's.
const UNCHECKED: &str = "positive_data_acceptance";

#[test]
fn schemathesis_finds_nothing() {
    let Some(st) = std::env::var_os("SCHEMATHESIS").filter(|s| !s.is_empty()) else {
        panic!(
            "SCHEMATHESIS is not set: run `. .ci/schemathesis` (it installs the schemathesis \
             CLI into target/schemathesis-venv and exports SCHEMATHESIS) and run the tests again"
        );
    };
    let env = Env::ledger();
    let server = env.serve();
    let (_, bearer) = env.bearer("admin");
    seed(&server, &env);
    std::fs::write(env.dir.path().join("schemathesis.toml"), CONFIG).expect("write the config");
    let started = Instant::now();
    let output = Command::new(&st)
        .current_dir(env.dir.path())
        .env("NO_COLOR", "1")
        .args(["--config-file", "schemathesis.toml"])
        .args(["run", &format!("{}/api/openapi.json", server.base)])
        .args(["--url", &server.base])
        .args(["--checks", "all"])
        .args(["--exclude-checks", UNCHECKED])
        .args(["--header", &format!("Authorization: {bearer}")])
        .args(["--max-examples", MAX_EXAMPLES])
        .args(["--seed", "1"])
        // One worker: with two, hypothesis's threads once raced in Python's `ast` and
        // ended the run with an internal error.
        .args(["--workers", "1"])
        .args(["--request-timeout", "30"])
        .args(["--generation-database", "none"])
        .arg("--no-color")
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run SCHEMATHESIS={}: {e}; run `. .ci/schemathesis`",
                st.to_string_lossy()
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "schemathesis failed ({}) after {:?}:\n{stdout}\n{stderr}",
        output.status,
        started.elapsed()
    );
    let cases = stdout
        .lines()
        .skip_while(|l| !l.starts_with("Test cases:"))
        .nth(1)
        .unwrap_or_default()
        .trim();
    eprintln!("schemathesis passed in {:?}: {cases}", started.elapsed());
}

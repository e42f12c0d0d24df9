//! schemathesis (PyPI) against the real server: it reads `/api/openapi.json`, generates
//! requests from it (valid and invalid) as the admin, and checks that no answer is a
//! server error and that every answer's status, content type, headers and body are as
//! the document says. `. .ci/schemathesis` installs it and exports `SCHEMATHESIS`.
//!
//! The live view (`/api/v1/meetings/{id}/live`) is left out: it is a stream of
//! server-sent events that never ends, which schemathesis would wait on until its
//! timeout; the `openapi` tests check that it is documented as `text/event-stream`.

use std::process::Command;
use std::time::Instant;

use crate::Env;

/// Test cases for each operation and phase (the whole run stays under a few minutes on
/// two cores).
const MAX_EXAMPLES: &str = "25";

/// The checks left out, because JSON Schema cannot say what they need the document to
/// say: `positive_data_acceptance` expects every request the schema allows to succeed,
/// but which EDTF dates parse, which `as_of` lies within the ledger, which names exist
/// and which meeting state allows a step are the ledger's to judge (answered 400, 404,
/// 409 or 422, each documented); `negative_data_rejection` expects the reverse.
const UNCHECKED: &str = "positive_data_acceptance,negative_data_rejection";

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
    let started = Instant::now();
    let output = Command::new(&st)
        .current_dir(env.dir.path())
        .env("NO_COLOR", "1")
        .args(["run", &format!("{}/api/openapi.json", server.base)])
        .args(["--url", &server.base])
        .args(["--checks", "all"])
        .args(["--exclude-checks", UNCHECKED])
        .args(["--header", &format!("Authorization: {bearer}")])
        .args(["--max-examples", MAX_EXAMPLES])
        .args(["--seed", "1"])
        .args(["--workers", "2"])
        .args(["--request-timeout", "30"])
        .args(["--generation-database", "none"])
        .args(["--exclude-path", "/api/v1/meetings/{id}/live"])
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
    eprintln!("schemathesis passed in {:?}", started.elapsed());
}

//! Starting and stopping: `/healthz`, graceful shutdown on SIGTERM, `--demo` read-only.

use std::time::{Duration, Instant};

use crate::{Env, Server, data, path};

#[test]
fn healthz_answers_and_sigterm_stops_the_server_cleanly() {
    let env = Env::ledger();
    let mut server = env.serve();
    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.body, "ok\n");
    let status = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = server.child.try_wait().expect("wait") {
            assert!(
                status.success(),
                "plenum serve exited with {status} on SIGTERM"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "plenum serve did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn demo_serves_the_bundled_example_read_only() {
    let env = Env::new();
    let server = Server::start(env.plenum().args(["serve", "--demo"]));
    assert_eq!(server.get("/healthz").status, 200);
    let politburo = server.get("/api/v1/at/politburo?date=1956-09-01&org=WPK");
    assert_eq!(politburo.status, 200, "{}", politburo.body);
    assert_eq!(politburo.json()["organ"]["id"], "wpk/politburo");
    let write = server.post(
        "/api/v1/events",
        "application/json",
        r#"[{"id": "p-x", "date": "1957", "kind": "person_registered", "person": "x", "name": "X"}]"#,
    );
    assert_eq!(write.status, 403, "{}", write.body);
    assert!(write.body.contains("read-only"), "{}", write.body);
}

#[test]
fn demo_with_a_db_is_refused() {
    let env = Env::new();
    let out = env
        .plenum()
        .args([
            "serve",
            "--demo",
            "--db",
            "mine.db",
            "--listen",
            "127.0.0.1:0",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("leave out --db"), "{stderr}");
    assert!(!env.dir.path().join("mine.db").exists());
}

/// Needs the PostgreSQL server of `DATABASE_URL` (`.ci/postgres`); fails without it.
#[test]
fn a_postgresql_ledger_is_served_with_its_accounts() {
    let url = plenum_dev::pg::fresh_url();
    let mut env = Env::new();
    env.run(&[
        "init",
        "--statute",
        path(&data("statute.toml")),
        "--db",
        &url,
    ]);
    env.run(&["record", path(&data("founding.toml")), "--db", &url]);
    env.add_account("secretary", &url);
    env.add_account("member", &url);
    let server = env.serve_db(&url);
    let at = server.get("/api/v1/at/politburo?date=1950");
    assert_eq!(at.status, 200, "{}", at.body);
    assert_eq!(
        at.json(),
        env.json(&["at", "1950", "politburo", "--db", &url])
    );
    let batch = r#"[{"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri", "name": "Ri Sung"}]"#;
    let refused = server.post_as(&env, "member", "/api/v1/events", "application/json", batch);
    assert_eq!(refused.status, 403, "{}", refused.body);
    let recorded = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        batch,
    );
    assert_eq!(recorded.status, 201, "{}", recorded.body);
    assert_eq!(server.get("/api/v1/person/ri").status, 200);
    assert_eq!(server.get("/api/v1/verify").json()["ok"], true);
}

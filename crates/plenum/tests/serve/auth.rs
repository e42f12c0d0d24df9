//! Accounts and roles: the authorization matrix (every role against every endpoint),
//! sessions with HttpOnly SameSite=Strict cookies and CSRF tokens, rate-limited logins,
//! secrets kept only as hashes, and `plenum user`.

use std::process::Stdio;

use crate::{Env, PASSWORD, Server};

/// Who calls: a label and the headers that prove it.
fn callers(env: &Env) -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    let mut callers = vec![
        ("public", vec![]),
        (
            "bad-token",
            vec![("authorization", "Bearer plenum_not-a-token".to_owned())],
        ),
    ];
    for role in ["member", "chair", "secretary", "admin"] {
        callers.push((role, vec![env.bearer(role)]));
    }
    callers
}

#[test]
fn authorization_matrix() {
    let env = Env::ledger();
    let server = env.serve();
    // Expected status per caller, in the order of `callers`:
    //                              public bad  member chair secretary admin
    let read = [200, 401, 200, 200, 200, 200];
    let open = [200, 200, 200, 200, 200, 200];
    let record = [401, 401, 403, 403, 201, 201];
    let table: &[(&str, &str, [u16; 6])] = &[
        ("GET", "/healthz", open),
        ("GET", "/api/v1/at/politburo?date=1956", read),
        ("GET", "/api/v1/at/politburo?date=1950&as_of=10", read),
        ("GET", "/api/v1/person/kim", read),
        ("GET", "/api/v1/lineage/WP", read),
        ("GET", "/api/v1/check?date=1960", read),
        ("GET", "/api/v1/log", read),
        ("GET", "/api/v1/verify", read),
        ("GET", "/api/v1/session", read),
        ("GET", "/", read),
        ("GET", "/organ/party/politburo?date=1956", read),
        ("GET", "/post/party/chairman", read),
        ("GET", "/person/kim", read),
        ("GET", "/lineage/party", read),
        ("GET", "/findings", read),
        ("GET", "/log", read),
        ("GET", "/static/style.css", open),
        ("GET", "/search?q=kim", read),
        ("GET", "/api/v1/search?q=kim", read),
        ("GET", "/statute.svg", read),
        ("GET", "/organ/party/politburo/factions.svg", read),
        ("GET", "/election/cc-elected", read),
        ("GET", "/api/v1/election/cc-elected", read),
        ("GET", "/diff?from=10&to=20", read),
        ("GET", "/api/v1/diff?from=10", read),
        ("GET", "/lineage/party/graph.svg", read),
        ("POST", "/api/v1/events", record),
    ];
    let callers = callers(&env);
    let mut wrong = Vec::new();
    for (method, path, expected) in table {
        for ((who, headers), want) in callers.iter().zip(expected) {
            let mut headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let answer = if *method == "GET" {
                server.get_with(path, &headers)
            } else {
                headers.push(("content-type", "application/json"));
                let body = format!(
                    r#"[{{"id": "p-{who}", "date": "1957", "kind": "person_registered", "person": "{who}", "name": "Person {who}"}}]"#
                );
                server.send(method, path, &headers, &body)
            };
            if answer.status != *want {
                wrong.push(format!(
                    "{method} {path} as {who}: {} (wanted {want}) {}",
                    answer.status, answer.body
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Signs in; the session cookie (`plenum_session=...`) and the CSRF token.
fn sign_in(
    server: &Server,
    name: &str,
    password: &str,
) -> (crate::Answer, Option<(String, String)>) {
    let body = serde_json::json!({ "name": name, "password": password }).to_string();
    let answer = server.send(
        "POST",
        "/api/v1/session",
        &[("content-type", "application/json")],
        &body,
    );
    let cookie = answer
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    let csrf = answer.json()["csrf"].as_str().map(str::to_owned);
    let session = cookie.zip(csrf);
    (answer, session)
}

#[test]
fn a_session_is_an_http_only_strict_cookie_and_unsafe_requests_need_its_csrf_token() {
    let env = Env::ledger();
    let server = env.serve();
    let (answer, session) = sign_in(&server, "secretary", PASSWORD);
    assert_eq!(answer.status, 200, "{}", answer.body);
    let set_cookie = answer.header("set-cookie").unwrap_or_default().to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Strict"), "{set_cookie}");
    assert!(set_cookie.contains("Path=/"), "{set_cookie}");
    let (cookie, csrf) = session.expect("a session");
    let me = server
        .get_with("/api/v1/session", &[("cookie", &cookie)])
        .json();
    assert_eq!(me["name"], "secretary");
    assert_eq!(me["role"], "secretary");
    let batch = r#"[{"id": "p-ri", "date": "1957", "kind": "person_registered", "person": "ri", "name": "Ri Sung"}]"#;
    let json = ("content-type", "application/json");
    let without = server.send(
        "POST",
        "/api/v1/events",
        &[json, ("cookie", &cookie)],
        batch,
    );
    assert_eq!(without.status, 403, "{}", without.body);
    assert!(without.body.contains("x-csrf-token"), "{}", without.body);
    let wrong = server.send(
        "POST",
        "/api/v1/events",
        &[json, ("cookie", &cookie), ("x-csrf-token", "0000")],
        batch,
    );
    assert_eq!(wrong.status, 403, "{}", wrong.body);
    let with = server.send(
        "POST",
        "/api/v1/events",
        &[json, ("cookie", &cookie), ("x-csrf-token", &csrf)],
        batch,
    );
    assert_eq!(with.status, 201, "{}", with.body);
    // Signing out ends the session: the cookie is the public's after.
    let out = server.send(
        "DELETE",
        "/api/v1/session",
        &[("cookie", &cookie), ("x-csrf-token", &csrf)],
        "",
    );
    assert_eq!(out.status, 200, "{}", out.body);
    let me = server
        .get_with("/api/v1/session", &[("cookie", &cookie)])
        .json();
    assert_eq!(me["role"], "public");
    let after = server.send(
        "POST",
        "/api/v1/events",
        &[json, ("cookie", &cookie), ("x-csrf-token", &csrf)],
        batch,
    );
    assert_eq!(after.status, 401, "{}", after.body);
}

#[test]
fn over_https_cookies_are_secure_and_answers_ask_for_https() {
    let env = Env::ledger();
    let body = serde_json::json!({ "name": "member", "password": PASSWORD }).to_string();
    let json = ("content-type", "application/json");
    // Plain HTTP (a laptop, loopback): a Secure cookie would never come back.
    let server = env.serve();
    let plain = server.send("POST", "/api/v1/session", &[json], &body);
    assert_eq!(plain.status, 200, "{}", plain.body);
    assert!(
        !plain
            .header("set-cookie")
            .unwrap_or_default()
            .contains("Secure")
    );
    assert_eq!(plain.header("strict-transport-security"), None);
    // Behind a TLS proxy that says so.
    let proxied = server.send(
        "POST",
        "/api/v1/session",
        &[json, ("x-forwarded-proto", "https")],
        &body,
    );
    let cookie = proxied.header("set-cookie").unwrap_or_default();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(proxied.header("strict-transport-security").is_some());
    drop(server);
    // --https-only: every cookie, the sign-in form's too, whatever the proxy says.
    let server = Server::start(
        env.plenum()
            .args(["serve", "--db", "plenum.db", "--https-only"]),
    );
    let signed = server.send("POST", "/api/v1/session", &[json], &body);
    let cookie = signed.header("set-cookie").unwrap_or_default();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    let form = server.get("/login");
    let cookie = form.header("set-cookie").unwrap_or_default();
    assert!(
        cookie.contains("plenum_login=") && cookie.ends_with("; Secure"),
        "{cookie}"
    );
    assert_eq!(
        form.header("strict-transport-security"),
        Some("max-age=31536000")
    );
}

#[test]
fn failed_logins_are_rate_limited() {
    let env = Env::ledger();
    let server = env.serve();
    for attempt in 1..=5 {
        let (answer, _) = sign_in(&server, "admin", "not the password at all");
        assert_eq!(answer.status, 401, "attempt {attempt}: {}", answer.body);
    }
    let (answer, session) = sign_in(&server, "admin", PASSWORD);
    assert_eq!(answer.status, 429, "{}", answer.body);
    assert!(answer.header("retry-after").is_some());
    assert!(session.is_none());
    // Only JSON signs in through the API (a form elsewhere cannot send it unasked).
    let form = server.send(
        "POST",
        "/api/v1/session",
        &[("content-type", "text/plain")],
        &serde_json::json!({ "name": "member", "password": PASSWORD }).to_string(),
    );
    assert_eq!(form.status, 415, "{}", form.body);
    // An unknown name is refused the same way as a wrong password.
    let (unknown, _) = sign_in(&server, "nobody", PASSWORD);
    assert!([401, 429].contains(&unknown.status), "{}", unknown.body);
}

#[test]
fn secrets_are_kept_only_as_hashes() {
    let env = Env::ledger();
    let server = env.serve();
    let (_, session) = sign_in(&server, "member", PASSWORD);
    let (cookie, csrf) = session.expect("a session");
    let session_id = cookie.trim_start_matches("plenum_session=").to_owned();
    drop(server);
    let mut bytes = Vec::new();
    for file in ["plenum.db", "plenum.db-wal"] {
        bytes.extend(std::fs::read(env.dir.path().join(file)).unwrap_or_default());
    }
    let contains = |secret: &str| bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
    for (role, token) in &env.tokens {
        assert!(!contains(token), "the token of {role} is kept in clear");
    }
    assert!(!contains(PASSWORD), "a password is kept in clear");
    assert!(!contains(&session_id), "a session id is kept in clear");
    assert!(
        contains(&csrf),
        "the CSRF token is kept (it is not a credential alone)"
    );
    assert!(contains("$argon2id$"), "passwords are argon2id hashes");
}

#[test]
fn plenum_user_manages_accounts() {
    let env = Env::ledger();
    // A name taken, a role unknown, a short password: refused, exit 2.
    let out = env
        .plenum()
        .args([
            "user",
            "add",
            "admin",
            "--role",
            "admin",
            "--db",
            "plenum.db",
        ])
        .stdin(Stdio::null())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = env
        .plenum()
        .args(["user", "add", "x", "--role", "king", "--db", "plenum.db"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let mut child = env
        .plenum()
        .args([
            "user",
            "add",
            "shorty",
            "--role",
            "member",
            "--db",
            "plenum.db",
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    if let Some(mut stdin) = child.stdin.take() {
        std::io::Write::write_all(&mut stdin, b"short\n").expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("at least 10 characters"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A dup of an existing account is refused with its name.
    let mut child = env
        .plenum()
        .args([
            "user",
            "add",
            "admin",
            "--role",
            "member",
            "--db",
            "plenum.db",
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run");
    if let Some(mut stdin) = child.stdin.take() {
        std::io::Write::write_all(&mut stdin, format!("{PASSWORD}\n").as_bytes()).expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`admin` already exists"));
    let list = env.json(&["user", "list", "--db", "plenum.db"]);
    let names: Vec<&str> = list
        .as_array()
        .map(|a| a.iter().filter_map(|u| u["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["admin", "chair", "member", "secretary"]);
    // Removing an account invalidates its token at once.
    let server = env.serve();
    let (name, value) = env.bearer("chair");
    assert_eq!(
        server.get_with("/api/v1/session", &[(name, &value)]).status,
        200
    );
    env.run(&["user", "remove", "chair", "--db", "plenum.db"]);
    assert_eq!(
        server.get_with("/api/v1/session", &[(name, &value)]).status,
        401
    );
    // The ledger itself is untouched by accounts: it verifies.
    assert_eq!(env.json(&["verify", "--db", "plenum.db"])["ok"], true);
}

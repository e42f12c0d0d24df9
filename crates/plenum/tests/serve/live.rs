//! Live meetings over HTTP: convening, attendance and quorum, a secret STV poll with a
//! proxy, the published urn that recounts to the recorded result, and the security
//! checks (twice, in parallel, late, absent, not a delegate, another's tracker, CSRF,
//! replays). Each test runs the real server over a real socket.

use std::process::Stdio;
use std::sync::Arc;

use serde_json::{Value, json};

use crate::{Env, PASSWORD, Server, path};

/// The delegates of these tests, with their weights: persons of the CLI tests' data.
const DELEGATES: [(&str, u64); 4] = [("kim", 1), ("pak", 1), ("choe", 2), ("yun", 1)];

/// A ledger with the usual accounts, and a member account (and token) for each delegate,
/// linked to its person.
fn env() -> Env {
    let mut env = Env::ledger();
    let persons: Vec<&str> = DELEGATES.iter().map(|(p, _)| *p).collect();
    add_voters(&mut env, &persons);
    env
}

/// A member account (and its token, kept under the person's id) for each person.
pub fn add_voters(env: &mut Env, persons: &[&str]) {
    for person in persons {
        let person = *person;
        let name = format!("{person}-account");
        let mut child = env
            .plenum()
            .args(["user", "add", &name, "--role", "member", "--person", person])
            .args(["--db", "plenum.db"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("user add");
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            writeln!(stdin, "{PASSWORD}").expect("password");
        }
        assert!(child.wait().expect("wait").success());
        let token = env.run(&["user", "token", &name, "--db", "plenum.db"]);
        let role: &'static str = Box::leak(person.to_owned().into_boxed_str());
        env.tokens.insert(role, token.trim().to_owned());
    }
}

pub fn post(server: &Server, env: &Env, who: &str, path: &str, body: Value) -> crate::Answer {
    server.post_as(env, who, path, "application/json", &body.to_string())
}

/// `POST /api/v1/meetings` as the chair: `m1` of the Central Committee, sitting on
/// 2026-11-28, with `delegates` and the fields of `more` (a JSON object).
pub fn convene_m1(server: &Server, env: &Env, delegates: Value, more: Value) -> crate::Answer {
    let mut body = json!({"id": "m1", "organ": "party/cc", "scheduled": "2026-11-28",
                          "delegates": delegates});
    if let (Some(body), Value::Object(more)) = (body.as_object_mut(), more) {
        body.extend(more);
    }
    post(server, env, "chair", "/api/v1/meetings", body)
}

pub fn get(server: &Server, env: &Env, who: &str, path: &str) -> crate::Answer {
    server.get_with(path, &[(env.bearer(who).0, &env.bearer(who).1)])
}

/// Convenes `m1` of the Central Committee with [`DELEGATES`], one proxy each at most.
fn convene(server: &Server, env: &Env) -> Value {
    let delegates: Vec<Value> = DELEGATES
        .iter()
        .map(|(p, w)| json!({"person": p, "weight": w}))
        .collect();
    let answer = convene_m1(
        server,
        env,
        delegates.into(),
        json!({"name": "Plenum", "max_proxies": 1}),
    );
    assert_eq!(answer.status, 201, "{}", answer.body);
    answer.json()
}

fn check_in_all(server: &Server, env: &Env, who: &[&str]) {
    let codes = post(server, env, "chair", "/api/v1/meetings/m1/codes", json!({}));
    assert_eq!(codes.status, 201, "{}", codes.body);
    assert_eq!(codes.header("cache-control"), Some("no-store"));
    let codes = codes.json();
    for person in who {
        let code = codes[person].as_str().expect("a code");
        let answer = post(
            server,
            env,
            person,
            "/api/v1/meetings/m1/attendance",
            json!({"present": true, "code": code}),
        );
        assert_eq!(answer.status, 204, "{person}: {}", answer.body);
    }
}

fn election(server: &Server, env: &Env, id: &str) {
    let answer = post(
        server,
        env,
        "chair",
        "/api/v1/meetings/m1/polls",
        json!({"id": id, "title": "Political Bureau", "kind": "election",
               "target": "party/politburo", "method": "meek", "seats": 2,
               "candidates": ["kim", "pak"]}),
    );
    assert_eq!(answer.status, 201, "{}", answer.body);
    // A delegate nominates from the floor; an account of no delegate may not.
    let outsider = post(
        server,
        env,
        "member",
        &format!("/api/v1/polls/{id}/nominations"),
        json!({"person": "choe"}),
    );
    assert_eq!(outsider.status, 403, "{}", outsider.body);
    let nominated = post(
        server,
        env,
        "pak",
        &format!("/api/v1/polls/{id}/nominations"),
        json!({"person": "choe"}),
    );
    assert_eq!(nominated.status, 200, "{}", nominated.body);
    let opened = post(
        server,
        env,
        "chair",
        &format!("/api/v1/polls/{id}/open"),
        json!({}),
    );
    assert_eq!(opened.status, 200, "{}", opened.body);
}

pub fn vote(server: &Server, env: &Env, who: &str, poll: &str, body: Value) -> crate::Answer {
    post(
        server,
        env,
        who,
        &format!("/api/v1/polls/{poll}/ballots"),
        body,
    )
}

#[test]
fn a_secret_stv_poll_from_convening_to_a_recount() {
    let env = env();
    let server = env.serve();
    let convened = convene(&server, &env);
    assert_eq!(convened["delegates"], 4);
    assert!(convened["recorded"]["head"].as_u64().is_some());

    let quorum = |server: &Server| {
        let view = get(server, &env, "chair", "/api/v1/meetings/m1").json();
        (view["present"].as_u64(), view["quorum"]["met"].as_bool())
    };
    assert_eq!(quorum(&server), (Some(0), Some(false)));
    check_in_all(&server, &env, &["kim", "pak"]);
    assert_eq!(
        quorum(&server),
        (Some(2), Some(false)),
        "2 of 4 is not more than half"
    );
    check_in_all(&server, &env, &["choe"]);
    assert_eq!(quorum(&server), (Some(3), Some(true)));

    // Yun stays away and gives Kim his proxy.
    let proxy = post(
        &server,
        &env,
        "yun",
        "/api/v1/meetings/m1/proxies",
        json!({"holder": "kim"}),
    );
    assert_eq!(proxy.status, 204, "{}", proxy.body);

    election(&server, &env, "pb");
    let ballots = [
        ("kim", json!({"ballot": {"ranking": ["kim", "choe"]}})),
        (
            "kim",
            json!({"ballot": {"ranking": ["pak", "kim"]}, "for": "yun"}),
        ),
        ("pak", json!({"ballot": {"ranking": ["pak"]}})),
        ("choe", json!({"ballot": {"ranking": ["choe", "kim"]}})),
    ];
    let mut trackers = Vec::new();
    for (who, body) in ballots {
        let receipt = vote(&server, &env, who, "pb", body);
        assert_eq!(receipt.status, 201, "{who}: {}", receipt.body);
        assert_eq!(receipt.header("cache-control"), Some("no-store"));
        trackers.push(
            receipt.json()["tracker"]
                .as_str()
                .expect("tracker")
                .to_owned(),
        );
    }
    // While open: turnout, never a result; the urn is sealed.
    let open = get(&server, &env, "member", "/api/v1/polls/pb").json();
    assert_eq!(open["turnout"], 4);
    assert!(open.get("result").is_none(), "{open}");
    assert_eq!(server.get("/api/v1/polls/pb/urn").status, 409);

    let closed = post(&server, &env, "chair", "/api/v1/polls/pb/close", json!({}));
    assert_eq!(closed.status, 200, "{}", closed.body);
    let closed = closed.json();
    assert_eq!(closed["roll"], 4);
    assert_eq!(closed["ballots"], 4);
    let elected = closed["result"]["elected"].clone();
    assert_eq!(elected.as_array().map(Vec::len), Some(2), "{closed}");

    // The published urn: every voter finds their tracker; anyone recounts it.
    let urn = server.get("/api/v1/polls/pb/urn");
    assert_eq!(urn.status, 200, "{}", urn.body);
    let urn = urn.json();
    assert_eq!(urn["roll"].as_array().map(Vec::len), Some(4));
    assert_eq!(urn["ballots"].as_array().map(Vec::len), Some(4));
    for t in &trackers {
        assert!(
            urn["blt"]
                .as_str()
                .expect("blt")
                .contains(&format!("({t})")),
            "{t}"
        );
    }
    assert_eq!(urn["digest"], closed["urn_digest"]);
    let blt = server.get("/api/v1/polls/pb/urn.blt");
    assert_eq!(blt.status, 200);
    std::fs::write(env.dir.path().join("pb.blt"), &blt.body).expect("write the urn");
    let recount = env.run(&[
        "count", "pb.blt", "--method", "meek", "--seats", "2", "--json",
    ]);
    let recount: Value = serde_json::from_str(&recount).expect("count --json");
    assert_eq!(
        recount["elected"], elected,
        "the download recounts to the result"
    );

    // The ledger holds the result with the urn's digest and the size of the roll.
    let log = env.json(&["log", "--kind", "election_held"]);
    let last = log.as_array().and_then(|e| e.last()).expect("an entry");
    let text = last.to_string();
    assert!(
        text.contains(closed["urn_digest"].as_str().expect("digest")),
        "{text}"
    );
    assert!(text.contains("\"ballots\":4"), "{text}");
    assert_eq!(
        get(&server, &env, "member", "/api/v1/polls/pb").json()["entry"],
        last["seq"]
    );

    let adjourned = post(
        &server,
        &env,
        "chair",
        "/api/v1/meetings/m1/adjourn",
        json!({}),
    );
    assert_eq!(adjourned.status, 200, "{}", adjourned.body);
    let _ = path; // the helpers' path() is for files; none here
}

#[test]
fn ballots_are_refused_when_they_must_be() {
    let env = env();
    let server = Arc::new(env.serve());
    convene(&server, &env);
    check_in_all(&server, &env, &["kim", "pak", "choe"]);
    election(&server, &env, "pb");
    let ballot = json!({"ballot": {"ranking": ["kim"]}});

    // Twice, in parallel: exactly one counts.
    let env = Arc::new(env);
    let handles: Vec<_> = (0..12)
        .map(|_| {
            let (server, env, ballot) = (Arc::clone(&server), Arc::clone(&env), ballot.clone());
            std::thread::spawn(move || vote(&server, &env, "kim", "pb", ballot).status)
        })
        .collect();
    let statuses: Vec<u16> = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 409),
        "{statuses:?}"
    );
    // A replayed request is the same voter again.
    assert_eq!(vote(&server, &env, "kim", "pb", ballot.clone()).status, 409);

    // Absent (yun never checked in), not a delegate, for someone without a proxy.
    assert_eq!(vote(&server, &env, "yun", "pb", ballot.clone()).status, 403);
    assert_eq!(
        vote(&server, &env, "member", "pb", ballot.clone()).status,
        403
    );
    let proxy_less = json!({"ballot": {"ranking": ["kim"]}, "for": "yun"});
    assert_eq!(vote(&server, &env, "pak", "pb", proxy_less).status, 403);
    // A bad ballot names its place.
    let bad = vote(
        &server,
        &env,
        "pak",
        "pb",
        json!({"ballot": {"ranking": ["zed"]}}),
    );
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.json()["errors"][0]["path"], "$.ballot");
    let unknown = vote(
        &server,
        &env,
        "pak",
        "pb",
        json!({"ballot": {}, "extra": 1}),
    );
    assert_eq!(unknown.status, 422);

    // Replacing with another voter's tracker: refused; with one's own: accepted.
    let pak = vote(
        &server,
        &env,
        "pak",
        "pb",
        json!({"ballot": {"ranking": ["pak"]}}),
    );
    assert_eq!(pak.status, 201);
    let pak_tracker = pak.json()["tracker"].as_str().expect("tracker").to_owned();
    let choe = vote(
        &server,
        &env,
        "choe",
        "pb",
        json!({"ballot": {"ranking": ["choe"]}}),
    );
    let choe_tracker = choe.json()["tracker"].as_str().expect("tracker").to_owned();
    let steal = json!({"ballot": {"ranking": ["kim"]}, "tracker": pak_tracker});
    assert_eq!(vote(&server, &env, "choe", "pb", steal).status, 403);
    let own = json!({"ballot": {"ranking": ["kim", "choe"]}, "tracker": choe_tracker});
    let replaced = vote(&server, &env, "choe", "pb", own);
    assert_eq!(replaced.status, 201, "{}", replaced.body);
    assert_eq!(replaced.json()["replaced"], true);

    // Roles: a member may not run the meeting; the public may not vote.
    let by_member = post(&server, &env, "member", "/api/v1/polls/pb/close", json!({}));
    assert_eq!(by_member.status, 403);
    let anonymous = server.post(
        "/api/v1/polls/pb/ballots",
        "application/json",
        &ballot.to_string(),
    );
    assert_eq!(anonymous.status, 401);

    // A session without its CSRF token: refused.
    let login = server.post(
        "/api/v1/session",
        "application/json",
        &json!({"name": "pak-account", "password": PASSWORD}).to_string(),
    );
    assert_eq!(login.status, 200, "{}", login.body);
    let cookie = login
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned();
    let csrf_less = server.send(
        "POST",
        "/api/v1/polls/pb/ballots",
        &[("content-type", "application/json"), ("cookie", &cookie)],
        &ballot.to_string(),
    );
    assert_eq!(csrf_less.status, 403, "{}", csrf_less.body);

    // After the close: refused. The urn holds exactly the three accepted ballots.
    let closed = post(&server, &env, "chair", "/api/v1/polls/pb/close", json!({}));
    assert_eq!(closed.status, 200, "{}", closed.body);
    check_in_all(&server, &env, &["yun"]);
    assert_eq!(vote(&server, &env, "yun", "pb", ballot).status, 409);
    let urn = server.get("/api/v1/polls/pb/urn").json();
    assert_eq!(urn["ballots"].as_array().map(Vec::len), Some(3));
    assert_eq!(urn["roll"].as_array().map(Vec::len), Some(3));
    let choe_row = urn["ballots"]
        .as_array()
        .and_then(|b| b.iter().find(|b| b["tracker"] == choe_tracker.as_str()))
        .expect("choe's ballot");
    assert_eq!(choe_row["ballot"], "1 3", "the replacement counts");
}

#[test]
fn a_split_motion_with_paper_ballots_is_decided_by_the_statute_majority() {
    let env = env();
    let server = env.serve();
    convene(&server, &env);
    check_in_all(&server, &env, &["kim", "pak", "choe"]);
    let made = post(
        &server,
        &env,
        "chair",
        "/api/v1/meetings/m1/polls",
        json!({"id": "budget", "title": "Adopt the budget", "kind": "motion", "split": true}),
    );
    assert_eq!(made.status, 201, "{}", made.body);
    assert_eq!(
        post(
            &server,
            &env,
            "chair",
            "/api/v1/polls/budget/open",
            json!({})
        )
        .status,
        200
    );
    // Choe carries 2 votes and splits them.
    let split = json!({"ballot": {"split": {"for": 1, "against": 1}}});
    assert_eq!(vote(&server, &env, "choe", "budget", split).status, 201);
    let wrong = json!({"ballot": {"split": {"for": 2, "against": 1}}});
    assert_eq!(vote(&server, &env, "kim", "budget", wrong).status, 422);
    assert_eq!(
        vote(
            &server,
            &env,
            "kim",
            "budget",
            json!({"ballot": {"choice": "for"}})
        )
        .status,
        201
    );
    // Pak votes on paper, entered by a teller.
    let paper = post(
        &server,
        &env,
        "chair",
        "/api/v1/polls/budget/paper",
        json!({"voters": ["pak"], "ballots": [{"ballot": {"choice": "against"}}]}),
    );
    assert_eq!(paper.status, 201, "{}", paper.body);
    let closed = post(
        &server,
        &env,
        "chair",
        "/api/v1/polls/budget/close",
        json!({}),
    );
    assert_eq!(closed.status, 200, "{}", closed.body);
    let result = &closed.json()["result"];
    assert_eq!(
        (result["for"].as_u64(), result["against"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(
        result["carried"], false,
        "2 to 2 is not more than half: {result}"
    );
    let log = env.json(&["log", "--kind", "motion_decided"]);
    let text = log.to_string();
    assert!(
        text.contains("Adopt the budget") && text.contains("defeated"),
        "{text}"
    );
}

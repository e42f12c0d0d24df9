//! Who may do what at a meeting, and what the statute allows it: every role against
//! every meeting endpoint and page, and the statute's `voting` clause bounding proxies
//! and secrecy. Each test runs the real server over a real socket.

use serde_json::json;

use crate::Env;
use crate::live::{convene_m1, get, post};

/// Every role against every meeting endpoint and page. `ALLOWED` means any answer but
/// 401 or 403 (the state the request meets decides the rest).
#[test]
fn meetings_authorization_matrix() {
    const ALLOWED: u16 = 0;
    let env = Env::ledger();
    let server = env.serve();
    let delegates = json!([{"person": "kim"}, {"person": "pak"}]);
    let made = convene_m1(&server, &env, delegates.clone(), json!({}));
    assert_eq!(made.status, 201, "{}", made.body);
    let poll = json!({"id": "pb", "title": "Motion", "kind": "motion"});
    assert_eq!(
        post(&server, &env, "chair", "/api/v1/meetings/m1/polls", poll).status,
        201
    );

    let mut callers: Vec<(&str, Vec<(&str, String)>)> = vec![
        ("public", vec![]),
        (
            "bad-token",
            vec![("authorization", "Bearer plenum_not-a-token".to_owned())],
        ),
    ];
    for role in ["member", "chair", "secretary", "admin"] {
        let (name, value) = env.bearer(role);
        callers.push((role, vec![(name, value)]));
    }
    //                        public bad  member   chair    secretary admin
    let read = [401, 401, 200, 200, 200, 200];
    let chair = [401, 401, 403, ALLOWED, ALLOWED, ALLOWED];
    // The role accounts of these tests belong to no person: nobody may vote.
    let vote = [401, 401, 403, 403, 403, 403];
    let page_read = [401, 401, 200, 200, 200, 200];
    let anyone = [ALLOWED; 6];
    let table: Vec<(&str, &str, String, [u16; 6])> = vec![
        ("GET", "/api/v1/meetings", String::new(), read),
        ("GET", "/api/v1/meetings/m1", String::new(), read),
        ("GET", "/api/v1/polls/pb", String::new(), read),
        ("GET", "/api/v1/polls/pb/urn", String::new(), anyone),
        ("GET", "/meetings", String::new(), page_read),
        ("GET", "/meetings/m1", String::new(), page_read),
        ("POST", "/api/v1/meetings", r#"{"id": "m-WHO", "organ": "party/cc", "scheduled": "2026-11-28", "delegates": [{"person": "kim"}]}"#.into(), chair),
        ("POST", "/api/v1/meetings/m1/codes", "{}".into(), chair),
        ("POST", "/api/v1/meetings/m1/attendance", r#"{"person": "kim", "present": true}"#.into(), chair),
        ("POST", "/api/v1/meetings/m1/proxies", r#"{"giver": "kim", "holder": "pak"}"#.into(), chair),
        ("POST", "/api/v1/meetings/m1/polls", r#"{"id": "p-WHO", "title": "T", "kind": "motion"}"#.into(), chair),
        ("POST", "/api/v1/polls/pb/open", "{}".into(), chair),
        ("POST", "/api/v1/polls/pb/ballots", r#"{"ballot": {"choice": "for"}}"#.into(), vote),
        ("POST", "/api/v1/polls/pb/paper", r#"{"voters": [], "ballots": []}"#.into(), chair),
        ("POST", "/api/v1/polls/pb/close", "{}".into(), chair),
        ("POST", "/api/v1/meetings/m1/adjourn", "{}".into(), chair),
    ];
    let mut wrong = Vec::new();
    for (method, path, body, expected) in &table {
        for ((who, headers), want) in callers.iter().zip(expected) {
            let mut headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let answer = if *method == "GET" {
                server.get_with(path, &headers)
            } else {
                headers.push(("content-type", "application/json"));
                server.send(method, path, &headers, &body.replace("WHO", who))
            };
            let fine = if *want == ALLOWED {
                answer.status != 401 && answer.status != 403
            } else {
                answer.status == *want
            };
            if !fine {
                wrong.push(format!(
                    "{method} {path} as {who}: {} (wanted {}) {}",
                    answer.status,
                    if *want == ALLOWED {
                        "neither 401 nor 403".to_owned()
                    } else {
                        want.to_string()
                    },
                    answer.body.chars().take(200).collect::<String>()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The statute's voting clause (`voting = { proxies = 1, secret = "elections" }` on the
/// Central Committee) bounds what a meeting may choose, and fills what it leaves out.
#[test]
fn the_statute_bounds_proxies_and_secrecy() {
    let env = Env::ledger();
    let server = env.serve();
    let delegates = json!([{"person": "kim"}, {"person": "pak"}]);
    let too_many = convene_m1(&server, &env, delegates.clone(), json!({"max_proxies": 2}));
    assert_eq!(too_many.status, 422, "{}", too_many.body);
    assert_eq!(too_many.json()["errors"][0]["path"], "$.max_proxies");
    assert!(
        too_many.body.contains("at most 1 proxies"),
        "{}",
        too_many.body
    );
    let made = convene_m1(&server, &env, delegates.clone(), json!({}));
    assert_eq!(made.status, 201, "{}", made.body);
    let view = get(&server, &env, "chair", "/api/v1/meetings/m1").json();
    assert_eq!(
        view["max_proxies"], 1,
        "the statute's limit when the meeting says nothing"
    );
    let named_election = post(
        &server,
        &env,
        "chair",
        "/api/v1/meetings/m1/polls",
        json!({"id": "pb", "title": "Politburo", "kind": "election", "target": "party/politburo",
               "candidates": ["kim"], "secret": false}),
    );
    assert_eq!(named_election.status, 422, "{}", named_election.body);
    assert_eq!(named_election.json()["errors"][0]["path"], "$.secret");
    let named_motion = post(
        &server,
        &env,
        "chair",
        "/api/v1/meetings/m1/polls",
        json!({"id": "roll", "title": "A roll-call motion", "kind": "motion", "secret": false}),
    );
    assert_eq!(
        named_motion.status, 201,
        "motions are the meeting's choice: {}",
        named_motion.body
    );
    assert_eq!(named_motion.json()["secret"], false);
}

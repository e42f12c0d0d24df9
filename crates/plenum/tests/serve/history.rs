//! The history pages and their JSON twins: an election stage by stage (a bundled
//! example's, recorded with its result only, and a live poll's, recounted from its
//! published urn), the diff between two ledger points, and the lineage graph.

use serde_json::{Value, json};

use crate::live::{add_voters, convene_m1, get, post, vote};
use crate::{Env, Server};

/// The association example (`plenum demo --example association`) as `plenum.db`.
fn association() -> Env {
    let env = Env::new();
    env.run(&["demo", "--example", "association", "--db", "plenum.db"]);
    env
}

/// Names as the pages and SVG write them (askama and layout-rs escape differently).
fn in_html(name: &str) -> String {
    name.replace('&', "&amp;").replace('\'', "&#39;")
}

fn in_svg(name: &str) -> String {
    name.replace('&', "&amp;")
        .replace('\'', "&apos;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_bundled_example_election_shows_its_elected_and_says_it_has_only_the_result() {
    let env = association();
    let server = env.serve();
    let api = server.get("/api/v1/election/2022-03-05-board-elected");
    assert_eq!(api.status, 200, "{}", api.body);
    let report = api.json();
    let elected: Vec<&str> = report["elected"]
        .as_array()
        .expect("elected")
        .iter()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert_eq!(
        elected,
        [
            "hugo-sandoval",
            "alice-moreau",
            "chiara-lindqvist",
            "dmitri-haddad",
            "elena-kovac",
            "ines-petrov",
            "keiko-adeyemi"
        ]
    );
    assert_eq!(report["method"], "meek");
    assert_eq!(report["seats"], 7);
    assert!(report["recount"].is_null(), "{report}");
    assert!(
        report["sources"][0]["quote"]
            .as_str()
            .is_some_and(|q| q.contains("ten ballots cast")),
        "{report}"
    );

    let page = server.get("/election/2022-03-05-board-elected");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!page.body.contains("<script"));
    for person in report["elected"].as_array().expect("elected") {
        let name = person["name"].as_str().expect("a name");
        assert!(
            page.body.contains(&in_html(name)),
            "the page does not name {name}"
        );
    }
    assert!(page.body.contains("holds only the result"), "{}", page.body);
    assert!(page.body.contains("Nine candidates for the seven seats"));
    assert!(!page.body.contains("stages.svg"), "no chart without stages");
    // Its chart does not exist, and says why.
    assert_eq!(
        server
            .get("/election/2022-03-05-board-elected/stages.svg")
            .status,
        404
    );

    // The log links its elections to their pages.
    let log = server.get("/log?kind=election_held");
    assert!(
        log.body
            .contains(r#"href="/election/2022-03-05-board-elected""#),
        "{}",
        log.body
    );
    // As of an entry before it, the election is not yet recorded.
    let early = server.get("/api/v1/election/2022-03-05-board-elected?as_of=2");
    assert_eq!(early.status, 404, "{}", early.body);
}

/// Delegates of the live election, with weights chosen so that the count has two
/// stages and no ties: 8 votes, 2 seats, a Droop quota of 3.
const DELEGATES: [(&str, u64); 4] = [("kim", 3), ("pak", 2), ("choe", 2), ("yun", 1)];

/// Runs an election poll of the Political Bureau end to end; the closing's answer.
fn live_election(server: &Server, env: &Env) -> Value {
    let delegates: Vec<Value> = DELEGATES
        .iter()
        .map(|(p, w)| json!({"person": p, "weight": w}))
        .collect();
    let convened = convene_m1(server, env, delegates.into(), json!({"name": "Plenum"}));
    assert_eq!(convened.status, 201, "{}", convened.body);
    let codes = post(server, env, "chair", "/api/v1/meetings/m1/codes", json!({}));
    assert_eq!(codes.status, 201, "{}", codes.body);
    let codes = codes.json();
    for (person, _) in DELEGATES {
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
    let poll = post(
        server,
        env,
        "chair",
        "/api/v1/meetings/m1/polls",
        json!({"id": "pb", "title": "Political Bureau", "kind": "election",
               "target": "party/politburo", "method": "scottish", "seats": 2,
               "candidates": ["kim", "pak", "choe", "yun"]}),
    );
    assert_eq!(poll.status, 201, "{}", poll.body);
    let opened = post(server, env, "chair", "/api/v1/polls/pb/open", json!({}));
    assert_eq!(opened.status, 200, "{}", opened.body);
    // Stage 1: Kim 3 (the quota), Pak 2, Choe 2, Yun 1; stage 2: Yun is excluded and
    // his vote goes to Choe, who reaches the quota.
    for (who, ranking) in [
        ("kim", json!(["kim", "pak"])),
        ("pak", json!(["pak"])),
        ("choe", json!(["choe", "pak"])),
        ("yun", json!(["yun", "choe"])),
    ] {
        let receipt = vote(
            server,
            env,
            who,
            "pb",
            json!({"ballot": {"ranking": ranking}}),
        );
        assert_eq!(receipt.status, 201, "{who}: {}", receipt.body);
    }
    let closed = post(server, env, "chair", "/api/v1/polls/pb/close", json!({}));
    assert_eq!(closed.status, 200, "{}", closed.body);
    closed.json()
}

#[test]
fn a_live_election_is_recounted_stage_by_stage_from_its_published_urn() {
    let mut env = Env::ledger();
    let persons: Vec<&str> = DELEGATES.iter().map(|(p, _)| *p).collect();
    add_voters(&mut env, &persons);
    let server = env.serve();
    let closed = live_election(&server, &env);
    let log = server.get("/api/v1/log?kind=election_held").json();
    let recorded = log
        .as_array()
        .and_then(|entries| entries.last())
        .expect("the election is recorded")
        .clone();
    assert_eq!(recorded["event"]["urn"], closed["urn_digest"], "{recorded}");
    // A secret poll records how it was cast, for the rules (`voting.secret`).
    assert_eq!(recorded["event"]["ballot"], "secret", "{recorded}");
    let id = recorded["event"]["id"].as_str().expect("an id").to_owned();

    let report = server.get(&format!("/api/v1/election/{id}"));
    assert_eq!(report.status, 200, "{}", report.body);
    let report = report.json();
    let recount = &report["recount"];
    assert_eq!(recount["poll"], "pb", "{report}");
    assert_eq!(recount["method"], "scottish");
    assert_eq!(recount["agrees"], true, "{report}");
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|p| p["id"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(ids(&recount["elected"]), ids(&report["elected"]));
    assert_eq!(
        ids(&report["elected"]),
        recorded["event"]["elected"]
            .as_array()
            .expect("elected")
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect::<Vec<_>>()
    );
    assert_eq!(ids(&report["elected"]), ["kim", "choe"]);
    let stages = recount["stages"].as_array().expect("stages");
    assert_eq!(stages.len(), 2, "{recount}");
    // The stages' elected, in order, are the recorded elected.
    let by_stage: Vec<&str> = stages
        .iter()
        .flat_map(|s| s["elected"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(by_stage, ["kim", "choe"]);
    assert_eq!(stages[1]["excluded"], json!(["yun"]));
    assert_eq!(
        stages[0]["quota"].as_str().map(|q| q.starts_with('3')),
        Some(true)
    );
    assert_eq!(report["ballots"], 4);
    assert_eq!(report["present"], 4);

    let page = server.get(&format!("/election/{id}"));
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("stage by stage"), "{}", page.body);
    assert!(page.body.contains("the recount elects the same persons"));
    assert!(
        page.body
            .contains(&format!(r#"<img src="/election/{id}/stages.svg""#))
    );
    assert!(page.body.contains("Kim Il") && page.body.contains("Choe Chang"));
    assert!(page.body.contains(r#"href="/polls/pb/urn""#));
    let chart = server.get(&format!("/election/{id}/stages.svg"));
    assert_eq!(chart.status, 200, "{}", chart.body);
    assert_eq!(chart.header("content-type"), Some("image/svg+xml"));
    assert!(chart.body.contains("<svg"), "{}", chart.body);
    for name in ["Kim Il", "Pak Hon", "Choe Chang", "Yun Kong", "quota"] {
        assert!(chart.body.contains(name), "the chart lacks {name}");
    }
    // The closed poll on the meeting page links to it.
    let meeting = get(&server, &env, "chair", "/meetings/m1");
    assert!(
        meeting.body.contains(&format!(r#"href="/election/{id}""#)),
        "{}",
        meeting.body
    );
}

#[test]
fn the_diff_lists_the_entries_between_two_points_and_what_they_changed() {
    let env = Env::ledger();
    let server = env.serve();
    // Entries 17 to 22 are the purge (tests/cli/data/purge.toml).
    let api = server.get("/api/v1/diff?from=16&to=22");
    assert_eq!(api.status, 200, "{}", api.body);
    let diff = api.json();
    let ids: Vec<&str> = diff["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["event"]["id"].as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "plenum-convened",
            "plenum-held",
            "motion",
            "choe-out",
            "pak-expelled",
            "pak-died"
        ]
    );
    let appeared: Vec<&str> = diff["appeared"]
        .as_array()
        .expect("appeared")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(
        diff["appeared"]
            .as_array()
            .expect("appeared")
            .iter()
            .any(|f| f["events"]
                .as_array()
                .is_some_and(|e| e.contains(&json!("pak-expelled")))),
        "the expulsion's finding appeared: {appeared:?} {diff}"
    );
    // The Central Committee, on the day of the removal: Choe's seat is gone or changed.
    let cc = diff["holdings"]
        .as_array()
        .expect("holdings")
        .iter()
        .find(|h| h["target"]["id"] == "party/cc")
        .expect("the Central Committee is compared");
    let touched: Vec<&str> = ["removed", "changed"]
        .iter()
        .flat_map(|k| cc[*k].as_array().into_iter().flatten())
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert!(touched.contains(&"choe"), "{cc}");
    assert!(cc["added"].as_array().is_some_and(Vec::is_empty), "{cc}");

    // Nothing changed between a point and itself.
    let same = server.get("/api/v1/diff?from=22&to=22").json();
    assert_eq!(same["entries"], json!([]));
    assert_eq!(same["appeared"], json!([]));
    assert_eq!(same["disappeared"], json!([]));
    // `to` defaults to the head.
    let to_head = server.get("/api/v1/diff?from=16").json();
    assert_eq!(to_head["to"], 22);
    assert_eq!(to_head["entries"], diff["entries"]);

    let page = server.get("/diff?from=16&to=22");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(!page.body.contains("<script"));
    for id in &ids {
        assert!(page.body.contains(id), "the page lacks {id}");
    }
    assert!(page.body.contains("Findings that appeared"));
    assert!(page.body.contains("Choe Chang"), "{}", page.body);
    assert!(
        page.body.contains(r#"action="/diff""#),
        "the form to pick points"
    );
    // The log page has the form too.
    let log = server.get("/log");
    assert!(log.body.contains(r#"action="/diff""#));
    assert!(log.body.contains(r#"name="from""#) && log.body.contains(r#"name="to""#));
}

#[test]
fn bad_history_parameters_get_clear_errors() {
    let env = Env::ledger();
    let server = env.serve();
    let cases: &[(&str, u16, &str)] = &[
        ("/diff", 400, "from is missing"),
        ("/diff?from=abc", 400, "from is `abc`"),
        ("/diff?from=0", 400, "from is `0`"),
        ("/diff?from=5&to=999", 400, "to is `999`, beyond the ledger"),
        ("/diff?from=999", 400, "from is `999`, beyond the ledger"),
        ("/diff?from=10&to=5", 400, "from is `10`, after to"),
        ("/diff?from=1&date=1950-13", 400, "date is `1950-13`"),
        ("/election/nope", 404, "no election is recorded as `nope`"),
        (
            "/election/founded",
            404,
            "is an event of kind organization_founded, not an election",
        ),
        ("/election/cc-elected?as_of=x", 400, "as_of is `x`"),
        ("/lineage/nowhere/graph.svg", 404, "nowhere"),
    ];
    for (path, status, says) in cases {
        for path in [path.to_string(), format!("/api/v1{path}")] {
            if path.starts_with("/api/v1/lineage") {
                continue;
            }
            let answer = server.get(&path);
            assert_eq!(answer.status, *status, "{path}: {}", answer.body);
            let text = answer.body.replace("&#96;", "`");
            assert!(
                text.contains(says),
                "{path} does not say {says}: {}",
                answer.body
            );
        }
    }
}

#[test]
fn the_lineage_page_shows_a_graph_naming_the_predecessors() {
    let env = Env::new();
    env.run(&["demo", "--db", "plenum.db"]);
    let server = env.serve();
    let lineage = server.get("/api/v1/lineage/wpk");
    assert_eq!(lineage.status, 200, "{}", lineage.body);
    let lineage = lineage.json();
    let predecessors: Vec<String> = lineage["predecessors"]
        .as_array()
        .expect("predecessors")
        .iter()
        .filter_map(|l| l["from"]["name"].as_str().map(str::to_owned))
        .collect();
    assert!(predecessors.len() >= 2, "{lineage}");

    let svg = server.get("/lineage/wpk/graph.svg");
    assert_eq!(svg.status, 200, "{}", svg.body);
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    let body = svg.body.trim();
    assert!(body.contains("<svg") && body.ends_with("</svg>"), "{body}");
    assert_eq!(
        body.matches("<text").count() - body.matches("<textPath").count(),
        body.matches("</text>").count(),
        "every text is closed"
    );
    assert!(!body.contains("<script"));
    for name in &predecessors {
        assert!(body.contains(&in_svg(name)), "the graph lacks {name}");
    }
    for org in lineage["organizations"].as_array().expect("organizations") {
        for name in org["names"].as_array().expect("names") {
            let name = name["name"].as_str().expect("a name");
            assert!(body.contains(&in_svg(name)), "the graph lacks {name}");
        }
    }
    assert!(body.contains("merged into"), "the links are labelled");

    let page = server.get("/lineage/wpk");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(r#"<img src="/lineage/wpk/graph.svg""#),
        "{}",
        page.body
    );
    assert!(page.body.contains("A graph of the lineage of the"));
    assert!(page.body.contains("<h2>Links</h2>"), "the table stays");
}

#[test]
fn the_lineage_pages_show_formal_links_directions_outside_acts_and_kinds_of_body() {
    let env = Env::new();
    env.run(&["demo", "--db", "plenum.db"]);
    let server = env.serve();
    // "Though technically under the control of the Seoul based CPK, the North Korean
    // Bureau was in fact under the control of the Soviet occupation forces"
    let bureau = server.get("/lineage/cpnk");
    assert_eq!(bureau.status, 200, "{}", bureau.body);
    let body = &bureau.body;
    for says in [
        "<h2>Links</h2>",
        "formally part of",
        "<h2>Directed in fact</h2>",
        r#"<a href="/lineage/soviet-civil-authority">Soviet Civilian Authority</a>"#,
        "1946-01/1946-08",
        "<h2>Kinds of body</h2>",
        "<td>bureau</td>",
        "<td>party</td>",
        "<h2>Outside actors</h2>",
    ] {
        assert!(body.contains(says), "the page does not say {says}: {body}");
    }
    let graph = server.get("/lineage/cpnk/graph.svg");
    assert_eq!(graph.status, 200, "{}", graph.body);
    for says in [
        "directed by 1945-10-13",
        "formally part of",
        "(a bureau)",
        "(a party)",
    ] {
        assert!(graph.body.contains(says), "the graph lacks {says}");
    }
    // The replaced body: "the provisional government which replaced the Soviet Civil Authority"
    let authority = server.get("/lineage/soviet-civil-authority");
    assert!(
        authority.body.contains("<td>replaced by</td>"),
        "{}",
        authority.body
    );
    assert!(authority.body.contains("(replaced)"), "{}", authority.body);
    let graph = server.get("/lineage/soviet-civil-authority/graph.svg");
    assert!(graph.body.contains("replaced by"), "{}", graph.body);
    // The joint Soviet-Chinese delegation of September 1956 on the party.
    let wpk = server.get("/lineage/wpk");
    let row = wpk
        .body
        .lines()
        .find(|l| l.contains("<td>delegation</td>"))
        .unwrap_or_default();
    assert!(row.contains("1956-09/1956-09-23"), "{}", wpk.body);
    assert!(row.contains(">Soviet Union</a>, <a"), "{row}");
    assert!(row.contains(">China</a>"), "{row}");
    let graph = server.get("/lineage/wpk/graph.svg");
    assert!(
        graph.body.contains("delegation 1956-09/1956-09-23"),
        "{}",
        graph.body
    );
    assert!(graph.body.contains(&in_svg("China")), "the actor is a node");
    // The history (log) page tells the direction in words.
    let log = server.get("/log?kind=organization_directed");
    assert_eq!(log.status, 200, "{}", log.body);
    assert!(
        log.body
            .contains("Communist Party of North Korea directed by Soviet Civilian Authority until 1946-01/1946-08"),
        "{}",
        log.body
    );
}

#[test]
fn the_post_and_person_pages_say_who_held_in_name_only() {
    // "The first chairman of the party was Kim Tu-bong ... with Kim Tu-bong essentially
    // being a figurehead."
    let env = Env::new();
    env.run(&["demo", "--db", "plenum.db"]);
    let server = env.serve();
    let post = server.get("/post/nwpk/chairman?date=1947");
    assert_eq!(post.status, 200, "{}", post.body);
    let row = post
        .body
        .lines()
        .find(|l| l.contains(">Kim Tu-bong</a>"))
        .unwrap_or_default();
    assert!(row.contains("<td>holder (nominal)</td>"), "{}", post.body);
    let person = server.get("/person/kim-tu-bong");
    assert_eq!(person.status, 200, "{}", person.body);
    assert!(
        person.body.contains("Chairman (nominal)</a>"),
        "{}",
        person.body
    );
}

fn elected_ids(report: &Value) -> Vec<&str> {
    report["elected"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p["id"].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn a_corrected_election_reads_as_corrected_and_as_it_stood_before() {
    let env = Env::ledger();
    let server = env.serve();
    let first = server.get("/api/v1/election/cc-elected").json();
    assert_eq!(
        elected_ids(&first),
        ["kim", "pak", "choe", "yun"],
        "{first}"
    );
    let correction = json!([{
        "id": "fix-cc", "date": "1946-09", "kind": "event_superseded",
        "target": "cc-elected", "reason": "Yun was not elected",
        "replacement": {"date": "1946-08-30", "kind": "election_held",
                        "meeting": "first-congress", "organ": "party/cc",
                        "elected": ["kim", "pak", "choe"]}
    }]);
    let recorded = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        &correction.to_string(),
    );
    assert_eq!(recorded.status, 201, "{}", recorded.body);
    let now = server.get("/api/v1/election/cc-elected").json();
    assert_eq!(elected_ids(&now), ["kim", "pak", "choe"], "{now}");
    assert_eq!(now["entry"], 23);
    let then = server.get("/api/v1/election/cc-elected?as_of=22").json();
    assert_eq!(elected_ids(&then), ["kim", "pak", "choe", "yun"], "{then}");
    assert_eq!(then["entry"], first["entry"]);

    // The diff over the correction: its entry, and Yun's seat on the Central Committee
    // on the day of the election gone.
    let diff = server.get("/api/v1/diff?from=22").json();
    assert_eq!(diff["entries"][0]["event"]["id"], "fix-cc", "{diff}");
    let cc = diff["holdings"]
        .as_array()
        .and_then(|h| h.iter().find(|h| h["target"]["id"] == "party/cc"))
        .expect("the Central Committee is compared");
    assert_eq!(cc["date"], "1946-08-30");
    let removed: Vec<&str> = cc["removed"]
        .as_array()
        .expect("removed")
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert_eq!(removed, ["yun"], "{cc}");
    assert_eq!(
        (cc["before"].as_u64(), cc["after"].as_u64()),
        (Some(4), Some(3))
    );

    let retraction = json!([{
        "id": "drop-cc", "date": "1946-09", "kind": "event_retracted",
        "target": "cc-elected", "reason": "No such election"
    }]);
    let recorded = server.post_as(
        &env,
        "secretary",
        "/api/v1/events",
        "application/json",
        &retraction.to_string(),
    );
    assert_eq!(recorded.status, 201, "{}", recorded.body);
    assert_eq!(server.get("/api/v1/election/cc-elected").status, 404);
    assert_eq!(server.get("/election/cc-elected?as_of=23").status, 200);
}

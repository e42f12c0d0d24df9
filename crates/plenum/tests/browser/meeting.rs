//! A live meeting in Chromium: the chair convenes a meeting and opens a secret STV poll;
//! three delegates, each in their own browser, check in with their one-time codes and
//! vote, one of them also by proxy; the chair's quorum line moves without a reload; the
//! poll closes; each voter finds their tracker in the published urn; the downloaded urn
//! recounts to the recorded result. axe-core checks every page.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use fantoccini::{Client, Locator};
use serde_json::Value;

use super::{PASSWORD, axe, browser, plenum, shot, wait_text};

/// Delegates: account name, person in the bundled association example (its Board has
/// a quorum of more than half).
const DELEGATES: [(&str, &str); 4] = [
    ("alice", "alice-moreau"),
    ("bernard", "bernard-okafor"),
    ("chiara", "chiara-lindqvist"),
    ("dmitri", "dmitri-haddad"),
];

fn add_user(dir: &std::path::Path, name: &str, role: &str, person: Option<&str>) {
    let mut args = vec!["user", "add", name, "--role", role, "--db", "assoc.db"];
    if let Some(p) = person {
        args.extend(["--person", p]);
    }
    let mut add = plenum(dir)
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("plenum user add");
    if let Some(mut stdin) = add.stdin.take() {
        writeln!(stdin, "{PASSWORD}").expect("password");
    }
    assert!(add.wait().expect("wait").success(), "user add {name}");
}

/// A child process killed when dropped.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn sign_in(client: &Client, base: &str, name: &str) {
    client
        .goto(&format!("{base}/login"))
        .await
        .expect("login page");
    let form = client
        .form(Locator::Css("form.form"))
        .await
        .expect("the form");
    form.set_by_name("name", name).await.expect("name");
    form.set_by_name("password", PASSWORD)
        .await
        .expect("password");
    form.submit().await.expect("sign in");
    wait_text(client, ".who", &format!("Signed in as {name}")).await;
}

async fn fill(client: &Client, css: &str, text: &str) {
    let field = client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .expect("click");
}

async fn select(client: &Client, css: &str, value: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{css} = {value}: {e}"));
}

/// Casts a ranking through the ballot form `nth` (1: one's own; 2: the proxy's).
async fn vote(client: &Client, nth: usize, ranking: &[&str]) -> String {
    let form = format!("#poll-pb form.ballot:nth-of-type({nth})");
    for (i, person) in ranking.iter().enumerate() {
        select(
            client,
            &format!("{form} select[name=rank{}]", i + 1),
            person,
        )
        .await;
    }
    click(client, &format!("{form} button[type=submit]")).await;
    wait_text(client, "#tracker", "-").await
}

/// The quorum line's state (`met` or `not met`), once the live update settled.
async fn quorum_state(client: &Client) -> String {
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    super::text_of(client, "#quorum-state").await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_congress_votes_from_its_phones_in_chromium() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = plenum(dir.path())
        .args([
            "demo",
            "--example",
            "association",
            "--db",
            "assoc.db",
            "--json",
        ])
        .output()
        .expect("plenum demo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    add_user(dir.path(), "chair", "chair", None);
    for (name, person) in DELEGATES {
        add_user(dir.path(), name, "member", Some(person));
    }
    let token = plenum(dir.path())
        .args(["user", "token", "chair", "--db", "assoc.db"])
        .output()
        .expect("token");
    let token = String::from_utf8(token.stdout)
        .expect("utf-8")
        .trim()
        .to_owned();
    let child = plenum(dir.path())
        .args(["serve", "--db", "assoc.db", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("plenum serve");
    // Killed when the test ends, passed or failed.
    let mut child = Killed(child);
    let mut line = String::new();
    BufReader::new(child.0.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("address");
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .expect("an address")
        .to_owned();
    let mut violations = Vec::new();

    // The chair convenes the meeting and makes a secret STV poll, then opens it.
    let chair = browser().await;
    sign_in(&chair, &base, "chair").await;
    chair
        .goto(&format!("{base}/meetings"))
        .await
        .expect("meetings");
    violations.extend(
        axe(&chair)
            .await
            .into_iter()
            .map(|v| format!("/meetings: {v}")),
    );
    fill(&chair, "#m-id", "plenum-2026").await;
    fill(&chair, "#m-organ", "nfaa/board").await;
    fill(&chair, "#m-name", "Plenary meeting").await;
    fill(&chair, "#m-date", "2026-12-20").await;
    let delegates: Vec<String> = DELEGATES.iter().map(|(_, p)| format!("{p} 1")).collect();
    fill(&chair, "#m-delegates", &delegates.join("\n")).await;
    fill(&chair, "#m-proxies", "1").await;
    click(&chair, "form.convene button[type=submit]").await;
    wait_text(&chair, "h1", "Plenary meeting").await;
    let new_poll = "form.new-poll";
    fill(&chair, &format!("{new_poll} input[name=id]"), "pb").await;
    fill(
        &chair,
        &format!("{new_poll} input[name=title]"),
        "Board officers",
    )
    .await;
    fill(
        &chair,
        &format!("{new_poll} input[name=target]"),
        "nfaa/board",
    )
    .await;
    fill(&chair, &format!("{new_poll} input[name=seats]"), "2").await;
    fill(
        &chair,
        &format!("{new_poll} input[name=candidates]"),
        "alice-moreau, bernard-okafor, chiara-lindqvist",
    )
    .await;
    click(&chair, &format!("{new_poll} button[type=submit]")).await;
    wait_text(&chair, ".notice", "ready to open").await;
    click(&chair, "#poll-pb form[action='/polls/pb/open'] button").await;
    wait_text(&chair, ".notice", "is open").await;
    wait_text(&chair, "#quorum", "0 of 4 delegates present").await;
    assert_eq!(quorum_state(&chair).await, "not met");
    shot(&chair, "meeting-01-chair-opened").await;
    violations.extend(
        axe(&chair)
            .await
            .into_iter()
            .map(|v| format!("/meetings/ID: {v}")),
    );

    // One-time codes, handed out by the chair (over the API, as a script would).
    let codes: Value = ureq::post(format!("{base}/api/v1/meetings/plenum-2026/codes"))
        .header("authorization", format!("Bearer {token}"))
        .header("content-type", "application/json")
        .send("{}")
        .expect("codes")
        .body_mut()
        .read_to_string()
        .map(|t| serde_json::from_str(&t).expect("codes JSON"))
        .expect("codes");

    // Dmitri cannot come: he gives his proxy to Alice.
    let tu = browser().await;
    sign_in(&tu, &base, "dmitri").await;
    tu.goto(&format!("{base}/meetings/plenum-2026"))
        .await
        .expect("meeting");
    select(&tu, "#holder", "alice-moreau").await;
    click(&tu, "form[action$='/proxy'] button").await;
    wait_text(&tu, ".notice", "Your proxy is with alice-moreau").await;

    // Three delegates, each in their own browser, check in and vote.
    let rankings: [(&str, &[&str]); 3] = [
        ("alice", &["alice-moreau", "chiara-lindqvist"]),
        ("bernard", &["bernard-okafor", "alice-moreau"]),
        (
            "chiara",
            &["chiara-lindqvist", "bernard-okafor", "alice-moreau"],
        ),
    ];
    let mut voters = Vec::new();
    let mut trackers = Vec::new();
    for (present, (name, ranking)) in rankings.iter().enumerate() {
        let person = DELEGATES
            .iter()
            .find(|(n, _)| n == name)
            .expect("a delegate")
            .1;
        let client = browser().await;
        sign_in(&client, &base, name).await;
        client
            .goto(&format!("{base}/meetings/plenum-2026"))
            .await
            .expect("meeting");
        fill(&client, "#code", codes[person].as_str().expect("a code")).await;
        click(&client, "form[action$='/checkin'] button").await;
        wait_text(&client, ".notice", "You are checked in").await;
        // The chair's page follows without a reload: the quorum (more than half of
        // four) is met with the third.
        wait_text(&chair, "#present", &(present + 1).to_string()).await;
        let expected = if present + 1 >= 3 { "met" } else { "not met" };
        assert_eq!(
            quorum_state(&chair).await,
            expected,
            "{} present",
            present + 1
        );
        trackers.push(vote(&client, 1, ranking).await);
        if *name == "alice" {
            // Alice also votes for Dmitri, by proxy.
            trackers.push(vote(&client, 2, &["bernard-okafor", "chiara-lindqvist"]).await);
        }
        shot(&client, &format!("meeting-02-{name}-voted")).await;
        voters.push(client);
    }
    wait_text(&chair, "#turnout-pb", "4").await;
    shot(&chair, "meeting-03-chair-quorum").await;

    // The chair closes the poll; its result is recorded.
    chair.refresh().await.expect("reload");
    click(&chair, "#poll-pb form[action='/polls/pb/close'] button").await;
    wait_text(&chair, ".notice", "4 ballots from 4 voters").await;
    let result = wait_text(&chair, "#poll-pb .result", "Elected").await;
    shot(&chair, "meeting-04-closed").await;

    // Each voter finds their tracker in the published urn.
    let mut ours = trackers.clone();
    for (client, tracker) in voters
        .iter()
        .zip([&trackers[0], &trackers[2], &trackers[3]])
    {
        client
            .goto(&format!("{base}/polls/pb/urn?tracker={tracker}"))
            .await
            .expect("urn page");
        wait_text(client, "#found", "Your ballot is in the urn").await;
    }
    voters[0]
        .goto(&format!("{base}/polls/pb/urn?tracker={}", trackers[1]))
        .await
        .expect("urn page");
    wait_text(&voters[0], "#found", "Your ballot is in the urn").await;
    shot(&voters[0], "meeting-05-urn").await;
    violations.extend(
        axe(&voters[0])
            .await
            .into_iter()
            .map(|v| format!("/polls/ID/urn: {v}")),
    );

    // The downloaded urn recounts to the recorded result.
    let blt = ureq::get(format!("{base}/api/v1/polls/pb/urn.blt"))
        .call()
        .expect("the urn")
        .body_mut()
        .read_to_string()
        .expect("text");
    ours.sort();
    for t in &ours {
        assert!(blt.contains(&format!("({t})")), "{t} in the download");
    }
    std::fs::write(dir.path().join("pb.blt"), &blt).expect("save the urn");
    let recount = plenum(dir.path())
        .args([
            "count", "pb.blt", "--method", "meek", "--seats", "2", "--json",
        ])
        .output()
        .expect("plenum count");
    assert!(
        recount.status.success(),
        "{}",
        String::from_utf8_lossy(&recount.stderr)
    );
    let recount: Value = serde_json::from_slice(&recount.stdout).expect("count --json");
    let poll: Value = ureq::get(format!("{base}/api/v1/polls/pb"))
        .header("authorization", format!("Bearer {token}"))
        .call()
        .expect("the poll")
        .body_mut()
        .read_to_string()
        .map(|t| serde_json::from_str(&t).expect("poll JSON"))
        .expect("the poll");
    assert_eq!(recount["elected"], poll["result"]["elected"], "{result}");

    for client in voters.into_iter().chain([chair, tu]) {
        client.close().await.expect("close the browser");
    }
    drop(child);
    assert!(violations.is_empty(), "accessibility: {violations:#?}");
}

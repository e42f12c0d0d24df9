//! Browser tests: real Chromium over WebDriver (fantoccini), against the real
//! `plenum serve` on the bundled example made writable, with accounts. They sign in,
//! open the Politburo in 1956 and move the date slider, record a batch through the form
//! with a mistake that the form reports by field and then correct it, see the new
//! finding, follow a person's timeline, and run axe-core on every page (no serious or
//! critical violations). Screenshots go to `target/browser-artifacts/`.
//!
//! They need `WEBDRIVER_URL` (a chromedriver) and `AXE_CORE_JS` (axe-core's
//! `axe.min.js`); `.ci/chromium` installs and starts both. Without them they fail,
//! never skip.

mod meeting;

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const NOW: &str = "2026-11-27T12:00:00Z";
const PASSWORD: &str = "correct horse battery staple";

/// A writable copy of the bundled example, a secretary account, and `plenum serve`.
struct Served {
    _dir: tempfile::TempDir,
    child: Child,
    base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn plenum(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_plenum"));
    cmd.current_dir(dir)
        .env("PLENUM_NOW", NOW)
        .env_remove("PLENUM_DB");
    cmd
}

fn serve_example() -> Served {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = plenum(dir.path())
        .args(["demo", "--db", "wpk.db", "--json"])
        .output()
        .expect("plenum demo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut add = plenum(dir.path())
        .args([
            "user",
            "add",
            "secretary",
            "--role",
            "secretary",
            "--db",
            "wpk.db",
        ])
        .stdin(Stdio::piped())
        .spawn()
        .expect("plenum user add");
    if let Some(mut stdin) = add.stdin.take() {
        writeln!(stdin, "{PASSWORD}").expect("password");
    }
    assert!(add.wait().expect("wait").success());
    let mut child = plenum(dir.path())
        .args(["serve", "--db", "wpk.db", "--listen", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("plenum serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("address");
    let base = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("plenum serve did not start: {line:?}"))
        .to_owned();
    Served {
        _dir: dir,
        child,
        base,
    }
}

async fn browser() -> Client {
    let url = std::env::var("WEBDRIVER_URL").unwrap_or_else(|_| {
        panic!(
            "the browser tests need a chromedriver: run `. .ci/chromium`, which sets WEBDRIVER_URL"
        )
    });
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--window-size=1280,900"],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&url)
        .await
        .unwrap_or_else(|e| panic!("cannot start Chromium through {url}: {e}"))
}

fn artifacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-artifacts");
    std::fs::create_dir_all(&dir).expect("artifacts folder");
    dir
}

async fn shot(client: &Client, name: &str) {
    let png = client.screenshot().await.expect("screenshot");
    std::fs::write(artifacts().join(format!("{name}.png")), png).expect("save screenshot");
}

/// axe-core's serious and critical violations on the page shown, as `id: help (n)`.
async fn axe(client: &Client) -> Vec<String> {
    let path = std::env::var("AXE_CORE_JS").unwrap_or_else(|_| {
        panic!(
            "the accessibility checks need axe-core: run `. .ci/chromium`, which sets AXE_CORE_JS"
        )
    });
    let source = std::fs::read_to_string(&path).expect("axe.min.js");
    client
        .execute(&source, vec![])
        .await
        .expect("load axe-core");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document).then(r => done(r.violations\
               .filter(v => v.impact === 'serious' || v.impact === 'critical')\
               .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))\
               .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    result
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

async fn text_of(client: &Client, css: &str) -> String {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .text()
        .await
        .expect("text")
}

/// Waits (up to ten seconds) for the element at `css` to show `wanted`, across the
/// navigation a click or a submit started; its text.
async fn wait_text(client: &Client, css: &str, wanted: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut last = String::new();
    while std::time::Instant::now() < deadline {
        if let Ok(element) = client.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
        {
            if text.contains(wanted) {
                return text;
            }
            last = text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{css} never showed {wanted:?}; last: {last:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secretary_reads_records_and_follows_a_timeline_in_chromium() {
    let served = serve_example();
    let base = served.base.clone();
    let client = browser().await;
    let mut violations = Vec::new();

    // Sign in.
    client
        .goto(&format!("{base}/login"))
        .await
        .expect("login page");
    violations.extend(
        axe(&client)
            .await
            .into_iter()
            .map(|v| format!("/login: {v}")),
    );
    let form = client
        .form(Locator::Css("form.form"))
        .await
        .expect("the form");
    form.set_by_name("name", "secretary").await.expect("name");
    form.set_by_name("password", PASSWORD)
        .await
        .expect("password");
    form.submit().await.expect("sign in");
    wait_text(&client, ".who", "Signed in as secretary").await;
    let diagram = client
        .execute(
            "const img = document.querySelector('figure img');\
             return img !== null && img.complete && img.naturalWidth > 0;",
            vec![],
        )
        .await
        .expect("look at the page");
    assert_eq!(diagram, json!(true), "the statute's diagram loads");
    shot(&client, "01-organization").await;
    violations.extend(axe(&client).await.into_iter().map(|v| format!("/: {v}")));

    // The Politburo in 1956, then one year earlier with the slider.
    client
        .goto(&format!("{base}/organ/wpk/politburo?date=1956"))
        .await
        .expect("organ page");
    assert_eq!(text_of(&client, "h1").await, "Politburo on 1956");
    // The stylesheet and the chart load (the Content-Security-Policy lets them).
    let loaded = client
        .execute(
            "const img = document.querySelector('figure img');\
             return [document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0,\
                     img !== null && img.complete && img.naturalWidth > 0];",
            vec![],
        )
        .await
        .expect("look at the page");
    assert_eq!(loaded, json!([true, true]), "stylesheet, chart");
    shot(&client, "02-politburo-1956").await;
    violations.extend(
        axe(&client)
            .await
            .into_iter()
            .map(|v| format!("/organ: {v}")),
    );
    let slider = client
        .find(Locator::Id("date-slider"))
        .await
        .expect("slider");
    slider
        .send_keys(&char::from(Key::Left).to_string())
        .await
        .expect("move the slider");
    assert_eq!(
        slider.prop("value").await.expect("value").as_deref(),
        Some("1955")
    );
    client
        .find(Locator::Css("form.slider button"))
        .await
        .expect("show")
        .click()
        .await
        .expect("submit the slider");
    assert_eq!(wait_text(&client, "h1", "1955").await, "Politburo on 1955");
    assert!(
        client
            .current_url()
            .await
            .expect("url")
            .as_str()
            .contains("date=1955")
    );
    shot(&client, "03-politburo-1955").await;

    // Record a batch with a mistake: the form names the field; then correct it.
    client
        .goto(&format!("{base}/record"))
        .await
        .expect("record form");
    violations.extend(
        axe(&client)
            .await
            .into_iter()
            .map(|v| format!("/record: {v}")),
    );
    let mistaken = "[[event]]\nid = \"ri-expelled\"\ndate = \"1957-03\"\nkind = \"member_expelled\"\norg = \"wpk\"\nperson = \"ri-sung\"\n";
    let events = client.find(Locator::Id("events")).await.expect("textarea");
    events.send_keys(mistaken).await.expect("type the batch");
    client
        .find(Locator::Css("form.form button"))
        .await
        .expect("record")
        .click()
        .await
        .expect("submit");
    let errors = wait_text(&client, "#errors", "field $[0].person").await;
    assert!(errors.contains("ri-sung"), "{errors}");
    shot(&client, "04-record-mistake").await;
    violations.extend(
        axe(&client)
            .await
            .into_iter()
            .map(|v| format!("/record (errors): {v}")),
    );
    let events = client.find(Locator::Id("events")).await.expect("textarea");
    events.clear().await.expect("clear");
    let corrected = format!(
        "[[event]]\nid = \"ri-sung-registered\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"ri-sung\"\nname = \"Ri Sung\"\n\n{mistaken}"
    );
    events
        .send_keys(&corrected)
        .await
        .expect("type the correction");
    client
        .find(Locator::Css("form.form button"))
        .await
        .expect("record")
        .click()
        .await
        .expect("submit");
    let main = wait_text(&client, "main", "Recorded 2 events").await;
    assert!(main.contains("expulsion of Ri Sung"), "{main}");
    shot(&client, "05-recorded").await;

    // The new finding, with its article.
    client
        .goto(&format!("{base}/findings?date=1960"))
        .await
        .expect("findings");
    let main = text_of(&client, "main").await;
    assert!(main.contains("expulsion of Ri Sung"), "{main}");
    shot(&client, "06-findings").await;
    violations.extend(
        axe(&client)
            .await
            .into_iter()
            .map(|v| format!("/findings: {v}")),
    );

    // A person's timeline, followed from the post they held.
    client
        .goto(&format!("{base}/post/wpk/general-secretary?date=1990"))
        .await
        .expect("post");
    let holder = client
        .find(Locator::Css("td a[href^='/person/']"))
        .await
        .expect("a holder");
    let name = holder.text().await.expect("name");
    holder.click().await.expect("follow");
    assert_eq!(wait_text(&client, "h1", &name).await, name);
    let main = text_of(&client, "main").await;
    assert!(main.contains("Record, in date order"), "{main}");
    shot(&client, "07-person").await;
    violations.extend(
        axe(&client)
            .await
            .into_iter()
            .map(|v| format!("/person: {v}")),
    );

    for path in ["/log", "/lineage/wpk", "/diff?from=2&to=40"] {
        client.goto(&format!("{base}{path}")).await.expect("page");
        violations.extend(
            axe(&client)
                .await
                .into_iter()
                .map(|v| format!("{path}: {v}")),
        );
    }
    client.close().await.expect("close the browser");
    assert!(
        violations.is_empty(),
        "axe-core finds serious or critical violations:\n{}",
        violations.join("\n")
    );
}

//! Tests of `plenum serve`: the real binary on a free loopback port, spoken to over HTTP.
//! One test binary; each test starts its own server on its own ledger.

mod api;
mod auth;
mod events;
mod forms;
mod history;
mod kept;
mod lifecycle;
mod live;
mod live_crash;
mod live_rules;
mod live_secrecy;
mod live_weights;
mod openapi;
mod pages;
mod schemathesis;
mod visibility;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use tempfile::TempDir;

/// The password of every test account.
pub const PASSWORD: &str = "correct horse battery staple";

/// The fixed "now" of every test run.
pub const NOW: &str = "2026-11-27T12:00:00Z";

/// A fresh directory, and `plenum` run in it with the fixed clock.
pub struct Env {
    /// The directory, removed when dropped.
    pub dir: TempDir,
    /// An API token of an account of each role, by role.
    pub tokens: BTreeMap<&'static str, String>,
}

impl Env {
    /// An empty directory.
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
            tokens: BTreeMap::new(),
        }
    }

    /// `plenum` in this directory, with the fixed clock and no `PLENUM_DB`.
    pub fn plenum(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_plenum"));
        cmd.current_dir(self.dir.path())
            .env("PLENUM_NOW", NOW)
            .env_remove("PLENUM_DB");
        cmd
    }

    /// Runs plenum, asserting success; its standard output.
    pub fn run(&self, args: &[&str]) -> String {
        let out = self.plenum().args(args).output().expect("run plenum");
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs plenum with `--json`; its answer.
    pub fn json(&self, args: &[&str]) -> Value {
        let text = self.run(&[args, &["--json"]].concat());
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {text}"))
    }

    /// A ledger (`plenum.db`) with the CLI tests' statute, founding and purge, and an
    /// account of each role (`admin`, `secretary`, `chair`, `member`, each named after
    /// its role, password [`PASSWORD`]) with an API token.
    pub fn ledger() -> Env {
        let mut env = Env::new();
        let statute = data("statute.toml");
        env.run(&["init", "--statute", path(&statute)]);
        env.run(&["record", path(&data("founding.toml"))]);
        env.run(&["record", path(&data("purge.toml"))]);
        for role in ["admin", "secretary", "chair", "member"] {
            env.add_account(role, "plenum.db");
        }
        env
    }

    /// An account named after its role, in the ledger at `db`, with a token kept.
    pub fn add_account(&mut self, role: &'static str, db: &str) {
        self.user_add(role, role, db);
        let token = self.run(&["user", "token", role, "--db", db]);
        self.tokens.insert(role, token.trim().to_owned());
    }

    /// `plenum user add NAME --role ROLE` with [`PASSWORD`] on standard input.
    pub fn user_add(&self, name: &str, role: &str, db: &str) {
        let mut child = self
            .plenum()
            .args(["user", "add", name, "--role", role, "--db", db])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("plenum user add");
        if let Some(mut stdin) = child.stdin.take() {
            writeln!(stdin, "{PASSWORD}").expect("write the password");
        }
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "user add {name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `Authorization: Bearer` with the token of `role`'s account.
    pub fn bearer(&self, role: &str) -> (&'static str, String) {
        let token = self.tokens.get(role).expect("a token of that role");
        ("authorization", format!("Bearer {token}"))
    }

    /// `plenum serve --db plenum.db` in this directory.
    pub fn serve(&self) -> Server {
        self.serve_db("plenum.db")
    }

    /// `plenum serve --db DB` in this directory.
    pub fn serve_db(&self, db: &str) -> Server {
        Server::start(self.plenum().args(["serve", "--db", db]))
    }
}

/// A path as a command-line argument.
pub fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// A file of the CLI tests' data.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/data")
        .join(name)
}

impl Default for Env {
    fn default() -> Env {
        Env::new()
    }
}

/// A running `plenum serve`, killed when dropped.
pub struct Server {
    /// The server process.
    pub child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    agent: ureq::Agent,
}

/// An answer: status, headers we look at, body.
#[derive(Debug)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: ureq::http::HeaderMap,
    /// The body, as text.
    pub body: String,
}

impl Answer {
    /// The body, as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A header, as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

impl Server {
    /// Starts `command` (a `plenum serve`) on a free port and waits for its address.
    pub fn start(command: &mut Command) -> Server {
        let mut child = command
            .args(["--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start plenum serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the address");
        let Some(base) = line.trim().strip_prefix("listening on ") else {
            let mut err = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut err);
            }
            let _ = child.kill();
            panic!("plenum serve did not start: {line:?} {err}");
        };
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .build();
        Server {
            base: base.to_owned(),
            child,
            agent: ureq::Agent::new_with_config(config),
        }
    }

    fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
        let mut response = response.expect("an HTTP answer");
        Answer {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.body_mut().read_to_string().expect("a text body"),
        }
    }

    /// `GET path`, with these request headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Answer {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        Server::answer(request.call())
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Answer {
        self.get_with(path, &[])
    }

    /// `POST path` with a body of a content type, anonymously.
    pub fn post(&self, path: &str, content_type: &str, body: &str) -> Answer {
        self.send("POST", path, &[("content-type", content_type)], body)
    }

    /// A request with a body (`POST`, `DELETE`) and headers.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Answer {
        let url = format!("{}{path}", self.base);
        let answer = match method {
            "POST" => {
                let mut request = self.agent.post(url);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.send(body)
            }
            "DELETE" => {
                let mut request = self.agent.delete(url);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                request.call()
            }
            other => panic!("no such method in these tests: {other}"),
        };
        Server::answer(answer)
    }

    /// `POST path` as the account of `role` (its API token).
    pub fn post_as(
        &self,
        env: &Env,
        role: &str,
        path: &str,
        content_type: &str,
        body: &str,
    ) -> Answer {
        let (name, value) = env.bearer(role);
        self.send(
            "POST",
            path,
            &[("content-type", content_type), (name, &value)],
            body,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Percent-encodes a form value.
pub fn form_value(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A form body from pairs.
pub fn form(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", form_value(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The value of the hidden `csrf` field of a page's form.
pub fn hidden_csrf(page: &str) -> Option<String> {
    let at = page.find(r#"name="csrf" value=""#)? + r#"name="csrf" value=""#.len();
    let end = page[at..].find('"')?;
    Some(page[at..at + end].to_owned())
}

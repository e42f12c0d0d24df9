//! `plenum serve`: the ledger over HTTP (the JSON API and `/healthz`), until SIGTERM.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

use plenum_server::{AppState, Config};
use plenum_store::Store;
use plenum_store::accounts::Accounts;
use plenum_store::meetings::Meetings;

use crate::cli::Global;
use crate::{open, out};

/// Arguments of `plenum serve`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n\
  plenum serve --demo                              the bundled example, read-only, on 127.0.0.1:8080\n\
  plenum serve --db union.db --listen 127.0.0.1:9000\n\
  plenum serve --db postgres://ledger:ledger@127.0.0.1/ledger\n\n\
It prints `listening on http://ADDRESS` once it accepts connections (--listen with\n\
port 0 picks a free port), serves until SIGTERM or Ctrl-C, then lets the requests\n\
under way finish. Pages: / (the organization), /organ/ORG/KEY?date=, /post/ORG/KEY,\n\
/person/ID, /lineage/ORG, /election/EVENT, /diff?from=&to=, /findings, /log,\n\
/search?q=, /login, /record; each takes ?as_of=SEQ. Endpoints: GET /healthz; GET /api/v1/at/{target}?date=&org=&as_of=,\n\
/api/v1/person/{name}?as_of=, /api/v1/lineage/{org}?as_of=,\n\
/api/v1/check?date=&rule=&as_of=, /api/v1/log?from=&limit=&kind=&as_of=,\n\
/api/v1/search?q=, /api/v1/verify (the same JSON as each command's --json);\n\
/api/v1/session (sign in and out); POST /api/v1/events (a\n\
batch as `plenum record` reads it: application/toml, application/jsonl, or\n\
application/json with an array of events; a bad batch is answered 422 naming each\n\
error and records nothing; secretaries and admins only). Live meetings:\n\
/api/v1/meetings (convene; attendance, proxies, polls, /live server-sent events) and\n\
/api/v1/polls/{id} (open, ballots, paper, close, urn, urn.blt); pages /meetings/ID.\n\
Every endpoint is described in the OpenAPI 3.1 document, GET /api/openapi.json.\n\
Accounts: plenum user. What the public may read: plenum visibility. Behind a TLS\n\
proxy: --https-only.")]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,

    /// Serve the bundled example (built into a temporary file), read-only.
    #[arg(long)]
    pub demo: bool,

    /// Clients reach the server over HTTPS only, through a TLS-terminating proxy in
    /// front of it: every cookie is marked Secure and every answer carries
    /// Strict-Transport-Security. Without it, a request the proxy forwards with
    /// `X-Forwarded-Proto: https` gets the same.
    #[arg(long)]
    pub https_only: bool,
}

/// Runs `plenum serve`.
pub fn run(args: &ServeArgs, global: &Global) -> anyhow::Result<ExitCode> {
    // The clock is checked (`PLENUM_NOW`) before anything is opened.
    super::now()?;
    let clock: plenum_server::Clock = Arc::new(|| super::now().map_err(|e| format!("{e:#}")));
    // The demo's file lives as long as the server; dropped (removed) when it stops.
    let mut demo_dir = None;
    let (ledger, read_only) = if args.demo {
        if global.db_given {
            anyhow::bail!("--demo serves the bundled example; leave out --db (or PLENUM_DB)");
        }
        let dir = tempfile::tempdir()?;
        let db = dir.path().join("plenum-demo.db");
        let ledger = super::demo::build_example("wpk", &db.to_string_lossy())?;
        demo_dir = Some(dir);
        (ledger, true)
    } else {
        (open::writable(&global.db)?, false)
    };
    type Parts = (Arc<dyn Store>, Arc<dyn Accounts>, Arc<dyn Meetings>);
    let (store, accounts, meetings): Parts = match ledger {
        open::Ledger::Sqlite(s) => {
            let s: Arc<plenum_store::sqlite::SqliteStore> = Arc::from(s);
            (s.clone(), s.clone(), s)
        }
        open::Ledger::Postgres(s) => {
            let s: Arc<plenum_store::postgres::PgStore> = Arc::from(s);
            (s.clone(), s.clone(), s)
        }
    };
    // The demo has no accounts: everyone reads, nobody writes.
    let accounts = if read_only {
        None
    } else {
        accounts.prepare_accounts()?;
        Some(accounts)
    };
    let mut state = AppState::new(
        store,
        accounts,
        Config {
            read_only,
            clock,
            https_only: args.https_only,
        },
    );
    if !read_only {
        meetings.prepare_meetings()?;
        state = state.with_meetings(meetings);
    }
    plenum_server::run(state, args.listen, |addr| {
        // Tests and scripts read the address from this line.
        let _ = out!("listening on http://{addr}");
    })?;
    drop(demo_dir);
    Ok(ExitCode::SUCCESS)
}

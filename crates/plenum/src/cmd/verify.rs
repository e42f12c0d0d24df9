//! `plenum verify`: re-hash the ledger and name the first damaged entry.

use std::process::ExitCode;

use plenum_store::{Error, Store, verify};

use crate::cli::Global;
use crate::{open, out, progress, render};

/// Arguments of `plenum verify`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every entry's hash covers its bytes and the hash before it, so changing any byte of any\n\
entry breaks the chain from there on; verify recomputes it and names the first entry\n\
that does not match, then checks the database file's own integrity. It prints the head\n\
hash: keep it elsewhere to detect a ledger cut short, which no chain can see from inside.\n\
Exit status: 0 intact, 1 damaged, 2 could not run."
)]
pub struct VerifyArgs {}

/// Runs `plenum verify`.
pub fn run(_args: &VerifyArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = match open::store(&global.db) {
        Ok(store) => store,
        Err(e) if is_damage(&e) => return damaged(global, &format!("{e:#}"), None),
        Err(e) => return Err(e),
    };
    let total = store.head().map(|h| h.seq.0).unwrap_or(0);
    let bar = progress::bar(total, "verifying");
    let result = verify(&store, &mut |seq, _| bar.set_position(seq.0));
    bar.finish_and_clear();
    let verified = match result {
        Ok(verified) => verified,
        Err(Error::Corrupt { seq, reason }) => {
            return damaged(
                global,
                &format!("entry {seq} is damaged: {reason}"),
                Some(seq.0),
            );
        }
        Err(Error::Sqlite(e)) if is_corrupt(&e) => {
            return damaged(global, &format!("the database file is damaged: {e}"), None);
        }
        Err(e) => return Err(e.into()),
    };
    let problems = store.integrity_problems()?;
    if !problems.is_empty() {
        return damaged(
            global,
            &format!("the database file is damaged: {}", problems.join("; ")),
            None,
        );
    }
    if global.json {
        render::json(&serde_json::json!({
            "ok": true,
            "entries": verified.entries,
            "bytes": verified.bytes,
            "head": verified.head.seq.0,
            "head_hash": verified.head.hash.to_hex(),
        }))?;
    } else {
        out!(
            "ok: {} entries, {} bytes hashed; head {} {}",
            verified.entries,
            verified.bytes,
            verified.head.seq,
            verified.head.hash
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn is_corrupt(e: &rusqlite_error::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite_error::ErrorCode::DatabaseCorrupt | rusqlite_error::ErrorCode::NotADatabase)
    )
}

fn is_damage(e: &anyhow::Error) -> bool {
    e.chain().any(|c| match c.downcast_ref::<Error>() {
        Some(Error::Sqlite(s)) => is_corrupt(s),
        Some(Error::NotALedger(_)) => false,
        _ => false,
    })
}

fn damaged(global: &Global, message: &str, entry: Option<u64>) -> anyhow::Result<ExitCode> {
    if global.json {
        render::json(
            &serde_json::json!({ "ok": false, "damaged_entry": entry, "error": message }),
        )?;
    } else {
        eprintln!("plenum: {message}");
    }
    Ok(ExitCode::from(1))
}

mod rusqlite_error {
    pub use plenum_store::sqlite::rusqlite::{Error, ErrorCode};
}

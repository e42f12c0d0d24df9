//! `plenum verify`: re-hash the ledger, recompute the projections' digest, and name the
//! first damaged entry or the table changed behind the ledger's back.

use std::process::ExitCode;
use std::sync::Mutex;

use plenum_model::query::reports::VerifyReport;
use plenum_store::verify::Progress;
use plenum_store::{Error, verify, verify_deep};

use crate::cli::Global;
use crate::{open, out, progress, render};

/// Arguments of `plenum verify`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every entry's hash covers its bytes and the hash before it, and the last entry of every\n\
batch also covers a digest of every projection table (the tables queries answer from).\n\
verify recomputes the chain, and each table's digest from its rows alone, and names the\n\
first entry that does not match or the table whose rows were changed, added or deleted\n\
behind the ledger's back; then it checks the database file's own structures (SQLite's\n\
quick check). A file shorter than its header records, or not whole pages, is damage\n\
too: every command looks before it reads, as the quick check can read past a hole.\n\
--deep also records every batch again from the entries, in memory, and names the first\n\
entry or row that differs from that replay (slow: it rebuilds the whole history), and\n\
runs SQLite's full integrity check.\n\
It prints the head hash: keep it elsewhere to detect a ledger cut short, which no chain\n\
can see from inside. The file is opened read-only and never changed.\n\
Exit status: 0 intact, 1 damaged, 2 could not run. Other commands that meet damage\n\
also exit 1, and record appends nothing to a damaged ledger."
)]
pub struct VerifyArgs {
    /// Also rebuild the projections from the entries and compare them row by row.
    #[arg(long)]
    pub deep: bool,
}

/// Runs `plenum verify`.
pub fn run(args: &VerifyArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = match open::read_only(&global.db) {
        Ok(store) => store,
        Err(e) if is_damage(&e) => return damaged(global, &format!("{e:#}"), None, None),
        Err(e) => return Err(e),
    };
    let total = store.head().map(|h| h.seq.0).unwrap_or(0);
    let bar = Mutex::new(progress::bar(total, "verifying"));
    let show = |p: Progress| {
        if let (Progress::Entries(seq, _), Ok(bar)) = (p, bar.lock()) {
            bar.set_position(seq.0);
        }
    };
    let result = if args.deep {
        verify_deep(&*store, &show)
    } else {
        verify(&*store, &show)
    };
    if let Ok(bar) = bar.lock() {
        bar.finish_and_clear();
    }
    let verified = match result {
        Ok(verified) => verified,
        Err(Error::Corrupt { seq, reason }) => {
            return damaged(
                global,
                &format!("entry {seq} is damaged: {reason}"),
                Some(seq.0),
                None,
            );
        }
        Err(Error::Tampered { table, reason }) => {
            return damaged(
                global,
                &format!("the {table} table was changed behind the ledger's back: {reason}"),
                None,
                Some(&table),
            );
        }
        Err(e @ Error::Damaged(_)) => return damaged(global, &e.to_string(), None, None),
        Err(e) => return Err(e.into()),
    };
    if global.json {
        let report = VerifyReport::Intact {
            ok: true,
            deep: args.deep,
            entries: verified.entries,
            bytes: verified.bytes,
            rows: verified.rows,
            head: verified.head.seq.0,
            head_hash: verified.head.hash.to_hex(),
            projections: verified.digest.to_hex(),
        };
        render::json(&serde_json::to_value(&report)?)?;
    } else {
        out!(
            "ok: {} entries ({} bytes) and {} projection rows; head {} {}",
            verified.entries,
            verified.bytes,
            verified.rows,
            verified.head.seq,
            verified.head.hash
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn is_damage(e: &anyhow::Error) -> bool {
    e.chain()
        .any(|c| matches!(c.downcast_ref::<Error>(), Some(Error::Damaged(_))))
}

fn damaged(
    global: &Global,
    message: &str,
    entry: Option<u64>,
    table: Option<&str>,
) -> anyhow::Result<ExitCode> {
    if global.json {
        let report = VerifyReport::Damaged {
            ok: false,
            damaged_entry: entry,
            table: table.map(str::to_owned),
            error: message.to_owned(),
        };
        render::json(&serde_json::to_value(&report)?)?;
    } else {
        eprintln!("plenum: {message}");
    }
    Ok(ExitCode::from(1))
}

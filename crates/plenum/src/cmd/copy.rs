//! `plenum copy`: a ledger moved between stores, SQLite and PostgreSQL, with the same head.

use std::process::ExitCode;

use crate::cli::Global;
use crate::{open, out, progress, render};

/// Arguments of `plenum copy`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every batch of the source is recorded again in a new ledger at --to, at the time it\n\
was first recorded, and must come out with the source's hash: the copy is the same\n\
ledger, entry for entry, and its head hash is the source's. The first batch that would\n\
differ stops the copy, and nothing of the new ledger remains. The source is only read.\n\
Examples:\n  \
plenum copy --from union.db --to postgres://plenum@localhost/union\n  \
plenum copy --from postgres://plenum@localhost/union --to backup.db"
)]
pub struct CopyArgs {
    /// The ledger to copy: a SQLite file or a postgres:// URL.
    #[arg(long, value_name = "DB")]
    pub from: String,
    /// Where the copy goes: a new SQLite file, or a PostgreSQL database holding no ledger.
    #[arg(long, value_name = "DB")]
    pub to: String,
}

/// Runs `plenum copy`.
pub fn run(args: &CopyArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let source = open::read_only(&args.from)?;
    let total = source.head()?.seq.0;
    let demo = source.is_demo()?;
    let bar = progress::bar(total, "copying");
    let copied = open::create(&args.to, demo, |target| {
        plenum_store::copy(&*source, target, &mut |seq| bar.set_position(seq.0))?;
        Ok(())
    })?;
    bar.finish_and_clear();
    let head = copied.head()?;
    if global.json {
        render::json(&serde_json::json!({
            "from": open::shown(&args.from),
            "to": open::shown(&args.to),
            "entries": head.seq.0,
            "head_hash": head.hash.to_hex(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    out!(
        "Copied {} entries from {} to {}; both heads are {}.",
        head.seq.0,
        open::shown(&args.from),
        open::shown(&args.to),
        head.hash.to_hex()
    )?;
    Ok(ExitCode::SUCCESS)
}

//! `plenum export events`: the whole ledger (or its entries from `--since`) as JSON Lines,
//! streamed from the store: one entry a line, with what its chain hash covers, so that
//! `plenum restore` can record it again with the same hashes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use plenum_model::id::Seq;
use plenum_store::{Error, StoredEntry};

use crate::cli::Global;
use crate::{open, out, progress, render};

/// Arguments of `plenum export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// What `plenum export` writes.
#[derive(Debug, clap::Subcommand)]
pub enum ExportWhat {
    /// Every entry of the ledger as JSON Lines: a full (or, with --since, incremental) backup.
    Events(EventsArgs),
    /// The member register on a date, as CSV (`plenum import members` reads it back).
    Members(super::export_members::MembersArgs),
    /// Persons, organizations, posts, memberships and events as Popolo JSON (with sources).
    Popolo(super::popolo::ExportArgs),
}

/// Arguments of `plenum export events`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "One JSON object a line, one line an entry, in ledger order:\n  \
{\"seq\":1,\"recorded_at\":\"2026-11-27T12:00:00Z\",\"closes_batch\":true,\"digest\":\"…\",\"chain\":\"…\",\"event\":{…}}\n\
`event` is the event in the canonical JSON the event files use (sorted keys), so\n\
`jq -c .event` gives events `plenum record` reads (leave out the statute that `init`\n\
recorded). `recorded_at`, the\n\
batch boundaries (`closes_batch`, with the projections' `digest` the batch's last\n\
entry commits to) and `chain` (the entry's chain hash, hex) are what the hash chain\n\
covers: `plenum restore` records the file again into a ledger, batch by batch, and\n\
checks every hash. The entries are streamed from the ledger, never held in memory.\n\
With --out the file appears whole or not at all, and a progress bar is shown on a\n\
terminal for long ledgers.\n\
Examples:\n  \
plenum export events --db union.db --out union.jsonl           full backup\n  \
plenum export events --db union.db --since 5001 --out more.jsonl   entries 5001 on\n  \
plenum export events --db union.db | jq -c .event > events.jsonl"
)]
pub struct EventsArgs {
    /// The first entry to export (an incremental backup starts after the last one taken).
    #[arg(long, value_name = "SEQ", default_value_t = 1)]
    pub since: u64,
    /// Write the file here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Runs `plenum export`.
pub fn run(args: &ExportArgs, global: &Global) -> anyhow::Result<ExitCode> {
    match &args.what {
        ExportWhat::Events(events) => run_events(events, global),
        ExportWhat::Members(members) => super::export_members::run(members, global),
        ExportWhat::Popolo(popolo) => super::popolo::run_export(popolo, global),
    }
}

fn run_events(args: &EventsArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = open::read_only(&global.db)?;
    let head = store.head()?.seq.0;
    if args.since == 0 || args.since > head + 1 {
        bail!(
            "--since {} is outside the ledger, which holds entries 1–{head}; give 1 to {}",
            args.since,
            head + 1
        );
    }
    let Some(path) = &args.out else {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        write_entries(&*store, args.since, &mut out, &mut |_| {})?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    };
    let bar = progress::bar(head + 1 - args.since, "exporting");
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    let mut out = std::io::BufWriter::new(file);
    let since = args.since;
    let end = write_entries(&*store, since, &mut out, &mut |seq| {
        bar.set_position(seq + 1 - since);
    })
    .with_context(|| format!("cannot write {}", path.display()))?;
    let file = out
        .into_inner()
        .map_err(std::io::IntoInnerError::into_error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    bar.finish_and_clear();
    let entries = end.seq.0 + 1 - since;
    if global.json {
        render::json(&serde_json::json!({
            "db": open::shown(&global.db),
            "out": path.display().to_string(),
            "first": since,
            "entries": entries,
            "head": end.seq.0,
            "head_hash": end.hash.to_hex(),
        }))?;
    } else {
        out!(
            "exported {entries} entries ({since}–{}) of {} to {}; head hash {}",
            end.seq.0,
            open::shown(&global.db),
            path.display(),
            end.hash.to_hex()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the entries from `since` on, one line each; calls `progress` with each seq.
/// Returns the head of the view they were read in.
fn write_entries(
    store: &dyn plenum_store::Store,
    since: u64,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(u64),
) -> anyhow::Result<plenum_store::Head> {
    // A failure to write, kept while the scan unwinds with a store error.
    let mut failed: Option<std::io::Error> = None;
    let mut line = Vec::with_capacity(1024);
    let scanned = store.scan(Seq(since), &mut |entry| {
        line.clear();
        entry_line(&entry, &mut line);
        if let Err(e) = out.write_all(&line) {
            failed = Some(e);
            return Err(Error::Database("the export stopped".into()));
        }
        progress(entry.seq.0);
        Ok(())
    });
    if let Some(failed) = failed {
        return Err(failed.into());
    }
    Ok(scanned?)
}

/// One entry as its line, newline included. The payload is the event's canonical JSON,
/// written as it is stored.
fn entry_line(entry: &StoredEntry, line: &mut Vec<u8>) {
    let recorded_at = serde_json::Value::String(entry.recorded_at.clone()).to_string();
    let digest = entry
        .digest
        .map_or_else(|| "null".to_owned(), |d| format!("\"{}\"", d.to_hex()));
    let head = format!(
        "{{\"seq\":{},\"recorded_at\":{recorded_at},\"closes_batch\":{},\"digest\":{digest},\"chain\":\"{}\",\"event\":",
        entry.seq.0,
        entry.digest.is_some(),
        entry.chain.to_hex()
    );
    line.extend_from_slice(head.as_bytes());
    line.extend_from_slice(&entry.payload);
    line.extend_from_slice(b"}\n");
}

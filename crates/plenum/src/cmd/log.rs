//! `plenum log`: the ledger's entries in ledger order.

use std::process::ExitCode;

use plenum_model::event::Event;
use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::query::reports::{EntryMeta, log_entries};
use plenum_store::Error;

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum log`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Each entry: its position, when it was recorded, the event's date, kind, id, and a\n\
sentence. With --json, an array of one object per entry: seq, recorded_at, hash (the\n\
chain hash through it), what (the sentence, with names) and the event.\n\
With --jsonl, the events alone in JSON Lines, one a line, which `plenum record` reads\n\
back: `plenum log --jsonl --from 2 > events.jsonl` copies a ledger's history after its\n\
statute (entry 1) into a file to record in a ledger made from the same statute."
)]
pub struct LogArgs {
    /// Start at this entry.
    #[arg(long, default_value_t = 1, value_name = "SEQ")]
    pub from: u64,

    /// Show at most this many entries.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Only events of this kind (`member_expelled`, `election_held`, ...).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    /// Print the events alone as JSON Lines (the form `plenum record` reads).
    #[arg(long)]
    pub jsonl: bool,
}

/// Runs `plenum log`.
pub fn run(args: &LogArgs, global: &Global) -> anyhow::Result<ExitCode> {
    if let Some(kind) = &args.kind
        && !plenum_model::event::EventKind::NAMES.contains(&kind.as_str())
    {
        anyhow::bail!(
            "unknown kind `{kind}`; kinds are: {}",
            plenum_model::event::EventKind::NAMES.join(", ")
        );
    }
    let store = open::read_only(&global.db)?;
    let mut rows = Vec::new();
    let limit = args.limit.unwrap_or(usize::MAX);
    store.scan(Seq(1), &mut |entry| {
        let event = codec::from_bytes(&entry.payload).map_err(|e| Error::Corrupt {
            seq: entry.seq,
            reason: format!("payload is not an event: {e}"),
        })?;
        let wanted =
            entry.seq.0 >= args.from && args.kind.as_deref().is_none_or(|k| k == event.kind_name());
        if wanted && rows.len() < limit {
            rows.push((entry, event));
        }
        Ok(())
    })?;
    if args.jsonl {
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        for (_, event) in &rows {
            serde_json::to_writer(&mut stdout, &codec::to_json(event))?;
            std::io::Write::write_all(&mut stdout, b"\n")?;
        }
        std::io::Write::flush(&mut stdout)?;
        return Ok(ExitCode::SUCCESS);
    }
    let snapshot = store.snapshot()?;
    let metas: Vec<(EntryMeta, Event)> = rows
        .iter()
        .map(|(entry, event)| {
            let meta = EntryMeta {
                seq: entry.seq.0,
                recorded_at: entry.recorded_at.clone(),
                hash: entry.chain.to_hex(),
            };
            (meta, event.clone())
        })
        .collect();
    let entries = log_entries(&*snapshot, &metas)?;
    if global.json {
        render::json(&serde_json::to_value(&entries)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = render::table(&["seq", "date", "kind", "id", "what"]);
    for ((entry, event), line) in rows.iter().zip(entries) {
        table.add_row(vec![
            entry.seq.0.to_string(),
            event.date.to_string(),
            event.kind_name().to_owned(),
            event.id.to_string(),
            line.what,
        ]);
    }
    render::print_table(&table)?;
    if rows.is_empty() {
        out!("(no entries)")?;
    }
    Ok(ExitCode::SUCCESS)
}

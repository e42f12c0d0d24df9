//! `plenum restore`: a backup made by `plenum export events` recorded again, batch by
//! batch, with the same times and hashes: into a new ledger, or onto the ledger it left off.
//!
//! The file is read twice: once to check every line (its JSON, its event, no gaps, and
//! the hash chain from the ledger's head through every entry) before anything is
//! written, and once to record it, so a backup of any size is never held in memory.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use plenum_model::event::{Event, codec};
use plenum_model::id::Seq;
use plenum_model::source::InputError;
use plenum_store::{Hash, Head, Rerecorder, chain};

use crate::cli::Global;
use crate::failure::BadInput;
use crate::{open, out, progress, render};

/// Arguments of `plenum restore`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Called restore, not import: `import` brings outside data in as new events, recorded\n\
now with new hashes, while restore brings back the ledger's own entries, each at the\n\
time it was first recorded and with the hash it had, as `plenum copy` does between two\n\
live ledgers. The file comes from `plenum export events`.\n\
A file starting at entry 1 makes a new ledger at --db (which must not hold one); a file\n\
starting at entry N (`export events --since N`) goes onto the ledger at --db, whose head\n\
must be entry N-1 with the hash the file continues from.\n\
Every line is checked before anything is written: its JSON, its event, no gaps, each\n\
batch closed, and every entry's chain hash recomputed from the ledger's head; an error\n\
names FILE:LINE:COLUMN and the ledger is left byte-identical. Then the batches are\n\
recorded again, and each must end on the file's hash. A new ledger appears whole or\n\
not at all; onto an existing ledger each batch is its own transaction, so should one\n\
record differently (a different version of plenum), the batches before it stay and the\n\
error says up to which entry.\n\
Examples:\n  \
plenum restore union.jsonl --db restored.db\n  \
plenum restore more.jsonl --db restored.db        (made with export events --since)\n  \
plenum restore union.jsonl --db postgres://plenum@localhost/union"
)]
pub struct RestoreArgs {
    /// A file written by `plenum export events`.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// One line of a backup.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    seq: u64,
    recorded_at: String,
    closes_batch: bool,
    digest: Option<String>,
    chain: String,
    event: serde_json::Value,
}

/// One entry of a backup, read and checked on its own.
struct Entry {
    seq: Seq,
    recorded_at: String,
    event: Event,
    digest: Option<Hash>,
    chain: Hash,
}

/// Runs `plenum restore`.
pub fn run(args: &RestoreArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let path = &args.file;
    let first = first_seq(path)?;
    let Some(first) = first else {
        // An incremental backup taken when nothing was new.
        if global.json {
            render::json(&serde_json::json!({
                "file": path.display().to_string(),
                "db": open::shown(&global.db),
                "entries": 0,
            }))?;
        } else {
            out!("{} holds no entries; nothing to restore", path.display())?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let start = if first == 1 {
        Head::EMPTY
    } else {
        open::read_only(&global.db)?.head()?
    };
    // Every line checked before the ledger is opened to write.
    let end = check(path, start, &global.db)?;
    let total = end.seq.0 - start.seq.0;
    let bar = progress::bar(total, "restoring");
    let write = |store: &dyn plenum_store::Store| -> anyhow::Result<Head> {
        let mut rerecorder = Rerecorder::new(store, start);
        let mut last = start.seq;
        for_each_line(path, |number, text| {
            let entry = parse(path, number, text)?;
            last = entry.seq;
            let closing = entry.digest.map(|_| entry.chain);
            let seq = entry.seq;
            let pushed = rerecorder.push(seq, &entry.recorded_at, entry.event, closing);
            pushed.with_context(|| {
                let kept = if first == 1 {
                    "nothing of the new ledger remains".to_owned()
                } else {
                    format!("the ledger keeps entries up to {}", rerecorder.head().seq)
                };
                format!(
                    "{}:{number}: entry {seq} does not record again as exported; {kept}",
                    path.display()
                )
            })?;
            bar.set_position(entry.seq.0 - start.seq.0);
            Ok(())
        })?;
        Ok(rerecorder.finish(last)?)
    };
    let head = if first == 1 {
        let mut head = Head::EMPTY;
        open::create(&global.db, false, |store| {
            head = write(store)?;
            Ok(())
        })
        .map_err(|e| e.context("nothing was restored"))?;
        head
    } else {
        write(&*open::writable(&global.db)?)?
    };
    bar.finish_and_clear();
    if global.json {
        render::json(&serde_json::json!({
            "file": path.display().to_string(),
            "db": open::shown(&global.db),
            "first": first,
            "entries": total,
            "head": head.seq.0,
            "head_hash": head.hash.to_hex(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    out!(
        "restored {total} entries ({first}–{}) into {}; head hash {}",
        head.seq.0,
        open::shown(&global.db),
        head.hash.to_hex()
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The seq of the file's first entry, or `None` for a file with no lines.
fn first_seq(path: &Path) -> anyhow::Result<Option<u64>> {
    let mut first = None;
    let stop = for_each_line(path, |number, text| {
        first = Some(parse(path, number, text)?.seq.0);
        Err(anyhow::anyhow!(Stop))
    });
    match stop {
        Err(e) if e.downcast_ref::<Stop>().is_none() => Err(e),
        _ => Ok(first),
    }
}

/// Ends a read early.
#[derive(Debug, thiserror::Error)]
#[error("stop")]
struct Stop;

/// Checks every line: each entry follows the one before it (the first follows `start`,
/// the ledger's head), batches close, and every chain hash is what the entry hashes to.
/// Returns the head the file ends on.
fn check(path: &Path, start: Head, db: &str) -> anyhow::Result<Head> {
    let mut head = start;
    let mut batch_at: Option<String> = None;
    let mut last_line = 0;
    for_each_line(path, |number, text| {
        last_line = number;
        let entry = parse(path, number, text)?;
        let bad = |key: &str, message: String| bad_at_key(path, number, text, key, message);
        if entry.seq.0 != head.seq.0 + 1 {
            let message = if number == 1 {
                format!(
                    "the file starts at entry {}, but the ledger {} ends at entry {}: restore \
                     a file that starts at entry {} (`plenum export events --since {}`), or \
                     restore a full backup into a new ledger",
                    entry.seq,
                    open::shown(db),
                    head.seq,
                    head.seq.0 + 1,
                    head.seq.0 + 1
                )
            } else {
                format!(
                    "entry {} here, but the line before is entry {}: entries are missing \
                     or out of order",
                    entry.seq, head.seq
                )
            };
            return Err(bad("seq", message));
        }
        if let Some(at) = &batch_at
            && *at != entry.recorded_at
        {
            return Err(bad(
                "recorded_at",
                format!(
                    "recorded at {}, but the batch it belongs to at {at}: a batch has one time",
                    entry.recorded_at
                ),
            ));
        }
        let payload = codec::to_canonical_bytes(&entry.event);
        let chain = chain::next(
            head.hash,
            entry.seq,
            &entry.recorded_at,
            &payload,
            entry.digest,
        );
        if chain != entry.chain {
            return Err(bad(
                "chain",
                format!(
                    "entry {} hashes to {}, not to the chain hash given: the line was \
                     changed after it was exported, or does not follow the entry before it",
                    entry.seq,
                    chain.to_hex()
                ),
            ));
        }
        batch_at = if entry.digest.is_some() {
            None
        } else {
            Some(entry.recorded_at)
        };
        head = Head {
            seq: entry.seq,
            hash: chain,
        };
        Ok(())
    })?;
    if batch_at.is_some() {
        bail!(
            "{}:{last_line}: the file ends inside a batch: entry {} does not close it (is the \
             file cut short?)",
            path.display(),
            head.seq
        );
    }
    Ok(head)
}

/// The longest line read: an entry's event at its longest (a statute, its text escaped)
/// with room to spare, so a file that is not a backup is not read whole into memory.
const LONGEST_LINE: u64 = 8 * plenum_model::limits::MAX_LINE_BYTES as u64;

/// Calls `each` with every line's number (from 1) and text, streaming; empty lines
/// only at the end.
fn for_each_line(
    path: &Path,
    mut each: impl FnMut(usize, &str) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut reader = std::io::BufReader::new(file);
    let mut text = String::new();
    let mut number = 0;
    loop {
        text.clear();
        let read = std::io::Read::take(&mut reader, LONGEST_LINE + 1)
            .read_line(&mut text)
            .with_context(|| format!("cannot read {} after line {number}", path.display()))?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        if read as u64 > LONGEST_LINE {
            bail!(
                "{}:{number}: the line is longer than {}, more than any entry plenum exports",
                path.display(),
                plenum_model::limits::bytes(LONGEST_LINE)
            );
        }
        let line = text.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        each(number, line)?;
    }
}

/// Reads one line on its own: its JSON, its hashes and its event.
fn parse(path: &Path, number: usize, text: &str) -> anyhow::Result<Entry> {
    let line: Line = serde_json::from_str(text).map_err(|e| {
        // serde's message ends with its own place, " at line 1 column N": the place is ours.
        let message = e.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(&*message, |(m, _)| m);
        let at = InputError::at_line(text, 1, e.column().max(1), message);
        bad_input(path, number, text, at)
    })?;
    let hash = |key: &str, hex: &str| {
        from_hex(hex).ok_or_else(|| {
            bad_at_key(
                path,
                number,
                text,
                key,
                format!("`{hex}` is not a hash: 64 hex digits expected"),
            )
        })
    };
    let chain = hash("chain", &line.chain)?;
    let digest = match (line.closes_batch, &line.digest) {
        (true, Some(hex)) => Some(hash("digest", hex)?),
        (false, None) => None,
        (true, None) => {
            return Err(bad_at_key(
                path,
                number,
                text,
                "digest",
                "the entry closes its batch but has no digest".into(),
            ));
        }
        (false, Some(_)) => {
            return Err(bad_at_key(
                path,
                number,
                text,
                "digest",
                "only the entry that closes a batch has a digest".into(),
            ));
        }
    };
    let event = codec::from_json(line.event).map_err(|e| {
        bad_at_key(
            path,
            number,
            text,
            "event",
            format!("the event is not one plenum reads: {e}"),
        )
    })?;
    Ok(Entry {
        seq: Seq(line.seq),
        recorded_at: line.recorded_at,
        event,
        digest,
        chain,
    })
}

fn from_hex(hex: &str) -> Option<Hash> {
    if hex.len() != 64 || !hex.is_ascii() {
        return None;
    }
    let mut bytes = [0u8; 32];
    for (i, byte) in bytes.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(Hash(bytes))
}

/// Bad input at the value of `key` on a line (or its start, if the key is not found).
fn bad_at_key(path: &Path, number: usize, text: &str, key: &str, message: String) -> anyhow::Error {
    let quoted = format!("\"{key}\":");
    let start = text.find(&quoted).map_or(0, |i| i + quoted.len());
    let end = (start + 1).min(text.len()).max(start);
    bad_input(
        path,
        number,
        text,
        InputError::at(text, start..end, message),
    )
}

/// Bad input on line `number` of the file, given that line's text and an error placed in
/// it. The snippet is cut from the line put at its number, behind empty lines.
fn bad_input(path: &Path, number: usize, text: &str, error: InputError) -> anyhow::Error {
    let before = number.saturating_sub(1);
    let placed = "\n".repeat(before) + text;
    let span = error.span.start + before..error.span.end + before;
    BadInput::new(path, &placed, InputError::at(&placed, span, error.message)).into()
}

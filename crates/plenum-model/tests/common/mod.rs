//! What the example tests share: finding the bundled examples, reading their
//! files, and taking them through the engine.

#![allow(dead_code)] // each test crate uses its own part of this module

use std::fs;
use std::path::{Path, PathBuf};

use plenum_model::event::kinds::StatuteAdopted;
use plenum_model::event::read::{Format, Located, read_with};
use plenum_model::event::{Event, EventKind, Source};
use plenum_model::id::EventId;
use plenum_model::ledger::Tables;

/// The directory holding the examples.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The name of the folder of an example's violation histories, which are not
/// part of its record: each is read on top of the lawful history, alone.
pub const VIOLATIONS: &str = "violations";

/// Every `.toml` or `.jsonl` file under `dir`, in relative path order, except
/// those under a `violations/` folder.
pub fn event_files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != VIOLATIONS) {
                event_files_under(&path, out);
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "jsonl")
        ) {
            out.push(path);
        }
    }
}

/// The events of one file; panics at bad input with `file:line:column: message`.
pub fn read_events(path: &Path, text: &str) -> Vec<Located> {
    let file_name = path.to_string_lossy();
    let include = |name: &str| {
        let folder = path.parent().unwrap_or(Path::new(""));
        fs::read_to_string(folder.join(name)).map_err(|e| e.to_string())
    };
    read_with(text, Format::detect(&file_name, text), &include)
        .unwrap_or_else(|e| panic!("{}:{e}", path.display()))
}

/// The ledger's first entry for an example: its statute adopted, dated before
/// anything in it (each version says when it takes effect).
pub fn statute_adopted(text: String) -> Event {
    Event {
        id: EventId::new("statute-adopted").expect("an id"),
        date: "1900".parse().expect("a date"),
        kind: EventKind::StatuteAdopted(StatuteAdopted {
            text,
            meeting: None,
            decision: None,
            proposed: None,
            received: None,
        }),
        sources: vec![Source {
            document: "statute.toml".to_owned(),
            quote: None,
            locator: None,
        }],
        note: None,
    }
}

/// The engine's tables after the statute and then `events`, in that order.
pub fn replay(name: &str, statute: String, events: impl IntoIterator<Item = Event>) -> Tables {
    let all: Vec<Event> = std::iter::once(statute_adopted(statute))
        .chain(events)
        .collect();
    plenum_model::ledger::replay(&all)
        .unwrap_or_else(|refused| panic!("{name}: the engine refuses {refused}"))
}

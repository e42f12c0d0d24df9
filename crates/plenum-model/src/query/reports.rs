//! The `--json` reports of the commands whose answers are not a single query's: `check`,
//! `log`, `verify` and `record`, and the `as_of` wrapper of answers from an earlier
//! ledger point. The CLI prints them and the HTTP API sends them: one set of types.
//!
//! Each is a plain value built from what the model computed and what the store
//! reported; nothing here reads a store.

use serde::Serialize;
use serde_json::Value;

use crate::event::{Event, codec, describe::summarize};
use crate::ledger::Recorded;

use super::check::FindingLine;
use super::{Facts, render};

/// An answer, and the ledger entry it was read as of (absent: the record as it stands).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AsOf<T> {
    /// The answer.
    #[serde(flatten)]
    pub report: T,
    /// The entry the record was read as it stood after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<u64>,
}

/// `check --json`: the findings as of a date.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckReport {
    /// The date judged, as given (EDTF).
    pub as_of: String,
    /// The findings, sorted by date, rule and events.
    pub findings: Vec<FindingLine>,
}

/// One entry of `log --json`.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogEntry {
    /// Its position in the ledger.
    pub seq: u64,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
    /// The chain hash through it, hex.
    pub hash: String,
    /// The event in a sentence, with the names current when read.
    pub what: String,
    /// The event, in the JSON Lines form `record` reads.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub event: Value,
}

/// An entry as the store keeps it, for [`log_entries`].
#[derive(Clone, Debug)]
pub struct EntryMeta {
    /// Its position.
    pub seq: u64,
    /// When it was recorded.
    pub recorded_at: String,
    /// The chain hash through it, hex.
    pub hash: String,
}

/// The log entries of these events, each described in words read from `facts`.
pub fn log_entries<F: Facts + ?Sized>(
    facts: &F,
    rows: &[(EntryMeta, Event)],
) -> Result<Vec<LogEntry>, F::Error> {
    let phrases: Vec<_> = rows.iter().map(|(_, event)| summarize(event)).collect();
    let whats = render(facts, &phrases.iter().collect::<Vec<_>>())?;
    Ok(rows
        .iter()
        .zip(whats)
        .map(|((meta, event), what)| LogEntry {
            seq: meta.seq,
            recorded_at: meta.recorded_at.clone(),
            hash: meta.hash.clone(),
            what,
            event: codec::to_json(event),
        })
        .collect())
}

/// `verify --json`: the ledger intact, or where it is damaged.
#[derive(Clone, Debug, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum VerifyReport {
    /// Every entry and table checked out.
    Intact {
        /// Always `true`.
        ok: bool,
        /// Whether the projections were rebuilt and compared too.
        deep: bool,
        /// Entries checked.
        entries: u64,
        /// Bytes hashed.
        bytes: u64,
        /// Projection rows hashed.
        rows: u64,
        /// The head's position.
        head: u64,
        /// The head's chain hash, hex.
        head_hash: String,
        /// The projections' digest, hex.
        projections: String,
    },
    /// Damage was found.
    Damaged {
        /// Always `false`.
        ok: bool,
        /// The first damaged entry, when an entry is.
        damaged_entry: Option<u64>,
        /// The table changed behind the ledger's back, when one was.
        table: Option<String>,
        /// What is wrong.
        error: String,
    },
}

/// `record --json`: what a batch did.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordReport {
    /// Events recorded.
    pub recorded: usize,
    /// The position of the batch's first entry.
    pub first: u64,
    /// The new head's position.
    pub head: u64,
    /// The new head's chain hash, hex.
    pub head_hash: String,
    /// Rows undone because the batch reached back before them.
    pub rolled_back: u64,
    /// Recorded events applied again after the batch.
    pub reapplied: u64,
    /// The findings about the batch's events, each message in words.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Object>))]
    pub findings: Vec<Value>,
}

impl RecordReport {
    /// The report of a batch of `count` events, given the messages of its findings in
    /// words (`render`ed, in the order of `recorded.findings`) and the new head.
    pub fn new(
        count: usize,
        recorded: &Recorded,
        messages: &[String],
        head: u64,
        head_hash: String,
    ) -> RecordReport {
        let findings = recorded
            .findings
            .iter()
            .zip(messages)
            .map(|(f, message)| {
                let mut value = serde_json::to_value(f).unwrap_or_default();
                value["message"] = Value::String(message.clone());
                value
            })
            .collect();
        RecordReport {
            recorded: count,
            first: recorded.first.0,
            head,
            head_hash,
            rolled_back: recorded.rolled_back,
            reapplied: recorded.reapplied,
            findings,
        }
    }
}

//! `plenum record`: append events from files, all-or-nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::anyhow;
use plenum_model::event::read::{Format, Located, read_with};
use plenum_model::ledger::RecordError;
use plenum_model::query::reports::RecordReport;
use plenum_store::WriteError;

use crate::cli::Global;
use crate::failure::BadInput;
use crate::{open, out, render};

/// Arguments of `plenum record`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Files are TOML (`[[event]]` tables) or JSON Lines (one event per line), told apart by\n\
extension or content. Every file is read and every event checked (ids unique, every\n\
person, organization, organ, post, faction and meeting declared before it is used)\n\
before anything is written; then all of them are appended in one transaction.\n\
On any error nothing is recorded, and the error names the file, line and column.\n\
A `statute_adopted` may name the file of its text (`text_file = \"../statute-2024.toml\"`,\n\
relative to the file of events) instead of writing it out: the text is recorded.\n\
Findings of the rules engine never refuse an event: they are reported, and\n\
`plenum check` lists them all."
)]
pub struct RecordArgs {
    /// Event files, recorded in the order given.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Runs `plenum record`.
pub fn run(args: &RecordArgs, global: &Global) -> anyhow::Result<ExitCode> {
    // Read everything before opening the ledger: bad input never touches it.
    let mut texts = Vec::new();
    let mut located: Vec<(usize, Located)> = Vec::new();
    for (file, path) in args.files.iter().enumerate() {
        let text = super::read_text(path, plenum_model::limits::MAX_EVENT_FILE_BYTES)?;
        let format = Format::detect(&path.to_string_lossy(), &text);
        let events = read_with(&text, format, &super::include_beside(path))
            .map_err(|e| BadInput::new(path, &text, e))?;
        located.extend(events.into_iter().map(|l| (file, l)));
        texts.push(text);
    }
    // The clock is read (and `PLENUM_NOW` checked) before the ledger is opened too.
    let now = super::now()?;
    let store = open::writable(&global.db)?;
    let events: Vec<_> = located.iter().map(|(_, l)| l.event.clone()).collect();
    let written = match plenum_store::record(&*store, &events, &now) {
        Ok(written) => written,
        Err(WriteError::Record(RecordError::Refused(refused))) => {
            let (file, l) = &located[refused.index];
            let path = &args.files[*file];
            let text = &texts[*file];
            let span = l.field_span(&refused.refusal.field);
            let error =
                plenum_model::source::InputError::at(text, span, refused.refusal.message.clone());
            return Err(BadInput::new(path, text, error).into());
        }
        Err(e) => return Err(anyhow!(e).context("nothing was recorded")),
    };
    let recorded = written.recorded;
    let count = located.len();
    let messages = plenum_model::query::render(
        &*store.snapshot()?,
        &recorded
            .findings
            .iter()
            .map(|f| &f.message)
            .collect::<Vec<_>>(),
    )?;
    if global.json {
        let report = RecordReport::new(
            count,
            &recorded,
            &messages,
            written.head.seq.0,
            written.head.hash.to_hex(),
        );
        render::json(&serde_json::to_value(&report)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let last = written.head.seq.0;
    out!(
        "recorded {count} events as entries {}–{last} of {}",
        recorded.first.0,
        global.db
    )?;
    if recorded.reapplied > 0 {
        out!(
            "the batch reaches back before {} recorded events, which were applied again after it",
            recorded.reapplied
        )?;
    }
    if !recorded.findings.is_empty() {
        out!(
            "{} findings on these events (all of them: plenum check):",
            recorded.findings.len()
        )?;
        for (finding, message) in recorded.findings.iter().zip(&messages).take(10) {
            out!(
                "  {} {} {}: {message}",
                finding.date,
                finding.severity.as_str(),
                finding.rule
            )?;
        }
        if recorded.findings.len() > 10 {
            out!("  … and {} more", recorded.findings.len() - 10)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

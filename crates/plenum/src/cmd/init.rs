//! `plenum init`: a new ledger for an organization, from its statute.

use std::path::PathBuf;
use std::process::ExitCode;

use plenum_model::event::kinds::StatuteAdopted;
use plenum_model::event::{Event, EventKind};
use plenum_model::id::EventId;
use plenum_model::statute;
use plenum_store::record;

use crate::cli::Global;
use crate::failure::BadInput;
use crate::{open, out, render};

/// Arguments of `plenum init`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The statute is checked first; on any error nothing is created.\n\
The ledger's first entry records the statute's text; amendments are recorded later as\n\
`statute_adopted` events. See examples/wpk/statute.toml for the format."
)]
pub struct InitArgs {
    /// The statute, a TOML file of `[[version]]`s with organs, posts and articles.
    #[arg(long, value_name = "FILE")]
    pub statute: PathBuf,
}

/// The first event of a ledger: adopting the statute.
pub fn statute_event(text: &str, document: &statute::Document) -> anyhow::Result<Event> {
    let date = document
        .versions
        .iter()
        .map(|v| &v.effective)
        .min()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("the statute has no version"))?;
    Ok(Event {
        id: EventId::new("statute-adopted")?,
        date,
        kind: EventKind::StatuteAdopted(StatuteAdopted {
            text: text.to_owned(),
            meeting: None,
            decision: None,
            proposed: None,
            received: None,
        }),
        sources: Vec::new(),
        note: None,
    })
}

/// Runs `plenum init`.
pub fn run(args: &InitArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let text = super::read_text(
        &args.statute,
        plenum_model::limits::MAX_STATUTE_BYTES as u64,
    )?;
    let document = statute::read(&text).map_err(|e| BadInput::new(&args.statute, &text, e))?;
    let event = statute_event(&text, &document)?;
    let now = super::now()?;
    let store = open::create(&global.db, false, |store| {
        record(store, &[event], &now)
            .map(drop)
            .map_err(anyhow::Error::from)
    })?;
    let head = store.head()?;
    if global.json {
        render::json(&serde_json::json!({
            "db": global.db,
            "head": head.seq.0,
            "versions": document.versions.iter().map(|v| serde_json::json!({
                "organization": v.org.as_str(),
                "version": v.id.as_str(),
                "effective": v.effective.to_string(),
                "organs": v.organs.iter().map(|o| o.name.clone()).collect::<Vec<_>>(),
                "posts": v.posts.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    out!(
        "created {} with the statute {}",
        global.db,
        args.statute.display()
    )?;
    for v in &document.versions {
        out!(
            "  {} version {} (from {}): {} organs, {} posts, {} articles",
            v.org,
            v.id,
            v.effective,
            v.organs.len(),
            v.posts.len(),
            v.articles.len()
        )?;
    }
    out!("next: plenum record FILE... --db {}", global.db)?;
    Ok(ExitCode::SUCCESS)
}

//! `plenum statute check FILE`: read a statute as `init` would and list every clause
//! plenum understood, with its article and the rule that checks it. Writes nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use plenum_model::statute;

use crate::cli::Global;
use crate::failure::BadInput;
use crate::{out, render};

/// Arguments of `plenum statute`.
#[derive(Debug, clap::Args)]
pub struct StatuteArgs {
    /// What to do with the statute.
    #[command(subcommand)]
    pub action: StatuteAction,
}

/// The `statute` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum StatuteAction {
    /// Read a statute file and list each clause understood; nothing is written.
    #[command(after_help = "Examples:\n  \
plenum statute check examples/association/statute.toml\n  \
plenum statute check statute.toml --json\n\n\
Bad input is reported as FILE:LINE:COLUMN, as `plenum init` reports it.\n\
The format is docs/statute.md.")]
    Check {
        /// The statute, a TOML file of `[[version]]`s.
        file: PathBuf,
    },
}

/// Runs `plenum statute`.
pub fn run(args: &StatuteArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let StatuteAction::Check { file } = &args.action;
    let text = super::read_text(file, plenum_model::limits::MAX_STATUTE_BYTES as u64)?;
    let document = statute::read(&text).map_err(|e| BadInput::new(file, &text, e))?;
    let clauses = statute::clauses(&document);
    if global.json {
        render::json(&serde_json::json!({
            "file": file.display().to_string(),
            "versions": document.versions.iter().map(|v| serde_json::json!({
                "organization": v.org.as_str(),
                "version": v.id.as_str(),
                "effective": v.effective.to_string(),
                "articles": v.articles.len(),
            })).collect::<Vec<_>>(),
            "clauses": clauses,
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    for v in &document.versions {
        out!(
            "{} version {} (from {}): {} organs, {} posts, {} articles",
            v.org,
            v.id,
            v.effective,
            v.organs.len(),
            v.posts.len(),
            v.articles.len()
        )?;
        let mut table = render::table(&["of", "clause", "article", "checked by"]);
        for c in clauses
            .iter()
            .filter(|c| c.version == v.id.as_str() && c.organization == v.org.as_str())
        {
            table.add_row(vec![
                c.subject.clone(),
                c.rule.clone(),
                c.article.clone().unwrap_or_else(|| "-".to_owned()),
                c.checked_by.unwrap_or("(recorded only)").to_owned(),
            ]);
        }
        if table.row_count() == 0 {
            out!("  (no clause: this version only declares its organs and posts)")?;
        } else {
            render::print_table(&table)?;
        }
        let uncited: Vec<&str> = v
            .articles
            .iter()
            .map(|a| a.number.as_str())
            .filter(|n| {
                !clauses
                    .iter()
                    .any(|c| c.version == v.id.as_str() && c.article.as_deref() == Some(*n))
            })
            .collect();
        if !uncited.is_empty() {
            out!(
                "articles no clause cites (kept as text only): {}",
                uncited.join(", ")
            )?;
        }
        out!()?;
    }
    out!(
        "{} clauses understood; findings quote an article's text, but only the clauses above are checked.",
        clauses.len()
    )?;
    Ok(ExitCode::SUCCESS)
}

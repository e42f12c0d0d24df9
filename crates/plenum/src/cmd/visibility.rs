//! `plenum visibility`: what the organization shows the public through `plenum serve`,
//! section by section (kept beside the accounts, outside the ledger's entries).

use std::process::ExitCode;

use anyhow::bail;
use plenum_server::auth::visibility::{Level, Levels, Section};

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum visibility`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Sections:\n\
  organs    organ and post pages, the statute diagram, faction charts, elections; API `at`\n\
  persons   person pages and search; API `person`, `search`\n\
  lineage   lineage pages; API `lineage`\n\
  findings  the findings page; API `check`\n\
  log       the log and diffs; API `log`, `verify`\n\n\
Levels: public (anyone; the default) or members (signed-in members, chairs, secretaries\n\
and admins). The home page shows only what the reader may read; meetings are always\n\
for members, and a closed poll's published urn is always public.\n\n\
Examples:\n\
  plenum visibility                         every section and its level\n\
  plenum visibility persons members         the register for members only\n\
  plenum visibility persons public\n\n\
A running server sees a change within a second.")]
pub struct VisibilityArgs {
    /// The section to set: organs, persons, lineage, findings or log.
    #[arg(requires = "level", value_parser = ["organs", "persons", "lineage", "findings", "log"])]
    pub section: Option<String>,
    /// Its level: public or members.
    #[arg(value_parser = ["public", "members"])]
    pub level: Option<String>,
}

/// Runs `plenum visibility`.
pub fn run(args: &VisibilityArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = open::writable(&global.db)?;
    let accounts = store.accounts();
    accounts.prepare_accounts()?;
    if let (Some(section), Some(level)) = (&args.section, &args.level) {
        let (Some(_), Some(_)) = (Section::named(section), Level::named(level)) else {
            bail!(
                "`{section} {level}`: expected a section (organs, persons, lineage, findings, log) and a level (public, members)"
            );
        };
        accounts.set_visibility(section, level)?;
    }
    let levels = Levels::from_kept(&accounts.visibility()?).map_err(anyhow::Error::msg)?;
    if global.json {
        let list: Vec<_> = Section::ALL
            .iter()
            .map(|&s| serde_json::json!({ "section": s, "level": levels.of(s), "covers": s.covers() }))
            .collect();
        render::json(&list)?;
    } else {
        for s in Section::ALL {
            out!(
                "{:<9} {:<8} {}",
                s.as_str(),
                levels.of(s).as_str(),
                s.covers()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `plenum export members`: the register of an organization on a date, as CSV (or TSV),
//! in the columns `plenum import members` reads back.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use plenum_model::date::FuzzyDate;
use plenum_model::id::OrgId;
use plenum_model::query::at::at;
use plenum_model::statute::StatuteBook;

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum export members`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Columns: id,name,status,since,faction — one row a member on the date\n\
(definite or possible), by id. `plenum import members` reads the file back.\n\
Examples:\n  \
plenum export members --at 2026-12-31 --out members.csv\n  \
plenum export members --org wpk --at 1956 --delimiter tab > wpk-1956.tsv"
)]
pub struct MembersArgs {
    /// The organization (the ledger's only one with a statute, if not given).
    #[arg(long)]
    pub org: Option<String>,
    /// The date (EDTF); today if not given.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// Write the file here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// `,` (the default) or `tab`.
    #[arg(long, default_value = ",")]
    pub delimiter: String,
}

/// Runs `plenum export members`.
pub fn run(args: &MembersArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let date: FuzzyDate = match &args.at {
        Some(d) => d.parse().map_err(|e| anyhow!("--at {d}: {e}"))?,
        None => super::today()?,
    };
    let delimiter = match args.delimiter.as_str() {
        "," => b',',
        "tab" | "\t" => b'\t',
        ";" => b';',
        other => bail!("--delimiter {other}: expected `,`, `;` or `tab`"),
    };
    let store = open::read_only(&global.db)?;
    let snapshot = store.snapshot()?;
    let org = match &args.org {
        Some(o) => o.clone(),
        None => {
            let book = StatuteBook::from_events(&snapshot.statute_events()?);
            let orgs: Vec<&OrgId> = book.orgs().collect();
            match orgs[..] {
                [only] => only.as_str().to_owned(),
                _ => bail!("name the organization with --org"),
            }
        }
    };
    let report = at(&*snapshot, &date, &org, None)?;
    let mut members = report.members;
    members.sort_by(|a, b| a.id.cmp(&b.id));
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    writer.write_record(["id", "name", "status", "since", "faction"])?;
    for m in &members {
        let status = m
            .status
            .map(|s| {
                serde_json::to_value(s)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
            })
            .unwrap_or_default()
            .unwrap_or_default();
        let faction = m.faction.as_ref().map_or("", |f| f.name.as_str());
        writer.write_record([
            m.id.as_str(),
            m.name.as_str(),
            &status,
            m.since.as_str(),
            faction,
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| anyhow!("cannot write CSV: {e}"))?;
    match &args.out {
        None => {
            use std::io::Write;
            std::io::stdout().write_all(&bytes)?;
        }
        Some(path) => {
            std::fs::write(path, &bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            if global.json {
                render::json(
                    &serde_json::json!({"out": path.display().to_string(), "members": members.len(), "date": date.to_string()}),
                )?;
            } else {
                out!(
                    "wrote {} members of {org} on {date} to {}",
                    members.len(),
                    path.display()
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `plenum import members`: a member register from a spreadsheet export, recorded as one
//! all-or-nothing batch (each new person registered, everyone admitted on their date).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use plenum_model::id::{EntityKind, OrgId};
use plenum_model::ledger::RecordError;
use plenum_model::statute::StatuteBook;
use plenum_store::WriteError;

use crate::cli::Global;
use crate::failure::BadInput;
use crate::members::{self, Columns, DateOrder, decode};
use crate::{open, out, progress, render};

/// Arguments of `plenum import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub what: ImportWhat,
}

/// What `plenum import` reads.
#[derive(Debug, clap::Subcommand)]
pub enum ImportWhat {
    /// A member register from a spreadsheet (CSV or TSV, any encoding).
    Members(Box<MembersArgs>),
    /// Popolo JSON (EveryPolitician's, or `plenum export popolo`): persons, bodies, seats, factions.
    Popolo(super::popolo::ImportArgs),
}

/// Arguments of `plenum import members`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The first line names the columns. Found by their usual names (any case):\n  \
id (id, member no, number), name (name, full name), since (since, joined, admitted, date),\n  \
status (full or candidate), born (born, date of birth), aliases (other names, `;`-separated)\n\
or named by flags (a header or a column number) or by a mapping file:\n  \
[columns]\n  name = \"Full Name\"\n  since = \"Joined\"\n  id = 1\n\
Without an id column, ids are made from names (`Ann Lee` -> `ann-lee`, then `ann-lee-2`);\n\
a person the register already knows under that id and name is admitted, not registered again.\n\
Every row is checked before anything is written: a bad row is reported as\n\
FILE:LINE:COLUMN (all of them, up to 20), and nothing is recorded.\n\
Examples:\n  \
plenum import members register.csv --org union --db union.db\n  \
plenum import members export.tsv --name \"Nom\" --since \"Adhésion\" --dates dmy --encoding latin1\n  \
plenum import members register.csv --mapping columns.toml --default-since 2020-01-01"
)]
pub struct MembersArgs {
    /// The spreadsheet export.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The organization they are members of (the ledger's only one with a statute, if not given).
    #[arg(long)]
    pub org: Option<String>,
    /// The column of ids.
    #[arg(long, value_name = "COLUMN")]
    pub id: Option<String>,
    /// The column of names.
    #[arg(long, value_name = "COLUMN")]
    pub name: Option<String>,
    /// The column of admission dates.
    #[arg(long, value_name = "COLUMN")]
    pub since: Option<String>,
    /// The column of statuses (full, candidate).
    #[arg(long, value_name = "COLUMN")]
    pub status: Option<String>,
    /// The column of birth dates.
    #[arg(long, value_name = "COLUMN")]
    pub born: Option<String>,
    /// The column of other names.
    #[arg(long, value_name = "COLUMN")]
    pub aliases: Option<String>,
    /// A TOML file with a `[columns]` table (and optionally `dates`, `default_since`).
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// How dates are written.
    #[arg(long, value_enum)]
    pub dates: Option<DateOrder>,
    /// The admission date of rows without one.
    #[arg(long, value_name = "DATE")]
    pub default_since: Option<String>,
    /// The file's encoding (utf-8, latin1, windows-1252, ...); found from the bytes if not given.
    #[arg(long)]
    pub encoding: Option<String>,
    /// The delimiter: `,` `;` `tab` `|`; from the extension or the header if not given.
    #[arg(long)]
    pub delimiter: Option<String>,
}

/// A mapping file.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Mapping {
    #[serde(default)]
    columns: Columns,
    dates: Option<DateOrder>,
    default_since: Option<String>,
}

/// Runs `plenum import`.
pub fn run(args: &ImportArgs, global: &Global) -> anyhow::Result<ExitCode> {
    match &args.what {
        ImportWhat::Members(m) => run_members(m, global),
        ImportWhat::Popolo(p) => super::popolo::run_import(p, global),
    }
}

fn mapping(args: &MembersArgs) -> anyhow::Result<(Columns, DateOrder, Option<String>)> {
    let file: Mapping = match &args.mapping {
        None => Mapping::default(),
        Some(path) => {
            let text = super::read_text(path, 1 << 20)?;
            toml::from_str(&text).map_err(|e| {
                let span = e.span().unwrap_or(0..0);
                BadInput::new(
                    path,
                    &text,
                    plenum_model::source::InputError::at(&text, span, e.message().to_owned()),
                )
            })?
        }
    };
    let pick = |flag: &Option<String>, file: Option<String>| flag.clone().or(file);
    let c = file.columns;
    let columns = Columns {
        id: pick(&args.id, c.id),
        name: pick(&args.name, c.name),
        since: pick(&args.since, c.since),
        status: pick(&args.status, c.status),
        born: pick(&args.born, c.born),
        aliases: pick(&args.aliases, c.aliases),
    };
    Ok((
        columns,
        args.dates.or(file.dates).unwrap_or_default(),
        args.default_since.clone().or(file.default_since),
    ))
}

fn run_members(args: &MembersArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let (columns, dates, default_since) = mapping(args)?;
    if let Some(d) = &default_since {
        d.parse::<plenum_model::date::FuzzyDate>()
            .map_err(|e| anyhow!("--default-since {d}: {e}"))?;
    }
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let (text, encoding) = decode::decode(&bytes, args.encoding.as_deref())
        .with_context(|| args.file.display().to_string())?;
    let delimiter = decode::delimiter(&args.file, &text, args.delimiter.as_deref())?;
    let now = super::now()?;
    let store = open::writable(&global.db)?;
    let snapshot = store.snapshot()?;
    let org = match &args.org {
        Some(o) => {
            let org = OrgId::new(o).map_err(|e| anyhow!("--org: {e}"))?;
            if snapshot.entity(EntityKind::Org, org.as_str())?.is_none() {
                bail!("--org {o}: the ledger has no organization `{o}`");
            }
            org
        }
        None => {
            let book = StatuteBook::from_events(&snapshot.statute_events()?);
            let orgs: Vec<&OrgId> = book.orgs().collect();
            match orgs[..] {
                [only] => only.clone(),
                _ => bail!(
                    "name the organization with --org (the ledger has statutes for {})",
                    orgs.len()
                ),
            }
        }
    };
    let options = members::Options {
        columns,
        dates,
        default_since,
        delimiter,
    };
    let known = |id: &str| {
        snapshot
            .entity(EntityKind::Person, id)
            .ok()
            .flatten()
            .map(|e| e.name)
    };
    let members = members::read(&text, &options, &known)
        .map_err(|errors| bad_rows(&args.file, &text, errors))?;
    drop(snapshot);
    if members.is_empty() {
        bail!("{}: no member rows after the header", args.file.display());
    }
    let file_name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let (lines, of) = members::events(&members, &org, &file_name);
    let located =
        plenum_model::event::read::read(&lines, plenum_model::event::read::Format::JsonLines)
            .map_err(|e| anyhow!("a generated event does not read (a bug): {e}"))?;
    let events: Vec<_> = located.into_iter().map(|l| l.event).collect();
    let bar = progress::spinner(
        events.len() as u64,
        format!(
            "recording {} events for {} members",
            events.len(),
            members.len()
        ),
    );
    let written = match plenum_store::record(&*store, &events, &now) {
        Ok(w) => w,
        Err(WriteError::Record(RecordError::Refused(refused))) => {
            let m = &members[of[refused.index]];
            let at = text
                .lines()
                .take(m.line.saturating_sub(1))
                .map(|l| l.len() + 1)
                .sum::<usize>();
            let error = plenum_model::source::InputError::at(
                &text,
                at..at,
                format!("{} (nothing was recorded)", refused.refusal.message),
            );
            return Err(BadInput::new(&args.file, &text, error).into());
        }
        Err(e) => return Err(anyhow!(e).context("nothing was recorded")),
    };
    bar.finish_and_clear();
    let new = members.iter().filter(|m| !m.known).count();
    let report = serde_json::json!({
        "file": args.file.display().to_string(),
        "encoding": encoding,
        "org": org.as_str(),
        "members": members.len(),
        "registered": new,
        "events": events.len(),
        "head": written.head.seq.0,
        "findings": written.recorded.findings.len(),
    });
    if global.json {
        render::json(&report)?;
    } else {
        out!(
            "admitted {} members to {org} ({new} newly registered) from {} ({encoding}): entries {}–{}",
            members.len(),
            args.file.display(),
            written.recorded.first.0,
            written.head.seq.0
        )?;
        if !written.recorded.findings.is_empty() {
            out!(
                "{} findings (plenum check lists them)",
                written.recorded.findings.len()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every bad row: one is reported with its excerpt; several are listed.
fn bad_rows(
    path: &Path,
    text: &str,
    mut errors: Vec<plenum_model::source::InputError>,
) -> anyhow::Error {
    if errors.len() == 1 {
        return BadInput::new(path, text, errors.remove(0)).into();
    }
    let shown: Vec<String> = errors
        .iter()
        .take(20)
        .map(|e| {
            format!(
                "  {}:{}:{}: {}",
                path.display(),
                e.line,
                e.column,
                e.message
            )
        })
        .collect();
    let more = errors.len().saturating_sub(20);
    anyhow!(
        "{} rows are refused, and nothing was recorded:\n{}{}",
        errors.len(),
        shown.join("\n"),
        if more > 0 {
            format!("\n  … and {more} more")
        } else {
            String::new()
        }
    )
}

//! `plenum demo`: the bundled example in a fresh ledger, and a short tour of it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use plenum_model::date::FuzzyDate;
use plenum_model::event::read::{Format, read};
use plenum_model::event::{Event, EventKind};
use plenum_model::query::at::at;
use plenum_model::query::lineage::lineage;
use plenum_model::rules::Severity;
use plenum_model::state::summarize;
use plenum_model::statute::{self, Cited, Elector};
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Ledger, record_first};

use crate::cli::Global;
use crate::failure::BadInput;
use crate::{out, render};

/// A bundled example, embedded at build time from `examples/`.
pub struct Example {
    /// Its folder name.
    pub name: &'static str,
    /// Its `statute.toml`.
    pub statute: &'static str,
    /// Its event files, `(path within the folder, text)`, in name order.
    pub files: &'static [(&'static str, &'static str)],
}

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// Arguments of `plenum demo`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The ledger is built at ./plenum-demo.db unless --db names another file; an existing\n\
demo ledger there is replaced (any other file is left alone). Every line of the tour\n\
ends with the command that shows more."
)]
pub struct DemoArgs {
    /// Which bundled example: `wpk` (the Workers' Party of Korea, 1918-2001) or `association`.
    #[arg(long, default_value = "wpk")]
    pub example: String,
}

/// Runs `plenum demo`.
pub fn run(args: &DemoArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let Some(Example {
        name,
        statute: statute_text,
        files,
    }) = EXAMPLES.iter().find(|e| e.name == args.example)
    else {
        let names: Vec<&str> = EXAMPLES.iter().map(|e| e.name).collect();
        bail!(
            "no example called `{}`; the examples are: {}",
            args.example,
            names.join(", ")
        );
    };
    let db = if global.db_given {
        global.db.clone()
    } else {
        "plenum-demo.db".to_owned()
    };
    let ledger = build(name, statute_text, files, Path::new(&db))?;
    let shown = format!(" --db {db}");
    if global.json {
        render::json(&serde_json::json!({
            "db": db,
            "example": name,
            "entries": ledger.head().seq.0,
            "head_hash": ledger.head().hash.to_hex(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    tour(name, &ledger, &shown)?;
    Ok(ExitCode::SUCCESS)
}

/// Builds the example into a fresh ledger at `path`.
fn build(
    name: &str,
    statute_text: &str,
    files: &[(&str, &str)],
    path: &Path,
) -> anyhow::Result<Ledger<SqliteStore>> {
    if path.exists() {
        // Replace only a plenum ledger; never some other file.
        SqliteStore::open(path).with_context(|| {
            format!(
                "{} exists and is not a plenum ledger; pick another --db",
                path.display()
            )
        })?;
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
    let label = |file: &str| Path::new("examples").join(name).join(file);
    let document = statute::read(statute_text)
        .map_err(|e| BadInput::new(&label("statute.toml"), statute_text, e))?;
    let first = super::init::statute_event(statute_text, &document)?;
    let mut events: Vec<Event> = Vec::new();
    for (file, text) in files {
        let format = Format::detect(file, text);
        let located = read(text, format).map_err(|e| BadInput::new(&label(file), text, e))?;
        events.extend(located.into_iter().map(|l| l.event));
    }
    let now = super::now();
    let store = SqliteStore::create(path, |store| {
        record_first(store, vec![first], &now)
            .map(drop)
            .map_err(anyhow::Error::from)
    })?;
    let mut ledger = Ledger::open(store)?;
    ledger
        .record(events, &now)
        .map_err(|e| anyhow::anyhow!("the bundled example does not record: {e}"))?;
    Ok(ledger)
}

fn tour(name: &str, ledger: &Ledger<SqliteStore>, db: &str) -> anyhow::Result<()> {
    let state = ledger.state();
    let store = ledger.store();
    out!(
        "Built {} entries from examples/{name} into {}.",
        ledger.head().seq,
        db.trim_start_matches(" --db ")
    )?;
    let Some(version) = state
        .book()
        .versions()
        .max_by_key(|v| v.effective.earliest())
    else {
        return Ok(());
    };
    let org = version.org.clone();

    out!(
        "\nThe organs, as the statute in force from {} defines them:    plenum at DATE ORGAN{db}",
        version.effective
    )?;
    for organ in &version.organs {
        let elected = match &organ.elected_by {
            Some(Cited {
                rule: Elector::Organ(k),
                article,
            }) => {
                let by = version.organ(k).map_or(k.as_str(), |o| o.name.as_str());
                format!(
                    "elected by the {by}{}",
                    article
                        .as_ref()
                        .map_or_else(String::new, |a| format!(" (Article {a})"))
                )
            }
            Some(Cited {
                rule: Elector::Members,
                ..
            }) => "elected by the members".to_owned(),
            Some(Cited {
                rule: Elector::Appointment,
                ..
            }) => "appointed".to_owned(),
            None => String::new(),
        };
        let meets = organ
            .meets
            .as_ref()
            .map(|m| format!("meets at least every {}", m.rule));
        let about: Vec<String> = [Some(elected).filter(|e| !e.is_empty()), meets]
            .into_iter()
            .flatten()
            .collect();
        out!(
            "  {}: {}",
            organ.name,
            if about.is_empty() {
                "(no rules stated)".to_owned()
            } else {
                about.join("; ")
            }
        )?;
    }

    let report = lineage(store, org.as_str())?;
    out!(
        "\nHow the {} came to be:    plenum lineage {org}{db}",
        report.organization.name
    )?;
    for link in &report.predecessors {
        out!("  {}  {} → {}", link.date, link.from.name, link.to.name)?;
    }

    if let Some((organ, date)) = first_composition(state) {
        let composition = at(store, &date, &organ, None)?;
        let title = composition
            .organ
            .as_ref()
            .map_or(organ.clone(), |o| o.name.clone());
        out!(
            "\nThe first {title} of the {} ({date}), by faction:    plenum at {date} {organ} --by faction{db}",
            composition.organization.name
        )?;
        for (faction, seats) in &composition.by_faction {
            out!("  {faction}: {seats}")?;
        }
    }

    let mut by_year: BTreeMap<i16, Vec<String>> = BTreeMap::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, event) in state.effective_events() {
        if matches!(
            event.kind,
            EventKind::PersonPurged(_)
                | EventKind::MemberExpelled(_)
                | EventKind::PersonTried(_)
                | EventKind::PersonRehabilitated(_)
        ) {
            by_year
                .entry(event.date.earliest().year())
                .or_default()
                .push(summarize(event, state.registry()));
            *kinds.entry(event.kind_name()).or_default() += 1;
        }
    }
    // Point at the kind of discipline the history has most of.
    if let Some((kind, _)) = kinds.iter().max_by_key(|(_, n)| **n) {
        out!(
            "\nDiscipline, year by year: purges, expulsions, trials, rehabilitations:    plenum log --kind {kind}{db}"
        )?;
        for (year, lines) in &by_year {
            out!("  {year}: {}", lines.join("; "))?;
        }
    }

    let findings = state.findings_at(super::today().latest());
    let serious: Vec<_> = findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    out!(
        "\nWhat the rules engine finds ({} findings, {} serious):    plenum check{db}",
        findings.len(),
        serious.len()
    )?;
    for f in findings
        .iter()
        .filter(|f| f.severity == Severity::Violation)
        .take(8)
    {
        let article = f
            .citation
            .as_ref()
            .and_then(|c| c.article.as_ref())
            .map_or_else(String::new, |a| format!(" [Article {a}]"));
        out!("  {} {}{article}", f.date, f.message)?;
    }
    out!("\nMore: plenum person NAME{db} · plenum verify{db} · plenum --help")?;
    Ok(())
}

/// The organ to show first (a politburo if the statute has one), and the
/// date its first recorded seats begin.
fn first_composition(state: &plenum_model::state::State) -> Option<(String, FuzzyDate)> {
    let rows = state.rows();
    let starts = rows
        .seats
        .iter()
        .map(|s| (&s.organ, &s.span.start))
        .chain(rows.counts.iter().map(|c| (&c.organ, &c.span.start)));
    let mut first: BTreeMap<String, &FuzzyDate> = BTreeMap::new();
    for (organ, start) in starts {
        let entry = first.entry(organ.to_string()).or_insert(start);
        if start < *entry {
            *entry = start;
        }
    }
    let pick = first
        .keys()
        .find(|k| k.ends_with("/politburo"))
        .or_else(|| first.keys().next())?
        .clone();
    let start = first.get(&pick)?;
    Some((pick, FuzzyDate::day(start.latest())))
}

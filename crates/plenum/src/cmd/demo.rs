//! `plenum demo`: the bundled example in a fresh ledger, and a short tour of it.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::describe::summarize;
use plenum_model::event::read::{Format, read_with};
use plenum_model::event::{Event, EventKind};
use plenum_model::id::EntityKind;
use plenum_model::query::at::at;
use plenum_model::query::check::check;
use plenum_model::query::lineage::lineage;
use plenum_model::query::{Facts, render};
use plenum_model::rules::Severity;
use plenum_model::statute::{self, Cited, Elector};
use plenum_store::postgres::PgStore;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, record};

use crate::cli::Global;
use crate::failure::BadInput;
use crate::{open, out, render};

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
    after_help = "The ledger is built at ./plenum-demo.db unless --db names another file. A ledger\n\
`plenum demo` made before is replaced; anything else there (your own ledger, any other\n\
file) is refused and left exactly as it was. Every line of the tour ends with the\n\
command that shows more.\n\n\
The demo records the example's history only: its statute, then the event files at the top\n\
of examples/NAME/ and under examples/NAME/history/; never examples/NAME/violations/,\n\
the unlawful histories the statute tests judge one at a time."
)]
pub struct DemoArgs {
    /// Which bundled example: `wpk` (the Workers' Party of Korea, 1918-2001), `association`,
    /// `cpc`, `coop-catalyst` or `union-afscme`.
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
    let (store, events) = build(name, statute_text, files, &db)?;
    let shown = format!(" --db {db}");
    let head = store.head()?;
    if global.json {
        render::json(&serde_json::json!({
            "db": open::shown(&db),
            "example": name,
            "entries": head.seq.0,
            "head_hash": head.hash.to_hex(),
        }))?;
        return Ok(ExitCode::SUCCESS);
    }
    tour(name, &*store, &events, &shown)?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses to replace anything at `db` but a ledger `plenum demo` made; says whether there
/// is one to replace.
fn replaceable(db: &str) -> anyhow::Result<bool> {
    let refuse = |why: String| {
        anyhow::anyhow!(
            "{} {why}; plenum demo replaces only a ledger it made itself. Pick another --db (it was left unchanged)",
            open::shown(db)
        )
    };
    let store = if plenum_store::postgres::is_url(db) {
        match PgStore::open(db) {
            Ok(store) => open::Ledger::Postgres(Box::new(store)),
            Err(Error::NotALedger(why)) if why.contains("holds no plenum ledger") => {
                return Ok(false);
            }
            Err(Error::NotALedger(_)) => return Err(refuse("is not a plenum ledger".into())),
            Err(other) => return Err(refuse(format!("cannot be read ({other})"))),
        }
    } else {
        if !Path::new(db).exists() {
            return Ok(false);
        }
        open::Ledger::Sqlite(Box::new(SqliteStore::open_read_only(db.as_ref()).map_err(
            |e| match e {
                Error::NotALedger(_) => refuse("is not a plenum ledger".into()),
                other => refuse(format!("cannot be read ({other})")),
            },
        )?))
    };
    if !store.is_demo()? {
        return Err(refuse(
            "is a plenum ledger that plenum demo did not make".into(),
        ));
    }
    Ok(true)
}

/// Removes the demo ledger at `db` (which [`replaceable`] allowed).
fn remove(db: &str) -> anyhow::Result<()> {
    if plenum_store::postgres::is_url(db) {
        PgStore::open(db)?.drop_ledger()?;
        return Ok(());
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = Path::new(db).as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
    Ok(())
}

/// Builds the bundled example `name` into a fresh ledger at `db` (which must hold none,
/// or one `plenum demo` made), for `plenum serve --demo`.
pub fn build_example(name: &str, db: &str) -> anyhow::Result<open::Ledger> {
    let Some(example) = EXAMPLES.iter().find(|e| e.name == name) else {
        bail!("no example called `{name}`");
    };
    let (store, _) = build(example.name, example.statute, example.files, db)?;
    Ok(store)
}

/// Builds the example into a fresh ledger at `db`.
fn build(
    name: &str,
    statute_text: &str,
    files: &[(&str, &str)],
    db: &str,
) -> anyhow::Result<(open::Ledger, Vec<Event>)> {
    // Everything is read and checked before anything at `db` is touched.
    let existing = replaceable(db)?;
    let label = |file: &str| Path::new("examples").join(name).join(file);
    let document = statute::read(statute_text)
        .map_err(|e| BadInput::new(&label("statute.toml"), statute_text, e))?;
    let first = super::init::statute_event(statute_text, &document)?;
    let mut events: Vec<Event> = Vec::new();
    for (file, text) in files {
        let format = Format::detect(file, text);
        let include = |name: &str| embedded(file, name, statute_text, files);
        let located =
            read_with(text, format, &include).map_err(|e| BadInput::new(&label(file), text, e))?;
        events.extend(located.into_iter().map(|l| l.event));
    }
    let now = super::now()?;
    if existing {
        remove(db)?;
    }
    let store = open::create(db, true, |store| {
        record(store, &[first], &now).map_err(anyhow::Error::from)?;
        record(store, &events, &now)
            .map_err(|e| anyhow::anyhow!("the bundled example does not record: {e}"))?;
        Ok(())
    })?;
    Ok((store, events))
}

/// The text of the example's file that `name` names from its file `from` (a
/// `statute_adopted`'s `text_file`): the statute, or one of its event files.
fn embedded(
    from: &str,
    name: &str,
    statute: &str,
    files: &[(&str, &str)],
) -> Result<String, String> {
    let mut path: Vec<&str> = from.split('/').collect();
    path.pop();
    for part in name.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                path.pop().ok_or("it is outside the example")?;
            }
            part => path.push(part),
        }
    }
    let path = path.join("/");
    if path == "statute.toml" {
        return Ok(statute.to_owned());
    }
    files
        .iter()
        .find(|(file, _)| *file == path)
        .map(|(_, text)| (*text).to_owned())
        .ok_or_else(|| format!("the example has no file `{path}`"))
}

fn tour(name: &str, store: &dyn Store, events: &[Event], db: &str) -> anyhow::Result<()> {
    let snapshot = store.snapshot()?;
    out!(
        "Built {} entries from examples/{name} into {}.",
        store.head()?.seq,
        db.trim_start_matches(" --db ")
    )?;
    let book = plenum_model::statute::StatuteBook::from_events(&*snapshot.statute_events()?);
    let Some(version) = book.versions().max_by_key(|v| v.effective.earliest()) else {
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
            Some(Cited {
                rule: Elector::Parent(k),
                ..
            }) => format!("elected by the {k} one level up"),
            Some(Cited {
                rule: Elector::Post(k),
                ..
            }) => format!(
                "appointed by the {}",
                version.post(k).map_or(k.as_str(), |p| p.name.as_str())
            ),
            Some(Cited {
                rule: Elector::Founder,
                ..
            }) => "appointed by the organization that approved its founding".to_owned(),
            None => String::new(),
        };
        let meets = organ.meets.as_ref().map(|m| format!("meets {}", m.rule));
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

    let report = lineage(&*snapshot, org.as_str())?;
    out!(
        "\nHow the {} came to be:    plenum lineage {org}{db}",
        report.organization.name
    )?;
    for link in &report.predecessors {
        out!("  {}  {} → {}", link.date, link.from.name, link.to.name)?;
    }

    if let Some((organ, date)) = first_composition(&*snapshot)? {
        let composition = at(&*snapshot, &date, &organ, None)?;
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
    let discipline: Vec<&Event> = effective(events)
        .into_iter()
        .filter(|event| {
            matches!(
                event.kind,
                EventKind::PersonPurged(_)
                    | EventKind::MemberExpelled(_)
                    | EventKind::PersonTried(_)
                    | EventKind::PersonRehabilitated(_)
            )
        })
        .collect();
    let phrases: Vec<_> = discipline.iter().map(|e| summarize(e)).collect();
    let texts = render(&*snapshot, &phrases.iter().collect::<Vec<_>>())?;
    for (event, text) in discipline.iter().zip(texts) {
        by_year
            .entry(event.date.earliest().year())
            .or_default()
            .push(text);
        *kinds.entry(event.kind_name()).or_default() += 1;
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

    let findings = check(&*snapshot, super::today()?.latest())?;
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

/// The events that count: corrections applied, retracted events left out.
fn effective(events: &[Event]) -> Vec<&Event> {
    let mut out: Vec<&Event> = Vec::new();
    for event in events {
        match &event.kind {
            EventKind::EventRetracted(r) => out.retain(|e| e.id != r.target),
            EventKind::EventSuperseded(s) => {
                if let Some(slot) = out.iter_mut().find(|e| e.id == s.target) {
                    *slot = &s.replacement;
                }
            }
            _ => out.push(event),
        }
    }
    out
}

/// The organ to show first (a politburo if the statute has one), and the
/// date its first recorded seats begin.
fn first_composition(
    snapshot: &dyn Facts<Error = Error>,
) -> anyhow::Result<Option<(String, FuzzyDate)>> {
    let mut first: BTreeMap<String, FuzzyDate> = BTreeMap::new();
    for organ in snapshot.entities(EntityKind::Organ)? {
        let Ok(organ_ref) = organ.id.parse() else {
            continue;
        };
        let seats = snapshot.seats_on(&organ_ref, Day::MIN, Day::MAX)?;
        let counts = snapshot.counts_on(&organ_ref, Day::MIN, Day::MAX)?;
        let starts = seats
            .iter()
            .map(|s| &s.span.start)
            .chain(counts.iter().map(|c| &c.span.start));
        if let Some(start) = starts.min() {
            first.insert(organ.id.clone(), start.clone());
        }
    }
    let Some(pick) = first
        .keys()
        .find(|k| k.ends_with("/politburo"))
        .or_else(|| first.keys().next())
        .cloned()
    else {
        return Ok(None);
    };
    Ok(first
        .get(&pick)
        .map(|start| (pick.clone(), FuzzyDate::day(start.latest()))))
}

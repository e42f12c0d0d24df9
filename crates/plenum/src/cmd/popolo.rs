//! `plenum export popolo` and `plenum import popolo`: the history as Popolo JSON, and a
//! Popolo file (EveryPolitician's, or plenum's own) recorded as one all-or-nothing batch.
//! The logic is in `crate::popolo`; this module opens the ledger and prints.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use plenum_model::date::FuzzyDate;
use plenum_model::event::{Event, codec};
use plenum_model::id::Seq;
use plenum_model::ledger::RecordError;
use plenum_model::source::InputError;
use plenum_store::{Error, Store};

use crate::cli::Global;
use crate::failure::BadInput;
use crate::popolo::{self, export};
use crate::{open, out, progress, render};

/// Arguments of `plenum export popolo`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "One JSON object with `persons`, `organizations` (the organizations, their organs,\n\
factions and predecessors), `posts`, `memberships` (seats, tenures of posts, memberships\n\
and faction alignments) and `events` (meetings held, elections), each fact with its\n\
`sources` (the document, and the quote in `plenum:quote`). Dates are Popolo's YYYY,\n\
YYYY-MM or YYYY-MM-DD: a fuzzy date is written as the narrowest Popolo date holding\n\
every possible day, with the exact EDTF beside it in a `plenum:FIELD` extension\n\
(docs/popolo.md). `plenum import popolo` reads the file back.\n\
Examples:\n  \
plenum export popolo --out wpk.popolo.json\n  \
plenum export popolo --at 1956-09-01 | jq '.memberships | length'"
)]
pub struct ExportArgs {
    /// Only what held on this date (EDTF): memberships, organizations, events on it.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// Write the file here instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Every entry's event, then those that stand (retractions and supersessions applied).
pub fn effective_events(store: &dyn Store) -> anyhow::Result<Vec<Event>> {
    let head = store.head()?.seq.0;
    let bar = progress::bar(head, "reading the ledger");
    let mut events = Vec::with_capacity(usize::try_from(head).unwrap_or(0));
    store.scan(Seq(1), &mut |entry| {
        events.push(
            codec::from_bytes(&entry.payload).map_err(|e| Error::Corrupt {
                seq: entry.seq,
                reason: format!("payload is not an event: {e}"),
            })?,
        );
        bar.set_position(entry.seq.0);
        Ok(())
    })?;
    bar.finish_and_clear();
    Ok(export::effective(events))
}

/// Runs `plenum export popolo`.
pub fn run_export(args: &ExportArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let at: Option<FuzzyDate> = match &args.at {
        Some(d) => Some(d.parse().map_err(|e| anyhow!("--at {d}: {e}"))?),
        None => None,
    };
    let store = open::read_only(&global.db)?;
    let snapshot = store.snapshot()?;
    let events = effective_events(&*store)?;
    let popolo = export::export(&*snapshot, &events, at.as_ref())?;
    let mut text = serde_json::to_string_pretty(&popolo)?;
    text.push('\n');
    let Some(path) = &args.out else {
        use std::io::Write;
        std::io::stdout().write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    write_whole(path, text.as_bytes())?;
    let counts = serde_json::json!({
        "out": path.display().to_string(),
        "at": at.as_ref().map(ToString::to_string),
        "persons": popolo.persons.len(),
        "organizations": popolo.organizations.len(),
        "posts": popolo.posts.len(),
        "memberships": popolo.memberships.len(),
        "events": popolo.events.len(),
    });
    if global.json {
        render::json(&counts)?;
    } else {
        out!(
            "wrote {} persons, {} organizations, {} posts, {} memberships and {} events to {}",
            popolo.persons.len(),
            popolo.organizations.len(),
            popolo.posts.len(),
            popolo.memberships.len(),
            popolo.events.len(),
            path.display()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a file that appears whole or not at all.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    std::io::Write::write_all(&mut file, bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.as_file()
        .sync_all()
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.persist(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Arguments of `plenum import popolo`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Reads Popolo JSON as producers write it (EveryPolitician's ep-popolo-v1.0.json,\n\
or `plenum export popolo`): the bodies persons sit on (a legislature, an organ) become\n\
organs, parties and groups (`on_behalf_of_id`, classification party) factions, persons\n\
are registered (other names as aliases), memberships become seats (dates from the\n\
membership or its `legislative_period_id`), faction alignments, memberships or tenures\n\
of posts, and meetings are recorded. Everything else is listed by JSON path, with a count\n\
and its first place: nothing is left out silently (docs/popolo.md has the mapping).\n\
Into a new ledger, the main organization needs a statute: --statute FILE, or the least\n\
one that lets the import stand is proposed (its organs with their most seats held at\n\
once), recorded and said so; --proposed-statute FILE keeps a copy to edit.\n\
All or nothing: bad input is reported with its JSON path ($.memberships[3].person_id)\n\
and nothing is recorded.\n\
Examples:\n  \
plenum import popolo ep-popolo-v1.0.json --db burundi.db\n  \
plenum at 2012-06-01 \"Assemblée nationale\" --db burundi.db --by faction\n  \
plenum import popolo wpk.popolo.json --statute examples/wpk/statute.toml --db copy.db"
)]
pub struct ImportArgs {
    /// The Popolo JSON file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The statute of the main organization (a new ledger only); proposed if not given.
    #[arg(long, value_name = "FILE")]
    pub statute: Option<PathBuf>,
    /// Also write the proposed statute here.
    #[arg(long, value_name = "FILE")]
    pub proposed_statute: Option<PathBuf>,
}

/// The statute of a new ledger: its text and what the import must fit.
fn statute_of(text: &str, path: &Path) -> anyhow::Result<(Event, popolo::import::Statute)> {
    let document = plenum_model::statute::read(text).map_err(|e| BadInput::new(path, text, e))?;
    let event = super::init::statute_event(text, &document)?;
    let mut fit = popolo::import::Statute::default();
    for v in &document.versions {
        let org = v.org.as_str();
        org.clone_into(&mut fit.main);
        let at = match fit.orgs.iter().position(|o| o.org == org) {
            Some(at) => at,
            None => {
                fit.orgs.push(popolo::statute::StatuteOrg {
                    org: org.to_owned(),
                    ..Default::default()
                });
                fit.orgs.len() - 1
            }
        };
        let entry = &mut fit.orgs[at];
        for o in &v.organs {
            if !entry.organs.iter().any(|(k, _)| k == o.key.as_str()) {
                entry
                    .organs
                    .push((o.key.as_str().to_owned(), o.name.clone()));
            }
        }
        for p in &v.posts {
            if !entry.posts.iter().any(|(k, _)| k == p.key.as_str()) {
                entry
                    .posts
                    .push((p.key.as_str().to_owned(), p.name.clone()));
            }
        }
    }
    Ok((event, fit))
}

/// Parses the file, each error with its JSON path, line and column.
fn parse(path: &Path, text: &str) -> anyhow::Result<popolo::Popolo> {
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<popolo::Popolo, _> = serde_path_to_error::deserialize(&mut de);
    let popolo = parsed.map_err(|e| {
        let at = e.path().to_string();
        let inner = e.inner();
        let where_ = if at == "." {
            "$".to_owned()
        } else {
            format!("$.{at}")
        };
        let error = InputError::at_line(
            text,
            inner.line(),
            inner.column(),
            format!("{where_}: {inner}"),
        );
        anyhow::Error::from(BadInput::new(path, text, error))
    })?;
    de.end().map_err(|e| {
        anyhow::Error::from(BadInput::new(
            path,
            text,
            InputError::at_line(text, e.line(), e.column(), format!("$: {e}")),
        ))
    })?;
    Ok(popolo)
}

/// Whether `--db` holds no ledger yet: a file that does not exist, or a PostgreSQL
/// database without plenum's tables.
fn is_new(db: &str) -> bool {
    if plenum_store::postgres::is_url(db) {
        return matches!(
            plenum_store::postgres::PgStore::open(db),
            Err(Error::NotALedger(why)) if why.starts_with("the database holds no plenum ledger")
        );
    }
    !Path::new(db).exists()
}

/// Runs `plenum import popolo`.
pub fn run_import(args: &ImportArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let text = super::read_text(&args.file, plenum_model::limits::MAX_EVENT_FILE_BYTES)?;
    let shown = args.file.display().to_string();
    let popolo = parse(&args.file, &text)?;
    let file_name = args
        .file
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let is_new = is_new(&global.db);
    let given = match (&args.statute, is_new) {
        (Some(_), false) => bail!(
            "--statute is for a new ledger, and {} exists (it has its statute; amend it with a statute_adopted event)",
            open::shown(&global.db)
        ),
        (Some(path), true) => {
            let s = super::read_text(path, plenum_model::limits::MAX_STATUTE_BYTES as u64)?;
            Some(statute_of(&s, path)?)
        }
        (None, _) => None,
    };
    let fail = |e: popolo::import::ImportError| anyhow!("{shown}: {e} (nothing was recorded)");
    let plan = popolo::import::plan(
        &popolo,
        &file_name,
        given.as_ref().map(|g| &g.1),
        is_new && given.is_none(),
    )
    .map_err(fail)?;
    let located =
        plenum_model::event::read::read(&plan.lines, plenum_model::event::read::Format::JsonLines)
            .map_err(|e| {
                let at = plan
                    .origins
                    .get(e.line.saturating_sub(1))
                    .cloned()
                    .unwrap_or_else(|| "$".into());
                anyhow!("{shown}: {at}: {} (nothing was recorded)", e.message)
            })?;
    let events: Vec<Event> = located.into_iter().map(|l| l.event).collect();
    let proposed = match (&plan.statute, given.is_none() && is_new) {
        (Some(text), true) => {
            let (event, _) = statute_of(text, Path::new("proposed statute"))
                .map_err(|e| anyhow!("the proposed statute does not read (a bug): {e}"))?;
            if let Some(out) = &args.proposed_statute {
                write_whole(out, text.as_bytes())?;
            }
            Some(event)
        }
        _ => None,
    };
    if is_new && given.is_none() && proposed.is_none() {
        bail!(
            "{shown}: nobody sits on any body in the file, so there is no organization to make a statute for; give --statute"
        );
    }
    let statute_event = given.map(|g| g.0).or(proposed);
    let now = super::now()?;
    let refused = |e: plenum_store::WriteError| -> anyhow::Error {
        if let plenum_store::WriteError::Record(RecordError::Refused(r)) = &e {
            let at = plan
                .origins
                .get(r.index)
                .cloned()
                .unwrap_or_else(|| "$".into());
            return anyhow!(
                "{shown}: {at}: {} (nothing was recorded)",
                r.refusal.message
            );
        }
        anyhow!(e).context("nothing was recorded")
    };
    let bar = progress::spinner(
        events.len() as u64,
        format!("recording {} events", events.len()),
    );
    let (first, head, findings) = if let Some(statute) = statute_event {
        let mut made = None;
        let store = open::create(&global.db, false, |store| {
            plenum_store::record(store, &[statute], &now).map_err(anyhow::Error::from)?;
            let w = plenum_store::record(store, &events, &now).map_err(refused)?;
            made = Some((w.recorded.first.0, w.head.seq.0, w.recorded.findings.len()));
            Ok(())
        })?;
        drop(store);
        made.ok_or_else(|| anyhow!("the ledger was made without its batch (a bug)"))?
    } else {
        let store = open::writable(&global.db)?;
        let w = plenum_store::record(&*store, &events, &now).map_err(refused)?;
        (w.recorded.first.0, w.head.seq.0, w.recorded.findings.len())
    };
    bar.finish_and_clear();
    let statute_said = match (&args.statute, is_new) {
        (Some(p), _) => format!("given ({})", p.display()),
        (None, true) => "proposed".to_owned(),
        (None, false) => "the ledger's own".to_owned(),
    };
    let report = serde_json::json!({
        "file": shown,
        "db": open::shown(&global.db),
        "statute": statute_said,
        "proposed_statute": plan.statute,
        "organization": plan.main,
        "bodies": plan.chambers.iter().map(|c| serde_json::json!({"organ": format!("{}/{}", c.owner, c.key), "name": c.name, "memberships": c.seats})).collect::<Vec<_>>(),
        "counts": plan.counts,
        "events": events.len(),
        "first": first,
        "head": head,
        "findings": findings,
        "unmapped": plan.unmapped,
    });
    if global.json {
        render::json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let c = &plan.counts;
    out!(
        "imported {shown} into {}: {} events (entries {first}–{head}): {} persons, {} organizations, {} organs, {} factions, {} posts, {} seats, {} counted seats, {} alignments, {} memberships, {} meetings",
        open::shown(&global.db),
        events.len(),
        c.persons,
        c.organizations,
        c.organs,
        c.factions,
        c.posts,
        c.seats,
        c.counted,
        c.alignments,
        c.memberships,
        c.meetings
    )?;
    for ch in &plan.chambers {
        out!(
            "  {} is the organ {}/{} ({} memberships)",
            ch.name,
            ch.owner,
            ch.key,
            ch.seats
        )?;
    }
    if args.statute.is_none() && is_new {
        out!(
            "no --statute: proposed the least statute that lets the import stand ({}){}",
            plan.main.as_deref().unwrap_or("?"),
            args.proposed_statute
                .as_ref()
                .map_or_else(String::new, |p| format!(", written to {}", p.display()))
        )?;
    }
    if findings > 0 {
        out!("{findings} findings (plenum check lists them)")?;
    }
    if plan.unmapped.is_empty() {
        out!("everything in the file was mapped")?;
    } else {
        out!("not mapped (by JSON path: count, first place):")?;
        for u in &plan.unmapped {
            out!(
                "  {}: {}, first {}{}",
                u.path,
                u.count,
                u.first,
                u.why.map_or_else(String::new, |w| format!(" ({w})"))
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

//! `plenum person`: a person's career.

use std::process::ExitCode;

use plenum_model::query::person::{PersonReport, person};

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum person`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plenum person \"Kim Il-sung\"\n  plenum person \"Ho Ka-ai\" --json   (any alias or romanization the record knows)"
)]
pub struct PersonArgs {
    /// The person: id, name or alias, in any case.
    pub name: String,
}

/// Runs `plenum person`.
pub fn run(args: &PersonArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = open::read_only(&global.db)?;
    let report = person(&*store.snapshot()?, &args.name)?;
    if global.json {
        render::json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_human(&report)?;
    Ok(ExitCode::SUCCESS)
}

fn cause<T: serde::Serialize>(cause: &Option<T>) -> String {
    cause
        .as_ref()
        .and_then(|c| serde_json::to_value(c).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn print_human(r: &PersonReport) -> anyhow::Result<()> {
    out!("{} ({})", r.name, r.id)?;
    if !r.aliases.is_empty() {
        out!("also: {}", r.aliases.join("; "))?;
    }
    if let Some(died) = &r.died {
        out!("died: {died}")?;
    }
    if !r.memberships.is_empty() {
        out!("\nmemberships")?;
        let mut t = render::table(&["organization", "status", "held", "ended"]);
        for m in &r.memberships {
            t.add_row(vec![
                m.organization.name.clone(),
                cause(&Some(m.status)),
                render::span(&m.from, m.to.as_deref()),
                cause(&m.ended),
            ]);
        }
        render::print_table(&t)?;
    }
    if !r.factions.is_empty() {
        out!("\nfactions")?;
        let mut t = render::table(&["faction", "as", "held"]);
        for f in &r.factions {
            t.add_row(vec![
                f.faction.name.clone(),
                if f.leader { "leader" } else { "member" }.to_owned(),
                render::span(&f.from, f.to.as_deref()),
            ]);
        }
        render::print_table(&t)?;
    }
    if !r.seats.is_empty() {
        out!("\nseats")?;
        let mut t = render::table(&["organ", "role", "held", "ended"]);
        for s in &r.seats {
            let organ = if s.nominal {
                format!("{} (nominal)", s.organ.name)
            } else {
                s.organ.name.clone()
            };
            t.add_row(vec![
                organ,
                s.role.as_str().to_owned(),
                render::span(&s.from, s.to.as_deref()),
                cause(&s.ended),
            ]);
        }
        render::print_table(&t)?;
    }
    if !r.posts.is_empty() {
        out!("\nposts")?;
        let mut t = render::table(&["post", "held", "ended"]);
        for p in &r.posts {
            let name = if p.acting {
                format!("{} (acting)", p.post.name)
            } else {
                p.post.name.clone()
            };
            let name = if p.nominal {
                format!("{name} (nominal)")
            } else {
                name
            };
            t.add_row(vec![
                name,
                render::span(&p.from, p.to.as_deref()),
                cause(&p.ended),
            ]);
        }
        render::print_table(&t)?;
    }
    if !r.observed.is_empty() {
        out!("\nheld at some time within a period (start and end unknown)")?;
        let mut t = render::table(&["post or organ", "held"]);
        for o in &r.observed {
            let what = match (&o.post, &o.organ, o.role) {
                (Some(post), ..) => post.name.clone(),
                (None, Some(organ), Some(plenum_model::event::Role::Alternate)) => {
                    format!("{} (alternate)", organ.name)
                }
                (None, Some(organ), _) => organ.name.clone(),
                (None, None, _) => String::new(),
            };
            t.add_row(vec![what, format!("at some time in {}", o.during)]);
        }
        render::print_table(&t)?;
    }
    if !r.record.is_empty() {
        out!("\nrecord")?;
        let mut t = render::table(&["date", "what", "event"]);
        for line in &r.record {
            t.add_row(vec![
                line.date.clone(),
                line.text.clone(),
                line.event.clone(),
            ]);
        }
        render::print_table(&t)?;
    }
    Ok(())
}

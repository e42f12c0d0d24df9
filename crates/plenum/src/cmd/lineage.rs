//! `plenum lineage`: an organization's predecessors and successors.

use std::process::ExitCode;

use plenum_model::query::lineage::{LineageReport, LinkLine, OrgLine, lineage};
use plenum_model::rows::LinkKind;

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum lineage`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  plenum lineage WPK\n  plenum lineage \"North Korea Bureau\" --json"
)]
pub struct LineageArgs {
    /// The organization: id, name, former name or alias.
    pub org: String,
}

/// Runs `plenum lineage`.
pub fn run(args: &LineageArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = open::read_only(&global.db)?;
    let report = lineage(&*store.snapshot()?, &args.org)?;
    if global.json {
        render::json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_human(&report)?;
    Ok(ExitCode::SUCCESS)
}

fn life(o: &OrgLine) -> String {
    let founded = o.founded.as_deref().unwrap_or("?");
    match (&o.ended, &o.ended_how) {
        (Some(end), Some(how)) => format!("{founded} – {end} ({how})"),
        (Some(end), None) => format!("{founded} – {end}"),
        _ => format!("{founded} –"),
    }
}

fn link(l: &LinkLine) -> String {
    match l.link {
        LinkKind::MergedInto => format!("{}  {} merged into {}", l.date, l.from.name, l.to.name),
        LinkKind::SplitInto => format!("{}  {} split off from {}", l.date, l.to.name, l.from.name),
        LinkKind::ReplacedBy => format!("{}  {} replaced {}", l.date, l.to.name, l.from.name),
        LinkKind::PartOf => format!(
            "{}  {} formally part of {}{}",
            l.date,
            l.from.name,
            l.to.name,
            l.until
                .as_ref()
                .map_or_else(String::new, |u| format!(" until {u}"))
        ),
    }
}

fn print_human(r: &LineageReport) -> anyhow::Result<()> {
    let o = &r.organization;
    out!("{} ({}): {}", o.name, o.id, life(o))?;
    if o.names.len() > 1 {
        for n in &o.names {
            out!(
                "  named {} {}",
                n.name,
                render::span(&n.from, n.to.as_deref())
            )?;
        }
    }
    if o.categories.len() > 1 {
        for c in &o.categories {
            out!(
                "  a {} {}",
                c.category,
                render::span(&c.from, c.to.as_deref())
            )?;
        }
    }
    if let Some(banned) = &o.banned {
        out!("  banned {banned}")?;
    }
    for (title, links) in [
        ("predecessors", &r.predecessors),
        ("successors", &r.successors),
        ("affiliations", &r.affiliations),
    ] {
        if !links.is_empty() {
            out!("\n{title}")?;
            for l in links {
                out!("  {}", link(l))?;
            }
        }
    }
    if !r.interventions.is_empty() {
        out!("\ninterventions")?;
        for i in &r.interventions {
            let by: Vec<&str> = std::iter::once(&i.by)
                .chain(&i.with)
                .map(|n| n.name.as_str())
                .collect();
            out!("  {}  {} by {}", i.date, i.act, by.join(" and "))?;
        }
    }
    if !r.directions.is_empty() {
        out!("\ndirections")?;
        for d in &r.directions {
            out!(
                "  {}  {} directed by {}{}",
                d.from,
                d.org.name,
                d.by.name,
                d.until
                    .as_ref()
                    .map_or_else(String::new, |u| format!(" until {u}"))
            )?;
        }
    }
    let with_figures: Vec<&OrgLine> = r
        .organizations
        .iter()
        .filter(|o| !o.figures.is_empty())
        .collect();
    if !with_figures.is_empty() {
        out!("\nmembership figures")?;
        for o in with_figures {
            for f in &o.figures {
                let bound = if f.at_least { "more than " } else { "" };
                let from = f
                    .from
                    .as_ref()
                    .map_or_else(String::new, |x| format!(" (from {})", x.name));
                out!("  {}  {}: {bound}{}{from}", f.date, o.name, f.count)?;
            }
        }
    }
    out!("\norganizations")?;
    for org in &r.organizations {
        out!("  {} ({}): {}", org.name, org.id, life(org))?;
    }
    Ok(())
}

//! `plenum lineage`: an organization's predecessors and successors.

use std::process::ExitCode;

use plenum_model::query::groups::{GroupCount, GroupLine};
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

    /// Count what befell its people (`groups`) only within this period (EDTF:
    /// 1950/1953, 1956): events only possibly within it count towards the most, not the least.
    #[arg(long, value_name = "PERIOD", value_parser = super::parse_date)]
    pub during: Option<plenum_model::date::FuzzyDate>,
}

/// Runs `plenum lineage`.
pub fn run(args: &LineageArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = open::read_only(&global.db)?;
    let snapshot = store.snapshot()?;
    let mut report = lineage(&*snapshot, &args.org)?;
    if let Some(period) = &args.during {
        let org = report.organization.id.parse()?;
        report.groups = plenum_model::query::groups::during(&*snapshot, &org, period)?;
    }
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
    if !r.groups.is_empty() {
        out!("\nwhat befell its people (named and counted)")?;
        for g in &r.groups {
            out!("  {}", group_count(g))?;
            for e in &g.events {
                out!("    {}", group_line(e))?;
            }
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

/// "expelled: 14 or more (1 named: Mu Chong; 13 or more unnamed)".
fn group_count(g: &GroupCount) -> String {
    let bound = |least: u32, most: Option<u32>| match most {
        Some(most) if most == least => least.to_string(),
        Some(most) => format!("{least} to {most}"),
        None => format!("{least} or more"),
    };
    let named: Vec<&str> = g.named.iter().map(|n| n.name.as_str()).collect();
    let mut parts = Vec::new();
    if !named.is_empty() {
        parts.push(format!("{} named: {}", named.len(), named.join(", ")));
    }
    if g.unnamed_most != Some(0) {
        parts.push(format!(
            "{} unnamed",
            bound(g.unnamed_least, g.unnamed_most)
        ));
    }
    format!(
        "{}: {} ({})",
        g.what.as_str(),
        bound(g.least, g.most),
        parts.join("; ")
    )
}

/// "1952  a number (military leaders)  leaders-expelled".
fn group_line(e: &GroupLine) -> String {
    let mut who = Vec::new();
    if let Some(p) = &e.person {
        who.push(p.name.clone());
    }
    if let Some(others) = &e.others {
        let others = match others.as_str() {
            "1" => "one other".to_owned(),
            "a number" => "a number of others".to_owned(),
            word => format!("{word} others"),
        };
        match &e.who {
            Some(w) => who.push(format!("{others} ({w})")),
            None => who.push(others),
        }
    }
    let possibly = if e.certainty == plenum_model::date::Truth::Possibly {
        " (possibly within the period)"
    } else {
        ""
    };
    format!("{}  {}{possibly}  {}", e.date, who.join(" and "), e.event)
}

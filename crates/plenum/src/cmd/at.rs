//! `plenum at`: who sat on an organ, or held a post, on a date.

use std::collections::BTreeMap;
use std::process::ExitCode;

use plenum_model::date::{FuzzyDate, Truth};
use plenum_model::query::at::{AtReport, UNKNOWN_FACTION, at};
use plenum_model::query::reports::AsOf;

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum at`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n\
  plenum at 1956-09-01 politburo --by faction\n\
  plenum at 1992-09 \"central committee\" --org WPK --json\n\
  plenum at 1950 chairman                 who held the post\n\
  plenum at 1950 politburo --as-of 120    as the record stood at entry 120\n\
  plenum at 1950 \"Yanan faction\"         who stood with the faction, and who led it\n\
  plenum at 1945-11 \"North Korea Bureau\"  an organization: its members (as the record keeps them)\n\n\
A date of a month or a year asks who held on some day of it. Certainty is three-valued:\n\
`definitely` if the seat was certainly held on some day of the date; `possibly` if it may\n\
have been (fuzzy or uncertain dates).\n\
Seats the record counts without names (\"the Yanan faction had 6\") are listed as\n\
unnamed, by faction, and counted in the totals.")]
pub struct AtArgs {
    /// The date (EDTF: 1956-09-01, 1956-09, 1956, 1955~, ...).
    #[arg(value_parser = super::parse_date)]
    pub date: FuzzyDate,

    /// The organ, post, faction or organization: id, name or alias (`politburo`, `wpk/cc`,
    /// "General Secretary", "Yanan faction", WPK); the words of a name are enough when they
    /// fit one thing only.
    pub target: String,

    /// The organization, when the name fits organs of several.
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,

    /// Group the seats: `faction`.
    #[arg(long, value_name = "GROUPING", value_parser = ["faction"])]
    pub by: Option<String>,

    /// Answer from the record as it stood after this ledger entry.
    #[arg(long, value_name = "SEQ")]
    pub as_of: Option<u64>,
}

/// Runs `plenum at`.
pub fn run(args: &AtArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let store = open::read_only(&global.db)?;
    let report = match args.as_of {
        None => at(
            &*store.snapshot()?,
            &args.date,
            &args.target,
            args.org.as_deref(),
        )?,
        Some(seq) => at(
            &open::as_of(&*store, seq)?,
            &args.date,
            &args.target,
            args.org.as_deref(),
        )
        .map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    if global.json {
        let answer = AsOf {
            report,
            as_of: args.as_of,
        };
        render::json(&serde_json::to_value(&answer)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_human(&report, args)?;
    Ok(ExitCode::SUCCESS)
}

fn print_human(report: &AtReport, args: &AtArgs) -> anyhow::Result<()> {
    let what = report
        .organ
        .as_ref()
        .or(report.post.as_ref())
        .or(report.faction.as_ref())
        .map_or("Members", |n| n.name.as_str());
    let as_of = args.as_of.map_or_else(String::new, |s| {
        format!(", as the record stood at entry {s}")
    });
    let possibly = report.total - report.definite;
    let certainty = if possibly > 0 {
        format!(" ({possibly} only possibly)")
    } else {
        String::new()
    };
    let noun = match (&report.organ, &report.post) {
        (Some(_), _) => "seat",
        (_, Some(_)) => "holder",
        _ => "member",
    };
    // "Head of the Provisional Committee", not "... of the Provisional Committee" twice.
    let of = if what.contains(&report.organization.name) || report.organization.name.is_empty() {
        String::new()
    } else {
        format!(" of the {}", report.organization.name)
    };
    // Tenures seen within a period are listed, not counted.
    let observed = report
        .members
        .iter()
        .filter(|m| m.observed.is_some())
        .count();
    let seen = match observed {
        0 => String::new(),
        1 => "; 1 more observed within a period".to_owned(),
        n => format!("; {n} more observed within a period"),
    };
    out!(
        "{what}{of} on {}{as_of}: {} {noun}{}{certainty}{seen}",
        report.date,
        report.total,
        if report.total == 1 { "" } else { "s" }
    )?;
    if report.total == 0 && observed == 0 {
        return Ok(());
    }
    out!()?;
    if args.by.is_some() {
        return print_by_faction(report);
    }
    // A unit column only where the record places some member in a unit.
    let units = report.members.iter().any(|m| m.unit.is_some());
    let mut table = if units {
        render::table(&["name", "role", "unit", "faction", "certainty", "held"])
    } else {
        render::table(&["name", "role", "faction", "certainty", "held"])
    };
    for m in &report.members {
        let mut row = vec![
            if m.nominal {
                format!("{} (nominal)", m.name)
            } else {
                m.name.clone()
            },
            match (m.role, m.leader, m.status, &report.post) {
                (Some(role), ..) => role.as_str(),
                (None, true, ..) => "leader",
                (None, false, Some(status), _) => status.as_str(),
                (None, false, None, Some(_)) => "holder",
                (None, false, None, None) => "member",
            }
            .to_owned(),
            m.faction
                .as_ref()
                .map_or_else(|| "–".to_owned(), |f| f.name.clone()),
            m.certainty.as_str().to_owned(),
            match &m.observed {
                Some(period) => format!("at some time in {period}"),
                None => render::span(&m.since, m.until.as_deref()),
            },
        ];
        if units {
            let unit = m
                .unit
                .as_ref()
                .map_or_else(|| "–".to_owned(), |u| u.name.clone());
            row.insert(2, unit);
        }
        table.add_row(row);
    }
    for u in &report.unnamed {
        let mut row = vec![
            format!("({} unnamed)", u.count),
            u.role.as_str().to_owned(),
            u.faction
                .as_ref()
                .map_or_else(|| "–".to_owned(), |f| f.name.clone()),
            u.certainty.as_str().to_owned(),
            String::new(),
        ];
        if units {
            row.insert(2, String::new());
        }
        table.add_row(row);
    }
    render::print_table(&table)?;
    Ok(())
}

fn print_by_faction(report: &AtReport) -> anyhow::Result<()> {
    let mut groups: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for m in report.members.iter().filter(|m| m.observed.is_none()) {
        let faction = m
            .faction
            .as_ref()
            .map_or(UNKNOWN_FACTION, |f| f.name.as_str());
        let mark = if m.certainty == Truth::Possibly {
            " (possibly)"
        } else {
            ""
        };
        let role = if m.role == Some(plenum_model::event::Role::Alternate) {
            " [alternate]"
        } else {
            ""
        };
        let nominal = if m.nominal { " (nominal)" } else { "" };
        groups
            .entry(faction)
            .or_default()
            .push(format!("{}{role}{nominal}{mark}", m.name));
    }
    for u in &report.unnamed {
        let faction = u
            .faction
            .as_ref()
            .map_or(UNKNOWN_FACTION, |f| f.name.as_str());
        let role = if u.role == plenum_model::event::Role::Alternate {
            " alternate"
        } else {
            ""
        };
        groups
            .entry(faction)
            .or_default()
            .push(format!("{} unnamed{role}", u.count));
    }
    for (faction, seats) in &report.by_faction {
        out!("{faction}: {seats}")?;
        for line in groups.get(faction.as_str()).into_iter().flatten() {
            out!("  {line}")?;
        }
    }
    Ok(())
}

//! `plenum check`: every finding of the rules engine, each citing its article.

use std::process::ExitCode;

use plenum_model::date::FuzzyDate;
use plenum_model::query::check::{FindingLine, check};
use plenum_model::query::reports::CheckReport;
use plenum_model::rules::{Rule, Severity};

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum check`.
#[derive(Debug, clap::Args)]
#[command(after_help = rules_help())]
pub struct CheckArgs {
    /// Judge the record as of this date: events up to it, and organs overdue on it [default: today].
    #[arg(long, value_parser = super::parse_date, value_name = "DATE")]
    pub at: Option<FuzzyDate>,

    /// Only findings of this rule.
    #[arg(long, value_name = "RULE")]
    pub rule: Option<String>,
}

fn rules_help() -> String {
    let mut text = String::from("Rules (ids):\n");
    for rule in Rule::ALL {
        text.push_str(&format!("  {rule}\n"));
    }
    text.push_str("\nExit status: 1 if any violation or warning is found, 0 if none (notices alone), 2 on error.");
    text
}

/// Runs `plenum check`.
pub fn run(args: &CheckArgs, global: &Global) -> anyhow::Result<ExitCode> {
    if let Some(rule) = &args.rule
        && !Rule::ALL.iter().any(|r| r.id() == rule)
    {
        anyhow::bail!(
            "unknown rule `{rule}`; rules are: {}",
            Rule::ALL.map(|r| r.id()).join(", ")
        );
    }
    let store = open::read_only(&global.db)?;
    let date = match &args.at {
        Some(date) => date.clone(),
        None => super::today()?,
    };
    let mut findings: Vec<FindingLine> = check(&*store.snapshot()?, date.latest())?;
    findings.retain(|f| args.rule.as_deref().is_none_or(|r| f.rule.id() == r));
    let serious = findings.iter().any(|f| f.severity >= Severity::Warning);
    let code = if serious {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if global.json {
        let report = CheckReport {
            as_of: date.to_string(),
            findings,
        };
        render::json(&serde_json::to_value(&report)?)?;
        return Ok(code);
    }
    if findings.is_empty() {
        out!("no findings as of {date}")?;
        return Ok(code);
    }
    for f in &findings {
        out!(
            "{} {} [{}] {}",
            f.date,
            f.severity.as_str(),
            f.rule,
            f.message
        )?;
        if let Some(c) = &f.citation {
            let article = c
                .article
                .as_ref()
                .map_or_else(|| "statute".to_owned(), |a| format!("Article {a}"));
            match &c.text {
                Some(text) => out!("    {article} ({} {}): \"{text}\"", c.org, c.version)?,
                None => out!("    {article} ({} {})", c.org, c.version)?,
            }
        }
        let certainty = if f.certainty == plenum_model::date::Truth::Possibly {
            " (possibly: the dates are uncertain)"
        } else {
            ""
        };
        out!(
            "    events: {}{certainty}",
            f.events
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    out!(
        "\n{} findings as of {date}: {} violations, {} warnings, {} notices",
        findings.len(),
        count(Severity::Violation),
        count(Severity::Warning),
        count(Severity::Notice)
    )?;
    Ok(code)
}

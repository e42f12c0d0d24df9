//! `check`: every finding of the rules engine as of a date, each citing its article.
//!
//! Findings about events are kept with the projections (the rules judged each
//! event when it was recorded); organs overdue for a meeting depend on the
//! date asked about, so they are found here.

use serde::Serialize;

use crate::date::{Day, FuzzyDate, Truth};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::EventId;
use crate::rules::{Held, overdue};
use crate::statute::StatuteBook;

use super::{Facts, render};

/// A finding, its message in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingLine {
    /// The rule.
    pub rule: Rule,
    /// How serious.
    pub severity: Severity,
    /// Definitely, or only possibly.
    pub certainty: Truth,
    /// When.
    pub date: FuzzyDate,
    /// The article broken, quoted.
    pub citation: Option<Citation>,
    /// The events it rests on.
    pub events: Vec<EventId>,
    /// What is wrong.
    pub message: String,
}

/// Every finding about events dated (possibly) on or before `day`, plus the
/// organs overdue for a meeting on `day`, sorted by date, rule and events.
pub fn check<F: Facts + ?Sized>(facts: &F, day: Day) -> Result<Vec<FindingLine>, F::Error> {
    let mut findings: Vec<Finding> = facts
        .findings(day)?
        .into_iter()
        .map(|row| row.finding)
        .filter(|f| f.date.earliest() <= day)
        .collect();
    let book = StatuteBook::from_events(&facts.statute_events()?);
    let mut held: Vec<Held> = Vec::new();
    let mut rows = facts.held()?;
    rows.sort_by(|a, b| (&a.organ, &a.date, a.pos).cmp(&(&b.organ, &b.date, b.pos)));
    for row in rows {
        match held.last_mut() {
            Some(h) if h.organ == row.organ => h.meetings.push(row),
            _ => held.push(Held {
                organ: row.organ.clone(),
                meetings: vec![row],
            }),
        }
    }
    let mut orgs = std::collections::HashMap::new();
    for h in &held {
        if !orgs.contains_key(&h.organ.org) {
            orgs.insert(h.organ.org.clone(), facts.org_row(&h.organ.org)?);
        }
    }
    findings.extend(overdue(
        &book,
        &held,
        |org| orgs.get(org).cloned().flatten(),
        day,
    ));
    findings.sort_by(|a, b| (&a.date, a.rule, &a.events).cmp(&(&b.date, b.rule, &b.events)));
    let messages = render(
        facts,
        &findings.iter().map(|f| &f.message).collect::<Vec<_>>(),
    )?;
    Ok(findings
        .into_iter()
        .zip(messages)
        .map(|(f, message)| FindingLine {
            rule: f.rule,
            severity: f.severity,
            certainty: f.certainty,
            date: f.date,
            citation: f.citation,
            events: f.events,
            message,
        })
        .collect())
}

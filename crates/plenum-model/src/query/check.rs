//! `check`: every finding of the rules engine as of a date, each citing its article.
//!
//! Findings about events are kept with the projections (the rules judged each
//! event when it was recorded); organs overdue for a meeting depend on the
//! date asked about, so they are found here.

use serde::Serialize;

use crate::date::{Day, FuzzyDate, Truth};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::EventId;
use crate::rules::status::lasting_too_long;
use crate::rules::terms::{Office, Running, expired};
use crate::rules::{Held, overdue};
use crate::statute::StatuteBook;

use super::{Facts, render};

/// A finding, its message in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FindingLine {
    /// The rule.
    pub rule: Rule,
    /// How serious.
    pub severity: Severity,
    /// Definitely, or only possibly.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub certainty: Truth,
    /// When.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub date: FuzzyDate,
    /// The article broken, quoted.
    pub citation: Option<Citation>,
    /// The events it rests on.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<String>))]
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
    findings.extend(crate::rules::tied_unmet(
        &book,
        &held,
        |org| {
            orgs.get(org)
                .cloned()
                .flatten()
                .and_then(|o| o.span)
                .and_then(|s| s.end)
                .map(|e| e.earliest())
        },
        day,
    ));
    findings.extend(expired_terms(facts, &book, day)?);
    findings.extend(super::holders::no_longer_eligible(facts, &book, day)?);
    findings.extend(statuses_too_long(facts, &book, day)?);
    findings.extend(super::confirmations::unconfirmed(facts, &book, day)?);
    findings.extend(super::succession::skipped(facts, &book, day)?);
    findings.extend(super::between::exceeded(facts, &book, day)?);
    findings.extend(super::vacancies::unfilled(facts, &book, day)?);
    findings.extend(super::regions::short(facts, &book, day)?);
    findings.extend(super::bars_held::held_through_bars(facts, &book, day)?);
    let messages = render(
        facts,
        &findings.iter().map(|f| &f.message).collect::<Vec<_>>(),
    )?;
    let mut lines: Vec<FindingLine> = findings
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
        .collect();
    // A total order, so every store gives one answer: stores return rows in no
    // particular order (PostgreSQL's heap order moves with back-dated rewrites), and
    // findings that tie on date, rule and events would otherwise keep that order.
    lines.sort_by(|a, b| order(a).cmp(&order(b)));
    Ok(lines)
}

/// The order of `check`'s lines: by date, rule and events, then by everything else.
fn order(
    l: &FindingLine,
) -> (
    &FuzzyDate,
    Rule,
    &[EventId],
    &str,
    Truth,
    Severity,
    &Option<Citation>,
) {
    (
        &l.date,
        l.rule,
        &l.events,
        &l.message,
        l.certainty,
        l.severity,
        &l.citation,
    )
}

/// Tenures the record leaves running on `day` past the end of their term.
fn expired_terms<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let organs = book.organs_where(|o| o.term.is_some());
    let posts = book.posts_where(|p| p.term.is_some());
    let running_on = |span: &crate::rows::Span| {
        span.start.earliest() <= day && span.end.as_ref().is_none_or(|e| e.earliest() > day)
    };
    let mut seats = Vec::new();
    for organ in &organs {
        seats.extend(
            facts
                .seats_on(organ, day, day)?
                .into_iter()
                .filter(|s| running_on(&s.span)),
        );
    }
    let mut tenures = Vec::new();
    for post in &posts {
        tenures.extend(
            facts
                .holders_of(post, day, day)?
                .into_iter()
                .filter(|p| running_on(&p.span)),
        );
    }
    let running: Vec<Running<'_>> = seats
        .iter()
        .map(|s| Running {
            office: Office::Organ(&s.organ),
            person: &s.person,
            start: &s.span.start,
            event: &s.start_event,
        })
        .chain(tenures.iter().map(|p| Running {
            office: Office::Post(&p.post),
            person: &p.person,
            start: &p.span.start,
            event: &p.start_event,
        }))
        .collect();
    Ok(expired(book, &running, day))
}

/// Candidacies and suspensions lasting, on `day`, beyond the statute's limit; only
/// organizations whose statute in force sets one are read.
fn statuses_too_long<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let mut rows = Vec::new();
    for org in book.orgs() {
        let limited = book.versions_of(org).iter().any(|v| {
            v.probation.is_some()
                || v.discipline.iter().any(|d| d.longest.is_some())
                || transfers(v)
        });
        // Where a candidacy may be extended or follow a transfer from full
        // membership, the rows before (to find how a candidacy began).
        let extensible = book
            .versions_of(org)
            .iter()
            .any(|v| v.probation_extension.is_some() || transfers(v));
        if limited {
            let since = if extensible { Day::MIN } else { day };
            rows.extend(facts.members_on(org, since, day)?);
        }
    }
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(lasting_too_long(book, &rows, day))
}

/// Whether a version has a penalty that transfers a full member to candidate membership.
fn transfers(version: &crate::statute::Version) -> bool {
    version
        .penalties
        .iter()
        .any(|p| p.effect == Some(crate::statute::PenaltyEffect::Candidate))
}

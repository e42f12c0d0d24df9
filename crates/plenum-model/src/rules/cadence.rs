//! The rule that needs a date rather than an event: organs overdue for a meeting.

use crate::date::{Day, End, FuzzyDate, Shape, Truth};
use crate::event::kinds::Evidence;
use crate::id::{EntityKind, OrgId, OrganRef};
use crate::phrase::{Phrase, name};
use crate::rows::{HeldRow, OrgRow};
use crate::statute::{Cadence, Cited, StatuteBook};

use super::{Citation, Finding, Rule, Severity};

/// The meetings an organ has held, as [`overdue`] reads them.
#[derive(Clone, Debug)]
pub struct Held {
    /// The organ.
    pub organ: OrganRef,
    /// Its meetings.
    pub meetings: Vec<HeldRow>,
}

/// The day from which the cadence rule of `organ` in force on `day` has been in
/// force without a break (through versions that repeat it unchanged), if the
/// statute in force on `day` sets one.
pub(crate) fn in_force_since(book: &StatuteBook, organ: &OrganRef, day: Day) -> Option<Day> {
    let versions = book.versions_of(&organ.org);
    let current = versions
        .iter()
        .rposition(|v| v.effective.earliest() <= day)?;
    let rule = versions[current].organ(&organ.key)?.meets.as_ref()?.rule;
    let mut since = versions[current].effective.earliest();
    for version in versions[..current].iter().rev() {
        let same = version
            .organ(&organ.key)
            .and_then(|d| d.meets.as_ref())
            .is_some_and(|m| m.rule == rule);
        if !same {
            break;
        }
        since = version.effective.earliest();
    }
    Some(since)
}

/// The day a meeting sat from. A session written as an interval of exact days
/// (`2016-10-24/2016-10-27`) sat from its first day: that is known, not fuzzy.
/// Any other date is as fuzzy as written.
pub(crate) fn sitting(date: &FuzzyDate) -> FuzzyDate {
    match date.shape() {
        Shape::Interval(End::Point(a), End::Point(b))
            if is_exact_day(*a) && is_exact_day(*b) && !date.is_uncertain() =>
        {
            FuzzyDate::day(a.earliest())
        }
        _ => date.clone(),
    }
}

fn is_exact_day(q: crate::date::Qualified) -> bool {
    matches!(q.point(), crate::date::Point::Day(_)) && !q.is_approximate() && !q.is_uncertain()
}

/// What a gap between meetings (or since the rule came into force) broke.
pub(crate) struct Gap {
    /// Whether the cadence was broken.
    pub certainty: Truth,
    /// What was missed: `due by 1981-04-10`, `none in 2022`.
    pub missed: String,
}

/// Judges the time from the previous meeting (sat between `prev_lo` and
/// `prev_hi`) to a day between `to_lo` and `to_hi` (the next meeting, or the day
/// asked about) against a cadence in force since `since`.
///
/// Rolling: broken if more than the period passed (counted from the later of the
/// previous meeting and `since`). Calendar: broken if a whole calendar period in
/// force lies between them with no meeting.
pub(crate) fn gap(
    cadence: &Cadence,
    since: Option<Day>,
    (prev_lo, prev_hi): (Day, Day),
    (to_lo, to_hi): (Day, Day),
) -> Gap {
    if let Cadence::Count(period, _) = cadence {
        // Periods with no meeting at all; too few is `count::short_period`.
        let calendar = Cadence::Calendar(*period);
        return gap(&calendar, since, (prev_lo, prev_hi), (to_lo, to_hi));
    }
    match cadence {
        Cadence::Rolling(every) => {
            let (from_lo, from_hi) = match since {
                Some(since) if since > prev_lo => (since.max(prev_lo), since.max(prev_hi)),
                _ => (prev_lo, prev_hi),
            };
            let certainty = if to_lo > every.after(from_hi) {
                Truth::Definitely
            } else if to_hi > every.after(from_lo) {
                Truth::Possibly
            } else {
                Truth::No
            };
            Gap {
                certainty,
                missed: format!("due by {}", every.after(from_hi)),
            }
        }
        Cadence::Calendar(period) | Cadence::Count(period, _) => {
            let first = since.map_or(i64::MIN, |s| period.first_whole(s));
            let definite_from = (period.index(prev_hi) + 1).max(first);
            let possible_from = (period.index(prev_lo) + 1).max(first);
            let certainty = if definite_from < period.index_to(to_lo) {
                Truth::Definitely
            } else if possible_from < period.index_to(to_hi) {
                Truth::Possibly
            } else {
                Truth::No
            };
            let missed = if certainty == Truth::Definitely {
                definite_from
            } else {
                possible_from
            };
            Gap {
                certainty,
                missed: format!("none in {}", period.name(missed)),
            }
        }
    }
}

/// Organs that, as of `day`, have gone longer than their statute's cadence
/// without a meeting since the last one recorded, or since the cadence came
/// into force if that is later.
///
/// Only organs with at least one recorded meeting are judged (an organ the
/// record never shows meeting says more about the record than the organ),
/// and only while their organization exists.
pub fn overdue(
    book: &StatuteBook,
    held: &[Held],
    org_row: impl Fn(&OrgId) -> Option<OrgRow>,
    day: Day,
) -> Vec<Finding> {
    let mut held: Vec<&Held> = held.iter().collect();
    held.sort_by(|a, b| a.organ.cmp(&b.organ));
    let mut findings = Vec::new();
    for Held { organ, meetings } in held {
        let Some(version) = book.in_force(&organ.org, day) else {
            continue;
        };
        let Some(def) = version.organ(&organ.key) else {
            continue;
        };
        let Some(Cited {
            rule: cadence,
            article,
        }) = &def.meets
        else {
            continue;
        };
        if org_row(&organ.org)
            .and_then(|o| o.span)
            .is_some_and(|s| s.end.as_ref().is_some_and(|e| e.latest() < day))
        {
            continue;
        }
        let Some(last) = meetings
            .iter()
            .filter(|m| m.date.earliest() <= day)
            .max_by(|a, b| (&a.date, a.pos).cmp(&(&b.date, b.pos)))
        else {
            continue;
        };
        let since = in_force_since(book, organ, day);
        let sat = sitting(&last.date);
        let gap = gap(cadence, since, (sat.earliest(), sat.latest()), (day, day));
        if gap.certainty == Truth::No {
            let mut earlier: Vec<&HeldRow> = meetings
                .iter()
                .filter(|m| m.date.earliest() <= day)
                .collect();
            earlier.sort_by(|a, b| (&a.date, a.pos).cmp(&(&b.date, b.pos)));
            let dates: Vec<_> = earlier
                .iter()
                .map(|m| (m.date.clone(), m.evidence))
                .collect();
            if let Some(short) = super::count::short_period(cadence, since, &dates, (day, day)) {
                findings.push(Finding {
                    rule: Rule::MeetingOverdue,
                    severity: Severity::Violation,
                    certainty: short.certainty,
                    date: FuzzyDate::day(day),
                    citation: Some(Citation::of(version, article.as_ref())),
                    events: vec![last.event.clone()],
                    message: Phrase::new(short.sentence(&name(EntityKind::Organ, organ), cadence)),
                });
            }
            continue;
        }
        let in_force = match since {
            Some(since) if since > last.date.earliest() => {
                format!(", a rule in force since {since}")
            }
            _ => String::new(),
        };
        findings.push(Finding {
            rule: Rule::MeetingOverdue,
            severity: Severity::Violation,
            certainty: gap.certainty,
            date: FuzzyDate::day(day),
            citation: Some(Citation::of(version, article.as_ref())),
            events: vec![last.event.clone()],
            message: Phrase::new(format!(
                "no meeting of {} is recorded since {} ({}): the statute requires one {cadence}{in_force}; {}",
                name(EntityKind::Organ, organ),
                name(EntityKind::Meeting, &last.meeting),
                Evidence::dated(&last.date, last.evidence),
                overdue_words(&gap.missed),
            )),
        });
    }
    findings
}

/// "overdue since 1981-04-10" for a rolling cadence, "none in 2022" for a calendar one.
fn overdue_words(missed: &str) -> String {
    missed
        .strip_prefix("due by ")
        .map_or_else(|| missed.to_owned(), |d| format!("overdue since {d}"))
}

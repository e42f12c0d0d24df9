//! Vacancies not filled as soon as the statute requires (`vacancy = { within =
//! "60 days" }` or `{ within = "next-meeting" }` on an organ or post), as of a day:
//! `vacancy-unfilled`, for a seat or post filled after the deadline and for one
//! still vacant past it.
//!
//! A vacancy is a full seat or a post tenure that ended other than by an election
//! renewing the organ or post (`term-ended`), a replacement (`replaced`), a
//! promotion or the organization's end; each is matched, in date order, with the
//! first later full seat on the organ (or tenure of the post) not matched yet.
//! Judged by the statute in force on the day the office fell vacant.

use std::collections::BTreeMap;

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::{EndCause, Role};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::{EntityKind, EventId, OrgId, OrganRef, PostRef};
use crate::phrase::{Phrase, name};
use crate::rows::{HeldRow, Span};
use crate::statute::{Cited, StatuteBook, VacancyDeadline, Version};

use super::Facts;

/// A tenure of an office, as this module reads it.
struct Tenure {
    span: Span,
    start_event: EventId,
    end_event: Option<EventId>,
    end_cause: Option<EndCause>,
}

/// Every `vacancy-unfilled` finding as of `day` (see the module docs).
pub(super) fn unfilled<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let mut organs = std::collections::BTreeSet::new();
    let mut posts = std::collections::BTreeSet::new();
    for version in book.judging() {
        for o in version.organs.iter().filter(|o| o.vacancy.is_some()) {
            organs.insert(OrganRef::new(version.org.clone(), o.key.clone()));
        }
        for p in version.posts.iter().filter(|p| p.vacancy.is_some()) {
            posts.insert(PostRef::new(version.org.clone(), p.key.clone()));
        }
    }
    if organs.is_empty() && posts.is_empty() {
        return Ok(Vec::new());
    }
    let mut meetings: BTreeMap<OrganRef, Vec<HeldRow>> = BTreeMap::new();
    for row in facts.held()? {
        meetings.entry(row.organ.clone()).or_default().push(row);
    }
    let first_day = |org: &OrgId| {
        book.versions_of(org)
            .iter()
            .map(|v| v.effective.earliest())
            .min()
            .unwrap_or(day)
    };
    let mut findings = Vec::new();
    for organ in &organs {
        let tenures: Vec<Tenure> = facts
            .seats_on(organ, first_day(&organ.org), day)?
            .into_iter()
            .filter(|s| s.role == Role::Full)
            .map(|s| Tenure {
                span: s.span,
                start_event: s.start_event,
                end_event: s.end_event,
                end_cause: s.end_cause,
            })
            .collect();
        let office = Office {
            org: &organ.org,
            what: format!("a seat on {}", name(EntityKind::Organ, organ)),
            rule: |v: &Version| v.organ(&organ.key).and_then(|d| d.vacancy.clone()),
        };
        findings.extend(office.judge(book, &tenures, &meetings, day));
    }
    for post in &posts {
        let tenures: Vec<Tenure> = facts
            .holders_of(post, first_day(&post.org), day)?
            .into_iter()
            .map(|p| Tenure {
                span: p.span,
                start_event: p.start_event,
                end_event: p.end_event,
                end_cause: p.end_cause,
            })
            .collect();
        let office = Office {
            org: &post.org,
            what: format!("the post of {}", name(EntityKind::Post, post)),
            rule: |v: &Version| v.post(&post.key).and_then(|d| d.vacancy.clone()),
        };
        findings.extend(office.judge(book, &tenures, &meetings, day));
    }
    Ok(findings)
}

/// An organ's seats or a post, with its vacancy rule by version.
struct Office<'a, R> {
    org: &'a OrgId,
    what: String,
    rule: R,
}

/// When a vacancy had to be filled by: the earliest and latest reading of the
/// deadline, and the deadline in words.
struct Deadline {
    lo: Day,
    hi: Day,
    words: String,
    events: Vec<EventId>,
}

impl<R: Fn(&Version) -> Option<Cited<VacancyDeadline>>> Office<'_, R> {
    fn judge(
        &self,
        book: &StatuteBook,
        tenures: &[Tenure],
        meetings: &BTreeMap<OrganRef, Vec<HeldRow>>,
        day: Day,
    ) -> Vec<Finding> {
        let mut vacancies: Vec<(&FuzzyDate, &Tenure)> = tenures
            .iter()
            .filter(|t| {
                !matches!(
                    t.end_cause,
                    Some(
                        EndCause::TermEnded
                            | EndCause::Replaced
                            | EndCause::Promoted
                            | EndCause::OrganizationEnded
                    )
                )
            })
            .filter_map(|t| t.span.end.as_ref().map(|e| (e, t)))
            .filter(|(e, _)| e.earliest() <= day)
            .collect();
        vacancies.sort_by(|a, b| a.0.cmp(b.0));
        let mut fills: Vec<&Tenure> = tenures
            .iter()
            .filter(|t| t.span.start.earliest() <= day)
            .collect();
        fills.sort_by(|a, b| a.span.start.cmp(&b.span.start));
        let mut used = vec![false; fills.len()];
        let mut findings = Vec::new();
        for (vacant, tenure) in vacancies {
            let fill = fills.iter().enumerate().find(|(i, f)| {
                !used[*i]
                    && !std::ptr::eq(**f, tenure)
                    && f.span.start.earliest() >= vacant.earliest()
            });
            let fill = fill.map(|(i, f)| {
                used[i] = true;
                *f
            });
            let Some(version) = book.in_force(self.org, vacant.earliest()) else {
                continue;
            };
            let Some(Cited { rule, article }) = (self.rule)(version) else {
                continue;
            };
            let Some(deadline) = deadline(&rule, vacant, self.org, meetings, day) else {
                continue;
            };
            let cause = tenure
                .end_cause
                .map_or_else(String::new, |c| format!(" ({})", c.as_str()));
            let mut events: Vec<EventId> = tenure.end_event.iter().cloned().collect();
            events.extend(deadline.events.iter().cloned());
            let (certainty, date, message) = match fill {
                Some(f) => {
                    let s = &f.span.start;
                    let certainty = if s.earliest() > deadline.hi {
                        Truth::Definitely
                    } else if s.latest() > deadline.lo {
                        Truth::Possibly
                    } else {
                        Truth::No
                    };
                    events.push(f.start_event.clone());
                    (
                        certainty,
                        s.clone(),
                        format!(
                            "{} fell vacant on {vacant}{cause} and was filled on {s}; the statute requires a vacancy filled {}",
                            self.what, deadline.words
                        ),
                    )
                }
                None => {
                    let certainty = if day > deadline.hi {
                        Truth::Definitely
                    } else if day > deadline.lo {
                        Truth::Possibly
                    } else {
                        Truth::No
                    };
                    (
                        certainty,
                        FuzzyDate::day(day),
                        format!(
                            "{} has been vacant since {vacant}{cause}; the statute requires a vacancy filled {}",
                            self.what, deadline.words
                        ),
                    )
                }
            };
            if certainty == Truth::No {
                continue;
            }
            events.dedup();
            findings.push(Finding {
                rule: Rule::VacancyUnfilled,
                severity: Severity::Violation,
                certainty,
                date,
                citation: Some(Citation::of(version, article.as_ref())),
                events,
                message: Phrase::new(message),
            });
        }
        findings
    }
}

/// The deadline of a vacancy, or `None` while it cannot be known (the next
/// meeting has not been held by `day`).
fn deadline(
    rule: &VacancyDeadline,
    vacant: &FuzzyDate,
    org: &OrgId,
    meetings: &BTreeMap<OrganRef, Vec<HeldRow>>,
    day: Day,
) -> Option<Deadline> {
    match rule {
        VacancyDeadline::Within(period) => {
            let (lo, hi) = (
                period.after(vacant.earliest()),
                period.after(vacant.latest()),
            );
            let words = if lo == hi {
                format!("within {period} (by {hi})")
            } else {
                format!("within {period} (by {lo} to {hi})")
            };
            Some(Deadline {
                lo,
                hi,
                words,
                events: Vec::new(),
            })
        }
        VacancyDeadline::NextMeeting(key) => {
            let organ = OrganRef::new(org.clone(), key.clone());
            let next = meetings
                .get(&organ)?
                .iter()
                .filter(|m| m.date.earliest() > vacant.latest() && m.date.earliest() <= day)
                .min_by(|a, b| (&a.date, a.pos).cmp(&(&b.date, b.pos)))?;
            Some(Deadline {
                lo: next.date.earliest(),
                hi: next.date.latest(),
                words: format!(
                    "by the next meeting of {}, {} ({})",
                    name(EntityKind::Organ, &organ),
                    name(EntityKind::Meeting, &next.meeting),
                    next.date
                ),
                events: vec![next.event.clone()],
            })
        }
    }
}

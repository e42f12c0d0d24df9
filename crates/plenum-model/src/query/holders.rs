//! Holders who have ceased to meet a standing requirement of their office, as of a
//! day: a director whose membership ended, an officer who left the board the statute
//! requires them to sit on. The seat or post is still open in the record, so the
//! holder sits on unlawfully (or the record lacks the vacancy): `ineligible-holder`.
//!
//! Judged on the tenures running on the day, with the same three values as at an
//! election: a person the register never mentions is of unknown standing, and a
//! holder who never met the requirement was found at the election, not again here.
//! Membership (of the organization, or of another: `of`), class and seat requirements
//! are continuing (a class change during the tenure is judged as of its date); a
//! standing requirement ("five years a member") is met once, at the election.

use std::collections::HashMap;

use crate::date::{Day, FuzzyDate, Truth};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::{EntityKind, OrgId, OrganRef, PersonId, PostRef};
use crate::phrase::{Phrase, name};
use crate::rows::{MemberStatus, Span};
use crate::statute::{Cited, Requirement, StatuteBook, Version};

use super::{Facts, PersonRows};

/// A tenure running on the day, with what its office requires.
struct Tenure<'a> {
    what: String,
    org: &'a OrgId,
    person: PersonId,
    span: Span,
    event: crate::id::EventId,
    requirements: &'a [Cited<Requirement>],
    version: &'a Version,
}

fn runs_on(span: &Span, day: Day) -> bool {
    span.start.earliest() <= day && span.end.as_ref().is_none_or(|e| e.earliest() > day)
}

/// Every `ineligible-holder` finding for tenures running on `day` (see the module docs).
pub(super) fn no_longer_eligible<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let continuing = |r: &Cited<Requirement>| {
        matches!(
            r.rule,
            Requirement::Member
                | Requirement::FullMember
                | Requirement::Seat(_)
                | Requirement::MemberOf { .. }
                | Requirement::Class(_)
        )
    };
    let mut orgs: Vec<&OrgId> = book.judging().map(|v| &v.org).collect();
    orgs.sort();
    orgs.dedup();
    let mut tenures = Vec::new();
    for org in orgs {
        let Some(version) = book.in_force(org, day) else {
            continue;
        };
        for def in &version.organs {
            if !def.eligibility.iter().any(continuing) {
                continue;
            }
            let organ = OrganRef::new(org.clone(), def.key.clone());
            for seat in facts.seats_on(&organ, day, day)? {
                if runs_on(&seat.span, day) {
                    tenures.push(Tenure {
                        what: format!("a seat on {}", name(EntityKind::Organ, &organ)),
                        org,
                        person: seat.person,
                        span: seat.span,
                        event: seat.start_event,
                        requirements: &def.eligibility,
                        version,
                    });
                }
            }
        }
        for def in &version.posts {
            if !def.eligibility.iter().any(continuing) {
                continue;
            }
            let post = PostRef::new(org.clone(), def.key.clone());
            for tenure in facts.holders_of(&post, day, day)? {
                if runs_on(&tenure.span, day) {
                    tenures.push(Tenure {
                        what: format!("the post of {}", name(EntityKind::Post, &post)),
                        org,
                        person: tenure.person,
                        span: tenure.span,
                        event: tenure.start_event,
                        requirements: &def.eligibility,
                        version,
                    });
                }
            }
        }
    }
    let mut people: HashMap<PersonId, PersonRows> = HashMap::new();
    let mut findings = Vec::new();
    for tenure in &tenures {
        if !people.contains_key(&tenure.person) {
            people.insert(tenure.person.clone(), facts.person_rows(&tenure.person)?);
        }
        let rows = &people[&tenure.person];
        for requirement in tenure.requirements {
            if let Some(lapse) = lapsed(&requirement.rule, tenure, rows, day) {
                findings.push(finding(tenure, requirement, lapse, day));
            }
        }
    }
    Ok(findings)
}

/// How a requirement met when the tenure began has lapsed since: when, what, and the
/// event that ended it.
struct Lapse {
    since: FuzzyDate,
    how: String,
    event: Option<crate::id::EventId>,
}

fn lapsed(
    requirement: &Requirement,
    tenure: &Tenure<'_>,
    rows: &PersonRows,
    day: Day,
) -> Option<Lapse> {
    let began = tenure.span.start.earliest();
    match requirement {
        Requirement::Member | Requirement::FullMember => membership_lapsed(
            tenure.org,
            *requirement == Requirement::FullMember,
            rows,
            began,
            day,
        ),
        Requirement::MemberOf { org, full } => membership_lapsed(org, *full, rows, began, day),
        Requirement::Seat(key) => {
            let organ = OrganRef::new(tenure.org.clone(), key.clone());
            let mine: Vec<_> = rows.seats.iter().filter(|s| s.organ == organ).collect();
            if mine.iter().any(|s| runs_on(&s.span, day)) {
                return None;
            }
            let last = mine
                .iter()
                .filter_map(|s| Some((s.span.end.as_ref()?, *s)))
                .max_by_key(|(end, _)| end.earliest())?;
            (last.0.latest() >= began).then(|| Lapse {
                since: last.0.clone(),
                how: format!("has not sat on {}", name(EntityKind::Organ, &organ)),
                event: last.1.end_event.clone(),
            })
        }
        // A class change during the tenure (`membership_class_changed`), judged as
        // of its date; an ended membership is the `Member` requirement's, and a
        // membership with no class recorded is of unknown class.
        Requirement::Class(class) => {
            let open = rows
                .memberships
                .iter()
                .filter(|m| &m.org == tenure.org)
                .find(|m| runs_on(&m.span, day))?;
            let other = open.class.as_ref().filter(|k| *k != class)?;
            (open.span.start.earliest() > began).then(|| Lapse {
                since: open.span.start.clone(),
                how: format!(
                    "has been a member of {} of the class {}, not of the class {}",
                    name(EntityKind::Org, tenure.org),
                    class_name(tenure.version, other),
                    class_name(tenure.version, class)
                ),
                event: Some(open.start_event.clone()),
            })
        }
        Requirement::Standing { .. } => None,
    }
}

/// How membership (full membership, if `full`) of `org`, met when a tenure began on
/// `began`, has lapsed by `day`; `None` where it has not, or where the register
/// never mentions the holder (unknown standing).
fn membership_lapsed(
    org: &OrgId,
    full: bool,
    rows: &PersonRows,
    began: Day,
    day: Day,
) -> Option<Lapse> {
    let mine: Vec<_> = rows.memberships.iter().filter(|m| &m.org == org).collect();
    if mine.is_empty() {
        return None;
    }
    let org = name(EntityKind::Org, org);
    if let Some(open) = mine.iter().find(|m| runs_on(&m.span, day)) {
        // A status the holder came to after the tenure began.
        let how = match open.status {
            MemberStatus::Suspended => format!("has been a suspended member of {org}"),
            MemberStatus::Candidate if full => {
                format!("has been only a candidate member of {org}")
            }
            _ => return None,
        };
        return (open.span.start.earliest() > began).then(|| Lapse {
            since: open.span.start.clone(),
            how,
            event: Some(open.start_event.clone()),
        });
    }
    // Ended after the tenure began (before it, the election was found).
    let last = mine
        .iter()
        .filter_map(|m| Some((m.span.end.as_ref()?, *m)))
        .max_by_key(|(end, _)| end.earliest())?;
    (last.0.latest() >= began).then(|| Lapse {
        since: last.0.clone(),
        how: format!("has not been a member of {org}"),
        event: last.1.end_event.clone(),
    })
}

fn finding(
    tenure: &Tenure<'_>,
    requirement: &Cited<Requirement>,
    lapse: Lapse,
    day: Day,
) -> Finding {
    let who = name(EntityKind::Person, &tenure.person);
    let certainty = if lapse.since.latest() <= day {
        Truth::Definitely
    } else {
        Truth::Possibly
    };
    let mut events: Vec<_> = lapse.event.into_iter().collect();
    events.push(tenure.event.clone());
    Finding {
        rule: Rule::IneligibleHolder,
        severity: Severity::Violation,
        certainty,
        date: lapse.since.clone(),
        citation: Some(Citation::of(tenure.version, requirement.article.as_ref())),
        events,
        message: Phrase::new(format!(
            "{who} still holds {} (since {}) but {} since {}, which the statute requires of its holders",
            tenure.what, tenure.span.start, lapse.how, lapse.since
        )),
    }
}

/// A membership class's name, as the version declares it.
fn class_name(version: &Version, key: &crate::id::Key) -> String {
    version
        .class(key)
        .map_or_else(|| key.to_string(), |c| c.name.clone())
}

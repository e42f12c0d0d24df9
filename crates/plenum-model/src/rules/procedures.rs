//! Confirmation by another organ: which acts the statute makes subject to it (an
//! election or appointment to an office with `confirmed_by`, a disciplinary act taken
//! by an organ of a discipline rule with `confirmed_by`), and when it is overdue.
//!
//! Shared by the rule that judges each `act_confirmed` when it is recorded and by
//! `check --at`, which finds the acts never confirmed (or refused and still in effect).

use crate::date::{FuzzyDate, Truth};
use crate::id::{EntityKind, Key, OrgId, OrganRef, PostRef};
use crate::phrase::name;
use crate::rows::HeldRow;
use crate::statute::{Act, Confirmation, StatuteBook};

use super::Citation;

/// What was done that a statute may make subject to confirmation.
#[derive(Clone, Debug)]
pub(crate) enum Done {
    /// An election or appointment to an organ.
    Seat(OrganRef),
    /// An election or appointment to a post.
    Post(PostRef),
    /// A disciplinary act (for a removal, from the organ or post).
    Discipline(Act, Option<Key>),
    /// A penalty of the statute's own (`member_disciplined`), by its id.
    Penalty(Key),
}

impl Done {
    /// "the election of Ana to the Board", "the expulsion of Ana".
    pub(crate) fn words(&self, person: &str) -> String {
        match self {
            Done::Seat(o) => format!("the election of {person} to {}", name(EntityKind::Organ, o)),
            Done::Post(p) => format!("the election of {person} as {}", name(EntityKind::Post, p)),
            Done::Discipline(act, _) => format!("the {} of {person}", act.as_str()),
            Done::Penalty(id) => format!("the penalty `{id}` of {person}"),
        }
    }

    /// The organization of an office filled.
    pub(crate) fn office_org(&self) -> Option<&OrgId> {
        match self {
            Done::Seat(o) => Some(&o.org),
            Done::Post(p) => Some(&p.org),
            Done::Discipline(..) | Done::Penalty(_) => None,
        }
    }
}

/// The confirmation that the statute in force on `date` requires of an act in `org`,
/// with the article it cites.
///
/// For a disciplinary act, only an act decided by an organ of a rule with
/// `confirmed_by` is provisional; where `deciders` is `None` (unknown) any such rule
/// applies, the one confirmed by `confirmer` first.
pub(crate) fn required(
    book: &StatuteBook,
    org: &OrgId,
    done: &Done,
    date: &FuzzyDate,
    deciders: Option<&[OrganRef]>,
    confirmer: Option<&OrganRef>,
) -> Option<(Confirmation, Citation)> {
    let version = book.in_force(org, date.earliest())?;
    match done {
        Done::Seat(_) | Done::Post(_) => {
            let (procedure, elected_by) = match done {
                Done::Seat(o) => {
                    let d = version.organ(&o.key)?;
                    (&d.procedure, d.elected_by.as_ref())
                }
                Done::Post(p) => {
                    let d = version.post(&p.key)?;
                    (&d.procedure, d.elected_by.as_ref())
                }
                Done::Discipline(..) | Done::Penalty(_) => return None,
            };
            let c = procedure.confirmed_by.clone()?;
            Some((
                c,
                Citation::of(version, elected_by.and_then(|e| e.article.as_ref())),
            ))
        }
        Done::Discipline(..) | Done::Penalty(_) => {
            let rules = match done {
                Done::Discipline(act, from) => version.discipline(*act, from.as_ref()),
                Done::Penalty(id) => version.penalty_rules(id),
                Done::Seat(_) | Done::Post(_) => return None,
            };
            let rules: Vec<_> = rules
                .into_iter()
                .filter(|r| r.confirmed_by.is_some())
                .filter(|r| {
                    deciders
                        .is_none_or(|d| d.iter().any(|o| &o.org == org && r.by.contains(&o.key)))
                })
                .collect();
            let by_confirmer = rules.iter().find(|r| {
                confirmer.is_some_and(|c| r.confirmed_by.as_ref().is_some_and(|k| k.by == c.key))
            });
            let rule = by_confirmer.or(rules.first())?;
            let c = rule.confirmed_by.clone()?;
            Some((c, Citation::of(version, rule.article.as_ref())))
        }
    }
}

/// Whether `at` is past the deadline to confirm an act of `act_date`: the period
/// after it, or the confirming organ's first meeting after it (`held`: that organ's
/// meetings). The certainty and the deadline in words.
pub(crate) fn past_deadline(
    c: &Confirmation,
    act_date: &FuzzyDate,
    at: &FuzzyDate,
    held: &[HeldRow],
) -> Option<(Truth, String)> {
    match c.within {
        Some(within) => {
            let end = within.after(act_date.latest());
            let certainty = if at.earliest() > end {
                Truth::Definitely
            } else if at.latest() > within.after(act_date.earliest()) {
                Truth::Possibly
            } else {
                return None;
            };
            Some((certainty, format!("within {within} (by {end})")))
        }
        None => {
            let mut after: Vec<&HeldRow> = held
                .iter()
                .filter(|h| act_date.before(&h.date) == Truth::Definitely)
                .collect();
            after.sort_by_key(|h| h.pos);
            let next = after.first()?;
            if next.date.before(at) != Truth::Definitely {
                return None;
            }
            Some((
                Truth::Definitely,
                format!(
                    "at its next meeting, {} ({})",
                    name(EntityKind::Meeting, &next.meeting),
                    next.date
                ),
            ))
        }
    }
}

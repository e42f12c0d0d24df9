//! Terms counted in meetings (`term = { meetings = 2, of = "convention", category =
//! "regular" }`): a seat or post given on a day ends with the N-th meeting of the
//! organ `of` (of the kind `category`, if given) that begins after it, unless an
//! election at that meeting renewed it (a re-election opens a new tenure,
//! `ledger/renewal.rs`). A holder whose tenure is still open when the organization
//! next meets (the first `meeting_held` of any of its organs after that meeting
//! ended) is `term-expired`, once, at that meeting.
//!
//! It reads only the meetings held of the organs of the version (and the kind each
//! was convened as) and the open seats and posts of offices with such a term; the
//! projections (`at`, `person`) still show the tenure open, and `check --at` finds it
//! only from that next meeting on.

use crate::date::{FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{EventId, MeetingId, OrganRef, PersonId, PostRef};
use crate::rows::HeldRow;
use crate::statute::{Cited, MeetingTerm, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// An open tenure of an office with a term counted in meetings.
struct Tenure {
    person: PersonId,
    start: FuzzyDate,
    event: EventId,
    what: String,
}

impl Ctx<'_, '_> {
    /// `meeting_held`: tenures whose term counted in meetings ended before this
    /// meeting, the first of the organization since, and which are still open.
    pub(super) fn check_meeting_terms(
        &self,
        meeting: &MeetingId,
        organ: Option<&OrganRef>,
        out: &mut Out<'_>,
    ) {
        let Some(organ) = organ
            .cloned()
            .or_else(|| self.history.meeting_organ(meeting))
        else {
            return;
        };
        let org = organ.org.clone();
        let Some(version) = self.version(&org, &out.event.date) else {
            return;
        };
        let offices: Vec<(&Cited<MeetingTerm>, Vec<Tenure>)> = version
            .organs
            .iter()
            .filter_map(|o| {
                let term = o.term_meetings.as_ref()?;
                let on = OrganRef::new(org.clone(), o.key.clone());
                let what = format!("seat on {}", self.organ_name(&on));
                let tenures = self
                    .history
                    .open_seats_on(&on)
                    .into_iter()
                    .filter(|s| s.role == Role::Full)
                    .map(|s| Tenure {
                        person: s.person,
                        start: s.span.start,
                        event: s.start_event,
                        what: what.clone(),
                    })
                    .collect();
                Some((term, tenures))
            })
            .chain(version.posts.iter().filter_map(|p| {
                let term = p.term_meetings.as_ref()?;
                let post = PostRef::new(org.clone(), p.key.clone());
                let what = format!("tenure as {}", self.post_name(&post));
                let tenures = self
                    .history
                    .open_holders_of(&post)
                    .into_iter()
                    .filter(|h| !h.acting)
                    .map(|h| Tenure {
                        person: h.person,
                        start: h.span.start,
                        event: h.start_event,
                        what: what.clone(),
                    })
                    .collect();
                Some((term, tenures))
            }))
            .collect();
        if offices.is_empty() {
            return;
        }
        // The last day of the latest meeting of the organization before this one: a
        // term that ended before it was judged at the first meeting after it.
        let before: Option<crate::date::Day> = version
            .organs
            .iter()
            .flat_map(|o| {
                self.history
                    .held_meetings(&OrganRef::new(org.clone(), o.key.clone()))
            })
            .map(|h| h.date.earliest())
            .max();
        let today = out.event.date.earliest();
        for (
            Cited {
                rule: term,
                article,
            },
            tenures,
        ) in offices
        {
            let of = OrganRef::new(org.clone(), term.of.clone());
            let counted: Vec<HeldRow> = self
                .history
                .held_meetings(&of)
                .into_iter()
                .filter(|h| h.meeting != *meeting)
                .filter(|h| {
                    term.category.as_ref().is_none_or(|c| {
                        self.history
                            .meeting(&h.meeting)
                            .is_some_and(|m| m.category.as_ref() == Some(c))
                    })
                })
                .collect();
            for tenure in tenures {
                let after: Vec<&HeldRow> = counted
                    .iter()
                    .filter(|h| h.date.earliest() > tenure.start.latest())
                    .collect();
                let Some(nth) = after.get(term.meetings as usize - 1) else {
                    continue;
                };
                let ended = nth.date.latest();
                // Not yet over, or judged at an earlier meeting of the organization.
                if today <= ended || before.is_some_and(|b| b > ended) {
                    continue;
                }
                self.push_meeting_term(version, term, article.as_ref(), &of, nth, &tenure, out);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_meeting_term(
        &self,
        version: &Version,
        term: &MeetingTerm,
        article: Option<&String>,
        of: &OrganRef,
        nth: &HeldRow,
        tenure: &Tenure,
        out: &mut Out<'_>,
    ) {
        let kind = term
            .category
            .as_ref()
            .map_or_else(String::new, |c| format!("{c} "));
        out.push(
            Rule::TermExpired,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article)),
            vec![tenure.event.clone()],
            format!(
                "the term of {}'s {}, begun {}, ended with {} {kind}meeting of {} after it ({}), and no election there renewed it; the statute ends it there, and it has been vacant since",
                self.person(&tenure.person),
                tenure.what,
                tenure.start,
                term.nth(),
                self.organ_name(of),
                nth.date
            ),
        );
    }
}

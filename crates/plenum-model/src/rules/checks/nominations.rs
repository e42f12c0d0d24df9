//! Nominations by one person (`nominations` on an organ or post): each nominator an
//! election or appointment records (`election_held`'s `nominators`, `seat_taken`'s and
//! `post_assigned`'s `nominated_by_person`) must be a member of the organization, or of
//! the organ the statute names, on the day (`not-nominated`). Three-valued as
//! eligibility is: not judged where the organization keeps no register or the organ
//! names no seats, nor of a person the register never mentions; an election that
//! records no nominator is not judged. With `before_notice`, a dated nomination (`on`)
//! must come that long before the election's meeting was convened. It reads only the
//! nominators' memberships and seats, and the meeting's convocation.

use crate::date::{FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{MeetingId, OrganRef, PersonId};
use crate::statute::{Cited, Nominations, Nominator, Period};

use super::super::terms::Office;
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The nominators of an election or appointment to `office` by `electors` (the
    /// organs that elected or appointed; empty where the record does not say), each
    /// pair a candidate and the person who nominated them; `what` names the act.
    pub(super) fn check_nominators(
        &self,
        office: Office<'_>,
        electors: &[OrganRef],
        nominees: &[(&PersonId, &PersonId, Option<&FuzzyDate>)],
        (meeting, what): (Option<&MeetingId>, &str),
        out: &mut Out<'_>,
    ) {
        if nominees.is_empty() {
            return;
        }
        let org = match office {
            Office::Organ(o) => &o.org,
            Office::Post(p) => &p.org,
        };
        let Some(version) = self.version(org, &out.event.date) else {
            return;
        };
        let procedure = match office {
            Office::Organ(o) => version.organ(&o.key).map(|d| &d.procedure),
            Office::Post(p) => version.post(&p.key).map(|d| &d.procedure),
        };
        let Some(Cited {
            rule:
                Nominations {
                    by,
                    elections_by,
                    before_notice,
                },
            article,
        }) = procedure.and_then(|p| p.nominations.as_ref())
        else {
            return;
        };
        if let Some(key) = elections_by
            && !electors.contains(&OrganRef::new(org.clone(), key.clone()))
        {
            return;
        }
        let citation = Citation::of(version, article.as_ref());
        if let (Some(least), Some(meeting)) = (before_notice, meeting) {
            self.check_nomination_dates(*least, meeting, nominees, what, &citation, out);
        }
        for (candidate, nominator, _) in nominees {
            let (problem, whom) = match by {
                Nominator::Member => {
                    if !self.history.keeps_register(org) {
                        continue;
                    }
                    (
                        self.membership_problem(nominator, org, false),
                        format!("a member of {}", self.org_name(org)),
                    )
                }
                Nominator::MemberOf(key) => {
                    let organ = OrganRef::new(org.clone(), key.clone());
                    let date = &out.event.date;
                    if !(self.history.names_seats(&organ) || self.composed_kept(&organ, date)) {
                        continue;
                    }
                    let seated = self.history.holds_seat(nominator, &organ, Some(Role::Full))
                        || self.holds_ex_officio(nominator, &organ, date);
                    (
                        (!seated).then(|| format!("holds no seat on {}", self.organ_name(&organ))),
                        format!("a member of {}", self.organ_name(&organ)),
                    )
                }
            };
            let Some(problem) = problem else { continue };
            out.push(
                Rule::NotNominated,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![],
                format!(
                    "{} was nominated in {what} by {}, who {problem}; the statute lets only {whom} nominate",
                    self.person(candidate),
                    self.person(nominator),
                ),
            );
        }
    }

    /// Each dated nomination (`on`) at least `least` before the convocation of the
    /// election's meeting (`before_notice`): a nomination later than that is
    /// `not-nominated`, possibly where a fuzzy date leaves it open. A nomination the
    /// record does not date, or a meeting recorded without its convocation, is not
    /// judged.
    fn check_nomination_dates(
        &self,
        least: Period,
        meeting: &MeetingId,
        nominees: &[(&PersonId, &PersonId, Option<&FuzzyDate>)],
        what: &str,
        citation: &Citation,
        out: &mut Out<'_>,
    ) {
        let state = self.history.meeting(meeting);
        let Some((convened, convened_event)) = state.as_ref().and_then(|m| m.convened.as_ref())
        else {
            return;
        };
        for (candidate, nominator, on) in nominees {
            let Some(on) = on else { continue };
            // Surely late: even the earliest nomination day leaves less than `least`
            // before the latest convocation day; possibly, before the earliest.
            let certainty = if least.after(on.earliest()) > convened.latest() {
                Truth::Definitely
            } else if least.after(on.latest()) > convened.earliest() {
                Truth::Possibly
            } else {
                continue;
            };
            out.push(
                Rule::NotNominated,
                Severity::Violation,
                certainty,
                Some(citation.clone()),
                vec![convened_event.clone()],
                format!(
                    "{} was nominated in {what} by {} on {on}, less than {least} before the meeting was convened ({convened}); the statute wants nominations at least {least} before the notice",
                    self.person(candidate),
                    self.person(nominator),
                ),
            );
        }
    }
}

//! Meetings and decisions: quorum, majorities, notice, postponement and cadence.

use crate::date::{FuzzyDate, Truth};
use crate::event::kinds::Evidence;
use crate::event::{Event, EventKind, Outcome, Role};
use crate::id::{MeetingId, OrgId, OrganRef, PersonId};
use crate::rows::DecisionRow;
use crate::statute::{Base, Cited, Majority};

use super::super::cadence::{gap, sitting};
use super::super::{Citation, Rule, Severity};
use super::consent::WaiverProblem;
use super::withdrawal::Attendance;
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_quorum(
        &self,
        meeting: &MeetingId,
        present: Option<u32>,
        out: &mut Out<'_>,
    ) {
        let Some(state) = self.history.meeting(meeting) else {
            return;
        };
        let Some(organ) = &state.organ else { return };
        let at_decision = present;
        let Some(present) = present.or(state.present) else {
            return;
        };
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        let Some(Cited {
            rule: quorum,
            article,
        }) = &def.quorum
        else {
            return;
        };
        // The record's `entitled` wins; else the register on the day decides.
        let Some(entitled) = state
            .entitled
            .or_else(|| self.entitled_base(organ, &out.event.date))
        else {
            return;
        };
        if entitled == 0 || quorum.is_met(u64::from(present), u64::from(entitled)) {
            return;
        }
        let seen = Attendance {
            at_start: state.present,
            at_decision,
            entitled,
        };
        if self.check_after_withdrawal((version, organ, &state), *quorum, seen, out) {
            return;
        }
        let mut events = vec![];
        if let Some((_, e)) = &state.held {
            events.push(e.clone());
        }
        out.push(
            Rule::QuorumNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            events,
            format!(
                "{present} of {entitled} members of {} were present; the quorum is {quorum} ({} members)",
                self.organ_name(organ),
                quorum.minimum(u64::from(entitled))
            ),
        );
    }

    /// Who is entitled to sit on an organ on a date, by the register, where the
    /// record does not say: its full seats (named and counted) if it has any; for an
    /// organ of all the members (`elected_by = "members"` with no seats recorded),
    /// the organization's full members where it keeps a register. `None` where the
    /// record is silent: then quorum and majorities of members are not judged.
    pub(super) fn entitled_base(&self, organ: &OrganRef, date: &FuzzyDate) -> Option<u32> {
        let seats = self
            .history
            .seat_total(organ, Some(Role::Full), date.earliest())
            .saturating_add(self.ex_officio_unseated(organ, date))
            .saturating_add(self.composed_unseated(organ, date));
        if seats > 0 {
            return Some(seats);
        }
        let version = self.version(&organ.org, date)?;
        let def = version.organ(&organ.key)?;
        let of_members = matches!(
            def.elected_by,
            Some(Cited {
                rule: crate::statute::Elector::Members,
                ..
            })
        );
        if !of_members || !self.history.keeps_register(&organ.org) {
            return None;
        }
        Some(self.history.member_total(&organ.org, true)).filter(|n| *n > 0)
    }

    pub(super) fn check_majority(&self, event: &Event, out: &mut Out<'_>) {
        let EventKind::MotionDecided(b) = &event.kind else {
            return;
        };
        let (Some(votes), Outcome::Carried) = (b.votes, b.outcome) else {
            return;
        };
        let meeting = b.meeting.as_ref().and_then(|m| self.history.meeting(m));
        let meeting = meeting.as_ref();
        let Some(organ) = b
            .organ
            .clone()
            .or_else(|| meeting.and_then(|m| m.organ.clone()))
        else {
            return;
        };
        let Some(version) = self.version(&organ.org, &event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        let category = b.category.as_deref().unwrap_or("default");
        let Some(Cited {
            rule: majority,
            article,
        }) = def.majority_for(category)
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        // Counts no meeting could have: more votes than the members present or
        // entitled, or more than any number (checked, never wrapped).
        let cast = votes
            .in_favour
            .checked_add(votes.against)
            .and_then(|n| n.checked_add(votes.abstain));
        // A written ballot counts as a meeting at which as many voted as returned
        // ballots (`without_meeting.ballot`).
        let ballot = (b.written_ballot && b.meeting.is_none())
            .then(|| cast.and_then(|n| u32::try_from(n).ok()))
            .flatten();
        let present = b
            .present
            .or_else(|| meeting.and_then(|m| m.present))
            .or(ballot);
        // Weighted votes (`weighted`) are counted against the weights, not the members.
        let weighted = Self::weighted_of(version, &organ, category).is_some();
        let impossible = match cast {
            None => Some("more votes than any count".to_owned()),
            Some(_) if weighted => None,
            Some(cast) => match (present, meeting.and_then(|m| m.entitled)) {
                (Some(p), _) if cast > u64::from(p) => {
                    Some(format!("{cast} votes from {p} members present"))
                }
                (_, Some(e)) if cast > u64::from(e) => {
                    Some(format!("{cast} votes from {e} members entitled to vote"))
                }
                _ => None,
            },
        };
        if let Some(impossible) = impossible {
            // Where each member has one vote, `one_vote` finds it, citing that clause.
            if Self::one_vote_of(version, &organ, category).is_some() {
                return;
            }
            out.push(
                Rule::MajorityNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!(
                    "carried, but the record gives {impossible} ({} for, {} against, {} abstaining): no majority is shown",
                    votes.in_favour, votes.against, votes.abstain
                ),
            );
            return;
        }
        let total = match majority.base {
            Base::Votes => votes.in_favour.checked_add(votes.against),
            Base::Present => present.map(u64::from),
            Base::Members => meeting
                .and_then(|m| m.entitled)
                .or_else(|| self.entitled_base(&organ, &event.date))
                .map(u64::from),
            base => self.dynamic_base(base, &organ, meeting.and_then(|m| m.entitled), &event.date),
        };
        let Some(total) = total.filter(|t| *t > 0) else {
            return;
        };
        let recused = self.recused(majority, &organ, &b.subjects, &event.date, total);
        if let Some(outnumbered) = recused.outnumbered(&votes) {
            out.push(
                Rule::MajorityNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!("carried with {outnumbered}"),
            );
            return;
        }
        let total = recused.total;
        if majority.threshold.is_met(votes.in_favour, total) {
            return;
        }
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(citation),
            vec![],
            format!(
                "carried with {} votes for of {total} {}{}; {} needs {majority} ({} votes)",
                votes.in_favour,
                base_words(majority.base),
                recused.words(),
                crate::phrase::with_article(&format!("{category} decision")),
                majority.threshold.minimum(total)
            ),
        );
    }

    /// Who convened a meeting: an organ the statute names, or enough members (or
    /// subordinate organizations) by requisition. Where the record says neither,
    /// nothing is judged.
    pub(super) fn check_convener(
        &self,
        organ: &OrganRef,
        by: Option<&OrganRef>,
        (requested_by, requested_from, requested_orgs): (Option<u32>, Option<u32>, &[OrgId]),
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: convener,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.convened_by.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let meeting = self.organ_name(organ);
        if let Some(by) = by {
            if by.org == organ.org && convener.by.contains(&by.key) {
                return;
            }
            if requested_by.is_none() && requested_orgs.is_empty() {
                let competent = self.conveners_words(organ, convener);
                out.push(
                    Rule::WrongConvener,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(citation),
                    vec![],
                    format!(
                        "a meeting of {meeting} was convened by {}; the statute gives that to {competent}",
                        self.organ_name(by)
                    ),
                );
                return;
            }
        }
        if !requested_orgs.is_empty() {
            self.check_org_requisition(organ, convener, &citation, requested_orgs, out);
        }
        let Some(requested) = requested_by else {
            return;
        };
        let Some(threshold) = convener.requisition else {
            out.push(
                Rule::WrongConvener,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!("a meeting of {meeting} was convened at the request of {requested} members; the statute provides no requisition"),
            );
            return;
        };
        if let (Some(least), Some(from)) = (convener.from_constituencies, requested_from)
            && from < least
        {
            let word = version
                .constituencies
                .as_ref()
                .map_or("constituencies", |c| c.rule.name.as_str());
            out.push(
                Rule::WrongConvener,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![],
                format!(
                    "a meeting of {meeting} was convened at the request of members in {from} {} ({word}); a requisition needs members in at least {least}",
                    if from == 1 { "constituency" } else { "constituencies" }
                ),
            );
        }
        let Some(base) = self.entitled_base(organ, &out.event.date) else {
            return;
        };
        if base > 0 && !threshold.is_met(u64::from(requested), u64::from(base)) {
            out.push(
                Rule::WrongConvener,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!(
                    "a meeting of {meeting} was convened at the request of {requested} of {base} members; a requisition needs {threshold} ({} members)",
                    threshold.minimum(u64::from(base))
                ),
            );
        }
    }

    /// Holders of the organ's ex officio posts who hold no seat on it: members by office.
    pub(super) fn ex_officio_unseated(&self, organ: &OrganRef, date: &FuzzyDate) -> u32 {
        let Some(def) = self
            .version(&organ.org, date)
            .and_then(|v| v.organ(&organ.key))
        else {
            return 0;
        };
        if def.ex_officio.is_empty() {
            return 0;
        }
        let seated: Vec<_> = self
            .history
            .open_seats_on(organ)
            .into_iter()
            .map(|s| s.person)
            .collect();
        let mut holders: Vec<_> = def
            .ex_officio
            .iter()
            .flat_map(|k| {
                self.history
                    .open_holders_of(&crate::id::PostRef::new(organ.org.clone(), k.clone()))
            })
            .map(|p| p.person)
            .filter(|p| !seated.contains(p))
            .collect();
        holders.sort();
        holders.dedup();
        u32::try_from(holders.len()).unwrap_or(u32::MAX)
    }

    /// A carried decision (of `organ`) against a majority another rule sets, such as
    /// a discipline rule's: a finding when its votes fall short.
    ///
    /// `subjects` are whom the act concerns, left out of the base where the
    /// majority excludes them (`excluding = "subject"`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_decision_majority(
        &self,
        d: &DecisionRow,
        organ: &OrganRef,
        majority: &Majority,
        subjects: &[PersonId],
        citation: Citation,
        what: &str,
        out: &mut Out<'_>,
    ) {
        let Some(votes) = d.votes else { return };
        let meeting = d.meeting.as_ref().and_then(|m| self.history.meeting(m));
        let total = match majority.base {
            Base::Votes => votes.in_favour.checked_add(votes.against),
            Base::Present => d.present.map(u64::from),
            Base::Members => meeting
                .and_then(|m| m.entitled)
                .or_else(|| self.entitled_base(organ, &d.date))
                .map(u64::from),
            base => self.dynamic_base(base, organ, meeting.and_then(|m| m.entitled), &d.date),
        };
        let Some(total) = total.filter(|t| *t > 0) else {
            return;
        };
        let recused = self.recused(majority, organ, subjects, &d.date, total);
        if let Some(outnumbered) = recused.outnumbered(&votes) {
            out.push(
                Rule::MajorityNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![d.event.clone()],
                format!("{what} rests on a decision carried with {outnumbered}"),
            );
            return;
        }
        let total = recused.total;
        if majority.threshold.is_met(votes.in_favour, total) {
            return;
        }
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(citation),
            vec![d.event.clone()],
            format!(
                "{what} rests on a decision carried with {} votes for of {total} {}{}; the statute requires {majority} ({} votes)",
                votes.in_favour,
                base_words(majority.base),
                recused.words(),
                majority.threshold.minimum(total)
            ),
        );
    }

    pub(super) fn check_meeting(
        &self,
        meeting: &MeetingId,
        organ: Option<&OrganRef>,
        out: &mut Out<'_>,
    ) {
        let state = self.history.meeting(meeting);
        let state = state.as_ref();
        let Some(organ) = organ
            .cloned()
            .or_else(|| state.and_then(|m| m.organ.clone()))
        else {
            return;
        };
        // A session of several days sat from its first day.
        let held = &sitting(&out.event.date);
        let name = self.meeting_name(meeting);
        if let Some(scheduled) = state.and_then(|m| m.scheduled.as_ref())
            && scheduled.before(held) != Truth::No
        {
            let days = scheduled.latest().days_until(held.earliest());
            let late = if days > 0 {
                format!(", at least {days} days late")
            } else {
                String::new()
            };
            let convened = state
                .and_then(|m| m.convened.as_ref())
                .map(|(_, e)| e.clone());
            let citation = self.version(&organ.org, held).and_then(|v| {
                v.organ(&organ.key)
                    .and_then(|d| d.postponement_article(state.and_then(|m| m.category.as_deref())))
                    .map(|a| Citation::of(v, Some(a)))
            });
            out.push(
                Rule::MeetingPostponed,
                Severity::Notice,
                scheduled.before(held),
                citation,
                convened.into_iter().collect(),
                format!("{name} was called for {scheduled} but held {held}{late}"),
            );
        }
        self.check_tied(&organ, out);
        self.check_not_on(&organ, &name, out);
        let Some(version) = self.version(&organ.org, held) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        if let Some(Cited {
            rule: notice,
            article,
        }) = def.notice_for(state.and_then(|m| m.category.as_deref()))
            && let Some((convened, convened_event)) = state.and_then(|m| m.convened.as_ref())
        {
            if let Some(least) = notice.at_least {
                let certainty = least.short(convened, held);
                let message = format!(
                    "{name} was convened on {convened} and held {held}: less than the {least} of notice required"
                );
                match self.waiver_problem(&organ, def, state, &out.event.date, out.event) {
                    WaiverProblem::None => out.push(
                        Rule::ShortNotice,
                        Severity::Violation,
                        certainty,
                        Some(Citation::of(version, article.as_ref())),
                        vec![convened_event.clone()],
                        message,
                    ),
                    WaiverProblem::Waived => {}
                    WaiverProblem::NoQuorum(waiver_article, why) => out.push(
                        Rule::ShortNotice,
                        Severity::Violation,
                        certainty,
                        Some(Citation::of(version, waiver_article.as_ref())),
                        vec![convened_event.clone()],
                        format!("{message}; its notice was waived, but a waiver holds only if a quorum is present, and {why}"),
                    ),
                }
            }
            if let Some(most) = notice.at_most {
                let certainty = most.long(convened, held);
                out.push(
                    Rule::LongNotice,
                    Severity::Violation,
                    certainty,
                    Some(Citation::of(version, article.as_ref())),
                    vec![convened_event.clone()],
                    format!("{name} was convened on {convened} and held {held}: more than the {most} of notice the statute allows"),
                );
            }
        }
        let kind_late = self.check_kind_cadence(&organ, meeting, version, state, held, out);
        self.check_meeting_count(&organ, version, def, held, out);
        if let Some(Cited {
            rule: cadence,
            article,
        }) = &def.meets
            && let Some(previous) = self.history.held_meetings(&organ).pop()
        {
            // The rule judges only the time it is in force: its clock starts at
            // the later of the previous meeting and the day the rule took effect.
            let since = crate::rules::cadence::in_force_since(self.book, &organ, held.earliest());
            let before = sitting(&previous.date);
            let gap = gap(
                cadence,
                since,
                (before.earliest(), before.latest()),
                (held.earliest(), held.latest()),
            );
            let previous_name = self.meeting_name(&previous.meeting);
            let since_text = match since {
                Some(since) if since > previous.date.earliest() => {
                    format!(" (in force since {since})")
                }
                _ => String::new(),
            };
            let missed = match cadence {
                crate::statute::Cadence::Rolling(_) => String::new(),
                crate::statute::Cadence::Calendar(_) | crate::statute::Cadence::Count(..) => {
                    format!(": {}", gap.missed)
                }
            };
            // A postponement approved as the statute asks (`off_schedule`) is not late.
            let (approved, why) = match self.off_schedule(&organ, version, out) {
                super::off_schedule::OffSchedule::Approved => (true, String::new()),
                super::off_schedule::OffSchedule::Wrong(why) => (false, why),
                super::off_schedule::OffSchedule::Unapproved => (false, String::new()),
            };
            out.push(
                Rule::MeetingLate,
                Severity::Violation,
                // A kind's own cadence found the gap at least as surely: one finding.
                if approved || kind_late >= gap.certainty { crate::date::Truth::No } else { gap.certainty },
                Some(Citation::of(version, article.as_ref())),
                vec![previous.event.clone()],
                format!(
                    "no meeting of {} is recorded between {previous_name} ({}) and {name} ({}); the statute requires one {cadence}{since_text}{missed}{why}",
                    self.organ_name(&organ),
                    Evidence::dated(&previous.date, previous.evidence),
                    Evidence::dated(&out.event.date, evidence_of(out.event))
                ),
            );
        }
    }
}

/// What shows the sitting an event records, where it is a `meeting_held` with `evidence`.
pub(super) fn evidence_of(event: &Event) -> Option<Evidence> {
    match &event.kind {
        EventKind::MeetingHeld(b) => b.evidence,
        _ => None,
    }
}

/// How a majority's base reads after a count: "7 votes for of 9 votes cast".
fn base_words(base: Base) -> &'static str {
    match base {
        Base::Votes => "votes cast",
        Base::Present => "present",
        Base::Members => "members",
        Base::MembersInGoodStanding => "members in good standing",
        Base::Quorum => "members a quorum needs",
    }
}

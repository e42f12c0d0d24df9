//! The per-event rules: each event judged against the statute in force and the history before it.
//!
//! This module dispatches by kind of event; `elections` judges who fills organs and posts
//! (`offices` renewals, incompatible and ex officio offices, `amendments` the statute's own),
//! `meetings` quorum, majorities, notice and cadence, `people` discipline and the acts of
//! the dead and the expelled.

mod acting;
mod acts_for;
mod admission;
mod all_members;
mod amendments;
mod appeals;
mod appointers;
mod attendance;
mod ballot;
mod bars;
mod bases;
mod business;
mod calendar;
mod candidacy;
mod case_recusal;
mod classes;
mod co_option;
mod competence;
mod composed;
mod conditions;
mod consent;
mod constituencies;
mod conveners;
mod count;
mod counting;
mod delegates;
mod discipline;
mod election_majority;
mod elections;
mod founder;
mod founding;
mod hearing;
mod ineligible;
mod kinds;
mod lapse;
mod leadership;
mod meeting_term;
mod meetings;
mod membership;
mod nominations;
mod non_voting;
mod notice_by;
mod notified;
mod off_schedule;
mod offices;
mod one_vote;
mod org_requisition;
mod people;
mod probation_date;
mod procedures;
mod proxies;
mod reaching;
mod record_date;
mod recusal;
mod referral;
mod register_size;
mod seat_resignation;
mod seats;
mod seats_set;
mod service;
mod steps;
mod suspension;
mod targets;
mod tied;
mod trials;
mod unit;
mod vacated;
mod voting;
mod weighted;
mod withdrawal;

use crate::date::{FuzzyDate, Truth};
use crate::event::{Event, EventKind, Role};
use crate::history::History;
use crate::id::{EntityKind, EventId, MeetingId, OrgId, OrganRef, PersonId, PostRef};
use crate::phrase::{Phrase, name};
use crate::statute::{Act, Cited, Hearable, StatuteBook, Version};

use super::terms::Office;

use super::{Citation, Finding, Rule, Severity};
pub(crate) use tied::unmet;

/// What the rules read.
pub(crate) struct Ctx<'a, 'b> {
    pub history: &'a History<'b>,
    pub book: &'a StatuteBook,
}

/// The findings of one event, as they are found.
struct Out<'a> {
    event: &'a Event,
    findings: Vec<Finding>,
}

impl Out<'_> {
    fn push(
        &mut self,
        rule: Rule,
        severity: Severity,
        certainty: Truth,
        citation: Option<Citation>,
        events: Vec<EventId>,
        message: String,
    ) {
        if certainty == Truth::No {
            return;
        }
        let mut all = vec![self.event.id.clone()];
        for e in events {
            if !all.contains(&e) {
                all.push(e);
            }
        }
        self.findings.push(Finding {
            rule,
            severity,
            certainty,
            date: self.event.date.clone(),
            citation,
            events: all,
            message: Phrase::new(message),
        });
    }
}

/// The findings for one event, judged on the history before it.
pub fn check_event(history: &History<'_>, book: &StatuteBook, event: &Event) -> Vec<Finding> {
    let ctx = Ctx { history, book };
    let mut out = Out {
        event,
        findings: Vec::new(),
    };
    ctx.check(event, &mut out);
    // What an article set aside by a competent decision would find is not found.
    let mut findings = out.findings;
    findings.retain(|f| !ctx.set_aside(f, &event.date));
    findings
}

impl Ctx<'_, '_> {
    fn version(&self, org: &OrgId, date: &FuzzyDate) -> Option<&Version> {
        self.book.in_force(org, date.earliest())
    }

    fn person(&self, p: &PersonId) -> String {
        name(EntityKind::Person, p)
    }

    fn organ_name(&self, o: &OrganRef) -> String {
        name(EntityKind::Organ, o)
    }

    fn post_name(&self, p: &PostRef) -> String {
        name(EntityKind::Post, p)
    }

    fn org_name(&self, o: &OrgId) -> String {
        name(EntityKind::Org, o)
    }

    fn meeting_name(&self, m: &MeetingId) -> String {
        name(EntityKind::Meeting, m)
    }

    fn meeting_organs(&self, meeting: &MeetingId) -> Vec<OrganRef> {
        let state = self.history.meeting(meeting);
        let organ = state
            .as_ref()
            .and_then(|m| m.organ.clone())
            .or_else(|| self.history.meeting_organ(meeting));
        organ
            .into_iter()
            .chain(state.map(|m| m.joint_with).unwrap_or_default())
            .collect()
    }

    fn check(&self, event: &Event, out: &mut Out<'_>) {
        use EventKind as K;
        self.check_persons(event, out);
        self.check_membership_act(event, out);
        match &event.kind {
            K::ElectionHeld(b) => {
                if let Some(m) = &b.meeting {
                    self.check_business(m, "election", "the election", out);
                }
                let electors = match (&b.meeting, &b.by) {
                    (_, Some(by)) => vec![by.clone()],
                    (Some(m), None) => self.meeting_organs(m),
                    (None, None) => Vec::new(),
                };
                self.check_proxies(
                    electors.first(),
                    b.meeting.as_ref(),
                    b.present,
                    b.by_proxy,
                    "an election",
                    out,
                );
                self.check_ballot(
                    electors.first(),
                    b.meeting.as_ref(),
                    b.ballot,
                    ballot::Poll::Election,
                    out,
                );
                if let Some(organ) = &b.organ {
                    if b.replaces {
                        self.check_renewal(Office::Organ(organ), out);
                        self.check_seat_minimum(organ, b.elected.len(), out);
                    }
                    self.check_seats_set(organ, b, out);
                    let by_election = !b.replaces && self.fills_vacancies(organ, b, out);
                    self.check_organ_elector(organ, &electors, by_election, out);
                    self.check_counting(organ, b, &electors, out);
                    self.check_cumulative(organ, b, &electors, out);
                    let filler = appointers::Filler {
                        electors: &electors,
                        post: None,
                        person: None,
                    };
                    self.check_organ_appointer(organ, by_election, &filler, out);
                    // An election by one constituency renews its holders' seats only:
                    // the others' stay beside those it elects.
                    let kept = |role| {
                        if b.replaces {
                            self.seats_kept_by_others(organ, role, b, out)
                        } else {
                            0
                        }
                    };
                    let (full_kept, alternates_kept) = (kept(Role::Full), kept(Role::Alternate));
                    self.check_seat_limit(
                        organ,
                        Role::Full,
                        b.elected.len() + full_kept,
                        b.replaces,
                        out,
                    );
                    self.check_seat_limit(
                        organ,
                        Role::Alternate,
                        b.alternates.len() + alternates_kept,
                        b.replaces,
                        out,
                    );
                    self.check_constituency_elector(organ, b, out);
                    let taking: Vec<&PersonId> = b.elected.iter().chain(&b.alternates).collect();
                    let renewed = b.replaces.then_some(b.constituency.as_ref());
                    self.check_distinct_constituencies(organ, &taking, renewed, out);
                    for person in b.elected.iter().chain(&b.alternates) {
                        self.check_organ_eligibility(organ, person, out);
                    }
                    for person in &b.elected {
                        self.check_term_limit(Office::Organ(organ), person, out);
                    }
                    for person in b.elected.iter().chain(&b.alternates) {
                        self.check_incompatible(Office::Organ(organ), person, out);
                    }
                }
                if let Some(post) = &b.post {
                    self.check_renewal(Office::Post(post), out);
                    let vacant = self.post_is_vacant(post, b.elected.first(), out);
                    self.check_post_elector(post, &electors, vacant, out);
                    let filler = appointers::Filler {
                        electors: &electors,
                        post: None,
                        person: None,
                    };
                    self.check_post_appointer(post, vacant, &filler, out);
                    for person in b.elected.iter().take(1) {
                        self.check_post_eligibility(post, person, out);
                        self.check_term_limit(Office::Post(post), person, out);
                        self.check_incompatible(Office::Post(post), person, out);
                    }
                }
                if let Some(m) = &b.meeting {
                    self.check_quorum(m, b.present, out);
                }
                self.check_election_majority(b, &electors, out);
                self.check_plurality(b, &electors, out);
            }
            K::SeatTaken(b) => {
                let electors = self.electors_of(b.by.as_ref(), b.decision.as_ref());
                self.check_organ_elector(&b.organ, &electors, true, out);
                if let Some(vacated) = &b.vacancy_of {
                    self.check_co_option(&b.organ, vacated, &electors, out);
                }
                let filler = appointers::Filler {
                    electors: &electors,
                    post: b.by_post.as_ref(),
                    person: b.by_person.as_ref(),
                };
                self.check_organ_appointer(&b.organ, true, &filler, out);
                let already = self.history.holds_seat(&b.person, &b.organ, Some(b.role));
                if !already {
                    self.check_seat_limit(&b.organ, b.role, 1, false, out);
                }
                self.check_organ_eligibility(&b.organ, &b.person, out);
                self.check_incompatible(Office::Organ(&b.organ), &b.person, out);
                if !already {
                    self.check_distinct_constituencies(&b.organ, &[&b.person], None, out);
                }
            }
            K::PostAssigned(b) => {
                let electors = self.electors_of(b.by.as_ref(), b.decision.as_ref());
                self.check_post_elector(&b.post, &electors, true, out);
                let filler = appointers::Filler {
                    electors: &electors,
                    post: b.by_post.as_ref(),
                    person: b.by_person.as_ref(),
                };
                self.check_post_appointer(&b.post, true, &filler, out);
                self.check_post_eligibility(&b.post, &b.person, out);
                self.check_incompatible(Office::Post(&b.post), &b.person, out);
                if b.acting {
                    self.check_acting(&b.post, &b.person, out);
                }
            }
            K::SeatVacated(b) => {
                let held = self.history.holds_seat(&b.person, &b.organ, None);
                let what = self.organ_name(&b.organ);
                self.check_vacated(
                    held,
                    &b.person,
                    &what,
                    b.cause,
                    &b.organ.org,
                    Some(Office::Organ(&b.organ)),
                    b.decision.as_ref(),
                    out,
                );
            }
            K::PostVacated(b) => {
                let held = self
                    .history
                    .open_posts_of(&b.person)
                    .iter()
                    .any(|p| p.post == b.post);
                let what = format!("the post of {}", self.post_name(&b.post));
                self.check_vacated(
                    held,
                    &b.person,
                    &what,
                    b.cause,
                    &b.post.org,
                    Some(Office::Post(&b.post)),
                    b.decision.as_ref(),
                    out,
                );
            }
            K::MemberExpelled(b) => {
                let last = self.history.memberships_of(&b.person, &b.org).pop();
                if last.is_some_and(|m| {
                    m.span.end.is_some()
                        && m.end_cause == Some(crate::rows::MembershipEnd::Expelled)
                }) {
                    out.push(
                        Rule::ExpelledPerson,
                        Severity::Notice,
                        Truth::Definitely,
                        None,
                        vec![],
                        format!(
                            "{} is expelled again, though already expelled",
                            self.person(&b.person)
                        ),
                    );
                }
                self.check_discipline(
                    Act::Expulsion,
                    &b.org,
                    None,
                    b.decision.as_ref(),
                    &b.person,
                    out,
                );
                self.check_trial_required(Act::Expulsion, &b.org, &b.person, b.trial.as_ref(), out);
                self.check_referral(b, out);
                let what = format!(
                    "the expulsion of {} from {}",
                    self.person(&b.person),
                    self.org_name(&b.org)
                );
                self.check_heard(&Hearable::Expulsion, &what, &b.org, &b.person, out);
            }
            // A reinstatement is judged only where the statute says who decides it.
            K::MemberReinstated(b)
                if self
                    .version(&b.org, &event.date)
                    .is_some_and(|v| !v.discipline(Act::Reinstatement, None).is_empty()) =>
            {
                self.check_discipline(
                    Act::Reinstatement,
                    &b.org,
                    None,
                    b.decision.as_ref(),
                    &b.person,
                    out,
                );
            }
            K::MemberSuspended(b) => {
                let what = format!(
                    "the suspension of {} from {}",
                    self.person(&b.person),
                    self.org_name(&b.org)
                );
                self.check_heard(&Hearable::Suspension, &what, &b.org, &b.person, out);
                self.check_trial_required(
                    Act::Suspension,
                    &b.org,
                    &b.person,
                    b.trial.as_ref(),
                    out,
                );
                self.check_discipline(
                    Act::Suspension,
                    &b.org,
                    None,
                    b.decision.as_ref(),
                    &b.person,
                    out,
                );
            }
            K::PersonPurged(b) => self.check_discipline(
                Act::Removal,
                &b.org,
                None,
                b.decision.as_ref(),
                &b.person,
                out,
            ),
            K::MemberDisciplined(b) => {
                self.check_penalty(b, out);
                let penalty = self
                    .version(&b.org, &event.date)
                    .and_then(|v| v.penalty(&b.penalty))
                    .map_or_else(|| b.penalty.to_string(), |p| p.name.clone());
                let what = format!("the {penalty} given to {}", self.person(&b.person));
                let act = Hearable::Penalty(b.penalty.clone());
                self.check_heard(&act, &what, &b.org, &b.person, out);
            }
            K::CandidacyExtended(b) => {
                self.check_candidacy(&b.person, &b.org, b.until.as_ref(), out)
            }
            K::CandidacyEnded(b) => self.check_candidacy(&b.person, &b.org, None, out),
            K::MembershipLapsed(b) => self.check_lapse(b, out),
            K::ChargesFiled(b) => self.check_charges(b, out),
            K::ChargesServed(b) => self.check_service(b, out),
            K::MemberAdmitted(b) => self.check_admission(b, out),
            K::AppealDecided(b) => self.check_appeal(b, out),
            K::PersonHeard(_) => {}
            K::PersonTried(b) => {
                self.check_trial(b, out);
                self.check_served_before_trial(b, out);
                self.check_case_recusal(b, out);
            }
            K::OrganizationFounded(b) => self.check_founding(b, out),
            K::OrganizationDissolved(b) => {
                self.check_dissolution(b, out);
                self.check_unit_dissolved(b, out);
            }
            K::MotionDecided(b) => {
                if let Some(m) = &b.meeting {
                    self.check_quorum(m, b.present, out);
                    if let Some(category) = &b.category {
                        self.check_business(m, category, "the decision", out);
                    }
                }
                self.check_majority(event, out);
                self.check_proxies(
                    b.organ.as_ref(),
                    b.meeting.as_ref(),
                    b.present,
                    b.by_proxy,
                    "a decision",
                    out,
                );
                self.check_ballot(
                    b.organ.as_ref(),
                    b.meeting.as_ref(),
                    b.ballot,
                    ballot::Poll::Decision,
                    out,
                );
                self.check_voters(b, out);
                self.check_without_meeting(b, out);
                self.check_non_voting(b, out);
                self.check_one_vote(b, out);
                self.check_weighted(b, out);
                self.check_suspends(b, out);
                self.check_power(b, out);
                self.check_reaching_power(b, out);
                self.check_revision(b, out);
            }
            K::MeetingHeld(b) => {
                self.check_meeting(&b.meeting, b.organ.as_ref(), out);
                self.check_attendance(b, out);
                self.check_all_members(&b.meeting, b.organ.as_ref(), out);
                self.check_meeting_terms(&b.meeting, b.organ.as_ref(), out);
                if let Some(organ) = b
                    .organ
                    .clone()
                    .or_else(|| self.history.meeting_organ(&b.meeting))
                {
                    self.check_co_opted_terms(&organ, out);
                }
            }
            K::StatuteAdopted(b) => self.check_amendment(event, b, out),
            K::MeetingConvened(b) => {
                self.check_convener(
                    &b.organ,
                    b.by.as_ref(),
                    (
                        b.requested_by,
                        b.requested_from,
                        &b.requested_by_organizations,
                    ),
                    out,
                );
                self.check_post_convener(
                    &b.organ,
                    b.by_post.as_ref(),
                    b.by_person.as_ref(),
                    b.by.is_some()
                        || b.requested_by.is_some()
                        || !b.requested_by_organizations.is_empty(),
                    out,
                );
                self.check_category(&b.organ, b.category.as_deref(), out);
                self.check_notified(b, out);
                self.check_record_date(b, out);
                self.check_notice_by(b, out);
                self.check_delegates(b, out);
            }
            // A count, of all seats or of one faction's, above the statute's number.
            K::SeatsCounted(b) => {
                if let Some(version) = self.version(&b.organ.org, &event.date)
                    && let Some(def) = version.organ(&b.organ.key)
                    && let Some(Cited {
                        rule: limits,
                        article,
                    }) = &def.seats
                {
                    let limit = if b.role == Role::Full {
                        limits.full
                    } else {
                        limits.alternate
                    };
                    if let Some(limit) = limit.filter(|l| b.count > *l) {
                        out.push(
                            Rule::SeatsOverLimit,
                            Severity::Violation,
                            Truth::Definitely,
                            Some(Citation::of(version, article.as_ref())),
                            vec![],
                            match &b.faction {
                                None => format!(
                                    "{} has {} {} seats; the statute allows {limit}",
                                    self.organ_name(&b.organ),
                                    b.count,
                                    b.role.as_str()
                                ),
                                Some(f) => format!(
                                    "{} has {} {} seats on {}; the statute allows {limit} in all",
                                    name(EntityKind::Faction, f),
                                    b.count,
                                    b.role.as_str(),
                                    self.organ_name(&b.organ)
                                ),
                            },
                        );
                    }
                }
            }
            _ => {}
        }
        self.check_class_declared(out);
        self.check_conditions(out);
        self.check_steps(out);
        self.check_probation_date(out);
        self.check_unit(out);
        self.check_resignation(out);
        self.check_seat_resignation(out);
        self.check_status_ended(event, out);
        self.check_procedures(event, out);
        self.check_lapsed_actor(event, out);
        self.check_defunct(event, out);
    }
}

//! The per-event rules: each event judged against the statute in force and the history before it.

use crate::date::{FuzzyDate, Truth};
use crate::event::{EndCause, Event, EventKind, Outcome, Role};
use crate::id::{EventId, MeetingId, OrgId, OrganRef, PersonId, PostRef};
use crate::state::history::History;
use crate::state::registry::{EntityKind, Registry};
use crate::statute::{Act, Base, Cited, Elector, Requirement, StatuteBook, Version};

use super::{Citation, Finding, Rule, Severity};

/// What the rules read.
pub(crate) struct Ctx<'a> {
    pub history: &'a History,
    pub registry: &'a Registry,
    pub book: &'a StatuteBook,
}

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
            message,
        });
    }
}

/// The findings for one event, judged on the history before it.
pub fn check_event(
    history: &History,
    registry: &Registry,
    book: &StatuteBook,
    event: &Event,
) -> Vec<Finding> {
    let ctx = Ctx {
        history,
        registry,
        book,
    };
    let mut out = Out {
        event,
        findings: Vec::new(),
    };
    ctx.check(event, &mut out);
    out.findings
}

impl Ctx<'_> {
    fn version(&self, org: &OrgId, date: &FuzzyDate) -> Option<&Version> {
        self.book.in_force(org, date.earliest())
    }

    fn person(&self, p: &PersonId) -> String {
        self.registry.name_of(EntityKind::Person, p.as_str())
    }

    fn organ_name(&self, o: &OrganRef) -> String {
        self.registry.name_of(EntityKind::Organ, &o.to_string())
    }

    fn post_name(&self, p: &PostRef) -> String {
        self.registry.name_of(EntityKind::Post, &p.to_string())
    }

    fn meeting_organs(&self, meeting: &MeetingId) -> Vec<OrganRef> {
        let state = self.history.meeting(meeting);
        let organ = state
            .and_then(|m| m.organ.clone())
            .or_else(|| self.registry.meeting_organ(meeting).cloned());
        organ
            .into_iter()
            .chain(state.map(|m| m.joint_with.clone()).unwrap_or_default())
            .collect()
    }

    fn check(&self, event: &Event, out: &mut Out<'_>) {
        use EventKind as K;
        self.check_persons(event, out);
        match &event.kind {
            K::ElectionHeld(b) => {
                let electors = match (&b.meeting, &b.by) {
                    (_, Some(by)) => vec![by.clone()],
                    (Some(m), None) => self.meeting_organs(m),
                    (None, None) => Vec::new(),
                };
                if let Some(organ) = &b.organ {
                    self.check_organ_elector(organ, &electors, out);
                    self.check_seat_limit(organ, Role::Full, b.elected.len(), b.replaces, out);
                    self.check_seat_limit(
                        organ,
                        Role::Alternate,
                        b.alternates.len(),
                        b.replaces,
                        out,
                    );
                    for person in b.elected.iter().chain(&b.alternates) {
                        self.check_organ_eligibility(organ, person, out);
                    }
                }
                if let Some(post) = &b.post {
                    self.check_post_elector(post, &electors, out);
                    for person in b.elected.iter().take(1) {
                        self.check_post_eligibility(post, person, out);
                    }
                }
                if let Some(m) = &b.meeting {
                    self.check_quorum(m, None, out);
                }
            }
            K::SeatTaken(b) => {
                let electors = self.electors_of(b.by.as_ref(), b.decision.as_ref());
                self.check_organ_elector(&b.organ, &electors, out);
                let already = self
                    .history
                    .open_seats_of(&b.person)
                    .any(|s| s.organ == b.organ && s.role == b.role);
                if !already {
                    self.check_seat_limit(&b.organ, b.role, 1, false, out);
                }
                self.check_organ_eligibility(&b.organ, &b.person, out);
            }
            K::PostAssigned(b) => {
                let electors = self.electors_of(b.by.as_ref(), b.decision.as_ref());
                self.check_post_elector(&b.post, &electors, out);
                self.check_post_eligibility(&b.post, &b.person, out);
            }
            K::SeatVacated(b) => {
                let held = self
                    .history
                    .open_seats_of(&b.person)
                    .any(|s| s.organ == b.organ);
                let what = self.organ_name(&b.organ);
                self.check_vacated(
                    held,
                    &b.person,
                    &what,
                    b.cause,
                    &b.organ.org,
                    Some(&b.organ),
                    b.decision.as_ref(),
                    out,
                );
            }
            K::PostVacated(b) => {
                let held = self
                    .history
                    .open_posts_of(&b.person)
                    .any(|p| p.post == b.post);
                let what = format!("the post of {}", self.post_name(&b.post));
                self.check_vacated(
                    held,
                    &b.person,
                    &what,
                    b.cause,
                    &b.post.org,
                    None,
                    b.decision.as_ref(),
                    out,
                );
            }
            K::MemberExpelled(b) => {
                let last = self.history.memberships_of(&b.person, &b.org).last();
                if last.is_some_and(|m| {
                    m.span.end.is_some()
                        && m.end_cause == Some(crate::state::rows::MembershipEnd::Expelled)
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
            }
            K::MemberSuspended(b) => self.check_discipline(
                Act::Suspension,
                &b.org,
                None,
                b.decision.as_ref(),
                &b.person,
                out,
            ),
            K::PersonPurged(b) => self.check_discipline(
                Act::Removal,
                &b.org,
                None,
                b.decision.as_ref(),
                &b.person,
                out,
            ),
            K::MotionDecided(b) => {
                if let Some(m) = &b.meeting {
                    self.check_quorum(m, b.present, out);
                }
                self.check_majority(event, out);
            }
            K::MeetingHeld(b) => self.check_meeting(&b.meeting, b.organ.as_ref(), out),
            K::SeatsCounted(b) if b.faction.is_none() => {
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
                            format!(
                                "{} has {} {} seats; the statute allows {limit}",
                                self.organ_name(&b.organ),
                                b.count,
                                b.role.as_str()
                            ),
                        );
                    }
                }
            }
            _ => {}
        }
        self.check_defunct(event, out);
    }

    /// A seat or post left: it must have been held, and a removal needs a decision.
    #[allow(clippy::too_many_arguments)]
    fn check_vacated(
        &self,
        held: bool,
        person: &PersonId,
        what: &str,
        cause: Option<EndCause>,
        org: &OrgId,
        organ: Option<&OrganRef>,
        decision: Option<&EventId>,
        out: &mut Out<'_>,
    ) {
        if !held {
            let message = format!(
                "{} leaves {what}, but the record does not show it held",
                self.person(person)
            );
            out.push(
                Rule::NotHeld,
                Severity::Warning,
                Truth::Definitely,
                None,
                vec![],
                message,
            );
        }
        if cause.is_some_and(EndCause::is_removal) {
            self.check_discipline(Act::Removal, org, organ, decision, person, out);
        }
    }

    fn electors_of(&self, by: Option<&OrganRef>, decision: Option<&EventId>) -> Vec<OrganRef> {
        if let Some(by) = by {
            return vec![by.clone()];
        }
        decision
            .and_then(|d| self.history.decision(d))
            .map(|d| {
                d.meeting
                    .as_ref()
                    .map(|m| self.meeting_organs(m))
                    .unwrap_or_else(|| d.organ.clone().into_iter().collect())
            })
            .unwrap_or_default()
    }

    fn check_elector(
        &self,
        what: String,
        rule: Option<&Cited<Elector>>,
        org: &OrgId,
        electors: &[OrganRef],
        version: &Version,
        out: &mut Out<'_>,
    ) {
        let (
            Some(Cited {
                rule: Elector::Organ(key),
                article,
            }),
            false,
        ) = (rule, electors.is_empty())
        else {
            return;
        };
        let wanted = OrganRef::new(org.clone(), key.clone());
        if electors.contains(&wanted) {
            return;
        }
        let by = electors
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" and ");
        out.push(
            Rule::WrongElector,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{what} was filled by {by}; the statute gives that to {}",
                self.organ_name(&wanted)
            ),
        );
    }

    fn check_organ_elector(&self, organ: &OrganRef, electors: &[OrganRef], out: &mut Out<'_>) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        self.check_elector(
            self.organ_name(organ),
            def.elected_by.as_ref(),
            &organ.org,
            electors,
            version,
            out,
        );
    }

    fn check_post_elector(&self, post: &PostRef, electors: &[OrganRef], out: &mut Out<'_>) {
        let Some(version) = self.version(&post.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.post(&post.key) else {
            return;
        };
        self.check_elector(
            format!("the post of {}", self.post_name(post)),
            def.elected_by.as_ref(),
            &post.org,
            electors,
            version,
            out,
        );
    }

    /// Seats after the event, against the statute's number.
    fn check_seat_limit(
        &self,
        organ: &OrganRef,
        role: Role,
        adding: usize,
        replaces: bool,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        let Some(Cited {
            rule: limits,
            article,
        }) = &def.seats
        else {
            return;
        };
        let Some(limit) = (if role == Role::Full {
            limits.full
        } else {
            limits.alternate
        }) else {
            return;
        };
        let after = if replaces {
            adding as u32
        } else {
            self.history
                .current(organ, out.event.date.earliest())
                .total(Some(role))
                + adding as u32
        };
        if after > limit {
            out.push(
                Rule::SeatsOverLimit,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} would have {after} {} seats; the statute allows {limit}",
                    self.organ_name(organ),
                    role.as_str()
                ),
            );
        }
    }

    fn check_organ_eligibility(&self, organ: &OrganRef, person: &PersonId, out: &mut Out<'_>) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        self.check_requirements(
            &def.eligibility,
            &organ.org,
            person,
            &format!("a seat on {}", self.organ_name(organ)),
            version,
            out,
        );
    }

    fn check_post_eligibility(&self, post: &PostRef, person: &PersonId, out: &mut Out<'_>) {
        let Some(version) = self.version(&post.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.post(&post.key) else {
            return;
        };
        self.check_requirements(
            &def.eligibility,
            &post.org,
            person,
            &format!("the post of {}", self.post_name(post)),
            version,
            out,
        );
    }

    /// Eligibility is judged only where the record keeps the register: an
    /// organization with recorded memberships, an organ with named seats.
    /// Elsewhere the absence of a record is not evidence.
    fn check_requirements(
        &self,
        requirements: &[Cited<Requirement>],
        org: &OrgId,
        person: &PersonId,
        what: &str,
        version: &Version,
        out: &mut Out<'_>,
    ) {
        let register_kept = self.history.keeps_register(org);
        for Cited { rule, article } in requirements {
            let problem = match rule {
                Requirement::Member | Requirement::FullMember if register_kept => {
                    match self.history.membership(person, org) {
                        None => Some("is not a member".to_owned()),
                        Some(m) if m.status == crate::state::rows::MemberStatus::Suspended => {
                            Some("is a suspended member".to_owned())
                        }
                        Some(m)
                            if *rule == Requirement::FullMember
                                && m.status == crate::state::rows::MemberStatus::Candidate =>
                        {
                            Some("is only a candidate member".to_owned())
                        }
                        Some(_) => None,
                    }
                }
                Requirement::Seat(key) => {
                    let organ = OrganRef::new(org.clone(), key.clone());
                    let kept = self.history.names_seats(&organ);
                    let seated = self.history.open_seats_of(person).any(|s| s.organ == organ);
                    (kept && !seated)
                        .then(|| format!("holds no seat on {}", self.organ_name(&organ)))
                }
                _ => None,
            };
            if let Some(problem) = problem {
                out.push(
                    Rule::IneligibleHolder,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(Citation::of(version, article.as_ref())),
                    vec![],
                    format!("{} takes {what} but {problem}", self.person(person)),
                );
            }
        }
    }

    fn check_quorum(&self, meeting: &MeetingId, present: Option<u32>, out: &mut Out<'_>) {
        let Some(state) = self.history.meeting(meeting) else {
            return;
        };
        let Some(organ) = &state.organ else { return };
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
        let entitled = state
            .entitled
            .unwrap_or_else(|| self.full_seats(organ, &out.event.date));
        if entitled == 0 || quorum.is_met(u64::from(present), u64::from(entitled)) {
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

    fn full_seats(&self, organ: &OrganRef, date: &FuzzyDate) -> u32 {
        self.history
            .current(organ, date.earliest())
            .total(Some(Role::Full))
    }

    fn check_majority(&self, event: &Event, out: &mut Out<'_>) {
        let EventKind::MotionDecided(b) = &event.kind else {
            return;
        };
        let (Some(votes), Outcome::Carried) = (b.votes, b.outcome) else {
            return;
        };
        let meeting = b.meeting.as_ref().and_then(|m| self.history.meeting(m));
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
        let total = match majority.base {
            Base::Votes => Some(votes.in_favour + votes.against),
            Base::Present => b
                .present
                .or_else(|| meeting.and_then(|m| m.present))
                .map(u64::from),
            Base::Members => Some(u64::from(
                meeting
                    .and_then(|m| m.entitled)
                    .unwrap_or_else(|| self.full_seats(&organ, &event.date)),
            )),
        };
        let Some(total) = total else { return };
        if majority.threshold.is_met(votes.in_favour, total) {
            return;
        }
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "carried with {} votes for of {total} {}; a {category} decision needs {} {} ({} votes)",
                votes.in_favour,
                match majority.base {
                    Base::Votes => "votes cast",
                    Base::Present => "present",
                    Base::Members => "members",
                },
                majority.threshold,
                majority.base,
                majority.threshold.minimum(total)
            ),
        );
    }

    /// A disciplinary act needs a carried decision of an organ the statute empowers.
    fn check_discipline(
        &self,
        act: Act,
        org: &OrgId,
        from_organ: Option<&OrganRef>,
        decision: Option<&EventId>,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let version = self.version(org, &out.event.date);
        let rule = version.and_then(|v| v.discipline(act));
        // Without a discipline rule, the organ that elects an organ is the one
        // competent to remove from it.
        let competent: Vec<OrganRef> = match (rule, from_organ, version) {
            (Some(r), _, _) => {
                r.by.iter()
                    .map(|k| OrganRef::new(org.clone(), k.clone()))
                    .collect()
            }
            (None, Some(organ), Some(v)) => {
                match v.organ(&organ.key).and_then(|d| d.elected_by.as_ref()) {
                    Some(Cited {
                        rule: Elector::Organ(k),
                        ..
                    }) => vec![OrganRef::new(org.clone(), k.clone())],
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        };
        let article = rule.and_then(|r| r.article.as_ref()).or_else(|| {
            from_organ.and_then(|o| {
                version?
                    .organ(&o.key)?
                    .elected_by
                    .as_ref()?
                    .article
                    .as_ref()
            })
        });
        let citation = version
            .filter(|_| !competent.is_empty())
            .map(|v| Citation::of(v, article));
        let who = self.person(person);
        let competent_names = competent
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" or ");
        let Some(decision_id) = decision else {
            let (severity, message) = if competent.is_empty() {
                (
                    Severity::Warning,
                    format!(
                        "{} of {who} with no recorded decision of any organ",
                        act.as_str()
                    ),
                )
            } else {
                (
                    Severity::Violation,
                    format!(
                        "{} of {who} without a decision of {competent_names}, the competent organ",
                        act.as_str()
                    ),
                )
            };
            out.push(
                Rule::NoCompetentDecision,
                severity,
                Truth::Definitely,
                citation,
                vec![],
                message,
            );
            return;
        };
        let Some(d) = self.history.decision(decision_id) else {
            out.push(
                Rule::NoCompetentDecision,
                Severity::Warning,
                Truth::Possibly,
                citation,
                vec![decision_id.clone()],
                format!(
                    "{} of {who} rests on decision `{decision_id}`, which the record dates later",
                    act.as_str()
                ),
            );
            return;
        };
        if d.outcome == Outcome::Defeated {
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                citation.clone(),
                vec![decision_id.clone()],
                format!(
                    "{} of {who} rests on a motion that was defeated",
                    act.as_str()
                ),
            );
        }
        let deciders: Vec<OrganRef> = match &d.meeting {
            Some(m) => self.meeting_organs(m),
            None => d.organ.clone().into_iter().collect(),
        };
        if !competent.is_empty()
            && !deciders.is_empty()
            && !deciders.iter().any(|o| competent.contains(o))
        {
            let by = deciders
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                citation,
                vec![decision_id.clone()],
                format!(
                    "{} of {who} was decided by {by}; the statute gives it to {competent_names}",
                    act.as_str()
                ),
            );
        }
    }

    fn check_meeting(&self, meeting: &MeetingId, organ: Option<&OrganRef>, out: &mut Out<'_>) {
        let state = self.history.meeting(meeting);
        let Some(organ) = organ
            .cloned()
            .or_else(|| state.and_then(|m| m.organ.clone()))
        else {
            return;
        };
        let held = &out.event.date;
        let name = self.registry.name_of(EntityKind::Meeting, meeting.as_str());
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
            out.push(
                Rule::MeetingPostponed,
                Severity::Notice,
                scheduled.before(held),
                None,
                convened.into_iter().collect(),
                format!("{name} was called for {scheduled} but held {held}{late}"),
            );
        }
        let Some(version) = self.version(&organ.org, held) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        if let Some(Cited {
            rule: notice,
            article,
        }) = &def.notice
            && let Some((convened, convened_event)) = state.and_then(|m| m.convened.as_ref())
        {
            // Short if even the longest possible gap is shorter than the notice.
            let definitely = notice.after(convened.earliest()) > held.latest();
            let possibly = notice.after(convened.latest()) > held.earliest();
            let certainty = if definitely {
                Truth::Definitely
            } else if possibly {
                Truth::Possibly
            } else {
                Truth::No
            };
            out.push(
                Rule::ShortNotice,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, article.as_ref())),
                vec![convened_event.clone()],
                format!("{name} was convened on {convened} and held {held}: less than the {notice} of notice required"),
            );
        }
        if let Some(Cited {
            rule: every,
            article,
        }) = &def.meets
            && let Some((previous, previous_meeting)) = self.history.held_meetings(&organ).last()
        {
            let definitely = held.earliest() > every.after(previous.latest());
            let possibly = held.latest() > every.after(previous.earliest());
            let certainty = if definitely {
                Truth::Definitely
            } else if possibly {
                Truth::Possibly
            } else {
                Truth::No
            };
            let previous_name = self
                .registry
                .name_of(EntityKind::Meeting, previous_meeting.as_str());
            let previous_event = self
                .history
                .meeting(previous_meeting)
                .and_then(|m| m.held.as_ref())
                .map(|(_, e)| e.clone());
            out.push(
                Rule::MeetingLate,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, article.as_ref())),
                previous_event.into_iter().collect(),
                format!(
                    "no meeting of {} is recorded between {previous_name} ({previous}) and {name} ({held}); the statute requires one at least every {every}",
                    self.organ_name(&organ)
                ),
            );
        }
    }

    /// Acts by or about persons who had died, or in an organization by persons expelled from it.
    fn check_persons(&self, event: &Event, out: &mut Out<'_>) {
        use EventKind as K;
        if matches!(
            event.kind,
            K::PersonRehabilitated(_)
                | K::MemberReinstated(_)
                | K::PersonRegistered(_)
                | K::EventRetracted(_)
                | K::EventSuperseded(_)
        ) {
            return;
        }
        let mut persons: Vec<&PersonId> = event
            .kind
            .references()
            .into_iter()
            .filter_map(|(field, r)| match r {
                // The subjects of a motion are acted upon, not acting: an
                // expelled member's appeal is theirs to make.
                crate::event::Ref::Person(p) if field != "subjects" => Some(p),
                _ => None,
            })
            .collect();
        persons.sort();
        persons.dedup();
        for person in &persons {
            if let Some((died, death_event)) = self.history.death(person)
                && died.before(&event.date) == Truth::Definitely
                && death_event != &event.id
            {
                out.push(
                    Rule::DeadPerson,
                    Severity::Warning,
                    Truth::Definitely,
                    None,
                    vec![death_event.clone()],
                    format!(
                        "{} is recorded as dead since {died}, yet appears in this {}",
                        self.person(person),
                        event.kind.name().replace('_', " ")
                    ),
                );
            }
        }
        let Some(org) = self.acting_org(event) else {
            return;
        };
        for person in persons {
            if matches!(event.kind, K::MemberAdmitted(_) | K::MemberExpelled(_)) {
                continue;
            }
            let last = self.history.memberships_of(person, &org).last();
            if let Some(m) = last
                && m.end_cause == Some(crate::state::rows::MembershipEnd::Expelled)
                && self.history.membership(person, &org).is_none()
            {
                out.push(
                    Rule::ExpelledPerson,
                    Severity::Violation,
                    Truth::Definitely,
                    self.version(&org, &event.date)
                        .map(|v| Citation::of(v, None)),
                    m.end_event.iter().cloned().collect(),
                    format!(
                        "{} was expelled from {} ({}), yet acts in it here",
                        self.person(person),
                        self.registry.name_of(EntityKind::Org, org.as_str()),
                        m.span
                            .end
                            .as_ref()
                            .map_or_else(String::new, ToString::to_string)
                    ),
                );
            }
        }
    }

    /// The organization an event acts within, if one.
    fn acting_org(&self, event: &Event) -> Option<OrgId> {
        use EventKind as K;
        let meeting_org = |m: &Option<MeetingId>| {
            m.as_ref()
                .and_then(|m| self.meeting_organs(m).first().map(|o| o.org.clone()))
        };
        match &event.kind {
            K::SeatTaken(b) => Some(b.organ.org.clone()),
            K::PostAssigned(b) => Some(b.post.org.clone()),
            K::ElectionHeld(b) => b
                .organ
                .as_ref()
                .map(|o| o.org.clone())
                .or_else(|| b.post.as_ref().map(|p| p.org.clone())),
            K::SpeechGiven(b) => meeting_org(&b.meeting),
            K::MotionDecided(b) => b
                .organ
                .as_ref()
                .map(|o| o.org.clone())
                .or_else(|| meeting_org(&b.meeting)),
            K::MemberPromoted(b) => Some(b.org.clone()),
            K::MeetingHeld(b) => b
                .organ
                .as_ref()
                .map(|o| o.org.clone())
                .or_else(|| meeting_org(&Some(b.meeting.clone()))),
            K::MeetingConvened(b) => Some(b.organ.org.clone()),
            _ => None,
        }
    }

    fn check_defunct(&self, event: &Event, out: &mut Out<'_>) {
        let Some(org) = self.acting_org(event) else {
            return;
        };
        let Some(span) = self.history.org(&org).and_then(|o| o.span.as_ref()) else {
            return;
        };
        let date = &event.date;
        let name = self.registry.name_of(EntityKind::Org, org.as_str());
        if date.before(&span.start) == Truth::Definitely {
            out.push(
                Rule::DefunctOrganization,
                Severity::Warning,
                Truth::Definitely,
                None,
                vec![],
                format!(
                    "{name} was founded only in {}, after this {}",
                    span.start,
                    event.kind.name().replace('_', " ")
                ),
            );
        }
        if let Some(end) = &span.end
            && end.before(date) == Truth::Definitely
        {
            out.push(
                Rule::DefunctOrganization,
                Severity::Warning,
                Truth::Definitely,
                None,
                vec![],
                format!(
                    "{name} had ceased to exist in {end}, before this {}",
                    event.kind.name().replace('_', " ")
                ),
            );
        }
    }
}

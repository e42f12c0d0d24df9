//! Persons: discipline by the competent organ, acts of the dead and the expelled, defunct organizations.

use crate::date::Truth;
use crate::event::{Event, EventKind, Outcome};
use crate::id::{EventId, MeetingId, OrgId, OrganRef, PersonId};
use crate::statute::{Act, Cited, DisciplineRule, Elector, Version};

use super::super::terms::Office;
use super::super::{Citation, Rule, Severity};
use super::acts_for::ActingFor;
use super::targets::Bound;
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A disciplinary act needs a carried decision of an organ the statute empowers.
    pub(super) fn check_discipline(
        &self,
        act: Act,
        org: &OrgId,
        from: Option<Office<'_>>,
        decision: Option<&EventId>,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let version = self.version(org, &out.event.date);
        let from_key = from.map(|o| match o {
            Office::Organ(o) => &o.key,
            Office::Post(p) => &p.key,
        });
        let pick =
            |d: &DisciplineRule| d.act == act && (d.from.is_none() || d.from.as_ref() == from_key);
        let date = out.event.date.clone();
        let rules = self.bound_rules(version, pick, org, person, &date);
        let deciders = self.deciders_of(decision);
        // The version's own rules (its templates' are bound to other organizations):
        // a rule only for holders no longer eligible, and the register's size.
        let own: Vec<&DisciplineRule> = rules
            .iter()
            .filter(|b| &b.org == org)
            .map(|b| b.rule)
            .collect();
        let (own, set_aside) = self.rules_if_ineligible(own, version, org, from, person, &date);
        let rules: Vec<Bound<'_>> = rules
            .into_iter()
            .filter(|b| !set_aside.iter().any(|r| std::ptr::eq(*r, b.rule)))
            .collect();
        if let Some(office) = from
            && !set_aside.is_empty()
        {
            let what = match office {
                Office::Organ(o) => self.organ_name(o).to_string(),
                Office::Post(p) => format!("the post of {}", self.post_name(p)),
            };
            if self.check_still_eligible(version, &own, &set_aside, &deciders, &what, person, out) {
                return;
            }
        }
        self.check_register_size(act, version, &own, &deciders, org, person, out);
        self.check_competence(
            act.as_str(),
            version,
            &rules,
            org,
            from,
            decision,
            person,
            out,
        );
    }

    /// A disciplinary act (`act` as findings name it) judged by the discipline rules
    /// that apply to it: a carried decision of an organ they empower, by their majority.
    /// A rule scoped by a ground (`ground`) empowers its organs only for an act that
    /// records that ground: an act recording another is judged without it
    /// (definitely), one recording none may or may not fall under it (possibly).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_competence(
        &self,
        act: &str,
        version: Option<&Version>,
        rules: &[Bound<'_>],
        org: &OrgId,
        from: Option<Office<'_>>,
        decision: Option<&EventId>,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let ground = act_ground(&out.event.kind);
        let (applying, scoped): (Vec<&Bound<'_>>, Vec<&Bound<'_>>) =
            rules.iter().partition(|b| match &b.rule.ground {
                None => true,
                Some(g) => ground == Some(g),
            });
        // Without a discipline rule, the organ that elects an organ or post is the
        // one competent to remove from it.
        let elected_by = |v| elected_by(v, from);
        let mut competent: Vec<OrganRef> = applying.iter().flat_map(|b| b.organs()).collect();
        competent.dedup();
        if rules.is_empty()
            && let Some(v) = version
        {
            match elected_by(v).map(|e| &e.rule) {
                Some(Elector::Organ(k)) => competent.push(OrganRef::new(org.clone(), k.clone())),
                Some(Elector::Parent(k)) => {
                    if let Some(parent) = self.book.parent(org) {
                        competent.push(OrganRef::new(parent.clone(), k.clone()));
                    }
                }
                _ => {}
            }
        }
        let article = applying
            .iter()
            .find_map(|b| b.rule.article.as_ref())
            .or_else(|| elected_by(version?)?.article.as_ref());
        let citation = version
            .filter(|_| !competent.is_empty())
            .map(|v| Citation::of(v, article));
        let who = match self.bound_target_phrase(rules) {
            Some(whom) => format!("{} ({whom})", self.person(person)),
            None => self.person(person).to_string(),
        };
        let competent_names = competent
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" or ");
        let Some(decision_id) = decision else {
            let (severity, message) = if competent.is_empty() {
                (
                    Severity::Warning,
                    format!("{} of {who} with no recorded decision of any organ", act),
                )
            } else {
                (
                    Severity::Violation,
                    format!(
                        "{} of {who} without a decision of {competent_names}, the competent organ",
                        act
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
                    act
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
                format!("{} of {who} rests on a motion that was defeated", act),
            );
        }
        let deciders: Vec<OrganRef> = match &d.meeting {
            Some(m) => self.meeting_organs(m),
            None => d.organ.clone().into_iter().collect(),
        };
        // The majority of the rule that empowers the deciding organ (one whose ground
        // the act may meet, too).
        if d.outcome == Outcome::Carried
            && let Some(v) = version
            && let Some((rule, majority, organ)) = applying
                .iter()
                .chain(
                    scoped
                        .iter()
                        .filter(|b| ground.is_none() && b.rule.ground.is_some()),
                )
                .find_map(|b| {
                    let organs = b.organs();
                    let organ = deciders.iter().find(|o| organs.contains(o))?;
                    Some((b.rule, b.rule.majority?, organ))
                })
        {
            self.check_decision_majority(
                &d,
                organ,
                &majority,
                std::slice::from_ref(person),
                Citation::of(v, rule.article.as_ref()),
                &format!("the {} of {who}", act),
                out,
            );
        }
        if !competent.is_empty()
            && !deciders.is_empty()
            && !deciders.iter().any(|o| competent.contains(o))
        {
            let acting = self.acting_for(&deciders, &competent, &d.date);
            if matches!(acting, Some(ActingFor::Between)) {
                return;
            }
            let by = deciders
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            // A decider the statute empowers only on a ground the act does not record.
            if let Some(b) = scoped
                .iter()
                .find(|b| b.organs().iter().any(|o| deciders.contains(o)))
                && let Some(g) = &b.rule.ground
            {
                let (certainty, recorded) = match ground {
                    None => (Truth::Possibly, "the record states no ground".to_owned()),
                    Some(h) => (Truth::Definitely, format!("its ground is `{h}`")),
                };
                out.push(
                    Rule::NoCompetentDecision,
                    Severity::Violation,
                    certainty,
                    version.map(|v| Citation::of(v, b.rule.article.as_ref())),
                    vec![decision_id.clone()],
                    format!(
                        "{} of {who} was decided by {by}, which the statute empowers only on the ground `{g}` ({recorded}); otherwise it gives it to {competent_names}",
                        act
                    ),
                );
                return;
            }
            if let Some(ActingFor::InSession {
                acting,
                principal,
                certainty,
                citation,
            }) = acting
            {
                let principal = self.organ_name(&principal);
                out.push(
                    Rule::NoCompetentDecision,
                    Severity::Violation,
                    certainty,
                    Some(citation),
                    vec![decision_id.clone()],
                    format!(
                        "{} of {who} was decided by {}, which acts for {principal} only between its sessions; {principal} {} that day",
                        act,
                        self.organ_name(&acting),
                        if certainty == Truth::Definitely { "sat" } else { "may have sat" }
                    ),
                );
                return;
            }
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                citation,
                vec![decision_id.clone()],
                format!(
                    "{} of {who} was decided by {by}; the statute gives it to {competent_names}",
                    act
                ),
            );
        }
    }

    /// Acts by or about persons who had died, or in an organization by persons expelled from it.
    pub(super) fn check_persons(&self, event: &Event, out: &mut Out<'_>) {
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
            if let Some(death) = self.history.death(person)
                && death.date.before(&event.date) == Truth::Definitely
                && death.event != event.id
            {
                let (died, death_event) = (&death.date, &death.event);
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
            let last = self.history.memberships_of(person, &org).pop();
            if let Some(m) = last
                && m.end_cause == Some(crate::rows::MembershipEnd::Expelled)
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
                        self.org_name(&org),
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
    pub(super) fn acting_org(&self, event: &Event) -> Option<OrgId> {
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
            K::FactionJoined(b) => self.faction_org(&b.faction),
            K::FactionLed(b) => self.faction_org(&b.faction),
            _ => None,
        }
    }

    /// The organization a faction is recorded as a faction of, if one.
    fn faction_org(&self, faction: &crate::id::FactionId) -> Option<OrgId> {
        self.history
            .entity(crate::id::EntityKind::Faction, faction.as_str())
            .and_then(|e| e.org)
            .and_then(|o| o.parse().ok())
    }

    pub(super) fn check_defunct(&self, event: &Event, out: &mut Out<'_>) {
        let Some(org) = self.acting_org(event) else {
            return;
        };
        let date = &event.date;
        let name = self.org_name(&org);
        let Some(span) = self.history.org(&org).and_then(|o| o.span) else {
            // Judged in date order, an act dated before the founding meets an
            // organization the registry knows but the history has not founded
            // yet: its founding is dated on or after this act's earliest day.
            if self
                .history
                .entity(crate::id::EntityKind::Org, org.as_str())
                .is_some()
            {
                out.push(
                    Rule::DefunctOrganization,
                    Severity::Warning,
                    Truth::Possibly,
                    None,
                    vec![],
                    format!(
                        "the record founds {name} only later than this {}",
                        event.kind.name().replace('_', " ")
                    ),
                );
            }
            return;
        };
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

/// Who fills the organ or post a removal is from, by the statute.
fn elected_by<'v>(
    version: &'v crate::statute::Version,
    from: Option<Office<'_>>,
) -> Option<&'v Cited<Elector>> {
    match from? {
        Office::Organ(o) => version.organ(&o.key)?.elected_by.as_ref(),
        Office::Post(p) => version.post(&p.key)?.elected_by.as_ref(),
    }
}

/// The ground an act records (`ground` on `member_expelled`, `member_disciplined`,
/// `member_admitted`), which discipline rules may be scoped by.
fn act_ground(kind: &EventKind) -> Option<&crate::id::Key> {
    match kind {
        EventKind::MemberExpelled(b) => b.ground.as_ref(),
        EventKind::MemberDisciplined(b) => b.ground.as_ref(),
        EventKind::MemberAdmitted(b) => b.ground.as_ref(),
        _ => None,
    }
}

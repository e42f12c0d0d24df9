//! Events in words: one sentence per event, for a person's record and for the log.
//!
//! Sentences are [`Phrase`]s: entities are referred to, and named when read.

use crate::event::kinds::with_others;
use crate::event::{EndCause, Event, EventKind, Outcome, Status};
use crate::id::{EntityKind, OrgId, OrganRef, PersonId, PostRef};
use crate::phrase::{Phrase, name};

/// One sentence saying what an event did, for a person's record.
pub fn describe(event: &Event) -> Phrase {
    Phrase::new(with_others(&event.kind, describe_text(event)))
}

fn describe_text(event: &Event) -> String {
    let org = |o: &OrgId| name(EntityKind::Org, o);
    let organ = |o: &OrganRef| name(EntityKind::Organ, o);
    let post = |p: &PostRef| name(EntityKind::Post, p);
    let with_cause = |text: String, cause: Option<EndCause>| match cause {
        Some(c) => format!("{text} ({})", c.as_str()),
        None => text,
    };
    use EventKind as K;
    match &event.kind {
        K::PersonRegistered(b) => format!("{} enters the record", b.name),
        K::MemberAdmitted(b) => format!(
            "admitted to {} as a {} member{}{}",
            org(&b.org),
            if b.status == Status::Candidate {
                "candidate"
            } else {
                "full"
            },
            b.class
                .as_ref()
                .map_or_else(String::new, |c| format!(" of the class `{c}`")),
            b.unit
                .as_ref()
                .map_or_else(String::new, |u| format!(", in {}", org(u)))
        ),
        K::MemberPromoted(b) => format!("became a full member of {}", org(&b.org)),
        K::MemberSuspended(b) => format!("suspended from {}", org(&b.org)),
        K::MemberExpelled(b) => match &b.reason {
            Some(r) => format!("expelled from {}: {r}", org(&b.org)),
            None => format!("expelled from {}", org(&b.org)),
        },
        K::MemberReinstated(b) => format!("reinstated in {}", org(&b.org)),
        K::MemberResigned(b) => format!("resigned from {}", org(&b.org)),
        K::CandidacyExtended(b) => match &b.until {
            Some(until) => format!("candidacy in {} extended until {until}", org(&b.org)),
            None => format!("candidacy in {} extended", org(&b.org)),
        },
        K::CandidacyEnded(b) => format!("candidacy in {} ended without admission", org(&b.org)),
        K::ConstituencyAssigned(b) => {
            format!(
                "placed in the constituency `{}` of {}",
                b.constituency,
                org(&b.org)
            )
        }
        K::MemberTransferred(b) => {
            format!(
                "transferred to {} (a unit of {})",
                org(&b.unit),
                org(&b.org)
            )
        }
        K::MembershipClassChanged(b) => {
            format!(
                "membership of {} moved to the class `{}`",
                org(&b.org),
                b.class
            )
        }
        K::MembershipLapsed(b) => match &b.unpaid_since {
            Some(since) => format!(
                "membership of {} lapsed, dues unpaid since {since}",
                org(&b.org)
            ),
            None => format!("membership of {} lapsed", org(&b.org)),
        },
        K::MemberDisciplined(b) => {
            let mut text = format!("given the penalty `{}` in {}", b.penalty, org(&b.org));
            if let Some(until) = &b.until {
                text.push_str(&format!(" until {until}"));
            }
            if let Some(r) = &b.reason {
                text.push_str(&format!(": {r}"));
            }
            text
        }
        K::PersonRehabilitated(b) => match &b.org {
            Some(o) => format!("rehabilitated by {}", org(o)),
            None => "rehabilitated".to_owned(),
        },
        K::PersonDied(b) => match &b.cause {
            Some(c) => format!("died ({c})"),
            None => "died".to_owned(),
        },
        K::PersonArrested(b) => {
            let mut text = "arrested".to_owned();
            if let Some(by) = &b.by {
                text.push_str(&format!(" by {by}"));
            }
            if !b.charges.is_empty() {
                text.push_str(&format!(", charged with {}", b.charges.join("; ")));
            }
            if let Some(released) = &b.released {
                text.push_str(&format!(", released {released}"));
            }
            text
        }
        K::PersonTried(b) => {
            let mut text = if b.show_trial {
                "put on show trial".to_owned()
            } else {
                "put on trial".to_owned()
            };
            if !b.charges.is_empty() {
                text.push_str(&format!(" for {}", b.charges.join("; ")));
            }
            if let Some(by) = &b.by {
                text.push_str(&format!(" by {}", organ(by)));
            }
            if let Some(s) = &b.sentence {
                text.push_str(&format!(", sentenced to {s}"));
            }
            if let Some(d) = &b.decided {
                text.push_str(&format!(", the decision rendered on {d}"));
            }
            if !b.judges.is_empty() {
                let judges: Vec<String> = b
                    .judges
                    .iter()
                    .map(|p| name(EntityKind::Person, p))
                    .collect();
                text.push_str(&format!(", heard by {}", judges.join(", ")));
            }
            if let Some(c) = &b.acting_chair {
                text.push_str(&format!(
                    ", {} acting as chair",
                    name(EntityKind::Person, &c.person)
                ));
                match (&c.by_post, &c.by_person) {
                    (Some(p), _) => text.push_str(&format!(" on appointment by the {}", post(p))),
                    (None, Some(p)) => text.push_str(&format!(
                        " on appointment by {}",
                        name(EntityKind::Person, p)
                    )),
                    (None, None) => {}
                }
            }
            text
        }
        K::ChargesFiled(b) => {
            let mut text = format!(
                "charged in {} by {}",
                org(&b.org),
                name(EntityKind::Person, &b.by_person)
            );
            if !b.grounds.is_empty() {
                text.push_str(&format!(" with {}", b.grounds.join("; ")));
            }
            if let Some(o) = &b.arises_in {
                text.push_str(&format!(", in a case arising in {}", org(o)));
            }
            text
        }
        K::ChargesServed(b) => format!("served with a copy of the charges in {}", org(&b.org)),
        K::AppealDecided(b) => format!(
            "had an appeal decided{} by {}",
            if b.is_final { " finally" } else { "" },
            organ(&b.by)
        ),
        K::StepTaken(b) => match &b.by {
            Some(by) => format!("took the step \"{}\" (by {})", b.step, organ(by)),
            None => format!("took the step \"{}\" in {}", b.step, org(&b.org)),
        },
        K::PersonHeard(b) => match &b.by {
            Some(by) => format!("heard in their own defence before {}", organ(by)),
            None => format!("heard in their own defence in {}", org(&b.org)),
        },
        K::PersonPurged(b) => match &b.reason {
            Some(r) => format!("purged from {}: {r}", org(&b.org)),
            None => format!("purged from {}", org(&b.org)),
        },
        K::PersonFled(b) => {
            let verb = if b.forced { "forced to leave" } else { "fled" };
            match &b.to {
                Some(to) => format!("{verb} to {to}"),
                None => verb.to_owned(),
            }
        }
        K::FactionJoined(b) => format!("aligned with {}", name(EntityKind::Faction, &b.faction)),
        K::FactionLeft(b) => format!("left {}", name(EntityKind::Faction, &b.faction)),
        K::FactionLed(b) => super::leadership::became_leader(b),
        K::FactionLeadershipEnded(b) => super::leadership::ceased_to_lead(b),
        K::SpeechGiven(b) => format!("spoke: {}", b.summary),
        K::SeatTaken(b) => format!(
            "took a {} seat on {}{}{}{}",
            b.role.as_str(),
            organ(&b.organ),
            if b.nominal { " (nominal)" } else { "" },
            nominated_by(b.nominated_by_person.as_ref()),
            b.vacancy_of.as_ref().map_or_else(String::new, |p| format!(
                " (the seat left by {})",
                name(EntityKind::Person, p)
            ))
        ),
        K::SeatVacated(b) => with_cause(format!("left {}", organ(&b.organ)), b.cause),
        K::PostAssigned(b) => format!(
            "{}{}{}{}",
            if b.acting { "acting " } else { "became " },
            post(&b.post),
            if b.nominal { " (nominal)" } else { "" },
            nominated_by(b.nominated_by_person.as_ref())
        ),
        K::PostVacated(b) => with_cause(format!("left the post of {}", post(&b.post)), b.cause),
        K::PositionChanged(b) => super::positions::changed(b),
        K::TenureObserved(b) => super::positions::observed(event, b),
        other => other.name().replace('_', " "),
    }
}

/// ` (nominated by PERSON)`, where a seat or post records who nominated its holder.
fn nominated_by(by: Option<&PersonId>) -> String {
    by.map_or_else(String::new, |p| {
        format!(" (nominated by {})", name(EntityKind::Person, p))
    })
}

/// One line saying what an event records, for the log: the person's
/// record line prefixed with their name, or a sentence about the organization.
pub fn summarize(event: &Event) -> Phrase {
    Phrase::new(summarize_text(event))
}

fn summarize_text(event: &Event) -> String {
    let person = |p: &PersonId| name(EntityKind::Person, p);
    let org = |o: &OrgId| name(EntityKind::Org, o);
    let organ = |o: &OrganRef| name(EntityKind::Organ, o);
    let post = |p: &PostRef| name(EntityKind::Post, p);
    let people = |ps: &[PersonId]| ps.iter().map(&person).collect::<Vec<_>>().join(", ");
    let meeting = |m: &crate::id::MeetingId| name(EntityKind::Meeting, m);
    if let Some(subject) = event.kind.subject() {
        let text = with_others(&event.kind, describe_text(event));
        return format!("{}: {}", person(subject), text);
    }
    use EventKind as K;
    match &event.kind {
        K::OrganizationFounded(b) => {
            let founded = match &b.parent {
                Some(p) => format!("{} founded, as part of {}", b.name, org(p)),
                None => format!("{} founded", b.name),
            };
            match &b.replaces {
                Some(old) => format!("{founded}, replacing {}", org(old)),
                None => founded,
            }
        }
        K::OrganizationRenamed(b) => match &b.category {
            Some(category) => format!("{} renamed {} (now a {category})", b.org, b.name),
            None => format!("{} renamed {}", b.org, b.name),
        },
        K::OrganizationsMerged(b) => {
            let from = b
                .orgs
                .iter()
                .filter(|o| **o != b.into)
                .map(&org)
                .collect::<Vec<_>>()
                .join(" and ");
            format!(
                "{from} merged into {}",
                b.name.clone().unwrap_or_else(|| org(&b.into))
            )
        }
        K::OrganizationSplit(b) => format!(
            "{} split into {}",
            org(&b.org),
            b.into
                .iter()
                .map(|n| n.name.clone())
                .collect::<Vec<_>>()
                .join(" and ")
        ),
        K::OrganizationJoined(b) => format!("{} joined {}", org(&b.org), org(&b.parent)),
        K::OrganizationLeft(b) => format!("{} left {}", org(&b.org), org(&b.parent)),
        K::OrganizationBanned(b) => match &b.by {
            Some(by) => format!("{} banned by {by}", org(&b.org)),
            None => format!("{} banned", org(&b.org)),
        },
        K::OrganizationDissolved(b) => format!("{} dissolved", org(&b.org)),
        K::OutsideIntervention(b) => {
            let by: Vec<String> = std::iter::once(&b.by).chain(&b.with).map(org).collect();
            super::outside::acted_on(b, by.join(" and "), org(&b.org))
        }
        K::PositionChanged(b) => super::positions::group_changed(b),
        K::GroupAffected(b) => super::positions::group_affected(b),
        K::OrganizationDirected(b) => {
            let by = match &b.by {
                crate::event::kinds::Director::Org(o) => org(o),
                crate::event::kinds::Director::Organ(o) => organ(o),
            };
            let until = b
                .until
                .as_ref()
                .map_or_else(String::new, |u| format!(" until {u}"));
            let text = b
                .text
                .as_ref()
                .map_or_else(String::new, |t| format!(": {t}"));
            format!("{} directed by {by}{until}{text}", org(&b.org))
        }
        K::FactionFormed(b) => format!("{} formed", b.name),
        K::FactionLeadershipEnded(b) => super::leadership::ceased_to_lead(b),
        K::FactionDissolved(b) => {
            format!("{} ceased to exist", name(EntityKind::Faction, &b.faction))
        }
        K::OrganEstablished(b) => format!("{} established", b.name),
        K::PostEstablished(b) => format!("post of {} established", b.name),
        K::MeetingConvened(b) => {
            let name = b.name.clone().unwrap_or_else(|| meeting(&b.meeting));
            let mut text = match &b.scheduled {
                Some(s) => format!("{name} of {} convened for {s}", organ(&b.organ)),
                None => format!("{name} of {} convened", organ(&b.organ)),
            };
            match (&b.noticed_by_post, &b.noticed_by_person) {
                (Some(p), Some(by)) => {
                    text.push_str(&format!("; notice sent by {} as {}", person(by), post(p)));
                }
                (Some(p), None) => text.push_str(&format!("; notice sent by the {}", post(p))),
                (None, Some(by)) => text.push_str(&format!("; notice sent by {}", person(by))),
                (None, None) => {}
            }
            if !b.business.is_empty() {
                text.push_str(&format!("; business: {}", b.business.join(", ")));
            }
            text
        }
        K::MeetingHeld(b) => {
            let name = b.name.clone().unwrap_or_else(|| meeting(&b.meeting));
            let held = match &b.present {
                Some(n) => format!("{name} held, {n} present"),
                None => format!("{name} held"),
            };
            crate::event::kinds::Evidence::after(held, b.evidence)
        }
        K::MotionDecided(b) => {
            let outcome = match b.outcome {
                Outcome::Carried => "carried",
                Outcome::Defeated => "defeated",
            };
            let votes = b.votes.map_or_else(String::new, |v| {
                format!(" ({}–{}–{})", v.in_favour, v.against, v.abstain)
            });
            let ballot = if b.written_ballot {
                " by written ballot"
            } else {
                ""
            };
            let revises = b
                .revises
                .as_ref()
                .map_or_else(String::new, |d| format!(" (revising the decision `{d}`)"));
            format!("motion {outcome}{ballot}{votes}{revises}: {}", b.text)
        }
        K::ElectionHeld(b) => {
            let target = b
                .organ
                .as_ref()
                .map(organ)
                .or_else(|| b.post.as_ref().map(post))
                .unwrap_or_default();
            let mut text = format!("elected to {target}: {}", people(&b.elected));
            if !b.alternates.is_empty() {
                text.push_str(&format!("; alternates: {}", people(&b.alternates)));
            }
            if !b.nominal.is_empty() {
                text.push_str(&format!("; in name only: {}", people(&b.nominal)));
            }
            if !b.nominators.is_empty() {
                let nominated = b
                    .nominators
                    .iter()
                    .map(|n| match &n.on {
                        Some(on) => {
                            format!("{} by {} on {on}", person(&n.person), person(&n.by_person))
                        }
                        None => format!("{} by {}", person(&n.person), person(&n.by_person)),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                text.push_str(&format!("; nominated: {nominated}"));
            }
            if let Some(constituency) = &b.constituency {
                text.push_str(&format!(
                    "; by the delegates of the constituency `{constituency}`"
                ));
            }
            text
        }
        K::SeatsCounted(b) => {
            let of = b.faction.as_ref().map_or_else(String::new, |f| {
                format!(" of {}", name(EntityKind::Faction, f))
            });
            format!(
                "{}: {} {} seats{of}",
                organ(&b.organ),
                b.count,
                b.role.as_str()
            )
        }
        K::MembersCounted(b) => {
            let bound = if b.at_least { "more than " } else { "" };
            let from = b
                .from
                .as_ref()
                .map_or_else(String::new, |o| format!(" from {}", org(o)));
            format!("{}: {bound}{} members{from}", org(&b.org), b.count)
        }
        K::ActConfirmed(b) if b.rejected => {
            format!(
                "confirmation of `{}` refused for {}",
                b.act,
                person(&b.person)
            )
        }
        K::ActConfirmed(b) => format!("`{}` confirmed for {}", b.act, person(&b.person)),
        K::StatuteAdopted(_) => "statute adopted".to_owned(),
        K::EventRetracted(b) => format!("correction: `{}` retracted ({})", b.target, b.reason),
        K::EventSuperseded(b) => format!("correction: `{}` superseded ({})", b.target, b.reason),
        other => other.name().replace('_', " "),
    }
}

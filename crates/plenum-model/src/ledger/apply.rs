//! What each event does to the history. Applying never judges: the rules ran before.

use super::posts::assign_post;
use super::renewal::seat_term_ran_out;
use crate::event::{EndCause, Event, EventKind, Role, Status};
use crate::history::{History, Stamp};
use crate::id::{OrgId, PersonId, Pos};
use crate::rows::{
    CountRow, DecisionRow, FigureRow, LinkKind, MeetingFact, MemberStatus, MembershipEnd,
    OrgChange, Span,
};
use crate::statute::StatuteBook;

/// Applies one event, in date order at `pos`, to the history.
pub(crate) fn apply(history: &mut History<'_>, event: &Event, pos: Pos, book: &StatuteBook) {
    let at = Stamp {
        date: &event.date,
        event: &event.id,
        pos,
    };
    use EventKind as K;
    match &event.kind {
        K::OrganizationFounded(b) => {
            history.org_fact(
                &b.org,
                OrgChange::Founded {
                    date: event.date.clone(),
                    category: b.category.clone(),
                },
                pos,
            );
            history.name_org(&b.org, Some(b.name.clone()), at);
            if let Some(parent) = &b.parent {
                history.link(&b.org, parent, LinkKind::PartOf, at);
            }
            if let Some(old) = &b.replaces {
                history.link(old, &b.org, LinkKind::ReplacedBy, at);
                end_org(history, old, "replaced", at);
            }
        }
        K::OrganizationRenamed(b) => {
            history.name_org(&b.org, Some(b.name.clone()), at);
            if let Some(category) = &b.category {
                let date = event.date.clone();
                let category = category.clone();
                history.org_fact(&b.org, OrgChange::Recategorized { date, category }, pos);
            }
        }
        K::OrganizationsMerged(b) => {
            if history.org(&b.into).and_then(|o| o.span).is_none() {
                history.org_fact(
                    &b.into,
                    OrgChange::Founded {
                        date: event.date.clone(),
                        category: b.category.clone(),
                    },
                    pos,
                );
                history.name_org(&b.into, b.name.clone(), at);
            }
            for org in b.orgs.iter().filter(|o| **o != b.into) {
                history.link(org, &b.into, LinkKind::MergedInto, at);
                for (person, status) in history.members_of(org) {
                    history.close_memberships(
                        &person,
                        |m| &m.org == org,
                        MembershipEnd::Merged,
                        at,
                    );
                    if history.membership(&person, &b.into).is_none() {
                        history.open_membership(&b.into, &person, status, None, Vec::new(), at);
                    }
                }
                end_org(history, org, "merged", at);
            }
        }
        K::OrganizationSplit(b) => {
            for new in &b.into {
                history.org_fact(
                    &new.org,
                    OrgChange::Founded {
                        date: event.date.clone(),
                        category: None,
                    },
                    pos,
                );
                history.name_org(&new.org, Some(new.name.clone()), at);
                history.link(&b.org, &new.org, LinkKind::SplitInto, at);
            }
            if !b.continues {
                end_org(history, &b.org, "split", at);
            }
        }
        K::OrganizationJoined(b) => history.link(&b.org, &b.parent, LinkKind::PartOf, at),
        K::OrganizationLeft(b) => history.end_part_of(&b.org, Some(&b.parent), at),
        K::OrganizationBanned(b) => history.org_fact(
            &b.org,
            OrgChange::Banned {
                date: event.date.clone(),
            },
            pos,
        ),
        K::OrganizationDissolved(b) => end_org(history, &b.org, "dissolved", at),
        K::OutsideIntervention(b) => history.org_fact(
            &b.org,
            OrgChange::Intervened {
                date: event.date.clone(),
                by: b.by.clone(),
                with: b.with.clone(),
                act: b.act.clone(),
                event: event.id.clone(),
            },
            pos,
        ),
        K::OrganizationDirected(b) => history.org_fact(
            &b.org,
            OrgChange::Directed {
                date: event.date.clone(),
                by: b.by.clone(),
                until: b.until.clone(),
                event: event.id.clone(),
            },
            pos,
        ),
        // Charges, their service, hearings and procedural steps are kept on the
        // organization's row, where the rules find them (`rules/checks/service.rs`,
        // `rules/checks/hearing.rs`, `rules/checks/steps.rs`).
        K::ChargesFiled(_) | K::ChargesServed(_) | K::PersonHeard(_) | K::StepTaken(_) => {
            super::positions::procedure(history, event, pos);
        }
        K::ConstituencyAssigned(b) => history.org_fact(
            &b.org,
            OrgChange::Placed {
                date: event.date.clone(),
                person: b.person.clone(),
                constituency: b.constituency.clone(),
                event: event.id.clone(),
            },
            pos,
        ),
        K::PersonRegistered(_) => {}
        K::MemberAdmitted(b) => {
            let status = match b.status {
                Status::Candidate => MemberStatus::Candidate,
                Status::Full => MemberStatus::Full,
            };
            // Bars from office outlast the membership: a readmission keeps them.
            let earlier = history.memberships_of(&b.person, &b.org).pop();
            // A readmission that names no unit ends the unit of the earlier
            // membership: from then the record does not say.
            let unit_unknown = b.unit.is_none()
                && earlier.is_some()
                && history
                    .org(&b.org)
                    .is_some_and(|row| row.units_of(&b.person).next().is_some());
            let bars = earlier.map(|m| m.bars).unwrap_or_default();
            history.close_memberships(
                &b.person,
                |m| m.org == b.org,
                MembershipEnd::StatusChanged,
                at,
            );
            history.open_membership(&b.org, &b.person, status, b.class.clone(), bars, at);
            if b.unit.is_some() || unit_unknown {
                place_in_unit(history, &b.org, &b.person, b.unit.as_ref(), event, pos);
            }
        }
        K::MemberTransferred(b) => {
            place_in_unit(history, &b.org, &b.person, Some(&b.unit), event, pos)
        }
        K::MemberPromoted(b) => change_status(history, &b.person, &b.org, MemberStatus::Full, at),
        K::MemberSuspended(b) => {
            change_status(history, &b.person, &b.org, MemberStatus::Suspended, at)
        }
        K::MemberReinstated(b) => change_status(history, &b.person, &b.org, MemberStatus::Full, at),
        // A transfer to candidate membership (a penalty whose effect is `candidate`)
        // makes a full member a candidate; other penalties change no row.
        K::MemberDisciplined(b)
            if history
                .membership(&b.person, &b.org)
                .is_some_and(|m| m.status == MemberStatus::Full)
                && book
                    .in_force(&b.org, event.date.earliest())
                    .and_then(|v| v.penalty(&b.penalty))
                    .is_some_and(|p| {
                        p.effect == Some(crate::statute::PenaltyEffect::Candidate)
                    }) =>
        {
            change_status(history, &b.person, &b.org, MemberStatus::Candidate, at)
        }
        K::MemberExpelled(b) => {
            super::positions::befell(history, event, &b.org, pos);
            history.close_memberships(&b.person, |m| m.org == b.org, MembershipEnd::Expelled, at);
            end_everything_in(history, &b.person, &b.org, EndCause::Expelled, at);
            if !b.factions_kept {
                history.end_factions_in(&b.person, &b.org, at);
            }
        }
        K::MemberResigned(b) => {
            history.close_memberships(&b.person, |m| m.org == b.org, MembershipEnd::Resigned, at);
        }
        K::PersonRehabilitated(b) => {
            if b.reinstated
                && let Some(org) = &b.org
            {
                change_status(history, &b.person, org, MemberStatus::Full, at);
            }
        }
        K::PersonDied(b) => {
            history.record_death(&b.person, at);
            history.close_seats(&b.person, |_| true, EndCause::Died, at);
            history.close_posts(&b.person, |_| true, EndCause::Died, at);
            history.close_memberships(&b.person, |_| true, MembershipEnd::Died, at);
            history.end_alignment(&b.person, None, at);
            history.end_leadership_of(&b.person, at);
        }
        K::PersonPurged(b) => {
            super::positions::befell(history, event, &b.org, pos);
            end_everything_in(history, &b.person, &b.org, EndCause::Purged, at);
            if !b.factions_kept {
                history.end_factions_in(&b.person, &b.org, at);
            }
        }
        K::PersonArrested(_)
        | K::PersonTried(_)
        | K::AppealDecided(_)
        | K::PersonFled(_)
        | K::SpeechGiven(_) => {}
        K::MemberDisciplined(b) => super::bars::bar_from_office(history, book, event, b, at),
        // An extension continues the candidacy in a new row (the rules find its
        // start through the row it follows); an end closes it.
        K::CandidacyExtended(b) => {
            if let Some(m) = history
                .membership(&b.person, &b.org)
                .filter(|m| m.status == MemberStatus::Candidate)
            {
                history.close_memberships(
                    &b.person,
                    |m| m.org == b.org,
                    MembershipEnd::StatusChanged,
                    at,
                );
                history.open_membership(
                    &b.org,
                    &b.person,
                    MemberStatus::Candidate,
                    m.class,
                    m.bars,
                    at,
                );
            }
        }
        // A change of class continues the membership, in its status, in a new row.
        K::MembershipClassChanged(b) => {
            if let Some(m) = history.membership(&b.person, &b.org)
                && m.class.as_ref() != Some(&b.class)
            {
                history.close_memberships(
                    &b.person,
                    |m| m.org == b.org,
                    MembershipEnd::StatusChanged,
                    at,
                );
                history.open_membership(
                    &b.org,
                    &b.person,
                    m.status,
                    Some(b.class.clone()),
                    m.bars,
                    at,
                );
            }
        }
        K::MembershipLapsed(b) => {
            history.close_memberships(&b.person, |m| m.org == b.org, MembershipEnd::Lapsed, at);
        }
        K::CandidacyEnded(b) => {
            history.close_memberships(
                &b.person,
                |m| m.org == b.org,
                MembershipEnd::CandidacyEnded,
                at,
            );
        }
        K::FactionFormed(_) => {}
        K::FactionJoined(b) => history.align(&b.person, &b.faction, at),
        K::FactionLeft(b) => {
            history.end_alignment(&b.person, Some(&b.faction), at);
        }
        K::FactionLed(b) => {
            if b.joint {
                history.lead_jointly(&b.faction, &b.person, false, at);
            } else {
                history.lead(&b.faction, &b.person, at);
            }
            for co in &b.with {
                history.lead_jointly(&b.faction, co, true, at);
            }
        }
        K::FactionLeadershipEnded(b) => {
            history.end_leadership_by(&b.faction, b.person.as_ref(), at)
        }
        K::FactionDissolved(b) => {
            for person in history.aligned_with(&b.faction) {
                history.end_alignment(&person, Some(&b.faction), at);
            }
            history.end_leadership(&b.faction, at);
        }
        K::OrganEstablished(_) | K::PostEstablished(_) => {}
        K::MeetingConvened(b) => history.meeting_fact(
            &b.meeting,
            MeetingFact::Convened {
                organ: b.organ.clone(),
                joint_with: b.joint_with.clone(),
                date: event.date.clone(),
                event: event.id.clone(),
                scheduled: b.scheduled.clone(),
                category: b.category.clone(),
                business: b.business.clone(),
            },
            pos,
        ),
        K::MeetingHeld(b) => {
            let organ = b
                .organ
                .clone()
                .or_else(|| history.meeting_organ(&b.meeting));
            history.meeting_fact(
                &b.meeting,
                MeetingFact::Held {
                    organ: organ.clone(),
                    joint_with: b.joint_with.clone(),
                    date: event.date.clone(),
                    event: event.id.clone(),
                    present: b.present,
                    entitled: b.entitled,
                    constituency_votes: b.constituency_votes.clone(),
                },
                pos,
            );
            let joint = history
                .meeting(&b.meeting)
                .map(|m| m.joint_with)
                .unwrap_or_default();
            let mut organs: Vec<_> = organ.into_iter().chain(joint).collect();
            organs.dedup();
            for organ in organs {
                history.held(&organ, &b.meeting, b.evidence, at);
            }
        }
        K::MotionDecided(b) => {
            let meeting = b.meeting.as_ref().and_then(|m| history.meeting(m));
            let organ = b
                .organ
                .clone()
                .or_else(|| meeting.as_ref().and_then(|m| m.organ.clone()));
            let present = b
                .present
                .or_else(|| meeting.as_ref().and_then(|m| m.present));
            // Articles set aside by a carried decision are kept on the organization's
            // row, where `rules::checks` finds them (`checks/suspension.rs`).
            if let Some(organ) = &organ {
                super::positions::set_aside(history, event, b, organ, pos);
            }
            history.decide(DecisionRow {
                event: event.id.clone(),
                date: event.date.clone(),
                meeting: b.meeting.clone(),
                organ,
                category: b.category.clone(),
                votes: b.votes,
                present,
                outcome: b.outcome,
                pos,
            });
        }
        K::ElectionHeld(b) => {
            if let Some(organ) = &b.organ {
                super::renewal::elect_to_organ(history, book, organ, b, event.date.earliest(), at);
            }
            if let (Some(post), Some(first)) = (&b.post, b.elected.first()) {
                assign_post(
                    history,
                    book,
                    post,
                    first,
                    false,
                    b.nominal.contains(first),
                    at,
                );
            }
        }
        K::SeatTaken(b) => {
            // Taken again after the term of the seat held ran out (the record need
            // not say the term ended): a new term, as a re-election gives.
            if seat_term_ran_out(history, book, &b.person, &b.organ, b.role, at)
                && history.close_seats(
                    &b.person,
                    |s| s.organ == b.organ && s.role == b.role,
                    EndCause::TermEnded,
                    at,
                ) > 0
            {
                history.open_seat(&b.organ, &b.person, b.role, b.nominal, at);
            } else if !history.holds_seat(&b.person, &b.organ, Some(b.role)) {
                let cause = if b.role == Role::Full {
                    EndCause::Promoted
                } else {
                    EndCause::Demoted
                };
                history.close_seats(&b.person, |s| s.organ == b.organ, cause, at);
                history.open_seat(&b.organ, &b.person, b.role, b.nominal, at);
            }
            super::positions::co_opted(history, event, b, pos);
        }
        K::SeatVacated(b) => {
            let cause = b.cause.unwrap_or(EndCause::Removed);
            history.close_seats(&b.person, |s| s.organ == b.organ, cause, at);
        }
        K::SeatsCounted(b) => history.count_seats(
            CountRow {
                key: format!("count:{}", event.id),
                organ: b.organ.clone(),
                role: b.role,
                faction: b.faction.clone(),
                count: b.count,
                span: Span {
                    start: event.date.clone(),
                    end: b.until.clone(),
                },
                event: event.id.clone(),
                end_event: None,
                start_pos: pos,
                end_pos: None,
            },
            at,
        ),
        K::MembersCounted(b) => history.figure(FigureRow {
            event: event.id.clone(),
            org: b.org.clone(),
            date: event.date.clone(),
            count: b.count,
            at_least: b.at_least,
            from: b.from.clone(),
            pos,
        }),
        K::PostAssigned(b) => {
            assign_post(history, book, &b.post, &b.person, b.acting, b.nominal, at);
        }
        K::PostVacated(b) => {
            let cause = b.cause.unwrap_or(EndCause::Removed);
            history.close_posts(&b.person, |p| p.post == b.post, cause, at);
        }
        // A confirmation changes nothing; where it is refused the record undoes the act.
        K::ActConfirmed(_) => {}
        K::PositionChanged(b) => {
            if let Some(org) = &b.org {
                super::positions::befell(history, event, org, pos);
            }
        }
        K::GroupAffected(b) => super::positions::befell(history, event, &b.org, pos),
        K::TenureObserved(b) => super::positions::observed(history, event, b, pos),
        K::StatuteAdopted(_) | K::EventRetracted(_) | K::EventSuperseded(_) => {}
    }
}

/// Places a member of `org` in one of its units (`None`: a unit the record does
/// not give): a fact on `org`'s row, read by `OrgRow::unit_of` (the rules, `at`).
fn place_in_unit(
    history: &mut History<'_>,
    org: &OrgId,
    person: &PersonId,
    unit: Option<&OrgId>,
    event: &Event,
    pos: Pos,
) {
    history.org_fact(
        org,
        OrgChange::Unit {
            date: event.date.clone(),
            person: person.clone(),
            unit: unit.cloned(),
            event: event.id.clone(),
        },
        pos,
    );
}

fn end_org(history: &mut History<'_>, org: &OrgId, how: &str, at: Stamp<'_>) {
    history.org_fact(
        org,
        OrgChange::Ended {
            date: at.date.clone(),
            how: how.to_owned(),
        },
        at.pos,
    );
    history.end_name(org, at);
    for person in history.people_in(org) {
        history.close_seats(
            &person,
            |s| &s.organ.org == org,
            EndCause::OrganizationEnded,
            at,
        );
        history.close_posts(
            &person,
            |p| &p.post.org == org,
            EndCause::OrganizationEnded,
            at,
        );
    }
    for (person, _) in history.members_of(org) {
        history.close_memberships(
            &person,
            |m| &m.org == org,
            MembershipEnd::OrganizationEnded,
            at,
        );
    }
    history.end_part_of(org, None, at);
}

fn change_status(
    history: &mut History<'_>,
    person: &PersonId,
    org: &OrgId,
    status: MemberStatus,
    at: Stamp<'_>,
) {
    let Some(open) = history.membership(person, org) else {
        history.open_membership(org, person, status, None, Vec::new(), at);
        return;
    };
    if open.status == status {
        return;
    }
    history.close_memberships(person, |m| &m.org == org, MembershipEnd::StatusChanged, at);
    history.open_membership(org, person, status, open.class, open.bars, at);
}

fn end_everything_in(
    history: &mut History<'_>,
    person: &PersonId,
    org: &OrgId,
    cause: EndCause,
    at: Stamp<'_>,
) {
    history.close_seats(person, |s| &s.organ.org == org, cause, at);
    history.close_posts(person, |p| &p.post.org == org, cause, at);
}

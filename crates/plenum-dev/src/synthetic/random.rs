//! Random valid histories, from a seed, for property tests: every reference declared
//! before use (in ledger order), dates in any order, corrections included.

use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::kinds::{
    ElectionHeld, EventRetracted, FactionDissolved, FactionFormed, FactionJoined, FactionLed,
    FactionLeft, GroupAct, GroupAffected, Headcount, Holders, MeetingConvened, MeetingHeld,
    MemberAdmitted, MemberExpelled, MemberPromoted, MemberReinstated, MemberResigned,
    MemberSuspended, MembersCounted, NewOrg, OrganEstablished, OrganizationBanned,
    OrganizationDissolved, OrganizationFounded, OrganizationJoined, OrganizationLeft,
    OrganizationRenamed, OrganizationSplit, OrganizationsMerged, PersonArrested, PersonDied,
    PersonFled, PersonPurged, PersonRegistered, PersonRehabilitated, PersonTried, PositionChanged,
    PostAssigned, PostEstablished, PostVacated, SeatTaken, SeatVacated, SeatsCounted, SpeechGiven,
    StandingChange, StatuteAdopted, TenureObserved,
};
use plenum_model::event::{EndCause, Event, EventKind, Role, Scope, Status, Superseded};
use plenum_model::id::{EventId, FactionId, MeetingId, OrgId, OrganRef, PersonId, PostRef};

use super::random_kinds::{election, motion};
use super::{Rng, STATUTE, event, id};

fn random_date(rng: &mut Rng) -> FuzzyDate {
    let year = 1940 + rng.below(25) as i16;
    let month = 1 + rng.below(12) as i8;
    let day = 1 + rng.below(28) as i8;
    let text = match rng.below(10) {
        0 => format!("{year}"),
        1 => format!("{year}-{month:02}"),
        2 => format!("{year}~"),
        3 => format!("{year}-{month:02}/{}", year + 1),
        4 => format!("[{year},{}]", year + 1),
        5 => format!("{year}-{month:02}-{day:02}?"),
        _ => format!("{year}-{month:02}-{day:02}"),
    };
    text.parse().unwrap_or_else(|_| FuzzyDate::day(Day::MIN))
}

/// A random valid ledger of about `size` events, over the [`STATUTE`]: every
/// reference declared before use (in ledger order), dates in any order,
/// corrections included.
pub fn random_history(seed: u64, size: usize) -> Vec<Event> {
    let mut rng = Rng::new(seed);
    let mut n = 0;
    let mut out = Vec::new();
    let org: OrgId = id("org".into());
    out.push(event(
        &mut n,
        "1900".parse().unwrap_or_else(|_| FuzzyDate::day(Day::MIN)),
        EventKind::StatuteAdopted(StatuteAdopted {
            text: STATUTE.into(),
            meeting: None,
            decision: None,
            proposed: None,
            received: None,
        }),
    ));
    out.push(event(
        &mut n,
        "1939".parse().unwrap_or_else(|_| FuzzyDate::day(Day::MIN)),
        EventKind::OrganizationFounded(OrganizationFounded {
            org: org.clone(),
            name: "The Organization".into(),
            aliases: vec!["TO".into()],
            category: Some("party".into()),
            parent: None,
            place: None,
            founders: Vec::new(),
            replaces: None,
            decision: None,
        }),
    ));
    let mut organs: Vec<OrganRef> = ["congress", "council", "bureau"]
        .iter()
        .map(|k| id(format!("org/{k}")))
        .collect();
    let chair: PostRef = id("org/chair".into());
    let mut posts: Vec<PostRef> = vec![chair.clone()];
    let mut held_meetings: Vec<MeetingId> = Vec::new();
    let mut decisions: Vec<EventId> = Vec::new();
    let mut amendments = 0;
    let mut persons: Vec<PersonId> = Vec::new();
    let mut factions: Vec<FactionId> = Vec::new();
    let mut meetings = 0;
    let mut others: Vec<OrgId> = Vec::new();
    let mut correctable: Vec<Event> = Vec::new();
    while out.len() < size {
        let date = random_date(&mut rng);
        let pick = |rng: &mut Rng, v: &[PersonId]| v[rng.below(v.len())].clone();
        let kind = match rng.below(36) {
            _ if persons.len() < 3 || rng.chance(10) => {
                let p: PersonId = id(format!("p{}", persons.len()));
                persons.push(p.clone());
                EventKind::PersonRegistered(PersonRegistered {
                    person: p.clone(),
                    name: format!("Person {}", persons.len()),
                    aliases: vec![format!("P-{p}")],
                    born: None,
                })
            }
            _ if factions.len() < 2 || rng.chance(3) => {
                let f: FactionId = id(format!("f{}", factions.len()));
                factions.push(f.clone());
                EventKind::FactionFormed(FactionFormed {
                    faction: f,
                    name: format!("Faction {}", factions.len()),
                    aliases: Vec::new(),
                    org: Some(org.clone()),
                })
            }
            0..=3 => EventKind::SeatTaken(SeatTaken {
                person: pick(&mut rng, &persons),
                organ: organs[rng.below(organs.len())].clone(),
                role: if rng.chance(25) {
                    Role::Alternate
                } else {
                    Role::Full
                },
                cause: None,
                by: None,
                by_post: None,
                by_person: None,
                decision: None,
                nomination: None,
                nominated_by_person: None,
                nominal: rng.chance(10),
                vacancy_of: None,
            }),
            4 | 5 => EventKind::SeatVacated(SeatVacated {
                person: pick(&mut rng, &persons),
                organ: organs[rng.below(organs.len())].clone(),
                cause: Some(
                    [EndCause::Resigned, EndCause::Removed, EndCause::Demoted][rng.below(3)],
                ),
                decision: None,
                notice_given: None,
                notice_effective: None,
            }),
            6 | 7 => EventKind::FactionJoined(FactionJoined {
                person: pick(&mut rng, &persons),
                faction: factions[rng.below(factions.len())].clone(),
            }),
            8 => EventKind::FactionLeft(FactionLeft {
                person: pick(&mut rng, &persons),
                faction: factions[rng.below(factions.len())].clone(),
            }),
            9 => election(&mut rng, &persons, &organs),
            10 => EventKind::SeatsCounted(SeatsCounted {
                organ: organs[rng.below(organs.len())].clone(),
                role: Role::Full,
                faction: if rng.chance(60) {
                    Some(factions[rng.below(factions.len())].clone())
                } else {
                    None
                },
                count: rng.below(8) as u32,
                until: None,
            }),
            11 => {
                let person = pick(&mut rng, &persons);
                // A class on some admissions (by the person, drawing nothing more),
                // so that every store keeps the memberships' class column.
                let class = (person.as_str().len() % 2 == 0)
                    .then(|| "student".parse().expect("a valid key"));
                EventKind::MemberAdmitted(MemberAdmitted {
                    person,
                    org: org.clone(),
                    status: if rng.chance(30) {
                        Status::Candidate
                    } else {
                        Status::Full
                    },
                    class,
                    decision: None,
                    sponsors: Vec::new(),
                    conditions_met: None,
                    ground: None,
                    unit: None,
                })
            }
            12 => EventKind::MemberExpelled(MemberExpelled {
                person: pick(&mut rng, &persons),
                org: org.clone(),
                decision: (!decisions.is_empty() && rng.chance(50))
                    .then(|| decisions[rng.below(decisions.len())].clone()),
                referral: None,
                reason: None,
                trial: None,
                others: None,
                factions_kept: false,
                ground: None,
            }),
            13 if rng.chance(30) => EventKind::PersonDied(PersonDied {
                person: pick(&mut rng, &persons),
                cause: None,
                others: None,
            }),
            14 => EventKind::PostAssigned(PostAssigned {
                person: pick(&mut rng, &persons),
                post: posts[rng.below(posts.len())].clone(),
                by: None,
                by_post: None,
                by_person: None,
                decision: None,
                nomination: None,
                nominated_by_person: None,
                acting: false,
                nominal: false,
            }),
            15 => EventKind::PostVacated(PostVacated {
                person: pick(&mut rng, &persons),
                post: posts[rng.below(posts.len())].clone(),
                cause: None,
                decision: None,
            }),
            16 => {
                meetings += 1;
                let meeting: MeetingId = id(format!("m{meetings}"));
                held_meetings.push(meeting.clone());
                EventKind::MeetingHeld(MeetingHeld {
                    meeting,
                    organ: Some(organs[rng.below(2)].clone()),
                    joint_with: Vec::new(),
                    name: Some(format!("Meeting {meetings}")),
                    number: None,
                    present: Some(rng.below(20) as u32),
                    entitled: None,
                    evidence: None,
                    notice_waived: false,
                    approval: None,
                    absent: Vec::new(),
                    constituency_votes: Default::default(),
                })
            }
            17 if others.len() < 4 => {
                let o: OrgId = id(format!("o{}", others.len()));
                others.push(o.clone());
                EventKind::OrganizationFounded(OrganizationFounded {
                    org: o.clone(),
                    name: format!("Other {o}"),
                    aliases: Vec::new(),
                    category: None,
                    parent: None,
                    place: None,
                    founders: Vec::new(),
                    replaces: None,
                    decision: None,
                })
            }
            17 => {
                let a = others[rng.below(others.len())].clone();
                if rng.chance(50) {
                    EventKind::OrganizationRenamed(OrganizationRenamed {
                        org: a.clone(),
                        name: format!("Renamed {a} {}", rng.below(100)),
                        aliases: Vec::new(),
                        category: None,
                    })
                } else {
                    let into: OrgId = id(format!("o{}", others.len()));
                    others.push(into.clone());
                    EventKind::OrganizationsMerged(OrganizationsMerged {
                        orgs: vec![a],
                        into,
                        name: Some(format!("Merged {}", others.len())),
                        aliases: Vec::new(),
                        category: None,
                    })
                }
            }
            19 => {
                let person = pick(&mut rng, &persons);
                let org = org.clone();
                match rng.below(4) {
                    0 => EventKind::MemberPromoted(MemberPromoted {
                        person,
                        org,
                        decision: None,
                        conditions_met: None,
                    }),
                    1 => EventKind::MemberSuspended(MemberSuspended {
                        person,
                        org,
                        decision: None,
                        trial: None,
                    }),
                    2 => EventKind::MemberReinstated(MemberReinstated {
                        person,
                        org,
                        decision: None,
                    }),
                    _ => EventKind::MemberResigned(MemberResigned {
                        person,
                        org,
                        decision: None,
                        notice_given: None,
                        urged: None,
                    }),
                }
            }
            20 => EventKind::PersonPurged(PersonPurged {
                person: pick(&mut rng, &persons),
                org: org.clone(),
                decision: None,
                reason: Some("synthetic".into()),
                others: None,
                factions_kept: false,
            }),
            21 => EventKind::FactionLed(FactionLed {
                faction: factions[rng.below(factions.len())].clone(),
                person: pick(&mut rng, &persons),
                with: Vec::new(),
                joint: false,
            }),
            22 if rng.chance(25) => EventKind::FactionDissolved(FactionDissolved {
                faction: factions[rng.below(factions.len())].clone(),
            }),
            23 => {
                meetings += 1;
                let meeting: MeetingId = id(format!("m{meetings}"));
                held_meetings.push(meeting.clone());
                EventKind::MeetingConvened(MeetingConvened {
                    meeting,
                    organ: organs[rng.below(2)].clone(),
                    joint_with: Vec::new(),
                    name: Some(format!("Meeting {meetings}")),
                    number: None,
                    scheduled: rng.chance(50).then(|| random_date(&mut rng)),
                    category: None,
                    by: None,
                    by_post: None,
                    by_person: None,
                    requested_by: None,
                    requested_from: None,
                    requested_by_organizations: Vec::new(),
                    notified: None,
                    record_date: None,
                    noticed_by_post: None,
                    noticed_by_person: None,
                    business: Vec::new(),
                    delegates_decision: None,
                    delegates_approval: None,
                })
            }
            24 if !held_meetings.is_empty() => {
                let meeting = held_meetings[rng.below(held_meetings.len())].clone();
                EventKind::MeetingHeld(MeetingHeld {
                    meeting,
                    organ: None,
                    joint_with: Vec::new(),
                    name: None,
                    number: None,
                    present: Some(rng.below(20) as u32),
                    entitled: rng.chance(50).then(|| 10 + rng.below(20) as u32),
                    evidence: None,
                    notice_waived: false,
                    approval: None,
                    absent: Vec::new(),
                    constituency_votes: Default::default(),
                })
            }
            25 => motion(&mut rng, &held_meetings, &organs),
            26 => EventKind::MembersCounted(MembersCounted {
                org: org.clone(),
                count: rng.below(100_000) as u64,
                at_least: rng.chance(30),
                from: others.first().cloned().filter(|_| rng.chance(30)),
            }),
            27 if !others.is_empty() => {
                let other = others[rng.below(others.len())].clone();
                match rng.below(5) {
                    0 => EventKind::OrganizationBanned(OrganizationBanned {
                        org: other,
                        by: Some("a state".into()),
                    }),
                    1 if rng.chance(30) => {
                        EventKind::OrganizationDissolved(OrganizationDissolved {
                            org: other,
                            decision: None,
                            ground: None,
                        })
                    }
                    2 => EventKind::OrganizationJoined(OrganizationJoined {
                        org: other,
                        parent: org.clone(),
                    }),
                    3 => EventKind::OrganizationLeft(OrganizationLeft {
                        org: other,
                        parent: org.clone(),
                    }),
                    _ => {
                        let new: OrgId = id(format!("o{}", others.len()));
                        others.push(new.clone());
                        EventKind::OrganizationSplit(OrganizationSplit {
                            org: other,
                            into: vec![NewOrg {
                                org: new.clone(),
                                name: format!("Split {new}"),
                                aliases: Vec::new(),
                            }],
                            continues: rng.chance(50),
                        })
                    }
                }
            }
            28 => EventKind::PersonRehabilitated(PersonRehabilitated {
                person: pick(&mut rng, &persons),
                org: Some(org.clone()),
                decision: None,
                reinstated: rng.chance(50),
            }),
            29 if posts.len() < 4 => {
                let post: PostRef = id(format!("org/p{}", posts.len()));
                posts.push(post.clone());
                EventKind::PostEstablished(PostEstablished {
                    post,
                    name: format!("Post {}", posts.len()),
                    aliases: Vec::new(),
                    scope: Scope::State,
                    holders: Some(if rng.chance(20) {
                        Holders::Several
                    } else {
                        Holders::AtMost(1 + rng.below(3) as u32)
                    }),
                })
            }
            30 if organs.len() < 5 => {
                let organ: OrganRef = id(format!("org/c{}", organs.len()));
                organs.push(organ.clone());
                EventKind::OrganEstablished(OrganEstablished {
                    organ,
                    name: format!("Commission {}", organs.len()),
                    aliases: Vec::new(),
                    category: None,
                })
            }
            31 => {
                let person = pick(&mut rng, &persons);
                match rng.below(7) {
                    4 => EventKind::PositionChanged(PositionChanged {
                        person: Some(person),
                        org: Some(org.clone()),
                        change: StandingChange::Demoted,
                        what: None,
                        by: None,
                        decision: None,
                        meeting: None,
                        others: rng.chance(50).then(|| Headcount::Several.into()),
                    }),
                    5 => EventKind::GroupAffected(GroupAffected {
                        org: org.clone(),
                        act: GroupAct::Purged,
                        group: Headcount::Exactly(1 + rng.below(5) as u32).into(),
                        decision: None,
                        reason: None,
                    }),
                    6 => EventKind::TenureObserved(TenureObserved {
                        person,
                        post: Some(posts[rng.below(posts.len())].clone()),
                        organ: None,
                        role: Role::Full,
                    }),
                    0 => EventKind::SpeechGiven(SpeechGiven {
                        meeting: held_meetings.first().cloned(),
                        person,
                        summary: "a speech".into(),
                    }),
                    1 => EventKind::PersonArrested(PersonArrested {
                        person,
                        by: None,
                        charges: vec!["synthetic".into()],
                        others: None,
                        released: None,
                    }),
                    2 => EventKind::PersonTried(PersonTried {
                        person,
                        charges: Vec::new(),
                        sentence: None,
                        show_trial: true,
                        by: None,
                        filed: None,
                        decided: None,
                        others: None,
                        judges: Vec::new(),
                        acting_chair: None,
                    }),
                    _ => EventKind::PersonFled(PersonFled {
                        person,
                        to: None,
                        forced: false,
                    }),
                }
            }
            32 if amendments < 2 && rng.chance(30) => {
                amendments += 1;
                EventKind::StatuteAdopted(StatuteAdopted {
                    text: amendment(amendments, 1945 + rng.below(15) as i16),
                    meeting: None,
                    decision: None,
                    proposed: None,
                    received: None,
                })
            }
            33 => {
                let elected = vec![pick(&mut rng, &persons)];
                EventKind::ElectionHeld(ElectionHeld {
                    meeting: None,
                    by: Some(organs[1].clone()),
                    organ: None,
                    post: Some(posts[rng.below(posts.len())].clone()),
                    method: None,
                    seats: None,
                    alternate_seats: None,
                    seats_decision: None,
                    elected,
                    alternates: Vec::new(),
                    tally: Vec::new(),
                    replaces: true,
                    ballots: None,
                    present: None,
                    urn: None,
                    ballot: None,
                    nomination: None,
                    nominators: Vec::new(),
                    nominal: Vec::new(),
                    constituency: None,
                    by_proxy: None,
                })
            }
            18 if !correctable.is_empty() => {
                let target = correctable.remove(rng.below(correctable.len()));
                if rng.chance(50) {
                    EventKind::EventRetracted(EventRetracted {
                        target: target.id,
                        reason: "synthetic retraction".into(),
                    })
                } else {
                    let mut replacement = target.clone();
                    replacement.date = random_date(&mut rng);
                    EventKind::EventSuperseded(Superseded {
                        target: target.id,
                        reason: "synthetic correction".into(),
                        replacement: Box::new(replacement),
                    })
                }
            }
            _ => EventKind::FactionJoined(FactionJoined {
                person: pick(&mut rng, &persons),
                faction: factions[rng.below(factions.len())].clone(),
            }),
        };
        let e = event(&mut n, date, kind);
        if matches!(e.kind, EventKind::MotionDecided(_)) {
            decisions.push(e.id.clone());
        }
        if matches!(
            e.kind,
            EventKind::SeatTaken(_)
                | EventKind::SeatVacated(_)
                | EventKind::FactionJoined(_)
                | EventKind::PostAssigned(_)
        ) {
            correctable.push(e.clone());
        }
        out.push(e);
    }
    out
}

/// A second version of [`STATUTE`], effective in `year`: the council meets twice a
/// year, needs two thirds to expel, and the chair may have two holders.
fn amendment(n: usize, year: i16) -> String {
    STATUTE
        .replace(
            "id = \"v1\"\neffective = \"1900\"",
            &format!("id = \"v{}\"\neffective = \"{year}\"", n + 1),
        )
        .replace(
            "meets = { every = \"1 year\" }",
            "meets = { every = \"6 months\" }",
        )
        .replace(
            "id = \"chair\"\nname = \"Chair\"",
            "id = \"chair\"\nname = \"Chair\"\nholders = 2",
        )
}

//! The larger kinds of event a random history draws (elections, decisions), apart
//! from the loop in `random.rs` that keeps the references valid.

use plenum_model::event::kinds::{ElectionHeld, MotionDecided};
use plenum_model::event::{EventKind, Outcome, Votes};
use plenum_model::id::{MeetingId, OrganRef, PersonId};

use super::Rng;

/// One of `v`, at random.
fn pick(rng: &mut Rng, v: &[PersonId]) -> PersonId {
    v[rng.below(v.len())].clone()
}

/// An election to one of `organs` of one to four of `persons`.
pub(super) fn election(rng: &mut Rng, persons: &[PersonId], organs: &[OrganRef]) -> EventKind {
    let elected: Vec<PersonId> = (0..1 + rng.below(4))
        .map(|_| pick(rng, persons))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let nominal: Vec<PersonId> = if rng.chance(15) {
        elected.iter().take(1).cloned().collect()
    } else {
        Vec::new()
    };
    EventKind::ElectionHeld(ElectionHeld {
        nominal,
        constituency: None,
        by_proxy: None,
        meeting: None,
        by: None,
        organ: Some(organs[rng.below(organs.len())].clone()),
        post: None,
        method: None,
        seats: None,
        alternate_seats: None,
        seats_decision: None,
        alternates: if rng.chance(30) {
            vec![pick(rng, persons)]
                .into_iter()
                .filter(|p| !elected.contains(p))
                .collect()
        } else {
            Vec::new()
        },
        elected,
        tally: Vec::new(),
        replaces: rng.chance(70),
        ballots: None,
        present: None,
        urn: None,
        ballot: None,
        nomination: None,
        nominators: Vec::new(),
    })
}

/// A decision, at one of the meetings held or by the council.
pub(super) fn motion(rng: &mut Rng, held_meetings: &[MeetingId], organs: &[OrganRef]) -> EventKind {
    let in_favour = rng.below(30) as u64;
    let against = rng.below(30) as u64;
    let meeting = (!held_meetings.is_empty() && rng.chance(60))
        .then(|| held_meetings[rng.below(held_meetings.len())].clone());
    EventKind::MotionDecided(MotionDecided {
        organ: meeting.is_none().then(|| organs[1].clone()),
        meeting,
        text: "synthetic motion".into(),
        category: rng.chance(50).then(|| "expulsion".to_owned()),
        moved_by: Vec::new(),
        subjects: Vec::new(),
        votes: Some(Votes {
            in_favour,
            against,
            abstain: rng.below(5) as u64,
        }),
        present: rng.chance(50).then(|| rng.below(40) as u32),
        outcome: if rng.chance(70) {
            Outcome::Carried
        } else {
            Outcome::Defeated
        },
        ballots: None,
        urn: None,
        ballot: None,
        written_ballot: false,
        suspends: Vec::new(),
        suspends_until: None,
        by_proxy: None,
        concerns: None,
        revises: None,
    })
}

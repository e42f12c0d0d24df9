//! Synthetic histories, from a seed: random valid ledgers for property tests, and large
//! organizations for benchmarks. Deterministic: the same seed gives the same events.

mod random;
mod random_kinds;

pub use random::random_history;

use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::kinds::{
    ElectionHeld, FactionFormed, FactionJoined, MemberAdmitted, MemberExpelled,
    OrganizationFounded, PersonRegistered, StatuteAdopted,
};
use plenum_model::event::{Event, EventKind, Status};
use plenum_model::id::{FactionId, OrgId, OrganRef, PersonId};

/// SplitMix64: a tiny, good-enough generator with no dependencies.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// The statute the synthetic histories use: organization `org`, a congress,
/// a council and a bureau, a chair, and expulsion by the council.
pub const STATUTE: &str = r#"
organization = "org"

[[version]]
id = "v1"
effective = "1900"

[[version.article]]
number = "1"
text = "The congress meets every five years and elects the council."

[[version.article]]
number = "2"
text = "The council elects the bureau and the chair, and alone may expel."

[[version.organ]]
id = "congress"
name = "Congress"
elected_by = { by = "members" }
meets = { every = "5 years", article = "1" }

[[version.organ]]
id = "council"
name = "Council"
elected_by = { by = "congress", article = "1" }
meets = { every = "1 year" }
quorum = { more_than = "1/2" }

[[version.organ]]
id = "bureau"
name = "Bureau"
aliases = ["Politburo"]
elected_by = { by = "council", article = "2" }
eligibility = [{ requires = "seat", organ = "council", article = "2" }]

[[version.post]]
id = "chair"
name = "Chair"
elected_by = { by = "council", article = "2" }

[[version.discipline]]
act = "expulsion"
by = ["council"]
article = "2"
"#;

pub(crate) fn id<T: std::str::FromStr>(text: String) -> T {
    // Every id built here is a valid slug by construction.
    match text.parse() {
        Ok(v) => v,
        Err(_) => unreachable!("synthetic id `{text}` is not a slug"),
    }
}

pub(crate) fn event(n: &mut usize, date: FuzzyDate, kind: EventKind) -> Event {
    *n += 1;
    Event {
        id: id(format!("e{n}")),
        date,
        kind,
        sources: Vec::new(),
        note: None,
    }
}

/// A large organization for benchmarks: `members` persons admitted over
/// the years, a council of `seats` renewed by election every five years,
/// four factions, and a few expulsions and deaths; all in date order.
pub fn organization(members: usize, seats: usize, seed: u64) -> Vec<Event> {
    let mut rng = Rng::new(seed);
    let mut n = 0;
    let day = |y: i32, d: usize| -> FuzzyDate {
        let base = Day::new(y as i16, 1, 1).unwrap_or(Day::MIN);
        FuzzyDate::day(base.saturating_add(jiff::Span::new().days(d as i64 % 365)))
    };
    let org: OrgId = id("org".into());
    let mut out = vec![
        event(
            &mut n,
            day(1900, 0),
            EventKind::StatuteAdopted(StatuteAdopted {
                text: STATUTE.into(),
                meeting: None,
                decision: None,
                proposed: None,
                received: None,
            }),
        ),
        event(
            &mut n,
            day(1900, 1),
            EventKind::OrganizationFounded(OrganizationFounded {
                org: org.clone(),
                name: "The Organization".into(),
                aliases: Vec::new(),
                category: Some("party".into()),
                parent: None,
                place: None,
                founders: Vec::new(),
                replaces: None,
                decision: None,
            }),
        ),
    ];
    let factions: Vec<FactionId> = (0..4).map(|i| id(format!("f{i}"))).collect();
    for (i, f) in factions.iter().enumerate() {
        out.push(event(
            &mut n,
            day(1900, 2),
            EventKind::FactionFormed(FactionFormed {
                faction: f.clone(),
                name: format!("Faction {i}"),
                aliases: Vec::new(),
                org: Some(org.clone()),
            }),
        ));
    }
    let council: OrganRef = id("org/council".into());
    let years = 100usize;
    let per_year = members.div_ceil(years);
    let mut admitted: Vec<PersonId> = Vec::with_capacity(members);
    for year in 0..years {
        let y = 1901 + year as i32;
        for k in 0..per_year {
            if admitted.len() >= members {
                break;
            }
            let p: PersonId = id(format!("p{}", admitted.len()));
            let d = k * 365 / per_year.max(1);
            out.push(event(
                &mut n,
                day(y, d),
                EventKind::PersonRegistered(PersonRegistered {
                    person: p.clone(),
                    name: format!("Member {}", admitted.len()),
                    aliases: Vec::new(),
                    born: None,
                }),
            ));
            out.push(event(
                &mut n,
                day(y, d),
                EventKind::MemberAdmitted(MemberAdmitted {
                    person: p.clone(),
                    org: org.clone(),
                    status: Status::Full,
                    class: None,
                    decision: None,
                    sponsors: Vec::new(),
                    conditions_met: None,
                    ground: None,
                    unit: None,
                }),
            ));
            if rng.chance(30) {
                out.push(event(
                    &mut n,
                    day(y, d),
                    EventKind::FactionJoined(FactionJoined {
                        person: p.clone(),
                        faction: factions[rng.below(4)].clone(),
                    }),
                ));
            }
            admitted.push(p);
        }
        if year % 5 == 4 && admitted.len() >= seats {
            let elected: Vec<PersonId> = (0..seats)
                .map(|i| admitted[(rng.below(admitted.len()) + i) % admitted.len()].clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            out.push(event(
                &mut n,
                day(y, 364),
                EventKind::ElectionHeld(ElectionHeld {
                    meeting: None,
                    by: None,
                    organ: Some(council.clone()),
                    post: None,
                    method: None,
                    seats: Some(seats as u32),
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
                }),
            ));
        }
        if rng.chance(50) && !admitted.is_empty() {
            let p = admitted[rng.below(admitted.len())].clone();
            out.push(event(
                &mut n,
                day(y, 364),
                EventKind::MemberExpelled(MemberExpelled {
                    person: p,
                    org: org.clone(),
                    decision: None,
                    referral: None,
                    reason: None,
                    trial: None,
                    others: None,
                    factions_kept: false,
                    ground: None,
                }),
            ));
        }
    }
    out
}

/// `count` persons registered (ids `member-N` from `first` on), for writers that must
/// not collide with one another.
pub fn persons(first: u64, count: u64) -> Vec<Event> {
    let mut n = 0;
    (first..first + count)
        .map(|i| {
            let mut e = event(
                &mut n,
                FuzzyDate::day(Day::new(2000, 1, 1).unwrap_or(Day::MIN)),
                EventKind::PersonRegistered(PersonRegistered {
                    person: id(format!("member-{i}")),
                    name: format!("Member {i}"),
                    aliases: Vec::new(),
                    born: None,
                }),
            );
            e.id = id(format!("register-{i}"));
            e
        })
        .collect()
}

/// The same events, each dated one day after the one before it (from 1901-01-01), so
/// that ledger order is date order; corrections replace with the same new dates.
pub fn dated_in_order(events: &[Event]) -> Vec<Event> {
    let start = Day::new(1901, 1, 1).unwrap_or(Day::MIN);
    let day = |i: usize| FuzzyDate::day(start.saturating_add(jiff::Span::new().days(i as i64)));
    let dates: std::collections::HashMap<_, _> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), day(i)))
        .collect();
    events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut e = e.clone();
            e.date = day(i);
            if let EventKind::EventSuperseded(s) = &mut e.kind {
                s.replacement.date = dates.get(&s.target).cloned().unwrap_or_else(|| day(i));
            }
            e
        })
        .collect()
}

//! The composition of an organ on a date: named seats with their factions, and unnamed counted seats.
//!
//! One pure function, [`compose`], serves the `at` query (over any store's
//! rows) and the rules engine (over the history being replayed), so both
//! count seats the same way.

use std::collections::{BTreeMap, HashMap};

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{FactionId, PersonId};

use super::{AlignmentRow, CountRow, SeatRow};

/// A named seat on the date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedSeat {
    /// The holder.
    pub person: PersonId,
    /// Full or alternate.
    pub role: Role,
    /// The faction the holder was aligned with on the date, if recorded.
    pub faction: Option<FactionId>,
    /// How sure the faction is.
    pub faction_certainty: Truth,
    /// Whether the seat was held on the date.
    pub certainty: Truth,
    /// When the seat began.
    pub since: FuzzyDate,
    /// When it ended, if it did.
    pub until: Option<FuzzyDate>,
    /// Held in name only (a figurehead).
    pub nominal: bool,
}

/// Seats the record counts but does not name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnnamedSeats {
    /// Full or alternate.
    pub role: Role,
    /// Their faction, if the count was by faction.
    pub faction: Option<FactionId>,
    /// How many.
    pub count: u32,
    /// Whether the count held on the date.
    pub certainty: Truth,
}

/// An organ's seats on a date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Composition {
    /// Named seats, by role then name order of ids.
    pub named: Vec<NamedSeat>,
    /// Unnamed seats.
    pub unnamed: Vec<UnnamedSeats>,
}

impl Composition {
    /// Seats by faction (`None`: unknown), named and unnamed together, for one role or all.
    pub fn by_faction(&self, role: Option<Role>) -> BTreeMap<Option<FactionId>, u32> {
        let mut out = BTreeMap::new();
        for seat in self
            .named
            .iter()
            .filter(|s| role.is_none_or(|r| r == s.role))
        {
            let n = out.entry(seat.faction.clone()).or_insert(0u32);
            *n = n.saturating_add(1);
        }
        for seats in self
            .unnamed
            .iter()
            .filter(|s| role.is_none_or(|r| r == s.role))
        {
            let n = out.entry(seats.faction.clone()).or_insert(0u32);
            *n = n.saturating_add(seats.count);
        }
        out
    }

    /// All seats of a role (or all roles), named and unnamed.
    ///
    /// Counts are at most [`crate::limits::MAX_COUNT`] each; sums saturate rather
    /// than wrap, should a record hold more of them than a `u32` can add up.
    pub fn total(&self, role: Option<Role>) -> u32 {
        self.by_faction(role)
            .values()
            .fold(0u32, |sum, n| sum.saturating_add(*n))
    }
}

/// Builds the composition on the window `lo..=hi` from the rows that may overlap it.
///
/// Rows that certainly do not hold are dropped. A count by faction stands
/// for that faction's seats: named seats of the faction fill it first, and
/// the shortfall is unnamed. A count without faction stands for the total:
/// whatever the named seats and faction counts leave is unnamed of unknown faction.
pub fn compose(
    lo: Day,
    hi: Day,
    seats: &[SeatRow],
    counts: &[CountRow],
    alignments: &[AlignmentRow],
) -> Composition {
    // Each person's alignments, in the order given: one pass, not one per seat.
    let mut aligned: HashMap<&PersonId, Vec<&AlignmentRow>> = HashMap::new();
    for a in alignments {
        aligned.entry(&a.person).or_default().push(a);
    }
    let mut named: Vec<NamedSeat> = seats
        .iter()
        .filter_map(|seat| {
            let certainty = seat.span.holds(lo, hi);
            if certainty == Truth::No {
                return None;
            }
            let rows = aligned.get(&seat.person).into_iter().flatten().copied();
            let (faction, faction_certainty) = strongest(rows, lo, hi);
            Some(NamedSeat {
                person: seat.person.clone(),
                role: seat.role,
                faction,
                faction_certainty,
                certainty,
                since: seat.span.start.clone(),
                until: seat.span.end.clone(),
                nominal: seat.nominal,
            })
        })
        .collect();
    named.sort_by(|a, b| (a.role, &a.person, &a.since).cmp(&(b.role, &b.person, &b.since)));
    // The same person may have two rows that both possibly hold (a seat that
    // ended and one that began within the window): list them once, at the
    // stronger certainty.
    named.dedup_by(|later, earlier| {
        if later.person == earlier.person && later.role == earlier.role {
            earlier.certainty = earlier.certainty.or(later.certainty);
            // Said to be nominal only if every seat listed as one is.
            earlier.nominal &= later.nominal;
            true
        } else {
            false
        }
    });

    let mut unnamed = Vec::new();
    for role in [Role::Full, Role::Alternate] {
        // One count per faction (and one total): the one that holds most
        // surely on the window, the latest among equals. Counts that follow
        // one another must not add up.
        let mut active: std::collections::BTreeMap<Option<FactionId>, (&CountRow, Truth)> =
            Default::default();
        for count in counts.iter().filter(|c| c.role == role) {
            let truth = count.span.holds(lo, hi);
            if truth == Truth::No {
                continue;
            }
            let better = active.get(&count.faction).is_none_or(|(best, best_truth)| {
                (truth, &count.span.start, &count.key) > (*best_truth, &best.span.start, &best.key)
            });
            if better {
                active.insert(count.faction.clone(), (count, truth));
            }
        }
        let named_of = |faction: &Option<FactionId>| {
            named
                .iter()
                .filter(|s| s.role == role && &s.faction == faction)
                .count() as u32
        };
        let mut accounted = named.iter().filter(|s| s.role == role).count() as u32;
        let mut total_count = None;
        for (count, certainty) in active.values() {
            match &count.faction {
                Some(_) => {
                    let shortfall = count.count.saturating_sub(named_of(&count.faction));
                    accounted = accounted.saturating_add(shortfall);
                    if shortfall > 0 {
                        unnamed.push(UnnamedSeats {
                            role,
                            faction: count.faction.clone(),
                            count: shortfall,
                            certainty: *certainty,
                        });
                    }
                }
                None => total_count = Some((count.count, *certainty)),
            }
        }
        if let Some((total, certainty)) = total_count {
            let rest = total.saturating_sub(accounted);
            if rest > 0 {
                unnamed.push(UnnamedSeats {
                    role,
                    faction: None,
                    count: rest,
                    certainty,
                });
            }
        }
    }
    Composition { named, unnamed }
}

/// A person's faction on the window: the alignment that holds most surely,
/// the latest-begun among equals.
pub fn faction_of(
    person: &PersonId,
    lo: Day,
    hi: Day,
    alignments: &[AlignmentRow],
) -> (Option<FactionId>, Truth) {
    strongest(alignments.iter().filter(|a| &a.person == person), lo, hi)
}

/// The faction of the alignments (of one person) that holds most surely on the
/// window, the latest-begun among equals, then by row key: never by the order
/// the rows come in, which differs from store to store.
fn strongest<'a>(
    alignments: impl Iterator<Item = &'a AlignmentRow>,
    lo: Day,
    hi: Day,
) -> (Option<FactionId>, Truth) {
    alignments
        .filter(|a| !a.leader)
        .map(|a| (a, a.span.holds(lo, hi)))
        .filter(|(_, t)| *t != Truth::No)
        .max_by(|(a, ta), (b, tb)| (ta, &a.span.start, &a.key).cmp(&(tb, &b.span.start, &b.key)))
        .map_or((None, Truth::No), |(a, t)| (Some(a.faction.clone()), t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{EventId, OrganRef, Pos};
    use crate::rows::Span;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span {
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
        }
    }

    fn seat(person: &str, start: &str, end: Option<&str>) -> SeatRow {
        SeatRow {
            key: person.into(),
            organ: "p/pb".parse::<OrganRef>().unwrap(),
            person: PersonId::new(person).unwrap(),
            role: Role::Full,
            span: span(start, end),
            start_event: EventId::new("e").unwrap(),
            end_event: None,
            end_cause: None,
            start_pos: Pos::MIN,
            end_pos: None,
            holder: None,
            factions: Vec::new(),
            nominal: false,
        }
    }

    fn count(faction: Option<&str>, n: u32, start: &str) -> CountRow {
        CountRow {
            key: format!("{faction:?}"),
            organ: "p/pb".parse().unwrap(),
            role: Role::Full,
            faction: faction.map(|f| FactionId::new(f).unwrap()),
            count: n,
            span: span(start, None),
            event: EventId::new("c").unwrap(),
            end_event: None,
            start_pos: Pos::MIN,
            end_pos: None,
        }
    }

    fn align(person: &str, faction: &str, start: &str) -> AlignmentRow {
        AlignmentRow {
            key: person.into(),
            faction: FactionId::new(faction).unwrap(),
            person: PersonId::new(person).unwrap(),
            leader: false,
            span: span(start, None),
            start_event: EventId::new("a").unwrap(),
            end_event: None,
            start_pos: Pos::MIN,
            end_pos: None,
        }
    }

    fn on(text: &str) -> (Day, Day) {
        let d: FuzzyDate = text.parse().unwrap();
        (d.earliest(), d.latest())
    }

    #[test]
    fn named_seats_fill_faction_counts_and_the_rest_is_unnamed() {
        let seats = [
            seat("kim", "1946-08-30", None),
            seat("mu", "1946-08-30", None),
        ];
        let counts = [
            count(Some("guerrilla"), 2, "1946-08-30"),
            count(Some("yanan"), 6, "1946-08-30"),
            count(None, 13, "1946-08-30"),
        ];
        let alignments = [
            align("kim", "guerrilla", "1931"),
            align("mu", "yanan", "1930"),
        ];
        let (lo, hi) = on("1947-01-01");
        let c = compose(lo, hi, &seats, &counts, &alignments);
        assert_eq!(c.named.len(), 2);
        let by = c.by_faction(None);
        let f = |s: &str| Some(FactionId::new(s).unwrap());
        assert_eq!(by[&f("guerrilla")], 2);
        assert_eq!(by[&f("yanan")], 6);
        assert_eq!(by[&None], 5, "13 in all, 8 accounted for");
        assert_eq!(c.total(None), 13);
    }

    #[test]
    fn more_named_seats_than_counted_are_all_shown() {
        let seats = [
            seat("a", "1949", None),
            seat("b", "1949", None),
            seat("c", "1949", None),
        ];
        let counts = [count(Some("soviet"), 2, "1949")];
        let alignments = [
            align("a", "soviet", "1945"),
            align("b", "soviet", "1945"),
            align("c", "soviet", "1945"),
        ];
        let (lo, hi) = on("1950");
        let c = compose(lo, hi, &seats, &counts, &alignments);
        assert!(c.unnamed.is_empty());
        assert_eq!(c.total(None), 3);
    }

    #[test]
    fn certainty_follows_fuzzy_dates() {
        let seats = [
            seat("a", "1946", Some("1953")),
            seat("b", "1946-08-30", None),
        ];
        let (lo, hi) = on("1946-06-01");
        let c = compose(lo, hi, &seats, &[], &[]);
        assert_eq!(c.named.len(), 1);
        assert_eq!(c.named[0].certainty, Truth::Possibly);
        let (lo, hi) = on("1953-06-01");
        let c = compose(lo, hi, &seats, &[], &[]);
        assert_eq!(
            c.named
                .iter()
                .map(|s| s.person.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(c.named[0].certainty, Truth::Possibly);
        assert_eq!(c.named[1].certainty, Truth::Definitely);
    }
}

//! Seats by constituency (an organ's `constituencies`): an election of an organ whose
//! seats the delegates of each constituency elect must name the constituency that
//! voted, and elect its own (`wrong-elector`); no two holders of an organ whose seats
//! are `distinct` may be of one constituency (`ineligible-holder`). A person the record
//! places in no constituency is of unknown constituency: never found. It reads only the
//! placements (`constituency_assigned`) and the organ's open seats.

use crate::date::Truth;
use crate::event::kinds::ElectionHeld;
use crate::id::{Key, OrganRef, PersonId};
use crate::statute::{Cited, SeatsByConstituency, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The organ's seats by constituency in the version in force on the event's day,
    /// with that version and what the statute calls a constituency.
    fn by_constituency(
        &self,
        organ: &OrganRef,
        out: &Out<'_>,
    ) -> Option<(&Version, &Cited<SeatsByConstituency>, String)> {
        let version = self.version(&organ.org, &out.event.date)?;
        let clause = version.organ(&organ.key)?.constituencies.as_ref()?;
        let name = version
            .constituencies
            .as_ref()
            .map_or_else(|| "constituency".to_owned(), |c| c.rule.name.clone());
        Some((version, clause, name))
    }

    /// The constituency a person is placed in on the event's day, in the organ's
    /// organization.
    fn constituency(&self, organ: &OrganRef, person: &PersonId, out: &Out<'_>) -> Option<Key> {
        self.history
            .constituency_of(&organ.org, person, out.event.date.earliest())
    }

    /// An election of an organ whose seats each constituency's delegates elect: it
    /// names the constituency that voted, and those it elects are of it.
    pub(super) fn check_constituency_elector(
        &self,
        organ: &OrganRef,
        election: &ElectionHeld,
        out: &mut Out<'_>,
    ) {
        let Some((version, clause, name)) = self.by_constituency(organ, out) else {
            return;
        };
        if !clause.rule.elected {
            return;
        }
        let citation = Citation::of(version, clause.article.as_ref());
        let elected: Vec<&PersonId> = election
            .elected
            .iter()
            .chain(&election.alternates)
            .collect();
        let Some(voted) = &election.constituency else {
            let names: Vec<String> = elected.iter().map(|p| self.person(p)).collect();
            out.push(
                Rule::WrongElector,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!(
                    "{} elected to {} at large, by no {name}'s delegates; the statute gives each seat to the delegates of one {name}",
                    if names.len() == 1 {
                        format!("{} was", names.join(""))
                    } else {
                        format!("{} were", join_and(&names))
                    },
                    self.organ_name(organ),
                ),
            );
            return;
        };
        for person in elected {
            let Some(own) = self.constituency(organ, person, out) else {
                continue;
            };
            if &own == voted {
                continue;
            }
            out.push(
                Rule::WrongElector,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![],
                format!(
                    "{}, of {name} `{own}`, was elected to {} by the delegates of `{voted}`; the statute gives each seat to the delegates of its holder's own {name}",
                    self.person(person),
                    self.organ_name(organ),
                ),
            );
        }
    }

    /// Persons taking seats on an organ whose holders must be of distinct
    /// constituencies: each against the holders who keep their seats and those taking
    /// one before them in the same event. `renewed` says whose seats the event ends
    /// first: none (`None`), every holder's (`Some(None)`), or those of one
    /// constituency's holders (`Some(Some(c))`).
    pub(super) fn check_distinct_constituencies(
        &self,
        organ: &OrganRef,
        taking: &[&PersonId],
        renewed: Option<Option<&Key>>,
        out: &mut Out<'_>,
    ) {
        let Some((version, clause, name)) = self.by_constituency(organ, out) else {
            return;
        };
        if !clause.rule.distinct {
            return;
        }
        let mut holders: Vec<(PersonId, Key)> = Vec::new();
        for seat in self.history.open_seats_on(organ) {
            if taking.contains(&&seat.person) || holders.iter().any(|(p, _)| p == &seat.person) {
                continue;
            }
            let Some(own) = self.constituency(organ, &seat.person, out) else {
                continue;
            };
            let ends = match renewed {
                None => false,
                Some(None) => true,
                Some(Some(c)) => c == &own,
            };
            if !ends {
                holders.push((seat.person, own));
            }
        }
        for person in taking {
            let Some(own) = self.constituency(organ, person, out) else {
                continue;
            };
            if let Some((other, _)) = holders.iter().find(|(_, c)| c == &own) {
                out.push(
                    Rule::IneligibleHolder,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(Citation::of(version, clause.article.as_ref())),
                    vec![],
                    format!(
                        "{} takes a seat on {} while {}, of the same {name} (`{own}`), holds one; the statute allows no two holders of one {name}",
                        self.person(person),
                        self.organ_name(organ),
                        self.person(other),
                    ),
                );
            }
            holders.push(((*person).clone(), own));
        }
    }

    /// Seats an election by one constituency leaves to the others' holders: the open
    /// seats of the role whose holders it neither renews nor elects.
    pub(super) fn seats_kept_by_others(
        &self,
        organ: &OrganRef,
        role: crate::event::Role,
        election: &ElectionHeld,
        out: &Out<'_>,
    ) -> usize {
        let Some(voted) = &election.constituency else {
            return 0;
        };
        self.history
            .open_seats_on(organ)
            .into_iter()
            .filter(|s| s.role == role)
            .filter(|s| {
                !election.elected.contains(&s.person) && !election.alternates.contains(&s.person)
            })
            .filter(|s| self.constituency(organ, &s.person, out).as_ref() != Some(voted))
            .count()
    }
}

/// "A", "A and B", "A, B and C".
fn join_and(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::join_and;

    #[test]
    fn names_are_joined_as_a_secretary_writes_them() {
        let n = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(join_and(&n(&[])), "");
        assert_eq!(join_and(&n(&["Ann"])), "Ann");
        assert_eq!(join_and(&n(&["Ann", "Bob"])), "Ann and Bob");
        assert_eq!(join_and(&n(&["Ann", "Bob", "Cy"])), "Ann, Bob and Cy");
    }
}

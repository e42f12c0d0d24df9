//! Organs made only of other organs' full members and posts' holders (`composed_of`):
//! who sits on them, for quorum bases and seat requirements, and `wrong-elector` for
//! anyone elected to one directly.

use crate::date::{FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{OrganRef, PersonId, PostRef};
use crate::statute::{Cited, ComposedOf, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// What the organ consists of under the version in force on `date`, if it is composed.
    fn composition(
        &self,
        organ: &OrganRef,
        date: &FuzzyDate,
    ) -> Option<(&Version, &Cited<ComposedOf>)> {
        let version = self.version(&organ.org, date)?;
        let composed = version.organ(&organ.key)?.composed_of.as_ref()?;
        Some((version, composed))
    }

    /// Who sits on a composed organ now: the full members of its organs and the
    /// holders of its posts, each once, without those holding a seat on it.
    pub(super) fn composed_members(&self, organ: &OrganRef, date: &FuzzyDate) -> Vec<PersonId> {
        let Some((_, Cited { rule, .. })) = self.composition(organ, date) else {
            return Vec::new();
        };
        let seated: Vec<PersonId> = self
            .history
            .open_seats_on(organ)
            .into_iter()
            .map(|s| s.person)
            .collect();
        let mut persons: Vec<PersonId> = rule
            .organs
            .iter()
            .flat_map(|k| {
                self.history
                    .open_seats_on(&OrganRef::new(organ.org.clone(), k.clone()))
            })
            .filter(|s| s.role == Role::Full)
            .map(|s| s.person)
            .chain(
                rule.posts
                    .iter()
                    .flat_map(|k| {
                        self.history
                            .open_holders_of(&PostRef::new(organ.org.clone(), k.clone()))
                    })
                    .map(|p| p.person),
            )
            .filter(|p| !seated.contains(p))
            .collect();
        persons.sort();
        persons.dedup();
        persons
    }

    /// How many sit on a composed organ by its composition (0 for any other organ).
    pub(super) fn composed_unseated(&self, organ: &OrganRef, date: &FuzzyDate) -> u32 {
        u32::try_from(self.composed_members(organ, date).len()).unwrap_or(u32::MAX)
    }

    /// Whether a person sits on a composed organ by its composition.
    pub(super) fn sits_by_composition(
        &self,
        person: &PersonId,
        organ: &OrganRef,
        date: &FuzzyDate,
    ) -> bool {
        self.composed_members(organ, date).contains(person)
    }

    /// Whether the record names who sits on a composed organ (its organs' seats are
    /// named, or its posts held): then a seat requirement on it is judged.
    pub(super) fn composed_kept(&self, organ: &OrganRef, date: &FuzzyDate) -> bool {
        let Some((_, Cited { rule, .. })) = self.composition(organ, date) else {
            return false;
        };
        rule.organs.iter().any(|k| {
            self.history
                .names_seats(&OrganRef::new(organ.org.clone(), k.clone()))
        }) || rule.posts.iter().any(|k| {
            !self
                .history
                .open_holders_of(&PostRef::new(organ.org.clone(), k.clone()))
                .is_empty()
        })
    }

    /// A seat on a composed organ filled by anyone: no one elects it. Whether the
    /// organ is composed (then the elector is not judged otherwise).
    pub(super) fn check_composed_elector(&self, organ: &OrganRef, out: &mut Out<'_>) -> bool {
        let Some((version, Cited { rule, article })) = self.composition(organ, &out.event.date)
        else {
            return false;
        };
        let words = crate::statute::composed_words(version, rule);
        out.push(
            Rule::WrongElector,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "seats on {} were filled directly; the statute says it {words}",
                self.organ_name(organ)
            ),
        );
        true
    }
}

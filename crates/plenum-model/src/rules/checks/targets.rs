//! Discipline rules by target (`target = { seat = "cc" }`, `"member"`): which of an
//! act's rules concern the person, by the seats and posts they hold on the day of
//! the act (the history before it), and how a finding names that target.

use crate::date::FuzzyDate;
use crate::id::{OrgId, OrganRef, PersonId, PostRef};
use crate::statute::{DisciplineRule, Target, Version, concerning};

use super::Ctx;

impl Ctx<'_, '_> {
    /// The rules of `rules` (one act's) that concern `person` in `org` on `date`.
    pub(super) fn rules_concerning<'r>(
        &self,
        rules: Vec<&'r DisciplineRule>,
        org: &OrgId,
        person: &PersonId,
        date: &FuzzyDate,
    ) -> Vec<&'r DisciplineRule> {
        if rules.iter().all(|r| r.target.is_none()) {
            return rules;
        }
        concerning(
            &rules,
            |k| {
                let organ = OrganRef::new(org.clone(), k.clone());
                self.history.holds_seat(person, &organ, None)
                    || self.holds_ex_officio(person, &organ, date)
            },
            |k| {
                self.history
                    .open_holders_of(&PostRef::new(org.clone(), k.clone()))
                    .iter()
                    .any(|p| &p.person == person)
            },
        )
    }
}

/// A discipline rule as it applies to one act: the organization whose organs its
/// `by` names (the governed one, or, for a template's rule, the organization of
/// the category where the person holds the office it targets), and that
/// organization's parent (for `parent:KEY`).
#[derive(Clone, Debug)]
pub(super) struct Bound<'r> {
    /// The rule.
    pub rule: &'r DisciplineRule,
    /// The organization whose organs `by` names.
    pub org: OrgId,
    /// Its parent, whose organs `parent:KEY` names.
    pub parent: Option<OrgId>,
}

impl Bound<'_> {
    /// The organs the rule empowers, in their organizations.
    pub fn organs(&self) -> Vec<OrganRef> {
        let own = self
            .rule
            .by
            .iter()
            .map(|k| OrganRef::new(self.org.clone(), k.clone()));
        let up = self.parent.iter().flat_map(|p| {
            self.rule
                .by_parent
                .iter()
                .map(|k| OrganRef::new(p.clone(), k.clone()))
        });
        own.chain(up).collect()
    }
}

impl Ctx<'_, '_> {
    /// The rules of `version` that `pick` selects (one act's) and that concern
    /// `person` in `org` on `date`: the version's own (by `rules_concerning`), and
    /// those of its templates (`[[version.subordinate.discipline]]`), bound to each
    /// organization of the category under `org` where the person holds the office
    /// the rule targets (or to every such organization, for a rule without a
    /// target). A person who holds such an office is no ordinary member: the
    /// version's `target = "member"` rules do not concern them.
    pub(super) fn bound_rules<'r>(
        &self,
        version: Option<&'r Version>,
        pick: impl Fn(&DisciplineRule) -> bool,
        org: &OrgId,
        person: &PersonId,
        date: &FuzzyDate,
    ) -> Vec<Bound<'r>> {
        let Some(version) = version else {
            return Vec::new();
        };
        let mut templated: Vec<Bound<'r>> = Vec::new();
        for template in &version.subordinates {
            let rules: Vec<&DisciplineRule> =
                template.discipline.iter().filter(|r| pick(r)).collect();
            if rules.is_empty() {
                continue;
            }
            for sub in self.book.under(org, &template.category) {
                if self.book.governor(&sub).as_ref() != Some(org) {
                    continue;
                }
                let parent = self.book.parent(&sub).cloned();
                for rule in &rules {
                    let applies = match &rule.target {
                        None => true,
                        Some(Target::Seat(k)) => {
                            let organ = OrganRef::new(sub.clone(), k.clone());
                            self.history.holds_seat(person, &organ, None)
                                || self.holds_ex_officio(person, &organ, date)
                        }
                        Some(Target::Post(k)) => self
                            .history
                            .open_holders_of(&PostRef::new(sub.clone(), k.clone()))
                            .iter()
                            .any(|p| &p.person == person),
                        Some(Target::Member) => false,
                    };
                    if applies {
                        templated.push(Bound {
                            rule,
                            org: sub.clone(),
                            parent: parent.clone(),
                        });
                    }
                }
            }
        }
        let office_held = templated.iter().any(|b| b.rule.target.is_some());
        let own: Vec<&DisciplineRule> = version.discipline.iter().filter(|r| pick(r)).collect();
        let mut bound: Vec<Bound<'r>> = self
            .rules_concerning(own, org, person, date)
            .into_iter()
            .filter(|r| !(office_held && r.target == Some(Target::Member)))
            .map(|rule| Bound {
                rule,
                org: org.clone(),
                parent: self.book.parent(org).cloned(),
            })
            .collect();
        bound.extend(templated);
        bound
    }

    /// "a member of Party committee (Province A)": whom the bound rules that judged an
    /// act concern, for its findings.
    pub(super) fn bound_target_phrase(&self, rules: &[Bound<'_>]) -> Option<String> {
        let b = rules.iter().find(|b| b.rule.target.is_some())?;
        match b.rule.target.as_ref()? {
            Target::Seat(k) => Some(format!(
                "a member of {}",
                self.organ_name(&OrganRef::new(b.org.clone(), k.clone()))
            )),
            Target::Post(k) => Some(format!(
                "holder of the post of {}",
                self.post_name(&PostRef::new(b.org.clone(), k.clone()))
            )),
            Target::Member => Some("an ordinary member".to_owned()),
        }
    }
}

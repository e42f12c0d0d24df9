//! Discipline rules by target (`target = { seat = "cc" }`, `"member"`): which of an
//! act's rules concern the person, by the seats and posts they hold on the day of
//! the act (the history before it), and how a finding names that target.

use crate::date::FuzzyDate;
use crate::id::{OrgId, OrganRef, PersonId, PostRef};
use crate::statute::{DisciplineRule, Target, concerning};

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

    /// "a member of Central Committee", "holder of the post of Chair", "an
    /// ordinary member": whom the rules that judged an act concern, for its findings.
    pub(super) fn target_phrase(&self, org: &OrgId, rules: &[&DisciplineRule]) -> Option<String> {
        let target = rules.iter().find_map(|r| r.target.as_ref())?;
        Some(match target {
            Target::Seat(k) => format!(
                "a member of {}",
                self.organ_name(&OrganRef::new(org.clone(), k.clone()))
            ),
            Target::Post(k) => format!(
                "holder of the post of {}",
                self.post_name(&PostRef::new(org.clone(), k.clone()))
            ),
            Target::Member => "an ordinary member".to_owned(),
        })
    }
}

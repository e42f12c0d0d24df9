//! Leadership between organs: an organ that works "under the leadership" of others
//! (`led_by = { organs = ["cc"] }` on an organ: "The Party's Central Commission for
//! Discipline Inspection shall function under the leadership of the Central
//! Committee"; in a template, `parent:KEY` names the organ of the organization one
//! level up: "under the dual leadership of the Party committee at the corresponding
//! level and the commission for discipline inspection at the next level up"), and
//! the principle that lower-level organizations defer to higher-level ones
//! (`[version.leadership] higher_levels = true`). What a record can break: an organ
//! revising, annulling or overruling a decision of an organ that leads it
//! (`motion_decided` `revises`). As data only: `read/leadership.rs` reads it,
//! `rules/checks/leadership.rs` judges (`revised-from-below`).

use super::LevelOrgan;
use crate::id::Key;

/// The organs an organ works under the leadership of (`led_by`), never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LedBy {
    /// The leading organs: of the same version (or template), or `parent:KEY`.
    pub organs: Vec<LevelOrgan>,
}

impl LedBy {
    /// The clause in words, for `plenum statute check`, given an organ's name.
    pub fn words(&self, organ_name: impl Fn(&Key) -> String) -> String {
        let names = self
            .organs
            .iter()
            .map(|o| o.name(&organ_name))
            .collect::<Vec<_>>()
            .join(" and ");
        let (their, them) = if self.organs.len() == 1 {
            ("its", "it")
        } else {
            ("their", "them")
        };
        format!(
            "works under the leadership of {names}: it may not revise, annul or overrule {their} decisions (nor those of an organ leading {them})"
        )
    }
}

/// The principle that lower-level organizations defer to higher-level ones
/// (`[version.leadership] higher_levels = true`): every organ of an organization
/// the version's templates govern is led by every organ of the organizations above
/// it, up to the governed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HigherLevels;

impl HigherLevels {
    /// The clause in words, for `plenum statute check`.
    pub fn words(self) -> &'static str {
        "lower-level organizations defer to higher-level ones: no organ of an organization its templates govern may revise, annul or overrule a decision of an organ of an organization above it"
    }
}

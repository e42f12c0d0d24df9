//! Who may found or dissolve an organization (`[version.founding]`,
//! `[version.dissolution]`, and `founding` / `dissolution` on a
//! `[[version.subordinate]]`), and how many full members a new one needs.
//! Read by `read/founding.rs`; judged by `rules/checks/founding.rs`. Never judges.

use super::{Clause, Version};
use crate::id::Key;

/// An organ whose carried decision may found or dissolve an organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decider {
    /// An organ of the organization the statute governs (`board`).
    Own(Key),
    /// An organ of the organization one level above the one founded or dissolved
    /// (`parent:committee`).
    Parent(Key),
    /// Any organ of any organization above the one founded or dissolved
    /// (`higher-level`: "a Party organization at a higher level").
    HigherLevel,
}

impl Decider {
    /// The word the statute writes (`board`, `parent:committee`, `higher-level`).
    pub fn as_written(&self) -> String {
        match self {
            Decider::Own(k) => k.to_string(),
            Decider::Parent(k) => format!("parent:{k}"),
            Decider::HigherLevel => "higher-level".to_owned(),
        }
    }
}

/// Who decides that an organization is founded or dissolved, and the least number
/// of full members among its founders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgDecision {
    /// The organs whose carried decision it must cite (never empty).
    pub by: Vec<Decider>,
    /// The least number of founders who are full members of the governed
    /// organization (founding only).
    pub min_members: Option<u32>,
    /// The article.
    pub article: Option<String>,
    /// Who decides instead where the act records a ground (`dissolution.on_ground`):
    /// "a Party organization that seriously violates Party discipline" is dissolved
    /// by "the Party committee at the next level up".
    pub on_ground: Option<Box<GroundDecision>>,
}

/// The deciders of an organization's dissolution on one ground.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroundDecision {
    /// The ground (`organization_dissolved` `ground`).
    pub ground: Key,
    /// Who decides then, and the article.
    pub rule: OrgDecision,
}

impl OrgDecision {
    /// The rule that judges an act recording `ground`: the ground's own, where it
    /// names that ground, else this one.
    pub fn for_ground(&self, ground: Option<&Key>) -> &OrgDecision {
        match (&self.on_ground, ground) {
            (Some(g), Some(k)) if &g.ground == k => &g.rule,
            _ => self,
        }
    }

    /// The organs in words, `own` naming an organ of the governed organization.
    fn deciders(&self, own: impl Fn(&Key) -> String) -> String {
        self.by
            .iter()
            .map(|d| match d {
                Decider::Own(k) => own(k),
                Decider::Parent(k) => format!("the `{k}` of the organization one level up"),
                Decider::HigherLevel => "an organ of an organization at a higher level".to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

/// The clauses of a version on founding and dissolving (its own, then each
/// template's), for `plenum statute check`.
pub(super) fn clauses(version: &Version) -> Vec<Clause> {
    let own = |k: &Key| {
        version
            .organ(k)
            .map_or_else(|| k.to_string(), |o| o.name.clone())
    };
    let clause = |subject: String, field: &'static str, rule: String, from: &OrgDecision| Clause {
        organization: version.org.to_string(),
        version: version.id.to_string(),
        subject,
        field,
        rule,
        article: from.article.clone(),
        checked_by: Some(if from.min_members.is_some() {
            "no-competent-decision, too-few-founders"
        } else {
            "no-competent-decision"
        }),
    };
    let founded = |rule: &OrgDecision| {
        let members = rule.min_members.map_or_else(String::new, |n| {
            format!(", with at least {n} full members among its founders")
        });
        format!("founded on a decision of {}{members}", rule.deciders(own))
    };
    let dissolved =
        |rule: &OrgDecision| format!("dissolved on a decision of {}", rule.deciders(own));
    let mut out = Vec::new();
    if let Some(rule) = &version.founding {
        let what = "every organization under it".to_owned();
        out.push(clause(what, "founding", founded(rule), rule));
    }
    if let Some(rule) = &version.dissolution {
        out.push(clause(
            version.org.to_string(),
            "dissolution",
            dissolved(rule),
            rule,
        ));
    }
    for template in &version.subordinates {
        let label = template.name.as_deref().unwrap_or(&template.category);
        if let Some(rule) = &template.founding {
            out.push(clause(label.to_owned(), "founding", founded(rule), rule));
        }
        if let Some(rule) = &template.dissolution {
            out.push(clause(
                label.to_owned(),
                "dissolution",
                dissolved(rule),
                rule,
            ));
            if let Some(on) = &rule.on_ground {
                let words = format!(
                    "where the dissolution records the ground `{}`: {}",
                    on.ground,
                    dissolved(&on.rule)
                );
                out.push(clause(label.to_owned(), "dissolution", words, &on.rule));
            }
        }
    }
    out
}

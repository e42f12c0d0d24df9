//! What befell people of an organization, counted for `lineage`: per kind (expelled,
//! purged, tried, arrested, died, promoted, demoted, appointed, removed), the persons
//! named and the others counted, a fuzzy word ("a number") giving a lower bound only.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::date::{FuzzyDate, Truth};
use crate::event::kinds::{Befallen, Headcount};
use crate::id::OrgId;
use crate::rows::{EntityKind, OrgChange, OrgRow};

use super::{Facts, Named, named};

/// Everything of one kind that befell people of the organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupCount {
    /// What befell them.
    pub what: Befallen,
    /// The persons the record names, each once, by name.
    pub named: Vec<Named>,
    /// The fewest people the record counts without naming.
    pub unnamed_least: u32,
    /// The most, where every count is a number; `null` where a word ("a number",
    /// "several", ...) gives no upper bound.
    pub unnamed_most: Option<u32>,
    /// The fewest people in all: the named and the fewest unnamed.
    pub least: u32,
    /// The most in all, where known.
    pub most: Option<u32>,
    /// The events, by date.
    pub events: Vec<GroupLine>,
}

/// One event that befell people of the organization.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupLine {
    /// When.
    pub date: String,
    /// The event.
    pub event: String,
    /// The person named, if one.
    pub person: Option<Named>,
    /// The others as the record counts them: a number or a word (`"a number"`).
    pub others: Option<String>,
    /// Who the others were, as the record describes them.
    pub who: Option<String>,
    /// Within the period asked about: `definitely`, or `possibly` where the event's date
    /// straddles its bounds (then it counts towards `most`, not `least`).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub certainty: Truth,
}

/// The fewest and the most a headcount stands for (`None`: no upper bound).
pub fn bounds(count: Headcount) -> (u32, Option<u32>) {
    match count {
        Headcount::Exactly(n) => (n, Some(n)),
        other => (other.least(), None),
    }
}

fn add(a: Option<u32>, b: Option<u32>) -> Option<u32> {
    a.zip(b).map(|(a, b)| a.saturating_add(b))
}

/// What befell people of `org`, from its row, by kind; only events that may fall
/// within `period`, when one is given.
pub fn groups<F: Facts + ?Sized>(
    facts: &F,
    row: Option<&OrgRow>,
    org: &OrgId,
    period: Option<&FuzzyDate>,
) -> Result<Vec<GroupCount>, F::Error> {
    let mut by_kind: BTreeMap<Befallen, GroupCount> = BTreeMap::new();
    // Named persons, each counted once per kind: definitely within the period, or possibly.
    let mut sure: BTreeMap<Befallen, BTreeSet<String>> = BTreeMap::new();
    let mut maybe: BTreeMap<Befallen, BTreeSet<String>> = BTreeMap::new();
    let facts_of = row
        .filter(|r| &r.org == org)
        .map_or(&[][..], |r| &r.facts[..]);
    for fact in facts_of {
        let OrgChange::Befell {
            date,
            what,
            person,
            others,
            event,
        } = &fact.change
        else {
            continue;
        };
        let certainty = match period {
            Some(p) => date.within(p.earliest(), p.latest()),
            None => Truth::Definitely,
        };
        if certainty == Truth::No {
            continue;
        }
        let count = by_kind.entry(*what).or_insert_with(|| GroupCount {
            what: *what,
            named: Vec::new(),
            unnamed_least: 0,
            unnamed_most: Some(0),
            least: 0,
            most: Some(0),
            events: Vec::new(),
        });
        if let Some(p) = person {
            maybe.entry(*what).or_default().insert(p.to_string());
            if certainty == Truth::Definitely {
                sure.entry(*what).or_default().insert(p.to_string());
            }
        }
        if let Some(o) = others {
            let (least, most) = bounds(o.count);
            if certainty == Truth::Definitely {
                count.unnamed_least = count.unnamed_least.saturating_add(least);
            }
            count.unnamed_most = add(count.unnamed_most, most);
        }
        count.events.push(GroupLine {
            date: date.to_string(),
            event: event.to_string(),
            person: person
                .as_ref()
                .map(|p| named(facts, EntityKind::Person, p.as_str()))
                .transpose()?,
            others: others.as_ref().map(|o| o.count.to_string()),
            who: others.as_ref().and_then(|o| o.who.clone()),
            certainty,
        });
    }
    let mut out = Vec::new();
    for (what, mut count) in by_kind {
        let persons = maybe.remove(&what).unwrap_or_default();
        let definite = sure.get(&what).map_or(0, BTreeSet::len);
        for p in &persons {
            count.named.push(named(facts, EntityKind::Person, p)?);
        }
        count
            .named
            .sort_by(|a, b| (&a.name, &a.id).cmp(&(&b.name, &b.id)));
        count.least = count.unnamed_least.saturating_add(definite as u32);
        count.most = add(count.unnamed_most, Some(persons.len() as u32));
        count
            .events
            .sort_by(|a, b| (&a.date, &a.event).cmp(&(&b.date, &b.event)));
        out.push(count);
    }
    Ok(out)
}

/// What befell people of `org` within `period` (for `lineage --during`).
pub fn during<F: Facts + ?Sized>(
    facts: &F,
    org: &OrgId,
    period: &FuzzyDate,
) -> Result<Vec<GroupCount>, F::Error> {
    let row = facts.org_row(org)?;
    groups(facts, row.as_ref(), org, Some(period))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_exact_and_a_word_only_a_lower_bound() {
        assert_eq!(bounds(Headcount::Exactly(11)), (11, Some(11)));
        assert_eq!(bounds(Headcount::Some), (1, None));
        for word in [Headcount::ANumber, Headcount::Several, Headcount::Many] {
            assert_eq!(bounds(word), (2, None));
        }
        assert_eq!(add(Some(2), Some(3)), Some(5));
        assert_eq!(add(Some(2), None), None);
    }
}

//! The unit each member of an organization is in on a date (`member_admitted`'s
//! `unit`, `member_transferred`), for `at ORG`: the last placement on the
//! organization's row dated (by its earliest day) on or before the date's latest day.
//! It never judges whether the unit is one the statute allows (the rules do).

use std::collections::HashMap;

use crate::date::Day;
use crate::id::{OrgId, PersonId};
use crate::rows::EntityKind;

use super::{Facts, Named};

/// Each of `persons` the record places in a unit of `org` on or before `day`, with
/// that unit's id and name (its id where the registry has no name).
pub(super) fn units_on<F: Facts + ?Sized>(
    facts: &F,
    org: &OrgId,
    persons: &[PersonId],
    day: Day,
) -> Result<HashMap<PersonId, Named>, F::Error> {
    let Some(row) = facts.org_row(org)? else {
        return Ok(HashMap::new());
    };
    let on_day = row.units_on(day);
    let placed: Vec<(PersonId, OrgId)> = persons
        .iter()
        .filter_map(|p| Some((p.clone(), on_day.get(p)?.unit.clone()?)))
        .collect();
    if placed.is_empty() {
        return Ok(HashMap::new());
    }
    let mut ids: Vec<&str> = placed.iter().map(|(_, u)| u.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let names: HashMap<String, String> = facts
        .entities_by_id(EntityKind::Org, &ids)?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    Ok(placed
        .into_iter()
        .map(|(person, unit)| {
            let name = names
                .get(unit.as_str())
                .cloned()
                .unwrap_or_else(|| unit.to_string());
            (
                person,
                Named {
                    id: unit.to_string(),
                    name,
                },
            )
        })
        .collect())
}

//! Acts of outside actors on an organization, as `lineage` lists them.

use serde::Serialize;

use crate::id::OrgId;
use crate::rows::{EntityKind, OrgChange};

use super::{Facts, LineageRows, Named, named};

/// Another organization or a state acting on the organization (`outside_intervention`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InterventionLine {
    /// When.
    pub date: String,
    /// Who acted.
    pub by: Named,
    /// Who acted jointly with `by`.
    pub with: Vec<Named>,
    /// What was done: `delegation`, `intervention`, `ban`, ...
    pub act: String,
    /// The event.
    pub event: String,
}

/// The acts recorded on `org`, in date order.
pub(super) fn interventions<F: Facts + ?Sized>(
    facts: &F,
    rows: &LineageRows,
    org: &OrgId,
) -> Result<Vec<InterventionLine>, F::Error> {
    let mut lines = Vec::new();
    for row in rows.orgs.iter().filter(|o| &o.org == org) {
        for fact in &row.facts {
            if let OrgChange::Intervened {
                date,
                by,
                with,
                act,
                event,
            } = &fact.change
            {
                lines.push(InterventionLine {
                    date: date.to_string(),
                    by: named(facts, EntityKind::Org, by.as_str())?,
                    with: with
                        .iter()
                        .map(|o| named(facts, EntityKind::Org, o.as_str()))
                        .collect::<Result<_, _>>()?,
                    act: act.clone(),
                    event: event.to_string(),
                });
            }
        }
    }
    Ok(lines)
}

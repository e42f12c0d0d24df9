//! Nominal and actual: who directed an organization in fact, beside what it was formally
//! part of, as `lineage` lists it.

use serde::Serialize;

use crate::event::kinds::Director;
use crate::id::OrgId;
use crate::rows::{EntityKind, OrgChange};

use super::{Facts, LineageRows, Named, named};

/// What directs: an organization (or state), or an organ of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DirectorKind {
    /// An organization or a state.
    Organization,
    /// An organ (`org/key`).
    Organ,
}

/// An organization directed in fact by another body (`organization_directed`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DirectionLine {
    /// The organization directed.
    pub org: Named,
    /// Who directed it: an organization, a state, or an organ (`org/key`).
    pub by: Named,
    /// `organization` or `organ`.
    pub by_kind: DirectorKind,
    /// From when.
    pub from: String,
    /// Until when, if the record says.
    pub until: Option<String>,
    /// The event.
    pub event: String,
}

/// The directions of `org` by others, and of others by `org` (or by its organs), by date.
pub(super) fn directions<F: Facts + ?Sized>(
    facts: &F,
    rows: &LineageRows,
    org: &OrgId,
) -> Result<Vec<DirectionLine>, F::Error> {
    let mut found = Vec::new();
    for row in &rows.orgs {
        for fact in &row.facts {
            if let OrgChange::Directed {
                date,
                by,
                until,
                event,
            } = &fact.change
                && (&row.org == org || by.org() == org)
            {
                found.push((date, event, &row.org, by, until));
            }
        }
    }
    found.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut lines = Vec::new();
    for (date, event, directed, by, until) in found {
        let (by, by_kind) = match by {
            Director::Org(o) => (
                named(facts, EntityKind::Org, o.as_str())?,
                DirectorKind::Organization,
            ),
            Director::Organ(o) => (
                named(facts, EntityKind::Organ, &o.to_string())?,
                DirectorKind::Organ,
            ),
        };
        lines.push(DirectionLine {
            org: named(facts, EntityKind::Org, directed.as_str())?,
            by,
            by_kind,
            from: date.to_string(),
            until: until.as_ref().map(ToString::to_string),
            event: event.to_string(),
        });
    }
    Ok(lines)
}

/// The organizations the directions of `org` involve (directed, directing).
pub(super) fn involved(rows: &LineageRows, org: &OrgId) -> Vec<OrgId> {
    let mut out = Vec::new();
    for row in &rows.orgs {
        for fact in &row.facts {
            if let OrgChange::Directed { by, .. } = &fact.change
                && (&row.org == org || by.org() == org)
            {
                out.push(row.org.clone());
                out.push(by.org().clone());
            }
        }
    }
    out
}

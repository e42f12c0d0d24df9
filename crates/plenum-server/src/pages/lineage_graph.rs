//! `/lineage/{org}/graph.svg`: an organization's lineage as a graph (foundings,
//! renamings, mergers, splits, replacements, formal links, directions in fact and the
//! acts of outside actors, each node saying what kind of body it was), from the same
//! `lineage` answer as the lineage page and `GET /api/v1/lineage/{org}`, laid out by
//! layout-rs.

use std::collections::BTreeSet;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use plenum_model::query::direction::DirectorKind;
use plenum_model::query::lineage::{LineageReport, OrgLine};
use plenum_model::rows::LinkKind;

use super::history_figures::{LineageEdge, LineageNode, lineage_graph};
use super::images::svg;
use super::views::PageParams;
use super::word;
use crate::api::queries::LineageAsk;
use crate::api::{answer, seq_param};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// The key of the node of `org` under its `index`-th name.
fn node_key(org: &str, index: usize) -> String {
    format!("{org}#{index}")
}

/// The index of the name `org` bore on `date` (the last one given from on or before it,
/// comparing EDTF texts, which order as dates for the usual forms).
fn name_on(org: &OrgLine, date: &str) -> usize {
    org.names
        .iter()
        .rposition(|n| n.from.as_str() <= date)
        .unwrap_or(0)
}

/// The kind of body `org` was from `date` on (the last category given from on or before
/// it), as a line of its node's label.
fn category_on(org: &OrgLine, date: Option<&str>) -> String {
    let Some(date) = date else {
        return String::new();
    };
    org.categories
        .iter()
        .rfind(|c| c.from.as_str() <= date)
        .map_or_else(String::new, |c| format!("\n(a {})", c.category))
}

/// The nodes and edges of a lineage: an organization is a node per name it bore, joined
/// by its renamings; each link joins the names borne on its date.
pub fn lineage_parts(r: &LineageReport) -> (Vec<LineageNode>, Vec<LineageEdge>) {
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for org in &r.organizations {
        let ended = match (&org.ended, &org.ended_how) {
            (Some(date), Some(how)) => format!("\nended {date} ({})", how.replace(['_', '-'], " ")),
            (Some(date), None) => format!("\nended {date}"),
            _ => String::new(),
        };
        if org.names.len() <= 1 {
            let founded = org
                .founded
                .as_deref()
                .map_or_else(String::new, |f| format!("\nfounded {f}"));
            let kind = category_on(org, org.founded.as_deref());
            nodes.push(LineageNode {
                key: node_key(&org.id, 0),
                label: format!("{}{kind}{founded}{ended}", org.name),
            });
            continue;
        }
        let last = org.names.len() - 1;
        for (i, name) in org.names.iter().enumerate() {
            let since = if i == 0 {
                org.founded
                    .as_deref()
                    .map_or_else(String::new, |f| format!("\nfounded {f}"))
            } else {
                format!("\nfrom {}", name.from)
            };
            let end = if i == last { ended.as_str() } else { "" };
            let kind = category_on(org, Some(&name.from));
            nodes.push(LineageNode {
                key: node_key(&org.id, i),
                label: format!("{}{kind}{since}{end}", name.name),
            });
            if i > 0 {
                edges.push((
                    node_key(&org.id, i - 1),
                    node_key(&org.id, i),
                    format!("renamed {}", name.from),
                ));
            }
        }
    }
    let find = |id: &str| r.organizations.iter().find(|o| o.id == id);
    let mut seen = BTreeSet::new();
    for link in r
        .predecessors
        .iter()
        .chain(&r.successors)
        .chain(&r.affiliations)
    {
        if !seen.insert((&link.event, &link.from.id, &link.to.id)) {
            continue;
        }
        let index = |id: &str| find(id).map_or(0, |o| name_on(o, &link.date));
        let label = match link.link {
            LinkKind::PartOf => "formally part of".to_owned(),
            other => word(&other).replace(['_', '-'], " "),
        };
        edges.push((
            node_key(&link.from.id, index(&link.from.id)),
            node_key(&link.to.id, index(&link.to.id)),
            format!("{label} {}", link.date),
        ));
    }
    for d in &r.directions {
        let index = |id: &str| find(id).map_or(0, |o| name_on(o, &d.from));
        // An organ directs: the edge goes to its organization, the label names it.
        let by_org = d.by.id.split_once('/').map_or(d.by.id.as_str(), |(o, _)| o);
        let by = if d.by_kind == DirectorKind::Organ {
            format!(" ({})", d.by.name)
        } else {
            String::new()
        };
        edges.push((
            node_key(&d.org.id, index(&d.org.id)),
            node_key(by_org, index(by_org)),
            format!("directed by{by} {}", d.from),
        ));
    }
    let root = &r.organization.id;
    for act in &r.interventions {
        for actor in std::iter::once(&act.by).chain(&act.with) {
            if find(&actor.id).is_none() && !nodes.iter().any(|n| n.key == node_key(&actor.id, 0)) {
                nodes.push(LineageNode {
                    key: node_key(&actor.id, 0),
                    label: actor.name.clone(),
                });
            }
            let index = |id: &str| find(id).map_or(0, |o| name_on(o, &act.date));
            edges.push((
                node_key(&actor.id, index(&actor.id)),
                node_key(root, index(root)),
                format!("{} {}", act.act, act.date),
            ));
        }
    }
    (nodes, edges)
}

/// `GET /lineage/{org}/graph.svg?as_of=`.
pub async fn graph(
    State(state): State<AppState>,
    _caller: Caller,
    Path(org): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let report = answer(&state, as_of, LineageAsk(org)).await?;
    let (nodes, edges) = lineage_parts(&report);
    Ok(svg(lineage_graph(&nodes, &edges), as_of))
}

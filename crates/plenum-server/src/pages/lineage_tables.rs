//! The tables of the lineage page: links (each formal link labelled as such), who
//! directed the organization in fact, the acts of outside actors on it, and the kinds of
//! body each organization was over time, from the same `lineage` answer as the API.

use plenum_model::query::direction::DirectorKind;
use plenum_model::query::lineage::{LineageReport, LinkLine};
use plenum_model::rows::LinkKind;

use super::{Cell, Table, href, word};

/// How a link reads on the page: a `part-of` link is the formal one.
fn link_label(l: &LinkLine) -> String {
    match l.link {
        LinkKind::PartOf => "formally part of".to_owned(),
        LinkKind::ReplacedBy => "replaced by".to_owned(),
        other => word(&other).replace(['_', '-'], " "),
    }
}

/// Every table of the page, in order: links, directions, interventions, categories,
/// organizations.
pub fn lineage_tables(r: &LineageReport, as_of: Option<u64>) -> Vec<Table> {
    let org_link = |id: &str, name: &str| Cell::link(name, href("lineage", id, as_of));
    let mut links = Table::new("Links", &["date", "from", "link", "to", "until"]);
    for l in r
        .predecessors
        .iter()
        .chain(&r.successors)
        .chain(&r.affiliations)
    {
        links.rows.push(vec![
            Cell::text(&l.date),
            org_link(&l.from.id, &l.from.name),
            Cell::text(link_label(l)),
            org_link(&l.to.id, &l.to.name),
            Cell::text(l.until.as_deref().unwrap_or("")),
        ]);
    }
    let mut directions = Table::new(
        "Directed in fact",
        &["from", "until", "organization", "directed by"],
    );
    for d in &r.directions {
        let by = if d.by_kind == DirectorKind::Organ {
            Cell::link(&d.by.name, href("organ", &d.by.id, as_of))
        } else {
            org_link(&d.by.id, &d.by.name)
        };
        directions.rows.push(vec![
            Cell::text(&d.from),
            Cell::text(d.until.as_deref().unwrap_or("")),
            org_link(&d.org.id, &d.org.name),
            by,
        ]);
    }
    let mut interventions = Table::new("Outside actors", &["date", "act", "by", "on"]);
    for i in &r.interventions {
        interventions.rows.push(vec![
            Cell::text(&i.date),
            Cell::text(&i.act),
            Cell::links(
                std::iter::once(&i.by)
                    .chain(&i.with)
                    .map(|n| (n.name.clone(), href("lineage", &n.id, as_of)))
                    .collect(),
            ),
            org_link(&r.organization.id, &r.organization.name),
        ]);
    }
    let mut categories = Table::new("Kinds of body", &["organization", "was a", "from", "until"]);
    for o in &r.organizations {
        for c in &o.categories {
            categories.rows.push(vec![
                org_link(&o.id, &o.name),
                Cell::text(&c.category),
                Cell::text(&c.from),
                Cell::text(c.to.as_deref().unwrap_or("")),
            ]);
        }
    }
    let mut orgs = Table::new("Organizations", &["organization", "founded", "ended"]);
    for o in &r.organizations {
        let ended = match (&o.ended, &o.ended_how) {
            (Some(date), Some(how)) => format!("{date} ({how})"),
            (Some(date), None) => date.clone(),
            _ => String::new(),
        };
        orgs.rows.push(vec![
            org_link(&o.id, &o.name),
            Cell::text(o.founded.as_deref().unwrap_or("?")),
            Cell::text(ended),
        ]);
    }
    vec![links, directions, interventions, categories, orgs]
}

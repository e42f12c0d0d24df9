//! `lineage`: an organization's predecessors and successors through renames, mergers and splits.

use std::collections::{BTreeSet, VecDeque};

use serde::Serialize;

use crate::id::OrgId;
use crate::rows::{EntityKind, LinkKind, LinkRow};

use super::{Facts, LineageRows, Named, QueryError, named, resolve};

/// The answer to `plenum lineage`; its JSON form is stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineageReport {
    /// The organization asked about.
    pub organization: OrgLine,
    /// Links leading to it (mergers into it, splits it came from, bodies it replaced),
    /// transitively, earliest first.
    pub predecessors: Vec<LinkLine>,
    /// Links leading from it, transitively, earliest first.
    pub successors: Vec<LinkLine>,
    /// Bodies it was part of, or that were part of it.
    pub affiliations: Vec<LinkLine>,
    /// Every organization named above, with its names and figures.
    pub organizations: Vec<OrgLine>,
    /// Acts of other organizations or states on it (`outside_intervention`), by date.
    pub interventions: Vec<super::outside::InterventionLine>,
    /// What befell its people (expulsions, purges, changes of standing, ...), by kind:
    /// named and counted (`query::groups`).
    pub groups: Vec<super::groups::GroupCount>,
    /// Who directed it in fact, whatever it was formally part of (its `affiliations`),
    /// and whom it directed (`organization_directed`), by date.
    pub directions: Vec<super::direction::DirectionLine>,
}

/// One organization's life.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgLine {
    /// Id and current name.
    pub id: String,
    /// The name it last bore.
    pub name: String,
    /// What it is.
    pub category: Option<String>,
    /// When founded.
    pub founded: Option<String>,
    /// When it ended.
    pub ended: Option<String>,
    /// How it ended.
    pub ended_how: Option<String>,
    /// When banned.
    pub banned: Option<String>,
    /// Its names over time.
    pub names: Vec<NameLine>,
    /// What kind of body it was over time (when the record says), earliest first.
    pub categories: Vec<CategoryLine>,
    /// Membership figures.
    pub figures: Vec<FigureLine>,
}

/// A name and when it was borne.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NameLine {
    /// The name.
    pub name: String,
    /// From.
    pub from: String,
    /// Until.
    pub to: Option<String>,
}

/// A kind of body an organization was, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryLine {
    /// What it was: `bureau`, `party`, ...
    pub category: String,
    /// From.
    pub from: String,
    /// Until it became something else.
    pub to: Option<String>,
}

/// A membership figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureLine {
    /// When.
    pub date: String,
    /// How many.
    pub count: u64,
    /// A lower bound.
    pub at_least: bool,
    /// The part that came from this organization.
    pub from: Option<Named>,
}

/// A link between two organizations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkLine {
    /// The earlier (or member) body.
    pub from: Named,
    /// The later (or parent) body.
    pub to: Named,
    /// `merged-into`, `split-into`, `replaced-by` or `part-of` (the formal link).
    pub link: LinkKind,
    /// When.
    pub date: String,
    /// Until (for `part-of`).
    pub until: Option<String>,
    /// The event.
    pub event: String,
}

/// Answers `lineage ORG`.
pub fn lineage<F: Facts + ?Sized>(
    facts: &F,
    text: &str,
) -> Result<LineageReport, QueryError<F::Error>> {
    let entity = resolve(facts, EntityKind::Org, text)?;
    let rows = facts.lineage_rows()?;
    let root: OrgId = entity.id.parse().map_err(|_| QueryError::NotFound {
        kind: "organization",
        text: text.to_owned(),
        suggestions: Vec::new(),
    })?;
    let descent = |l: &LinkRow| {
        matches!(
            l.link,
            LinkKind::MergedInto | LinkKind::SplitInto | LinkKind::ReplacedBy
        )
    };
    let predecessors = walk(&rows, &root, |l, at| descent(l) && &l.to == at, |l| &l.from);
    let successors = walk(&rows, &root, |l, at| descent(l) && &l.from == at, |l| &l.to);
    let mut affiliations: Vec<&LinkRow> = rows
        .links
        .iter()
        .filter(|l| l.link == LinkKind::PartOf && (l.from == root || l.to == root))
        .collect();
    affiliations.sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    let mut involved = BTreeSet::from([root.clone()]);
    for link in predecessors.iter().chain(&successors).chain(&affiliations) {
        involved.insert(link.from.clone());
        involved.insert(link.to.clone());
    }
    involved.extend(super::direction::involved(&rows, &root));
    let mut organizations = Vec::new();
    for org in &involved {
        organizations.push(org_line(facts, &rows, org)?);
    }
    let line = |l: &LinkRow| -> Result<LinkLine, F::Error> {
        Ok(LinkLine {
            from: named(facts, EntityKind::Org, l.from.as_str())?,
            to: named(facts, EntityKind::Org, l.to.as_str())?,
            link: l.link,
            date: l.span.start.to_string(),
            until: l.span.end.as_ref().map(ToString::to_string),
            event: l.event.to_string(),
        })
    };
    Ok(LineageReport {
        organization: org_line(facts, &rows, &root)?,
        predecessors: predecessors
            .into_iter()
            .map(line)
            .collect::<Result<_, _>>()?,
        successors: successors.into_iter().map(line).collect::<Result<_, _>>()?,
        affiliations: affiliations
            .into_iter()
            .map(line)
            .collect::<Result<_, _>>()?,
        organizations,
        interventions: super::outside::interventions(facts, &rows, &root)?,
        groups: super::groups::groups(
            facts,
            rows.orgs.iter().find(|o| o.org == root),
            &root,
            None,
        )?,
        directions: super::direction::directions(facts, &rows, &root)?,
    })
}

/// Every link reachable from `root` by `step`, earliest first.
fn walk<'a>(
    rows: &'a LineageRows,
    root: &OrgId,
    step: impl Fn(&LinkRow, &OrgId) -> bool,
    next: impl Fn(&'a LinkRow) -> &'a OrgId,
) -> Vec<&'a LinkRow> {
    let mut seen = BTreeSet::from([root.clone()]);
    let mut queue = VecDeque::from([root.clone()]);
    let mut found: Vec<&LinkRow> = Vec::new();
    while let Some(at) = queue.pop_front() {
        for link in rows.links.iter().filter(|l| step(l, &at)) {
            if !found.iter().any(|f| f.key == link.key) {
                found.push(link);
            }
            let other = next(link);
            if seen.insert(other.clone()) {
                queue.push_back(other.clone());
            }
        }
    }
    found.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then_with(|| a.key.cmp(&b.key))
    });
    found
}

fn org_line<F: Facts + ?Sized>(
    facts: &F,
    rows: &LineageRows,
    org: &OrgId,
) -> Result<OrgLine, F::Error> {
    let row = rows.orgs.iter().find(|o| &o.org == org);
    let mut names: Vec<_> = rows.names.iter().filter(|n| &n.org == org).collect();
    names.sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    let mut figures = Vec::new();
    let mut rows_figures: Vec<_> = rows.figures.iter().filter(|f| &f.org == org).collect();
    rows_figures.sort_by(|a, b| (&a.date, &a.event).cmp(&(&b.date, &b.event)));
    for f in rows_figures {
        figures.push(FigureLine {
            date: f.date.to_string(),
            count: f.count,
            at_least: f.at_least,
            from: f
                .from
                .as_ref()
                .map(|o| named(facts, EntityKind::Org, o.as_str()))
                .transpose()?,
        });
    }
    let entity = named(facts, EntityKind::Org, org.as_str())?;
    let registered = entity.name.clone();
    let name_of = |n: &crate::rows::NameRow| n.name.clone().unwrap_or_else(|| registered.clone());
    Ok(OrgLine {
        id: entity.id.clone(),
        name: names.last().map_or(entity.name.clone(), |n| name_of(n)),
        category: row.and_then(|r| r.category.clone()),
        founded: row
            .and_then(|r| r.span.as_ref())
            .map(|s| s.start.to_string()),
        ended: row
            .and_then(|r| r.span.as_ref())
            .and_then(|s| s.end.as_ref())
            .map(ToString::to_string),
        ended_how: row.and_then(|r| r.ended_how.clone()),
        banned: row.and_then(|r| r.banned.as_ref()).map(ToString::to_string),
        names: names
            .into_iter()
            .map(|n| NameLine {
                name: name_of(n),
                from: n.span.start.to_string(),
                to: n.span.end.as_ref().map(ToString::to_string),
            })
            .collect(),
        categories: row.map(categories).unwrap_or_default(),
        figures,
    })
}

/// The categories an organization's row went through, from its facts (in date order).
fn categories(row: &crate::rows::OrgRow) -> Vec<CategoryLine> {
    use crate::rows::OrgChange;
    let mut lines: Vec<CategoryLine> = Vec::new();
    for fact in &row.facts {
        let (date, category) = match &fact.change {
            OrgChange::Founded {
                date,
                category: Some(category),
            } if lines.is_empty() => (date, category),
            OrgChange::Recategorized { date, category } => (date, category),
            _ => continue,
        };
        if lines.last().is_some_and(|l| &l.category == category) {
            continue;
        }
        if let Some(last) = lines.last_mut() {
            last.to = Some(date.to_string());
        }
        lines.push(CategoryLine {
            category: category.clone(),
            from: date.to_string(),
            to: None,
        });
    }
    lines
}

//! The events an import makes, in ledger order: declarations (organizations, organs,
//! posts, factions, persons), then facts (seats, alignments, memberships, tenures,
//! meetings); and the minimal statute proposed when none is given.

use std::collections::{BTreeMap, HashMap};

use plenum_model::date::FuzzyDate;
use serde::Serialize;
use serde_json::json;

use super::Popolo;
use super::ids::{Ids, slug};
use super::import::{Events, ImportError, Kind, Statute, date_of, error, sources_of};
use super::unmapped::Unmapped;

/// A body persons sit on, as the import maps it.
#[derive(Clone, Debug, Serialize)]
pub struct Chamber {
    /// Its index in `$.organizations`.
    pub index: usize,
    /// The plenum organization it is an organ of.
    pub owner: String,
    /// Its organ key.
    pub key: String,
    /// Its name.
    pub name: String,
    /// Whether it stands alone in the file (an organization of its own, made for it).
    pub own: bool,
    /// Memberships in it.
    pub seats: usize,
}

/// How many of each thing the import makes.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    /// Persons registered.
    pub persons: usize,
    /// Organizations founded.
    pub organizations: usize,
    /// Organs (bodies persons sit on).
    pub organs: usize,
    /// Factions (parties, groups).
    pub factions: usize,
    /// Posts.
    pub posts: usize,
    /// Seats taken (memberships of a body, merged where they continue one another).
    pub seats: usize,
    /// Faction alignments.
    pub alignments: usize,
    /// Memberships of organizations and tenures of posts.
    pub memberships: usize,
    /// Counts of seats without names (`plenum:counted_seats`).
    pub counted: usize,
    /// Meetings held.
    pub meetings: usize,
}

/// What an import will do.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The events, as JSON Lines.
    pub lines: String,
    /// The JSON path each event (line) comes from.
    pub origins: Vec<String>,
    /// The statute proposed for the main organization, when asked.
    pub statute: Option<String>,
    /// The main organization (the owner of the body with the most seats).
    pub main: Option<String>,
    /// The bodies persons sit on.
    pub chambers: Vec<Chamber>,
    /// Counts.
    pub counts: Counts,
    /// What was not mapped.
    pub unmapped: Vec<Unmapped>,
}

/// Seats per organ (`org/key`): the most held at once.
pub type Seats = BTreeMap<String, usize>;

/// What the steps share.
pub(super) struct Ctx<'a> {
    pub popolo: &'a Popolo,
    pub file: &'a str,
    pub base: &'a FuzzyDate,
    pub kinds: &'a [Kind],
    pub index: &'a HashMap<&'a str, usize>,
    pub persons: &'a Ids,
    pub orgs: &'a Ids,
    pub periods: &'a HashMap<&'a str, (Option<FuzzyDate>, Option<FuzzyDate>)>,
    pub main: Option<&'a str>,
    pub statute: Option<&'a Statute>,
    /// Whether the statute is proposed (it then declares the main organization's organs and posts).
    pub proposing: bool,
}

impl Ctx<'_> {
    pub(super) fn faction_id(&self, i: usize) -> String {
        let id = self.popolo.organizations[i]
            .id
            .as_deref()
            .unwrap_or_default();
        slug(id.strip_prefix("faction:").unwrap_or(id))
    }

    pub(super) fn org_of(&self, i: usize) -> Option<String> {
        let id = self.popolo.organizations[i].id.as_deref()?;
        match &self.kinds[i] {
            Kind::Org => self.orgs.get(id).map(str::to_owned),
            Kind::Organ { owner, .. } => Some(owner.clone()),
            Kind::Faction => None,
        }
    }

    /// The index of the organization `o` is part of, if the file has it.
    fn parent_of(&self, o: &super::Organization) -> Option<usize> {
        o.parent_id
            .as_deref()
            .and_then(|pid| self.index.get(pid).copied())
    }

    pub(super) fn lookup(&self, id: &str, path: String, what: &str) -> Result<usize, ImportError> {
        self.index.get(id).copied().ok_or_else(|| {
            error(
                path,
                format!("no organization in $.organizations has the id `{id}` ({what})"),
            )
        })
    }
}

/// Records `begun` on `o`'s founding date (the file's base date when it gives none) and,
/// where it gives a dissolution date, `ended` on it (after every other fact).
fn lifespan(
    ctx: &Ctx<'_>,
    out: &mut Events,
    o: &super::Organization,
    path: &str,
    (begun, body): (&'static str, serde_json::Value),
    (ended, end_body): (&'static str, serde_json::Value),
) -> Result<(), ImportError> {
    let founded = date_of(o.founding_date.as_deref(), &o.extra, "founding_date", path)?;
    out.push(
        path,
        founded.as_ref().unwrap_or(ctx.base),
        begun,
        body,
        sources_of(&o.sources, ctx.file, path),
    );
    if let Some(end) = date_of(
        o.dissolution_date.as_deref(),
        &o.extra,
        "dissolution_date",
        path,
    )? {
        out.defer(
            path,
            &end,
            ended,
            end_body,
            sources_of(&o.sources, ctx.file, path),
        );
    }
    Ok(())
}

fn names(other: &[super::OtherName], name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in other.iter().filter_map(|o| o.name.as_deref()) {
        if n != name && !n.trim().is_empty() && !out.iter().any(|o| o == n) {
            out.push(n.to_owned());
        }
    }
    out
}

/// Organizations, organs, posts, factions and persons, declared before any fact.
pub(super) fn declare(
    ctx: &Ctx<'_>,
    chambers: &[super::plan::Chamber],
    out: &mut Events,
    counts: &mut Counts,
) -> Result<(), ImportError> {
    let p = ctx.popolo;
    // Organizations, parents first.
    let mut done: Vec<bool> = vec![false; p.organizations.len()];
    let mut order = Vec::new();
    for _ in 0..p.organizations.len() {
        for (i, o) in p.organizations.iter().enumerate() {
            if done[i] || ctx.kinds[i] != Kind::Org {
                continue;
            }
            if ctx
                .parent_of(o)
                .is_none_or(|pi| done[pi] || ctx.kinds[pi] != Kind::Org)
            {
                done[i] = true;
                order.push(i);
            }
        }
    }
    for i in order {
        let o = &p.organizations[i];
        let path = format!("$.organizations[{i}]");
        let Some(id) = ctx.org_of(i) else { continue };
        let mut body = json!({ "org": id, "name": o.name.clone().unwrap_or_else(|| id.clone()) });
        let aliases = names(&o.other_names, o.name.as_deref().unwrap_or_default());
        if !aliases.is_empty() {
            body["aliases"] = aliases.into();
        }
        if let Some(c) = &o.classification
            && c != "organization"
        {
            body["category"] = c.clone().into();
        }
        if let Some(parent) = ctx.parent_of(o).and_then(|pi| ctx.org_of(pi)) {
            body["parent"] = parent.into();
        }
        let ended = json!({ "org": id });
        lifespan(
            ctx,
            out,
            o,
            &path,
            ("organization_founded", body),
            ("organization_dissolved", ended),
        )?;
        counts.organizations += 1;
    }
    // Bodies standing alone: an organization of their own, and the organ.
    let mut founded = std::collections::HashSet::new();
    for c in chambers {
        let o = &p.organizations[c.index];
        let path = format!("$.organizations[{}]", c.index);
        if c.own && founded.insert(c.owner.clone()) {
            // Named apart from its organ, so that `plenum at DATE NAME` finds the organ.
            let class = o.classification.as_deref().unwrap_or("body");
            let mut body = json!({ "org": c.owner, "name": format!("{} ({class})", c.name) });
            if let Some(class) = &o.classification {
                body["category"] = class.clone().into();
            }
            let since = date_of(o.founding_date.as_deref(), &o.extra, "founding_date", &path)?;
            out.push(
                &path,
                since.as_ref().unwrap_or(ctx.base),
                "organization_founded",
                body,
                sources_of(&o.sources, ctx.file, &path),
            );
            counts.organizations += 1;
        }
        counts.organs += 1;
        let in_main_statute = ctx.statute.is_some_and(|s| s.has_organ(&c.owner, &c.key))
            || (ctx.proposing && ctx.main == Some(c.owner.as_str()));
        if !in_main_statute {
            let mut body = json!({ "organ": format!("{}/{}", c.owner, c.key), "name": c.name });
            let aliases = names(&o.other_names, &c.name);
            if !aliases.is_empty() {
                body["aliases"] = aliases.into();
            }
            out.push(
                &path,
                ctx.base,
                "organ_established",
                body,
                sources_of(&o.sources, ctx.file, &path),
            );
        }
    }
    // Posts.
    for (i, post) in p.posts.iter().enumerate() {
        let path = format!("$.posts[{i}]");
        let id = post
            .id
            .as_deref()
            .ok_or_else(|| error(format!("{path}.id"), "a post without an id"))?;
        let org_id = post.organization_id.as_deref().ok_or_else(|| {
            error(
                format!("{path}.organization_id"),
                "a post without an organization",
            )
        })?;
        let oi = ctx.lookup(
            org_id,
            format!("{path}.organization_id"),
            "the post's organization",
        )?;
        let owner = ctx
            .org_of(oi)
            .ok_or_else(|| error(format!("{path}.organization_id"), "a post of a faction"))?;
        let key = slug(id.strip_prefix(&format!("{org_id}/")).unwrap_or(id));
        counts.posts += 1;
        if ctx.statute.is_some_and(|s| s.has_post(&owner, &key))
            || (ctx.proposing && ctx.main == Some(owner.as_str()))
        {
            continue;
        }
        let label = post.label.clone().unwrap_or_else(|| id.to_owned());
        let mut body = json!({ "post": format!("{owner}/{key}"), "name": label });
        let holders = super::facts::most_holders(ctx, id)?;
        if holders > 1 {
            body["holders"] = holders.into();
        }
        out.push(
            &path,
            ctx.base,
            "post_established",
            body,
            sources_of(&post.sources, ctx.file, &path),
        );
    }
    // Factions.
    for (i, o) in p.organizations.iter().enumerate() {
        if ctx.kinds[i] != Kind::Faction {
            continue;
        }
        let path = format!("$.organizations[{i}]");
        let name = o
            .name
            .clone()
            .unwrap_or_else(|| o.id.clone().unwrap_or_default());
        let mut body = json!({ "faction": ctx.faction_id(i), "name": name });
        let owner = ctx
            .parent_of(o)
            .and_then(|pi| ctx.org_of(pi))
            .or_else(|| ctx.main.map(str::to_owned));
        if let Some(owner) = owner {
            body["org"] = owner.into();
        }
        let aliases = names(&o.other_names, &name);
        if !aliases.is_empty() {
            body["aliases"] = aliases.into();
        }
        let ended = json!({ "faction": ctx.faction_id(i) });
        lifespan(
            ctx,
            out,
            o,
            &path,
            ("faction_formed", body),
            ("faction_dissolved", ended),
        )?;
        counts.factions += 1;
    }
    // Persons.
    for (i, person) in p.persons.iter().enumerate() {
        let path = format!("$.persons[{i}]");
        let id = person.id.as_deref().unwrap_or_default();
        let pid = ctx.persons.get(id).unwrap_or_default();
        let name = person
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .ok_or_else(|| error(format!("{path}.name"), "a person without a name"))?;
        let mut body = json!({ "person": pid, "name": name });
        let aliases = names(&person.other_names, &name);
        if !aliases.is_empty() {
            body["aliases"] = aliases.into();
        }
        if let Some(born) = date_of(
            person.birth_date.as_deref(),
            &person.extra,
            "birth_date",
            &path,
        )? {
            body["born"] = born.to_string().into();
        }
        out.push(
            &path,
            ctx.base,
            "person_registered",
            body,
            sources_of(&person.sources, ctx.file, &path),
        );
        counts.persons += 1;
        if let Some(died) = date_of(
            person.death_date.as_deref(),
            &person.extra,
            "death_date",
            &path,
        )? {
            out.defer(
                &path,
                &died,
                "person_died",
                json!({ "person": pid }),
                sources_of(&person.sources, ctx.file, &path),
            );
        }
    }
    Ok(())
}

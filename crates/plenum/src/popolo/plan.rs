//! The events an import makes, in ledger order: declarations (organizations, organs,
//! posts, factions, persons), then facts (seats, alignments, memberships, tenures,
//! meetings); and the minimal statute proposed when none is given.

use std::collections::{BTreeMap, HashMap};

use plenum_model::date::FuzzyDate;
use serde::Serialize;
use serde_json::{Value, json};

use super::Popolo;
use super::ids::{Ids, slug};
use super::import::{
    Events, ImportError, Intervals, Kind, Statute, date_of, error, membership_dates, sources_of,
};
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
    /// Whether the statute declares it.
    #[serde(skip)]
    pub in_statute: bool,
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
    fn faction_id(&self, i: usize) -> String {
        let id = self.popolo.organizations[i]
            .id
            .as_deref()
            .unwrap_or_default();
        slug(id.strip_prefix("faction:").unwrap_or(id))
    }

    fn org_of(&self, i: usize) -> Option<String> {
        let id = self.popolo.organizations[i].id.as_deref()?;
        match &self.kinds[i] {
            Kind::Org => self.orgs.get(id).map(str::to_owned),
            Kind::Organ { owner, .. } => Some(owner.clone()),
            Kind::Faction => None,
        }
    }

    fn lookup(&self, id: &str, path: String, what: &str) -> Result<usize, ImportError> {
        self.index.get(id).copied().ok_or_else(|| {
            error(
                path,
                format!("no organization in $.organizations has the id `{id}` ({what})"),
            )
        })
    }
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
            let parent = o
                .parent_id
                .as_deref()
                .and_then(|pid| ctx.index.get(pid).copied());
            if parent.is_none_or(|pi| done[pi] || ctx.kinds[pi] != Kind::Org) {
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
        if let Some(parent) = o
            .parent_id
            .as_deref()
            .and_then(|pid| ctx.index.get(pid).copied())
            .and_then(|pi| ctx.org_of(pi))
        {
            body["parent"] = parent.into();
        }
        let founded = date_of(o.founding_date.as_deref(), &o.extra, "founding_date", &path)?;
        out.push(
            &path,
            founded.as_ref().unwrap_or(ctx.base),
            "organization_founded",
            body,
            sources_of(&o.sources, ctx.file, &path),
        );
        counts.organizations += 1;
        if let Some(end) = date_of(
            o.dissolution_date.as_deref(),
            &o.extra,
            "dissolution_date",
            &path,
        )? {
            out.defer(
                &path,
                &end,
                "organization_dissolved",
                json!({ "org": id }),
                sources_of(&o.sources, ctx.file, &path),
            );
        }
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
        let in_main_statute = c.in_statute || (ctx.proposing && ctx.main == Some(c.owner.as_str()));
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
        if ctx
            .statute
            .is_some_and(|s| s.org == owner && s.posts.iter().any(|(k, _)| *k == key))
            || (ctx.proposing && ctx.main == Some(owner.as_str()))
        {
            continue;
        }
        let label = post.label.clone().unwrap_or_else(|| id.to_owned());
        let mut body = json!({ "post": format!("{owner}/{key}"), "name": label });
        let holders = most_holders(ctx, id)?;
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
        let owner = o
            .parent_id
            .as_deref()
            .and_then(|pid| ctx.index.get(pid).copied())
            .and_then(|pi| ctx.org_of(pi))
            .or_else(|| ctx.main.map(str::to_owned));
        if let Some(owner) = owner {
            body["org"] = owner.into();
        }
        let aliases = names(&o.other_names, &name);
        if !aliases.is_empty() {
            body["aliases"] = aliases.into();
        }
        let formed = date_of(o.founding_date.as_deref(), &o.extra, "founding_date", &path)?;
        out.push(
            &path,
            formed.as_ref().unwrap_or(ctx.base),
            "faction_formed",
            body,
            sources_of(&o.sources, ctx.file, &path),
        );
        counts.factions += 1;
        if let Some(end) = date_of(
            o.dissolution_date.as_deref(),
            &o.extra,
            "dissolution_date",
            &path,
        )? {
            out.defer(
                &path,
                &end,
                "faction_dissolved",
                json!({ "faction": ctx.faction_id(i) }),
                sources_of(&o.sources, ctx.file, &path),
            );
        }
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

/// Merges intervals that touch or overlap (an open one swallows the rest).
fn merge(
    mut list: Vec<(FuzzyDate, Option<FuzzyDate>, usize)>,
) -> Vec<(FuzzyDate, Option<FuzzyDate>, usize)> {
    list.sort_by_key(|(s, _, i)| (s.earliest(), *i));
    let mut out: Vec<(FuzzyDate, Option<FuzzyDate>, usize)> = Vec::new();
    for (start, end, i) in list {
        if let Some(last) = out.last_mut() {
            let continues = match &last.1 {
                None => true,
                Some(e) => start.earliest() <= e.latest(),
            };
            if continues {
                last.1 = match (&last.1, &end) {
                    (Some(a), Some(b)) => Some(if b.latest() > a.latest() {
                        b.clone()
                    } else {
                        a.clone()
                    }),
                    _ => None,
                };
                continue;
            }
        }
        out.push((start, end, i));
    }
    out
}

/// Seats, alignments, memberships, tenures and meetings.
pub(super) fn facts(
    ctx: &Ctx<'_>,
    out: &mut Events,
    counts: &mut Counts,
) -> Result<Seats, ImportError> {
    let p = ctx.popolo;
    let mut seats: Intervals = BTreeMap::new();
    let mut roles: HashMap<(String, String), &'static str> = HashMap::new();
    let mut aligned: Intervals = BTreeMap::new();
    // In date order, and of two starting on the same day the one that ends first first:
    // a holder replaced the day they took a post is assigned before their successor.
    let mut order = Vec::with_capacity(p.memberships.len());
    for (i, m) in p.memberships.iter().enumerate() {
        let (start, end) = membership_dates(m, &format!("$.memberships[{i}]"), ctx.periods)?;
        let key = (
            start.as_ref().map(FuzzyDate::earliest),
            end.as_ref()
                .map_or(plenum_model::date::Day::MAX, FuzzyDate::latest),
        );
        order.push((key, i));
    }
    order.sort();
    for i in order.into_iter().map(|(_, i)| i) {
        let m = &p.memberships[i];
        let path = format!("$.memberships[{i}]");
        let Some(person) = m.person_id.as_deref() else {
            continue;
        };
        let pid = ctx
            .persons
            .get(person)
            .ok_or_else(|| {
                error(
                    format!("{path}.person_id"),
                    format!("no person in $.persons has the id `{person}`"),
                )
            })?
            .to_owned();
        let org = m.organization_id.as_deref().ok_or_else(|| {
            error(
                format!("{path}.organization_id"),
                "a membership without an organization",
            )
        })?;
        let oi = ctx.lookup(
            org,
            format!("{path}.organization_id"),
            "the membership's organization",
        )?;
        let behalf = match m.on_behalf_of_id.as_deref() {
            None => None,
            Some(b) => {
                Some(ctx.lookup(b, format!("{path}.on_behalf_of_id"), "the party or group")?)
            }
        };
        if let Some(post) = m.post_id.as_deref()
            && !p.posts.iter().any(|x| x.id.as_deref() == Some(post))
        {
            return Err(error(
                format!("{path}.post_id"),
                format!("no post in $.posts has the id `{post}`"),
            ));
        }
        let (start, end) = membership_dates(m, &path, ctx.periods)?;
        let Some(start) = start else { continue };
        let sources = sources_of(&m.sources, ctx.file, &path);
        match (&ctx.kinds[oi], m.post_id.as_deref()) {
            (_, Some(post)) => {
                let owner = ctx.org_of(oi).ok_or_else(|| {
                    error(
                        format!("{path}.organization_id"),
                        "a post held in a faction",
                    )
                })?;
                let key = slug(post.strip_prefix(&format!("{org}/")).unwrap_or(post));
                let post_ref = format!("{owner}/{key}");
                out.push(
                    &path,
                    &start,
                    "post_assigned",
                    json!({ "person": pid, "post": post_ref }),
                    sources.clone(),
                );
                if let Some(end) = &end {
                    out.push(
                        &path,
                        end,
                        "post_vacated",
                        json!({ "person": pid, "post": post_ref }),
                        sources,
                    );
                }
                counts.memberships += 1;
            }
            (Kind::Organ { owner, key }, None) => {
                let organ = format!("{owner}/{key}");
                let role = if m.role.as_deref() == Some("alternate") {
                    "alternate"
                } else {
                    "full"
                };
                roles.entry((pid.clone(), organ.clone())).or_insert(role);
                seats.entry((pid.clone(), organ)).or_default().push((
                    start.clone(),
                    end.clone(),
                    i,
                ));
                if let Some(b) = behalf {
                    aligned
                        .entry((pid.clone(), ctx.faction_id(b)))
                        .or_default()
                        .push((start, end, i));
                }
            }
            (Kind::Faction, None) => {
                if m.role.as_deref() == Some("leader") {
                    out.push(
                        &path,
                        &start,
                        "faction_led",
                        json!({ "person": pid, "faction": ctx.faction_id(oi) }),
                        sources,
                    );
                } else {
                    aligned
                        .entry((pid.clone(), ctx.faction_id(oi)))
                        .or_default()
                        .push((start, end, i));
                }
            }
            (Kind::Org, None) => {
                let owner = ctx.org_of(oi).unwrap_or_default();
                let status = if m.role.as_deref() == Some("candidate") {
                    "candidate"
                } else {
                    "full"
                };
                out.push(
                    &path,
                    &start,
                    "member_admitted",
                    json!({ "person": pid, "org": owner, "status": status }),
                    sources.clone(),
                );
                if let Some(end) = &end {
                    out.push(
                        &path,
                        end,
                        "member_resigned",
                        json!({ "person": pid, "org": owner }),
                        sources,
                    );
                }
                counts.memberships += 1;
            }
        }
    }
    let mut most: Seats = BTreeMap::new();
    for ((pid, organ), list) in seats {
        let role = roles
            .get(&(pid.clone(), organ.clone()))
            .copied()
            .unwrap_or("full");
        for (start, end, i) in merge(list) {
            let path = format!("$.memberships[{i}]");
            let sources = sources_of(&p.memberships[i].sources, ctx.file, &path);
            let mut body = json!({ "person": pid, "organ": organ });
            if role == "alternate" {
                body["role"] = role.into();
            }
            out.push(&path, &start, "seat_taken", body, sources.clone());
            if let Some(end) = &end {
                out.push(
                    &path,
                    end,
                    "seat_vacated",
                    json!({ "person": pid, "organ": organ }),
                    sources,
                );
            }
            counts.seats += 1;
            most.entry(organ.clone()).or_default();
        }
    }
    for ((pid, faction), list) in aligned {
        for (start, end, i) in merge(list) {
            let path = format!("$.memberships[{i}]");
            let sources = sources_of(&p.memberships[i].sources, ctx.file, &path);
            out.push(
                &path,
                &start,
                "faction_joined",
                json!({ "person": pid, "faction": faction }),
                sources.clone(),
            );
            if let Some(end) = &end {
                out.push(
                    &path,
                    end,
                    "faction_left",
                    json!({ "person": pid, "faction": faction }),
                    sources,
                );
            }
            counts.alignments += 1;
        }
    }
    // The most seats held at once, per organ (for the proposed statute).
    for (organ, n) in most.iter_mut() {
        *n = most_at_once(ctx, organ)?;
    }
    meetings(ctx, out, counts)?;
    Ok(most)
}

/// The most memberships of an organ that hold on any one of their start days.
fn most_at_once(ctx: &Ctx<'_>, organ: &str) -> Result<usize, ImportError> {
    most_holding(ctx, |m| {
        let Some(oi) = m
            .organization_id
            .as_deref()
            .and_then(|o| ctx.index.get(o).copied())
        else {
            return false;
        };
        matches!(&ctx.kinds[oi], Kind::Organ { owner, key } if format!("{owner}/{key}") == organ)
            && m.post_id.is_none()
            && m.person_id.is_some()
    })
}

/// The most holders of a post (by its Popolo id) at once.
pub(super) fn most_holders(ctx: &Ctx<'_>, post: &str) -> Result<usize, ImportError> {
    most_holding(ctx, |m| {
        m.post_id.as_deref() == Some(post) && m.person_id.is_some()
    })
}

/// The most memberships `keep` selects that hold on any one of their start days.
fn most_holding(
    ctx: &Ctx<'_>,
    keep: impl Fn(&super::Membership) -> bool,
) -> Result<usize, ImportError> {
    let mut spans = Vec::new();
    for (i, m) in ctx.popolo.memberships.iter().enumerate() {
        if keep(m) {
            let (s, e) = membership_dates(m, &format!("$.memberships[{i}]"), ctx.periods)?;
            if let Some(s) = s {
                spans.push((s.earliest(), e.map(|e| e.earliest())));
            }
        }
    }
    Ok(spans
        .iter()
        .map(|(day, _)| {
            spans
                .iter()
                .filter(|(s, e)| s <= day && e.is_none_or(|e| e > *day))
                .count()
        })
        .max()
        .unwrap_or(0))
}

fn meetings(ctx: &Ctx<'_>, out: &mut Events, counts: &mut Counts) -> Result<(), ImportError> {
    let mut ids = Ids::default();
    for (i, e) in ctx.popolo.events.iter().enumerate() {
        let path = format!("$.events[{i}]");
        if e.classification.as_deref() != Some("meeting") {
            continue;
        }
        let Some(oi) = e
            .organization_id
            .as_deref()
            .and_then(|o| ctx.index.get(o).copied())
        else {
            continue;
        };
        let Kind::Organ { owner, key } = &ctx.kinds[oi] else {
            continue;
        };
        let Some(date) = date_of(e.start_date.as_deref(), &e.extra, "start_date", &path)? else {
            continue;
        };
        let id = e.id.as_deref().unwrap_or_default();
        let mut body = json!({ "meeting": ids.assign(id, id), "organ": format!("{owner}/{key}") });
        if let Some(name) = &e.name {
            body["name"] = name.clone().into();
        }
        out.push(
            &path,
            &date,
            "meeting_held",
            body,
            sources_of(&e.sources, ctx.file, &path),
        );
        counts.meetings += 1;
    }
    Ok(())
}

/// The least statute under which the import stands: the main organization with its
/// organs (their most seats held at once) and posts, and nothing else.
pub(super) fn propose(ctx: &Ctx<'_>, main: &str, chambers: &[Chamber], seats: &Seats) -> String {
    let toml_str = |s: &str| Value::String(s.to_owned()).to_string();
    let name = chambers
        .iter()
        .find(|c| c.owner == main && c.own)
        .map(|c| c.name.clone())
        .or_else(|| {
            ctx.popolo
                .organizations
                .iter()
                .find(|o| o.id.as_deref().and_then(|id| ctx.orgs.get(id)) == Some(main))
                .and_then(|o| o.name.clone())
        })
        .unwrap_or_else(|| main.to_owned());
    let mut text = format!(
        "# Proposed by `plenum import popolo` from {}: the least statute under which the\n\
         # import stands (its organs and posts, with the most seats held at once).\n\
         # Write the real rules in it (docs/statute.md) and give it with --statute.\n\
         organization = {}\ntitle = {}\n\n[[version]]\nid = \"popolo\"\neffective = {}\n",
        ctx.file,
        toml_str(main),
        toml_str(&format!("{name} (proposed from Popolo)")),
        toml_str(&ctx.base.to_string()),
    );
    for c in chambers.iter().filter(|c| c.owner == main) {
        let organ = format!("{}/{}", c.owner, c.key);
        let full = seats.get(&organ).copied().unwrap_or(0).max(1);
        text.push_str(&format!(
            "\n[[version.organ]]\nid = {}\nname = {}\nseats = {{ full = {full} }}\n",
            toml_str(&c.key),
            toml_str(&c.name)
        ));
    }
    for post in &ctx.popolo.posts {
        let Some(org_id) = post.organization_id.as_deref() else {
            continue;
        };
        let Some(oi) = ctx.index.get(org_id).copied() else {
            continue;
        };
        if ctx.org_of(oi).as_deref() != Some(main) {
            continue;
        }
        let id = post.id.as_deref().unwrap_or_default();
        let key = slug(id.strip_prefix(&format!("{org_id}/")).unwrap_or(id));
        let label = post.label.clone().unwrap_or_else(|| id.to_owned());
        text.push_str(&format!(
            "\n[[version.post]]\nid = {}\nname = {}\n",
            toml_str(&key),
            toml_str(&label)
        ));
        let holders = most_holders(ctx, id).unwrap_or(1);
        if holders > 1 {
            text.push_str(&format!("holders = {holders}\n"));
        }
    }
    text
}

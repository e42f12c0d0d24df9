//! `at`: who sat on an organ, or held a post, on a date, by faction and with certainty.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::date::{FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{FactionId, OrgId, OrganRef, PersonId, PostRef};
use crate::state::registry::{Entity, EntityKind};

use super::compose::{Composition, compose};
use super::{Facts, Named, QueryError, ambiguous, find, named, not_found, resolve};

/// The answer to `plenum at`; its JSON form is stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AtReport {
    /// The date asked about, as written.
    pub date: String,
    /// The organization, with its name on that date.
    pub organization: Named,
    /// The organ, when the question was about an organ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<Named>,
    /// The post, when the question was about a post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<Named>,
    /// Named seats (or holders of the post).
    pub members: Vec<Member>,
    /// Seats counted without names.
    pub unnamed: Vec<Unnamed>,
    /// Seats by faction name, named and unnamed together; `(unknown)` where no faction is recorded.
    pub by_faction: BTreeMap<String, u32>,
    /// All seats, named and unnamed.
    pub total: u32,
    /// Seats held definitely (the rest only possibly).
    pub definite: u32,
}

/// A named seat or tenure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    /// Person id.
    pub id: String,
    /// Person name.
    pub name: String,
    /// `full` or `alternate` (for organs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The faction on the date, if recorded.
    pub faction: Option<Named>,
    /// `definitely` or `possibly` held on the date.
    pub certainty: Truth,
    /// When the seat or tenure began.
    pub since: String,
    /// When it ended, if it did.
    pub until: Option<String>,
}

/// Seats counted without names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unnamed {
    /// `full` or `alternate`.
    pub role: Role,
    /// Their faction, if counted by faction.
    pub faction: Option<Named>,
    /// How many.
    pub count: u32,
    /// `definitely` or `possibly`.
    pub certainty: Truth,
}

/// The label for seats of no recorded faction.
pub const UNKNOWN_FACTION: &str = "(unknown)";

enum Target {
    Organ(OrganRef, Entity),
    Post(PostRef, Entity),
}

/// Answers `at DATE TARGET [--org ORG]`.
pub fn at<F: Facts>(
    facts: &F,
    date: &FuzzyDate,
    target: &str,
    org: Option<&str>,
) -> Result<AtReport, QueryError<F::Error>> {
    let (lo, hi) = (date.earliest(), date.latest());
    let target = pick_target(facts, date, target, org)?;
    let (org_id, mut report) = match &target {
        Target::Organ(organ, entity) => {
            let seats = facts.seats_on(organ, lo, hi)?;
            let counts = facts.counts_on(organ, lo, hi)?;
            let persons: Vec<PersonId> = seats.iter().map(|s| s.person.clone()).collect();
            let alignments = facts.alignments_of(&persons, lo, hi)?;
            let composition = compose(lo, hi, &seats, &counts, &alignments);
            (
                organ.org.clone(),
                report_organ(facts, date, entity, &composition)?,
            )
        }
        Target::Post(post, entity) => {
            let tenures = facts.holders_of(post, lo, hi)?;
            let persons: Vec<PersonId> = tenures.iter().map(|t| t.person.clone()).collect();
            let alignments = facts.alignments_of(&persons, lo, hi)?;
            let names = Names::read(
                facts,
                persons.iter().map(PersonId::as_str),
                alignments.iter().map(|a| a.faction.as_str()),
            )?;
            let mut members = Vec::new();
            for tenure in &tenures {
                let certainty = tenure.span.holds(lo, hi);
                if certainty == Truth::No {
                    continue;
                }
                let (faction, _) = super::compose::faction_of(&tenure.person, lo, hi, &alignments);
                members.push(member(
                    &names,
                    &tenure.person,
                    None,
                    faction.as_ref().map(|f| f.as_str()),
                    certainty,
                    &tenure.span.start,
                    tenure.span.end.as_ref(),
                ));
            }
            members.sort_by(|a, b| (&a.since, &a.id).cmp(&(&b.since, &b.id)));
            let mut by_faction = BTreeMap::new();
            for m in &members {
                *by_faction
                    .entry(
                        m.faction
                            .as_ref()
                            .map_or(UNKNOWN_FACTION.to_owned(), |f| f.name.clone()),
                    )
                    .or_insert(0) += 1;
            }
            let report = AtReport {
                date: date.to_string(),
                organization: Named {
                    id: String::new(),
                    name: String::new(),
                },
                organ: None,
                post: Some(Named::from(entity)),
                total: members.len() as u32,
                definite: members
                    .iter()
                    .filter(|m| m.certainty == Truth::Definitely)
                    .count() as u32,
                members,
                unnamed: Vec::new(),
                by_faction,
            };
            (post.org.clone(), report)
        }
    };
    report.organization = org_name_on(facts, &org_id, date)?;
    Ok(report)
}

fn report_organ<F: Facts>(
    facts: &F,
    date: &FuzzyDate,
    organ: &Entity,
    c: &Composition,
) -> Result<AtReport, QueryError<F::Error>> {
    let names = Names::read(
        facts,
        c.named.iter().map(|s| s.person.as_str()),
        c.named
            .iter()
            .filter_map(|s| s.faction.as_ref())
            .chain(c.unnamed.iter().filter_map(|u| u.faction.as_ref()))
            .map(FactionId::as_str),
    )?;
    let mut members = Vec::new();
    for seat in &c.named {
        members.push(member(
            &names,
            &seat.person,
            Some(seat.role),
            seat.faction.as_ref().map(|f| f.as_str()),
            seat.certainty,
            &seat.since,
            seat.until.as_ref(),
        ));
    }
    let mut unnamed = Vec::new();
    for seats in &c.unnamed {
        let faction = seats
            .faction
            .as_ref()
            .map(|f| Names::get(&names.factions, f.as_str()));
        unnamed.push(Unnamed {
            role: seats.role,
            faction,
            count: seats.count,
            certainty: seats.certainty,
        });
    }
    let mut by_faction = BTreeMap::new();
    for (faction, n) in c.by_faction(None) {
        let label = match faction {
            Some(f) => Names::get(&names.factions, f.as_str()).name,
            None => UNKNOWN_FACTION.to_owned(),
        };
        *by_faction.entry(label).or_insert(0) += n;
    }
    let definite = members
        .iter()
        .filter(|m| m.certainty == Truth::Definitely)
        .count() as u32
        + unnamed
            .iter()
            .filter(|u| u.certainty == Truth::Definitely)
            .map(|u| u.count)
            .sum::<u32>();
    Ok(AtReport {
        date: date.to_string(),
        organization: Named {
            id: String::new(),
            name: String::new(),
        },
        organ: Some(Named::from(organ)),
        post: None,
        members,
        unnamed,
        by_faction,
        total: c.total(None),
        definite,
    })
}

/// The names of the persons and factions a report shows, read with one call per kind
/// (a 1,000-seat organ would otherwise take a thousand reads).
struct Names {
    persons: HashMap<String, Named>,
    factions: HashMap<String, Named>,
}

impl Names {
    fn read<'a, F: Facts>(
        facts: &F,
        persons: impl Iterator<Item = &'a str>,
        factions: impl Iterator<Item = &'a str>,
    ) -> Result<Names, F::Error> {
        let read = |kind, ids: Vec<&str>| -> Result<HashMap<String, Named>, F::Error> {
            let mut ids = ids;
            ids.sort_unstable();
            ids.dedup();
            Ok(facts
                .entities_by_id(kind, &ids)?
                .iter()
                .map(|e| (e.id.clone(), Named::from(e)))
                .collect())
        };
        Ok(Names {
            persons: read(EntityKind::Person, persons.collect())?,
            factions: read(EntityKind::Faction, factions.collect())?,
        })
    }

    /// The name of an entity, or its id if unknown (as [`named`] gives it).
    fn get(names: &HashMap<String, Named>, id: &str) -> Named {
        names.get(id).cloned().unwrap_or_else(|| Named {
            id: id.to_owned(),
            name: id.to_owned(),
        })
    }
}

fn member(
    names: &Names,
    person: &PersonId,
    role: Option<Role>,
    faction: Option<&str>,
    certainty: Truth,
    since: &FuzzyDate,
    until: Option<&FuzzyDate>,
) -> Member {
    let who = Names::get(&names.persons, person.as_str());
    let faction = faction.map(|f| Names::get(&names.factions, f));
    Member {
        id: who.id,
        name: who.name,
        role,
        faction,
        certainty,
        since: since.to_string(),
        until: until.map(ToString::to_string),
    }
}

/// The organization's name on a date, from its name history.
pub fn org_name_on<F: Facts>(facts: &F, org: &OrgId, date: &FuzzyDate) -> Result<Named, F::Error> {
    let lineage = facts.lineage_rows()?;
    let name = lineage
        .names
        .iter()
        .filter(|n| &n.org == org)
        .map(|n| (n.span.holds(date.earliest(), date.latest()), n))
        .filter(|(t, _)| *t != Truth::No)
        .max_by(|(ta, a), (tb, b)| ta.cmp(tb).then_with(|| a.span.start.cmp(&b.span.start)))
        .map(|(_, n)| n.name.clone());
    match name {
        Some(name) => Ok(Named {
            id: org.to_string(),
            name,
        }),
        None => named(facts, EntityKind::Org, org.as_str()),
    }
}

fn pick_target<F: Facts>(
    facts: &F,
    date: &FuzzyDate,
    text: &str,
    org: Option<&str>,
) -> Result<Target, QueryError<F::Error>> {
    let mut found = find(facts, &[EntityKind::Organ, EntityKind::Post], text)?;
    if let Some(org) = org {
        let org = resolve(facts, EntityKind::Org, org)?;
        found.retain(|e| e.id.split_once('/').is_some_and(|(o, _)| o == org.id));
    }
    if found.len() > 1 {
        // Prefer organs and posts of organizations that existed on the date.
        let lineage = facts.lineage_rows()?;
        let existed = |e: &Entity| {
            let org = e.id.split_once('/').map_or("", |(o, _)| o);
            lineage
                .orgs
                .iter()
                .find(|o| o.org.as_str() == org)
                .and_then(|o| o.span.as_ref())
                .is_none_or(|s| s.holds(date.earliest(), date.latest()) != Truth::No)
        };
        let alive: Vec<Entity> = found.iter().filter(|e| existed(e)).cloned().collect();
        if !alive.is_empty() {
            found = alive;
        }
    }
    match found.len() {
        0 => Err(not_found(
            facts,
            &[EntityKind::Organ, EntityKind::Post],
            text,
        )?),
        1 => {
            let entity = found.remove(0);
            let target = match entity.kind {
                EntityKind::Organ => entity.id.parse().map(|r| Target::Organ(r, entity.clone())),
                _ => entity.id.parse().map(|r| Target::Post(r, entity.clone())),
            };
            target.map_err(|_| QueryError::NotFound {
                kind: "organ or post",
                text: text.to_owned(),
                suggestions: Vec::new(),
            })
        }
        _ => Err(ambiguous(text, &found)),
    }
}

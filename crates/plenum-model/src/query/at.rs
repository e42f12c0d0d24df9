//! `at`: who sat on an organ, held a post, or stood with a faction on a date, by faction
//! and with certainty.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::date::{FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{FactionId, OrgId, OrganRef, PersonId, PostRef};
use crate::rows::compose::{Composition, compose, faction_of};
use crate::rows::{Entity, EntityKind, MemberStatus, Span};

use super::{Facts, Named, QueryError, ambiguous, find, named, not_found, resolve};

/// The answer to `plenum at`; its JSON form is stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AtReport {
    /// The date asked about, as written.
    pub date: String,
    /// The organization, with its name on that date (empty for a faction of none).
    pub organization: Named,
    /// The organ, when the question was about an organ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<Named>,
    /// The post, when the question was about a post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<Named>,
    /// The faction, when the question was about a faction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub faction: Option<Named>,
    /// Named seats (holders of the post, members of the faction).
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

/// A named seat, tenure or alignment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// For a faction: whether as its leader.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub leader: bool,
    /// For an organization: the membership status (`full`, `candidate`, `suspended`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<MemberStatus>,
    /// For an organization: the unit (branch, local) the record last placed the member
    /// in on or before the date (`member_admitted`'s `unit`, `member_transferred`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Named>,
    /// `definitely` or `possibly` held on the date.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub certainty: Truth,
    /// When the seat or tenure began.
    pub since: String,
    /// When it ended, if it did.
    pub until: Option<String>,
    /// Held at some time within this period (`tenure_observed`): the record knows no
    /// tenure, and `since` and `until` are the period's bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed: Option<String>,
    /// Held in name only: a figurehead (`nominal` on the event that gave the seat or post).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nominal: bool,
}

/// Seats counted without names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unnamed {
    /// `full` or `alternate`.
    pub role: Role,
    /// Their faction, if counted by faction.
    pub faction: Option<Named>,
    /// How many.
    pub count: u32,
    /// `definitely` or `possibly`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub certainty: Truth,
}

/// The label for seats of no recorded faction.
pub const UNKNOWN_FACTION: &str = "(unknown)";

/// The kinds of things `at` answers about.
const TARGETS: [EntityKind; 4] = [
    EntityKind::Organ,
    EntityKind::Post,
    EntityKind::Faction,
    EntityKind::Org,
];

enum Target {
    Organ(OrganRef, Entity),
    Post(PostRef, Entity),
    Faction(FactionId, Entity),
    Org(OrgId),
}

/// Answers `at DATE TARGET [--org ORG]`: TARGET is an organ, a post, a faction,
/// or an organization (its members).
pub fn at<F: Facts + ?Sized>(
    facts: &F,
    date: &FuzzyDate,
    target: &str,
    org: Option<&str>,
) -> Result<AtReport, QueryError<F::Error>> {
    let (lo, hi) = (date.earliest(), date.latest());
    let mut report = AtReport {
        date: date.to_string(),
        organization: Named {
            id: String::new(),
            name: String::new(),
        },
        organ: None,
        post: None,
        faction: None,
        members: Vec::new(),
        unnamed: Vec::new(),
        by_faction: BTreeMap::new(),
        total: 0,
        definite: 0,
    };
    // Tenures seen within a period that may hold the date: listed after the others.
    let mut observed = Vec::new();
    let org_id: Option<OrgId> = match pick_target(facts, date, target, org)? {
        Target::Organ(organ, entity) => {
            let mut rows = facts.organ_on(&organ, lo, hi)?;
            let book = crate::statute::StatuteBook::from_events(&facts.statute_events()?);
            crate::rules::terms::clip_seats(&book, &mut rows.seats);
            super::by_office::add_ex_officio(facts, &book, &organ, lo, hi, &mut rows)?;
            super::composed::add_composed(facts, &book, &organ, lo, hi, &mut rows)?;
            let names = Names::from_rows(&rows.names);
            let composition = compose(lo, hi, &rows.seats, &rows.counts, &rows.alignments);
            fill_organ(&mut report, &names, &composition);
            observed = super::observed::observed_on(
                facts,
                &organ.org,
                &crate::rows::Held::Seat(organ.clone(), Role::Full),
                date,
            )?;
            report.organ = Some(Named::from(&entity));
            Some(organ.org)
        }
        Target::Post(post, entity) => {
            let mut tenures = facts.holders_of(&post, lo, hi)?;
            let book = crate::statute::StatuteBook::from_events(&facts.statute_events()?);
            crate::rules::terms::clip_posts(&book, &mut tenures);
            let persons: Vec<PersonId> = tenures.iter().map(|t| t.person.clone()).collect();
            let alignments = facts.alignments_of(&persons, lo, hi)?;
            let names = Names::read(
                facts,
                persons.iter().map(PersonId::as_str),
                alignments.iter().map(|a| a.faction.as_str()),
            )?;
            for tenure in &tenures {
                let (faction, _) = faction_of(&tenure.person, lo, hi, &alignments);
                let seat = Seat {
                    person: &tenure.person,
                    role: None,
                    faction: faction.as_ref(),
                    leader: false,
                    nominal: tenure.nominal,
                    span: &tenure.span,
                };
                report.members.extend(member(&names, seat, lo, hi));
            }
            observed = super::observed::observed_on(
                facts,
                &post.org,
                &crate::rows::Held::Post(post.clone()),
                date,
            )?;
            report.post = Some(Named::from(&entity));
            Some(post.org)
        }
        Target::Org(org) => {
            let rows = facts.members_on(&org, lo, hi)?;
            let persons: Vec<PersonId> = rows.iter().map(|m| m.person.clone()).collect();
            let alignments = facts.alignments_of(&persons, lo, hi)?;
            let names = Names::read(
                facts,
                persons.iter().map(PersonId::as_str),
                alignments.iter().map(|a| a.faction.as_str()),
            )?;
            let units = super::units::units_on(facts, &org, &persons, hi)?;
            for row in &rows {
                let (faction, _) = faction_of(&row.person, lo, hi, &alignments);
                let seat = Seat {
                    person: &row.person,
                    role: None,
                    faction: faction.as_ref(),
                    leader: false,
                    nominal: false,
                    span: &row.span,
                };
                report
                    .members
                    .extend(member(&names, seat, lo, hi).map(|m| Member {
                        status: Some(row.status),
                        unit: units.get(&row.person).cloned(),
                        ..m
                    }));
            }
            // A member whose status changed within the window has two rows: list them once.
            report
                .members
                .sort_by(|a, b| (&a.id, &a.since, &a.until).cmp(&(&b.id, &b.since, &b.until)));
            report.members.dedup_by(|later, earlier| {
                let same = later.id == earlier.id;
                if same {
                    earlier.certainty = earlier.certainty.or(later.certainty);
                    earlier.until.clone_from(&later.until);
                    earlier.status = later.status;
                }
                same
            });
            Some(org)
        }
        Target::Faction(faction, entity) => {
            let rows = facts.faction_on(&faction, lo, hi)?;
            let names = Names::read(
                facts,
                rows.iter().map(|a| a.person.as_str()),
                std::iter::once(faction.as_str()),
            )?;
            for row in &rows {
                let seat = Seat {
                    person: &row.person,
                    role: None,
                    faction: Some(&faction),
                    leader: row.leader,
                    nominal: false,
                    span: &row.span,
                };
                report.members.extend(member(&names, seat, lo, hi));
            }
            report.faction = Some(Named::from(&entity));
            entity.org.as_deref().and_then(|o| o.parse().ok())
        }
    };
    if report.organ.is_none() {
        report.members.sort_by(|a, b| {
            (!a.leader, &a.since, &a.id, &a.until, a.certainty).cmp(&(
                !b.leader,
                &b.since,
                &b.id,
                &b.until,
                b.certainty,
            ))
        });
        // Leaders are counted once, as members, unless they are leaders only.
        let counted: Vec<&Member> = report
            .members
            .iter()
            .filter(|m| !m.leader || !report.members.iter().any(|o| !o.leader && o.id == m.id))
            .collect();
        report.total = counted.len() as u32;
        report.definite = counted
            .iter()
            .filter(|m| m.certainty == Truth::Definitely)
            .count() as u32;
        for m in counted {
            let label = m
                .faction
                .as_ref()
                .map_or(UNKNOWN_FACTION.to_owned(), |f| f.name.clone());
            *report.by_faction.entry(label).or_insert(0) += 1;
        }
    }
    // An observation is listed but not counted (it may be a seat or tenure counted
    // already); a person listed from a seat or tenure is not listed again.
    observed.retain(|o| !report.members.iter().any(|m| m.id == o.id));
    observed.sort_by(|a, b| (&a.since, &a.id).cmp(&(&b.since, &b.id)));
    report.members.extend(observed);
    if let Some(org) = org_id {
        report.organization = org_name_on(facts, &org, date)?;
    }
    Ok(report)
}

fn fill_organ(report: &mut AtReport, names: &Names, c: &Composition) {
    for seat in &c.named {
        report.members.push(Member {
            faction: seat.faction.as_ref().map(|f| names.faction(f.as_str())),
            role: Some(seat.role),
            leader: false,
            certainty: seat.certainty,
            since: seat.since.to_string(),
            until: seat.until.as_ref().map(ToString::to_string),
            nominal: seat.nominal,
            ..names.person_member(seat.person.as_str())
        });
    }
    for seats in &c.unnamed {
        report.unnamed.push(Unnamed {
            role: seats.role,
            faction: seats.faction.as_ref().map(|f| names.faction(f.as_str())),
            count: seats.count,
            certainty: seats.certainty,
        });
    }
    for (faction, n) in c.by_faction(None) {
        let label = faction.map_or(UNKNOWN_FACTION.to_owned(), |f| {
            names.faction(f.as_str()).name
        });
        *report.by_faction.entry(label).or_insert(0) += n;
    }
    report.total = c.total(None);
    report.definite = report
        .members
        .iter()
        .filter(|m| m.certainty == Truth::Definitely)
        .count() as u32;
    report.definite = report
        .unnamed
        .iter()
        .filter(|u| u.certainty == Truth::Definitely)
        .fold(report.definite, |sum, u| sum.saturating_add(u.count));
}

/// A holder, as `member` reads it.
struct Seat<'a> {
    person: &'a PersonId,
    role: Option<Role>,
    faction: Option<&'a FactionId>,
    leader: bool,
    nominal: bool,
    span: &'a Span,
}

/// The member line of a seat, if it may have been held on the window.
fn member(
    names: &Names,
    seat: Seat<'_>,
    lo: crate::date::Day,
    hi: crate::date::Day,
) -> Option<Member> {
    let certainty = seat.span.holds(lo, hi);
    (certainty != Truth::No).then(|| Member {
        role: seat.role,
        faction: seat.faction.map(|f| names.faction(f.as_str())),
        leader: seat.leader,
        certainty,
        since: seat.span.start.to_string(),
        until: seat.span.end.as_ref().map(ToString::to_string),
        nominal: seat.nominal,
        ..names.person_member(seat.person.as_str())
    })
}

/// The names of the persons and factions a report shows, read in one call per kind
/// (a 1,000-seat organ would otherwise take a thousand reads).
struct Names {
    persons: HashMap<String, String>,
    factions: HashMap<String, String>,
}

impl Names {
    fn from_rows(rows: &[(EntityKind, String, String)]) -> Names {
        let mut names = Names {
            persons: HashMap::new(),
            factions: HashMap::new(),
        };
        for (kind, id, name) in rows {
            let map = if *kind == EntityKind::Person {
                &mut names.persons
            } else {
                &mut names.factions
            };
            map.insert(id.clone(), name.clone());
        }
        names
    }

    fn read<'a, F: Facts + ?Sized>(
        facts: &F,
        persons: impl Iterator<Item = &'a str>,
        factions: impl Iterator<Item = &'a str>,
    ) -> Result<Names, F::Error> {
        let mut rows = Vec::new();
        for (kind, ids) in [
            (EntityKind::Person, persons.collect::<Vec<_>>()),
            (EntityKind::Faction, factions.collect()),
        ] {
            let mut ids = ids;
            ids.sort_unstable();
            ids.dedup();
            rows.extend(
                facts
                    .entities_by_id(kind, &ids)?
                    .into_iter()
                    .map(|e| (kind, e.id, e.name)),
            );
        }
        Ok(Names::from_rows(&rows))
    }

    /// A faction's id and name (its id if unknown, as [`named`] gives it).
    fn faction(&self, id: &str) -> Named {
        Named {
            id: id.to_owned(),
            name: self
                .factions
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_owned()),
        }
    }

    /// A member line with the person's id and name filled in.
    fn person_member(&self, id: &str) -> Member {
        Member {
            id: id.to_owned(),
            name: self
                .persons
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_owned()),
            role: None,
            faction: None,
            leader: false,
            status: None,
            unit: None,
            certainty: Truth::No,
            since: String::new(),
            until: None,
            observed: None,
            nominal: false,
        }
    }
}

/// The organization's name on a date, from its name history.
pub fn org_name_on<F: Facts + ?Sized>(
    facts: &F,
    org: &OrgId,
    date: &FuzzyDate,
) -> Result<Named, F::Error> {
    let lineage = facts.lineage_rows()?;
    let name = lineage
        .names
        .iter()
        .filter(|n| &n.org == org)
        .map(|n| (n.span.holds(date.earliest(), date.latest()), n))
        .filter(|(t, _)| *t != Truth::No)
        .max_by(|(ta, a), (tb, b)| (ta, &a.span.start, &a.key).cmp(&(tb, &b.span.start, &b.key)))
        .map(|(_, n)| n.name.clone());
    match name {
        Some(Some(name)) => Ok(Named {
            id: org.to_string(),
            name,
        }),
        _ => named(facts, EntityKind::Org, org.as_str()),
    }
}

/// The organization an organ, post or faction belongs to.
fn org_of(entity: &Entity) -> Option<&str> {
    match entity.kind {
        EntityKind::Faction => entity.org.as_deref(),
        EntityKind::Org => Some(entity.id.as_str()),
        _ => entity.id.split_once('/').map(|(o, _)| o),
    }
}

fn pick_target<F: Facts + ?Sized>(
    facts: &F,
    date: &FuzzyDate,
    text: &str,
    org: Option<&str>,
) -> Result<Target, QueryError<F::Error>> {
    let mut found = find(facts, &TARGETS, text)?;
    if let Some(org) = org {
        let org = resolve(facts, EntityKind::Org, org)?;
        found.retain(|e| org_of(e) == Some(org.id.as_str()));
    }
    if found.len() > 1 {
        // Prefer organs and posts of organizations that existed on the date.
        let lineage = facts.lineage_rows()?;
        let existed = |e: &Entity| {
            let org = org_of(e).unwrap_or("");
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
        0 => Err(not_found(facts, &TARGETS, text)?),
        1 => {
            let entity = found.remove(0);
            let id = entity.id.clone();
            let target = match entity.kind {
                EntityKind::Organ => id.parse().ok().map(|r| Target::Organ(r, entity)),
                EntityKind::Post => id.parse().ok().map(|r| Target::Post(r, entity)),
                EntityKind::Org => id.parse().ok().map(Target::Org),
                _ => id.parse().ok().map(|f| Target::Faction(f, entity)),
            };
            target.ok_or_else(|| QueryError::NotFound {
                kind: "organ, post or faction",
                text: text.to_owned(),
                suggestions: Vec::new(),
            })
        }
        _ => Err(ambiguous(text, &found)),
    }
}

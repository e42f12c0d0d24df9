//! Queries over projection rows: `at`, `person`, `lineage`, `check`, and name resolution.
//!
//! Queries read rows through the [`Facts`] trait, which the in-memory
//! [`Tables`](crate::ledger::Tables) and every store implement; the answers
//! are plain values (serializable as the stable `--json` formats), the same
//! whichever backend served the rows.

pub mod at;
mod bars_held;
mod between;
mod by_office;
pub mod check;
mod composed;
mod confirmations;
pub mod direction;
pub mod groups;
mod holders;
pub mod lineage;
pub mod observed;
pub mod outside;
mod penalties;
pub mod person;
mod regions;
pub mod reports;
pub mod search;
mod succession;
mod units;
mod vacancies;

use std::fmt;

use crate::date::Day;
use crate::event::Event;
use crate::id::{EntityKind, EventId, FactionId, OrgId, OrganRef, PersonId, PostRef};
use crate::phrase::Phrase;
use crate::rows::{
    AlignmentRow, CountRow, DecisionRow, Entity, FigureRow, FindingRow, HeldRow, LinkRow,
    MembershipRow, NameRow, OrgRow, PostRow, SeatRow, normalize,
};

/// Read access to projection rows. Windows are closed day ranges; a method
/// returns at least every row that may overlap the window (more is allowed).
pub trait Facts {
    /// The backend's error.
    type Error: std::error::Error + Send + Sync + 'static;

    /// Every entity of a kind.
    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Self::Error>;
    /// The entities of a kind that a text names: id, name or alias (or, for
    /// organs and posts, the key after `org/`), compared in [`normalize`]d form.
    fn entities_named(&self, kind: EntityKind, text: &str) -> Result<Vec<Entity>, Self::Error> {
        let wanted = normalize(text);
        Ok(self
            .entities(kind)?
            .into_iter()
            .filter(|e| entity_matches(e, &wanted))
            .collect())
    }
    /// One entity by exact id.
    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Self::Error>;
    /// The entities of a kind with these exact ids: those that exist, in any order.
    /// Stores answer in one read; the default asks [`Facts::entity`] for each id.
    fn entities_by_id(&self, kind: EntityKind, ids: &[&str]) -> Result<Vec<Entity>, Self::Error> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            out.extend(self.entity(kind, id)?);
        }
        Ok(out)
    }
    /// Seats of an organ that may overlap the window.
    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Self::Error>;
    /// Counted seats of an organ that may overlap the window.
    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Self::Error>;
    /// Tenures of a post that may overlap the window.
    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Self::Error>;
    /// Alignments (and leaderships) of these persons that may overlap the window.
    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Self::Error>;
    /// Everything `at` needs about an organ on a window: its seats and counted
    /// seats that may overlap it, the holders' alignments that may overlap it,
    /// and the names of the holders and of every faction involved. Stores
    /// answer in as few reads as they can; the default asks for each part.
    fn organ_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<OrganRows, Self::Error> {
        let seats = self.seats_on(organ, lo, hi)?;
        let counts = self.counts_on(organ, lo, hi)?;
        let persons: Vec<PersonId> = seats.iter().map(|s| s.person.clone()).collect();
        let alignments = self.alignments_of(&persons, lo, hi)?;
        let mut names = Vec::new();
        for (kind, ids) in [
            (
                EntityKind::Person,
                persons.iter().map(PersonId::as_str).collect::<Vec<_>>(),
            ),
            (
                EntityKind::Faction,
                alignments
                    .iter()
                    .map(|a| a.faction.as_str())
                    .chain(
                        counts
                            .iter()
                            .filter_map(|c| c.faction.as_ref().map(FactionId::as_str)),
                    )
                    .collect(),
            ),
        ] {
            let mut ids = ids;
            ids.sort_unstable();
            ids.dedup();
            names.extend(
                self.entities_by_id(kind, &ids)?
                    .into_iter()
                    .map(|e| (kind, e.id, e.name)),
            );
        }
        Ok(OrganRows {
            seats,
            counts,
            alignments,
            names,
        })
    }
    /// Memberships of an organization that may overlap the window.
    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Self::Error>;
    /// Alignments with (and leaderships of) a faction that may overlap the window.
    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Self::Error>;
    /// Everything about one person.
    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Self::Error>;
    /// The organizations, their names, links and figures.
    fn lineage_rows(&self) -> Result<LineageRows, Self::Error>;
    /// The findings about events dated (possibly) on or before `day`.
    fn findings(&self, day: Day) -> Result<Vec<FindingRow>, Self::Error>;
    /// Every meeting held, of every organ.
    fn held(&self) -> Result<Vec<HeldRow>, Self::Error>;
    /// Every effective `statute_adopted` and `organization_founded` event (what the
    /// statute book reads: statutes, and the parents and categories of organizations),
    /// in ledger order.
    fn statute_events(&self) -> Result<Vec<Event>, Self::Error>;
    /// An organization's row.
    fn org_row(&self, org: &OrgId) -> Result<Option<OrgRow>, Self::Error>;
    /// A decision (a `motion_decided`), by its event.
    fn decision(&self, event: &EventId) -> Result<Option<DecisionRow>, Self::Error>;
}

/// The rows `at` reads about an organ; see [`Facts::organ_on`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrganRows {
    /// Seats that may overlap the window.
    pub seats: Vec<SeatRow>,
    /// Counted seats that may overlap the window.
    pub counts: Vec<CountRow>,
    /// The holders' alignments that may overlap the window.
    pub alignments: Vec<AlignmentRow>,
    /// `(kind, id, name)` of the holders and factions.
    pub names: Vec<(EntityKind, String, String)>,
}

impl OrganRows {
    /// Adds the names of the factions its alignments and counted seats name, looked up
    /// once with `by_id` (ids sorted, without repeats): the last step of every store's
    /// [`Facts::organ_on`].
    pub fn name_factions<E>(
        &mut self,
        by_id: impl FnOnce(&[&str]) -> Result<Vec<Entity>, E>,
    ) -> Result<(), E> {
        let mut factions: Vec<&str> = self
            .alignments
            .iter()
            .map(|a| a.faction.as_str())
            .chain(
                self.counts
                    .iter()
                    .filter_map(|c| c.faction.as_ref().map(|f| f.as_str())),
            )
            .collect();
        factions.sort_unstable();
        factions.dedup();
        let named = by_id(&factions)?;
        self.names.extend(
            named
                .into_iter()
                .map(|faction| (EntityKind::Faction, faction.id, faction.name)),
        );
        Ok(())
    }
}

/// The rows about one person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonRows {
    /// Seats.
    pub seats: Vec<SeatRow>,
    /// Posts.
    pub posts: Vec<PostRow>,
    /// Memberships.
    pub memberships: Vec<MembershipRow>,
    /// Alignments and leaderships.
    pub alignments: Vec<AlignmentRow>,
    /// Every effective event about them (their subject, or naming them among the
    /// elected), in any order.
    pub events: Vec<Event>,
}

/// The rows of the lineage graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineageRows {
    /// Organizations.
    pub orgs: Vec<OrgRow>,
    /// Their names over time.
    pub names: Vec<NameRow>,
    /// Links between them.
    pub links: Vec<LinkRow>,
    /// Membership figures.
    pub figures: Vec<FigureRow>,
}

/// Why a query could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum QueryError<E: std::error::Error + 'static> {
    /// Nothing is called that.
    #[error("no {kind} is called `{text}`{}", suggestion(.suggestions))]
    NotFound {
        /// What was looked for.
        kind: &'static str,
        /// The text given.
        text: String,
        /// Close names, if any.
        suggestions: Vec<String>,
    },
    /// Several things are called that.
    #[error("`{text}` is ambiguous; it could be: {}", .candidates.join(", "))]
    Ambiguous {
        /// The text given.
        text: String,
        /// `id (name)` of each candidate.
        candidates: Vec<String>,
    },
    /// The backend failed.
    #[error(transparent)]
    Backend(#[from] E),
}

fn suggestion(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(" or "))
    }
}

impl<E: std::error::Error + 'static> QueryError<E> {
    /// Wraps a backend error.
    pub fn backend(e: E) -> Self {
        QueryError::Backend(e)
    }
}

/// An entity's id and name, as queries report them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Named {
    /// The id.
    pub id: String,
    /// The name.
    pub name: String,
}

impl fmt::Display for Named {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl From<&Entity> for Named {
    fn from(e: &Entity) -> Named {
        Named {
            id: e.id.clone(),
            name: e.name.clone(),
        }
    }
}

/// The entities of the given kinds that `text` names (id, name, alias, or
/// for organs and posts the key after `org/`), ignoring case and punctuation.
/// Entities whose id (or key) it is come first: if there are any, only they.
///
/// When nothing is named exactly so, falls back to the entities one of whose
/// names contains every word of `text` (`head of the provisional committee`
/// finds `Head of the North Korean Provisional People's Committee`).
pub fn find<F: Facts + ?Sized>(
    facts: &F,
    kinds: &[EntityKind],
    text: &str,
) -> Result<Vec<Entity>, F::Error> {
    let mut found = Vec::new();
    for &kind in kinds {
        found.extend(facts.entities_named(kind, text)?);
    }
    // An id names its entity before any name or alias does: one person's alias
    // must not make another person's id ambiguous, or unaddressable.
    let wanted = normalize(text);
    if found.iter().any(|e| is_named_by_id(e, &wanted)) {
        found.retain(|e| is_named_by_id(e, &wanted));
    }
    if found.is_empty() {
        let wanted = words(text);
        if !wanted.is_empty() {
            for &kind in kinds {
                for entity in facts.entities(kind)? {
                    let names = std::iter::once(&entity.name).chain(&entity.aliases);
                    if names
                        .map(|n| words(n))
                        .any(|have| wanted.iter().all(|w| have.contains(w)))
                    {
                        found.push(entity);
                    }
                }
            }
        }
    }
    Ok(found)
}

/// Whether `wanted` (normalized) is the entity's id, or for organs and posts the
/// key after `org/`.
fn is_named_by_id(entity: &Entity, wanted: &str) -> bool {
    normalize(&entity.id) == wanted
        || (matches!(entity.kind, EntityKind::Organ | EntityKind::Post)
            && entity
                .id
                .split_once('/')
                .is_some_and(|(_, key)| normalize(key) == wanted))
}

/// The significant words of a name, normalized.
fn words(text: &str) -> Vec<String> {
    const MINOR: [&str; 8] = ["of", "the", "a", "an", "and", "for", "in", "to"];
    text.split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(normalize)
        .filter(|w| !w.is_empty() && !MINOR.contains(&w.as_str()))
        .collect()
}

/// The normalized forms under which an entity can be named.
pub fn name_forms(entity: &Entity) -> Vec<String> {
    entity.name_forms()
}

fn entity_matches(entity: &Entity, wanted: &str) -> bool {
    name_forms(entity).iter().any(|f| f == wanted)
}

/// A phrase with its references replaced by the entities' names (their ids where
/// the record has no such entity).
pub fn render<F: Facts + ?Sized>(facts: &F, phrases: &[&Phrase]) -> Result<Vec<String>, F::Error> {
    let mut wanted: std::collections::BTreeMap<EntityKind, Vec<&str>> = Default::default();
    for phrase in phrases {
        for (kind, id) in phrase.references() {
            wanted.entry(kind).or_default().push(id);
        }
    }
    let mut names: std::collections::HashMap<(EntityKind, String), String> = Default::default();
    for (kind, mut ids) in wanted {
        ids.sort_unstable();
        ids.dedup();
        for entity in facts.entities_by_id(kind, &ids)? {
            names.insert((kind, entity.id), entity.name);
        }
    }
    Ok(phrases
        .iter()
        .map(|p| {
            p.render(|kind, id| {
                names
                    .get(&(kind, id.to_owned()))
                    .cloned()
                    .unwrap_or_else(|| id.to_owned())
            })
        })
        .collect())
}

/// The one entity of a kind that `text` names, or a helpful error.
pub fn resolve<F: Facts + ?Sized>(
    facts: &F,
    kind: EntityKind,
    text: &str,
) -> Result<Entity, QueryError<F::Error>> {
    let mut found = find(facts, &[kind], text)?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(not_found(facts, &[kind], text)?),
        _ => Err(ambiguous(text, &found)),
    }
}

pub(crate) fn ambiguous<E: std::error::Error + 'static>(
    text: &str,
    found: &[Entity],
) -> QueryError<E> {
    QueryError::Ambiguous {
        text: text.to_owned(),
        candidates: found
            .iter()
            .map(|e| format!("{} ({})", e.id, e.name))
            .collect(),
    }
}

pub(crate) fn not_found<F: Facts + ?Sized>(
    facts: &F,
    kinds: &[EntityKind],
    text: &str,
) -> Result<QueryError<F::Error>, F::Error> {
    let wanted = normalize(text);
    let mut scored = Vec::new();
    for &kind in kinds {
        for entity in facts.entities(kind)? {
            let best = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .chain(std::iter::once(&entity.id))
                .map(|n| crate::event::codec::edit_distance(&wanted, &normalize(n)))
                .min()
                .unwrap_or(usize::MAX);
            if best <= 3.max(wanted.len() / 4) {
                scored.push((best, entity.name.clone()));
            }
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    let kind = match kinds {
        [one] => one.as_str(),
        _ => "organ, post, faction or organization",
    };
    Ok(QueryError::NotFound {
        kind,
        text: text.to_owned(),
        suggestions: scored
            .into_iter()
            .take(3)
            .map(|(_, n)| format!("`{n}`"))
            .collect(),
    })
}

/// The name of an entity, or its id if unknown.
pub(crate) fn named<F: Facts + ?Sized>(
    facts: &F,
    kind: EntityKind,
    id: &str,
) -> Result<Named, F::Error> {
    Ok(facts.entity(kind, id)?.map_or_else(
        || Named {
            id: id.to_owned(),
            name: id.to_owned(),
        },
        |e| Named::from(&e),
    ))
}

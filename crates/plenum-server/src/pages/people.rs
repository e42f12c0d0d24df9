//! The pages of a person (career, record, with links to each event's entries and their
//! sources) and of an organization's lineage.

use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::views::{PageParams, context, respond};
use super::{Cell, Figure, Page, Table, href, keep, span, word};
use crate::api::queries::{LineageAsk, PersonAsk, SearchAsk};
use crate::api::{Ask, kept_answer};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use plenum_model::id::PersonId;
use plenum_model::query::Facts;

// ---- a person ------------------------------------------------------------------------

/// `GET /person/{id}`: a career: seats, posts, memberships, factions and record.
pub async fn person(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Response {
    respond(person_page(&state, &caller, &params, &id).await)
}

async fn person_page(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
    id: &str,
) -> Result<Page, ApiError> {
    let mut cx = context(
        state,
        caller,
        params,
        id.to_owned(),
        &href("person", id, None),
    )
    .await?;
    let as_of = cx.as_of;
    let r = kept_answer(state, as_of, PersonAsk(id.to_owned())).await?;
    cx.chrome.title = r.name.clone();
    let mut lead = Vec::new();
    if !r.aliases.is_empty() {
        lead.push(format!("Also recorded as: {}.", r.aliases.join("; ")));
    }
    if let Some(died) = &r.died {
        lead.push(format!("Died {died}."));
    }
    let mut seats = Table::new("Seats", &["organ", "role", "held", "ended"]);
    for s in &r.seats {
        seats.rows.push(vec![
            Cell::link(&s.organ.name, href("organ", &s.organ.id, as_of)),
            Cell::text(if s.nominal {
                format!("{} (nominal)", word(&s.role))
            } else {
                word(&s.role)
            }),
            Cell::text(span(&s.from, s.to.as_deref())),
            Cell::text(s.ended.as_ref().map(word).unwrap_or_default()),
        ]);
    }
    let mut posts = Table::new("Posts", &["post", "held", "ended"]);
    for p in &r.posts {
        let name = if p.acting {
            format!("{} (acting)", p.post.name)
        } else {
            p.post.name.clone()
        };
        let name = if p.nominal {
            format!("{name} (nominal)")
        } else {
            name
        };
        posts.rows.push(vec![
            Cell::link(name, href("post", &p.post.id, as_of)),
            Cell::text(span(&p.from, p.to.as_deref())),
            Cell::text(p.ended.as_ref().map(word).unwrap_or_default()),
        ]);
    }
    let mut memberships = Table::new("Memberships", &["organization", "status", "held", "ended"]);
    for m in &r.memberships {
        memberships.rows.push(vec![
            Cell::link(
                &m.organization.name,
                href("lineage", &m.organization.id, as_of),
            ),
            Cell::text(word(&m.status)),
            Cell::text(span(&m.from, m.to.as_deref())),
            Cell::text(m.ended.as_ref().map(word).unwrap_or_default()),
        ]);
    }
    let mut factions = Table::new("Factions", &["faction", "as", "held"]);
    for f in &r.factions {
        factions.rows.push(vec![
            Cell::text(&f.faction.name),
            Cell::text(if f.leader { "leader" } else { "member" }),
            Cell::text(span(&f.from, f.to.as_deref())),
        ]);
    }
    let sources = kept_answer(state, as_of, SourcesAsk(r.id.clone())).await?;
    let mut quoted = Table::new(
        "Sources: every event about them, with its quote",
        &["event", "date", "kind", "document", "quote"],
    );
    for e in &sources {
        let link = || keep(&format!("/log?event={}", super::encode(&e.id)), as_of);
        if e.sources.is_empty() {
            quoted.rows.push(vec![
                Cell::link(&e.id, link()),
                Cell::text(&e.date),
                Cell::text(&e.kind),
                Cell::text("(no source recorded)"),
                Cell::text(""),
            ]);
        }
        for source in &e.sources {
            let document = match &source.locator {
                Some(at) => format!("{}, {at}", source.document),
                None => source.document.clone(),
            };
            quoted.rows.push(vec![
                Cell::link(&e.id, link()),
                Cell::text(&e.date),
                Cell::text(&e.kind),
                Cell::text(document),
                Cell::text(source.quote.as_deref().unwrap_or("")),
            ]);
        }
    }
    let mut record = Table::new("Record, in date order", &["date", "what", "event"]);
    for line in &r.record {
        record.rows.push(vec![
            Cell::text(&line.date),
            Cell::text(&line.text),
            Cell::link(
                &line.event,
                keep(&format!("/log?event={}", super::encode(&line.event)), as_of),
            ),
        ]);
    }
    Ok(Page {
        chrome: cx.chrome,
        heading: r.name.clone(),
        lead,
        tables: vec![seats, posts, memberships, factions, record, quoted],
        ..Page::default()
    })
}

/// An event about a person, with its sources.
#[derive(Clone, Debug)]
pub struct Sourced {
    /// The event's id.
    pub id: String,
    /// Its date.
    pub date: String,
    /// Its kind.
    pub kind: String,
    /// Its sources, as recorded.
    pub sources: Vec<plenum_model::event::Source>,
}

/// Every effective event about a person (by id), in date order, with its sources.
#[derive(Debug)]
pub struct SourcesAsk(pub String);

impl Ask for SourcesAsk {
    type Answer = Vec<Sourced>;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Vec<Sourced>, ApiError> {
        let id = PersonId::new(&self.0).map_err(|e| ApiError::BadRequest(e.to_string()))?;
        let rows = facts.person_rows(&id).map_err(ApiError::backend)?;
        let mut events = rows.events;
        events.sort_by(|a, b| {
            (a.date.earliest(), a.id.as_str()).cmp(&(b.date.earliest(), b.id.as_str()))
        });
        Ok(events
            .into_iter()
            .map(|e| Sourced {
                id: e.id.to_string(),
                date: e.date.to_string(),
                kind: e.kind.name().to_owned(),
                sources: e.sources,
            })
            .collect())
    }
}

// ---- lineage -------------------------------------------------------------------------

/// `GET /lineage/{org}`: the mergers, splits and replacements behind an organization, what
/// it was formally part of and who directed it in fact, the outside acts on it.
pub async fn lineage(
    State(state): State<AppState>,
    caller: Caller,
    Path(org): Path<String>,
    Query(params): Query<PageParams>,
) -> Response {
    respond(lineage_page(&state, &caller, &params, &org).await)
}

async fn lineage_page(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
    org: &str,
) -> Result<Page, ApiError> {
    let mut cx = context(
        state,
        caller,
        params,
        org.to_owned(),
        &href("lineage", org, None),
    )
    .await?;
    let as_of = cx.as_of;
    let r = kept_answer(state, as_of, LineageAsk(org.to_owned())).await?;
    cx.chrome.title = format!("Lineage of {}", r.organization.name);
    let tables = super::lineage_tables::lineage_tables(&r, as_of);
    let links = r.predecessors.len() + r.successors.len() + r.affiliations.len();
    let names: Vec<&str> = r.organizations.iter().map(|o| o.name.as_str()).collect();
    let figure = Figure {
        src: keep(&format!("{}/graph.svg", href("lineage", org, None)), as_of),
        alt: format!(
            "A graph of the lineage of the {}: {} organizations ({}) joined by {} foundings, renamings, mergers, splits, replacements and affiliations, {} directions in fact and {} acts of outside actors, as the tables below list them.",
            r.organization.name,
            names.len(),
            names.join("; "),
            links,
            r.directions.len(),
            r.interventions.len()
        ),
        caption: "Foundings, renamings, mergers, splits and replacements, earliest at the top; formal links, directions in fact and outside acts labelled.".into(),
    };
    Ok(Page {
        chrome: cx.chrome,
        heading: format!("Lineage of {}", r.organization.name),
        figure: Some(figure),
        tables,
        ..Page::default()
    })
}

// ---- search ---------------------------------------------------------------------------

/// `?q=` and `?as_of=`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct SearchParams {
    /// The text.
    pub q: Option<String>,
    /// The entry to read the record as of.
    pub as_of: Option<String>,
}

/// `GET /search?q=`: persons, organs, posts, factions and organizations close to a text.
pub async fn search(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<SearchParams>,
) -> Response {
    respond(search_page(&state, &caller, params).await)
}

async fn search_page(
    state: &AppState,
    caller: &Caller,
    params: SearchParams,
) -> Result<Page, ApiError> {
    let q = params.q.unwrap_or_default();
    let page_params = PageParams {
        date: None,
        as_of: params.as_of,
    };
    let cx = context(
        state,
        caller,
        &page_params,
        format!("Search: {q}"),
        "/search",
    )
    .await?;
    let as_of = cx.as_of;
    let hits = if q.trim().is_empty() {
        Vec::new()
    } else {
        kept_answer(state, as_of, SearchAsk(q.clone())).await?
    };
    let mut table = Table::new(
        format!("{} found", hits.len()),
        &["name", "kind", "matched"],
    );
    for hit in &hits {
        let link = match hit.kind {
            "person" => href("person", &hit.entity.id, as_of),
            "organ" => href("organ", &hit.entity.id, as_of),
            "post" => href("post", &hit.entity.id, as_of),
            "org" | "organization" => href("lineage", &hit.entity.id, as_of),
            _ => keep(
                &format!("/log?event={}", super::encode(&hit.entity.id)),
                as_of,
            ),
        };
        table.rows.push(vec![
            Cell::link(&hit.entity.name, link),
            Cell::text(hit.kind),
            Cell::text(&hit.matched),
        ]);
    }
    Ok(Page {
        chrome: cx.chrome,
        heading: if q.is_empty() {
            "Search".into()
        } else {
            format!("Search: {q}")
        },
        lead: vec!["Names, aliases and ids of persons, organs, posts, factions and organizations, spelled as you like: close spellings are found too.".into()],
        tables: vec![table],
        ..Page::default()
    })
}

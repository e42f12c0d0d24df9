//! The organization's page: the statute in force with a diagram of its organs and who
//! elects whom, the leadership on the date, and the count of findings; only the sections
//! the caller may read.

use axum::extract::{Query, State};
use axum::response::Response;
use plenum_model::date::FuzzyDate;
use plenum_model::id::EntityKind;
use plenum_model::query::Facts;
use plenum_model::query::at::at;
use plenum_model::query::check::{FindingLine, check};
use plenum_model::rules::Severity;
use plenum_model::statute::{Cited, Elector, StatuteBook};

use super::views::{PageParams, context, respond};
use super::{Cell, Figure, Link, Page, Table, href, keep};
use crate::api::{Ask, kept_answer};
use crate::auth::Caller;
use crate::auth::visibility::Section;
use crate::error::ApiError;
use crate::state::AppState;

#[derive(Debug)]
struct HomeAsk {
    date: FuzzyDate,
}

/// A post of the statute and who holds it: (id, name) of each.
#[derive(Clone)]
struct PostHeld {
    id: String,
    name: String,
    holders: Vec<(String, String)>,
}

/// What the home page shows.
#[derive(Clone)]
struct Home {
    org: String,
    org_name: String,
    version: String,
    organs: Vec<(String, String, String)>,
    posts: Vec<PostHeld>,
    findings: Vec<FindingLine>,
}

impl Ask for HomeAsk {
    type Answer = Option<Home>;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Option<Home>, ApiError> {
        let book = StatuteBook::from_events(&facts.statute_events().map_err(ApiError::backend)?);
        let day = self.date.latest();
        let Some(version) = book
            .versions()
            .filter(|v| v.effective.earliest() <= day)
            .max_by_key(|v| v.effective.earliest())
        else {
            return Ok(None);
        };
        let org = version.org.to_string();
        let org_name = facts
            .entity(EntityKind::Org, &org)
            .map_err(ApiError::backend)?
            .map_or_else(|| org.clone(), |e| e.name);
        let elector = |cited: &Option<Cited<Elector>>| match cited {
            Some(Cited {
                rule: Elector::Organ(k),
                ..
            }) => version
                .organ(k)
                .map_or_else(|| k.to_string(), |o| o.name.clone()),
            Some(Cited {
                rule: Elector::Members,
                ..
            }) => "the members".to_owned(),
            Some(Cited {
                rule: Elector::Appointment,
                ..
            }) => "appointment".to_owned(),
            Some(Cited {
                rule: Elector::Parent(k),
                ..
            }) => format!("the {k} one level up"),
            Some(Cited {
                rule: Elector::Post(k),
                ..
            }) => version
                .post(k)
                .map_or_else(|| k.to_string(), |p| p.name.clone()),
            Some(Cited {
                rule: Elector::Founder,
                ..
            }) => "the organization that approved its founding".to_owned(),
            None => "–".to_owned(),
        };
        let organs = version
            .organs
            .iter()
            .map(|o| {
                (
                    format!("{org}/{}", o.key),
                    o.name.clone(),
                    elector(&o.elected_by),
                )
            })
            .collect();
        let mut posts = Vec::new();
        for p in &version.posts {
            let id = format!("{org}/{}", p.key);
            let holders = match at(facts, &self.date, &id, None) {
                Ok(report) => report
                    .members
                    .iter()
                    .map(|m| (m.id.clone(), m.name.clone()))
                    .collect(),
                Err(_) => Vec::new(),
            };
            posts.push(PostHeld {
                id,
                name: p.name.clone(),
                holders,
            });
        }
        let findings = check(facts, day).map_err(ApiError::backend)?;
        Ok(Some(Home {
            org,
            org_name,
            version: format!("{} (in force from {})", version.id, version.effective),
            organs,
            posts,
            findings,
        }))
    }
}

/// `GET /`: the statute in force, its organs and posts, who holds the posts, the findings.
pub async fn home(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<PageParams>,
) -> Response {
    respond(home_page(&state, &caller, &params).await)
}

async fn home_page(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
) -> Result<Page, ApiError> {
    let cx = context(state, caller, params, "The organization".into(), "/").await?;
    let as_of = cx.as_of;
    let home = kept_answer(
        state,
        as_of,
        HomeAsk {
            date: cx.date.clone(),
        },
    )
    .await?;
    let Some(home) = home else {
        return Ok(Page {
            chrome: cx.chrome,
            heading: "The organization".into(),
            lead: vec!["The ledger holds no statute in force on this date.".into()],
            ..Page::default()
        });
    };
    let mut organs = Table::new("Organs, and who elects them", &["organ", "elected by"]);
    for (id, name, by) in &home.organs {
        organs.rows.push(vec![
            Cell::link(name, href("organ", id, as_of)),
            Cell::text(by),
        ]);
    }
    let mut posts = Table::new(format!("Leadership on {}", cx.date), &["post", "held by"]);
    for PostHeld { id, name, holders } in &home.posts {
        let held = if holders.is_empty() {
            Cell::text("(vacant or not recorded)")
        } else {
            let (pid, pname) = &holders[0];
            let rest = if holders.len() > 1 {
                format!(" and {} more", holders.len() - 1)
            } else {
                String::new()
            };
            Cell::link(format!("{pname}{rest}"), href("person", pid, as_of))
        };
        posts
            .rows
            .push(vec![Cell::link(name, href("post", id, as_of)), held]);
    }
    // Only the sections this caller may read (the organization may show some to
    // members only).
    let levels = state.visibility.levels(state).await?;
    let shows = |section: Section| levels.admits(section, caller.role);
    let count = |s: Severity| home.findings.iter().filter(|f| f.severity == s).count();
    let mut lead = vec![format!(
        "Statute {} of the {}.",
        home.version, home.org_name
    )];
    if shows(Section::Findings) {
        lead.push(format!(
            "As of {}: {} violations, {} warnings, {} notices found.",
            cx.date,
            count(Severity::Violation),
            count(Severity::Warning),
            count(Severity::Notice)
        ));
    }
    let figure = Figure {
        src: keep(
            &format!("/statute.svg?date={}", super::encode(&cx.date.to_string())),
            as_of,
        ),
        alt: format!(
            "A diagram of the organs of the statute in force on {} and who elects whom, as the table below lists them.",
            cx.date
        ),
        caption: "The organs and posts, and who elects them.".into(),
    };
    let mut more = Vec::new();
    if shows(Section::Findings) {
        more.push(Link {
            text: "Every finding, with its article".into(),
            href: keep("/findings", as_of),
        });
    }
    if shows(Section::Lineage) {
        more.push(Link {
            text: "The lineage of the organization".into(),
            href: href("lineage", &home.org, as_of),
        });
    }
    if shows(Section::Log) {
        more.push(Link {
            text: "The log: every entry".into(),
            href: keep("/log", as_of),
        });
    }
    if !shows(Section::Organs) {
        lead.push("Its organs and who holds its posts are shown to members only.".into());
    }
    Ok(Page {
        chrome: cx.chrome,
        heading: home.org_name.clone(),
        figure: shows(Section::Organs).then_some(figure),
        lead,
        tables: if shows(Section::Organs) {
            vec![organs, posts]
        } else {
            Vec::new()
        },
        more,
        ..Page::default()
    })
}

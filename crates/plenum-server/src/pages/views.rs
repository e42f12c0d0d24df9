//! The page handlers: each asks the model (through the same `Ask`s as the API, over a
//! snapshot or the record as it stood at `as_of`) and lays the answer out as a `Page`.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use plenum_model::date::{Day, FuzzyDate};
use plenum_model::id::{EntityKind, OrganRef, PostRef};
use plenum_model::query::Facts;
use plenum_model::query::at::{AtReport, at};
use plenum_model::query::check::{FindingLine, check};
use serde::Deserialize;

use super::{Cell, Chrome, Figure, Page, Slider, Table, error_page, href, keep, span, word};
use crate::api::{Ask, date_param, kept_answer, seq_param};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// `?date=` and `?as_of=`.
#[derive(Debug, Default, Deserialize)]
pub struct PageParams {
    /// The date (EDTF) [default: today].
    pub date: Option<String>,
    /// The entry to read the record as of.
    pub as_of: Option<String>,
}

/// A page's parameters, parsed, and its chrome.
pub(super) struct Context {
    pub(super) date: FuzzyDate,
    pub(super) as_of: Option<u64>,
    pub(super) chrome: Chrome,
}

pub(super) async fn context(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
    title: String,
    path: &str,
) -> Result<Context, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let date = match date_param("date", params.date.as_deref())? {
        Some(date) => date,
        None => state.today()?,
    };
    let head = crate::api::head_now(state).await?;
    let chrome = Chrome {
        title,
        as_of,
        head: head.seq.0,
        signed_in: caller.account.as_ref().map(|a| a.name.clone()),
        csrf: caller.session_csrf(),
        home: keep("/", as_of),
        findings: keep("/findings", as_of),
        log: keep("/log", as_of),
        current: path.to_owned(),
    };
    Ok(Context {
        date,
        as_of,
        chrome,
    })
}

/// Renders `page`, or the page of its error.
pub(super) fn respond(page: Result<Page, ApiError>) -> Response {
    match page {
        Ok(page) => page.into_response(),
        Err(error) => error_page(&error),
    }
}

// ---- organs and posts on a date ------------------------------------------------------

#[derive(Debug)]
struct OrganAsk {
    date: FuzzyDate,
    target: String,
}

/// A tenure of a post: the holder's id and name, from, to, acting.
#[derive(Clone)]
struct Tenure {
    person: String,
    name: String,
    from: String,
    to: Option<String>,
    acting: bool,
}

/// Every tenure of a post, by start.
fn tenures<F: Facts + ?Sized>(facts: &F, post: &PostRef) -> Result<Vec<Tenure>, ApiError> {
    let mut rows = facts
        .holders_of(post, Day::MIN, Day::MAX)
        .map_err(ApiError::backend)?;
    rows.sort_by_key(|r| (r.span.start.earliest(), r.person.to_string()));
    let ids: Vec<String> = rows.iter().map(|r| r.person.to_string()).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let names: BTreeMap<String, String> = facts
        .entities_by_id(EntityKind::Person, &refs)
        .map_err(ApiError::backend)?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    Ok(rows
        .iter()
        .map(|r| {
            let person = r.person.to_string();
            Tenure {
                name: names
                    .get(&person)
                    .cloned()
                    .unwrap_or_else(|| person.clone()),
                person,
                from: r.span.start.to_string(),
                to: r.span.end.as_ref().map(ToString::to_string),
                acting: r.acting,
            }
        })
        .collect())
}

impl Ask for OrganAsk {
    type Answer = AtReport;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Self::Answer, ApiError> {
        at(facts, &self.date, &self.target, None).map_err(ApiError::query)
    }
}

/// What an organ or post page shows whatever its date: the years its seats span (the
/// slider's range) and a post's holders over time. Asked once per head, not per date.
#[derive(Debug)]
struct HistoryAsk {
    target: String,
    post: bool,
}

impl Ask for HistoryAsk {
    type Answer = (Option<(i16, i16)>, Vec<Tenure>);
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Self::Answer, ApiError> {
        let history = match (self.post, self.target.parse::<PostRef>()) {
            (true, Ok(post)) => tenures(facts, &post)?,
            _ => Vec::new(),
        };
        let years = match self.target.parse::<OrganRef>() {
            Ok(organ) => {
                let seats = facts
                    .seats_on(&organ, Day::MIN, Day::MAX)
                    .map_err(ApiError::backend)?;
                let counts = facts
                    .counts_on(&organ, Day::MIN, Day::MAX)
                    .map_err(ApiError::backend)?;
                let spans = seats
                    .iter()
                    .map(|s| &s.span)
                    .chain(counts.iter().map(|c| &c.span));
                spans.fold(None, |range: Option<(i16, i16)>, s| {
                    let lo = s.start.earliest().year();
                    let hi = s.end.as_ref().map_or(i16::MAX, |e| e.latest().year());
                    Some(range.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
                })
            }
            Err(_) => None,
        };
        Ok((years, history))
    }
}

/// Up to this many named members, the organ page gives each a row of their own.
pub const ROWS_PER_PERSON: usize = 100;

/// `GET /organ/{org}/{key}?date=`: who sat on the organ, by faction, with a date slider.
pub async fn organ(
    State(state): State<AppState>,
    caller: Caller,
    Path((org, key)): Path<(String, String)>,
    Query(params): Query<PageParams>,
) -> Response {
    respond(at_page(&state, &caller, &params, "organ", &org, &key).await)
}

/// `GET /post/{org}/{key}?date=`: who held the post.
pub async fn post(
    State(state): State<AppState>,
    caller: Caller,
    Path((org, key)): Path<(String, String)>,
    Query(params): Query<PageParams>,
) -> Response {
    respond(at_page(&state, &caller, &params, "post", &org, &key).await)
}

async fn at_page(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
    kind: &str,
    org: &str,
    key: &str,
) -> Result<Page, ApiError> {
    let id = format!("{org}/{key}");
    let path = href(kind, &id, None);
    let mut cx = context(state, caller, params, id.clone(), &path).await?;
    let as_of = cx.as_of;
    let question = OrganAsk {
        date: cx.date.clone(),
        target: id.clone(),
    };
    let report = kept_answer(state, as_of, question).await?;
    let history = HistoryAsk {
        target: id.clone(),
        post: kind == "post",
    };
    let (years, history) = kept_answer(state, as_of, history).await?;
    let name = report
        .organ
        .as_ref()
        .or(report.post.as_ref())
        .map_or(id.clone(), |n| n.name.clone());
    cx.chrome.title = format!("{name} on {}", cx.date);
    let noun = if kind == "post" { "holders" } else { "seats" };
    let mut lead = vec![format!(
        "{name} of the {} on {}: {} {noun}, {} of them certain.",
        report.organization.name, report.date, report.total, report.definite
    )];
    if !report.by_faction.is_empty() {
        let shares: Vec<String> = report
            .by_faction
            .iter()
            .map(|(f, n)| format!("{f}: {n}"))
            .collect();
        lead.push(format!("By faction: {}.", shares.join("; ")));
    }
    let year = cx.date.earliest().year();
    let today = state.today()?.latest().year();
    let (min, max) = years.map_or((year - 10, year + 10), |(lo, hi)| {
        (lo, hi.max(lo).min(today))
    });
    let slider = Slider {
        action: path.clone(),
        min: min.min(year),
        max: max.max(year),
        value: year,
        date: cx.date.to_string(),
        label: name.clone(),
    };
    let role_of = |m: &plenum_model::query::at::Member| {
        let role = m.role.map_or_else(
            || {
                if m.leader {
                    "leader".to_owned()
                } else {
                    "holder".to_owned()
                }
            },
            |r| word(&r),
        );
        // A figurehead holds it in name only: said beside the role, the name stays a link.
        if m.nominal {
            format!("{role} (nominal)")
        } else {
            role
        }
    };
    let named = if report.members.len() <= ROWS_PER_PERSON {
        let mut named = Table::new(
            format!("Named {noun}"),
            &["name", "role", "faction", "certainty", "held"],
        );
        for m in &report.members {
            named.rows.push(vec![
                Cell::link(&m.name, href("person", &m.id, as_of)),
                Cell::text(role_of(m)),
                Cell::text(m.faction.as_ref().map_or("–", |f| f.name.as_str())),
                Cell::text(word(&m.certainty)),
                Cell::text(span(&m.since, m.until.as_deref())),
            ]);
        }
        named
    } else {
        // A large organ: one row for those who share role, faction, certainty and span,
        // naming them all (a thousand seats stay a light page).
        let mut groups: BTreeMap<[String; 4], Vec<(String, String)>> = BTreeMap::new();
        for m in &report.members {
            let key = [
                m.faction
                    .as_ref()
                    .map_or("–".to_owned(), |f| f.name.clone()),
                role_of(m),
                word(&m.certainty),
                span(&m.since, m.until.as_deref()),
            ];
            groups
                .entry(key)
                .or_default()
                .push((m.name.clone(), href("person", &m.id, as_of)));
        }
        let mut named = Table::new(
            format!("Named {noun}, {} of them, grouped", report.members.len()),
            &["faction", "role", "certainty", "held", "how many", "who"],
        );
        for ([faction, role, certainty, held], who) in groups {
            named.rows.push(vec![
                Cell::text(faction),
                Cell::text(role),
                Cell::text(certainty),
                Cell::text(held),
                Cell::text(who.len().to_string()),
                Cell::links(who),
            ]);
        }
        named
    };
    let mut tables = vec![named];
    if !report.unnamed.is_empty() {
        let mut unnamed = Table::new(
            "Seats the record counts without names",
            &["count", "role", "faction", "certainty"],
        );
        for u in &report.unnamed {
            unnamed.rows.push(vec![
                Cell::text(u.count.to_string()),
                Cell::text(word(&u.role)),
                Cell::text(u.faction.as_ref().map_or("–", |f| f.name.as_str())),
                Cell::text(word(&u.certainty)),
            ]);
        }
        tables.push(unnamed);
    }
    if kind == "post" {
        let mut timeline = Table::new("Holders over time", &["holder", "held", "acting"]);
        for t in &history {
            timeline.rows.push(vec![
                Cell::link(&t.name, href("person", &t.person, as_of)),
                Cell::text(span(&t.from, t.to.as_deref())),
                Cell::text(if t.acting { "acting" } else { "" }),
            ]);
        }
        tables.push(timeline);
    }
    let figure = (kind == "organ").then(|| Figure {
        src: keep(&format!("{path}/factions.svg"), as_of),
        alt: format!(
            "A chart of the seats of the {name} by faction, year by year, over its whole history."
        ),
        caption: format!("The {name} by faction, year by year."),
    });
    Ok(Page {
        chrome: cx.chrome,
        heading: format!("{name} on {}", report.date),
        lead,
        slider: Some(slider),
        figure,
        tables,
        ..Page::default()
    })
}

// ---- findings ------------------------------------------------------------------------

/// `GET /findings?date=`: every finding as of a date, with its statute version and article.
pub async fn findings(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<PageParams>,
) -> Response {
    respond(findings_page(&state, &caller, &params).await)
}

#[derive(Debug)]
struct CheckAsk(FuzzyDate);

impl Ask for CheckAsk {
    type Answer = Vec<FindingLine>;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Vec<FindingLine>, ApiError> {
        check(facts, self.0.latest()).map_err(ApiError::backend)
    }
}

async fn findings_page(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
) -> Result<Page, ApiError> {
    let mut cx = context(state, caller, params, "Findings".into(), "/findings").await?;
    let found = kept_answer(state, cx.as_of, CheckAsk(cx.date.clone())).await?;
    cx.chrome.title = format!("Findings as of {}", cx.date);
    let mut by_severity: BTreeMap<&str, usize> = BTreeMap::new();
    let mut table = Table::new(
        "Findings",
        &[
            "date", "severity", "rule", "what", "statute", "article", "events",
        ],
    );
    for f in &found {
        *by_severity.entry(f.severity.as_str()).or_default() += 1;
        let (statute, article) = f
            .citation
            .as_ref()
            .map_or((String::new(), String::new()), |c| {
                let number = c
                    .article
                    .as_ref()
                    .map_or_else(String::new, |a| format!("Article {a}: "));
                (
                    format!("{} {}", c.org, c.version),
                    format!("{number}{}", c.text.as_deref().unwrap_or("")),
                )
            });
        table.rows.push(vec![
            Cell::text(f.date.to_string()),
            Cell::text(f.severity.as_str()),
            Cell::text(f.rule.to_string()),
            Cell::text(&f.message),
            Cell::text(statute),
            Cell::text(article),
            Cell::text(
                f.events
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ]);
    }
    let counts: Vec<String> = by_severity
        .iter()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    Ok(Page {
        chrome: cx.chrome.clone(),
        heading: format!("Findings as of {}", cx.date),
        lead: vec![if counts.is_empty() {
            "No findings.".to_owned()
        } else {
            format!("{}.", counts.join(", "))
        }],
        slider: Some(Slider {
            action: "/findings".into(),
            min: 1900,
            max: state.today()?.latest().year(),
            value: cx.date.earliest().year(),
            date: cx.date.to_string(),
            label: "findings".into(),
        }),
        tables: vec![table],
        ..Page::default()
    })
}

//! The election page, `/election/{event}`: an `election_held` event as recorded (organ
//! or post, date, the elected, present and ballots, its sources) and, where it came from
//! a live poll, the recount of its published urn stage by stage, as a table and as a
//! chart (`/election/{event}/stages.svg`). Lays out `api::election`'s answer; counts
//! nothing itself.

use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::history_figures::{StageBars, stage_chart};
use super::images::svg;
use super::views::{PageParams, context, respond};
use super::{Cell, Figure, Link, Page, Table, encode, href, keep};
use crate::api::election::{ElectionReport, election_of};
use crate::api::seq_param;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// The link of an election's page.
pub fn election_href(event: &str, as_of: Option<u64>) -> String {
    keep(&format!("/election/{}", encode(event)), as_of)
}

/// `GET /election/{event}?as_of=`.
pub async fn election(
    State(state): State<AppState>,
    caller: Caller,
    Path(event): Path<String>,
    Query(params): Query<PageParams>,
) -> Response {
    respond(election_page(&state, &caller, &params, &event).await)
}

fn what(r: &ElectionReport) -> String {
    match (&r.organ, &r.post) {
        (Some(organ), _) => organ.name.clone(),
        (None, Some(post)) => post.name.clone(),
        (None, None) => "an organ or post".into(),
    }
}

async fn election_page(
    state: &AppState,
    caller: &Caller,
    params: &PageParams,
    event: &str,
) -> Result<Page, ApiError> {
    let path = election_href(event, None);
    let mut cx = context(state, caller, params, event.to_owned(), &path).await?;
    let as_of = cx.as_of;
    let r = election_of(state, as_of, event).await?;
    let heading = format!("Election of the {}, {}", what(&r), r.date);
    cx.chrome.title.clone_from(&heading);
    let mut lead = Vec::new();
    let filled = match (&r.organ, &r.post) {
        (Some(o), _) => format!("The {} (an organ)", o.name),
        (None, Some(p)) => format!("The {} (a post)", p.name),
        (None, None) => "An organ or post".into(),
    };
    let by = match (&r.meeting, &r.by) {
        (Some(m), _) => format!(" at the meeting `{m}`"),
        (None, Some(b)) => format!(" by the {}", b.name),
        (None, None) => String::new(),
    };
    lead.push(format!(
        "{filled}, elected on {}{by} (entry {}).",
        r.date, r.entry
    ));
    let mut counts = Vec::new();
    if let Some(m) = &r.method {
        counts.push(format!("method {m}"));
    }
    if let Some(s) = r.seats {
        counts.push(format!("{s} seats"));
    }
    if let Some(p) = r.present {
        counts.push(format!("{p} present"));
    }
    if let Some(b) = r.ballots {
        counts.push(format!("{b} ballots"));
    }
    if !counts.is_empty() {
        lead.push(format!("Recorded: {}.", counts.join(", ")));
    }
    if let Some(digest) = &r.urn {
        lead.push(format!(
            "From a live poll whose published urn has the digest {digest}."
        ));
    }
    if let Some(note) = &r.note {
        lead.push(format!("Note: {note}"));
    }
    let mut elected = Table::new("Elected", &["order", "name", "seat"]);
    let role = if r.post.is_some() { "the post" } else { "full" };
    for (i, p) in r.elected.iter().enumerate() {
        elected.rows.push(vec![
            Cell::text((i + 1).to_string()),
            Cell::link(&p.name, href("person", &p.id, as_of)),
            Cell::text(role),
        ]);
    }
    for (i, p) in r.alternates.iter().enumerate() {
        elected.rows.push(vec![
            Cell::text((i + 1).to_string()),
            Cell::link(&p.name, href("person", &p.id, as_of)),
            Cell::text("alternate"),
        ]);
    }
    let mut tables = vec![elected];
    if !r.tally.is_empty() {
        let mut tally = Table::new("Votes as recorded", &["candidate", "votes"]);
        for t in &r.tally {
            tally.rows.push(vec![
                Cell::link(&t.person.name, href("person", &t.person.id, as_of)),
                Cell::text(t.votes.to_string()),
            ]);
        }
        tables.push(tally);
    }
    let mut sources = Table::new("Sources", &["document", "quote", "where"]);
    for s in &r.sources {
        sources.rows.push(vec![
            Cell::text(&s.document),
            Cell::text(
                s.quote
                    .as_deref()
                    .map(|q| format!("“{q}”"))
                    .unwrap_or_default(),
            ),
            Cell::text(s.locator.as_deref().unwrap_or("")),
        ]);
    }
    tables.push(sources);
    let mut figure = None;
    let mut more = Vec::new();
    match &r.recount {
        Some(c) => {
            lead.push(format!(
                "Recounted here from the published urn of poll `{}` by {} for {} seats: {}",
                c.poll,
                c.method,
                c.seats,
                if c.agrees {
                    "the recount elects the same persons, in the same order, as the record."
                } else {
                    "THE RECOUNT DIFFERS from the record."
                }
            ));
            let mut headers: Vec<String> = vec!["stage".into(), "action".into(), "quota".into()];
            headers.extend(c.candidates.iter().map(|c| c.name.clone()));
            headers.extend(["elected".into(), "excluded".into()]);
            let mut stages = Table {
                caption: "The count, stage by stage (votes at the end of each stage)".into(),
                headers,
                rows: Vec::new(),
            };
            let name_of = |id: &String| {
                c.candidates
                    .iter()
                    .find(|n| &n.id == id)
                    .map_or_else(|| id.clone(), |n| n.name.clone())
            };
            for s in &c.stages {
                let mut row = vec![
                    Cell::text(&s.stage),
                    Cell::text(if s.subject.is_empty() {
                        s.action.clone()
                    } else {
                        format!(
                            "{}: {}",
                            s.action,
                            s.subject.iter().map(name_of).collect::<Vec<_>>().join(", ")
                        )
                    }),
                    Cell::text(s.quota.as_deref().unwrap_or("–")),
                ];
                row.extend(s.votes.iter().map(Cell::text));
                row.push(Cell::text(
                    s.elected.iter().map(name_of).collect::<Vec<_>>().join(", "),
                ));
                row.push(Cell::text(
                    s.excluded
                        .iter()
                        .map(name_of)
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
                stages.rows.push(row);
            }
            tables.push(stages);
            let final_names: Vec<&str> = c.elected.iter().map(|n| n.name.as_str()).collect();
            figure = Some(Figure {
                src: keep(&format!("{path}/stages.svg"), as_of),
                alt: format!(
                    "A bar chart of each candidate's votes at the end of each of the {} stages of the count{}, as the table below lists them; elected: {}.",
                    c.stages.len(),
                    if c.stages.iter().any(|s| s.quota.is_some()) {
                        ", with the quota as a line"
                    } else {
                        ""
                    },
                    final_names.join(", ")
                ),
                caption: "Votes per candidate, stage by stage.".into(),
            });
            more.push(Link {
                text: "The published urn (ballots by tracker, and the BLT file)".into(),
                href: format!("/polls/{}/urn", encode(&c.poll)),
            });
        }
        None => lead.push(r.without_recount.clone()),
    }
    if let Some(target) = r.organ.as_ref().or(r.post.as_ref()) {
        let kind = if r.organ.is_some() { "organ" } else { "post" };
        more.push(Link {
            text: format!("The {} on {}", target.name, r.date),
            href: keep(
                &format!("{}?date={}", href(kind, &target.id, None), encode(&r.date)),
                as_of,
            ),
        });
    }
    more.push(Link {
        text: "The entry in the log, with its corrections".into(),
        href: keep(&format!("/log?event={}", encode(&r.event)), as_of),
    });
    Ok(Page {
        chrome: cx.chrome,
        heading,
        lead,
        figure,
        tables,
        more,
        ..Page::default()
    })
}

/// `GET /election/{event}/stages.svg?as_of=`: the recount's stages as a chart.
pub async fn stages_svg(
    State(state): State<AppState>,
    _caller: Caller,
    Path(event): Path<String>,
    Query(params): Query<PageParams>,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let r = election_of(&state, as_of, &event).await?;
    let Some(c) = &r.recount else {
        return Err(ApiError::NotFound(format!(
            "the election `{event}` has no stages to draw: {}",
            r.without_recount
        )));
    };
    let value = |text: &str| text.parse::<f64>().unwrap_or(0.0);
    let bars: Vec<StageBars> = c
        .stages
        .iter()
        .map(|s| StageBars {
            label: s.stage.clone(),
            votes: s.votes.iter().map(|v| value(v)).collect(),
            quota: s.quota.as_deref().map(value),
        })
        .collect();
    let names: Vec<String> = c.candidates.iter().map(|n| n.name.clone()).collect();
    let chart = stage_chart(
        &format!(
            "Election of the {}, {}: the count by {}",
            what(&r),
            r.date,
            c.method
        ),
        &names,
        &bars,
    )
    .map_err(|e| ApiError::Internal(format!("cannot draw the chart: {e}")))?;
    Ok(svg(chart, as_of))
}

//! The diff page, `/diff?from=SEQ&to=SEQ`: what changed between two ledger points (the
//! entries in between, the findings that appeared and disappeared, the seats and posts
//! that changed), laid out from `api::diff`'s answer, with the form that picks the points.

use axum::extract::{Query, State};
use axum::response::Response;
use plenum_model::query::at::Member;
use plenum_model::query::check::FindingLine;
use serde::Deserialize;

use super::election::election_href;
use super::views::respond;
use super::{Cell, Chrome, Page, RangeForm, Table, encode, href, keep, span, word};
use crate::api::date_param;
use crate::api::diff::{diff_of, points};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// Parameters of the diff page.
#[derive(Debug, Default, Deserialize)]
pub struct DiffParams {
    /// The earlier entry.
    pub from: Option<String>,
    /// The later entry [default: the head].
    pub to: Option<String>,
    /// The date findings are judged on (and seats compared on).
    pub date: Option<String>,
}

/// `GET /diff?from=&to=&date=`.
pub async fn diff(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<DiffParams>,
) -> Response {
    respond(diff_page(&state, &caller, params).await)
}

fn findings_table(caption: &str, findings: &[FindingLine]) -> Table {
    let mut table = Table::new(caption, &["date", "severity", "rule", "what", "events"]);
    for f in findings {
        table.rows.push(vec![
            Cell::text(f.date.to_string()),
            Cell::text(f.severity.as_str()),
            Cell::text(f.rule.to_string()),
            Cell::text(&f.message),
            Cell::text(
                f.events
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        ]);
    }
    table
}

fn member_row(change: &str, m: &Member, at: Option<u64>) -> Vec<Cell> {
    vec![
        Cell::text(change),
        Cell::link(&m.name, href("person", &m.id, at)),
        Cell::text(m.role.map_or_else(|| "holder".to_owned(), |r| word(&r))),
        Cell::text(m.faction.as_ref().map_or("–", |f| f.name.as_str())),
        Cell::text(word(&m.certainty)),
        Cell::text(span(&m.since, m.until.as_deref())),
    ]
}

async fn diff_page(
    state: &AppState,
    caller: &Caller,
    params: DiffParams,
) -> Result<Page, ApiError> {
    let (from, to, head) = points(state, params.from.as_deref(), params.to.as_deref()).await?;
    let date = date_param("date", params.date.as_deref())?;
    let r = diff_of(state, from, to, head, date).await?;
    let at_to = (to != head).then_some(to);
    let heading = format!("What changed from entry {from} to entry {to}");
    let mut lead = vec![format!(
        "{} entries were appended after entry {from} up to entry {to}{}; findings are judged as of {}.",
        r.entries.len(),
        if r.truncated {
            " (the first 10,000 are listed)"
        } else {
            ""
        },
        r.date
    )];
    lead.push(format!(
        "{} findings appeared and {} disappeared.",
        r.appeared.len(),
        r.disappeared.len()
    ));
    let mut entries = Table::new(
        "Entries appended in between",
        &["seq", "date", "kind", "what", "event"],
    );
    for e in &r.entries {
        let kind = e.event["kind"].as_str().unwrap_or_default();
        let id = e.event["id"].as_str().unwrap_or_default();
        let link = if kind == "election_held" {
            election_href(id, at_to)
        } else {
            keep(&format!("/log?event={}", encode(id)), at_to)
        };
        entries.rows.push(vec![
            Cell::text(e.seq.to_string()),
            Cell::text(e.event["date"].as_str().unwrap_or_default()),
            Cell::text(kind),
            Cell::text(&e.what),
            Cell::link(id, link),
        ]);
    }
    let mut tables = vec![
        entries,
        findings_table("Findings that appeared", &r.appeared),
        findings_table("Findings that disappeared", &r.disappeared),
    ];
    for h in &r.holdings {
        let mut table = Table::new(
            format!(
                "The {} on {}: {} held before, {} after",
                h.target.name, h.date, h.before, h.after
            ),
            &["change", "name", "role", "faction", "certainty", "held"],
        );
        for m in &h.added {
            table.rows.push(member_row("added", m, at_to));
        }
        for m in &h.removed {
            table.rows.push(member_row("removed", m, Some(from)));
        }
        for m in &h.changed {
            table.rows.push(member_row("changed", m, at_to));
        }
        if h.unnamed_before != h.unnamed_after {
            table.rows.push(vec![
                Cell::text("unnamed"),
                Cell::text(format!(
                    "{} seats counted without names, then {}",
                    h.unnamed_before, h.unnamed_after
                )),
                Cell::default(),
                Cell::default(),
                Cell::default(),
                Cell::default(),
            ]);
        }
        tables.push(table);
    }
    let current = format!("/diff?from={from}&to={to}");
    Ok(Page {
        chrome: Chrome {
            title: heading.clone(),
            as_of: None,
            head,
            signed_in: caller.account.as_ref().map(|a| a.name.clone()),
            csrf: caller.session_csrf(),
            home: "/".into(),
            findings: "/findings".into(),
            log: "/log".into(),
            current,
        },
        heading,
        lead,
        tables,
        range: Some(RangeForm {
            from: from.to_string(),
            to: to.to_string(),
            head,
        }),
        ..Page::default()
    })
}

//! The log page: entries in ledger order, paged and filtered by kind (or by event), each
//! with its sources and their quotes; the chain head and the last verification.

use axum::extract::{Query, State};
use axum::response::Response;
use plenum_model::event::EventKind;
use serde::Deserialize;
use serde_json::Value;

use super::election::election_href;
use super::{Cell, Chrome, Link, Page, RangeForm, Table, error_page, keep};
use crate::api::queries::{LOG_LIMIT_DEFAULT, LogFilter, log_entries_of};
use crate::api::seq_param;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::{AppState, blocking};

/// Parameters of the log page.
#[derive(Debug, Default, Deserialize)]
pub struct LogParams {
    /// The first entry shown.
    pub from: Option<String>,
    /// Only events of this kind.
    pub kind: Option<String>,
    /// Only this event (and entries naming it).
    pub event: Option<String>,
    /// The entry to read the record as of.
    pub as_of: Option<String>,
}

/// The sources of an event, as `document: "quote"` lines.
fn sources(event: &Value) -> String {
    event["sources"]
        .as_array()
        .map(|sources| {
            sources
                .iter()
                .map(|s| {
                    let document = s["document"].as_str().unwrap_or("");
                    match s["quote"].as_str() {
                        Some(quote) => format!("{document}: “{quote}”"),
                        None => document.to_owned(),
                    }
                })
                .collect::<Vec<_>>()
                .join(" · ")
        })
        .unwrap_or_default()
}

/// `GET /log?from=&kind=&event=&as_of=`.
pub async fn log(
    State(state): State<AppState>,
    caller: Caller,
    Query(params): Query<LogParams>,
) -> Response {
    match log_page(&state, &caller, &params).await {
        Ok(page) => axum::response::IntoResponse::into_response(page),
        Err(error) => error_page(&error),
    }
}

async fn log_page(state: &AppState, caller: &Caller, params: &LogParams) -> Result<Page, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let from = seq_param("from", params.from.as_deref())?.unwrap_or(1);
    let kind = params.kind.clone().filter(|k| !k.is_empty());
    if let Some(k) = &kind
        && !EventKind::NAMES.contains(&k.as_str())
    {
        return Err(ApiError::BadRequest(format!(
            "kind is `{k}`, which is no kind of event"
        )));
    }
    let store = state.store.clone();
    let head = blocking(move || store.head().map_err(ApiError::store)).await?;
    let filter = LogFilter {
        from,
        limit: LOG_LIMIT_DEFAULT,
        kind: kind.clone(),
        event: params.event.clone(),
    };
    let entries = log_entries_of(state, as_of, filter).await?;
    let mut table = Table::new(
        "Entries",
        &["seq", "recorded", "date", "kind", "what", "sources"],
    );
    for e in &entries {
        table.rows.push(vec![
            Cell::text(e.seq.to_string()),
            Cell::text(&e.recorded_at),
            Cell::text(e.event["date"].as_str().unwrap_or("")),
            Cell::link(
                e.event["kind"].as_str().unwrap_or(""),
                keep(
                    &format!("/log?kind={}", e.event["kind"].as_str().unwrap_or("")),
                    as_of,
                ),
            ),
            match e.event["kind"].as_str() {
                Some("election_held") => Cell::link(
                    &e.what,
                    election_href(e.event["id"].as_str().unwrap_or_default(), as_of),
                ),
                _ => Cell::text(&e.what),
            },
            Cell::text(sources(&e.event)),
        ]);
    }
    let mut lead = vec![format!(
        "Chain head: entry {}, hash {}.",
        head.seq.0,
        head.hash.to_hex()
    )];
    lead.push(match state.last_verification() {
        Some(report) => match serde_json::to_value(&report) {
            Ok(v) if v["ok"] == true => format!(
                "Last verification: intact through entry {} ({} projection rows).",
                v["head"], v["rows"]
            ),
            Ok(v) => format!(
                "Last verification: DAMAGED: {}",
                v["error"].as_str().unwrap_or("")
            ),
            Err(_) => String::new(),
        },
        None => "Not verified since the server started (GET /api/v1/verify runs it).".into(),
    });
    let mut more = Vec::new();
    if let Some(last) = entries.last()
        && entries.len() == LOG_LIMIT_DEFAULT
    {
        let mut next = format!("/log?from={}", last.seq + 1);
        if let Some(k) = &kind {
            next.push_str(&format!("&kind={k}"));
        }
        more.push(Link {
            text: "Later entries".into(),
            href: keep(&next, as_of),
        });
    }
    Ok(Page {
        chrome: Chrome {
            title: "The log".into(),
            as_of,
            head: head.seq.0,
            signed_in: caller.account.as_ref().map(|a| a.name.clone()),
            csrf: caller.session_csrf(),
            home: keep("/", as_of),
            findings: keep("/findings", as_of),
            log: keep("/log", as_of),
            current: "/log".into(),
        },
        heading: match &kind {
            Some(k) => format!("The log: {k}"),
            None => "The log".into(),
        },
        lead,
        tables: vec![table],
        more,
        range: Some(RangeForm {
            from: entries
                .first()
                .map_or_else(String::new, |e| e.seq.saturating_sub(1).max(1).to_string()),
            to: String::new(),
            head: head.seq.0,
        }),
        ..Page::default()
    })
}

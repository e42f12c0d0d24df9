//! The pages around a meeting: the list of meetings with the convening form, and a
//! closed poll's published urn, where a voter finds their tracker.

use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use plenum_vote::Question;
use serde::Deserialize;

use super::forms::chrome;
use super::meetings::html;
use super::{Chrome, error_page};
use crate::api::meetings::with_live;
use crate::auth::{Caller, Role};
use crate::error::ApiError;
use crate::live::{Convene, Delegate, PublishedUrn};
use crate::state::AppState;

/// The published urn page.
#[derive(Template, Debug)]
#[template(path = "urn.html")]
pub struct UrnPage {
    chrome: Chrome,
    urn: PublishedUrn,
    rows: Vec<(String, u64, String, String)>,
    roll: Vec<String>,
    named: bool,
    method: String,
    seats: u32,
    wanted: String,
    found: bool,
    found_ballot: String,
}

/// `?tracker=` of the urn page.
#[derive(Debug, Deserialize)]
pub struct FindTracker {
    #[serde(default)]
    tracker: String,
}

/// `GET /polls/{id}/urn`: the published urn, for anyone, with a tracker search.
pub async fn urn(
    State(state): State<AppState>,
    caller: Caller,
    Path(poll): Path<String>,
    Query(find): Query<FindTracker>,
) -> Response {
    let id = poll.clone();
    let loaded = with_live(&state, move |live| {
        let urn = live.urn(&id)?;
        let record = live
            .meetings
            .poll(&id)
            .map_err(ApiError::store)?
            .ok_or_else(|| ApiError::NotFound(format!("no poll is called `{id}`")))?;
        let question = crate::live::question_of(&record)?;
        let snapshot = live.store.snapshot().map_err(ApiError::store)?;
        let mut ids: Vec<String> = urn.roll.clone();
        if let Question::Election { candidates, .. } = &question {
            ids.extend(candidates.iter().cloned());
        }
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let names = crate::live::person_names(&*snapshot, &refs)?;
        Ok((urn, question, names, record.secret))
    })
    .await;
    let (urn, question, names, secret) = match loaded {
        Ok(l) => l,
        Err(e) => return error_page(&e),
    };
    let name = |p: &str| names.get(p).cloned().unwrap_or_else(|| p.to_owned());
    let (method, seats, candidates) = match &question {
        Question::Election {
            method,
            seats,
            candidates,
        } => (method.clone(), *seats, candidates.clone()),
        Question::Motion { .. } => ("plurality".to_owned(), 1, Vec::new()),
    };
    let says = |ballot: &str| -> String {
        if candidates.is_empty() {
            return ballot.to_owned();
        }
        ballot
            .split_whitespace()
            .filter_map(|n| n.parse::<usize>().ok())
            .filter_map(|n| candidates.get(n.wrapping_sub(1)))
            .map(|c| name(c))
            .collect::<Vec<_>>()
            .join(" > ")
    };
    let wanted = crate::live::secret::normalize_tracker(&find.tracker).unwrap_or_default();
    let rows: Vec<(String, u64, String, String)> = urn
        .ballots
        .iter()
        .map(|b| {
            (
                b.tracker.clone(),
                b.weight,
                says(&b.ballot),
                b.voter.as_deref().map(name).unwrap_or_default(),
            )
        })
        .collect();
    let found_row = rows.iter().find(|r| !wanted.is_empty() && r.0 == wanted);
    let chrome = match chrome(
        &state,
        &caller,
        "Published urn",
        &format!("/polls/{poll}/urn"),
    )
    .await
    {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let page = UrnPage {
        chrome,
        roll: urn.roll.iter().map(|p| name(p)).collect(),
        found: found_row.is_some(),
        found_ballot: found_row.map(|r| r.2.clone()).unwrap_or_default(),
        rows,
        named: !secret,
        method,
        seats,
        wanted,
        urn,
    };
    html(StatusCode::OK, page.render(), crate::headers::CSP)
}

/// The convening form.
#[derive(Debug, Deserialize)]
pub struct ConveneForm {
    csrf: String,
    id: String,
    organ: String,
    #[serde(default)]
    name: String,
    scheduled: String,
    /// One delegate a line: `person` or `person weight`; empty for the organ's members.
    #[serde(default)]
    delegates: String,
    #[serde(default)]
    max_proxies: String,
}

/// `POST /meetings`: the chair convenes a meeting, then goes to its page.
pub async fn convene(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<ConveneForm>,
) -> Response {
    if let Err(e) = caller
        .check_csrf_value(&form.csrf)
        .and_then(|()| caller.require(Role::may_chair, "convene meetings"))
    {
        return error_page(&e);
    }
    let mut delegates = Vec::new();
    for line in form
        .delegates
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let mut words = line.split_whitespace();
        let person = words.next().unwrap_or_default().to_owned();
        // A weight, or the organization the delegate represents (one vote per member).
        let (weight, represents) = match words.next() {
            None => (None, None),
            Some(w) if w.chars().all(|c| c.is_ascii_digit()) => match w.parse::<u64>() {
                Ok(w) => (Some(w), None),
                Err(_) => {
                    return error_page(&ApiError::BadRequest(format!(
                        "delegates: `{line}`: the weight `{w}` is too large"
                    )));
                }
            },
            Some(org) => (None, Some(org.to_owned())),
        };
        if words.next().is_some() {
            return error_page(&ApiError::BadRequest(format!(
                "delegates: `{line}`: expected a person id and, optionally, a weight or the \
                 organization they represent"
            )));
        }
        delegates.push(Delegate {
            person,
            weight,
            represents,
        });
    }
    let request = Convene {
        id: form.id.trim().to_owned(),
        organ: form.organ.trim().to_owned(),
        name: (!form.name.trim().is_empty()).then(|| form.name.trim().to_owned()),
        scheduled: form.scheduled.trim().to_owned(),
        delegates: (!delegates.is_empty()).then_some(delegates),
        max_proxies: form.max_proxies.trim().parse().ok(),
    };
    let id = request.id.clone();
    match with_live(&state, move |live| live.convene(&request)).await {
        Ok(_) => (
            StatusCode::SEE_OTHER,
            [(
                LOCATION,
                HeaderValue::from_str(&format!("/meetings/{}", super::encode(&id)))
                    .unwrap_or(HeaderValue::from_static("/meetings")),
            )],
        )
            .into_response(),
        Err(e) => error_page(&e),
    }
}

/// The list of meetings, and the convening form for a chair.
#[derive(Template, Debug)]
#[template(path = "meetings.html")]
pub struct MeetingsPage {
    chrome: Chrome,
    meetings: Vec<(String, String, String, bool)>,
    chair: bool,
    csrf: String,
}

/// `GET /meetings`.
pub async fn meetings(State(state): State<AppState>, caller: Caller) -> Response {
    if let Err(e) = caller.require(Role::may_vote, "see meetings") {
        return error_page(&e);
    }
    let list = with_live(&state, |live| {
        live.meetings.meetings().map_err(ApiError::store)
    })
    .await;
    let list = match list {
        Ok(l) => l,
        Err(e) => return error_page(&e),
    };
    let chrome = match chrome(&state, &caller, "Meetings", "/meetings").await {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let page = MeetingsPage {
        chrome,
        meetings: list
            .into_iter()
            .map(|m| (m.id, m.name, m.scheduled, m.open))
            .collect(),
        chair: caller.role.may_chair(),
        csrf: caller.session_csrf().unwrap_or_default(),
    };
    html(StatusCode::OK, page.render(), crate::headers::CSP)
}

/// `GET /static/live.js`.
pub async fn script() -> Response {
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            ),
            (
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("live.js"),
    )
        .into_response()
}

//! `/api/v1/meetings`: live meetings over HTTP (their polls are `polls.rs`). Thin
//! handlers: each checks the caller, reads its body (errors by JSON path), and runs one
//! operation of [`crate::live`] on a blocking thread; the live view is server-sent
//! events. Nothing here logs a voter or a ballot.

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, Role};
use crate::error::{ApiError, ErrorBody, FieldError};
use crate::live::secret::new_code;
use crate::live::{Convene, Live, NewPoll, meeting_error};
use crate::live::{Convened, MeetingView, PollView};
use crate::state::{AppState, blocking};
use plenum_model::query::reports::RecordReport;

/// Reads a JSON body; a bad one is 422 naming the JSON path of the problem.
pub fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut reader = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        ApiError::Unprocessable(vec![FieldError {
            path: Some(if path == "." {
                "$".into()
            } else {
                format!("$.{path}")
            }),
            line: Some(e.inner().line()),
            column: Some(e.inner().column()),
            message: e.inner().to_string(),
        }])
    })
}

/// Runs `f` over the live meetings, on a blocking thread.
pub async fn with_live<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce(&Live<'_>) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let meetings = state.live()?.meetings.clone();
    let store = state.store.clone();
    let now = state.now()?;
    blocking(move || {
        f(&Live {
            store: &*store,
            meetings: &*meetings,
            now: &now,
        })
    })
    .await
}

/// An answer that must not be kept by any cache (codes, trackers).
pub(super) fn private<T: Serialize>(status: StatusCode, value: &T) -> Response {
    (
        status,
        [(CACHE_CONTROL, HeaderValue::from_static("no-store"))],
        Json(value),
    )
        .into_response()
}

pub(super) fn chair(caller: &Caller, headers: &HeaderMap, what: &str) -> Result<(), ApiError> {
    caller.check_csrf(headers)?;
    caller.require(Role::may_chair, what)
}

/// The person the caller's account belongs to.
pub(crate) fn person_of(caller: &Caller) -> Result<String, ApiError> {
    caller
        .account
        .as_ref()
        .and_then(|a| a.person.clone())
        .ok_or_else(|| {
            ApiError::Forbidden(
                "this account is not linked to a person in the register (plenum user add --person)"
                    .into(),
            )
        })
}

/// A meeting in the list of meetings.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MeetingSummary {
    /// Its id.
    pub id: String,
    /// The organ meeting (`org/key`).
    pub organ: String,
    /// Its name.
    pub name: String,
    /// The day it sits.
    pub scheduled: String,
    /// Whether it is sitting.
    pub open: bool,
}

/// `GET /api/v1/meetings`.
#[utoipa::path(
    get,
    path = "/api/v1/meetings",
    tag = "meetings",
    responses(
        (status = 200, description = "The meetings", body = Vec<MeetingSummary>),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn list(State(state): State<AppState>, caller: Caller) -> Result<Response, ApiError> {
    caller.require(Role::may_vote, "see meetings")?;
    let meetings = state.live()?.meetings.clone();
    let list = blocking(move || meetings.meetings().map_err(ApiError::store)).await?;
    let list: Vec<MeetingSummary> = list
        .into_iter()
        .map(|m| MeetingSummary {
            id: m.id,
            organ: m.organ,
            name: m.name,
            scheduled: m.scheduled,
            open: m.open,
        })
        .collect();
    Ok(Json(list).into_response())
}

/// `POST /api/v1/meetings`: convenes a meeting.
#[utoipa::path(
    post,
    path = "/api/v1/meetings",
    tag = "meetings",
    request_body(content = Convene, content_type = "application/json"),
    responses(
        (status = 201, description = "Convened (`meeting_convened` recorded)", body = Convened),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn convene(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "convene meetings")?;
    let request: Convene = json_body(&body)?;
    let convened = with_live(&state, move |live| live.convene(&request)).await?;
    Ok((StatusCode::CREATED, Json(convened)).into_response())
}

/// `GET /api/v1/meetings/{id}`: attendance, quorum, polls.
#[utoipa::path(
    get,
    path = "/api/v1/meetings/{id}",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    responses(
        (status = 200, description = "Attendance, quorum and polls now", body = MeetingView),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    caller.require(Role::may_vote, "see meetings")?;
    let view = with_live(&state, move |live| live.view(&id)).await?;
    Ok(Json(view).into_response())
}

/// The body of `POST /api/v1/meetings/{id}/codes`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct CodesRequest {
    /// Whom to give codes (every delegate if not given).
    #[serde(default)]
    persons: Option<Vec<String>>,
}

/// `POST /api/v1/meetings/{id}/codes`: one-time check-in codes, shown once.
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/codes",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    request_body(content = Option<CodesRequest>, content_type = "application/json", description = "Whom to give codes; an empty body: every delegate"),
    responses(
        (status = 201, description = "One-time check-in codes by person, shown this once", body = BTreeMap<String, String>),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn codes(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "hand out check-in codes")?;
    let request: CodesRequest = if body.is_empty() {
        CodesRequest::default()
    } else {
        json_body::<Option<CodesRequest>>(&body)?.unwrap_or_default()
    };
    let codes = with_live(&state, move |live| {
        let persons = match request.persons {
            Some(p) => p,
            None => live
                .meetings
                .delegates(&id)
                .map_err(ApiError::store)?
                .into_iter()
                .map(|d| d.person)
                .collect(),
        };
        let codes: BTreeMap<String, String> =
            persons.into_iter().map(|p| (p, new_code())).collect();
        let hashes: Vec<(String, String)> = codes
            .iter()
            .map(|(p, c)| (p.clone(), crate::auth::secret::secret_hash(c)))
            .collect();
        live.meetings
            .set_codes(&id, &hashes)
            .map_err(meeting_error)?;
        Ok(codes)
    })
    .await?;
    Ok(private(StatusCode::CREATED, &codes))
}

/// The body of `POST /api/v1/meetings/{id}/attendance`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct Attendance {
    /// Who (the caller's person if not given).
    #[serde(default)]
    person: Option<String>,
    /// In (true) or out.
    present: bool,
    /// The delegate's one-time code (checking in oneself).
    #[serde(default)]
    code: Option<String>,
}

/// `POST /api/v1/meetings/{id}/attendance`: a delegate checks in with their code (or
/// out), or a teller (a chair) checks anyone in or out.
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/attendance",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    request_body(content = Attendance, content_type = "application/json"),
    responses(
        (status = 204, description = "Checked in (or out)"),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn attend(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.check_csrf(&headers)?;
    caller.require(Role::may_vote, "attend meetings")?;
    let request: Attendance = json_body(&body)?;
    let own = caller.account.as_ref().and_then(|a| a.person.clone());
    let person = match (&request.person, &own) {
        (Some(p), _) => p.clone(),
        (None, Some(p)) => p.clone(),
        (None, None) => person_of(&caller)?,
    };
    let teller = caller.role.may_chair();
    let code_hash = match (&request.code, teller) {
        (Some(code), _) => Some(crate::auth::secret::secret_hash(code.trim())),
        (None, true) => None,
        (None, false) if own.as_deref() == Some(person.as_str()) && !request.present => None,
        (None, false) => {
            return Err(ApiError::Forbidden(
                "check in with your one-time code, or ask a teller".into(),
            ));
        }
    };
    if !teller && own.as_deref() != Some(person.as_str()) {
        return Err(ApiError::Forbidden(
            "only a teller may check in someone else".into(),
        ));
    }
    let present = request.present;
    with_live(&state, move |live| {
        live.meetings
            .attend(&id, &person, present, code_hash.as_deref())
            .map_err(meeting_error)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The body of `POST /api/v1/meetings/{id}/proxies`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct ProxyRequest {
    /// Who gives it (the caller's person if not given; a chair may name anyone).
    #[serde(default)]
    giver: Option<String>,
    /// Who holds it.
    holder: String,
}

/// `POST /api/v1/meetings/{id}/proxies`: a delegate gives their proxy to another.
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/proxies",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    request_body(content = ProxyRequest, content_type = "application/json"),
    responses(
        (status = 204, description = "The proxy is given"),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn proxy(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.check_csrf(&headers)?;
    caller.require(Role::may_vote, "give proxies")?;
    let request: ProxyRequest = json_body(&body)?;
    let giver = match request.giver {
        Some(g) if caller.role.may_chair() => g,
        Some(g) if Some(&g) == caller.account.as_ref().and_then(|a| a.person.as_ref()) => g,
        Some(_) => {
            return Err(ApiError::Forbidden(
                "only a chair may record another delegate's proxy".into(),
            ));
        }
        None => person_of(&caller)?,
    };
    with_live(&state, move |live| {
        live.meetings
            .add_proxy(&id, &giver, &request.holder)
            .map_err(meeting_error)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /api/v1/meetings/{id}/adjourn`: ends the meeting (`meeting_held` is recorded).
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/adjourn",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    responses(
        (status = 200, description = "Adjourned (`meeting_held` recorded)", body = RecordReport),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn adjourn(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "end meetings")?;
    let report = with_live(&state, move |live| live.adjourn(&id)).await?;
    Ok(Json(report).into_response())
}

/// `POST /api/v1/meetings/{id}/polls`: a new poll (a draft).
#[utoipa::path(
    post,
    path = "/api/v1/meetings/{id}/polls",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    request_body(content = NewPoll, content_type = "application/json"),
    responses(
        (status = 201, description = "The new poll (a draft)", body = PollView),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn add_poll(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "make polls")?;
    let request: NewPoll = json_body(&body)?;
    let poll = with_live(&state, move |live| live.add_poll(&id, &request)).await?;
    Ok((StatusCode::CREATED, Json(poll)).into_response())
}

/// What the live view of a meeting shows: attendance, quorum, turnout; never a result
/// before its poll closes.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Pulse {
    /// Delegates present.
    pub present: u64,
    /// Delegates entitled.
    pub entitled: u64,
    /// Whether the quorum is met (absent if the statute sets none).
    pub quorum_met: Option<bool>,
    /// Each poll: id, status, turnout.
    #[schema(value_type = Vec<Vec<serde_json::Value>>)]
    pub polls: Vec<(String, &'static str, u64)>,
}

/// One server-sent event of the live view, as a client reads it off the stream (the
/// document's schema of `text/event-stream`).
#[derive(Debug, utoipa::ToSchema)]
pub struct LiveEvent {
    /// Always `pulse`.
    #[schema(example = "pulse")]
    pub event: String,
    /// A [`Pulse`], as JSON.
    pub data: String,
}

/// `GET /api/v1/meetings/{id}/live`: server-sent events, a `pulse` whenever attendance,
/// quorum or turnout changes (looked at every second).
#[utoipa::path(
    get,
    path = "/api/v1/meetings/{id}/live",
    tag = "meetings",
    params(("id" = String, Path, description = "The meeting's id")),
    responses(
        (status = 200, description = "Server-sent events: a `pulse` event (JSON: present, entitled, quorum_met, polls as [id, status, turnout]) whenever attendance, quorum or turnout changes", content_type = "text/event-stream", body = LiveEvent),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn live(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    caller.require(Role::may_vote, "follow meetings")?;
    let first = pulse(&state, id.clone()).await?;
    let stream = futures_util::stream::unfold(
        (state, id, Some(first), None::<Pulse>),
        |(state, id, mut next, last)| async move {
            loop {
                let current = match next.take() {
                    Some(p) => p,
                    None => {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        pulse(&state, id.clone()).await.ok()?
                    }
                };
                if last.as_ref() != Some(&current) {
                    let data = serde_json::to_string(&current).unwrap_or_default();
                    let event = Event::default().event("pulse").data(data);
                    return Some((Ok(event), (state, id, None, Some(current))));
                }
            }
        },
    );
    Ok(Sse::new(stream).keep_alive(KeepAlive::default()))
}

/// The last pulse of each meeting and when it was taken: every follower of a meeting
/// shares one computation a second, however many there are.
static PULSES: std::sync::LazyLock<
    std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, Pulse)>>,
> = std::sync::LazyLock::new(Default::default);

/// How long a pulse is shared.
const PULSE_EVERY: Duration = Duration::from_millis(900);

async fn pulse(state: &AppState, id: String) -> Result<Pulse, ApiError> {
    if let Ok(kept) = PULSES.lock()
        && let Some((at, pulse)) = kept.get(&id)
        && at.elapsed() < PULSE_EVERY
    {
        return Ok(pulse.clone());
    }
    let taken = fresh_pulse(state, id.clone()).await?;
    if let Ok(mut kept) = PULSES.lock() {
        kept.insert(id, (std::time::Instant::now(), taken.clone()));
    }
    Ok(taken)
}

async fn fresh_pulse(state: &AppState, id: String) -> Result<Pulse, ApiError> {
    with_live(state, move |live| {
        let view = live.view(&id)?;
        Ok(Pulse {
            present: view.present,
            entitled: view.entitled,
            quorum_met: view.quorum.map(|q| q.met),
            polls: view
                .polls
                .into_iter()
                .map(|p| (p.id, p.status, p.turnout))
                .collect(),
        })
    })
    .await
}

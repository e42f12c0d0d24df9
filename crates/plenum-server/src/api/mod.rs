//! The JSON API under `/api/v1/`: every CLI query, answering the same JSON as its
//! `--json`, and the batch write. Handlers parse parameters, ask the model over a
//! snapshot (or over the record as it stood at `as_of`), and map the result.

pub mod diff;
pub mod election;
pub mod events;
pub mod meetings;
pub mod polls;
pub mod queries;
pub mod session;

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use plenum_model::date::FuzzyDate;
use plenum_model::query::Facts;
use serde::Serialize;

use crate::error::ApiError;
use crate::kept::Validity;
use crate::state::{AppState, blocking};

/// The routes of `/api/v1/`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/at/{target}", get(queries::at))
        .route("/person/{name}", get(queries::person))
        .route("/lineage/{org}", get(queries::lineage))
        .route("/check", get(queries::check))
        .route("/log", get(queries::log))
        .route("/verify", get(queries::verify))
        .route("/search", get(queries::search))
        .route("/election/{event}", get(election::election))
        .route("/diff", get(diff::diff))
        .route("/events", post(events::record))
        .route("/meetings", get(meetings::list).post(meetings::convene))
        .route("/meetings/{id}", get(meetings::show))
        .route("/meetings/{id}/codes", post(meetings::codes))
        .route("/meetings/{id}/attendance", post(meetings::attend))
        .route("/meetings/{id}/proxies", post(meetings::proxy))
        .route("/meetings/{id}/adjourn", post(meetings::adjourn))
        .route("/meetings/{id}/polls", post(meetings::add_poll))
        .route("/meetings/{id}/live", get(meetings::live))
        .route("/polls/{id}", get(polls::poll))
        .route("/polls/{id}/nominations", post(polls::nominate))
        .route("/polls/{id}/open", post(polls::open))
        .route("/polls/{id}/close", post(polls::close))
        .route("/polls/{id}/ballots", post(polls::cast))
        .route("/polls/{id}/paper", post(polls::paper))
        .route("/polls/{id}/urn", get(polls::urn))
        .route("/polls/{id}/urn.blt", get(polls::urn_blt))
        .route(
            "/session",
            get(session::whoami)
                .post(session::login)
                .delete(session::logout),
        )
}

/// A question the model answers over any `Facts`: over a snapshot of the store, or
/// over the record as it stood after an entry.
pub trait Ask: Send + 'static {
    /// The answer: one of the `--json` types.
    type Answer: Send + 'static;
    /// Asks it.
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Self::Answer, ApiError>;
}

/// Asks `question` of the record as it stands, or as it stood after entry `as_of`.
pub async fn answer<A: Ask>(
    state: &AppState,
    as_of: Option<u64>,
    question: A,
) -> Result<A::Answer, ApiError> {
    let state = state.clone();
    blocking(move || match as_of {
        Some(seq) => {
            let tables = state.tables_as_of(seq)?;
            question.ask(&*tables)
        }
        None => {
            let snapshot = state.store.snapshot().map_err(ApiError::store)?;
            question.ask(&*snapshot)
        }
    })
    .await
}

/// Asks `question` as [`answer`] does, but keeps the answer while it holds: until the
/// head moves, or forever for a fixed `as_of`. The question's `Debug` form (every field)
/// is its key, so two questions that print alike must be alike.
pub async fn kept_answer<A>(
    state: &AppState,
    as_of: Option<u64>,
    question: A,
) -> Result<A::Answer, ApiError>
where
    A: Ask + std::fmt::Debug,
    A::Answer: Clone + Sync,
{
    let key = format!("{}/{as_of:?}/{question:?}", std::any::type_name::<A>());
    let head = match as_of {
        Some(_) => None,
        None => Some(head_now(state).await?),
    };
    if let Some(found) = state.answers.get::<A::Answer>(&key, head) {
        return Ok(found);
    }
    let _turn = state.answers.turn(&key).lock().await;
    if let Some(found) = state.answers.get::<A::Answer>(&key, head) {
        return Ok(found);
    }
    let state = state.clone();
    blocking(move || {
        let answer = match as_of {
            Some(seq) => question.ask(&*state.tables_as_of(seq)?)?,
            None => question.ask(&*state.store.snapshot().map_err(ApiError::store)?)?,
        };
        let validity = match head {
            None => Validity::Fixed,
            // The snapshot was taken between two reads of the head: if they agree, it
            // saw that head (positions only grow), and the answer is good for it.
            Some(before) => match state.store.head().map_err(ApiError::store)? {
                after if after == before => Validity::Head(before),
                _ => return Ok(answer),
            },
        };
        state.answers.put(key, validity, answer.clone());
        Ok(answer)
    })
    .await
}

/// The ledger's head now.
pub async fn head_now(state: &AppState) -> Result<plenum_store::Head, ApiError> {
    let store = state.store.clone();
    crate::state::quick(move || store.head().map_err(ApiError::store)).await
}

/// How long an answer may be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// The answer for a fixed ledger point (`as_of`) and fixed dates never changes.
    Immutable,
    /// The answer may change with the next write: revalidate every time.
    Revalidate,
}

impl Freshness {
    /// Immutable for an answer asked of a fixed ledger point with nothing left to the
    /// clock (every date given), else revalidated.
    pub fn of(fixed: bool) -> Freshness {
        if fixed {
            Freshness::Immutable
        } else {
            Freshness::Revalidate
        }
    }
}

/// `value` as JSON with an ETag (of its bytes) and a cache lifetime; `304 Not Modified`
/// when the request's `If-None-Match` already names that ETag.
pub fn json_answer<T: Serialize>(
    value: &T,
    freshness: Freshness,
    request: &HeaderMap,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(value)
        .map_err(|e| ApiError::Internal(format!("cannot write the answer as JSON: {e}")))?;
    let hash = blake3::hash(&body).to_hex();
    let etag = format!("\"{}\"", &hash.as_str()[..32]);
    let cache = match freshness {
        Freshness::Immutable => "public, max-age=31536000, immutable",
        Freshness::Revalidate => "no-cache",
    };
    let etag_value =
        HeaderValue::from_str(&etag).map_err(|e| ApiError::Internal(format!("bad etag: {e}")))?;
    let matches = request
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag == etag || tag.strip_prefix("W/") == Some(etag.as_str())
        });
    let headers = [
        (ETAG, etag_value),
        (CACHE_CONTROL, HeaderValue::from_static(cache)),
    ];
    if matches && status == StatusCode::OK {
        return Ok((StatusCode::NOT_MODIFIED, headers).into_response());
    }
    Ok((
        status,
        headers,
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        body,
    )
        .into_response())
}

/// The largest ledger position a parameter may name: the stores keep positions as
/// signed 64-bit integers (a larger one would wrap around to the start of the ledger).
pub const SEQ_MAX: u64 = i64::MAX as u64;

/// A ledger position parameter (`as_of`, `from`): a whole number from 1 to [`SEQ_MAX`].
pub fn seq_param(name: &str, value: Option<&str>) -> Result<Option<u64>, ApiError> {
    value
        .map(|v| match v.parse::<u64>() {
            Ok(seq) if (1..=SEQ_MAX).contains(&seq) => Ok(seq),
            _ => Err(ApiError::BadRequest(format!(
                "{name} is `{v}`: give a ledger entry number, from 1 to {SEQ_MAX}"
            ))),
        })
        .transpose()
}

/// A date parameter (EDTF).
pub fn date_param(name: &str, value: Option<&str>) -> Result<Option<FuzzyDate>, ApiError> {
    value
        .map(|v| {
            v.parse::<FuzzyDate>()
                .map_err(|e| ApiError::BadRequest(format!("{name} is `{v}`: {e}")))
        })
        .transpose()
}

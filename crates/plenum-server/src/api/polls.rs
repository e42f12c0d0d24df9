//! `/api/v1/polls`: a live meeting's polls over HTTP: where one stands, nominations,
//! opening and closing, ballots (through the group-commit queue, answered once durable),
//! paper ballots, and the published urn. Nothing here logs a voter or a ballot.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use plenum_store::meetings::{Cast, CastError, Meetings, UrnBallot};
use plenum_vote::{Ballot, WireBallot};
use serde::{Deserialize, Serialize};

use super::meetings::{chair, json_body, person_of, private, with_live};
use crate::auth::{Caller, Role};
use crate::error::{ApiError, ErrorBody, FieldError};
use crate::live::queue::{OpenPoll, refusal};
use crate::live::secret::{new_tracker, normalize_tracker, owner_tag};
use crate::live::{Closed, PollView, PublishedUrn, meeting_error, question_of};
use crate::state::AppState;

/// `GET /api/v1/polls/{id}`: where a poll stands; its result only once closed.
#[utoipa::path(
    get,
    path = "/api/v1/polls/{id}",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "Where the poll stands; its result only once closed", body = PollView),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])),
)]
pub async fn poll(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    caller.require(Role::may_vote, "see polls")?;
    let view = with_live(&state, move |live| live.poll_by_id(&id)).await?;
    Ok(Json(view).into_response())
}

/// The body of `POST /api/v1/polls/{id}/nominations`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct Nomination {
    /// The candidate.
    person: String,
}

/// `POST /api/v1/polls/{id}/nominations`: a candidate for a draft election.
#[utoipa::path(
    post,
    path = "/api/v1/polls/{id}/nominations",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    request_body(content = Nomination, content_type = "application/json"),
    responses(
        (status = 200, description = "The poll with the candidate", body = PollView),
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
pub async fn nominate(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    // A chair takes any nomination; a delegate of the meeting nominates from the floor.
    caller.check_csrf(&headers)?;
    caller.require(Role::may_vote, "nominate candidates")?;
    let request: Nomination = json_body(&body)?;
    let nominator = (!caller.role.may_chair())
        .then(|| person_of(&caller))
        .transpose()?;
    let poll = with_live(&state, move |live| {
        if let Some(person) = &nominator {
            let record = live
                .meetings
                .poll(&id)
                .map_err(ApiError::store)?
                .ok_or_else(|| ApiError::NotFound(format!("no poll is called `{id}`")))?;
            if live
                .meetings
                .delegate(&record.meeting, person)
                .map_err(ApiError::store)?
                .is_none()
            {
                return Err(ApiError::Forbidden(format!(
                    "only the meeting's delegates and its chair nominate; `{person}` is not a delegate"
                )));
            }
        }
        live.nominate(&id, &request.person)
    })
    .await?;
    Ok(Json(poll).into_response())
}

/// `POST /api/v1/polls/{id}/open`.
#[utoipa::path(
    post,
    path = "/api/v1/polls/{id}/open",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "The poll, open", body = PollView),
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
pub async fn open(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "open polls")?;
    let poll = with_live(&state, move |live| live.open(&id)).await?;
    Ok(Json(poll).into_response())
}

/// `POST /api/v1/polls/{id}/close`: seals, publishes, counts and records.
#[utoipa::path(
    post,
    path = "/api/v1/polls/{id}/close",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "Sealed, published, counted and recorded", body = Closed),
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
pub async fn close(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "close polls")?;
    let open_polls = state.live()?.open_polls.clone();
    let poll = id.clone();
    let closed = with_live(&state, move |live| live.close(&id)).await;
    open_polls.forget(&poll);
    let closed = closed?;
    Ok(Json(closed).into_response())
}

/// The body of `POST /api/v1/polls/{id}/ballots`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct BallotRequest {
    /// The ballot.
    pub ballot: WireBallot,
    /// Voting by proxy: the delegate who gave it (the caller holds it).
    #[serde(default, rename = "for")]
    pub for_person: Option<String>,
    /// Replacing: the tracker of the ballot to replace.
    #[serde(default)]
    pub tracker: Option<String>,
}

/// The answer to a ballot: its tracker, shown this once.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Receipt {
    /// The poll.
    pub poll: String,
    /// The tracker: find it in the published urn after the close.
    pub tracker: String,
    /// Whether it replaced an earlier ballot.
    pub replaced: bool,
}

/// `POST /api/v1/polls/{id}/ballots`: casts (or replaces) a ballot; 201 once durable.
#[utoipa::path(
    post,
    path = "/api/v1/polls/{id}/ballots",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    request_body(content = BallotRequest, content_type = "application/json"),
    responses(
        (status = 201, description = "Cast, once durable: the tracker, shown this once", body = Receipt),
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
pub async fn cast(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    caller.check_csrf(&headers)?;
    caller.require(Role::may_vote, "vote")?;
    let by = person_of(&caller)?;
    let request: BallotRequest = json_body(&body)?;
    let receipt = cast_ballot(&state, id, by, request).await?;
    Ok(private(StatusCode::CREATED, &receipt))
}

/// Casts `request` in poll `poll` for the person `by` (a page's form does the same).
pub async fn cast_ballot(
    state: &AppState,
    poll: String,
    by: String,
    request: BallotRequest,
) -> Result<Receipt, ApiError> {
    let live = state.live()?.clone();
    let voter = request.for_person.clone().unwrap_or_else(|| by.clone());
    let (replace, tracker) = match &request.tracker {
        Some(t) => (
            true,
            normalize_tracker(t).ok_or_else(|| {
                ApiError::Unprocessable(vec![FieldError {
                    path: Some("$.tracker".into()),
                    line: None,
                    column: None,
                    message: "a tracker is five groups of four letters and digits: XXXX-XXXX-XXXX-XXXX-XXXX".into(),
                }])
            })?,
        ),
        None => (false, new_tracker()),
    };
    let meetings = live.meetings.clone();
    let poll_id = poll.clone();
    let open = live
        .open_polls
        .get_or_load(&poll, move || open_poll(&*meetings, &poll_id))
        .await?;
    let weight = *open.weights.get(&voter).ok_or_else(|| {
        ApiError::Forbidden(format!("`{voter}` is not a delegate of this meeting"))
    })?;
    let ballot = Ballot::from_wire(&request.ballot, &open.question, weight).map_err(|e| {
        ApiError::Unprocessable(vec![FieldError {
            path: Some("$.ballot".into()),
            line: None,
            column: None,
            message: e.to_string(),
        }])
    })?;
    let owner = if open.record.secret {
        owner_tag(&open.key, &voter)
    } else {
        voter.clone()
    };
    let cast = Cast {
        poll: poll.clone(),
        voter,
        by,
        weight,
        ballot: ballot.to_text(),
        tracker: tracker.clone(),
        owner,
        replace,
    };
    drop(open);
    match live.queue.try_cast(cast).await? {
        Ok(()) => {}
        Err(CastError::NotOpen) => {
            // Closed since it was kept (by another process, say): forget it.
            live.open_polls.forget(&poll);
            return Err(refusal(CastError::NotOpen));
        }
        Err(refused) => return Err(refusal(refused)),
    }
    Ok(Receipt {
        poll,
        tracker,
        replaced: replace,
    })
}

/// What a ballot in the open poll `id` needs, read from the store: 404 if there is no
/// such poll, 409 if it is not open.
fn open_poll(meetings: &dyn Meetings, id: &str) -> Result<OpenPoll, ApiError> {
    let record = meetings
        .poll(id)
        .map_err(ApiError::store)?
        .ok_or_else(|| ApiError::NotFound(format!("no poll is called `{id}`")))?;
    let question = question_of(&record)?;
    let key = meetings
        .owner_key(id)
        .map_err(ApiError::store)?
        .ok_or_else(|| ApiError::Conflict("the poll is not open".into()))?;
    let weights = meetings
        .delegates(&record.meeting)
        .map_err(ApiError::store)?
        .into_iter()
        .map(|d| (d.person, d.weight))
        .collect();
    Ok(OpenPoll {
        record,
        question,
        key,
        weights,
    })
}

/// One paper ballot a teller enters.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct PaperBallot {
    /// Its weight (1 if not given).
    #[serde(default)]
    weight: Option<u64>,
    /// What it says.
    ballot: WireBallot,
}

/// The body of `POST /api/v1/polls/{id}/paper`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct Paper {
    /// Who voted on paper (they go on the roll).
    voters: Vec<String>,
    /// The paper ballots, in any order (they go into the urn, unlinked).
    ballots: Vec<PaperBallot>,
}

/// `POST /api/v1/polls/{id}/paper`: a teller enters paper ballots; their trackers are
/// returned, to be written on the paper ballots.
#[utoipa::path(
    post,
    path = "/api/v1/polls/{id}/paper",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    request_body(content = Paper, content_type = "application/json"),
    responses(
        (status = 201, description = "The paper ballots' trackers, to be written on them", body = Vec<String>),
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
pub async fn paper(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    chair(&caller, &headers, "enter paper ballots")?;
    let request: Paper = json_body(&body)?;
    let trackers = with_live(&state, move |live| {
        let record = live
            .meetings
            .poll(&id)
            .map_err(ApiError::store)?
            .ok_or_else(|| ApiError::NotFound(format!("no poll is called `{id}`")))?;
        let question = question_of(&record)?;
        let mut voters_weight = 0u64;
        for (i, v) in request.voters.iter().enumerate() {
            let d = live
                .meetings
                .delegate(&record.meeting, v)
                .map_err(ApiError::store)?
                .ok_or_else(|| {
                    bad_path(
                        &format!("$.voters[{i}]"),
                        format!("`{v}` is not a delegate"),
                    )
                })?;
            voters_weight += d.weight;
        }
        let mut ballots = Vec::with_capacity(request.ballots.len());
        for (i, b) in request.ballots.iter().enumerate() {
            let weight = b.weight.unwrap_or(1);
            let ballot = Ballot::from_wire(&b.ballot, &question, weight)
                .map_err(|e| bad_path(&format!("$.ballots[{i}].ballot"), e.to_string()))?;
            ballots.push(UrnBallot {
                tracker: new_tracker(),
                weight,
                ballot: ballot.to_text(),
                voter: None,
            });
        }
        let ballots_weight: u64 = ballots.iter().map(|b| b.weight).sum();
        if ballots_weight != voters_weight {
            return Err(bad_path(
                "$.ballots",
                format!("the ballots carry {ballots_weight} votes, the voters {voters_weight}"),
            ));
        }
        live.meetings
            .add_paper(&id, &request.voters, &ballots)
            .map_err(meeting_error)?;
        let mut trackers: Vec<String> = ballots.into_iter().map(|b| b.tracker).collect();
        trackers.sort();
        Ok(trackers)
    })
    .await?;
    Ok(private(StatusCode::CREATED, &trackers))
}

fn bad_path(path: &str, message: String) -> ApiError {
    ApiError::Unprocessable(vec![FieldError {
        path: Some(path.into()),
        line: None,
        column: None,
        message,
    }])
}

/// `GET /api/v1/polls/{id}/urn`: the published urn of a closed poll, for anyone.
#[utoipa::path(
    get,
    path = "/api/v1/polls/{id}/urn",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "The published urn of a closed poll", body = PublishedUrn),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(()),
)]
pub async fn urn(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let urn = with_live(&state, move |live| live.urn(&id)).await?;
    Ok(Json(urn).into_response())
}

/// `GET /api/v1/polls/{id}/urn.blt`: the published urn as a BLT download.
#[utoipa::path(
    get,
    path = "/api/v1/polls/{id}/urn.blt",
    tag = "polls",
    params(("id" = String, Path, description = "The poll's id")),
    responses(
        (status = 200, description = "The published urn as BLT, which `plenum count` recounts", content_type = "text/plain", body = String),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(()),
)]
pub async fn urn_blt(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let name = id.clone();
    let urn = with_live(&state, move |live| live.urn(&id)).await?;
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}.blt\""))
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok((
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            ),
            (CONTENT_DISPOSITION, disposition),
        ],
        urn.blt,
    )
        .into_response())
}

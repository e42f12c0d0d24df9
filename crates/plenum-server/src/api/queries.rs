//! The read endpoints: `at`, `person`, `lineage`, `check`, `log` and `verify`, each the
//! CLI command's query and `--json` type. Every one is open to the public (nothing in
//! the ledger is marked otherwise yet); each still takes the `Caller`, so that a token
//! that is not valid is refused rather than read as the public.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use plenum_model::date::FuzzyDate;
use plenum_model::event::{Event, EventKind, codec};
use plenum_model::id::Seq;
use plenum_model::query::Facts;
use plenum_model::query::at::{AtReport, at as at_query};
use plenum_model::query::check::check as check_query;
use plenum_model::query::lineage::{LineageReport, lineage as lineage_query};
use plenum_model::query::person::{PersonReport, person as person_query};
use plenum_model::query::reports::{AsOf, CheckReport, EntryMeta, LogEntry, log_entries};
use plenum_model::query::search::{Hit, search as search_query};
use plenum_model::rules::Rule;
use serde::Deserialize;

use super::{Ask, Freshness, answer, date_param, json_answer, kept_answer, seq_param};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::error::ErrorBody;
use crate::state::{AppState, blocking};
use plenum_model::query::reports::VerifyReport;

/// The most entries one `log` answer holds.
pub const LOG_LIMIT_MAX: usize = 10_000;
/// Entries in a `log` answer when `limit` is not given.
pub const LOG_LIMIT_DEFAULT: usize = 100;

/// `?as_of=SEQ` alone.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AsOfParams {
    /// Answer from the record as it stood after this entry.
    #[param(value_type = Option<u64>, minimum = 1)]
    pub as_of: Option<String>,
}

/// Parameters of `at`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AtParams {
    /// The date (EDTF) [default: today].
    pub date: Option<String>,
    /// The organization, when the name fits organs of several.
    pub org: Option<String>,
    /// Answer from the record as it stood after this entry.
    #[param(value_type = Option<u64>, minimum = 1)]
    pub as_of: Option<String>,
}

#[derive(Debug)]
struct AtAsk {
    date: FuzzyDate,
    target: String,
    org: Option<String>,
}

impl Ask for AtAsk {
    type Answer = AtReport;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<AtReport, ApiError> {
        at_query(facts, &self.date, &self.target, self.org.as_deref()).map_err(ApiError::query)
    }
}

/// The freshness of an answer: immutable only for a fixed ledger point and no date
/// left to the clock.
fn freshness(as_of: Option<u64>, dated: bool) -> Freshness {
    Freshness::of(as_of.is_some() && dated)
}

/// `GET /api/v1/at/{target}?date=&org=&as_of=`: `plenum at DATE TARGET --json`.
#[utoipa::path(
    get,
    path = "/api/v1/at/{target}",
    tag = "queries",
    params(("target" = String, Path, description = "An organ, post, faction or organization: id or name"), AtParams),
    responses(
        (status = 200, description = "`plenum at DATE TARGET --json`", body = AsOf<AtReport>),
        (status = 304, description = "Not modified: the ETag given in If-None-Match still holds"),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn at(
    State(state): State<AppState>,
    _caller: Caller,
    Path(target): Path<String>,
    Query(params): Query<AtParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let given = date_param("date", params.date.as_deref())?;
    let dated = given.is_some();
    let date = match given {
        Some(date) => date,
        None => state.today()?,
    };
    let question = AtAsk {
        date,
        target,
        org: params.org,
    };
    let report = kept_answer(&state, as_of, question).await?;
    json_answer(
        &AsOf { report, as_of },
        freshness(as_of, dated),
        &headers,
        StatusCode::OK,
    )
}

/// `person NAME`, for the API and the person page.
#[derive(Debug)]
pub struct PersonAsk(pub String);

impl Ask for PersonAsk {
    type Answer = PersonReport;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<PersonReport, ApiError> {
        person_query(facts, &self.0).map_err(ApiError::query)
    }
}

/// `GET /api/v1/person/{name}?as_of=`: `plenum person NAME --json`.
#[utoipa::path(
    get,
    path = "/api/v1/person/{name}",
    tag = "queries",
    params(("name" = String, Path, description = "A person: id, name or alias"), AsOfParams),
    responses(
        (status = 200, description = "`plenum person NAME --json`", body = AsOf<PersonReport>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn person(
    State(state): State<AppState>,
    _caller: Caller,
    Path(name): Path<String>,
    Query(params): Query<AsOfParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let report = kept_answer(&state, as_of, PersonAsk(name)).await?;
    json_answer(
        &AsOf { report, as_of },
        freshness(as_of, true),
        &headers,
        StatusCode::OK,
    )
}

/// `lineage ORG`, for the API and the lineage page.
#[derive(Debug)]
pub struct LineageAsk(pub String);

impl Ask for LineageAsk {
    type Answer = LineageReport;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<LineageReport, ApiError> {
        lineage_query(facts, &self.0).map_err(ApiError::query)
    }
}

/// `GET /api/v1/lineage/{org}?as_of=`: `plenum lineage ORG --json`.
#[utoipa::path(
    get,
    path = "/api/v1/lineage/{org}",
    tag = "queries",
    params(("org" = String, Path, description = "An organization: id or name"), AsOfParams),
    responses(
        (status = 200, description = "`plenum lineage ORG --json`", body = AsOf<LineageReport>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn lineage(
    State(state): State<AppState>,
    _caller: Caller,
    Path(org): Path<String>,
    Query(params): Query<AsOfParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let report = kept_answer(&state, as_of, LineageAsk(org)).await?;
    json_answer(
        &AsOf { report, as_of },
        freshness(as_of, true),
        &headers,
        StatusCode::OK,
    )
}

/// Parameters of `check`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CheckParams {
    /// Judge the record as of this date [default: today].
    pub date: Option<String>,
    /// Only findings of this rule.
    #[param(value_type = Option<crate::openapi::RuleId>)]
    pub rule: Option<String>,
    /// Answer from the record as it stood after this entry.
    #[param(value_type = Option<u64>, minimum = 1)]
    pub as_of: Option<String>,
}

#[derive(Debug)]
struct CheckAsk {
    date: FuzzyDate,
    rule: Option<String>,
}

impl Ask for CheckAsk {
    type Answer = CheckReport;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<CheckReport, ApiError> {
        let mut findings = check_query(facts, self.date.latest()).map_err(ApiError::backend)?;
        findings.retain(|f| self.rule.as_deref().is_none_or(|r| f.rule.id() == r));
        Ok(CheckReport {
            as_of: self.date.to_string(),
            findings,
        })
    }
}

/// `GET /api/v1/check?date=&rule=&as_of=`: `plenum check --at DATE --json`. The ledger
/// point of `as_of` is given back as `as_of_entry` (`as_of` is the date judged, as in
/// the CLI's answer).
#[utoipa::path(
    get,
    path = "/api/v1/check",
    tag = "queries",
    params(CheckParams),
    responses(
        (status = 200, description = "`plenum check --at DATE --json`; with `as_of`, that entry is given back as `as_of_entry`", body = CheckReport),
        (status = 304, description = "Not modified"),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn check(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<CheckParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    if let Some(rule) = &params.rule
        && !Rule::ALL.iter().any(|r| r.id() == rule)
    {
        return Err(ApiError::BadRequest(format!(
            "rule is `{rule}`, which is no rule; rules are: {}",
            Rule::ALL.map(|r| r.id()).join(", ")
        )));
    }
    let given = date_param("date", params.date.as_deref())?;
    let dated = given.is_some();
    let date = match given {
        Some(date) => date,
        None => state.today()?,
    };
    let question = CheckAsk {
        date,
        rule: params.rule,
    };
    let report = kept_answer(&state, as_of, question).await?;
    let mut value = serde_json::to_value(&report)
        .map_err(|e| ApiError::Internal(format!("cannot write the answer as JSON: {e}")))?;
    if let (Some(seq), Some(object)) = (as_of, value.as_object_mut()) {
        object.insert("as_of_entry".into(), seq.into());
    }
    json_answer(&value, freshness(as_of, dated), &headers, StatusCode::OK)
}

/// Parameters of `log`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LogParams {
    /// Start at this entry [default: 1].
    #[param(value_type = Option<u64>, minimum = 1)]
    pub from: Option<String>,
    /// At most this many entries [default: 100, at most 10,000].
    #[param(value_type = Option<u64>, minimum = 1, maximum = 10000)]
    pub limit: Option<String>,
    /// Only events of this kind.
    #[param(value_type = Option<crate::openapi::EventKindName>)]
    pub kind: Option<String>,
    /// Only entries up to this one, described as the record stood then.
    #[param(value_type = Option<u64>, minimum = 1)]
    pub as_of: Option<String>,
}

struct LogAsk(Vec<(EntryMeta, Event)>);

impl Ask for LogAsk {
    type Answer = Vec<LogEntry>;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Vec<LogEntry>, ApiError> {
        log_entries(facts, &self.0).map_err(ApiError::backend)
    }
}

/// `GET /api/v1/log?from=&limit=&kind=&as_of=`: `plenum log --json`, a page at a time.
#[utoipa::path(
    get,
    path = "/api/v1/log",
    tag = "queries",
    params(LogParams),
    responses(
        (status = 200, description = "`plenum log --json`, a page at a time", body = Vec<LogEntry>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn log(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<LogParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let from = seq_param("from", params.from.as_deref())?.unwrap_or(1);
    let limit = match params.limit.as_deref() {
        None => LOG_LIMIT_DEFAULT,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=LOG_LIMIT_MAX).contains(&n) => n,
            _ => {
                return Err(ApiError::BadRequest(format!(
                    "limit is `{text}`: give a number from 1 to {LOG_LIMIT_MAX}"
                )));
            }
        },
    };
    if let Some(kind) = &params.kind
        && !EventKind::NAMES.contains(&kind.as_str())
    {
        return Err(ApiError::BadRequest(format!(
            "kind is `{kind}`, which is no kind of event; kinds are: {}",
            EventKind::NAMES.join(", ")
        )));
    }
    let filter = LogFilter {
        from,
        limit,
        kind: params.kind.clone(),
        event: None,
    };
    let entries = log_entries_of(&state, as_of, filter).await?;
    json_answer(&entries, freshness(as_of, true), &headers, StatusCode::OK)
}

/// Which entries a log answer holds.
#[derive(Clone, Debug)]
pub struct LogFilter {
    /// The first entry.
    pub from: u64,
    /// At most this many.
    pub limit: usize,
    /// Only this kind of event.
    pub kind: Option<String>,
    /// Only the event with this id, and the entries that name it.
    pub event: Option<String>,
}

/// Whether an event is the one with this id, or names it (a correction of it).
fn names_event(event: &Event, id: &str) -> bool {
    event.id.to_string() == id
        || codec::to_json(event)
            .to_string()
            .contains(&format!("\"{id}\""))
}

/// The log entries a filter picks, up to `as_of`, described as the record stood then.
pub async fn log_entries_of(
    state: &AppState,
    as_of: Option<u64>,
    filter: LogFilter,
) -> Result<Vec<LogEntry>, ApiError> {
    let store = state.store.clone();
    let rows = blocking(move || {
        let mut rows = Vec::new();
        let last = as_of.unwrap_or(u64::MAX);
        store
            .scan(Seq(filter.from), &mut |entry| {
                if rows.len() >= filter.limit || entry.seq.0 > last {
                    return Ok(());
                }
                let event = codec::from_bytes(&entry.payload).map_err(|e| {
                    plenum_store::Error::Corrupt {
                        seq: entry.seq,
                        reason: format!("payload is not an event: {e}"),
                    }
                })?;
                let kind_fits = filter
                    .kind
                    .as_deref()
                    .is_none_or(|k| k == event.kind_name());
                let event_fits = filter
                    .event
                    .as_deref()
                    .is_none_or(|id| names_event(&event, id));
                if kind_fits && event_fits {
                    let meta = EntryMeta {
                        seq: entry.seq.0,
                        recorded_at: entry.recorded_at,
                        hash: entry.chain.to_hex(),
                    };
                    rows.push((meta, event));
                }
                Ok(())
            })
            .map_err(ApiError::store)?;
        Ok(rows)
    })
    .await?;
    answer(state, as_of, LogAsk(rows)).await
}

/// Parameters of `search`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The text: a name, alias or id, as the searcher spells it.
    #[param(value_type = String, required = true, min_length = 1, pattern = r"\S")]
    pub q: Option<String>,
    /// Answer from the record as it stood after this entry.
    #[param(value_type = Option<u64>, minimum = 1)]
    pub as_of: Option<String>,
}

/// The most hits a search answers.
pub const SEARCH_LIMIT: usize = 50;

/// Asks `search` of the model.
#[derive(Debug)]
pub struct SearchAsk(pub String);

impl Ask for SearchAsk {
    type Answer = Vec<Hit>;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Vec<Hit>, ApiError> {
        search_query(facts, &self.0, SEARCH_LIMIT).map_err(ApiError::backend)
    }
}

/// `GET /api/v1/search?q=&as_of=`: persons, organs, posts, factions and organizations
/// close to a text, closest first.
#[utoipa::path(
    get,
    path = "/api/v1/search",
    tag = "queries",
    params(SearchParams),
    responses(
        (status = 200, description = "Persons, organs, posts, factions and organizations close to the text, closest first", body = Vec<Hit>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that (the message suggests close names)", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn search(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<SearchParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let q = params.q.unwrap_or_default();
    if q.trim().is_empty() {
        return Err(ApiError::BadRequest(
            "q is empty: give a name to search for".into(),
        ));
    }
    let hits = kept_answer(&state, as_of, SearchAsk(q)).await?;
    json_answer(&hits, freshness(as_of, true), &headers, StatusCode::OK)
}

/// `GET /api/v1/verify`: `plenum verify --json` (not `--deep`), run at most once for
/// each head and kept.
#[utoipa::path(
    get,
    path = "/api/v1/verify",
    tag = "queries",
    responses(
        (status = 200, description = "`plenum verify --json` (not `--deep`)", body = VerifyReport),
        (status = 304, description = "Not modified"),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn verify(
    State(state): State<AppState>,
    _caller: Caller,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let report = state.verification().await?;
    json_answer(&report, Freshness::Revalidate, &headers, StatusCode::OK)
}

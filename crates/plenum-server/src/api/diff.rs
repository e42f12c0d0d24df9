//! `GET /api/v1/diff?from=&to=`: what changed between two ledger points: the entries
//! appended in between, the findings that appeared and disappeared, and the seats and
//! posts held, on the organs and posts those entries name, that were added, removed or
//! changed. Both sides are the model's own answers (`check`, `at`) asked of the record
//! as it stood at each point (`tables_as_of`, or a snapshot at the head); nothing is
//! projected here.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use plenum_model::date::FuzzyDate;
use plenum_model::query::at::{AtReport, Member, at};
use plenum_model::query::check::{FindingLine, check};
use plenum_model::query::reports::LogEntry;
use plenum_model::query::{Facts, Named, QueryError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::queries::{LOG_LIMIT_MAX, LogFilter, log_entries_of};
use super::{Ask, Freshness, answer, date_param, json_answer, seq_param};
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::state::{AppState, blocking};

/// Parameters of `diff`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffParams {
    /// The earlier point: the record as it stood after this entry.
    #[param(value_type = u64, required = true, minimum = 1)]
    pub from: Option<String>,
    /// The later point [default: the head].
    #[param(value_type = Option<u64>, minimum = 1)]
    pub to: Option<String>,
    /// The date findings are judged on and seats compared on [default: today for
    /// findings; for seats, the date of the last entry in between that names the organ or
    /// post].
    pub date: Option<String>,
}

/// What changed between two ledger points.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DiffReport {
    /// The earlier point (an entry).
    pub from: u64,
    /// The later point (an entry).
    pub to: u64,
    /// The date the findings were judged on (EDTF).
    pub date: String,
    /// The entries appended after `from` up to `to`, described as the record stood at `to`.
    pub entries: Vec<LogEntry>,
    /// Whether there were more entries than the answer holds (at most 10,000).
    pub truncated: bool,
    /// Findings at `to` that were not there at `from`.
    pub appeared: Vec<FindingLine>,
    /// Findings at `from` that are gone at `to`.
    pub disappeared: Vec<FindingLine>,
    /// The organs and posts the entries name, and who held them at each point.
    pub holdings: Vec<HoldingChange>,
}

/// The seats of an organ (or the holders of a post) on a date, at both points.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HoldingChange {
    /// `organ` or `post`.
    pub kind: String,
    /// The organ or post.
    pub target: Named,
    /// The date compared (EDTF).
    pub date: String,
    /// Seats (or holders) at `from`, named and unnamed.
    pub before: u32,
    /// Seats (or holders) at `to`.
    pub after: u32,
    /// Held at `to`, not at `from`.
    pub added: Vec<Member>,
    /// Held at `from`, not at `to`.
    pub removed: Vec<Member>,
    /// Held at both, differently (role, faction, certainty or span): as at `to`.
    pub changed: Vec<Member>,
    /// Counted seats without names at `from`.
    pub unnamed_before: u32,
    /// Counted seats without names at `to`.
    pub unnamed_after: u32,
}

/// One side of a diff: the findings on a day, and `at` for each organ or post.
struct SideAsk {
    date: FuzzyDate,
    targets: Vec<(String, FuzzyDate)>,
}

type Side = (Vec<FindingLine>, Vec<Option<AtReport>>);

impl Ask for SideAsk {
    type Answer = Side;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Side, ApiError> {
        let findings = check(facts, self.date.latest()).map_err(ApiError::backend)?;
        let mut reports = Vec::with_capacity(self.targets.len());
        for (target, date) in &self.targets {
            reports.push(match at(facts, date, target, None) {
                Ok(report) => Some(report),
                // Not yet declared on this side: nothing held.
                Err(QueryError::NotFound { .. }) => None,
                Err(e) => return Err(ApiError::query(e)),
            });
        }
        Ok((findings, reports))
    }
}

/// The organs and posts an event names (a correction's replacement too), as `org/key`.
fn targets_of(event: &Value, out: &mut Vec<(String, String)>) {
    let date = event["date"].as_str().unwrap_or_default();
    for field in ["organ", "post"] {
        if let Some(id) = event[field].as_str() {
            out.push((id.to_owned(), date.to_owned()));
        }
    }
    if event["replacement"].is_object() {
        targets_of(&event["replacement"], out);
    }
}

fn key(finding: &FindingLine) -> String {
    serde_json::to_string(finding).unwrap_or_default()
}

fn member_key(m: &Member) -> String {
    format!(
        "{}|{}",
        m.id,
        m.role.map(|r| format!("{r:?}")).unwrap_or_default()
    )
}

fn compare(
    target: &str,
    date: &FuzzyDate,
    before: Option<&AtReport>,
    after: Option<&AtReport>,
) -> HoldingChange {
    let members = |r: Option<&AtReport>| -> BTreeMap<String, Member> {
        r.map(|r| {
            r.members
                .iter()
                .map(|m| (member_key(m), m.clone()))
                .collect()
        })
        .unwrap_or_default()
    };
    let unnamed = |r: Option<&AtReport>| r.map_or(0, |r| r.unnamed.iter().map(|u| u.count).sum());
    let (old, new) = (members(before), members(after));
    let kind = if after.or(before).is_some_and(|r| r.post.is_some()) {
        "post"
    } else {
        "organ"
    };
    let name = after
        .or(before)
        .and_then(|r| r.organ.as_ref().or(r.post.as_ref()))
        .map_or_else(|| target.to_owned(), |n| n.name.clone());
    HoldingChange {
        kind: kind.to_owned(),
        target: Named {
            id: target.to_owned(),
            name,
        },
        date: date.to_string(),
        before: before.map_or(0, |r| r.total),
        after: after.map_or(0, |r| r.total),
        added: new
            .iter()
            .filter(|(k, _)| !old.contains_key(*k))
            .map(|(_, m)| m.clone())
            .collect(),
        removed: old
            .iter()
            .filter(|(k, _)| !new.contains_key(*k))
            .map(|(_, m)| m.clone())
            .collect(),
        changed: new
            .iter()
            .filter(|(k, m)| old.get(*k).is_some_and(|o| o != *m))
            .map(|(_, m)| m.clone())
            .collect(),
        unnamed_before: unnamed(before),
        unnamed_after: unnamed(after),
    }
}

/// The two points of a diff, checked against the head: `(from, to, head)`.
pub async fn points(
    state: &AppState,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(u64, u64, u64), ApiError> {
    let store = state.store.clone();
    let head = blocking(move || store.head().map_err(ApiError::store))
        .await?
        .seq
        .0;
    let Some(from) = seq_param("from", from)? else {
        return Err(ApiError::BadRequest(
            "from is missing: give the entry to compare from (from=SEQ)".into(),
        ));
    };
    let to = seq_param("to", to)?.unwrap_or(head);
    if from > head {
        return Err(ApiError::BadRequest(format!(
            "from is `{from}`, beyond the ledger's head (entry {head})"
        )));
    }
    if to > head {
        return Err(ApiError::BadRequest(format!(
            "to is `{to}`, beyond the ledger's head (entry {head})"
        )));
    }
    if from > to {
        return Err(ApiError::BadRequest(format!(
            "from is `{from}`, after to (`{to}`): give the earlier entry as from"
        )));
    }
    Ok((from, to, head))
}

/// What changed from entry `from` to entry `to` (the head when `to == head`).
pub async fn diff_of(
    state: &AppState,
    from: u64,
    to: u64,
    head: u64,
    date: Option<FuzzyDate>,
) -> Result<DiffReport, ApiError> {
    let at_to = (to != head).then_some(to);
    let limit = usize::try_from(to - from)
        .unwrap_or(usize::MAX)
        .min(LOG_LIMIT_MAX);
    let entries = if limit == 0 {
        Vec::new()
    } else {
        let filter = LogFilter {
            from: from + 1,
            limit,
            kind: None,
            event: None,
        };
        log_entries_of(state, at_to, filter).await?
    };
    let mut named = Vec::new();
    for entry in &entries {
        targets_of(&entry.event, &mut named);
    }
    // The last date each organ or post is named on, in ledger order.
    let mut targets: BTreeMap<String, FuzzyDate> = BTreeMap::new();
    for (target, when) in named {
        let when = match &date {
            Some(date) => date.clone(),
            None => match when.parse::<FuzzyDate>() {
                Ok(when) => when,
                Err(_) => continue,
            },
        };
        targets.insert(target, when);
    }
    let judged = match date {
        Some(date) => date,
        None => state.today()?,
    };
    let targets: Vec<(String, FuzzyDate)> = targets.into_iter().collect();
    let side = |targets: Vec<(String, FuzzyDate)>| SideAsk {
        date: judged.clone(),
        targets,
    };
    let (old_findings, old) = answer(state, Some(from), side(targets.clone())).await?;
    let (new_findings, new) = answer(state, at_to, side(targets.clone())).await?;
    let old_keys: BTreeSet<String> = old_findings.iter().map(key).collect();
    let new_keys: BTreeSet<String> = new_findings.iter().map(key).collect();
    let holdings = targets
        .iter()
        .zip(old.iter().zip(&new))
        .map(|((target, when), (before, after))| {
            compare(target, when, before.as_ref(), after.as_ref())
        })
        .collect();
    Ok(DiffReport {
        from,
        to,
        date: judged.to_string(),
        truncated: (to - from) as usize > entries.len(),
        entries,
        appeared: new_findings
            .into_iter()
            .filter(|f| !old_keys.contains(&key(f)))
            .collect(),
        disappeared: old_findings
            .into_iter()
            .filter(|f| !new_keys.contains(&key(f)))
            .collect(),
        holdings,
    })
}

/// `GET /api/v1/diff?from=&to=&date=`: what changed between two ledger points.
#[utoipa::path(
    get,
    path = "/api/v1/diff",
    tag = "queries",
    params(DiffParams),
    responses(
        (status = 200, description = "The entries between two ledger points, the findings that appeared and disappeared, and the seats and posts that changed", body = DiffReport),
        (status = 304, description = "Not modified"),
        (status = 400, description = "from or to is missing, malformed, beyond the head, or from is after to; or the date is malformed", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "nothing is called that", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn diff(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<DiffParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let (from, to, head) = points(&state, params.from.as_deref(), params.to.as_deref()).await?;
    let date = date_param("date", params.date.as_deref())?;
    let fixed = params.to.is_some() && date.is_some();
    let report = diff_of(&state, from, to, head, date).await?;
    json_answer(&report, Freshness::of(fixed), &headers, StatusCode::OK)
}

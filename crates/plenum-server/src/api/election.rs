//! `GET /api/v1/election/{event}`: an election as the ledger records it (an
//! `election_held` event, by its id), and, where it came from a live poll, its recount
//! from the published urn, stage by stage. The election page shows the same answer.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use plenum_model::event::{Event, EventKind, codec};
use plenum_model::id::{EntityKind, Seq};
use plenum_model::query::{Facts, Named};
use plenum_vote::PollResult;
use plenum_vote::tally::{Bases, simple_majority};
use serde::{Deserialize, Serialize};

use super::meetings::with_live;
use super::queries::AsOfParams;
use super::{Ask, Freshness, answer, json_answer, seq_param};
use crate::auth::Caller;
use crate::error::{ApiError, ErrorBody};
use crate::live::question_of;
use crate::state::{AppState, blocking};

/// An election, as recorded and, where its urn is kept, as recounted.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ElectionReport {
    /// The `election_held` event's id.
    pub event: String,
    /// The entry holding the event as it stands (the event's, or its latest correction's).
    pub entry: u64,
    /// When it was held (EDTF).
    pub date: String,
    /// The organ filled, if an organ.
    pub organ: Option<Named>,
    /// The post filled, if a post.
    pub post: Option<Named>,
    /// The electing organ, when recorded without a meeting.
    pub by: Option<Named>,
    /// The meeting that elected, if recorded.
    pub meeting: Option<String>,
    /// The counting method, if recorded.
    pub method: Option<String>,
    /// Seats to fill, if recorded.
    pub seats: Option<u32>,
    /// Elected to full seats (or to the post), in order of election.
    pub elected: Vec<Named>,
    /// Elected to alternate seats.
    pub alternates: Vec<Named>,
    /// The votes each candidate received, as recorded.
    pub tally: Vec<TallyLine>,
    /// Members present, if recorded.
    pub present: Option<u32>,
    /// Ballots in the live poll's urn, if it came from one.
    pub ballots: Option<u64>,
    /// The BLAKE3 digest of the live poll's published urn, if it came from one.
    pub urn: Option<String>,
    /// The sources, with their quotes.
    pub sources: Vec<SourceLine>,
    /// The recorder's note.
    pub note: Option<String>,
    /// The recount from the published urn, stage by stage, where the urn is kept.
    pub recount: Option<Recount>,
    /// Why there is no recount, in words (empty when there is one).
    pub without_recount: String,
}

/// A candidate's recorded votes.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct TallyLine {
    /// The candidate.
    pub person: Named,
    /// The votes.
    pub votes: u64,
}

/// A source of the event.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct SourceLine {
    /// The document.
    pub document: String,
    /// The words quoted.
    pub quote: Option<String>,
    /// Where in the document.
    pub locator: Option<String>,
}

/// The count of a live poll's published urn, by the poll's method.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Recount {
    /// The poll.
    pub poll: String,
    /// The method (a `plenum count` method name).
    pub method: String,
    /// Seats filled.
    pub seats: usize,
    /// The candidates, in ballot order; every `votes` array is aligned with it.
    pub candidates: Vec<Named>,
    /// The stages, first to last.
    pub stages: Vec<StageLine>,
    /// The elected, in order of election, by the recount.
    pub elected: Vec<Named>,
    /// Whether the recount elects exactly whom the ledger records, in the same order.
    pub agrees: bool,
}

/// One stage of a count, with the standing at its end.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct StageLine {
    /// Its label ("4", or "4.2" for a part of an exclusion).
    pub stage: String,
    /// `count`, `surplus`, `exclusion`, `iteration`, `run-off`, `seat` or `pairwise`.
    pub action: String,
    /// The candidates acted on (names).
    #[serde(default)]
    pub subject: Vec<String>,
    /// Each candidate's votes at the end of the stage (exact decimals as text).
    pub votes: Vec<String>,
    /// The quota in force, for quota methods.
    pub quota: Option<String>,
    /// Elected at this stage (names).
    #[serde(default)]
    pub elected: Vec<String>,
    /// Excluded at this stage (names).
    #[serde(default)]
    pub excluded: Vec<String>,
}

/// The part of `plenum count --json` a recount reads.
#[derive(Deserialize)]
struct CountJson {
    candidates: Vec<CandidateJson>,
    stages: Vec<StageLine>,
}

#[derive(Deserialize)]
struct CandidateJson {
    name: String,
}

/// The effective version of the event `id` as of entry `last` (with its entry), unless
/// a correction retracted it: the entries are read in order, corrections applied.
pub async fn effective_event(
    state: &AppState,
    id: String,
    last: Option<u64>,
) -> Result<Option<(u64, Event)>, ApiError> {
    let store = state.store.clone();
    blocking(move || {
        let last = last.unwrap_or(u64::MAX);
        let mut found: Option<(u64, Event)> = None;
        store
            .scan(Seq(1), &mut |entry| {
                if entry.seq.0 > last {
                    return Ok(());
                }
                let event = codec::from_bytes(&entry.payload).map_err(|e| {
                    plenum_store::Error::Corrupt {
                        seq: entry.seq,
                        reason: format!("payload is not an event: {e}"),
                    }
                })?;
                match &event.kind {
                    EventKind::EventRetracted(r) if r.target.as_str() == id => found = None,
                    EventKind::EventSuperseded(s) if s.target.as_str() == id => {
                        found = Some((entry.seq.0, (*s.replacement).clone()));
                    }
                    _ if event.id.as_str() == id => found = Some((entry.seq.0, event)),
                    _ => {}
                }
                Ok(())
            })
            .map_err(ApiError::store)?;
        Ok(found)
    })
    .await
}

/// The published urn of the live poll of `meeting` whose urn has this digest, and the
/// poll's count of it (`plenum count --json`): none when no such poll is kept.
async fn recount_urn(
    state: &AppState,
    meeting: String,
    digest: String,
) -> Result<Option<(String, serde_json::Value)>, ApiError> {
    with_live(state, move |live| {
        let polls = live.meetings.polls(&meeting).map_err(ApiError::store)?;
        let Some(poll) = polls
            .into_iter()
            .find(|p| p.urn_digest.as_deref() == Some(digest.as_str()))
        else {
            return Ok(None);
        };
        let published = live.urn(&poll.id)?;
        if published.digest != digest {
            return Err(ApiError::Damaged(format!(
                "the published urn of poll `{}` no longer has the digest the ledger records",
                poll.id
            )));
        }
        let question = question_of(&poll)?;
        match plenum_vote::count(
            &question,
            &published.blt,
            simple_majority(),
            Bases::default(),
        ) {
            Ok(PollResult::Election(result)) => Ok(Some((poll.id, result.report))),
            Ok(PollResult::Motion(_)) => Ok(None),
            Err(e) => Err(ApiError::Internal(format!("the urn does not recount: {e}"))),
        }
    })
    .await
}

/// Names the ids of an election's report from `facts`.
struct ElectionAsk {
    entry: u64,
    event: Event,
    recount: Option<(String, serde_json::Value)>,
    without_recount: String,
}

fn names<F: Facts + ?Sized>(
    facts: &F,
    kind: EntityKind,
    ids: &[String],
) -> Result<BTreeMap<String, String>, ApiError> {
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    Ok(facts
        .entities_by_id(kind, &refs)
        .map_err(ApiError::backend)?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect())
}

fn named(names: &BTreeMap<String, String>, id: &str) -> Named {
    Named {
        id: id.to_owned(),
        name: names.get(id).cloned().unwrap_or_else(|| id.to_owned()),
    }
}

fn entity<F: Facts + ?Sized>(
    facts: &F,
    kind: EntityKind,
    id: Option<String>,
) -> Result<Option<Named>, ApiError> {
    let Some(id) = id else { return Ok(None) };
    let name = facts
        .entity(kind, &id)
        .map_err(ApiError::backend)?
        .map_or_else(|| id.clone(), |e| e.name);
    Ok(Some(Named { id, name }))
}

impl Ask for ElectionAsk {
    type Answer = ElectionReport;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<ElectionReport, ApiError> {
        let EventKind::ElectionHeld(e) = &self.event.kind else {
            return Err(ApiError::Internal("not an election".into()));
        };
        let count: Option<CountJson> = match &self.recount {
            Some((_, report)) => Some(serde_json::from_value(report.clone()).map_err(|err| {
                ApiError::Internal(format!("the count's report does not read: {err}"))
            })?),
            None => None,
        };
        let mut ids: Vec<String> = e
            .elected
            .iter()
            .chain(&e.alternates)
            .chain(e.tally.iter().map(|t| &t.person))
            .map(ToString::to_string)
            .collect();
        if let Some(c) = &count {
            ids.extend(c.candidates.iter().map(|c| c.name.clone()));
        }
        ids.sort_unstable();
        ids.dedup();
        let persons = names(facts, EntityKind::Person, &ids)?;
        let elected: Vec<Named> = e
            .elected
            .iter()
            .map(|p| named(&persons, p.as_str()))
            .collect();
        let recount = match (count, self.recount) {
            (Some(c), Some((poll, report))) => {
                let by_recount: Vec<Named> = report["elected"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str())
                            .map(|id| named(&persons, id))
                            .collect()
                    })
                    .unwrap_or_default();
                Some(Recount {
                    poll,
                    method: report["method"].as_str().unwrap_or_default().to_owned(),
                    seats: report["seats"].as_u64().unwrap_or_default() as usize,
                    candidates: c
                        .candidates
                        .iter()
                        .map(|c| named(&persons, &c.name))
                        .collect(),
                    agrees: by_recount == elected,
                    elected: by_recount,
                    stages: c.stages,
                })
            }
            _ => None,
        };
        Ok(ElectionReport {
            event: self.event.id.to_string(),
            entry: self.entry,
            date: self.event.date.to_string(),
            organ: entity(
                facts,
                EntityKind::Organ,
                e.organ.as_ref().map(ToString::to_string),
            )?,
            post: entity(
                facts,
                EntityKind::Post,
                e.post.as_ref().map(ToString::to_string),
            )?,
            by: entity(
                facts,
                EntityKind::Organ,
                e.by.as_ref().map(ToString::to_string),
            )?,
            meeting: e.meeting.as_ref().map(ToString::to_string),
            method: e.method.clone(),
            seats: e.seats,
            elected,
            alternates: e
                .alternates
                .iter()
                .map(|p| named(&persons, p.as_str()))
                .collect(),
            tally: e
                .tally
                .iter()
                .map(|t| TallyLine {
                    person: named(&persons, t.person.as_str()),
                    votes: t.votes,
                })
                .collect(),
            present: e.present,
            ballots: e.ballots,
            urn: e.urn.clone(),
            sources: self
                .event
                .sources
                .iter()
                .map(|s| SourceLine {
                    document: s.document.clone(),
                    quote: s.quote.clone(),
                    locator: s.locator.clone(),
                })
                .collect(),
            note: self.event.note.clone(),
            without_recount: if recount.is_some() {
                String::new()
            } else {
                self.without_recount
            },
            recount,
        })
    }
}

/// The election recorded by the event `id`, as of entry `as_of`, recounted where its
/// urn is kept.
pub async fn election_of(
    state: &AppState,
    as_of: Option<u64>,
    id: &str,
) -> Result<ElectionReport, ApiError> {
    let Some((entry, event)) = effective_event(state, id.to_owned(), as_of).await? else {
        return Err(ApiError::NotFound(format!(
            "no election is recorded as `{id}`: give the id of an election_held event"
        )));
    };
    let EventKind::ElectionHeld(e) = &event.kind else {
        return Err(ApiError::NotFound(format!(
            "`{id}` is an event of kind {}, not an election (election_held)",
            event.kind_name()
        )));
    };
    let (recount, without_recount) = match (&e.urn, &e.meeting) {
        (Some(digest), Some(meeting)) => match state.live() {
            Ok(_) => match recount_urn(state, meeting.to_string(), digest.clone()).await? {
                Some(found) => (Some(found), String::new()),
                None => (
                    None,
                    format!(
                        "The record names the urn of a live poll (digest {digest}), but this server keeps no poll of meeting `{meeting}` with that urn: only the result can be shown."
                    ),
                ),
            },
            Err(_) => (
                None,
                "This server keeps no live meetings (it is read-only), so the urn cannot be recounted here: only the result can be shown.".to_owned(),
            ),
        },
        _ => (
            None,
            "The record holds only the result of this election (no live poll, no ballots kept in the ledger): there are no stages to show.".to_owned(),
        ),
    };
    answer(
        state,
        as_of,
        ElectionAsk {
            entry,
            event,
            recount,
            without_recount,
        },
    )
    .await
}

/// `GET /api/v1/election/{event}?as_of=`: an election and its recount.
#[utoipa::path(
    get,
    path = "/api/v1/election/{event}",
    tag = "queries",
    params(("event" = String, Path, description = "The id of an `election_held` event"), AsOfParams),
    responses(
        (status = 200, description = "The election as recorded, and its recount from the published urn where it came from a live poll", body = ElectionReport),
        (status = 304, description = "Not modified"),
        (status = 400, description = "a parameter is malformed", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 404, description = "no election_held event has that id", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn election(
    State(state): State<AppState>,
    _caller: Caller,
    Path(event): Path<String>,
    Query(params): Query<AsOfParams>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let report = election_of(&state, as_of, &event).await?;
    json_answer(
        &report,
        Freshness::of(as_of.is_some()),
        &headers,
        StatusCode::OK,
    )
}

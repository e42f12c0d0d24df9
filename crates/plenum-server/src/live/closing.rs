//! Closing a live poll and meeting: the urn sealed, published and counted, the result
//! recorded in the ledger (where the rules judge it), and the published urn read back.

use plenum_model::id::EntityKind;
use plenum_model::query::reports::RecordReport;
use plenum_store::meetings::UrnBallot;
use plenum_vote::tally::Bases;
use plenum_vote::{PollResult, Question, UrnRow};

use super::meeting_error;
use super::service::*;
use crate::error::ApiError;

impl Live<'_> {
    /// Closes a poll: seals and publishes its urn, counts it, and records the result in
    /// the ledger (a motion decided, an election held), where the rules check it.
    pub fn close(&self, poll: &str) -> Result<Closed, ApiError> {
        let p = self.poll(poll)?;
        let meeting = self.meeting(&p.meeting)?;
        let question = question_of(&p)?;
        let delegates = self
            .meetings
            .delegates(&p.meeting)
            .map_err(ApiError::store)?;
        let closed = self.meetings.close_poll(poll).map_err(meeting_error)?;
        let published = publish(&question, &p.title, &closed.urn)?;
        let digest = plenum_vote::digest(&published);
        let (organ, day) = organ_and_day(&meeting)?;
        let snapshot = self.store.snapshot().map_err(ApiError::store)?;
        let (quorum, majority) = organ_rules(&*snapshot, &organ, &day, p.category.as_deref())?;
        let members: u64 = delegates.iter().map(|d| d.weight).sum();
        let bases = Bases {
            present: delegates
                .iter()
                .filter(|d| d.present)
                .map(|d| d.weight)
                .sum(),
            members,
            quorum: quorum.map_or(0, |(q, _)| q.minimum(members)),
        };
        let result = plenum_vote::count(&question, &published, majority, bases)
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let present = delegates.iter().filter(|d| d.present).count();
        let source = serde_json::json!([{
            "document": format!("plenum live poll {poll} (urn digest {digest})"),
            "quote": format!("{}: {} ballots from {} names on the roll.", p.title, closed.urn.len(), closed.roll.len()),
        }]);
        // A named poll is an open vote: the rules judge it against `voting.secret`.
        let ballot = if p.secret { "secret" } else { "open" };
        let event = match &result {
            PollResult::Motion(m) => serde_json::json!({
                "id": format!("{poll}-decided-{}", &digest[..8]),
                "date": self.today(),
                "kind": "motion_decided",
                "meeting": p.meeting,
                "text": p.title,
                "category": p.category,
                "votes": {"for": m.in_favour, "against": m.against, "abstain": m.abstain},
                "present": present,
                "outcome": if m.carried { "carried" } else { "defeated" },
                "ballots": closed.urn.len(),
                "urn": digest,
                "ballot": ballot,
                "sources": source,
            }),
            PollResult::Election(e) => {
                let (seats, method) = match &question {
                    Question::Election { seats, method, .. } => (*seats, method.clone()),
                    Question::Motion { .. } => (1, String::new()),
                };
                let target = p.target.clone().unwrap_or_default();
                let is_post = snapshot
                    .entity(EntityKind::Post, &target)
                    .map_err(ApiError::store)?
                    .is_some();
                let mut event = serde_json::json!({
                    "id": election_event_id(poll, &digest),
                    "date": self.today(),
                    "kind": "election_held",
                    "meeting": p.meeting,
                    "method": method,
                    "seats": seats,
                    "elected": e.elected,
                    "tally": e.first_preferences.iter()
                        .map(|(person, votes)| serde_json::json!({"person": person, "votes": votes}))
                        .collect::<Vec<_>>(),
                    "present": present,
                    "ballots": closed.urn.len(),
                    "urn": digest,
                    "ballot": ballot,
                    "sources": source,
                });
                event[if is_post { "post" } else { "organ" }] = serde_json::Value::String(target);
                event
            }
        };
        let event = strip_nulls(event);
        let result_json = to_json(&result)?;
        // The poll is closed and its urn published whatever the ledger says; a refused
        // result is kept with the poll and reported, for the secretary to record.
        let recorded = self.record(event);
        let entry = recorded.as_ref().ok().map(|r| r.head);
        self.meetings
            .set_result(poll, &result_json, &digest, entry)
            .map_err(ApiError::store)?;
        Ok(Closed {
            poll: poll.to_owned(),
            roll: closed.roll.len(),
            ballots: closed.urn.len(),
            urn_digest: digest,
            result,
            recorded: recorded?,
        })
    }

    /// Ends a meeting: records `meeting_held` with those present and entitled.
    pub fn adjourn(&self, id: &str) -> Result<RecordReport, ApiError> {
        let meeting = self.meeting(id)?;
        let delegates = self.meetings.delegates(id).map_err(ApiError::store)?;
        self.meetings.close_meeting(id).map_err(meeting_error)?;
        let present = delegates.iter().filter(|d| d.present).count();
        self.record(serde_json::json!({
            "id": format!("{id}-held"),
            "date": self.today(),
            "kind": "meeting_held",
            "meeting": id,
            "present": present,
            "entitled": delegates.len(),
            "sources": [{"document": format!("plenum live meeting {id}"),
                         "quote": format!("{}: {present} of {} delegates present at the close.", meeting.name, delegates.len())}],
        }))
    }

    /// A closed poll's published urn; nothing while it is open.
    pub fn urn(&self, poll: &str) -> Result<PublishedUrn, ApiError> {
        let p = self.poll(poll)?;
        let closed = self
            .meetings
            .closed_poll(poll)
            .map_err(ApiError::store)?
            .ok_or_else(|| {
                ApiError::Conflict(format!(
                    "the poll `{poll}` is not closed: its urn is sealed"
                ))
            })?;
        let question = question_of(&p)?;
        let blt = publish(&question, &p.title, &closed.urn)?;
        Ok(PublishedUrn {
            poll: poll.to_owned(),
            title: p.title,
            roll: closed.roll.into_iter().map(|r| r.person).collect(),
            digest: plenum_vote::digest(&blt),
            blt,
            ballots: closed
                .urn
                .into_iter()
                .map(|b| PublishedBallot {
                    tracker: b.tracker,
                    weight: b.weight,
                    ballot: b.ballot,
                    voter: b.voter,
                })
                .collect(),
        })
    }
}

/// The id of the `election_held` event that records the result of an election poll
/// whose published urn has `digest` (what the election page is found by).
pub fn election_event_id(poll: &str, digest: &str) -> String {
    format!("{poll}-elected-{}", digest.get(..8).unwrap_or(digest))
}

fn publish(question: &Question, title: &str, urn: &[UrnBallot]) -> Result<String, ApiError> {
    let rows: Vec<UrnRow> = urn
        .iter()
        .map(|b| UrnRow {
            tracker: b.tracker.clone(),
            weight: b.weight,
            ballot: b.ballot.clone(),
        })
        .collect();
    plenum_vote::publish(question, title, &rows)
        .map_err(|e| ApiError::Internal(format!("the urn does not publish: {e}")))
}

fn strip_nulls(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, strip_nulls(v)))
                .collect(),
        ),
        other => other,
    }
}

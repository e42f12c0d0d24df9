//! The operations of a live meeting, over the ledger and the meetings store.

pub use super::types::*;

use std::collections::BTreeMap;

use plenum_model::date::{FuzzyDate, Truth};
use plenum_model::event::Role;
use plenum_model::id::{EntityKind, MeetingId, OrganRef, PersonId};
use plenum_model::query::Facts;
use plenum_model::query::at::at;
use plenum_model::query::reports::RecordReport;
use plenum_model::statute::{Majority, SecretBallot, StatuteBook, Threshold, Voting};
use plenum_store::Store;
use plenum_store::meetings::{DelegateRecord, MeetingRecord, Meetings, PollRecord, PollStatus};
use plenum_vote::Question;
use plenum_vote::tally::simple_majority;
use serde::Serialize;

use super::meeting_error;
use super::secret::new_owner_key;
use crate::api::events::{BatchForm, record_now};
use crate::error::{ApiError, FieldError};

fn bad(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::Unprocessable(vec![FieldError {
        path: Some(format!("$.{field}")),
        line: None,
        column: None,
        message: message.into(),
    }])
}

fn slug(field: &str, text: &str) -> Result<(), ApiError> {
    MeetingId::new(text)
        .map(|_| ())
        .map_err(|e| bad(field, e.to_string()))
}

/// A statute's rule and the article it is written in.
type Cited<T> = (T, Option<String>);

/// The statute's quorum and majority rules for `organ` on `day`.
pub(super) fn organ_rules(
    facts: &dyn Facts<Error = plenum_store::Error>,
    organ: &OrganRef,
    day: &FuzzyDate,
    category: Option<&str>,
) -> Result<(Option<Cited<Threshold>>, Majority), ApiError> {
    let book = StatuteBook::from_events(&facts.statute_events().map_err(ApiError::store)?);
    let def = book
        .in_force(&organ.org, day.earliest())
        .and_then(|v| v.organ(&organ.key));
    let quorum = def
        .and_then(|d| d.quorum.as_ref())
        .map(|c| (c.rule, c.article.clone()));
    let majority = def
        .and_then(|d| d.majority_for(category.unwrap_or("default")))
        .map_or_else(simple_majority, |c| c.rule);
    Ok((quorum, majority))
}

/// The statute's voting clause for `organ` on `day`.
fn organ_voting(
    facts: &dyn Facts<Error = plenum_store::Error>,
    organ: &OrganRef,
    day: &FuzzyDate,
) -> Result<Option<plenum_model::statute::Cited<Voting>>, ApiError> {
    let book = StatuteBook::from_events(&facts.statute_events().map_err(ApiError::store)?);
    Ok(book
        .in_force(&organ.org, day.earliest())
        .and_then(|v| v.organ(&organ.key))
        .and_then(|d| d.voting.clone()))
}

/// ` (article N)`, where the statute numbers the rule.
fn cited(article: Option<&String>) -> String {
    article.map_or_else(String::new, |a| format!(" (article {a})"))
}

/// A kept meeting's organ and day.
pub(super) fn organ_and_day(meeting: &MeetingRecord) -> Result<(OrganRef, FuzzyDate), ApiError> {
    let organ = meeting
        .organ
        .parse()
        .map_err(|e| ApiError::Internal(format!("a kept organ does not read: {e}")))?;
    let day = meeting
        .scheduled
        .parse()
        .map_err(|e| ApiError::Internal(format!("a kept date does not read: {e}")))?;
    Ok((organ, day))
}

/// The names of these persons, by id (an id the registry does not know is left out).
pub fn person_names(
    facts: &dyn Facts<Error = plenum_store::Error>,
    ids: &[&str],
) -> Result<BTreeMap<String, String>, ApiError> {
    Ok(facts
        .entities_by_id(EntityKind::Person, ids)
        .map_err(ApiError::store)?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect())
}

/// The operations, over one ledger and its meetings.
pub struct Live<'a> {
    /// The ledger.
    pub store: &'a dyn Store,
    /// Its meetings.
    pub meetings: &'a dyn Meetings,
    /// Now (RFC 3339).
    pub now: &'a str,
}

impl Live<'_> {
    pub(super) fn today(&self) -> &str {
        self.now.get(..10).unwrap_or(self.now)
    }

    pub(super) fn record(&self, event: serde_json::Value) -> Result<RecordReport, ApiError> {
        let line = serde_json::to_string(&event)
            .map_err(|e| ApiError::Internal(format!("cannot write an event: {e}")))?;
        record_now(self.store, &line, BatchForm::JsonLines, self.now)
    }

    pub(super) fn meeting(&self, id: &str) -> Result<MeetingRecord, ApiError> {
        self.meetings
            .meeting(id)
            .map_err(ApiError::store)?
            .ok_or_else(|| ApiError::NotFound(format!("no meeting is called `{id}`")))
    }

    pub(super) fn poll(&self, id: &str) -> Result<PollRecord, ApiError> {
        self.meetings
            .poll(id)
            .map_err(ApiError::store)?
            .ok_or_else(|| ApiError::NotFound(format!("no poll is called `{id}`")))
    }

    /// Convenes a meeting: records `meeting_convened` (the statute's notice is checked
    /// then) and opens its roll of delegates.
    pub fn convene(&self, c: &Convene) -> Result<Convened, ApiError> {
        slug("id", &c.id)?;
        let organ: OrganRef = c.organ.parse().map_err(|e| bad("organ", format!("{e}")))?;
        let scheduled: FuzzyDate = c
            .scheduled
            .parse()
            .map_err(|e| bad("scheduled", format!("{e}")))?;
        if scheduled.earliest() != scheduled.latest() {
            return Err(bad(
                "scheduled",
                "give the day the meeting sits: YYYY-MM-DD",
            ));
        }
        if self
            .meetings
            .meeting(&c.id)
            .map_err(ApiError::store)?
            .is_some()
        {
            return Err(ApiError::Conflict(format!("a meeting `{}` exists", c.id)));
        }
        let delegates: Vec<DelegateRecord> = match &c.delegates {
            Some(given) => {
                let snapshot = self.store.snapshot().map_err(ApiError::store)?;
                let mut records = Vec::with_capacity(given.len());
                for (i, d) in given.iter().enumerate() {
                    PersonId::new(&d.person)
                        .map_err(|e| bad(&format!("delegates[{i}].person"), e.to_string()))?;
                    let weight = match (d.weight, &d.represents) {
                        (Some(_), Some(_)) => {
                            return Err(bad(
                                &format!("delegates[{i}]"),
                                "give `weight` or `represents`, not both",
                            ));
                        }
                        (Some(0), None) => {
                            return Err(bad(
                                &format!("delegates[{i}].weight"),
                                "a weight is 1 or more",
                            ));
                        }
                        (Some(w), None) => w,
                        (None, None) => 1,
                        (None, Some(org)) => {
                            let field = format!("delegates[{i}].represents");
                            represented(&*snapshot, org, &scheduled).map_err(|e| bad(&field, e))?
                        }
                    };
                    records.push(DelegateRecord {
                        person: d.person.clone(),
                        weight,
                        present: false,
                    });
                }
                records
            }
            None => {
                let snapshot = self.store.snapshot().map_err(ApiError::store)?;
                let report = at(&*snapshot, &scheduled, &c.organ, None).map_err(ApiError::query)?;
                report
                    .members
                    .iter()
                    .filter(|m| m.role == Some(Role::Full) && m.certainty == Truth::Definitely)
                    .map(|m| DelegateRecord {
                        person: m.id.clone(),
                        weight: 1,
                        present: false,
                    })
                    .collect()
            }
        };
        if delegates.is_empty() {
            return Err(bad(
                "delegates",
                format!(
                    "`{}` has no full members on {}: list the delegates",
                    c.organ, c.scheduled
                ),
            ));
        }
        let voting = {
            let snapshot = self.store.snapshot().map_err(ApiError::store)?;
            organ_voting(&*snapshot, &organ, &scheduled)?
        };
        let allowed = voting
            .as_ref()
            .and_then(|v| v.rule.proxies.map(|n| (n, v.article.as_ref())));
        let max_proxies = match (c.max_proxies, allowed) {
            (Some(asked), Some((most, article))) if asked > most => {
                return Err(bad(
                    "max_proxies",
                    format!(
                        "the statute{} allows a member at most {most} proxies",
                        cited(article)
                    ),
                ));
            }
            (Some(asked), _) => asked,
            (None, Some((most, _))) => most,
            (None, None) => 0,
        };
        let name = c
            .name
            .clone()
            .unwrap_or_else(|| format!("Meeting {}", c.id));
        let recorded = self.record(serde_json::json!({
            "id": format!("{}-convened", c.id),
            "date": self.today(),
            "kind": "meeting_convened",
            "meeting": c.id,
            "organ": organ.to_string(),
            "name": name,
            "scheduled": c.scheduled,
            "sources": [{"document": format!("plenum live meeting {}", c.id),
                         "quote": format!("{name} convened for {}.", c.scheduled)}],
        }))?;
        let meeting = MeetingRecord {
            id: c.id.clone(),
            organ: organ.to_string(),
            name,
            scheduled: c.scheduled.clone(),
            open: true,
            max_proxies,
        };
        self.meetings
            .add_meeting(&meeting, &delegates)
            .map_err(meeting_error)?;
        Ok(Convened {
            meeting: c.id.clone(),
            delegates: delegates.len(),
            recorded,
        })
    }

    /// A meeting now: attendance, quorum and polls (a closed poll with its result).
    pub fn view(&self, id: &str) -> Result<MeetingView, ApiError> {
        let meeting = self.meeting(id)?;
        let delegates = self.meetings.delegates(id).map_err(ApiError::store)?;
        let proxies = self.meetings.proxies(id).map_err(ApiError::store)?;
        let snapshot = self.store.snapshot().map_err(ApiError::store)?;
        let ids: Vec<&str> = delegates.iter().map(|d| d.person.as_str()).collect();
        let names = person_names(&*snapshot, &ids)?;
        let present = delegates.iter().filter(|d| d.present).count() as u64;
        let entitled = delegates.len() as u64;
        let (organ, day) = organ_and_day(&meeting)?;
        let (quorum, _) = organ_rules(&*snapshot, &organ, &day, None)?;
        let quorum = quorum.map(|(rule, article)| Quorum {
            rule: match article {
                Some(a) => format!("{rule} of the members (article {a})"),
                None => format!("{rule} of the members"),
            },
            needed: rule.minimum(entitled),
            met: rule.is_met(present, entitled),
        });
        let delegates = delegates
            .into_iter()
            .map(|d| DelegateView {
                name: names
                    .get(&d.person)
                    .cloned()
                    .unwrap_or_else(|| d.person.clone()),
                proxies: proxies
                    .iter()
                    .filter(|p| p.holder == d.person)
                    .map(|p| p.giver.clone())
                    .collect(),
                person: d.person,
                weight: d.weight,
                present: d.present,
            })
            .collect();
        let polls = self
            .meetings
            .polls(id)
            .map_err(ApiError::store)?
            .into_iter()
            .map(|p| self.poll_view(p))
            .collect::<Result<_, _>>()?;
        Ok(MeetingView {
            id: meeting.id,
            organ: meeting.organ,
            name: meeting.name,
            scheduled: meeting.scheduled,
            open: meeting.open,
            max_proxies: meeting.max_proxies,
            present,
            entitled,
            quorum,
            delegates,
            polls,
        })
    }

    /// A poll as shown (its result only once closed).
    pub fn poll_view(&self, p: PollRecord) -> Result<PollView, ApiError> {
        let turnout = self.meetings.turnout(&p.id).map_err(ApiError::store)?;
        let question = question_of(&p)?;
        let result = match (&p.status, &p.result) {
            (PollStatus::Closed, Some(text)) => serde_json::from_str(text).ok(),
            _ => None,
        };
        Ok(PollView {
            status: p.status.as_str(),
            question,
            turnout,
            result,
            urn_digest: p.urn_digest,
            entry: p.entry,
            id: p.id,
            title: p.title,
            secret: p.secret,
            replaceable: p.replaceable,
        })
    }

    /// The poll `id` as shown.
    pub fn poll_by_id(&self, id: &str) -> Result<PollView, ApiError> {
        let p = self.poll(id)?;
        self.poll_view(p)
    }

    /// Adds a poll to a sitting meeting, as a draft.
    pub fn add_poll(&self, meeting: &str, n: &NewPoll) -> Result<PollView, ApiError> {
        slug("id", &n.id)?;
        self.meeting(meeting)?;
        if n.title.trim().is_empty() {
            return Err(bad("title", "say what the poll asks"));
        }
        let question = match n.kind.as_str() {
            "motion" => Question::Motion { split: n.split },
            "election" => {
                let target = n.target.as_deref().ok_or_else(|| {
                    bad(
                        "target",
                        "an election fills an organ or a post: give `org/key`",
                    )
                })?;
                target
                    .parse::<OrganRef>()
                    .map_err(|e| bad("target", e.to_string()))?;
                let method = n.method.clone().unwrap_or_else(|| "meek".into());
                method
                    .parse::<plenum_count::Method>()
                    .map_err(|e| bad("method", e.to_string()))?;
                for (i, c) in n.candidates.iter().enumerate() {
                    PersonId::new(c)
                        .map_err(|e| bad(&format!("candidates[{i}]"), e.to_string()))?;
                }
                Question::Election {
                    candidates: n.candidates.clone(),
                    method,
                    seats: n.seats.unwrap_or(1).max(1),
                }
            }
            other => {
                return Err(bad(
                    "kind",
                    format!("`{other}`: expected `motion` or `election`"),
                ));
            }
        };
        let secret = {
            let m = self.meeting(meeting)?;
            let (organ, day) = organ_and_day(&m)?;
            let snapshot = self.store.snapshot().map_err(ApiError::store)?;
            let voting = organ_voting(&*snapshot, &organ, &day)?;
            let rule = voting
                .as_ref()
                .and_then(|v| v.rule.secret.map(|s| (s, v.article.as_ref())));
            let election = matches!(question, Question::Election { .. });
            let required = match rule {
                Some((SecretBallot::Always, a)) => Some((true, a)),
                Some((SecretBallot::Elections, a)) if election => Some((true, a)),
                Some((SecretBallot::Never, a)) => Some((false, a)),
                _ => None,
            };
            match (n.secret, required) {
                (Some(asked), Some((must, article))) if asked != must => {
                    return Err(bad(
                        "secret",
                        format!(
                            "the statute{} makes this vote {}",
                            cited(article),
                            if must { "secret" } else { "named (roll-call)" }
                        ),
                    ));
                }
                (Some(asked), _) => asked,
                (None, Some((must, _))) => must,
                (None, None) => true,
            }
        };
        let record = PollRecord {
            id: n.id.clone(),
            meeting: meeting.to_owned(),
            title: n.title.clone(),
            question: to_json(&question)?,
            category: n.category.clone(),
            target: n.target.clone(),
            secret,
            replaceable: n.replaceable,
            status: PollStatus::Draft,
            result: None,
            urn_digest: None,
            entry: None,
        };
        self.meetings.add_poll(&record).map_err(meeting_error)?;
        self.poll_view(record)
    }

    /// Adds a candidate to a draft election.
    pub fn nominate(&self, poll: &str, person: &str) -> Result<PollView, ApiError> {
        let p = self.poll(poll)?;
        PersonId::new(person).map_err(|e| bad("person", e.to_string()))?;
        let Question::Election {
            mut candidates,
            method,
            seats,
        } = question_of(&p)?
        else {
            return Err(ApiError::Conflict(format!(
                "`{poll}` is a motion: it has no candidates"
            )));
        };
        if candidates.iter().any(|c| c == person) {
            return Err(ApiError::Conflict(format!(
                "`{person}` is already a candidate"
            )));
        }
        candidates.push(person.to_owned());
        let question = Question::Election {
            candidates,
            method,
            seats,
        };
        self.meetings
            .set_question(poll, &to_json(&question)?)
            .map_err(meeting_error)?;
        self.poll_by_id(poll)
    }

    /// Opens a draft poll for ballots.
    pub fn open(&self, poll: &str) -> Result<PollView, ApiError> {
        let p = self.poll(poll)?;
        if let Question::Election { candidates, .. } = question_of(&p)?
            && candidates.is_empty()
        {
            return Err(ApiError::Conflict(format!(
                "`{poll}` has no candidates: nominate some first"
            )));
        }
        self.meetings
            .open_poll(poll, &new_owner_key())
            .map_err(meeting_error)?;
        self.poll_by_id(poll)
    }
}

/// A poll's question, as kept.
pub fn question_of(p: &PollRecord) -> Result<Question, ApiError> {
    serde_json::from_str(&p.question)
        .map_err(|e| ApiError::Internal(format!("the poll `{}` keeps a bad question: {e}", p.id)))
}

pub(super) fn to_json<T: Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::Internal(format!("cannot write JSON: {e}")))
}

/// The votes of a delegate who represents `org`: its full members on `day`, as the
/// register has them (certain ones only: a membership that may have ended does not
/// count). An organization without such members is an error, not a weight of 0.
fn represented<F: Facts + ?Sized>(facts: &F, org: &str, day: &FuzzyDate) -> Result<u64, String> {
    let found = facts
        .entity(EntityKind::Org, org)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no organization `{org}` is in the register"))?;
    let org_id: plenum_model::id::OrgId = found.id.parse().map_err(|e| format!("{e}"))?;
    let (lo, hi) = (day.earliest(), day.latest());
    let rows = facts
        .members_on(&org_id, lo, hi)
        .map_err(|e| e.to_string())?;
    let mut full: Vec<&str> = rows
        .iter()
        .filter(|m| {
            m.status == plenum_model::rows::MemberStatus::Full
                && m.span.holds(lo, hi) == Truth::Definitely
        })
        .map(|m| m.person.as_str())
        .collect();
    full.sort_unstable();
    full.dedup();
    let members = full.len();
    if members == 0 {
        return Err(format!(
            "the register has no full member of `{org}` on {day}: give a `weight` instead"
        ));
    }
    u64::try_from(members).map_err(|e| e.to_string())
}

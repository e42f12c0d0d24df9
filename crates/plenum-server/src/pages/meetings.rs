//! Pages of live meetings, working without JavaScript: the meeting (attendance, quorum,
//! polls, the delegate's ballots, the chair's controls), the convening form, and the
//! published urn where a voter finds their tracker. A little script (`/static/live.js`)
//! updates attendance, quorum and turnout from the server's events.
//!
//! Every form carries the session's CSRF token and goes through the same operations as
//! the API (`crate::live`); a ballot's tracker is shown once, in the answer to the vote.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use plenum_vote::Question;
use serde::Deserialize;

use super::forms::{CsrfOnly, chrome};
use super::{Chrome, error_page};
use crate::api::meetings::with_live;
use crate::auth::{Caller, Role};
use crate::error::ApiError;
use crate::live::{DelegateView, Live, MeetingView, NewPoll};
use crate::state::AppState;

/// The policy of a meeting page: the server's own script may run and read its events.
const LIVE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; \
     form-action 'self'";

/// A poll as the meeting page shows it.
#[derive(Debug)]
pub struct PollRow {
    id: String,
    title: String,
    kind: &'static str,
    /// A motion whose weighted voters may split their votes.
    split: bool,
    secret: bool,
    replaceable: bool,
    status: &'static str,
    turnout: u64,
    result: Option<String>,
    /// The page of the election it recorded, once closed and recorded.
    election: Option<String>,
    candidates: Vec<(String, String)>,
    ranks: Vec<usize>,
    /// The ballots the signed-in delegate may cast: (for whom, their name if a proxy).
    voters: Vec<(String, String)>,
}

/// The meeting page.
#[derive(Template, Debug)]
#[template(path = "meeting.html")]
pub struct MeetingPage {
    chrome: Chrome,
    view: MeetingView,
    organ_name: String,
    me: Option<DelegateView>,
    polls: Vec<PollRow>,
    chair: bool,
    csrf: String,
    notice: Option<String>,
    tracker: Option<String>,
    errors: Vec<String>,
}

pub(super) fn html(
    status: StatusCode,
    body: Result<String, askama::Error>,
    csp: &'static str,
) -> Response {
    match body {
        Ok(body) => (
            status,
            [
                (CACHE_CONTROL, HeaderValue::from_static("no-store")),
                (CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp)),
            ],
            Html(body),
        )
            .into_response(),
        Err(e) => error_page(&ApiError::Internal(format!("cannot render the page: {e}"))),
    }
}

/// What happened, to show above the meeting.
#[derive(Debug, Default)]
pub(super) struct Outcome {
    pub(super) notice: Option<String>,
    pub(super) tracker: Option<String>,
    pub(super) errors: Vec<String>,
    pub(super) status: Option<StatusCode>,
}

impl Outcome {
    pub(super) fn failed(e: &ApiError) -> Outcome {
        let mut message = e.to_string();
        if let ApiError::Unprocessable(errors) = e {
            for f in errors {
                message.push_str(&format!(
                    " · {}: {}",
                    f.path.as_deref().unwrap_or(""),
                    f.message
                ));
            }
        }
        Outcome {
            errors: vec![message],
            status: Some(e.status()),
            ..Outcome::default()
        }
    }

    fn done(notice: impl Into<String>) -> Outcome {
        Outcome {
            notice: Some(notice.into()),
            ..Outcome::default()
        }
    }
}

/// A closed poll's result (as kept: `PollResult`'s JSON), in a sentence.
fn result_text(v: &serde_json::Value, names: &BTreeMap<String, String>) -> Option<String> {
    match v.get("kind")?.as_str()? {
        "motion" => Some(format!(
            "{}: for {}, against {}, abstaining {} ({})",
            if v["carried"].as_bool() == Some(true) {
                "Carried"
            } else {
                "Defeated"
            },
            v["for"],
            v["against"],
            v["abstain"],
            v["rule"].as_str().unwrap_or("")
        )),
        _ => {
            let elected: Vec<String> = v["elected"]
                .as_array()?
                .iter()
                .filter_map(|p| p.as_str())
                .map(|p| names.get(p).cloned().unwrap_or_else(|| p.to_owned()))
                .collect();
            Some(format!(
                "Elected: {} ({})",
                elected.join(", "),
                v["method"].as_str().unwrap_or("")
            ))
        }
    }
}

/// Renders the meeting page for `caller`, with what just happened.
pub(super) async fn meeting_page(
    state: &AppState,
    caller: &Caller,
    id: String,
    outcome: Outcome,
) -> Response {
    if let Err(e) = caller.require(Role::may_vote, "see meetings") {
        return error_page(&e);
    }
    let person = caller.account.as_ref().and_then(|a| a.person.clone());
    let loaded = with_live(state, move |live: &Live<'_>| {
        let view = live.view(&id)?;
        let snapshot = live.store.snapshot().map_err(ApiError::store)?;
        let organ_name = snapshot
            .entity(plenum_model::id::EntityKind::Organ, &view.organ)
            .map_err(ApiError::store)?
            .map_or_else(|| view.organ.clone(), |e| e.name);
        let mut ids: Vec<String> = view.delegates.iter().map(|d| d.person.clone()).collect();
        for p in &view.polls {
            if let Question::Election { candidates, .. } = &p.question {
                ids.extend(candidates.iter().cloned());
            }
        }
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let names = crate::live::person_names(&*snapshot, &refs)?;
        Ok((view, organ_name, names))
    })
    .await;
    let (view, organ_name, names) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return error_page(&e),
    };
    let path = format!("/meetings/{}", view.id);
    let chrome = match chrome(state, caller, &view.name, &path).await {
        Ok(c) => c,
        Err(e) => return error_page(&e),
    };
    let me = person
        .as_ref()
        .and_then(|p| view.delegates.iter().find(|d| &d.person == p).cloned());
    let name = |p: &str| names.get(p).cloned().unwrap_or_else(|| p.to_owned());
    let polls = view
        .polls
        .iter()
        .map(|p| {
            let candidates: Vec<(String, String)> = match &p.question {
                Question::Election { candidates, .. } => {
                    candidates.iter().map(|c| (c.clone(), name(c))).collect()
                }
                Question::Motion { .. } => Vec::new(),
            };
            let voters = match &me {
                Some(me) if me.present && view.open => {
                    std::iter::once((me.person.clone(), String::new()))
                        .chain(me.proxies.iter().map(|g| (g.clone(), name(g))))
                        .collect()
                }
                _ => Vec::new(),
            };
            PollRow {
                id: p.id.clone(),
                title: p.title.clone(),
                kind: match p.question {
                    Question::Motion { .. } => "motion",
                    Question::Election { .. } => "election",
                },
                split: matches!(p.question, Question::Motion { split: true }),
                secret: p.secret,
                replaceable: p.replaceable,
                status: p.status,
                turnout: p.turnout,
                result: p.result.as_ref().and_then(|r| result_text(r, &names)),
                election: match (&p.question, &p.urn_digest, p.entry) {
                    (Question::Election { .. }, Some(digest), Some(_)) => {
                        Some(crate::pages::election::election_href(
                            &crate::live::election_event_id(&p.id, digest),
                            None,
                        ))
                    }
                    _ => None,
                },
                ranks: (1..=candidates.len()).collect(),
                candidates,
                voters,
            }
        })
        .collect();
    let page = MeetingPage {
        csrf: caller.session_csrf().unwrap_or_default(),
        chair: caller.role.may_chair(),
        chrome,
        organ_name,
        me,
        polls,
        view,
        notice: outcome.notice,
        tracker: outcome.tracker,
        errors: outcome.errors,
    };
    html(
        outcome.status.unwrap_or(StatusCode::OK),
        page.render(),
        LIVE_CSP,
    )
}

/// `GET /meetings/{id}`.
pub async fn meeting(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Response {
    meeting_page(&state, &caller, id, Outcome::default()).await
}

/// Checks a form's CSRF token; the error as an outcome.
pub(super) fn csrf(caller: &Caller, given: &str) -> Result<(), Outcome> {
    caller
        .check_csrf_value(given)
        .map_err(|e| Outcome::failed(&e))
}

/// Checks a chair's form: its CSRF token, then that the caller may chair (`what`).
fn chair_form(caller: &Caller, given: &str, what: &str) -> Result<(), Outcome> {
    csrf(caller, given)?;
    caller
        .require(Role::may_chair, what)
        .map_err(|e| Outcome::failed(&e))
}

/// The person the signed-in account belongs to, as the API finds it.
pub(super) fn own_person(caller: &Caller) -> Result<String, Outcome> {
    crate::api::meetings::person_of(caller).map_err(|e| Outcome::failed(&e))
}

/// The check-in form.
#[derive(Debug, Deserialize)]
pub struct CheckIn {
    csrf: String,
    code: String,
}

/// `POST /meetings/{id}/checkin`: a delegate checks in with their code.
pub async fn check_in(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Form(form): Form<CheckIn>,
) -> Response {
    let outcome = match csrf(&caller, &form.csrf) {
        Err(o) => o,
        Ok(()) => {
            let hash = crate::auth::secret::secret_hash(form.code.trim());
            let meeting = id.clone();
            match own_person(&caller) {
                Err(o) => o,
                Ok(person) => match with_live(&state, move |live| {
                    live.meetings
                        .attend(&meeting, &person, true, Some(&hash))
                        .map_err(crate::live::meeting_error)
                })
                .await
                {
                    Ok(()) => Outcome::done("You are checked in."),
                    Err(e) => Outcome::failed(&e),
                },
            }
        }
    };
    meeting_page(&state, &caller, id, outcome).await
}

/// The teller's form.
#[derive(Debug, Deserialize)]
pub struct Teller {
    csrf: String,
    person: String,
    present: bool,
}

/// `POST /meetings/{id}/attendance`: a teller marks a delegate present or absent.
pub async fn teller(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Form(form): Form<Teller>,
) -> Response {
    let outcome = match chair_form(&caller, &form.csrf, "act as teller") {
        Err(o) => o,
        Ok(()) => {
            let meeting = id.clone();
            let (person, present) = (form.person.clone(), form.present);
            match with_live(&state, move |live| {
                live.meetings
                    .attend(&meeting, &person, present, None)
                    .map_err(crate::live::meeting_error)
            })
            .await
            {
                Ok(()) => Outcome::done(format!(
                    "{} marked {}.",
                    form.person,
                    if form.present { "present" } else { "absent" }
                )),
                Err(e) => Outcome::failed(&e),
            }
        }
    };
    meeting_page(&state, &caller, id, outcome).await
}

/// The proxy form.
#[derive(Debug, Deserialize)]
pub struct GiveProxy {
    csrf: String,
    holder: String,
}

/// `POST /meetings/{id}/proxy`: the signed-in delegate gives their proxy.
pub async fn give_proxy(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Form(form): Form<GiveProxy>,
) -> Response {
    let outcome = match csrf(&caller, &form.csrf) {
        Err(o) => o,
        Ok(()) => match own_person(&caller) {
            Err(o) => o,
            Ok(giver) => {
                let (meeting, holder) = (id.clone(), form.holder.clone());
                match with_live(&state, move |live| {
                    live.meetings
                        .add_proxy(&meeting, &giver, &holder)
                        .map_err(crate::live::meeting_error)
                })
                .await
                {
                    Ok(()) => Outcome::done(format!("Your proxy is with {}.", form.holder)),
                    Err(e) => Outcome::failed(&e),
                }
            }
        },
    };
    meeting_page(&state, &caller, id, outcome).await
}

/// The new-poll form.
#[derive(Debug, Deserialize)]
pub struct PollForm {
    csrf: String,
    id: String,
    title: String,
    kind: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    seats: String,
    #[serde(default)]
    candidates: String,
    #[serde(default)]
    secret: String,
}

/// `POST /meetings/{id}/polls`: the chair makes a poll.
pub async fn new_poll(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Form(form): Form<PollForm>,
) -> Response {
    let outcome = match chair_form(&caller, &form.csrf, "make polls") {
        Err(o) => o,
        Ok(()) => {
            let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
            let poll = NewPoll {
                id: form.id.trim().to_owned(),
                title: form.title.trim().to_owned(),
                kind: form.kind.clone(),
                category: None,
                split: false,
                target: some(&form.target),
                method: some(&form.method),
                seats: form.seats.trim().parse().ok(),
                candidates: form
                    .candidates
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                secret: match form.secret.as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                },
                replaceable: true,
            };
            let meeting = id.clone();
            match with_live(&state, move |live| live.add_poll(&meeting, &poll)).await {
                Ok(p) => Outcome::done(format!("The poll “{}” is ready to open.", p.title)),
                Err(e) => Outcome::failed(&e),
            }
        }
    };
    meeting_page(&state, &caller, id, outcome).await
}

/// Which meeting a poll belongs to.
pub(super) async fn meeting_of(state: &AppState, poll: &str) -> Result<String, ApiError> {
    let poll = poll.to_owned();
    with_live(state, move |live| {
        live.meetings
            .poll(&poll)
            .map_err(ApiError::store)?
            .map(|p| p.meeting)
            .ok_or_else(|| ApiError::NotFound(format!("no poll is called `{poll}`")))
    })
    .await
}

/// `POST /polls/{id}/open` and `/close` (the chair's buttons).
async fn chair_poll(
    state: AppState,
    caller: Caller,
    poll: String,
    csrf_given: String,
    open: bool,
) -> Response {
    let meeting = match meeting_of(&state, &poll).await {
        Ok(m) => m,
        Err(e) => return error_page(&e),
    };
    let what = if open { "open polls" } else { "close polls" };
    let outcome = match chair_form(&caller, &csrf_given, what) {
        Err(o) => o,
        Ok(()) => {
            let done = with_live(&state, move |live| {
                if open {
                    live.open(&poll).map(|p| format!("“{}” is open.", p.title))
                } else {
                    live.close(&poll).map(|c| {
                        format!("The poll is closed: {} ballots from {} voters, recorded in the ledger.", c.ballots, c.roll)
                    })
                }
            })
            .await;
            match done {
                Ok(notice) => Outcome::done(notice),
                Err(e) => Outcome::failed(&e),
            }
        }
    };
    meeting_page(&state, &caller, meeting, outcome).await
}

/// `POST /polls/{id}/open`.
pub async fn open_poll(
    State(state): State<AppState>,
    caller: Caller,
    Path(poll): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    chair_poll(state, caller, poll, form.csrf, true).await
}

/// `POST /polls/{id}/close`.
pub async fn close_poll(
    State(state): State<AppState>,
    caller: Caller,
    Path(poll): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    chair_poll(state, caller, poll, form.csrf, false).await
}

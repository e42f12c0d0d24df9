//! Forms that work without JavaScript: sign in, sign out, and record events. Every form
//! carries a CSRF token: the session's, or (to sign in, before there is a session) one
//! kept in a short-lived cookie of its own. A bad batch comes back with the text as typed
//! and each error by its place (line, column, and the event's field).

use std::net::SocketAddr;

use askama::Template;
use axum::extract::{ConnectInfo, Form, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::{Cell, Chrome, Table, error_page, keep};
use crate::api::events::{BatchForm, record_text};
use crate::api::session::{Login, sign_in};
use crate::auth::caller::cookie;
use crate::auth::secret::{random_secret, same_secret};
use crate::auth::{Caller, Role};
use crate::error::{ApiError, FieldError};
use crate::state::{AppState, blocking};

/// The cookie that carries the sign-in form's CSRF token.
const LOGIN_COOKIE: &str = "plenum_login";

/// A field of a form.
#[derive(Clone, Debug, Default)]
pub struct Field {
    /// Its name (and id).
    pub name: String,
    /// Its label.
    pub label: String,
    /// `text`, `password`, `textarea` or `select`.
    pub kind: String,
    /// Its value, as typed.
    pub value: String,
    /// The options of a `select`.
    pub options: Vec<String>,
    /// The browser's autocomplete hint.
    pub autocomplete: String,
}

/// An error of a form, with its place.
#[derive(Clone, Debug)]
pub struct ErrorLine {
    /// Where: a field, or a line, column and path of the text.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

/// A page with a form.
#[derive(Template, Debug, Default)]
#[template(path = "form.html")]
pub struct FormPage {
    /// Around the content.
    pub chrome: Chrome,
    /// The heading.
    pub heading: String,
    /// Lines under it.
    pub lead: Vec<String>,
    /// The heading of the errors.
    pub errors_heading: String,
    /// The errors.
    pub errors: Vec<ErrorLine>,
    /// Where the form posts.
    pub action: String,
    /// Its CSRF token.
    pub csrf: String,
    /// Its fields.
    pub fields: Vec<Field>,
    /// The button.
    pub submit: String,
    /// Tables below (what a batch found).
    pub tables: Vec<Table>,
}

impl FormPage {
    fn respond(
        self,
        status: StatusCode,
        headers: Vec<(axum::http::HeaderName, HeaderValue)>,
    ) -> Response {
        match self.render() {
            Ok(html) => {
                let mut response = (status, axum::response::Html(html)).into_response();
                for (name, value) in headers {
                    response.headers_mut().append(name, value);
                }
                response
            }
            Err(e) => error_page(&ApiError::Internal(format!("cannot render the form: {e}"))),
        }
    }
}

pub(super) async fn chrome(
    state: &AppState,
    caller: &Caller,
    title: &str,
    path: &str,
) -> Result<Chrome, ApiError> {
    let store = state.store.clone();
    let head = blocking(move || store.head().map_err(ApiError::store)).await?;
    Ok(Chrome {
        title: title.to_owned(),
        as_of: None,
        head: head.seq.0,
        signed_in: caller.account.as_ref().map(|a| a.name.clone()),
        csrf: caller.session_csrf(),
        home: "/".into(),
        findings: "/findings".into(),
        log: "/log".into(),
        current: path.to_owned(),
    })
}

fn login_fields(name: &str) -> Vec<Field> {
    vec![
        Field {
            name: "name".into(),
            label: "Account name".into(),
            kind: "text".into(),
            value: name.to_owned(),
            autocomplete: "username".into(),
            ..Field::default()
        },
        Field {
            name: "password".into(),
            label: "Password".into(),
            kind: "password".into(),
            autocomplete: "current-password".into(),
            ..Field::default()
        },
    ]
}

async fn login_page(
    state: &AppState,
    caller: &Caller,
    name: &str,
    errors: Vec<ErrorLine>,
    status: StatusCode,
) -> Response {
    let chrome = match chrome(state, caller, "Sign in", "/login").await {
        Ok(chrome) => chrome,
        Err(e) => return error_page(&e),
    };
    let token = random_secret("");
    let cookie =
        format!("{LOGIN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/login; Max-Age=3600");
    let page = FormPage {
        chrome,
        heading: "Sign in".into(),
        errors_heading: "Not signed in".into(),
        errors,
        action: "/login".into(),
        csrf: token,
        fields: login_fields(name),
        submit: "Sign in".into(),
        ..FormPage::default()
    };
    let headers = HeaderValue::from_str(&cookie)
        .map(|v| vec![(SET_COOKIE, v)])
        .unwrap_or_default();
    page.respond(status, headers)
}

/// `GET /login`.
pub async fn login_form(State(state): State<AppState>, caller: Caller) -> Response {
    if state.accounts.is_none() {
        return error_page(&ApiError::ReadOnly);
    }
    login_page(&state, &caller, "", Vec::new(), StatusCode::OK).await
}

/// The sign-in form's fields.
#[derive(Debug, Deserialize)]
pub struct LoginFields {
    /// The form's CSRF token.
    pub csrf: String,
    /// The account's name.
    pub name: String,
    /// Its password.
    pub password: String,
}

/// `POST /login`: a session cookie and back to the organization, or the form again.
pub async fn login(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    extensions: Extensions,
    Form(fields): Form<LoginFields>,
) -> Response {
    let Some(accounts) = state.accounts.clone() else {
        return error_page(&ApiError::ReadOnly);
    };
    let expected = cookie(&headers, LOGIN_COOKIE).unwrap_or("");
    if expected.is_empty() || !same_secret(expected, &fields.csrf) {
        let error = ErrorLine {
            place: "form".into(),
            message: "the form's token is missing or stale: sign in with the form again".into(),
        };
        return login_page(
            &state,
            &caller,
            &fields.name,
            vec![error],
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    let client = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string());
    let login = Login {
        name: fields.name.clone(),
        password: fields.password,
    };
    match sign_in(&state, accounts, login, client).await {
        Ok((session, _)) => {
            let mut response = (
                StatusCode::SEE_OTHER,
                [(LOCATION, HeaderValue::from_static("/"))],
            )
                .into_response();
            response.headers_mut().append(SET_COOKIE, session);
            response.headers_mut().append(
                SET_COOKIE,
                HeaderValue::from_static(
                    "plenum_login=; HttpOnly; SameSite=Strict; Path=/login; Max-Age=0",
                ),
            );
            response
        }
        Err(e) => {
            let error = ErrorLine {
                place: "sign in".into(),
                message: e.to_string(),
            };
            login_page(&state, &caller, &fields.name, vec![error], e.status()).await
        }
    }
}

/// A form with only its CSRF token.
#[derive(Debug, Deserialize)]
pub struct CsrfOnly {
    /// The session's CSRF token.
    pub csrf: String,
}

/// `POST /logout`: ends the session and goes back to the organization.
pub async fn logout(
    State(state): State<AppState>,
    caller: Caller,
    Form(form): Form<CsrfOnly>,
) -> Response {
    if let Err(e) = caller.check_csrf_value(&form.csrf) {
        return error_page(&e);
    }
    if let (Some(accounts), crate::auth::caller::Proof::Session { hash, .. }) =
        (state.accounts.clone(), &caller.proof)
    {
        let hash = hash.clone();
        if let Err(e) =
            blocking(move || accounts.remove_session(&hash).map_err(ApiError::store)).await
        {
            return error_page(&e);
        }
    }
    (
        StatusCode::SEE_OTHER,
        [
            (LOCATION, HeaderValue::from_static("/")),
            (
                SET_COOKIE,
                HeaderValue::from_static(
                    "plenum_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0",
                ),
            ),
        ],
    )
        .into_response()
}

const FORMATS: [&str; 3] = ["toml", "jsonl", "json"];

fn record_fields(format: &str, events: &str) -> Vec<Field> {
    vec![
        Field {
            name: "format".into(),
            label: "Format".into(),
            kind: "select".into(),
            value: format.to_owned(),
            options: FORMATS.iter().map(|f| (*f).to_owned()).collect(),
            ..Field::default()
        },
        Field {
            name: "events".into(),
            label: "Events ([[event]] tables in TOML, one JSON object a line, or a JSON array)"
                .into(),
            kind: "textarea".into(),
            value: events.to_owned(),
            ..Field::default()
        },
    ]
}

/// Refuses a caller who may not record, with the page that says why.
fn may_record(state: &AppState, caller: &Caller) -> Result<(), ApiError> {
    if state.config.read_only {
        return Err(ApiError::ReadOnly);
    }
    caller.require(Role::may_record, "record events")
}

/// `GET /record`: the form to record a batch (secretaries and admins).
pub async fn record_form(State(state): State<AppState>, caller: Caller) -> Response {
    if let Err(e) = may_record(&state, &caller) {
        return error_page(&e);
    }
    let chrome = match chrome(&state, &caller, "Record events", "/record").await {
        Ok(chrome) => chrome,
        Err(e) => return error_page(&e),
    };
    let page = FormPage {
        csrf: chrome.csrf.clone().unwrap_or_default(),
        chrome,
        heading: "Record events".into(),
        lead: vec![
            "The batch is checked as plenum record checks files, and recorded all or nothing."
                .into(),
        ],
        action: "/record".into(),
        fields: record_fields("toml", ""),
        submit: "Record".into(),
        ..FormPage::default()
    };
    page.respond(StatusCode::OK, Vec::new())
}

/// The record form's fields.
#[derive(Debug, Deserialize)]
pub struct RecordFields {
    /// The session's CSRF token.
    pub csrf: String,
    /// `toml`, `jsonl` or `json`.
    pub format: String,
    /// The events.
    pub events: String,
}

fn place(e: &FieldError) -> String {
    let mut parts = Vec::new();
    if let Some(line) = e.line {
        parts.push(format!("line {line}"));
    }
    if let Some(column) = e.column {
        parts.push(format!("column {column}"));
    }
    if let Some(path) = &e.path {
        parts.push(format!("field {path}"));
    }
    if parts.is_empty() {
        "the batch".to_owned()
    } else {
        parts.join(", ")
    }
}

/// `POST /record`: records the batch and shows what it found, or the form again with
/// each error by its place.
pub async fn record(
    State(state): State<AppState>,
    caller: Caller,
    Form(fields): Form<RecordFields>,
) -> Response {
    if let Err(e) = caller
        .check_csrf_value(&fields.csrf)
        .and_then(|()| may_record(&state, &caller))
    {
        return error_page(&e);
    }
    let chrome = match chrome(&state, &caller, "Record events", "/record").await {
        Ok(chrome) => chrome,
        Err(e) => return error_page(&e),
    };
    let form = match fields.format.as_str() {
        "jsonl" => BatchForm::JsonLines,
        "json" => BatchForm::JsonArray,
        _ => BatchForm::Toml,
    };
    let mut page = FormPage {
        csrf: chrome.csrf.clone().unwrap_or_default(),
        chrome,
        heading: "Record events".into(),
        action: "/record".into(),
        submit: "Record".into(),
        ..FormPage::default()
    };
    match record_text(&state, fields.events.clone(), form).await {
        Ok(report) => {
            page.lead = vec![format!(
                "Recorded {} events as entries {}–{}.",
                report.recorded, report.first, report.head
            )];
            let mut found = Table::new(
                format!("{} findings on these events", report.findings.len()),
                &["date", "severity", "rule", "what"],
            );
            for f in &report.findings {
                let text = |key: &str| f[key].as_str().unwrap_or("").to_owned();
                found.rows.push(vec![
                    Cell::text(text("date")),
                    Cell::text(text("severity")),
                    Cell::link(text("rule"), keep("/findings", None)),
                    Cell::text(text("message")),
                ]);
            }
            page.tables = vec![found];
            page.fields = record_fields(&fields.format, "");
            page.respond(StatusCode::OK, Vec::new())
        }
        Err(ApiError::Unprocessable(errors)) => {
            page.lead = vec!["Nothing was recorded.".into()];
            page.errors_heading = format!("{} errors in the batch", errors.len());
            page.errors = errors
                .iter()
                .map(|e| ErrorLine {
                    place: place(e),
                    message: e.message.clone(),
                })
                .collect();
            page.fields = record_fields(&fields.format, &fields.events);
            page.respond(StatusCode::UNPROCESSABLE_ENTITY, Vec::new())
        }
        Err(e) => error_page(&e),
    }
}

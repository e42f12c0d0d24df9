//! `POST /api/v1/events`: a batch of events, checked exactly as `plenum record` checks
//! its files, recorded all-or-nothing. A bad batch is answered 422 with every error
//! found, each naming its place, and changes nothing.

use std::ops::Range;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use plenum_model::event::read::{Format, Located, read};
use plenum_model::ledger::RecordError;
use plenum_model::query::render;
use plenum_model::query::reports::RecordReport;
use plenum_model::registry::Refusal;
use plenum_model::source::InputError;
use plenum_store::WriteError;

use super::{Freshness, json_answer};
use crate::auth::{Caller, Role};
use crate::error::{ApiError, ErrorBody, FieldError};
use crate::state::{AppState, blocking};

/// The forms a batch may take, by `Content-Type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchForm {
    /// `application/json`: an array of event objects (errors named `$[i].field`).
    JsonArray,
    /// `application/jsonl` (or `application/x-ndjson`): JSON Lines, as `record` reads.
    JsonLines,
    /// `application/toml`: `[[event]]` tables, as `record` reads.
    Toml,
}

impl BatchForm {
    /// The form a content type names.
    pub fn of(content_type: &str) -> Option<BatchForm> {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "application/json" => Some(BatchForm::JsonArray),
            "application/jsonl" | "application/x-ndjson" | "application/json-lines" => {
                Some(BatchForm::JsonLines)
            }
            "application/toml" | "text/toml" => Some(BatchForm::Toml),
            _ => None,
        }
    }
}

/// One event of the batch and where it is written in the body.
struct Placed {
    located: Located,
    /// Byte offset of its text in the body (its spans are relative to that).
    offset: usize,
    /// Its index in a JSON array, for paths.
    index: Option<usize>,
}

/// `POST /api/v1/events`: records a batch; 201 with `record --json`'s report.
#[utoipa::path(
    post,
    path = "/api/v1/events",
    tag = "events",
    request_body(description = "A batch of events, recorded all or nothing: a JSON array of event objects, JSON Lines (one event object a line), or TOML `[[event]]` tables, as `plenum record` reads", content((Vec<Object> = "application/json"), (String = "application/jsonl"), (String = "application/toml"))),
    responses(
        (status = 201, description = "Recorded: `plenum record --json`", body = RecordReport),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 409, description = "the ledger or the meeting is not in the state this needs", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 415, description = "the body's content type is not one this endpoint reads", body = ErrorBody),
        (status = 422, description = "the body was refused, each problem with its place; nothing was recorded", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [], "csrf" = [])),
)]
pub async fn record(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    if state.config.read_only {
        return Err(ApiError::ReadOnly);
    }
    caller.check_csrf(&headers)?;
    caller.require(Role::may_record, "record events")?;
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let form = BatchForm::of(content_type).ok_or_else(|| {
        ApiError::UnsupportedMediaType(format!(
            "Content-Type is `{content_type}`; send application/json (an array of events), application/jsonl or application/toml"
        ))
    })?;
    let text = String::from_utf8(body.to_vec()).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
        let error = InputError::at(&lossy, at..at + 1, "this byte is not UTF-8 text");
        ApiError::Unprocessable(vec![placed_error(None, &error)])
    })?;
    let report = record_text(&state, text, form).await?;
    json_answer(
        &report,
        Freshness::Revalidate,
        &HeaderMap::new(),
        StatusCode::CREATED,
    )
}

/// Reads a batch and records it all-or-nothing: what `record --json` reports, or every
/// error found, each with its place. Shared by the API and the record form.
pub async fn record_text(
    state: &AppState,
    text: String,
    form: BatchForm,
) -> Result<RecordReport, ApiError> {
    let now = state.now()?;
    let store = state.store.clone();
    blocking(move || record_now(&*store, &text, form, &now)).await
}

/// Reads a batch and records it all-or-nothing, now: what `record --json` reports, or
/// every error found, each with its place. Blocking.
pub fn record_now(
    store: &dyn plenum_store::Store,
    text: &str,
    form: BatchForm,
    now: &str,
) -> Result<RecordReport, ApiError> {
    let placed = read_batch(text, form)?;
    let events: Vec<_> = placed.iter().map(|p| p.located.event.clone()).collect();
    let written = match plenum_store::record(store, &events, now) {
        Ok(written) => written,
        Err(WriteError::Record(RecordError::Refused(refused))) => {
            let error = placed
                .get(refused.index)
                .map(|p| refusal_error(text, p, refused.index, &refused.refusal))
                .unwrap_or_else(|| FieldError {
                    path: Some(format!("$[{}]", refused.index)),
                    line: None,
                    column: None,
                    message: refused.refusal.message.clone(),
                });
            return Err(ApiError::Unprocessable(vec![error]));
        }
        Err(WriteError::Record(RecordError::Full)) => {
            return Err(ApiError::Unprocessable(vec![FieldError {
                path: None,
                line: None,
                column: None,
                message: RecordError::Full.to_string(),
            }]));
        }
        Err(WriteError::Record(RecordError::Backing(e))) => {
            return Err(ApiError::Internal(e.to_string()));
        }
        Err(WriteError::Store(e)) => return Err(ApiError::store(e)),
    };
    let recorded = &written.recorded;
    let snapshot = store.snapshot().map_err(ApiError::store)?;
    let messages = render(
        &*snapshot,
        &recorded
            .findings
            .iter()
            .map(|f| &f.message)
            .collect::<Vec<_>>(),
    )
    .map_err(ApiError::store)?;
    Ok(RecordReport::new(
        events.len(),
        recorded,
        &messages,
        written.head.seq.0,
        written.head.hash.to_hex(),
    ))
}

/// Reads the whole batch, or every error found in it.
fn read_batch(text: &str, form: BatchForm) -> Result<Vec<Placed>, ApiError> {
    let placed = match form {
        BatchForm::Toml | BatchForm::JsonLines => {
            let format = if form == BatchForm::Toml {
                Format::Toml
            } else {
                Format::JsonLines
            };
            read(text, format)
                .map_err(|e| ApiError::Unprocessable(vec![placed_error(None, &e)]))?
                .into_iter()
                .map(|located| Placed {
                    located,
                    offset: 0,
                    index: None,
                })
                .collect()
        }
        BatchForm::JsonArray => read_array(text)?,
    };
    if placed.is_empty() {
        return Err(ApiError::Unprocessable(vec![FieldError {
            path: Some("$".into()),
            line: None,
            column: None,
            message: "the batch holds no events".into(),
        }]));
    }
    Ok(placed)
}

/// Reads a JSON array of events, each element as the JSON Lines reader reads a line
/// (its line breaks, which JSON allows only between tokens, read as spaces, so every
/// byte keeps its place), and gathers the error of every bad element.
fn read_array(text: &str) -> Result<Vec<Placed>, ApiError> {
    let elements = split_array(text).map_err(|e| ApiError::Unprocessable(vec![e]))?;
    let mut placed = Vec::with_capacity(elements.len());
    let mut errors = Vec::new();
    for (index, range) in elements.into_iter().enumerate() {
        let line: String = text[range.clone()]
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        match read(&line, Format::JsonLines) {
            Ok(mut located) if located.len() == 1 => {
                if let Some(located) = located.pop() {
                    placed.push(Placed {
                        located,
                        offset: range.start,
                        index: Some(index),
                    });
                }
            }
            Ok(_) => errors.push(FieldError {
                path: Some(format!("$[{index}]")),
                line: None,
                column: None,
                message: "expected one event object".into(),
            }),
            Err(e) => {
                let shifted = InputError::at(
                    text,
                    e.span.start + range.start..e.span.end + range.start,
                    e.message.clone(),
                );
                errors.push(placed_error(Some(format!("$[{index}]")), &shifted));
            }
        }
    }
    if errors.is_empty() {
        Ok(placed)
    } else {
        Err(ApiError::Unprocessable(errors))
    }
}

/// The byte ranges of the elements of a JSON array.
fn split_array(text: &str) -> Result<Vec<Range<usize>>, FieldError> {
    let syntax = |at: usize, message: &str| {
        let error = InputError::at(text, at..at, message);
        placed_error(Some("$".into()), &error)
    };
    let start = text.len() - text.trim_start().len();
    let text_bytes = text.as_bytes();
    if text_bytes.get(start) != Some(&b'[') {
        return Err(syntax(
            start,
            "expected a JSON array of events: `[{...}, {...}]`",
        ));
    }
    let mut ranges = Vec::new();
    let mut at = start + 1;
    loop {
        let rest = &text[at..];
        let skipped = rest.len() - rest.trim_start().len();
        at += skipped;
        if text_bytes.get(at) == Some(&b']') && ranges.is_empty() {
            at += 1;
            break;
        }
        let mut stream =
            serde_json::Deserializer::from_str(&text[at..]).into_iter::<serde::de::IgnoredAny>();
        match stream.next() {
            Some(Ok(_)) => {
                let end = at + stream.byte_offset();
                ranges.push(at..end);
                at = end;
            }
            Some(Err(e)) => {
                return Err(syntax(
                    at + offset_of(&text[at..], e.line(), e.column()),
                    &format!("element {} is not JSON: {e}", ranges.len()),
                ));
            }
            None => return Err(syntax(at, "the array is not closed: expected `]`")),
        }
        let rest = &text[at..];
        at += rest.len() - rest.trim_start().len();
        match text_bytes.get(at) {
            Some(b',') => at += 1,
            Some(b']') => {
                at += 1;
                break;
            }
            _ => return Err(syntax(at, "expected `,` or `]` after an event")),
        }
    }
    if !text[at..].trim().is_empty() {
        return Err(syntax(at, "text after the array's closing `]`"));
    }
    Ok(ranges)
}

/// The byte offset of a 1-based line and column (characters) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1))
                    .map_or(l.len(), |(i, _)| i);
        }
        offset += l.len();
    }
    text.len()
}

fn placed_error(path: Option<String>, error: &InputError) -> FieldError {
    FieldError {
        path,
        line: Some(error.line),
        column: Some(error.column),
        message: error.message.clone(),
    }
}

/// A refusal of the registry, at the refused field of the `index`th event of the batch.
fn refusal_error(text: &str, placed: &Placed, index: usize, refusal: &Refusal) -> FieldError {
    let span = placed.located.field_span(&refusal.field);
    let error = InputError::at(
        text,
        span.start + placed.offset..span.end + placed.offset,
        refusal.message.clone(),
    );
    let index = placed.index.unwrap_or(index);
    let path = if refusal.field.is_empty() {
        format!("$[{index}]")
    } else {
        format!("$[{index}].{}", refusal.field)
    };
    placed_error(Some(path), &error)
}

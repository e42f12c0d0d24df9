//! `ApiError`: every way a request fails, each variant with its status. Internal errors
//! send a generic message; their cause is kept for the log, never sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use plenum_model::query::QueryError;
use serde::Serialize;

/// One problem with a batch of events: where (a JSON path into the batch, or a line and
/// column of its text) and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// `$[3].person`: the element of the batch and its field, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line of the body, when the error has a place in its text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (characters) of that line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong, and what was expected.
    pub message: String,
}

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: a parameter is malformed or missing; the message names it.
    #[error("{0}")]
    BadRequest(String),
    /// 404: nothing is called that (the message suggests close names).
    #[error("{0}")]
    NotFound(String),
    /// 401: the request needs an account (or its token is not valid).
    #[error("{0}")]
    Unauthorized(String),
    /// 403: the caller's role may not do this, or a session's CSRF token is missing.
    #[error("{0}")]
    Forbidden(String),
    /// 429: too many failed logins; try again after this many seconds.
    #[error("too many failed logins; try again in {0} seconds")]
    TooManyRequests(u64),
    /// 403: the server is read-only (`--demo`).
    #[error("this server is read-only: it serves the bundled example (plenum serve --demo)")]
    ReadOnly,
    /// 409: the ledger changed underneath a write that expected another head.
    #[error("{0}")]
    Conflict(String),
    /// 413: the body is larger than the server accepts.
    #[error("{0}")]
    TooLarge(String),
    /// 415: the body's content type is not one the endpoint reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: the batch was refused; nothing was recorded. Each error names its place.
    #[error("the batch was refused; nothing was recorded")]
    Unprocessable(Vec<FieldError>),
    /// 500: the ledger is damaged (`plenum verify` names where).
    #[error("the ledger is damaged; run plenum verify on it")]
    Damaged(String),
    /// 500: anything else; the cause is logged, not sent.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) | ApiError::ReadOnly => StatusCode::FORBIDDEN,
            ApiError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Damaged(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A store's error: damage is named as such, a conflict is 409, the rest internal.
    pub fn store(e: plenum_store::Error) -> ApiError {
        use plenum_store::Error as E;
        match e {
            E::Conflict { .. } => ApiError::Conflict(e.to_string()),
            E::Corrupt { .. } | E::Tampered { .. } | E::HeadMismatch { .. } | E::Damaged(_) => {
                ApiError::Damaged(e.to_string())
            }
            other => ApiError::Internal(other.to_string()),
        }
    }

    /// A query's error over any backend.
    pub fn query<E: std::error::Error + 'static>(e: QueryError<E>) -> ApiError {
        match e {
            QueryError::NotFound { .. } => ApiError::NotFound(e.to_string()),
            QueryError::Ambiguous { .. } => ApiError::BadRequest(e.to_string()),
            QueryError::Backend(inner) => ApiError::backend(inner),
        }
    }

    /// A backend's error (a store's, seen through `Facts`).
    pub fn backend<E: std::error::Error + 'static>(e: E) -> ApiError {
        ApiError::Internal(e.to_string())
    }
}

/// The body of every error response: what went wrong, and for a refused batch or
/// request body, each problem with its place.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong, in words.
    pub error: String,
    /// Each problem with its place (only for 422).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let ApiError::Internal(cause) | ApiError::Damaged(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        let errors = match &self {
            ApiError::Unprocessable(errors) => errors.clone(),
            _ => Vec::new(),
        };
        let body = ErrorBody {
            error: self.to_string(),
            errors,
        };
        let mut response = (status, Json(body)).into_response();
        match &self {
            ApiError::Unauthorized(_) => {
                response.headers_mut().insert(
                    axum::http::header::WWW_AUTHENTICATE,
                    axum::http::HeaderValue::from_static("Bearer"),
                );
            }
            ApiError::TooManyRequests(seconds) => {
                if let Ok(value) = axum::http::HeaderValue::from_str(&seconds.to_string()) {
                    response
                        .headers_mut()
                        .insert(axum::http::header::RETRY_AFTER, value);
                }
            }
            _ => {}
        }
        response
    }
}

/// Answers the extractors' own refusals under `/api/` (a query string or path that does
/// not parse: axum's `text/plain` 400) with the JSON error body every other error has.
pub async fn json_rejections(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    let status = response.status();
    let plain = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !api || !plain || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (_, body) = response.into_parts();
    let text = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).trim().to_owned(),
        Err(_) => String::new(),
    };
    let body = ErrorBody {
        error: if text.is_empty() {
            status.canonical_reason().unwrap_or("error").to_owned()
        } else {
            text
        },
        errors: Vec::new(),
    };
    (status, Json(body)).into_response()
}

//! Every request body is read whole (up to the server's limit) before the request is
//! routed. A request refused before its handler reads the body (401, 403) would otherwise
//! leave unread bytes on the connection, and the server would close a keep-alive
//! connection its client may be about to reuse.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use plenum_model::limits::MAX_EVENT_FILE_BYTES;

use crate::error::ApiError;

/// Reads the body of `request` before passing it on; a body over the limit is 413.
pub async fn read_whole(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    match to_bytes(body, MAX_EVENT_FILE_BYTES as usize).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(_) => ApiError::TooLarge(format!(
            "the body is over {MAX_EVENT_FILE_BYTES} bytes, or was cut off"
        ))
        .into_response(),
    }
}

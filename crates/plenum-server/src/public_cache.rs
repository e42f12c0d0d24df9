//! The public's reads, kept whole: a page or API answer sent to someone who is not
//! signed in depends only on its path and query, the ledger's head, today's date (the
//! date a page shows when none is asked) and what the organization shows the public. Such a response is kept, body and
//! headers, until the head moves, and sent again without asking the model or rendering
//! anything. Signed-in callers (their name is on the page), conditional requests and
//! anything that sets a cookie go through to the handler every time.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, COOKIE, IF_NONE_MATCH, SET_COOKIE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use plenum_store::Head;

use crate::api::head_now;
use crate::auth::visibility::Section;
use crate::state::AppState;

/// The most bytes of bodies kept; past it, everything kept goes.
pub const CAPACITY_BYTES: usize = 64 << 20;

/// The largest body kept.
pub const LARGEST: usize = 1 << 20;

struct KeptResponse {
    head: Head,
    headers: HeaderMap,
    body: Bytes,
}

/// The kept responses, by today's date and the request's path and query.
#[derive(Default)]
pub struct PublicCache {
    kept: Mutex<(usize, HashMap<String, KeptResponse>)>,
}

impl PublicCache {
    fn get(&self, key: &str, head: Head) -> Option<Response> {
        let kept = self.kept.lock().ok()?;
        let found = kept.1.get(key).filter(|k| k.head == head)?;
        let mut response = Response::new(Body::from(found.body.clone()));
        *response.headers_mut() = found.headers.clone();
        Some(response)
    }

    fn put(&self, key: String, head: Head, headers: HeaderMap, body: Bytes) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        let (bytes, map) = &mut *kept;
        if *bytes + body.len() > CAPACITY_BYTES {
            map.retain(|_, k| k.head == head);
            *bytes = map.values().map(|k| k.body.len()).sum();
            if *bytes + body.len() > CAPACITY_BYTES {
                map.clear();
                *bytes = 0;
            }
        }
        *bytes += body.len();
        if let Some(old) = map.insert(
            key,
            KeptResponse {
                head,
                headers,
                body,
            },
        ) {
            *bytes -= old.body.len();
        }
    }

    /// How many responses are kept.
    pub fn len(&self) -> usize {
        self.kept.lock().map_or(0, |k| k.1.len())
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Whether a request may be answered from (and its answer kept in) the public cache: a
/// GET of a page or answer of a section of the record, or of the home page, from
/// someone who shows no credentials and asks for no revalidation.
fn keepable(request: &Request) -> bool {
    let path = request.uri().path();
    let headers = request.headers();
    let signed = headers.contains_key(AUTHORIZATION)
        || headers
            .get_all(COOKIE)
            .iter()
            .any(|c| c.to_str().is_ok_and(|c| c.contains("plenum_session=")));
    request.method() == Method::GET
        && (path == "/" || Section::of_path(path).is_some())
        && !signed
        && !headers.contains_key(IF_NONE_MATCH)
}

/// Answers the public's reads from the cache, and keeps what the handler answers them.
pub async fn reuse(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !keepable(&request) {
        return next.run(request).await;
    }
    let (Ok(today), Ok(head), Ok(levels)) = (
        state.today(),
        head_now(&state).await,
        state.visibility.levels(&state).await,
    ) else {
        return next.run(request).await;
    };
    // The home page shows what the levels let the public read.
    let key = format!("{today} {levels:?} {}", request.uri());
    if let Some(kept) = state.public_cache.get(&key, head) {
        return kept;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, LARGEST).await {
        Ok(body) => body,
        // Larger than kept (or failed): nothing to send either, so say so.
        Err(e) => {
            return crate::ApiError::Internal(format!("cannot read the answer: {e}"))
                .into_response();
        }
    };
    // Kept only if nothing was written while it was made.
    if head_now(&state).await.is_ok_and(|after| after == head) {
        state
            .public_cache
            .put(key, head, parts.headers.clone(), body.clone());
    }
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use plenum_model::id::Seq;
    use plenum_store::Hash;

    fn head(seq: u64) -> Head {
        Head {
            seq: Seq(seq),
            hash: Hash::ZERO,
        }
    }

    #[test]
    fn a_response_holds_for_its_head_and_the_bytes_stay_bounded() {
        let cache = PublicCache::default();
        cache.put(
            "a".into(),
            head(1),
            HeaderMap::new(),
            Bytes::from_static(b"x"),
        );
        assert!(cache.get("a", head(1)).is_some());
        assert!(cache.get("a", head(2)).is_none());
        assert!(cache.get("b", head(1)).is_none());
        let big = Bytes::from(vec![0u8; LARGEST]);
        for i in 0..(CAPACITY_BYTES / LARGEST + 3) {
            cache.put(format!("k{i}"), head(2), HeaderMap::new(), big.clone());
        }
        let kept = cache.kept.lock().expect("lock");
        assert!(kept.0 <= CAPACITY_BYTES, "{} bytes kept", kept.0);
        assert_eq!(kept.0, kept.1.values().map(|k| k.body.len()).sum::<usize>());
    }
}

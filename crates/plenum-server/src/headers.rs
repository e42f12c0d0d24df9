//! Security headers on every response: a strict Content-Security-Policy (no script at
//! all, styles and images from this server only, no frames), no MIME sniffing, no
//! referrer. Served over HTTPS (`plenum serve --https-only`, or a request a proxy
//! forwarded with `X-Forwarded-Proto: https`), every cookie is also `Secure` and the
//! answer carries `Strict-Transport-Security`.

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, SET_COOKIE, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// The header a TLS-terminating proxy sets to the scheme the client used.
pub const FORWARDED_PROTO: &str = "x-forwarded-proto";

/// Whether the client reached the server over HTTPS.
pub fn over_https(state: &AppState, request: &HeaderMap) -> bool {
    state.config.https_only
        || request
            .get(FORWARDED_PROTO)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"))
}

/// Marks every cookie a response sets `Secure`.
fn secure_cookies(headers: &mut HeaderMap) {
    let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).iter().cloned().collect();
    if cookies.is_empty() {
        return;
    }
    headers.remove(SET_COOKIE);
    for cookie in cookies {
        let secure = match cookie.to_str() {
            Ok(text) if !text.contains("; Secure") => {
                HeaderValue::from_str(&format!("{text}; Secure")).unwrap_or(cookie)
            }
            _ => cookie,
        };
        headers.append(SET_COOKIE, secure);
    }
}

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/// Adds the security headers to a response.
pub async fn security(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let https = over_https(&state, request.headers());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if https {
        secure_cookies(headers);
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    // A response that set its own policy (a figure) keeps it.
    if !headers.contains_key(CONTENT_SECURITY_POLICY) {
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cookie_becomes_secure_once() {
        let mut headers = HeaderMap::new();
        headers.append(SET_COOKIE, HeaderValue::from_static("a=1; HttpOnly"));
        headers.append(
            SET_COOKIE,
            HeaderValue::from_static("b=; Max-Age=0; Secure"),
        );
        secure_cookies(&mut headers);
        let cookies: Vec<&str> = headers
            .get_all(SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert_eq!(cookies, ["a=1; HttpOnly; Secure", "b=; Max-Age=0; Secure"]);
    }
}

//! `/api/v1/session`: sign in (POST, name and password: a session cookie and its CSRF
//! token), who am I (GET), sign out (DELETE).

use std::net::SocketAddr;
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::header::SET_COOKIE;
use axum::http::{Extensions, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use plenum_store::accounts::Accounts;

use crate::auth::caller::Proof;
use crate::auth::secret::{hash_password, password_matches, random_secret, secret_hash};
use crate::auth::{Caller, Role, SESSION_COOKIE, SESSION_SECONDS};
use crate::error::{ApiError, ErrorBody};
use crate::state::{AppState, blocking};

/// The body of a login.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct Login {
    /// The account's name.
    pub name: String,
    /// Its password.
    pub password: String,
}

/// Who the caller is.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Whoami {
    /// The account's name (absent for the public).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The role.
    pub role: Role,
    /// The person in the register the account belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The session's CSRF token, for the `x-csrf-token` header of unsafe requests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csrf: Option<String>,
}

/// A hash to check passwords of unknown accounts against, so that a login for a name
/// that does not exist takes as long as one with a wrong password.
static DECOY: LazyLock<String> =
    LazyLock::new(|| hash_password("a decoy password nobody has").unwrap_or_default());

/// `GET /api/v1/session`.
#[utoipa::path(
    get,
    path = "/api/v1/session",
    tag = "session",
    responses(
        (status = 200, description = "Who the caller is (the public when not signed in)", body = Whoami),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security((), ("bearer" = []), ("session" = [])),
)]
pub async fn whoami(caller: Caller) -> Json<Whoami> {
    let csrf = match &caller.proof {
        Proof::Session { csrf, .. } => Some(csrf.clone()),
        _ => None,
    };
    Json(Whoami {
        name: caller.account.as_ref().map(|a| a.name.clone()),
        role: caller.role,
        person: caller.account.and_then(|a| a.person),
        csrf,
    })
}

/// `POST /api/v1/session` with `{"name": ..., "password": ...}`.
#[utoipa::path(
    post,
    path = "/api/v1/session",
    tag = "session",
    request_body(content = Login, content_type = "application/json"),
    responses(
        (status = 200, description = "Signed in: the session cookie `plenum_session` is set; the answer carries its CSRF token", body = Whoami, headers(("set-cookie" = String, description = "plenum_session=...; HttpOnly; SameSite=Strict"))),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 413, description = "the body is over the server's limit", body = ErrorBody),
        (status = 415, description = "the body's content type is not one this endpoint reads", body = ErrorBody),
        (status = 429, description = "too many failed logins: try again after Retry-After seconds", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(()),
)]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: Extensions,
    body: Bytes,
) -> Result<Response, ApiError> {
    let Some(accounts) = state.accounts.clone() else {
        return Err(ApiError::ReadOnly);
    };
    // Only JSON: a form on another site cannot send it without the browser asking first,
    // so no page elsewhere can sign a visitor in to an account of its choosing.
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.split(';').next().map(str::trim) != Some("application/json") {
        return Err(ApiError::UnsupportedMediaType(format!(
            "Content-Type is `{content_type}`; send application/json"
        )));
    }
    let login: Login = serde_json::from_slice(&body).map_err(|e| {
        ApiError::BadRequest(format!(
            "the body must be {{\"name\": \"...\", \"password\": \"...\"}}: {e}"
        ))
    })?;
    let client = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string());
    let (cookie, body) = sign_in(&state, accounts, login, client).await?;
    Ok(([(SET_COOKIE, cookie)], Json(body)).into_response())
}

/// Checks a name and password (rate-limited per name and per client address) and starts
/// a session: its cookie, and who signed in (with the session's CSRF token).
pub async fn sign_in(
    state: &AppState,
    accounts: Arc<dyn Accounts>,
    login: Login,
    client: Option<String>,
) -> Result<(HeaderValue, Whoami), ApiError> {
    let mut keys = vec![format!("name:{}", login.name)];
    if let Some(ip) = client {
        keys.push(format!("ip:{ip}"));
    }
    if let Ok(mut limiter) = state.limiter.lock()
        && let Some(wait) = limiter.blocked(&keys, Instant::now())
    {
        return Err(ApiError::TooManyRequests(wait));
    }
    let now = state.now_seconds()?;
    let checked = {
        let accounts = Arc::clone(&accounts);
        let name = login.name.clone();
        blocking(move || {
            let account = accounts.account(&name).map_err(ApiError::store)?;
            let hash = account
                .as_ref()
                .map_or(DECOY.as_str(), |a| a.password_hash.as_str());
            let matches = password_matches(&login.password, hash);
            Ok(account.filter(|_| matches))
        })
        .await?
    };
    let Some(account) = checked else {
        if let Ok(mut limiter) = state.limiter.lock() {
            limiter.failed(&keys, Instant::now());
        }
        return Err(ApiError::Unauthorized(
            "the name or the password is wrong".into(),
        ));
    };
    if let Ok(mut limiter) = state.limiter.lock() {
        limiter.succeeded(&keys[0]);
    }
    let id = random_secret("");
    let csrf = random_secret("");
    {
        let hash = secret_hash(&id);
        let (name, csrf) = (account.name.clone(), csrf.clone());
        blocking(move || {
            accounts
                .add_session(&name, &hash, &csrf, now + SESSION_SECONDS)
                .map_err(|e| ApiError::Internal(e.to_string()))
        })
        .await?;
    }
    let cookie = format!(
        "{SESSION_COOKIE}={id}; HttpOnly; SameSite=Strict; Path=/; Max-Age={SESSION_SECONDS}"
    );
    let cookie = HeaderValue::from_str(&cookie)
        .map_err(|e| ApiError::Internal(format!("bad cookie: {e}")))?;
    let role = Role::of_account(&account.role).unwrap_or(Role::Public);
    let body = Whoami {
        name: Some(account.name),
        role,
        person: account.person,
        csrf: Some(csrf),
    };
    Ok((cookie, body))
}

/// `DELETE /api/v1/session`: ends the caller's session (with its CSRF token).
#[utoipa::path(
    delete,
    path = "/api/v1/session",
    tag = "session",
    responses(
        (status = 200, description = "Signed out: the cookie is cleared", body = Whoami),
        (status = 400, description = "a parameter or the body is malformed, or a name fits several things", body = ErrorBody),
        (status = 401, description = "the token or the session is not valid, or the request needs an account", body = ErrorBody),
        (status = 403, description = "the caller's role may not do this, the session's CSRF token is missing, or the server is read-only", body = ErrorBody),
        (status = 500, description = "the ledger is damaged, or another failure (logged, not sent)", body = ErrorBody),
    ),
    security(("session" = [], "csrf" = [])),
)]
pub async fn logout(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Proof::Session { hash, .. } = &caller.proof else {
        return Err(ApiError::BadRequest("there is no session to end".into()));
    };
    caller.check_csrf(&headers)?;
    if let Some(accounts) = state.accounts.clone() {
        let hash = hash.clone();
        blocking(move || accounts.remove_session(&hash).map_err(ApiError::store)).await?;
    }
    let expired =
        HeaderValue::from_static("plenum_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    Ok((
        [(SET_COOKIE, expired)],
        Json(Whoami {
            name: None,
            role: Role::Public,
            person: None,
            csrf: None,
        }),
    )
        .into_response())
}

//! The `Caller` extractor: the account behind a request (by API token or session
//! cookie) and its role, or `public`.

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use plenum_store::accounts::AccountRecord;

use super::secret::{same_secret, secret_hash};
use super::{CSRF_HEADER, Role, SESSION_COOKIE};
use crate::error::ApiError;
use crate::state::AppState;

/// How a caller proved who it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// Nothing: the public.
    None,
    /// An API token.
    Token,
    /// A session cookie, kept by this hash, with its CSRF token.
    Session {
        /// The hash the session is kept by.
        hash: String,
        /// The token unsafe requests must carry.
        csrf: String,
    },
}

/// Who is asking.
#[derive(Clone, Debug)]
pub struct Caller {
    /// The account, if signed in.
    pub account: Option<AccountRecord>,
    /// Its role (`public` when not signed in).
    pub role: Role,
    /// How it was proved.
    pub proof: Proof,
}

impl Caller {
    /// The public: no account.
    pub fn public() -> Caller {
        Caller {
            account: None,
            role: Role::Public,
            proof: Proof::None,
        }
    }

    /// The session's CSRF token, when signed in by session.
    pub fn session_csrf(&self) -> Option<String> {
        match &self.proof {
            Proof::Session { csrf, .. } => Some(csrf.clone()),
            _ => None,
        }
    }

    /// Refuses an unsafe request of a session that does not carry its CSRF token.
    pub fn check_csrf(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let given = headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        self.check_csrf_value(given)
    }

    /// Refuses a form of a session that does not carry its CSRF token.
    pub fn check_csrf_value(&self, given: &str) -> Result<(), ApiError> {
        let Proof::Session { csrf, .. } = &self.proof else {
            return Ok(());
        };
        if same_secret(given, csrf) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "the {CSRF_HEADER} header is missing or not this session's token"
            )))
        }
    }

    /// Refuses a caller whose role is not allowed: 401 for the public, 403 for others.
    pub fn require(&self, allowed: impl Fn(Role) -> bool, what: &str) -> Result<(), ApiError> {
        if allowed(self.role) {
            return Ok(());
        }
        if self.account.is_none() {
            return Err(ApiError::Unauthorized(format!(
                "sign in (or send an API token) to {what}"
            )));
        }
        Err(ApiError::Forbidden(format!(
            "the {} role may not {what}",
            self.role
        )))
    }
}

/// The value of a cookie in a request.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

fn caller_of(account: AccountRecord, proof: Proof) -> Caller {
    let role = Role::of_account(&account.role).unwrap_or(Role::Public);
    Caller {
        account: Some(account),
        role,
        proof,
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        // Found already by the visibility guard in front of the handler.
        if let Some(caller) = parts.extensions.get::<Caller>() {
            return Ok(caller.clone());
        }
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .map(|v| v.to_str().unwrap_or("").to_owned());
        let session = cookie(&parts.headers, SESSION_COOKIE).map(str::to_owned);
        let Some(callers) = state.callers.as_ref() else {
            if bearer.is_some() {
                return Err(ApiError::Unauthorized(
                    "this server has no accounts (it is read-only)".into(),
                ));
            }
            return Ok(Caller::public());
        };
        if let Some(value) = bearer {
            let Some(token) = value.strip_prefix("Bearer ").map(str::trim) else {
                return Err(ApiError::Unauthorized(
                    "the Authorization header must be `Bearer TOKEN`".into(),
                ));
            };
            return match callers.tokens.get(secret_hash(token)).await? {
                Some(account) => Ok(caller_of(account, Proof::Token)),
                None => Err(ApiError::Unauthorized("the API token is not valid".into())),
            };
        }
        if let Some(id) = session {
            let now = state.now_seconds()?;
            let hash = secret_hash(&id);
            let found = callers.sessions.get(hash.clone()).await?;
            if let Some(session) = found.filter(|s| s.expires_at > now) {
                let proof = Proof::Session {
                    hash,
                    csrf: session.csrf,
                };
                return Ok(caller_of(session.account, proof));
            }
        }
        Ok(Caller::public())
    }
}

//! Accounts, sessions and API tokens of `plenum serve`: kept beside the ledger, outside
//! the hashed entries and outside the projection tables (no digest covers them, `verify`
//! never reads them, a replay never makes them). The store keeps what it is given:
//! password hashes, hashes of session ids and tokens; it never sees a secret.
//!
//! The SQL is shared by both stores: its parameters are `$1`, `$2`, ... in order of first
//! use, which SQLite and PostgreSQL both read.

use crate::Error;
use crate::sql::Dialect;

/// An account as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountRecord {
    /// Its login name (unique).
    pub name: String,
    /// Its role, as the server names it (`admin`, `secretary`, `chair`, `member`).
    pub role: String,
    /// The id of the person in the register it belongs to, if any.
    pub person: Option<String>,
    /// The password's hash (a PHC string; the server makes and checks it).
    pub password_hash: String,
    /// When it was made (RFC 3339).
    pub created_at: String,
}

/// A session as kept: its account and its CSRF token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionRecord {
    /// The account signed in.
    pub account: AccountRecord,
    /// The token every form and unsafe request of the session must carry.
    pub csrf: String,
    /// When it ends, in seconds since 1970.
    pub expires_at: i64,
}

/// Why an account could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The name is taken.
    #[error("an account called `{0}` already exists")]
    Exists(String),
    /// No account is called that.
    #[error("no account is called `{0}`")]
    NotFound(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] Error),
}

/// Accounts, sessions and API tokens, kept outside the ledger.
pub trait Accounts: Send + Sync {
    /// Makes the account tables if they are missing (a ledger made before them has none).
    fn prepare_accounts(&self) -> Result<(), Error>;
    /// Adds an account.
    fn add_account(&self, account: &AccountRecord) -> Result<(), AccountError>;
    /// The account called `name`.
    fn account(&self, name: &str) -> Result<Option<AccountRecord>, Error>;
    /// Every account, by name.
    fn accounts(&self) -> Result<Vec<AccountRecord>, Error>;
    /// Replaces an account's password hash, and ends its sessions.
    fn set_password(&self, name: &str, password_hash: &str) -> Result<(), AccountError>;
    /// Removes an account with its sessions and tokens.
    fn remove_account(&self, name: &str) -> Result<(), AccountError>;
    /// Adds an API token (its hash) to an account.
    fn add_token(
        &self,
        name: &str,
        token_hash: &str,
        label: &str,
        created_at: &str,
    ) -> Result<(), AccountError>;
    /// Adds accounts, each with one API token (by its hash) labelled `label`, in one
    /// transaction: all of them, or none if a name is taken (for making many voters at
    /// once, where one `add_account` and `add_token` each would take a commit apiece).
    fn add_accounts_with_tokens(
        &self,
        accounts: &[(AccountRecord, String)],
        label: &str,
    ) -> Result<(), AccountError>;
    /// The accounts tokens (by their hashes) belong to, in the order asked: one read
    /// for many callers at once (the server gathers the tokens of concurrent requests).
    fn accounts_by_tokens(
        &self,
        token_hashes: &[&str],
    ) -> Result<Vec<Option<AccountRecord>>, Error>;
    /// The account a token (by its hash) belongs to.
    fn account_by_token(&self, token_hash: &str) -> Result<Option<AccountRecord>, Error> {
        Ok(self.accounts_by_tokens(&[token_hash])?.pop().flatten())
    }
    /// Starts a session (kept by the hash of its id) for an account.
    fn add_session(
        &self,
        name: &str,
        session_hash: &str,
        csrf: &str,
        expires_at: i64,
    ) -> Result<(), AccountError>;
    /// The sessions with these id hashes, in the order asked, ended or not (the caller
    /// judges `expires_at`): one read for many callers at once.
    fn sessions_by_hashes(
        &self,
        session_hashes: &[&str],
    ) -> Result<Vec<Option<SessionRecord>>, Error>;
    /// The session with this id hash, unless it ended before `now` (seconds since 1970).
    fn session(&self, session_hash: &str, now: i64) -> Result<Option<SessionRecord>, Error> {
        Ok(self
            .sessions_by_hashes(&[session_hash])?
            .pop()
            .flatten()
            .filter(|s| s.expires_at > now))
    }
    /// Ends a session.
    fn remove_session(&self, session_hash: &str) -> Result<(), Error>;
    /// What the organization shows to whom: each section of the record set so far, with
    /// its level, by section (the server names both; a section never set is not listed).
    fn visibility(&self) -> Result<Vec<(String, String)>, Error>;
    /// Sets a section's level.
    fn set_visibility(&self, section: &str, level: &str) -> Result<(), Error>;
}

/// The account tables, made only where missing.
pub(crate) fn schema(dialect: Dialect) -> String {
    let (int, end) = match dialect {
        Dialect::Sqlite => ("INTEGER", ") STRICT;"),
        Dialect::Postgres => ("BIGINT", ");"),
    };
    format!(
        "CREATE TABLE IF NOT EXISTS accounts(name TEXT PRIMARY KEY, role TEXT NOT NULL, \
           person TEXT, password_hash TEXT NOT NULL, created_at TEXT NOT NULL{end}
         CREATE TABLE IF NOT EXISTS sessions(hash TEXT PRIMARY KEY, account TEXT NOT NULL, \
           csrf TEXT NOT NULL, expires_at {int} NOT NULL{end}
         CREATE INDEX IF NOT EXISTS sessions_account ON sessions(account);
         CREATE TABLE IF NOT EXISTS api_tokens(hash TEXT PRIMARY KEY, account TEXT NOT NULL, \
           label TEXT NOT NULL, created_at TEXT NOT NULL{end}
         CREATE INDEX IF NOT EXISTS api_tokens_account ON api_tokens(account);
         CREATE TABLE IF NOT EXISTS visibility(section TEXT PRIMARY KEY, level TEXT NOT NULL{end}"
    )
}

/// The statements both stores run.
pub(crate) mod statements {
    pub const INSERT_ACCOUNT: &str = "INSERT INTO accounts(name, role, person, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO NOTHING";
    pub const SELECT_ACCOUNT: &str =
        "SELECT name, role, person, password_hash, created_at FROM accounts WHERE name = $1";
    pub const SELECT_ACCOUNTS: &str =
        "SELECT name, role, person, password_hash, created_at FROM accounts ORDER BY name";
    pub const SET_PASSWORD: &str = "UPDATE accounts SET password_hash = $1 WHERE name = $2";
    pub const DELETE_SESSIONS_OF: &str = "DELETE FROM sessions WHERE account = $1";
    pub const DELETE_TOKENS_OF: &str = "DELETE FROM api_tokens WHERE account = $1";
    pub const DELETE_ACCOUNT: &str = "DELETE FROM accounts WHERE name = $1";
    pub const INSERT_TOKEN: &str =
        "INSERT INTO api_tokens(hash, account, label, created_at) VALUES ($1, $2, $3, $4)";
    pub const SELECT_BY_TOKEN: &str = "SELECT a.name, a.role, a.person, a.password_hash, a.created_at \
         FROM api_tokens t JOIN accounts a ON a.name = t.account WHERE t.hash = $1";
    pub const INSERT_SESSION: &str =
        "INSERT INTO sessions(hash, account, csrf, expires_at) VALUES ($1, $2, $3, $4)";
    pub const SELECT_SESSION: &str = "SELECT a.name, a.role, a.person, a.password_hash, a.created_at, \
         s.csrf, s.expires_at FROM sessions s JOIN accounts a ON a.name = s.account \
         WHERE s.hash = $1";
    /// PostgreSQL's form of [`SELECT_BY_TOKEN`] for many tokens, each row with its hash last.
    pub const SELECT_BY_TOKENS: &str = "SELECT a.name, a.role, a.person, a.password_hash, a.created_at, \
         t.hash FROM api_tokens t JOIN accounts a ON a.name = t.account WHERE t.hash = ANY($1)";
    /// PostgreSQL's form of [`SELECT_SESSION`] for many sessions, each row with its hash last.
    pub const SELECT_SESSIONS: &str = "SELECT a.name, a.role, a.person, a.password_hash, a.created_at, \
         s.csrf, s.expires_at, s.hash FROM sessions s JOIN accounts a ON a.name = s.account \
         WHERE s.hash = ANY($1)";
    pub const DELETE_SESSION: &str = "DELETE FROM sessions WHERE hash = $1";
    pub const SELECT_VISIBILITY: &str = "SELECT section, level FROM visibility ORDER BY section";
    pub const SET_VISIBILITY: &str = "INSERT INTO visibility(section, level) VALUES ($1, $2) \
         ON CONFLICT (section) DO UPDATE SET level = excluded.level";
}

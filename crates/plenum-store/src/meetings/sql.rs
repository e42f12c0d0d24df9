//! The little SQL surface the meetings logic needs, which each store implements over its
//! own transactions: statements with text and integer parameters, rows of text and
//! integers. The tables are the same in both engines.

use crate::Error;
use crate::sql::Dialect;

/// A parameter.
#[derive(Clone, Copy, Debug)]
pub(crate) enum P<'a> {
    /// Text.
    T(&'a str),
    /// An integer.
    I(i64),
    /// A text NULL.
    N,
}

/// A value read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum V {
    /// Text.
    T(String),
    /// An integer.
    I(i64),
    /// NULL.
    N,
}

impl V {
    pub(crate) fn text(&self) -> Result<String, Error> {
        match self {
            V::T(t) => Ok(t.clone()),
            other => Err(Error::Database(format!("expected text, found {other:?}"))),
        }
    }

    pub(crate) fn opt_text(&self) -> Result<Option<String>, Error> {
        match self {
            V::N => Ok(None),
            other => other.text().map(Some),
        }
    }

    pub(crate) fn int(&self) -> Result<i64, Error> {
        match self {
            V::I(i) => Ok(*i),
            other => Err(Error::Database(format!(
                "expected an integer, found {other:?}"
            ))),
        }
    }

    pub(crate) fn opt_int(&self) -> Result<Option<i64>, Error> {
        match self {
            V::N => Ok(None),
            other => other.int().map(Some),
        }
    }
}

/// Statements and queries inside one transaction.
pub(crate) trait Sql {
    /// Runs a statement; the rows it changed.
    fn exec(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, Error>;
    /// Runs a query; its rows.
    fn rows(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Vec<V>>, Error>;
}

/// A store the meetings logic runs on.
pub(crate) trait Host {
    /// Runs `f` in a write transaction: committed if it returns `Ok`, rolled back if not.
    fn write<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut dyn Sql) -> Result<T, E>,
    ) -> Result<T, E>;
    /// Runs `f` on a reader.
    fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T, Error>) -> Result<T, Error>;
    /// Runs statements without parameters (the schema).
    fn batch(&self, sql: &str) -> Result<(), Error>;
    /// After a poll's rows were rewritten: has the engine drop the pages and log records
    /// the old rows were in.
    fn reseal(&self) -> Result<(), Error>;
}

/// The tables, made where missing. The roll and the urn are kept in key order.
pub(crate) fn schema(dialect: Dialect) -> String {
    let (int, end, keyed) = match dialect {
        Dialect::Sqlite => ("INTEGER", ") STRICT;", ") STRICT, WITHOUT ROWID;"),
        Dialect::Postgres => ("BIGINT", ");", ");"),
    };
    format!(
        "CREATE TABLE IF NOT EXISTS live_meetings(id TEXT PRIMARY KEY, organ TEXT NOT NULL, \
           name TEXT NOT NULL, scheduled TEXT NOT NULL, open {int} NOT NULL, \
           max_proxies {int} NOT NULL{end}
         CREATE TABLE IF NOT EXISTS live_delegates(meeting TEXT NOT NULL, person TEXT NOT NULL, \
           weight {int} NOT NULL, present {int} NOT NULL, code_hash TEXT, \
           PRIMARY KEY (meeting, person){end}
         CREATE TABLE IF NOT EXISTS live_proxies(meeting TEXT NOT NULL, giver TEXT NOT NULL, \
           holder TEXT NOT NULL, PRIMARY KEY (meeting, giver){end}
         CREATE TABLE IF NOT EXISTS live_polls(id TEXT PRIMARY KEY, meeting TEXT NOT NULL, \
           title TEXT NOT NULL, question TEXT NOT NULL, category TEXT, target TEXT, \
           secret {int} NOT NULL, replaceable {int} NOT NULL, status TEXT NOT NULL, \
           owner_key TEXT, result TEXT, urn_digest TEXT, entry {int}{end}
         CREATE INDEX IF NOT EXISTS live_polls_meeting ON live_polls(meeting);
         CREATE TABLE IF NOT EXISTS live_roll(poll TEXT NOT NULL, person TEXT NOT NULL, \
           cast_by TEXT NOT NULL, PRIMARY KEY (poll, person){keyed}
         CREATE TABLE IF NOT EXISTS live_urn(poll TEXT NOT NULL, tracker TEXT NOT NULL, \
           weight {int} NOT NULL, ballot TEXT NOT NULL, owner TEXT, \
           PRIMARY KEY (poll, tracker){keyed}"
    )
}

//! One PostgreSQL connection with its prepared statements, and the model's values as
//! PostgreSQL's.

use std::collections::HashMap;

use plenum_model::rows::columns::Type;
use plenum_model::rows::{AnyRow, RowError, Table, ValueRef};
use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement};

use crate::Error;

/// A database error as the store's.
pub(crate) fn pg(e: postgres::Error) -> Error {
    if let Some(db) = e.as_db_error() {
        use postgres::error::SqlState;
        let code = db.code();
        if *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED
        {
            return Error::Unavailable(format!("the ledger is busy: {}", db.message()));
        }
        if *code == SqlState::INSUFFICIENT_PRIVILEGE || *code == SqlState::INVALID_PASSWORD {
            return Error::Unavailable(format!("the database refused: {}", db.message()));
        }
        return Error::Database(db.message().to_owned());
    }
    if e.is_closed() {
        return Error::Unavailable(format!("the database connection closed: {e}"));
    }
    Error::Unavailable(format!("cannot reach the database: {e}"))
}

/// The most statements a connection keeps prepared.
const MOST_STATEMENTS: usize = 256;

/// A connection and the statements it has prepared.
pub(crate) struct Conn {
    pub client: Client,
    statements: HashMap<String, Statement>,
    /// Statements run through [`Conn::query`], [`Conn::execute`] and [`Conn::batch`]:
    /// each is one exchange with the server.
    pub exchanges: u64,
}

impl Conn {
    /// Connects to `url`.
    pub fn connect(url: &str) -> Result<Conn, Error> {
        let client = Client::connect(url, NoTls).map_err(pg)?;
        Ok(Conn {
            client,
            statements: HashMap::new(),
            exchanges: 0,
        })
    }

    /// The statement for `sql`, prepared once per connection. Some statements are
    /// made for their batch (a look-up of many tables at once), so the connection
    /// keeps at most [`MOST_STATEMENTS`]: past that it forgets them all (each is
    /// closed on the server) and prepares again what comes next.
    pub fn statement(&mut self, sql: &str) -> Result<Statement, Error> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        if self.statements.len() >= MOST_STATEMENTS {
            self.statements.clear();
        }
        let s = self.client.prepare(sql).map_err(pg)?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }

    /// Runs a query.
    pub fn query(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, Error> {
        let statement = self.statement(sql)?;
        self.exchanges += 1;
        self.client.query(&statement, params).map_err(pg)
    }

    /// Runs a statement; returns the rows it changed.
    pub fn execute(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, Error> {
        let statement = self.statement(sql)?;
        self.exchanges += 1;
        self.client.execute(&statement, params).map_err(pg)
    }

    /// Runs statements without parameters.
    pub fn batch(&mut self, sql: &str) -> Result<(), Error> {
        self.exchanges += 1;
        self.client.batch_execute(sql).map_err(pg)
    }
}

/// The values of a row of `table`, borrowed from what PostgreSQL returned.
pub(crate) fn refs<'r>(table: Table, row: &'r Row, at: usize) -> Result<Vec<ValueRef<'r>>, Error> {
    let mut out = Vec::with_capacity(table.columns().len());
    for (i, column) in table.columns().iter().enumerate() {
        let value = match column.ty {
            Type::Int => row
                .try_get::<_, Option<i64>>(at + i)
                .map(|v| v.map_or(ValueRef::Null, ValueRef::Int)),
            Type::Text => row
                .try_get::<_, Option<&str>>(at + i)
                .map(|v| v.map_or(ValueRef::Null, ValueRef::Text)),
        }
        .map_err(|e| {
            Error::Row(RowError {
                table: table.name(),
                column: column.name,
                reason: e.to_string(),
            })
        })?;
        out.push(value);
    }
    Ok(out)
}

/// A row of `table` from the columns of a result, starting at `at`.
pub(crate) fn row_of(table: Table, row: &Row, at: usize) -> Result<AnyRow, Error> {
    Ok(AnyRow::from_refs(table, &refs(table, row, at)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_keeps_a_bounded_number_of_prepared_statements() {
        let mut conn = Conn::connect(&plenum_dev::pg::server_url()).expect("a connection");
        for n in 0..(MOST_STATEMENTS * 2 + 10) {
            let sql = format!("SELECT $1::bigint + {n}");
            let rows = conn.query(&sql, &[&1_i64]).expect("a query");
            assert_eq!(rows[0].get::<_, i64>(0), 1 + n as i64);
            assert!(conn.statements.len() <= MOST_STATEMENTS);
        }
        // The server holds no more than the connection keeps.
        let prepared: i64 = conn
            .client
            .query_one("SELECT count(*) FROM pg_prepared_statements", &[])
            .expect("a count")
            .get(0);
        assert!(
            prepared <= MOST_STATEMENTS as i64,
            "{prepared} statements prepared on the server"
        );
    }
}

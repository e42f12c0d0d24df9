//! One PostgreSQL connection with its prepared statements, and the model's values as
//! PostgreSQL's.

use std::collections::HashMap;
use std::sync::Mutex;

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

/// How a connection's statements are planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Plans {
    /// PostgreSQL's default: readers' queries, planned for their values when that pays.
    Default,
    /// Always the generic plan: the write path's look-ups, whose planning for each set
    /// of values costs more than running them.
    Generic,
}

/// Connections kept for reuse, all planned alike.
pub(crate) struct Pool {
    url: String,
    plans: Plans,
    idle: Mutex<Vec<Conn>>,
}

impl Pool {
    /// The most idle connections kept.
    const MOST_IDLE: usize = 32;

    pub fn new(url: &str, plans: Plans) -> Pool {
        Pool {
            url: url.to_owned(),
            plans,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// An idle connection, or a new one.
    pub fn take(&self) -> Result<Conn, Error> {
        let idle = self.idle.lock().map_err(super::poisoned)?.pop();
        match idle {
            Some(c) => Ok(c),
            None => Conn::connect(&self.url, self.plans),
        }
    }

    /// Keeps a connection for reuse, unless it is closed or enough are kept.
    pub fn give_back(&self, conn: Conn) {
        if conn.client.is_closed() {
            return;
        }
        if let Ok(mut idle) = self.idle.lock()
            && idle.len() < Pool::MOST_IDLE
        {
            idle.push(conn);
        }
    }
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
    /// Connects to `url`, its statements planned as `plans` says.
    pub fn connect(url: &str, plans: Plans) -> Result<Conn, Error> {
        let mut config: postgres::Config = url.parse().map_err(pg)?;
        if plans == Plans::Generic {
            // The write path's statements are prepared once per connection and run with
            // their generic plan: planning one for every set of values (PostgreSQL's
            // default while a generic plan looks dearer) costs several times their
            // execution.
            let generic = "-c plan_cache_mode=force_generic_plan";
            let options = match config.get_options() {
                Some(given) => format!("{given} {generic}"),
                None => generic.to_owned(),
            };
            config.options(&options);
        }
        let client = config.connect(NoTls).map_err(pg)?;
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
        let mut conn =
            Conn::connect(&plenum_dev::pg::server_url(), Plans::Default).expect("a connection");
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

    #[test]
    fn a_writers_connection_plans_generically_and_keeps_the_urls_options() {
        let url = plenum_dev::pg::with_schema(&plenum_dev::pg::server_url(), "elsewhere");
        let show = |conn: &mut Conn, setting: &str| -> String {
            conn.client
                .query_one(&format!("SHOW {setting}"), &[])
                .expect("a setting")
                .get(0)
        };
        let mut writing = Pool::new(&url, Plans::Generic)
            .take()
            .expect("a connection");
        assert_eq!(show(&mut writing, "plan_cache_mode"), "force_generic_plan");
        assert_eq!(show(&mut writing, "search_path"), "elsewhere");
        let mut reading = Pool::new(&url, Plans::Default)
            .take()
            .expect("a connection");
        assert_eq!(show(&mut reading, "plan_cache_mode"), "auto");
        assert_eq!(show(&mut reading, "search_path"), "elsewhere");
    }
}

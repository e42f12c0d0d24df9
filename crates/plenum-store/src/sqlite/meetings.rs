//! [`Meetings`](crate::meetings::Meetings) for the SQLite store: the meetings tables in
//! the ledger's file, written by its one writer connection (which runs with
//! `secure_delete`, so deleted rows are overwritten), read by its readers.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, TransactionBehavior, params_from_iter};

use super::{SqliteStore, sql};
use crate::Error;
use crate::meetings::forward::meetings_for;
use crate::meetings::sql::{Host, P, Sql, V};
use crate::sql::Dialect;

struct On<'c>(&'c Connection);

fn value(p: &P<'_>) -> Value {
    match p {
        P::T(t) => Value::Text((*t).to_owned()),
        P::I(i) => Value::Integer(*i),
        P::N => Value::Null,
    }
}

impl Sql for On<'_> {
    fn exec(&mut self, text: &str, params: &[P<'_>]) -> Result<u64, Error> {
        let mut statement = self.0.prepare_cached(text).map_err(sql)?;
        let changed = statement
            .execute(params_from_iter(params.iter().map(value)))
            .map_err(sql)?;
        Ok(changed as u64)
    }

    fn rows(&mut self, text: &str, params: &[P<'_>]) -> Result<Vec<Vec<V>>, Error> {
        let mut statement = self.0.prepare_cached(text).map_err(sql)?;
        let width = statement.column_count();
        let mut rows = statement
            .query(params_from_iter(params.iter().map(value)))
            .map_err(sql)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next().map_err(sql)? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(match row.get_ref(i).map_err(sql)? {
                    ValueRef::Null => V::N,
                    ValueRef::Integer(n) => V::I(n),
                    ValueRef::Text(t) => V::T(String::from_utf8_lossy(t).into_owned()),
                    other => {
                        return Err(Error::Database(format!(
                            "a meetings table holds {:?}",
                            other.data_type()
                        )));
                    }
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}

impl Host for SqliteStore {
    fn write<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut dyn Sql) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut outcome = None;
        self.with_writer(|c| {
            let tx = rusqlite::Transaction::new(c, TransactionBehavior::Immediate).map_err(sql)?;
            let value = f(&mut On(&tx));
            if value.is_ok() {
                tx.commit().map_err(sql)?;
            }
            outcome = Some(value);
            Ok(())
        })?;
        outcome.unwrap_or_else(|| Err(Error::Database("no writer connection".into()).into()))
    }

    fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T, Error>) -> Result<T, Error> {
        self.with_reader(|c| f(&mut On(c)))
    }

    fn batch(&self, text: &str) -> Result<(), Error> {
        self.with_writer(|c| c.execute_batch(text).map_err(sql))
    }

    fn reseal(&self) -> Result<(), Error> {
        // The rewritten rows' old cells were zeroed (secure_delete); the old pages may
        // still be in the write-ahead log: copy it into the file and empty it.
        self.with_writer(|c| {
            c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(sql)
        })
    }
}

meetings_for!(SqliteStore, Dialect::Sqlite);

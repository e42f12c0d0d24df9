//! [`Meetings`](crate::meetings::Meetings) for the PostgreSQL store: the meetings tables
//! beside the ledger's. Closing a poll rewrites its rows in one transaction (so they all
//! carry that transaction's id, not the ids of the casts) and then has `VACUUM FULL`
//! rewrite the two tables, dropping the old row versions.

use postgres::types::{ToSql, Type};

use super::{Conn, PgStore};
use crate::Error;
use crate::meetings::forward::meetings_for;
use crate::meetings::sql::{Host, P, Sql, V};
use crate::sql::Dialect;

/// Runs `f` with `ps` as PostgreSQL parameters.
fn with_params<T>(ps: &[P<'_>], f: impl FnOnce(&[&(dyn ToSql + Sync)]) -> T) -> T {
    let texts: Vec<Option<&str>> = ps
        .iter()
        .filter_map(|p| match p {
            P::T(t) => Some(Some(*t)),
            P::N => Some(None),
            P::I(_) => None,
        })
        .collect();
    let ints: Vec<i64> = ps
        .iter()
        .filter_map(|p| match p {
            P::I(i) => Some(*i),
            _ => None,
        })
        .collect();
    let (mut t, mut i) = (texts.iter(), ints.iter());
    let refs: Vec<&(dyn ToSql + Sync)> = ps
        .iter()
        .filter_map(|p| match p {
            P::T(_) | P::N => t.next().map(|v| v as &(dyn ToSql + Sync)),
            P::I(_) => i.next().map(|v| v as &(dyn ToSql + Sync)),
        })
        .collect();
    f(&refs)
}

impl Sql for Conn {
    fn exec(&mut self, sql: &str, ps: &[P<'_>]) -> Result<u64, Error> {
        with_params(ps, |refs| self.execute(sql, refs))
    }

    fn rows(&mut self, sql: &str, ps: &[P<'_>]) -> Result<Vec<Vec<V>>, Error> {
        let rows = with_params(ps, |refs| self.query(sql, refs))?;
        rows.iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| {
                        let ty = row.columns()[i].type_();
                        Ok(if *ty == Type::INT8 {
                            row.get::<_, Option<i64>>(i).map_or(V::N, V::I)
                        } else if *ty == Type::INT4 {
                            row.get::<_, Option<i32>>(i)
                                .map_or(V::N, |n| V::I(n.into()))
                        } else if *ty == Type::TEXT || *ty == Type::VARCHAR {
                            row.get::<_, Option<String>>(i).map_or(V::N, V::T)
                        } else {
                            return Err(Error::Database(format!(
                                "a meetings table holds a {ty} column"
                            )));
                        })
                    })
                    .collect()
            })
            .collect()
    }
}

impl Host for PgStore {
    fn write<T, E: From<Error>>(
        &self,
        f: impl FnOnce(&mut dyn Sql) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut outcome = None;
        self.with(|c| {
            c.batch("BEGIN")?;
            let value = f(c);
            if value.is_ok() {
                c.batch("COMMIT")?;
            } else {
                c.batch("ROLLBACK")?;
            }
            outcome = Some(value);
            Ok(())
        })?;
        outcome.unwrap_or_else(|| Err(Error::Database("no outcome".into()).into()))
    }

    fn read<T>(&self, f: impl FnOnce(&mut dyn Sql) -> Result<T, Error>) -> Result<T, Error> {
        self.with(|c| f(c))
    }

    fn batch(&self, sql: &str) -> Result<(), Error> {
        self.with(|c| c.batch(sql))
    }

    fn reseal(&self) -> Result<(), Error> {
        self.with(|c| c.batch("VACUUM FULL live_roll, live_urn"))
    }
}

meetings_for!(PgStore, Dialect::Postgres);

//! [`Accounts`] for the SQLite store: the account tables in the ledger's file, written by
//! its one writer connection, read by its readers.

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};

use super::{SqliteStore, sql};
use crate::Error;
use crate::accounts::{AccountError, AccountRecord, Accounts, SessionRecord, schema, statements};
use crate::sql::Dialect;

fn account_of(row: &Row<'_>) -> rusqlite::Result<AccountRecord> {
    Ok(AccountRecord {
        name: row.get(0)?,
        role: row.get(1)?,
        person: row.get(2)?,
        password_hash: row.get(3)?,
        created_at: row.get(4)?,
    })
}

/// Runs `f` in an immediate transaction of the writer.
fn in_transaction<T>(
    c: &mut Connection,
    f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, AccountError>,
) -> Result<T, AccountError> {
    let tx = rusqlite::Transaction::new(c, TransactionBehavior::Immediate).map_err(sql)?;
    let value = f(&tx)?;
    tx.commit().map_err(sql)?;
    Ok(value)
}

impl SqliteStore {
    fn account_write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, AccountError>,
    ) -> Result<T, AccountError> {
        let mut outcome = None;
        self.with_writer(|c| {
            outcome = Some(in_transaction(c, f));
            Ok(())
        })?;
        outcome.unwrap_or_else(|| Err(Error::Database("no writer connection".into()).into()))
    }
}

impl Accounts for SqliteStore {
    fn prepare_accounts(&self) -> Result<(), Error> {
        self.with_writer(|c| c.execute_batch(&schema(Dialect::Sqlite)).map_err(sql))
    }

    fn add_account(&self, account: &AccountRecord) -> Result<(), AccountError> {
        self.account_write(|tx| {
            let added = tx
                .execute(
                    statements::INSERT_ACCOUNT,
                    params![
                        account.name,
                        account.role,
                        account.person,
                        account.password_hash,
                        account.created_at
                    ],
                )
                .map_err(sql)?;
            if added == 0 {
                return Err(AccountError::Exists(account.name.clone()));
            }
            Ok(())
        })
    }

    fn account(&self, name: &str) -> Result<Option<AccountRecord>, Error> {
        self.with_reader(|c| {
            c.query_row(statements::SELECT_ACCOUNT, params![name], account_of)
                .optional()
                .map_err(sql)
        })
    }

    fn accounts(&self) -> Result<Vec<AccountRecord>, Error> {
        self.with_reader(|c| {
            let mut statement = c.prepare(statements::SELECT_ACCOUNTS).map_err(sql)?;
            let rows = statement.query_map([], account_of).map_err(sql)?;
            rows.collect::<Result<_, _>>().map_err(sql)
        })
    }

    fn set_password(&self, name: &str, password_hash: &str) -> Result<(), AccountError> {
        self.account_write(|tx| {
            let changed = tx
                .execute(statements::SET_PASSWORD, params![password_hash, name])
                .map_err(sql)?;
            if changed == 0 {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            tx.execute(statements::DELETE_SESSIONS_OF, params![name])
                .map_err(sql)?;
            Ok(())
        })
    }

    fn remove_account(&self, name: &str) -> Result<(), AccountError> {
        self.account_write(|tx| {
            tx.execute(statements::DELETE_SESSIONS_OF, params![name])
                .map_err(sql)?;
            tx.execute(statements::DELETE_TOKENS_OF, params![name])
                .map_err(sql)?;
            let removed = tx
                .execute(statements::DELETE_ACCOUNT, params![name])
                .map_err(sql)?;
            if removed == 0 {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            Ok(())
        })
    }

    fn add_token(
        &self,
        name: &str,
        token_hash: &str,
        label: &str,
        created_at: &str,
    ) -> Result<(), AccountError> {
        self.account_write(|tx| {
            let exists = tx
                .query_row(statements::SELECT_ACCOUNT, params![name], account_of)
                .optional()
                .map_err(sql)?;
            if exists.is_none() {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            tx.execute(
                statements::INSERT_TOKEN,
                params![token_hash, name, label, created_at],
            )
            .map_err(sql)?;
            Ok(())
        })
    }

    fn add_accounts_with_tokens(
        &self,
        accounts: &[(AccountRecord, String)],
        label: &str,
    ) -> Result<(), AccountError> {
        self.account_write(|tx| {
            let mut account = tx.prepare(statements::INSERT_ACCOUNT).map_err(sql)?;
            let mut token = tx.prepare(statements::INSERT_TOKEN).map_err(sql)?;
            for (a, token_hash) in accounts {
                let added = account
                    .execute(params![
                        a.name,
                        a.role,
                        a.person,
                        a.password_hash,
                        a.created_at
                    ])
                    .map_err(sql)?;
                if added == 0 {
                    return Err(AccountError::Exists(a.name.clone()));
                }
                token
                    .execute(params![token_hash, a.name, label, a.created_at])
                    .map_err(sql)?;
            }
            Ok(())
        })
    }

    fn accounts_by_tokens(
        &self,
        token_hashes: &[&str],
    ) -> Result<Vec<Option<AccountRecord>>, Error> {
        self.with_reader(|c| {
            let mut statement = c.prepare_cached(statements::SELECT_BY_TOKEN).map_err(sql)?;
            token_hashes
                .iter()
                .map(|hash| {
                    statement
                        .query_row(params![hash], account_of)
                        .optional()
                        .map_err(sql)
                })
                .collect()
        })
    }

    fn add_session(
        &self,
        name: &str,
        session_hash: &str,
        csrf: &str,
        expires_at: i64,
    ) -> Result<(), AccountError> {
        self.account_write(|tx| {
            let exists = tx
                .query_row(statements::SELECT_ACCOUNT, params![name], account_of)
                .optional()
                .map_err(sql)?;
            if exists.is_none() {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            tx.execute(
                statements::INSERT_SESSION,
                params![session_hash, name, csrf, expires_at],
            )
            .map_err(sql)?;
            Ok(())
        })
    }

    fn sessions_by_hashes(
        &self,
        session_hashes: &[&str],
    ) -> Result<Vec<Option<SessionRecord>>, Error> {
        self.with_reader(|c| {
            let mut statement = c.prepare_cached(statements::SELECT_SESSION).map_err(sql)?;
            session_hashes
                .iter()
                .map(|hash| {
                    statement
                        .query_row(params![hash], |row| {
                            Ok(SessionRecord {
                                account: account_of(row)?,
                                csrf: row.get(5)?,
                                expires_at: row.get(6)?,
                            })
                        })
                        .optional()
                        .map_err(sql)
                })
                .collect()
        })
    }

    fn remove_session(&self, session_hash: &str) -> Result<(), Error> {
        self.with_writer(|c| {
            c.execute(statements::DELETE_SESSION, params![session_hash])
                .map(|_| ())
                .map_err(sql)
        })
    }

    fn visibility(&self) -> Result<Vec<(String, String)>, Error> {
        self.with_reader(|c| {
            let mut statement = c
                .prepare_cached(statements::SELECT_VISIBILITY)
                .map_err(sql)?;
            let rows = statement
                .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
                .map_err(sql)?;
            rows.collect::<Result<_, _>>().map_err(sql)
        })
    }

    fn set_visibility(&self, section: &str, level: &str) -> Result<(), Error> {
        self.with_writer(|c| {
            c.execute(statements::SET_VISIBILITY, params![section, level])
                .map(|_| ())
                .map_err(sql)
        })
    }
}

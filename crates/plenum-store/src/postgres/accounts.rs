//! [`Accounts`] for the PostgreSQL store: the account tables beside the ledger's, in the
//! same schema.

use postgres::Row;

use super::PgStore;
use crate::Error;
use crate::accounts::{AccountError, AccountRecord, Accounts, SessionRecord, schema, statements};
use crate::sql::Dialect;

fn account_of(row: &Row) -> AccountRecord {
    AccountRecord {
        name: row.get(0),
        role: row.get(1),
        person: row.get(2),
        password_hash: row.get(3),
        created_at: row.get(4),
    }
}

/// The rows of a look-up by many keys, each made into a record and put in the order of
/// `keys` (`None` where no row has the key, whose column is `key_column`; a key asked
/// twice is answered twice).
fn in_order<T>(
    keys: &[&str],
    rows: &[Row],
    key_column: usize,
    record: impl Fn(&Row) -> T,
) -> Vec<Option<T>> {
    let found: std::collections::HashMap<&str, &Row> = rows
        .iter()
        .map(|row| (row.get::<_, &str>(key_column), row))
        .collect();
    keys.iter()
        .map(|key| found.get(key).map(|row| record(row)))
        .collect()
}

impl PgStore {
    /// Runs `f` in a transaction; commits if it succeeds.
    fn account_write<T>(
        &self,
        f: impl FnOnce(&mut super::Conn) -> Result<T, AccountError>,
    ) -> Result<T, AccountError> {
        let mut outcome = None;
        self.with(|c| {
            c.batch("BEGIN")?;
            match f(c) {
                Ok(value) => {
                    c.batch("COMMIT")?;
                    outcome = Some(Ok(value));
                    Ok(())
                }
                Err(AccountError::Store(e)) => Err(e),
                Err(other) => {
                    c.batch("ROLLBACK")?;
                    outcome = Some(Err(other));
                    Ok(())
                }
            }
        })?;
        outcome.unwrap_or_else(|| Err(Error::Database("no outcome".into()).into()))
    }
}

impl Accounts for PgStore {
    fn prepare_accounts(&self) -> Result<(), Error> {
        self.with(|c| c.batch(&schema(Dialect::Postgres)))
    }

    fn add_account(&self, account: &AccountRecord) -> Result<(), AccountError> {
        self.account_write(|c| {
            let added = c.execute(
                statements::INSERT_ACCOUNT,
                &[
                    &account.name,
                    &account.role,
                    &account.person,
                    &account.password_hash,
                    &account.created_at,
                ],
            )?;
            if added == 0 {
                return Err(AccountError::Exists(account.name.clone()));
            }
            Ok(())
        })
    }

    fn account(&self, name: &str) -> Result<Option<AccountRecord>, Error> {
        self.with(|c| {
            Ok(c.query(statements::SELECT_ACCOUNT, &[&name])?
                .first()
                .map(account_of))
        })
    }

    fn accounts(&self) -> Result<Vec<AccountRecord>, Error> {
        self.with(|c| {
            Ok(c.query(statements::SELECT_ACCOUNTS, &[])?
                .iter()
                .map(account_of)
                .collect())
        })
    }

    fn set_password(&self, name: &str, password_hash: &str) -> Result<(), AccountError> {
        self.account_write(|c| {
            if c.execute(statements::SET_PASSWORD, &[&password_hash, &name])? == 0 {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            c.execute(statements::DELETE_SESSIONS_OF, &[&name])?;
            Ok(())
        })
    }

    fn remove_account(&self, name: &str) -> Result<(), AccountError> {
        self.account_write(|c| {
            c.execute(statements::DELETE_SESSIONS_OF, &[&name])?;
            c.execute(statements::DELETE_TOKENS_OF, &[&name])?;
            if c.execute(statements::DELETE_ACCOUNT, &[&name])? == 0 {
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
        self.account_write(|c| {
            if c.query(statements::SELECT_ACCOUNT, &[&name])?.is_empty() {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            c.execute(
                statements::INSERT_TOKEN,
                &[&token_hash, &name, &label, &created_at],
            )?;
            Ok(())
        })
    }

    fn add_accounts_with_tokens(
        &self,
        accounts: &[(AccountRecord, String)],
        label: &str,
    ) -> Result<(), AccountError> {
        self.account_write(|c| {
            for (a, token_hash) in accounts {
                let added = c.execute(
                    statements::INSERT_ACCOUNT,
                    &[&a.name, &a.role, &a.person, &a.password_hash, &a.created_at],
                )?;
                if added == 0 {
                    return Err(AccountError::Exists(a.name.clone()));
                }
                c.execute(
                    statements::INSERT_TOKEN,
                    &[token_hash, &a.name, &label, &a.created_at],
                )?;
            }
            Ok(())
        })
    }

    fn accounts_by_tokens(
        &self,
        token_hashes: &[&str],
    ) -> Result<Vec<Option<AccountRecord>>, Error> {
        let rows = self.with(|c| c.query(statements::SELECT_BY_TOKENS, &[&token_hashes]))?;
        Ok(in_order(token_hashes, &rows, 5, account_of))
    }

    fn add_session(
        &self,
        name: &str,
        session_hash: &str,
        csrf: &str,
        expires_at: i64,
    ) -> Result<(), AccountError> {
        self.account_write(|c| {
            if c.query(statements::SELECT_ACCOUNT, &[&name])?.is_empty() {
                return Err(AccountError::NotFound(name.to_owned()));
            }
            c.execute(
                statements::INSERT_SESSION,
                &[&session_hash, &name, &csrf, &expires_at],
            )?;
            Ok(())
        })
    }

    fn sessions_by_hashes(
        &self,
        session_hashes: &[&str],
    ) -> Result<Vec<Option<SessionRecord>>, Error> {
        let rows = self.with(|c| c.query(statements::SELECT_SESSIONS, &[&session_hashes]))?;
        Ok(in_order(session_hashes, &rows, 7, |row| SessionRecord {
            account: account_of(row),
            csrf: row.get(5),
            expires_at: row.get(6),
        }))
    }

    fn remove_session(&self, session_hash: &str) -> Result<(), Error> {
        self.with(|c| {
            c.execute(statements::DELETE_SESSION, &[&session_hash])?;
            Ok(())
        })
    }

    fn visibility(&self) -> Result<Vec<(String, String)>, Error> {
        self.with(|c| {
            Ok(c.query(statements::SELECT_VISIBILITY, &[])?
                .iter()
                .map(|row| (row.get(0), row.get(1)))
                .collect())
        })
    }

    fn set_visibility(&self, section: &str, level: &str) -> Result<(), Error> {
        self.with(|c| {
            c.execute(statements::SET_VISIBILITY, &[&section, &level])?;
            Ok(())
        })
    }
}

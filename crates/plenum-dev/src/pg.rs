//! PostgreSQL for tests: the server named by `DATABASE_URL` (`.ci/run` starts one), and
//! a fresh schema in it for every ledger a test makes.
//!
//! There is no skipping: without `DATABASE_URL` every PostgreSQL test fails, with a
//! message that says how to get a server.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The server's URL, or a panic that says how to get one.
pub fn server_url() -> String {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => url,
        _ => panic!(
            "the PostgreSQL tests need a server: set DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/DB, \
             or run them through .ci/run, which installs and starts one"
        ),
    }
}

/// A URL to a new, empty schema of the test server: each call makes another, so tests
/// never see each other's ledgers.
pub fn fresh_url() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let server = server_url();
    let schema = format!(
        "plenum_test_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = postgres::Client::connect(&server, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the PostgreSQL server at DATABASE_URL: {e}"));
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap_or_else(|e| panic!("cannot make schema {schema}: {e}"));
    with_schema(&server, &schema)
}

/// `url` with every connection's search path set to `schema`.
pub fn with_schema(url: &str, schema: &str) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}options=-c%20search_path%3D{schema}")
}

/// `url` (of the server) pointing at database `name` instead of its own.
pub fn database_url(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let server = match base.find("://").map(|i| i + 3) {
        Some(start) => match base[start..].find('/') {
            Some(slash) => &base[..start + slash],
            None => base,
        },
        None => base,
    };
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

/// Makes database `name` on the server (dropping one of that name first), empty or as a
/// copy of `template` (a file-level copy: fast, and nobody may be connected to the
/// template meanwhile). Returns its URL.
pub fn create_database(server: &str, name: &str, template: Option<&str>) -> String {
    let mut client = postgres::Client::connect(server, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot reach the PostgreSQL server: {e}"));
    // A process that just ended may still be leaving it: try again for a few seconds.
    let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    let mut tries = 0;
    while let Err(e) = client.batch_execute(&drop) {
        tries += 1;
        if tries == 10 {
            panic!("cannot drop database {name}: {}", detail(&e));
        }
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
    let from = template.map_or(String::new(), |t| format!(" TEMPLATE {t}"));
    client
        .batch_execute(&format!("CREATE DATABASE {name}{from}"))
        .unwrap_or_else(|e| panic!("cannot make database {name}: {}", detail(&e)));
    database_url(server, name)
}

/// Drops database `name` if it exists.
pub fn drop_database(server: &str, name: &str) {
    if let Ok(mut client) = postgres::Client::connect(server, postgres::NoTls) {
        let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }
}

/// An error with the server's own message, where it sent one ("db error" alone says
/// nothing).
fn detail(e: &postgres::Error) -> String {
    e.as_db_error().map_or_else(
        || e.to_string(),
        |db| format!("{}: {}", db.code().code(), db.message()),
    )
}

#[cfg(test)]
mod tests {
    use super::database_url;

    #[test]
    fn database_urls() {
        assert_eq!(
            database_url("postgres://u:p@h:1/ledger", "other"),
            "postgres://u:p@h:1/other"
        );
        assert_eq!(
            database_url("postgres://u@h/ledger?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(database_url("postgres://h", "x"), "postgres://h/x");
    }
}

//! The PostgreSQL schema: the shared tables ([`crate::sql`]), an index for `at`'s
//! window over an organ's seats, and the version of this schema.

use crate::sql::{self, Dialect};

pub(crate) use crate::sql::{FORMAT, column_list};

/// The version of the PostgreSQL schema this code makes and reads. A ledger made by
/// another version is refused (a migration would go here).
pub(crate) const SCHEMA_VERSION: &str = "1";

/// The whole schema.
pub(crate) fn schema() -> String {
    let mut sql = sql::schema(Dialect::Postgres);
    sql.push_str("CREATE INDEX seats_window ON seats(organ, hi, lo);\n");
    sql
}

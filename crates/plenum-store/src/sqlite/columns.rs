//! Reading seats and alignments back from their columns (they are not kept as JSON:
//! `at` reads them by the thousand, and decoding JSON was a third of its time).

use std::str::FromStr;

use plenum_model::event::Role;
use plenum_model::state::rows::{AlignmentRow, SeatRow, Span};
use rusqlite::Row;
use serde::de::DeserializeOwned;

use crate::Error;

/// The seat columns, in the order [`seat`] reads them, for table alias `s`.
/// The holder's name follows them.
pub(super) const SEAT: &str = "s.key, s.organ, s.person, s.role, s.start, s.end, s.start_event, s.end_event, s.end_cause, s.name";

/// How many columns [`SEAT`] lists.
pub(super) const SEAT_WIDTH: usize = 10;

/// The alignment columns, in the order [`alignment`] reads them, for table alias `a`.
pub(super) const ALIGNMENT: &str =
    "a.key, a.faction, a.person, a.leader, a.start, a.end, a.start_event, a.end_event";

/// Reads a column as text, or none if NULL.
fn text<'r>(row: &'r Row<'_>, at: usize) -> Result<Option<&'r str>, Error> {
    match row.get_ref(at)? {
        rusqlite::types::ValueRef::Null => Ok(None),
        value => Ok(Some(value.as_str().map_err(rusqlite::Error::from)?)),
    }
}

fn bad(table: &'static str, reason: impl Into<String>) -> Error {
    Error::BadColumn {
        table,
        reason: reason.into(),
    }
}

/// Parses a required text column.
fn parse<T: FromStr>(table: &'static str, row: &Row<'_>, at: usize) -> Result<T, Error>
where
    T::Err: std::fmt::Display,
{
    let value = text(row, at)?.ok_or_else(|| bad(table, format!("column {at} is empty")))?;
    value
        .parse()
        .map_err(|e| bad(table, format!("`{value}`: {e}")))
}

/// Parses an optional text column.
fn parse_optional<T: FromStr>(
    table: &'static str,
    row: &Row<'_>,
    at: usize,
) -> Result<Option<T>, Error>
where
    T::Err: std::fmt::Display,
{
    text(row, at)?
        .map(|value| {
            value
                .parse()
                .map_err(|e| bad(table, format!("`{value}`: {e}")))
        })
        .transpose()
}

/// A serde enum from its name (`full`, `term-ended`).
fn word<T: DeserializeOwned>(table: &'static str, value: &str) -> Result<T, Error> {
    serde_json::from_value(serde_json::Value::String(value.to_owned()))
        .map_err(|e| bad(table, format!("`{value}`: {e}")))
}

/// The holder's name from the columns of [`SEAT`], starting at `at`.
pub(super) fn seat_name(row: &Row<'_>, at: usize) -> Result<Option<String>, Error> {
    Ok(text(row, at + 9)?.map(str::to_owned))
}

/// A seat from the columns of [`SEAT`], starting at `at`.
pub(super) fn seat(row: &Row<'_>, at: usize) -> Result<SeatRow, Error> {
    const T: &str = "seats";
    Ok(SeatRow {
        key: parse(T, row, at)?,
        organ: parse(T, row, at + 1)?,
        person: parse(T, row, at + 2)?,
        role: match text(row, at + 3)? {
            Some("full") => Role::Full,
            Some("alternate") => Role::Alternate,
            other => return Err(bad(T, format!("role `{}`", other.unwrap_or_default()))),
        },
        span: Span {
            start: parse(T, row, at + 4)?,
            end: parse_optional(T, row, at + 5)?,
        },
        start_event: parse(T, row, at + 6)?,
        end_event: parse_optional(T, row, at + 7)?,
        end_cause: text(row, at + 8)?.map(|c| word(T, c)).transpose()?,
    })
}

/// An alignment from the columns of [`ALIGNMENT`], starting at `at`; none if they are NULL (an outer join).
pub(super) fn alignment(row: &Row<'_>, at: usize) -> Result<Option<AlignmentRow>, Error> {
    const T: &str = "alignments";
    let Some(key) = text(row, at)? else {
        return Ok(None);
    };
    Ok(Some(AlignmentRow {
        key: key.to_owned(),
        faction: parse(T, row, at + 1)?,
        person: parse(T, row, at + 2)?,
        leader: row.get::<_, i64>(at + 3)? != 0,
        span: Span {
            start: parse(T, row, at + 4)?,
            end: parse_optional(T, row, at + 5)?,
        },
        start_event: parse(T, row, at + 6)?,
        end_event: parse_optional(T, row, at + 7)?,
    }))
}

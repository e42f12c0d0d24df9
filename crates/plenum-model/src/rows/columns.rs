//! Rows as columns: the one canonical form in which every store keeps a projection row
//! and every digest hashes it.
//!
//! A row is a list of [`Value`]s in the order of its table's [`Column`]s, key
//! first. Stores keep exactly these columns (so a query's filter columns are
//! covered by the projection digest), and read rows back with
//! [`Row::from_values`].

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::date::FuzzyDate;
use crate::id::{Pos, Seq};

use super::Span;

/// One column value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Value {
    /// No value.
    Null,
    /// An integer.
    Int(i64),
    /// UTF-8 text.
    Text(String),
}

/// A borrowed column value, as a store reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueRef<'a> {
    /// No value.
    Null,
    /// An integer.
    Int(i64),
    /// UTF-8 text.
    Text(&'a str),
}

impl Value {
    /// Borrows the value.
    pub fn as_ref(&self) -> ValueRef<'_> {
        match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Int(*i),
            Value::Text(t) => ValueRef::Text(t),
        }
    }
}

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// 64-bit integers.
    Int,
    /// Text.
    Text,
}

/// A column of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Its name: lowercase, and a word no SQL dialect reserves.
    pub name: &'static str,
    /// Its type.
    pub ty: Type,
    /// Whether it may be NULL.
    pub nullable: bool,
}

/// A row that cannot be read back from its columns.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{table}.{column}: {reason}")]
pub struct RowError {
    /// The table.
    pub table: &'static str,
    /// The column.
    pub column: &'static str,
    /// What is wrong.
    pub reason: String,
}

/// Writes a row's values in column order.
#[derive(Debug, Default)]
pub struct Columns(Vec<Value>);

impl Columns {
    /// The values written.
    pub fn into_values(self) -> Vec<Value> {
        self.0
    }

    /// An integer.
    pub fn int(&mut self, value: i64) -> &mut Self {
        self.0.push(Value::Int(value));
        self
    }

    /// A boolean, as 0 or 1.
    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.int(i64::from(value))
    }

    /// Text from anything printable (ids, dates).
    pub fn text(&mut self, value: impl fmt::Display) -> &mut Self {
        self.0.push(Value::Text(value.to_string()));
        self
    }

    /// Text or NULL.
    pub fn opt_text(&mut self, value: Option<impl fmt::Display>) -> &mut Self {
        self.0
            .push(value.map_or(Value::Null, |v| Value::Text(v.to_string())));
        self
    }

    /// A serde enum's name (`full`, `term-ended`), or NULL.
    pub fn word<T: Serialize>(&mut self, value: Option<&T>) -> &mut Self {
        let value = value.map_or(Value::Null, |v| match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => Value::Text(s),
            Ok(other) => Value::Text(other.to_string()),
            Err(_) => Value::Null,
        });
        self.0.push(value);
        self
    }

    /// A value as compact JSON text.
    pub fn json<T: Serialize>(&mut self, value: &T) -> &mut Self {
        let text = serde_json::to_string(value).unwrap_or_default();
        self.0.push(Value::Text(text));
        self
    }

    /// A date-order position.
    pub fn pos(&mut self, value: Pos) -> &mut Self {
        self.0.push(Value::Int(pos_int(value)));
        self
    }

    /// A date-order position or NULL.
    pub fn opt_pos(&mut self, value: Option<Pos>) -> &mut Self {
        self.0
            .push(value.map_or(Value::Null, |p| Value::Int(pos_int(p))));
        self
    }

    /// A span as four columns: `since`, `until`, `lo`, `hi`.
    pub fn span(&mut self, span: &Span) -> &mut Self {
        self.text(&span.start)
            .opt_text(span.end.as_ref())
            .int(i64::from(span.lo().to_key()))
            .int(i64::from(span.hi().to_key()))
    }
}

/// Positions past what [`Pos::to_i64`] encodes are refused when an entry is appended,
/// so they never reach a row.
fn pos_int(pos: Pos) -> i64 {
    pos.to_i64().unwrap_or(i64::MAX)
}

/// The four span columns.
pub const SPAN: [Column; 4] = [text("since"), opt_text("until"), int("lo"), int("hi")];

/// Reads a row's values in column order.
pub struct Reader<'a> {
    table: &'static str,
    columns: &'static [Column],
    values: &'a [ValueRef<'a>],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads `values`, which follow the table's columns.
    pub fn new(table: super::Table, values: &'a [ValueRef<'a>]) -> Result<Reader<'a>, RowError> {
        let columns = table.columns();
        if values.len() != columns.len() {
            return Err(RowError {
                table: table.name(),
                column: "*",
                reason: format!("{} values for {} columns", values.len(), columns.len()),
            });
        }
        Ok(Reader {
            table: table.name(),
            columns,
            values,
            at: 0,
        })
    }

    fn next(&mut self) -> (ValueRef<'a>, &'static str) {
        let column = self.columns.get(self.at).map_or("?", |c| c.name);
        let value = self.values.get(self.at).copied().unwrap_or(ValueRef::Null);
        self.at += 1;
        (value, column)
    }

    fn bad(&self, column: &'static str, reason: impl Into<String>) -> RowError {
        RowError {
            table: self.table,
            column,
            reason: reason.into(),
        }
    }

    /// An integer.
    pub fn int(&mut self) -> Result<i64, RowError> {
        match self.next() {
            (ValueRef::Int(i), _) => Ok(i),
            (other, column) => {
                Err(self.bad(column, format!("expected an integer, found {other:?}")))
            }
        }
    }

    /// A boolean (0 or 1).
    pub fn bool(&mut self) -> Result<bool, RowError> {
        match self.next() {
            (ValueRef::Int(0), _) => Ok(false),
            (ValueRef::Int(1), _) => Ok(true),
            (other, column) => Err(self.bad(column, format!("expected 0 or 1, found {other:?}"))),
        }
    }

    fn opt_str(&mut self) -> Result<(Option<&'a str>, &'static str), RowError> {
        match self.next() {
            (ValueRef::Null, column) => Ok((None, column)),
            (ValueRef::Text(t), column) => Ok((Some(t), column)),
            (other, column) => Err(self.bad(column, format!("expected text, found {other:?}"))),
        }
    }

    /// Text, parsed.
    pub fn text<T: FromStr>(&mut self) -> Result<T, RowError>
    where
        T::Err: fmt::Display,
    {
        let (value, column) = self.opt_str()?;
        let value = value.ok_or_else(|| self.bad(column, "is NULL"))?;
        value
            .parse()
            .map_err(|e| self.bad(column, format!("`{value}`: {e}")))
    }

    /// Text or NULL, parsed.
    pub fn opt_text<T: FromStr>(&mut self) -> Result<Option<T>, RowError>
    where
        T::Err: fmt::Display,
    {
        let (value, column) = self.opt_str()?;
        value
            .map(|v| {
                v.parse()
                    .map_err(|e| self.bad(column, format!("`{v}`: {e}")))
            })
            .transpose()
    }

    /// A serde enum from its name, or NULL.
    pub fn word<T: DeserializeOwned>(&mut self) -> Result<Option<T>, RowError> {
        use serde::de::IntoDeserializer;
        let (value, column) = self.opt_str()?;
        value
            .map(|v| {
                let deserializer: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
                    v.into_deserializer();
                T::deserialize(deserializer).map_err(|e| self.bad(column, format!("`{v}`: {e}")))
            })
            .transpose()
    }

    /// A serde enum from its name.
    pub fn required_word<T: DeserializeOwned>(&mut self) -> Result<T, RowError> {
        let column = self.columns.get(self.at).map_or("?", |c| c.name);
        self.word()?.ok_or_else(|| self.bad(column, "is NULL"))
    }

    /// A value from JSON text.
    pub fn json<T: DeserializeOwned>(&mut self) -> Result<T, RowError> {
        let (value, column) = self.opt_str()?;
        let value = value.ok_or_else(|| self.bad(column, "is NULL"))?;
        serde_json::from_str(value).map_err(|e| self.bad(column, e.to_string()))
    }

    /// A date-order position.
    pub fn pos(&mut self) -> Result<Pos, RowError> {
        let column = self.columns.get(self.at).map_or("?", |c| c.name);
        let value = self.int()?;
        Pos::from_i64(value).ok_or_else(|| self.bad(column, format!("`{value}` is no position")))
    }

    /// A date-order position or NULL.
    pub fn opt_pos(&mut self) -> Result<Option<Pos>, RowError> {
        match self.next() {
            (ValueRef::Null, _) => Ok(None),
            (ValueRef::Int(i), column) => Pos::from_i64(i)
                .map(Some)
                .ok_or_else(|| self.bad(column, format!("`{i}` is no position"))),
            (other, column) => {
                Err(self.bad(column, format!("expected a position, found {other:?}")))
            }
        }
    }

    /// A ledger position.
    pub fn seq(&mut self) -> Result<Seq, RowError> {
        let column = self.columns.get(self.at).map_or("?", |c| c.name);
        let value = self.int()?;
        u64::try_from(value)
            .map(Seq)
            .map_err(|_| self.bad(column, format!("`{value}` is no ledger position")))
    }

    /// A span from its four columns; `lo` and `hi` must agree with the dates.
    pub fn span(&mut self) -> Result<Span, RowError> {
        let start: FuzzyDate = self.text()?;
        let end: Option<FuzzyDate> = self.opt_text()?;
        let span = Span { start, end };
        let lo = self.int()?;
        let hi = self.int()?;
        if lo != i64::from(span.lo().to_key()) || hi != i64::from(span.hi().to_key()) {
            return Err(self.bad(
                "lo",
                format!("`{lo}`..`{hi}` disagrees with the span's dates"),
            ));
        }
        Ok(span)
    }
}

/// A required integer column.
pub const fn int(name: &'static str) -> Column {
    Column {
        name,
        ty: Type::Int,
        nullable: false,
    }
}

/// An optional integer column.
pub const fn opt_int(name: &'static str) -> Column {
    Column {
        name,
        ty: Type::Int,
        nullable: true,
    }
}

/// A required text column.
pub const fn text(name: &'static str) -> Column {
    Column {
        name,
        ty: Type::Text,
        nullable: false,
    }
}

/// An optional text column.
pub const fn opt_text(name: &'static str) -> Column {
    Column {
        name,
        ty: Type::Text,
        nullable: true,
    }
}

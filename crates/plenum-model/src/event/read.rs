//! Reading files of events: TOML (`[[event]]` tables) and JSON Lines (one object per line).
//!
//! ```toml
//! [[event]]
//! id = "nwpk-founded"
//! date = "1946-08-28/1946-08-30"
//! kind = "organizations_merged"
//! orgs = ["cpnk", "npp"]
//! into = "nwpk"
//! name = "North Workers' Party of Korea"
//! sources = [{ document = "article", quote = "adopted the name North Workers' Party of Korea" }]
//! ```
//!
//! Every error names the line and column of the field at fault. Both formats
//! refuse a key written twice in one table or object, accept a leading byte order
//! mark, and hold to the limits of [`crate::limits`] (line and text field sizes,
//! the largest count).

use std::collections::HashSet;
use std::ops::Range;

use serde_json::{Map, Number, Value};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Event;
use super::codec::{FieldError, from_json};
use crate::limits::{self, MAX_COUNT, MAX_LINE_BYTES, MAX_STATUTE_BYTES, MAX_TEXT_BYTES};
use crate::source::InputError;

/// The two file formats of events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `[[event]]` tables.
    Toml,
    /// One JSON object per line.
    JsonLines,
}

impl Format {
    /// Guesses the format from a file name and its text: `.jsonl`/`.json`
    /// names, or text whose first non-blank character is `{`, are JSON Lines.
    pub fn detect(file_name: &str, text: &str) -> Format {
        let lower = file_name.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
            return Format::JsonLines;
        }
        if lower.ends_with(".toml") {
            return Format::Toml;
        }
        if text.trim_start().starts_with('{') {
            Format::JsonLines
        } else {
            Format::Toml
        }
    }
}

/// An event and where it is written, so later checks can point at a field.
#[derive(Clone, Debug)]
pub struct Located {
    /// The event.
    pub event: Event,
    /// The span of the whole event in the text.
    pub span: Range<usize>,
    /// The span of each top-level field's key.
    pub fields: Vec<(String, Range<usize>)>,
}

impl Located {
    /// The span of a top-level field, or of the whole event if it is not written.
    pub fn field_span(&self, field: &str) -> Range<usize> {
        let top = field.split(['.', '[']).next().unwrap_or(field);
        self.fields
            .iter()
            .find(|(name, _)| name == top)
            .map_or(self.span.clone(), |(_, span)| span.clone())
    }
}

/// Reads the file a `statute_adopted`'s `text_file` names (as written, relative to the
/// file of events), or says why it cannot.
pub type Include<'a> = &'a dyn Fn(&str) -> Result<String, String>;

/// The field of a `statute_adopted` that names the file holding its text.
pub const TEXT_FILE: &str = "text_file";

/// Reads every event of a file; the first error stops the reading.
///
/// Ids must be unique within the file. A `text_file` is refused: text that does not
/// come from a file of its own has nothing to name files relative to (see [`read_with`]).
pub fn read(text: &str, format: Format) -> Result<Vec<Located>, InputError> {
    read_with(text, format, &|_| {
        Err("only a file of events read from disk may name another file".to_owned())
    })
}

/// Reads every event of a file as [`read`] does; a `statute_adopted` may name the file
/// of its text (`text_file = "../statute.toml"`) instead of writing it out, and `include`
/// reads it. The event read holds the text, as if written in place: the ledger records
/// the statute, not the name of a file.
pub fn read_with(
    text: &str,
    format: Format,
    include: Include<'_>,
) -> Result<Vec<Located>, InputError> {
    let events = match format {
        Format::Toml => read_toml(text, include)?,
        Format::JsonLines => read_json_lines(text, include)?,
    };
    let mut seen = HashSet::new();
    for located in &events {
        if !seen.insert(located.event.id.clone()) {
            return Err(InputError::at(
                text,
                located.field_span("id"),
                format!("event id `{}` is used twice in this file", located.event.id),
            ));
        }
    }
    Ok(events)
}

fn read_toml(text: &str, include: Include<'_>) -> Result<Vec<Located>, InputError> {
    let root = DeTable::parse(text).map_err(|e| {
        InputError::at(
            text,
            e.span().unwrap_or(0..0),
            e.message().trim_end().to_owned(),
        )
    })?;
    let mut events = Vec::new();
    for (key, value) in root.get_ref().iter() {
        if key.get_ref() != "event" {
            return Err(InputError::at(
                text,
                key.span(),
                format!(
                    "unknown key `{}` at the top level; a file of events holds only `[[event]]` tables",
                    key.get_ref()
                ),
            ));
        }
        let DeValue::Array(items) = value.get_ref() else {
            return Err(InputError::at(
                text,
                value.span(),
                "`event` must be written as `[[event]]` tables",
            ));
        };
        for item in items.iter() {
            let DeValue::Table(table) = item.get_ref() else {
                return Err(InputError::at(
                    text,
                    item.span(),
                    "expected an `[[event]]` table",
                ));
            };
            let fields: Vec<_> = table
                .iter()
                .map(|(k, _)| (k.get_ref().to_string(), k.span()))
                .collect();
            let mut json =
                table_to_json(table).map_err(|(span, msg)| InputError::at(text, span, msg))?;
            let span = item.span();
            let event = include_text(&mut json, include)
                .and_then(|()| within_limits(&json))
                .and_then(|()| from_json(json))
                .map_err(|e| locate(text, &e, &fields, span.clone()))?;
            events.push(Located {
                event,
                span,
                fields,
            });
        }
    }
    Ok(events)
}

fn locate(
    text: &str,
    error: &FieldError,
    fields: &[(String, Range<usize>)],
    whole: Range<usize>,
) -> InputError {
    let top = error.path.split(['.', '[']).next().unwrap_or("");
    let span = fields
        .iter()
        .find(|(name, _)| name == top)
        .map_or(whole, |(_, span)| span.clone());
    InputError::at(text, span, error.to_string())
}

type ConvertError = (Range<usize>, String);

fn table_to_json(table: &DeTable<'_>) -> Result<Value, ConvertError> {
    let mut map = Map::new();
    for (key, value) in table.iter() {
        map.insert(key.get_ref().to_string(), value_to_json(value)?);
    }
    Ok(Value::Object(map))
}

fn value_to_json(value: &Spanned<DeValue<'_>>) -> Result<Value, ConvertError> {
    Ok(match value.get_ref() {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => {
            let n = i64::from_str_radix(i.as_str(), i.radix()).map_err(|_| {
                (
                    value.span(),
                    format!(
                        "integer `{}` is more than the largest count plenum accepts, {}",
                        i.as_str(),
                        limits::count(MAX_COUNT)
                    ),
                )
            })?;
            Value::Number(Number::from(n))
        }
        DeValue::Float(f) => {
            let x: f64 = f
                .as_str()
                .parse()
                .map_err(|_| (value.span(), format!("invalid number `{}`", f.as_str())))?;
            Number::from_f64(x)
                .map(Value::Number)
                .ok_or_else(|| (value.span(), "numbers must be finite".to_owned()))?
        }
        DeValue::Boolean(b) => Value::Bool(*b),
        // A native TOML date (`date = 1946-08-30`) reads like the string "1946-08-30".
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => {
            Value::Array(items.iter().map(value_to_json).collect::<Result<_, _>>()?)
        }
        DeValue::Table(t) => table_to_json(t)?,
    })
}

fn read_json_lines(text: &str, include: Include<'_>) -> Result<Vec<Located>, InputError> {
    let mut events = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        let mut content = line.trim_end_matches(['\n', '\r']);
        let mut line_start = line_start;
        if index == 0
            && let Some(rest) = content.strip_prefix('\u{feff}')
        {
            // A byte order mark, as TOML allows one.
            content = rest;
            line_start += '\u{feff}'.len_utf8();
        }
        if content.trim().is_empty() {
            continue;
        }
        if content.len() > MAX_LINE_BYTES {
            return Err(InputError::at(
                text,
                line_start..line_start,
                format!(
                    "this line is {} bytes; a line of JSON Lines holds at most {}",
                    limits::count(content.len() as u64),
                    limits::bytes(MAX_LINE_BYTES as u64)
                ),
            ));
        }
        let mut value: Value = strict_json(content).map_err(|e| {
            // serde_json counts columns in bytes; the error counts characters.
            let mut at = e.column().saturating_sub(1).min(content.len());
            while !content.is_char_boundary(at) {
                at -= 1;
            }
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            InputError::at(
                text,
                line_start + at..line_start + at,
                format!("invalid JSON: {message}"),
            )
        })?;
        let fields: Vec<_> = match &value {
            Value::Object(map) => map
                .keys()
                .map(|k| (k.clone(), key_span(content, k, line_start)))
                .collect(),
            _ => Vec::new(),
        };
        let span = line_start..line_start + content.len();
        let event = include_text(&mut value, include)
            .and_then(|()| within_limits(&value))
            .and_then(|()| from_json(value))
            .map_err(|e| locate(text, &e, &fields, span.clone()))?;
        events.push(Located {
            event,
            span,
            fields,
        });
    }
    Ok(events)
}

/// Puts the text of the file a `statute_adopted`'s `text_file` names in its `text`.
fn include_text(event: &mut Value, include: Include<'_>) -> Result<(), FieldError> {
    let Value::Object(map) = event else {
        return Ok(());
    };
    let Some(file) = map.remove(TEXT_FILE) else {
        return Ok(());
    };
    let problem = |message: String| FieldError::new(TEXT_FILE.to_owned(), message);
    if map.get("kind").and_then(Value::as_str) != Some("statute_adopted") {
        return Err(problem(
            "`text_file` belongs to a `statute_adopted` only: it names the file that holds the statute's text".to_owned(),
        ));
    }
    if map.contains_key("text") {
        return Err(problem(
            "write the statute's `text` or name its `text_file`, not both".to_owned(),
        ));
    }
    let Value::String(name) = file else {
        return Err(problem(
            "expected the name of a file, relative to this one (`text_file = \"../statute.toml\"`)"
                .to_owned(),
        ));
    };
    let statute = include(&name).map_err(|e| problem(format!("cannot read `{name}`: {e}")))?;
    map.insert("text".to_owned(), Value::String(statute));
    Ok(())
}

/// The span of `"key"` in a JSON line: the first occurrence followed by a colon.
fn key_span(line: &str, key: &str, line_start: usize) -> Range<usize> {
    let quoted = serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""));
    let mut from = 0;
    while let Some(i) = line[from..].find(&quoted) {
        let at = from + i;
        if line[at + quoted.len()..].trim_start().starts_with(':') {
            return line_start + at..line_start + at + quoted.len();
        }
        from = at + quoted.len();
    }
    line_start..line_start + line.len()
}

/// Refuses text fields longer than [`MAX_TEXT_BYTES`] (a statute's text, longer
/// than [`MAX_STATUTE_BYTES`]) and numbers larger than [`MAX_COUNT`], naming the field.
fn within_limits(event: &Value) -> Result<(), FieldError> {
    fn walk(value: &Value, path: &mut String, statute: bool) -> Result<(), FieldError> {
        match value {
            Value::String(s) => {
                let limit = if statute && path == "text" {
                    MAX_STATUTE_BYTES
                } else {
                    MAX_TEXT_BYTES
                };
                if let Some(problem) = limits::forbidden_character(s) {
                    return Err(FieldError::new(path.clone(), problem));
                }
                if s.len() > limit {
                    return Err(FieldError::new(
                        path.clone(),
                        format!(
                            "this text is {} bytes; a field holds at most {}",
                            limits::count(s.len() as u64),
                            limits::bytes(limit as u64)
                        ),
                    ));
                }
            }
            Value::Number(n) => {
                let too_large = match (n.as_u64(), n.as_i64(), n.as_f64()) {
                    (Some(n), _, _) => n > MAX_COUNT,
                    (None, Some(_), _) => false,
                    (None, None, Some(x)) => x > MAX_COUNT as f64,
                    (None, None, None) => true,
                };
                if too_large {
                    return Err(FieldError::new(
                        path.clone(),
                        format!(
                            "{n} is more than the largest count plenum accepts, {}",
                            limits::count(MAX_COUNT)
                        ),
                    ));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let len = path.len();
                    path.push_str(&format!("[{i}]"));
                    walk(item, path, statute)?;
                    path.truncate(len);
                }
            }
            Value::Object(map) => {
                for (key, item) in map {
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                    walk(item, path, statute)?;
                    path.truncate(len);
                }
            }
            Value::Bool(_) | Value::Null => {}
        }
        Ok(())
    }
    let statute = event.get("kind").and_then(Value::as_str) == Some("statute_adopted");
    walk(event, &mut String::new(), statute)
}

/// Parses one JSON value, refusing an object that writes a key twice (as TOML does;
/// plain serde_json keeps the last).
fn strict_json(text: &str) -> serde_json::Result<Value> {
    use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};

    struct Strict;

    impl<'de> DeserializeSeed<'de> for Strict {
        type Value = Value;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Strict {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
            Ok(Value::Bool(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
            Ok(Value::Number(v.into()))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
            Ok(Value::Number(v.into()))
        }
        fn visit_f64<E: Error>(self, v: f64) -> Result<Value, E> {
            Number::from_f64(v)
                .map(Value::Number)
                .ok_or_else(|| E::custom("numbers must be finite"))
        }
        fn visit_str<E>(self, v: &str) -> Result<Value, E> {
            Ok(Value::String(v.to_owned()))
        }
        fn visit_string<E>(self, v: String) -> Result<Value, E> {
            Ok(Value::String(v))
        }
        fn visit_unit<E>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(Strict)? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut object = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                if object.contains_key(&key) {
                    return Err(A::Error::custom(format!(
                        "the key `{key}` is written twice"
                    )));
                }
                let value = map.next_value_seed(Strict)?;
                object.insert(key, value);
            }
            Ok(Value::Object(object))
        }
    }

    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

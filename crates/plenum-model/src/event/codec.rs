//! The one encoding of events: a flat JSON object, and its canonical bytes.
//!
//! The JSON form is the JSON Lines file format and the ledger's payload:
//! `{"date":"1946-08-28/1946-08-30","id":"...","kind":"organizations_merged",
//! "orgs":[...],"into":"nwpk","sources":[...]}`. Canonical bytes are that
//! object with keys sorted, no insignificant whitespace, and empty optional
//! fields left out, so that equal events always hash alike. Any change to
//! these bytes is a new codec version; golden files in the store's tests pin
//! them.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{Event, EventKind, Source, Superseded};
use crate::date::FuzzyDate;
use crate::id::EventId;

/// The codec version written into every ledger entry.
pub const CODEC_VERSION: u32 = 1;

/// A field of an event that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", if path.is_empty() { String::new() } else { format!("field `{path}`: ") })]
pub struct FieldError {
    /// The path of the field (`date`, `votes.for`, `replacement.person`); empty for the whole event.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl FieldError {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            path: path.into(),
            message: message.into(),
        }
    }

    fn within(self, prefix: &str) -> FieldError {
        let path = if self.path.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{}", self.path)
        };
        FieldError { path, ..self }
    }
}

/// The event as a JSON object.
pub fn to_json(event: &Event) -> Value {
    let mut object = match &event.kind {
        EventKind::EventSuperseded(s) => {
            let mut m = Map::new();
            m.insert("target".into(), Value::String(s.target.to_string()));
            m.insert("reason".into(), Value::String(s.reason.clone()));
            m.insert("replacement".into(), to_json(&s.replacement));
            m
        }
        kind => match kind.body_to_json() {
            Ok(Value::Object(m)) => m,
            // Bodies are plain structs of strings, numbers and lists: they always
            // serialize to an object. Keep the codec total regardless.
            _ => Map::new(),
        },
    };
    object.insert("id".into(), Value::String(event.id.to_string()));
    object.insert("date".into(), Value::String(event.date.to_string()));
    object.insert("kind".into(), Value::String(event.kind.name().into()));
    if !event.sources.is_empty() {
        object.insert(
            "sources".into(),
            serde_json::to_value(&event.sources).unwrap_or(Value::Null),
        );
    }
    if let Some(note) = &event.note {
        object.insert("note".into(), Value::String(note.clone()));
    }
    Value::Object(object)
}

/// The canonical bytes of an event: sorted keys, no whitespace.
pub fn to_canonical_bytes(event: &Event) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_canonical(&to_json(event), &mut out);
    out
}

/// Writes a JSON value with object keys sorted and no whitespace.
pub fn write_canonical(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push(b'{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(key, out);
                out.push(b':');
                write_canonical(&map[key], out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        Value::String(s) => write_string(s, out),
        Value::Number(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Null => out.extend_from_slice(b"null"),
    }
}

fn write_string(s: &str, out: &mut Vec<u8>) {
    // serde_json's string escaping is stable and minimal; writing a &str to a
    // Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

/// Reads an event from canonical (or any JSON) bytes.
pub fn from_bytes(bytes: &[u8]) -> Result<Event, FieldError> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| FieldError::new("", e.to_string()))?;
    from_json(value)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: EventId,
    date: FuzzyDate,
    #[serde(default)]
    sources: Vec<Source>,
    note: Option<String>,
}

const HEADER_KEYS: [&str; 4] = ["id", "date", "sources", "note"];

/// Reads an event from its JSON object, naming the field at fault on error.
pub fn from_json(value: Value) -> Result<Event, FieldError> {
    let Value::Object(mut object) = value else {
        return Err(FieldError::new(
            "",
            "expected an event: a table (or JSON object) with `id`, `date` and `kind`",
        ));
    };
    let kind = match object.remove("kind") {
        Some(Value::String(kind)) => kind,
        Some(other) => {
            return Err(FieldError::new(
                "kind",
                format!("expected a kind name, found {other}"),
            ));
        }
        None => return Err(FieldError::new("", "missing field `kind`")),
    };
    if !EventKind::NAMES.contains(&kind.as_str()) {
        return Err(FieldError::new("kind", unknown_kind_message(&kind)));
    }
    let mut header_map = Map::new();
    for key in HEADER_KEYS {
        if let Some(v) = object.remove(key) {
            header_map.insert(key.into(), v);
        }
    }
    let header: Header = deserialize_tracked(Value::Object(header_map))?;
    let kind = if kind == "event_superseded" {
        superseded_from_json(&header.id, object)?
    } else {
        let mut track = serde_path_to_error::Track::new();
        let de = serde_path_to_error::Deserializer::new(Value::Object(object), &mut track);
        match EventKind::deserialize_body(&kind, de) {
            Some(Ok(body)) => body,
            Some(Err(e)) => {
                return Err(FieldError::new(
                    track.path().to_string().trim_start_matches('.'),
                    e.to_string(),
                ));
            }
            None => return Err(FieldError::new("kind", unknown_kind_message(&kind))),
        }
    };
    Ok(Event {
        id: header.id,
        date: header.date,
        kind,
        sources: header.sources,
        note: header.note,
    })
}

fn superseded_from_json(
    id: &EventId,
    mut object: Map<String, Value>,
) -> Result<EventKind, FieldError> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Fields {
        target: EventId,
        reason: String,
    }
    let replacement = object
        .remove("replacement")
        .ok_or_else(|| FieldError::new("", "missing field `replacement`"))?;
    let fields: Fields = deserialize_tracked(Value::Object(object))?;
    let mut replacement = match replacement {
        Value::Object(mut r) => {
            match r.get("id") {
                None => {
                    r.insert("id".into(), Value::String(fields.target.to_string()));
                }
                Some(Value::String(rid)) if rid == fields.target.as_str() => {}
                Some(_) => {
                    return Err(FieldError::new(
                        "replacement.id",
                        format!(
                            "a replacement keeps the id of the event it corrects, `{}`; leave `id` out",
                            fields.target
                        ),
                    ));
                }
            }
            from_json(Value::Object(r)).map_err(|e| e.within("replacement"))?
        }
        _ => {
            return Err(FieldError::new(
                "replacement",
                "expected a table holding the corrected event",
            ));
        }
    };
    if matches!(
        replacement.kind,
        EventKind::EventSuperseded(_) | EventKind::EventRetracted(_)
    ) {
        return Err(FieldError::new(
            "replacement.kind",
            "a replacement cannot itself be a correction",
        ));
    }
    if &fields.target == id {
        return Err(FieldError::new("target", "an event cannot correct itself"));
    }
    replacement.id = fields.target.clone();
    Ok(EventKind::EventSuperseded(Superseded {
        target: fields.target,
        reason: fields.reason,
        replacement: Box::new(replacement),
    }))
}

fn deserialize_tracked<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, FieldError> {
    let mut track = serde_path_to_error::Track::new();
    let de = serde_path_to_error::Deserializer::new(value, &mut track);
    T::deserialize(de).map_err(|e| {
        FieldError::new(
            track.path().to_string().trim_start_matches('.'),
            e.to_string(),
        )
    })
}

fn unknown_kind_message(kind: &str) -> String {
    let closest = EventKind::NAMES
        .iter()
        .min_by_key(|name| edit_distance(kind, name))
        .copied()
        .unwrap_or("");
    if edit_distance(kind, closest) <= 3 {
        format!("unknown kind `{kind}`; did you mean `{closest}`?")
    } else {
        format!(
            "unknown kind `{kind}`; expected one of: {}",
            EventKind::NAMES.join(", ")
        )
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

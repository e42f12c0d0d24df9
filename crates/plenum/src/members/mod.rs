//! Member registers from spreadsheets: a CSV or TSV export (any encoding), its columns
//! mapped to a person's id, name, admission date, status, birth date and other names,
//! each row checked (errors with line and column), and the events that admit them.

pub mod decode;

use std::collections::{HashMap, HashSet};

use plenum_model::date::FuzzyDate;
use plenum_model::id::{OrgId, PersonId};
use plenum_model::source::InputError;
use serde::Deserialize;

/// Which column holds what: a header's name (any case) or a 1-based column number.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The person's id in the register (a slug); made from the name if missing.
    #[serde(default, deserialize_with = "column")]
    pub id: Option<String>,
    /// The name.
    #[serde(default, deserialize_with = "column")]
    pub name: Option<String>,
    /// The day of admission.
    #[serde(default, deserialize_with = "column")]
    pub since: Option<String>,
    /// `full` or `candidate`.
    #[serde(default, deserialize_with = "column")]
    pub status: Option<String>,
    /// The day of birth.
    #[serde(default, deserialize_with = "column")]
    pub born: Option<String>,
    /// Other names, separated by `;` (or `|` when `;` is the delimiter).
    #[serde(default, deserialize_with = "column")]
    pub aliases: Option<String>,
}

/// A column in a mapping file: a header (text) or a number.
fn column<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Column {
        Header(String),
        Number(u32),
    }
    Ok(Some(match Column::deserialize(d)? {
        Column::Header(h) => h,
        Column::Number(n) => n.to_string(),
    }))
}

/// How dates are written in the file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// `2021-03-31`, or any EDTF date (`2021`, `2021-03`, `2021-03~`).
    #[default]
    Iso,
    /// `31/03/2021`, `31.03.2021`.
    Dmy,
    /// `03/31/2021`.
    Mdy,
}

/// What reading a register needs besides its text.
#[derive(Clone, Debug)]
pub struct Options {
    /// The columns.
    pub columns: Columns,
    /// How dates are written.
    pub dates: DateOrder,
    /// The admission date of rows without one.
    pub default_since: Option<String>,
    /// The delimiter.
    pub delimiter: u8,
}

/// A member, as a row gave them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// The row's line (1-based).
    pub line: usize,
    /// The row as written (for the events' sources).
    pub raw: String,
    /// The person's id.
    pub person: String,
    /// The name.
    pub name: String,
    /// Admitted on.
    pub since: String,
    /// `full` or `candidate`.
    pub status: &'static str,
    /// Born on.
    pub born: Option<String>,
    /// Other names.
    pub aliases: Vec<String>,
    /// Whether the ledger's register knows the person already.
    pub known: bool,
}

const DEFAULTS: [(&str, &[&str]); 6] = [
    (
        "id",
        &[
            "id",
            "person",
            "member id",
            "member_id",
            "member no",
            "number",
            "no",
            "membership number",
        ],
    ),
    (
        "name",
        &["name", "full name", "full_name", "member", "member name"],
    ),
    (
        "since",
        &[
            "since",
            "admitted",
            "joined",
            "date joined",
            "member since",
            "start",
            "date",
        ],
    ),
    (
        "status",
        &["status", "membership", "member status", "class"],
    ),
    (
        "born",
        &["born", "birth", "date of birth", "dob", "birthday"],
    ),
    (
        "aliases",
        &["aliases", "other names", "also known as", "aka"],
    ),
];

/// The byte offsets at which each field of the record starting at `start` begins.
fn field_starts(text: &str, start: usize, delimiter: u8) -> Vec<usize> {
    let mut starts = vec![start];
    let mut quoted = false;
    for (i, b) in text.as_bytes()[start..].iter().enumerate() {
        match *b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            d if d == delimiter && !quoted => starts.push(start + i + 1),
            _ => {}
        }
    }
    starts
}

/// Which column each wanted field is in.
fn locate(header: &csv::StringRecord, columns: &Columns) -> Result<[Option<usize>; 6], String> {
    let given = [
        &columns.id,
        &columns.name,
        &columns.since,
        &columns.status,
        &columns.born,
        &columns.aliases,
    ];
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let mut found = [None; 6];
    for (i, ((field, defaults), wanted)) in DEFAULTS.iter().zip(given).enumerate() {
        found[i] = match wanted {
            Some(w) => {
                let by_number = w
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=names.len()).contains(n));
                let index = by_number
                    .map(|n| n - 1)
                    .or_else(|| names.iter().position(|n| *n == w.trim().to_lowercase()));
                match index {
                    Some(i) => Some(i),
                    None => {
                        return Err(format!(
                            "the {field} column `{w}` is not in the header ({})",
                            header.iter().collect::<Vec<_>>().join(", ")
                        ));
                    }
                }
            }
            None => names.iter().position(|n| defaults.contains(&n.as_str())),
        };
    }
    Ok(found)
}

/// A date as the file writes it, as EDTF.
fn date(text: &str, order: DateOrder) -> Result<String, String> {
    let text = text.trim();
    let iso = match order {
        DateOrder::Iso => text.to_owned(),
        DateOrder::Dmy | DateOrder::Mdy => {
            let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
            let [a, b, y] = parts[..] else {
                return Err(format!("`{text}`: expected a date like 31/12/2021"));
            };
            let (d, m) = if order == DateOrder::Dmy {
                (a, b)
            } else {
                (b, a)
            };
            if y.len() != 4 {
                return Err(format!("`{text}`: write the year with four digits"));
            }
            format!("{y}-{m:0>2}-{d:0>2}")
        }
    };
    iso.parse::<FuzzyDate>()
        .map(|d| d.to_string())
        .map_err(|e| format!("`{text}` is not a date: {e}"))
}

/// A person id made from a name: transliterated to ASCII (`Díaz` -> `diaz`), lower-case
/// letters and digits joined by `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn status(text: &str) -> Result<&'static str, String> {
    match text.trim().to_lowercase().as_str() {
        "" | "full" | "member" | "full member" | "active" => Ok("full"),
        "candidate" | "candidate member" | "probation" | "probationary" | "provisional" => {
            Ok("candidate")
        }
        other => Err(format!("status `{other}`: expected `full` or `candidate`")),
    }
}

/// Reads the register in `text`: every member, or every error (each at its place).
/// `known(id)` gives the name the ledger's register has for a person id, if any.
pub fn read(
    text: &str,
    options: &Options,
    known: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<Member>, Vec<InputError>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(options.delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(vec![InputError::at(text, 0..0, format!("the header: {e}"))]),
    };
    let columns =
        locate(&header, &options.columns).map_err(|m| vec![InputError::at(text, 0..0, m)])?;
    let [id_col, name_col, since_col, status_col, born_col, alias_col] = columns;
    let Some(name_col) = name_col else {
        return Err(vec![InputError::at(
            text,
            0..0,
            "no column holds the names: name it with --name COLUMN",
        )]);
    };
    if since_col.is_none() && options.default_since.is_none() {
        return Err(vec![InputError::at(
            text,
            0..0,
            "no column holds the admission dates: name it with --since COLUMN, or give --default-since DATE",
        )]);
    }
    let alias_separator = if options.delimiter == b';' { '|' } else { ';' };
    let mut members = Vec::new();
    let mut errors = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut made: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(0, |p| p.byte() as usize);
                errors.push(InputError::at(text, at..at, format!("not CSV: {e}")));
                continue;
            }
        };
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let starts = field_starts(text, start, options.delimiter);
        let place = |col: usize| {
            let at = starts.get(col).copied().unwrap_or(start);
            at..at
        };
        let mut fail =
            |col: usize, message: String| errors.push(InputError::at(text, place(col), message));
        let field =
            |col: Option<usize>| col.and_then(|c| record.get(c)).map(str::trim).unwrap_or("");
        let name = field(Some(name_col)).to_owned();
        if name.is_empty() {
            fail(name_col, "the name is empty".into());
            continue;
        }
        let since = match since_col.map(|c| (c, field(Some(c)))) {
            Some((_, s)) if s.is_empty() && options.default_since.is_some() => {
                options.default_since.clone().unwrap_or_default()
            }
            Some((c, s)) => match date(s, options.dates) {
                Ok(d) => d,
                Err(m) => {
                    fail(c, format!("admission date {m}"));
                    continue;
                }
            },
            None => options.default_since.clone().unwrap_or_default(),
        };
        let status = match status_col.map(|c| (c, status(field(Some(c))))) {
            Some((c, Err(m))) => {
                fail(c, m);
                continue;
            }
            Some((_, Ok(s))) => s,
            None => "full",
        };
        let born = match born_col.map(|c| (c, field(Some(c)))) {
            Some((_, "")) | None => None,
            Some((c, b)) => match date(b, options.dates) {
                Ok(d) => Some(d),
                Err(m) => {
                    fail(c, format!("birth date {m}"));
                    continue;
                }
            },
        };
        let given_id = field(id_col);
        let (person, known_name) = if given_id.is_empty() {
            // An id made from the name: the same person if the register knows that id
            // under the same name, else the next free `-2`, `-3`, ...
            let base = match slug(&name) {
                s if s.is_empty() => format!("member-{line}"),
                s => s,
            };
            let mut n = made.get(&base).copied().unwrap_or(1);
            let mut candidate = base.clone();
            loop {
                if n > 1 {
                    candidate = format!("{base}-{n}");
                }
                let clash = taken.contains(&candidate);
                match known(&candidate) {
                    Some(k) if k == name && !clash => break (candidate, Some(k)),
                    None if !clash => break (candidate, None),
                    _ => n += 1,
                }
            }
        } else {
            if let Err(e) = PersonId::new(given_id) {
                fail(id_col.unwrap_or(0), format!("the id {e}"));
                continue;
            }
            (given_id.to_owned(), known(given_id))
        };
        if !taken.insert(person.clone()) {
            fail(
                id_col.unwrap_or(name_col),
                format!("`{person}` is in the file twice"),
            );
            continue;
        }
        made.insert(
            slug(&name),
            made.get(&slug(&name)).copied().unwrap_or(1) + 1,
        );
        let aliases = field(alias_col)
            .split(alias_separator)
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect();
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |e| start + e);
        members.push(Member {
            line,
            raw: text[start..end].chars().take(200).collect(),
            known: known_name.is_some(),
            person,
            name,
            since,
            status,
            born,
            aliases,
        });
    }
    if errors.is_empty() {
        Ok(members)
    } else {
        Err(errors)
    }
}

/// The events that register (where new) and admit each member, as JSON Lines, and for
/// each event the index of its member.
pub fn events(members: &[Member], org: &OrgId, file: &str) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut of = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let source =
            serde_json::json!([{"document": format!("member register {file}"), "quote": m.raw}]);
        if !m.known {
            let mut event = serde_json::json!({
                "id": format!("register-{}", m.person),
                "date": m.since,
                "kind": "person_registered",
                "person": m.person,
                "name": m.name,
                "sources": source,
            });
            if let Some(b) = &m.born {
                event["born"] = b.clone().into();
            }
            if !m.aliases.is_empty() {
                event["aliases"] = m.aliases.clone().into();
            }
            text.push_str(&event.to_string());
            text.push('\n');
            of.push(i);
        }
        let event = serde_json::json!({
            "id": format!("admit-{}-{}", m.person, org),
            "date": m.since,
            "kind": "member_admitted",
            "person": m.person,
            "org": org.as_str(),
            "status": m.status,
            "sources": source,
        });
        text.push_str(&event.to_string());
        text.push('\n');
        of.push(i);
    }
    (text, of)
}

#[cfg(test)]
mod tests;

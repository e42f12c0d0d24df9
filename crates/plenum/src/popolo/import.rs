//! A Popolo file read as plenum events: organizations, organs (the bodies persons sit
//! on), factions (parties and groups members sit for), posts, persons, seats, faction
//! alignments, memberships and meetings. Pure: it returns the events as JSON Lines, each
//! with the JSON path it comes from, and never touches a ledger; `cmd/popolo.rs` records
//! them as one batch. What it cannot map is listed by JSON path (`unmapped.rs`).

use std::collections::{BTreeMap, HashMap};

use plenum_model::date::FuzzyDate;
use serde_json::{Value, json};

use super::dates;
use super::ids::{Ids, slug};
use super::plan::{Chamber, Counts, Plan, Seats};
use super::unmapped;
use super::{Link, Membership, Popolo};

/// Bad input: the JSON path of the problem and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ImportError {
    /// Where, as a JSON path (`$.memberships[3].person_id`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

pub(super) fn bad(path: String, message: impl Into<String>) -> ImportError {
    ImportError {
        path,
        message: message.into(),
    }
}

pub use super::statute::Statute;

/// How the organizations of the file are read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// An organization (party, state, front...).
    Org,
    /// A body persons sit on: an organ of `owner` with `key`.
    Organ { owner: String, key: String },
    /// A faction (party or group members sit for).
    Faction,
}

const FACTION_WORDS: [&str; 6] = [
    "party",
    "faction",
    "parliamentary group",
    "parliamentary_group",
    "political party",
    "group",
];

fn is_plenum_kind(extra: &super::Extra, kind: &str) -> bool {
    extra.get("plenum:kind").and_then(Value::as_str) == Some(kind)
}

/// A date field, preferring its exact `plenum:` twin.
pub(super) fn date_of(
    field: Option<&str>,
    extra: &super::Extra,
    name: &str,
    path: &str,
) -> Result<Option<FuzzyDate>, ImportError> {
    let exact = extra.get(&format!("plenum:{name}")).and_then(Value::as_str);
    match exact.or(field) {
        None => Ok(None),
        Some(text) => dates::read(text).map(Some).map_err(|e| {
            bad(
                format!("{path}.{name}"),
                format!("`{text}` is not a date: {e}"),
            )
        }),
    }
}

/// The sources of a Popolo thing as plenum sources; its own path in `file` when it has none.
pub(super) fn sources(links: &[Link], file: &str, path: &str) -> Value {
    let mut out: Vec<Value> = links
        .iter()
        .filter(|l| !l.url.is_empty() || l.extra.contains_key("plenum:document"))
        .map(|l| {
            let document = l
                .extra
                .get("plenum:document")
                .and_then(Value::as_str)
                .map_or_else(|| l.url.clone(), str::to_owned);
            let mut s = json!({ "document": document });
            if let Some(q) = l.extra.get("plenum:quote").and_then(Value::as_str) {
                s["quote"] = q.into();
            }
            if let Some(loc) = l.extra.get("plenum:locator").and_then(Value::as_str) {
                s["locator"] = loc.into();
            } else if !l.extra.contains_key("plenum:document")
                && let Some(note) = &l.note
            {
                s["locator"] = note.clone().into();
            }
            s
        })
        .collect();
    if out.is_empty() {
        out.push(json!({ "document": file, "locator": path }));
    }
    Value::Array(out)
}

/// The events being made, each with the JSON path it comes from.
pub(super) struct Out {
    prefix: String,
    pub(super) lines: String,
    pub(super) origins: Vec<String>,
    /// Ends (deaths, dissolutions), made after every other event: of two events on the
    /// same earliest day the earlier in the ledger applies first, and an end must not
    /// pre-empt what the file says ended otherwise that day.
    deferred: Vec<(String, FuzzyDate, &'static str, Value, Value)>,
}

impl Out {
    pub(super) fn defer(
        &mut self,
        path: &str,
        date: &FuzzyDate,
        kind: &'static str,
        body: Value,
        sources: Value,
    ) {
        self.deferred
            .push((path.to_owned(), date.clone(), kind, body, sources));
    }

    fn finish(&mut self) {
        for (path, date, kind, body, sources) in std::mem::take(&mut self.deferred) {
            self.push(&path, &date, kind, body, sources);
        }
    }

    pub(super) fn push(
        &mut self,
        path: &str,
        date: &FuzzyDate,
        kind: &str,
        mut body: Value,
        sources: Value,
    ) {
        let n = self.origins.len() + 1;
        body["id"] = format!("{}-{n}", self.prefix).into();
        body["date"] = date.to_string().into();
        body["kind"] = kind.into();
        body["sources"] = sources;
        self.lines.push_str(&body.to_string());
        self.lines.push('\n');
        self.origins.push(path.to_owned());
    }
}

/// Reads a Popolo file into a plan: the events, a proposed statute (when `propose`), the
/// counts and what was not mapped. `file` names the file in sources; `statute`, when given,
/// is the statute the main organization already has (or will have).
pub fn plan(
    popolo: &Popolo,
    file: &str,
    statute: Option<&Statute>,
    propose: bool,
) -> Result<Plan, ImportError> {
    let prefix = slug(file.rsplit_once('.').map_or(file, |(stem, _)| stem));
    let prefix: String = format!("popolo-{}", prefix.chars().take(60).collect::<String>());
    let mut out = Out {
        prefix,
        lines: String::new(),
        origins: Vec::new(),
        deferred: Vec::new(),
    };
    let mut counts = Counts::default();

    // Persons.
    let mut persons = Ids::default();
    for (i, p) in popolo.persons.iter().enumerate() {
        let path = format!("$.persons[{i}]");
        let id =
            p.id.as_deref()
                .ok_or_else(|| bad(format!("{path}.id"), "a person without an id"))?;
        if persons.get(id).is_some() {
            return Err(bad(
                format!("{path}.id"),
                format!("a second person with the id `{id}`"),
            ));
        }
        persons.assign(id, id);
    }

    // Which organizations are bodies persons sit on, and which are factions.
    let mut sits: HashMap<&str, usize> = HashMap::new();
    let mut behalf: HashMap<&str, ()> = HashMap::new();
    for m in &popolo.memberships {
        if let Some(o) = &m.on_behalf_of_id {
            behalf.insert(o, ());
        }
        if m.person_id.is_some()
            && m.post_id.is_none()
            && let Some(o) = &m.organization_id
        {
            *sits.entry(o).or_default() += 1;
        }
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, o) in popolo.organizations.iter().enumerate() {
        let path = format!("$.organizations[{i}]");
        let id =
            o.id.as_deref()
                .ok_or_else(|| bad(format!("{path}.id"), "an organization without an id"))?;
        if index.insert(id, i).is_some() {
            return Err(bad(
                format!("{path}.id"),
                format!("a second organization with the id `{id}`"),
            ));
        }
    }
    let faction_like = |i: usize| {
        let o = &popolo.organizations[i];
        if is_plenum_kind(&o.extra, "faction") {
            return true;
        }
        if o.extra.contains_key("plenum:kind") {
            return false;
        }
        let class = o.classification.as_deref().unwrap_or("").to_lowercase();
        FACTION_WORDS.contains(&class.as_str())
            || o.id.as_deref().is_some_and(|id| behalf.contains_key(id))
    };
    let organ_like = |i: usize| {
        let o = &popolo.organizations[i];
        is_plenum_kind(&o.extra, "organ")
            || (!o.extra.contains_key("plenum:kind")
                && o.id.as_deref().is_some_and(|id| sits.contains_key(id)))
    };
    let mut orgs = Ids::default();
    let mut kinds: Vec<Kind> = Vec::new();
    for (i, o) in popolo.organizations.iter().enumerate() {
        let kind = if faction_like(i) {
            Kind::Faction
        } else if organ_like(i) {
            Kind::Organ {
                owner: String::new(),
                key: String::new(),
            }
        } else {
            Kind::Org
        };
        if kind == Kind::Org {
            let id = o.id.as_deref().unwrap_or_default();
            orgs.assign(id, id);
        }
        kinds.push(kind);
    }
    // Organs: of their parent organization, or standing alone (an organization of their own).
    let mut chambers: Vec<Chamber> = Vec::new();
    for (i, o) in popolo.organizations.iter().enumerate() {
        if !matches!(kinds[i], Kind::Organ { .. }) {
            continue;
        }
        let id = o.id.as_deref().unwrap_or_default();
        let parent = o
            .parent_id
            .as_deref()
            .and_then(|p| index.get(p).copied())
            .filter(|&p| kinds[p] == Kind::Org);
        let (owner, key, own) = match parent {
            Some(p) => {
                let pid = popolo.organizations[p].id.as_deref().unwrap_or_default();
                let key = id.strip_prefix(&format!("{pid}/")).unwrap_or(id);
                (
                    orgs.get(pid).unwrap_or_default().to_owned(),
                    slug(key),
                    false,
                )
            }
            None => (orgs.assign(id, id), "chamber".to_owned(), true),
        };
        kinds[i] = Kind::Organ {
            owner: owner.clone(),
            key: key.clone(),
        };
        chambers.push(Chamber {
            index: i,
            owner,
            key,
            name: o.name.clone().unwrap_or_else(|| id.to_owned()),
            own,
            seats: sits.get(id).copied().unwrap_or(0),
        });
    }
    // The main organization: the owner of the body with the most seats.
    let main = chambers
        .iter()
        .max_by_key(|c| (c.seats, std::cmp::Reverse(c.index)))
        .map(|c| c.owner.clone());
    let main = match statute {
        Some(statute) => Some(statute.fit(main.as_deref(), &mut chambers, &mut orgs)?),
        None => main,
    };
    for c in &chambers {
        kinds[c.index] = Kind::Organ {
            owner: c.owner.clone(),
            key: c.key.clone(),
        };
    }

    // Periods (legislative terms): their dates stand in for memberships' missing ones.
    let mut periods: HashMap<&str, (Option<FuzzyDate>, Option<FuzzyDate>)> = HashMap::new();
    for (i, e) in popolo.events.iter().enumerate() {
        let path = format!("$.events[{i}]");
        if let Some(id) = &e.id {
            let start = date_of(e.start_date.as_deref(), &e.extra, "start_date", &path)?;
            let end = date_of(e.end_date.as_deref(), &e.extra, "end_date", &path)?;
            periods.insert(id, (start, end));
        }
    }

    // The day declarations are dated: the earliest date of the file.
    let mut earliest: Option<FuzzyDate> = None;
    let mut consider = |d: &Option<FuzzyDate>| {
        if let Some(d) = d
            && earliest
                .as_ref()
                .is_none_or(|e| d.earliest() < e.earliest())
        {
            earliest = Some(d.clone());
        }
    };
    for (start, _) in periods.values() {
        consider(start);
    }
    for (i, m) in popolo.memberships.iter().enumerate() {
        let path = format!("$.memberships[{i}]");
        consider(&date_of(
            m.start_date.as_deref(),
            &m.extra,
            "start_date",
            &path,
        )?);
    }
    for (i, o) in popolo.organizations.iter().enumerate() {
        let path = format!("$.organizations[{i}]");
        consider(&date_of(
            o.founding_date.as_deref(),
            &o.extra,
            "founding_date",
            &path,
        )?);
    }
    let base = earliest.ok_or_else(|| {
        bad(
            "$".into(),
            "the file gives no date anywhere (no membership, period or founding date)",
        )
    })?;

    let ctx = super::plan::Ctx {
        popolo,
        file,
        base: &base,
        kinds: &kinds,
        index: &index,
        persons: &persons,
        orgs: &orgs,
        periods: &periods,
        main: main.as_deref(),
        statute,
        proposing: propose,
    };
    super::plan::declare(&ctx, &chambers, &mut out, &mut counts)?;
    let seats: Seats = super::facts::facts(&ctx, &mut out, &mut counts)?;
    let statute_text = if propose {
        main.as_deref()
            .map(|m| super::statute::propose(&ctx, m, &chambers, &seats))
    } else {
        None
    };
    out.finish();
    let unmapped = unmapped::collect(popolo, &kinds);
    Ok(Plan {
        lines: out.lines,
        origins: out.origins,
        statute: statute_text,
        main,
        chambers,
        counts,
        unmapped,
    })
}

/// The membership's dates: its own, else its legislative period's.
pub(super) fn membership_dates(
    m: &Membership,
    path: &str,
    periods: &HashMap<&str, (Option<FuzzyDate>, Option<FuzzyDate>)>,
) -> Result<(Option<FuzzyDate>, Option<FuzzyDate>), ImportError> {
    let period = match &m.legislative_period_id {
        None => None,
        Some(p) => Some(periods.get(p.as_str()).ok_or_else(|| {
            bad(
                format!("{path}.legislative_period_id"),
                format!("no event in $.events has the id `{p}`"),
            )
        })?),
    };
    let start = date_of(m.start_date.as_deref(), &m.extra, "start_date", path)?
        .or_else(|| period.and_then(|p| p.0.clone()));
    let end = date_of(m.end_date.as_deref(), &m.extra, "end_date", path)?
        .or_else(|| period.and_then(|p| p.1.clone()));
    Ok((start, end))
}

pub(super) use {Out as Events, bad as error, sources as sources_of};

/// Sorted and merged intervals, per key: what seats and alignments are made of.
pub(super) type Intervals = BTreeMap<(String, String), Vec<(FuzzyDate, Option<FuzzyDate>, usize)>>;

//! Plenum's history as one Popolo object, read from any [`Facts`] and the effective
//! events (for sources, births, deaths, foundings and elections). Never writes anything:
//! `cmd/popolo.rs` prints what it returns.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use plenum_model::date::{Day, FuzzyDate, Truth};
use plenum_model::event::{Event, EventKind, Source};
use plenum_model::id::EntityKind;
use plenum_model::query::Facts;
use plenum_model::rows::{Entity, LinkKind, Span};
use serde_json::{Value, json};

use super::dates::{self, Bound};
use super::{Extra, Link, Membership, Organization, OtherName, Person, Popolo, PopoloEvent, Post};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The store could not answer.
    #[error("cannot read the ledger: {0}")]
    Backend(String),
    /// A stored id does not parse (a damaged ledger).
    #[error("the ledger holds `{0}`, which is not an `org/key` reference")]
    BadRef(String),
}

/// The Popolo id of a faction: factions and organizations share Popolo's one namespace.
pub fn faction_id(faction: &str) -> String {
    format!("faction:{faction}")
}

/// The events that stand, in ledger order: retracted ones left out, superseded ones replaced.
pub fn effective(entries: Vec<Event>) -> Vec<Event> {
    let mut order: Vec<String> = Vec::new();
    let mut by_id: HashMap<String, Event> = HashMap::new();
    for event in entries {
        match &event.kind {
            EventKind::EventRetracted(r) => {
                by_id.remove(r.target.as_str());
            }
            EventKind::EventSuperseded(s) => {
                by_id.insert(s.target.as_str().to_owned(), (*s.replacement).clone());
            }
            _ => {
                order.push(event.id.as_str().to_owned());
                by_id.insert(event.id.as_str().to_owned(), event);
            }
        }
    }
    order
        .into_iter()
        .filter_map(|id| by_id.remove(&id))
        .collect()
}

/// A document as a URI: itself when it is one, otherwise `urn:plenum:document:` and the
/// title, percent-encoded.
pub fn document_uri(document: &str) -> String {
    let is_uri = document.split_once(':').is_some_and(|(scheme, rest)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && !rest.is_empty()
            && !rest.contains(char::is_whitespace)
    });
    if is_uri {
        return document.to_owned();
    }
    let mut uri = String::from("urn:plenum:document:");
    for byte in document.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

fn link(event: &str, source: &Source) -> Link {
    let mut extra = Extra::new();
    extra.insert("plenum:event".into(), event.into());
    extra.insert("plenum:document".into(), source.document.clone().into());
    if let Some(q) = &source.quote {
        extra.insert("plenum:quote".into(), q.clone().into());
    }
    if let Some(l) = &source.locator {
        extra.insert("plenum:locator".into(), l.clone().into());
    }
    Link {
        url: document_uri(&source.document),
        note: Some(source.document.clone()),
        extra,
    }
}

/// Sets a date field and, where the Popolo date is not the plenum date, its `plenum:` twin.
fn put_date(
    slot: &mut Option<String>,
    extra: &mut Extra,
    field: &str,
    date: &FuzzyDate,
    bound: Bound,
) {
    let written = dates::write(date, bound);
    *slot = written.popolo;
    if let Some(edtf) = written.edtf {
        extra.insert(format!("plenum:{field}"), Value::String(edtf));
    }
}

pub(super) struct Ctx<'a> {
    events: HashMap<&'a str, &'a Event>,
    lo: Day,
    hi: Day,
    at: bool,
}

impl Ctx<'_> {
    fn sources(&self, ids: &[Option<&str>]) -> Vec<Link> {
        ids.iter()
            .flatten()
            .filter_map(|id| self.events.get(id).map(|e| (id, e)))
            .flat_map(|(id, e)| e.sources.iter().map(move |s| link(id, s)))
            .collect()
    }

    pub(super) fn holds(&self, span: &Span) -> bool {
        !self.at || span.holds(self.lo, self.hi) != Truth::No
    }

    fn on(&self, date: &FuzzyDate) -> bool {
        !self.at || (date.earliest() <= self.hi && date.latest() >= self.lo)
    }

    pub(super) fn membership(
        &self,
        id: String,
        span: &Span,
        events: &[Option<&str>],
    ) -> Membership {
        let mut m = Membership {
            id: Some(id),
            sources: self.sources(events),
            ..Membership::default()
        };
        put_date(
            &mut m.start_date,
            &mut m.extra,
            "start_date",
            &span.start,
            Bound::Start,
        );
        if let Some(end) = &span.end {
            put_date(&mut m.end_date, &mut m.extra, "end_date", end, Bound::End);
        }
        m
    }
}

pub(super) fn backend<E: std::fmt::Display>(e: E) -> ExportError {
    ExportError::Backend(e.to_string())
}

pub(super) fn sorted<F: Facts + ?Sized>(
    facts: &F,
    kind: EntityKind,
) -> Result<Vec<Entity>, ExportError> {
    let mut list = facts.entities(kind).map_err(backend)?;
    list.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(list)
}

fn other_names(aliases: &[String]) -> Vec<OtherName> {
    aliases
        .iter()
        .map(|a| OtherName {
            name: Some(a.clone()),
            ..OtherName::default()
        })
        .collect()
}

/// Everything the ledger holds (or, with `at`, what held on that date) as Popolo.
pub fn export<F: Facts + ?Sized>(
    facts: &F,
    events: &[Event],
    at: Option<&FuzzyDate>,
) -> Result<Popolo, ExportError> {
    let ctx = Ctx {
        events: events.iter().map(|e| (e.id.as_str(), e)).collect(),
        lo: at.map_or(Day::MIN, FuzzyDate::earliest),
        hi: at.map_or(Day::MAX, FuzzyDate::latest),
        at: at.is_some(),
    };
    let mut out = Popolo::default();
    let orgs = organizations(facts, events, &ctx, &mut out)?;
    super::tenures::memberships(facts, &ctx, &orgs, &mut out)?;
    meetings_and_elections(facts, events, &ctx, &mut out)?;
    persons(facts, events, &ctx, &mut out)?;
    Ok(out)
}

/// The organizations, organs, factions and posts; returns the ids of the organizations kept.
fn organizations<F: Facts + ?Sized>(
    facts: &F,
    events: &[Event],
    ctx: &Ctx<'_>,
    out: &mut Popolo,
) -> Result<BTreeSet<String>, ExportError> {
    let lineage = facts.lineage_rows().map_err(backend)?;
    let rows: HashMap<&str, _> = lineage.orgs.iter().map(|r| (r.org.as_str(), r)).collect();
    let mut founded: HashMap<&str, &str> = HashMap::new();
    let mut formed: HashMap<&str, &Event> = HashMap::new();
    let mut dissolved: HashMap<&str, &Event> = HashMap::new();
    for e in events {
        match &e.kind {
            EventKind::OrganizationFounded(f) => {
                founded.insert(f.org.as_str(), e.id.as_str());
            }
            EventKind::OrganizationsMerged(m) => {
                founded.entry(m.into.as_str()).or_insert(e.id.as_str());
            }
            EventKind::FactionFormed(f) => {
                formed.insert(f.faction.as_str(), e);
            }
            EventKind::FactionDissolved(f) => {
                dissolved.insert(f.faction.as_str(), e);
            }
            _ => {}
        }
    }
    let mut kept = BTreeSet::new();
    for org in sorted(facts, EntityKind::Org)? {
        let row = rows.get(org.id.as_str());
        let span = row.and_then(|r| r.span.as_ref());
        if span.is_some_and(|s| !ctx.holds(s)) {
            continue;
        }
        let mut o = Organization {
            id: Some(org.id.clone()),
            name: Some(org.name.clone()),
            other_names: other_names(&org.aliases),
            classification: Some(
                row.and_then(|r| r.category.clone())
                    .unwrap_or_else(|| "organization".into()),
            ),
            sources: ctx.sources(&[founded.get(org.id.as_str()).copied()]),
            ..Organization::default()
        };
        if let Some(span) = span {
            put_date(
                &mut o.founding_date,
                &mut o.extra,
                "founding_date",
                &span.start,
                Bound::Start,
            );
            if let Some(end) = &span.end {
                put_date(
                    &mut o.dissolution_date,
                    &mut o.extra,
                    "dissolution_date",
                    end,
                    Bound::End,
                );
            }
        }
        if let Some(how) = row.and_then(|r| r.ended_how.clone()) {
            o.extra.insert("plenum:ended_how".into(), how.into());
        }
        let mut successors = Vec::new();
        for l in lineage.links.iter().filter(|l| l.from.as_str() == org.id) {
            match l.link {
                LinkKind::PartOf if o.parent_id.is_none() && ctx.holds(&l.span) => {
                    o.parent_id = Some(l.to.as_str().to_owned());
                }
                LinkKind::MergedInto | LinkKind::SplitInto | LinkKind::ReplacedBy => {
                    let how = match l.link {
                        LinkKind::MergedInto => "merged-into",
                        LinkKind::SplitInto => "split-into",
                        _ => "replaced-by",
                    };
                    successors.push(
                        json!({"id": l.to.as_str(), "how": how, "date": l.span.start.to_string()}),
                    );
                }
                LinkKind::PartOf => {}
            }
        }
        if !successors.is_empty() {
            o.extra
                .insert("plenum:successors".into(), Value::Array(successors));
        }
        o.extra.insert("plenum:kind".into(), "organization".into());
        kept.insert(org.id.clone());
        out.organizations.push(o);
    }
    for organ in sorted(facts, EntityKind::Organ)? {
        let org = organ.id.split_once('/').map_or("", |(o, _)| o);
        if !kept.contains(org) {
            continue;
        }
        let mut extra = Extra::new();
        extra.insert("plenum:kind".into(), "organ".into());
        let counted = counted_seats(facts, ctx, &organ.id)?;
        if !counted.is_empty() {
            extra.insert("plenum:counted_seats".into(), Value::Array(counted));
        }
        out.organizations.push(Organization {
            id: Some(organ.id.clone()),
            name: Some(organ.name.clone()),
            other_names: other_names(&organ.aliases),
            classification: Some("organ".into()),
            parent_id: Some(org.to_owned()),
            extra,
            ..Organization::default()
        });
    }
    for faction in sorted(facts, EntityKind::Faction)? {
        let start = formed.get(faction.id.as_str());
        let end = dissolved.get(faction.id.as_str());
        if start.is_some_and(|e| ctx.at && e.date.earliest() > ctx.hi)
            || end.is_some_and(|e| ctx.at && e.date.latest() <= ctx.lo)
        {
            continue;
        }
        let mut o = Organization {
            id: Some(faction_id(&faction.id)),
            name: Some(faction.name.clone()),
            other_names: other_names(&faction.aliases),
            classification: Some("faction".into()),
            parent_id: faction.org.clone(),
            sources: ctx.sources(&[start.map(|e| e.id.as_str())]),
            ..Organization::default()
        };
        if let Some(e) = start {
            put_date(
                &mut o.founding_date,
                &mut o.extra,
                "founding_date",
                &e.date,
                Bound::Start,
            );
        }
        if let Some(e) = end {
            put_date(
                &mut o.dissolution_date,
                &mut o.extra,
                "dissolution_date",
                &e.date,
                Bound::End,
            );
        }
        o.extra.insert("plenum:kind".into(), "faction".into());
        out.organizations.push(o);
    }
    for post in sorted(facts, EntityKind::Post)? {
        let org = post.id.split_once('/').map_or("", |(o, _)| o);
        if !kept.contains(org) {
            continue;
        }
        let mut extra = Extra::new();
        if let Some(scope) = post.scope {
            extra.insert(
                "plenum:scope".into(),
                serde_json::to_value(scope).unwrap_or(Value::Null),
            );
        }
        out.posts.push(Post {
            id: Some(post.id.clone()),
            label: Some(post.name.clone()),
            organization_id: Some(org.to_owned()),
            sources: Vec::new(),
            extra,
        });
    }
    Ok(kept)
}

/// Seats the record counts without naming them (`seats_counted`), which Popolo
/// memberships cannot say (they name a member): kept on the organ as an extension, each
/// with its role, faction, count, EDTF dates and sources.
fn counted_seats<F: Facts + ?Sized>(
    facts: &F,
    ctx: &Ctx<'_>,
    organ: &str,
) -> Result<Vec<Value>, ExportError> {
    let organ_ref: plenum_model::id::OrganRef = organ
        .parse()
        .map_err(|_| ExportError::BadRef(organ.to_owned()))?;
    let mut rows = facts
        .counts_on(&organ_ref, Day::MIN, Day::MAX)
        .map_err(backend)?;
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(rows
        .iter()
        .filter(|c| ctx.holds(&c.span))
        .map(|c| {
            let mut v = json!({
                "role": c.role.as_str(),
                "count": c.count,
                "start_date": c.span.start.to_string(),
                "sources": ctx.sources(&[Some(c.event.as_str())]),
            });
            if let Some(f) = &c.faction {
                v["faction_id"] = faction_id(f.as_str()).into();
            }
            if let Some(end) = &c.span.end {
                v["end_date"] = end.to_string().into();
            }
            v
        })
        .collect())
}

/// Meetings held (one event each) and elections.
fn meetings_and_elections<F: Facts + ?Sized>(
    facts: &F,
    events: &[Event],
    ctx: &Ctx<'_>,
    out: &mut Popolo,
) -> Result<(), ExportError> {
    let names: HashMap<String, String> = facts
        .entities(EntityKind::Meeting)
        .map_err(backend)?
        .into_iter()
        .map(|e| (e.id, e.name))
        .collect();
    let mut held = facts.held().map_err(backend)?;
    held.sort_by(|a, b| (a.date.earliest(), &a.key).cmp(&(b.date.earliest(), &b.key)));
    let mut seen = BTreeSet::new();
    for h in held.iter().filter(|h| ctx.on(&h.date)) {
        if !seen.insert(h.meeting.as_str().to_owned()) {
            continue;
        }
        let mut e = PopoloEvent {
            id: Some(h.meeting.as_str().to_owned()),
            name: names.get(h.meeting.as_str()).cloned(),
            classification: Some("meeting".into()),
            organization_id: Some(h.organ.to_string()),
            sources: ctx.sources(&[Some(h.event.as_str())]),
            ..PopoloEvent::default()
        };
        put_date(
            &mut e.start_date,
            &mut e.extra,
            "start_date",
            &h.date,
            Bound::Start,
        );
        out.events.push(e);
    }
    for event in events {
        let EventKind::ElectionHeld(el) = &event.kind else {
            continue;
        };
        if !ctx.on(&event.date) {
            continue;
        }
        let mut extra = Extra::new();
        let organization = match (&el.organ, &el.post) {
            (Some(organ), _) => Some(organ.to_string()),
            (None, Some(post)) => {
                extra.insert("plenum:post".into(), post.to_string().into());
                Some(post.org.as_str().to_owned())
            }
            (None, None) => None,
        };
        extra.insert(
            "plenum:elected".into(),
            el.elected
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .into(),
        );
        if let Some(m) = &el.meeting {
            extra.insert("plenum:meeting".into(), m.as_str().into());
        }
        let mut e = PopoloEvent {
            id: Some(event.id.as_str().to_owned()),
            name: Some(format!(
                "Election ({})",
                organization.as_deref().unwrap_or("unknown body")
            )),
            classification: Some("election".into()),
            organization_id: organization,
            sources: ctx.sources(&[Some(event.id.as_str())]),
            extra,
            ..PopoloEvent::default()
        };
        put_date(
            &mut e.start_date,
            &mut e.extra,
            "start_date",
            &event.date,
            Bound::Start,
        );
        out.events.push(e);
    }
    Ok(())
}

/// The persons: all of them, or with `at`, those of the memberships kept.
fn persons<F: Facts + ?Sized>(
    facts: &F,
    events: &[Event],
    ctx: &Ctx<'_>,
    out: &mut Popolo,
) -> Result<(), ExportError> {
    let wanted: BTreeSet<&str> = out
        .memberships
        .iter()
        .filter_map(|m| m.person_id.as_deref())
        .collect();
    let mut registered: BTreeMap<&str, &Event> = BTreeMap::new();
    let mut died: BTreeMap<&str, &Event> = BTreeMap::new();
    for e in events {
        match &e.kind {
            EventKind::PersonRegistered(r) => {
                registered.insert(r.person.as_str(), e);
            }
            EventKind::PersonDied(d) => {
                died.insert(d.person.as_str(), e);
            }
            _ => {}
        }
    }
    let mut persons = Vec::new();
    for person in sorted(facts, EntityKind::Person)? {
        if ctx.at && !wanted.contains(person.id.as_str()) {
            continue;
        }
        let reg = registered.get(person.id.as_str());
        let death = died.get(person.id.as_str());
        let mut p = Person {
            id: Some(person.id.clone()),
            name: Some(person.name.clone()),
            other_names: other_names(&person.aliases),
            sources: ctx.sources(&[reg.map(|e| e.id.as_str()), death.map(|e| e.id.as_str())]),
            ..Person::default()
        };
        if let Some(EventKind::PersonRegistered(r)) = reg.map(|e| &e.kind)
            && let Some(born) = &r.born
        {
            put_date(
                &mut p.birth_date,
                &mut p.extra,
                "birth_date",
                born,
                Bound::Start,
            );
        }
        if let Some(e) = death {
            put_date(
                &mut p.death_date,
                &mut p.extra,
                "death_date",
                &e.date,
                Bound::End,
            );
        }
        persons.push(p);
    }
    out.persons = persons;
    Ok(())
}

//! What an import leaves out, by JSON path: every field plenum does not map, counted by
//! its pattern (`$.persons[].contact_details`) with the first place it occurs.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::import::Kind;
use super::{Extra, Link, OtherName, Popolo};

/// A kind of data left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unmapped {
    /// The JSON path pattern (`[]` for any index).
    pub path: String,
    /// How many times it occurs.
    pub count: usize,
    /// The first place it occurs.
    pub first: String,
    /// Why it is left out, where that needs saying.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<&'static str>,
}

#[derive(Default)]
struct Tally(BTreeMap<String, Unmapped>);

impl Tally {
    fn add(&mut self, pattern: String, first: String, why: Option<&'static str>) {
        self.0
            .entry(pattern.clone())
            .and_modify(|u| u.count += 1)
            .or_insert(Unmapped {
                path: pattern,
                count: 1,
                first,
                why,
            });
    }

    /// Every key of `extra` but the `plenum:` extensions plenum reads.
    fn extra(&mut self, extra: &Extra, pattern: &str, path: &str) {
        for key in extra.keys() {
            if READ.contains(&key.as_str()) {
                continue;
            }
            self.add(format!("{pattern}.{key}"), format!("{path}.{key}"), None);
        }
    }

    fn links(&mut self, links: &[Link], pattern: &str, path: &str) {
        for (i, l) in links.iter().enumerate() {
            self.extra(
                &l.extra,
                &format!("{pattern}.sources[]"),
                &format!("{path}.sources[{i}]"),
            );
        }
    }

    fn names(&mut self, names: &[OtherName], pattern: &str, path: &str) {
        for (i, n) in names.iter().enumerate() {
            let (pattern, path) = (
                format!("{pattern}.other_names[]"),
                format!("{path}.other_names[{i}]"),
            );
            for (field, value) in [
                ("start_date", &n.start_date),
                ("end_date", &n.end_date),
                ("note", &n.note),
            ] {
                if value.is_some() {
                    self.add(
                        format!("{pattern}.{field}"),
                        format!("{path}.{field}"),
                        None,
                    );
                }
            }
            self.extra(&n.extra, &pattern, &path);
        }
    }
}

/// The `plenum:` extensions the import reads (others are reported).
const READ: [&str; 14] = [
    "plenum:kind",
    "plenum:counted_seats",
    "plenum:start_date",
    "plenum:end_date",
    "plenum:founding_date",
    "plenum:dissolution_date",
    "plenum:birth_date",
    "plenum:death_date",
    "plenum:document",
    "plenum:quote",
    "plenum:locator",
    "plenum:event",
    "plenum:factions",
    "plenum:elected",
];

/// Everything in the file that the import does not map.
pub(super) fn collect(popolo: &Popolo, kinds: &[Kind]) -> Vec<Unmapped> {
    let mut t = Tally::default();
    for key in popolo.extra.keys() {
        t.add(format!("$.{key}"), format!("$.{key}"), None);
    }
    for (i, p) in popolo.persons.iter().enumerate() {
        let path = format!("$.persons[{i}]");
        t.extra(&p.extra, "$.persons[]", &path);
        t.names(&p.other_names, "$.persons[]", &path);
        t.links(&p.sources, "$.persons[]", &path);
    }
    for (i, o) in popolo.organizations.iter().enumerate() {
        let path = format!("$.organizations[{i}]");
        t.extra(&o.extra, "$.organizations[]", &path);
        t.names(&o.other_names, "$.organizations[]", &path);
        t.links(&o.sources, "$.organizations[]", &path);
        if matches!(kinds.get(i), Some(Kind::Organ { .. })) && o.dissolution_date.is_some() {
            t.add(
                "$.organizations[].dissolution_date".into(),
                format!("{path}.dissolution_date"),
                Some("an organ's end is not recorded"),
            );
        }
    }
    for (i, p) in popolo.posts.iter().enumerate() {
        let path = format!("$.posts[{i}]");
        t.extra(&p.extra, "$.posts[]", &path);
        t.links(&p.sources, "$.posts[]", &path);
    }
    for (i, m) in popolo.memberships.iter().enumerate() {
        let path = format!("$.memberships[{i}]");
        t.extra(&m.extra, "$.memberships[]", &path);
        t.links(&m.sources, "$.memberships[]", &path);
        if m.person_id.is_none() {
            t.add(
                "$.memberships[]".into(),
                path.clone(),
                Some("a membership of an organization in another (no person)"),
            );
        }
        if let Some(role) = &m.role
            && !["member", "full", "alternate", "candidate", "leader"].contains(&role.as_str())
            && m.post_id.is_none()
        {
            t.add(
                "$.memberships[].role".into(),
                format!("{path}.role"),
                Some("a role other than member, full, alternate, candidate or leader"),
            );
        }
        let has_start = m.start_date.is_some()
            || m.extra.contains_key("plenum:start_date")
            || m.legislative_period_id.as_ref().is_some_and(|p| {
                popolo
                    .events
                    .iter()
                    .any(|e| e.id.as_ref() == Some(p) && e.start_date.is_some())
            });
        if m.person_id.is_some() && !has_start {
            t.add(
                "$.memberships[]".into(),
                path.clone(),
                Some("no start date, in itself or its legislative period"),
            );
        }
    }
    for (i, e) in popolo.events.iter().enumerate() {
        let path = format!("$.events[{i}]");
        let class = e.classification.clone().unwrap_or_default();
        if class == "meeting" {
            t.extra(&e.extra, "$.events[]", &path);
            continue;
        }
        let why = if class == "legislative period" {
            "a legislative period: its dates stand in for its memberships' own"
        } else {
            "no plenum event matches (only meetings are recorded)"
        };
        t.add(format!("$.events[] ({class})"), path, Some(why));
    }
    let _ = Value::Null;
    t.0.into_values().collect()
}

//! `search`: persons, organs, posts, factions and organizations whose id, name or alias
//! comes close to a text, tolerant of typos and of other romanizations (`Kim Il Sung`,
//! `kim il-sung` and `Kim Ilsung` are one normalized form; `Kim Il-song` is one edit away).

use serde::Serialize;

use crate::id::EntityKind;
use crate::rows::normalize;

use super::{Facts, Named, find};

/// The kinds searched, in the order hits of equal closeness are listed.
pub const SEARCHED: [EntityKind; 5] = [
    EntityKind::Person,
    EntityKind::Organ,
    EntityKind::Post,
    EntityKind::Faction,
    EntityKind::Org,
];

/// One thing found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Hit {
    /// `person`, `organ`, `post`, `faction` or `organization`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub kind: &'static str,
    /// Its id and name.
    #[serde(flatten)]
    pub entity: Named,
    /// The name or alias that came closest.
    pub matched: String,
    /// How far: 0 for an exact id, name or alias, then edits (a contained text counts 1).
    pub distance: usize,
}

/// The things a text names or comes close to, closest first, at most `limit`.
pub fn search<F: Facts + ?Sized>(
    facts: &F,
    text: &str,
    limit: usize,
) -> Result<Vec<Hit>, F::Error> {
    let wanted = normalize(text);
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut hits = Vec::new();
    for entity in find(facts, &SEARCHED, text)? {
        hits.push(Hit {
            kind: entity.kind.as_str(),
            matched: entity.name.clone(),
            entity: Named {
                id: entity.id,
                name: entity.name,
            },
            distance: 0,
        });
    }
    let allowed = 3.max(wanted.chars().count() / 4);
    for kind in SEARCHED {
        for entity in facts.entities(kind)? {
            if hits
                .iter()
                .any(|h| h.entity.id == entity.id && h.kind == kind.as_str())
            {
                continue;
            }
            let best = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .chain(std::iter::once(&entity.id))
                .map(|form| {
                    let have = normalize(form);
                    let distance = if have.contains(&wanted) && wanted.chars().count() >= 3 {
                        1
                    } else {
                        crate::event::codec::edit_distance(&wanted, &have)
                    };
                    (distance, form)
                })
                .min();
            if let Some((distance, form)) = best
                && distance <= allowed
            {
                hits.push(Hit {
                    kind: kind.as_str(),
                    matched: form.clone(),
                    entity: Named {
                        id: entity.id.clone(),
                        name: entity.name.clone(),
                    },
                    distance,
                });
            }
        }
    }
    let order = |kind: &str| SEARCHED.iter().position(|k| k.as_str() == kind);
    hits.sort_by(|a, b| {
        (a.distance, order(a.kind), &a.entity.name, &a.entity.id).cmp(&(
            b.distance,
            order(b.kind),
            &b.entity.name,
            &b.entity.id,
        ))
    });
    hits.truncate(limit);
    Ok(hits)
}

//! The memberships of an export: seats, tenures of posts, memberships of organizations
//! and faction alignments, each with the sources of the events that began and ended it.

use std::collections::BTreeSet;

use plenum_model::date::Day;
use plenum_model::id::{EntityKind, FactionId, OrgId, OrganRef, PostRef};
use plenum_model::query::Facts;
use plenum_model::rules::terms;
use plenum_model::statute::StatuteBook;
use serde_json::{Value, json};

use super::Popolo;
use super::export::{Ctx, ExportError, backend, faction_id, sorted};

/// Seats, tenures of posts, memberships of organizations and faction alignments.
pub(super) fn memberships<F: Facts + ?Sized>(
    facts: &F,
    ctx: &Ctx<'_>,
    orgs: &BTreeSet<String>,
    out: &mut Popolo,
) -> Result<(), ExportError> {
    let (min, max) = (Day::MIN, Day::MAX);
    // Seats and tenures end with their term, as `plenum at` and `plenum person` say.
    let book = StatuteBook::from_events(&facts.statute_events().map_err(backend)?);
    for organ in sorted(facts, EntityKind::Organ)? {
        let organ_ref: OrganRef = organ
            .id
            .parse()
            .map_err(|_| ExportError::BadRef(organ.id.clone()))?;
        if !orgs.contains(organ_ref.org.as_str()) {
            continue;
        }
        let mut seats = facts.seats_on(&organ_ref, min, max).map_err(backend)?;
        terms::clip_seats(&book, &mut seats);
        seats.sort_by(|a, b| a.key.cmp(&b.key));
        for seat in seats.iter().filter(|s| ctx.holds(&s.span)) {
            let ends = [
                Some(seat.start_event.as_str()),
                seat.end_event.as_ref().map(|e| e.as_str()),
            ];
            let mut m = ctx.membership(format!("seat:{}", seat.key), &seat.span, &ends);
            m.person_id = Some(seat.person.as_str().to_owned());
            m.organization_id = Some(organ.id.clone());
            m.role = Some(seat.role.as_str().to_owned());
            if seat.nominal {
                m.extra.insert("plenum:nominal".into(), true.into());
            }
            if let Some(cause) = seat.end_cause {
                m.extra
                    .insert("plenum:end_cause".into(), cause.as_str().into());
            }
            let factions: Vec<_> = seat
                .factions
                .iter()
                .filter(|a| ctx.holds(&a.span))
                .collect();
            // Popolo's `on_behalf_of_id` holds for the whole membership; the alignments'
            // own dates (which may begin after the seat, or end before it) go beside it,
            // and the import reads them rather than the seat's.
            if let Some(first) = factions.first() {
                m.on_behalf_of_id = Some(faction_id(first.faction.as_str()));
                let all: Vec<Value> = factions
                    .iter()
                    .map(|a| json!({"id": faction_id(a.faction.as_str()), "start_date": a.span.start.to_string(), "end_date": a.span.end.as_ref().map(ToString::to_string)}))
                    .collect();
                m.extra.insert("plenum:factions".into(), Value::Array(all));
            }
            out.memberships.push(m);
        }
    }
    for post in sorted(facts, EntityKind::Post)? {
        let post_ref: PostRef = post
            .id
            .parse()
            .map_err(|_| ExportError::BadRef(post.id.clone()))?;
        if !orgs.contains(post_ref.org.as_str()) {
            continue;
        }
        let mut rows = facts.holders_of(&post_ref, min, max).map_err(backend)?;
        terms::clip_posts(&book, &mut rows);
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        for row in rows.iter().filter(|r| ctx.holds(&r.span)) {
            let ends = [
                Some(row.start_event.as_str()),
                row.end_event.as_ref().map(|e| e.as_str()),
            ];
            let mut m = ctx.membership(format!("post:{}", row.key), &row.span, &ends);
            m.person_id = Some(row.person.as_str().to_owned());
            m.organization_id = Some(post_ref.org.as_str().to_owned());
            m.post_id = Some(post.id.clone());
            m.role = Some(post.name.clone());
            if row.acting {
                m.extra.insert("plenum:acting".into(), true.into());
            }
            if row.nominal {
                m.extra.insert("plenum:nominal".into(), true.into());
            }
            if let Some(cause) = row.end_cause {
                m.extra
                    .insert("plenum:end_cause".into(), cause.as_str().into());
            }
            out.memberships.push(m);
        }
    }
    for org in orgs {
        let Ok(org_id) = OrgId::new(org) else {
            continue;
        };
        let mut rows = facts.members_on(&org_id, min, max).map_err(backend)?;
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        for row in rows.iter().filter(|r| ctx.holds(&r.span)) {
            let ends = [
                Some(row.start_event.as_str()),
                row.end_event.as_ref().map(|e| e.as_str()),
            ];
            let mut m = ctx.membership(format!("member:{}", row.key), &row.span, &ends);
            m.person_id = Some(row.person.as_str().to_owned());
            m.organization_id = Some(org.clone());
            m.role = Some(
                serde_json::to_value(row.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_else(|| "member".into()),
            );
            out.memberships.push(m);
        }
    }
    for faction in sorted(facts, EntityKind::Faction)? {
        let Ok(id) = FactionId::new(&faction.id) else {
            continue;
        };
        let mut rows = facts.faction_on(&id, min, max).map_err(backend)?;
        rows.sort_by(|a, b| a.key.cmp(&b.key));
        for row in rows.iter().filter(|r| ctx.holds(&r.span)) {
            let ends = [
                Some(row.start_event.as_str()),
                row.end_event.as_ref().map(|e| e.as_str()),
            ];
            let mut m = ctx.membership(format!("faction:{}", row.key), &row.span, &ends);
            m.person_id = Some(row.person.as_str().to_owned());
            m.organization_id = Some(faction_id(&faction.id));
            m.role = Some(if row.leader { "leader" } else { "member" }.into());
            out.memberships.push(m);
        }
    }
    Ok(())
}

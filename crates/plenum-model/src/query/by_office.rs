//! Seats held by office for `at` and composed organs: holders of an organ's ex
//! officio posts seated on it, and the alignments and names of persons seated that
//! way. It only reads facts.

use crate::event::Role;
use crate::id::{OrganRef, PersonId, PostRef};
use crate::rows::{EntityKind, PostRow, SeatRow};

use super::Facts;

/// Holders of an organ's ex officio posts (the statute in force on the first day
/// asked about) sit on it by office: as full seats, for as long as they hold the post.
pub(super) fn add_ex_officio<F: Facts + ?Sized>(
    facts: &F,
    book: &crate::statute::StatuteBook,
    organ: &OrganRef,
    lo: crate::date::Day,
    hi: crate::date::Day,
    rows: &mut super::OrganRows,
) -> Result<(), F::Error> {
    let Some(def) = book
        .in_force(&organ.org, lo)
        .and_then(|v| v.organ(&organ.key))
    else {
        return Ok(());
    };
    let mut added: Vec<PersonId> = Vec::new();
    for key in &def.ex_officio {
        let post = PostRef::new(organ.org.clone(), key.clone());
        let mut tenures = facts.holders_of(&post, lo, hi)?;
        crate::rules::terms::clip_posts(book, &mut tenures);
        for t in tenures {
            if rows.seats.iter().any(|s| s.person == t.person) {
                continue;
            }
            added.push(t.person.clone());
            let key = format!("ex-officio:{}", t.key);
            rows.seats.push(seat_by_office(organ, key, t));
        }
    }
    if added.is_empty() {
        return Ok(());
    }
    with_alignments_and_names(facts, rows, &added, lo, hi)
}

/// A full seat on `organ` held for as long as a post is: by office or composition.
pub(super) fn seat_by_office(organ: &OrganRef, key: String, t: PostRow) -> SeatRow {
    SeatRow {
        key,
        organ: organ.clone(),
        person: t.person,
        role: Role::Full,
        span: t.span,
        start_event: t.start_event,
        end_event: t.end_event,
        end_cause: t.end_cause,
        start_pos: t.start_pos,
        end_pos: t.end_pos,
        holder: None,
        factions: Vec::new(),
        nominal: t.nominal,
    }
}

/// Adds to `rows` the alignments of persons seated by office or composition, and
/// the names of those persons and of their factions not named yet.
pub(super) fn with_alignments_and_names<F: Facts + ?Sized>(
    facts: &F,
    rows: &mut super::OrganRows,
    added: &[PersonId],
    lo: crate::date::Day,
    hi: crate::date::Day,
) -> Result<(), F::Error> {
    let alignments = facts.alignments_of(added, lo, hi)?;
    let mut factions: Vec<&str> = alignments.iter().map(|a| a.faction.as_str()).collect();
    factions.sort_unstable();
    factions.dedup();
    let persons: Vec<&str> = added.iter().map(PersonId::as_str).collect();
    for (kind, ids) in [
        (EntityKind::Person, persons),
        (EntityKind::Faction, factions),
    ] {
        for e in facts.entities_by_id(kind, &ids)? {
            if !rows
                .names
                .iter()
                .any(|(k, id, _)| *k == kind && *id == e.id)
            {
                rows.names.push((kind, e.id, e.name));
            }
        }
    }
    rows.alignments.extend(alignments);
    Ok(())
}

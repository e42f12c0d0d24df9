//! `at` for an organ made only of other organs' full members and posts' holders
//! (`composed_of`): they sit on it as full seats, for as long as they hold those.

use crate::date::Day;
use crate::event::Role;
use crate::id::{OrganRef, PersonId, PostRef};
use crate::rows::SeatRow;
use crate::statute::StatuteBook;

use super::{Facts, OrganRows};

/// Adds the seats of a composed organ (the statute in force on `lo`) to `rows`: one
/// per seat or tenure of its members, without persons already listed.
pub(super) fn add_composed<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    organ: &OrganRef,
    lo: Day,
    hi: Day,
    rows: &mut OrganRows,
) -> Result<(), F::Error> {
    let Some(composed) = book
        .in_force(&organ.org, lo)
        .and_then(|v| v.organ(&organ.key))
        .and_then(|d| d.composed_of.as_ref())
    else {
        return Ok(());
    };
    let mut found: Vec<SeatRow> = Vec::new();
    for key in &composed.rule.organs {
        let member_organ = OrganRef::new(organ.org.clone(), key.clone());
        let mut seats = facts.seats_on(&member_organ, lo, hi)?;
        crate::rules::terms::clip_seats(book, &mut seats);
        found.extend(seats.into_iter().filter(|s| s.role == Role::Full));
    }
    for key in &composed.rule.posts {
        let post = PostRef::new(organ.org.clone(), key.clone());
        let mut tenures = facts.holders_of(&post, lo, hi)?;
        crate::rules::terms::clip_posts(book, &mut tenures);
        found.extend(
            tenures
                .into_iter()
                .map(|t| super::by_office::seat_by_office(organ, t.key.clone(), t)),
        );
    }
    let mut added: Vec<PersonId> = Vec::new();
    for seat in found {
        if rows.seats.iter().any(|s| s.person == seat.person) {
            continue;
        }
        added.push(seat.person.clone());
        rows.seats.push(SeatRow {
            key: format!("composed:{}", seat.key),
            organ: organ.clone(),
            holder: None,
            factions: Vec::new(),
            ..seat
        });
    }
    if added.is_empty() {
        return Ok(());
    }
    super::by_office::with_alignments_and_names(facts, rows, &added, lo, hi)
}

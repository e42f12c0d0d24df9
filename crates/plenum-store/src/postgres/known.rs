//! What a group's batches read that stays true for the next: the statutes and the
//! latest position, forgotten when a batch changes what they derive from.

use plenum_model::event::Event;
use plenum_model::history::Change;
use plenum_model::id::Pos;
use plenum_model::rows::{AnyRow, EventRow};

use super::read;

/// What the write path reads at the start of every batch, kept across the batches of one
/// transaction for as long as nothing it derives from is written: every write of an
/// `events` row goes through [`PgTx`], which forgets (or moves on) what it touches.
#[derive(Clone, Debug, Default)]
pub(crate) struct Known {
    /// Every effective `statute_adopted` event, in ledger order.
    pub(super) statutes: Option<Vec<Event>>,
    /// The latest position of an effective event (`Some(None)`: known to be none).
    pub(super) last_pos: Option<Option<Pos>>,
}

impl Known {
    /// Takes `changes` into account: what they may have changed is forgotten.
    pub fn note(&mut self, changes: &[Change]) {
        let event = |row: &Option<AnyRow>| match row {
            Some(AnyRow::Event(e)) => Some(e.clone()),
            _ => None,
        };
        for change in changes {
            let (before, after) = (event(&change.before), event(&change.after));
            if before.is_none() && after.is_none() {
                continue;
            }
            // The kinds `read::statutes` selects.
            let statute = |e: &Option<EventRow>| {
                e.as_ref()
                    .is_some_and(|e| read::STATUTE_KINDS.contains(&e.kind.as_str()))
            };
            if statute(&before) || statute(&after) {
                self.statutes = None;
            }
            let Some(last) = self.last_pos else { continue };
            let counted = |e: &Option<EventRow>| e.as_ref().filter(|e| !e.retracted).map(|e| e.pos);
            let (was, now) = (counted(&before), counted(&after));
            self.last_pos = match (was, now) {
                // The latest moves back or goes: which one is latest now is not known.
                (Some(w), now) if Some(w) == last && now.is_none_or(|n| n < w) => None,
                (_, Some(n)) => Some(Some(last.map_or(n, |l| l.max(n)))),
                (_, None) => Some(last),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plenum_model::id::Seq;

    fn pos(seq: u64) -> Pos {
        let day = plenum_model::date::Day::new(2000, 1, 1).expect("a day");
        Pos::new(day, Seq(seq))
    }

    fn event(id: &str, kind: &str, at: u64, retracted: bool) -> AnyRow {
        AnyRow::Event(EventRow {
            id: id.parse().expect("an id"),
            seq: Seq(at),
            kind: kind.into(),
            pos: pos(at),
            source: Seq(at),
            retracted,
            subject: None,
        })
    }

    fn change(before: Option<AnyRow>, after: Option<AnyRow>) -> Change {
        Change { before, after }
    }

    fn known(last: u64) -> Known {
        Known {
            statutes: Some(Vec::new()),
            last_pos: Some(Some(pos(last))),
        }
    }

    #[test]
    fn the_latest_position_follows_new_events() {
        let mut k = known(10);
        k.note(&[change(
            None,
            Some(event("a", "person_registered", 20, false)),
        )]);
        assert_eq!(k.last_pos, Some(Some(pos(20))));
        k.note(&[change(
            None,
            Some(event("b", "person_registered", 5, false)),
        )]);
        assert_eq!(k.last_pos, Some(Some(pos(20))));
        // A retracted event does not count.
        k.note(&[change(
            None,
            Some(event("c", "person_registered", 30, true)),
        )]);
        assert_eq!(k.last_pos, Some(Some(pos(20))));
        assert!(k.statutes.is_some());
    }

    #[test]
    fn the_latest_position_is_forgotten_when_its_event_goes() {
        let latest = event("a", "person_registered", 20, false);
        let mut k = known(20);
        k.note(&[change(
            Some(latest.clone()),
            Some(event("a", "person_registered", 20, true)),
        )]);
        assert_eq!(k.last_pos, None, "retracted");
        let mut k = known(20);
        k.note(&[change(Some(latest.clone()), None)]);
        assert_eq!(k.last_pos, None, "deleted");
        let mut k = known(20);
        k.note(&[change(
            Some(latest),
            Some(event("a", "person_registered", 15, false)),
        )]);
        assert_eq!(k.last_pos, None, "moved back");
        // An earlier event going leaves the latest where it is.
        let mut k = known(20);
        k.note(&[change(
            Some(event("b", "person_registered", 5, false)),
            None,
        )]);
        assert_eq!(k.last_pos, Some(Some(pos(20))));
    }

    #[test]
    fn the_statutes_are_forgotten_when_a_statute_row_changes() {
        let mut k = known(20);
        k.note(&[change(None, Some(event("s", "statute_adopted", 30, false)))]);
        assert!(k.statutes.is_none());
        let mut k = known(20);
        k.note(&[change(Some(event("s", "statute_adopted", 3, false)), None)]);
        assert!(k.statutes.is_none());
        // A founding gives the book an organization's parent and category.
        let mut k = known(20);
        k.note(&[change(
            None,
            Some(event("f", "organization_founded", 30, false)),
        )]);
        assert!(k.statutes.is_none(), "a founding");
        let mut k = known(20);
        k.note(&[change(
            None,
            Some(event("p", "person_registered", 30, false)),
        )]);
        assert!(k.statutes.is_some(), "a registration changes no statute");
    }
}

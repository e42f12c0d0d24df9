//! A statute book kept between batches.
//!
//! Reading the statutes' TOML is the dearest step of a small batch: a store keeps the
//! book it last read, with the events it was read from, and hands it out again while
//! the ledger's statutes are the same events. It must never answer for other events
//! than those it was read from: it compares them whole.

use std::sync::{Arc, Mutex};

use super::StatuteBook;
use crate::event::Event;

/// The last statute book read, with the events it was read from.
#[derive(Debug, Default)]
pub struct BookMemo {
    kept: Mutex<Option<(Vec<Event>, Arc<StatuteBook>)>>,
}

impl BookMemo {
    /// The book `statutes` make: the one kept, if it was read from the same events.
    pub fn book(&self, statutes: &[Event]) -> Arc<StatuteBook> {
        // A poisoned lock only loses the memo: the book is read again.
        if let Ok(kept) = self.kept.lock()
            && let Some((events, book)) = kept.as_ref()
            && events.as_slice() == statutes
        {
            return Arc::clone(book);
        }
        let book = Arc::new(StatuteBook::from_events(statutes));
        if let Ok(mut kept) = self.kept.lock() {
            *kept = Some((statutes.to_vec(), Arc::clone(&book)));
        }
        book
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statutes() -> Vec<Event> {
        vec![crate::ledger::tests::statute_event()]
    }

    #[test]
    fn the_same_events_get_the_same_book() {
        let memo = BookMemo::default();
        let events = statutes();
        assert!(!events.is_empty());
        let first = memo.book(&events);
        let again = memo.book(&events);
        assert!(Arc::ptr_eq(&first, &again));
    }

    #[test]
    fn other_events_get_a_book_of_their_own() {
        let memo = BookMemo::default();
        let events = statutes();
        let full = memo.book(&events);
        let none = memo.book(&[]);
        assert!(!Arc::ptr_eq(&full, &none));
        let party = "party".parse().expect("an org");
        assert!(none.versions_of(&party).is_empty());
        assert!(!full.versions_of(&party).is_empty());
        assert!(
            !Arc::ptr_eq(&memo.book(&events), &full),
            "read again after a change"
        );
    }
}

//! Figureheads: a post held in name only, read from the event that began the tenure.

use crate::event::{Event, EventKind};
use crate::id::EventId;

/// Whether the `post_assigned` that began a tenure says the holder was nominal.
pub(super) fn post_is_nominal(events: &[Event], start: &EventId) -> bool {
    events
        .iter()
        .any(|e| &e.id == start && matches!(&e.kind, EventKind::PostAssigned(b) if b.nominal))
}

//! Assigning a post: how many holders it may have on a day, a re-election that
//! renews a tenure, and the longest-serving holders making room. Applying never
//! judges: the rules ran before.

use super::renewal::post_renews;
use crate::event::EndCause;
use crate::history::{History, Stamp};
use crate::id::{EntityKind, PersonId, PostRef};
use crate::statute::StatuteBook;

/// The most holders a post may have on a day: from the statute in force, else
/// from its `post_established` event, else one.
fn post_holders(history: &History<'_>, book: &StatuteBook, post: &PostRef, at: Stamp<'_>) -> u32 {
    if let Some(def) = book
        .in_force(&post.org, at.date.earliest())
        .and_then(|v| v.post(&post.key))
    {
        return def.holders;
    }
    history
        .entity(EntityKind::Post, &post.to_string())
        .and_then(|e| e.holders)
        .map_or(1, crate::event::kinds::Holders::limit)
}

/// Gives `person` the post: a re-election renews the tenure where a term says so,
/// and the longest-serving holders make room where the post is full.
pub(super) fn assign_post(
    history: &mut History<'_>,
    book: &StatuteBook,
    post: &PostRef,
    person: &PersonId,
    acting: bool,
    nominal: bool,
    at: Stamp<'_>,
) {
    if history
        .open_posts_of(person)
        .iter()
        .any(|p| &p.post == post)
    {
        // Under a statute with terms, a re-election starts a new term; so it does
        // of a tenure given for a term under an earlier version.
        if post_renews(history, book, person, post, at)
            && history.close_posts(
                person,
                |p| &p.post == post && p.start_event != *at.event,
                EndCause::TermEnded,
                at,
            ) > 0
        {
            history.open_post(post, person, acting, nominal, at);
        }
        return;
    }
    let limit = post_holders(history, book, post, at) as usize;
    let mut holders: Vec<_> = history
        .open_holders_of(post)
        .into_iter()
        .map(|p| (p.span.start, p.person))
        .collect();
    holders.sort();
    // The longest-serving holders make room for the new one.
    let excess = (holders.len() + 1).saturating_sub(limit);
    for (_, old) in holders.into_iter().take(excess) {
        history.close_posts(&old, |p| &p.post == post, EndCause::Replaced, at);
    }
    history.open_post(post, person, acting, nominal, at);
}

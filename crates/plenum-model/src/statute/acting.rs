//! Who may act in a post (`acting` on a post): "the Vice President shall serve and
//! undertake the responsibilities of President in the absence, incapacity or
//! vacancy of the office of President". As data; `read/acting.rs` reads it, and the
//! rules judge a `post_assigned` with `acting = true` by it. Never judges an event.

use crate::id::Key;

/// The offices whose holders may act in a post: holders of these posts, or of a
/// full seat on these organs, of the same version (at least one named).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acting {
    /// Posts whose holders may act in it.
    pub posts: Vec<Key>,
    /// Organs on which a full seat allows one to act in it.
    pub organs: Vec<Key>,
}

/// The clause in words, for `plenum statute check`.
pub(super) fn words(version: &super::Version, acting: &Acting) -> String {
    let offices: Vec<String> = acting
        .posts
        .iter()
        .map(|k| {
            version
                .post(k)
                .map_or_else(|| k.to_string(), |p| format!("the {}", p.name))
        })
        .chain(acting.organs.iter().map(|k| {
            version
                .organ(k)
                .map_or_else(|| k.to_string(), |o| format!("a member of {}", o.name))
        }))
        .collect();
    format!("acted in by {} only", offices.join(" or "))
}

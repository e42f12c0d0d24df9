//! Who may act in a post (`acting` on a post): "the Vice President shall serve and
//! undertake the responsibilities of President in the absence, incapacity or
//! vacancy of the office of President". Optionally only while other posts are vacant
//! (`when_vacant`: "if vacancies exist in the office of International President and
//! the office of International Secretary-Treasurer simultaneously") and in an order
//! among the members of the organs named (`order = "seniority"`: "the most senior
//! International Vice President alphabetically"). As data; `read/acting.rs` reads it,
//! and the rules judge a `post_assigned` with `acting = true` by it. Never judges an
//! event.

use crate::id::Key;

/// The offices whose holders may act in a post: holders of these posts, or of a
/// full seat on these organs, of the same version (at least one named).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acting {
    /// Posts whose holders may act in it.
    pub posts: Vec<Key>,
    /// Organs on which a full seat allows one to act in it.
    pub organs: Vec<Key>,
    /// Posts (the acted-in one among them, or not) that must all be without a
    /// substantive holder on the day for anyone to act in it (empty: always).
    pub when_vacant: Vec<Key>,
    /// Which of the members of `organs` acts, if the statute says.
    pub order: Option<ActingOrder>,
}

/// The order in which the members of an organ are called to act.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActingOrder {
    /// "The most senior ... alphabetically": the member whose full seat on the organs
    /// named has been held longest without a break; between members seated the same
    /// day, the first by family name (the last word of the name the record gives),
    /// then by the whole name.
    Seniority,
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
            let name = version.organ(k).map_or_else(|| k.to_string(), |o| o.name.clone());
            match acting.order {
                Some(ActingOrder::Seniority) => format!(
                    "the most senior member of {name} (longest seated without a break; between equals, the first by family name)"
                ),
                None => format!("a member of {name}"),
            }
        }))
        .collect();
    let when = if acting.when_vacant.is_empty() {
        String::new()
    } else {
        let posts: Vec<String> = acting
            .when_vacant
            .iter()
            .map(|k| {
                version
                    .post(k)
                    .map_or_else(|| k.to_string(), |p| p.name.clone())
            })
            .collect();
        format!(
            ", and only while the posts of {} are all vacant",
            posts.join(" and ")
        )
    };
    format!("acted in by {} only{when}", offices.join(" or "))
}

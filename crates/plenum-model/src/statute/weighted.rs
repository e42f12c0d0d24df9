//! Weighted votes in an organ's decisions of some categories (`weighted`: "Each
//! International Vice President shall be entitled to cast a number of votes equal to
//! the number of votes to which all properly seated delegates from the Legislative
//! District represented by the International Vice President were entitled at the most
//! recent regular biennial convention. ... The International President shall be
//! entitled to cast a number of votes equal to the highest number which any
//! International Vice President is entitled to cast"). As data; `read/weighted.rs`
//! reads it and `rules/checks/weighted.rs` judges a decision's recorded votes against
//! the most the members may cast. Never judges.

use crate::id::Key;

/// How many votes each member of an organ casts in the decisions of some categories.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weighted {
    /// The decision categories (`motion_decided`'s `category`) voted so.
    pub categories: Vec<String>,
    /// Organs whose full members cast the votes of their constituency's delegates.
    pub by_constituency: Vec<Key>,
    /// The organ at whose meeting the delegates' votes are counted (the most recent
    /// such meeting whose record gives them, `meeting_held`'s `constituency_votes`).
    pub of: Key,
    /// Only meetings of `of` convened as this kind count, if given.
    pub category: Option<String>,
    /// Posts whose holders cast as many votes as the most any member above casts.
    pub highest: Vec<Key>,
}

impl Weighted {
    /// The clause in words, for `plenum statute check`; `organ` and `post` name keys.
    pub fn words(&self, organ: impl Fn(&Key) -> String, post: impl Fn(&Key) -> String) -> String {
        let members: Vec<String> = self.by_constituency.iter().map(&organ).collect();
        let kind = self
            .category
            .as_ref()
            .map_or_else(String::new, |c| format!("{c} "));
        let mut text = format!(
            "in {} decisions, each member of {} casts the votes its constituency's delegates had at the most recent {kind}meeting of {}",
            self.categories.join(", "),
            members.join(" and "),
            organ(&self.of)
        );
        if !self.highest.is_empty() {
            let posts: Vec<String> = self.highest.iter().map(&post).collect();
            text.push_str(&format!(
                ", the {} as many as the most any of them casts",
                posts.join(" and the ")
            ));
        }
        text.push_str(", any other member one; recorded votes beyond their total are found");
        text
    }
}

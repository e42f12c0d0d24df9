//! One vote for each member of an organ (`one_vote = { article = "VIII.1e" }`):
//! "each member of the International Executive Board shall have one vote on all
//! matters on which a vote is taken". As data only: `read/one_vote.rs` reads it,
//! `rules/checks/one_vote.rs` judges it (`majority-not-met`).

/// Each member of the organ has one vote, except in the kinds of decision named.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OneVote {
    /// Decision categories (`motion_decided` `category`) voted otherwise, by weighted
    /// votes ("each Vice President casts the votes of the District's delegates").
    pub except: Vec<String>,
}

impl OneVote {
    /// Whether a decision of this category (`default` for none) is bound by it.
    pub fn binds(&self, category: &str) -> bool {
        !self.except.iter().any(|c| c == category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_every_category_but_the_exceptions() {
        let rule = OneVote {
            except: vec!["vacancy".to_owned()],
        };
        assert!(rule.binds("default"));
        assert!(rule.binds("emergency"));
        assert!(!rule.binds("vacancy"));
        assert!(OneVote::default().binds("vacancy"));
    }
}

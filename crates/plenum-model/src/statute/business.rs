//! The business a kind of meeting may transact (`meeting = [{ category = "special",
//! business = { only = "noticed" } }]`: "in the case of a special meeting, the
//! general nature of the business to be transacted, and that no other business may
//! be transacted"). As data only: `read/business.rs` reads it,
//! `rules/checks/business.rs` judges the decisions and elections of a meeting whose
//! convocation states its business (`meeting_convened` `business`) against it
//! (`business-not-noticed`).

/// What business a meeting of a kind may transact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Business {
    /// Only the business its notice states.
    Noticed,
}

impl Business {
    /// The word the statute writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Business::Noticed => "noticed",
        }
    }

    /// The clause in words, for `plenum statute check`.
    pub fn words(self, category: &str) -> String {
        match self {
            Business::Noticed => format!(
                "a meeting of the kind `{category}` transacts only the business its notice states"
            ),
        }
    }
}

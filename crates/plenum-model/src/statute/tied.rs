//! Meetings of one organ tied to the meetings of another (`tied = [{ follows =
//! "convention", within = "1 day" }]` on an organ): "the Board shall meet
//! immediately following final adjournment of the Convention", "one general
//! meeting immediately preceding the Convention".
//!
//! As data only: `read/tied.rs` reads it, `rules/checks/tied.rs` judges it
//! (`meeting-missing`).

use std::fmt;

use crate::id::Key;

use super::Period;

/// Which side of the other organ's meeting this organ's meeting must fall on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// After the other's meeting ends: it must begin on the day the other ended or
    /// within the period after it.
    Follows,
    /// Before the other's meeting begins: it must begin within the period before
    /// the other's first day, or on that day.
    Precedes,
}

/// "This organ meets within `within` after (or before) each meeting of `organ`."
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    /// After or before.
    pub side: Side,
    /// The other organ, of the same version.
    pub organ: Key,
    /// How far from the other's meeting this organ's may begin (the last day included).
    pub within: Period,
    /// Only meetings of this organ convened as this kind count; any meeting, if `None`.
    pub category: Option<String>,
}

impl Tie {
    /// The tie in words, naming the other organ as `other`.
    pub fn words(&self, other: &str) -> String {
        let what = match &self.category {
            Some(category) => format!("a {category} meeting"),
            None => "a meeting".to_owned(),
        };
        match self.side {
            Side::Follows => format!(
                "{what} within {} after each meeting of {other} ends",
                self.within
            ),
            Side::Precedes => format!(
                "{what} within {} before each meeting of {other} begins",
                self.within
            ),
        }
    }
}

impl fmt::Display for Tie {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(self.organ.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tie(side: Side, category: Option<&str>) -> Tie {
        Tie {
            side,
            organ: Key::new("convention").expect("a key"),
            within: "1 day".parse().expect("a period"),
            category: category.map(str::to_owned),
        }
    }

    #[test]
    fn says_which_side_and_which_kind() {
        assert_eq!(
            tie(Side::Follows, None).to_string(),
            "a meeting within 1 day after each meeting of convention ends"
        );
        assert_eq!(
            tie(Side::Precedes, Some("general")).to_string(),
            "a general meeting within 1 day before each meeting of convention begins"
        );
    }
}

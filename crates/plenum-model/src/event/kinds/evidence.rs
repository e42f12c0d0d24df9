//! What shows that an organ sat, when the record does not call the sitting a meeting.

use serde::{Deserialize, Serialize};

/// The kind of evidence a `meeting_held` rests on, when it is not a regular record of
/// the meeting (a plenum, a congress): a speech delivered to the organ on a known date,
/// its minutes, a decision it took, a report made to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Evidence {
    /// A speech delivered to the organ on a known date.
    Speech,
    /// Its minutes.
    Minutes,
    /// A decision it took.
    Decision,
    /// A report made to it.
    Report,
}

impl Evidence {
    /// The word used in files and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Speech => "speech",
            Evidence::Minutes => "minutes",
            Evidence::Decision => "decision",
            Evidence::Report => "report",
        }
    }

    /// What a sitting is evidenced by, in a sentence: "a speech", "its minutes".
    pub fn shown_by(self) -> &'static str {
        match self {
            Evidence::Speech => "a speech",
            Evidence::Minutes => "its minutes",
            Evidence::Decision => "a decision",
            Evidence::Report => "a report",
        }
    }

    /// A date of a sitting with what shows it, as findings cite it:
    /// "1955-12-28, evidenced by a speech"; the date alone for a regular record.
    pub fn dated(date: &impl std::fmt::Display, evidence: Option<Evidence>) -> String {
        match evidence {
            Some(e) => format!("{date}, evidenced by {}", e.shown_by()),
            None => date.to_string(),
        }
    }

    /// A sentence about a sitting, with what shows it when that is not a regular record.
    pub fn after(text: String, evidence: Option<Evidence>) -> String {
        match evidence {
            Some(e) => format!("{text} (evidence: {})", e.as_str()),
            None => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Evidence;

    #[test]
    fn a_dated_sitting_says_what_shows_it() {
        assert_eq!(
            Evidence::dated(&"1955-12-28", Some(Evidence::Speech)),
            "1955-12-28, evidenced by a speech"
        );
        assert_eq!(
            Evidence::dated(&"2023-05-01", Some(Evidence::Minutes)),
            "2023-05-01, evidenced by its minutes"
        );
        assert_eq!(Evidence::dated(&"2023-05-01", None), "2023-05-01");
    }
}

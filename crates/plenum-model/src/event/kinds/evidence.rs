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

    /// A sentence about a sitting, with what shows it when that is not a regular record.
    pub fn after(text: String, evidence: Option<Evidence>) -> String {
        match evidence {
            Some(e) => format!("{text} (evidence: {})", e.as_str()),
            None => text,
        }
    }
}

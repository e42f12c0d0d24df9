//! Decisions an organ takes without a meeting (`without_meeting` on an organ): what
//! the statute requires of them ("by unanimous written consent"). Read by
//! `read/consent.rs`; judged by `rules/checks/consent.rs`. Never judges.

use super::{Cited, Clause, Version};

/// What a decision of an organ taken without a meeting needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    /// The written consent of every member of the organ (`consent = "unanimous"`).
    Unanimous,
}

impl Consent {
    /// The word the statute writes (`unanimous`).
    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Unanimous => "unanimous",
        }
    }
}

/// The clauses of a version's organs on decisions without a meeting, for
/// `plenum statute check`.
pub(super) fn clauses(version: &Version) -> Vec<Clause> {
    version
        .organs
        .iter()
        .filter_map(|organ| {
            let Cited { rule, article } = organ.without_meeting.as_ref()?;
            let rule = match rule {
                Consent::Unanimous => format!(
                    "{} acts without a meeting only by the written consent of all its members",
                    organ.name
                ),
            };
            Some(Clause {
                organization: version.org.to_string(),
                version: version.id.to_string(),
                subject: organ.name.clone(),
                field: "without_meeting",
                rule,
                article: article.clone(),
                checked_by: Some("not-unanimous"),
            })
        })
        .collect()
}

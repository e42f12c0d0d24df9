//! What written consents stand in for: a meeting (`without_meeting` on an organ,
//! "by unanimous written consent") or its notice (`waiver`, "a written waiver of
//! notice"), and the written ballot that may stand in for a meeting too (`ballot =
//! true`). Read by `read/consent.rs`; judged by `rules/checks/consent.rs` and the
//! notice rule (`rules/checks/meetings.rs`). Never judges.

use super::{Clause, Version};

/// What a decision of an organ taken without a meeting needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    /// The written consent of every member of the organ (`consent = "unanimous"`).
    Unanimous,
    /// The written consent of every member, or a written ballot (`ballot = true`:
    /// "a written ballot to every Member entitled to vote"), valid when the ballots
    /// returned reach the quorum of a meeting and the approvals the majority a
    /// meeting with as many votes would need.
    UnanimousOrBallot,
}

impl Consent {
    /// The word the statute writes (`unanimous`).
    pub fn as_str(self) -> &'static str {
        match self {
            Consent::Unanimous | Consent::UnanimousOrBallot => "unanimous",
        }
    }
}

/// A waiver of notice: a meeting whose notice was waived (`meeting_held`
/// `notice_waived`) is not short of notice, where the statute allows waivers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiver {
    /// Whether the waiver holds only if a quorum was present (`quorum = true`).
    pub quorum: bool,
}

/// The clauses of a version's organs on decisions without a meeting, for
/// `plenum statute check`.
pub(super) fn clauses(version: &Version) -> Vec<Clause> {
    version
        .organs
        .iter()
        .flat_map(|organ| {
            let clause = |field, rule, article: &Option<String>, checked_by| Clause {
                organization: version.org.to_string(),
                version: version.id.to_string(),
                subject: organ.name.clone(),
                field,
                rule,
                article: article.clone(),
                checked_by: Some(checked_by),
            };
            let consent = organ.without_meeting.as_ref().map(|c| {
                let rule = match c.rule {
                    Consent::Unanimous => format!(
                        "{} acts without a meeting only by the written consent of all its members",
                        organ.name
                    ),
                    Consent::UnanimousOrBallot => format!(
                        "{} acts without a meeting by the written consent of all its members, or by a written ballot whose ballots returned reach its quorum and whose approvals reach the majority a meeting casting as many votes would need",
                        organ.name
                    ),
                };
                let checked_by = match c.rule {
                    Consent::Unanimous => "not-unanimous",
                    Consent::UnanimousOrBallot => "not-unanimous, quorum-not-met",
                };
                clause("without_meeting", rule, &c.article, checked_by)
            });
            let waiver = organ.waiver.as_ref().map(|w| {
                let quorum = if w.rule.quorum {
                    ", if a quorum is present"
                } else {
                    ""
                };
                let rule = format!(
                    "{}: a meeting whose notice was waived is not short of notice{quorum}",
                    organ.name
                );
                clause("waiver", rule, &w.article, "short-notice")
            });
            let plurality = organ.plurality.as_ref().map(|p| {
                let rule = format!("{} elects the candidates with the most votes", organ.name);
                clause("plurality", rule, &p.article, "plurality-not-met")
            });
            let resignation = organ.resignation.as_ref().map(|r| {
                let rule = format!(
                    "{}: a seat resigned takes effect on the day its notice is given, or at the later time the notice names",
                    organ.name
                );
                clause("resignation", rule, &r.article, "resignation-delayed")
            });
            consent
                .into_iter()
                .chain(waiver)
                .chain(plurality)
                .chain(resignation)
        })
        .collect()
}

//! A statute's judicial procedure (`[version.trials]`): who may file charges, which
//! organs try them, how soon a trial body must render its decision, and when a copy
//! of the charges must be served on the accused.
//! Read by `read/trials.rs`; judged by `rules/checks/trials.rs`.

use super::{Act, Cited, Key, Period};

/// Who may file charges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filer {
    /// Any member of the organization (candidate or full), not suspended.
    Member,
    /// Any full member of the organization, not suspended.
    FullMember,
}

impl Filer {
    /// The word the statute writes (`member`, `full-member`).
    pub fn as_str(self) -> &'static str {
        match self {
            Filer::Member => "member",
            Filer::FullMember => "full-member",
        }
    }
}

/// The judicial procedure of a version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trials {
    /// Who may file charges (`filed_by`), if the statute says.
    pub filed_by: Option<Cited<Filer>>,
    /// The organs that may try charges (`tried_by`), if the statute says.
    pub tried_by: Option<Cited<Vec<Key>>>,
    /// How soon after the trial its decision must be rendered (`decision.within`).
    pub decision_within: Option<Cited<Period>>,
    /// The acts (expulsion, suspension) that only a trial may impose (`required_for`).
    pub required_for: Option<Cited<Vec<Act>>>,
    /// How soon after the charges are filed a copy must be served on the accused
    /// (`serve.within`).
    pub serve_within: Option<Cited<Period>>,
    /// How long at least before the trial a copy must have been served
    /// (`served_before_trial.at_least`).
    pub served_before_trial: Option<Cited<Period>>,
}

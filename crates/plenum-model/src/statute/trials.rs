//! A statute's judicial procedure (`[version.trials]`): who may file charges, which
//! organs try them, how soon a trial body must render its decision, when a copy
//! of the charges must be served on the accused, which acts need a hearing, and who
//! decides appeals finally, and on which grounds charges may be filed.
//! Read by `read/trials.rs`; judged by `rules/checks/trials.rs`.

use super::{Act, Cited, Decider, Key, Period};

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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
    /// The acts the person concerned must first be heard on (`hearing`).
    pub hearing: Option<Cited<Hearing>>,
    /// The organs that decide appeals finally (`appeals.final_by`).
    pub appeals_final_by: Option<Cited<Vec<Key>>>,
    /// The organs that decide appeals at all, final or not (`appeals.by`): an organ
    /// of the organization, of the one one level up (`parent:KEY`, "the commission at
    /// the next level up"), or of any above it (`higher-level`).
    pub appeals_by: Option<Cited<Vec<Decider>>>,
    /// The grounds on which charges may be filed, and no other (`grounds.only`).
    pub grounds: Option<Cited<Vec<Ground>>>,
    /// Who of the trial body may not take part in a case (`recusal`).
    pub recusal: Option<Cited<Recusal>>,
    /// The post whose holder appoints a case's acting chair (`acting_chair.by`).
    pub acting_chair: Option<Cited<Key>>,
}

/// `recusal`: "no member of the Judicial Panel shall participate in any manner in the
/// decision in any case arising in a local of which the Judicial Panel member is or
/// was a member". The case's organization is the charges' `arises_in`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recusal {
    /// Whether a former membership disqualifies too ("is or was a member").
    pub former: bool,
}

/// A ground on which charges may be filed ("misappropriation of union funds"), as the
/// statute words it; a `charges_filed` names its grounds in the same words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ground(String);

impl Ground {
    /// A ground from its words (never empty: the reader refuses an empty one).
    pub(super) fn new(words: String) -> Ground {
        Ground(words)
    }

    /// The words the statute and the record use.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Ground {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A disciplinary act that may need a hearing first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hearable {
    /// An expulsion (`member_expelled`).
    Expulsion,
    /// A suspension (`member_suspended`).
    Suspension,
    /// A removal from an organ or post (`seat_vacated`, `post_vacated` with a removal).
    Removal,
    /// A penalty of the statute's own (`member_disciplined`), by its id.
    Penalty(Key),
}

impl Hearable {
    /// The word the statute writes (`expulsion`, or the penalty's id).
    pub fn as_str(&self) -> &str {
        match self {
            Hearable::Expulsion => "expulsion",
            Hearable::Suspension => "suspension",
            Hearable::Removal => "removal",
            Hearable::Penalty(id) => id.as_str(),
        }
    }
}

/// "The Member ... shall be allowed to respond in their own defense before the Board":
/// the acts that need a hearing of the person (`person_heard`), and before which organ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hearing {
    /// The acts, never empty.
    pub acts: Vec<Hearable>,
    /// The organ the person is heard before, if the statute names one.
    pub before: Option<Key>,
}

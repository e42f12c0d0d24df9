//! Penalties a statute declares beyond the built-in acts (`[[version.penalty]]`):
//! warnings, reprimands, a transfer back to candidate membership, a bar from office.
//! Discipline rules name them by id (`act = "severe-reprimand"`), and
//! `member_disciplined` events impose them.

use super::{Act, DisciplineRule, Period, Version};
use crate::id::Key;

/// A penalty of the statute's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PenaltyDef {
    /// Its id, as discipline rules and events write it.
    pub id: Key,
    /// Its name, as findings write it ("severe reprimand with entry in the record card").
    pub name: String,
    /// What it does to the member's standing, if anything.
    pub effect: Option<PenaltyEffect>,
    /// The longest it may last (an event's `until` beyond it is a finding).
    pub longest: Option<Period>,
    /// The article.
    pub article: Option<String>,
}

/// What a penalty does to the member's standing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PenaltyEffect {
    /// A full member becomes a candidate member again ("probation within the
    /// organization"): the membership continues as a candidacy, and the probation
    /// applies to it as to any other.
    Candidate,
    /// Barred from holding office for its duration (`until`, else `longest`, else
    /// for good): an election or appointment meanwhile is `ineligible-holder`.
    BarredFromOffice,
}

impl PenaltyEffect {
    /// The word the statute writes.
    pub fn as_str(self) -> &'static str {
        match self {
            PenaltyEffect::Candidate => "candidate",
            PenaltyEffect::BarredFromOffice => "barred-from-office",
        }
    }
}

impl std::str::FromStr for PenaltyEffect {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "candidate" => Ok(PenaltyEffect::Candidate),
            "barred-from-office" => Ok(PenaltyEffect::BarredFromOffice),
            other => Err(format!(
                "unknown effect `{other}`; expected `candidate` (transfer to candidate membership) or `barred-from-office`"
            )),
        }
    }
}

impl Version {
    /// The penalty with this id.
    pub fn penalty(&self, id: &Key) -> Option<&PenaltyDef> {
        self.penalties.iter().find(|p| &p.id == id)
    }

    /// The discipline rules that say who imposes a penalty.
    pub fn penalty_rules(&self, id: &Key) -> Vec<&DisciplineRule> {
        self.discipline
            .iter()
            .filter(|d| d.act == Act::Penalty && d.penalty.as_ref() == Some(id))
            .collect()
    }
}

impl DisciplineRule {
    /// The act as the statute writes it: a built-in act, or the penalty's id.
    pub fn act_name(&self) -> &str {
        match &self.penalty {
            Some(p) => p.as_str(),
            None => self.act.as_str(),
        }
    }
}

/// A penalty in words, for `plenum statute check`, with the rules that check it.
pub(super) fn clause(penalty: &PenaltyDef) -> (String, &'static str) {
    let effect = match penalty.effect {
        Some(PenaltyEffect::Candidate) => ", which makes a full member a candidate again",
        Some(PenaltyEffect::BarredFromOffice) => ", which bars from office",
        None => "",
    };
    let longest = penalty
        .longest
        .map_or_else(String::new, |l| format!(", for at most {l}"));
    let checked = match (penalty.longest, penalty.effect) {
        (Some(_), Some(PenaltyEffect::BarredFromOffice)) => {
            "no-competent-decision, majority-not-met, unknown-penalty, status-too-long, ineligible-holder"
        }
        (None, Some(PenaltyEffect::BarredFromOffice)) => {
            "no-competent-decision, majority-not-met, unknown-penalty, ineligible-holder"
        }
        (Some(_), _) => "no-competent-decision, majority-not-met, unknown-penalty, status-too-long",
        (None, _) => "no-competent-decision, majority-not-met, unknown-penalty",
    };
    (
        format!(
            "penalty `{}` ({}){effect}{longest}",
            penalty.id, penalty.name
        ),
        checked,
    )
}

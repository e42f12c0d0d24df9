//! What a poll asks and what a ballot may answer: a motion (for, against, abstain; a
//! weighted delegate may split its weight where the poll allows) or an election (a
//! ranking of the candidates, read by the poll's counting method).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// What a poll asks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Question {
    /// A motion: for, against or abstain.
    Motion {
        /// Whether a delegate with a weight above 1 may split it between answers.
        #[serde(default)]
        split: bool,
    },
    /// An election: a ranking of the candidates.
    Election {
        /// The candidates (person ids), in ballot order.
        candidates: Vec<String>,
        /// The counting method (a `plenum count` method name).
        method: String,
        /// Seats to fill.
        seats: u32,
    },
}

/// An answer to a motion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Choice {
    /// In favour.
    For,
    /// Against.
    Against,
    /// Abstaining.
    Abstain,
}

impl Choice {
    /// Every answer, in the order the urn numbers them (1, 2, 3).
    pub const ALL: [Choice; 3] = [Choice::For, Choice::Against, Choice::Abstain];

    /// Its name, as ballots write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::For => "for",
            Choice::Against => "against",
            Choice::Abstain => "abstain",
        }
    }

    fn of(text: &str) -> Option<Choice> {
        Choice::ALL.into_iter().find(|c| c.as_str() == text)
    }

    /// Its number in the published urn (1-based).
    pub fn number(self) -> usize {
        self as usize + 1
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A ballot as a voter sends it (JSON): exactly one of `choice`, `split` or `ranking`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WireBallot {
    /// A motion's answer, with the voter's whole weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<Choice>,
    /// A motion's answers, splitting the voter's weight (`{"for": 3, "against": 2}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<BTreeMap<String, u64>>))]
    pub split: Option<BTreeMap<Choice, u64>>,
    /// An election's ranking: candidate ids, most preferred first (empty: a blank ballot).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<String>>,
}

/// A valid ballot of a poll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ballot {
    /// A motion's answers, each with its part of the weight (one part unless split).
    Motion(Vec<(Choice, u64)>),
    /// An election's ranking: 0-based candidate numbers, most preferred first.
    Ranking(Vec<usize>),
}

/// Why a ballot is not valid for its poll.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BallotError {
    /// Not exactly one of `choice`, `split`, `ranking`.
    #[error("a ballot gives exactly one of `choice`, `split` (motions) or `ranking` (elections)")]
    Shape,
    /// An answer of the wrong kind of poll.
    #[error("this poll is {expected}: {found} does not answer it")]
    WrongKind {
        /// What the poll asks.
        expected: &'static str,
        /// What the ballot gave.
        found: &'static str,
    },
    /// Splitting where the poll does not allow it.
    #[error("this poll does not let a delegation split its votes")]
    SplitNotAllowed,
    /// The parts of a split do not add up to the voter's weight.
    #[error("the split gives {given} votes, but the voter carries {weight}")]
    SplitSum {
        /// The sum of the parts.
        given: u64,
        /// The weight.
        weight: u64,
    },
    /// A part of zero.
    #[error("a split part is 0: leave the answer out instead")]
    ZeroPart,
    /// A candidate that does not stand.
    #[error("`{0}` is not a candidate of this election")]
    NotCandidate(String),
    /// A candidate ranked twice.
    #[error("`{0}` is ranked twice")]
    RankedTwice(String),
    /// A stored ballot that does not read back.
    #[error("the stored ballot `{0}` is not a ballot of this poll")]
    Stored(String),
}

impl Ballot {
    /// The ballot `wire` says, for a voter of `weight` in a poll asking `question`.
    pub fn from_wire(
        wire: &WireBallot,
        question: &Question,
        weight: u64,
    ) -> Result<Ballot, BallotError> {
        let given = [
            wire.choice.is_some(),
            wire.split.is_some(),
            wire.ranking.is_some(),
        ];
        if given.iter().filter(|g| **g).count() != 1 {
            return Err(BallotError::Shape);
        }
        match question {
            Question::Motion { split } => {
                if wire.ranking.is_some() {
                    return Err(BallotError::WrongKind {
                        expected: "a motion",
                        found: "a ranking",
                    });
                }
                if let Some(choice) = wire.choice {
                    return Ok(Ballot::Motion(vec![(choice, weight)]));
                }
                let parts = wire.split.clone().unwrap_or_default();
                if !split {
                    return Err(BallotError::SplitNotAllowed);
                }
                motion_parts(parts.into_iter().collect(), weight)
            }
            Question::Election { candidates, .. } => {
                let Some(ranking) = &wire.ranking else {
                    return Err(BallotError::WrongKind {
                        expected: "an election",
                        found: "a motion's answer",
                    });
                };
                let mut numbers = Vec::with_capacity(ranking.len());
                for id in ranking {
                    let n = candidates
                        .iter()
                        .position(|c| c == id)
                        .ok_or_else(|| BallotError::NotCandidate(id.clone()))?;
                    if numbers.contains(&n) {
                        return Err(BallotError::RankedTwice(id.clone()));
                    }
                    numbers.push(n);
                }
                Ok(Ballot::Ranking(numbers))
            }
        }
    }

    /// The ballot as the urn keeps it: `for:3 against:2`, or candidate numbers from 1
    /// (`2 1 3`; empty for a blank ballot).
    pub fn to_text(&self) -> String {
        match self {
            Ballot::Motion(parts) => parts
                .iter()
                .map(|(c, w)| format!("{c}:{w}"))
                .collect::<Vec<_>>()
                .join(" "),
            Ballot::Ranking(numbers) => numbers
                .iter()
                .map(|n| (n + 1).to_string())
                .collect::<Vec<_>>()
                .join(" "),
        }
    }

    /// Reads back a ballot the urn keeps, for a voter of `weight`.
    pub fn from_text(text: &str, question: &Question, weight: u64) -> Result<Ballot, BallotError> {
        let stored = || BallotError::Stored(text.to_owned());
        match question {
            Question::Motion { .. } => {
                let mut parts = Vec::new();
                for part in text.split_whitespace() {
                    let (choice, w) = part.split_once(':').ok_or_else(stored)?;
                    let choice = Choice::of(choice).ok_or_else(stored)?;
                    parts.push((choice, w.parse::<u64>().map_err(|_| stored())?));
                }
                motion_parts(parts, weight).map_err(|_| stored())
            }
            Question::Election { candidates, .. } => {
                let mut numbers = Vec::new();
                for n in text.split_whitespace() {
                    let n = n.parse::<usize>().map_err(|_| stored())?;
                    if n == 0 || n > candidates.len() || numbers.contains(&(n - 1)) {
                        return Err(stored());
                    }
                    numbers.push(n - 1);
                }
                Ok(Ballot::Ranking(numbers))
            }
        }
    }
}

/// Split parts, checked: no zero part, no answer twice, summing to the weight; in the
/// order for, against, abstain.
fn motion_parts(mut parts: Vec<(Choice, u64)>, weight: u64) -> Result<Ballot, BallotError> {
    parts.sort();
    if parts.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(BallotError::Shape);
    }
    if parts.iter().any(|(_, w)| *w == 0) {
        return Err(BallotError::ZeroPart);
    }
    let given = parts
        .iter()
        .try_fold(0u64, |sum, (_, w)| sum.checked_add(*w))
        .unwrap_or(u64::MAX);
    if given != weight {
        return Err(BallotError::SplitSum { given, weight });
    }
    Ok(Ballot::Motion(parts))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn election() -> Question {
        Question::Election {
            candidates: vec!["ann".into(), "bob".into(), "cy".into()],
            method: "meek".into(),
            seats: 2,
        }
    }

    #[test]
    fn a_ranking_reads_back_from_its_text() {
        let wire = WireBallot {
            ranking: Some(vec!["cy".into(), "ann".into()]),
            ..WireBallot::default()
        };
        let ballot = Ballot::from_wire(&wire, &election(), 1).unwrap();
        assert_eq!(ballot, Ballot::Ranking(vec![2, 0]));
        assert_eq!(ballot.to_text(), "3 1");
        assert_eq!(Ballot::from_text("3 1", &election(), 1).unwrap(), ballot);
    }

    #[test]
    fn bad_rankings_are_refused_with_the_candidate() {
        let wire = |r: &[&str]| WireBallot {
            ranking: Some(r.iter().map(|s| (*s).to_owned()).collect()),
            ..WireBallot::default()
        };
        assert_eq!(
            Ballot::from_wire(&wire(&["ann", "zed"]), &election(), 1),
            Err(BallotError::NotCandidate("zed".into()))
        );
        assert_eq!(
            Ballot::from_wire(&wire(&["ann", "ann"]), &election(), 1),
            Err(BallotError::RankedTwice("ann".into()))
        );
        assert!(Ballot::from_text("1 1", &election(), 1).is_err());
        assert!(Ballot::from_text("4", &election(), 1).is_err());
    }

    #[test]
    fn a_split_must_be_allowed_and_add_up_to_the_weight() {
        let split = |parts: &[(Choice, u64)]| WireBallot {
            split: Some(parts.iter().copied().collect()),
            ..WireBallot::default()
        };
        let open = Question::Motion { split: true };
        let shut = Question::Motion { split: false };
        let ok = split(&[(Choice::For, 3), (Choice::Against, 2)]);
        let ballot = Ballot::from_wire(&ok, &open, 5).unwrap();
        assert_eq!(ballot.to_text(), "for:3 against:2");
        assert_eq!(
            Ballot::from_text("for:3 against:2", &open, 5).unwrap(),
            ballot
        );
        assert_eq!(
            Ballot::from_wire(&ok, &shut, 5),
            Err(BallotError::SplitNotAllowed)
        );
        assert_eq!(
            Ballot::from_wire(&ok, &open, 6),
            Err(BallotError::SplitSum {
                given: 5,
                weight: 6
            })
        );
        assert_eq!(
            Ballot::from_wire(&split(&[(Choice::For, 0), (Choice::Against, 5)]), &open, 5),
            Err(BallotError::ZeroPart)
        );
        assert!(Ballot::from_text("for:3 against:2", &open, 6).is_err());
    }

    #[test]
    fn a_ballot_gives_exactly_one_answer() {
        let both = WireBallot {
            choice: Some(Choice::For),
            ranking: Some(vec![]),
            ..WireBallot::default()
        };
        let motion = Question::Motion { split: false };
        assert_eq!(
            Ballot::from_wire(&both, &motion, 1),
            Err(BallotError::Shape)
        );
        assert_eq!(
            Ballot::from_wire(&WireBallot::default(), &motion, 1),
            Err(BallotError::Shape)
        );
        let ranking = WireBallot {
            ranking: Some(vec![]),
            ..WireBallot::default()
        };
        assert!(matches!(
            Ballot::from_wire(&ranking, &motion, 1),
            Err(BallotError::WrongKind { .. })
        ));
    }
}

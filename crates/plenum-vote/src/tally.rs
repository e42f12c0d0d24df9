//! The count of a closed poll, read from its published urn, so that whoever downloads
//! the urn and runs `plenum count` on it gets the same figures.
//!
//! A motion's first preferences are its votes for, against and abstaining; it is carried
//! when the votes for meet the statute's majority over its base (the votes cast for and
//! against, those present, or all members). An election is counted by its method.

use plenum_count::{CandidateId, Method, Options, format};
use plenum_model::statute::{Base, Majority, Share, Threshold};
use serde::Serialize;

use crate::ballot::{Choice, Question};

/// Why a closed poll could not be counted.
#[derive(Debug, thiserror::Error)]
pub enum CountError {
    /// The published urn does not read as BLT (a bug: it was written here).
    #[error("the published urn does not read back: {0}")]
    Urn(String),
    /// The method is unknown.
    #[error("{0}")]
    Method(String),
    /// The method could not count this election.
    #[error("the count failed: {0}")]
    Count(String),
}

/// A motion's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MotionResult {
    /// Votes for (weighted).
    #[serde(rename = "for")]
    pub in_favour: u64,
    /// Votes against.
    pub against: u64,
    /// Abstentions.
    pub abstain: u64,
    /// The majority applied, in words ("more than 1/2 of the votes cast").
    pub rule: String,
    /// The base it was counted against.
    pub base: u64,
    /// The fewest votes for that carry it.
    pub needed: u64,
    /// Whether it was carried.
    pub carried: bool,
}

/// An election's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ElectionResult {
    /// The method.
    pub method: String,
    /// The elected (person ids), in order of election.
    pub elected: Vec<String>,
    /// First preferences of each candidate (weighted), in ballot order.
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<Vec<serde_json::Value>>))]
    pub first_preferences: Vec<(String, u64)>,
    /// The stage-by-stage report `plenum count --json` prints.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub report: serde_json::Value,
}

/// A closed poll's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PollResult {
    /// A motion's.
    Motion(MotionResult),
    /// An election's.
    Election(ElectionResult),
}

/// What a motion's majority is counted against, besides the votes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bases {
    /// The weight of the delegates present when the poll closed.
    pub present: u64,
    /// The weight of all delegates entitled to vote.
    pub members: u64,
    /// The weight a quorum needs (the organ's quorum of `members`; 0 where it sets none).
    pub quorum: u64,
}

/// The majority where the statute sets none: more than half of the votes cast.
pub fn simple_majority() -> Majority {
    Majority {
        threshold: Threshold::MoreThan(Share::HALF),
        base: Base::Votes,
        excluding: None,
    }
}

/// Counts the poll asking `question` from its `published` urn.
pub fn count(
    question: &Question,
    published: &str,
    majority: Majority,
    bases: Bases,
) -> Result<PollResult, CountError> {
    let election = format::read(published.as_bytes(), Some(format::Format::Blt))
        .map_err(|e| CountError::Urn(e.to_string()))?;
    let mut first = vec![0u64; election.candidates().len()];
    for ballot in election.ballots() {
        if let Some(rank) = ballot.ranks().next()
            && let [only] = rank.candidates().collect::<Vec<CandidateId>>()[..]
        {
            first[only.index()] += ballot.weight();
        }
    }
    match question {
        Question::Motion { .. } => {
            let votes = |c: Choice| first.get(c.number() - 1).copied().unwrap_or(0);
            let (in_favour, against, abstain) = (
                votes(Choice::For),
                votes(Choice::Against),
                votes(Choice::Abstain),
            );
            let base = match majority.base {
                Base::Votes => in_favour + against,
                Base::Present => bases.present,
                // Delegates are the members entitled to vote: those in good standing.
                Base::Members | Base::MembersInGoodStanding => bases.members,
                Base::Quorum => bases.quorum,
            };
            Ok(PollResult::Motion(MotionResult {
                in_favour,
                against,
                abstain,
                rule: format!("{} {}", majority.threshold, majority.base),
                base,
                needed: majority.threshold.minimum(base),
                carried: majority.threshold.is_met(in_favour, base),
            }))
        }
        Question::Election {
            candidates,
            method,
            seats,
        } => {
            let method: Method = method
                .parse()
                .map_err(|e: plenum_count::UnknownMethod| CountError::Method(e.to_string()))?;
            let options = Options {
                seats: (!method.is_single_winner()).then_some(*seats as usize),
                ..Options::default()
            };
            let outcome = plenum_count::count(&election, method, &options)
                .map_err(|e| CountError::Count(e.to_string()))?;
            let name = |c: CandidateId| election.candidate(c).name().to_owned();
            Ok(PollResult::Election(ElectionResult {
                method: method.name().to_owned(),
                elected: outcome.elected.iter().map(|&c| name(c)).collect(),
                first_preferences: candidates.iter().cloned().zip(first).collect(),
                report: plenum_count::report::json::json(&election, &outcome),
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::urn::publish;
    use crate::urn::tests::row;

    #[test]
    fn a_motion_counts_weights_and_splits_against_the_majority() {
        let q = Question::Motion { split: true };
        let urn = publish(
            &q,
            "m",
            &[
                row("a", 5, "for:3 against:2"),
                row("b", 1, "for:1"),
                row("c", 1, "abstain:1"),
                row("d", 2, "against:2"),
            ],
        )
        .unwrap();
        let PollResult::Motion(simple) =
            count(&q, &urn, simple_majority(), Bases::default()).unwrap()
        else {
            panic!("a motion")
        };
        assert_eq!(
            (simple.in_favour, simple.against, simple.abstain),
            (4, 4, 1)
        );
        assert!(!simple.carried, "4 to 4 is not more than half");
        assert_eq!(simple.needed, 5);
        let two_thirds_present = Majority {
            threshold: Threshold::AtLeast("1/3".parse().unwrap()),
            base: Base::Present,
            excluding: None,
        };
        let bases = Bases {
            present: 12,
            members: 20,
            quorum: 11,
        };
        let PollResult::Motion(third) = count(&q, &urn, two_thirds_present, bases).unwrap() else {
            panic!("a motion")
        };
        assert_eq!((third.base, third.needed, third.carried), (12, 4, true));
    }

    #[test]
    fn an_election_is_counted_by_its_method() {
        let q = Question::Election {
            candidates: vec!["ann".into(), "bob".into(), "cy".into()],
            method: "irv".into(),
            seats: 1,
        };
        // Cy is out first; his ballot goes to Bob, who then beats Ann 3 to 2.
        let urn = publish(
            &q,
            "chair",
            &[row("1", 2, "1"), row("2", 2, "2"), row("3", 1, "3 2")],
        )
        .unwrap();
        let PollResult::Election(result) =
            count(&q, &urn, simple_majority(), Bases::default()).unwrap()
        else {
            panic!("an election")
        };
        assert_eq!(result.elected, ["bob"]);
        assert_eq!(
            result.first_preferences,
            [("ann".into(), 2), ("bob".into(), 2), ("cy".into(), 1)]
        );
        assert!(result.report.get("stages").is_some());
    }
}

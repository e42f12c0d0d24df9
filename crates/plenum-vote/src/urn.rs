//! The urn as it is published when a poll closes: a BLT ballot file, each ballot labelled
//! with its tracker, in tracker order (random, so it says nothing of arrival), and the
//! BLAKE3 digest of exactly those bytes, which the ledger records.
//!
//! `plenum count urn.blt --method M --seats S` recounts it. A motion's urn names three
//! candidates, `for`, `against` and `abstain`; a split ballot is one line per part, under
//! the same tracker.

use std::fmt::Write as _;

use crate::ballot::{Ballot, BallotError, Choice, Question};

/// One ballot of the urn: no voter, no time, no order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrnRow {
    /// The random tracker its voter was shown once.
    pub tracker: String,
    /// The voter's weight.
    pub weight: u64,
    /// The ballot, as [`Ballot::to_text`] writes it.
    pub ballot: String,
}

/// The published urn of a poll asking `question`: BLT text. Rows are written in tracker
/// order whatever order they come in; a row whose ballot does not read back is an error.
pub fn publish(question: &Question, title: &str, rows: &[UrnRow]) -> Result<String, BallotError> {
    let mut sorted: Vec<&UrnRow> = rows.iter().collect();
    sorted.sort_by(|a, b| a.tracker.cmp(&b.tracker));
    let (names, seats): (Vec<&str>, u32) = match question {
        Question::Motion { .. } => (Choice::ALL.iter().map(|c| c.as_str()).collect(), 1),
        Question::Election {
            candidates, seats, ..
        } => (candidates.iter().map(String::as_str).collect(), *seats),
    };
    let mut out = format!("{} {seats}\n", names.len());
    for row in sorted {
        let label = clean(&row.tracker, ')');
        match Ballot::from_text(&row.ballot, question, row.weight)? {
            Ballot::Motion(parts) => {
                for (choice, weight) in parts {
                    let _ = writeln!(out, "({label}) {weight} {} 0", choice.number());
                }
            }
            Ballot::Ranking(numbers) => {
                let _ = write!(out, "({label}) {}", row.weight);
                for n in numbers {
                    let _ = write!(out, " {}", n + 1);
                }
                out.push_str(" 0\n");
            }
        }
    }
    out.push_str("0\n");
    for name in names {
        let _ = writeln!(out, "\"{}\"", clean(name, '"'));
    }
    let _ = writeln!(out, "\"{}\"", clean(title, '"'));
    Ok(out)
}

/// The BLAKE3 digest of a published urn, as hex.
pub fn digest(published: &str) -> String {
    blake3::hash(published.as_bytes()).to_hex().to_string()
}

/// `text` on one line, without `stop`.
fn clean(text: &str, stop: char) -> String {
    text.chars()
        .map(|c| if c == stop || c.is_control() { '\'' } else { c })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An urn row.
    pub(crate) fn row(tracker: &str, weight: u64, ballot: &str) -> UrnRow {
        UrnRow {
            tracker: tracker.into(),
            weight,
            ballot: ballot.into(),
        }
    }

    #[test]
    fn the_urn_is_in_tracker_order_whatever_the_order_given() {
        let q = Question::Election {
            candidates: vec!["ann".into(), "bob".into()],
            method: "irv".into(),
            seats: 1,
        };
        let a = [row("B-2", 1, "2 1"), row("A-1", 2, "1"), row("C-3", 1, "")];
        let b = [a[2].clone(), a[0].clone(), a[1].clone()];
        let published = publish(&q, "Chair", &a).unwrap();
        assert_eq!(
            published,
            "2 1\n(A-1) 2 1 0\n(B-2) 1 2 1 0\n(C-3) 1 0\n0\n\"ann\"\n\"bob\"\n\"Chair\"\n"
        );
        assert_eq!(publish(&q, "Chair", &b).unwrap(), published);
        assert_eq!(digest(&published).len(), 64);
    }

    #[test]
    fn a_split_motion_ballot_is_one_line_per_part() {
        let q = Question::Motion { split: true };
        let published = publish(&q, "Budget \"2027\"", &[row("T", 5, "for:3 against:2")]).unwrap();
        assert_eq!(
            published,
            "3 1\n(T) 3 1 0\n(T) 2 2 0\n0\n\"for\"\n\"against\"\n\"abstain\"\n\"Budget '2027'\"\n"
        );
    }

    #[test]
    fn a_row_that_does_not_read_back_is_an_error() {
        let q = Question::Motion { split: false };
        assert!(publish(&q, "x", &[row("T", 1, "maybe:1")]).is_err());
    }
}

//! How an organ's elections are counted (`counting = { method = "points" }`:
//! "Directors shall be elected by assigning a number of points to each candidate
//! based on their ranking by each Member voter. ... The N candidates receiving the
//! highest number of points will be elected"). As data only: `read/counting.rs` reads
//! it, `rules/checks/counting.rs` judges an `election_held` of the organ by its
//! `method` (`wrong-method`) and its `tally` (`plurality-not-met`).

/// A counting method whose winners are the candidates with the highest figure in the
/// tally, so that an election's published tally shows whether it was followed. The
/// names are those of `plenum count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountingMethod {
    /// Points by rank: with N seats, N points for a ballot's first choice, N-1 for its
    /// second, ...; the tally gives each candidate's points.
    Points,
    /// The most votes (one seat).
    Plurality,
    /// Block vote: up to one candidate per seat on each ballot.
    Block,
    /// Approval: every candidate a ballot marks gets a vote.
    Approval,
}

impl CountingMethod {
    /// Every method a statute may name here.
    pub const ALL: [CountingMethod; 4] = [
        CountingMethod::Points,
        CountingMethod::Plurality,
        CountingMethod::Block,
        CountingMethod::Approval,
    ];

    /// The name, as `plenum count --method` and `election_held`'s `method` write it.
    pub fn name(self) -> &'static str {
        match self {
            CountingMethod::Points => "points",
            CountingMethod::Plurality => "plurality",
            CountingMethod::Block => "block",
            CountingMethod::Approval => "approval",
        }
    }

    /// What the tally counts: "points" or "votes".
    pub fn unit(self) -> &'static str {
        match self {
            CountingMethod::Points => "points",
            _ => "votes",
        }
    }

    /// Whether an election's recorded `method` names this one (case and `_` aside).
    pub fn is_named(self, recorded: &str) -> bool {
        recorded.trim().to_ascii_lowercase().replace('_', "-") == self.name()
    }

    /// The clause in words, for `plenum statute check`.
    pub fn words(self) -> String {
        match self {
            CountingMethod::Points => "its elections are counted by points by rank (N seats: N points for a ballot's first choice, N-1 for its second, ...), the candidates with the most points elected".to_owned(),
            other => format!(
                "its elections are counted by {}, the candidates with the most votes elected",
                other.name()
            ),
        }
    }
}

//! Who votes in an assembly of all the members (`[version.membership] votes`): a
//! decision there whose recorded votes outnumber the members entitled to vote, by
//! the register, is a finding.

use std::fmt;

/// Which members vote in an assembly of all the members (`membership.votes`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voters {
    /// Full members vote.
    pub full: bool,
    /// Candidate members vote.
    pub candidates: bool,
}

impl fmt::Display for Voters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match (self.full, self.candidates) {
            (true, true) => "full and candidate members",
            (true, false) => "full members",
            (false, true) => "candidate members",
            (false, false) => "no members",
        })
    }
}

//! Constituencies and participants without a vote. Constituencies: the parts of an organization whose delegates elect seats of their
//! own (a union's legislative districts, a party's provincial delegations, a
//! co-operative's member classes), as data; `NonVoting`: posts whose holders attend an
//! organ's meetings with voice but no vote. `read/constituencies.rs` reads them; the
//! record places persons in them (`constituency_assigned`). Never judges an event.

/// `[version.constituencies]`: that the organization is divided into constituencies,
/// and what the statute calls one. Which constituencies exist is the record's: the
/// statute need not list them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Constituencies {
    /// What the statute calls one (`Legislative District`).
    pub name: String,
}

/// An organ's seats by constituency (`constituencies = { ... }` on an organ): at least
/// one of the two is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatsByConstituency {
    /// Each seat is elected by the delegates of one constituency, its holder's: an
    /// election of the organ names the constituency whose delegates voted
    /// (`election_held`'s `constituency`).
    pub elected: bool,
    /// No two holders of its seats may be of the same constituency.
    pub distinct: bool,
}

impl SeatsByConstituency {
    /// The clause in words, with the rules that check it, for `plenum statute check`.
    pub fn words(self, version: &super::Version) -> (String, &'static str) {
        let name = version
            .constituencies
            .as_ref()
            .map_or("constituency", |c| c.rule.name.as_str());
        match (self.elected, self.distinct) {
            (true, true) => (
                format!(
                    "each seat is elected by the delegates of its holder's {name}, and no two holders are of one {name}"
                ),
                "wrong-elector, ineligible-holder",
            ),
            (true, false) => (
                format!("each seat is elected by the delegates of its holder's {name}"),
                "wrong-elector",
            ),
            (false, _) => (
                format!("no two holders are of one {name}"),
                "ineligible-holder",
            ),
        }
    }
}

/// Posts whose holders attend an organ's meetings "with voice, but no vote"
/// (`non_voting = { posts = [...] }` on the organ): never counted among its voting
/// members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonVoting {
    /// The posts, of the same version.
    pub posts: Vec<crate::id::Key>,
}

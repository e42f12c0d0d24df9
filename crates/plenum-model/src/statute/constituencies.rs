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
    /// The regions the statute groups them in (`regions`), if any: "east of the
    /// Mississippi River", "west of it".
    pub regions: Vec<Region>,
}

/// A region: constituencies grouped by the statute (`regions = [{ id, name,
/// constituencies }]` in `[version.constituencies]`), no constituency in two.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// Its id.
    pub id: crate::id::Key,
    /// What the statute calls it ("east of the Mississippi River").
    pub name: String,
    /// The constituencies in it, by the ids the record places persons in.
    pub constituencies: Vec<crate::id::Key>,
}

impl Constituencies {
    /// The region a constituency lies in, if the statute puts it in one.
    pub fn region_of(&self, constituency: &crate::id::Key) -> Option<&Region> {
        self.regions
            .iter()
            .find(|r| r.constituencies.contains(constituency))
    }
}

/// An organ's `regions = { at_least = 3 }`: at least this many of its full seats held
/// by persons of each region ("at least three members ... east of the Mississippi
/// River and at least three ... west").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatsByRegion {
    /// The fewest holders from each region, at least 1.
    pub at_least: u32,
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

//! An organ on which every member sits while the organization is small
//! (`all_members = { while_at_most = 10 }`): "Until such time as there are more than
//! ten Members, all Members of the Cooperative shall serve on the Board of
//! Directors". As data only: `read/all_members.rs` reads it,
//! `rules/checks/all_members.rs` judges it (`seats-under-limit`).

/// While the register counts at most this many full members, each sits on the organ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllMembers {
    /// The most full members the register may count with the clause in force.
    pub while_at_most: u32,
}

impl AllMembers {
    /// Whether the clause binds with `members` full members on the register.
    pub fn binds(self, members: u32) -> bool {
        members > 0 && members <= self.while_at_most
    }

    /// The clause in words, for `plenum statute check`.
    pub fn words(self) -> String {
        format!(
            "while the register counts at most {} full members, every full member sits on it",
            self.while_at_most
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_up_to_its_number_and_not_on_an_empty_register() {
        let rule = AllMembers { while_at_most: 10 };
        assert!(rule.binds(1));
        assert!(rule.binds(10));
        assert!(!rule.binds(11));
        assert!(!rule.binds(0));
    }
}

//! Membership classes a statute declares (`[[version.membership.class]]`): student,
//! full, honorary, associate members, each with whether its members vote and may
//! hold office. `member_admitted` and `membership_class_changed` record a member's
//! class; eligibility may name one (`{ requires = "class", class = "full" }`).

use super::Version;
use crate::id::Key;

/// A class of membership.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberClass {
    /// Its id, as events and eligibility write it.
    pub id: Key,
    /// Its name, as findings write it ("honorary member").
    pub name: String,
    /// Whether its members vote in an assembly of all the members.
    pub votes: bool,
    /// Whether its members may hold office (seats and posts).
    pub may_hold_office: bool,
    /// The article.
    pub article: Option<String>,
}

impl Version {
    /// The membership class with this id.
    pub fn class(&self, id: &Key) -> Option<&MemberClass> {
        self.classes.iter().find(|c| &c.id == id)
    }
}

/// A class in words, for `plenum statute check`, with the rules that check it.
pub(super) fn clause(class: &MemberClass) -> (String, &'static str) {
    let rights = match (class.votes, class.may_hold_office) {
        (true, true) => "who vote and may hold office",
        (true, false) => "who vote but may not hold office",
        (false, true) => "who do not vote but may hold office",
        (false, false) => "who neither vote nor may hold office",
    };
    let checked = if class.votes {
        "ineligible-holder"
    } else {
        "ineligible-holder, majority-not-met"
    };
    (
        format!("membership class `{}` ({}), {rights}", class.id, class.name),
        checked,
    )
}

//! Whom a discipline rule concerns (`target`): "a Central Committee member by the
//! Central Committee, an ordinary member by their primary organization". Judged on
//! the day of the act, by the seats and posts the person then holds.

use super::{DisciplineRule, Key};

/// Whom a discipline rule concerns, when not every member.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// Holders of a seat (full or alternate, or ex officio) on this organ
    /// (`target = { seat = "cc" }`).
    Seat(Key),
    /// Holders of this post (`target = { post = "chairman" }`).
    Post(Key),
    /// An ordinary member: one who holds none of the seats and posts that the other
    /// rules for the same act name (`target = "member"`).
    Member,
}

impl Target {
    /// Whether one person may fall under both targets: two offices may be held
    /// together; an ordinary member holds none of them.
    pub fn may_overlap(&self, other: &Target) -> bool {
        match (self, other) {
            (Target::Member, Target::Member) => true,
            (Target::Member, _) | (_, Target::Member) => false,
            _ => true,
        }
    }
}

impl DisciplineRule {
    /// Whether this rule and `other` concern the same act (the same penalty, from the
    /// same organ or post, on the same ground): rules that compete for the same
    /// decisions. A rule scoped by a ground adds to the others for acts on it.
    pub fn same_act(&self, other: &DisciplineRule) -> bool {
        self.act == other.act
            && self.penalty == other.penalty
            && self.from == other.from
            && self.ground == other.ground
    }

    /// Whether the two rules say the same of an organ they share: the same
    /// majority, longest and confirmation (then a person under both is judged alike).
    pub fn same_terms(&self, other: &DisciplineRule) -> bool {
        self.majority == other.majority
            && self.longest == other.longest
            && self.confirmed_by == other.confirmed_by
    }
}

/// The rules of `rules` (all for one act) that concern a person who holds the seats
/// (`on`) and posts (`holds`) given: every rule without a target, those whose
/// office the person holds, and the `member` rule where they hold none of the
/// offices the targeted rules name.
pub fn concerning<'a>(
    rules: &[&'a DisciplineRule],
    on: impl Fn(&Key) -> bool,
    holds: impl Fn(&Key) -> bool,
) -> Vec<&'a DisciplineRule> {
    let office_held = |t: &Target| match t {
        Target::Seat(k) => on(k),
        Target::Post(k) => holds(k),
        Target::Member => false,
    };
    let ordinary = !rules
        .iter()
        .filter_map(|r| r.target.as_ref())
        .any(office_held);
    rules
        .iter()
        .copied()
        .filter(|r| match &r.target {
            None => true,
            Some(Target::Member) => ordinary,
            Some(t) => office_held(t),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statute::Act;

    fn rule(target: Option<Target>, by: &str) -> DisciplineRule {
        DisciplineRule {
            referral: None,
            act: Act::Expulsion,
            penalty: None,
            from: None,
            target,
            by: vec![Key::new(by).unwrap()],
            by_parent: Vec::new(),
            ground: None,
            majority: None,
            longest: None,
            confirmed_by: None,
            while_members_exceed: None,
            only_if_ineligible: false,
            article: None,
        }
    }

    #[test]
    fn the_rule_follows_the_offices_held() {
        let cc = Key::new("cc").unwrap();
        let rules = [
            rule(Some(Target::Seat(cc.clone())), "cc"),
            rule(Some(Target::Member), "primary"),
        ];
        let refs: Vec<&DisciplineRule> = rules.iter().collect();
        let on_cc = concerning(&refs, |k| *k == cc, |_| false);
        assert_eq!(on_cc.len(), 1);
        assert_eq!(on_cc[0].by[0].as_str(), "cc");
        let ordinary = concerning(&refs, |_| false, |_| false);
        assert_eq!(ordinary.len(), 1);
        assert_eq!(ordinary[0].by[0].as_str(), "primary");
    }

    #[test]
    fn an_ordinary_member_and_an_office_never_overlap() {
        let cc = Target::Seat(Key::new("cc").unwrap());
        let chair = Target::Post(Key::new("chair").unwrap());
        assert!(!Target::Member.may_overlap(&cc));
        assert!(cc.may_overlap(&chair));
        assert!(Target::Member.may_overlap(&Target::Member));
    }
}

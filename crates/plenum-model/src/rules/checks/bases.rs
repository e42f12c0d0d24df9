//! Majorities counted against a base the register decides beyond the members:
//! the members in good standing (`of = "members-in-good-standing"`) and the quorum
//! (`of = "quorum"`, "a majority of the quorum").

use crate::date::FuzzyDate;
use crate::event::Role;
use crate::id::OrganRef;
use crate::rows::MemberStatus;
use crate::statute::Base;

use super::Ctx;

impl Ctx<'_, '_> {
    /// The base of a majority `of` the members in good standing or `of` the quorum,
    /// on `date`; `entitled` is the meeting's own figure, if the record gives one.
    /// `None` where the record cannot tell: then the majority is not judged.
    pub(super) fn dynamic_base(
        &self,
        base: Base,
        organ: &OrganRef,
        entitled: Option<u32>,
        date: &FuzzyDate,
    ) -> Option<u64> {
        match base {
            // The organ's quorum of its members: the record's figure, else the register's.
            Base::Quorum => {
                let def = self.version(&organ.org, date)?.organ(&organ.key)?;
                let quorum = def.quorum.as_ref()?;
                let members = entitled.or_else(|| self.entitled_base(organ, date))?;
                Some(quorum.rule.minimum(u64::from(members)))
            }
            // The register's members without the seat holders it shows suspended (an
            // assembly of all members counts full members, never suspended ones);
            // where the register is silent, the record's figure.
            Base::MembersInGoodStanding => match self.entitled_base(organ, date) {
                Some(members) => {
                    let suspended = self
                        .history
                        .open_seats_on(organ)
                        .into_iter()
                        .filter(|s| s.role == Role::Full)
                        .filter(|s| {
                            self.history
                                .membership(&s.person, &organ.org)
                                .is_some_and(|m| m.status == MemberStatus::Suspended)
                        })
                        .count();
                    let suspended = u32::try_from(suspended).unwrap_or(u32::MAX);
                    Some(u64::from(members.saturating_sub(suspended)))
                }
                None => entitled.map(u64::from),
            },
            Base::Votes | Base::Present | Base::Members => None,
        }
    }
}

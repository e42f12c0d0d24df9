//! An organ on which every member sits while the organization is small
//! (`all_members = { while_at_most = 10 }`), judged at each of its meetings held:
//! while the register counts at most that many full members, a full member who
//! holds no full seat on it (nor sits on it by office) is `seats-under-limit`, the
//! organ meeting without them. Not judged where the organization keeps no register.
//! It reads only the register and the organ's seats on the day.

use crate::date::Truth;
use crate::event::Role;
use crate::id::{MeetingId, OrganRef};
use crate::rows::MemberStatus;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A `meeting_held` of `organ` (or of the meeting's organ, where the event names none).
    pub(super) fn check_all_members(
        &self,
        meeting: &MeetingId,
        organ: Option<&OrganRef>,
        out: &mut Out<'_>,
    ) {
        let Some(organ) = organ
            .cloned()
            .or_else(|| self.history.meeting(meeting).and_then(|m| m.organ))
        else {
            return;
        };
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        let Some(Cited { rule, article }) = version
            .organ(&organ.key)
            .and_then(|d| d.all_members.as_ref())
        else {
            return;
        };
        if !self.history.keeps_register(&organ.org) {
            return;
        }
        let members: Vec<_> = self
            .history
            .open_memberships_in(&organ.org)
            .into_iter()
            .filter(|m| m.status == MemberStatus::Full)
            .collect();
        let count = u32::try_from(members.len()).unwrap_or(u32::MAX);
        if !rule.binds(count) {
            return;
        }
        let missing: Vec<String> = members
            .iter()
            .filter(|m| {
                !(self.history.holds_seat(&m.person, &organ, Some(Role::Full))
                    || self.holds_ex_officio(&m.person, &organ, &date))
            })
            .map(|m| self.person(&m.person))
            .collect();
        if missing.is_empty() {
            return;
        }
        out.push(
            Rule::SeatsUnderLimit,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{} met while {} counts {count} full members, but {} {} no seat on it; the statute puts every member on it while there are at most {}",
                self.organ_name(&organ),
                self.org_name(&organ.org),
                missing.join(", "),
                if missing.len() == 1 { "holds" } else { "hold" },
                rule.while_at_most
            ),
        );
    }
}

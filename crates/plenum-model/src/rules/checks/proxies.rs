//! Voting by proxy (`voting = { proxies = N }`: "There shall be no voting by proxy"):
//! a decision (`motion_decided`) or an election (`election_held`) whose record counts
//! the votes cast by proxy (`by_proxy`) beyond what the deciding organ's `proxies`
//! allows, none where it is 0 and otherwise `N` for each member present, is
//! `proxy-vote` citing `voting`. Not judged where the record gives no count, or (for
//! `N` above 0) no count of those present. Live meetings apply the same clause to
//! each delegate's proxies (`plenum serve`). It reads only the event and its meeting.

use crate::date::{FuzzyDate, Truth};
use crate::id::{MeetingId, OrganRef};
use crate::statute::{Cited, Version, Voting};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// The organ that held a poll, the version in force and the organ's `voting` clause.
pub(super) struct Voted<'v> {
    pub(super) organ: OrganRef,
    pub(super) version: &'v Version,
    pub(super) clause: &'v Cited<Voting>,
}

impl Ctx<'_, '_> {
    /// The `voting` clause of the organ that held a poll (the one the event names,
    /// else its meeting's), in the version in force on `date`, where it has one.
    pub(super) fn voting_clause(
        &self,
        organ: Option<&OrganRef>,
        meeting: Option<&MeetingId>,
        date: &FuzzyDate,
    ) -> Option<Voted<'_>> {
        let organ = organ.cloned().or_else(|| {
            meeting
                .and_then(|m| self.history.meeting(m))
                .and_then(|m| m.organ.clone())
        })?;
        let version = self.version(&organ.org, date)?;
        let clause = version.organ(&organ.key)?.voting.as_ref()?;
        Some(Voted {
            organ,
            version,
            clause,
        })
    }

    /// `what` names the act in the finding ("a decision", "an election").
    pub(super) fn check_proxies(
        &self,
        organ: Option<&OrganRef>,
        meeting: Option<&MeetingId>,
        present: Option<u32>,
        by_proxy: Option<u32>,
        what: &str,
        out: &mut Out<'_>,
    ) {
        let Some(by_proxy) = by_proxy.filter(|n| *n > 0) else {
            return;
        };
        let state = meeting.and_then(|m| self.history.meeting(m));
        let Some(Voted {
            organ,
            version,
            clause: Cited {
                rule: voting,
                article,
            },
        }) = self.voting_clause(organ, meeting, &out.event.date)
        else {
            return;
        };
        let Some(most) = voting.proxies else {
            return;
        };
        let name = self.organ_name(&organ);
        let votes = if by_proxy == 1 { "vote" } else { "votes" };
        let message = if most == 0 {
            format!(
                "{what} of {name} counted {by_proxy} {votes} cast by proxy; the statute allows no voting by proxy"
            )
        } else {
            let Some(present) = present.or_else(|| state.as_ref().and_then(|m| m.present)) else {
                return;
            };
            let allowed = u64::from(present).saturating_mul(u64::from(most));
            if u64::from(by_proxy) <= allowed {
                return;
            }
            format!(
                "{what} of {name} counted {by_proxy} {votes} cast by proxy with {present} present; the statute lets a member hold at most {most}, {allowed} in all"
            )
        };
        out.push(
            Rule::ProxyVote,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            message,
        );
    }
}

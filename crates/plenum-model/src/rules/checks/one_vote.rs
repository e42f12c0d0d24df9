//! One vote for each member (an organ's `one_vote`): a decision of the organ whose
//! recorded votes (for, against and abstaining) outnumber the members present, or
//! failing a count of them those entitled, is `majority-not-met` citing that clause,
//! whatever its outcome; a decision of a category the clause excepts (weighted votes)
//! is not judged. It reads only the decision and its meeting.

use crate::date::Truth;
use crate::event::kinds::MotionDecided;
use crate::statute::{Cited, OneVote, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The organ's `one_vote`, where it binds a decision of `category`.
    pub(super) fn one_vote_of<'v>(
        version: &'v Version,
        organ: &crate::id::OrganRef,
        category: &str,
    ) -> Option<&'v Cited<OneVote>> {
        version
            .organ(&organ.key)?
            .one_vote
            .as_ref()
            .filter(|o| o.rule.binds(category))
    }

    pub(super) fn check_one_vote(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let Some(votes) = b.votes else {
            return;
        };
        let meeting = b.meeting.as_ref().and_then(|m| self.history.meeting(m));
        let Some(organ) = b
            .organ
            .clone()
            .or_else(|| meeting.as_ref().and_then(|m| m.organ.clone()))
        else {
            return;
        };
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        let category = b.category.as_deref().unwrap_or("default");
        let Some(Cited { article, .. }) = Self::one_vote_of(version, &organ, category) else {
            return;
        };
        let cast = votes
            .in_favour
            .checked_add(votes.against)
            .and_then(|n| n.checked_add(votes.abstain));
        let present = b
            .present
            .or_else(|| meeting.as_ref().and_then(|m| m.present));
        let entitled = meeting.as_ref().and_then(|m| m.entitled);
        let too_many = match (cast, present, entitled) {
            (None, _, _) => "more votes than any count".to_owned(),
            (Some(cast), Some(p), _) if cast > u64::from(p) => {
                format!("{cast} votes from {p} members present")
            }
            (Some(cast), None, Some(e)) if cast > u64::from(e) => {
                format!("{cast} votes from {e} members entitled to vote")
            }
            _ => return,
        };
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the record gives {too_many} of {} ({} for, {} against, {} abstaining): each member has one vote",
                self.organ_name(&organ),
                votes.in_favour,
                votes.against,
                votes.abstain
            ),
        );
    }
}

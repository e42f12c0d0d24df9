//! Participants without a vote (an organ's `non_voting` posts): a decision at the
//! organ's meeting whose recorded votes outnumber its voting members (the register's
//! base: full seats, members by office and by composition), on a day a post whose
//! holder attends "with voice, but no vote" is held, is `majority-not-met` citing that
//! clause. Judged only where the meeting states no `entitled` (compared already) and
//! the register gives the base; it reads the organ's seats and the posts' holders.

use crate::date::Truth;
use crate::event::kinds::MotionDecided;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::voting::Counted;
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_non_voting(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(Counted {
            votes,
            cast,
            organ,
            version,
        }) = self.counted_votes(b, &date)
        else {
            return;
        };
        let Some(Cited {
            rule: non_voting,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.non_voting.as_ref())
        else {
            return;
        };
        // Weighted votes (`weighted`) are judged against the weights instead.
        if Self::weighted_of(version, &organ, b.category.as_deref().unwrap_or("default")).is_some()
        {
            return;
        }
        let Some(voting) = self.entitled_base(&organ, &date) else {
            return;
        };
        if cast <= u64::from(voting) {
            return;
        }
        let attending: Vec<String> = non_voting
            .posts
            .iter()
            .map(|k| crate::id::PostRef::new(organ.org.clone(), k.clone()))
            .filter_map(|post| {
                let holders = self.history.open_holders_of(&post);
                let holder = holders.first()?;
                Some(format!(
                    "{} ({})",
                    self.post_name(&post),
                    self.person(&holder.person)
                ))
            })
            .collect();
        if attending.is_empty() {
            return;
        }
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the record gives {cast} votes ({} for, {} against, {} abstaining) in {}, which has {voting} voting members; {} attend{} with voice but no vote",
                votes.in_favour,
                votes.against,
                votes.abstain,
                self.organ_name(&organ),
                attending.join(" and "),
                if attending.len() == 1 { "s" } else { "" },
            ),
        );
    }
}

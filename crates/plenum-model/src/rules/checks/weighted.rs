//! Weighted votes (an organ's `weighted`): in a decision of a category the clause
//! names, each full member of the organs `by_constituency` casts the votes their
//! constituency's delegates were entitled to at the most recent meeting of the organ
//! `of` (of its kind, if given) whose record gives them (`meeting_held`'s
//! `constituency_votes`), each holder of a `highest` post the most any of them casts,
//! and any other member one. A decision whose recorded votes (for, against and
//! abstaining) outnumber the total its members may cast is `majority-not-met`,
//! whatever its outcome. Where no such meeting is recorded, or a member's
//! constituency or its votes are not, it is not judged.
//!
//! It reads only the decision, the meetings of `of` (their kind and votes), the
//! organ's members (by its seats or composition) and their placements.

use crate::date::Truth;
use crate::event::Role;
use crate::event::kinds::MotionDecided;
use crate::id::{OrganRef, PersonId, PostRef};
use crate::statute::{Cited, Weighted};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The organ's `weighted`, where it weighs a decision of `category`: other
    /// counts of votes against members (`one_vote`, `non_voting`, a majority's
    /// arithmetic) do not apply to it.
    pub(super) fn weighted_of<'v>(
        version: &'v crate::statute::Version,
        organ: &OrganRef,
        category: &str,
    ) -> Option<&'v Cited<Weighted>> {
        version
            .organ(&organ.key)?
            .weighted
            .as_ref()
            .filter(|w| w.rule.categories.iter().any(|c| c == category))
    }

    pub(super) fn check_weighted(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let Some(votes) = b.votes else { return };
        let Some(category) = b.category.as_deref() else {
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
        let Some(Cited {
            rule: weighted,
            article,
        }) = Self::weighted_of(version, &organ, category)
        else {
            return;
        };
        let Some(total) = self.weighted_total(&organ, weighted, &date) else {
            return;
        };
        let cast = votes
            .in_favour
            .checked_add(votes.against)
            .and_then(|n| n.checked_add(votes.abstain));
        if cast.is_some_and(|c| c <= total.0) {
            return;
        }
        let cast = cast.map_or_else(
            || "more votes than any count".to_owned(),
            |c| format!("{c} votes"),
        );
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the record gives {cast} in a {category} decision of {} ({} for, {} against, {} abstaining); its members may cast {} votes in all ({})",
                self.organ_name(&organ),
                votes.in_favour,
                votes.against,
                votes.abstain,
                total.0,
                total.1
            ),
        );
    }

    /// The most votes the organ's members may cast, and how it is made up; `None`
    /// where the record does not give every weight.
    fn weighted_total(
        &self,
        organ: &OrganRef,
        weighted: &Weighted,
        date: &crate::date::FuzzyDate,
    ) -> Option<(u64, String)> {
        let of = OrganRef::new(organ.org.clone(), weighted.of.clone());
        let weights = self
            .history
            .held_meetings(&of)
            .into_iter()
            .filter(|h| h.date.earliest() <= date.latest())
            .filter_map(|h| self.history.meeting(&h.meeting))
            .filter(|m| {
                weighted
                    .category
                    .as_ref()
                    .is_none_or(|c| m.category.as_ref() == Some(c))
            })
            .filter(|m| !m.constituency_votes.is_empty())
            .last()?
            .constituency_votes;
        let mut members: Vec<PersonId> = self.composed_members(organ, date);
        members.extend(
            self.history
                .open_seats_on(organ)
                .into_iter()
                .filter(|s| s.role == Role::Full)
                .map(|s| s.person),
        );
        members.sort();
        members.dedup();
        let day = date.earliest();
        let (mut by_votes, mut highest, mut ones) = (Vec::new(), 0u64, 0u64);
        for person in &members {
            let holds_highest = weighted.highest.iter().any(|k| {
                self.history
                    .open_holders_of(&PostRef::new(organ.org.clone(), k.clone()))
                    .iter()
                    .any(|p| &p.person == person)
            });
            let by_seat = weighted.by_constituency.iter().any(|k| {
                self.history.holds_seat(
                    person,
                    &OrganRef::new(organ.org.clone(), k.clone()),
                    Some(Role::Full),
                )
            });
            if holds_highest {
                highest += 1;
            } else if by_seat {
                let constituency = self.history.constituency_of(&organ.org, person, day)?;
                by_votes.push(*weights.get(&constituency)?);
            } else {
                ones += 1;
            }
        }
        let most = by_votes.iter().copied().max().unwrap_or(0);
        let sum: u64 = by_votes.iter().sum::<u64>() + highest * most + ones;
        let mut parts = vec![format!(
            "{} by their constituencies' delegates",
            by_votes.len()
        )];
        if highest > 0 {
            parts.push(format!("{highest} casting the most, {most}"));
        }
        if ones > 0 {
            parts.push(format!("{ones} with one vote"));
        }
        Some((sum, parts.join(", ")))
    }
}

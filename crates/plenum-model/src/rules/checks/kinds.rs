//! A kind of meeting with a cadence of its own (`meeting = [{ category = "annual",
//! meets = { each = "year" } }]`): only meetings convened as that kind count toward
//! it, judged at each one against the previous meeting of the same kind.

use crate::date::FuzzyDate;
use crate::event::kinds::Evidence;
use crate::id::{MeetingId, OrganRef};
use crate::rows::MeetingState;
use crate::statute::{Cadence, Cited, StatuteBook, Version};

use super::super::cadence::{gap, sitting};
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A meeting of a kind with its own `meets`, held later after the previous
    /// meeting of that kind than the kind's cadence allows (`meeting-late`).
    pub(super) fn check_kind_cadence(
        &self,
        organ: &OrganRef,
        meeting: &MeetingId,
        version: &Version,
        state: Option<&MeetingState>,
        held: &FuzzyDate,
        out: &mut Out<'_>,
    ) {
        let Some(category) = state.and_then(|m| m.category.as_deref()) else {
            return;
        };
        let Some(Cited {
            rule: cadence,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.meeting_kinds.iter().find(|k| k.category == category))
            .and_then(|k| k.meets.as_ref())
        else {
            return;
        };
        let Some(previous) = self
            .history
            .held_meetings(organ)
            .into_iter()
            .rev()
            .find(|m| {
                self.history
                    .meeting(&m.meeting)
                    .is_some_and(|s| s.category.as_deref() == Some(category))
            })
        else {
            return;
        };
        let since = kind_in_force_since(self.book, organ, category, held.earliest());
        let before = sitting(&previous.date);
        let gap = gap(
            cadence,
            since,
            (before.earliest(), before.latest()),
            (held.earliest(), held.latest()),
        );
        let missed = match cadence {
            Cadence::Rolling(_) => String::new(),
            Cadence::Calendar(_) | Cadence::Count(..) => format!(": {}", gap.missed),
        };
        let since_text = match since {
            Some(since) if since > previous.date.earliest() => format!(" (in force since {since})"),
            _ => String::new(),
        };
        let name = self.meeting_name(meeting);
        out.push(
            Rule::MeetingLate,
            Severity::Violation,
            gap.certainty,
            Some(Citation::of(version, article.as_ref())),
            vec![previous.event.clone()],
            format!(
                "no {category} meeting of {} is recorded between {} ({}) and {name} ({}); the statute requires one {cadence}{since_text}{missed}",
                self.organ_name(organ),
                self.meeting_name(&previous.meeting),
                Evidence::dated(&previous.date, previous.evidence),
                Evidence::dated(&out.event.date, super::meetings::evidence_of(out.event))
            ),
        );
    }
}

/// The day from which the cadence of a kind of meeting in force on `day` has been
/// in force without a break (through versions that repeat it unchanged).
fn kind_in_force_since(
    book: &StatuteBook,
    organ: &OrganRef,
    category: &str,
    day: crate::date::Day,
) -> Option<crate::date::Day> {
    let rule_of = |v: &Version| {
        v.organ(&organ.key)?
            .meeting_kinds
            .iter()
            .find(|k| k.category == category)?
            .meets
            .as_ref()
            .map(|m| m.rule)
    };
    let versions = book.versions_of(&organ.org);
    let current = versions
        .iter()
        .rposition(|v| v.effective.earliest() <= day)?;
    let rule = rule_of(&versions[current])?;
    let mut since = versions[current].effective.earliest();
    for version in versions[..current].iter().rev() {
        if rule_of(version) != Some(rule) {
            break;
        }
        since = version.effective.earliest();
    }
    Some(since)
}

//! A count of meetings per calendar period, judged at each meeting: the period
//! of the previous meeting, closed by this one, must have held enough; and the
//! kind a meeting is convened as, which the statute must declare.

use crate::date::FuzzyDate;
use crate::id::OrganRef;
use crate::statute::{Cited, OrganDef, Version};

use super::{Citation, Ctx, Out, Rule, Severity};

impl Ctx<'_, '_> {
    /// `meets = { each = "year", at_least = 4 }`: `meeting-late` at the first
    /// meeting after a period that held fewer than four.
    pub(super) fn check_meeting_count(
        &self,
        organ: &OrganRef,
        version: &Version,
        def: &OrganDef,
        held: &FuzzyDate,
        out: &mut Out<'_>,
    ) {
        let Some(Cited {
            rule: cadence,
            article,
        }) = &def.meets
        else {
            return;
        };
        let earlier = self.history.held_meetings(organ);
        let Some(previous) = earlier.last() else {
            return;
        };
        let dates: Vec<_> = earlier
            .iter()
            .map(|m| (m.date.clone(), m.evidence))
            .collect();
        let since = crate::rules::cadence::in_force_since(self.book, organ, held.earliest());
        let Some(short) = crate::rules::count::short_period(
            cadence,
            since,
            &dates,
            (held.earliest(), held.latest()),
        ) else {
            return;
        };
        out.push(
            Rule::MeetingLate,
            Severity::Violation,
            short.certainty,
            Some(Citation::of(version, article.as_ref())),
            vec![previous.event.clone()],
            short.sentence(&self.organ_name(organ), cadence),
        );
    }
}

impl Ctx<'_, '_> {
    /// A meeting convened as a kind (`category`) that the statute in force does
    /// not declare for the organ, where it declares some (`meeting = [...]`): a
    /// misspelt "specail" would otherwise be judged as an ordinary meeting.
    pub(super) fn check_category(
        &self,
        organ: &OrganRef,
        category: Option<&str>,
        out: &mut Out<'_>,
    ) {
        let Some(category) = category else {
            return;
        };
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        if def.meeting_kinds.is_empty() || def.meeting_kinds.iter().any(|k| k.category == category)
        {
            return;
        }
        let declared = def
            .meeting_kinds
            .iter()
            .map(|k| format!("`{}`", k.category))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Rule::UnknownCategory,
            Severity::Warning,
            crate::date::Truth::Definitely,
            Some(Citation::of(version, None)),
            vec![],
            format!(
                "a meeting of {} was convened as `{category}`, a kind of meeting the statute does not declare for it (it declares {declared}); it is judged as an ordinary meeting",
                self.organ_name(organ)
            ),
        );
    }
}

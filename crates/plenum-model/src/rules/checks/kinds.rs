//! A kind of meeting with a cadence of its own (`meeting = [{ category = "annual",
//! meets = { each = "year" } }]`): only meetings convened as that kind count toward
//! it, judged at each one against the previous meeting of the same kind; the first
//! meeting of a kind against the cadence's coming into force (or the organ's first
//! recorded meeting, if later: the record shows the organ only from there).

use crate::date::Day;
use crate::date::{FuzzyDate, Truth};
use crate::event::kinds::Evidence;
use crate::id::{MeetingId, OrganRef};
use crate::rows::{HeldRow, MeetingState};
use crate::statute::{Cadence, Cited, StatuteBook, Version};

use super::super::cadence::{gap, sitting};
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A meeting of a kind with its own `meets`, held later after the previous
    /// meeting of that kind than the kind's cadence allows (`meeting-late`).
    /// Returns how certainly it was late, so that the organ's own cadence does not
    /// report the same gap again.
    pub(super) fn check_kind_cadence(
        &self,
        organ: &OrganRef,
        meeting: &MeetingId,
        version: &Version,
        state: Option<&MeetingState>,
        held: &FuzzyDate,
        out: &mut Out<'_>,
    ) -> Truth {
        let Some(category) = state.and_then(|m| m.category.as_deref()) else {
            return Truth::No;
        };
        let Some(Cited {
            rule: cadence,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.meeting_kinds.iter().find(|k| k.category == category))
            .and_then(|k| k.meets.as_ref())
        else {
            return Truth::No;
        };
        let since = kind_in_force_since(self.book, organ, category, held.earliest());
        let earlier = self.history.held_meetings(organ);
        let Some(previous) = earlier.iter().rev().find(|m| {
            self.history
                .meeting(&m.meeting)
                .is_some_and(|s| s.category.as_deref() == Some(category))
        }) else {
            return self.check_first_of_kind(
                organ,
                meeting,
                version,
                (category, cadence, article),
                since,
                earlier.first(),
                held,
                out,
            );
        };
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
        self.check_kind_count(
            organ,
            (category, cadence, article),
            version,
            since,
            &earlier,
            previous,
            held,
            out,
        );
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
        gap.certainty
    }

    /// A kind's count (`meets = { each = "year", at_least = 4 }`): `meeting-late` at
    /// the first meeting of the kind after a period that held fewer meetings of it.
    #[allow(clippy::too_many_arguments)]
    fn check_kind_count(
        &self,
        organ: &OrganRef,
        (category, cadence, article): (&str, &Cadence, &Option<String>),
        version: &Version,
        since: Option<Day>,
        earlier: &[HeldRow],
        previous: &HeldRow,
        held: &FuzzyDate,
        out: &mut Out<'_>,
    ) {
        if !matches!(cadence, Cadence::Count(..)) {
            return;
        }
        let dates: Vec<_> = earlier
            .iter()
            .filter(|m| {
                self.history
                    .meeting(&m.meeting)
                    .is_some_and(|s| s.category.as_deref() == Some(category))
            })
            .map(|m| (m.date.clone(), m.evidence))
            .collect();
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
            short.sentence(
                &format!("{} convened as `{category}`", self.organ_name(organ)),
                cadence,
            ),
        );
    }

    /// The first meeting of a kind: judged from the kind's cadence coming into
    /// force, or from the organ's first recorded meeting if that is later (an
    /// organ the record shows no earlier meeting of is not judged, as for the
    /// organ's own cadence).
    #[allow(clippy::too_many_arguments)]
    fn check_first_of_kind(
        &self,
        organ: &OrganRef,
        meeting: &MeetingId,
        version: &Version,
        (category, cadence, article): (&str, &Cadence, &Option<String>),
        since: Option<Day>,
        first: Option<&HeldRow>,
        held: &FuzzyDate,
        out: &mut Out<'_>,
    ) -> Truth {
        let (Some(since), Some(first)) = (since, first) else {
            return Truth::No;
        };
        let sat = sitting(&first.date);
        // The day before the cadence took effect: its first day (and first whole
        // period) is then judged too.
        let start = since.pred();
        let from = (start.max(sat.earliest()), start.max(sat.latest()));
        let gap = gap(cadence, Some(since), from, (held.earliest(), held.latest()));
        let missed = match cadence {
            Cadence::Rolling(_) => String::new(),
            Cadence::Calendar(_) | Cadence::Count(..) => format!(": {}", gap.missed),
        };
        let record = if sat.earliest() > start {
            format!(
                ", and the record shows {} meeting from {} ({})",
                self.organ_name(organ),
                self.meeting_name(&first.meeting),
                first.date
            )
        } else {
            String::new()
        };
        out.push(
            Rule::MeetingLate,
            Severity::Violation,
            gap.certainty,
            Some(Citation::of(version, article.as_ref())),
            vec![first.event.clone()],
            format!(
                "{} ({}) is the first {category} meeting of {} recorded; the statute requires one {cadence}, in force since {since}{record}{missed}",
                self.meeting_name(meeting),
                out.event.date,
                self.organ_name(organ),
            ),
        );
        gap.certainty
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

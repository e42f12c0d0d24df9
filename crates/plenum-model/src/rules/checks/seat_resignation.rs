//! A seat resigned on notice (`resignation = { effective = "on-notice" }` on an
//! organ: "Any director may resign effective upon giving written notice ..., unless
//! the notice specifies a later time for the effectiveness of such resignation"): a
//! `seat_vacated` with `cause = "resigned"` dated after its notice (`notice_given`),
//! or after the later time the notice names (`notice_effective`), is
//! `resignation-delayed`. Not judged where the record gives no notice.

use crate::date::Truth;
use crate::event::EventKind;
use crate::event::kinds::EndCause;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_seat_resignation(&self, out: &mut Out<'_>) {
        let event = out.event;
        let EventKind::SeatVacated(b) = &event.kind else {
            return;
        };
        let (Some(EndCause::Resigned), Some(notice)) = (b.cause, &b.notice_given) else {
            return;
        };
        let Some(version) = self.version(&b.organ.org, &event.date) else {
            return;
        };
        let Some(clause) = version
            .organ(&b.organ.key)
            .and_then(|o| o.resignation.as_ref())
        else {
            return;
        };
        // It should take effect on the notice's day, or on the later one it names: it
        // is delayed if recorded after both.
        let certainty = b
            .notice_effective
            .as_ref()
            .map_or(Truth::Definitely, |named| named.before(&event.date))
            .and(notice.before(&event.date));
        if certainty == Truth::No {
            return;
        }
        let named = b
            .notice_effective
            .as_ref()
            .map_or_else(String::new, |n| format!(" (naming {n})"));
        out.push(
            Rule::ResignationDelayed,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, clause.article.as_ref())),
            vec![],
            format!(
                "{} gave notice of resigning a seat on {} on {notice}{named}, but the resignation is recorded as taking effect on {}; the statute makes it effective on notice, or at the later time the notice names",
                self.person(&b.person),
                self.organ_name(&b.organ),
                event.date
            ),
        );
    }
}

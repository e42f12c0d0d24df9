//! Meetings tied to another organ's meetings (`tied`, `meeting-missing`): "the Board
//! shall meet immediately following final adjournment of the Convention" (`follows`),
//! "one general meeting immediately preceding the Convention" (`precedes`).
//!
//! A `follows` tie is judged at this organ's first meeting, of any kind, that begins
//! after the period since the other's meeting ended: were none of the meetings
//! before it (of the tie's kind) within the period, it is missing. Where no meeting
//! has begun since, [`unmet`] finds it as of a date, once the period has surely
//! passed (a follow-up not yet due is no finding). A `precedes` tie is judged when
//! the other organ's meeting is held, on the meetings recorded before it.
//! The tie in force judges: on the day the other's meeting ended (`follows`) or
//! began (`precedes`). An organ is judged only from its first recorded meeting, as
//! for its cadence: the record shows it only from there.

use std::collections::BTreeSet;

use crate::date::{Day, End, FuzzyDate, Shape, Truth};
use crate::event::kinds::Evidence;
use crate::id::{EntityKind, Key, OrgId, OrganRef};
use crate::phrase::{Phrase, name};
use crate::rows::HeldRow;
use crate::statute::{Cited, Side, StatuteBook, Tie};

use super::super::cadence::Held;
use super::super::{Citation, Finding, Rule, Severity};
use super::{Ctx, Out};

/// The days a meeting may have begun on (a session, from its first day).
fn began(date: &FuzzyDate) -> (Day, Day) {
    match date.shape() {
        Shape::Interval(End::Point(first), _) => (first.earliest(), first.latest()),
        _ => (date.earliest(), date.latest()),
    }
}

/// The days a meeting may have ended on (a session, on its last day).
fn ended(date: &FuzzyDate) -> (Day, Day) {
    match date.shape() {
        Shape::Interval(_, End::Point(last)) => (last.earliest(), last.latest()),
        _ => (date.earliest(), date.latest()),
    }
}

/// The window a tie gives around the other organ's meeting (held `other`), as the
/// days its first and last day may fall on.
fn window(tie: &Tie, other: &FuzzyDate) -> ((Day, Day), (Day, Day)) {
    match tie.side {
        Side::Follows => {
            let (lo, hi) = ended(other);
            ((lo, hi), (tie.within.after(lo), tie.within.after(hi)))
        }
        Side::Precedes => {
            let (lo, hi) = began(other);
            ((tie.within.before(lo), tie.within.before(hi)), (lo, hi))
        }
    }
}

/// Whether a meeting that began within `start` began within the window, whose
/// first and last days are themselves uncertain.
fn inside(start: (Day, Day), (from, to): ((Day, Day), (Day, Day))) -> Truth {
    if start.0 >= from.1 && start.1 <= to.0 {
        Truth::Definitely
    } else if start.1 >= from.0 && start.0 <= to.1 {
        Truth::Possibly
    } else {
        Truth::No
    }
}

/// How certainly no meeting of `starts` began within the window.
fn missing(
    starts: impl IntoIterator<Item = (Day, Day)>,
    bounds: ((Day, Day), (Day, Day)),
) -> Truth {
    let best = starts
        .into_iter()
        .map(|s| inside(s, bounds))
        .max()
        .unwrap_or(Truth::No);
    match best {
        Truth::Definitely => Truth::No,
        Truth::Possibly => Truth::Possibly,
        Truth::No => Truth::Definitely,
    }
}

/// Whether the record shows `meetings` of the tied organ by the time `other` began.
fn shown(meetings: &[HeldRow], other: &FuzzyDate) -> bool {
    let by = began(other).1;
    meetings.iter().any(|m| began(&m.date).0 <= by)
}

/// "a general meeting" or "a meeting".
fn what(tie: &Tie) -> String {
    match &tie.category {
        Some(category) => format!("{category} meeting"),
        None => "meeting".to_owned(),
    }
}

/// The `follows` ties on `organ` to `other` in the version in force on `day`.
fn follows_ties<'b>(
    book: &'b StatuteBook,
    organ: &OrganRef,
    other: &Key,
    day: Day,
) -> Option<(&'b crate::statute::Version, Vec<&'b Cited<Tie>>)> {
    let version = book.in_force(&organ.org, day)?;
    let ties = version
        .organ(&organ.key)?
        .tied
        .iter()
        .filter(|t| t.rule.side == Side::Follows && &t.rule.organ == other)
        .collect();
    Some((version, ties))
}

/// The organs any version of `org` ties `organ`'s meetings to, after their end.
fn followed(book: &StatuteBook, organ: &OrganRef) -> BTreeSet<Key> {
    book.versions_of(&organ.org)
        .iter()
        .filter_map(|v| v.organ(&organ.key))
        .flat_map(|d| &d.tied)
        .filter(|t| t.rule.side == Side::Follows)
        .map(|t| t.rule.organ.clone())
        .collect()
}

impl Ctx<'_, '_> {
    /// A meeting held: as this organ's meeting, the `follows` ties whose period it is
    /// the first to begin after; as the other organ's, the `precedes` ties of the
    /// organs that should have met before it.
    pub(super) fn check_tied(&self, organ: &OrganRef, out: &mut Out<'_>) {
        self.check_followed(organ, out);
        self.check_preceded(organ, out);
    }

    /// The meetings of `organ`, before the event in date order, of the tie's kind.
    fn of_kind<'h>(&self, meetings: &'h [HeldRow], tie: &Tie) -> Vec<&'h HeldRow> {
        meetings
            .iter()
            .filter(|m| match &tie.category {
                None => true,
                Some(c) => self
                    .history
                    .meeting(&m.meeting)
                    .is_some_and(|s| s.category.as_deref() == Some(c.as_str())),
            })
            .collect()
    }

    fn check_followed(&self, organ: &OrganRef, out: &mut Out<'_>) {
        let Some(meeting) = out_meeting(out) else {
            return;
        };
        // Only organs with a `follows` tie read their meetings: the write path loads
        // nothing more for the others.
        let followed = followed(self.book, organ);
        if followed.is_empty() {
            return;
        }
        let start = began(&out.event.date);
        let earlier = self.history.held_meetings(organ);
        for other_key in followed {
            let other = OrganRef {
                org: organ.org.clone(),
                key: other_key.clone(),
            };
            for held in self.history.held_meetings(&other) {
                let Some((version, ties)) =
                    follows_ties(self.book, organ, &other_key, ended(&held.date).0)
                else {
                    continue;
                };
                for Cited { rule: tie, article } in ties {
                    let bounds = window(tie, &held.date);
                    let due = bounds.1.1;
                    // Judged at the first meeting surely past the period, and only
                    // where the record shows the organ by the other's meeting.
                    if start.0 <= due
                        || earlier.iter().any(|m| began(&m.date).0 > due)
                        || !shown(&earlier, &held.date)
                    {
                        continue;
                    }
                    let starts = self
                        .of_kind(&earlier, tie)
                        .into_iter()
                        .map(|m| began(&m.date));
                    out.push(
                        Rule::MeetingMissing,
                        Severity::Violation,
                        missing(starts, bounds),
                        Some(Citation::of(version, article.as_ref())),
                        vec![held.event.clone()],
                        format!(
                            "no {} of {} is recorded within {} after {} ({}) ended; its next meeting is {} ({})",
                            what(tie),
                            self.organ_name(organ),
                            tie.within,
                            self.meeting_name(&held.meeting),
                            Evidence::dated(&held.date, held.evidence),
                            self.meeting_name(&meeting),
                            Evidence::dated(&out.event.date, super::meetings::evidence_of(out.event)),
                        ),
                    );
                }
            }
        }
    }

    fn check_preceded(&self, other: &OrganRef, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.book.in_force(&other.org, began(&date).0) else {
            return;
        };
        let Some(meeting) = out_meeting(out) else {
            return;
        };
        for def in &version.organs {
            for Cited { rule: tie, article } in &def.tied {
                if tie.side != Side::Precedes || tie.organ != other.key {
                    continue;
                }
                let organ = OrganRef {
                    org: other.org.clone(),
                    key: def.key.clone(),
                };
                let earlier = self.history.held_meetings(&organ);
                if !shown(&earlier, &date) {
                    continue;
                }
                let starts = self
                    .of_kind(&earlier, tie)
                    .into_iter()
                    .map(|m| began(&m.date));
                out.push(
                    Rule::MeetingMissing,
                    Severity::Violation,
                    missing(starts, window(tie, &date)),
                    Some(Citation::of(version, article.as_ref())),
                    Vec::new(),
                    format!(
                        "no {} of {} is recorded within {} before {} ({}) began",
                        what(tie),
                        self.organ_name(&organ),
                        tie.within,
                        self.meeting_name(&meeting),
                        Evidence::dated(&date, super::meetings::evidence_of(out.event)),
                    ),
                );
            }
        }
    }
}

/// The meetings that began (possibly) on or before `day`.
fn until(rows: &[HeldRow], day: Day) -> Vec<HeldRow> {
    rows.iter()
        .filter(|m| m.date.earliest() <= day)
        .cloned()
        .collect()
}

/// The meeting a `meeting_held` records.
fn out_meeting(out: &Out<'_>) -> Option<crate::id::MeetingId> {
    match &out.event.kind {
        crate::event::EventKind::MeetingHeld(b) => Some(b.meeting.clone()),
        _ => None,
    }
}

/// As of `day`, the meetings of other organs that a `follows` tie makes this organ
/// follow within a period surely passed, with no meeting of it (of any kind) begun
/// since: each is `meeting-missing` where none of its meetings began within the
/// period. Where the tie names a kind and a meeting began within the period, its kind
/// is not read here (the held meetings do not keep it) and nothing is found; the
/// organ's next meeting judges it. An organization ended by the deadline is not judged.
pub(crate) fn unmet(
    book: &StatuteBook,
    held: &[Held],
    org_end: impl Fn(&OrgId) -> Option<Day>,
    day: Day,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for Held { organ, meetings } in held {
        let mine = until(meetings, day);
        for other_key in followed(book, organ) {
            let Some(others) = held
                .iter()
                .find(|h| h.organ.org == organ.org && h.organ.key == other_key)
            else {
                continue;
            };
            for other in until(&others.meetings, day) {
                let Some((version, ties)) =
                    follows_ties(book, organ, &other_key, ended(&other.date).0)
                else {
                    continue;
                };
                for Cited { rule: tie, article } in ties {
                    let bounds = window(tie, &other.date);
                    let due = bounds.1.1;
                    if day <= due
                        || org_end(&organ.org).is_some_and(|end| end <= due)
                        || mine.iter().any(|m| began(&m.date).0 > due)
                        || !shown(&mine, &other.date)
                    {
                        continue;
                    }
                    let certainty = missing(mine.iter().map(|m| began(&m.date)), bounds);
                    if certainty == Truth::No
                        || (tie.category.is_some() && certainty != Truth::Definitely)
                    {
                        continue;
                    }
                    findings.push(Finding {
                        rule: Rule::MeetingMissing,
                        severity: Severity::Violation,
                        certainty,
                        date: FuzzyDate::day(day),
                        citation: Some(Citation::of(version, article.as_ref())),
                        events: vec![other.event.clone()],
                        message: Phrase::new(format!(
                            "no {} of {} is recorded within {} after {} ({}) ended (due by {due}), nor any meeting since",
                            what(tie),
                            name(EntityKind::Organ, organ),
                            tie.within,
                            name(EntityKind::Meeting, &other.meeting),
                            Evidence::dated(&other.date, other.evidence),
                        )),
                    });
                }
            }
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        let d: FuzzyDate = text.parse().expect("a day");
        d.earliest()
    }

    fn date(text: &str) -> FuzzyDate {
        text.parse().expect("a date")
    }

    #[test]
    fn a_session_begins_on_its_first_day_and_ends_on_its_last() {
        let session = date("2024-07-11/2024-07-14");
        assert_eq!(began(&session), (day("2024-07-11"), day("2024-07-11")));
        assert_eq!(ended(&session), (day("2024-07-14"), day("2024-07-14")));
        let month = date("2024-07");
        assert_eq!(began(&month), (day("2024-07-01"), day("2024-07-31")));
        assert_eq!(ended(&month), (day("2024-07-01"), day("2024-07-31")));
    }

    #[test]
    fn the_window_counts_both_of_its_ends() {
        let tie = |side| Tie {
            side,
            organ: Key::new("convention").expect("a key"),
            within: "1 day".parse().expect("a period"),
            category: None,
        };
        let session = date("2024-07-11/2024-07-14");
        let after = window(&tie(Side::Follows), &session);
        let before = window(&tie(Side::Precedes), &session);
        let one = |d: &str| (day(d), day(d));
        for (start, truth) in [
            ("2024-07-13", Truth::No),
            ("2024-07-14", Truth::Definitely),
            ("2024-07-15", Truth::Definitely),
            ("2024-07-16", Truth::No),
        ] {
            assert_eq!(inside(one(start), after), truth, "after, {start}");
        }
        for (start, truth) in [
            ("2024-07-09", Truth::No),
            ("2024-07-10", Truth::Definitely),
            ("2024-07-11", Truth::Definitely),
            ("2024-07-12", Truth::No),
        ] {
            assert_eq!(inside(one(start), before), truth, "before, {start}");
        }
        // A meeting dated only by its month may have begun in the window.
        assert_eq!(inside(began(&date("2024-07")), after), Truth::Possibly);
    }

    #[test]
    fn missing_is_the_converse_of_the_best_meeting() {
        let bounds = (
            (day("2024-07-14"), day("2024-07-14")),
            (day("2024-07-15"), day("2024-07-15")),
        );
        let one = |d: &str| (day(d), day(d));
        assert_eq!(missing([], bounds), Truth::Definitely);
        assert_eq!(missing([one("2024-07-01")], bounds), Truth::Definitely);
        assert_eq!(
            missing([one("2024-07-01"), began(&date("2024-07"))], bounds),
            Truth::Possibly
        );
        assert_eq!(
            missing([began(&date("2024-07")), one("2024-07-15")], bounds),
            Truth::No
        );
    }
}

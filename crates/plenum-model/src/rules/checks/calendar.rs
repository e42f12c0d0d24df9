//! Days an organ may not meet on (an organ's `not_on`): a meeting held on such a day
//! is `meeting-on-excluded-day` citing that clause. A session of several days
//! (`2024-07-11/2024-07-14`) sat on each of its days; any other fuzzy date is judged
//! "possibly" where one of the days it may mean is excluded (and surely where all
//! are). It reads only the meeting's date and the statute.

use crate::date::{Day, FuzzyDate, Truth};
use crate::id::OrganRef;
use crate::statute::{Cited, ExcludedDays, NotOn};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// The most days of an uncertain date looked at (a fuzzy year is judged too).
const MOST_DAYS: i64 = 400;

/// The days a meeting dated `date` sat on, and whether it surely sat on all of
/// them (a session of exact days) or on some one of them only.
fn days_sat(date: &FuzzyDate) -> (Day, Day, bool) {
    let (lo, hi) = (date.earliest(), date.latest());
    let session = crate::rules::cadence::sitting(date) != *date || lo == hi;
    (lo, hi, session && !date.is_uncertain())
}

/// The first excluded day of the meeting, with its kind, and how sure it is.
fn excluded(rule: &NotOn, date: &FuzzyDate) -> Option<(Day, ExcludedDays, Truth)> {
    let (lo, hi, all_sat) = days_sat(date);
    if lo.days_until(hi) > MOST_DAYS {
        return None;
    }
    let mut first = None;
    let mut every = true;
    let mut day = lo;
    loop {
        match rule.excludes(day) {
            Some(kind) => {
                if first.is_none() {
                    first = Some((day, kind));
                }
            }
            None => every = false,
        }
        if day >= hi || day.succ() == day {
            break;
        }
        day = day.succ();
    }
    let (day, kind) = first?;
    let truth = if all_sat || every {
        Truth::Definitely
    } else {
        Truth::Possibly
    };
    Some((day, kind, truth))
}

impl Ctx<'_, '_> {
    /// A meeting of `organ` held (this event) on a day its `not_on` excludes.
    pub(super) fn check_not_on(&self, organ: &OrganRef, name: &str, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        let Some(Cited { rule, article }) = version
            .organ(&organ.key)
            .and_then(|def| def.not_on.as_ref())
        else {
            return;
        };
        let Some((day, kind, truth)) = excluded(rule, &date) else {
            return;
        };
        let holidays = if kind.needs_holidays() {
            let list: Vec<String> = rule.holidays.iter().map(ToString::to_string).collect();
            format!(" (the statute's holidays: {})", list.join(", "))
        } else {
            String::new()
        };
        out.push(
            Rule::MeetingOnExcludedDay,
            Severity::Violation,
            truth,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{name}, held {date}, sat on {day}, {}{holidays}: {} may not meet then",
                kind.words(),
                self.organ_name(organ)
            ),
        );
    }
}

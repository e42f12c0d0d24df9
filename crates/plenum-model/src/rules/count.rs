//! A count of meetings per calendar period ("at least four general meetings in
//! each year"): whether the period of the previous meeting, once it has closed,
//! held fewer meetings than the statute requires. A period with none at all is
//! the plain calendar cadence's (`cadence::gap`).

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::kinds::Evidence;
use crate::statute::{Cadence, CalendarPeriod};

use super::cadence::sitting;

/// A period that closed with too few meetings.
pub(crate) struct Short {
    /// Whether it did.
    pub certainty: Truth,
    /// The meetings it certainly held.
    pub held: usize,
    /// How many it needed.
    pub needed: u32,
    /// The period, in words.
    pub period: String,
    /// What shows each of the meetings it certainly held that the record does
    /// not call a meeting (`meeting_held`'s `evidence`).
    pub evidenced: Vec<Evidence>,
}

impl Short {
    /// "2 meetings of the Board are recorded in 2023; the statute requires at
    /// least 4 (it meets at least 4 times in each calendar year)".
    pub(crate) fn sentence(&self, organ: &str, cadence: &Cadence) -> String {
        let held = match self.held {
            1 => "1 meeting".to_owned(),
            n => format!("{n} meetings"),
        };
        let evidenced = match (self.held, self.evidenced.as_slice()) {
            (_, []) => String::new(),
            (1, [one]) => format!(" (evidenced by {})", one.shown_by()),
            (_, all) => format!(
                " ({} of them evidenced: by {})",
                all.len(),
                all.iter()
                    .map(|e| e.shown_by())
                    .collect::<Vec<_>>()
                    .join(", by ")
            ),
        };
        format!(
            "{held} of {organ} {} certainly recorded in {}{evidenced}; the statute requires at least {} (it meets {cadence})",
            if self.held == 1 { "is" } else { "are" },
            self.period,
            self.needed
        )
    }
}

/// Whether a day counts toward period `p` (inside it; for a window, inside the window).
fn counts(period: CalendarPeriod, day: Day, p: i64) -> bool {
    period.index(day) == p && period.index_to(day) == p
}

/// Judges the period of the last of `earlier` (the meetings before, in date
/// order, each with what shows it if not a regular record) once closed by a day between `to_lo` and `to_hi` (the next meeting, or
/// the day asked about), under a count cadence in force since `since`.
pub(crate) fn short_period(
    cadence: &Cadence,
    since: Option<Day>,
    earlier: &[(FuzzyDate, Option<Evidence>)],
    (to_lo, to_hi): (Day, Day),
) -> Option<Short> {
    let Cadence::Count(period, needed) = *cadence else {
        return None;
    };
    let last = sitting(&earlier.last()?.0);
    // The period the last meeting sat in (any of them, where its date is fuzzy).
    let (first, end) = (period.index(last.earliest()), period.index(last.latest()));
    let mut found: Option<Short> = None;
    for p in first..=end.min(first.saturating_add(64)) {
        if let Some(short) = short_in(period, needed, since, earlier, p, (to_lo, to_hi))
            && found
                .as_ref()
                .is_none_or(|f| f.certainty != Truth::Definitely)
        {
            found = Some(short);
        }
    }
    found
}

/// Whether period `p`, closed by a day between `to_lo` and `to_hi`, held fewer
/// than `needed` of `earlier`.
fn short_in(
    period: CalendarPeriod,
    needed: u32,
    since: Option<Day>,
    earlier: &[(FuzzyDate, Option<Evidence>)],
    p: i64,
    (to_lo, to_hi): (Day, Day),
) -> Option<Short> {
    if since.is_some_and(|s| p < period.first_whole(s)) {
        return None;
    }
    let closed = if period.index_to(to_lo) > p {
        Truth::Definitely
    } else if period.index_to(to_hi) > p {
        Truth::Possibly
    } else {
        return None;
    };
    let (mut definite, mut possible) = (0usize, 0usize);
    let mut evidenced = Vec::new();
    for (date, evidence) in earlier {
        let sat = sitting(date);
        let (lo, hi) = (sat.earliest(), sat.latest());
        if counts(period, lo, p) && counts(period, hi, p) {
            definite += 1;
            evidenced.extend(*evidence);
            possible += 1;
        } else if counts(period, lo, p)
            || counts(period, hi, p)
            || (period.index(lo) < p && period.index_to(hi) > p)
        {
            possible += 1;
        }
    }
    let needed_usize = usize::try_from(needed).unwrap_or(usize::MAX);
    let certainty = if possible < needed_usize {
        closed
    } else if definite < needed_usize {
        Truth::Possibly
    } else {
        return None;
    };
    Some(Short {
        certainty,
        held: definite,
        needed,
        period: period.name(p),
        evidenced,
    })
}

//! Fuzzy dates to Popolo dates and back.
//!
//! Popolo writes `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A plenum date is a range of
//! possible days (EDTF). The convention (docs/popolo.md):
//! - a date that is exactly a Popolo date (`1946`, `1946-08`, `1946-08-30`) is written as it is;
//! - any other date is written as the narrowest Popolo date that contains every possible day;
//!   when its possible days span several years, a start is written as the year of its
//!   earliest day and an end as the year of its latest day; an open bound is left out;
//! - whenever the Popolo date is not the plenum date itself, the exact EDTF is kept beside
//!   it in a `plenum:FIELD` extension (`"start_date": "1954", "plenum:start_date": "1955~"`).

use plenum_model::date::{Day, FuzzyDate};

/// Which end of an interval a date is: it decides the year of a date spanning several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// A start (founding, birth, start date): the earliest year.
    Start,
    /// An end (dissolution, death, end date): the latest year.
    End,
}

/// A date as Popolo writes it, and the EDTF when that is not the same.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// The Popolo date, if any can be written.
    pub popolo: Option<String>,
    /// The exact EDTF, when it differs from `popolo`.
    pub edtf: Option<String>,
}

fn year_ok(day: Day) -> bool {
    (0..=9999).contains(&day.year())
}

fn year(day: Day) -> String {
    format!("{:04}", day.year())
}

fn month(day: Day) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

fn full(day: Day) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// The Popolo form of a fuzzy date used as a `bound`.
pub fn write(date: &FuzzyDate, bound: Bound) -> Written {
    let (lo, hi) = (date.earliest(), date.latest());
    let popolo = if lo == Day::MIN || hi == Day::MAX {
        let day = match bound {
            Bound::Start => lo,
            Bound::End => hi,
        };
        (day != Day::MIN && day != Day::MAX && year_ok(day)).then(|| year(day))
    } else if !year_ok(lo) || !year_ok(hi) {
        None
    } else if lo == hi {
        Some(full(lo))
    } else if lo.year() == hi.year() && lo.month() == hi.month() {
        Some(month(lo))
    } else if lo.year() == hi.year() {
        Some(year(lo))
    } else {
        Some(match bound {
            Bound::Start => year(lo),
            Bound::End => year(hi),
        })
    };
    let edtf = date.to_string();
    let same = popolo.as_deref() == Some(edtf.as_str());
    Written {
        popolo,
        edtf: (!same).then_some(edtf),
    }
}

/// Reads a Popolo date (or a date-time, whose day is taken), or the EDTF of a
/// `plenum:` extension, as a fuzzy date.
pub fn read(text: &str) -> Result<FuzzyDate, String> {
    let day = match text.split_once('T') {
        Some((day, _)) if day.len() == 10 => day,
        _ => text,
    };
    day.parse::<FuzzyDate>().map_err(|e| e.to_string())
}

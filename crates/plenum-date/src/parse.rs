//! The EDTF parser behind `FuzzyDate::from_str`.

use std::str::FromStr;

use super::{Day, End, FuzzyDate, Point, Qualified, SetMember, Shape};

/// A fuzzy date that could not be read: where, and what was expected there.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{input}` at column {column}: expected {expected}")]
pub struct DateParseError {
    /// The text that was read.
    pub input: String,
    /// 1-based column (in characters) of the problem within `input`.
    pub column: usize,
    /// What would have been accepted there.
    pub expected: &'static str,
}

impl FromStr for FuzzyDate {
    type Err = DateParseError;

    fn from_str(input: &str) -> Result<FuzzyDate, DateParseError> {
        // The common case, a plain `YYYY-MM-DD` (every stored row has a few),
        // without the general parser; anything else, or no such day, goes on.
        if let Some(day) = plain_day(input) {
            return Ok(FuzzyDate::day(day));
        }
        let mut parser = Parser { input, pos: 0 };
        let shape = parser.date()?;
        if parser.pos != input.len() {
            return Err(parser.error("the end of the date"));
        }
        FuzzyDate::from_shape(shape).ok_or(DateParseError {
            input: input.to_owned(),
            column: 1,
            expected: "a start no later than the end",
        })
    }
}

/// `YYYY-MM-DD` with a day that exists, as the general parser would read it.
fn plain_day(input: &str) -> Option<Day> {
    let b = input.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0i16, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + i16::from(c - b'0'))
        })
    };
    let (year, month, day) = (number(&b[..4])?, number(&b[5..7])?, number(&b[8..])?);
    Day::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?)
}

struct Parser<'a> {
    input: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, expected: &'static str) -> DateParseError {
        DateParseError {
            input: self.input.to_owned(),
            column: self.input[..self.pos].chars().count() + 1,
            expected,
        }
    }

    fn rest(&self) -> &str {
        &self.input[self.pos..]
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        while self.eat(" ") {}
    }

    fn date(&mut self) -> Result<Shape, DateParseError> {
        if self.rest().is_empty() {
            return Err(self.error("a date such as 1946, 1946-08 or 1946-08-30"));
        }
        if self.eat("[") {
            return self.one_of();
        }
        let start = self.end_of_interval()?;
        if self.eat("/") {
            let end = self.end_of_interval()?;
            return Ok(Shape::Interval(start, end));
        }
        match start {
            End::Point(q) => Ok(Shape::Single(q)),
            End::Open => Err(self.error("`/` after an open start `..`")),
            End::Unknown => Err(self.error("a date such as 1946, 1946-08 or 1946-08-30")),
        }
    }

    fn end_of_interval(&mut self) -> Result<End, DateParseError> {
        if self.eat("..") {
            Ok(End::Open)
        } else if self.rest().is_empty() || self.rest().starts_with('/') {
            Ok(End::Unknown)
        } else {
            self.qualified().map(End::Point)
        }
    }

    fn one_of(&mut self) -> Result<Shape, DateParseError> {
        let mut members = Vec::new();
        loop {
            self.skip_spaces();
            let first = self.qualified()?;
            let member = if self.eat("..") {
                SetMember::Range(first, self.qualified()?)
            } else {
                SetMember::Point(first)
            };
            members.push(member);
            self.skip_spaces();
            if self.eat("]") {
                return Ok(Shape::OneOf(members));
            }
            if !self.eat(",") {
                return Err(self.error("`,` or `]`"));
            }
        }
    }

    fn qualified(&mut self) -> Result<Qualified, DateParseError> {
        let point = self.point()?;
        let (approximate, uncertain) = if self.eat("%") {
            (true, true)
        } else if self.eat("~") {
            (true, false)
        } else if self.eat("?") {
            (false, true)
        } else {
            (false, false)
        };
        Ok(Qualified::new(point, approximate, uncertain))
    }

    fn point(&mut self) -> Result<Point, DateParseError> {
        let negative = self.eat("-");
        let year = self.digits(4, "a four-digit year")?;
        let year = if negative { -year } else { year };
        let year = i16::try_from(year).map_err(|_| self.error("a four-digit year"))?;
        // A `-` followed by a digit starts a month; `..` or `/` end the point.
        if !(self.rest().starts_with('-')
            && self.rest()[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            return Ok(Point::Year(year));
        }
        self.pos += 1;
        let month_at = self.pos;
        let month = self.digits(2, "a two-digit month")?;
        if !(1..=12).contains(&month) {
            self.pos = month_at;
            return Err(self.error("a month from 01 to 12"));
        }
        let month = month as i8;
        if !self.rest().starts_with('-')
            || !self.rest()[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Ok(Point::Month(year, month));
        }
        self.pos += 1;
        let day_at = self.pos;
        let day = self.digits(2, "a two-digit day")?;
        let Some(day) = i8::try_from(day)
            .ok()
            .and_then(|d| Day::new(year, month, d))
        else {
            self.pos = day_at;
            return Err(self.error("a day that exists in that month"));
        };
        Ok(Point::Day(day))
    }

    fn digits(&mut self, n: usize, expected: &'static str) -> Result<i32, DateParseError> {
        let rest = self.rest().as_bytes();
        if rest.len() < n || !rest[..n].iter().all(u8::is_ascii_digit) {
            return Err(self.error(expected));
        }
        if rest.get(n).is_some_and(u8::is_ascii_digit) {
            return Err(self.error(expected));
        }
        let value = rest[..n]
            .iter()
            .fold(0i32, |acc, b| acc * 10 + i32::from(b - b'0'));
        self.pos += n;
        Ok(value)
    }
}

#[cfg(test)]
mod plain_day_tests {
    use super::*;

    fn general(input: &str) -> Result<FuzzyDate, DateParseError> {
        let mut parser = Parser { input, pos: 0 };
        let shape = parser.date()?;
        assert_eq!(parser.pos, input.len());
        Ok(FuzzyDate::from_shape(shape).expect("a single day"))
    }

    /// The fast paths (parsing and printing plain days) agree with the general ones.
    #[test]
    fn plain_days_read_and_print_as_the_general_parser_does() {
        let mut day = Day::new(1899, 12, 20).unwrap();
        let mut samples = vec![
            Day::new(0, 1, 1).unwrap(),
            Day::new(4, 2, 29).unwrap(),
            Day::new(9999, 12, 31).unwrap(),
        ];
        while day < Day::new(1901, 3, 10).unwrap() {
            samples.push(day);
            day = day.succ();
        }
        for day in samples {
            let text = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
            assert_eq!(day.to_string(), text);
            assert_eq!(text.parse::<FuzzyDate>(), general(&text), "{text}");
            assert_eq!(FuzzyDate::day(day).to_string(), text);
        }
        for bad in [
            "1900-02-29",
            "1900-13-01",
            "1900-00-10",
            "19a0-01-01",
            "1900-01-32",
        ] {
            assert!(bad.parse::<FuzzyDate>().is_err(), "{bad}");
            let mut parser = Parser { input: bad, pos: 0 };
            assert_eq!(bad.parse::<FuzzyDate>().err(), parser.date().err(), "{bad}");
        }
    }
}

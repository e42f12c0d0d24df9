//! The lapse of a membership (`membership.lapse`): how long dues (or another
//! recorded condition) must stay unpaid before a membership lapses, and whether
//! the day that period is complete is already enough.

use std::fmt;

use crate::date::Day;

use super::Period;

/// `lapse = { after = "6 months" }` or `{ more_than = "6 months" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lapse {
    /// The period.
    pub period: Period,
    /// Whether the period must be exceeded ("more than six months"): the lapse
    /// may come only the day after it is complete.
    pub more_than: bool,
}

impl Lapse {
    /// The first day a membership unpaid since `since` may lapse.
    pub fn first_day(self, since: Day) -> Day {
        let complete = self.period.after(since);
        if self.more_than {
            complete.succ()
        } else {
            complete
        }
    }
}

impl fmt::Display for Lapse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.more_than {
            write!(f, "more than {}", self.period)
        } else {
            write!(f, "{}", self.period)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        let mut it = s.split('-').map(|p| p.parse::<i16>().unwrap_or(0));
        let (y, m, d) = (
            it.next().unwrap_or(0),
            it.next().unwrap_or(0),
            it.next().unwrap_or(0),
        );
        Day::new(y, m as i8, d as i8).expect("a valid day")
    }

    #[test]
    fn after_allows_the_day_the_period_is_complete() {
        let lapse = Lapse {
            period: "6 months".parse().expect("a period"),
            more_than: false,
        };
        assert_eq!(lapse.first_day(day("2023-04-01")), day("2023-10-01"));
        assert_eq!(lapse.to_string(), "6 months");
    }

    #[test]
    fn more_than_wants_one_day_more() {
        let lapse = Lapse {
            period: "6 months".parse().expect("a period"),
            more_than: true,
        };
        assert_eq!(lapse.first_day(day("2023-04-01")), day("2023-10-02"));
        assert_eq!(lapse.to_string(), "more than 6 months");
    }

    const STATUTE: &str = r#"
organization = "coop"

[[version]]
id = "v1"
effective = "2020-01-01"

[version.membership]
LAPSE
"#;

    fn read_lapse(clause: &str) -> Result<Lapse, crate::source::InputError> {
        let doc = super::super::read(&STATUTE.replace("LAPSE", clause))?;
        Ok(doc.versions[0].lapse.as_ref().expect("a lapse").rule)
    }

    #[test]
    fn the_statute_chooses_after_or_more_than() {
        let after = read_lapse("lapse = { after = \"6 months\" }").expect("after");
        assert!(!after.more_than);
        let more = read_lapse("lapse = { more_than = \"6 months\" }").expect("more_than");
        assert!(more.more_than);
        assert_eq!(more.period, after.period);
    }

    #[test]
    fn both_or_neither_is_refused_where_written() {
        let both = read_lapse("lapse = { after = \"6 months\", more_than = \"6 months\" }")
            .expect_err("both");
        assert!(both.to_string().contains("not both"), "{both}");
        assert_eq!(both.line, 9, "{both}");
        let neither = read_lapse("lapse = { }").expect_err("neither");
        assert!(
            neither.to_string().contains("`lapse` needs a period"),
            "{neither}"
        );
        assert_eq!(neither.line, 9, "{neither}");
    }
}

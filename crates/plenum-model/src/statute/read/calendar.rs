//! Reading an organ's `not_on = { days = ["holiday-weekends"], holidays = ["07-04",
//! "first monday of september"], article = "IV.2a" }`. It only reads;
//! `rules/checks/calendar.rs` judges.

use serde_spanned::Spanned;

use super::super::calendar::RawNotOn;
use super::super::{Cited, ExcludedDays, Holiday, NotOn};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `days` names at least one kind of day, each once; `holidays` are given
    /// exactly when a kind needs them, each once and each a day of the year or a
    /// weekday of a month.
    pub(super) fn not_on(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawNotOn>>,
    ) -> Result<Option<Cited<NotOn>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        let words: Vec<&str> = ExcludedDays::ALL.iter().map(|(_, w)| *w).collect();
        let mut days: Vec<ExcludedDays> = Vec::new();
        for kind in &raw.days {
            let Ok(parsed) = kind.get_ref().parse::<ExcludedDays>() else {
                return Err(self.err(
                    kind.span(),
                    format!(
                        "`{}` is not a kind of day; expected one of {}",
                        kind.get_ref(),
                        words.join(", ")
                    ),
                ));
            };
            if days.contains(&parsed) {
                return Err(self.err(
                    kind.span(),
                    format!("`not_on.days` names `{}` twice", kind.get_ref()),
                ));
            }
            days.push(parsed);
        }
        let Some(first) = days.first() else {
            return Err(self.err(
                whole,
                format!(
                    "`not_on` needs `days = [...]`, the kinds of day the organ may not meet on: {}",
                    words.join(", ")
                ),
            ));
        };
        let mut holidays: Vec<Holiday> = Vec::new();
        for h in &raw.holidays {
            let parsed = h
                .get_ref()
                .parse::<Holiday>()
                .map_err(|e| self.err(h.span(), e))?;
            if holidays.contains(&parsed) {
                return Err(self.err(
                    h.span(),
                    format!("`not_on.holidays` names `{}` twice", h.get_ref()),
                ));
            }
            holidays.push(parsed);
        }
        let needs = days.iter().any(|k| k.needs_holidays());
        if needs && holidays.is_empty() {
            return Err(self.err(
                whole,
                "holidays are the statute's own: list them with `holidays = [\"07-04\", \"first monday of september\"]`",
            ));
        }
        if !needs && let Some(h) = raw.holidays.first() {
            return Err(self.err(
                h.span(),
                format!(
                    "`holidays` are read only with `days = [\"holidays\"]` or `[\"holiday-weekends\"]`; `{}` does not use them",
                    ExcludedDays::ALL
                        .iter()
                        .find(|(k, _)| k == first)
                        .map_or("", |(_, w)| *w)
                ),
            ));
        }
        Ok(Some(Cited {
            rule: NotOn { days, holidays },
            article: self.article(scope, raw.article)?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::statute::{ExcludedDays, read};

    /// A statute whose Convention's `not_on` is `clause` (on line 14).
    fn statute(clause: &str) -> String {
        format!(
            r#"organization = "union"

[[version]]
id = "v1"
effective = "2020-01-01"

[[version.article]]
number = "4"
text = "No convention shall be held on a holiday weekend."

[[version.organ]]
id = "convention"
name = "Convention"
not_on = {clause}
"#
        )
    }

    #[test]
    fn reads_the_days_the_holidays_and_the_article() {
        let doc = read(&statute(
            r#"{ days = ["holiday-weekends"], holidays = ["07-04", "last monday of may"], article = "4" }"#,
        ))
        .expect("a valid statute");
        let rule = doc.versions[0]
            .organ(&"convention".parse().expect("a key"))
            .and_then(|o| o.not_on.as_ref())
            .expect("the convention's not_on");
        assert_eq!(rule.rule.days, vec![ExcludedDays::HolidayWeekends]);
        assert_eq!(rule.rule.holidays.len(), 2);
        assert_eq!(rule.article.as_deref(), Some("4"));
        let sundays = read(&statute(r#"{ days = ["sundays"] }"#)).expect("a valid statute");
        assert!(
            sundays.versions[0]
                .organ(&"convention".parse().expect("a key"))
                .and_then(|o| o.not_on.as_ref())
                .is_some_and(|n| n.rule.holidays.is_empty())
        );
    }

    #[test]
    fn bad_clauses_are_refused_where_they_are_wrong() {
        let cases = [
            (
                r#"{ days = ["mondays"] }"#,
                "`mondays` is not a kind of day",
                20,
            ),
            (
                r#"{ days = ["sundays", "sundays"] }"#,
                "names `sundays` twice",
                31,
            ),
            (
                r#"{ days = [], article = "4" }"#,
                "needs `days = [...]`",
                10,
            ),
            (
                r#"{ days = ["holidays"] }"#,
                "holidays are the statute's own",
                10,
            ),
            (
                r#"{ days = ["holidays"], holidays = ["12-32"] }"#,
                "`12-32` is not a day of the year",
                45,
            ),
            (
                r#"{ days = ["holidays"], holidays = ["fifth monday of may"] }"#,
                "expected a day of the year",
                45,
            ),
            (
                r#"{ days = ["holidays"], holidays = ["07-04", "07-04"] }"#,
                "names `07-04` twice",
                54,
            ),
            (
                r#"{ days = ["sundays"], holidays = ["07-04"] }"#,
                "`sundays` does not use them",
                44,
            ),
            (
                r#"{ days = ["sundays"], article = "9" }"#,
                "article 9 is not defined",
                0,
            ),
            (r#"{ days = ["sundays"], on = 2 }"#, "unknown field `on`", 0),
        ];
        for (clause, expected, column) in cases {
            let err = read(&statute(clause)).expect_err(clause);
            assert!(
                err.message.contains(expected),
                "for {clause}: {}",
                err.message
            );
            assert_eq!(err.line, 14, "for {clause}: {err}");
            if column > 0 {
                assert_eq!(err.column, column, "for {clause}: {err}");
            }
        }
    }
}

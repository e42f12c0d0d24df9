//! Reading an organ's `tied = [{ follows = "convention", within = "1 day",
//! category = "general" }]`: its meetings tied to another organ's. It only reads;
//! `rules/checks/tied.rs` judges.

use serde_spanned::Spanned;

use super::super::raw::{RawOrgan, RawTie};
use super::super::{Cited, Side, Tie};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// Each tie: exactly one of `follows` and `precedes`, naming another organ of the
    /// version; a `within` period; a `category` the organ declares (`meeting`); no
    /// two ties to the same side of the same organ for the same kind.
    pub(super) fn tied(
        &self,
        scope: &Scope<'_>,
        organ: &RawOrgan,
        raws: Vec<Spanned<RawTie>>,
    ) -> Result<Vec<Cited<Tie>>, InputError> {
        let mut ties: Vec<Cited<Tie>> = Vec::new();
        for raw in raws {
            let span = raw.span();
            let raw = raw.into_inner();
            let (side, other) = match (raw.follows, raw.precedes) {
                (Some(o), None) => (Side::Follows, o),
                (None, Some(o)) => (Side::Precedes, o),
                (Some(_), Some(p)) => {
                    return Err(self.err(
                        p.span(),
                        "a tie gives either `follows` or `precedes`, not both: write two ties",
                    ));
                }
                (None, None) => {
                    return Err(self.err(
                        span,
                        "a tie needs `follows = \"ORGAN\"` (meets after each meeting of that organ ends) or `precedes = \"ORGAN\"` (before each begins)",
                    ));
                }
            };
            let key = self.organ_key(scope, &other)?;
            if other.get_ref() == organ.id.get_ref() {
                return Err(self.err(
                    other.span(),
                    "a tie names another organ: an organ's meeting cannot follow or precede its own",
                ));
            }
            let Some(within) = &raw.within else {
                return Err(self.err(
                    span,
                    "a tie needs `within = \"1 day\"`: how soon after (or before) the other organ's meeting this organ must meet",
                ));
            };
            let within = self.period(within)?;
            let category = match raw.category {
                None => None,
                Some(c) => {
                    if !organ
                        .meetings
                        .iter()
                        .any(|k| k.category.get_ref() == c.get_ref())
                    {
                        return Err(self.err(
                            c.span(),
                            format!(
                                "`category = \"{}\"` is not a kind of meeting of this organ; declare it with `meeting = [{{ category = \"{}\" }}]`",
                                c.get_ref(),
                                c.get_ref()
                            ),
                        ));
                    }
                    Some(c.into_inner())
                }
            };
            let rule = Tie {
                side,
                organ: key,
                within,
                category,
            };
            if ties.iter().any(|t| {
                t.rule.side == rule.side
                    && t.rule.organ == rule.organ
                    && t.rule.category == rule.category
            }) {
                return Err(self.err(
                    span,
                    format!(
                        "a second tie to the same side of `{}` for the same meetings; one would be ignored",
                        other.get_ref()
                    ),
                ));
            }
            ties.push(Cited {
                rule,
                article: self.article(scope, raw.article)?,
            });
        }
        Ok(ties)
    }
}

#[cfg(test)]
mod tests {
    use crate::statute::{Side, read};

    /// A statute whose Board's `tied` is `tie` (on line 19).
    fn statute(tie: &str) -> String {
        format!(
            r#"organization = "union"

[[version]]
id = "v1"
effective = "2020-01-01"

[[version.article]]
number = "8"
text = "The Board shall meet immediately following final adjournment of the Convention."

[[version.organ]]
id = "convention"
name = "Convention"
elected_by = {{ by = "members" }}

[[version.organ]]
id = "board"
name = "Board"
tied = [{tie}]
meeting = [{{ category = "general" }}]
"#
        )
    }

    #[test]
    fn reads_each_side_with_its_period_kind_and_article() {
        let doc = read(&statute(
            r#"{ follows = "convention", within = "1 day", article = "8" }, { precedes = "convention", within = "2 days", category = "general" }"#,
        ))
        .expect("a valid statute");
        let board = doc.versions[0]
            .organ(&"board".parse().expect("a key"))
            .expect("the board");
        assert_eq!(board.tied.len(), 2);
        let (after, before) = (&board.tied[0], &board.tied[1]);
        assert_eq!(after.rule.side, Side::Follows);
        assert_eq!(after.rule.organ.as_str(), "convention");
        assert_eq!(after.rule.within, "1 day".parse().expect("a period"));
        assert_eq!(after.rule.category, None);
        assert_eq!(after.article.as_deref(), Some("8"));
        assert_eq!(before.rule.side, Side::Precedes);
        assert_eq!(before.rule.within, "2 days".parse().expect("a period"));
        assert_eq!(before.rule.category.as_deref(), Some("general"));
        assert_eq!(before.article, None);
    }

    /// Each bad tie is refused on its line (19), with a message saying what was expected.
    #[test]
    fn bad_ties_are_refused_where_they_are_wrong() {
        let cases = [
            (r#"{ within = "1 day" }"#, "needs `follows = \"ORGAN\"`"),
            (
                r#"{ follows = "convention", precedes = "convention", within = "1 day" }"#,
                "either `follows` or `precedes`, not both",
            ),
            (
                r#"{ follows = "congress", within = "1 day" }"#,
                "unknown organ `congress`",
            ),
            (
                r#"{ follows = "board", within = "1 day" }"#,
                "cannot follow or precede its own",
            ),
            (
                r#"{ follows = "convention" }"#,
                "needs `within = \"1 day\"`",
            ),
            (
                r#"{ follows = "convention", within = "soon" }"#,
                "expected a period",
            ),
            (
                r#"{ follows = "convention", within = "1 day", category = "annual" }"#,
                "`category = \"annual\"` is not a kind of meeting of this organ",
            ),
            (
                r#"{ follows = "convention", within = "1 day", article = "9" }"#,
                "article 9 is not defined",
            ),
            (
                r#"{ follows = "convention", within = "1 day", after = "x" }"#,
                "unknown field `after`",
            ),
            (
                r#"{ follows = "convention", within = "1 day" }, { follows = "convention", within = "3 days" }"#,
                "a second tie to the same side of `convention`",
            ),
        ];
        for (tie, expected) in cases {
            let err = read(&statute(tie)).expect_err(tie);
            assert!(err.message.contains(expected), "for {tie}: {}", err.message);
            assert_eq!(err.line, 19, "for {tie}: {err}");
        }
    }
}

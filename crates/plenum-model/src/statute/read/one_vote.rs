//! Reading an organ's `one_vote = { except = ["vacancy"], article = "VIII.1e" }`. It
//! only reads; `rules/checks/one_vote.rs` judges.

use super::super::raw::RawOneVote;
use super::super::{Cited, OneVote};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `except` names decision categories, each once and none empty.
    pub(super) fn one_vote(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawOneVote>,
    ) -> Result<Option<Cited<OneVote>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let mut except: Vec<String> = Vec::new();
        for category in raw.except {
            if category.get_ref().trim().is_empty() {
                return Err(self.err(
                    category.span(),
                    "`one_vote.except` names decision categories (`motion_decided`'s `category`); this one is empty",
                ));
            }
            if except.contains(category.get_ref()) {
                return Err(self.err(
                    category.span(),
                    format!("`one_vote.except` names `{}` twice", category.get_ref()),
                ));
            }
            except.push(category.into_inner());
        }
        Ok(Some(Cited {
            rule: OneVote { except },
            article: self.article(scope, raw.article)?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use crate::statute::read;

    /// A statute whose Board's `one_vote` is `clause` (on line 14).
    fn statute(clause: &str) -> String {
        format!(
            r#"organization = "union"

[[version]]
id = "v1"
effective = "2020-01-01"

[[version.article]]
number = "8"
text = "Each member of the Board shall have one vote on all matters on which a vote is taken."

[[version.organ]]
id = "board"
name = "Board"
one_vote = {clause}
"#
        )
    }

    #[test]
    fn reads_the_exceptions_and_the_article() {
        let doc =
            read(&statute(r#"{ except = ["vacancy"], article = "8" }"#)).expect("a valid statute");
        let board = doc.versions[0]
            .organ(&"board".parse().expect("a key"))
            .and_then(|o| o.one_vote.as_ref())
            .expect("the board's one_vote");
        assert_eq!(board.rule.except, vec!["vacancy".to_owned()]);
        assert!(!board.rule.binds("vacancy") && board.rule.binds("default"));
        assert_eq!(board.article.as_deref(), Some("8"));
        let bare = read(&statute("{}")).expect("a valid statute");
        let board = bare.versions[0]
            .organ(&"board".parse().expect("a key"))
            .and_then(|o| o.one_vote.as_ref())
            .expect("the board's one_vote");
        assert!(board.rule.except.is_empty() && board.article.is_none());
    }

    #[test]
    fn bad_clauses_are_refused_where_they_are_wrong() {
        let cases = [
            (
                r#"{ except = ["vacancy", "vacancy"] }"#,
                "names `vacancy` twice",
            ),
            (r#"{ except = [" "] }"#, "this one is empty"),
            (r#"{ article = "9" }"#, "article 9 is not defined"),
            (r#"{ votes = 2 }"#, "unknown field `votes`"),
            ("true", "invalid type"),
        ];
        for (clause, expected) in cases {
            let err = read(&statute(clause)).expect_err(clause);
            assert!(
                err.message.contains(expected),
                "for {clause}: {}",
                err.message
            );
            assert_eq!(err.line, 14, "for {clause}: {err}");
        }
    }
}

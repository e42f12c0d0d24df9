//! Reading an organ's `notice_by = { posts = ["secretary"], article = "VIII.H" }`. It
//! only reads; `rules/checks/notice_by.rs` judges.

use super::super::raw::RawNoticeBy;
use super::super::{Cited, NoticeBy};
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

impl Reader<'_> {
    /// `posts` names one post of this version or more, each once.
    pub(super) fn notice_by(
        &self,
        scope: &Scope<'_>,
        raw: Option<serde_spanned::Spanned<RawNoticeBy>>,
    ) -> Result<Option<Cited<NoticeBy>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        if raw.posts.is_empty() {
            return Err(self.err(
                whole,
                "`notice_by` needs `posts = [\"secretary\"]`: the posts whose holders send the notice of a meeting",
            ));
        }
        let mut posts: Vec<Key> = Vec::new();
        for p in &raw.posts {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`notice_by.posts` names posts; `{}` is not a post of this version",
                        p.get_ref()
                    ),
                ));
            }
            let key = self.key(p)?;
            if posts.contains(&key) {
                return Err(self.err(
                    p.span(),
                    format!("`notice_by.posts` names `{}` twice", p.get_ref()),
                ));
            }
            posts.push(key);
        }
        Ok(Some(Cited {
            rule: NoticeBy { posts },
            article: self.article(scope, raw.article)?,
        }))
    }
}

//! Reading procedures of several organs: `nominated_by`, `confirmed_by` and `within`
//! on `elected_by`, and `confirmed_by` and `within` on a discipline rule.

use serde_spanned::Spanned;

use super::super::raw::{RawElector, RawOrgan};
use super::super::{Cited, ComposedOf, Confirmation, Procedure, Succession};
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

impl Reader<'_> {
    /// The nomination and confirmation an `elected_by` asks for; neither may be the
    /// electing organ itself.
    pub(super) fn procedure(
        &self,
        scope: &Scope<'_>,
        raw: Option<&RawElector>,
    ) -> Result<Procedure, InputError> {
        let Some(raw) = raw else {
            return Ok(Procedure::default());
        };
        let nominated_by = raw
            .nominated_by
            .as_ref()
            .map(|n| {
                if n.get_ref() == raw.by.get_ref() {
                    return Err(self.err(
                        n.span(),
                        format!(
                            "`{}` both nominates and elects; name the organ that nominates to `{}`",
                            n.get_ref(),
                            raw.by.get_ref()
                        ),
                    ));
                }
                self.organ_key(scope, n)
            })
            .transpose()?;
        let confirmed_by =
            self.confirmation(scope, raw.confirmed_by.as_ref(), raw.within.as_ref())?;
        if let Some(c) = &raw.confirmed_by
            && c.get_ref() == raw.by.get_ref()
        {
            return Err(self.err(
                c.span(),
                format!(
                    "`{}` both elects and confirms; an organ cannot confirm its own choice",
                    c.get_ref()
                ),
            ));
        }
        Ok(Procedure {
            nominated_by,
            confirmed_by,
            nominations: None,
            or_by: self.or_by(scope, raw)?,
        })
    }

    /// `or_by = ["delegates"]` beside `by = "general-meeting"`: other organs of the
    /// version, each once, none the `by` organ, which must itself be an organ.
    fn or_by(&self, scope: &Scope<'_>, raw: &RawElector) -> Result<Vec<Key>, InputError> {
        let Some(first) = raw.or_by.first() else {
            return Ok(Vec::new());
        };
        let by = raw.by.get_ref();
        if ["members", "appointment", "founder"].contains(&by.as_str()) || by.contains(':') {
            return Err(self.err(
                first.span(),
                format!(
                    "`or_by` names organs that may elect in place of `by`; `by` must then be an organ of the version, not `{by}`"
                ),
            ));
        }
        let mut out: Vec<Key> = Vec::new();
        for o in &raw.or_by {
            let key = self.organ_key(scope, o)?;
            if o.get_ref() == by || out.contains(&key) {
                return Err(self.err(
                    o.span(),
                    format!("`or_by` names `{}` twice (or beside `by`)", o.get_ref()),
                ));
            }
            out.push(key);
        }
        Ok(out)
    }

    /// `confirmed_by = "organ"` with an optional `within = "3 months"`; `within`
    /// alone is refused.
    pub(super) fn confirmation(
        &self,
        scope: &Scope<'_>,
        by: Option<&Spanned<String>>,
        within: Option<&Spanned<String>>,
    ) -> Result<Option<Confirmation>, InputError> {
        match (by, within) {
            (None, None) => Ok(None),
            (None, Some(w)) => Err(self.err(
                w.span(),
                "`within` goes only with `confirmed_by = \"an organ\"` (the organ that confirms)",
            )),
            (Some(b), w) if b.get_ref().starts_with("parent:") => Ok(Some(Confirmation {
                by: self.parent_key(scope, b)?,
                parent: true,
                within: w.map(|w| self.period(w)).transpose()?,
            })),
            (Some(b), w) => Ok(Some(Confirmation {
                by: self.organ_key(scope, b)?,
                parent: false,
                within: w.map(|w| self.period(w)).transpose()?,
            })),
        }
    }

    /// `composed_of = { organs = [...], posts = [...] }`: organs and posts of the
    /// version, not the organ itself, and no `elected_by` beside it.
    pub(super) fn composed_of(
        &self,
        scope: &Scope<'_>,
        raw: &RawOrgan,
    ) -> Result<Option<Cited<ComposedOf>>, InputError> {
        let Some(c) = &raw.composed_of else {
            return Ok(None);
        };
        if let Some(e) = &raw.elected_by {
            return Err(self.err(
                e.by.span(),
                format!(
                    "organ `{}` is `composed_of` other organs and posts: no one elects it; remove `elected_by`",
                    raw.id.get_ref()
                ),
            ));
        }
        if c.organs.is_empty() && c.posts.is_empty() {
            return Err(self.err(
                raw.id.span(),
                "`composed_of` needs `organs = [\"an organ\"]`, `posts = [\"a post\"]` or both",
            ));
        }
        let mut organs = Vec::new();
        for o in &c.organs {
            if o.get_ref() == raw.id.get_ref() {
                return Err(self.err(o.span(), "an organ cannot be composed of itself"));
            }
            organs.push(self.organ_key(scope, o)?);
        }
        let mut posts = Vec::new();
        for p in &c.posts {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`composed_of.posts` names posts; `{}` is not a post of this version",
                        p.get_ref()
                    ),
                ));
            }
            posts.push(self.key(p)?);
        }
        Ok(Some(Cited {
            rule: ComposedOf { organs, posts },
            article: self.article(scope, c.article.clone())?,
        }))
    }

    /// `alternates = { succeed = "by-votes" }` (or `"as-listed"`).
    pub(super) fn succession(
        &self,
        scope: &Scope<'_>,
        raw: &RawOrgan,
    ) -> Result<Option<Cited<Succession>>, InputError> {
        let Some(a) = &raw.alternates else {
            return Ok(None);
        };
        let rule = match a.succeed.get_ref().as_str() {
            "by-votes" => Succession::ByVotes,
            "as-listed" => Succession::AsListed,
            other => {
                return Err(self.err(
                    a.succeed.span(),
                    format!("succeed = `{other}`: expected `by-votes` or `as-listed`"),
                ));
            }
        };
        Ok(Some(Cited {
            rule,
            article: self.article(scope, a.article.clone())?,
        }))
    }
}

impl Reader<'_> {
    /// `convened_by.posts`: posts of this version, whose holders may convene.
    pub(super) fn convener_posts(
        &self,
        scope: &Scope<'_>,
        raw: &[Spanned<String>],
    ) -> Result<Vec<crate::id::Key>, InputError> {
        let mut posts = Vec::new();
        for p in raw {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`convened_by.posts` names posts; `{}` is not a post of this version",
                        p.get_ref()
                    ),
                ));
            }
            posts.push(self.key(p)?);
        }
        Ok(posts)
    }

    /// `convened_by.notify`: posts of this version, each named once, to whose holders
    /// a requisition is sent; only beside a `requisition`.
    pub(super) fn convener_notify(
        &self,
        scope: &Scope<'_>,
        raw: &super::super::raw::RawConvener,
    ) -> Result<Vec<crate::id::Key>, InputError> {
        if let Some(first) = raw.notify.first()
            && raw.requisition.is_none()
        {
            return Err(self.err(
                first.span(),
                "`notify` names the posts a members' request is sent to; give `requisition` too",
            ));
        }
        let mut posts: Vec<crate::id::Key> = Vec::new();
        for p in &raw.notify {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`convened_by.notify` names posts; `{}` is not a post of this version",
                        p.get_ref()
                    ),
                ));
            }
            let key = self.key(p)?;
            if posts.contains(&key) {
                return Err(self.err(
                    p.span(),
                    format!("`convened_by.notify` names `{}` twice", p.get_ref()),
                ));
            }
            posts.push(key);
        }
        Ok(posts)
    }
}

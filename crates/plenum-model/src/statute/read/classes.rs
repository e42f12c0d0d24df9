//! Reading the membership classes a version declares (`[[version.membership.class]]`).

use std::collections::BTreeSet;

use serde_spanned::Spanned;

use super::super::MemberClass;
use super::super::raw::RawClass;
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn classes(
        &self,
        scope: &Scope<'_>,
        raws: &[RawClass],
    ) -> Result<Vec<MemberClass>, InputError> {
        let mut seen = BTreeSet::new();
        raws.iter()
            .map(|raw| {
                let id = raw.id.get_ref().as_str();
                if !seen.insert(id.to_owned()) {
                    return Err(self.err(
                        raw.id.span(),
                        format!("membership class `{id}` is defined twice"),
                    ));
                }
                Ok(MemberClass {
                    id: self.key(&raw.id)?,
                    name: raw.name.clone(),
                    votes: raw.votes.unwrap_or(true),
                    may_hold_office: raw.may_hold_office.unwrap_or(true),
                    article: self.article(scope, raw.article.clone())?,
                })
            })
            .collect()
    }

    /// `{ requires = "class", class = "full" }`: the class must be one the version
    /// declares, and nothing else goes with it.
    pub(super) fn class_key(
        &self,
        scope: &Scope<'_>,
        requires: &Spanned<String>,
        class: Option<&Spanned<String>>,
        organ: Option<&Spanned<String>>,
        for_at_least: Option<&Spanned<String>>,
    ) -> Result<Key, InputError> {
        let Some(class) = class else {
            return Err(self.err(
                requires.span(),
                "`requires = \"class\"` needs `class = ...`",
            ));
        };
        if requires.get_ref() != "class" {
            return Err(self.err(
                class.span(),
                "`class` goes only with `requires = \"class\"`",
            ));
        }
        if let Some(extra) = organ.or(for_at_least) {
            return Err(self.err(
                extra.span(),
                "`requires = \"class\"` takes only `class` (and `article`)",
            ));
        }
        if !scope.classes.contains(class.get_ref()) {
            return Err(self.err(
                class.span(),
                format!(
                    "membership class `{}` is not defined in version `{}`; add a [[version.membership.class]] with id = \"{}\"",
                    class.get_ref(),
                    scope.version,
                    class.get_ref()
                ),
            ));
        }
        self.key(class)
    }
}

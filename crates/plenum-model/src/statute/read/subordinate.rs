//! Reading `[[version.subordinate]]`: the organs and posts a statute gives every
//! organization of a category under the one it governs ("each primary Party
//! organization elects its committee"). A template's organs and posts are read as a
//! version's are, in a scope of their own (they name each other, never the
//! version's own organs), with the version's articles, penalties and classes.

use std::collections::BTreeSet;

use serde_spanned::Spanned;

use super::super::raw::RawSubordinate;
use super::super::subordinate::Subordinate;
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn subordinates(
        &self,
        scope: &Scope<'_>,
        raws: Vec<RawSubordinate>,
        counted: &BTreeSet<&str>,
    ) -> Result<Vec<Subordinate>, InputError> {
        let mut categories = BTreeSet::new();
        let mut out = Vec::new();
        for raw in raws {
            let category = raw.category.get_ref().trim();
            if category.is_empty() {
                return Err(self.err(
                    raw.category.span(),
                    "`category` names the kind of organization (`organization_founded` `category`), e.g. \"primary\"",
                ));
            }
            if !categories.insert(category.to_owned()) {
                return Err(self.err(
                    raw.category.span(),
                    format!(
                        "subordinate category `{category}` is defined twice in version `{}`",
                        scope.version
                    ),
                ));
            }
            // A kind of organization named only to be counted (`convened_by.organizations`)
            // governs no office; any other template without one is a mistake.
            if raw.organs.is_empty() && raw.posts.is_empty() && !counted.contains(category) {
                return Err(self.err(
                    raw.category.span(),
                    format!("subordinate `{category}` needs at least one `[[version.subordinate.organ]]` or `[[version.subordinate.post]]` (or a `convened_by.organizations` counting it)"),
                ));
            }
            out.push(self.subordinate(scope, category.to_owned(), raw)?);
        }
        Ok(out)
    }

    fn subordinate(
        &self,
        scope: &Scope<'_>,
        category: String,
        raw: RawSubordinate,
    ) -> Result<Subordinate, InputError> {
        let mut own = Scope {
            version: scope.version,
            articles: scope.articles.clone(),
            organs: BTreeSet::new(),
            posts: BTreeSet::new(),
            penalties: scope.penalties.clone(),
            classes: scope.classes.clone(),
            template: true,
            constituencies: false,
            regions: false,
            categories: scope.categories.clone(),
        };
        for organ in &raw.organs {
            if !own.organs.insert(organ.id.get_ref().clone()) {
                return Err(self.twice("organ", &organ.id, &category));
            }
        }
        for post in &raw.posts {
            if !own.posts.insert(post.id.get_ref().clone()) {
                return Err(self.twice("post", &post.id, &category));
            }
        }
        self.check_election_cycles(&raw.organs)?;
        self.check_leadership_cycles(&raw.organs)?;
        let article = self.article(scope, raw.article)?;
        let founding = raw
            .founding
            .map(|f| self.founding(scope, f, "subordinate.founding"))
            .transpose()?;
        let dissolution = raw
            .dissolution
            .map(|d| self.dissolution(scope, d, "subordinate.dissolution"))
            .transpose()?;
        let organs = raw
            .organs
            .into_iter()
            .map(|o| self.organ(&own, o))
            .collect::<Result<Vec<_>, _>>()?;
        let posts = raw
            .posts
            .into_iter()
            .map(|p| self.post(&own, p))
            .collect::<Result<Vec<_>, _>>()?;
        let powers = raw
            .powers
            .into_iter()
            .map(|p| self.power(&own, p))
            .collect::<Result<Vec<_>, _>>()?;
        let discipline = self.template_discipline(&own, raw.discipline)?;
        let appeals = match raw.appeals {
            Some(a) => {
                let at = a.span();
                match self.appeals(&own, a)? {
                    (None, by) => by,
                    (Some(_), _) => {
                        return Err(self.err(
                            at,
                            "a `[[version.subordinate]]`'s `appeals` takes `by` only (who decides appeals there); `final_by` belongs in `[version.trials]`",
                        ));
                    }
                }
            }
            None => None,
        };
        Ok(Subordinate {
            discipline,
            category,
            name: raw.name,
            article,
            organs,
            posts,
            founding,
            dissolution,
            powers,
            appeals,
        })
    }

    /// `parent:KEY` (in `elected_by` or `confirmed_by`): an organ of the organization
    /// one level up; only a template may name one (the key is not checked here: the parent level's organs
    /// are those of its own statute or template, known only from the record).
    pub(super) fn parent_key(
        &self,
        scope: &Scope<'_>,
        raw: &Spanned<String>,
    ) -> Result<Key, InputError> {
        if !scope.template {
            return Err(self.err(
                raw.span(),
                "`parent:KEY` names an organ of the organization one level up; only the organs and posts of a `[[version.subordinate]]` may use it",
            ));
        }
        let key = raw.get_ref().trim_start_matches("parent:");
        Key::new(key).map_err(|e| self.err(raw.span(), format!("`{}`: {e}", raw.get_ref())))
    }

    fn twice(&self, what: &str, id: &Spanned<String>, category: &str) -> InputError {
        self.err(
            id.span(),
            format!(
                "{what} `{}` is defined twice in subordinate `{category}`",
                id.get_ref()
            ),
        )
    }
}

impl Reader<'_> {
    /// `[[version.subordinate.discipline]]`: rules for the discipline of the holders
    /// of a template's offices ("a member of a local Party committee ... by the
    /// standing committee of the Party committee at the corresponding level"). Read as
    /// the version's rules are, in the template's scope (`by` may name
    /// `parent:KEY`); a rule concerns the holders of one of its offices, or, without a
    /// `target`, any member (decided by that organ of any organization of the
    /// category). Confirmations, referrals and register sizes are not followed here.
    fn template_discipline(
        &self,
        own: &Scope<'_>,
        raws: Vec<super::super::raw::RawDiscipline>,
    ) -> Result<Vec<super::super::DisciplineRule>, InputError> {
        let mut rules: Vec<super::super::DisciplineRule> = Vec::new();
        for raw in raws {
            // The spans of the template's own organs (`rule.by`), not `parent:` ones.
            let by_spans: Vec<_> = raw
                .by
                .iter()
                .filter(|b| !b.get_ref().starts_with("parent:"))
                .map(Spanned::span)
                .collect();
            let target_span = raw.target.as_ref().map(Spanned::span);
            let act_span = raw.act.span();
            let unfollowed = [
                raw.confirmed_by
                    .as_ref()
                    .map(|c| (c.span(), "confirmed_by")),
                raw.referral.as_ref().map(|r| (r.span(), "referral")),
                raw.while_members_exceed
                    .as_ref()
                    .map(|n| (n.span(), "while_members_exceed")),
            ];
            if let Some((span, key)) = unfollowed.into_iter().flatten().next() {
                return Err(self.err(
                    span,
                    format!("`{key}` is not yet followed in a `[[version.subordinate.discipline]]` rule; state it in `[[version.discipline]]`, or keep it as the article's text"),
                ));
            }
            let rule = self.discipline(own, raw)?;
            if rule.target == Some(super::super::Target::Member) {
                return Err(self.err(
                    target_span.unwrap_or(act_span),
                    "a `[[version.subordinate.discipline]]` rule concerns the holders of one of the template's offices (`target = { seat = \"committee\" }` or `{ post = \"secretary\" }`), or, without `target`, any member; `\"member\"` goes in `[[version.discipline]]`",
                ));
            }
            self.check_overlap(&rules, &rule, &by_spans, target_span, act_span)?;
            rules.push(rule);
        }
        Ok(rules)
    }
}

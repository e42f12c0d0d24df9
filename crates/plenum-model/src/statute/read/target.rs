//! Reading a discipline rule's `target` (`"member"`, `{ seat = "cc" }`,
//! `{ post = "chair" }`), and refusing rules for one act that would leave it
//! ambiguous which organ is competent for a person.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_spanned::Spanned;

use super::super::raw::RawTarget;
use super::super::{DisciplineRule, Target};
use super::{Reader, Scope};
use crate::source::InputError;

const EXPECTED: &str =
    "`\"member\"` (an ordinary member), `{ seat = \"an organ\" }` or `{ post = \"a post\" }`";

impl Reader<'_> {
    /// The target as the version's organs and posts define it.
    pub(super) fn target(
        &self,
        scope: &Scope<'_>,
        raw: &Spanned<RawTarget>,
    ) -> Result<Target, InputError> {
        let span = raw.span();
        match raw.get_ref() {
            RawTarget::Word(w) if w == "member" => Ok(Target::Member),
            RawTarget::Word(w) => {
                Err(self.err(span, format!("unknown target `{w}`; expected {EXPECTED}")))
            }
            RawTarget::Seat(organ) => Ok(Target::Seat(
                self.organ_key(scope, &Spanned::new(span, organ.clone()))?,
            )),
            RawTarget::Post(post) if scope.posts.contains(post) => {
                Ok(Target::Post(self.key(&Spanned::new(span, post.clone()))?))
            }
            RawTarget::Post(post) => Err(self.err(
                span,
                format!(
                    "unknown post `{post}` in version `{}`; defined posts: {}",
                    scope.version,
                    scope
                        .posts
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    /// Refuses `rule` (its `by` at `by_spans`, its `target` at `target_span`) where,
    /// with the rules already read, it is unclear which rule judges a person:
    /// a rule with a target beside one without for the same act; two rules with the
    /// same target that give the same organ (one would be ignored); two rules whose
    /// targets one person may both meet that give the same organ on other terms.
    pub(super) fn check_overlap(
        &self,
        earlier: &[DisciplineRule],
        rule: &DisciplineRule,
        by_spans: &[Range<usize>],
        target_span: Option<Range<usize>>,
        act_span: Range<usize>,
    ) -> Result<(), InputError> {
        let act = rule.act_name();
        let from = rule
            .from
            .as_ref()
            .map_or_else(String::new, |f| format!(" (from `{f}`)"));
        for other in earlier.iter().filter(|d| d.same_act(rule)) {
            if other.target.is_some() != rule.target.is_some() {
                return Err(self.err(
                    target_span.clone().unwrap_or(act_span.clone()),
                    format!(
                        "one `{act}` rule{from} has a `target` and another has none: say whom each concerns (`target = \"member\"` for the ordinary members)"
                    ),
                ));
            }
            for (organ, span) in rule.by.iter().zip(by_spans) {
                if !other.by.contains(organ) {
                    continue;
                }
                if other.target == rule.target {
                    let whom = rule
                        .target
                        .as_ref()
                        .map_or_else(String::new, |t| format!(" for {}", target_words(t)));
                    return Err(self.err(
                        span.clone(),
                        format!(
                            "a second `{act}` rule{from}{whom} gives it to `{organ}`; give each organ one rule per act (several organs may each have their own)"
                        ),
                    ));
                }
                if let (Some(a), Some(b)) = (&other.target, &rule.target)
                    && a.may_overlap(b)
                    && !other.same_terms(rule)
                {
                    return Err(self.err(
                        span.clone(),
                        format!(
                            "two `{act}` rules{from} give it to `{organ}` on different terms, one for {} and one for {}: a person who is both would fall under both; give them the same majority, or one rule",
                            target_words(a),
                            target_words(b)
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// "holders of a seat on `cc`", "holders of the post `chair`", "ordinary members".
pub(crate) fn target_words(target: &Target) -> String {
    match target {
        Target::Seat(k) => format!("holders of a seat on `{k}`"),
        Target::Post(k) => format!("holders of the post `{k}`"),
        Target::Member => "ordinary members".to_owned(),
    }
}

impl<'de> Deserialize<'de> for RawTarget {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TargetVisitor)
    }
}

struct TargetVisitor;

impl<'de> Visitor<'de> for TargetVisitor {
    type Value = RawTarget;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTarget, E> {
        Ok(RawTarget::Word(v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawTarget, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: String = map.next_value()?;
            let target = match key.as_str() {
                "seat" => RawTarget::Seat(value),
                "post" => RawTarget::Post(value),
                other => return Err(de::Error::unknown_field(other, &["seat", "post"])),
            };
            if found.is_some() {
                return Err(de::Error::custom(
                    "a target is one office: give either `seat` or `post`, not both",
                ));
            }
            found = Some(target);
        }
        found.ok_or_else(|| de::Error::custom(format!("expected {EXPECTED}")))
    }
}

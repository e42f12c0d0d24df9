//! Posts as conveners (`convened_by = { posts = ["chair"] }`, "the Chair may call
//! a special meeting"): a meeting convened by the holder of a post
//! (`meeting_convened` `by_post`) or by a person (`by_person`) is judged against
//! the posts the statute names and against who held them on the day.

use crate::date::{FuzzyDate, Truth};
use crate::id::{Key, OrganRef, PersonId, PostRef};
use crate::statute::{Cited, Convener};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `wrong-convener` for a post that may not convene the organ, or a person who
    /// did not hold such a post on the day (possibly, where dates are fuzzy).
    /// A person who convened on behalf of an organ (`by`) or at the members'
    /// request (`requested_by`) is judged by those instead.
    pub(super) fn check_post_convener(
        &self,
        organ: &OrganRef,
        by_post: Option<&PostRef>,
        by_person: Option<&PersonId>,
        on_behalf: bool,
        out: &mut Out<'_>,
    ) {
        if by_post.is_none() && (by_person.is_none() || on_behalf) {
            return;
        }
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: convener,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.convened_by.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let meeting = self.organ_name(organ);
        let competent = self.conveners_words(organ, convener);
        // The posts the convener's office is judged by: the one named, or any the
        // statute names.
        let posts: Vec<Key> = match by_post {
            Some(post) => {
                if post.org != organ.org || !convener.posts.contains(&post.key) {
                    out.push(
                        Rule::WrongConvener,
                        Severity::Violation,
                        Truth::Definitely,
                        Some(citation),
                        vec![],
                        format!(
                            "a meeting of {meeting} was convened by the holder of the post of {}; the statute gives that to {competent}",
                            self.post_name(post)
                        ),
                    );
                    return;
                }
                vec![post.key.clone()]
            }
            None => convener.posts.clone(),
        };
        let Some(person) = by_person else {
            return;
        };
        let who = self.person(person);
        if posts.is_empty() {
            out.push(
                Rule::WrongConvener,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!("a meeting of {meeting} was convened by {who}; the statute gives that to {competent}"),
            );
            return;
        }
        let held = self.held_any(person, organ, &posts, &date);
        let not_held = match held {
            Truth::Definitely => Truth::No,
            Truth::Possibly => Truth::Possibly,
            Truth::No => Truth::Definitely,
        };
        let offices = posts
            .iter()
            .map(|k| self.post_name(&PostRef::new(organ.org.clone(), k.clone())))
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            Rule::WrongConvener,
            Severity::Violation,
            not_held,
            Some(citation),
            vec![],
            format!(
                "a meeting of {meeting} was convened by {who}, who did not hold the post of {offices} on {date}; the statute gives that to {competent}"
            ),
        );
    }

    /// Whether `person` held any of `posts` (of the organ's organization) on `date`:
    /// definitely on some day of it, possibly, or no.
    pub(super) fn held_any(
        &self,
        person: &PersonId,
        organ: &OrganRef,
        posts: &[Key],
        date: &FuzzyDate,
    ) -> Truth {
        self.history
            .posts_of(person)
            .iter()
            .filter(|p| p.post.org == organ.org && posts.contains(&p.post.key))
            .map(|p| p.span.holds(date.earliest(), date.latest()))
            .max()
            .unwrap_or(Truth::No)
    }

    /// "Board or the holder of the post of President, or 1/10 of its members by requisition".
    pub(super) fn conveners_words(&self, organ: &OrganRef, convener: &Convener) -> String {
        let mut who: Vec<String> = convener
            .by
            .iter()
            .map(|k| self.organ_name(&OrganRef::new(organ.org.clone(), k.clone())))
            .collect();
        who.extend(convener.posts.iter().map(|k| {
            format!(
                "the holder of the post of {}",
                self.post_name(&PostRef::new(organ.org.clone(), k.clone()))
            )
        }));
        let named = who.join(" or ");
        match convener.requisition_words() {
            Some(w) if named.is_empty() => format!("{w} of its members by requisition"),
            Some(w) => format!("{named}, or {w} of its members by requisition"),
            None => named,
        }
    }
}

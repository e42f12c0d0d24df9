//! Acting in a post (a post's `acting`): a `post_assigned` with `acting = true` gives
//! the post, for the time being, to someone who must hold one of the offices the
//! clause names (a post, or a full seat on an organ) on the day; anyone else is
//! `ineligible-holder`, citing the clause. It reads only the acting person's open
//! posts and seats; a post with no `acting` clause is not judged.

use crate::date::Truth;
use crate::event::Role;
use crate::id::{OrganRef, PersonId, PostRef};
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_acting(&self, post: &PostRef, person: &PersonId, out: &mut Out<'_>) {
        let Some(version) = self.version(&post.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: acting,
            article,
        }) = version.post(&post.key).and_then(|d| d.acting.as_ref())
        else {
            return;
        };
        let holds_post = self
            .history
            .open_posts_of(person)
            .iter()
            .any(|p| p.post.org == post.org && acting.posts.contains(&p.post.key));
        let holds_seat = self.history.open_seats_of(person).iter().any(|s| {
            s.organ.org == post.org && s.role == Role::Full && acting.organs.contains(&s.organ.key)
        });
        if holds_post || holds_seat {
            return;
        }
        let offices: Vec<String> = acting
            .posts
            .iter()
            .map(|k| {
                format!(
                    "the {}",
                    self.post_name(&PostRef::new(post.org.clone(), k.clone()))
                )
            })
            .chain(acting.organs.iter().map(|k| {
                format!(
                    "a member of {}",
                    self.organ_name(&OrganRef::new(post.org.clone(), k.clone()))
                )
            }))
            .collect();
        out.push(
            Rule::IneligibleHolder,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{} acts as {}, but the statute gives the acting office to {} only",
                self.person(person),
                self.post_name(post),
                offices.join(" or ")
            ),
        );
    }
}

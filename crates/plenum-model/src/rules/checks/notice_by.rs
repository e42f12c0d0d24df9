//! Who sends the notice of a meeting (`notice_by = { posts = ["secretary"] }`: "The
//! Secretary will give notice of all Members’ meetings"): a `meeting_convened` whose
//! record names the post that sent its notice (`noticed_by_post`) outside the
//! statute's posts, or the person who sent it (`noticed_by_person`) while not holding
//! such a post on the day, is `wrong-notifier` citing `notice_by`. Where the record
//! names neither, it is not judged. It reads only the event and the tenures of the
//! person named.

use crate::date::Truth;
use crate::event::kinds::MeetingConvened;
use crate::id::{Key, PostRef};
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_notice_by(&self, b: &MeetingConvened, out: &mut Out<'_>) {
        if b.noticed_by_post.is_none() && b.noticed_by_person.is_none() {
            return;
        }
        let organ = &b.organ;
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: notice_by,
            article,
        }) = version.organ(&organ.key).and_then(|d| d.notice_by.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let meeting = self.organ_name(organ);
        let charged = notice_by
            .posts
            .iter()
            .map(|k| self.post_name(&PostRef::new(organ.org.clone(), k.clone())))
            .collect::<Vec<_>>()
            .join(" or the ");
        let posts: Vec<Key> = match &b.noticed_by_post {
            Some(post) => {
                if post.org != organ.org || !notice_by.posts.contains(&post.key) {
                    out.push(
                        Rule::WrongNotifier,
                        Severity::Violation,
                        Truth::Definitely,
                        Some(citation),
                        vec![],
                        format!(
                            "the notice of a meeting of {meeting} was sent by the {}; the statute charges the {charged} with it",
                            self.post_name(post)
                        ),
                    );
                    return;
                }
                vec![post.key.clone()]
            }
            None => notice_by.posts.clone(),
        };
        let Some(person) = &b.noticed_by_person else {
            return;
        };
        let not_held = match self.held_any(person, organ, &posts, &date) {
            Truth::Definitely => Truth::No,
            Truth::Possibly => Truth::Possibly,
            Truth::No => Truth::Definitely,
        };
        let offices = posts
            .iter()
            .map(|k| self.post_name(&PostRef::new(organ.org.clone(), k.clone())))
            .collect::<Vec<_>>()
            .join(" or the ");
        out.push(
            Rule::WrongNotifier,
            Severity::Violation,
            not_held,
            Some(citation),
            vec![],
            format!(
                "the notice of a meeting of {meeting} was sent by {}, who did not hold the post of the {offices} on {date}; the statute charges the {charged} with it",
                self.person(person)
            ),
        );
    }
}

//! The notice a members' request for a meeting is sent with (`convened_by.notify`:
//! "on call of a majority of the members ... upon written notice to the International
//! President"): a meeting convened at members' request whose record names the posts
//! the request was sent to (`notified`), without one the statute names, is
//! `wrong-convener` citing `convened_by`. Where the record does not say, it is not
//! judged. It reads only the event and the statute.

use crate::date::Truth;
use crate::event::kinds::MeetingConvened;
use crate::id::PostRef;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_notified(&self, b: &MeetingConvened, out: &mut Out<'_>) {
        let (Some(requested), Some(notified)) = (b.requested_by, b.notified.as_ref()) else {
            return;
        };
        let organ = &b.organ;
        let Some(version) = self.version(&organ.org, &out.event.date) else {
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
        let missing: Vec<String> = convener
            .notify
            .iter()
            .map(|key| PostRef {
                org: organ.org.clone(),
                key: key.clone(),
            })
            .filter(|post| !notified.contains(post))
            .map(|post| self.post_name(&post))
            .collect();
        if missing.is_empty() {
            return;
        }
        let sent = if notified.is_empty() {
            "no one".to_owned()
        } else {
            notified
                .iter()
                .map(|p| self.post_name(p))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(
            Rule::WrongConvener,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "a meeting of {} was convened at the request of {requested} members, with notice to {sent}; the statute requires notice to {}",
                self.organ_name(organ),
                missing.join(", ")
            ),
        );
    }
}

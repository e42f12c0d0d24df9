//! Posts that appoint (`elected_by = { by = "post:president" }`, "the President
//! appoints"): a seat or post filled by an organ instead (`wrong-elector`), or by
//! the holder of another post (`by_post`), or by a person (`by_person`) who did not
//! hold the appointing post on the day (possibly, where dates are fuzzy).

use crate::date::Truth;
use crate::id::{Key, OrgId, OrganRef, PersonId, PostRef};
use crate::statute::{Cited, Elector, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// Who filled an office, as the event says.
pub(super) struct Filler<'a> {
    /// The organs that decided it (`by`, or the organ of the cited decision).
    pub electors: &'a [OrganRef],
    /// The appointing post (`by_post`).
    pub post: Option<&'a PostRef>,
    /// The appointing person (`by_person`).
    pub person: Option<&'a PersonId>,
}

impl Ctx<'_, '_> {
    /// Judges `filler` against an office that a post fills. `what` is "seats on
    /// the Board were", "the post of Treasurer was"; `vacancies_by`, the organ that
    /// may fill a vacancy (co-option), is competent where `vacancy` holds.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_appointer(
        &self,
        what: String,
        org: &OrgId,
        rule: Option<&Cited<Elector>>,
        vacancies_by: Option<&Key>,
        vacancy: bool,
        filler: &Filler<'_>,
        version: &Version,
        out: &mut Out<'_>,
    ) {
        // An office an organ fills, filled by the holder of a post alone.
        if let (
            Some(Cited {
                rule: Elector::Organ(key),
                article,
            }),
            Some(post),
            true,
        ) = (rule, filler.post, filler.electors.is_empty())
        {
            let organ = |k: &Key| self.organ_name(&OrganRef::new(org.clone(), k.clone()));
            let also = match vacancies_by {
                Some(k) if vacancy && k != key => format!(" (a vacancy: or {})", organ(k)),
                _ => String::new(),
            };
            out.push(
                Rule::WrongElector,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{what} filled by the holder of the post of {}; the statute gives that to {}{also}",
                    self.post_name(post),
                    organ(key)
                ),
            );
            return;
        }
        let Some(Cited {
            rule: Elector::Post(key),
            article,
        }) = rule
        else {
            return;
        };
        if vacancy
            && let Some(k) = vacancies_by
            && filler.electors.iter().any(|o| &o.key == k && &o.org == org)
        {
            return;
        }
        let wanted = PostRef::new(org.clone(), key.clone());
        let citation = Citation::of(version, article.as_ref());
        let competent = format!("the holder of the post of {}", self.post_name(&wanted));
        let (certainty, by) = match (filler.post, filler.person) {
            (Some(post), _) if post != &wanted => (
                Truth::Definitely,
                format!("the holder of the post of {}", self.post_name(post)),
            ),
            (_, Some(person)) => {
                let held = self
                    .history
                    .posts_of(person)
                    .iter()
                    .filter(|p| p.post == wanted)
                    .map(|p| {
                        p.span
                            .holds(out.event.date.earliest(), out.event.date.latest())
                    })
                    .max()
                    .unwrap_or(Truth::No);
                let not_held = match held {
                    Truth::Definitely => Truth::No,
                    Truth::Possibly => Truth::Possibly,
                    Truth::No => Truth::Definitely,
                };
                (
                    not_held,
                    format!(
                        "{}, who did not hold the post of {} on {}",
                        self.person(person),
                        self.post_name(&wanted),
                        out.event.date
                    ),
                )
            }
            (Some(_), None) => return,
            (None, None) if filler.electors.is_empty() => return,
            (None, None) => (
                Truth::Definitely,
                filler
                    .electors
                    .iter()
                    .map(|o| self.organ_name(o))
                    .collect::<Vec<_>>()
                    .join(" and "),
            ),
        };
        out.push(
            Rule::WrongElector,
            Severity::Violation,
            certainty,
            Some(citation),
            vec![],
            format!("{what} filled by {by}; the statute gives that to {competent}"),
        );
    }

    /// [`Ctx::check_appointer`] for a seat on `organ`.
    pub(super) fn check_organ_appointer(
        &self,
        organ: &OrganRef,
        vacancy: bool,
        filler: &Filler<'_>,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        self.check_appointer(
            format!("seats on {} were", self.organ_name(organ)),
            &organ.org,
            def.elected_by.as_ref(),
            def.vacancies_by.as_ref(),
            vacancy,
            filler,
            version,
            out,
        );
    }

    /// [`Ctx::check_appointer`] for `post`.
    pub(super) fn check_post_appointer(
        &self,
        post: &PostRef,
        vacancy: bool,
        filler: &Filler<'_>,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&post.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.post(&post.key) else {
            return;
        };
        self.check_appointer(
            format!("the post of {} was", self.post_name(post)),
            &post.org,
            def.elected_by.as_ref(),
            def.vacancies_by.as_ref(),
            vacancy,
            filler,
            version,
            out,
        );
    }
}

//! Who may take part in a case (`[version.trials] recusal`: "no member of the Judicial
//! Panel shall participate in any manner in the decision in any case arising in a
//! local of which the Judicial Panel member is or was a member"): a `person_tried`
//! whose charges (`filed`) say the organization the case arises in (`arises_in`), and
//! that names a member of the trial body who took part (`judges`, or the
//! `acting_chair`) whom the register shows a member of that organization on the day
//! (or, with `former`, at any time before it), is `disqualified-judge`; a case whose
//! record does not say where it arises, or whom the register never shows a member
//! there, is not judged. And a case's acting chair (`acting_chair`: "the president
//! shall appoint an acting chair of the judicial panel") appointed by another than the
//! holder of the post named is `wrong-elector`, as an appointment is.
//!
//! It reads only the organization's row (where the charges are kept), the judges'
//! memberships of the case's organization and the appointer's tenures.

use crate::date::Truth;
use crate::event::kinds::PersonTried;
use crate::id::{EventId, OrgId, OrganRef, PersonId};
use crate::rows::OrgChange;
use crate::statute::{Cited, Elector, Recusal};

use super::super::{Citation, Rule, Severity};
use super::appointers::Filler;
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The organization the charges `charges` in `org` arise in, as its row keeps them.
    fn case_arises_in(&self, org: &OrgId, charges: &EventId) -> Option<OrgId> {
        self.history
            .org(org)?
            .facts
            .into_iter()
            .find_map(|f| match f.change {
                OrgChange::Charged {
                    event, arises_in, ..
                } if &event == charges => arises_in,
                _ => None,
            })
    }

    /// `person_tried`: its judges against `recusal`, its acting chair against
    /// `acting_chair`.
    pub(super) fn check_case_recusal(&self, b: &PersonTried, out: &mut Out<'_>) {
        let Some(body) = &b.by else { return };
        let date = out.event.date.clone();
        let Some(version) = self.version(&body.org, &date) else {
            return;
        };
        let Some(trials) = &version.trials else {
            return;
        };
        if let (Some(Cited { rule: by, article }), Some(chair)) =
            (&trials.acting_chair, &b.acting_chair)
        {
            let rule = Cited {
                rule: Elector::Post(by.clone()),
                article: article.clone(),
            };
            let filler = Filler {
                electors: &[],
                post: chair.by_post.as_ref(),
                person: chair.by_person.as_ref(),
            };
            self.check_appointer(
                format!(
                    "the acting chair of {} in the case of {} ({}) was",
                    self.organ_name(body),
                    self.person(&b.person),
                    self.person(&chair.person)
                ),
                &body.org,
                Some(&rule),
                None,
                false,
                &filler,
                version,
                out,
            );
        }
        let (Some(Cited { rule, article }), Some(filed)) = (&trials.recusal, &b.filed) else {
            return;
        };
        let Some(local) = self.case_arises_in(&body.org, filed) else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let mut judges: Vec<&PersonId> = b.judges.iter().collect();
        if let Some(chair) = &b.acting_chair
            && !judges.contains(&&chair.person)
        {
            judges.push(&chair.person);
        }
        for judge in judges {
            self.check_judge(b, body, judge, &local, *rule, &citation, out);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn check_judge(
        &self,
        b: &PersonTried,
        body: &OrganRef,
        judge: &PersonId,
        local: &OrgId,
        rule: Recusal,
        citation: &Citation,
        out: &mut Out<'_>,
    ) {
        let (lo, hi) = (out.event.date.earliest(), out.event.date.latest());
        let found = self
            .history
            .memberships_of(judge, local)
            .into_iter()
            .filter_map(|m| {
                let truth = if rule.former {
                    if m.span.start.latest() <= lo {
                        Truth::Definitely
                    } else if m.span.start.earliest() <= hi {
                        Truth::Possibly
                    } else {
                        Truth::No
                    }
                } else {
                    m.span.holds(lo, hi)
                };
                (truth != Truth::No).then_some((truth, m))
            })
            .max_by_key(|(truth, _)| *truth);
        let Some((certainty, membership)) = found else {
            return;
        };
        let when = match &membership.span.end {
            Some(end) if end.latest() <= lo => {
                format!("was a member from {} to {end}", membership.span.start)
            }
            _ => format!("is a member since {}", membership.span.start),
        };
        out.push(
            Rule::DisqualifiedJudge,
            Severity::Violation,
            certainty,
            Some(citation.clone()),
            vec![],
            format!(
                "{} took part in the case of {} before {}, which arises in {}, of which {} {when}; the statute bars {} from a case arising in an organization of which they {}",
                self.person(judge),
                self.person(&b.person),
                self.organ_name(body),
                self.org_name(local),
                self.person(judge),
                if rule.former { "anyone who is or was a member" } else { "a member" },
                if rule.former { "are or were a member" } else { "are a member" },
            ),
        );
    }
}

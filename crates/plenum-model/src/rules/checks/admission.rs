//! The conditions of an admission (`member_admitted`) under `[version.membership]`:
//! fewer sponsors of the standing required than `sponsors.at_least`
//! (`too-few-sponsors`), and a new member admitted as a full member where the
//! statute admits on probation first (`admitted-as-full`).
//!
//! Three-valued, as eligibility is: an admission that names no sponsors is not
//! judged (the record is silent), a sponsor the register never mentions counts (of
//! unknown standing), and a person with an earlier membership is not a new member.

use crate::date::Truth;
use crate::event::Status;
use crate::event::kinds::MemberAdmitted;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_admission(&self, b: &MemberAdmitted, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let who = self.person(&b.person);
        let org = self.org_name(&b.org);
        if let Some(Cited { article, .. }) = &version.admission.as_candidate
            && b.status == Status::Full
            && self.history.memberships_of(&b.person, &b.org).is_empty()
        {
            out.push(
                Rule::AdmittedAsFull,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{who} was admitted to {org} as a full member; the statute admits new members on probation first"
                ),
            );
        }
        let Some(Cited {
            rule: sponsors,
            article,
        }) = &version.admission.sponsors
        else {
            return;
        };
        if b.sponsors.is_empty() || !self.history.keeps_register(&b.org) {
            return;
        }
        let mut lacking = Vec::new();
        let mut standing = 0u32;
        for sponsor in &b.sponsors {
            if sponsor == &b.person {
                lacking.push(format!("{} (the applicant)", self.person(sponsor)));
            } else if let Some(problem) = self.membership_problem(sponsor, &b.org, sponsors.full) {
                lacking.push(format!("{}, who {problem}", self.person(sponsor)));
            } else {
                standing += 1;
            }
        }
        if standing >= sponsors.at_least {
            return;
        }
        let kind = if sponsors.full {
            "full members"
        } else {
            "members"
        };
        let named = b.sponsors.len();
        let plural = if named == 1 { "sponsor" } else { "sponsors" };
        let recommended = if lacking.is_empty() {
            format!("{named} {plural}")
        } else {
            format!(
                "{named} {plural}, of whom {standing} counts (not counted: {})",
                lacking.join("; ")
            )
        };
        out.push(
            Rule::TooFewSponsors,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the admission of {who} to {org} was recommended by {recommended}; the statute requires at least {} {kind}",
                sponsors.at_least
            ),
        );
    }
}

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
        self.check_age(b, version, out);
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

impl Ctx<'_, '_> {
    /// An admission before the age the statute sets (`membership.age`), by the birth
    /// date `person_registered` records: definitely where the person cannot have
    /// reached it by the admission's latest day, possibly where the fuzzy dates leave
    /// it open; not judged where the record gives no birth date.
    fn check_age(&self, b: &MemberAdmitted, version: &crate::statute::Version, out: &mut Out<'_>) {
        let Some(Cited { rule: age, article }) = &version.admission.min_age else {
            return;
        };
        let Some(born) = self
            .history
            .entity(crate::id::EntityKind::Person, b.person.as_str())
            .and_then(|e| e.born)
        else {
            return;
        };
        let date = &out.event.date;
        // The earliest and the latest day the person reaches the age.
        let (soonest, surely) = (age.after(born.earliest()), age.after(born.latest()));
        let certainty = if soonest > date.latest() {
            Truth::Definitely
        } else if surely > date.earliest() {
            Truth::Possibly
        } else {
            return;
        };
        let who = self.person(&b.person);
        let org = self.org_name(&b.org);
        let reached = if soonest == surely {
            format!("reached on {surely}")
        } else {
            format!("reached between {soonest} and {surely}")
        };
        out.push(
            Rule::UnderAge,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{who} was admitted to {org} on {date}, born {born}: the statute requires the age of {age}, {reached}"
            ),
        );
    }
}

//! Lapse of membership (`membership_lapsed`, dues unpaid): not before the dues
//! were unpaid as long as `membership.lapse` says (`early-lapse`), and a member
//! whose membership lapsed neither holds an office that requires membership nor
//! acts in the organization afterwards (`lapsed-member`).

use crate::date::Truth;
use crate::event::kinds::MembershipLapsed;
use crate::event::{Event, Ref};
use crate::id::PersonId;
use crate::rows::MembershipEnd;
use crate::statute::{Cited, Requirement, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// Whether requirements ask for membership (of any kind or standing).
fn needs_membership(requirements: &[Cited<Requirement>]) -> bool {
    requirements.iter().any(|r| {
        matches!(
            r.rule,
            Requirement::Member | Requirement::FullMember | Requirement::Standing { .. }
        )
    })
}

impl Ctx<'_, '_> {
    pub(super) fn check_lapse(&self, b: &MembershipLapsed, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let who = self.person(&b.person);
        let org = self.org_name(&b.org);
        if let (
            Some(Cited {
                rule: after,
                article,
            }),
            Some(since),
        ) = (&version.lapse, &b.unpaid_since)
        {
            // Early if even the latest start of the arrears leaves too little time.
            let certainty = if date.latest() < after.first_day(since.earliest()) {
                Truth::Definitely
            } else if date.earliest() < after.first_day(since.latest()) {
                Truth::Possibly
            } else {
                Truth::No
            };
            out.push(
                Rule::EarlyLapse,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "the membership of {who} in {org} lapsed on {date}, dues unpaid since {since}: sooner than the {} the statute allows (not before {})",
                    if after.more_than {
                        format!("{} and a day", after.period)
                    } else {
                        after.period.to_string()
                    },
                    after.first_day(since.latest())
                ),
            );
        }
        let article = version.lapse.as_ref().and_then(|l| l.article.as_ref());
        for office in self.offices_needing_membership(version, &b.person, &b.org) {
            out.push(
                Rule::LapsedMember,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article)),
                vec![],
                format!("the membership of {who} in {org} lapsed while {who} held {office}, which requires membership"),
            );
        }
    }

    /// The open seats and posts of a person in an organization whose eligibility
    /// asks for membership, in words.
    fn offices_needing_membership(
        &self,
        version: &Version,
        person: &PersonId,
        org: &crate::id::OrgId,
    ) -> Vec<String> {
        let mut offices: Vec<String> = self
            .history
            .open_seats_of(person)
            .into_iter()
            .filter(|s| &s.organ.org == org)
            .filter(|s| {
                version
                    .organ(&s.organ.key)
                    .is_some_and(|d| needs_membership(&d.eligibility))
            })
            .map(|s| format!("a seat on {}", self.organ_name(&s.organ)))
            .collect();
        offices.extend(
            self.history
                .open_posts_of(person)
                .into_iter()
                .filter(|p| &p.post.org == org)
                .filter(|p| {
                    version
                        .post(&p.post.key)
                        .is_some_and(|d| needs_membership(&d.eligibility))
                })
                .map(|p| format!("the post of {}", self.post_name(&p.post))),
        );
        offices.dedup();
        offices
    }

    /// An act in an organization by a person whose membership of it lapsed and who
    /// has not been admitted again (a motion's subjects are not its actors).
    pub(super) fn check_lapsed_actor(&self, event: &Event, out: &mut Out<'_>) {
        let Some(org) = self.acting_org(event) else {
            return;
        };
        let mut persons: Vec<&PersonId> = event
            .kind
            .references()
            .into_iter()
            .filter_map(|(field, r)| match r {
                Ref::Person(p) if field != "subjects" => Some(p),
                _ => None,
            })
            .collect();
        persons.sort();
        persons.dedup();
        for person in persons {
            let last = self.history.memberships_of(person, &org).pop();
            let Some(lapsed) = last.filter(|m| m.end_cause == Some(MembershipEnd::Lapsed)) else {
                continue;
            };
            if self.history.membership(person, &org).is_some() {
                continue;
            }
            let version = self.version(&org, &event.date);
            let article = version
                .and_then(|v| v.lapse.as_ref())
                .and_then(|l| l.article.as_ref());
            let when = lapsed
                .span
                .end
                .as_ref()
                .map_or_else(String::new, |e| format!(" on {e}"));
            out.push(
                Rule::LapsedMember,
                Severity::Warning,
                Truth::Definitely,
                version.map(|v| Citation::of(v, article)),
                lapsed.end_event.iter().cloned().collect(),
                format!(
                    "the membership of {} in {} lapsed{when}, yet {} acts in it here",
                    self.person(person),
                    self.org_name(&org),
                    self.person(person)
                ),
            );
        }
    }
}

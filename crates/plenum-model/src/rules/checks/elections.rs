//! Who fills organs and posts: the elector, the number of seats, eligibility.

use crate::date::Truth;
use crate::event::Role;
use crate::id::{EventId, Key, OrgId, OrganRef, PersonId, PostRef};
use crate::statute::{Cited, Elector, Requirement, Version};

use super::super::terms::Office;
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn electors_of(
        &self,
        by: Option<&OrganRef>,
        decision: Option<&EventId>,
    ) -> Vec<OrganRef> {
        if let Some(by) = by {
            return vec![by.clone()];
        }
        decision
            .and_then(|d| self.history.decision(d))
            .map(|d| {
                d.meeting
                    .as_ref()
                    .map(|m| self.meeting_organs(m))
                    .unwrap_or_else(|| d.organ.into_iter().collect())
            })
            .unwrap_or_default()
    }

    /// `what` is the subject of "... filled by": "seats on the Board were",
    /// "the post of Treasurer was"; `filled` is the organ filled, if one.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_elector(
        &self,
        what: String,
        filled: Option<&OrganRef>,
        rule: Option<&Cited<Elector>>,
        or_by: &[Key],
        org: &OrgId,
        electors: &[OrganRef],
        version: &Version,
        out: &mut Out<'_>,
    ) {
        let (Some(Cited { rule, article }), false) = (rule, electors.is_empty()) else {
            return;
        };
        if matches!(rule, Elector::Founder) {
            let cited = (version, article.as_ref());
            self.check_founder_elector(&what, org, electors, cited, out);
            return;
        }
        let wanted = match rule {
            Elector::Organ(key) => OrganRef::new(org.clone(), key.clone()),
            // The parent level's organ: not judged where the record gives no parent.
            Elector::Parent(key) => match self.book.parent(org) {
                Some(parent) => OrganRef::new(parent.clone(), key.clone()),
                None => return,
            },
            _ => return,
        };
        // The organs that may elect in its place (`or_by`, beside an organ of the
        // same organization).
        let wanted: Vec<OrganRef> = std::iter::once(wanted)
            .chain(or_by.iter().map(|k| OrganRef::new(org.clone(), k.clone())))
            .collect();
        if electors.iter().any(|e| wanted.contains(e)) {
            return;
        }
        // An organ filling its own seats co-opts: say so rather than name it twice.
        let by = electors
            .iter()
            .map(|o| {
                if filled == Some(o) {
                    format!("{} itself (co-option)", self.organ_name(o))
                } else {
                    self.organ_name(o)
                }
            })
            .collect::<Vec<_>>()
            .join(" and ");
        out.push(
            Rule::WrongElector,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{what} filled by {by}; the statute gives that to {}",
                wanted
                    .iter()
                    .map(|o| self.organ_name(o))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        );
    }

    /// `vacancy`: one seat filled between elections, which the organ the statute
    /// names for vacancies (co-option) may also fill.
    pub(super) fn check_organ_elector(
        &self,
        organ: &OrganRef,
        electors: &[OrganRef],
        vacancy: bool,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        if self.check_composed_elector(organ, out) {
            return;
        }
        if vacancy
            && let Some(k) = &def.vacancies_by
            && electors.iter().any(|o| &o.key == k && o.org == organ.org)
        {
            return;
        }
        self.check_elector(
            format!("seats on {} were", self.organ_name(organ)),
            Some(organ),
            def.elected_by.as_ref(),
            &def.procedure.or_by,
            &organ.org,
            electors,
            version,
            out,
        );
    }

    pub(super) fn check_post_elector(
        &self,
        post: &PostRef,
        electors: &[OrganRef],
        vacancy: bool,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&post.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.post(&post.key) else {
            return;
        };
        if vacancy
            && let Some(k) = &def.vacancies_by
            && electors.iter().any(|o| &o.key == k && o.org == post.org)
        {
            return;
        }
        self.check_elector(
            format!("the post of {} was", self.post_name(post)),
            None,
            def.elected_by.as_ref(),
            &def.procedure.or_by,
            &post.org,
            electors,
            version,
            out,
        );
    }

    /// Whether an election that does not replace the organ fills only seats left vacant
    /// (a by-election, which the organ named for vacancies may hold): enough seats of
    /// each role elected are empty, or the statute does not number them (the record
    /// cannot then show that they were not vacant).
    pub(super) fn fills_vacancies(
        &self,
        organ: &OrganRef,
        election: &crate::event::kinds::ElectionHeld,
        out: &Out<'_>,
    ) -> bool {
        let Some(def) = self
            .version(&organ.org, &out.event.date)
            .and_then(|v| v.organ(&organ.key))
        else {
            return false;
        };
        let Some(limits) = def.seats.as_ref() else {
            return true;
        };
        let day = out.event.date.earliest();
        let fits = |role: Role, limit: Option<u32>, elected: &[PersonId]| {
            let new = elected
                .iter()
                .filter(|p| !self.history.holds_seat(p, organ, Some(role)))
                .count();
            new == 0
                || limit.is_none_or(|limit| {
                    let now = self.history.seat_total(organ, Some(role), day);
                    u32::try_from(new).is_ok_and(|new| now.saturating_add(new) <= limit)
                })
        };
        fits(Role::Full, limits.rule.full, &election.elected)
            && fits(Role::Alternate, limits.rule.alternate, &election.alternates)
    }

    /// Whether a post has fewer holders than its places, none of them `elected`, so
    /// that an election to it fills a vacancy.
    pub(super) fn post_is_vacant(
        &self,
        post: &PostRef,
        elected: Option<&PersonId>,
        out: &Out<'_>,
    ) -> bool {
        let Some(def) = self
            .version(&post.org, &out.event.date)
            .and_then(|v| v.post(&post.key))
        else {
            return false;
        };
        let holders = self.history.open_holders_of(post);
        if holders.iter().any(|h| Some(&h.person) == elected) {
            return false; // a re-election
        }
        u32::try_from(holders.len()).is_ok_and(|n| n < def.holders)
    }

    /// Seats after the event, against the statute's number.
    pub(super) fn check_seat_limit(
        &self,
        organ: &OrganRef,
        role: Role,
        adding: usize,
        replaces: bool,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        let Some(Cited {
            rule: limits,
            article,
        }) = &def.seats
        else {
            return;
        };
        let Some(limit) = (if role == Role::Full {
            limits.full
        } else {
            limits.alternate
        }) else {
            return;
        };
        let adding = u32::try_from(adding).unwrap_or(u32::MAX);
        let after = if replaces {
            adding
        } else {
            self.history
                .seat_total(organ, Some(role), out.event.date.earliest())
                .saturating_add(adding)
        };
        if after > limit {
            out.push(
                Rule::SeatsOverLimit,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} would have {after} {} seats; the statute allows {limit}",
                    self.organ_name(organ),
                    role.as_str()
                ),
            );
        }
    }

    pub(super) fn check_organ_eligibility(
        &self,
        organ: &OrganRef,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        self.check_requirements(
            &def.eligibility,
            &organ.org,
            person,
            &format!("a seat on {}", self.organ_name(organ)),
            version,
            out,
        );
    }

    pub(super) fn check_post_eligibility(
        &self,
        post: &PostRef,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&post.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.post(&post.key) else {
            return;
        };
        self.check_requirements(
            &def.eligibility,
            &post.org,
            person,
            &format!("the post of {}", self.post_name(post)),
            version,
            out,
        );
    }

    /// Eligibility is three-valued, like dates: judged only where the record
    /// keeps the register (an organization with recorded memberships, an organ
    /// with named seats), and a person the membership register never mentions is
    /// of unknown standing, not a non-member. The absence of a record is not evidence.
    pub(super) fn check_requirements(
        &self,
        requirements: &[Cited<Requirement>],
        org: &OrgId,
        person: &PersonId,
        what: &str,
        version: &Version,
        out: &mut Out<'_>,
    ) {
        let date = out.event.date.clone();
        for (problem, certainty, article) in
            self.requirement_problems(requirements, org, person, version, &date)
        {
            out.push(
                Rule::IneligibleHolder,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, article)),
                vec![],
                format!("{} takes {what} but {problem}", self.person(person)),
            );
        }
        self.check_class_office(org, person, what, version, out);
        self.check_bars(org, person, what, version, out);
    }

    /// What the register shows wrong with `person`'s standing for the requirements on
    /// `date`, each with its certainty and article (three-valued, as above).
    pub(super) fn requirement_problems<'v>(
        &self,
        requirements: &'v [Cited<Requirement>],
        org: &OrgId,
        person: &PersonId,
        version: &Version,
        date: &crate::date::FuzzyDate,
    ) -> Vec<(String, Truth, Option<&'v String>)> {
        let mut problems = Vec::new();
        let register_kept = self.history.keeps_register(org);
        for Cited { rule, article } in requirements {
            let problem = match rule {
                Requirement::Member | Requirement::FullMember if register_kept => self
                    .membership_problem(person, org, *rule == Requirement::FullMember)
                    .map(|p| (p, Truth::Definitely)),
                Requirement::MemberOf { org: other, full }
                    if self.history.keeps_register(other) =>
                {
                    self.membership_problem(person, other, *full).map(|p| {
                        (
                            format!("{p} of {}", self.org_name(other)),
                            Truth::Definitely,
                        )
                    })
                }
                Requirement::Standing { full, length } if register_kept => {
                    self.standing_problem(person, org, *full, *length, date)
                }
                Requirement::Class(class) if register_kept => {
                    self.class_problem(class, org, person, version)
                }
                Requirement::Seat(key) => {
                    let organ = OrganRef::new(org.clone(), key.clone());
                    let kept = self.history.names_seats(&organ) || self.composed_kept(&organ, date);
                    let seated = self.history.holds_seat(person, &organ, None)
                        || self.holds_ex_officio(person, &organ, date);
                    (kept && !seated).then(|| {
                        (
                            format!("holds no seat on {}", self.organ_name(&organ)),
                            Truth::Definitely,
                        )
                    })
                }
                _ => None,
            };
            if let Some((problem, certainty)) = problem {
                problems.push((problem, certainty, article.as_ref()));
            }
        }
        problems
    }

    /// Whether `person` fails to be a member (a full member, if `full`) of `org`
    /// today: `None` where they are, or where its register never mentions them
    /// (three-valued: unknown standing, not a non-member).
    pub(super) fn membership_problem(
        &self,
        person: &PersonId,
        org: &OrgId,
        full: bool,
    ) -> Option<String> {
        match self.history.membership(person, org) {
            None if self.history.memberships_of(person, org).is_empty() => None,
            None => Some("is no longer a member".to_owned()),
            Some(m) if m.status == crate::rows::MemberStatus::Suspended => {
                Some("is a suspended member".to_owned())
            }
            Some(m) if full && m.status == crate::rows::MemberStatus::Candidate => {
                Some("is only a candidate member".to_owned())
            }
            Some(_) => None,
        }
    }

    /// Standing: the open membership (its full part, if `full`) must have lasted
    /// `length` by the event's date. Unknown (no problem) where the register never
    /// mentions the person.
    fn standing_problem(
        &self,
        person: &PersonId,
        org: &OrgId,
        full: bool,
        length: crate::statute::Period,
        date: &crate::date::FuzzyDate,
    ) -> Option<(String, Truth)> {
        let rows = self.history.memberships_of(person, org);
        let open = rows.iter().rposition(|m| m.span.end.is_none())?;
        // The statuses of one membership follow each other: each ends at the event
        // that starts the next.
        let mut first = open;
        while first > 0 && rows[first - 1].end_event.as_ref() == Some(&rows[first].start_event) {
            first -= 1;
        }
        let chain = &rows[first..=open];
        let kind = if full { "a full member" } else { "a member" };
        let Some(since) = chain
            .iter()
            .find(|m| !full || m.status == crate::rows::MemberStatus::Full)
            .map(|m| &m.span.start)
        else {
            return Some((format!("is not {kind}"), Truth::Definitely));
        };
        let certainty = if length.after(since.earliest()) > date.latest() {
            Truth::Definitely
        } else if length.after(since.latest()) > date.earliest() {
            Truth::Possibly
        } else {
            return None;
        };
        Some((
            format!(
                "has been {kind} only since {since}, less than the {length} the statute requires"
            ),
            certainty,
        ))
    }

    /// A term limit: an election that would give a person more terms of an organ or
    /// post, in all or in a row, than the statute allows.
    pub(super) fn check_term_limit(
        &self,
        office: Office<'_>,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let org = match office {
            Office::Organ(o) => &o.org,
            Office::Post(p) => &p.org,
        };
        let Some(version) = self.version(org, &out.event.date) else {
            return;
        };
        let term = match office {
            Office::Organ(o) => version.organ(&o.key).and_then(|d| d.term.as_ref()),
            Office::Post(p) => version.post(&p.key).and_then(|d| d.term.as_ref()),
        };
        let Some(Cited {
            rule: term,
            article,
        }) = term
        else {
            return;
        };
        if term.max_terms.is_none() && term.max_consecutive.is_none() {
            return;
        }
        // Each tenure is a term (a re-election under a term starts a new one).
        let tenures: Vec<(bool, EventId, Option<EventId>)> = match office {
            Office::Organ(o) => self
                .history
                .seats_of(person)
                .into_iter()
                .filter(|s| &s.organ == o && s.role == Role::Full)
                .map(|s| (s.span.end.is_none(), s.start_event, s.end_event))
                .collect(),
            Office::Post(p) => self
                .history
                .posts_of(person)
                .into_iter()
                .filter(|t| &t.post == p)
                .map(|t| (t.span.end.is_none(), t.start_event, t.end_event))
                .collect(),
        };
        let total = tenures.len() as u64 + 1;
        let mut in_a_row = 1u64;
        if tenures.last().is_some_and(|t| t.0) {
            in_a_row += 1;
            let mut i = tenures.len() - 1;
            while i > 0 && tenures[i - 1].2.as_ref() == Some(&tenures[i].1) {
                in_a_row += 1;
                i -= 1;
            }
        }
        let what = match office {
            Office::Organ(o) => format!("on {}", self.organ_name(o)),
            Office::Post(p) => format!("as {}", self.post_name(p)),
        };
        let broken = match (term.max_consecutive, term.max_terms) {
            (Some(c), _) if in_a_row > u64::from(c) => Some(format!(
                "a {} term in a row {what}; the statute allows at most {c} in a row",
                ordinal(in_a_row)
            )),
            (_, Some(n)) if total > u64::from(n) => Some(format!(
                "a {} term {what}; the statute allows at most {n} in all",
                ordinal(total)
            )),
            _ => None,
        };
        if let Some(broken) = broken {
            out.push(
                Rule::IneligibleHolder,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!("{} is elected to {broken}", self.person(person)),
            );
        }
    }
}

/// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

//! Acting in a post (a post's `acting`): a `post_assigned` with `acting = true` gives
//! the post, for the time being, to someone who must hold one of the offices the
//! clause names (a post, or a full seat on an organ) on the day; anyone else is
//! `ineligible-holder`, citing the clause. Where the clause acts only while posts are
//! vacant (`when_vacant`), an acting holder while one of them has a substantive
//! holder is found too; where it orders the organs' members (`order = "seniority"`),
//! an acting member while a more senior one sits is found (possibly, where fuzzy
//! dates leave the order open). It reads only the acting person's posts and seats,
//! the holders of the `when_vacant` posts and the open seats on the organs named; a
//! post with no `acting` clause is not judged.

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::Role;
use crate::id::{EntityKind, OrganRef, PersonId, PostRef};
use crate::rows::SeatRow;
use crate::statute::{Acting, ActingOrder, Cited};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// A member of the organs an acting clause orders: since when seated without a break
/// (earliest and latest day), and the name they are ordered by.
struct Senior {
    person: PersonId,
    since: (Day, Day),
    exact: bool,
    family: String,
    name: String,
}

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
        let citation = Citation::of(version, article.as_ref());
        let holds_post = self
            .history
            .open_posts_of(person)
            .iter()
            .any(|p| p.post.org == post.org && acting.posts.contains(&p.post.key));
        let holds_seat = self.history.open_seats_of(person).iter().any(|s| {
            s.organ.org == post.org && s.role == Role::Full && acting.organs.contains(&s.organ.key)
        });
        if !(holds_post || holds_seat) {
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
                Some(citation),
                vec![],
                format!(
                    "{} acts as {}, but the statute gives the acting office to {} only",
                    self.person(person),
                    self.post_name(post),
                    offices.join(" or ")
                ),
            );
            return;
        }
        let held = self.check_acting_vacancies(post, person, acting, &citation, out);
        if !held && holds_seat && acting.order == Some(ActingOrder::Seniority) {
            self.check_acting_order(post, person, acting, citation, out);
        }
    }

    /// `when_vacant`: each post named must have no substantive holder on the day.
    /// Whether one was found held (then the order is not judged).
    fn check_acting_vacancies(
        &self,
        post: &PostRef,
        person: &PersonId,
        acting: &Acting,
        citation: &Citation,
        out: &mut Out<'_>,
    ) -> bool {
        let (lo, hi) = (out.event.date.earliest(), out.event.date.latest());
        let held: Vec<(String, Truth)> = acting
            .when_vacant
            .iter()
            .flat_map(|k| {
                let wanted = PostRef::new(post.org.clone(), k.clone());
                self.history
                    .open_holders_of(&wanted)
                    .into_iter()
                    .filter(|row| !row.acting)
                    .map(move |row| (row, wanted.clone()))
            })
            .filter_map(|(row, wanted)| {
                let truth = row.span.holds(lo, hi);
                (truth != Truth::No).then(|| {
                    (
                        format!(
                            "the post of {} is held by {}",
                            self.post_name(&wanted),
                            self.person(&row.person)
                        ),
                        truth,
                    )
                })
            })
            .collect();
        let Some(certainty) = held.iter().map(|(_, t)| *t).max() else {
            return false;
        };
        let vacant: Vec<String> = acting
            .when_vacant
            .iter()
            .map(|k| self.post_name(&PostRef::new(post.org.clone(), k.clone())))
            .collect();
        let held: Vec<String> = held.into_iter().map(|(words, _)| words).collect();
        out.push(
            Rule::IneligibleHolder,
            Severity::Violation,
            certainty,
            Some(citation.clone()),
            vec![],
            format!(
                "{} acts as {} while {}; the statute gives the acting office only while the posts of {} are all vacant",
                self.person(person),
                self.post_name(post),
                held.join(" and "),
                vacant.join(" and ")
            ),
        );
        true
    }

    /// `order = "seniority"`: no member of the organs named may be more senior than
    /// the acting one.
    fn check_acting_order(
        &self,
        post: &PostRef,
        person: &PersonId,
        acting: &Acting,
        citation: Citation,
        out: &mut Out<'_>,
    ) {
        let (lo, hi) = (out.event.date.earliest(), out.event.date.latest());
        let organs: Vec<OrganRef> = acting
            .organs
            .iter()
            .map(|k| OrganRef::new(post.org.clone(), k.clone()))
            .collect();
        let mut members: Vec<Senior> = Vec::new();
        for organ in &organs {
            for seat in self.history.open_seats_on(organ) {
                if seat.role != Role::Full
                    || seat.span.holds(lo, hi) != Truth::Definitely
                    || members.iter().any(|m| m.person == seat.person)
                {
                    continue;
                }
                members.push(self.senior(&seat, &organs));
            }
        }
        let Some(mine) = members.iter().find(|m| &m.person == person) else {
            return;
        };
        let key = |m: &Senior| (m.since.0, m.family.clone(), m.name.clone());
        let Some(first) = members
            .iter()
            .filter(|m| &m.person != person && key(m) < key(mine))
            .min_by_key(|m| key(m))
        else {
            return;
        };
        let certainty = if first.exact && mine.exact || first.since.1 < mine.since.0 {
            Truth::Definitely
        } else {
            Truth::Possibly
        };
        let since = |m: &Senior| FuzzyDate::from(m.since.0).to_string();
        let why = if first.since.0 == mine.since.0 {
            format!(
                "seated the same day ({}) and first by family name",
                since(first)
            )
        } else {
            format!(
                "seated since {}, {} since {}",
                since(first),
                self.person(person),
                since(mine)
            )
        };
        out.push(
            Rule::IneligibleHolder,
            Severity::Violation,
            certainty,
            Some(citation),
            vec![],
            format!(
                "{} acts as {}, but {} is more senior ({why}); the statute gives the acting office to the most senior member of {}",
                self.person(person),
                self.post_name(post),
                self.person(&first.person),
                organs
                    .iter()
                    .map(|o| self.organ_name(o))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        );
    }

    /// Since when `seat`'s holder has sat on `organs` without a break: the start of
    /// the run of their full seats there that reaches the open one.
    fn senior(&self, seat: &SeatRow, organs: &[OrganRef]) -> Senior {
        let mut rows: Vec<SeatRow> = self
            .history
            .seats_of(&seat.person)
            .into_iter()
            .filter(|s| s.role == Role::Full && organs.contains(&s.organ))
            .collect();
        rows.sort_by_key(|s| s.span.start.earliest());
        let mut since = &seat.span.start;
        let mut reach: Option<Day> = None;
        for row in &rows {
            let start = row.span.start.earliest();
            if reach.is_none_or(|r| start > r) {
                since = &row.span.start;
            }
            let end = row.span.end.as_ref().map_or(Day::MAX, FuzzyDate::latest);
            reach = Some(reach.map_or(end, |r| r.max(end)));
        }
        let name = self
            .history
            .entity(EntityKind::Person, seat.person.as_str())
            .map_or_else(|| seat.person.to_string(), |e| e.name);
        let family = name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        Senior {
            person: seat.person.clone(),
            since: (since.earliest(), since.latest()),
            exact: since.is_exact(),
            family,
            name: name.to_lowercase(),
        }
    }
}

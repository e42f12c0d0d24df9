//! Offices: an election that renews seats or a post after their term ended,
//! incompatible offices, and ex officio membership.

use crate::date::Truth;
use crate::id::{EventId, OrganRef, PersonId, PostRef};
use crate::statute::Cited;

use super::super::terms::{Office, term_end, term_of};
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// An election that renews an organ or post after the term of those it renews
    /// had ended: between the two, the seats were vacant (or, where holders hold
    /// over, the election was late). One finding per election, for the earliest end.
    pub(super) fn check_renewal(&self, office: Office<'_>, out: &mut Out<'_>) {
        let starts: Vec<(crate::date::FuzzyDate, EventId)> = match office {
            Office::Organ(organ) => self
                .history
                .open_seats_on(organ)
                .into_iter()
                .map(|s| (s.span.start, s.start_event))
                .collect(),
            Office::Post(post) => self
                .history
                .open_holders_of(post)
                .into_iter()
                .map(|p| (p.span.start, p.start_event))
                .collect(),
        };
        let elected = &out.event.date;
        let ended = starts
            .iter()
            .filter_map(|(start, event)| {
                let (version, term) = term_of(self.book, office, start)?;
                let end = term_end(&term.rule, start);
                let certainty = end.before(elected);
                (certainty != Truth::No).then_some((end, certainty, version, term, start, event))
            })
            .min_by(|a, b| a.0.cmp(&b.0));
        let Some((end, certainty, version, term, start, event)) = ended else {
            return;
        };
        let (what, is, them, were) = match office {
            Office::Organ(o) => (
                format!("seats on {}", self.organ_name(o)),
                "are",
                "them",
                "they were",
            ),
            Office::Post(p) => (
                format!("the post of {}", self.post_name(p)),
                "is",
                "it",
                "it was",
            ),
        };
        let (severity, then) = if term.rule.holds_over {
            (
                Severity::Warning,
                "the holders held over until this election, which was due then".to_owned(),
            )
        } else {
            (
                Severity::Violation,
                format!("the statute ended {them} there, so {were} vacant until this election"),
            )
        };
        out.push(
            Rule::TermExpired,
            severity,
            certainty,
            Some(Citation::of(version, term.article.as_ref())),
            vec![event.clone()],
            format!(
                "{what} {is} filled again on {elected}, but the {} term begun {start} ended {end}; {then}",
                term.rule.length
            ),
        );
    }
}

impl Ctx<'_, '_> {
    /// Incompatible offices: a person taking one while holding another the statute
    /// names with it.
    pub(super) fn check_incompatible(
        &self,
        office: Office<'_>,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let (org, key) = match office {
            Office::Organ(o) => (&o.org, &o.key),
            Office::Post(p) => (&p.org, &p.key),
        };
        let Some(version) = self.version(org, &out.event.date) else {
            return;
        };
        if version.incompatibilities.is_empty() {
            return;
        }
        let open_seats = self.history.open_seats_of(person);
        let mut seats: Vec<OrganRef> = open_seats
            .iter()
            .map(|s| s.organ.clone())
            .filter(|o| &o.org == org)
            .collect();
        let posts: Vec<PostRef> = self
            .history
            .open_posts_of(person)
            .into_iter()
            .map(|p| p.post)
            .filter(|p| &p.org == org)
            .collect();
        // Organs composed of others: a full member of one of its organs, or a holder
        // of one of its posts, sits on it; and so does whoever takes such an office.
        let full: Vec<&crate::id::Key> = open_seats
            .iter()
            .filter(|s| &s.organ.org == org && s.role == crate::event::Role::Full)
            .map(|s| &s.organ.key)
            .collect();
        let mut taking_keys = vec![key];
        for def in &version.organs {
            let Some(Cited { rule: composed, .. }) = &def.composed_of else {
                continue;
            };
            let sits = full.iter().any(|k| composed.organs.contains(k))
                || posts.iter().any(|p| composed.posts.contains(&p.key));
            if sits && !seats.iter().any(|o| o.key == def.key) {
                seats.push(OrganRef::new(org.clone(), def.key.clone()));
            }
            let takes = match office {
                Office::Organ(_) => composed.organs.contains(key),
                Office::Post(_) => composed.posts.contains(key),
            };
            if takes {
                taking_keys.push(&def.key);
            }
        }
        let taking = match office {
            Office::Organ(o) => format!("a seat on {}", self.organ_name(o)),
            Office::Post(p) => format!("the post of {}", self.post_name(p)),
        };
        for Cited {
            rule: offices,
            article,
        } in &version.incompatibilities
        {
            if !taking_keys.iter().any(|k| offices.contains(k)) {
                continue;
            }
            let held = seats
                .iter()
                .filter(|o| !taking_keys.contains(&&o.key) && offices.contains(&o.key))
                .map(|o| format!("a seat on {}", self.organ_name(o)))
                .chain(
                    posts
                        .iter()
                        .filter(|p| !taking_keys.contains(&&p.key) && offices.contains(&p.key))
                        .map(|p| format!("the post of {}", self.post_name(p))),
                )
                .collect::<Vec<_>>();
            if held.is_empty() {
                continue;
            }
            out.push(
                Rule::IneligibleHolder,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} takes {taking} while holding {}, which the statute makes incompatible with it",
                    self.person(person),
                    held.join(" and ")
                ),
            );
        }
    }
}

impl Ctx<'_, '_> {
    /// Whether a person holds one of the posts whose holders sit on `organ` by office.
    pub(super) fn holds_ex_officio(
        &self,
        person: &PersonId,
        organ: &OrganRef,
        date: &crate::date::FuzzyDate,
    ) -> bool {
        if self.sits_by_composition(person, organ, date) {
            return true;
        }
        let Some(def) = self
            .version(&organ.org, date)
            .and_then(|v| v.organ(&organ.key))
        else {
            return false;
        };
        !def.ex_officio.is_empty()
            && self
                .history
                .open_posts_of(person)
                .iter()
                .any(|p| p.post.org == organ.org && def.ex_officio.contains(&p.post.key))
    }
}

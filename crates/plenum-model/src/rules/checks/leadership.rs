//! Deference to leading organs (`revised-from-below`): a carried decision
//! (`motion_decided`) that `revises` an earlier carried decision of an organ leading
//! the deciding one. An organ leads another through the other's `led_by` ("The
//! Party's Central Commission for Discipline Inspection shall function under the
//! leadership of the Central Committee"), directly or through organs that lead it in
//! turn, a template's `parent:KEY` naming the organ of the organization one level
//! up; and, where the governing version declares that lower-level organizations
//! defer to higher-level ones (`[version.leadership] higher_levels = true`), every
//! organ of an organization above a template-governed one, up to the governed one,
//! leads every organ of it.
//!
//! Not judged: an organ revising its own decision, a leader revising a led organ's
//! decision, organs with no declared relation, decisions not carried, a revision
//! taken together with the organ revised (a joint meeting) or with an organ leading
//! it, and a decision revised that the record dates later than the revision (history
//! is judged in date order, so its organ is not yet known). Where the dates leave
//! open whether the revised decision came first, the finding is "possibly". It
//! reads only the two decisions, their meetings and the statute.

use std::collections::BTreeSet;

use crate::date::{FuzzyDate, Truth};
use crate::event::Outcome;
use crate::event::kinds::MotionDecided;
use crate::id::OrganRef;
use crate::statute::{Cited, LevelOrgan};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// How far a chain of `led_by` is followed (a longer one is not judged).
const MAX_CHAIN: usize = 64;

/// Why one organ leads another.
struct Lead {
    /// The organs between them, nearest the led organ first (empty where the led
    /// organ names the leader itself).
    through: Vec<OrganRef>,
    /// The clause of each step, the led organ's own first.
    citations: Vec<Citation>,
    /// Where the leader's organization is above the led one's and the version
    /// declares the higher-level principle.
    higher_level: bool,
}

impl Ctx<'_, '_> {
    /// `motion_decided` with `revises`.
    pub(super) fn check_revision(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let Some(revised) = &b.revises else { return };
        if b.outcome != Outcome::Carried {
            return;
        }
        let deciders: Vec<OrganRef> = match &b.meeting {
            Some(m) => self.meeting_organs(m),
            None => b.organ.clone().into_iter().collect(),
        };
        // Dated later (by its earliest day), it is not yet known: not judged.
        let Some(row) = self.history.decision(revised) else {
            return;
        };
        if row.outcome != Outcome::Carried {
            return;
        }
        let date = out.event.date.clone();
        let certainty = row.date.on_or_before(&date);
        if certainty == Truth::No || deciders.is_empty() {
            return;
        }
        let revised_by: Vec<OrganRef> = match &row.meeting {
            Some(m) => self.meeting_organs(m),
            None => row.organ.clone().into_iter().collect(),
        };
        for leader in &revised_by {
            // The organ revised, or one leading it, takes part in the revision.
            if deciders
                .iter()
                .any(|x| x == leader || self.leads(x, leader, &date).is_some())
            {
                continue;
            }
            for led in &deciders {
                let Some(lead) = self.leads(leader, led, &date) else {
                    continue;
                };
                let led_name = self.organ_name(led);
                let leader_name = self.organ_name(leader);
                let why = self.lead_words(led, leader, &lead);
                out.push(
                    Rule::RevisedFromBelow,
                    Severity::Violation,
                    certainty,
                    lead.citations.first().cloned(),
                    vec![revised.clone()],
                    format!(
                        "{led_name}'s decision \"{}\" revises a decision of {leader_name} (`{revised}`, {}), which leads it{why}",
                        b.text, row.date
                    ),
                );
                return;
            }
        }
    }

    /// The reason in words: " (Article 23)", " through Central Committee (Articles
    /// 45 and 22)", "; County B is below Province A and ... (Article 10)".
    fn lead_words(&self, led: &OrganRef, leader: &OrganRef, lead: &Lead) -> String {
        let articles: Vec<&str> = lead
            .citations
            .iter()
            .filter_map(|c| c.article.as_deref())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let cited = match articles.as_slice() {
            [] => String::new(),
            [one] => format!(" (Article {one})"),
            [rest @ .., last] => format!(" (Articles {} and {last})", rest.join(", ")),
        };
        let through = if lead.through.is_empty() {
            String::new()
        } else {
            let names = lead
                .through
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            format!(" through {names}")
        };
        if lead.higher_level {
            format!(
                ": {} is below {}, and lower-level organizations defer to higher-level ones{cited}",
                self.org_name(&led.org),
                self.org_name(&leader.org)
            )
        } else {
            format!("{through}{cited}")
        }
    }

    /// Whether `leader` leads `led` on `date`, and how: through `led_by`, followed
    /// from `led` up (the version in force for each organ's organization), or else
    /// by the higher-level principle.
    fn leads(&self, leader: &OrganRef, led: &OrganRef, date: &FuzzyDate) -> Option<Lead> {
        if leader == led {
            return None;
        }
        self.leads_by_clause(leader, led, date)
            .or_else(|| self.leads_from_above(leader, led, date))
    }

    /// Breadth first up the `led_by` clauses from `led`, each organ once.
    fn leads_by_clause(&self, leader: &OrganRef, led: &OrganRef, date: &FuzzyDate) -> Option<Lead> {
        // Each organ reached, with the index of the one it was reached from and the
        // clause that led there.
        let mut reached: Vec<(OrganRef, Option<usize>, Option<Citation>)> =
            vec![(led.clone(), None, None)];
        let mut next = 0;
        while next < reached.len() && reached.len() <= MAX_CHAIN {
            let organ = reached[next].0.clone();
            let Some(version) = self.version(&organ.org, date) else {
                next += 1;
                continue;
            };
            let Some(Cited { rule, article }) =
                version.organ(&organ.key).and_then(|d| d.led_by.as_ref())
            else {
                next += 1;
                continue;
            };
            let citation = Citation::of(version, article.as_ref());
            for by in &rule.organs {
                let up = match by {
                    LevelOrgan::Organ(k) => OrganRef::new(organ.org.clone(), k.clone()),
                    // The parent level's organ: not followed where the record gives
                    // no parent.
                    LevelOrgan::Parent(k) => match self.book.parent(&organ.org) {
                        Some(p) => OrganRef::new(p.clone(), k.clone()),
                        None => continue,
                    },
                };
                if reached.iter().any(|(o, _, _)| *o == up) {
                    continue;
                }
                reached.push((up.clone(), Some(next), Some(citation.clone())));
                if up == *leader {
                    return Some(Self::chain(&reached));
                }
            }
            next += 1;
        }
        None
    }

    /// The chain that reached the last organ of `reached`, from the led organ up.
    fn chain(reached: &[(OrganRef, Option<usize>, Option<Citation>)]) -> Lead {
        let mut through = Vec::new();
        let mut citations = Vec::new();
        let mut at = reached.len() - 1;
        while let (_, Some(from), citation) = &reached[at] {
            citations.extend(citation.iter().cloned());
            if *from != 0 {
                through.push(reached[*from].0.clone());
            }
            at = *from;
        }
        through.reverse();
        citations.reverse();
        Lead {
            through,
            citations,
            higher_level: false,
        }
    }

    /// The higher-level principle: `led`'s organization is governed by a template,
    /// `leader`'s is above it (up to the governing organization), and the governing
    /// version in force declares `[version.leadership]`.
    fn leads_from_above(
        &self,
        leader: &OrganRef,
        led: &OrganRef,
        date: &FuzzyDate,
    ) -> Option<Lead> {
        // Only an organization a template governs defers by the principle.
        if self.book.has_statute(&led.org) || self.version(&led.org, date).is_none() {
            return None;
        }
        let governor = self.book.governor(&led.org)?;
        let ancestors = self.book.ancestors(&led.org);
        let top = ancestors.iter().position(|o| *o == governor)?;
        let at = ancestors.iter().position(|o| *o == leader.org)?;
        if at > top {
            return None;
        }
        let version = self.version(&governor, date)?;
        let Cited { article, .. } = version.leadership.as_ref()?;
        Some(Lead {
            through: Vec::new(),
            citations: vec![Citation::of(version, article.as_ref())],
            higher_level: true,
        })
    }
}

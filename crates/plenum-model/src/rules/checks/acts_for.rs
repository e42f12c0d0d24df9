//! One organ acting for another between its sessions (`acts_for`, "Between plenary
//! sessions of the Central Committee, the Political Bureau ... shall exercise the
//! functions and powers of the Central Committee"): a decision the statute gives to
//! the other organ, taken by the acting one, is accepted unless that organ was
//! sitting on the day. Only decisions judged by `no-competent-decision` are read
//! this way; elections and convening are not.

use crate::date::{FuzzyDate, Truth};
use crate::id::OrganRef;
use crate::statute::Cited;

use super::super::Citation;
use super::Ctx;

/// How a decider that is not itself competent stands by an `acts_for` clause.
pub(super) enum ActingFor {
    /// It acts for a competent organ, which was not sitting on the day.
    Between,
    /// It acts for a competent organ, but that organ was (or may have been) sitting:
    /// the finding cites the `acts_for` clause.
    InSession {
        /// The acting organ.
        acting: OrganRef,
        /// The organ it acts for.
        principal: OrganRef,
        /// `Definitely`, or `Possibly` where the dates leave it open.
        certainty: Truth,
        /// The `acts_for` clause.
        citation: Citation,
    },
}

impl Ctx<'_, '_> {
    /// Whether one of `deciders` acts for one of the `competent` organs, and whether
    /// that organ sat on `date` (one of its recorded meetings covers the day).
    /// `None` where no decider acts for a competent organ.
    pub(super) fn acting_for(
        &self,
        deciders: &[OrganRef],
        competent: &[OrganRef],
        date: &FuzzyDate,
    ) -> Option<ActingFor> {
        let mut sitting = None;
        for acting in deciders {
            let Some(version) = self.version(&acting.org, date) else {
                continue;
            };
            let Some(Cited { rule, article }) =
                version.organ(&acting.key).and_then(|d| d.acts_for.as_ref())
            else {
                continue;
            };
            let principal = OrganRef::new(acting.org.clone(), rule.organ.clone());
            if !competent.contains(&principal) {
                continue;
            }
            let certainty = self
                .history
                .held_meetings(&principal)
                .iter()
                .map(|m| date.within(m.date.earliest(), m.date.latest()))
                .max()
                .unwrap_or(Truth::No);
            if certainty == Truth::No {
                return Some(ActingFor::Between);
            }
            sitting.get_or_insert(ActingFor::InSession {
                acting: acting.clone(),
                principal,
                certainty,
                citation: Citation::of(version, article.as_ref()),
            });
        }
        sitting
    }
}

//! The fewest seats an organ may be filled with (`seats.at_least`): an election
//! that fills the whole organ anew (`election_held` with `replaces`) with fewer
//! full seats than that (`seats-under-limit`). Seats left vacant between elections
//! are not judged here (a vacancy is `vacancy`'s). It reads only the statute.

use crate::date::Truth;
use crate::id::OrganRef;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_seat_minimum(&self, organ: &OrganRef, elected: usize, out: &mut Out<'_>) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: limits,
            article,
        }) = version.organ(&organ.key).and_then(|d| d.seats.as_ref())
        else {
            return;
        };
        let Some(least) = limits.least_full else {
            return;
        };
        let elected = u32::try_from(elected).unwrap_or(u32::MAX);
        if elected >= least {
            return;
        }
        out.push(
            Rule::SeatsUnderLimit,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{} was elected with {elected} full {}; the statute requires at least {least}",
                self.organ_name(organ),
                if elected == 1 { "seat" } else { "seats" }
            ),
        );
    }
}

//! How an organ's elections are counted (`counting = { method = "points" }`): an
//! `election_held` of the organ by its electors (not a co-option by the organ that
//! fills vacancies) whose record names another `method` is `wrong-method`; one whose
//! `tally` gives a person elected to a full seat fewer points (or votes) than a
//! candidate the tally lists who was not elected is `plurality-not-met` (a tie for the
//! last seat, decided by lot or "by straws", is lawful either way), both citing
//! `counting`. Not judged where the record gives neither; the ballots are not recounted
//! (the record does not carry them). It reads only the event and the statute.

use crate::date::Truth;
use crate::event::kinds::ElectionHeld;
use crate::id::OrganRef;
use crate::statute::{Cited, Elector};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_counting(
        &self,
        organ: &OrganRef,
        b: &ElectionHeld,
        electors: &[OrganRef],
        out: &mut Out<'_>,
    ) {
        if b.method.is_none() && b.tally.is_empty() {
            return;
        }
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        let Some(Cited {
            rule: method,
            article,
        }) = def.counting.as_ref()
        else {
            return;
        };
        // A co-option by the organ that fills vacancies is that organ's vote, not the
        // electors' count.
        let elector = match def.elected_by.as_ref().map(|e| &e.rule) {
            Some(Elector::Organ(k)) => Some(k),
            _ => None,
        };
        let by =
            |key: &crate::id::Key| electors.iter().any(|o| &o.key == key && o.org == organ.org);
        if def.vacancies_by.as_ref().is_some_and(&by) && !elector.is_some_and(&by) {
            return;
        }
        let citation = Citation::of(version, article.as_ref());
        let name = self.organ_name(organ);
        if let Some(recorded) = &b.method
            && !method.is_named(recorded)
        {
            out.push(
                Rule::WrongMethod,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![],
                format!(
                    "an election to {name} was counted by {recorded}; the statute counts its elections by {}",
                    method.name()
                ),
            );
            return;
        }
        let unit = method.unit();
        for (person, got, best_loser) in super::election_majority::outpolled(b) {
            out.push(
                Rule::PluralityNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![],
                format!(
                    "{} was elected to {name} with {got} {unit}, fewer than {} ({}), who was not; the statute elects the candidates with the most {unit} ({})",
                    self.person(person),
                    self.person(&best_loser.person),
                    best_loser.votes,
                    method.name()
                ),
            );
        }
    }
}

impl Ctx<'_, '_> {
    /// No cumulative voting (`voting.cumulative = false` on the electing organ: "There
    /// shall be no cumulative voting"): where an election's `tally` gives a candidate
    /// more than one vote from each voter (by the elected organ's `counting` by points,
    /// more than the first choice's points, the seats, from each), some voter gave the
    /// candidate more than one share: `cumulative-vote`, citing `voting`. The voters
    /// are the election's `present`, else its meeting's; not judged without them or a
    /// tally.
    pub(super) fn check_cumulative(
        &self,
        organ: &OrganRef,
        b: &ElectionHeld,
        electors: &[OrganRef],
        out: &mut Out<'_>,
    ) {
        if b.tally.is_empty() {
            return;
        }
        let Some(elector) = electors.first() else {
            return;
        };
        let Some(version) = self.version(&elector.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: voting,
            article,
        }) = version.organ(&elector.key).and_then(|d| d.voting.as_ref())
        else {
            return;
        };
        if voting.cumulative != Some(false) {
            return;
        }
        let Some(voters) = b.present.or_else(|| {
            b.meeting
                .as_ref()
                .and_then(|m| self.history.meeting(m))
                .and_then(|m| m.present)
        }) else {
            return;
        };
        let by_points = self
            .version(&organ.org, &out.event.date)
            .and_then(|v| v.organ(&organ.key))
            .and_then(|d| d.counting.as_ref())
            .is_some_and(|c| c.rule == crate::statute::CountingMethod::Points);
        let seats = b
            .seats
            .unwrap_or_else(|| u32::try_from(b.elected.len()).unwrap_or(u32::MAX));
        let (share, unit) = if by_points {
            (u64::from(seats.max(1)), "points")
        } else {
            (1, "votes")
        };
        let most = u64::from(voters).saturating_mul(share);
        for row in b.tally.iter().filter(|r| r.votes > most) {
            out.push(
                Rule::CumulativeVote,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} received {} {unit} in an election to {} by {voters} voters, more than {most} ({share} from each); the statute forbids cumulative voting",
                    self.person(&row.person),
                    row.votes,
                    self.organ_name(organ),
                ),
            );
        }
    }
}

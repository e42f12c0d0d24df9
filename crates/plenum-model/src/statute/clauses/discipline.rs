//! The clauses of discipline: each rule (an act, whom it concerns, who decides it, by what
//! majority, for how long, and who confirms it), and the penalties of the statute's own.

use super::Clauses;
use crate::statute::Target;

/// The discipline rules of a version, each with its confirmation if provisional.
pub(super) fn rules(out: &mut Clauses<'_>) {
    let version = out.version;
    for rule in &version.discipline {
        let mut by = out.organ_names(&rule.by);
        for k in &rule.by_parent {
            let up = format!("the `{k}` of the organization one level up");
            by = if by.is_empty() {
                up
            } else {
                format!("{by} or {up}")
            };
        }
        let ground = rule.ground.as_ref().map_or_else(String::new, |g| {
            format!(" (only for an act recording the ground `{g}`)")
        });
        let from = rule.from.as_ref().map_or_else(String::new, |f| {
            let name = version
                .post(f)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| out.organ_name(f));
            format!(" from {name}")
        });
        let majority = rule
            .majority
            .map_or_else(String::new, |m| format!(", by {m}"));
        let longest = rule
            .longest
            .map_or_else(String::new, |l| format!(", for at most {l}"));
        let checked = match (rule.majority.is_some(), rule.longest.is_some()) {
            (true, true) => "no-competent-decision, majority-not-met, status-too-long",
            (true, false) => "no-competent-decision, majority-not-met",
            (false, true) => "no-competent-decision, status-too-long",
            (false, false) => "no-competent-decision",
        };
        let whom = rule.target.as_ref().map_or_else(String::new, |t| match t {
            Target::Seat(k) => format!(" of a holder of a seat on {}", out.organ_name(k)),
            Target::Post(k) => format!(" of the holder of {}", out.post_name(k)),
            Target::Member => {
                " of an ordinary member (holding none of the offices the other rules name)"
                    .to_owned()
            }
        });
        out.push(
            "discipline",
            "discipline",
            format!(
                "{}{whom}{from}: decided by {by}{majority}{longest}{ground}",
                rule.act_name()
            ),
            rule.article.as_ref(),
            Some(checked),
        );
        if let Some(c) = &rule.confirmed_by {
            let words = format!(
                "{} by {by}: provisional until {} confirms it {}",
                rule.act_name(),
                out.organ_name(&c.by),
                c.deadline_words(),
            );
            out.push(
                "discipline",
                "confirmed_by",
                words,
                rule.article.as_ref(),
                Some("not-confirmed"),
            );
        }
        if rule.only_if_ineligible {
            out.push(
                "discipline",
                "only_if",
                format!(
                    "{}{from} by {by}: only of a holder the register shows no longer eligible for it",
                    rule.act_name()
                ),
                rule.article.as_ref(),
                Some("no-competent-decision"),
            );
        }
        if let Some(n) = rule.while_members_exceed {
            out.push(
                "discipline",
                "while_members_exceed",
                format!(
                    "{}{from} by {by}: allowed only while the register counts more than {n} full members",
                    rule.act_name()
                ),
                rule.article.as_ref(),
                Some("no-competent-decision"),
            );
        }
        if let Some(r) = &rule.referral {
            let least = r
                .at_least
                .map_or_else(String::new, |l| format!(", decided at least {l} after it"));
            out.push(
                "discipline",
                "referral",
                format!(
                    "{} by {by}: only on the referral of {} (`referral` on the `member_expelled`){least}",
                    rule.act_name(),
                    out.organ_name(&r.by)
                ),
                rule.article.as_ref(),
                Some("no-competent-decision, short-notice"),
            );
        }
    }
}

/// The penalties a version declares beside the built-in acts.
pub(super) fn penalties(out: &mut Clauses<'_>) {
    for penalty in &out.version.penalties {
        let (rule, checked) = crate::statute::penalties::clause(penalty);
        out.push(
            "discipline",
            "penalty",
            rule,
            penalty.article.as_ref(),
            Some(checked),
        );
    }
}

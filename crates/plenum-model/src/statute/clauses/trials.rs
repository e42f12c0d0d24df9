//! The clauses of the judicial procedure: who files and tries charges, the acts that need
//! a trial or a hearing, the deadlines of decision and service, who decides appeals, and
//! the grounds of charges.

use super::Clauses;
use crate::statute::{Cited, Filer, Trials};

/// The clauses of a version's `[version.trials]`, in the order `statute check` lists them.
pub(super) fn clauses(out: &mut Clauses<'_>, trials: &Trials) {
    if let Some(Cited { rule, article }) = &trials.filed_by {
        out.push(
            "trials",
            "filed_by",
            format!(
                "charges are filed by {}",
                match rule {
                    Filer::Member => "any member",
                    Filer::FullMember => "any full member",
                }
            ),
            article.as_ref(),
            Some("wrong-accuser"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.tried_by {
        let by = out.organ_names(rule);
        out.push(
            "trials",
            "tried_by",
            format!("charges are tried by {by}"),
            article.as_ref(),
            Some("wrong-trial-body"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.required_for {
        let acts = rule
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            "trials",
            "required_for",
            format!("{acts} only after a trial"),
            article.as_ref(),
            Some("no-trial"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.decision_within {
        out.push(
            "trials",
            "decision",
            format!("a trial's decision is rendered within {rule} of the trial"),
            article.as_ref(),
            Some("decision-late"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.serve_within {
        out.push(
            "trials",
            "serve",
            format!("a copy of the charges is served on the accused within {rule} of their filing"),
            article.as_ref(),
            Some("service-late"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.served_before_trial {
        out.push(
            "trials",
            "served_before_trial",
            format!(
                "a copy of the charges is served on the accused at least {rule} before the trial"
            ),
            article.as_ref(),
            Some("service-late"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.appeals_final_by {
        let by = out.organ_names(rule);
        out.push(
            "trials",
            "appeals",
            format!("appeals are decided finally by {by}"),
            article.as_ref(),
            Some("wrong-appeal-body"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.appeals_by {
        let by = rule
            .iter()
            .map(|d| match d {
                super::super::Decider::Own(k) => out.organ_name(k),
                super::super::Decider::Parent(k) => {
                    format!("the `{k}` of the organization one level up")
                }
                super::super::Decider::HigherLevel => {
                    "an organ of an organization at a higher level".to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            "trials",
            "appeals",
            format!("appeals are decided by {by}"),
            article.as_ref(),
            Some("wrong-appeal-body"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.hearing {
        let acts = rule
            .acts
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(" or ");
        let before = rule
            .before
            .as_ref()
            .map(|b| format!(" before {}", out.organ_name(b)))
            .unwrap_or_default();
        out.push(
            "trials",
            "hearing",
            format!("no {acts} without first hearing the person concerned{before}"),
            article.as_ref(),
            Some("not-heard"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.grounds {
        let grounds = rule
            .iter()
            .map(|g| format!("\"{g}\""))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            "trials",
            "grounds",
            format!("charges are filed on these grounds and no other: {grounds}"),
            article.as_ref(),
            Some("wrong-grounds"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.recusal {
        out.push(
            "trials",
            "recusal",
            format!(
                "no member of the trial body takes part in a case arising in an organization of which they {} (the charges' `arises_in`)",
                if rule.former { "are or were a member" } else { "are a member" }
            ),
            article.as_ref(),
            Some("disqualified-judge"),
        );
    }
    if let Some(Cited { rule, article }) = &trials.acting_chair {
        out.push(
            "trials",
            "acting_chair",
            format!(
                "a case's acting chair is appointed by the holder of the post of {}",
                out.post_name(rule)
            ),
            article.as_ref(),
            Some("wrong-elector"),
        );
    }
}

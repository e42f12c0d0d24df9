//! The clauses of membership: sponsors and admission as a candidate, probation, who votes
//! in an assembly of all the members, the lapse of a membership, and membership classes.

use super::Clauses;
use crate::statute::Cited;

/// The membership clauses of a version but its classes, which `statute check` lists after
/// the discipline rules.
pub(super) fn clauses(out: &mut Clauses<'_>) {
    let version = out.version;
    if let Some(Cited { rule, article }) = &version.admission.sponsors {
        out.push(
            "membership",
            "sponsors",
            format!(
                "an admission is recommended by at least {} {}",
                rule.at_least,
                match (rule.full, rule.at_least) {
                    (true, 1) => "full member",
                    (true, _) => "full members",
                    (false, 1) => "member",
                    (false, _) => "members",
                }
            ),
            article.as_ref(),
            Some("too-few-sponsors"),
        );
    }
    if let Some(Cited { article, .. }) = &version.admission.as_candidate {
        out.push(
            "membership",
            "admission",
            "new members are admitted on probation, as candidates".to_owned(),
            article.as_ref(),
            Some("admitted-as-full"),
        );
    }
    if let Some(Cited { rule, article }) = &version.admission.conditions {
        out.push(
            "membership",
            "conditions",
            format!(
                "a person becomes a full member only where the record shows met: {}",
                rule.required.join(", ")
            ),
            article.as_ref(),
            Some("conditions-unmet"),
        );
    }
    if let Some(Cited { article, .. }) = &version.admission.probation_from_decision {
        out.push(
            "membership",
            "probation",
            "a probation begins on the day of the decision accepting the candidate: an admission is dated on its decision's day".to_owned(),
            article.as_ref(),
            Some("probation-misdated"),
        );
    }
    if let Some(Cited { rule, article }) = &version.admission.unit {
        out.push(
            "membership",
            "unit",
            format!(
                "every member belongs to a unit, {} under the organization: an admission or transfer names an existing one, and a unit is not dissolved with members still in it",
                rule.words()
            ),
            article.as_ref(),
            Some("unit-missing"),
        );
    }
    for step in &version.admission.steps {
        let by = if step.by.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = step.by.iter().map(|k| out.organ_name(k)).collect();
            format!(", by {},", names.join(" or "))
        };
        out.push(
            "membership",
            "step",
            format!(
                "the record shows the step \"{}\" taken for a person{by} before the {}{}",
                step.step,
                step.before.as_str(),
                if step.unless_ground.is_empty() {
                    String::new()
                } else {
                    let grounds: Vec<String> = step
                        .unless_ground
                        .iter()
                        .map(|g| format!("`{g}`"))
                        .collect();
                    format!(
                        ", unless the admission records the ground {}",
                        grounds.join(" or ")
                    )
                }
            ),
            step.article.as_ref(),
            Some("step-missing"),
        );
    }
    if let Some(Cited { article, .. }) = &version.admission.resignation {
        out.push(
            "membership",
            "resignation",
            "a resignation takes effect on the day its notice is given".to_owned(),
            article.as_ref(),
            Some("resignation-delayed"),
        );
    }
    if let Some(Cited { rule, article }) = &version.probation {
        out.push(
            "membership",
            "probation",
            match version.probation_extension {
                None => format!("candidates are confirmed as full members within {rule}"),
                Some(e) => format!(
                    "candidates are confirmed as full members within {rule}, or within an extension of at most {e} more"
                ),
            },
            article.as_ref(),
            Some("status-too-long"),
        );
    }
    if let Some(Cited { rule, article }) = &version.voters {
        out.push(
            "membership",
            "votes",
            format!("in an assembly of all the members, {rule} vote"),
            article.as_ref(),
            Some("majority-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &version.lapse {
        out.push(
            "membership",
            "lapse",
            if rule.more_than {
                format!(
                    "a membership lapses only once dues have been unpaid more than {} (the day after that period is complete at the earliest)",
                    rule.period
                )
            } else {
                format!(
                    "a membership lapses only after {} of unpaid dues (on the day that period is complete at the earliest)",
                    rule.period
                )
            },
            article.as_ref(),
            Some("early-lapse, lapsed-member"),
        );
    }
}

/// The membership classes of a version.
pub(super) fn classes(out: &mut Clauses<'_>) {
    for class in &out.version.classes {
        let (rule, checked) = crate::statute::classes::clause(class);
        out.push(
            "membership",
            "class",
            rule,
            class.article.as_ref(),
            Some(checked),
        );
    }
}

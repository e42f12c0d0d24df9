//! Sentences for acts of outside actors on an organization.

use crate::event::kinds::OutsideIntervention;

/// One sentence for an `outside_intervention`, given the names of its two organizations.
pub(crate) fn acted_on(b: &OutsideIntervention, by: String, org: String) -> String {
    let act = match b.act.as_str() {
        "delegation" => format!("{by} sent a delegation to {org}"),
        "intervention" => format!("{by} intervened in {org}"),
        "ban" => format!("{org} banned by {by}"),
        other => format!("{by} acted on {org} ({other})"),
    };
    match &b.text {
        Some(text) => format!("{act}: {text}"),
        None => act,
    }
}

//! Leaderships in words: joint leaders and leaderships that end with no successor.

use crate::event::kinds::{FactionLeadershipEnded, FactionLed};
use crate::id::EntityKind;
use crate::phrase::name;

/// "became leader of F", "became a joint leader of F", "became leader of F, jointly with A and B".
pub(super) fn became_leader(b: &FactionLed) -> String {
    let faction = name(EntityKind::Faction, &b.faction);
    let mut text = if b.joint {
        format!("became a joint leader of {faction}")
    } else {
        format!("became leader of {faction}")
    };
    if !b.with.is_empty() {
        text.push_str(", jointly with ");
        text.push_str(&co_leaders(
            b.with.iter().map(|p| name(EntityKind::Person, p)),
        ));
    }
    text
}

/// What a co-leader named in `with` did: "became leader of F, jointly with P".
pub(crate) fn co_leader_line(b: &FactionLed, co: &crate::id::PersonId) -> String {
    let others = std::iter::once(&b.person)
        .chain(b.with.iter().filter(|p| *p != co))
        .map(|p| name(EntityKind::Person, p));
    let verb = if b.joint {
        "became a joint leader of"
    } else {
        "became leader of"
    };
    format!(
        "{verb} {}, jointly with {}",
        name(EntityKind::Faction, &b.faction),
        co_leaders(others)
    )
}

/// "ceased to lead F" (of a named leader) or "the leadership of F ended".
pub(super) fn ceased_to_lead(b: &FactionLeadershipEnded) -> String {
    let faction = name(EntityKind::Faction, &b.faction);
    match b.person {
        Some(_) => format!("ceased to lead {faction}"),
        None => format!("the leadership of {faction} ended"),
    }
}

fn co_leaders(names: impl Iterator<Item = String>) -> String {
    let names: Vec<String> = names.collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

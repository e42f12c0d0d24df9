//! Sentences for unnamed changes of standing, groups naming nobody and observed tenures.

use crate::event::kinds::{GroupAffected, Headcount, Others, PositionChanged, TenureObserved};
use crate::event::{Event, Role};
use crate::id::{EntityKind, PersonId};
use crate::phrase::name;

/// "a number of people (military leaders)", "11 people", "one person".
pub(crate) fn group(others: &Others) -> String {
    let count = match others.count {
        Headcount::Exactly(1) => "one person".to_owned(),
        Headcount::Exactly(n) => format!("{n} people"),
        Headcount::Some => "some people".to_owned(),
        Headcount::ANumber => "a number of people".to_owned(),
        Headcount::Several => "several people".to_owned(),
        Headcount::Many => "many people".to_owned(),
    };
    match &others.who {
        Some(who) => format!("{count} ({who})"),
        None => count,
    }
}

/// The change with what the record says of the rank or post, and who made it:
/// "promoted (senior positions) by Kim Il-sung".
fn change(b: &PositionChanged) -> String {
    let mut text = b.change.as_str().to_owned();
    if let Some(what) = &b.what {
        text.push_str(&format!(" ({what})"));
    }
    if let Some(by) = &b.by {
        text.push_str(&format!(" by {}", name(EntityKind::Person, by)));
    }
    text
}

/// The person's record line: "demoted (within the Army)".
pub(crate) fn changed(b: &PositionChanged) -> String {
    match &b.org {
        Some(org) => format!("{} in {}", change(b), name(EntityKind::Org, org)),
        None => change(b),
    }
}

/// The log's line for a change that names nobody: "Workers' Party of Korea: a number of
/// people (his own followers) promoted (key positions in the Army) by Kim Il-sung".
pub(crate) fn group_changed(b: &PositionChanged) -> String {
    let org = b
        .org
        .as_ref()
        .map_or_else(String::new, |o| format!("{}: ", name(EntityKind::Org, o)));
    let who = b.others.as_ref().map_or_else(|| "people".to_owned(), group);
    format!("{org}{who} {}", change(b))
}

/// The record line of the person who made a change: "promoted a number of people (his
/// own followers) (key positions in the Army)".
pub(crate) fn made_change(b: &PositionChanged) -> String {
    let mut whom: Vec<String> = b
        .person
        .iter()
        .map(|p| name(EntityKind::Person, p))
        .collect();
    if let Some(others) = &b.others {
        whom.push(group(others));
    }
    let mut text = format!("{} {}", b.change.as_str(), whom.join(" and "));
    if let Some(what) = &b.what {
        text.push_str(&format!(" ({what})"));
    }
    if let Some(org) = &b.org {
        text.push_str(&format!(" in {}", name(EntityKind::Org, org)));
    }
    text
}

/// Whether `person` made the change (and is not its subject).
pub(crate) fn made_by(event: &Event, person: &PersonId) -> Option<String> {
    match &event.kind {
        crate::event::EventKind::PositionChanged(b)
            if b.by.as_ref() == Some(person) && b.person.as_ref() != Some(person) =>
        {
            Some(made_change(b))
        }
        _ => None,
    }
}

/// "Workers' Party of Korea: a number of people (military leaders) expelled: factionalism".
pub(crate) fn group_affected(b: &GroupAffected) -> String {
    let text = format!(
        "{}: {} {}",
        name(EntityKind::Org, &b.org),
        group(&b.group),
        b.act.as_str()
    );
    match &b.reason {
        Some(reason) => format!("{text}: {reason}"),
        None => text,
    }
}

/// "held Chairman at some time in 1951/1953", "sat on Politburo (alternate) at some time in 1951".
pub(crate) fn observed(event: &Event, b: &TenureObserved) -> String {
    let held = match (&b.post, &b.organ) {
        (Some(post), _) => format!("held {}", name(EntityKind::Post, post)),
        (None, Some(organ)) if b.role == Role::Alternate => {
            format!("sat on {} (alternate)", name(EntityKind::Organ, organ))
        }
        (None, Some(organ)) => format!("sat on {}", name(EntityKind::Organ, organ)),
        (None, None) => "held an office".to_owned(),
    };
    format!("{held} at some time in {}", event.date)
}

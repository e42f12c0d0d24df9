//! `person`: a person's career: seats, posts, memberships, factions, and everything recorded about them.

use serde::Serialize;

use crate::event::{EndCause, Role};
use crate::state::registry::EntityKind;
use crate::state::rows::{MemberStatus, MembershipEnd};

use super::{Facts, Named, QueryError, named, resolve};

/// The answer to `plenum person`; its JSON form is stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PersonReport {
    /// Person id.
    pub id: String,
    /// The name the record uses.
    pub name: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// When they died, if recorded.
    pub died: Option<String>,
    /// Seats on organs, earliest first.
    pub seats: Vec<SeatLine>,
    /// Posts, earliest first.
    pub posts: Vec<PostLine>,
    /// Memberships of organizations, by status, earliest first.
    pub memberships: Vec<MembershipLine>,
    /// Factions (and leaderships), earliest first.
    pub factions: Vec<FactionLine>,
    /// Every event about them, in date order.
    pub record: Vec<RecordLine>,
}

/// A seat held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeatLine {
    /// The organ.
    pub organ: Named,
    /// `full` or `alternate`.
    pub role: Role,
    /// From.
    pub from: String,
    /// Until, if it ended.
    pub to: Option<String>,
    /// Why it ended.
    pub ended: Option<EndCause>,
    /// The events that began and ended it.
    pub events: Vec<String>,
}

/// A post held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PostLine {
    /// The post.
    pub post: Named,
    /// Acting rather than substantive.
    pub acting: bool,
    /// From.
    pub from: String,
    /// Until.
    pub to: Option<String>,
    /// Why it ended.
    pub ended: Option<EndCause>,
    /// The events that began and ended it.
    pub events: Vec<String>,
}

/// A membership in one status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MembershipLine {
    /// The organization.
    pub organization: Named,
    /// The status.
    pub status: MemberStatus,
    /// From.
    pub from: String,
    /// Until.
    pub to: Option<String>,
    /// How it ended.
    pub ended: Option<MembershipEnd>,
}

/// An alignment with (or leadership of) a faction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactionLine {
    /// The faction.
    pub faction: Named,
    /// Whether as its leader.
    pub leader: bool,
    /// From.
    pub from: String,
    /// Until.
    pub to: Option<String>,
}

/// One line of the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RecordLine {
    /// When.
    pub date: String,
    /// The event id.
    pub event: String,
    /// The event kind.
    pub kind: String,
    /// What happened.
    pub text: String,
}

/// Answers `person NAME`.
pub fn person<F: Facts>(facts: &F, text: &str) -> Result<PersonReport, QueryError<F::Error>> {
    let entity = resolve(facts, EntityKind::Person, text)?;
    let id = entity.id.parse().map_err(|_| QueryError::NotFound {
        kind: "person",
        text: text.to_owned(),
        suggestions: Vec::new(),
    })?;
    let mut rows = facts.person_rows(&id)?;
    // Stores return rows in any order: sort by date, then by key.
    rows.seats
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.posts
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.memberships
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.alignments
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.records
        .sort_by(|a, b| (&a.date, &a.event, &a.kind).cmp(&(&b.date, &b.event, &b.kind)));
    let end = |s: &crate::state::rows::Span| s.end.as_ref().map(ToString::to_string);
    let mut seats = Vec::new();
    for s in &rows.seats {
        seats.push(SeatLine {
            organ: named(facts, EntityKind::Organ, &s.organ.to_string())?,
            role: s.role,
            from: s.span.start.to_string(),
            to: end(&s.span),
            ended: s.end_cause,
            events: std::iter::once(&s.start_event)
                .chain(&s.end_event)
                .map(ToString::to_string)
                .collect(),
        });
    }
    let mut posts = Vec::new();
    for p in &rows.posts {
        posts.push(PostLine {
            post: named(facts, EntityKind::Post, &p.post.to_string())?,
            acting: p.acting,
            from: p.span.start.to_string(),
            to: end(&p.span),
            ended: p.end_cause,
            events: std::iter::once(&p.start_event)
                .chain(&p.end_event)
                .map(ToString::to_string)
                .collect(),
        });
    }
    let mut memberships = Vec::new();
    for m in &rows.memberships {
        memberships.push(MembershipLine {
            organization: named(facts, EntityKind::Org, m.org.as_str())?,
            status: m.status,
            from: m.span.start.to_string(),
            to: end(&m.span),
            ended: m.end_cause,
        });
    }
    let mut factions = Vec::new();
    for a in &rows.alignments {
        factions.push(FactionLine {
            faction: named(facts, EntityKind::Faction, a.faction.as_str())?,
            leader: a.leader,
            from: a.span.start.to_string(),
            to: end(&a.span),
        });
    }
    let died = rows
        .records
        .iter()
        .find(|r| r.kind == "person_died")
        .map(|r| r.date.to_string());
    let record = rows
        .records
        .iter()
        .map(|r| RecordLine {
            date: r.date.to_string(),
            event: r.event.to_string(),
            kind: r.kind.clone(),
            text: r.text.clone(),
        })
        .collect();
    Ok(PersonReport {
        id: entity.id,
        name: entity.name,
        aliases: entity.aliases,
        died,
        seats,
        posts,
        memberships,
        factions,
        record,
    })
}

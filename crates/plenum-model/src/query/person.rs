//! `person`: a person's career: seats, posts, memberships, factions, and everything recorded about them.

use serde::Serialize;

use crate::event::EventKind;
use crate::event::describe::describe;
use crate::event::{EndCause, Role};
use crate::phrase::{Phrase, name};
use crate::rows::{EntityKind, MemberStatus, MembershipEnd, Span};

use super::{Facts, Named, QueryError, named, resolve};

/// The answer to `plenum person`; its JSON form is stable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// Posts and seats held at some time within a period (`tenure_observed`), earliest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observed: Vec<super::observed::ObservedLine>,
}

/// A seat held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// A figurehead: held in name only (`nominal` on its `seat_taken` or `election_held`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nominal: bool,
}

/// A post held.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostLine {
    /// The post.
    pub post: Named,
    /// Acting rather than substantive.
    pub acting: bool,
    /// A figurehead: held in name only (`nominal` on its `post_assigned` or `election_held`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nominal: bool,
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
pub fn person<F: Facts + ?Sized>(
    facts: &F,
    text: &str,
) -> Result<PersonReport, QueryError<F::Error>> {
    let entity = resolve(facts, EntityKind::Person, text)?;
    let id = entity.id.parse().map_err(|_| QueryError::NotFound {
        kind: "person",
        text: text.to_owned(),
        suggestions: Vec::new(),
    })?;
    let mut rows = facts.person_rows(&id)?;
    // Seats and posts end with their term, as `at` sees them.
    if !rows.seats.is_empty() || !rows.posts.is_empty() {
        let book = crate::statute::StatuteBook::from_events(&facts.statute_events()?);
        crate::rules::terms::clip_seats(&book, &mut rows.seats);
        crate::rules::terms::clip_posts(&book, &mut rows.posts);
    }
    // Stores return rows in any order: sort by date, then by key.
    rows.seats
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.posts
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.memberships
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    rows.alignments
        .sort_by(|a, b| (&a.span.start, &a.key).cmp(&(&b.span.start, &b.key)));
    // The record: one line per event about them (and per election they were elected in).
    let mut lines: Vec<(crate::date::FuzzyDate, String, String, Phrase)> = Vec::new();
    for event in &rows.events {
        if event.kind.subject() == Some(&id) {
            lines.push((
                event.date.clone(),
                event.id.to_string(),
                event.kind.name().to_owned(),
                describe(event),
            ));
        }
        if let EventKind::FactionLed(b) = &event.kind
            && b.with.contains(&id)
        {
            lines.push((
                event.date.clone(),
                event.id.to_string(),
                event.kind.name().to_owned(),
                Phrase::new(crate::event::leadership::co_leader_line(b, &id)),
            ));
        }
        if let Some(text) = crate::event::positions::made_by(event, &id) {
            lines.push((
                event.date.clone(),
                event.id.to_string(),
                event.kind.name().to_owned(),
                Phrase::new(text),
            ));
        }
        if let EventKind::ElectionHeld(b) = &event.kind {
            let target = match (&b.organ, &b.post) {
                (Some(o), _) => name(EntityKind::Organ, o),
                (None, Some(p)) => name(EntityKind::Post, p),
                (None, None) => String::new(),
            };
            let nominal = if b.nominal.contains(&id) {
                " (nominal)"
            } else {
                ""
            };
            let text = if b.elected.contains(&id) {
                Some(format!("elected to {target}{nominal}"))
            } else if b.alternates.contains(&id) {
                Some(format!("elected alternate member of {target}{nominal}"))
            } else {
                None
            };
            if let Some(text) = text {
                lines.push((
                    event.date.clone(),
                    event.id.to_string(),
                    event.kind.name().to_owned(),
                    Phrase::new(text),
                ));
            }
        }
    }
    lines.sort_by(|a, b| (&a.0, &a.1, &a.2).cmp(&(&b.0, &b.1, &b.2)));
    let texts = super::render(facts, &lines.iter().map(|l| &l.3).collect::<Vec<_>>())?;
    let end = |s: &Span| s.end.as_ref().map(ToString::to_string);
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
            nominal: s.nominal,
        });
    }
    let mut posts = Vec::new();
    for p in &rows.posts {
        posts.push(PostLine {
            post: named(facts, EntityKind::Post, &p.post.to_string())?,
            acting: p.acting,
            nominal: p.nominal,
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
    let died = lines
        .iter()
        .find(|l| l.2 == "person_died")
        .map(|l| l.0.to_string());
    let record = lines
        .into_iter()
        .zip(texts)
        .map(|((date, event, kind, _), text)| RecordLine {
            date: date.to_string(),
            event,
            kind,
            text,
        })
        .collect();
    let observed = super::observed::observed_by(facts, &rows.events, &id)?;
    Ok(PersonReport {
        observed,
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

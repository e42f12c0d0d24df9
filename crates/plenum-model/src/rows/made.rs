//! Rows one event makes and nothing changes: membership figures, deaths, meetings held,
//! decisions, findings.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::FuzzyDate;
use crate::event::kinds::Evidence;
use crate::event::{Outcome, Votes};
use crate::finding::Finding;
use crate::id::{EventId, MeetingId, OrgId, OrganRef, PersonId, Pos};

use super::columns::Columns;
use super::{By, Row, RowError, Table, Value, ValueRef, read_table};

/// A membership figure the record gives.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FigureRow {
    /// The event.
    pub event: EventId,
    /// The organization.
    pub org: OrgId,
    /// When.
    pub date: FuzzyDate,
    /// How many.
    pub count: u64,
    /// A lower bound ("more than").
    pub at_least: bool,
    /// The part that came from this organization.
    pub from: Option<OrgId>,
    /// Where the event stands in date order.
    pub pos: Pos,
}

/// A person's death: the first the record dates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DeathRow {
    /// The person.
    pub person: PersonId,
    /// When.
    pub date: FuzzyDate,
    /// The event.
    pub event: EventId,
    /// Where the event stands in date order.
    pub pos: Pos,
}

/// A meeting held, as one of the meetings of one organ.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct HeldRow {
    /// Stable row key: `event@organ`.
    pub key: String,
    /// The organ that met (a joint meeting is a meeting of each).
    pub organ: OrganRef,
    /// The meeting.
    pub meeting: MeetingId,
    /// When.
    pub date: FuzzyDate,
    /// The event recording it.
    pub event: EventId,
    /// What shows the sitting, where the record does not call it a meeting
    /// (`meeting_held`'s `evidence`); `None` for a regular record.
    pub evidence: Option<Evidence>,
    /// Where the event stands in date order.
    pub pos: Pos,
}

/// A motion decided.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DecisionRow {
    /// The event.
    pub event: EventId,
    /// When.
    pub date: FuzzyDate,
    /// The meeting, if any.
    pub meeting: Option<MeetingId>,
    /// The deciding organ (the meeting's, or the motion's own).
    pub organ: Option<OrganRef>,
    /// The kind of decision.
    pub category: Option<String>,
    /// The votes.
    pub votes: Option<Votes>,
    /// Members present, from the motion or its meeting.
    pub present: Option<u32>,
    /// The outcome.
    pub outcome: Outcome,
    /// Where the event stands in date order.
    pub pos: Pos,
}

/// A finding of the rules engine about one event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FindingRow {
    /// Stable row key: the judged event and the finding's number among its findings.
    pub key: String,
    /// The finding.
    pub finding: Finding,
    /// Where the judged event stands in date order.
    pub pos: Pos,
}

impl FindingRow {
    /// The `n`th finding about the event at `pos`.
    pub fn new(event: &EventId, n: usize, finding: Finding, pos: Pos) -> FindingRow {
        FindingRow {
            key: format!("{event}#{n}"),
            finding,
            pos,
        }
    }
}

/// Rows that one event makes and nothing changes: gone if made at or after the point.
macro_rules! made_once {
    ($row:ty, $table:ident, |$s:ident| $key:expr, |$w:ident| $write:expr, |$r:ident| $read:expr, lookups { $($by:ident => $val:expr),* }) => {
        impl Row for $row {
            const TABLE: Table = Table::$table;
            fn key(&self) -> Cow<'_, str> {
                let $s = self;
                Cow::Borrowed($key)
            }
            fn values(&self) -> Vec<Value> {
                let $s = self;
                let mut $w = Columns::default();
                $write;
                $w.pos($s.pos);
                $w.into_values()
            }
            fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
                let mut $r = read_table(Self::TABLE, values)?;
                let row: Self = $read;
                Ok(row)
            }
            #[allow(unused_variables)]
            fn lookup(&self, by: By) -> Option<String> {
                let $s = self;
                match by {
                    By::Key => Some(self.key().into_owned()),
                    $(By::$by => Some($val),)*
                    _ => None,
                }
            }
            fn touched(&self) -> Option<Pos> {
                Some(self.pos)
            }
            fn rolled_back(&self, to: Pos) -> Option<Self> {
                (self.pos < to).then(|| self.clone())
            }
        }
    };
}

made_once!(
    FigureRow,
    Figures,
    |s| s.event.as_str(),
    |c| c
        .text(&s.event)
        .text(&s.org)
        .text(&s.date)
        .int(s.count as i64)
        .bool(s.at_least)
        .opt_text(s.from.as_ref()),
    |r| FigureRow {
        event: r.text()?,
        org: r.text()?,
        date: r.text()?,
        count: u64::try_from(r.int()?).unwrap_or(0),
        at_least: r.bool()?,
        from: r.opt_text()?,
        pos: r.pos()?,
    },
    lookups {}
);

made_once!(
    DeathRow,
    Deaths,
    |s| s.person.as_str(),
    |c| c.text(&s.person).text(&s.date).text(&s.event),
    |r| DeathRow {
        person: r.text()?,
        date: r.text()?,
        event: r.text()?,
        pos: r.pos()?
    },
    lookups {}
);

made_once!(HeldRow, Held, |s| s.key.as_str(),
    |c| c.text(&s.key).text(&s.organ).text(&s.meeting).text(&s.date).text(&s.event)
        .word(s.evidence.as_ref()),
    |r| HeldRow {
        key: r.text()?,
        organ: r.text()?,
        meeting: r.text()?,
        date: r.text()?,
        event: r.text()?,
        evidence: r.word()?,
        pos: r.pos()?,
    },
    lookups { Organ => s.organ.to_string() });

/// The parts of a decision kept as JSON.
#[derive(Serialize, Deserialize)]
struct DecisionData {
    meeting: Option<MeetingId>,
    organ: Option<OrganRef>,
    category: Option<String>,
    votes: Option<Votes>,
    present: Option<u32>,
    outcome: Outcome,
}

made_once!(
    DecisionRow,
    Decisions,
    |s| s.event.as_str(),
    |c| c.text(&s.event).text(&s.date).json(&DecisionData {
        meeting: s.meeting.clone(),
        organ: s.organ.clone(),
        category: s.category.clone(),
        votes: s.votes,
        present: s.present,
        outcome: s.outcome,
    }),
    |r| {
        let event = r.text()?;
        let date = r.text()?;
        let data: DecisionData = r.json()?;
        DecisionRow {
            event,
            date,
            meeting: data.meeting,
            organ: data.organ,
            category: data.category,
            votes: data.votes,
            present: data.present,
            outcome: data.outcome,
            pos: r.pos()?,
        }
    },
    lookups {}
);

/// The parts of a finding kept as JSON.
#[derive(Serialize, Deserialize)]
struct FindingData {
    citation: Option<crate::finding::Citation>,
    events: Vec<EventId>,
    message: crate::phrase::Phrase,
}

made_once!(
    FindingRow,
    Findings,
    |s| s.key.as_str(),
    |c| c
        .text(&s.key)
        .int(i64::from(s.finding.date.earliest().to_key()))
        .text(&s.finding.date)
        .word(Some(&s.finding.rule))
        .word(Some(&s.finding.severity))
        .word(Some(&s.finding.certainty))
        .json(&FindingData {
            citation: s.finding.citation.clone(),
            events: s.finding.events.clone(),
            message: s.finding.message.clone(),
        }),
    |r| {
        let key = r.text()?;
        let _day = r.int()?;
        let date = r.text()?;
        let rule = r.required_word()?;
        let severity = r.required_word()?;
        let certainty = r.required_word()?;
        let data: FindingData = r.json()?;
        FindingRow {
            key,
            finding: Finding {
                rule,
                severity,
                certainty,
                date,
                citation: data.citation,
                events: data.events,
                message: data.message,
            },
            pos: r.pos()?,
        }
    },
    lookups {}
);

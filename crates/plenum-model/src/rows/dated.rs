//! Date-order rows: seats, posts, memberships, alignments, counts, names, links (each
//! opened by one event and closed by at most one), and rows that one event makes
//! (figures, deaths, meetings held, decisions, findings).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::FuzzyDate;
use crate::event::{EndCause, Outcome, Role, Votes};
use crate::finding::Finding;
use crate::id::{EventId, FactionId, MeetingId, OrgId, OrganRef, PersonId, Pos, PostRef};

use super::columns::{Columns, Reader};
use super::span::{Dated, Span};
use super::{By, Row, RowError, Table, Value, roll_back_span};

/// A holder's alignment as a seat keeps it: which faction, when.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Affiliation {
    /// The alignment row's key (ties between equally sure alignments break by it).
    pub key: String,
    /// The faction.
    pub faction: FactionId,
    /// When.
    pub span: Span,
}

/// A person's seat on an organ.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SeatRow {
    /// Stable row key.
    pub key: String,
    /// The organ.
    pub organ: OrganRef,
    /// The holder.
    pub person: PersonId,
    /// Full or alternate.
    pub role: Role,
    /// When held.
    pub span: Span,
    /// The event that gave the seat.
    pub start_event: EventId,
    /// The event that ended it.
    pub end_event: Option<EventId>,
    /// Why it ended.
    pub end_cause: Option<EndCause>,
    /// Where the opening event stands in date order.
    pub start_pos: Pos,
    /// Where the closing event stands.
    pub end_pos: Option<Pos>,
    /// The holder's name, kept here so that reading an organ needs no look-up per seat.
    pub holder: Option<String>,
    /// Every faction alignment of the holder (not leaderships), for the same reason.
    pub factions: Vec<Affiliation>,
}

/// A person's tenure of a post.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PostRow {
    /// Stable row key.
    pub key: String,
    /// The post.
    pub post: PostRef,
    /// The holder.
    pub person: PersonId,
    /// Acting rather than substantive.
    pub acting: bool,
    /// When held.
    pub span: Span,
    /// The event that gave the post.
    pub start_event: EventId,
    /// The event that ended it.
    pub end_event: Option<EventId>,
    /// Why it ended.
    pub end_cause: Option<EndCause>,
    /// Where the opening event stands in date order.
    pub start_pos: Pos,
    /// Where the closing event stands.
    pub end_pos: Option<Pos>,
}

/// A membership status of a person in an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberStatus {
    /// On probation.
    Candidate,
    /// Full member.
    Full,
    /// Suspended.
    Suspended,
}

impl MemberStatus {
    /// The lowercase word.
    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::Candidate => "candidate",
            MemberStatus::Full => "full",
            MemberStatus::Suspended => "suspended",
        }
    }
}

/// How a membership ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MembershipEnd {
    /// The status changed (promotion, suspension, reinstatement): a new row follows.
    StatusChanged,
    /// Expelled.
    Expelled,
    /// Resigned.
    Resigned,
    /// Died.
    Died,
    /// The organization merged into another; a row there follows.
    Merged,
    /// The organization ceased to exist.
    OrganizationEnded,
}

/// A person's membership of an organization, in one status.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MembershipRow {
    /// Stable row key.
    pub key: String,
    /// The organization.
    pub org: OrgId,
    /// The member.
    pub person: PersonId,
    /// The status.
    pub status: MemberStatus,
    /// When.
    pub span: Span,
    /// The event that began it.
    pub start_event: EventId,
    /// The event that ended it.
    pub end_event: Option<EventId>,
    /// How it ended.
    pub end_cause: Option<MembershipEnd>,
    /// Where the opening event stands in date order.
    pub start_pos: Pos,
    /// Where the closing event stands.
    pub end_pos: Option<Pos>,
}

/// A person's alignment with a faction (or leadership of it).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AlignmentRow {
    /// Stable row key.
    pub key: String,
    /// The faction.
    pub faction: FactionId,
    /// The person.
    pub person: PersonId,
    /// Whether this row is a leadership of the faction rather than a membership.
    pub leader: bool,
    /// When.
    pub span: Span,
    /// The event that began it.
    pub start_event: EventId,
    /// The event that ended it.
    pub end_event: Option<EventId>,
    /// Where the opening event stands in date order.
    pub start_pos: Pos,
    /// Where the closing event stands.
    pub end_pos: Option<Pos>,
}

/// Seats the record counts without naming them.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CountRow {
    /// Stable row key.
    pub key: String,
    /// The organ.
    pub organ: OrganRef,
    /// Full or alternate.
    pub role: Role,
    /// The faction counted; `None` for the organ's total.
    pub faction: Option<FactionId>,
    /// How many seats.
    pub count: u32,
    /// When the count holds (an end given by the event itself is part of it).
    pub span: Span,
    /// The event that gave the count.
    pub event: EventId,
    /// The later event that ended it (a new count, or a new election).
    pub end_event: Option<EventId>,
    /// Where the counting event stands in date order.
    pub start_pos: Pos,
    /// Where the ending event stands.
    pub end_pos: Option<Pos>,
}

/// A name an organization went by, and when.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NameRow {
    /// Stable row key.
    pub key: String,
    /// The organization.
    pub org: OrgId,
    /// The name; `None` for "the name it is registered under", read when asked.
    pub name: Option<String>,
    /// When it bore the name.
    pub span: Span,
    /// The event that gave the name.
    pub event: EventId,
    /// The event that ended it.
    pub end_event: Option<EventId>,
    /// Where the naming event stands in date order.
    pub start_pos: Pos,
    /// Where the ending event stands.
    pub end_pos: Option<Pos>,
}

/// How one organization led to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// `from` merged into `to`.
    MergedInto,
    /// `to` split off from `from`.
    SplitInto,
    /// `from` was a section or branch of `to`, or joined it as a member body.
    PartOf,
}

/// An edge of the lineage graph.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LinkRow {
    /// Stable row key.
    pub key: String,
    /// The earlier (or member) organization.
    pub from: OrgId,
    /// The later (or parent) organization.
    pub to: OrgId,
    /// How.
    pub link: LinkKind,
    /// When the link held.
    pub span: Span,
    /// The event that made it.
    pub event: EventId,
    /// The event that ended it.
    pub end_event: Option<EventId>,
    /// Where the linking event stands in date order.
    pub start_pos: Pos,
    /// Where the ending event stands.
    pub end_pos: Option<Pos>,
}

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

macro_rules! dated {
    ($($row:ty),*) => {$(
        impl Dated for $row {
            fn span(&self) -> &Span {
                &self.span
            }
        }
    )*};
}

dated!(
    SeatRow,
    PostRow,
    MembershipRow,
    AlignmentRow,
    CountRow,
    NameRow,
    LinkRow
);

fn max_pos(start: Pos, end: Option<Pos>) -> Pos {
    end.map_or(start, |e| e.max(start))
}

fn read_table(table: Table, values: Vec<Value>) -> Result<Reader, RowError> {
    Reader::new(table, values)
}

impl Row for SeatRow {
    const TABLE: Table = Table::Seats;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.organ.org)
            .text(&self.organ)
            .text(&self.person)
            .word(Some(&self.role))
            .span(&self.span)
            .text(&self.start_event)
            .opt_text(self.end_event.as_ref())
            .word(self.end_cause.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos))
            .opt_text(self.holder.as_ref())
            .json(&self.factions);
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let key = r.text()?;
        let _org: OrgId = r.text()?;
        let row = SeatRow {
            key,
            organ: r.text()?,
            person: r.text()?,
            role: r.required_word()?,
            span: r.span()?,
            start_event: r.text()?,
            end_event: r.opt_text()?,
            end_cause: r.word()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
            holder: {
                let _touched = r.pos()?;
                r.opt_text()?
            },
            factions: r.json()?,
        };
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Person => Some(self.person.to_string()),
            By::Organ => Some(self.organ.to_string()),
            By::Org => Some(self.organ.org.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_cause = None;
            r.end_pos = None;
        })
    }
}

impl Row for PostRow {
    const TABLE: Table = Table::Posts;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.post.org)
            .text(&self.post)
            .text(&self.person)
            .bool(self.acting)
            .span(&self.span)
            .text(&self.start_event)
            .opt_text(self.end_event.as_ref())
            .word(self.end_cause.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos));
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let key = r.text()?;
        let _org: OrgId = r.text()?;
        let row = PostRow {
            key,
            post: r.text()?,
            person: r.text()?,
            acting: r.bool()?,
            span: r.span()?,
            start_event: r.text()?,
            end_event: r.opt_text()?,
            end_cause: r.word()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Person => Some(self.person.to_string()),
            By::Post => Some(self.post.to_string()),
            By::Org => Some(self.post.org.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_cause = None;
            r.end_pos = None;
        })
    }
}

impl Row for MembershipRow {
    const TABLE: Table = Table::Memberships;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.org)
            .text(&self.person)
            .word(Some(&self.status))
            .span(&self.span)
            .text(&self.start_event)
            .opt_text(self.end_event.as_ref())
            .word(self.end_cause.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos));
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let row = MembershipRow {
            key: r.text()?,
            org: r.text()?,
            person: r.text()?,
            status: r.required_word()?,
            span: r.span()?,
            start_event: r.text()?,
            end_event: r.opt_text()?,
            end_cause: r.word()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Person => Some(self.person.to_string()),
            By::Org => Some(self.org.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_cause = None;
            r.end_pos = None;
        })
    }
}

impl Row for AlignmentRow {
    const TABLE: Table = Table::Alignments;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.faction)
            .text(&self.person)
            .bool(self.leader)
            .span(&self.span)
            .text(&self.start_event)
            .opt_text(self.end_event.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos));
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let row = AlignmentRow {
            key: r.text()?,
            faction: r.text()?,
            person: r.text()?,
            leader: r.bool()?,
            span: r.span()?,
            start_event: r.text()?,
            end_event: r.opt_text()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Person => Some(self.person.to_string()),
            By::Faction => Some(self.faction.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_pos = None;
        })
    }
}

impl Row for CountRow {
    const TABLE: Table = Table::Counts;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.organ)
            .word(Some(&self.role))
            .opt_text(self.faction.as_ref())
            .int(i64::from(self.count))
            .span(&self.span)
            .text(&self.event)
            .opt_text(self.end_event.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos));
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let row = CountRow {
            key: r.text()?,
            organ: r.text()?,
            role: r.required_word()?,
            faction: r.opt_text()?,
            count: u32::try_from(r.int()?).map_err(|_| RowError {
                table: "counts",
                column: "number",
                reason: "out of range".into(),
            })?,
            span: r.span()?,
            event: r.text()?,
            end_event: r.opt_text()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Organ => Some(self.organ.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_pos = None;
        })
    }
}

impl Row for NameRow {
    const TABLE: Table = Table::Names;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.org)
            .opt_text(self.name.as_ref())
            .span(&self.span)
            .text(&self.event)
            .opt_text(self.end_event.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos));
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let row = NameRow {
            key: r.text()?,
            org: r.text()?,
            name: r.opt_text()?,
            span: r.span()?,
            event: r.text()?,
            end_event: r.opt_text()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Org => Some(self.org.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_pos = None;
        })
    }
}

impl Row for LinkRow {
    const TABLE: Table = Table::Links;
    fn key(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.key)
    }
    fn values(&self) -> Vec<Value> {
        let mut c = Columns::default();
        c.text(&self.key)
            .text(&self.from)
            .text(&self.to)
            .word(Some(&self.link))
            .span(&self.span)
            .text(&self.event)
            .opt_text(self.end_event.as_ref())
            .pos(self.start_pos)
            .opt_pos(self.end_pos)
            .pos(max_pos(self.start_pos, self.end_pos));
        c.into_values()
    }
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let mut r = read_table(Self::TABLE, values)?;
        let row = LinkRow {
            key: r.text()?,
            from: r.text()?,
            to: r.text()?,
            link: r.required_word()?,
            span: r.span()?,
            event: r.text()?,
            end_event: r.opt_text()?,
            start_pos: r.pos()?,
            end_pos: r.opt_pos()?,
        };
        r.pos()?;
        Ok(row)
    }
    fn lookup(&self, by: By) -> Option<String> {
        match by {
            By::Key => Some(self.key.clone()),
            By::Earlier => Some(self.from.to_string()),
            _ => None,
        }
    }
    fn is_open(&self) -> bool {
        self.span.end.is_none()
    }
    fn touched(&self) -> Option<Pos> {
        Some(max_pos(self.start_pos, self.end_pos))
    }
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        roll_back_span(self, to, self.start_pos, self.end_pos, |r| {
            r.span.end = None;
            r.end_event = None;
            r.end_pos = None;
        })
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
            fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
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
    |c| c.text(&s.key).text(&s.organ).text(&s.meeting).text(&s.date).text(&s.event),
    |r| HeldRow {
        key: r.text()?,
        organ: r.text()?,
        meeting: r.text()?,
        date: r.text()?,
        event: r.text()?,
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

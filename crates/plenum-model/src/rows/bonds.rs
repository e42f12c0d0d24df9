//! Bonds and names: faction alignments and leaderships, counted seats, organizations'
//! names, lineage links (each opened by one event and closed by at most one).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::event::Role;
use crate::id::{EventId, FactionId, OrgId, OrganRef, PersonId, Pos};

use super::columns::Columns;
use super::span::Span;
use super::{By, Row, RowError, Table, Value, ValueRef, max_pos, read_table, roll_back_span};

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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum LinkKind {
    /// `from` merged into `to`.
    MergedInto,
    /// `to` split off from `from`.
    SplitInto,
    /// `from` was a section or branch of `to`, or joined it as a member body.
    PartOf,
    /// `from` was replaced by `to`, founded in its place (`organization_founded` with
    /// `replaces`).
    ReplacedBy,
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

dated!(AlignmentRow, CountRow, NameRow, LinkRow);

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
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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

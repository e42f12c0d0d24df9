//! Tenures: seats on organs, posts, memberships (each opened by one event and closed by
//! at most one), with the holder's name and alignments a seat keeps.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::date::FuzzyDate;
use crate::event::{EndCause, Role};
use crate::id::{EventId, FactionId, Key, OrgId, OrganRef, PersonId, Pos, PostRef};

use super::columns::Columns;
use super::span::Span;
use super::{By, Row, RowError, Table, Value, ValueRef, max_pos, read_table, roll_back_span};

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

/// A bar from office a member was given (a penalty whose `effect` is
/// `barred-from-office`), kept on the membership rows that follow it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bar {
    /// The penalty's id in the statute.
    pub penalty: Key,
    /// The `member_disciplined` that imposed it.
    pub event: EventId,
    /// From when.
    pub since: FuzzyDate,
    /// Until when, if the event says (else the penalty's `longest`, else for good).
    pub until: Option<FuzzyDate>,
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
    /// Held in name only: the event that gave it says the holder was a figurehead.
    pub nominal: bool,
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
    /// Held in name only: the event that gave it says the holder was a figurehead.
    pub nominal: bool,
}

/// A membership status of a person in an organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
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
    /// A candidacy ended without admission to full membership (`candidacy_ended`).
    CandidacyEnded,
    /// The membership lapsed, dues unpaid (`membership_lapsed`).
    Lapsed,
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
    /// The membership class (`[[version.membership.class]]`), if the record says.
    pub class: Option<Key>,
    /// The bars from office given while a member, carried from row to row.
    pub bars: Vec<Bar>,
}

dated!(SeatRow, PostRow, MembershipRow);

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
            .json(&self.factions)
            .bool(self.nominal);
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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
            nominal: r.bool()?,
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
            .pos(max_pos(self.start_pos, self.end_pos))
            .bool(self.nominal);
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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
            nominal: {
                let _touched = r.pos()?;
                r.bool()?
            },
        };
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
            .pos(max_pos(self.start_pos, self.end_pos))
            .opt_text(self.class.as_ref())
            .json(&self.bars);
        c.into_values()
    }
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError> {
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
            class: {
                let _touched = r.pos()?;
                r.opt_text()?
            },
            bars: r.json()?,
        };
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

//! The projection rows: interval tables derived from the history, the same in memory and in every store.
//!
//! Each row has a stable `key` (from the event that opened it), so a store
//! can upsert rows that changed. Spans run from a start date to an optional
//! end date (none: still open); a holder holds on a day from its start up
//! to, but not including, its end.

use serde::{Deserialize, Serialize};

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::{EndCause, Role};
use crate::id::{EventId, FactionId, OrgId, OrganRef, PersonId, PostRef};

/// From a start to an optional end.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// When it began.
    pub start: FuzzyDate,
    /// When it ended; `None` while it lasts.
    pub end: Option<FuzzyDate>,
}

impl Span {
    /// An open span from `start`.
    pub fn from(start: FuzzyDate) -> Span {
        Span { start, end: None }
    }

    /// Whether the span holds on some day of the window `lo..=hi`:
    /// definitely (on some day it certainly held), possibly (on some day it
    /// may have held), or no. For a one-day window this is simply whether it
    /// held that day. A span holds from its start up to, not including, its end.
    pub fn holds(&self, lo: Day, hi: Day) -> Truth {
        let start = &self.start;
        let (end_lo, end_hi) = self
            .end
            .as_ref()
            .map_or((Day::MAX, Day::MAX), |e| (e.earliest(), e.latest()));
        // Ends no later than it starts: empty.
        if self.end.is_some() && end_hi <= start.earliest() {
            return Truth::No;
        }
        if start.earliest() > hi || end_hi <= lo {
            return Truth::No;
        }
        let first_sure_day = lo.max(start.latest());
        let truth = if first_sure_day <= hi && first_sure_day < end_lo {
            Truth::Definitely
        } else {
            Truth::Possibly
        };
        let uncertain =
            start.is_uncertain() || self.end.as_ref().is_some_and(FuzzyDate::is_uncertain);
        if uncertain {
            truth.at_most_possibly()
        } else {
            truth
        }
    }

    /// Whether the span may cover some day of the window `lo..=hi`.
    pub fn may_overlap(&self, lo: Day, hi: Day) -> bool {
        self.lo() <= hi && self.hi() >= lo
    }

    /// The earliest day the span may cover.
    pub fn lo(&self) -> Day {
        self.start.earliest()
    }

    /// The latest day the span may cover (`Day::MAX` while open).
    pub fn hi(&self) -> Day {
        self.end.as_ref().map_or(Day::MAX, FuzzyDate::latest)
    }
}

/// A row that holds over a span of time.
pub trait Dated {
    /// The span.
    fn span(&self) -> &Span;
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

/// The rows that `keep` selects and that may overlap the window `lo..=hi`, cloned:
/// the plain scan that in-memory `Facts` answer with.
pub fn overlapping<'a, T: Dated + Clone + 'a>(
    rows: impl IntoIterator<Item = &'a T>,
    lo: Day,
    hi: Day,
    keep: impl Fn(&T) -> bool,
) -> Vec<T> {
    rows.into_iter()
        .filter(|r| keep(r) && r.span().may_overlap(lo, hi))
        .cloned()
        .collect()
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
    /// When the count holds.
    pub span: Span,
    /// The event that gave the count.
    pub event: EventId,
}

/// An organization's life: founding, end, category, bans.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgRow {
    /// The organization.
    pub org: OrgId,
    /// What it is (`party`, `front`, ...).
    pub category: Option<String>,
    /// When it existed (start: founding; end: dissolution, merger or split).
    pub span: Option<Span>,
    /// How it ended (`merged`, `split`, `dissolved`).
    pub ended_how: Option<String>,
    /// When it was banned, if it was.
    pub banned: Option<FuzzyDate>,
}

/// A name an organization went by, and when.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NameRow {
    /// Stable row key.
    pub key: String,
    /// The organization.
    pub org: OrgId,
    /// The name.
    pub name: String,
    /// When it bore the name.
    pub span: Span,
    /// The event that gave the name.
    pub event: EventId,
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
}

/// One line of a person's record: any event about them, in a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RecordRow {
    /// The person.
    pub person: PersonId,
    /// The event.
    pub event: EventId,
    /// When.
    pub date: FuzzyDate,
    /// The event's kind.
    pub kind: String,
    /// What happened, in a sentence.
    pub text: String,
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

/// Every projection row, by table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rows {
    /// Seats.
    pub seats: Vec<SeatRow>,
    /// Posts.
    pub posts: Vec<PostRow>,
    /// Memberships.
    pub memberships: Vec<MembershipRow>,
    /// Faction alignments and leaderships.
    pub alignments: Vec<AlignmentRow>,
    /// Unnamed seat counts.
    pub counts: Vec<CountRow>,
    /// Organizations.
    pub orgs: Vec<OrgRow>,
    /// Organization names.
    pub names: Vec<NameRow>,
    /// Lineage links.
    pub links: Vec<LinkRow>,
    /// Membership figures.
    pub figures: Vec<FigureRow>,
    /// Person records.
    pub records: Vec<RecordRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span {
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
        }
    }

    fn day(text: &str) -> Day {
        let d: FuzzyDate = text.parse().unwrap();
        d.earliest()
    }

    #[test]
    fn spans_hold_three_valued() {
        let s = span("1946-08-30", Some("1956-08-30"));
        assert_eq!(
            s.holds(day("1950-01-01"), day("1950-01-01")),
            Truth::Definitely
        );
        assert_eq!(
            s.holds(day("1946-08-30"), day("1946-08-30")),
            Truth::Definitely
        );
        assert_eq!(
            s.holds(day("1956-08-30"), day("1956-08-30")),
            Truth::No,
            "the end day is not held"
        );
        assert_eq!(s.holds(day("1946-08-29"), day("1946-08-29")), Truth::No);
        let fuzzy = span("1946", Some("[1955,1956]"));
        assert_eq!(
            fuzzy.holds(day("1946-06-01"), day("1946-06-01")),
            Truth::Possibly
        );
        assert_eq!(
            fuzzy.holds(day("1950-06-01"), day("1950-06-01")),
            Truth::Definitely
        );
        assert_eq!(
            fuzzy.holds(day("1956-06-01"), day("1956-06-01")),
            Truth::Possibly
        );
        assert_eq!(fuzzy.holds(day("1957-01-01"), day("1957-01-01")), Truth::No);
        let open = span("1980-10", None);
        assert_eq!(
            open.holds(day("2001-01-01"), day("2001-01-01")),
            Truth::Definitely
        );
        let uncertain = span("1998?", None);
        assert_eq!(
            uncertain.holds(day("2000-01-01"), day("2000-01-01")),
            Truth::Possibly
        );
        // A window: held on some day of it.
        let s = span("1946-08-30", Some("1956-08-30"));
        assert_eq!(
            s.holds(day("1956-01-01"), day("1956-12-31")),
            Truth::Definitely,
            "held until August 1956"
        );
        let counted = span("1992-09", None);
        assert_eq!(
            counted.holds(day("1992-09-01"), day("1992-09-30")),
            Truth::Definitely,
            "counted some day of September"
        );
        assert_eq!(
            counted.holds(day("1992-08-01"), day("1992-08-31")),
            Truth::No
        );
        let expelled = span("1946-08-30", Some("1956-09"));
        assert_eq!(
            expelled.holds(day("1956-09-01"), day("1956-09-30")),
            Truth::Possibly,
            "may have left on the 1st"
        );
        assert_eq!(
            expelled.holds(day("1956-10-01"), day("1956-10-31")),
            Truth::No
        );
    }
}

//! The projection rows: what the history amounts to, table by table, the same in memory
//! and in every store.
//!
//! Every row has a stable `key` (from the event that made it), so stores upsert
//! rows that change. Rows in *date-order* tables remember the positions
//! ([`Pos`]) of the events that opened and closed them; that is what lets a
//! back-dated batch undo exactly the effects of the events dated after it
//! ([`Row::rolled_back`]). Rows in *ledger-order* tables (the registry of
//! entities and events) are never rolled back.
//!
//! Each table declares its columns ([`Table::columns`]), which is the form
//! every store keeps and every digest hashes ([`columns`]).

use std::borrow::Cow;

/// Implements [`Dated`] for rows with a `span`.
macro_rules! dated {
    ($($row:ty),*) => {$(
        impl $crate::rows::Dated for $row {
            fn span(&self) -> &$crate::rows::Span {
                &self.span
            }
        }
    )*};
}

mod bonds;
pub mod columns;
pub mod compose;
mod folded;
mod made;
mod registry;
mod span;
mod tenures;

use crate::id::Pos;

pub use bonds::{AlignmentRow, CountRow, LinkKind, LinkRow, NameRow};
pub use columns::{Column, RowError, Value, ValueRef};
pub use folded::{
    Held, MeetingFact, MeetingRow, MeetingState, OrgChange, OrgFact, OrgRow, UnitPlacement,
};
pub use made::{DeathRow, DecisionRow, FigureRow, FindingRow, HeldRow};
pub use registry::{AliasRow, Entity, EntityKind, EventRow, MentionRow, normalize};
pub use span::{Dated, Span, overlapping};
pub use tenures::{Affiliation, Bar, MemberStatus, MembershipEnd, MembershipRow, PostRow, SeatRow};

use columns::{SPAN, int, opt_int, opt_text, text};

/// What a lookup selects rows by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum By {
    /// The row's key.
    Key,
    /// A person.
    Person,
    /// An organ (`org/key`).
    Organ,
    /// An organization.
    Org,
    /// A post (`org/key`).
    Post,
    /// A faction.
    Faction,
    /// The earlier organization of a lineage link.
    Earlier,
    /// An event's kind.
    Kind,
    /// An event.
    Event,
}

macro_rules! tables {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $name:literal, dated = $dated:literal, spans = $spans:literal,
            columns = [$($col:expr),* $(,)?],
            lookups = [$($by:ident => $lcol:literal),* $(,)?];
    )*) => {
        /// The projection tables.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Table {
            $($(#[$doc])* $variant,)*
        }

        impl Table {
            /// Every table, in the order digests combine them.
            pub const ALL: &'static [Table] = &[$(Table::$variant,)*];

            /// The table's name, as stores call it.
            pub fn name(self) -> &'static str {
                match self {
                    $(Table::$variant => $name,)*
                }
            }

            /// Its columns, key first.
            pub fn columns(self) -> &'static [Column] {
                match self {
                    $(Table::$variant => {
                        const COLUMNS: &[Column] = &[$($col),*];
                        COLUMNS
                    })*
                }
            }

            /// Whether its rows follow date order (and are rolled back by back-dated
            /// batches, through the `touched` column) rather than ledger order.
            pub fn dated(self) -> bool {
                match self {
                    $(Table::$variant => $dated,)*
                }
            }

            /// Whether its rows hold over spans, open while `until` is NULL.
            pub fn has_spans(self) -> bool {
                match self {
                    $(Table::$variant => $spans,)*
                }
            }

            /// The column that a lookup by `by` reads, if the table has one.
            pub fn lookup(self, by: By) -> Option<&'static str> {
                if by == By::Key {
                    return Some("key");
                }
                match (self, by) {
                    $($((Table::$variant, By::$by) => Some($lcol),)*)*
                    _ => None,
                }
            }

            /// The table called `name`.
            pub fn named(name: &str) -> Option<Table> {
                Table::ALL.iter().copied().find(|t| t.name() == name)
            }
        }
    };
}

/// The `touched` column of date-order tables: the latest position that wrote the row.
const TOUCHED: Column = int("touched");

tables! {
    /// Persons' seats on organs.
    Seats = "seats", dated = true, spans = true,
        columns = [text("key"), text("org"), text("organ"), text("person"), text("role"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("start_event"), opt_text("end_event"),
            opt_text("end_cause"), int("start_pos"), opt_int("end_pos"), TOUCHED,
            opt_text("holder"), text("factions"), int("nominal")],
        lookups = [Person => "person", Organ => "organ", Org => "org"];
    /// Tenures of posts.
    Posts = "posts", dated = true, spans = true,
        columns = [text("key"), text("org"), text("post"), text("person"), int("acting"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("start_event"), opt_text("end_event"),
            opt_text("end_cause"), int("start_pos"), opt_int("end_pos"), TOUCHED,
            int("nominal")],
        lookups = [Person => "person", Post => "post", Org => "org"];
    /// Memberships of organizations, one row per status.
    Memberships = "memberships", dated = true, spans = true,
        columns = [text("key"), text("org"), text("person"), text("status"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("start_event"), opt_text("end_event"),
            opt_text("end_cause"), int("start_pos"), opt_int("end_pos"), TOUCHED,
            opt_text("class"), text("bars")],
        lookups = [Person => "person", Org => "org"];
    /// Alignments with factions, and their leaderships.
    Alignments = "alignments", dated = true, spans = true,
        columns = [text("key"), text("faction"), text("person"), int("leader"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("start_event"), opt_text("end_event"),
            int("start_pos"), opt_int("end_pos"), TOUCHED],
        lookups = [Person => "person", Faction => "faction"];
    /// Seats the record counts without naming.
    Counts = "counts", dated = true, spans = true,
        columns = [text("key"), text("organ"), text("role"), opt_text("faction"), int("number"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("event"), opt_text("end_event"),
            int("start_pos"), opt_int("end_pos"), TOUCHED],
        lookups = [Organ => "organ"];
    /// Organizations: what they are, when they existed.
    Orgs = "orgs", dated = true, spans = false,
        columns = [text("key"), text("data"), TOUCHED],
        lookups = [];
    /// The names organizations bore.
    Names = "names", dated = true, spans = true,
        columns = [text("key"), text("org"), opt_text("name"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("event"), opt_text("end_event"),
            int("start_pos"), opt_int("end_pos"), TOUCHED],
        lookups = [Org => "org"];
    /// Lineage links between organizations.
    Links = "links", dated = true, spans = true,
        columns = [text("key"), text("earlier"), text("later"), text("link"),
            SPAN[0], SPAN[1], SPAN[2], SPAN[3], text("event"), opt_text("end_event"),
            int("start_pos"), opt_int("end_pos"), TOUCHED],
        lookups = [Earlier => "earlier"];
    /// Membership figures.
    Figures = "figures", dated = true, spans = false,
        columns = [text("key"), text("org"), text("date"), int("number"), int("at_least"),
            opt_text("part_of"), TOUCHED],
        lookups = [];
    /// Deaths.
    Deaths = "deaths", dated = true, spans = false,
        columns = [text("key"), text("date"), text("event"), TOUCHED],
        lookups = [];
    /// Meetings: when convened and held, who attended.
    Meetings = "meetings", dated = true, spans = false,
        columns = [text("key"), text("data"), TOUCHED],
        lookups = [];
    /// Meetings held, by organ.
    Held = "held", dated = true, spans = false,
        columns = [text("key"), text("organ"), text("meeting"), text("date"), text("event"),
            opt_text("evidence"), TOUCHED],
        lookups = [Organ => "organ"];
    /// Decisions on motions.
    Decisions = "decisions", dated = true, spans = false,
        columns = [text("key"), text("date"), text("data"), TOUCHED],
        lookups = [];
    /// Findings of the rules engine, per event.
    Findings = "findings", dated = true, spans = false,
        columns = [text("key"), int("day"), text("date"), text("rule"), text("severity"),
            text("certainty"), text("data"), TOUCHED],
        lookups = [];
    /// Named entities: persons, organizations, organs, posts, factions, meetings.
    Entities = "entities", dated = false, spans = false,
        columns = [text("key"), text("kind"), text("id"), text("name"), text("norm_id"),
            text("norm_name"), text("data")],
        lookups = [];
    /// Other names of entities, normalized, for name look-ups.
    Aliases = "aliases", dated = false, spans = false,
        columns = [text("key"), text("kind"), text("form"), text("entity")],
        lookups = [];
    /// Every event of the ledger: where it stands in ledger and date order.
    Events = "events", dated = false, spans = false,
        columns = [text("key"), int("seq"), text("kind"), int("pos"), int("source"),
            int("retracted"), opt_text("subject")],
        lookups = [Kind => "kind", Person => "subject"];
    /// Persons an event concerns besides its subject (the elected of an election).
    Mentions = "mentions", dated = false, spans = false,
        columns = [text("key"), text("person"), text("event")],
        lookups = [Person => "person", Event => "event"];
}

/// A projection row: a key, columns, and what back-dating does to it.
pub trait Row: Clone + PartialEq + std::fmt::Debug + Send + Sync + 'static {
    /// Its table.
    const TABLE: Table;
    /// Its key, unique in its table.
    fn key(&self) -> Cow<'_, str>;
    /// Its values, in the table's column order.
    fn values(&self) -> Vec<Value>;
    /// Reads it back from its values, borrowed as a store reads them.
    fn from_refs(values: &[ValueRef<'_>]) -> Result<Self, RowError>;
    /// Reads it back from its values.
    fn from_values(values: Vec<Value>) -> Result<Self, RowError> {
        let refs: Vec<ValueRef<'_>> = values.iter().map(Value::as_ref).collect();
        Self::from_refs(&refs)
    }
    /// The value of a lookup column.
    fn lookup(&self, by: By) -> Option<String> {
        (by == By::Key).then(|| self.key().into_owned())
    }
    /// Whether it is open (its span has no end yet).
    fn is_open(&self) -> bool {
        false
    }
    /// The latest position of an event that wrote it (date-order tables only).
    fn touched(&self) -> Option<Pos> {
        None
    }
    /// The row as it stood before every event at or after `to`: `None` if one
    /// of them made it, the row with their changes undone if they changed it.
    fn rolled_back(&self, to: Pos) -> Option<Self> {
        let _ = to;
        Some(self.clone())
    }
}

/// Every row of a table, as one type: what generic store code passes around.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyRow {
    /// A seat.
    Seat(SeatRow),
    /// A post tenure.
    Post(PostRow),
    /// A membership.
    Membership(MembershipRow),
    /// An alignment.
    Alignment(AlignmentRow),
    /// A count.
    Count(CountRow),
    /// An organization.
    Org(OrgRow),
    /// A name.
    Name(NameRow),
    /// A link.
    Link(LinkRow),
    /// A figure.
    Figure(FigureRow),
    /// A death.
    Death(DeathRow),
    /// A meeting.
    Meeting(MeetingRow),
    /// A meeting held.
    Held(HeldRow),
    /// A decision.
    Decision(DecisionRow),
    /// A finding.
    Finding(FindingRow),
    /// An entity.
    Entity(Entity),
    /// An alias.
    Alias(AliasRow),
    /// An event.
    Event(EventRow),
    /// A mention.
    Mention(MentionRow),
}

macro_rules! any_row {
    ($($variant:ident($ty:ty) = $table:ident),* $(,)?) => {
        impl AnyRow {
            /// Reads a row of `table` from its values.
            pub fn from_values(table: Table, values: Vec<Value>) -> Result<AnyRow, RowError> {
                let refs: Vec<ValueRef<'_>> = values.iter().map(Value::as_ref).collect();
                AnyRow::from_refs(table, &refs)
            }

            /// Reads a row of `table` from its values, borrowed as a store reads them.
            pub fn from_refs(table: Table, values: &[ValueRef<'_>]) -> Result<AnyRow, RowError> {
                match table {
                    $(Table::$table => <$ty>::from_refs(values).map(AnyRow::$variant),)*
                }
            }

            /// Its table.
            pub fn table(&self) -> Table {
                match self {
                    $(AnyRow::$variant(_) => Table::$table,)*
                }
            }

            /// Its key.
            pub fn key(&self) -> Cow<'_, str> {
                match self {
                    $(AnyRow::$variant(r) => r.key(),)*
                }
            }

            /// Its values.
            pub fn values(&self) -> Vec<Value> {
                match self {
                    $(AnyRow::$variant(r) => r.values(),)*
                }
            }

            /// The value of a lookup column.
            pub fn lookup(&self, by: By) -> Option<String> {
                match self {
                    $(AnyRow::$variant(r) => r.lookup(by),)*
                }
            }

            /// Whether it is open.
            pub fn is_open(&self) -> bool {
                match self {
                    $(AnyRow::$variant(r) => r.is_open(),)*
                }
            }

            /// See [`Row::rolled_back`].
            pub fn rolled_back(&self, to: Pos) -> Option<AnyRow> {
                match self {
                    $(AnyRow::$variant(r) => r.rolled_back(to).map(AnyRow::$variant),)*
                }
            }
        }

        $(
            impl From<$ty> for AnyRow {
                fn from(row: $ty) -> AnyRow {
                    AnyRow::$variant(row)
                }
            }

            impl TryFrom<AnyRow> for $ty {
                type Error = AnyRow;
                fn try_from(row: AnyRow) -> Result<$ty, AnyRow> {
                    match row {
                        AnyRow::$variant(r) => Ok(r),
                        other => Err(other),
                    }
                }
            }
        )*
    };
}

any_row!(
    Seat(SeatRow) = Seats,
    Post(PostRow) = Posts,
    Membership(MembershipRow) = Memberships,
    Alignment(AlignmentRow) = Alignments,
    Count(CountRow) = Counts,
    Org(OrgRow) = Orgs,
    Name(NameRow) = Names,
    Link(LinkRow) = Links,
    Figure(FigureRow) = Figures,
    Death(DeathRow) = Deaths,
    Meeting(MeetingRow) = Meetings,
    Held(HeldRow) = Held,
    Decision(DecisionRow) = Decisions,
    Finding(FindingRow) = Findings,
    Entity(Entity) = Entities,
    Alias(AliasRow) = Aliases,
    Event(EventRow) = Events,
    Mention(MentionRow) = Mentions,
);

/// The later of a row's opening and closing positions: its `touched` column.
pub(crate) fn max_pos(start: Pos, end: Option<Pos>) -> Pos {
    end.map_or(start, |e| e.max(start))
}

/// A reader of a row of `table`.
pub(crate) fn read_table<'a>(
    table: Table,
    values: &'a [ValueRef<'a>],
) -> Result<columns::Reader<'a>, RowError> {
    columns::Reader::new(table, values)
}

/// A row opened by one event and closed by at most one other: rolled back, it
/// disappears if opened at or after the point, and reopens if closed at or after it.
pub(crate) fn roll_back_span<R: Clone>(
    row: &R,
    to: Pos,
    start: Pos,
    end: Option<Pos>,
    reopen: impl FnOnce(&mut R),
) -> Option<R> {
    if start >= to {
        return None;
    }
    let mut row = row.clone();
    if end.is_some_and(|e| e >= to) {
        reopen(&mut row);
    }
    Some(row)
}

#[cfg(test)]
mod tests;

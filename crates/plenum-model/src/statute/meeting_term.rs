//! A term counted in meetings (`term = { meetings = 2, of = "convention", category =
//! "regular" }`: "elected ... at the 1972 regular biennial convention and at every
//! second regular biennial convention thereafter"): a seat or post given on a day
//! lasts until the N-th meeting of another organ (of one kind, if `category` is
//! given) that begins after it, and is renewed by a re-election at that meeting. As
//! data; `read/time.rs` reads it beside a term of a length, and
//! `rules/checks/meeting_term.rs` judges holders still seated after it. Never judges.

use crate::id::Key;

/// A term that ends with the N-th meeting of an organ after it began.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingTerm {
    /// How many meetings (at least one): the term ends with the last of them.
    pub meetings: u32,
    /// The organ whose meetings are counted, of the same version.
    pub of: Key,
    /// Only meetings convened as this kind count (`meeting_convened`'s `category`).
    pub category: Option<String>,
}

impl MeetingTerm {
    /// "the next", "the second", ... meeting: the one that ends the term.
    pub fn nth(&self) -> String {
        match self.meetings {
            1 => "the next".to_owned(),
            2 => "the second".to_owned(),
            3 => "the third".to_owned(),
            n => format!("the {n}th"),
        }
    }

    /// The clause in words, for `plenum statute check`.
    pub fn words(&self, organ_name: &str) -> String {
        let kind = self
            .category
            .as_ref()
            .map_or_else(String::new, |c| format!("{c} "));
        let nth = self.nth();
        format!(
            "a term that ends with {nth} {kind}meeting of {organ_name} after it began; the office ends there unless renewed by an election at that meeting"
        )
    }
}

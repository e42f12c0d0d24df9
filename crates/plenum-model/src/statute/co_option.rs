//! The limits of an organ's power to fill vacancies on itself between elections
//! (`co_option = { except = ["removed"] }` beside `elected_by.vacancies`: "Except for
//! a vacancy created by the removal of a director, vacancies on the Board of
//! Directors may be filled ... by approval of the Board of Directors"). As data only:
//! `read/co_option.rs` reads it, `rules/checks/co_option.rs` judges a `seat_taken`
//! by the vacancies organ that names the seat it fills (`vacancy_of`) against it
//! (`wrong-elector`).

use crate::event::kinds::EndCause;
use crate::id::Key;

/// The vacancies the organ named by `elected_by.vacancies` may not fill, and how long
/// a seat it fills lasts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoOption {
    /// The ways a seat ends that leave its vacancy to the electing organ alone
    /// (`removed`: a vacancy created by a removal); may be empty where `until` is set.
    pub except: Vec<EndCause>,
    /// The meeting a co-opted seat lasts until (`until`: "until the next annual
    /// meeting of Members").
    pub until: Option<Until>,
}

/// A meeting of an organ, of a kind if given, that ends the seats co-opted before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Until {
    /// The organ that meets.
    pub organ: Key,
    /// The kind of its meeting (`annual`), if only that kind ends them.
    pub category: Option<String>,
}

impl CoOption {
    /// The clause in words, for `plenum statute check`: `filler` fills vacancies,
    /// `elector` the rest.
    pub fn words(&self, filler: &str, elector: &str) -> String {
        let causes = self
            .except
            .iter()
            .map(|c| match c {
                EndCause::Resigned => "a resignation",
                EndCause::Removed => "a removal",
                EndCause::Demoted => "a demotion",
                EndCause::Promoted => "a promotion",
                EndCause::Expelled => "an expulsion",
                EndCause::Purged => "a purge",
                EndCause::Died => "a death",
                EndCause::TermEnded => "the end of a term",
                EndCause::Replaced => "a replacement",
                EndCause::OrganizationEnded => "the end of the organization",
            })
            .collect::<Vec<_>>()
            .join(" or ");
        format!("{filler} may not fill a vacancy left by {causes}; only {elector} fills it")
    }

    /// The `until` clause in words: `meeting` names the organ that meets.
    pub fn until_words(until: &Until, meeting: &str) -> String {
        let kind = until
            .category
            .as_ref()
            .map_or_else(String::new, |c| format!(" (of the kind `{c}`)"));
        format!("a seat filled by co-option lasts until the next meeting of {meeting}{kind}")
    }
}

/// The causes a statute may name, by their word.
pub(super) const CAUSES: [EndCause; 10] = [
    EndCause::Resigned,
    EndCause::Removed,
    EndCause::Demoted,
    EndCause::Promoted,
    EndCause::Expelled,
    EndCause::Purged,
    EndCause::Died,
    EndCause::TermEnded,
    EndCause::Replaced,
    EndCause::OrganizationEnded,
];

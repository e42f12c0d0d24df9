//! A duty to attend other organs' meetings (`attends = { organs = ["convention",
//! "ieb"] }` on an organ): "It shall be the duty of each International Vice
//! President: To attend and participate in all conventions ... all meetings of the
//! International Executive Board". As data only: `read/attendance.rs` reads it,
//! `rules/checks/attendance.rs` judges it (`absent-holder`) against the persons a
//! `meeting_held` names as `absent`.

use serde::Deserialize;
use serde_spanned::Spanned;

use crate::id::Key;
use crate::statute::raw::ArticleRef;

/// The organs whose every meeting the holders of this organ's seats must attend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attends {
    /// Organs of the same version, each once (the organ itself may be one).
    pub organs: Vec<Key>,
}

/// An organ's `attends = { organs = ["ieb"] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAttends {
    #[serde(default)]
    pub(super) organs: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

//! Who gives notice of an organ's meetings (`notice_by = { posts = ["secretary"] }`):
//! "The Secretary will give notice of all Members’ meetings, Board of Directors’
//! meetings ...". As data only: `read/notice_by.rs` reads it,
//! `rules/checks/notice_by.rs` judges a `meeting_convened` that names who sent its
//! notice (`noticed_by_post`, `noticed_by_person`) against it (`wrong-notifier`).

use crate::id::Key;

/// The posts whose holders send the notice of the organ's meetings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeBy {
    /// The posts, of the organ's organization, each named once; never empty.
    pub posts: Vec<Key>,
}

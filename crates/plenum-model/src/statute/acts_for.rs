//! One organ acting for another between its sessions: "Between plenary sessions
//! of the Central Committee, the Political Bureau and its Standing Committee shall
//! exercise the functions and powers of the Central Committee" (an organ's
//! `acts_for = { organ = "cc", between = "sessions" }`).

use crate::id::Key;

/// The organ another acts for, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActsFor {
    /// The organ whose decisions the acting organ may take (of the same version or
    /// template).
    pub organ: Key,
    /// When it may: only between that organ's sessions.
    pub between: Between,
}

/// When an organ may act for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Between {
    /// Between the other organ's sessions: not on a day one of its meetings sits.
    Sessions,
}

impl Between {
    /// The word the statute writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Between::Sessions => "sessions",
        }
    }
}

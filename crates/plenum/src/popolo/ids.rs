//! Popolo ids to plenum ids: plenum ids are 1 to 128 ASCII letters, digits, `-`, `_`,
//! `.` and `:`, starting with a letter or digit; Popolo ids are any text.

use std::collections::{HashMap, HashSet};

/// A Popolo id (or a name) as a plenum id: transliterated to ASCII, lowercased, every
/// other character a `-`, at most 100 characters.
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut out = String::new();
    for c in ascii.chars() {
        let c = if c.is_ascii_alphanumeric() || "-_.:".contains(c) {
            c
        } else {
            '-'
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
        if out.len() >= 100 {
            break;
        }
    }
    let out = out
        .trim_start_matches(|c: char| !c.is_ascii_alphanumeric())
        .trim_end_matches('-');
    if out.is_empty() {
        "x".to_owned()
    } else {
        out.to_owned()
    }
}

/// Plenum ids handed out for one kind of thing: each Popolo id gets one, unique.
#[derive(Debug, Default)]
pub struct Ids {
    given: HashMap<String, String>,
    used: HashSet<String>,
}

impl Ids {
    /// The plenum id for a Popolo id, made from `wanted` (made unique with `-2`, `-3`, ...).
    pub fn assign(&mut self, popolo: &str, wanted: &str) -> String {
        if let Some(id) = self.given.get(popolo) {
            return id.clone();
        }
        let base = slug(wanted);
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.given.insert(popolo.to_owned(), id.clone());
        id
    }

    /// The plenum id given to a Popolo id, if any.
    pub fn get(&self, popolo: &str) -> Option<&str> {
        self.given.get(popolo).map(String::as_str)
    }
}

impl Ids {
    /// Hands the plenum id `from` out as `to` instead (the statute's organization).
    pub fn rename(&mut self, from: &str, to: &str) {
        for id in self.given.values_mut() {
            if id == from {
                to.clone_into(id);
            }
        }
        self.used.insert(to.to_owned());
    }
}

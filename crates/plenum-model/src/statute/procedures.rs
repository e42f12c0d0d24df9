//! Procedures of several organs: a choice one organ nominates and another elects, an
//! election or appointment another organ must confirm, a disciplinary act one organ
//! takes provisionally until another confirms it, and organs made only of the
//! members of other organs and the holders of posts.

use super::{Cited, Nominations, Period};
use crate::id::Key;

/// How an organ or post is filled beyond who elects it: who must nominate the
/// elected, and who must confirm the election or appointment afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Procedure {
    /// The organ whose nomination (a carried decision) the election needs.
    pub nominated_by: Option<Key>,
    /// The organ that must confirm each election or appointment, and by when.
    pub confirmed_by: Option<Confirmation>,
    /// Who may nominate, one person at a time (`nominations`, with its own article).
    pub nominations: Option<Cited<Nominations>>,
    /// Other organs of the same version that may elect in place of `elected_by`'s
    /// organ (`or_by`): "elected through a general meeting or a meeting of delegates".
    pub or_by: Vec<Key>,
}

/// An act another organ must confirm: by whom, and by when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    /// The confirming organ.
    pub by: Key,
    /// Whether `by` is an organ of the organization one level up (`parent:KEY`, in a
    /// subordinate template: "approved by the Party committee at the next level up").
    pub parent: bool,
    /// Within this long of the act; unset: at the confirming organ's next meeting after it.
    pub within: Option<Period>,
}

impl Confirmation {
    /// The confirming organ of an act in `org`: its own organ `by`, or, for
    /// `parent:KEY`, that organ of its parent (none where the book knows no parent).
    pub fn organ(
        &self,
        org: &crate::id::OrgId,
        book: &super::StatuteBook,
    ) -> Option<crate::id::OrganRef> {
        let at = if self.parent { book.parent(org)? } else { org };
        Some(crate::id::OrganRef::new(at.clone(), self.by.clone()))
    }

    /// "the Conference" with its deadline in words: "within 3 months" or "at its next meeting".
    pub fn deadline_words(&self) -> String {
        match self.within {
            Some(p) => format!("within {p}"),
            None => "at its next meeting".to_owned(),
        }
    }
}

/// An organ no one elects: it consists of the full members of other organs and the
/// holders of posts ("the Council consists of all directors and officers").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComposedOf {
    /// Organs whose full members sit on it.
    pub organs: Vec<Key>,
    /// Posts whose holders sit on it.
    pub posts: Vec<Key>,
}

/// In what order an organ's alternates step up to full seats that fall vacant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Succession {
    /// By the votes each received at the election (its `tally`), ties and those
    /// without votes in the order the election lists them.
    ByVotes,
    /// In the order the election lists them.
    AsListed,
}

impl Succession {
    /// The clause in words.
    pub fn words(self) -> &'static str {
        match self {
            Succession::ByVotes => {
                "vacancies go to its alternates in the order of the votes they received"
            }
            Succession::AsListed => "vacancies go to its alternates in the order they were elected",
        }
    }
}

/// The clauses of a procedure, for `plenum statute check`: (field, words, the rule
/// that checks it).
pub(super) fn procedure_clauses(
    procedure: &Procedure,
    organ_name: &dyn Fn(&Key) -> String,
) -> Vec<(&'static str, String, &'static str)> {
    let mut out = Vec::new();
    if !procedure.or_by.is_empty() {
        let names: Vec<String> = procedure.or_by.iter().map(organ_name).collect();
        out.push((
            "or_by",
            format!("or elected by {} in its place", names.join(" or ")),
            "wrong-elector",
        ));
    }
    if let Some(k) = &procedure.nominated_by {
        out.push((
            "nominated_by",
            format!("only those {} nominates", organ_name(k)),
            "not-nominated",
        ));
    }
    if let Some(c) = &procedure.confirmed_by {
        out.push((
            "confirmed_by",
            format!(
                "each election or appointment confirmed by {} {}",
                if c.parent {
                    format!("the `{}` of the organization one level up", c.by)
                } else {
                    organ_name(&c.by)
                },
                c.deadline_words()
            ),
            "not-confirmed",
        ));
    }
    out
}

/// An organ's composition in words, for `plenum statute check`.
pub fn composed_words(version: &super::Version, composed: &ComposedOf) -> String {
    let names = |keys: &[Key], post: bool| {
        keys.iter()
            .map(|k| {
                let name = if post {
                    version.post(k).map(|p| p.name.clone())
                } else {
                    version.organ(k).map(|o| o.name.clone())
                };
                name.unwrap_or_else(|| k.to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !composed.organs.is_empty() {
        parts.push(format!(
            "the full members of {}",
            names(&composed.organs, false)
        ));
    }
    if !composed.posts.is_empty() {
        parts.push(format!("the holders of {}", names(&composed.posts, true)));
    }
    format!("consists of {}; no one elects it", parts.join(" and "))
}

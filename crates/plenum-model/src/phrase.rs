//! Phrases: sentences kept with references to entities rather than their names, so that
//! what is stored never goes stale when a name changes, and every store says the same.
//!
//! A reference is written `\u{1}kind:id\u{2}` inside the text; [`Phrase::render`]
//! replaces each with the entity's name as it stands when the phrase is read.
//! The two marker characters never occur in user text ([`plain`] removes them).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::id::EntityKind;

const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

/// A sentence with references to entities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phrase(String);

/// The reference to an entity, for use inside `format!` when building a phrase.
pub fn name(kind: EntityKind, id: impl fmt::Display) -> String {
    format!("{OPEN}{}:{id}{CLOSE}", kind.as_str())
}

/// A noun phrase with its indefinite article: "an expulsion decision", "a default
/// decision". By the first letter (an English vowel letter takes "an").
pub fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u'));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// User text, with the two marker characters removed.
pub fn plain(text: &str) -> String {
    text.chars().filter(|c| *c != OPEN && *c != CLOSE).collect()
}

impl Phrase {
    /// A phrase from text built with [`name`] and [`plain`].
    pub fn new(text: impl Into<String>) -> Phrase {
        Phrase(text.into())
    }

    /// The text with its references still in it.
    pub fn raw(&self) -> &str {
        &self.0
    }

    /// Every entity referred to.
    pub fn references(&self) -> Vec<(EntityKind, &str)> {
        let mut out = Vec::new();
        let mut rest = self.0.as_str();
        while let Some(open) = rest.find(OPEN) {
            let after = &rest[open + OPEN.len_utf8()..];
            let Some(close) = after.find(CLOSE) else {
                break;
            };
            if let Some((kind, id)) = after[..close].split_once(':')
                && let Some(kind) = EntityKind::from_word(kind)
            {
                out.push((kind, id));
            }
            rest = &after[close + CLOSE.len_utf8()..];
        }
        out
    }

    /// The sentence, each reference replaced by what `name_of` says (the entity's name).
    pub fn render(&self, mut name_of: impl FnMut(EntityKind, &str) -> String) -> String {
        let mut out = String::with_capacity(self.0.len());
        let mut rest = self.0.as_str();
        while let Some(open) = rest.find(OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + OPEN.len_utf8()..];
            let Some(close) = after.find(CLOSE) else {
                rest = after;
                break;
            };
            let reference = &after[..close];
            match reference
                .split_once(':')
                .and_then(|(k, id)| Some((EntityKind::from_word(k)?, id)))
            {
                Some((kind, id)) => out.push_str(&name_of(kind, id)),
                None => out.push_str(reference),
            }
            rest = &after[close + CLOSE.len_utf8()..];
        }
        out.push_str(rest);
        out
    }
}

impl fmt::Display for Phrase {
    /// The sentence with ids in place of names.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(|_, id| id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_render_as_current_names() {
        let text = format!(
            "{} was expelled from {} ({})",
            name(EntityKind::Person, "pak"),
            name(EntityKind::Org, "wpk"),
            plain("reason: \u{1}sly\u{2}")
        );
        let phrase = Phrase::new(text);
        assert_eq!(
            phrase.references(),
            [(EntityKind::Person, "pak"), (EntityKind::Org, "wpk")]
        );
        let rendered = phrase.render(|kind, id| match (kind, id) {
            (EntityKind::Person, "pak") => "Pak Hon-yong".into(),
            (EntityKind::Org, "wpk") => "Workers' Party of Korea".into(),
            _ => "?".into(),
        });
        assert_eq!(
            rendered,
            "Pak Hon-yong was expelled from Workers' Party of Korea (reason: sly)"
        );
        assert_eq!(
            phrase.to_string(),
            "pak was expelled from wpk (reason: sly)"
        );
    }
}

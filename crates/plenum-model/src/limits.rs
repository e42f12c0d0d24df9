//! The limits on input, in one place (documented in `docs/events.md` and
//! `docs/statute.md`): sizes of files, lines and text fields, and the largest
//! count. Input beyond them is refused with its place, before anything is written,
//! so that no field can make recording or a query take unbounded time or memory,
//! and no sum of counts can overflow.

/// The largest file of events `plenum record` reads: 64 MiB (split larger histories
/// into several files; `plenum record` takes them as one batch).
pub const MAX_EVENT_FILE_BYTES: u64 = 64 << 20;

/// The longest line of a JSON Lines file of events: 2 MiB.
pub const MAX_LINE_BYTES: usize = 2 << 20;

/// The longest text field of an event (a name, an alias, a quote, a note): 64 KiB.
pub const MAX_TEXT_BYTES: usize = 64 << 10;

/// The longest statute: 1 MiB, as a file for `plenum init` or as the text of a
/// `statute_adopted` event.
pub const MAX_STATUTE_BYTES: usize = 1 << 20;

/// The largest count (votes, members present, seats, members): one billion.
/// Sums of a few such counts cannot overflow, and no organization has more.
pub const MAX_COUNT: u64 = 1_000_000_000;

/// Why a text may not be stored, if it may not: it holds a control character.
///
/// Text fields refuse the C0 and C1 control characters (tab, line feed and
/// carriage return excepted), DEL, and the bidirectional embeddings, overrides
/// and isolates (U+202A to U+202E, U+2066 to U+2069), which would reorder or
/// hide what a terminal shows. (The model also marks references inside its
/// stored sentences with U+0001 and U+0002, which no user text may hold.)
pub fn forbidden_character(text: &str) -> Option<String> {
    let (index, c) = text.char_indices().find(|&(_, c)| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })?;
    let what = if c.is_control() {
        "a control character"
    } else {
        "a bidirectional control, which reorders what is shown"
    };
    let at = text[..index].chars().count() + 1;
    Some(format!(
        "character {} of this text is U+{:04X}, {what}; text may not hold control characters",
        at, c as u32
    ))
}

/// Refuses a TOML document (a statute) any of whose strings holds a control
/// character, at that string.
pub(crate) fn check_toml_strings(text: &str) -> Result<(), crate::source::InputError> {
    use toml::de::{DeTable, DeValue};
    fn walk(
        text: &str,
        value: &toml::Spanned<DeValue<'_>>,
    ) -> Result<(), crate::source::InputError> {
        match value.get_ref() {
            DeValue::String(s) => match forbidden_character(s) {
                Some(problem) => Err(crate::source::InputError::at(text, value.span(), problem)),
                None => Ok(()),
            },
            DeValue::Array(items) => items.iter().try_for_each(|item| walk(text, item)),
            DeValue::Table(table) => table.iter().try_for_each(|(_, item)| walk(text, item)),
            _ => Ok(()),
        }
    }
    // Called on documents already read once: a parse error here has been reported.
    let Ok(root) = DeTable::parse(text) else {
        return Ok(());
    };
    root.get_ref()
        .iter()
        .try_for_each(|(_, value)| walk(text, value))
}

/// A size in bytes, in words: `64 KiB`, `2 MiB`.
pub fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n.is_multiple_of(1 << 20) => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n.is_multiple_of(1 << 10) => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A count with thousands separators: `1,000,000,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_in_words() {
        assert_eq!(bytes(MAX_TEXT_BYTES as u64), "64 KiB");
        assert_eq!(bytes(MAX_EVENT_FILE_BYTES), "64 MiB");
        assert_eq!(bytes(1000), "1000 bytes");
        assert_eq!(count(MAX_COUNT), "1,000,000,000");
        assert_eq!(count(7), "7");
        assert_eq!(count(1234), "1,234");
    }

    #[test]
    fn control_characters_are_named() {
        assert_eq!(forbidden_character("Kim Il-sung\tand\r\n"), None);
        assert_eq!(forbidden_character("김일성 كيم"), None);
        assert_eq!(
            forbidden_character("ab\u{202e}c").as_deref(),
            Some(
                "character 3 of this text is U+202E, a bidirectional control, which reorders what is shown; text may not hold control characters"
            )
        );
        for c in [
            '\u{1}', '\u{2}', '\u{1b}', '\u{7f}', '\u{85}', '\u{2066}', '\u{2069}',
        ] {
            assert!(forbidden_character(&format!("x{c}")).is_some(), "{c:?}");
        }
    }
}

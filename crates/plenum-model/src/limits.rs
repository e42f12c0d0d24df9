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

/// A size in bytes, in words: `64 KiB`, `2 MiB`.
pub fn bytes(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// A count with thousands separators: `1,000,000,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
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
}

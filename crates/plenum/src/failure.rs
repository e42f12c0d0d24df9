//! Errors the program reports: bad input with its place in the file, and everything else.

use std::path::{Path, PathBuf};

use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource, SourceSpan};
use plenum_model::source::InputError;

/// Bad input in a file: where, and what was expected. Printed as
/// `FILE:LINE:COLUMN: message`, then the line with the place underlined.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{}:{}:{}: {}", path.display(), error.line, error.column, error.message)]
pub struct BadInput {
    path: PathBuf,
    error: InputError,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("here")]
    span: SourceSpan,
}

/// The widest excerpt of a line shown under an error, in characters: miette cannot
/// mark a place past column 65,535 (it panics), and a line may be far longer.
pub const EXCERPT: usize = 100;

impl BadInput {
    /// Bad input at `error`'s place in the text of `path`. Only the lines around the
    /// place are kept, each clipped to [`EXCERPT`] characters around it.
    pub fn new(path: &Path, text: &str, error: InputError) -> BadInput {
        let (excerpt, span) = excerpt(text, &error);
        BadInput {
            path: path.to_owned(),
            span: SourceSpan::new(span.start.into(), span.len()),
            source_code: NamedSource::new(path.display().to_string(), excerpt),
            error,
        }
    }

    /// The snippet of the file with the place marked.
    pub fn snippet(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
        if handler.render_report(&mut out, self).is_err() {
            return String::new();
        }
        // The heading gives the place in the excerpt; the place in the file is the error's.
        let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
        if let Some(heading) = lines.iter_mut().find(|l| l.contains('╭'))
            && let Some(colon) = heading.rfind(':')
        {
            heading.replace_range(colon.., &format!(":{}]", self.error.column));
        }
        lines.iter().map(|l| format!("{l}\n")).collect()
    }
}

/// The lines before, at and after the error's place, each clipped around it, at
/// their own line numbers (earlier lines left empty), and the span to mark in them.
fn excerpt(text: &str, error: &InputError) -> (String, std::ops::Range<usize>) {
    let start = floor_boundary(text, error.span.start.min(text.len()));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let column = text[line_start..start].chars().count() + 1;
    let (clipped, offset) = clip(line, column);
    let number = text[..line_start].matches('\n').count() + 1;
    let mut out = "\n".repeat(number.saturating_sub(2));
    if number > 1 {
        let before_start = text[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
        let before = text[before_start..line_start - 1].trim_end_matches('\r');
        out.push_str(&clip(before, column).0);
        out.push('\n');
    }
    let at = out.len() + offset;
    out.push_str(&clipped);
    if line_end < text.len() {
        let rest = &text[line_end + 1..];
        let after = rest[..rest.find('\n').unwrap_or(rest.len())].trim_end_matches('\r');
        out.push('\n');
        out.push_str(&clip(after, column).0);
    }
    // The span, within its line's excerpt: at least one character where there is one.
    let wanted = error.span.end.saturating_sub(start).max(1);
    let room = clipped.len().saturating_sub(offset);
    let mut len = wanted.min(room);
    while len < room && !clipped.is_char_boundary(offset + len) {
        len += 1;
    }
    if clipped[offset..].starts_with('…') {
        len = 0;
    }
    (out, at..at + len)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// At most [`EXCERPT`] characters of `line` around 1-based character `column`, with `…`
/// where it is cut, and the byte offset of that column in the excerpt.
pub fn clip(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let first = at
        .saturating_sub(EXCERPT / 2)
        .min(chars.len().saturating_sub(EXCERPT));
    let last = (first + EXCERPT).min(chars.len());
    let mut excerpt = String::new();
    if first > 0 {
        excerpt.push('…');
    }
    let offset = excerpt.len() + chars[first..at].iter().map(|c| c.len_utf8()).sum::<usize>();
    excerpt.extend(&chars[first..last]);
    if last < chars.len() {
        excerpt.push('…');
    }
    (excerpt, offset)
}

/// Whether the error is damage to the ledger (as opposed to bad input or a
/// failure to run): such errors exit 1, like `plenum verify` finding damage.
pub fn is_damage(error: &anyhow::Error) -> bool {
    use plenum_store::{Error, WriteError};
    let damage = |e: &Error| {
        matches!(
            e,
            Error::Corrupt { .. }
                | Error::Tampered { .. }
                | Error::Damaged(_)
                | Error::HeadMismatch { .. }
        )
    };
    error.chain().any(|c| {
        c.downcast_ref::<Error>().is_some_and(damage)
            || matches!(c.downcast_ref::<WriteError>(), Some(WriteError::Store(e)) if damage(e))
    })
}

/// The exit status of an error: 1 for a damaged ledger, 2 for everything else.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if is_damage(error) { 1 } else { 2 }
}

/// Prints an error on standard error: `plenum: ` and the message, with a
/// snippet of the file for bad input. Returns the exit code for errors.
pub fn report(error: &anyhow::Error) {
    if let Some(bad) = error.downcast_ref::<BadInput>() {
        eprintln!("plenum: {bad}");
        let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let snippet = bad.snippet(color);
        // The snippet repeats the message on its first line; show only the source part.
        let body: String = snippet.lines().skip(1).map(|l| format!("{l}\n")).collect();
        if !body.trim().is_empty() {
            eprint!("{body}");
        }
        return;
    }
    if is_damage(error) {
        eprintln!("plenum: {error:#}; run `plenum verify` to find the damage");
    } else {
        eprintln!("plenum: {error:#}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_clipped_around_the_column() {
        let line = "x".repeat(70_000);
        let (excerpt, offset) = clip(&line, 69_000);
        assert_eq!(excerpt.chars().count(), EXCERPT + 2);
        assert!(excerpt.starts_with('…') && excerpt.ends_with('…'));
        assert_eq!(offset, '…'.len_utf8() + EXCERPT / 2);
        assert_eq!(clip("2 1 x 0", 5), ("2 1 x 0".to_owned(), 4));
        assert_eq!(clip("", 1), (String::new(), 0));
    }

    #[test]
    fn any_column_is_marked_and_the_heading_gives_the_file_column() {
        for (before, width) in [(10, 3), (65_530, 10), (65_600, 5), (200_000, 1)] {
            let line = format!("{{\"name\":\"{}\" oops}}", "é".repeat(before));
            let text = format!("first line\n{line}\nlast line\n");
            let at = text.find(" oops").unwrap();
            let error = InputError::at(&text, at..at + width, "expected `,` or `}`");
            let column = error.column;
            let snippet = BadInput::new(Path::new("f.jsonl"), &text, error).snippet(false);
            assert!(
                snippet.contains(&format!("[f.jsonl:2:{column}]")),
                "{snippet}"
            );
            assert!(snippet.contains("oops"), "{snippet}");
            assert!(
                snippet.lines().all(|l| l.chars().count() < 200),
                "{snippet}"
            );
        }
    }
}

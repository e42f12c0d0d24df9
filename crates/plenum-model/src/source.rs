//! Positions in input text, and the error every reader of user files returns.

use std::ops::Range;

/// Bad input: where it is (1-based line and column, byte span) and what was expected.
///
/// The reader that produced it knows only the text; the caller adds the file name.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct InputError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte span in the text, for diagnostics that underline it.
    pub span: Range<usize>,
    /// What is wrong, and what was expected.
    pub message: String,
}

impl InputError {
    /// An error at a byte span of `text`.
    pub fn at(text: &str, span: Range<usize>, message: impl Into<String>) -> InputError {
        let (line, column) = line_col(text, span.start);
        InputError {
            line,
            column,
            span,
            message: message.into(),
        }
    }

    /// An error at a 1-based line and column, with no byte span known.
    pub fn at_line(
        text: &str,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> InputError {
        let start = offset_of(text, line, column);
        InputError {
            line,
            column,
            span: start..start,
            message: message.into(),
        }
    }

    /// Shifts the error of a fragment to its place in the whole text.
    pub fn shifted(self, whole: &str, fragment_start: usize) -> InputError {
        let span = self.span.start + fragment_start..self.span.end + fragment_start;
        InputError::at(whole, span, self.message)
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        assert_eq!(line_col(text, 9), (2, 3));
        assert_eq!(line_col(text, 999), (3, 1));
        let err = InputError::at_line(text, 2, 3, "x");
        assert_eq!(err.span, 9..9);
    }
}

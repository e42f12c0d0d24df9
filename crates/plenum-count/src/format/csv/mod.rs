//! The CSV ballot formats: ranked rows, rank matrices, `ballot_id,rank,choice` rows,
//! `option,votes` totals and approval marks.
//!
//! Records are one line each; cells may be quoted (`"Smith, Ann"`, with `""` for a quote).
//! Candidates are named in the file; a name may not be blank, a bare number, or the name of
//! another candidate, so that every report tells the candidates apart.

mod approval;
mod long;
mod ranked;
mod votes;

use std::collections::HashMap;
use std::io::BufRead;

pub(super) use approval::read_approval;
pub(super) use long::{is_headerless_row, names_long_columns, read_long};
pub(super) use ranked::read_ranked;
pub(super) use votes::read_votes;

use super::{Lines, column};
use crate::election::{BuildError, ElectionBuilder};
use crate::{CandidateId, ParseError};

/// Splits one CSV record into trimmed cells; on an unclosed quote, the byte offset of it.
pub(crate) fn split_record(line: &str) -> Result<Vec<String>, usize> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.char_indices().peekable();
    let mut quote_start = None;
    while let Some((offset, c)) = chars.next() {
        match (quote_start, c) {
            (Some(_), '"') if chars.peek().map(|&(_, next)| next) == Some('"') => {
                chars.next();
                cell.push('"');
            }
            (Some(_), '"') => quote_start = None,
            (Some(_), _) => cell.push(c),
            (None, '"') if cell.trim().is_empty() => {
                cell.clear();
                quote_start = Some(offset);
            }
            (None, ',') => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            (None, _) => cell.push(c),
        }
    }
    if let Some(offset) = quote_start {
        return Err(offset);
    }
    cells.push(cell.trim().to_owned());
    Ok(cells)
}

/// A number of votes or a ballot weight: digits, optionally grouped by `,` `_` or spaces.
pub(crate) fn parse_count(cell: &str) -> Option<u64> {
    let digits: String = cell
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether `cell` is a whole number of votes (see [`parse_count`]).
pub(crate) fn is_count(cell: &str) -> bool {
    parse_count(cell).is_some()
}

/// Whether `cell` is a plain number: ASCII digits only, no grouping.
pub(crate) fn is_digits(cell: &str) -> bool {
    !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit())
}

/// `Some(true)` for an approval mark (`1`, `x`, `yes`, ...), `Some(false)` for a blank or a
/// refusal (`0`, `no`), `None` for anything else.
pub(crate) fn approval_mark(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "1" | "x" | "yes" | "y" | "true" | "✓" | "✔" => Some(true),
        "" | "0" | "no" | "n" | "false" | "-" => Some(false),
        _ => None,
    }
}

/// The words of a header cell, lowercase: `Ballot ID` and `ballot_id` both give
/// `["ballot", "id"]`.
pub(crate) fn header_words(cell: &str) -> Vec<String> {
    cell.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether a header cell names a column of ballot weights (`weight`, `count`, `ballots`).
pub(crate) fn is_weight_header(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "weight" | "count" | "ballots"
    )
}

/// A record: its line number, its text and its cells.
pub(crate) type Record = (usize, String, Vec<String>);

/// The next non-blank record.
fn next_record<R: BufRead>(lines: &mut Lines<R>) -> Result<Option<Record>, ParseError> {
    while let Some((line_no, line)) = lines.next_line()? {
        let text = String::from_utf8_lossy(line).into_owned();
        if text.trim().is_empty() {
            continue;
        }
        let cells = split_record(&text).map_err(|offset| {
            ParseError::new(
                line_no,
                column(text.as_bytes(), offset),
                "unterminated quote: expected a closing '\"'",
            )
        })?;
        return Ok(Some((line_no, text, cells)));
    }
    Ok(None)
}

fn build_error(line_no: usize, err: BuildError) -> ParseError {
    ParseError::new(line_no, 1, err.to_string())
}

/// The 1-based column of cell `index` of `text`, quotes taken into account.
pub(crate) fn cell_column(text: &str, index: usize) -> usize {
    let mut cells = 0;
    let mut quoted = false;
    let mut at_start = true;
    for (offset, c) in text.char_indices() {
        if cells == index && at_start && !c.is_whitespace() {
            return column(text.as_bytes(), offset);
        }
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                cells += 1;
                at_start = true;
                continue;
            }
            _ => {}
        }
        if !c.is_whitespace() {
            at_start = false;
        }
    }
    column(text.as_bytes(), text.len())
}

/// A rank number: digits, 1 or more.
pub(crate) fn rank_number(cell: &str) -> Option<u64> {
    Some(cell)
        .filter(|cell| is_digits(cell))
        .and_then(|cell| cell.parse::<u64>().ok())
        .filter(|&rank| rank > 0)
}

/// A table with a column per candidate (approval marks, a rank matrix): a header of names,
/// perhaps after a column of weights headed `weight`, then a row per ballot.
pub(crate) struct Table {
    width: usize,
    weighted: bool,
}

impl Table {
    /// Reads the header `record`: the candidates, checked (see [`Names`]).
    pub(crate) fn header(
        builder: &mut ElectionBuilder,
        (line_no, text, header): &Record,
    ) -> Result<Table, ParseError> {
        let weighted = header.first().is_some_and(|cell| is_weight_header(cell));
        let mut names = Names::new();
        for (index, name) in header.iter().enumerate().skip(usize::from(weighted)) {
            names.add(builder, (*line_no, text), index, name)?;
        }
        if header.len() <= usize::from(weighted) {
            return Err(ParseError::new(
                *line_no,
                1,
                "expected the candidates' names after the weight column, found none",
            ));
        }
        Ok(Table {
            width: header.len(),
            weighted,
        })
    }

    /// The weight of the row `record` and its cells, each with its column and candidate.
    pub(crate) fn row<'r>(
        &self,
        (line_no, _, cells): &'r Record,
    ) -> Result<(u64, impl Iterator<Item = (usize, CandidateId, &'r str)>), ParseError> {
        if cells.len() != self.width {
            let message = format!(
                "expected {} cells, as many as the header has, found {}",
                self.width,
                cells.len()
            );
            return Err(ParseError::new(*line_no, 1, message));
        }
        let offset = usize::from(self.weighted);
        let weight = if self.weighted {
            ranked::ballot_weight(*line_no, &cells[0])?
        } else {
            1
        };
        let marks = cells
            .iter()
            .enumerate()
            .skip(offset)
            .map(move |(index, cell)| (index, CandidateId::at(index - offset), cell.as_str()));
        Ok((weight, marks))
    }
}

/// Candidates named in a header, checked: none blank, none a bare number, no name twice.
pub(crate) struct Names {
    first_seen: HashMap<String, usize>,
}

impl Names {
    pub(crate) fn new() -> Names {
        Names {
            first_seen: HashMap::new(),
        }
    }

    /// Adds the candidate named by cell `index` of the record on `line_no`.
    pub(crate) fn add(
        &mut self,
        builder: &mut ElectionBuilder,
        (line_no, text): (usize, &str),
        index: usize,
        name: &str,
    ) -> Result<CandidateId, ParseError> {
        let at = |message: String| ParseError::new(line_no, cell_column(text, index), message);
        if name.is_empty() {
            return Err(at(
                "expected a candidate's name, found an empty cell".to_owned()
            ));
        }
        if is_digits(name) {
            return Err(at(format!(
                "expected a candidate's name, found the number {name:?}"
            )));
        }
        if let Some(&first) = self.first_seen.get(name) {
            return Err(at(format!(
                "candidate {name:?} is named twice (first in column {first}): \
                 every candidate needs a name of their own"
            )));
        }
        self.first_seen
            .insert(name.to_owned(), cell_column(text, index));
        builder
            .add_candidate(name)
            .map_err(|err| build_error(line_no, err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_split_with_quotes() {
        assert_eq!(
            split_record(r#"a, "b, c" ,d"#),
            Ok(vec!["a".into(), "b, c".into(), "d".into()])
        );
        assert_eq!(
            split_record(r#""say ""hi""",x"#),
            Ok(vec![r#"say "hi""#.into(), "x".into()])
        );
        assert_eq!(split_record(r#"a,"open"#), Err(2));
        assert_eq!(split_record(""), Ok(vec![String::new()]));
    }

    #[test]
    fn counts_accept_grouping_digits_do_not() {
        assert_eq!(parse_count("100,000"), Some(100_000));
        assert_eq!(parse_count("1 234"), Some(1234));
        assert_eq!(parse_count("12a"), None);
        assert_eq!(parse_count(""), None);
        assert!(is_digits("12"));
        assert!(!is_digits("1 2"));
        assert!(!is_digits(""));
    }

    #[test]
    fn cell_columns_skip_quoted_commas() {
        assert_eq!(cell_column("a,b,c", 2), 5);
        assert_eq!(cell_column(r#""x, y", z"#, 1), 9);
        assert_eq!(cell_column("a,,", 2), 4);
    }

    #[test]
    fn header_words_split_on_punctuation() {
        assert_eq!(header_words("Ballot ID"), ["ballot", "id"]);
        assert_eq!(header_words("ballot_id"), ["ballot", "id"]);
        assert_eq!(header_words("Frank"), ["frank"]);
    }
}

//! The CSV ballot formats: ranked rows, rank matrices, `ballot_id,rank,choice` rows,
//! `option,votes` totals and approval marks.
//!
//! Records are one line each; cells may be quoted (`"Smith, Ann"`, with `""` for a quote).
//! Candidates are named in the file and numbered in order of first appearance.

use std::collections::HashSet;
use std::io::BufRead;

use super::{Lines, column};
use crate::election::{BuildError, ElectionBuilder};
use crate::{CandidateId, Election, ParseError};

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

/// Whether `cell` is a whole number of votes (digits, optionally grouped by `,` `_` or spaces).
pub(crate) fn is_count(cell: &str) -> bool {
    parse_count(cell).is_some()
}

fn parse_count(cell: &str) -> Option<u64> {
    let digits: String = cell
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
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

/// The next non-blank record and its line number.
fn next_record<R: BufRead>(
    lines: &mut Lines<R>,
) -> Result<Option<(usize, String, Vec<String>)>, ParseError> {
    while let Some((line_no, line)) = lines.next_line()? {
        let text = String::from_utf8_lossy(line).into_owned();
        if text.trim().is_empty() {
            continue;
        }
        let cells = split_record(&text).map_err(|offset| {
            ParseError::new(
                line_no,
                column(text.as_bytes(), offset),
                "unterminated quote",
            )
        })?;
        return Ok(Some((line_no, text, cells)));
    }
    Ok(None)
}

fn build_error(line_no: usize, err: BuildError) -> ParseError {
    ParseError::new(line_no, 1, err.to_string())
}

/// The 1-based column of cell `index` of `text`.
fn cell_column(text: &str, index: usize) -> usize {
    let mut commas = 0;
    for (offset, c) in text.char_indices() {
        if commas == index {
            return column(text.as_bytes(), offset);
        }
        if c == ',' {
            commas += 1;
        }
    }
    1
}

/// Reads ranked ballots: a rank matrix (a header of names, then rank numbers) or rows of
/// names in order of preference (with an optional leading weight column).
pub(super) fn read_ranked<R: BufRead>(lines: &mut Lines<R>) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some(first) = next_record(lines)? else {
        return Ok(builder.build());
    };
    let second = next_record(lines)?;
    let is_matrix = second.as_ref().is_some_and(|(_, _, cells)| {
        cells.len() == first.2.len()
            && cells.iter().any(|cell| !cell.is_empty())
            && cells.iter().all(|cell| cell.is_empty() || is_count(cell))
    });
    if is_matrix {
        for name in &first.2 {
            builder
                .add_candidate(name)
                .map_err(|err| build_error(first.0, err))?;
        }
        let mut record = second;
        while let Some((line_no, text, cells)) = record {
            matrix_ballot(&mut builder, line_no, &text, &cells)?;
            record = next_record(lines)?;
        }
        return Ok(builder.build());
    }
    let is_header = first.2.iter().all(|cell| {
        let word = cell
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '#' || c == '_')
            .to_lowercase();
        matches!(
            word.as_str(),
            "rank" | "choice" | "preference" | "pref" | "weight" | "count" | "ballots" | ""
        )
    });
    let first_data = if is_header {
        second.as_ref()
    } else {
        Some(&first)
    };
    let weighted = first_data.is_some_and(|(_, _, cells)| cells.len() > 1 && is_count(&cells[0]));
    let mut pending = if is_header {
        vec![second]
    } else {
        vec![second, Some(first)]
    };
    while let Some(record) = pending.pop() {
        let Some((line_no, text, cells)) = record else {
            continue;
        };
        row_ballot(&mut builder, weighted, line_no, &text, &cells)?;
    }
    while let Some((line_no, text, cells)) = next_record(lines)? {
        row_ballot(&mut builder, weighted, line_no, &text, &cells)?;
    }
    Ok(builder.build())
}

fn matrix_ballot(
    builder: &mut ElectionBuilder,
    line_no: usize,
    text: &str,
    cells: &[String],
) -> Result<(), ParseError> {
    if cells.len() != builder.n_candidates() {
        let message = format!(
            "expected {} cells, one per candidate, found {}",
            builder.n_candidates(),
            cells.len()
        );
        return Err(ParseError::new(line_no, 1, message));
    }
    let mut ranked: Vec<(u64, CandidateId)> = Vec::new();
    for (index, cell) in cells.iter().enumerate() {
        if cell.is_empty() {
            continue;
        }
        let rank = parse_count(cell).filter(|&rank| rank > 0).ok_or_else(|| {
            ParseError::new(
                line_no,
                cell_column(text, index),
                format!("expected a rank number, found {cell:?}"),
            )
        })?;
        ranked.push((rank, CandidateId::at(index)));
    }
    ranked.sort();
    let mut previous = None;
    for (rank, id) in ranked {
        if previous == Some(rank) {
            builder.tie(id)
        } else {
            builder.rank(id)
        }
        previous = Some(rank);
    }
    builder
        .finish_ballot(1)
        .map_err(|err| build_error(line_no, err))
}

fn row_ballot(
    builder: &mut ElectionBuilder,
    weighted: bool,
    line_no: usize,
    text: &str,
    cells: &[String],
) -> Result<(), ParseError> {
    let mut weight = 1;
    let mut names = cells.iter().enumerate();
    if weighted {
        let (_, cell) = names.next().unwrap_or((0, &cells[0]));
        weight = parse_count(cell).ok_or_else(|| {
            ParseError::new(
                line_no,
                1,
                format!("expected a ballot weight, found {cell:?}"),
            )
        })?;
    }
    let mut ids = Vec::new();
    for (index, cell) in names {
        let mut first = true;
        for name in cell.split('=').map(str::trim) {
            if name.is_empty() {
                if cell.contains('=') {
                    return Err(ParseError::new(
                        line_no,
                        cell_column(text, index),
                        "expected a name on each side of '='",
                    ));
                }
                continue;
            }
            let id = builder
                .candidate_named(name)
                .map_err(|err| build_error(line_no, err))?;
            ids.push((id, first));
            first = false;
        }
    }
    for (id, new_rank) in ids {
        if new_rank {
            builder.rank(id)
        } else {
            builder.tie(id)
        }
    }
    builder
        .finish_ballot(weight)
        .map_err(|err| build_error(line_no, err))
}

/// Reads `ballot_id,rank,choice` rows; the rows of one ballot must be together.
pub(super) fn read_long<R: BufRead>(lines: &mut Lines<R>) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some((line_no, text, header)) = next_record(lines)? else {
        return Ok(builder.build());
    };
    let lower: Vec<String> = header.iter().map(|cell| cell.to_lowercase()).collect();
    let find = |words: &[&str]| {
        lower
            .iter()
            .position(|cell| words.iter().any(|word| cell.contains(word)))
    };
    let mut headerless = None;
    let columns = match (
        find(&["ballot", "voter", "id"]),
        find(&["rank"]),
        find(&["choice", "candidate", "option"]),
    ) {
        (Some(id), Some(rank), Some(choice)) => (id, rank, choice),
        _ if header.len() == 3 && is_count(&header[1]) => {
            headerless = Some((line_no, text.clone(), header.clone()));
            (0, 1, 2)
        }
        _ => {
            let message = "expected a header naming the ballot id, rank and choice columns";
            return Err(ParseError::new(
                line_no,
                column(text.as_bytes(), 0),
                message,
            ));
        }
    };
    let mut finished: HashSet<String> = HashSet::new();
    let mut current: Option<String> = None;
    let mut rankings: Vec<(u64, String)> = Vec::new();
    loop {
        let record = match headerless.take() {
            Some(record) => Some(record),
            None => next_record(lines)?,
        };
        let Some((line_no, text, cells)) = record else {
            break;
        };
        let cell = |index: usize| cells.get(index).map(String::as_str).unwrap_or("");
        if cells.len() <= columns.0.max(columns.1).max(columns.2) {
            return Err(ParseError::new(
                line_no,
                1,
                format!("expected {} cells, found {}", header.len(), cells.len()),
            ));
        }
        let id = cell(columns.0);
        let rank = parse_count(cell(columns.1)).ok_or_else(|| {
            ParseError::new(
                line_no,
                cell_column(&text, columns.1),
                format!("expected a rank number, found {:?}", cell(columns.1)),
            )
        })?;
        if current.as_deref() != Some(id) {
            if let Some(done) = current.take() {
                long_ballot(&mut builder, &mut rankings)
                    .map_err(|err| build_error(line_no, err))?;
                finished.insert(done);
            }
            if finished.contains(id) {
                let message = format!(
                    "ballot {id:?} continues after other ballots: rows of a ballot must be together"
                );
                return Err(ParseError::new(
                    line_no,
                    cell_column(&text, columns.0),
                    message,
                ));
            }
            current = Some(id.to_owned());
        }
        rankings.push((rank, cell(columns.2).to_owned()));
    }
    if current.is_some() {
        long_ballot(&mut builder, &mut rankings).map_err(|err| build_error(0, err))?;
    }
    Ok(builder.build())
}

fn long_ballot(
    builder: &mut ElectionBuilder,
    rankings: &mut Vec<(u64, String)>,
) -> Result<(), BuildError> {
    rankings.sort_by_key(|(rank, _)| *rank);
    let mut previous = None;
    for (rank, choice) in rankings.iter() {
        match choice.as_str() {
            "" | "$UNDERVOTE" => continue,
            "$OVERVOTE" => break,
            name => {
                let id = builder.candidate_named(name)?;
                if previous == Some(*rank) {
                    builder.tie(id)
                } else {
                    builder.rank(id)
                }
                previous = Some(*rank);
            }
        }
    }
    rankings.clear();
    builder.finish_ballot(1)
}

/// Reads `option,votes` rows, with or without a header.
pub(super) fn read_votes<R: BufRead>(lines: &mut Lines<R>) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let mut first = true;
    while let Some((line_no, text, cells)) = next_record(lines)? {
        if cells.len() != 2 {
            return Err(ParseError::new(
                line_no,
                1,
                format!("expected two cells `option,votes`, found {}", cells.len()),
            ));
        }
        let Some(votes) = parse_count(&cells[1]) else {
            if first {
                first = false;
                continue;
            }
            let message = format!("expected a number of votes, found {:?}", cells[1]);
            return Err(ParseError::new(line_no, cell_column(&text, 1), message));
        };
        first = false;
        let id = builder
            .candidate_named(&cells[0])
            .map_err(|err| build_error(line_no, err))?;
        builder.rank(id);
        builder
            .finish_ballot(votes)
            .map_err(|err| build_error(line_no, err))?;
    }
    Ok(builder.build())
}

/// Reads approval marks under a header of names (an optional first column `weight`).
pub(super) fn read_approval<R: BufRead>(lines: &mut Lines<R>) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some((header_line, _, header)) = next_record(lines)? else {
        return Ok(builder.build());
    };
    let weighted = matches!(
        header[0].to_lowercase().as_str(),
        "weight" | "count" | "ballots"
    );
    let names = if weighted { &header[1..] } else { &header[..] };
    for name in names {
        builder
            .add_candidate(name)
            .map_err(|err| build_error(header_line, err))?;
    }
    while let Some((line_no, text, cells)) = next_record(lines)? {
        if cells.len() != header.len() {
            return Err(ParseError::new(
                line_no,
                1,
                format!("expected {} cells, found {}", header.len(), cells.len()),
            ));
        }
        let mut weight = 1;
        if weighted {
            weight = parse_count(&cells[0]).ok_or_else(|| {
                ParseError::new(
                    line_no,
                    1,
                    format!("expected a ballot weight, found {:?}", cells[0]),
                )
            })?;
        }
        let offset = usize::from(weighted);
        let mut first = true;
        for (index, cell) in cells[offset..].iter().enumerate() {
            let approved = approval_mark(cell).ok_or_else(|| {
                let message =
                    format!("expected an approval mark (1, x, yes) or a blank, found {cell:?}");
                ParseError::new(line_no, cell_column(&text, index + offset), message)
            })?;
            if approved {
                let id = CandidateId::at(index);
                if first {
                    builder.rank(id)
                } else {
                    builder.tie(id)
                }
                first = false;
            }
        }
        builder
            .finish_ballot(weight)
            .map_err(|err| build_error(line_no, err))?;
    }
    Ok(builder.build())
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
    fn counts_accept_grouping() {
        assert_eq!(parse_count("100,000"), Some(100_000));
        assert_eq!(parse_count("1 234"), Some(1234));
        assert_eq!(parse_count("12a"), None);
        assert_eq!(parse_count(""), None);
    }
}

//! Ranked ballots in CSV: a ballot per row, either as names in order of preference (with an
//! optional leading weight column, `A=B` for candidates ranked equal) or as a rank matrix
//! (a header of names, then a rank number per candidate; an optional first column of weights
//! headed `weight`).

use std::io::BufRead;

use super::{
    Record, Table, build_error, cell_column, is_count, is_digits, next_record, parse_count,
    rank_number,
};
use crate::election::ElectionBuilder;
use crate::format::Lines;
use crate::{CandidateId, Election, ParseError};

/// Reads ranked ballots: a rank matrix when `matrix` is set (detection decides it from the
/// first lines), else rows of names.
pub(in crate::format) fn read_ranked<R: BufRead>(
    lines: &mut Lines<R>,
    matrix: bool,
) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some(first) = next_record(lines)? else {
        return Ok(builder.build());
    };
    if matrix {
        return read_matrix(lines, builder, &first);
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
    let second = if is_header {
        next_record(lines)?
    } else {
        Some(first)
    };
    let weighted = second
        .as_ref()
        .is_some_and(|(_, _, cells)| cells.len() > 1 && is_count(&cells[0]));
    let mut record = second;
    while let Some((line_no, text, cells)) = record {
        row_ballot(&mut builder, weighted, line_no, &text, &cells)?;
        record = next_record(lines)?;
    }
    Ok(builder.build())
}

fn read_matrix<R: BufRead>(
    lines: &mut Lines<R>,
    mut builder: ElectionBuilder,
    header: &Record,
) -> Result<Election, ParseError> {
    let table = Table::header(&mut builder, header)?;
    while let Some(record) = next_record(lines)? {
        let (weight, marks) = table.row(&record)?;
        let (line_no, text, _) = &record;
        let mut ranked: Vec<(u64, CandidateId)> = Vec::new();
        for (index, id, cell) in marks {
            if cell.is_empty() {
                continue;
            }
            let rank = rank_number(cell).ok_or_else(|| {
                ParseError::new(
                    *line_no,
                    cell_column(text, index),
                    format!("expected a rank number (1, 2, ...) or a blank, found {cell:?}"),
                )
            })?;
            ranked.push((rank, id));
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
            .finish_ballot(weight)
            .map_err(|err| build_error(*line_no, err))?;
    }
    Ok(builder.build())
}

/// The weight in the first cell of a row.
pub(super) fn ballot_weight(line_no: usize, cell: &str) -> Result<u64, ParseError> {
    parse_count(cell).ok_or_else(|| {
        ParseError::new(
            line_no,
            1,
            format!("expected a ballot weight (a whole number), found {cell:?}"),
        )
    })
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
    if weighted && let Some((_, cell)) = names.next() {
        weight = ballot_weight(line_no, cell)?;
    }
    let mut ids = Vec::new();
    for (index, cell) in names {
        let mut first = true;
        for name in cell.split('=').map(str::trim) {
            let at = |message: String| ParseError::new(line_no, cell_column(text, index), message);
            if name.is_empty() {
                if cell.contains('=') {
                    return Err(at("expected a name on each side of '='".to_owned()));
                }
                continue;
            }
            if is_digits(name) {
                return Err(at(format!(
                    "expected a candidate's name, found the number {name:?} \
                     (rank numbers need a header of names)"
                )));
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

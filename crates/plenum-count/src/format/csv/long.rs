//! Ranked ballots in long CSV: `ballot_id,rank,choice`, a row per ranking, the rows of one
//! ballot together. `$UNDERVOTE` skips a rank and `$OVERVOTE` ends the ballot, as in the
//! cast-vote records of American ranked-choice elections. Columns other than these three are
//! refused, not ignored.

use std::collections::HashSet;
use std::io::BufRead;

use super::{Record, build_error, cell_column, header_words, is_count, next_record, rank_number};
use crate::election::{BuildError, ElectionBuilder};
use crate::format::{Lines, column};
use crate::{Election, ParseError};

/// What a column of a long CSV holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Ballot,
    Rank,
    Choice,
}

/// The role a header cell names, if any.
pub(crate) fn role(cell: &str) -> Option<Role> {
    let words = header_words(cell);
    let has = |names: &[&str]| words.iter().any(|word| names.contains(&word.as_str()));
    if has(&["rank", "ranking", "preference", "pref"]) {
        Some(Role::Rank)
    } else if has(&["choice", "candidate", "option", "selection"]) {
        Some(Role::Choice)
    } else if has(&["ballot", "ballotid", "voter", "voterid", "id"]) {
        Some(Role::Ballot)
    } else {
        None
    }
}

/// Whether a header names the three columns of a long CSV (whatever else it names).
pub(crate) fn names_long_columns(header: &[String]) -> bool {
    [Role::Ballot, Role::Rank, Role::Choice]
        .iter()
        .all(|wanted| header.iter().any(|cell| role(cell) == Some(*wanted)))
}

/// Whether a record reads as a headerless long row: an id, a rank number and a choice.
pub(crate) fn is_headerless_row(cells: &[String]) -> bool {
    cells.len() == 3 && !cells[0].is_empty() && is_count(&cells[1]) && !cells[2].is_empty()
}

/// The columns (ballot, rank, choice) of a header; an error for a missing, doubled or
/// unknown column.
fn columns((line_no, text, header): &Record) -> Result<[usize; 3], ParseError> {
    let mut found: [Option<usize>; 3] = [None; 3];
    for (index, cell) in header.iter().enumerate() {
        let at = |message: String| ParseError::new(*line_no, cell_column(text, index), message);
        let Some(role) = role(cell) else {
            return Err(at(format!(
                "unexpected column {cell:?}: long-csv has three columns, \
                 the ballot id, the rank and the choice"
            )));
        };
        let slot = &mut found[role as usize];
        if slot.is_some() {
            return Err(at(format!(
                "a second {} column {cell:?}",
                ["ballot id", "rank", "choice"][role as usize]
            )));
        }
        *slot = Some(index);
    }
    match found {
        [Some(ballot), Some(rank), Some(choice)] => Ok([ballot, rank, choice]),
        _ => Err(ParseError::new(
            *line_no,
            column(text.as_bytes(), 0),
            "expected a header naming the ballot id, rank and choice columns",
        )),
    }
}

/// Reads `ballot_id,rank,choice` rows; the rows of one ballot must be together.
pub(in crate::format) fn read_long<R: BufRead>(
    lines: &mut Lines<R>,
) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some(first) = next_record(lines)? else {
        return Ok(builder.build());
    };
    let (columns, mut headerless) = if is_headerless_row(&first.2) {
        ([0, 1, 2], Some(first.clone()))
    } else {
        (columns(&first)?, None)
    };
    let width = first.2.len();
    let mut finished: HashSet<String> = HashSet::new();
    let mut current: Option<(String, usize)> = None;
    let mut rankings: Vec<(u64, String)> = Vec::new();
    loop {
        let record = match headerless.take() {
            Some(record) => Some(record),
            None => next_record(lines)?,
        };
        let Some((line_no, text, cells)) = record else {
            break;
        };
        if cells.len() != width {
            return Err(ParseError::new(
                line_no,
                1,
                format!(
                    "expected {width} cells, as many as the header has, found {}",
                    cells.len()
                ),
            ));
        }
        let [id_at, rank_at, choice_at] = columns;
        let id = cells[id_at].as_str();
        let rank = rank_number(&cells[rank_at]).ok_or_else(|| {
            ParseError::new(
                line_no,
                cell_column(&text, rank_at),
                format!(
                    "expected a rank number (1, 2, ...), found {:?}",
                    cells[rank_at]
                ),
            )
        })?;
        if current.as_ref().map(|(open, _)| open.as_str()) != Some(id) {
            if let Some((done, done_line)) = current.take() {
                long_ballot(&mut builder, &mut rankings)
                    .map_err(|err| build_error(done_line, err))?;
                finished.insert(done);
            }
            if finished.contains(id) {
                let message = format!(
                    "ballot {id:?} continues after other ballots: rows of a ballot must be together"
                );
                return Err(ParseError::new(line_no, cell_column(&text, id_at), message));
            }
            current = Some((id.to_owned(), line_no));
        }
        if let Some((_, last_line)) = current.as_mut() {
            *last_line = line_no;
        }
        rankings.push((rank, cells[choice_at].clone()));
    }
    if let Some((_, last_line)) = current {
        long_ballot(&mut builder, &mut rankings).map_err(|err| build_error(last_line, err))?;
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

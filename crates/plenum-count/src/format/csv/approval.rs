//! Approval ballots in CSV: a header of names (an optional first column of weights headed
//! `weight`, `count` or `ballots`), then a row per ballot marking each approved candidate
//! with `1`, `x` or `yes`. A row without marks is a blank ballot.

use std::io::BufRead;

use super::ranked::ballot_weight;
use super::{Names, approval_mark, build_error, cell_column, is_weight_header, next_record};
use crate::election::ElectionBuilder;
use crate::format::Lines;
use crate::{CandidateId, Election, ParseError};

/// Reads approval marks under a header of names.
pub(in crate::format) fn read_approval<R: BufRead>(
    lines: &mut Lines<R>,
) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some((header_line, header_text, header)) = next_record(lines)? else {
        return Ok(builder.build());
    };
    let weighted = header.first().is_some_and(|cell| is_weight_header(cell));
    let offset = usize::from(weighted);
    let mut names = Names::new();
    for (index, name) in header.iter().enumerate().skip(offset) {
        names.add(&mut builder, (header_line, &header_text), index, name)?;
    }
    if header.len() <= offset {
        return Err(ParseError::new(
            header_line,
            1,
            "expected the candidates' names after the weight column, found none",
        ));
    }
    while let Some((line_no, text, cells)) = next_record(lines)? {
        if cells.len() != header.len() {
            let message = format!(
                "expected {} cells, as many as the header has, found {}",
                header.len(),
                cells.len()
            );
            return Err(ParseError::new(line_no, 1, message));
        }
        let weight = if weighted {
            ballot_weight(line_no, &cells[0])?
        } else {
            1
        };
        let mut first = true;
        for (index, cell) in cells.iter().enumerate().skip(offset) {
            let approved = approval_mark(cell).ok_or_else(|| {
                let message = format!(
                    "expected an approval mark (1, x, yes), a refusal (0, no) or a blank, \
                     found {cell:?}"
                );
                ParseError::new(line_no, cell_column(&text, index), message)
            })?;
            if approved {
                let id = CandidateId::at(index - offset);
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

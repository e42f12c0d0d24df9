//! Approval ballots in CSV: a header of names (an optional first column of weights headed
//! `weight`, `count` or `ballots`), then a row per ballot marking each approved candidate
//! with `1`, `x` or `yes`. A row without marks is a blank ballot.

use std::io::BufRead;

use super::{Table, approval_mark, build_error, cell_column, next_record};
use crate::election::ElectionBuilder;
use crate::format::Lines;
use crate::{Election, ParseError};

/// Reads approval marks under a header of names.
pub(in crate::format) fn read_approval<R: BufRead>(
    lines: &mut Lines<R>,
) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let Some(header) = next_record(lines)? else {
        return Ok(builder.build());
    };
    let table = Table::header(&mut builder, &header)?;
    while let Some(record) = next_record(lines)? {
        let (weight, marks) = table.row(&record)?;
        let (line_no, text, _) = &record;
        let mut first = true;
        for (index, id, cell) in marks {
            let approved = approval_mark(cell).ok_or_else(|| {
                let message = format!(
                    "expected an approval mark (1, x, yes), a refusal (0, no) or a blank, \
                     found {cell:?}"
                );
                ParseError::new(*line_no, cell_column(text, index), message)
            })?;
            if approved {
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
            .map_err(|err| build_error(*line_no, err))?;
    }
    Ok(builder.build())
}

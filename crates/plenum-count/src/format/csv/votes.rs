//! Totals in CSV: `option,votes` rows, with or without a header, for party-list methods.
//! An option listed twice is refused rather than summed.

use std::collections::HashMap;
use std::io::BufRead;

use super::{build_error, cell_column, next_record, parse_count};
use crate::election::ElectionBuilder;
use crate::format::Lines;
use crate::{Election, ParseError};

/// Reads `option,votes` rows, with or without a header.
pub(in crate::format) fn read_votes<R: BufRead>(
    lines: &mut Lines<R>,
) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let mut first = true;
    let mut listed: HashMap<String, usize> = HashMap::new();
    let mut last_line = 1;
    while let Some((line_no, text, cells)) = next_record(lines)? {
        last_line = line_no;
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
            let message = format!(
                "expected a number of votes (a whole number), found {:?}",
                cells[1]
            );
            return Err(ParseError::new(line_no, cell_column(&text, 1), message));
        };
        first = false;
        let name = &cells[0];
        if name.is_empty() {
            let message = "expected the name of an option (a party or list), found an empty cell";
            return Err(ParseError::new(line_no, 1, message));
        }
        if let Some(&earlier) = listed.get(name) {
            let message = format!(
                "option {name:?} is listed twice (first on line {earlier}): \
                 give each option's votes once"
            );
            return Err(ParseError::new(line_no, 1, message));
        }
        listed.insert(name.clone(), line_no);
        let id = builder
            .add_candidate(name)
            .map_err(|err| build_error(line_no, err))?;
        builder.rank(id);
        builder
            .finish_ballot(votes)
            .map_err(|err| build_error(line_no, err))?;
    }
    if builder.n_candidates() == 0 {
        return Err(ParseError::new(
            last_line,
            1,
            "expected rows `option,votes`, found none",
        ));
    }
    Ok(builder.build())
}

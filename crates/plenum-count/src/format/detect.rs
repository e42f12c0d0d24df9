//! Telling a ballot file's format from its first lines.
//!
//! Detection looks at the whole lines of the first 16 KiB, not at one or two lines, and it
//! never guesses between readings that would give different elections: a file whose first
//! lines read as two formats (a header of names above rows without marks, say, which is both
//! an approval file of blank ballots and a ranked file whose first ballot is that header) is
//! an error that names the `--format` choices. Where two readings give the same election
//! (a rank matrix whose ranks are all 1 is an approval file), either is taken.

use super::Format;
use super::csv::{
    approval_mark, header_words, is_count, is_digits, is_weight_header, split_record,
};
use super::csv::{is_headerless_row, names_long_columns};
use crate::ParseError;

/// The whole lines at the start of a file, blank ones left out: (1-based line, text).
pub(super) struct Sample {
    lines: Vec<(usize, String)>,
}

impl Sample {
    /// The lines of `head`, the first bytes of a file; unless `complete` (the file ends
    /// within `head`), the last line may be cut and is left out.
    pub(super) fn new(head: &[u8], complete: bool) -> Sample {
        let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
        let whole = if complete {
            head
        } else {
            head.iter()
                .rposition(|&b| b == b'\n')
                .map_or(&head[..0], |end| &head[..end])
        };
        let lines = String::from_utf8_lossy(whole)
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(index, line)| (index + 1, line.trim_end_matches('\r').to_owned()))
            .collect();
        Sample { lines }
    }

    /// Whether the sample has no line but blank ones.
    pub(super) fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The CSV records of the sample, up to the first that does not split (an unclosed
    /// quote, which the reader will report).
    fn records(&self) -> Vec<(usize, &str, Vec<String>)> {
        self.lines
            .iter()
            .map_while(|(line, text)| Some((*line, text.as_str(), split_record(text).ok()?)))
            .collect()
    }
}

/// What a cell of a table of marks holds.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Cell {
    Blank,
    /// A rank number of 2 or more: only a rank matrix has it.
    Rank,
    /// `1`: a first rank, or an approval.
    One,
    /// `0`: a refusal in approval marks, a mistake in a rank matrix.
    Zero,
    /// An approval mark or refusal other than `1` and `0` (`x`, `yes`, `no`, ...).
    Mark,
    /// Anything else: a candidate's name.
    Name,
}

fn cell_kind(cell: &str) -> Cell {
    match cell {
        "" => Cell::Blank,
        "1" => Cell::One,
        "0" => Cell::Zero,
        _ if is_digits(cell) => Cell::Rank,
        _ if approval_mark(cell).is_some() => Cell::Mark,
        _ => Cell::Name,
    }
}

/// The format of a file that starts with `start`, taken to be the whole file (see
/// [`super::read`] for reading a longer one).
pub fn detect(start: &[u8]) -> Result<Format, ParseError> {
    detect_sample(&Sample::new(start, true))
}

/// The format of the file that `sample` starts.
pub(super) fn detect_sample(sample: &Sample) -> Result<Format, ParseError> {
    let Some((_, first)) = sample.lines.first() else {
        return Ok(Format::Blt);
    };
    if is_blt_header(first) || has_blt_body(&sample.lines[1..]) {
        return Ok(Format::Blt);
    }
    let records = sample.records();
    let Some((header_line, header_text, header)) = records.first() else {
        return Ok(Format::RankedCsv);
    };
    let data = &records[1..];
    if names_long_columns(header) || records.iter().all(|(_, _, cells)| is_headerless_row(cells)) {
        return Ok(Format::LongCsv);
    }
    if header.len() == 2 {
        let words = header_words(&header[1]);
        let votes_word = ["vote", "votes", "count", "total"]
            .iter()
            .any(|word| words.iter().any(|w| w == word));
        let votes_row = |cells: &[String]| cells.len() == 2 && is_count(&cells[1]);
        let headerless = !header[0].is_empty() && !is_count(&header[0]) && is_count(&header[1]);
        if headerless {
            return Ok(Format::VotesCsv);
        }
        if votes_word && data.iter().any(|(_, _, cells)| votes_row(cells)) {
            if let Grid::Matrix | Grid::Approval = grid(header, data) {
                return Err(ambiguous(
                    *header_line,
                    1,
                    "the lines read as options and their votes, and as a table of marks",
                    &[Format::VotesCsv, Format::ApprovalCsv, Format::RankedCsv],
                ));
            }
            return Ok(Format::VotesCsv);
        }
    }
    match grid(header, data) {
        Grid::NotATable => Ok(Format::RankedCsv),
        Grid::Matrix => Ok(Format::RankedCsv),
        Grid::Approval => Ok(Format::ApprovalCsv),
        Grid::Mixed { line, text, index } => {
            let what = format!(
                "{:?} is an approval mark, yet other cells hold rank numbers above 1: \
                 the file is neither a rank matrix nor approval marks",
                split_record(text).unwrap_or_default()[index]
            );
            Err(ambiguous(
                line,
                super::csv::cell_column(text, index),
                &what,
                &[Format::RankedCsv, Format::ApprovalCsv],
            ))
        }
        Grid::Undecided(why) => Err(ambiguous(
            *header_line,
            super::column(header_text.as_bytes(), 0),
            why,
            &[Format::ApprovalCsv, Format::RankedCsv],
        )),
    }
}

/// Whether the lines of `sample` make a rank matrix (a header of names, then rank numbers)
/// rather than rows of names in order of preference.
pub(super) fn is_rank_matrix(sample: &Sample) -> bool {
    let records = sample.records();
    match records.split_first() {
        Some(((_, _, header), data)) => matches!(grid(header, data), Grid::Matrix | Grid::Approval),
        None => false,
    }
}

/// How a header of names and rows of cells read.
enum Grid<'a> {
    /// The header is not all names, or a row holds a name: not a table of marks.
    NotATable,
    /// Rank numbers (some above 1) and blanks.
    Matrix,
    /// Approval marks and blanks (or only `1`s, which read the same either way).
    Approval,
    /// Rank numbers and approval marks together; the first mark that gives it away.
    Mixed {
        line: usize,
        text: &'a str,
        index: usize,
    },
    /// Nothing tells approval marks from rows of names: why.
    Undecided(&'static str),
}

fn grid<'a>(header: &[String], data: &'a [(usize, &'a str, Vec<String>)]) -> Grid<'a> {
    let weighted = header.first().is_some_and(|cell| is_weight_header(cell));
    let offset = usize::from(weighted);
    let names = &header[offset.min(header.len())..];
    if names.is_empty() || names.iter().any(|name| name.is_empty() || is_digits(name)) {
        return Grid::NotATable;
    }
    let (mut rank, mut mark, mut one, mut zero) = (false, None, false, false);
    let mut mark_is_a_name = false;
    for (line, text, cells) in data {
        for (index, cell) in cells.iter().enumerate() {
            if weighted && index == 0 {
                continue;
            }
            match cell_kind(cell) {
                Cell::Name => return Grid::NotATable,
                Cell::Blank => {}
                Cell::One => one = true,
                Cell::Zero => zero = true,
                Cell::Rank => rank = true,
                Cell::Mark => {
                    mark.get_or_insert((*line, *text, index));
                    mark_is_a_name |= names.iter().any(|name| name.eq_ignore_ascii_case(cell));
                }
            }
        }
    }
    match (rank, mark) {
        (true, Some((line, text, index))) => Grid::Mixed { line, text, index },
        (true, None) => Grid::Matrix,
        (false, Some(_)) if mark_is_a_name && !weighted => Grid::Undecided(
            "the first line reads as the names of approval-csv or as a ballot of ranked-csv, \
             and the marks below it are candidates' names too",
        ),
        (false, Some(_)) => Grid::Approval,
        (false, None) if one || zero || weighted => Grid::Approval,
        (false, None) => Grid::Undecided(
            "the first line reads as the names of approval-csv or as a ballot of ranked-csv, \
             and no line below it marks anything to tell which",
        ),
    }
}

/// The error of a file whose first lines read as two formats.
fn ambiguous(line: usize, column: usize, why: &str, choices: &[Format]) -> ParseError {
    let choices: Vec<String> = choices
        .iter()
        .map(|format| format!("--format {format}"))
        .collect();
    let (last, rest) = choices.split_last().expect("two choices at least");
    ParseError::new(
        line,
        column,
        format!(
            "cannot tell the format: {why}; say which with {} or {last}",
            rest.join(", ")
        ),
    )
}

/// Whether `line` is a BLT header: two whole numbers (stray commas allowed).
fn is_blt_header(line: &str) -> bool {
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|token| !token.is_empty())
        .collect();
    tokens.len() == 2 && tokens.iter().all(|token| is_digits(token))
}

/// Whether the lines after a (perhaps broken) header are BLT ballots up to a line `0`:
/// then the file is BLT, and a bad header is the BLT reader's to report.
fn has_blt_body(lines: &[(usize, String)]) -> bool {
    for (index, (_, line)) in lines.iter().enumerate() {
        let line = line
            .trim()
            .trim_end_matches(|c: char| c == ',' || c.is_whitespace());
        if line == "0" {
            return index > 0 || lines.len() > 1;
        }
        let ballot = line
            .strip_prefix('(')
            .and_then(|rest| Some(rest[rest.find(')')? + 1..].trim_start()))
            .unwrap_or(line);
        let option = line.starts_with('[') && line.ends_with(']');
        let numbers = ballot.starts_with(|c: char| c.is_ascii_digit() || c == '-')
            && ballot.contains(char::is_whitespace)
            && ballot.split_whitespace().last() == Some("0");
        let withdrawn = ballot.starts_with('-')
            && ballot
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|token| !token.is_empty())
                .all(|token| token.strip_prefix('-').is_some_and(is_digits));
        if !(option || numbers || withdrawn) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detected(text: &str) -> Result<Format, String> {
        detect(text.as_bytes()).map_err(|err| err.to_string())
    }

    #[test]
    fn detects_each_format() {
        assert_eq!(detected("3 2\n1 1 0\n0\n"), Ok(Format::Blt));
        assert_eq!(detected("\u{feff}5 1,\n"), Ok(Format::Blt));
        assert_eq!(detected("three one\n1 1 0\n0\nA\n"), Ok(Format::Blt));
        assert_eq!(
            detected("ballot_id,rank,choice\n1,1,Bob\n"),
            Ok(Format::LongCsv)
        );
        assert_eq!(
            detected("ballot_id,rank,choice,precinct\n1,1,Bob,P1\n"),
            Ok(Format::LongCsv)
        );
        assert_eq!(detected("7,1,Bob\n7,2,Ann\n"), Ok(Format::LongCsv));
        assert_eq!(detected("option,votes\nA,100\n"), Ok(Format::VotesCsv));
        assert_eq!(detected("Party A,100\nParty B,80\n"), Ok(Format::VotesCsv));
        assert_eq!(detected("Ann,Bob,Cy\n1,,x\n"), Ok(Format::ApprovalCsv));
        assert_eq!(detected("weight,Ann,Bob\n3,x,\n"), Ok(Format::ApprovalCsv));
        assert_eq!(detected("Ann,Bob,Cy\n1,3,2\n"), Ok(Format::RankedCsv));
        assert_eq!(detected("Ann,Bob\nCy,Ann\n"), Ok(Format::RankedCsv));
        assert_eq!(detected("Ann,Bob\n1,2\n2,1\n"), Ok(Format::RankedCsv));
    }

    #[test]
    fn a_blank_first_ballot_is_still_approval() {
        assert_eq!(
            detected("weight,A,B,C\n5,,,\n3,1,,\n2,,1,1\n"),
            Ok(Format::ApprovalCsv)
        );
        assert_eq!(detected("A,B,C\n,,\n1,,\n,1,1\n"), Ok(Format::ApprovalCsv));
        assert_eq!(detected("A,B\n,\nyes,\n"), Ok(Format::ApprovalCsv));
    }

    #[test]
    fn ambiguous_files_name_the_format_choices() {
        for text in ["A,B,C\n", "A,B,C\n,,\n,,\n", "X,Y\nY,X\n", "A,B\n2,x\n"] {
            let err = detected(text).expect_err(text);
            assert!(err.contains("--format approval-csv"), "{text}: {err}");
            assert!(err.contains("--format ranked-csv"), "{text}: {err}");
        }
        assert_eq!(
            detected("A,B\n1,\n2,x\n").expect_err("mixed"),
            "3:3: cannot tell the format: \"x\" is an approval mark, yet other cells hold rank \
             numbers above 1: the file is neither a rank matrix nor approval marks; say which \
             with --format ranked-csv or --format approval-csv"
        );
    }

    #[test]
    fn a_cut_last_line_is_left_out() {
        let sample = Sample::new(b"A,B\n1,\n2,", false);
        assert_eq!(sample.lines.len(), 2);
        assert_eq!(detect_sample(&sample), Ok(Format::ApprovalCsv));
    }
}

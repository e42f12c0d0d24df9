//! Ballot files: BLT, ranked-ballot CSV, `ballot_id,rank,choice` CSV, `option,votes` CSV and
//! approval CSV, read line by line (a file is never held whole in memory) and detected from
//! their content.
//!
//! Readers never panic: bad input is a [`ParseError`] with the line and column where reading
//! stopped. Identical ballots are merged as they are read.

mod blt;
mod csv;
mod detect;
mod names;

use std::fmt;
use std::io::{BufRead, Read};
use std::str::FromStr;

pub use blt::write_blt;
pub use detect::detect;

use crate::{Election, ParseError};

/// A ballot file format.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// BLT: header `candidates seats`, optional withdrawn line of negative numbers, ballots
    /// `weight c1 c2 ... 0` (equal ranks as `c1=c2`), a line `0`, the names, the title.
    Blt,
    /// CSV, one ballot per row: the candidates' names in order of preference (optionally a
    /// leading weight column and equal ranks as `A=B`), or a header of names with each row
    /// giving each candidate's rank number.
    RankedCsv,
    /// CSV with one row per ranking: `ballot_id,rank,choice`, rows of a ballot together;
    /// `$UNDERVOTE` skips a rank and `$OVERVOTE` ends the ballot.
    LongCsv,
    /// CSV `option,votes`: the votes of each option (party); for party-list methods.
    VotesCsv,
    /// CSV with a header of names and one row per ballot marking each approved candidate
    /// with `1`, `x` or `yes`.
    ApprovalCsv,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 5] = [
        Format::Blt,
        Format::RankedCsv,
        Format::LongCsv,
        Format::VotesCsv,
        Format::ApprovalCsv,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Blt => "blt",
            Format::RankedCsv => "ranked-csv",
            Format::LongCsv => "long-csv",
            Format::VotesCsv => "votes-csv",
            Format::ApprovalCsv => "approval-csv",
        }
    }

    /// A one-line description.
    pub fn summary(self) -> &'static str {
        match self {
            Format::Blt => "BLT ranked ballots (OpenSTV, Droop, eSTV; read and written)",
            Format::RankedCsv => "CSV, a ballot per row: names in order, or a rank per candidate",
            Format::LongCsv => "CSV ballot_id,rank,choice, a row per ranking",
            Format::VotesCsv => "CSV option,votes, for party-list methods",
            Format::ApprovalCsv => "CSV, a header of names and a row of 1/x marks per ballot",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Format, String> {
        let wanted = text.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|format| format.name() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|format| format.name()).collect();
                format!(
                    "unknown format {text:?}: expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// How much of a file detection looks at: 16 KiB, or more while it holds fewer than
/// [`DETECT_LINES`] whole lines, up to [`MAX_LINE`].
const DETECT_BYTES: usize = 16 * 1024;

/// The whole lines detection wants to see, if the first 16 KiB hold fewer.
const DETECT_LINES: usize = 8;

/// The longest line any reader takes: 4 MiB (a BLT ballot ranking all 32,767 candidates is
/// under 200 KiB). A longer line is an error, so a file without line ends cannot make a
/// reader hold more than this of it at once.
pub const MAX_LINE: usize = 4 << 20;

/// Reads an election from `input`, in `format` or else the format detected from the content.
///
/// Detection reads the first lines (see [`detect`]); a file whose first lines read as two
/// formats that would give different elections is an error naming the `--format` choices.
pub fn read(mut input: impl BufRead, format: Option<Format>) -> Result<Election, ParseError> {
    let mut head = Vec::new();
    let complete = loop {
        let want = if head.is_empty() {
            DETECT_BYTES
        } else {
            head.len()
        };
        let got = (&mut input)
            .take(want as u64)
            .read_to_end(&mut head)
            .map_err(|err| io_error(1, &err))?;
        let lines = head.iter().filter(|&&b| b == b'\n').count();
        if got < want {
            break true;
        }
        if lines >= DETECT_LINES || head.len() >= MAX_LINE {
            break false;
        }
    };
    let sample = detect::Sample::new(&head, complete);
    if complete && sample.is_empty() {
        return Err(ParseError::new(
            1,
            1,
            "empty file: expected candidates and ballots",
        ));
    }
    let format = match format {
        Some(format) => format,
        None => detect::detect_sample(&sample)?,
    };
    let matrix = format == Format::RankedCsv && detect::is_rank_matrix(&sample);
    // The sample's lines go before the ballots are read: they would sit under the ballots'
    // allocations for the whole read.
    drop(sample);
    let mut lines = Lines::new(head.as_slice().chain(input));
    match format {
        Format::Blt => blt::read(&mut lines),
        Format::RankedCsv => csv::read_ranked(&mut lines, matrix),
        Format::LongCsv => csv::read_long(&mut lines),
        Format::VotesCsv => csv::read_votes(&mut lines),
        Format::ApprovalCsv => csv::read_approval(&mut lines),
    }
}

/// A line reader that counts lines. A line is handed out in place, from the reader's own
/// buffer, and copied only when it straddles two fills of it.
pub(crate) struct Lines<R> {
    input: R,
    buffer: Vec<u8>,
    number: usize,
    /// Bytes of the input's buffer handed out as the last line, consumed at the next call.
    pending: usize,
}

impl<R: BufRead> Lines<R> {
    fn new(input: R) -> Lines<R> {
        Lines {
            input,
            buffer: Vec::new(),
            number: 0,
            pending: 0,
        }
    }

    /// The next line without its line ending, or `None` at the end of the input.
    pub(crate) fn next_line(&mut self) -> Result<Option<(usize, &[u8])>, ParseError> {
        self.input.consume(std::mem::take(&mut self.pending));
        let line_no = self.number + 1;
        let available = self
            .input
            .fill_buf()
            .map_err(|err| io_error(line_no, &err))?;
        if available.is_empty() {
            return Ok(None);
        }
        self.number = line_no;
        if let Some(end) = available.iter().position(|&byte| byte == b'\n') {
            self.pending = end + 1;
            // Filling again hands back the same buffered bytes, without reading.
            let available = self
                .input
                .fill_buf()
                .map_err(|err| io_error(line_no, &err))?;
            return Ok(Some((
                line_no,
                trim_line_end(&available[..=end], line_no == 1),
            )));
        }
        self.buffer.clear();
        (&mut self.input)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut self.buffer)
            .map_err(|err| io_error(line_no, &err))?;
        if self.buffer.len() > MAX_LINE && self.buffer.last() != Some(&b'\n') {
            return Err(ParseError::new(
                line_no,
                1,
                "a line longer than 4 MiB: not a ballot file",
            ));
        }
        Ok(Some((line_no, trim_line_end(&self.buffer, line_no == 1))))
    }
}

fn trim_line_end(line: &[u8], first: bool) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if first {
        line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
    } else {
        line
    }
}

fn io_error(line: usize, err: &std::io::Error) -> ParseError {
    ParseError::new(line.max(1), 1, format!("cannot read: {err}"))
}

/// The 1-based column of byte `offset` of `line`, counted in characters.
pub(crate) fn column(line: &[u8], offset: usize) -> usize {
    String::from_utf8_lossy(&line[..offset.min(line.len())])
        .chars()
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
        }
        assert!("xml".parse::<Format>().is_err());
    }

    #[test]
    fn lines_longer_than_the_limit_are_an_error() {
        let mut text = b"3 1\n".to_vec();
        text.resize(MAX_LINE + 10, b'1');
        let mut lines = Lines::new(text.as_slice());
        assert!(lines.next_line().is_ok());
        let err = lines.next_line().err().map(|err| err.to_string());
        assert_eq!(
            err.as_deref(),
            Some("2:1: a line longer than 4 MiB: not a ballot file")
        );
    }
}

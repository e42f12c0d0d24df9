//! BLT, the ballot format of OpenSTV, Droop, eSTV and the Scottish council counts.
//!
//! ```text
//! 4 2                  candidates, seats
//! -4                   optional: withdrawn candidates, negated
//! 3 1 2 0              weight, preferences by 1-based number (or [nick] nicknames), 0
//! 2 2=3 1 0            equal preferences joined by '='
//! 0                    end of ballots
//! "Ann"                one name per line, quoted or not
//! ...
//! "Title"              optional
//! ```
//!
//! The reader accepts the looser variants of real published files: unquoted names, names in
//! CSV-style doubled quotes (`"Ann ""Party"""`), a name and party as two quoted strings
//! (read as `Ann (Party)`), stray commas, blank lines, a byte order mark, Windows line ends,
//! a missing trailing newline, optional `(id)` ballot labels, `-` for a skipped rank, and the
//! `[nick ...]`, `[withdrawn ...]` and `[tie ...]` lines of Droop and stv-rs.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};

use super::names::read_names;
use super::{Lines, column};
use crate::election::{BuildError, ElectionBuilder, MAX_CANDIDATES};
use crate::{CandidateId, Election, ParseError};

/// A token of a BLT number line, with its byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    Number(u64),
    Negative(u64),
    Equals,
    Dash,
    Label,
    /// A word: the end offset (its start is the token's offset).
    Word(usize),
}

/// Nicknames of `[nick ...]`, looked up on every preference of every ballot: words of up to
/// eight bytes are packed into a `u64` and found with a perfect hash (a multiplier chosen so
/// that no two nicknames share a slot), in one probe.
#[derive(Debug, Default)]
struct Nicknames {
    /// Packed nickname per slot, or 0.
    keys: Vec<u64>,
    ids: Vec<CandidateId>,
    multiplier: u64,
    shift: u32,
    /// Nicknames longer than eight bytes (or holding a NUL byte), and all of them if no
    /// perfect multiplier turns up.
    long: HashMap<Vec<u8>, CandidateId>,
}

impl Nicknames {
    #[inline]
    fn pack(word: &[u8]) -> Option<u64> {
        if word.is_empty() || word.len() > 8 {
            return None;
        }
        // Shifts in registers: copying into a byte array and reading it back as a u64 stalls
        // on store forwarding.
        let mut key = 0u64;
        for (index, &byte) in word.iter().enumerate() {
            if byte == 0 {
                return None;
            }
            key |= u64::from(byte) << (8 * index);
        }
        Some(key)
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(self.multiplier) >> self.shift) as usize
    }

    /// Sets the nicknames, in candidate order.
    fn set(&mut self, words: &[&[u8]]) {
        *self = Nicknames::default();
        let packed: Vec<(u64, CandidateId)> = words
            .iter()
            .enumerate()
            .filter_map(|(index, word)| Some((Nicknames::pack(word)?, CandidateId::at(index))))
            .collect();
        for (index, word) in words.iter().enumerate() {
            if Nicknames::pack(word).is_none() {
                self.long
                    .entry(word.to_vec())
                    .or_insert(CandidateId::at(index));
            }
        }
        let mut bits = (packed.len() * 2)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mut multiplier: u64 = 0x9E37_79B9_7F4A_7C15;
        for attempt in 0..64 {
            if attempt % 16 == 15 {
                bits += 1;
            }
            multiplier = multiplier
                .wrapping_mul(0xD605_BBB5_8C8A_BBED)
                .wrapping_add(0x2545_F491)
                | 1;
            let (size, shift) = (1usize << bits, 64 - bits);
            let mut keys = vec![0u64; size];
            let mut ids = vec![CandidateId::at(0); size];
            let placed = packed.iter().all(|&(key, id)| {
                let slot = (key.wrapping_mul(multiplier) >> shift) as usize;
                if keys[slot] != 0 && keys[slot] != key {
                    return false;
                }
                if keys[slot] == 0 {
                    keys[slot] = key;
                    ids[slot] = id;
                }
                true
            });
            if placed {
                (self.keys, self.ids, self.multiplier, self.shift) = (keys, ids, multiplier, shift);
                return;
            }
        }
        for (index, word) in words.iter().enumerate() {
            self.long
                .entry(word.to_vec())
                .or_insert(CandidateId::at(index));
        }
    }

    #[inline]
    fn get(&self, word: &[u8]) -> Option<CandidateId> {
        match Nicknames::pack(word) {
            Some(key) if !self.keys.is_empty() => {
                let slot = self.slot(key);
                (self.keys[slot] == key).then_some(self.ids[slot])
            }
            _ => self.long.get(word).copied(),
        }
    }
}

/// Splits a number line into tokens; commas count as spaces.
#[cfg(test)]
fn tokens(line_no: usize, line: &[u8]) -> Result<Vec<(usize, Token)>, ParseError> {
    let mut found = Vec::new();
    tokens_into(line_no, line, &mut found)?;
    Ok(found)
}

/// Splits a number line into tokens, into `found` (cleared first); commas count as spaces.
fn tokens_into(
    line_no: usize,
    line: &[u8],
    found: &mut Vec<(usize, Token)>,
) -> Result<(), ParseError> {
    found.clear();
    let mut at = 0;
    let error =
        |offset: usize, message: String| ParseError::new(line_no, column(line, offset), message);
    while at < line.len() {
        let byte = line[at];
        let start = at;
        if byte.is_ascii_whitespace() || byte == b',' {
            at += 1;
            continue;
        }
        let token = match byte {
            b'=' => {
                at += 1;
                Token::Equals
            }
            b'(' => {
                let close = line[at..].iter().position(|&b| b == b')').ok_or_else(|| {
                    error(start, "unterminated ballot label: expected ')'".to_owned())
                })?;
                at += close + 1;
                Token::Label
            }
            b'-' if line.get(at + 1).is_some_and(u8::is_ascii_digit) => {
                at += 1;
                Token::Negative(number(line, &mut at).map_err(|message| error(start, message))?)
            }
            b'-' => {
                at += 1;
                Token::Dash
            }
            b'0'..=b'9' => {
                Token::Number(number(line, &mut at).map_err(|message| error(start, message))?)
            }
            _ => {
                while at < line.len()
                    && !(line[at].is_ascii_whitespace() || matches!(line[at], b',' | b'='))
                {
                    at += 1;
                }
                Token::Word(at)
            }
        };
        found.push((start, token));
    }
    Ok(())
}

fn number(line: &[u8], at: &mut usize) -> Result<u64, String> {
    let start = *at;
    let mut value: u64 = 0;
    while *at < line.len() && line[*at].is_ascii_digit() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(line[*at] - b'0')))
            .ok_or_else(|| "number too large: at most 18446744073709551615".to_owned())?;
        *at += 1;
    }
    if line.get(*at) == Some(&b'.') {
        return Err(
            "fractional numbers are not supported: ballot weights must be whole".to_owned(),
        );
    }
    if *at < line.len() && !(line[*at].is_ascii_whitespace() || matches!(line[*at], b',' | b'=')) {
        let end = line[start..]
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b',')
            .map_or(line.len(), |p| start + p);
        return Err(format!(
            "expected a number, found {:?}",
            String::from_utf8_lossy(&line[start..end])
        ));
    }
    Ok(value)
}

/// Reads a BLT file.
pub(super) fn read<R: BufRead>(lines: &mut Lines<R>) -> Result<Election, ParseError> {
    let mut builder = ElectionBuilder::new();
    let (n_candidates, header_line) = read_header(lines, &mut builder)?;
    let mut nicknames = Nicknames::default();
    let mut found: Vec<(usize, Token)> = Vec::new();
    let mut seen_ballot = false;
    let mut last_line = header_line;
    loop {
        let Some((line_no, line)) = lines.next_line()? else {
            return Err(ParseError::new(
                last_line,
                1,
                "unexpected end of file: expected a line `0` ending the ballots",
            ));
        };
        last_line = line_no;
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with(b"[") {
            read_option(line_no, line, n_candidates, &mut nicknames, &mut builder)?;
            continue;
        }
        let error = |offset: usize, message: String| {
            ParseError::new(line_no, column(line, offset), message)
        };
        if trimmed
            .iter()
            .all(|&b| b == b'0' || b == b',' || b.is_ascii_whitespace())
            && trimmed.iter().filter(|&&b| b == b'0').count() == 1
        {
            break;
        }
        if !seen_ballot
            && trimmed.starts_with(b"-")
            && trimmed.get(1).is_some_and(u8::is_ascii_digit)
        {
            tokens_into(line_no, line, &mut found)?;
            for &(offset, token) in &found {
                let Token::Negative(number) = token else {
                    return Err(error(
                        offset,
                        "expected a withdrawn candidate as a negative number".to_owned(),
                    ));
                };
                builder.withdraw(
                    candidate(number, n_candidates).map_err(|message| error(offset, message))?,
                );
            }
            continue;
        }
        seen_ballot = true;
        read_ballot(line, n_candidates, &nicknames, &mut builder)
            .map_err(|(offset, message)| error(offset, message))?;
    }
    read_names(lines, n_candidates, &mut builder)?;
    Ok(builder.build())
}

fn read_header<R: BufRead>(
    lines: &mut Lines<R>,
    builder: &mut ElectionBuilder,
) -> Result<(usize, usize), ParseError> {
    let (line_no, line) = loop {
        match lines.next_line()? {
            None => {
                return Err(ParseError::new(
                    1,
                    1,
                    "empty file: expected a header `candidates seats`",
                ));
            }
            Some((_, line)) if line.trim_ascii().is_empty() => continue,
            Some(found) => break found,
        }
    };
    let mut found = Vec::new();
    tokens_into(line_no, line, &mut found)?;
    let error =
        |offset: usize, message: &str| ParseError::new(line_no, column(line, offset), message);
    let (n_candidates, seats) = match found.as_slice() {
        [(_, Token::Number(candidates)), (_, Token::Number(seats))] => (*candidates, *seats),
        [
            (_, Token::Number(_)),
            (_, Token::Number(_)),
            (offset, _),
            ..,
        ] => {
            return Err(error(
                *offset,
                "unexpected text after the header `candidates seats`",
            ));
        }
        _ => {
            let found = String::from_utf8_lossy(line.trim_ascii());
            let message = format!(
                "expected a header `candidates seats` (two whole numbers), found {found:?}"
            );
            let offset = line.len() - line.trim_ascii_start().len();
            return Err(error(offset, &message));
        }
    };
    if n_candidates == 0 {
        return Err(error(
            0,
            "an election needs at least one candidate, found 0",
        ));
    }
    if n_candidates > MAX_CANDIDATES as u64 {
        return Err(error(
            0,
            &format!("{n_candidates} candidates: a ballot file may have at most {MAX_CANDIDATES}"),
        ));
    }
    let n_candidates = n_candidates as usize;
    for index in 1..=n_candidates {
        builder
            .add_candidate(&format!("Candidate {index}"))
            .map_err(|err| error(0, &err.to_string()))?;
    }
    builder.set_seats(usize::try_from(seats).unwrap_or(usize::MAX));
    Ok((n_candidates, line_no))
}

/// The candidate numbered `number` (1-based).
fn candidate(number: u64, n_candidates: usize) -> Result<CandidateId, String> {
    usize::try_from(number)
        .ok()
        .filter(|&number| (1..=n_candidates).contains(&number))
        .and_then(|number| CandidateId::new(number - 1))
        .ok_or_else(|| format!("candidate {number} does not exist: expected 1 to {n_candidates}"))
}

fn read_option(
    line_no: usize,
    line: &[u8],
    n_candidates: usize,
    nicknames: &mut Nicknames,
    builder: &mut ElectionBuilder,
) -> Result<(), ParseError> {
    let start = line.iter().position(|&b| b == b'[').unwrap_or(0);
    let Some(end) = line.iter().rposition(|&b| b == b']') else {
        return Err(ParseError::new(
            line_no,
            column(line, start),
            "unterminated option: expected ']'",
        ));
    };
    let inner = &line[start + 1..end];
    let mut words = inner
        .split(|b| b.is_ascii_whitespace())
        .filter(|word| !word.is_empty());
    let keyword = words.next().unwrap_or_default();
    let words: Vec<&[u8]> = words.collect();
    match keyword {
        b"nick" => {
            if words.len() != n_candidates {
                let message = format!("expected {n_candidates} nicknames, found {}", words.len());
                return Err(ParseError::new(line_no, column(line, start), message));
            }
            nicknames.set(&words);
        }
        b"withdrawn" => {
            for word in words {
                let id = match nicknames.get(word) {
                    Some(id) => id,
                    None => {
                        let text = std::str::from_utf8(word)
                            .ok()
                            .and_then(|t| t.parse::<u64>().ok());
                        let number = text.ok_or_else(|| {
                            let message = format!(
                                "unknown candidate {:?}: expected a nickname of `[nick ...]` \
                                 or a candidate number",
                                String::from_utf8_lossy(word)
                            );
                            ParseError::new(line_no, column(line, start), message)
                        })?;
                        candidate(number, n_candidates).map_err(|message| {
                            ParseError::new(line_no, column(line, start), message)
                        })?
                    }
                };
                builder.withdraw(id);
            }
        }
        // Tie-breaking orders are for other counters' rules; ours say how ties are broken.
        _ => {}
    }
    Ok(())
}

/// Whether `byte` separates tokens.
fn is_separator(byte: u8) -> bool {
    byte.is_ascii_whitespace() || byte == b','
}

/// Adds the ballot on `line`, read in one pass; errors carry a byte offset.
fn read_ballot(
    line: &[u8],
    n_candidates: usize,
    nicknames: &Nicknames,
    builder: &mut ElectionBuilder,
) -> Result<(), (usize, String)> {
    let skip = |at: &mut usize| {
        while *at < line.len() && is_separator(line[*at]) {
            *at += 1;
        }
    };
    let fail = |builder: &mut ElectionBuilder, offset: usize, message: String| {
        builder.discard_ballot();
        Err((offset, message))
    };
    let mut at = 0;
    skip(&mut at);
    if line.get(at) == Some(&b'(') {
        match line[at..].iter().position(|&b| b == b')') {
            Some(close) => at += close + 1,
            None => return Err((at, "unterminated ballot label: expected ')'".to_owned())),
        }
        skip(&mut at);
    }
    if !line.get(at).is_some_and(u8::is_ascii_digit) {
        let end = line[at..]
            .iter()
            .position(|&b| is_separator(b))
            .map_or(line.len(), |p| at + p);
        let found = String::from_utf8_lossy(&line[at..end]);
        return Err((
            at,
            format!("expected a ballot weight (a whole number) or a line `0`, found {found:?}"),
        ));
    }
    let weight_at = at;
    let weight = number(line, &mut at).map_err(|message| (weight_at, message))?;
    let mut tie_next = false;
    loop {
        skip(&mut at);
        let Some(&byte) = line.get(at) else { break };
        let start = at;
        let id = match byte {
            b'=' => {
                at += 1;
                tie_next = true;
                continue;
            }
            b'-' if !line.get(at + 1).is_some_and(u8::is_ascii_digit) => {
                at += 1;
                tie_next = false;
                continue;
            }
            b'0'..=b'9' => match number(line, &mut at) {
                Ok(0) => {
                    skip(&mut at);
                    if at < line.len() {
                        let message = "unexpected text after the ballot's closing 0".to_owned();
                        return fail(builder, at, message);
                    }
                    break;
                }
                Ok(number) => candidate(number, n_candidates),
                Err(message) => return fail(builder, start, message),
            },
            b'-' | b'(' => return fail(builder, start, "expected a candidate number".to_owned()),
            _ => {
                while at < line.len() && !is_separator(line[at]) && line[at] != b'=' {
                    at += 1;
                }
                let word = &line[start..at];
                nicknames.get(word).ok_or_else(|| {
                    format!(
                        "expected a candidate number, found {:?}",
                        String::from_utf8_lossy(word)
                    )
                })
            }
        };
        match id {
            Ok(id) if tie_next => builder.tie(id),
            Ok(id) => builder.rank(id),
            Err(message) => return fail(builder, start, message),
        }
        tie_next = false;
    }
    builder
        .finish_ballot(weight)
        .map_err(|err: BuildError| (0, err.to_string()))
}

/// Writes `election` as BLT with `seats` seats: withdrawn candidates, every distinct ballot
/// with its weight, quoted names and the title (if any). Reading the result gives back the
/// same election, except that a name containing double quotes comes back read as a
/// published file's would (`Ann "Lab"` as `Ann (Lab)`).
pub fn write_blt(election: &Election, seats: usize, out: &mut impl Write) -> io::Result<()> {
    let candidates = election.candidates();
    writeln!(out, "{} {seats}", candidates.len())?;
    let withdrawn: Vec<String> = candidates
        .iter()
        .enumerate()
        .filter(|(_, candidate)| candidate.is_withdrawn())
        .map(|(index, _)| format!("-{}", index + 1))
        .collect();
    if !withdrawn.is_empty() {
        writeln!(out, "{}", withdrawn.join(" "))?;
    }
    let mut line = String::new();
    for ballot in election.ballots() {
        line.clear();
        line.push_str(&ballot.weight().to_string());
        for rank in ballot.ranks() {
            let numbers: Vec<String> = rank
                .candidates()
                .map(|c| (c.index() + 1).to_string())
                .collect();
            line.push(' ');
            line.push_str(&numbers.join("="));
        }
        line.push_str(" 0");
        writeln!(out, "{line}")?;
    }
    writeln!(out, "0")?;
    for candidate in candidates {
        writeln!(out, "\"{}\"", candidate.name().replace('"', "\"\""))?;
    }
    match election.title() {
        Some(title) => writeln!(out, "\"{}\"", title.replace('"', "\"\"")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_on_spaces_commas_and_equals() {
        let found = tokens(1, b"7 1=2, 3 0,").unwrap();
        let kinds: Vec<Token> = found.into_iter().map(|(_, token)| token).collect();
        assert_eq!(
            kinds,
            [
                Token::Number(7),
                Token::Number(1),
                Token::Equals,
                Token::Number(2),
                Token::Number(3),
                Token::Number(0)
            ]
        );
        assert!(tokens(1, b"1.5 1 0").is_err());
        assert!(tokens(1, b"99999999999999999999 1 0").is_err());
        assert!(tokens(1, b"2 1x 0").is_err());
    }
}

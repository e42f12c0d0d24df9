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

use super::{Lines, column};
use crate::election::{BuildError, ElectionBuilder, MAX_CANDIDATES};
use crate::{CandidateId, Election, ParseError};

/// A token of a BLT number line, with its byte offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token<'a> {
    Number(u64),
    Negative(u64),
    Equals,
    Dash,
    Label,
    Word(&'a [u8]),
}

/// Splits a number line into tokens; commas count as spaces.
fn tokens(line_no: usize, line: &[u8]) -> Result<Vec<(usize, Token<'_>)>, ParseError> {
    let mut found = Vec::new();
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
                Token::Word(&line[start..at])
            }
        };
        found.push((start, token));
    }
    Ok(found)
}

fn number(line: &[u8], at: &mut usize) -> Result<u64, String> {
    let start = *at;
    let mut value: u64 = 0;
    while *at < line.len() && line[*at].is_ascii_digit() {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(line[*at] - b'0')))
            .ok_or_else(|| "number too large".to_owned())?;
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
    let mut nicknames: HashMap<Vec<u8>, CandidateId> = HashMap::new();
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
        let found = tokens(line_no, line)?;
        let error = |offset: usize, message: String| {
            ParseError::new(line_no, column(line, offset), message)
        };
        match found.as_slice() {
            [(_, Token::Number(0))] => break,
            [(_, Token::Negative(_)), ..] if !seen_ballot => {
                for &(offset, token) in &found {
                    let Token::Negative(number) = token else {
                        return Err(error(
                            offset,
                            "expected a withdrawn candidate as a negative number".to_owned(),
                        ));
                    };
                    builder.withdraw(
                        candidate(number, n_candidates)
                            .map_err(|message| error(offset, message))?,
                    );
                }
            }
            _ => {
                seen_ballot = true;
                read_ballot(&found, n_candidates, &nicknames, &mut builder)
                    .map_err(|(offset, message)| error(offset, message))?;
            }
        }
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
    let found = tokens(line_no, line)?;
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
        [(offset, _), ..] => return Err(error(*offset, "expected a header `candidates seats`")),
        [] => return Err(error(0, "expected a header `candidates seats`")),
    };
    if n_candidates == 0 {
        return Err(error(0, "an election needs at least one candidate"));
    }
    if n_candidates > MAX_CANDIDATES as u64 {
        return Err(error(0, &format!("more than {MAX_CANDIDATES} candidates")));
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
    nicknames: &mut HashMap<Vec<u8>, CandidateId>,
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
            for (index, word) in words.into_iter().enumerate() {
                nicknames.insert(word.to_vec(), CandidateId::at(index));
            }
        }
        b"withdrawn" => {
            for word in words {
                let id = match nicknames.get(word) {
                    Some(&id) => id,
                    None => {
                        let text = std::str::from_utf8(word)
                            .ok()
                            .and_then(|t| t.parse::<u64>().ok());
                        let number = text.ok_or_else(|| {
                            let message =
                                format!("unknown candidate {:?}", String::from_utf8_lossy(word));
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

/// Adds the ballot of `found` (a ballot line's tokens); errors carry a byte offset.
fn read_ballot(
    found: &[(usize, Token<'_>)],
    n_candidates: usize,
    nicknames: &HashMap<Vec<u8>, CandidateId>,
    builder: &mut ElectionBuilder,
) -> Result<(), (usize, String)> {
    let mut tokens = found
        .iter()
        .copied()
        .skip_while(|(_, token)| *token == Token::Label)
        .peekable();
    let weight = match tokens.next() {
        Some((_, Token::Number(weight))) => weight,
        Some((offset, _)) => return Err((offset, "expected a ballot weight".to_owned())),
        None => return Err((0, "expected a ballot weight".to_owned())),
    };
    let mut tie_next = false;
    let mut closed = false;
    for (offset, token) in tokens {
        if closed {
            builder.discard_ballot();
            return Err((
                offset,
                "unexpected text after the ballot's closing 0".to_owned(),
            ));
        }
        let id = match token {
            Token::Number(0) => {
                closed = true;
                continue;
            }
            Token::Number(number) => candidate(number, n_candidates),
            Token::Word(word) => nicknames.get(word).copied().ok_or_else(|| {
                format!(
                    "expected a candidate number, found {:?}",
                    String::from_utf8_lossy(word)
                )
            }),
            Token::Equals => {
                tie_next = true;
                continue;
            }
            Token::Dash => {
                tie_next = false;
                continue;
            }
            Token::Negative(_) | Token::Label => Err("expected a candidate number".to_owned()),
        };
        let id = id.map_err(|message| {
            builder.discard_ballot();
            (offset, message)
        })?;
        if tie_next {
            builder.tie(id)
        } else {
            builder.rank(id)
        }
        tie_next = false;
    }
    builder
        .finish_ballot(weight)
        .map_err(|err: BuildError| (0, err.to_string()))
}

fn read_names<R: BufRead>(
    lines: &mut Lines<R>,
    n_candidates: usize,
    builder: &mut ElectionBuilder,
) -> Result<(), ParseError> {
    let mut rows: Vec<(usize, String)> = Vec::new();
    while let Some((line_no, line)) = lines.next_line()? {
        let text = String::from_utf8_lossy(line);
        if !text.trim().is_empty() {
            rows.push((line_no, text.into_owned()));
        }
    }
    // Names are one per line, as the Scottish files have them ("Name" "Party" on a line is
    // one candidate), unless every line is quoted strings only, some line holds several,
    // and they count exactly the candidates (and a title): then they are several to a line.
    let mut quoted: Option<Vec<(usize, String)>> = Some(Vec::new());
    for (line_no, row) in &rows {
        match (parse_quoted(row.trim()), quoted.as_mut()) {
            (Some(parts), Some(names)) if parts.iter().all(|part| part.quoted) => {
                names.extend(parts.into_iter().map(|part| (*line_no, part.text)));
            }
            _ => quoted = None,
        }
    }
    let names: Vec<(usize, String)> = match quoted {
        Some(quoted)
            if quoted.len() != rows.len()
                && (quoted.len() == n_candidates || quoted.len() == n_candidates + 1) =>
        {
            quoted
        }
        _ if rows.len() >= n_candidates => rows
            .into_iter()
            .map(|(line_no, row)| (line_no, display_name(&row)))
            .collect(),
        _ => {
            let line = rows.last().map_or(1, |(line_no, _)| *line_no);
            let message = format!(
                "expected {n_candidates} candidate names, found {}",
                rows.len()
            );
            return Err(ParseError::new(line, 1, message));
        }
    };
    if names.len() < n_candidates {
        let line = names.last().map_or(1, |(line_no, _)| *line_no);
        let message = format!(
            "expected {n_candidates} candidate names, found {}",
            names.len()
        );
        return Err(ParseError::new(line, 1, message));
    }
    if let Some((line_no, _)) = names.get(n_candidates + 1) {
        return Err(ParseError::new(
            *line_no,
            1,
            "unexpected text after the title",
        ));
    }
    for (index, (_, name)) in names.iter().take(n_candidates).enumerate() {
        builder.rename(CandidateId::at(index), name);
    }
    if let Some((_, title)) = names.get(n_candidates) {
        builder.set_title(title);
    }
    Ok(())
}

/// A piece of a name line: quoted text (with `""` read as `"`) or bare text.
#[derive(Debug, PartialEq, Eq)]
struct Part {
    text: String,
    quoted: bool,
}

/// Splits `text` into quoted and bare parts; `None` if a quote is not closed.
fn parse_quoted(text: &str) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&next) = chars.peek() {
        if next == '"' {
            chars.next();
            let mut quoted = String::new();
            loop {
                match chars.next()? {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        quoted.push('"');
                    }
                    '"' => break,
                    other => quoted.push(other),
                }
            }
            parts.push(Part {
                text: quoted,
                quoted: true,
            });
        } else {
            let mut bare = String::new();
            while let Some(&c) = chars.peek() {
                if c == '"' {
                    break;
                }
                bare.push(c);
                chars.next();
            }
            if !bare.trim().is_empty() {
                parts.push(Part {
                    text: bare.trim().to_owned(),
                    quoted: false,
                });
            }
        }
    }
    Some(parts)
}

/// The name a name line shows: quotes removed, a second quoted part read as a party in
/// parentheses, stray trailing commas dropped, runs of spaces made one.
fn display_name(line: &str) -> String {
    unquoted_name(line)
        .split_whitespace()
        .collect::<Vec<&str>>()
        .join(" ")
}

fn unquoted_name(line: &str) -> String {
    let text = line.trim().trim_end_matches(',').trim();
    if !text.starts_with('"') {
        return text.to_owned();
    }
    let Some(mut parts) = parse_quoted(text) else {
        return text.replace('"', "").trim().to_owned();
    };
    if let [only] = parts.as_slice() {
        if only.quoted && only.text.contains('"') {
            match parse_quoted(only.text.trim()) {
                Some(inner) => parts = inner,
                None => return only.text.replace('"', "").trim().to_owned(),
            }
        }
    }
    let mut name = String::new();
    for part in parts
        .iter()
        .map(|part| part.text.trim())
        .filter(|text| !text.is_empty())
    {
        if name.is_empty() {
            name.push_str(part);
        } else {
            name.push_str(&format!(" ({part})"));
        }
    }
    name
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
    fn names_of_published_files_read_cleanly() {
        assert_eq!(display_name("Yvonne ALLAN (Lab)"), "Yvonne ALLAN (Lab)");
        assert_eq!(
            display_name(r#""Brian ALLAN ""Alba Party for independence""""#),
            "Brian ALLAN (Alba Party for independence)"
        );
        assert_eq!(
            display_name(r#""""Kate CAMPBELL"" ""Scottish Conservative and Unionist""""#),
            "Kate CAMPBELL (Scottish Conservative and Unionist)"
        );
        assert_eq!(
            display_name(r#""Jamie COLE-HAMILTON" "Scottish Green Party""#),
            "Jamie COLE-HAMILTON (Scottish Green Party)"
        );
        assert_eq!(
            display_name(r#""""Ward 6 - Irvine Valley"" ""#),
            "Ward 6 - Irvine Valley"
        );
        assert_eq!(
            display_name(r#""Lab ""George ADAM"" ""#),
            "Lab (George ADAM)"
        );
        assert_eq!(display_name("Kathleen BAIRD,"), "Kathleen BAIRD");
        assert_eq!(
            display_name("Marion DONALDSON     (Lab)"),
            "Marion DONALDSON (Lab)"
        );
        assert_eq!(display_name(r#""unclosed"#), "unclosed");
    }

    #[test]
    fn tokens_split_on_spaces_commas_and_equals() {
        let found = tokens(1, b"7 1=2, 3 0,").unwrap();
        let kinds: Vec<Token<'_>> = found.into_iter().map(|(_, token)| token).collect();
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

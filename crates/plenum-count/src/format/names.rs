//! The name section of a BLT file: candidate names and the title, in the many shapes real
//! published files give them.

use std::collections::HashMap;
use std::io::BufRead;

use super::Lines;
use crate::election::ElectionBuilder;
use crate::{CandidateId, ParseError};

pub(super) fn read_names<R: BufRead>(
    lines: &mut Lines<R>,
    n_candidates: usize,
    builder: &mut ElectionBuilder,
) -> Result<(), ParseError> {
    // More than a name per candidate, a title and one line more is an error whatever they
    // hold, so no more are kept.
    let mut rows: Vec<(usize, String)> = Vec::new();
    while let Some((line_no, line)) = lines.next_line()? {
        let text = String::from_utf8_lossy(line);
        if !text.trim().is_empty() && rows.len() < n_candidates + 2 {
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
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (index, (line_no, name)) in names.iter().take(n_candidates).enumerate() {
        if name.is_empty() {
            let message = format!("expected the name of candidate {}, found none", index + 1);
            return Err(ParseError::new(*line_no, 1, message));
        }
        if let Some(first) = seen.insert(name, index + 1) {
            let message = format!(
                "candidates {first} and {} are both named {name:?}: \
                 every candidate needs a name of their own",
                index + 1
            );
            return Err(ParseError::new(*line_no, 1, message));
        }
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
    if let [only] = parts.as_slice()
        && only.quoted
        && only.text.contains('"')
    {
        match parse_quoted(only.text.trim()) {
            Some(inner) => parts = inner,
            None => return only.text.replace('"', "").trim().to_owned(),
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
}

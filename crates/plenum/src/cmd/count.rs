//! `plenum count`: count an election from a ballot file.
//!
//! Argument handling and printing only; reading, counting and reports live in `plenum-count`.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use plenum_count::format::{self, Format, MAX_LINE};
use plenum_count::{
    DEFAULT_SEED, Decimal, Election, Method, Options, ParseError, Quota, count, report,
};
use plenum_model::source::InputError;

use crate::failure::BadInput;

/// Arguments of `plenum count`.
#[derive(Debug, clap::Args)]
#[command(after_help = help_text())]
pub struct CountArgs {
    /// The ballot file (`-` for standard input).
    pub file: PathBuf,

    /// The counting method (listed below).
    #[arg(long, short, value_parser = parse_method, value_name = "METHOD")]
    pub method: Method,

    /// Seats to fill [default: the file's; single-winner methods fill one].
    #[arg(long)]
    pub seats: Option<usize>,

    /// The ballot format [default: detected from the content].
    #[arg(long, value_parser = parse_format, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Seed of the generator that draws lots where a rule breaks a tie by lot.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,

    /// Party lists: parties below this percentage of the valid votes win no seat.
    #[arg(long, value_parser = parse_decimal, value_name = "PERCENT")]
    pub threshold: Option<Decimal>,

    /// Largest remainder: the quota, `hare` or `droop` [default: hare].
    #[arg(long, value_parser = parse_quota)]
    pub quota: Option<Quota>,

    /// Sainte-Laguë: the first divisor, for example 1.4 for the modified method.
    #[arg(long, value_parser = parse_decimal, value_name = "DIVISOR")]
    pub first_divisor: Option<Decimal>,

    /// Approval: split each ballot's vote among its approvals (the same as `--method sav`).
    #[arg(long)]
    pub sav: bool,

    /// Also write the ballots read, merged, as BLT to this file.
    #[arg(long, value_name = "PATH")]
    pub write_blt: Option<PathBuf>,
}

fn help_text() -> String {
    let mut text = String::from("Methods:\n");
    for method in Method::ALL {
        text.push_str(&format!("  {:<18} {}\n", method.name(), method.summary()));
    }
    text.push_str("\nFormats (detected from the content; --format forces one):\n");
    for format in Format::ALL {
        text.push_str(&format!("  {:<18} {}\n", format.name(), format.summary()));
    }
    text.push_str(
        "\nA file whose first lines read as two formats is refused: give --format.\n\
         Options a method does not use (--threshold for STV, say) are refused, not ignored.\n\
         Ties that a rule breaks by lot use a seeded generator; the report prints the seed.\n\
         points: with N seats, each ballot gives its first choice N points, its second N-1,\n\
         and so on down to 1 (later choices nothing); the N with most points win, a tie for\n\
         the last seat by lot; equal ranks end a ballot.\n\
         The rules of each method are written down in docs/counting.md.",
    );
    text
}

fn parse_method(text: &str) -> Result<Method, String> {
    text.parse().map_err(|_| {
        let names: Vec<&str> = Method::ALL.iter().map(|method| method.name()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

fn parse_format(text: &str) -> Result<Format, String> {
    text.parse()
}

fn parse_decimal(text: &str) -> Result<Decimal, String> {
    text.parse()
}

fn parse_quota(text: &str) -> Result<Quota, String> {
    text.parse()
}

/// Runs `plenum count`.
pub fn run(args: &CountArgs, json: bool) -> anyhow::Result<ExitCode> {
    let method = match (args.sav, args.method) {
        (false, method) => method,
        (true, Method::Approval | Method::Sav) => Method::Sav,
        (true, method) => bail!("--sav applies to approval, not {method}"),
    };
    let election = read(args)?;
    let options = Options {
        seats: args.seats,
        seed: args.seed,
        threshold: args.threshold,
        quota: args.quota,
        first_divisor: args.first_divisor,
    };
    if let Some(path) = &args.write_blt {
        let seats = args.seats.or(election.seats()).unwrap_or(1);
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let mut out = BufWriter::new(file);
        format::write_blt(&election, seats, &mut out)
            .and_then(|()| out.flush())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let outcome = count(&election, method, &options)
        .map_err(|err| anyhow!("{}: {err}", args.file.display()))?;
    let printed = if json {
        report::json::to_string(&election, &outcome)
    } else {
        report::text(&election, &outcome)
    };
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(printed.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn read(args: &CountArgs) -> anyhow::Result<Election> {
    let path = &args.file;
    let result = if path.as_os_str() == "-" {
        format::read(io::stdin().lock(), args.format)
    } else {
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        format::read(BufReader::with_capacity(1 << 16, file), args.format)
    };
    result.map_err(|err| bad_input(path, err))
}

/// A reader's error, printed as `FILE:LINE:COLUMN: message` with the line marked below it
/// (read again from the file; standard input cannot be, and gets the first line only).
fn bad_input(path: &Path, err: ParseError) -> anyhow::Error {
    let located = || anyhow!("{}:{err}", path.display());
    if path.as_os_str() == "-" {
        return located();
    }
    let Ok(Some((before, line))) = lines_at(path, err.line) else {
        return located();
    };
    // The lines sit at their own line numbers of the text, so that the numbers shown are right.
    let mut text = "\n".repeat(err.line.saturating_sub(2));
    if err.line > 1 {
        text.push_str(&before);
        text.push('\n');
    }
    let offset = line
        .char_indices()
        .nth(err.column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    let start = text.len() + offset;
    let len = line[offset..].chars().next().map_or(0, char::len_utf8);
    text.push_str(&line);
    let error = InputError {
        line: err.line,
        column: err.column,
        span: start..start + len,
        message: err.message.clone(),
    };
    // The snippet starts with the message, wrapped to the report's width; the header line
    // says it unwrapped, so only the marked source is kept.
    let color = io::IsTerminal::is_terminal(&io::stderr());
    let snippet = BadInput::new(path, &text, error).snippet(color);
    let marked: Vec<&str> = snippet
        .lines()
        .skip_while(|line| !line.contains('╭'))
        .collect();
    if marked.is_empty() {
        return located();
    }
    anyhow!("{}:{err}\n{}", path.display(), marked.join("\n"))
}

/// Lines `number - 1` (empty for the first) and `number` of the file at `path`, each read to
/// at most [`MAX_LINE`] bytes.
fn lines_at(path: &Path, number: usize) -> io::Result<Option<(String, String)>> {
    let mut input = BufReader::new(File::open(path)?);
    let mut before = Vec::new();
    let mut line = Vec::new();
    for _ in 0..number {
        std::mem::swap(&mut before, &mut line);
        line.clear();
        if (&mut input)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut line)?
            == 0
        {
            return Ok(None);
        }
        if line.last() != Some(&b'\n') {
            // The rest of an overlong line is not shown.
            input.skip_until(b'\n')?;
        }
    }
    let text = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes);
        let text = text.trim_start_matches('\u{feff}');
        text.trim_end_matches(['\n', '\r']).to_owned()
    };
    Ok(Some((text(&before), text(&line))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statute's `counting = { method }` names methods of `plenum count`: each one
    /// the model knows parses here to the method of the same name.
    #[test]
    fn the_statute_s_counting_methods_are_methods_of_plenum_count() {
        for method in plenum_model::statute::CountingMethod::ALL {
            let parsed = parse_method(method.name()).expect("a method of plenum count");
            assert_eq!(parsed.name(), method.name());
        }
    }
}

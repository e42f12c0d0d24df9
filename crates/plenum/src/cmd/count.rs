//! `plenum count`: count an election from a ballot file.
//!
//! Argument handling and printing only; reading, counting and reports live in `plenum-count`.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow, bail};
use plenum_count::format::{self, Format};
use plenum_count::{DEFAULT_SEED, Decimal, Election, Method, Options, Quota, count, report};

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

    /// Largest remainder: the quota, `hare` or `droop`.
    #[arg(long, value_parser = parse_quota, default_value = "hare")]
    pub quota: Quota,

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
        "\nTies that a rule breaks by lot use a seeded generator; the report prints the seed.\n\
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
    result.map_err(|err| anyhow!("{}:{err}", path.display()))
}

//! Writes a synthetic STV election as BLT, for benchmarks: by default 1,000,000 ballots,
//! 20 candidates, 5 seats.
//!
//! The model is skewed and truncated, like real preference elections: candidates belong to
//! four parties of unequal size and have unequal personal appeal; each voter leans to one
//! party, ranks candidates by a Plackett–Luce draw (each next preference chosen with
//! probability proportional to appeal, times four for the voter's party), and stops after a
//! geometric number of preferences (mean about 3.4, at least 1). Ballots are written one per
//! line, unmerged, with a `[nick ...]` line so that stv-rs can read the same file.
//!
//! ```text
//! plenum-gen-ballots [--ballots N] [--candidates N] [--seats N] [--seed N] [--out FILE]
//! ```

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// SplitMix64: small, fast, and plenty for drawing synthetic ballots.
struct Draw(u64);

impl Draw {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

struct Config {
    ballots: u64,
    candidates: usize,
    seats: usize,
    seed: u64,
    out: Option<String>,
}

fn parse_args() -> Result<Config, String> {
    let mut config = Config {
        ballots: 1_000_000,
        candidates: 20,
        seats: 5,
        seed: 2024,
        out: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--ballots" => {
                config.ballots = value()?
                    .parse()
                    .map_err(|_| "--ballots: expected a number")?
            }
            "--candidates" => {
                config.candidates = value()?
                    .parse()
                    .map_err(|_| "--candidates: expected a number")?
            }
            "--seats" => {
                config.seats = value()?.parse().map_err(|_| "--seats: expected a number")?
            }
            "--seed" => config.seed = value()?.parse().map_err(|_| "--seed: expected a number")?,
            "--out" => config.out = Some(value()?),
            "-h" | "--help" => {
                return Err(
                    "usage: plenum-gen-ballots [--ballots N] [--candidates N] [--seats N] [--seed N] [--out FILE]"
                        .to_owned(),
                );
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if config.candidates == 0
        || config.candidates > 1000
        || config.seats == 0
        || config.seats > config.candidates
    {
        return Err("need 1 to 1000 candidates and 1 to that many seats".to_owned());
    }
    Ok(config)
}

fn generate(config: &Config, out: &mut impl Write) -> io::Result<()> {
    let mut draw = Draw(config.seed);
    let n = config.candidates;
    // Four parties of unequal size; candidates dealt round-robin; appeal falls with list place.
    let party_share = [40u64, 30, 20, 10];
    let party_of: Vec<usize> = (0..n).map(|c| c % party_share.len()).collect();
    let appeal: Vec<u64> = (0..n)
        .map(|c| 1000 / (1 + c as u64 / 2) + draw.below(200))
        .collect();
    let share_total: u64 = party_share.iter().sum();
    writeln!(out, "{n} {}", config.seats)?;
    let nicks: Vec<String> = (1..=n).map(|c| format!("c{c}")).collect();
    writeln!(out, "[nick {}]", nicks.join(" "))?;
    let mut weights = vec![0u64; n];
    let mut line = String::with_capacity(128);
    for _ in 0..config.ballots {
        let mut pick = draw.below(share_total);
        let party = party_share
            .iter()
            .position(|&share| {
                let here = pick < share;
                pick = pick.saturating_sub(share);
                here
            })
            .unwrap_or(0);
        for c in 0..n {
            weights[c] = appeal[c] * if party_of[c] == party { 4 } else { 1 };
        }
        let mut length = 1;
        while length < n && draw.below(100) < 71 {
            length += 1;
        }
        line.clear();
        line.push('1');
        let mut left: u64 = weights.iter().sum();
        for _ in 0..length {
            let mut point = draw.below(left);
            let chosen = weights
                .iter()
                .position(|&weight| {
                    let here = point < weight;
                    point = point.saturating_sub(weight);
                    here
                })
                .unwrap_or(0);
            left -= weights[chosen];
            weights[chosen] = 0;
            line.push(' ');
            line.push_str(&nicks[chosen]);
        }
        line.push_str(" 0\n");
        out.write_all(line.as_bytes())?;
    }
    writeln!(out, "0")?;
    for c in 1..=n {
        writeln!(out, "\"Candidate {c}\"")?;
    }
    writeln!(
        out,
        "\"Synthetic election, {} ballots, seed {}\"",
        config.ballots, config.seed
    )
}

fn main() -> ExitCode {
    let config = match parse_args() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("plenum-gen-ballots: {message}");
            return ExitCode::from(2);
        }
    };
    let result = match &config.out {
        Some(path) => File::create(path).and_then(|file| {
            let mut out = BufWriter::new(file);
            generate(&config, &mut out).and_then(|()| out.flush())
        }),
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            generate(&config, &mut out).and_then(|()| out.flush())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("plenum-gen-ballots: {err}");
            ExitCode::from(2)
        }
    }
}

//! Meek STV against an independent implementation: the `meek` mode of stv-rs 0.5.1
//! (`cargo install stv-rs --version 0.5.1`), run on random elections; the winners must agree.
//!
//! stv-rs is found as `$STV_RS` or `stv-rs` on `PATH`. Without it the test fails, unless
//! `PLENUM_SKIP_DIFFERENTIAL=1` is set. Elections where either side had to break a tie are
//! not compared (stv-rs breaks ties by candidate order, Algorithm 123 by lot).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use plenum_count::{ElectionBuilder, Method, Options, count};

/// SplitMix64, enough to draw test elections.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct RandomElection {
    n_candidates: usize,
    seats: usize,
    ballots: Vec<(u64, Vec<usize>)>,
}

/// Ballots from a skewed model: candidates have unequal popularity, rankings are truncated.
fn random_election(seed: u64) -> RandomElection {
    let mut draw = Draw(seed);
    let n_candidates = 3 + draw.below(8) as usize;
    let seats = 1 + draw.below(n_candidates as u64 - 1) as usize;
    let popularity: Vec<u64> = (0..n_candidates).map(|_| 1 + draw.below(100)).collect();
    let n_ballots = 20 + draw.below(300);
    let ballots = (0..n_ballots)
        .map(|_| {
            let mut left: Vec<usize> = (0..n_candidates).collect();
            let length = 1 + draw.below(n_candidates as u64) as usize;
            let mut ranking = Vec::with_capacity(length);
            for _ in 0..length {
                let total: u64 = left.iter().map(|&c| popularity[c]).sum();
                let mut pick = draw.below(total);
                let position = left
                    .iter()
                    .position(|&c| {
                        if pick < popularity[c] {
                            return true;
                        }
                        pick -= popularity[c];
                        false
                    })
                    .unwrap_or(0);
                ranking.push(left.remove(position));
            }
            (1 + draw.below(40), ranking)
        })
        .collect();
    RandomElection {
        n_candidates,
        seats,
        ballots,
    }
}

/// The election as stv-rs reads it: BLT with a `[nick ...]` line and nicknames in ballots.
fn stv_rs_input(election: &RandomElection) -> String {
    let mut text = format!("{} {}\n[nick", election.n_candidates, election.seats);
    for c in 0..election.n_candidates {
        write!(text, " c{c}").unwrap_or_default();
    }
    text.push_str("]\n");
    for (weight, ranking) in &election.ballots {
        write!(text, "{weight}").unwrap_or_default();
        for c in ranking {
            write!(text, " c{c}").unwrap_or_default();
        }
        text.push_str(" 0\n");
    }
    text.push_str("0\n");
    for c in 0..election.n_candidates {
        writeln!(text, "\"C{c}\"").unwrap_or_default();
    }
    text.push_str("\"random\"\n");
    text
}

fn stv_rs() -> Option<PathBuf> {
    if let Some(path) = env::var_os("STV_RS") {
        return Some(PathBuf::from(path));
    }
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join("stv-rs"))
        .find(|path| path.is_file())
}

/// The winners stv-rs reports in its final "Count Complete" block.
fn stv_rs_winners(binary: &PathBuf, input: &str, file: &PathBuf) -> Vec<usize> {
    fs::write(file, input).expect("the temporary file is writable");
    let output = Command::new(binary)
        .args(["--arithmetic", "fixed9", "--input"])
        .arg(file)
        .args(["meek", "--parallel", "no"])
        .output()
        .expect("stv-rs runs");
    assert!(
        output.status.success(),
        "stv-rs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let complete = stdout.rsplit("Action: Count Complete").next().unwrap_or("");
    let mut winners: Vec<usize> = complete
        .lines()
        .filter_map(|line| line.trim().strip_prefix("Elected:"))
        .filter_map(|rest| rest.trim().split(' ').next())
        .filter_map(|name| name.strip_prefix('C')?.parse().ok())
        .collect();
    winners.sort_unstable();
    winners
}

#[test]
fn meek_elects_the_same_candidates_as_stv_rs() {
    let Some(binary) = stv_rs() else {
        if env::var("PLENUM_SKIP_DIFFERENTIAL").is_ok_and(|value| value == "1") {
            println!("skipped: stv-rs not found and PLENUM_SKIP_DIFFERENTIAL=1");
            return;
        }
        panic!(
            "stv-rs not found: install it with `cargo install stv-rs --version 0.5.1` \
             (or set STV_RS to its path); set PLENUM_SKIP_DIFFERENTIAL=1 to skip this test"
        );
    };
    let file = env::temp_dir().join(format!(
        "plenum-count-differential-{}.blt",
        std::process::id()
    ));
    let mut compared = 0;
    let mut different = Vec::new();
    for seed in 0..200 {
        let random = random_election(seed);
        let mut builder = ElectionBuilder::new();
        for c in 0..random.n_candidates {
            builder
                .add_candidate(&format!("C{c}"))
                .expect("few candidates");
        }
        builder.set_seats(random.seats);
        for (weight, ranking) in &random.ballots {
            for &c in ranking {
                builder.rank(plenum_count::CandidateId::new(c).expect("small index"));
            }
            builder.finish_ballot(*weight).expect("small weights");
        }
        let election = builder.build();
        let outcome =
            count(&election, Method::Meek, &Options::default()).expect("the election counts");
        if !outcome.ties.is_empty() {
            continue;
        }
        let mut ours: Vec<usize> = outcome.elected.iter().map(|c| c.index()).collect();
        ours.sort_unstable();
        let theirs = stv_rs_winners(&binary, &stv_rs_input(&random), &file);
        compared += 1;
        if ours != theirs {
            different.push(format!("seed {seed}: plenum {ours:?}, stv-rs {theirs:?}"));
        }
    }
    let _ = fs::remove_file(&file);
    println!("compared {compared} of 200 random elections with stv-rs");
    assert!(
        compared >= 150,
        "only {compared} of 200 elections were free of ties"
    );
    assert!(
        different.is_empty(),
        "winners differ:\n{}",
        different.join("\n")
    );
}

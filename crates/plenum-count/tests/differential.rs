//! Meek STV against an independent implementation: the `meek` mode of stv-rs 0.5.1
//! (`cargo install stv-rs --version 0.5.1`), run on random elections; the winners must agree.
//!
//! stv-rs is found as `$STV_RS` or `stv-rs` on `PATH` (the README's test command installs
//! it). Without it the test fails: it never passes by skipping. Elections where either side
//! had to break a tie are not compared (stv-rs breaks ties by candidate order, Algorithm 123
//! by lot).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use plenum_count::{Election, ElectionBuilder, Method, Options, count, format};

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

/// The election as stv-rs reads it: BLT with a `[nick ...]` line and nicknames in ballots,
/// candidates named `C0`, `C1`, ... so that its report can be read back.
fn stv_rs_input(election: &Election) -> String {
    let n = election.candidates().len();
    let seats = election.seats().unwrap_or(1);
    let mut text = format!("{n} {seats}\n[nick");
    for c in 0..n {
        write!(text, " c{c}").unwrap_or_default();
    }
    text.push_str("]\n");
    for ballot in election.ballots() {
        write!(text, "{}", ballot.weight()).unwrap_or_default();
        for c in ballot.candidates() {
            write!(text, " c{}", c.index()).unwrap_or_default();
        }
        text.push_str(" 0\n");
    }
    text.push_str("0\n");
    for c in 0..n {
        writeln!(text, "\"C{c}\"").unwrap_or_default();
    }
    text.push_str("\"differential\"\n");
    text
}

/// The stv-rs binary; the test fails without it.
fn stv_rs_or_fail() -> PathBuf {
    stv_rs().unwrap_or_else(|| {
        panic!(
            "stv-rs not found: install it with `cargo install stv-rs --version 0.5.1 --locked` \
             (or set STV_RS to its path)"
        )
    })
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
fn meek_elects_the_same_candidates_as_stv_rs_on_random_elections() {
    let binary = stv_rs_or_fail();
    let file = env::temp_dir().join(format!(
        "plenum-count-differential-random-{}.blt",
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
        let theirs = stv_rs_winners(&binary, &stv_rs_input(&election), &file);
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

/// The same on the 114 real Scottish wards of `test_data/scotland`.
#[test]
fn meek_elects_the_same_candidates_as_stv_rs_on_real_wards() {
    let binary = stv_rs_or_fail();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/scotland");
    let file = env::temp_dir().join(format!(
        "plenum-count-differential-wards-{}.blt",
        std::process::id()
    ));
    let list = fs::read_to_string(root.join("expected.tsv")).expect("expected.tsv is readable");
    let mut compared = 0;
    let mut different = Vec::new();
    for ward in list
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
    {
        let text = fs::read(root.join(ward)).expect("the ward is readable");
        let election = format::read(text.as_slice(), None).expect("the ward reads");
        let outcome = count(&election, Method::Meek, &Options::default()).expect("the ward counts");
        if !outcome.ties.is_empty() {
            continue;
        }
        let mut ours: Vec<usize> = outcome.elected.iter().map(|c| c.index()).collect();
        ours.sort_unstable();
        let theirs = stv_rs_winners(&binary, &stv_rs_input(&election), &file);
        compared += 1;
        if ours != theirs {
            different.push(format!("{ward}: plenum {ours:?}, stv-rs {theirs:?}"));
        }
    }
    let _ = fs::remove_file(&file);
    assert!(compared >= 100, "only {compared} wards were free of ties");
    assert!(
        different.is_empty(),
        "winners differ:\n{}",
        different.join("\n")
    );
}

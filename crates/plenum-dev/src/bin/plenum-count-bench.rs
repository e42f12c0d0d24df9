//! Times counting a ballot file from file to result, with peak memory, for Meek, Scottish STV,
//! instant-runoff and Schulze, beside stv-rs's Meek on the same file, and checks that the
//! Meek winners agree.
//!
//! ```text
//! plenum-count-bench FILE [--runs N] [--stv-rs PATH|none]
//! ```
//!
//! Every run is a fresh child process (this binary with `--one METHOD FILE`), so that its
//! peak memory (`VmHWM` of `/proc/self/status`) is its own; the child times the open, read,
//! merge and count itself. stv-rs is timed from outside (its wall time), with its peak memory
//! from `/usr/bin/time` when that exists. The report gives the median, minimum and maximum
//! of the runs.

use std::fs::{self, File};
use std::io::BufReader;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

use plenum_count::{Method, Options, count, format};

const METHODS: [Method; 4] = [Method::Meek, Method::Scottish, Method::Irv, Method::Schulze];

/// One run: seconds from file to result, peak memory in kB, the winners' names.
struct Run {
    seconds: f64,
    peak_kb: Option<u64>,
    winners: Vec<String>,
}

fn peak_kb() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The child: counts `file` by `method` once and prints `seconds peak_kb winner|winner|...`.
fn one(method: &str, file: &str) -> Result<(), String> {
    let method: Method = method.parse().map_err(|err| format!("{err}"))?;
    let start = Instant::now();
    let input = File::open(file).map_err(|err| format!("{file}: {err}"))?;
    let election = format::read(BufReader::with_capacity(1 << 16, input), None)
        .map_err(|err| format!("{file}:{err}"))?;
    let outcome = count(&election, method, &Options::default()).map_err(|err| err.to_string())?;
    let seconds = start.elapsed().as_secs_f64();
    let mut winners: Vec<&str> = outcome
        .elected
        .iter()
        .map(|&c| election.candidate(c).name())
        .collect();
    winners.sort_unstable();
    println!(
        "{seconds:.6} {} {}",
        peak_kb().unwrap_or(0),
        winners.join("|")
    );
    Ok(())
}

fn run_child(method: Method, file: &str) -> Result<Run, String> {
    let me = std::env::current_exe().map_err(|err| err.to_string())?;
    let output = Command::new(me)
        .args(["--one", method.name(), file])
        .output()
        .map_err(|err| err.to_string())?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut fields = text.trim().splitn(3, ' ');
    let seconds = fields
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or("bad child output")?;
    let peak_kb = fields
        .next()
        .and_then(|s| s.parse().ok())
        .filter(|&kb| kb > 0);
    let winners = fields
        .next()
        .unwrap_or("")
        .split('|')
        .map(str::to_owned)
        .collect();
    Ok(Run {
        seconds,
        peak_kb,
        winners,
    })
}

fn run_stv_rs(binary: &str, file: &str) -> Result<Run, String> {
    let time = Path::new("/usr/bin/time");
    let start = Instant::now();
    let mut command = if time.exists() {
        let mut command = Command::new(time);
        command.args(["-f", "%M", binary]);
        command
    } else {
        Command::new(binary)
    };
    let output = command
        .args([
            "--arithmetic",
            "fixed9",
            "--input",
            file,
            "meek",
            "--parallel",
            "no",
        ])
        .output()
        .map_err(|err| format!("{binary}: {err}"))?;
    let seconds = start.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let peak_kb = time
        .exists()
        .then(|| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .last()?
                .trim()
                .parse()
                .ok()
        })
        .flatten();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let complete = stdout.rsplit("Action: Count Complete").next().unwrap_or("");
    let mut winners: Vec<String> = complete
        .lines()
        .filter_map(|line| line.trim().strip_prefix("Elected:"))
        .filter_map(|rest| {
            rest.trim()
                .rsplit_once(" (")
                .map(|(name, _)| name.trim().to_owned())
        })
        .collect();
    winners.sort_unstable();
    Ok(Run {
        seconds,
        peak_kb,
        winners,
    })
}

struct Summary {
    median: f64,
    min: f64,
    max: f64,
    peak_kb: Option<u64>,
    winners: Vec<String>,
}

fn summarize(mut runs: Vec<Run>) -> Summary {
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    let median = if runs.len() % 2 == 1 {
        runs[runs.len() / 2].seconds
    } else {
        (runs[runs.len() / 2 - 1].seconds + runs[runs.len() / 2].seconds) / 2.0
    };
    Summary {
        median,
        min: runs.first().map_or(0.0, |run| run.seconds),
        max: runs.last().map_or(0.0, |run| run.seconds),
        peak_kb: runs.iter().filter_map(|run| run.peak_kb).max(),
        winners: runs
            .first()
            .map(|run| run.winners.clone())
            .unwrap_or_default(),
    }
}

fn bench(file: &str, runs: usize, stv_rs: Option<&str>) -> Result<bool, String> {
    let size = fs::metadata(file)
        .map_err(|err| format!("{file}: {err}"))?
        .len();
    println!(
        "file {file}: {:.1} MB, {runs} runs each, medians\n",
        size as f64 / 1e6
    );
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>10} {:>9}  winners",
        "counter", "median s", "min s", "max s", "peak MB", "peak/file"
    );
    let line = |name: &str, summary: &Summary| {
        let peak = summary
            .peak_kb
            .map_or("-".to_owned(), |kb| format!("{:.1}", kb as f64 / 1e3));
        let ratio = summary.peak_kb.map_or("-".to_owned(), |kb| {
            format!("{:.2}", kb as f64 * 1e3 / size as f64)
        });
        println!(
            "{name:<22} {:>9.3} {:>9.3} {:>9.3} {peak:>10} {ratio:>9}  {}",
            summary.median,
            summary.min,
            summary.max,
            summary.winners.join(", ")
        );
    };
    let mut meek = None;
    for method in METHODS {
        let results = (0..runs)
            .map(|_| run_child(method, file))
            .collect::<Result<Vec<Run>, String>>()?;
        let summary = summarize(results);
        line(&format!("plenum {}", method.name()), &summary);
        if method == Method::Meek {
            meek = Some(summary);
        }
    }
    let Some(binary) = stv_rs else {
        return Ok(true);
    };
    let results = (0..runs)
        .map(|_| run_stv_rs(binary, file))
        .collect::<Result<Vec<Run>, String>>()?;
    let theirs = summarize(results);
    line("stv-rs meek (fixed9)", &theirs);
    let Some(ours) = meek else { return Ok(true) };
    let same = ours.winners == theirs.winners;
    println!(
        "\nmeek: plenum is {:.1}x faster than stv-rs; winners {}",
        theirs.median / ours.median,
        if same { "agree" } else { "DIFFER" }
    );
    Ok(same)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, method, file] = args.as_slice()
        && flag == "--one"
    {
        return match one(method, file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("plenum-count-bench: {message}");
                ExitCode::from(2)
            }
        };
    }
    let mut file = None;
    let mut runs = 5;
    let mut stv_rs = Some("stv-rs".to_owned());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--runs" => {
                runs = rest
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(runs)
                    .max(1)
            }
            "--stv-rs" => stv_rs = rest.next().filter(|path| path.as_str() != "none").cloned(),
            other => file = Some(other.to_owned()),
        }
    }
    let Some(file) = file else {
        eprintln!("usage: plenum-count-bench FILE [--runs N] [--stv-rs PATH|none]");
        return ExitCode::from(2);
    };
    match bench(&file, runs, stv_rs.as_deref()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("plenum-count-bench: {message}");
            ExitCode::from(2)
        }
    }
}

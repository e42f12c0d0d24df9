//! `plenum count` from the command line: every method reachable, the JSON report, the
//! formats, the options, and errors with file, line and column.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::Env;

/// A file of plenum-count's test data.
fn ballots(relative: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../plenum-count/test_data")
        .join(relative);
    path.to_str().expect("a UTF-8 path").to_owned()
}

const LEITH_WALK: &str = "scotland/10_cands/edinburgh_2015_by_election_leith_walk.blt";

fn names(list: &Value) -> Vec<&str> {
    list.as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_str().expect("a name"))
        .collect()
}

#[test]
fn scottish_result_sheet() {
    let env = Env::new();
    let out = env.stdout(&["count", &ballots(LEITH_WALK), "--method", "scottish"]);
    assert!(
        out.starts_with(
            "Single transferable vote, Scottish local government rules 2007: Leith Walk Ward"
        ),
        "{out}"
    );
    assert!(out.contains("quota 2109.00000"), "{out}");
    assert!(out.contains("seed 0"), "{out}");
    assert!(out.contains("Non-transferable"), "{out}");
    assert!(out.contains("Residue (rounding)"), "{out}");
    assert!(
        out.contains("  1. John Lewis RITCHIE (SNP)\n  2. Marion DONALDSON (Lab)\n"),
        "{out}"
    );
}

#[test]
fn json_report_has_the_documented_members() {
    let env = Env::new();
    let report = env.json(&["count", &ballots(LEITH_WALK), "--method", "meek"]);
    assert_eq!(report["format"], 1);
    assert_eq!(report["method"], "meek");
    assert_eq!(report["seats"], 2);
    assert_eq!(report["seed"], 0);
    assert_eq!(names(&report["elected"]).len(), 2);
    assert_eq!(
        report["elected_positions"].as_array().map(Vec::len),
        Some(2)
    );
    let stages = report["stages"].as_array().expect("stages");
    assert!(stages.len() > 1);
    let candidates = report["candidates"].as_array().expect("candidates").len();
    for stage in stages {
        assert_eq!(stage["votes"].as_array().map(Vec::len), Some(candidates));
        assert_eq!(stage["keep"].as_array().map(Vec::len), Some(candidates));
        assert!(stage["quota"].is_string(), "exact decimals are strings");
    }
}

#[test]
fn global_json_flag_goes_before_or_after() {
    let env = Env::new();
    let before = env.stdout(&["--json", "count", &ballots(LEITH_WALK), "--method", "irv"]);
    let after = env.stdout(&["count", &ballots(LEITH_WALK), "--method", "irv", "--json"]);
    assert_eq!(before, after);
    let report: Value = serde_json::from_str(&before).expect("JSON");
    assert_eq!(report["method"], "irv");
}

#[test]
fn burlington_2009_by_instant_runoff() {
    let env = Env::new();
    let report = env.json(&[
        "count",
        &ballots("burlington-2009-mayor.csv"),
        "--method",
        "irv",
    ]);
    assert_eq!(names(&report["elected"]), ["Bob Kiss"]);
}

#[test]
fn every_method_runs_from_the_command_line() {
    let env = Env::new();
    for method in [
        "plurality",
        "two-round",
        "irv",
        "schulze",
        "ranked-pairs",
        "block",
        "approval",
        "sav",
        "scottish",
        "meek",
        "ers97",
        "dhondt",
        "sainte-lague",
        "largest-remainder",
    ] {
        let report = env.json(&["count", &ballots(LEITH_WALK), "--method", method]);
        assert_eq!(report["method"], method);
        assert!(!names(&report["elected"]).is_empty(), "{method}");
    }
}

#[test]
fn help_lists_methods_and_formats() {
    let env = Env::new();
    let help = env.stdout(&["count", "--help"]);
    for word in [
        "scottish",
        "meek",
        "ers97",
        "largest-remainder",
        "blt",
        "long-csv",
        "votes-csv",
        "approval-csv",
        "--seed",
    ] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
}

#[test]
fn party_list_options() {
    let env = Env::new();
    let file = ballots("dhondt/wikipedia.csv");
    let dhondt = env.json(&["count", &file, "--method", "dhondt", "--seats", "8"]);
    assert_eq!(dhondt["seats_won"], serde_json::json!([4, 3, 1, 0]));
    let barred = env.json(&[
        "count",
        &file,
        "--method",
        "sainte-lague",
        "--seats",
        "8",
        "--threshold",
        "10%",
    ]);
    assert_eq!(barred["seats_won"][3], 0);
    let modified = env.json(&[
        "count",
        &file,
        "--method",
        "sainte-lague",
        "--seats",
        "8",
        "--first-divisor",
        "1.4",
    ]);
    assert_eq!(modified["method"], "sainte-lague");
    let droop = env.json(&[
        "count",
        &file,
        "--method",
        "largest-remainder",
        "--seats",
        "8",
        "--quota",
        "droop",
    ]);
    assert_eq!(droop["stages"][0]["quota"], "25556.00");
}

#[test]
fn sav_flag_switches_approval_to_satisfaction() {
    let env = Env::new();
    let file = env.dir.path().join("approvals.csv");
    std::fs::write(&file, "Ann,Bob,Cy\nx,x,\nx,x,\n,,x\n").expect("write");
    let file = file.to_str().expect("UTF-8");
    let report = env.json(&[
        "count", file, "--method", "approval", "--seats", "1", "--sav",
    ]);
    assert_eq!(report["method"], "sav");
    let failed = env
        .plenum()
        .args(["count", file, "--method", "irv", "--sav"])
        .output()
        .expect("run");
    assert_eq!(failed.status.code(), Some(2));
}

#[test]
fn seeds_decide_lots_and_are_reported() {
    let env = Env::new();
    let file = env.dir.path().join("tied.blt");
    std::fs::write(&file, "4 1\n1 1 0\n1 2 0\n1 3 0\n1 4 0\n0\nA\nB\nC\nD\n").expect("write");
    let file = file.to_str().expect("UTF-8");
    let mut winners = std::collections::BTreeSet::new();
    for seed in 0..12 {
        let seed = seed.to_string();
        let first = env.json(&["count", file, "--method", "scottish", "--seed", &seed]);
        let again = env.json(&["count", file, "--method", "scottish", "--seed", &seed]);
        assert_eq!(first, again, "the same seed draws the same lots");
        assert_eq!(first["seed"].to_string(), seed);
        assert!(
            first["ties"]
                .as_array()
                .is_some_and(|ties| ties.iter().any(|tie| tie["by"] == "lot"))
        );
        winners.insert(first["elected"][0].to_string());
    }
    assert!(winners.len() > 1, "the seed never changed the lot");
}

#[test]
fn bad_ballots_name_file_line_and_column_and_show_the_line() {
    let env = Env::new();
    let file = env.dir.path().join("bad.blt");
    std::fs::write(&file, "3 1\n2 1 x 0\n0\nA\nB\nC\n").expect("write");
    let out = env
        .plenum()
        .args(["count"])
        .arg(&file)
        .args(["--method", "irv"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "plenum: {path}:2:5: expected a candidate number, found \"x\"\n   ╭─[{path}:2:5]\n 1 │ 3 1\n 2 │ 2 1 x 0\n   ·     ┬\n   ·     ╰── here\n   ╰────\n",
        path = file.display()
    );
    assert_eq!(stderr, expected);
}

/// A bad mark at column 70,001 of a long line: the line is shown clipped around it (miette
/// cannot mark a place past column 65,535).
#[test]
fn errors_far_along_a_long_line_show_it_clipped() {
    let env = Env::new();
    let file = env.dir.path().join("long.blt");
    let ballot = format!("1 {}x 0", "1 ".repeat(34_999));
    std::fs::write(&file, format!("3 1\n{ballot}\n0\nA\nB\nC\n")).expect("write");
    let out = env
        .plenum()
        .arg("count")
        .arg(&file)
        .args(["--method", "irv"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "plenum: {}:2:70001: expected a candidate number, found \"x\"\n",
            file.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("╭─[{}:2:70001]", file.display())),
        "{stderr}"
    );
    assert!(stderr.contains(" 2 │ … 1 1 1"), "{stderr}");
    assert!(stderr.contains("x 0"), "{stderr}");
    assert!(
        stderr.lines().all(|line| line.chars().count() < 200),
        "{stderr}"
    );
}

/// Issue 8, item 1: an approval file whose first ballot is blank elects A (A 3, B 2, C 2,
/// 5 valid), as the reference and votelib do, and not a candidate named "weight" or "1".
#[test]
fn approval_file_with_a_blank_first_ballot() {
    let env = Env::new();
    for (name, text) in [
        ("weighted.csv", "weight,A,B,C\n5,,,\n3,1,,\n2,,1,1\n"),
        ("plain.csv", "A,B,C\n,,\n1,,\n1,,\n1,,\n,1,1\n,1,1\n"),
    ] {
        let file = env.dir.path().join(name);
        std::fs::write(&file, text).expect("write");
        let file = file.to_str().expect("UTF-8");
        let report = env.json(&["count", file, "--method", "approval", "--seats", "1"]);
        let candidates: Vec<&Value> = report["candidates"]
            .as_array()
            .expect("candidates")
            .iter()
            .map(|c| &c["name"])
            .collect();
        assert_eq!(candidates, ["A", "B", "C"], "{name}");
        assert_eq!(names(&report["elected"]), ["A"], "{name}");
        assert_eq!(report["valid"], 5, "{name}");
        assert_eq!(
            report["stages"][0]["votes"],
            serde_json::json!(["3", "2", "2"])
        );
    }
}

/// A file that reads as two formats is refused, naming the `--format` choices; with
/// `--format` it reads.
#[test]
fn ambiguous_files_ask_for_a_format() {
    let env = Env::new();
    let file = env.dir.path().join("names.csv");
    std::fs::write(&file, "A,B,C\n").expect("write");
    let out = env
        .plenum()
        .arg("count")
        .arg(&file)
        .args(["--method", "plurality"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("say which with --format approval-csv or --format ranked-csv"),
        "{stderr}"
    );
    let file = file.to_str().expect("UTF-8");
    let report = env.json(&[
        "count",
        file,
        "--method",
        "plurality",
        "--format",
        "ranked-csv",
    ]);
    assert_eq!(names(&report["elected"]), ["A"]);
}

/// Issue 8, item 2: two-round by the documented equal-ranking rule: 9 valid, 2 invalid, the
/// run-off B 5 to A 4.
#[test]
fn two_round_never_counts_invalid_ballots() {
    let env = Env::new();
    let file = env.dir.path().join("equal.blt");
    std::fs::write(
        &file,
        "3 1\n4 1 0\n3 2 0\n2 3 2 0\n2 3=1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n",
    )
    .expect("write");
    let file = file.to_str().expect("UTF-8");
    let report = env.json(&["count", file, "--method", "two-round"]);
    assert_eq!(
        (report["valid"].clone(), report["invalid"].clone()),
        (9.into(), 2.into())
    );
    assert_eq!(
        report["stages"][1]["votes"],
        serde_json::json!(["4", "5", "0"])
    );
    assert_eq!(names(&report["elected"]), ["B"]);
}

/// Issue 8, items 5, 19 and 20: what the command refuses, and how it says so.
#[test]
fn refusals_say_what_was_expected() {
    let env = Env::new();
    let write = |name: &str, text: &str| {
        let path = env.dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("UTF-8").to_owned()
    };
    let words = write("words.blt", "three one\n1 1 0\n0\nA\n");
    let huge = write("huge.blt", "3 1000000000000\n1 1 0\n0\nA\nB\nC\n");
    let twice = write("twice.blt", "2 1\n1 1 0\n0\n\"A\"\n\"A\"\n");
    let long = write("long.csv", "ballot_id,rank,choice,precinct\n1,1,A,P\n");
    let wikipedia = ballots("dhondt/wikipedia.csv");
    let cases: [(&[&str], String); 6] = [
        (
            &[words.as_str(), "--method", "irv"],
            format!("{words}:1:1: expected a header `candidates seats` (two whole numbers), found \"three one\""),
        ),
        (
            &[huge.as_str(), "--method", "dhondt"],
            format!("{huge}: dhondt takes at most 2000 seats, not 1000000000000"),
        ),
        (
            &[twice.as_str(), "--method", "irv"],
            format!("{twice}:5:1: candidates 1 and 2 are both named \"A\""),
        ),
        (
            &[long.as_str(), "--method", "irv"],
            format!("{long}:1:23: unexpected column \"precinct\""),
        ),
        (
            &[wikipedia.as_str(), "--method", "dhondt", "--seats", "3", "--threshold", "200"],
            "the threshold is a percentage of the valid votes, from 0 to 100, not 200".to_owned(),
        ),
        (
            &[LEITH_WALK_PATH, "--method", "scottish", "--threshold", "5"],
            "a threshold applies to the party-list methods (dhondt, sainte-lague, largest-remainder), not scottish".to_owned(),
        ),
    ];
    for (args, message) in cases {
        let args: Vec<String> = args
            .iter()
            .map(|arg| {
                if *arg == LEITH_WALK_PATH {
                    ballots(LEITH_WALK)
                } else {
                    (*arg).to_owned()
                }
            })
            .collect();
        let out = env.plenum().arg("count").args(&args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&message), "{args:?}:\n{stderr}");
    }
    let quota = env
        .plenum()
        .args([
            "count", &wikipedia, "--method", "dhondt", "--seats", "3", "--quota", "droop",
        ])
        .output()
        .expect("run");
    assert!(
        String::from_utf8_lossy(&quota.stderr)
            .contains("a droop quota applies to largest-remainder, not dhondt")
    );
}

/// Stands for the Leith Walk file in argument lists, resolved when the test runs.
const LEITH_WALK_PATH: &str = "<leith walk>";

#[test]
fn impossible_counts_are_errors() {
    let env = Env::new();
    let cases: [(&[&str], &str); 3] = [
        (
            &["--method", "irv", "--seats", "2"],
            "irv elects one candidate, not 2",
        ),
        (
            &["--method", "scottish", "--seats", "11"],
            "11 seats but only 10 candidates stand",
        ),
        (&["--method", "borda"], "invalid value 'borda'"),
    ];
    for (args, message) in cases {
        let out = env
            .plenum()
            .arg("count")
            .arg(ballots(LEITH_WALK))
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    let missing = env
        .plenum()
        .args(["count", "no-such-file.blt", "--method", "irv"])
        .output()
        .expect("run");
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr)
            .starts_with("plenum: cannot open no-such-file.blt")
    );
}

#[test]
fn write_blt_then_count_it_again() {
    let env = Env::new();
    let written = env.dir.path().join("burlington.blt");
    let written = written.to_str().expect("UTF-8");
    let original = env.json(&[
        "count",
        &ballots("burlington-2009-mayor.csv"),
        "--method",
        "irv",
        "--write-blt",
        written,
    ]);
    let again = env.json(&["count", written, "--method", "irv"]);
    assert_eq!(original["elected"], again["elected"]);
    assert_eq!(original["stages"], again["stages"]);
}

#[test]
fn standard_input_and_forced_format() {
    let env = Env::new();
    let out = env
        .plenum()
        .args([
            "count",
            "-",
            "--method",
            "plurality",
            "--format",
            "votes-csv",
            "--json",
        ])
        .write_stdin("Red,10\nBlue,7\n")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(names(&report["elected"]), ["Red"]);
}

//! `plenum import members` and `plenum export members`: a spreadsheet register in (CSV or
//! TSV, any encoding), every bad row named by line and column with nothing recorded, and
//! the register on a date out again, which reads back.

use predicates::str::contains;

use crate::support::Env;

fn association() -> Env {
    let env = Env::new();
    env.plenum()
        .args(["demo", "--example", "association", "--db", "plenum.db"])
        .assert()
        .success();
    env
}

fn head(env: &Env) -> u64 {
    env.json(&["verify"])["head"].as_u64().expect("a head")
}

#[test]
fn a_register_comes_in_and_goes_out_again() {
    let env = association();
    std::fs::write(
        env.dir.path().join("register.csv"),
        "Member No;Full Name;Joined;Status;Other names\n101;Zoë Adler;2021-03-01;full;Z. Adler|Zoe Adler\n102;Ben Okoro;2022-01-15;candidate;\n;Carla Díaz;2023;full;\n",
    )
    .expect("write");
    let report = env.json(&["import", "members", "register.csv"]);
    assert_eq!(report["members"], 3);
    assert_eq!(report["registered"], 3);
    assert_eq!(report["org"], "nfaa");
    assert_eq!(report["events"], 6);
    let person = env.json(&["person", "carla-diaz"]);
    assert_eq!(person["name"], "Carla Díaz");
    let zoe = env.json(&["person", "Z. Adler"]);
    assert_eq!(zoe["id"], "101", "other names are searchable");
    let out = env.stdout(&["export", "members", "--at", "2024-06-01"]);
    assert!(out.starts_with("id,name,status,since,faction\n"), "{out}");
    assert!(out.contains("101,Zoë Adler,full,2021-03-01,"), "{out}");
    assert!(out.contains("102,Ben Okoro,candidate,2022-01-15,"), "{out}");
    assert!(out.contains("carla-diaz,Carla Díaz,full,2023,"), "{out}");
    // The file reads back: into a fresh ledger, the same register.
    std::fs::write(env.dir.path().join("out.csv"), &out).expect("write");
    let again = Env::new();
    again
        .plenum()
        .args(["demo", "--example", "association", "--db", "plenum.db"])
        .assert()
        .success();
    std::fs::copy(
        env.dir.path().join("out.csv"),
        again.dir.path().join("out.csv"),
    )
    .expect("copy");
    let report = again.json(&["import", "members", "out.csv"]);
    assert_eq!(
        report["registered"], 3,
        "the association's own members are known"
    );
    assert_eq!(
        again.stdout(&["export", "members", "--at", "2024-06-01"]),
        out
    );
}

#[test]
fn a_latin1_tsv_with_its_own_columns_and_dates() {
    let env = association();
    let mut bytes = b"Nom\tAdh\xe9sion\n".to_vec();
    bytes.extend_from_slice(b"Jos\xe9 Mart\xed\t31/12/2021\n");
    std::fs::write(env.dir.path().join("membres.tsv"), bytes).expect("write");
    env.plenum()
        .args([
            "import",
            "members",
            "membres.tsv",
            "--name",
            "Nom",
            "--since",
            "2",
        ])
        .args(["--dates", "dmy"])
        .assert()
        .success()
        .stdout(contains("windows-125"));
    assert_eq!(env.json(&["person", "jose-marti"])["name"], "José Martí");
    // A mapping file does the same.
    std::fs::write(
        env.dir.path().join("map.toml"),
        "dates = \"dmy\"\n[columns]\nname = \"Nom\"\nsince = 2\n",
    )
    .expect("write");
    std::fs::write(
        env.dir.path().join("more.tsv"),
        b"Nom\tAdh\xe9sion\nAna\t01/02/2022\n",
    )
    .expect("write");
    env.plenum()
        .args([
            "import",
            "members",
            "more.tsv",
            "--mapping",
            "map.toml",
            "--encoding",
            "latin1",
        ])
        .assert()
        .success();
    assert_eq!(env.json(&["person", "ana"])["name"], "Ana");
}

#[test]
fn bad_rows_are_named_by_line_and_column_and_nothing_is_recorded() {
    let env = association();
    let before = head(&env);
    std::fs::write(
        env.dir.path().join("bad.csv"),
        "name,since,status\nAnn,2021-13-01,full\n,2021,full\nBo,2021,chief\nCy,2021,full\n",
    )
    .expect("write");
    env.plenum()
        .args(["import", "members", "bad.csv"])
        .assert()
        .code(2)
        .stderr(contains("3 rows are refused, and nothing was recorded"))
        .stderr(contains("bad.csv:2:5: admission date `2021-13-01`"))
        .stderr(contains("bad.csv:3:1: the name is empty"))
        .stderr(contains("bad.csv:4:9: status `chief`"));
    assert_eq!(head(&env), before);
    // A re-import is refused at its first row, whole.
    std::fs::write(
        env.dir.path().join("ok.csv"),
        "name,since\nDee,2021\nEve,2021\n",
    )
    .expect("write");
    env.plenum()
        .args(["import", "members", "ok.csv"])
        .assert()
        .success();
    let after = head(&env);
    env.plenum()
        .args(["import", "members", "ok.csv"])
        .assert()
        .code(2)
        .stderr(contains("ok.csv:2:1"))
        .stderr(contains("already in the ledger"));
    assert_eq!(head(&env), after);
    env.plenum()
        .args(["import", "members", "ok.csv", "--encoding", "klingon"])
        .assert()
        .code(2)
        .stderr(contains("--encoding klingon"));
    env.plenum()
        .args(["import", "members", "ok.csv", "--org", "nowhere"])
        .assert()
        .code(2)
        .stderr(contains("no organization `nowhere`"));
}

//! Running the real `plenum` binary in a fresh directory, with a fixed clock.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The fixed "now" of every test run, so ledgers and outputs are reproducible.
pub const NOW: &str = "2026-11-27T12:00:00Z";

/// A fresh working directory for one test.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// `plenum` run in the test's directory, with the fixed clock and no `PLENUM_DB`.
    pub fn plenum(&self) -> Command {
        let mut cmd = Command::cargo_bin("plenum").expect("the plenum binary");
        cmd.current_dir(self.dir.path())
            .env("PLENUM_NOW", NOW)
            .env_remove("PLENUM_DB");
        cmd
    }

    /// The default ledger file.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("plenum.db")
    }

    /// Runs plenum with `--json` and parses standard output.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self
            .plenum()
            .args(args)
            .arg("--json")
            .output()
            .expect("run");
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?}: not JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// Runs plenum and returns standard output, asserting success.
    pub fn stdout(&self, args: &[&str]) -> String {
        let out = self.plenum().args(args).output().expect("run");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// A ledger with the test statute and the founding events (entries 1–16).
    pub fn founded() -> Env {
        let env = Env::new();
        env.plenum()
            .args(["init", "--statute"])
            .arg(data("statute.toml"))
            .assert()
            .success();
        env.plenum()
            .arg("record")
            .arg(data("founding.toml"))
            .assert()
            .success();
        env
    }

    /// The founded ledger plus the purge of 1956 (entries 17–22).
    pub fn purged() -> Env {
        let env = Env::founded();
        env.plenum()
            .arg("record")
            .arg(data("purge.toml"))
            .assert()
            .success();
        env
    }
}

/// A file of test data.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/data")
        .join(name)
}

/// The bytes of a file, or empty if it does not exist.
pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

//! Embeds the bundled examples (`examples/*/statute.toml` and their histories) for `plenum demo`.
//!
//! An example's history is its event files (`*.toml`, `*.jsonl`) at the top of its folder
//! (other than `statute.toml`) and under `history/`, at any depth. Nothing else is
//! recorded: `violations/` holds deliberately unlawful histories, each judged alone on
//! top of the lawful one by `crates/plenum-model/tests/statutes.rs`, never part of it.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut code = String::from("/// The bundled examples.\npub const EXAMPLES: &[Example] = &[\n");
    let mut examples: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    examples.sort();
    for dir in examples.iter().filter(|p| p.join("statute.toml").exists()) {
        println!("cargo::rerun-if-changed={}", dir.display());
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files = history_files(dir);
        files.sort();
        let statute = dir.join("statute.toml").display().to_string();
        let _ = writeln!(
            code,
            "    Example {{ name: {name:?}, statute: include_str!({statute:?}), files: &["
        );
        for file in files {
            println!("cargo::rerun-if-changed={}", file.display());
            let relative = file
                .strip_prefix(dir)
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let _ = writeln!(
                code,
                "        ({relative:?}, include_str!({:?})),",
                file.display().to_string()
            );
        }
        code.push_str("    ] },\n");
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    if let Err(e) = std::fs::write(out.join("examples.rs"), code) {
        panic!("cannot write examples.rs: {e}");
    }
}

/// The folder of an example that holds its history; no other subfolder is recorded.
const HISTORY: &str = "history";

/// An example's history: its top-level event files other than the statute, and every
/// event file under `history/`.
fn history_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == HISTORY) {
                println!("cargo::rerun-if-changed={}", path.display());
                event_files(&path, &mut out);
            }
        } else if path.file_name().is_some_and(|n| n != "statute.toml") && is_event_file(&path) {
            out.push(path);
        }
    }
    out
}

/// Every event file under `dir`, at any depth.
fn event_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            event_files(&path, out);
        } else if is_event_file(&path) {
            out.push(path);
        }
    }
}

fn is_event_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e == "toml" || e == "jsonl")
}

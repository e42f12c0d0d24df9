//! Embeds the bundled examples (`examples/*/statute.toml` and their event files) for `plenum demo`.

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
        let mut files = event_files(dir);
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

/// Event files of an example: `*.toml` and `*.jsonl` other than the statute, in any subfolder.
fn event_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo::rerun-if-changed={}", path.display());
            out.extend(event_files(&path));
        } else if path.file_name().is_some_and(|n| n != "statute.toml")
            && path
                .extension()
                .is_some_and(|e| e == "toml" || e == "jsonl")
        {
            out.push(path);
        }
    }
    out
}

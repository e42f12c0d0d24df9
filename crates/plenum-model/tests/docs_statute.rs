//! `docs/statute.md` teaches the statute format by example: every complete example there
//! (a fenced block tagged `toml` that starts with `organization =`) reads as a statute,
//! so that a newcomer who copies it gets no errors.
//!
//! The other `toml` blocks are fragments of a version and are not read here.

use std::fs;
use std::path::PathBuf;

/// A fenced `toml` block of the document: its text and the line its text starts on.
struct Block {
    text: String,
    line: usize,
}

fn toml_blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Block)> = None;
    for (index, line) in doc.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (fence, open.take()) {
            (Some(_), Some((tag, block))) => {
                if tag == "toml" {
                    blocks.push(block);
                }
            }
            (Some(tag), None) => {
                let block = Block {
                    text: String::new(),
                    line: index + 2,
                };
                open = Some((tag.trim().to_owned(), block));
            }
            (None, Some((tag, mut block))) => {
                block.text.push_str(line);
                block.text.push('\n');
                open = Some((tag, block));
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "docs/statute.md ends inside a fenced block");
    blocks
}

#[test]
fn every_complete_example_reads_as_a_statute() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/statute.md");
    let doc =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut failures = Vec::new();
    let mut examples = 0;
    for block in toml_blocks(&doc) {
        if !block.text.trim_start().starts_with("organization =") {
            continue;
        }
        examples += 1;
        if let Err(error) = plenum_model::statute::read(&block.text) {
            // The error's line is within the block; the block's text starts on `block.line`.
            let line = block.line + error.line - 1;
            failures.push(format!(
                "docs/statute.md:{line} (block at line {}): {error}",
                block.line
            ));
        }
    }
    assert!(examples > 0, "docs/statute.md has no complete example");
    assert!(
        failures.is_empty(),
        "examples in docs/statute.md that do not read as a statute:\n{}",
        failures.join("\n")
    );
}

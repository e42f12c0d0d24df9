//! `docs/events.md` teaches every event kind by example: each kind appears in at least
//! one TOML example (`[[event]]` tables) and one JSON Lines example, and every example
//! there reads as events (a documented example that the reader refuses would teach a
//! form that does not exist).
//!
//! Examples are the fenced blocks tagged `toml` holding `[[event]]` and those tagged
//! `json` or `jsonl` naming a `"kind"` (the others show the answers of queries). References between events are not resolved here: the examples are
//! fragments of histories.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use plenum_model::event::EventKind;
use plenum_model::event::read::{Format, read};

/// A fenced block of the document: its tag, its text and the line its text starts on.
struct Block {
    tag: String,
    text: String,
    line: usize,
}

fn blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (index, line) in doc.lines().enumerate() {
        let fence = line.trim_start().strip_prefix("```");
        match (fence, open.take()) {
            (Some(_), Some(block)) => blocks.push(block),
            (Some(tag), None) => {
                open = Some(Block {
                    tag: tag.trim().to_owned(),
                    text: String::new(),
                    line: index + 2,
                })
            }
            (None, Some(mut block)) => {
                block.text.push_str(line);
                block.text.push('\n');
                open = Some(block);
            }
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "docs/events.md ends inside a fenced block");
    blocks
}

#[test]
fn every_kind_has_a_toml_and_a_json_lines_example_and_every_example_reads() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/events.md");
    let doc =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut in_toml = BTreeSet::new();
    let mut in_json = BTreeSet::new();
    let mut failures = Vec::new();
    let mut examples = 0;
    for block in blocks(&doc) {
        let (format, kinds) = match block.tag.as_str() {
            "toml" if block.text.contains("[[event]]") => (Format::Toml, &mut in_toml),
            "json" | "jsonl" if block.text.contains("\"kind\"") => {
                (Format::JsonLines, &mut in_json)
            }
            _ => continue,
        };
        examples += 1;
        match read(&block.text, format) {
            Ok(events) => {
                for located in events {
                    kinds.insert(located.event.kind.name());
                    if let EventKind::EventSuperseded(s) = &located.event.kind {
                        kinds.insert(s.replacement.kind.name());
                    }
                }
            }
            Err(error) => {
                failures.push(format!(
                    "docs/events.md:{}:{}: the {} example does not read: {}",
                    block.line + error.line - 1,
                    error.column,
                    block.tag,
                    error.message
                ));
            }
        }
    }
    assert!(
        examples > 10,
        "only {examples} examples found: is the fence syntax still ```toml?"
    );
    for kind in EventKind::NAMES {
        if !in_toml.contains(kind) {
            failures.push(format!("`{kind}` has no TOML example"));
        }
        if !in_json.contains(kind) {
            failures.push(format!("`{kind}` has no JSON Lines example"));
        }
    }
    assert!(
        failures.is_empty(),
        "docs/events.md:\n{}",
        failures.join("\n")
    );
}

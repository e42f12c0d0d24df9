//! One module per subcommand; each turns parsed arguments into a report and prints it.

pub mod at;
pub mod check;
pub mod copy;
pub mod count;
pub mod demo;
pub mod export;
pub mod export_members;
pub mod import;
pub mod init;
pub mod lineage;
pub mod log;
pub mod meeting;
pub mod person;
pub mod popolo;
pub mod record;
pub mod restore;
pub mod serve;
pub mod statute;
pub mod user;
pub mod verify;
pub mod visibility;

use std::path::Path;

use anyhow::Context;
use plenum_model::date::FuzzyDate;

/// Reads the file a `statute_adopted`'s `text_file` names, relative to the folder of the
/// file of events `beside` (so `text_file = "../statute.toml"` works from `history/`).
pub fn include_beside(beside: &Path) -> impl Fn(&str) -> Result<String, String> + '_ {
    move |name| {
        let folder = beside.parent().unwrap_or(Path::new(""));
        read_text(
            &folder.join(name),
            plenum_model::limits::MAX_STATUTE_BYTES as u64,
        )
        .map_err(|e| format!("{e:#}"))
    }
}

/// Reads a whole text file of at most `limit` bytes, with the path in the error;
/// text that is not UTF-8 is bad input at the first byte that is not.
pub fn read_text(path: &Path, limit: u64) -> anyhow::Result<String> {
    use plenum_model::limits;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let size = file.metadata().map_or(0, |m| m.len());
    if size > limit {
        anyhow::bail!(
            "{} is {} bytes; plenum reads files of at most {} here (split it into several)",
            path.display(),
            limits::count(size),
            limits::bytes(limit)
        );
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, limit + 1), &mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() as u64 > limit {
        anyhow::bail!(
            "{} is more than {}; plenum reads files of at most that here",
            path.display(),
            limits::bytes(limit)
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let byte = bytes[at];
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let error = plenum_model::source::InputError::at(
            &text,
            at..at + 1,
            format!("byte 0x{byte:02X} is not UTF-8 text; save the file as UTF-8"),
        );
        crate::failure::BadInput::new(path, &text, error).into()
    })
}

/// Parses a date argument.
pub fn parse_date(text: &str) -> Result<FuzzyDate, String> {
    text.parse::<FuzzyDate>().map_err(|e| e.to_string())
}

/// Now, as RFC 3339 UTC to the second; `PLENUM_NOW` overrides it (for reproducible
/// ledgers and tests), and must be such a timestamp: it is hashed into every entry.
pub fn now() -> anyhow::Result<String> {
    match std::env::var("PLENUM_NOW") {
        Ok(now) => {
            let parsed: jiff::Timestamp = now.parse().map_err(|e| {
                anyhow::anyhow!(
                    "PLENUM_NOW is `{now}`, not a timestamp like 2026-11-27T00:00:00Z: {e}"
                )
            })?;
            Ok(parsed.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
        }
        Err(std::env::VarError::NotUnicode(_)) => {
            anyhow::bail!("PLENUM_NOW is not UTF-8; give a timestamp like 2026-11-27T00:00:00Z")
        }
        Err(std::env::VarError::NotPresent) => Ok(jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string()),
    }
}

/// Today's date (UTC), or the date part of `PLENUM_NOW`.
pub fn today() -> anyhow::Result<FuzzyDate> {
    let now = now()?;
    now.get(..10)
        .and_then(|d| d.parse().ok())
        .ok_or_else(|| anyhow::anyhow!("`{now}` has no date"))
}

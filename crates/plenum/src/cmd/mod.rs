//! One module per subcommand; each turns parsed arguments into a report and prints it.

pub mod at;
pub mod check;
pub mod count;
pub mod demo;
pub mod init;
pub mod lineage;
pub mod log;
pub mod person;
pub mod record;
pub mod verify;

use std::path::Path;

use anyhow::Context;
use plenum_model::date::FuzzyDate;

/// Reads a whole text file, with the path in the error.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
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

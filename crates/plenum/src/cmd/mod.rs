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

/// Now, as RFC 3339 UTC to the second; `PLENUM_NOW` overrides it (for reproducible ledgers and tests).
pub fn now() -> String {
    if let Ok(now) = std::env::var("PLENUM_NOW") {
        return now;
    }
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// Today's date (UTC), or the date part of `PLENUM_NOW`.
pub fn today() -> FuzzyDate {
    let now = now();
    now.get(..10)
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| FuzzyDate::day(plenum_model::date::Day::MAX))
}

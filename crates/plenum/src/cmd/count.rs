//! `plenum count`: count an election from a ballot file.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `plenum count`.
#[derive(Debug, clap::Args)]
pub struct CountArgs {
    /// The ballot file.
    pub file: PathBuf,
}

/// Runs `plenum count`.
pub fn run(_args: &CountArgs, _json: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("plenum count is not built yet")
}

//! The command-line grammar: clap derive structs, validated without touching the disk.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::cmd;

/// plenum: a governance ledger for organizations that run under a written statute.
#[derive(Debug, Parser)]
#[command(name = "plenum", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// The ledger: a file path for SQLite, or a postgres:// URL.
    #[arg(long, global = true, env = "PLENUM_DB", default_value = "plenum.db")]
    pub db: PathBuf,

    /// Print stable JSON instead of a human table.
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Count an election from a ballot file (BLT, ranked CSV, option,votes CSV, approval).
    Count(cmd::count::CountArgs),
}

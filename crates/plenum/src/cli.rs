//! The command-line grammar: clap derive structs, validated without touching the disk.

use clap::{Parser, Subcommand};

use crate::cmd;

/// A governance ledger for organizations that run under a written statute.
///
/// plenum keeps an organization's history (foundings, mergers, members,
/// factions, congresses, plenums, elections, purges, rehabilitations) as an
/// append-only, hash-chained ledger; checks every event against the statute
/// in force and cites the article it breaks; answers who held what on any
/// date, as the record stands now or stood before a correction; and counts
/// elections by well-specified methods.
#[derive(Debug, Parser)]
#[command(name = "plenum", version, propagate_version = true, after_help = AFTER_HELP)]
pub struct Cli {
    /// The ledger: a SQLite file path, or a postgres://USER@HOST/DB URL [default: plenum.db;
    /// plenum-demo.db for `demo`].
    #[arg(long, global = true, env = "PLENUM_DB", value_name = "PATH|URL")]
    pub db: Option<String>,

    /// Print stable JSON instead of a human table.
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

const AFTER_HELP: &str = "\
Start here:
  plenum demo                                   build the bundled example and take the tour
  plenum init --statute examples/wpk/statute.toml
  plenum record examples/wpk/history/*.toml
  plenum at 1956-09-01 politburo --by faction   who sat there then, by faction
  plenum check                                  every finding, with its article

The ledger is a SQLite file (--db union.db) or a PostgreSQL database
(--db postgres://USER:PASSWORD@HOST/DB); `plenum copy` moves one between them,
`plenum export events` backs one up and `plenum restore` brings the backup back.

Names of organizations, organs, posts, factions and persons may be given by
id, name or alias, in any case. Dates are EDTF: 1946, 1946-08, 1946-08-30,
1955~ (about), 1955? (uncertain), 1946-05/1946-06, [1955,1956].
Exit status: 0 success, 1 findings or damage found, 2 error.";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the bundled example into a fresh ledger and take a short tour.
    Demo(cmd::demo::DemoArgs),
    /// Create a new ledger for an organization, from its statute.
    Init(cmd::init::InitArgs),
    /// Check a statute file and list each clause understood (nothing is written).
    Statute(cmd::statute::StatuteArgs),
    /// Append events from files (TOML or JSON Lines); all files are one all-or-nothing batch.
    Record(cmd::record::RecordArgs),
    /// List the ledger's entries, in ledger order.
    Log(cmd::log::LogArgs),
    /// Who sat on an organ, or held a post, on a date.
    At(cmd::at::AtArgs),
    /// A person's career: seats, posts, memberships, factions and record.
    Person(cmd::person::PersonArgs),
    /// An organization's predecessors and successors.
    Lineage(cmd::lineage::LineageArgs),
    /// Every finding of the rules engine, each citing its statute article.
    Check(cmd::check::CheckArgs),
    /// Re-hash the whole ledger; on damage, name the first bad entry and exit 1.
    Verify(cmd::verify::VerifyArgs),
    /// Count an election from a ballot file (BLT, ranked CSV, option,votes CSV, approval).
    Count(cmd::count::CountArgs),
    /// Copy a ledger between stores (SQLite file, PostgreSQL): same entries, same head.
    Copy(cmd::copy::CopyArgs),
    /// Import a member register (`import members FILE.csv`, CSV or TSV, any encoding) or
    /// Popolo JSON (`import popolo FILE.json`).
    Import(cmd::import::ImportArgs),
    /// Export the ledger: `export events` writes every entry as JSON Lines (a backup);
    /// `export members` the register on a date as CSV; `export popolo` Popolo JSON.
    Export(cmd::export::ExportArgs),
    /// Record a backup from `export events` again: same entries, same hashes, same head.
    Restore(cmd::restore::RestoreArgs),
    /// Serve the ledger over HTTP: web pages, the JSON API under /api/v1/, and /healthz.
    Serve(cmd::serve::ServeArgs),
    /// Manage the accounts of `plenum serve`: add, passwd, token, remove, list.
    User(cmd::user::UserArgs),
    /// What `plenum serve` shows the public, section by section: organs, persons, lineage, findings, log.
    Visibility(cmd::visibility::VisibilityArgs),
    /// Run a live meeting from a terminal: convene, codes, attend, proxy, poll, open, close, urn.
    Meeting(cmd::meeting::MeetingArgs),
}

/// What every command gets besides its own arguments.
#[derive(Debug, Clone)]
pub struct Global {
    /// `--db`, or `plenum.db`.
    pub db: String,
    /// Whether `--db` (or `PLENUM_DB`) was given.
    pub db_given: bool,
    /// `--json`.
    pub json: bool,
}

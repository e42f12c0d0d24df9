//! The `plenum` command-line program.

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match &cli.command {
        cli::Command::Count(args) => cmd::count::run(args, cli.json),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("plenum: {err:#}");
            ExitCode::from(2)
        }
    }
}

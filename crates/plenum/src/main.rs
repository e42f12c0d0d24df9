//! The `plenum` command-line program.

mod cli;
mod cmd;
mod failure;
mod members;
mod open;
mod popolo;
mod progress;
mod render;

use std::process::ExitCode;

use clap::Parser;

// The write path makes and drops many small rows and strings; mimalloc handles that
// about a third faster than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let code = run();
    if std::env::var_os("PLENUM_REPORT_PEAK_MEMORY").is_some() {
        report_peak_memory();
    }
    code
}

/// Prints the process's peak resident memory (for the benchmarks), where the system says it.
fn report_peak_memory() {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(peak) = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .map(str::trim)
    {
        eprintln!("plenum: peak memory {peak}");
    }
}

fn run() -> ExitCode {
    let args = cli::Cli::parse();
    let global = cli::Global {
        db: args.db.clone().unwrap_or_else(|| "plenum.db".to_owned()),
        db_given: args.db.is_some(),
        json: args.json,
    };
    use cli::Command as C;
    let result = match &args.command {
        C::Demo(a) => cmd::demo::run(a, &global),
        C::Init(a) => cmd::init::run(a, &global),
        C::Statute(a) => cmd::statute::run(a, &global),
        C::Record(a) => cmd::record::run(a, &global),
        C::Log(a) => cmd::log::run(a, &global),
        C::At(a) => cmd::at::run(a, &global),
        C::Person(a) => cmd::person::run(a, &global),
        C::Lineage(a) => cmd::lineage::run(a, &global),
        C::Check(a) => cmd::check::run(a, &global),
        C::Verify(a) => cmd::verify::run(a, &global),
        C::Count(a) => cmd::count::run(a, global.json),
        C::Copy(a) => cmd::copy::run(a, &global),
        C::Export(a) => cmd::export::run(a, &global),
        C::Restore(a) => cmd::restore::run(a, &global),
        C::Serve(a) => cmd::serve::run(a, &global),
        C::User(a) => cmd::user::run(a, &global),
        C::Visibility(a) => cmd::visibility::run(a, &global),
        C::Meeting(a) => cmd::meeting::run(a, &global),
        C::Import(a) => cmd::import::run(a, &global),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            failure::report(&error);
            ExitCode::from(failure::exit_code(&error))
        }
    }
}

/// Output cut short by a closed pipe (`plenum log | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

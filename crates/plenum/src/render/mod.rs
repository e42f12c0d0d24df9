//! Human output: aligned tables and short labelled lines. JSON goes through `serde_json`.

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use serde::Serialize;

/// No borders; a dashed line under the header.
const PLAIN: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('-').junction(' '));

/// A plain table: a header row, no borders, fitted to the terminal.
pub fn table(header: &[&str]) -> Table {
    let mut table = Table::new();
    table
        .load_style(PLAIN)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        // Not a terminal: do not wrap to a guessed width.
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    table
}

/// Writes a line to standard output, returning the I/O error (a closed pipe
/// ends the program quietly instead of panicking as `println!` would).
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// Prints a table with its rows trimmed of trailing spaces.
pub fn print_table(table: &Table) -> std::io::Result<()> {
    for line in table.to_string().lines() {
        crate::out!("{}", line.trim_end())?;
    }
    Ok(())
}

/// Prints a value as pretty JSON.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    crate::out!("{}", serde_json::to_string_pretty(value)?)?;
    Ok(())
}

/// `a – b`, or `a –` while open.
pub fn span(from: &str, to: Option<&str>) -> String {
    match to {
        Some(to) => format!("{from} – {to}"),
        None => format!("{from} –"),
    }
}

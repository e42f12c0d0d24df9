//! Errors the program reports: bad input with its place in the file, and everything else.

use std::path::{Path, PathBuf};

use miette::{GraphicalReportHandler, GraphicalTheme, NamedSource, SourceSpan};
use plenum_model::source::InputError;

/// Bad input in a file: where, and what was expected. Printed as
/// `FILE:LINE:COLUMN: message`, then the line with the place underlined.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{}:{}:{}: {}", path.display(), error.line, error.column, error.message)]
pub struct BadInput {
    path: PathBuf,
    error: InputError,
    #[source_code]
    source_code: NamedSource<String>,
    #[label("here")]
    span: SourceSpan,
}

impl BadInput {
    /// Bad input at `error`'s place in the text of `path`.
    pub fn new(path: &Path, text: &str, error: InputError) -> BadInput {
        let len = error
            .span
            .len()
            .max(1)
            .min(text.len().saturating_sub(error.span.start).max(1));
        let start = error.span.start.min(text.len());
        BadInput {
            path: path.to_owned(),
            span: SourceSpan::new(start.into(), if start >= text.len() { 0 } else { len }),
            source_code: NamedSource::new(path.display().to_string(), text.to_owned()),
            error,
        }
    }

    /// The snippet of the file with the place marked.
    pub fn snippet(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = GraphicalReportHandler::new_themed(theme).with_context_lines(1);
        if handler.render_report(&mut out, self).is_err() {
            return String::new();
        }
        out
    }
}

/// Whether the error is damage to the ledger (as opposed to bad input or a
/// failure to run): such errors exit 1, like `plenum verify` finding damage.
pub fn is_damage(error: &anyhow::Error) -> bool {
    use plenum_store::{Error, WriteError};
    let damage = |e: &Error| {
        matches!(
            e,
            Error::Corrupt { .. }
                | Error::Tampered { .. }
                | Error::Damaged(_)
                | Error::HeadMismatch { .. }
        )
    };
    error.chain().any(|c| {
        c.downcast_ref::<Error>().is_some_and(damage)
            || matches!(c.downcast_ref::<WriteError>(), Some(WriteError::Store(e)) if damage(e))
    })
}

/// The exit status of an error: 1 for a damaged ledger, 2 for everything else.
pub fn exit_code(error: &anyhow::Error) -> u8 {
    if is_damage(error) { 1 } else { 2 }
}

/// Prints an error on standard error: `plenum: ` and the message, with a
/// snippet of the file for bad input. Returns the exit code for errors.
pub fn report(error: &anyhow::Error) {
    if let Some(bad) = error.downcast_ref::<BadInput>() {
        eprintln!("plenum: {bad}");
        let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let snippet = bad.snippet(color);
        // The snippet repeats the message on its first line; show only the source part.
        let body: String = snippet.lines().skip(1).map(|l| format!("{l}\n")).collect();
        if !body.trim().is_empty() {
            eprint!("{body}");
        }
        return;
    }
    if is_damage(error) {
        eprintln!("plenum: {error:#}; run `plenum verify` to find the damage");
    } else {
        eprintln!("plenum: {error:#}");
    }
}

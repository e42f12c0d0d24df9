//! Progress bars on standard error, only when it is a terminal and the work is long.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Work smaller than this finishes before a bar would be read.
const WORTH_SHOWING: u64 = 20_000;

/// A bar over `total` units, hidden for small work or when stderr is not a terminal.
pub fn bar(total: u64, message: &'static str) -> ProgressBar {
    if total < WORTH_SHOWING || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({eta})")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(message);
    bar
}

/// A spinner with the time taken, for work of `size` units that reports no progress of
/// its own; hidden for small work or when stderr is not a terminal.
pub fn spinner(size: u64, message: String) -> ProgressBar {
    if size < WORTH_SHOWING || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        return ProgressBar::hidden();
    }
    let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    spinner.set_style(style);
    spinner.set_message(message);
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}

//! One module per subcommand; each turns parsed arguments into a report and prints it.

pub mod count;

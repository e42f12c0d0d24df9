//! The C shim's two entry points (`c/power_cut_vfs.c`): the crate's only unsafe
//! code, declarations of functions that take and return plain integers.
//!
//! They are declared `safe`: neither takes a pointer, and the shim makes a second
//! registration a refused no-op under its own lock, so no call can break memory
//! safety whatever its arguments.

use std::ffi::c_int;

unsafe extern "C" {
    /// Registers the VFS (not as the default) around SQLite's default VFS; returns
    /// `SQLITE_OK` (0), or `SQLITE_MISUSE` if it was registered already.
    pub(crate) safe fn plenum_power_cut_register(
        cut_at: i64,
        counted: c_int,
        seed: u64,
        tear: c_int,
        flushes_lie: c_int,
    ) -> c_int;

    /// The writes, truncates and syncs the VFS has counted so far.
    pub(crate) safe fn plenum_power_cut_operations() -> i64;
}

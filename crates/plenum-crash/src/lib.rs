//! Power-loss tests for plenum: a SQLite VFS that loses power, and the appender
//! that runs over it (`plenum-power-append`).
//!
//! The VFS (`c/power_cut_vfs.c`, in C because a VFS is a table of C callbacks)
//! wraps SQLite's default one. Writes go to an image of each file in memory, which
//! every read sees; only a sync writes a file's pending changes to the real file
//! and flushes it. Before a chosen write, truncate or sync, power is lost: the
//! pending changes are dropped (or torn at random, from a seed) and the process
//! ends at once with [`POWER_CUT_STATUS`]. The real files are then exactly what a
//! disk would hold after a power cut, and `tests/power_loss.rs` checks them.
//!
//! Nothing here ships: no crate of the product depends on this one.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

#[allow(unsafe_code)]
mod vfs;

/// The name the VFS is registered under (the C shim's `VFS_NAME`).
pub const VFS: &str = "plenum-power-cut";

/// The exit status of a process whose power was cut (the C shim's `POWER_CUT_EXIT`).
pub const POWER_CUT_STATUS: i32 = 86;

/// The moment power is lost: just before an operation of the VFS, counted from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// Before this write, truncate or sync of a database, journal or WAL file.
    Operation(u64),
    /// Before this sync (most writes are not followed by one; these cuts land
    /// where a commit or a checkpoint is about to become durable).
    Sync(u64),
    /// Before this write or sync of the database file itself (not its WAL): in WAL
    /// mode only checkpoints write it, so these cuts land in checkpoints.
    Database(u64),
}

/// When and how the power is lost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PowerCut {
    /// When; `None`: never.
    pub before: Option<Moment>,
    /// Tear the changes not yet synced, at random from this seed: each 512-byte
    /// piece of each pending write lands, is lost or lands as garbage, and each
    /// pending truncate happens or not. `None`: every pending change is lost.
    pub tear: Option<u64>,
    /// Syncs make nothing durable, as with `synchronous=OFF` or a disk that ignores
    /// flushes: only for showing that the tests catch lost acknowledged data.
    pub flushes_lie: bool,
}

/// Registers the VFS as [`VFS`] for this process; once only.
pub fn install(cut: PowerCut) -> Result<(), String> {
    let (n, counted) = match cut.before {
        Some(Moment::Operation(n)) => (n, 0),
        Some(Moment::Sync(n)) => (n, 1),
        Some(Moment::Database(n)) => (n, 2),
        None => (0, 0),
    };
    if cut.before.is_some() && n == 0 {
        return Err("operations are counted from 1".to_owned());
    }
    let n = i64::try_from(n).map_err(|_| format!("operation {n} is out of range"))?;
    let code = vfs::plenum_power_cut_register(
        n,
        counted,
        cut.tear.unwrap_or(0),
        cut.tear.is_some().into(),
        cut.flushes_lie.into(),
    );
    match code {
        0 => Ok(()),
        21 => Err("the power-cut VFS is installed already".to_owned()),
        code => Err(format!(
            "cannot register the power-cut VFS (SQLite error {code})"
        )),
    }
}

/// The writes, truncates and syncs the VFS has counted so far in this process.
pub fn operations() -> u64 {
    vfs::plenum_power_cut_operations().max(0) as u64
}

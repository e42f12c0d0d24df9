//! The file beneath a SQLite ledger: what it is before SQLite opens it (a
//! directory, another kind of file, a file cut short), its `file:` URI, its
//! write protection, and its sidecar files.

use std::path::{Path, PathBuf};

use crate::Error;

/// `file:` URI of a path, for SQLite's URI parameters.
pub(super) fn uri(path: &Path, parameters: &str) -> String {
    let mut out = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out.push('?');
    out.push_str(parameters);
    out
}

/// Whether the file cannot (or must not) be written: no write permission bit at
/// all, or opening it for writing is refused.
pub(super) fn write_protected(path: &Path) -> bool {
    let read_only_bits = std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
    read_only_bits || std::fs::OpenOptions::new().write(true).open(path).is_err()
}

pub(super) fn check_file(path: &Path) -> Result<(), Error> {
    match std::fs::File::open(path) {
        Ok(mut file) => {
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(Error::NotALedger(format!(
                    "{} is a directory, not a ledger",
                    path.display()
                )));
            }
            // Every SQLite file starts so; anything else is some other file, unless a
            // write-ahead log lies beside it: power lost while a checkpoint rewrote the
            // first page may leave its header torn, and SQLite recovers that page from
            // the log (found by the power-loss test of plenum-crash).
            let mut header = [0u8; 100];
            let read = read_up_to(&mut file, &mut header);
            if read > 0 && (read < 16 || &header[..16] != b"SQLite format 3\0") && !has_log(path) {
                return Err(Error::NotALedger(format!(
                    "{} is not a plenum ledger (not even a SQLite file)",
                    path.display()
                )));
            }
            let size = file.metadata().map_or(0, |m| m.len());
            match cut_short(&header[..read], size, has_log(path)) {
                Some(problem) => Err(Error::Damaged(format!("{}: {problem}", path.display()))),
                None => Ok(()),
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Error::NotALedger(format!(
            "no ledger at {}; create one with `plenum init --statute FILE` (or pick another with --db)",
            path.display()
        ))),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(Error::Unavailable(
            format!("cannot read {}: permission denied", path.display()),
        )),
        Err(e) => Err(Error::Unavailable(format!(
            "cannot read {}: {e}",
            path.display()
        ))),
    }
}

/// Reads as much of `buf` as the file has.
fn read_up_to(file: &mut std::fs::File, buf: &mut [u8]) -> usize {
    let mut filled = 0;
    while filled < buf.len() {
        match std::io::Read::read(file, &mut buf[filled..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => filled += n,
        }
    }
    filled
}

/// Whether a write-ahead log with content lies beside the file: then SQLite may
/// still have pages to fold back into it, and its size says nothing yet.
fn has_log(path: &Path) -> bool {
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    std::fs::metadata(PathBuf::from(log)).is_ok_and(|m| m.len() > 0)
}

/// Why a SQLite file of `size` bytes with this header was cut short, if it was.
///
/// SQLite writes whole pages, and records the number of pages in the header
/// (valid when the version-valid-for number matches the change counter). A file
/// shorter than that, or not a whole number of pages, lost its end: SQLite's own
/// checks may read past the hole without noticing (`quick_check` does), so
/// every open looks. Unless a log is beside it, which may yet supply the pages.
fn cut_short(header: &[u8], size: u64, log: bool) -> Option<String> {
    if header.len() < 100 || log {
        return None;
    }
    let be32 = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    if !page_size.is_power_of_two() || !(512..=65_536).contains(&page_size) {
        return Some(format!("its header gives a page size of {page_size} bytes"));
    }
    if !size.is_multiple_of(page_size) {
        return Some(format!(
            "it is {size} bytes, not a whole number of its {page_size}-byte pages: it was cut short or added to"
        ));
    }
    let pages = u64::from(be32(28));
    if pages > 0 && be32(24) == be32(92) && size < pages * page_size {
        return Some(format!(
            "it is {size} bytes, shorter than the {pages} pages of {page_size} bytes its header records: it was cut short"
        ));
    }
    None
}

pub(super) fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

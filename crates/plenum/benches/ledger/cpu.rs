//! CPU time spent by this process and by the local PostgreSQL server, read from `/proc`,
//! so that a throughput can be set beside the most the machine's cores allow at the CPU
//! it costs (a physical limit measured in the same run).
//!
//! The server's time is the sum over the processes called `postgres` (its backends and its
//! background writers), each counted from its own earlier reading. A process that ends
//! before the later reading is missed, so the server's figure is a lower bound; the pools
//! keep their backends, so little is.

use std::collections::BTreeMap;
use std::fs;
use std::time::Duration;

/// Clock ticks per second of `/proc/*/stat`'s times (`sysconf(_SC_CLK_TCK)`, 100 on Linux).
const TICKS_PER_SECOND: f64 = 100.0;

/// CPU time used so far, split by who used it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cpu {
    /// This process (the bench: the model's checks, the store's client side).
    pub(crate) client: Duration,
    /// Every `postgres` process of the machine.
    pub(crate) server: Duration,
}

/// The CPU time each process had used at one moment: this process's, and each
/// `postgres` process's by its id.
pub(crate) struct Reading {
    client: f64,
    server: BTreeMap<u32, f64>,
}

impl Reading {
    pub(crate) fn now() -> Reading {
        let mut server = BTreeMap::new();
        if let Ok(entries) = fs::read_dir("/proc") {
            for entry in entries.flatten() {
                let Some(pid) = entry
                    .file_name()
                    .to_str()
                    .and_then(|n| n.parse::<u32>().ok())
                else {
                    continue;
                };
                if let Some((comm, ticks)) = stat(&format!("/proc/{pid}/stat"))
                    && comm == "postgres"
                {
                    server.insert(pid, ticks);
                }
            }
        }
        let client = stat("/proc/self/stat").map_or(0.0, |(_, ticks)| ticks);
        Reading { client, server }
    }

    /// What was used between `earlier` and `self`: per server process, what it used
    /// since `earlier` (all of it if it started since), so that a process that ended
    /// meanwhile (a backend of an earlier phase) takes nothing away.
    pub(crate) fn since(&self, earlier: &Reading) -> Cpu {
        let server: f64 = self
            .server
            .iter()
            .map(|(pid, ticks)| ticks - earlier.server.get(pid).copied().unwrap_or(0.0))
            .filter(|used| *used > 0.0)
            .sum();
        Cpu {
            client: Duration::from_secs_f64(
                (self.client - earlier.client).max(0.0) / TICKS_PER_SECOND,
            ),
            server: Duration::from_secs_f64(server / TICKS_PER_SECOND),
        }
    }
}

impl Cpu {
    pub(crate) fn total(self) -> Duration {
        self.client + self.server
    }
}

/// A process's name and its user and system time in ticks, from its `stat` file.
fn stat(path: &str) -> Option<(String, f64)> {
    let text = fs::read_to_string(path).ok()?;
    // `pid (comm) state ppid ...`: the name may hold spaces, so split at the last `)`.
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let comm = text.get(open + 1..close)?.to_owned();
    let fields: Vec<&str> = text.get(close + 1..)?.split_whitespace().collect();
    // After the name: state is field 3 of stat(5), utime 14 and stime 15.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((comm, utime + stime))
}

/// The cores this process may run on.
pub(crate) fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

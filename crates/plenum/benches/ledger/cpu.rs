//! CPU time spent by this process and by the local PostgreSQL server, read from `/proc`,
//! so that a throughput can be set beside the most the machine's cores allow at the CPU
//! it costs (a physical limit measured in the same run).
//!
//! The server's time is the sum over the processes called `postgres` (its backends and its
//! background writers). A process that starts and ends between two readings is missed, so
//! the server's figure is a lower bound; the pools keep their backends, so little is.

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

impl Cpu {
    pub(crate) fn now() -> Cpu {
        let mut server = 0.0;
        if let Ok(entries) = fs::read_dir("/proc") {
            for entry in entries.flatten() {
                let name = entry.file_name();
                let Some(pid) = name
                    .to_str()
                    .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
                else {
                    continue;
                };
                if let Some((comm, ticks)) = stat(&format!("/proc/{pid}/stat"))
                    && comm == "postgres"
                {
                    server += ticks;
                }
            }
        }
        let client = stat("/proc/self/stat").map_or(0.0, |(_, ticks)| ticks);
        Cpu {
            client: Duration::from_secs_f64(client / TICKS_PER_SECOND),
            server: Duration::from_secs_f64(server / TICKS_PER_SECOND),
        }
    }

    /// What was used between `earlier` and `self`.
    pub(crate) fn since(self, earlier: Cpu) -> Cpu {
        Cpu {
            client: self.client.saturating_sub(earlier.client),
            server: self.server.saturating_sub(earlier.server),
        }
    }

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

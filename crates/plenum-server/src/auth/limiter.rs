//! Failed logins counted per account name and per client address, in a sliding window;
//! past the limit, further attempts are refused (429) without checking the password.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Failed attempts allowed per key within [`WINDOW`].
pub const MAX_FAILURES: u32 = 5;
/// The window failures are counted in.
pub const WINDOW: Duration = Duration::from_secs(60);
/// Keys kept before old ones are dropped.
const MAX_KEYS: usize = 100_000;

/// Failures per key (`name:ada`, `ip:127.0.0.1`).
#[derive(Debug, Default)]
pub struct LoginLimiter {
    failures: HashMap<String, (u32, Instant)>,
}

impl LoginLimiter {
    /// Seconds to wait, if any key is over the limit at `now`.
    pub fn blocked(&mut self, keys: &[String], now: Instant) -> Option<u64> {
        keys.iter()
            .filter_map(|key| {
                let (count, since) = self.failures.get(key)?;
                let elapsed = now.saturating_duration_since(*since);
                (*count >= MAX_FAILURES && elapsed < WINDOW)
                    .then(|| (WINDOW - elapsed).as_secs().max(1))
            })
            .max()
    }

    /// Counts a failure against every key.
    pub fn failed(&mut self, keys: &[String], now: Instant) {
        if self.failures.len() >= MAX_KEYS {
            self.failures
                .retain(|_, (_, since)| now.saturating_duration_since(*since) < WINDOW);
        }
        for key in keys {
            let entry = self.failures.entry(key.clone()).or_insert((0, now));
            if now.saturating_duration_since(entry.1) >= WINDOW {
                *entry = (0, now);
            }
            entry.0 += 1;
        }
    }

    /// Forgets the failures of a key (after a successful login).
    pub fn succeeded(&mut self, key: &str) {
        self.failures.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_failure_within_a_minute_is_blocked_until_the_window_passes() {
        let mut limiter = LoginLimiter::default();
        let keys = ["name:ada".to_owned()];
        let start = Instant::now();
        for _ in 0..MAX_FAILURES {
            assert_eq!(limiter.blocked(&keys, start), None);
            limiter.failed(&keys, start);
        }
        assert!(limiter.blocked(&keys, start).is_some());
        assert!(limiter.blocked(&["name:bob".to_owned()], start).is_none());
        assert_eq!(limiter.blocked(&keys, start + WINDOW), None);
        limiter.succeeded("name:ada");
        assert_eq!(limiter.blocked(&keys, start), None);
    }
}

//! A load generator for the server benches: `plenum serve` started as a process of its
//! own, and bursts of HTTP/1.1 requests over many keep-alive connections from one tokio
//! thread, closed loop or paced (an open loop), each request timed from when it was sent
//! (or due) to its answer read.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How long one measured burst may take before the run is given up as failed.
pub const BURST_LIMIT: Duration = Duration::from_secs(180);

/// Reads `--flag value` pairs from `args`: `set` takes a pair whose flag it knows and says
/// so; anything else (cargo's own `--bench`) is passed over on its own.
pub fn flags(args: &[String], mut set: impl FnMut(&str, &str) -> bool) {
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).map_or("", String::as_str);
        i += if set(&args[i], value) { 2 } else { 1 };
    }
}

/// The number given to `flag` (`_` may group digits); a bench's flags are its own, so a
/// bad one stops it.
pub fn number(flag: &str, value: &str) -> usize {
    value
        .replace('_', "")
        .parse()
        .unwrap_or_else(|_| panic!("{flag} wants a number, got `{value}`"))
}

/// The plenum binary built for this bench.
pub fn plenum() -> Command {
    Command::new(env!("CARGO_BIN_EXE_plenum"))
}

/// `plenum serve` on a free loopback port.
pub struct Server {
    child: Child,
    /// Its address, `127.0.0.1:PORT`.
    pub addr: String,
}

impl Server {
    /// Starts it over `db`.
    pub fn start(db: &str) -> Server {
        let mut child = plenum()
            .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
            .env_remove("PLENUM_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start plenum serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the address");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("plenum serve did not start: {line:?}"))
            .to_owned();
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a burst of requests came to.
#[derive(Clone, Debug, Default)]
pub struct Burst {
    /// From the first request written to the last answer read.
    pub wall: Duration,
    /// Latencies of answered requests, in microseconds, sorted.
    pub latencies: Vec<u32>,
    /// Answers by status.
    pub statuses: BTreeMap<u16, usize>,
    /// Requests that got no answer (connection failed).
    pub failed: usize,
}

impl Burst {
    /// Answers with `status`.
    pub fn count(&self, status: u16) -> usize {
        self.statuses.get(&status).copied().unwrap_or(0)
    }

    /// Answers per second.
    pub fn rate(&self) -> f64 {
        let answered: usize = self.statuses.values().sum();
        answered as f64 / self.wall.as_secs_f64()
    }

    /// The latency below which `p` of the answers came, in ms.
    pub fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let at = ((self.latencies.len() as f64 * p).ceil() as usize).clamp(1, self.latencies.len());
        f64::from(self.latencies[at - 1]) / 1000.0
    }
}

/// Sends `requests` over `connections` keep-alive connections to `addr` (request `i` on
/// connection `i % connections`), all connections opened before the clock starts. With
/// a `rate`, request `i` is due `i / rate` seconds after the start, and is sent then (or
/// as soon as its connection is free) and timed from then: an open loop, whose latencies
/// include any wait behind a slow answer.
pub fn burst(
    addr: &str,
    connections: usize,
    requests: Arc<Vec<Vec<u8>>>,
    rate: Option<f64>,
) -> Burst {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async move {
        let mut streams = Vec::with_capacity(connections);
        for _ in 0..connections {
            let stream = TcpStream::connect(addr).await.expect("connect");
            stream.set_nodelay(true).expect("nodelay");
            streams.push(stream);
        }
        let start = Instant::now();
        let tasks: Vec<_> = streams
            .into_iter()
            .enumerate()
            .map(|(k, stream)| {
                let requests = Arc::clone(&requests);
                tokio::spawn(async move {
                    let mut one = Burst::default();
                    let mut stream = stream;
                    let mut buffer = Vec::with_capacity(1024);
                    let mut i = k;
                    while i < requests.len() {
                        let sent = match rate {
                            Some(rate) => {
                                let due = start + Duration::from_secs_f64(i as f64 / rate);
                                tokio::time::sleep_until(due.into()).await;
                                due
                            }
                            None => Instant::now(),
                        };
                        match exchange(&mut stream, &requests[i], &mut buffer).await {
                            Ok(status) => {
                                *one.statuses.entry(status).or_default() += 1;
                                one.latencies.push(
                                    u32::try_from(sent.elapsed().as_micros()).unwrap_or(u32::MAX),
                                );
                            }
                            Err(_) => {
                                // The connection is gone: the rest of its share fails too.
                                one.failed += (requests.len() - i).div_ceil(connections);
                                break;
                            }
                        }
                        i += connections;
                    }
                    one
                })
            })
            .collect();
        let mut all = Burst::default();
        for task in tasks {
            let one =
                tokio::time::timeout_at(tokio::time::Instant::from_std(start + BURST_LIMIT), task)
                    .await
                    .expect("the burst took too long")
                    .expect("a connection's task");
            all.latencies.extend(one.latencies);
            for (status, n) in one.statuses {
                *all.statuses.entry(status).or_default() += n;
            }
            all.failed += one.failed;
        }
        all.wall = start.elapsed();
        all.latencies.sort_unstable();
        all
    })
}

/// Writes one request and reads its answer; its status.
pub async fn exchange(
    stream: &mut TcpStream,
    request: &[u8],
    buffer: &mut Vec<u8>,
) -> std::io::Result<u16> {
    stream.write_all(request).await?;
    buffer.clear();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buffer[..end])
                .map_err(|_| std::io::Error::other("a head that is not UTF-8"))?;
            let status: u16 = head
                .get(9..12)
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| std::io::Error::other("no status"))?;
            let length: usize = head
                .lines()
                .filter_map(|l| l.split_once(':'))
                .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .and_then(|(_, v)| v.trim().parse().ok())
                .ok_or_else(|| std::io::Error::other("no content-length"))?;
            let want = end + 4 + length;
            while buffer.len() < want {
                let n = stream.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buffer.extend_from_slice(&chunk[..n]);
            }
            return Ok(status);
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
}

/// `n` copies of `GET path`.
pub fn get_requests(addr: &str, path: &str, n: usize) -> Vec<Vec<u8>> {
    let request = format!("GET {path} HTTP/1.1\r\nhost: {addr}\r\n\r\n").into_bytes();
    vec![request; n]
}

/// The median.
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

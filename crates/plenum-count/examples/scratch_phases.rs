//! Scratch: phase timings, minimum of several runs.
use std::time::{Duration, Instant};
fn min_of<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..n {
        let t = Instant::now();
        let v = f();
        best = best.min(t.elapsed());
        out = Some(v);
    }
    (best, out.unwrap())
}
fn main() {
    let file = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let (t, e) = min_of(7, || {
        plenum_count::format::read(bytes.as_slice(), None).unwrap()
    });
    println!("parse {:?} distinct {}", t, e.n_distinct());
    for m in [
        plenum_count::Method::Meek,
        plenum_count::Method::Scottish,
        plenum_count::Method::Irv,
        plenum_count::Method::Schulze,
    ] {
        let (t, o) = min_of(5, || {
            plenum_count::count(&e, m, &plenum_count::Options::default()).unwrap()
        });
        println!("{m} {:?} stages {}", t, o.stages.len());
    }
}

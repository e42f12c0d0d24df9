//! Scratch: parse only.
fn main() {
    let file = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let e = plenum_count::format::read(bytes.as_slice(), None).unwrap();
        println!("parse {:?} distinct {}", t.elapsed(), e.n_distinct());
    }
}

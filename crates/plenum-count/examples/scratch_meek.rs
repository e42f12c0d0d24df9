//! Scratch: Meek only.
fn main() {
    let file = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    let e = plenum_count::format::read(bytes.as_slice(), None).unwrap();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let o = plenum_count::count(
            &e,
            plenum_count::Method::Meek,
            &plenum_count::Options::default(),
        )
        .unwrap();
        let its: u32 = o
            .stages
            .iter()
            .map(|s| match s.action {
                plenum_count::Action::Iteration { iterations, .. } => iterations,
                _ => 1,
            })
            .sum();
        println!("meek {:?} iterations {its}", t.elapsed());
    }
}

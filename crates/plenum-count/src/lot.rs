//! Drawing lots: a small seeded generator (xoshiro256**, seeded by SplitMix64), so that a tie
//! a rule settles "by lot" is settled the same way every time the count is run with the same
//! seed, and differently with another.

/// The seed used when the caller gives none.
pub const DEFAULT_SEED: u64 = 0;

/// A deterministic source of lots.
#[derive(Clone, Debug)]
pub(crate) struct Lot {
    state: [u64; 4],
}

impl Lot {
    /// A generator whose every draw follows from `seed`.
    pub(crate) fn new(seed: u64) -> Lot {
        let mut mix = seed;
        let mut next = || {
            mix = mix.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = mix;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Lot {
            state: [next(), next(), next(), next()],
        }
    }

    fn next_u64(&mut self) -> u64 {
        let [a, b, c, d] = &mut self.state;
        let result = b.wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = *b << 17;
        *c ^= *a;
        *d ^= *b;
        *b ^= *c;
        *a ^= *d;
        *c ^= t;
        *d = d.rotate_left(45);
        result
    }

    /// A uniform number in `0..n` (n > 0), without modulo bias.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let draw = self.next_u64();
            if draw < zone {
                return draw % n;
            }
        }
    }

    /// One of `among` (not empty), each equally likely.
    pub(crate) fn choose<T: Copy>(&mut self, among: &[T]) -> T {
        among[self.below(among.len() as u64) as usize]
    }

    /// Puts `items` in a uniformly random order.
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for end in (1..items.len()).rev() {
            let pick = self.below(end as u64 + 1) as usize;
            items.swap(end, pick);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_lots() {
        let mut first = Lot::new(7);
        let mut second = Lot::new(7);
        let draws: Vec<u64> = (0..20).map(|_| first.below(10)).collect();
        assert_eq!(draws, (0..20).map(|_| second.below(10)).collect::<Vec<_>>());
        let mut other = Lot::new(8);
        assert_ne!(draws, (0..20).map(|_| other.below(10)).collect::<Vec<_>>());
    }

    #[test]
    fn every_outcome_is_drawn() {
        let mut lot = Lot::new(1);
        let mut seen = [0u32; 3];
        for _ in 0..3000 {
            seen[lot.choose(&[0usize, 1, 2])] += 1;
        }
        assert!(
            seen.iter().all(|&count| (800..1200).contains(&count)),
            "{seen:?}"
        );
    }

    #[test]
    fn shuffle_keeps_the_items() {
        let mut items: Vec<u32> = (0..10).collect();
        Lot::new(3).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
    }
}

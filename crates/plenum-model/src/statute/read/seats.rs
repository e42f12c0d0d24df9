//! Reading `seats.at_least` on an organ: the fewest full seats an election may fill
//! it with, never 0 nor more than `seats.full`. It only reads; the rules judge
//! `election_held` (`rules/checks/seats.rs`).

use super::super::raw::RawSeats;
use super::Reader;
use crate::source::InputError;

impl Reader<'_> {
    /// `seats.at_least`: the fewest full seats, never more than `full` nor the
    /// largest count.
    pub(super) fn least_seats(&self, raw: &RawSeats) -> Result<Option<u32>, InputError> {
        let Some(least) = &raw.at_least else {
            return Ok(None);
        };
        self.count(Some(least.clone()))?;
        if let Some(full) = &raw.full
            && least.get_ref() > full.get_ref()
        {
            return Err(self.err(
                least.span(),
                format!(
                    "`seats.at_least` is {}, more than `seats.full`, {}",
                    least.get_ref(),
                    full.get_ref()
                ),
            ));
        }
        if *least.get_ref() == 0 {
            return Err(self.err(
                least.span(),
                "`seats.at_least` is 0; give at least 1, or leave it out",
            ));
        }
        Ok(Some(*least.get_ref()))
    }
}

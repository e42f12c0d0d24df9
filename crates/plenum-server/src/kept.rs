//! Answers kept for as long as they hold: an answer about the record as it stands is
//! good until the ledger's head moves; an answer about the record as it stood after a
//! fixed entry (`as_of`) is good forever. Keeping them turns a thousand readers of the
//! same organ page into one query and a thousand look-ups.
//!
//! Only answers are kept, never errors, and never anything that depends on who asks:
//! the key is the question (its type and every field) and the ledger point.

use std::any::Any;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex};

use plenum_store::Head;

/// The most answers kept; past it, those of an older head go first, then all.
pub const CAPACITY: usize = 1_024;

/// Questions that are not kept yet take turns by key in this many stripes, so that a
/// thousand readers asking the same new question compute it once, not a thousand times.
const STRIPES: usize = 64;

/// What an answer is good for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// Until the head moves from this one.
    Head(Head),
    /// Forever: the record as it stood after a fixed entry.
    Fixed,
}

struct Kept {
    validity: Validity,
    answer: Arc<dyn Any + Send + Sync>,
}

/// The kept answers, shared by every handler.
pub struct Answers {
    kept: Mutex<HashMap<String, Kept>>,
    turns: Vec<tokio::sync::Mutex<()>>,
    hasher: RandomState,
}

impl Default for Answers {
    fn default() -> Answers {
        Answers {
            kept: Mutex::default(),
            turns: (0..STRIPES).map(|_| tokio::sync::Mutex::new(())).collect(),
            hasher: RandomState::new(),
        }
    }
}

impl Answers {
    /// The turn to take before computing the answer to `key`: whoever holds it computes,
    /// the others wait and then find it kept.
    pub fn turn(&self, key: &str) -> &tokio::sync::Mutex<()> {
        let stripe = self.hasher.hash_one(key) as usize % self.turns.len();
        &self.turns[stripe]
    }

    /// The answer kept for `key`, if it is still good at `head` (or fixed).
    pub fn get<T: Clone + Send + Sync + 'static>(
        &self,
        key: &str,
        head: Option<Head>,
    ) -> Option<T> {
        let kept = self.kept.lock().ok()?;
        let found = kept.get(key)?;
        let good = match found.validity {
            Validity::Fixed => true,
            Validity::Head(at) => head == Some(at),
        };
        if !good {
            return None;
        }
        found.answer.downcast_ref::<T>().cloned()
    }

    /// Keeps `answer` for `key`, good for `validity`.
    pub fn put<T: Send + Sync + 'static>(&self, key: String, validity: Validity, answer: T) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        if kept.len() >= CAPACITY {
            if let Validity::Head(now) = validity {
                kept.retain(|_, k| k.validity == Validity::Head(now));
            }
            if kept.len() >= CAPACITY {
                kept.clear();
            }
        }
        kept.insert(
            key,
            Kept {
                validity,
                answer: Arc::new(answer),
            },
        );
    }

    /// How many answers are kept.
    pub fn len(&self) -> usize {
        self.kept.lock().map_or(0, |k| k.len())
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plenum_model::id::Seq;
    use plenum_store::Hash;

    fn head(seq: u64) -> Head {
        Head {
            seq: Seq(seq),
            hash: Hash::ZERO,
        }
    }

    #[test]
    fn an_answer_holds_until_the_head_moves() {
        let answers = Answers::default();
        answers.put("q".into(), Validity::Head(head(3)), 7_u32);
        assert_eq!(answers.get::<u32>("q", Some(head(3))), Some(7));
        assert_eq!(answers.get::<u32>("q", Some(head(4))), None);
        assert_eq!(answers.get::<u32>("q", None), None);
        assert_eq!(answers.get::<u32>("other", Some(head(3))), None);
    }

    #[test]
    fn a_fixed_answer_holds_forever_and_a_wrong_type_is_not_found() {
        let answers = Answers::default();
        answers.put("q".into(), Validity::Fixed, "x".to_owned());
        assert_eq!(
            answers.get::<String>("q", Some(head(9))).as_deref(),
            Some("x")
        );
        assert_eq!(answers.get::<u32>("q", None), None);
    }

    #[test]
    fn past_capacity_the_older_head_goes_first() {
        let answers = Answers::default();
        for i in 0..CAPACITY {
            answers.put(format!("old{i}"), Validity::Head(head(1)), i);
        }
        answers.put("new".into(), Validity::Head(head(2)), 1_usize);
        assert_eq!(answers.len(), 1);
        assert_eq!(answers.get::<usize>("new", Some(head(2))), Some(1));
        for i in 0..CAPACITY {
            answers.put(format!("k{i}"), Validity::Head(head(2)), i);
        }
        assert!(answers.len() <= CAPACITY);
        assert!(!answers.is_empty());
    }
}

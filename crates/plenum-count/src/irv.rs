//! Instant-runoff voting (the alternative vote; ranked-choice voting for one seat).
//!
//! - Each ballot counts, whole, for its highest-ranked continuing candidate; a ballot is read
//!   up to its first equal preference (or over-vote), and one whose first rank is uncertain is
//!   invalid.
//! - A candidate with more than half of the votes of continuing ballots is elected.
//! - Otherwise the candidate with fewest votes is excluded and their ballots pass to the next
//!   continuing preference; ballots with none left are exhausted (non-transferable).
//! - Ties for exclusion are broken as in Scottish STV: fewest votes at the most recent round
//!   at which the tied candidates differed, and by lot if they never did. So IRV elects the
//!   same candidate as one-seat STV. Candidates tied with no votes at all, who will all be
//!   excluded whatever the order, go in candidate order, and no tie is reported.

use crate::outcome::{Action, Outcome, Stage};
use crate::stv::{AHEAD, strict_ranges, touch};
use crate::tie::{Look, Want, settled_without_votes};
use crate::{CandidateId, Context, CountError, Value};

/// Counts by instant-runoff.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let n = context.n_candidates();
    let mut continuing = vec![false; n];
    for c in context.standing() {
        continuing[c.index()] = true;
    }
    let mut votes = vec![0u64; n];
    // Each ballot as (where its marks end, the mark of the candidate holding it, weight):
    // one record per move.
    let marks = context.election.raw_marks();
    let mut papers: Vec<(u32, u32, u64)> = Vec::with_capacity(context.election.n_distinct());
    let mut piles: Vec<Vec<u32>> = vec![Vec::new(); n];
    let (mut valid, mut invalid) = (0, 0);
    for (start, end, weight) in strict_ranges(context.election) {
        if start == end {
            invalid += weight;
            continue;
        }
        valid += weight;
        let first = usize::from(marks[start as usize]);
        piles[first].push(papers.len() as u32);
        papers.push((end, start, weight));
        votes[first] += weight;
    }
    let mut exhausted = 0;
    let mut stages = vec![stage(Action::Count, &votes, exhausted)];
    let mut history = vec![votes.clone()];
    let mut ties = context.ties();
    let winner = loop {
        let standing: Vec<CandidateId> = (0..n)
            .filter(|&c| continuing[c])
            .map(CandidateId::at)
            .collect();
        let active: u64 = standing.iter().map(|c| votes[c.index()]).sum();
        let leader = standing
            .iter()
            .copied()
            .max_by_key(|c| (votes[c.index()], std::cmp::Reverse(*c)));
        match leader {
            Some(leader)
                if votes[leader.index()] > active - votes[leader.index()]
                    || standing.len() == 1 =>
            {
                break leader;
            }
            None => break CandidateId::at(0),
            Some(_) => {}
        }
        let lowest = standing.iter().map(|c| votes[c.index()]).min().unwrap_or(0);
        let tied: Vec<CandidateId> = standing
            .iter()
            .copied()
            .filter(|c| votes[c.index()] == lowest)
            .collect();
        let round = stages.len() + 1;
        let out = settled_without_votes(&tied, &votes, standing.len(), 1).unwrap_or_else(|| {
            ties.pick(
                &tied,
                &history,
                Look::Backward,
                Want::Lowest,
                round,
                "exclusion",
            )
        });
        continuing[out.index()] = false;
        let pile = std::mem::take(&mut piles[out.index()]);
        for (offset, &index) in pile.iter().enumerate() {
            if offset % AHEAD == 0 {
                let chunk = &pile[offset..pile.len().min(offset + AHEAD)];
                touch(chunk, |ballot| papers[ballot].1 as usize, marks);
            }
            let (end, position, weight) = &mut papers[index as usize];
            match (*position + 1..*end).find(|&p| continuing[usize::from(marks[p as usize])]) {
                Some(next) => {
                    *position = next;
                    let to = usize::from(marks[next as usize]);
                    piles[to].push(index);
                    votes[to] += *weight;
                }
                None => exhausted += *weight,
            }
        }
        votes[out.index()] = 0;
        let mut next_stage = stage(
            Action::Exclusion {
                candidates: vec![out],
                part: None,
            },
            &votes,
            exhausted,
        );
        next_stage.excluded = vec![out];
        stages.push(next_stage);
        history.push(votes.clone());
    };
    if let Some(last) = stages.last_mut() {
        last.elected = vec![winner];
    }
    Ok(context.outcome(vec![winner], stages, ties, (valid, invalid)))
}

fn stage(action: Action, votes: &[u64], exhausted: u64) -> Stage {
    let mut stage = Stage::new(action, votes, 0);
    stage.non_transferable = Value::integer(exhausted);
    stage
}

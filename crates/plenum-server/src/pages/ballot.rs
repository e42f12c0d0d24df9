//! The ballot form of a meeting page: what a delegate ticks or ranks, read as the
//! API's ballot, cast through the same queue; the tracker is shown once, in the answer.

use std::collections::BTreeMap;

use axum::extract::{Form, Path, State};
use axum::response::Response;
use plenum_vote::{Choice, WireBallot};

use super::error_page;
use super::meetings::{Outcome, csrf, meeting_of, meeting_page, own_person};
use crate::api::polls::{BallotRequest, cast_ballot};
use crate::auth::Caller;
use crate::state::AppState;

/// The ballot form, read as pairs: `csrf`, `for`, `choice` or `rank1`, `rank2`, ...,
/// and `tracker` (replacing).
fn wire_ballot(fields: &BTreeMap<String, String>) -> WireBallot {
    let split: BTreeMap<Choice, u64> = Choice::ALL
        .into_iter()
        .filter_map(|c| {
            let votes = fields
                .get(&format!("split_{}", c.as_str()))?
                .trim()
                .parse()
                .ok()?;
            (votes > 0).then_some((c, votes))
        })
        .collect();
    if !split.is_empty() {
        return WireBallot {
            split: Some(split),
            ..WireBallot::default()
        };
    }
    if let Some(choice) = fields.get("choice") {
        let choice = Choice::ALL.into_iter().find(|c| c.as_str() == choice);
        return WireBallot {
            choice,
            ..WireBallot::default()
        };
    }
    let mut ranking = Vec::new();
    for n in 1.. {
        match fields.get(&format!("rank{n}")) {
            Some(c) if !c.is_empty() => ranking.push(c.clone()),
            Some(_) => {}
            None => break,
        }
    }
    WireBallot {
        ranking: Some(ranking),
        ..WireBallot::default()
    }
}

/// `POST /polls/{id}/vote`: the signed-in delegate casts a ballot (their own or by proxy).
pub async fn vote(
    State(state): State<AppState>,
    caller: Caller,
    Path(poll): Path<String>,
    Form(fields): Form<BTreeMap<String, String>>,
) -> Response {
    let meeting = match meeting_of(&state, &poll).await {
        Ok(m) => m,
        Err(e) => return error_page(&e),
    };
    let given = fields.get("csrf").cloned().unwrap_or_default();
    let outcome = match csrf(&caller, &given) {
        Err(o) => o,
        Ok(()) => match own_person(&caller) {
            Err(o) => o,
            Ok(by) => {
                let for_person = fields.get("for").filter(|f| **f != by).cloned();
                let tracker = fields
                    .get("tracker")
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty());
                let request = BallotRequest {
                    ballot: wire_ballot(&fields),
                    for_person,
                    tracker,
                };
                match cast_ballot(&state, poll, by, request).await {
                    Ok(receipt) => Outcome {
                        notice: Some(if receipt.replaced {
                            "Your ballot was replaced.".into()
                        } else {
                            "Your ballot is cast.".into()
                        }),
                        tracker: Some(receipt.tracker),
                        ..Outcome::default()
                    },
                    Err(e) => Outcome::failed(&e),
                }
            }
        },
    };
    meeting_page(&state, &caller, meeting, outcome).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn the_ballot_form_reads_as_a_choice_a_split_or_a_ranking() {
        let choice = wire_ballot(&form(&[("csrf", "x"), ("choice", "against")]));
        assert_eq!(choice.choice, Some(Choice::Against));
        let split = wire_ballot(&form(&[
            ("choice", "for"),
            ("split_for", "2"),
            ("split_against", ""),
            ("split_abstain", "1"),
        ]));
        assert_eq!(
            split.split,
            Some(BTreeMap::from([(Choice::For, 2), (Choice::Abstain, 1)])),
            "split votes win over the radio button"
        );
        let ranking = wire_ballot(&form(&[("rank1", "b"), ("rank2", ""), ("rank3", "a")]));
        assert_eq!(ranking.ranking, Some(vec!["b".to_owned(), "a".to_owned()]));
    }
}

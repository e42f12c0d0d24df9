//! Issue 14, a provisional penalty of the statute's own followed to its
//! confirmation: the board reprimands, the assembly confirms within three months;
//! as of a day, a reprimand past that without a confirmation, or refused while it
//! runs, is `not-confirmed`.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

fn statute() -> String {
    format!(
        r#"{STATUTE}
[[version.article]]
number = "8"
text = "The board may reprimand a member; the general assembly confirms it within three months."

[[version.penalty]]
id = "reprimand"
name = "reprimand"
article = "8"

[[version.discipline]]
act = "reprimand"
by = ["board"]
confirmed_by = "assembly"
within = "3 months"
article = "8"
"#
    )
}

/// The board reprimands Bob on 1 May 2021; then `after`.
fn reprimanded(after: &str, day: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        r#"{BOARD}
[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"

[[event]]
id = "decide-bob"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "Bob is reprimanded"
category = "discipline"
votes = {{ for = 3, against = 0 }}
outcome = "carried"

[[event]]
id = "bob-reprimanded"
date = "2021-05-01"
kind = "member_disciplined"
person = "bob"
org = "assoc"
penalty = "reprimand"
decision = "decide-bob"
{after}
"#
    );
    let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    // The findings about the penalty as of the day (the confirmation's own event,
    // judged when recorded, is not yet matched to a penalty: see docs/statute.md).
    of_rule(&findings(&tables, day), Rule::NotConfirmed)
        .into_iter()
        .filter(|f| f.events[0].as_str() == "bob-reprimanded")
        .cloned()
        .collect()
}

const CONFIRMED: &str = r#"
[[event]]
id = "reprimand-confirmed"
date = "2021-06-01"
kind = "act_confirmed"
act = "bob-reprimanded"
person = "bob"
by = "assoc/assembly"
"#;

#[test]
fn a_provisional_penalty_never_confirmed_is_found_past_its_deadline() {
    assert!(reprimanded("", "2021-08-01").is_empty());
    let found = reprimanded("", "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(found[0].events[0].as_str(), "bob-reprimanded");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("8")
    );
    assert_eq!(
        found[0].message,
        "the penalty `reprimand` of Bob (2021-05-01) has not been confirmed by General Assembly, which the statute requires within 3 months (by 2021-08-01)"
    );
    assert!(reprimanded(CONFIRMED, "2021-12-31").is_empty());
}

#[test]
fn a_refused_penalty_still_running_is_found() {
    let refused = CONFIRMED.replace(
        "by = \"assoc/assembly\"\n",
        "by = \"assoc/assembly\"\nrejected = true\n",
    );
    let found = reprimanded(&refused, "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains(
            "is still in effect, though General Assembly refused to confirm it on 2021-06-01"
        ),
        "{}",
        found[0].message
    );
    // A penalty set to end before the day asked about is no longer in effect.
    let ended = format!("until = \"2021-07-01\"\n{refused}");
    assert!(reprimanded(&ended, "2021-12-31").is_empty());
}

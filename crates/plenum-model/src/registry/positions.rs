//! Shapes of unnamed changes of standing and observed tenures: what they must name.

use super::Refusal;
use crate::event::{EventKind, Role};

/// A change of standing names a person or counts a group (then with its organization);
/// an observed tenure names one post or one organ.
pub(super) fn check_shape(kind: &EventKind) -> Result<(), Refusal> {
    match kind {
        EventKind::PositionChanged(b) if b.person.is_none() => {
            if b.others.is_none() {
                return Err(Refusal::new(
                    "",
                    "a change of standing names a `person` or counts `others` (a group the record does not name)",
                ));
            }
            if b.org.is_none() {
                return Err(Refusal::new(
                    "org",
                    "a change of standing that names nobody needs the `org` it happened in",
                ));
            }
        }
        EventKind::TenureObserved(b) => match (&b.post, &b.organ) {
            (Some(_), Some(_)) => {
                return Err(Refusal::new(
                    "organ",
                    "an observed tenure is of a post or of a seat on an organ, not both",
                ));
            }
            (None, None) => {
                return Err(Refusal::new(
                    "",
                    "an observed tenure needs the `post` or `organ` held",
                ));
            }
            (Some(_), None) if b.role != Role::Full => {
                return Err(Refusal::new("role", "a post has no alternates"));
            }
            _ => {}
        },
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::kinds::{PositionChanged, StandingChange, TenureObserved};

    fn change(person: bool, org: bool, others: bool) -> EventKind {
        EventKind::PositionChanged(PositionChanged {
            person: person.then(|| "kim".parse().unwrap()),
            org: org.then(|| "wpk".parse().unwrap()),
            change: StandingChange::Promoted,
            what: None,
            by: None,
            decision: None,
            meeting: None,
            others: others.then(|| crate::event::kinds::Headcount::Several.into()),
        })
    }

    #[test]
    fn a_change_names_someone_or_counts_a_group_of_an_organization() {
        assert!(check_shape(&change(true, false, false)).is_ok());
        assert!(check_shape(&change(false, true, true)).is_ok());
        let nobody = check_shape(&change(false, true, false)).unwrap_err();
        assert!(
            nobody
                .message
                .contains("names a `person` or counts `others`")
        );
        let nowhere = check_shape(&change(false, false, true)).unwrap_err();
        assert_eq!(nowhere.field, "org");
    }

    #[test]
    fn an_observation_is_of_one_post_or_one_organ() {
        let observed = |post: bool, organ: bool, role: Role| {
            check_shape(&EventKind::TenureObserved(TenureObserved {
                person: "kim".parse().unwrap(),
                post: post.then(|| "wpk/chairman".parse().unwrap()),
                organ: organ.then(|| "wpk/cc".parse().unwrap()),
                role,
            }))
        };
        assert!(observed(true, false, Role::Full).is_ok());
        assert!(observed(false, true, Role::Alternate).is_ok());
        assert_eq!(observed(true, true, Role::Full).unwrap_err().field, "organ");
        assert_eq!(observed(false, false, Role::Full).unwrap_err().field, "");
        assert_eq!(
            observed(true, false, Role::Alternate).unwrap_err().field,
            "role"
        );
    }
}

//! A duty to attend (an organ's `attends`): a `meeting_held` of an organ that names
//! as `absent` a person holding, on the day, a seat on an organ whose holders must
//! attend its meetings is `absent-holder`, citing that organ's clause. A meeting
//! that names no one absent is not judged (attendance is otherwise counted, not
//! named). It reads the meeting's organ and the seats held before the event.

use crate::date::Truth;
use crate::event::kinds::MeetingHeld;
use crate::id::OrganRef;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_attendance(&self, b: &MeetingHeld, out: &mut Out<'_>) {
        if b.absent.is_empty() {
            return;
        }
        let mut met: Vec<OrganRef> = b.organ.iter().cloned().collect();
        for o in self.meeting_organs(&b.meeting) {
            if !met.contains(&o) {
                met.push(o);
            }
        }
        let name = self.meeting_name(&b.meeting);
        for organ in &met {
            let Some(version) = self.version(&organ.org, &out.event.date) else {
                continue;
            };
            for def in &version.organs {
                let Some(Cited { rule, article }) = &def.attends else {
                    continue;
                };
                if !rule.organs.contains(&organ.key) {
                    continue;
                }
                let bound = OrganRef {
                    org: organ.org.clone(),
                    key: def.key.clone(),
                };
                for person in &b.absent {
                    if !self.history.holds_seat(person, &bound, None) {
                        continue;
                    }
                    out.push(
                        Rule::AbsentHolder,
                        Severity::Violation,
                        Truth::Definitely,
                        Some(Citation::of(version, article.as_ref())),
                        vec![],
                        format!(
                            "{} was absent from {name}, a meeting of {}; the holders of {} must attend every meeting of it",
                            self.person(person),
                            self.organ_name(organ),
                            self.organ_name(&bound)
                        ),
                    );
                }
            }
        }
    }
}

//! A meeting's record date (`meeting_convened` `record_date`) against the organ's
//! `record_date` clause ("not be more than 60 nor less than ten days before the date
//! of the meeting"), judged at the convocation against the day the meeting is called
//! for (`scheduled`): too close is `short-notice`, too early `long-notice`, `possibly`
//! where fuzzy dates leave it open. A convocation without a record date, or without
//! the day it calls the meeting for, is not judged. It reads only the statute.

use crate::date::{FuzzyDate, Truth};
use crate::event::kinds::MeetingConvened;
use crate::statute::{Cited, RecordDate};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_record_date(&self, b: &MeetingConvened, out: &mut Out<'_>) {
        let (Some(record), Some(meeting)) = (&b.record_date, &b.scheduled) else {
            return;
        };
        let Some(version) = self.version(&b.organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: clause,
            article,
        }) = version
            .organ(&b.organ.key)
            .and_then(|d| d.record_date.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let name = self.organ_name(&b.organ);
        let mut push = |rule: Rule, certainty: Truth, message: String| {
            out.push(
                rule,
                Severity::Violation,
                certainty,
                Some(citation.clone()),
                vec![],
                message,
            );
        };
        let rule = clause;
        if let Some(least) = rule.at_least {
            // Too close if even the earliest record date leaves less than `least`
            // before the latest meeting day; possibly, before the earliest.
            let certainty = truth(
                least.after(record.earliest()) > meeting.latest(),
                least.after(record.latest()) > meeting.earliest(),
            );
            if certainty != Truth::No {
                push(
                    Rule::ShortNotice,
                    certainty,
                    words(
                        &name,
                        (record, meeting),
                        &format!("less than {least}"),
                        *rule,
                    ),
                );
            }
        }
        if let Some(most) = rule.at_most {
            let certainty = truth(
                most.after(record.latest()) < meeting.earliest(),
                most.after(record.earliest()) < meeting.latest(),
            );
            if certainty != Truth::No {
                push(
                    Rule::LongNotice,
                    certainty,
                    words(
                        &name,
                        (record, meeting),
                        &format!("more than {most}"),
                        *rule,
                    ),
                );
            }
        }
    }
}

fn truth(surely: bool, possibly: bool) -> Truth {
    if surely {
        Truth::Definitely
    } else if possibly {
        Truth::Possibly
    } else {
        Truth::No
    }
}

fn words(
    organ: &str,
    (record, meeting): (&FuzzyDate, &FuzzyDate),
    gap: &str,
    clause: RecordDate,
) -> String {
    format!(
        "the meeting of {organ} called for {meeting} has the record date {record}, {gap} before it; the statute wants it {} before the meeting",
        clause.bounds()
    )
}

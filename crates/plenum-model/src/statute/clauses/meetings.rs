//! An organ's meetings: its cadence, notice and postponement, who convenes it, how it
//! votes in live meetings, the cadence and notice of each kind of meeting, its quorum
//! and its majorities.

use super::Clauses;
use crate::statute::{Cadence, Cited, OrganDef, SecretBallot};

/// The meeting clauses of one organ, in the order `statute check` lists them.
pub(super) fn clauses(out: &mut Clauses<'_>, organ: &OrganDef) {
    let s = organ.name.as_str();
    if let Some(Cited { rule, article }) = &organ.meets {
        let kind = match rule {
            Cadence::Rolling(_) => "rolling",
            Cadence::Calendar(_) | Cadence::Count(..) => "calendar",
        };
        out.push(
            s,
            "meets",
            format!("meets {rule} ({kind})"),
            article.as_ref(),
            Some("meeting-late, meeting-overdue"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.notice
        && (rule.at_least.is_some() || rule.at_most.is_some())
    {
        out.push(
            s,
            "notice",
            match (rule.at_least, rule.at_most) {
                (Some(l), Some(m)) => {
                    format!("at least {l} and at most {m} of notice of a meeting")
                }
                (Some(l), None) => format!("at least {l} of notice of a meeting"),
                (None, Some(m)) => format!("at most {m} of notice of a meeting"),
                (None, None) => String::new(),
            },
            article.as_ref(),
            Some(match (rule.at_least, rule.at_most) {
                (Some(_), Some(_)) => "short-notice, long-notice",
                (None, Some(_)) => "long-notice",
                _ => "short-notice",
            }),
        );
    }
    if let Some(article) = organ.postponement_article(None) {
        out.push(
            s,
            "notice",
            "a meeting held after the date it was called for is noted".to_owned(),
            Some(article),
            Some("meeting-postponed"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.convened_by {
        let mut who: Vec<String> = rule.by.iter().map(|k| out.organ_name(k)).collect();
        who.extend(
            rule.posts
                .iter()
                .map(|k| format!("the holder of the post of {}", out.post_name(k))),
        );
        if let Some(words) = rule.requisition_words() {
            let from = rule.from_constituencies.map_or_else(String::new, |n| {
                format!(" from at least {n} constituencies")
            });
            let notify = if rule.notify.is_empty() {
                String::new()
            } else {
                let posts: Vec<String> = rule.notify.iter().map(|k| out.post_name(k)).collect();
                format!(" (with notice to the {})", posts.join(" and the "))
            };
            who.push(format!(
                "{words} of its members by requisition{from}{notify}"
            ));
        }
        if let Some(orgs) = &rule.organizations {
            who.push(format!(
                "{} of the {} organizations under it by requisition",
                orgs.words(),
                orgs.category
            ));
        }
        out.push(
            s,
            "convened_by",
            format!("convened by {}", who.join(" or ")),
            article.as_ref(),
            Some("wrong-convener"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.voting {
        let mut parts = Vec::new();
        if let Some(n) = rule.proxies {
            parts.push(match n {
                0 => "no voting by proxy".to_owned(),
                1 => "a member may hold at most 1 proxy".to_owned(),
                n => format!("a member may hold at most {n} proxies"),
            });
        }
        if let Some(secret) = rule.secret {
            parts.push(match secret {
                SecretBallot::Always => "every vote by secret ballot".to_owned(),
                SecretBallot::Elections => "elections by secret ballot".to_owned(),
                SecretBallot::Never => "every vote named (roll-call)".to_owned(),
            });
        }
        if !parts.is_empty() {
            out.push(
                s,
                "voting",
                parts.join("; "),
                article.as_ref(),
                Some(match (rule.proxies.is_some(), rule.secret.is_some()) {
                    (true, true) => "proxy-vote, wrong-ballot; live meetings (plenum serve)",
                    (true, false) => "proxy-vote; live meetings (plenum serve)",
                    (false, true) => "wrong-ballot; live meetings (plenum serve)",
                    (false, false) => "live meetings (plenum serve)",
                }),
            );
        }
        if let Some(cumulative) = rule.cumulative {
            out.push(
                s,
                "voting.cumulative",
                if cumulative {
                    "cumulative voting allowed in its elections".to_owned()
                } else {
                    "no cumulative voting: in its elections a voter gives a candidate one vote at most (by points, the first choice's points)".to_owned()
                },
                article.as_ref(),
                if cumulative { None } else { Some("cumulative-vote") },
            );
        }
    }
    for kind in &organ.meeting_kinds {
        if let Some(Cited { rule, article }) = &kind.meets {
            let how = match rule {
                Cadence::Rolling(_) => "rolling",
                Cadence::Calendar(_) | Cadence::Count(..) => "calendar",
            };
            out.push(
                s,
                "meeting",
                format!("{} meetings: held {rule} ({how})", kind.category),
                article.as_ref(),
                Some("meeting-late"),
            );
        }
        if let Some(Cited { rule, article }) = &kind.notice {
            out.push(
                s,
                "meeting",
                format!(
                    "{} meetings: {} of notice",
                    kind.category,
                    match (rule.at_least, rule.at_most) {
                        (Some(l), Some(m)) => format!("at least {l} and at most {m}"),
                        (Some(l), None) => format!("at least {l}"),
                        (None, Some(m)) => format!("at most {m}"),
                        (None, None) => String::new(),
                    }
                ),
                article.as_ref(),
                Some("short-notice, long-notice"),
            );
        }
    }
    for Cited { rule, article } in &organ.tied {
        let other = out.organ_name(&rule.organ);
        out.push(
            s,
            "tied",
            format!("meets: {}", rule.words(&other)),
            article.as_ref(),
            Some("meeting-missing"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.not_on {
        out.push(
            s,
            "not_on",
            format!("never meets {}", rule.words()),
            article.as_ref(),
            Some("meeting-on-excluded-day"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.attends {
        let organs: Vec<String> = rule.organs.iter().map(|k| out.organ_name(k)).collect();
        out.push(
            s,
            "attends",
            format!(
                "its holders attend every meeting of {}",
                organs.join(" and of ")
            ),
            article.as_ref(),
            Some("absent-holder"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.record_date {
        out.push(
            s,
            "record_date",
            rule.words(),
            article.as_ref(),
            Some("short-notice, long-notice"),
        );
    }
    for kind in &organ.meeting_kinds {
        if let Some(Cited { rule, article }) = &kind.business {
            out.push(
                s,
                "meeting.business",
                rule.words(&kind.category),
                article.as_ref(),
                Some("business-not-noticed"),
            );
        }
    }
    if let Some(Cited { rule, article }) = &organ.notice_by {
        let posts: Vec<String> = rule.posts.iter().map(|k| out.post_name(k)).collect();
        out.push(
            s,
            "notice_by",
            format!(
                "the notice of its meetings is sent by the holder of the post of {}",
                posts.join(" or ")
            ),
            article.as_ref(),
            Some("wrong-notifier"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.all_members {
        out.push(
            s,
            "all_members",
            rule.words(),
            article.as_ref(),
            Some("seats-under-limit"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.one_vote {
        let mut text = "each member has one vote".to_owned();
        if !rule.except.is_empty() {
            text.push_str(&format!(", except in {} decisions", rule.except.join(", ")));
        }
        out.push(
            s,
            "one_vote",
            text,
            article.as_ref(),
            Some("majority-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.weighted {
        let text = rule.words(|k| out.organ_name(k), |k| out.post_name(k));
        out.push(
            s,
            "weighted",
            text,
            article.as_ref(),
            Some("majority-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.quorum {
        out.push(
            s,
            "quorum",
            format!("decides only with {rule} of its members present"),
            article.as_ref(),
            Some("quorum-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.after_withdrawal {
        out.push(
            s,
            "quorum.after_withdrawal",
            format!(
                "a meeting that had its quorum when it sat decides, after withdrawals leave fewer, only by {rule}"
            ),
            article.as_ref(),
            Some("quorum-not-met"),
        );
    }
    for (category, Cited { rule, article }) in &organ.majority {
        let what = if category == "default" {
            "decisions".to_owned()
        } else if category == "election" {
            "elections it holds (by their tally)".to_owned()
        } else {
            format!("{category} decisions")
        };
        out.push(
            s,
            "majority",
            format!("{what} need {rule}"),
            article.as_ref(),
            Some("majority-not-met"),
        );
    }
}

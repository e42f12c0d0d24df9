//! An organ's clauses: who elects it, its seats, term and vacancies, then its meetings
//! (`meetings.rs`), the holders who sit on it by office, its alternates, constituencies,
//! members without a vote, its composition and who may sit on it.

use super::Clauses;
use crate::statute::{Cited, OrganDef};

/// The clauses of one organ, in the order `statute check` lists them.
pub(super) fn clauses(out: &mut Clauses<'_>, organ: &OrganDef) {
    let version = out.version;
    let s = organ.name.as_str();
    if let Some(elected_by) = &organ.elected_by {
        out.elected_by(s, elected_by, organ.vacancies_by.as_ref());
        if let (Some(Cited { rule, article }), Some(filler)) =
            (&organ.co_option, &organ.vacancies_by)
        {
            let elector = match &elected_by.rule {
                crate::statute::Elector::Organ(k) => out.organ_name(k),
                _ => "its electors".to_owned(),
            };
            if !rule.except.is_empty() {
                out.push(
                    s,
                    "co_option",
                    rule.words(&out.organ_name(filler), &elector),
                    article.as_ref(),
                    Some("wrong-elector"),
                );
            }
            if let Some(until) = &rule.until {
                out.push(
                    s,
                    "co_option.until",
                    crate::statute::CoOption::until_words(until, &out.organ_name(&until.organ)),
                    article.as_ref(),
                    Some("term-expired"),
                );
            }
        }
    }
    out.procedure(s, &organ.procedure, organ.elected_by.as_ref());
    if let Some(Cited { rule, article }) = &organ.counting {
        out.push(
            s,
            "counting",
            rule.words(),
            article.as_ref(),
            Some("wrong-method, plurality-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.seats {
        let mut parts = Vec::new();
        if let Some(n) = rule.full {
            parts.push(format!("at most {n} full seats"));
        }
        if let Some(n) = rule.least_full {
            parts.push(format!("at least {n} full seats filled by an election"));
        }
        if let Some(n) = rule.alternate {
            parts.push(format!("at most {n} alternate seats"));
        }
        out.push(
            s,
            "seats",
            parts.join(", "),
            article.as_ref(),
            Some(if rule.least_full.is_some() {
                "seats-over-limit, seats-under-limit"
            } else {
                "seats-over-limit"
            }),
        );
    }
    if let Some(Cited { rule, article }) = &organ.term_meetings {
        let of = out.organ_name(&rule.of);
        out.push(
            s,
            "term",
            rule.words(&of),
            article.as_ref(),
            Some("term-expired"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.seats_set {
        let words = rule.words(|k| out.organ_name(k));
        out.push(
            s,
            "seats_set",
            words,
            article.as_ref(),
            Some("no-competent-decision, seats-over-limit"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.off_schedule {
        let by = rule.name(|k| out.organ_name(k));
        out.push(
            s,
            "off_schedule",
            format!("a meeting held off its cadence (brought forward or postponed) needs the approval of {by}"),
            article.as_ref(),
            Some("meeting-late (an approved postponement is not late)"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.led_by {
        let words = rule.words(|k| out.organ_name(k));
        out.push(
            s,
            "led_by",
            words,
            article.as_ref(),
            Some("revised-from-below"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.delegates {
        let words = rule.words(|k| out.organ_name(k));
        out.push(
            s,
            "delegates",
            words,
            article.as_ref(),
            Some(if rule.approved_by.is_some() {
                "no-competent-decision, not-confirmed"
            } else {
                "no-competent-decision"
            }),
        );
    }
    if let Some(Cited { rule, article }) = &organ.between_elections {
        let filler = organ.vacancies_by.as_ref().map_or_else(
            || "the organ for vacancies".to_owned(),
            |k| out.organ_name(k),
        );
        out.push(
            s,
            "between_elections",
            rule.words(&filler),
            article.as_ref(),
            Some("seats-over-limit (as of a date)"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.term {
        out.push(
            s,
            "term",
            Clauses::term(rule),
            article.as_ref(),
            Some("term-expired"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.vacancy {
        let words = out.vacancy(rule);
        out.push(
            s,
            "vacancy",
            words,
            article.as_ref(),
            Some("vacancy-unfilled"),
        );
    }
    super::meetings::clauses(out, organ);
    if !organ.ex_officio.is_empty() {
        let posts = organ
            .ex_officio
            .iter()
            .map(|k| out.post_name(k))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            s,
            "ex_officio",
            format!("the holders of {posts} sit on it by office"),
            None,
            Some("quorum-not-met, majority-not-met (the base)"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.succession {
        out.push(
            s,
            "alternates",
            rule.words().to_owned(),
            article.as_ref(),
            Some("alternate-skipped"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.constituencies {
        let (words, rules) = rule.words(version);
        out.push(s, "constituencies", words, article.as_ref(), Some(rules));
    }
    if let Some(Cited { rule, article }) = &organ.regions {
        let regions = version
            .constituencies
            .as_ref()
            .map(|c| {
                c.rule
                    .regions
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        out.push(
            s,
            "regions",
            format!(
                "at least {} of its holders from each region ({regions})",
                rule.at_least
            ),
            article.as_ref(),
            Some("seats-under-limit"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.non_voting {
        let posts: Vec<String> = rule.posts.iter().map(|k| out.post_name(k)).collect();
        let words = format!(
            "the holders of {} attend with voice but no vote",
            posts.join(", ")
        );
        out.push(
            s,
            "non_voting",
            words,
            article.as_ref(),
            Some("majority-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.acts_for {
        out.push(
            s,
            "acts_for",
            format!(
                "takes the decisions of {} between its {}",
                out.organ_name(&rule.organ),
                rule.between.as_str()
            ),
            article.as_ref(),
            Some("no-competent-decision"),
        );
    }
    if let Some(Cited { rule, article }) = &organ.composed_of {
        out.push(
            s,
            "composed_of",
            crate::statute::procedures::composed_words(version, rule),
            article.as_ref(),
            Some("wrong-elector, quorum-not-met, majority-not-met (the base)"),
        );
    }
    for Cited { rule, article } in &organ.eligibility {
        let words = format!("a seat holder {}", out.requirement(rule));
        out.push(
            s,
            "eligibility",
            words,
            article.as_ref(),
            Some("ineligible-holder"),
        );
    }
}

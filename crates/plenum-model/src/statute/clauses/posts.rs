//! A post's clauses: who may act in it, who elects it, how many hold it, its term and
//! vacancies, and who may hold it.

use super::Clauses;
use crate::statute::{Cited, PostDef};

/// The clauses of one post, in the order `statute check` lists them.
pub(super) fn clauses(out: &mut Clauses<'_>, post: &PostDef) {
    let version = out.version;
    let s = post.name.as_str();
    if let Some(Cited { rule, article }) = &post.acting {
        let words = crate::statute::acting::words(version, rule);
        out.push(
            s,
            "acting",
            words,
            article.as_ref(),
            Some("ineligible-holder"),
        );
    }
    if let Some(elected_by) = &post.elected_by {
        out.elected_by(s, elected_by, post.vacancies_by.as_ref());
    }
    out.procedure(s, &post.procedure, post.elected_by.as_ref());
    if post.holders != 1 {
        out.push(
            s,
            "holders",
            format!("held by at most {} at once", post.holders),
            None,
            None,
        );
    }
    if let Some(Cited { rule, article }) = &post.term_meetings {
        let of = out.organ_name(&rule.of);
        out.push(
            s,
            "term",
            rule.words(&of),
            article.as_ref(),
            Some("term-expired"),
        );
    }
    if let Some(Cited { rule, article }) = &post.term {
        out.push(
            s,
            "term",
            Clauses::term(rule),
            article.as_ref(),
            Some("term-expired"),
        );
    }
    if let Some(Cited { rule, article }) = &post.vacancy {
        let words = out.vacancy(rule);
        out.push(
            s,
            "vacancy",
            words,
            article.as_ref(),
            Some("vacancy-unfilled"),
        );
    }
    for Cited { rule, article } in &post.eligibility {
        let words = format!("the holder {}", out.requirement(rule));
        out.push(
            s,
            "eligibility",
            words,
            article.as_ref(),
            Some("ineligible-holder"),
        );
    }
}

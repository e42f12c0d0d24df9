//! The clauses of a statute in words: what `plenum statute check` shows, so that a
//! newcomer can compare what plenum understood with the statute's text.
//!
//! Each clause is one rule the engine checks (or, for `elected_by` of the members
//! and appointments, one it records), with the article it cites.

use serde::Serialize;

use super::{Cadence, Cited, Document, Elector, Requirement, Version};

/// One clause: a rule of one version, in a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// The organization.
    pub organization: String,
    /// The version.
    pub version: String,
    /// What the clause is about: an organ's or post's name, or `discipline`.
    pub subject: String,
    /// The statute field (`elected_by`, `seats`, `term`, `meets`, ...).
    pub field: &'static str,
    /// The clause in words.
    pub rule: String,
    /// The article it cites, if any.
    pub article: Option<String>,
    /// The rule that checks it (`wrong-elector`, ...); `None` for one only recorded.
    pub checked_by: Option<&'static str>,
}

/// Every clause of every version of a document, in the order written.
pub fn clauses(document: &Document) -> Vec<Clause> {
    document
        .versions
        .iter()
        .flat_map(|v| {
            let mut out = version_clauses(v);
            out.extend(super::subordinate::clauses(v, version_clauses));
            out.extend(super::founding::clauses(v));
            out.extend(super::consent::clauses(v));
            out
        })
        .collect()
}

fn version_clauses(version: &Version) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut push = |subject: &str,
                    field: &'static str,
                    rule: String,
                    article: Option<&String>,
                    checked_by: Option<&'static str>| {
        out.push(Clause {
            organization: version.org.to_string(),
            version: version.id.to_string(),
            subject: subject.to_owned(),
            field,
            rule,
            article: article.cloned(),
            checked_by,
        });
    };
    let organ_name = |key: &crate::id::Key| {
        version
            .organ(key)
            .map_or_else(|| key.to_string(), |o| o.name.clone())
    };
    let elector = |e: &Elector| match e {
        Elector::Members => "elected by the members".to_owned(),
        Elector::Appointment => "appointed".to_owned(),
        Elector::Organ(k) => format!("elected by {} only", organ_name(k)),
        Elector::Parent(k) => format!("elected by the `{k}` of the organization one level up only"),
        Elector::Post(k) => format!(
            "appointed by the holder of the post of {} only",
            version
                .post(k)
                .map_or_else(|| k.to_string(), |p| p.name.clone())
        ),
    };
    let vacancy = |v: &crate::statute::VacancyDeadline| match v {
        crate::statute::VacancyDeadline::Within(p) => format!("a vacancy is filled within {p}"),
        crate::statute::VacancyDeadline::NextMeeting(k) => {
            format!(
                "a vacancy is filled by the next meeting of {}",
                organ_name(k)
            )
        }
    };
    let requirement = |r: &Requirement| match r {
        Requirement::Member => "must be a member".to_owned(),
        Requirement::FullMember => "must be a full member".to_owned(),
        Requirement::Seat(k) => format!("must hold a seat on {}", organ_name(k)),
        Requirement::Class(k) => format!(
            "must be a member of the class {}",
            version
                .class(k)
                .map_or_else(|| k.to_string(), |c| c.name.clone())
        ),
        Requirement::Standing { full, length } => format!(
            "must have been a {}member for at least {length}",
            if *full { "full " } else { "" }
        ),
        Requirement::MemberOf { org, full } => format!(
            "must be a {}member of {org} (another organization, by its register)",
            if *full { "full " } else { "" }
        ),
    };
    let term = |t: &super::Term| {
        let limits = match (t.max_terms, t.max_consecutive) {
            (None, None) => String::new(),
            (Some(n), None) => format!("; at most {n} terms in all"),
            (None, Some(c)) => format!("; at most {c} terms in a row"),
            (Some(n), Some(c)) => format!("; at most {c} terms in a row, {n} in all"),
        };
        let length = if t.holds_over {
            format!(
                "a term of {}; holders stay until a successor is elected",
                t.length
            )
        } else {
            format!("a term of {}; the office ends with it", t.length)
        };
        format!("{length}{limits}")
    };
    for organ in &version.organs {
        let s = organ.name.as_str();
        if let Some(Cited { rule, article }) = &organ.elected_by {
            let checked = matches!(
                rule,
                Elector::Organ(_) | Elector::Post(_) | Elector::Parent(_)
            )
            .then_some("wrong-elector");
            let vacancies = organ.vacancies_by.as_ref().map_or_else(String::new, |k| {
                format!("; vacancies filled by {}", organ_name(k))
            });
            push(
                s,
                "elected_by",
                format!("{}{vacancies}", elector(rule)),
                article.as_ref(),
                checked,
            );
        }
        for (field, words, checked) in
            super::procedures::procedure_clauses(&organ.procedure, &organ_name)
        {
            let article = organ.elected_by.as_ref().and_then(|e| e.article.as_ref());
            push(s, field, words, article, Some(checked));
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
            push(
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
        if let Some(Cited { rule, article }) = &organ.term {
            push(
                s,
                "term",
                term(rule),
                article.as_ref(),
                Some("term-expired"),
            );
        }
        if let Some(Cited { rule, article }) = &organ.vacancy {
            push(
                s,
                "vacancy",
                vacancy(rule),
                article.as_ref(),
                Some("vacancy-unfilled"),
            );
        }
        if let Some(Cited { rule, article }) = &organ.meets {
            let kind = match rule {
                Cadence::Rolling(_) => "rolling",
                Cadence::Calendar(_) | Cadence::Count(..) => "calendar",
            };
            push(
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
            push(
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
            push(
                s,
                "notice",
                "a meeting held after the date it was called for is noted".to_owned(),
                Some(article),
                Some("meeting-postponed"),
            );
        }
        if let Some(Cited { rule, article }) = &organ.convened_by {
            let mut who: Vec<String> = rule.by.iter().map(&organ_name).collect();
            who.extend(rule.posts.iter().map(|k| {
                format!(
                    "the holder of the post of {}",
                    version
                        .post(k)
                        .map_or_else(|| k.to_string(), |p| p.name.clone())
                )
            }));
            if let Some(words) = rule.requisition_words() {
                who.push(format!("{words} of its members by requisition"));
            }
            push(
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
                    super::SecretBallot::Always => "every vote by secret ballot".to_owned(),
                    super::SecretBallot::Elections => "elections by secret ballot".to_owned(),
                    super::SecretBallot::Never => "every vote named (roll-call)".to_owned(),
                });
            }
            push(
                s,
                "voting",
                parts.join("; "),
                article.as_ref(),
                Some("live meetings (plenum serve)"),
            );
        }
        for kind in &organ.meeting_kinds {
            if let Some(Cited { rule, article }) = &kind.meets {
                let how = match rule {
                    Cadence::Rolling(_) => "rolling",
                    Cadence::Calendar(_) | Cadence::Count(..) => "calendar",
                };
                push(
                    s,
                    "meeting",
                    format!("{} meetings: held {rule} ({how})", kind.category),
                    article.as_ref(),
                    Some("meeting-late"),
                );
            }
            if let Some(Cited { rule, article }) = &kind.notice {
                push(
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
        if let Some(Cited { rule, article }) = &organ.quorum {
            push(
                s,
                "quorum",
                format!("decides only with {rule} of its members present"),
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
            push(
                s,
                "majority",
                format!("{what} need {} {}", rule.threshold, rule.base),
                article.as_ref(),
                Some("majority-not-met"),
            );
        }
        if !organ.ex_officio.is_empty() {
            let posts = organ
                .ex_officio
                .iter()
                .map(|k| {
                    version
                        .post(k)
                        .map_or_else(|| k.to_string(), |p| p.name.clone())
                })
                .collect::<Vec<_>>()
                .join(", ");
            push(
                s,
                "ex_officio",
                format!("the holders of {posts} sit on it by office"),
                None,
                Some("quorum-not-met, majority-not-met (the base)"),
            );
        }
        if let Some(Cited { rule, article }) = &organ.succession {
            push(
                s,
                "alternates",
                rule.words().to_owned(),
                article.as_ref(),
                Some("alternate-skipped"),
            );
        }
        if let Some(Cited { rule, article }) = &organ.constituencies {
            let (words, rules) = rule.words(version);
            push(s, "constituencies", words, article.as_ref(), Some(rules));
        }
        if let Some(Cited { rule, article }) = &organ.non_voting {
            let posts: Vec<String> = rule
                .posts
                .iter()
                .map(|k| {
                    version
                        .post(k)
                        .map_or_else(|| k.to_string(), |p| p.name.clone())
                })
                .collect();
            let words = format!(
                "the holders of {} attend with voice but no vote",
                posts.join(", ")
            );
            push(
                s,
                "non_voting",
                words,
                article.as_ref(),
                Some("majority-not-met"),
            );
        }
        if let Some(Cited { rule, article }) = &organ.composed_of {
            push(
                s,
                "composed_of",
                super::procedures::composed_words(version, rule),
                article.as_ref(),
                Some("wrong-elector, quorum-not-met, majority-not-met (the base)"),
            );
        }
        for Cited { rule, article } in &organ.eligibility {
            push(
                s,
                "eligibility",
                format!("a seat holder {}", requirement(rule)),
                article.as_ref(),
                Some("ineligible-holder"),
            );
        }
    }
    for post in &version.posts {
        let s = post.name.as_str();
        if let Some(Cited { rule, article }) = &post.acting {
            let words = super::acting::words(version, rule);
            push(
                s,
                "acting",
                words,
                article.as_ref(),
                Some("ineligible-holder"),
            );
        }
        if let Some(Cited { rule, article }) = &post.elected_by {
            let checked = matches!(
                rule,
                Elector::Organ(_) | Elector::Post(_) | Elector::Parent(_)
            )
            .then_some("wrong-elector");
            let vacancies = post.vacancies_by.as_ref().map_or_else(String::new, |k| {
                format!("; vacancies filled by {}", organ_name(k))
            });
            push(
                s,
                "elected_by",
                format!("{}{vacancies}", elector(rule)),
                article.as_ref(),
                checked,
            );
        }
        for (field, words, checked) in
            super::procedures::procedure_clauses(&post.procedure, &organ_name)
        {
            let article = post.elected_by.as_ref().and_then(|e| e.article.as_ref());
            push(s, field, words, article, Some(checked));
        }
        if post.holders != 1 {
            push(
                s,
                "holders",
                format!("held by at most {} at once", post.holders),
                None,
                None,
            );
        }
        if let Some(Cited { rule, article }) = &post.term {
            push(
                s,
                "term",
                term(rule),
                article.as_ref(),
                Some("term-expired"),
            );
        }
        if let Some(Cited { rule, article }) = &post.vacancy {
            push(
                s,
                "vacancy",
                vacancy(rule),
                article.as_ref(),
                Some("vacancy-unfilled"),
            );
        }
        for Cited { rule, article } in &post.eligibility {
            push(
                s,
                "eligibility",
                format!("the holder {}", requirement(rule)),
                article.as_ref(),
                Some("ineligible-holder"),
            );
        }
    }
    for Cited { rule, article } in &version.incompatibilities {
        let names = rule
            .iter()
            .map(|k| {
                version
                    .post(k)
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| organ_name(k))
            })
            .collect::<Vec<_>>()
            .join(", ");
        push(
            "incompatibility",
            "incompatible",
            format!("no one may hold together: {names}"),
            article.as_ref(),
            Some("ineligible-holder"),
        );
    }
    if let Some(rule) = &version.amendment {
        let by = rule
            .by
            .iter()
            .map(&organ_name)
            .collect::<Vec<_>>()
            .join(" or ");
        let majority = rule.majority.as_ref().map_or_else(String::new, |m| {
            let cited = m
                .article
                .as_ref()
                .map_or_else(String::new, |a| format!(" (article {a})"));
            format!(", by {} {}{cited}", m.rule.threshold, m.rule.base)
        });
        push(
            "amendment",
            "amendment",
            format!("this version is amended by {by}{majority}"),
            rule.article.as_ref(),
            Some("no-competent-decision, majority-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &version.constituencies {
        let words = format!("the organization is divided into {}s", rule.name);
        push(
            "constituencies",
            "constituencies",
            words,
            article.as_ref(),
            None,
        );
    }
    if let Some(trials) = &version.trials {
        if let Some(Cited { rule, article }) = &trials.filed_by {
            push(
                "trials",
                "filed_by",
                format!(
                    "charges are filed by {}",
                    match rule {
                        super::Filer::Member => "any member",
                        super::Filer::FullMember => "any full member",
                    }
                ),
                article.as_ref(),
                Some("wrong-accuser"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.tried_by {
            let by = rule
                .iter()
                .map(&organ_name)
                .collect::<Vec<_>>()
                .join(" or ");
            push(
                "trials",
                "tried_by",
                format!("charges are tried by {by}"),
                article.as_ref(),
                Some("wrong-trial-body"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.required_for {
            let acts = rule
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(" or ");
            push(
                "trials",
                "required_for",
                format!("{acts} only after a trial"),
                article.as_ref(),
                Some("no-trial"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.decision_within {
            push(
                "trials",
                "decision",
                format!("a trial's decision is rendered within {rule} of the trial"),
                article.as_ref(),
                Some("decision-late"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.serve_within {
            push(
                "trials",
                "serve",
                format!(
                    "a copy of the charges is served on the accused within {rule} of their filing"
                ),
                article.as_ref(),
                Some("service-late"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.served_before_trial {
            push(
                "trials",
                "served_before_trial",
                format!(
                    "a copy of the charges is served on the accused at least {rule} before the trial"
                ),
                article.as_ref(),
                Some("service-late"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.appeals_final_by {
            let by = rule
                .iter()
                .map(&organ_name)
                .collect::<Vec<_>>()
                .join(" or ");
            push(
                "trials",
                "appeals",
                format!("appeals are decided finally by {by}"),
                article.as_ref(),
                Some("wrong-appeal-body"),
            );
        }
        if let Some(Cited { rule, article }) = &trials.hearing {
            let acts = rule
                .acts
                .iter()
                .map(|a| a.as_str())
                .collect::<Vec<_>>()
                .join(" or ");
            let before = rule
                .before
                .as_ref()
                .map(|b| format!(" before {}", organ_name(b)))
                .unwrap_or_default();
            push(
                "trials",
                "hearing",
                format!("no {acts} without first hearing the person concerned{before}"),
                article.as_ref(),
                Some("not-heard"),
            );
        }
    }
    if let Some(Cited { rule, article }) = &version.admission.sponsors {
        push(
            "membership",
            "sponsors",
            format!(
                "an admission is recommended by at least {} {}",
                rule.at_least,
                match (rule.full, rule.at_least) {
                    (true, 1) => "full member",
                    (true, _) => "full members",
                    (false, 1) => "member",
                    (false, _) => "members",
                }
            ),
            article.as_ref(),
            Some("too-few-sponsors"),
        );
    }
    if let Some(Cited { article, .. }) = &version.admission.as_candidate {
        push(
            "membership",
            "admission",
            "new members are admitted on probation, as candidates".to_owned(),
            article.as_ref(),
            Some("admitted-as-full"),
        );
    }
    if let Some(Cited { rule, article }) = &version.probation {
        push(
            "membership",
            "probation",
            match version.probation_extension {
                None => format!("candidates are confirmed as full members within {rule}"),
                Some(e) => format!(
                    "candidates are confirmed as full members within {rule}, or within an extension of at most {e} more"
                ),
            },
            article.as_ref(),
            Some("status-too-long"),
        );
    }
    if let Some(Cited { rule, article }) = &version.voters {
        push(
            "membership",
            "votes",
            format!("in an assembly of all the members, {rule} vote"),
            article.as_ref(),
            Some("majority-not-met"),
        );
    }
    if let Some(Cited { rule, article }) = &version.lapse {
        push(
            "membership",
            "lapse",
            if rule.more_than {
                format!(
                    "a membership lapses only once dues have been unpaid more than {} (the day after that period is complete at the earliest)",
                    rule.period
                )
            } else {
                format!(
                    "a membership lapses only after {} of unpaid dues (on the day that period is complete at the earliest)",
                    rule.period
                )
            },
            article.as_ref(),
            Some("early-lapse, lapsed-member"),
        );
    }
    for rule in &version.discipline {
        let by = rule
            .by
            .iter()
            .map(&organ_name)
            .collect::<Vec<_>>()
            .join(" or ");
        let from = rule.from.as_ref().map_or_else(String::new, |f| {
            let name = version
                .post(f)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| organ_name(f));
            format!(" from {name}")
        });
        let majority = rule
            .majority
            .map_or_else(String::new, |m| format!(", by {} {}", m.threshold, m.base));
        let longest = rule
            .longest
            .map_or_else(String::new, |l| format!(", for at most {l}"));
        let checked = match (rule.majority.is_some(), rule.longest.is_some()) {
            (true, true) => "no-competent-decision, majority-not-met, status-too-long",
            (true, false) => "no-competent-decision, majority-not-met",
            (false, true) => "no-competent-decision, status-too-long",
            (false, false) => "no-competent-decision",
        };
        let whom = rule.target.as_ref().map_or_else(String::new, |t| match t {
            super::Target::Seat(k) => format!(" of a holder of a seat on {}", organ_name(k)),
            super::Target::Post(k) => format!(
                " of the holder of {}",
                version
                    .post(k)
                    .map_or_else(|| k.to_string(), |p| p.name.clone())
            ),
            super::Target::Member => {
                " of an ordinary member (holding none of the offices the other rules name)"
                    .to_owned()
            }
        });
        push(
            "discipline",
            "discipline",
            format!(
                "{}{whom}{from}: decided by {by}{majority}{longest}",
                rule.act_name()
            ),
            rule.article.as_ref(),
            Some(checked),
        );
        if let Some(c) = &rule.confirmed_by {
            push(
                "discipline",
                "confirmed_by",
                format!(
                    "{} by {by}: provisional until {} confirms it {}",
                    rule.act_name(),
                    organ_name(&c.by),
                    c.deadline_words(),
                ),
                rule.article.as_ref(),
                Some("not-confirmed"),
            );
        }
    }
    for class in &version.classes {
        let (rule, checked) = super::classes::clause(class);
        push(
            "membership",
            "class",
            rule,
            class.article.as_ref(),
            Some(checked),
        );
    }
    for penalty in &version.penalties {
        let (rule, checked) = super::penalties::clause(penalty);
        push(
            "discipline",
            "penalty",
            rule,
            penalty.article.as_ref(),
            Some(checked),
        );
    }
    out
}

#[cfg(test)]
#[path = "clauses_tests.rs"]
mod tests;

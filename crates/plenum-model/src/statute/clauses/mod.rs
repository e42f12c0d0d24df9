//! The clauses of a statute in words: what `plenum statute check` shows, so that a
//! newcomer can compare what plenum understood with the statute's text.
//!
//! Each clause is one rule the engine checks (or, for `elected_by` of the members
//! and appointments, one it records), with the article it cites.
//!
//! This module holds the entry points, the clauses of the version as a whole
//! (incompatibilities, amendment, constituencies) and the wording shared by the others:
//! `organs.rs` (an organ's election, seats, term and composition), `meetings.rs` (an
//! organ's meetings, notice, convening, voting, quorum and majorities), `posts.rs`,
//! `trials.rs`, `membership.rs` (admission, probation, voters, lapse, classes) and
//! `discipline.rs` (discipline rules and penalties).

mod discipline;
mod meetings;
mod membership;
mod organs;
mod posts;
mod trials;

use serde::Serialize;

use super::{Cited, Document, Elector, Requirement, Version};
use crate::id::Key;

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
    let mut out = Clauses {
        version,
        out: Vec::new(),
    };
    for organ in &version.organs {
        organs::clauses(&mut out, organ);
    }
    for post in &version.posts {
        posts::clauses(&mut out, post);
    }
    out.version_wide();
    if let Some(trials) = &version.trials {
        trials::clauses(&mut out, trials);
    }
    membership::clauses(&mut out);
    discipline::rules(&mut out);
    membership::classes(&mut out);
    discipline::penalties(&mut out);
    out.out
}

/// The clauses of one version so far, and the words its clauses share.
struct Clauses<'a> {
    version: &'a Version,
    out: Vec<Clause>,
}

impl Clauses<'_> {
    fn push(
        &mut self,
        subject: &str,
        field: &'static str,
        rule: String,
        article: Option<&String>,
        checked_by: Option<&'static str>,
    ) {
        self.out.push(Clause {
            organization: self.version.org.to_string(),
            version: self.version.id.to_string(),
            subject: subject.to_owned(),
            field,
            rule,
            article: article.cloned(),
            checked_by,
        });
    }

    fn organ_name(&self, key: &Key) -> String {
        self.version
            .organ(key)
            .map_or_else(|| key.to_string(), |o| o.name.clone())
    }

    fn post_name(&self, key: &Key) -> String {
        self.version
            .post(key)
            .map_or_else(|| key.to_string(), |p| p.name.clone())
    }

    /// The names of organs, joined by "or".
    fn organ_names(&self, keys: &[Key]) -> String {
        keys.iter()
            .map(|k| self.organ_name(k))
            .collect::<Vec<_>>()
            .join(" or ")
    }

    fn elector(&self, e: &Elector) -> String {
        match e {
            Elector::Members => "elected by the members".to_owned(),
            Elector::Appointment => "appointed".to_owned(),
            Elector::Organ(k) => format!("elected by {} only", self.organ_name(k)),
            Elector::Parent(k) => {
                format!("elected by the `{k}` of the organization one level up only")
            }
            Elector::Post(k) => format!(
                "appointed by the holder of the post of {} only",
                self.post_name(k)
            ),
            Elector::Founder => {
                "appointed by the organization that approved its founding only".to_owned()
            }
        }
    }

    fn vacancy(&self, v: &super::VacancyDeadline) -> String {
        match v {
            super::VacancyDeadline::Within(p) => format!("a vacancy is filled within {p}"),
            super::VacancyDeadline::NextMeeting(k) => {
                format!(
                    "a vacancy is filled by the next meeting of {}",
                    self.organ_name(k)
                )
            }
        }
    }

    fn requirement(&self, r: &Requirement) -> String {
        match r {
            Requirement::Member => "must be a member".to_owned(),
            Requirement::FullMember => "must be a full member".to_owned(),
            Requirement::Seat(k) => format!("must hold a seat on {}", self.organ_name(k)),
            Requirement::Class(k) => format!(
                "must be a member of the class {}",
                self.version
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
        }
    }

    fn term(t: &super::Term) -> String {
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
    }

    /// Who elects an organ or post, with who fills its vacancies, and the rule that checks it.
    fn elected_by(
        &mut self,
        subject: &str,
        elected_by: &Cited<Elector>,
        vacancies_by: Option<&Key>,
    ) {
        let Cited { rule, article } = elected_by;
        let checked = matches!(
            rule,
            Elector::Organ(_) | Elector::Post(_) | Elector::Parent(_) | Elector::Founder
        )
        .then_some("wrong-elector");
        let vacancies = vacancies_by.map_or_else(String::new, |k| {
            format!("; vacancies filled by {}", self.organ_name(k))
        });
        let words = format!("{}{vacancies}", self.elector(rule));
        self.push(subject, "elected_by", words, article.as_ref(), checked);
    }

    /// The nomination, confirmation and deadline of an election, citing its article.
    fn procedure(
        &mut self,
        subject: &str,
        procedure: &super::procedures::Procedure,
        elected_by: Option<&Cited<Elector>>,
    ) {
        let organ_name = |k: &Key| self.organ_name(k);
        let clauses = super::procedures::procedure_clauses(procedure, &organ_name);
        for (field, words, checked) in clauses {
            let article = elected_by.and_then(|e| e.article.as_ref());
            self.push(subject, field, words, article, Some(checked));
        }
        if let Some(Cited { rule, article }) = &procedure.nominations {
            let words = super::nominations::words(rule, &|k: &Key| self.organ_name(k));
            self.push(
                subject,
                "nominations",
                words,
                article.as_ref(),
                Some("not-nominated"),
            );
        }
    }

    /// The clauses of the version as a whole: incompatible offices, amendment, constituencies.
    fn version_wide(&mut self) {
        let version = self.version;
        for Cited { rule, article } in &version.incompatibilities {
            let names = rule
                .iter()
                .map(|k| {
                    version
                        .post(k)
                        .map(|p| p.name.clone())
                        .unwrap_or_else(|| self.organ_name(k))
                })
                .collect::<Vec<_>>()
                .join(", ");
            self.push(
                "incompatibility",
                "incompatible",
                format!("no one may hold together: {names}"),
                article.as_ref(),
                Some("ineligible-holder"),
            );
        }
        for Cited { rule, article } in &version.suspensions {
            let by = self.organ_names(&rule.by);
            self.push(
                "suspension",
                "suspension",
                format!(
                    "{by} may set aside articles {} by a decision (`suspends`); while it is in force they are not judged",
                    rule.articles.join(", ")
                ),
                article.as_ref(),
                Some("no-competent-decision"),
            );
        }
        for Cited { rule, article } in &version.powers {
            let category = &rule.category;
            if !rule.by.is_empty() {
                let acting = if rule.through_acting {
                    ""
                } else {
                    " (not by an organ acting for them)"
                };
                let under = if rule.subordinates {
                    ", also in the organizations its templates govern"
                } else {
                    ""
                };
                self.push(
                    category,
                    "power",
                    format!(
                        "decisions of category `{category}` are given to {}{acting}{under}",
                        rule.by
                            .iter()
                            .map(|o| o.name(|k| self.organ_name(k)))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                    article.as_ref(),
                    Some("no-competent-decision"),
                );
            }
            if rule.vote {
                self.push(
                    category,
                    "power.vote",
                    format!("a decision of category `{category}` is put to a vote (its record gives the votes)"),
                    article.as_ref(),
                    Some("no-vote"),
                );
            }
            if rule.meeting {
                self.push(
                    category,
                    "power.meeting",
                    format!(
                        "a decision of category `{category}` is taken at a meeting of the organ"
                    ),
                    article.as_ref(),
                    Some("no-meeting"),
                );
            }
        }
        if let Some(rule) = &version.amendment {
            let by = self.organ_names(&rule.by);
            let majority = rule.majority.as_ref().map_or_else(String::new, |m| {
                let cited = m
                    .article
                    .as_ref()
                    .map_or_else(String::new, |a| format!(" (article {a})"));
                format!(", by {} {}{cited}", m.rule.threshold, m.rule.base)
            });
            self.push(
                "amendment",
                "amendment",
                format!("this version is amended by {by}{majority}"),
                rule.article.as_ref(),
                Some("no-competent-decision, majority-not-met"),
            );
            if let Some(Cited {
                rule: least,
                article,
            }) = &rule.notice
            {
                self.push(
                    "amendment",
                    "amendment",
                    format!(
                        "a proposed amendment is sent out at least {least} before it is adopted"
                    ),
                    article.as_ref().or(rule.article.as_ref()),
                    Some("short-notice"),
                );
            }
            if let Some(late) = &rule.late {
                self.push(
                    "amendment",
                    "amendment",
                    format!(
                        "an amendment received less than {} before it is adopted needs {} {}",
                        late.within, late.majority.threshold, late.majority.base
                    ),
                    late.article.as_ref().or(rule.article.as_ref()),
                    Some("majority-not-met"),
                );
            }
        }
        if let Some(Cited { rule, article }) = &version.constituencies {
            let mut words = format!("the organization is divided into {}s", rule.name);
            for region in &rule.regions {
                let list = region
                    .constituencies
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                words.push_str(&format!("; {} ({}): {list}", region.name, region.id));
            }
            self.push(
                "constituencies",
                "constituencies",
                words,
                article.as_ref(),
                None,
            );
        }
    }
}

#[cfg(test)]
#[path = "../clauses_tests.rs"]
mod tests;

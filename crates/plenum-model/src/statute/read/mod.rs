//! Reading a statute document from TOML, with every error placed at a line and column.
//!
//! The format, clause by clause with examples, is `docs/statute.md`: a document names
//! the `organization` it governs and its `[[version]]`s, each with its articles, organs,
//! posts, discipline rules, penalties, amendment rule, incompatibilities and membership
//! rules. This module reads a version's organs and posts and checks the references
//! between them; each other part has its reader beside it (`time.rs` cadences, notice
//! and terms, `powers.rs` discipline, amendments and incompatibilities, `membership.rs`,
//! `classes.rs`, `penalties.rs`, `procedures.rs`, `meetings.rs`, `target.rs`,
//! `member_of.rs`, `vacancy.rs`, `subordinate.rs`, `constituencies.rs` (constituencies and
//! non-voting posts), `acting.rs`, `tied.rs` (meetings tied to another organ's), `one_vote.rs`,
//! `majority.rs` (majorities and who their base leaves out), `calendar.rs` (days it may not
//! meet on), `competence.rs` (`[[version.power]]`, the organs that alone take a category of
//! decisions), `leadership.rs` (an organ's `led_by` and `[version.leadership]`)).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use serde_spanned::Spanned;

use super::raw::{ArticleRef, RawDocument, RawElector, RawOrgan, RawPost, RawVersion};

use super::{
    Article, Cited, Convener, DisciplineRule, Document, Elector, MeetingKind, OrganDef, Plurality,
    PostDef, Procedure, SeatLimits, Share, Threshold, Version,
};
use crate::id::{Key, OrgId, VersionId};
use crate::limits::MAX_COUNT;
use crate::source::InputError;

mod acting;
mod acts_for;
mod admission;
mod all_members;
mod appeals;
mod attendance;
mod between;
mod business;
mod calendar;
mod classes;
mod co_option;
mod competence;
mod consent;
mod constituencies;
mod counting;
mod delegates;
mod founding;
mod leadership;
mod majority;
mod meetings;
mod member_of;
mod membership;
mod nominations;
mod notice_by;
mod one_vote;
mod org_requisition;
mod organ;
mod penalties;
mod powers;
mod procedures;
mod record_date;
mod referral;
mod seats;
mod seats_set;
mod steps;
mod subordinate;
mod suspension;
mod target;
mod tied;
mod time;
mod trials;
mod unit;
mod vacancy;
mod weighted;

/// Reads and checks a statute document.
///
/// Refuses unknown keys, references to undefined organs or articles, an
/// organ that elects itself (directly or through a cycle), a share over
/// 100%, and duplicate ids, each with the line and column where it is written.
pub fn read(text: &str) -> Result<Document, InputError> {
    let raw: RawDocument = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        InputError::at(text, span, e.message().trim_end_matches('\n').to_owned())
    })?;
    crate::limits::check_toml_strings(text)?;
    Reader { text }.document(raw)
}

struct Reader<'a> {
    text: &'a str,
}

/// What one version has defined so far, to check references against.
struct Scope<'a> {
    version: &'a str,
    articles: BTreeSet<String>,
    organs: BTreeSet<String>,
    posts: BTreeSet<String>,
    penalties: BTreeSet<String>,
    classes: BTreeSet<String>,
    /// Whether these are a subordinate template's organs and posts (which may name
    /// the parent level's organs).
    template: bool,
    /// Whether the version declares constituencies (`[version.constituencies]`), and
    /// regions of them.
    constituencies: bool,
    regions: bool,
    /// The categories of the version's subordinate organizations
    /// (`[[version.subordinate]]`), which `convened_by.organizations` may name.
    categories: BTreeSet<String>,
}

impl Reader<'_> {
    fn err(&self, span: Range<usize>, message: impl Into<String>) -> InputError {
        InputError::at(self.text, span, message)
    }

    fn document(&self, raw: RawDocument) -> Result<Document, InputError> {
        if raw.versions.is_empty() {
            return Err(self.err(0..0, "a statute needs at least one `[[version]]`"));
        }
        let default_org = raw.organization.map(|o| self.org(&o)).transpose()?;
        let mut seen = HashMap::new();
        let mut versions = Vec::new();
        for raw_version in raw.versions {
            let org = match (&raw_version.organization, &default_org) {
                (Some(o), _) => self.org(o)?,
                (None, Some(o)) => o.clone(),
                (None, None) => {
                    return Err(self.err(
                        raw_version.id.span(),
                        "no organization: set `organization` at the top of the file or in this version",
                    ));
                }
            };
            let key = (org.clone(), raw_version.id.get_ref().clone());
            if seen.insert(key, ()).is_some() {
                return Err(self.err(
                    raw_version.id.span(),
                    format!("version `{}` is defined twice", raw_version.id.get_ref()),
                ));
            }
            versions.push(self.version(org, raw_version)?);
        }
        Ok(Document {
            title: raw.title,
            versions,
        })
    }

    fn org(&self, raw: &Spanned<String>) -> Result<OrgId, InputError> {
        OrgId::new(raw.get_ref()).map_err(|e| self.err(raw.span(), e.to_string()))
    }

    fn key(&self, raw: &Spanned<String>) -> Result<Key, InputError> {
        Key::new(raw.get_ref()).map_err(|e| self.err(raw.span(), e.to_string()))
    }

    fn version(&self, org: OrgId, raw: RawVersion) -> Result<Version, InputError> {
        let id =
            VersionId::new(raw.id.get_ref()).map_err(|e| self.err(raw.id.span(), e.to_string()))?;
        let mut scope = Scope {
            version: raw.id.get_ref(),
            articles: BTreeSet::new(),
            organs: BTreeSet::new(),
            posts: raw.posts.iter().map(|p| p.id.get_ref().clone()).collect(),
            penalties: raw
                .penalties
                .iter()
                .map(|p| p.id.get_ref().clone())
                .collect(),
            classes: raw
                .membership
                .iter()
                .flat_map(|m| m.classes.iter().map(|c| c.id.get_ref().clone()))
                .collect(),
            template: false,
            constituencies: raw.constituencies.is_some(),
            regions: raw
                .constituencies
                .as_ref()
                .is_some_and(|c| !c.regions.is_empty()),
            categories: raw
                .subordinates
                .iter()
                .map(|t| t.category.get_ref().trim().to_owned())
                .collect(),
        };
        let mut articles = Vec::new();
        for a in raw.articles {
            if !scope.articles.insert(a.number.get_ref().clone()) {
                return Err(self.err(
                    a.number.span(),
                    format!("article {} is defined twice", a.number.get_ref()),
                ));
            }
            articles.push(Article {
                number: a.number.into_inner(),
                text: a.text,
            });
        }
        for organ in &raw.organs {
            if !scope.organs.insert(organ.id.get_ref().clone()) {
                return Err(self.err(
                    organ.id.span(),
                    format!("organ `{}` is defined twice", organ.id.get_ref()),
                ));
            }
        }
        self.check_election_cycles(&raw.organs)?;
        self.check_leadership_cycles(&raw.organs)?;
        let organs = raw
            .organs
            .into_iter()
            .map(|o| self.organ(&scope, o))
            .collect::<Result<Vec<_>, _>>()?;
        let mut post_ids = BTreeSet::new();
        let mut posts = Vec::new();
        for p in raw.posts {
            if !post_ids.insert(p.id.get_ref().clone()) {
                return Err(self.err(
                    p.id.span(),
                    format!("post `{}` is defined twice", p.id.get_ref()),
                ));
            }
            posts.push(self.post(&scope, p)?);
        }
        let mut discipline: Vec<DisciplineRule> = Vec::new();
        for raw_rule in raw.discipline {
            let by_spans: Vec<_> = raw_rule.by.iter().map(Spanned::span).collect();
            let target_span = raw_rule.target.as_ref().map(Spanned::span);
            let act_span = raw_rule.act.span();
            let rule = self.discipline(&scope, raw_rule)?;
            // Competence is per act and per target: a second rule that gives the
            // same act (from the same organ, for the same persons) to the same organ
            // would be ignored, and rules whose persons overlap must agree.
            self.check_overlap(&discipline, &rule, &by_spans, target_span, act_span)?;
            discipline.push(rule);
        }
        let (probation_extension, lapse, voters) =
            self.membership(&scope, raw.membership.as_ref())?;
        let admission = self.admission(&scope, raw.membership.as_ref())?;
        // Categories a requisition counts may be declared without organs or posts.
        let counted: BTreeSet<&str> = organs
            .iter()
            .filter_map(|o| o.convened_by.as_ref()?.rule.organizations.as_ref())
            .map(|r| r.category.as_str())
            .chain(
                admission
                    .unit
                    .iter()
                    .flat_map(|u| u.rule.categories.iter().map(String::as_str)),
            )
            .collect();
        let subordinates = self.subordinates(&scope, raw.subordinates, &counted)?;
        Ok(Version {
            id,
            org,
            subordinates,
            title: raw.title,
            effective: raw.effective,
            articles,
            organs,
            posts,
            discipline,
            penalties: self.penalties(&scope, raw.penalties)?,
            classes: self.classes(
                &scope,
                raw.membership.as_ref().map_or(&[], |m| &m.classes[..]),
            )?,
            incompatibilities: raw
                .incompatibilities
                .into_iter()
                .map(|i| self.incompatible(&scope, i))
                .collect::<Result<_, _>>()?,
            amendment: raw
                .amendment
                .map(|a| self.amendment(&scope, a))
                .transpose()?,
            trials: raw.trials.map(|t| self.trials(&scope, t)).transpose()?,
            founding: raw
                .founding
                .map(|f| self.founding(&scope, f, "founding"))
                .transpose()?,
            dissolution: raw
                .dissolution
                .map(|d| self.dissolution(&scope, d, "dissolution"))
                .transpose()?,
            constituencies: self.constituencies(&scope, raw.constituencies)?,
            suspensions: raw
                .suspensions
                .into_iter()
                .map(|s| self.suspension(&scope, s))
                .collect::<Result<_, _>>()?,
            powers: raw
                .powers
                .into_iter()
                .map(|p| self.power(&scope, p))
                .collect::<Result<_, _>>()?,
            leadership: self.leadership(&scope, raw.leadership)?,
            voters,
            admission,
            lapse,
            probation_extension,
            probation: raw
                .membership
                .and_then(|m| m.probation)
                .map(|p| self.cited_period(&scope, &p.length, p.article))
                .transpose()?,
        })
    }

    fn article(&self, scope: &Scope<'_>, raw: ArticleRef) -> Result<Option<String>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        if !scope.articles.contains(raw.get_ref()) {
            return Err(self.err(
                raw.span(),
                format!(
                    "article {} is not defined in version `{}`; add a [[version.article]] with number = \"{}\"",
                    raw.get_ref(),
                    scope.version,
                    raw.get_ref()
                ),
            ));
        }
        Ok(Some(raw.into_inner()))
    }

    fn organ_key(&self, scope: &Scope<'_>, raw: &Spanned<String>) -> Result<Key, InputError> {
        if !scope.organs.contains(raw.get_ref()) {
            let known = scope
                .organs
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(self.err(
                raw.span(),
                format!(
                    "unknown organ `{}` in version `{}`; defined organs: {known}",
                    raw.get_ref(),
                    scope.version
                ),
            ));
        }
        self.key(raw)
    }

    fn elector(&self, scope: &Scope<'_>, raw: RawElector) -> Result<Cited<Elector>, InputError> {
        let rule = match raw.by.get_ref().as_str() {
            "members" => Elector::Members,
            "appointment" => Elector::Appointment,
            "founder" => Elector::Founder,
            by if by.starts_with("post:") => Elector::Post(self.appointing_post(scope, &raw.by)?),
            by if by.starts_with("parent:") => Elector::Parent(self.parent_key(scope, &raw.by)?),
            _ => Elector::Organ(self.organ_key(scope, &raw.by)?),
        };
        Ok(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        })
    }

    fn threshold(
        &self,
        at_least: Option<Spanned<String>>,
        more_than: Option<Spanned<String>>,
        whole: Range<usize>,
    ) -> Result<Threshold, InputError> {
        let share = |raw: &Spanned<String>| {
            raw.get_ref()
                .parse::<Share>()
                .map_err(|e| self.err(raw.span(), e))
        };
        match (at_least, more_than) {
            (Some(a), None) => Ok(Threshold::AtLeast(share(&a)?)),
            (None, Some(m)) => Ok(Threshold::MoreThan(share(&m)?)),
            (Some(_), Some(m)) => {
                Err(self.err(m.span(), "give either `at_least` or `more_than`, not both"))
            }
            (None, None) => Err(self.err(
                whole,
                "expected `at_least = \"2/3\"` or `more_than = \"1/2\"`",
            )),
        }
    }

    /// A number of seats or holders, at most [`MAX_COUNT`].
    fn count(&self, n: Option<Spanned<u32>>) -> Result<Option<u32>, InputError> {
        match n {
            Some(n) if u64::from(*n.get_ref()) > MAX_COUNT => Err(self.err(
                n.span(),
                format!(
                    "{} is more than the largest count plenum accepts, {}",
                    n.get_ref(),
                    crate::limits::count(MAX_COUNT)
                ),
            )),
            n => Ok(n.map(Spanned::into_inner)),
        }
    }

    fn post(&self, scope: &Scope<'_>, mut raw: RawPost) -> Result<PostDef, InputError> {
        let holders = match raw.holders {
            Some(h) if *h.get_ref() == 0 => {
                return Err(self.err(h.span(), "a post needs at least one holder"));
            }
            Some(h) => self.count(Some(h))?.unwrap_or(1),
            None => 1,
        };
        let acting = self.acting(scope, raw.id.get_ref(), raw.acting.take())?;
        let nominations = self.nominations(scope, raw.nominations.take())?;
        let (term, term_meetings) = self.terms(scope, raw.term.take())?;
        Ok(PostDef {
            acting,
            key: self.key(&raw.id)?,
            name: raw.name,
            aliases: raw.aliases,
            holders,
            vacancies_by: raw
                .elected_by
                .as_ref()
                .and_then(|e| e.vacancies.as_ref())
                .map(|v| self.organ_key(scope, v))
                .transpose()?,
            procedure: Procedure {
                nominations,
                ..self.procedure(scope, raw.elected_by.as_ref())?
            },
            vacancy: self.vacancy(scope, raw.vacancy.as_ref(), raw.elected_by.as_ref())?,
            elected_by: raw.elected_by.map(|e| self.elector(scope, e)).transpose()?,
            term,
            term_meetings,
            eligibility: self.requirements(scope, raw.eligibility)?,
        })
    }
}

//! Subordinate organizations: the organs and posts a statute gives every
//! organization of a category under the one it governs (`[[version.subordinate]]`),
//! and the versions they make for each such organization.
//!
//! An organization founded with a `parent` chain that reaches a governed
//! organization, and a `category` one of its versions names, is judged by that
//! template: the book derives for it a version per version of the governing
//! organization (same id, effective day and articles; the template's organs and
//! posts), so that every rule finds `branch-7/committee` where it finds any organ.
//! An organization whose category the record does not give is judged by no template
//! (unknown, not a breach). This module never reads the history.

use std::collections::{BTreeMap, BTreeSet};

use super::{Cited, Clause, OrgDecision, OrganDef, PostDef, Power, Version};
use crate::id::OrgId;

/// The organs and posts of every organization of one category under the governed one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subordinate {
    /// The category (`organization_founded` `category`) it applies to.
    pub category: String,
    /// What the statute calls such organizations ("primary Party organization").
    pub name: Option<String>,
    /// The article that sets them up.
    pub article: Option<String>,
    /// The organs each such organization has.
    pub organs: Vec<OrganDef>,
    /// The posts each such organization has.
    pub posts: Vec<PostDef>,
    /// Who founds such an organization, and with how many full members (`founding`).
    pub founding: Option<OrgDecision>,
    /// Who dissolves such an organization (`dissolution`).
    pub dissolution: Option<OrgDecision>,
    /// The organs of such an organization that alone take the decisions of a
    /// category, and the categories that need a vote (`[[version.subordinate.power]]`).
    pub powers: Vec<Cited<Power>>,
    /// Who disciplines the holders of its offices (`[[version.subordinate.discipline]]`):
    /// rules for the governed organization's acts (its members' expulsion, warnings,
    /// ...), whose `target` and `by` name the template's organs, judged in the
    /// organization of the category where the person holds the office.
    pub discipline: Vec<super::DisciplineRule>,
    /// The organs that decide appeals in such an organization (`appeals.by`, e.g.
    /// `parent:commission`), read as `[version.trials] appeals` is.
    pub appeals: Option<Cited<Vec<super::Decider>>>,
}

impl Version {
    /// The template for organizations of this category, if the version has one.
    pub fn subordinate(&self, category: &str) -> Option<&Subordinate> {
        self.subordinates.iter().find(|s| s.category == category)
    }

    /// The version that judges `org`, a subordinate organization of this one's
    /// under `template`: this version's id, day and articles, the template's offices
    /// and powers (`[[version.subordinate.power]]`), and none of the rules that concern the governed organization itself
    /// (membership, discipline, amendment: members belong to the governed organization).
    fn for_subordinate(&self, org: &OrgId, template: Option<&Subordinate>) -> Version {
        Version {
            id: self.id.clone(),
            org: org.clone(),
            title: self.title.clone(),
            effective: self.effective.clone(),
            articles: self.articles.clone(),
            organs: template.map(|t| t.organs.clone()).unwrap_or_default(),
            posts: template.map(|t| t.posts.clone()).unwrap_or_default(),
            discipline: Vec::new(),
            penalties: self.penalties.clone(),
            classes: self.classes.clone(),
            probation: None,
            probation_extension: None,
            lapse: None,
            voters: None,
            admission: super::Admission::default(),
            amendment: None,
            incompatibilities: Vec::new(),
            subordinates: Vec::new(),
            trials: template
                .and_then(|t| t.appeals.clone())
                .map(|a| super::Trials {
                    appeals_by: Some(a),
                    ..super::Trials::default()
                }),
            founding: None,
            dissolution: None,
            constituencies: None,
            suspensions: Vec::new(),
            powers: template.map(|t| t.powers.clone()).unwrap_or_default(),
            // The principle is the governing version's: `rules/checks/leadership.rs`
            // reads it there.
            leadership: None,
        }
    }
}

/// What the record says of an organization's place: its parent and category
/// (from `organization_founded`).
#[derive(Clone, Debug, Default)]
pub(super) struct Tree {
    orgs: BTreeMap<OrgId, Place>,
    /// The decision each organization's founding cites (`organization_founded`
    /// `decision`), where the record gives one.
    decisions: BTreeMap<OrgId, crate::id::EventId>,
}

#[derive(Clone, Debug)]
struct Place {
    parent: Option<OrgId>,
    category: Option<String>,
}

/// How far up a parent chain is followed (a chain longer than this, or a loop, ends it).
const MAX_DEPTH: usize = 64;

impl Tree {
    /// Records an organization's parent and category (a later record replaces an earlier).
    pub(super) fn found(&mut self, org: OrgId, parent: Option<OrgId>, category: Option<String>) {
        self.orgs.insert(org, Place { parent, category });
    }

    /// Records the decision an organization's founding cites.
    pub(super) fn founded_on(&mut self, org: OrgId, decision: crate::id::EventId) {
        self.decisions.insert(org, decision);
    }

    /// The decision an organization's founding cites, if the record gives one.
    pub(super) fn decision(&self, org: &OrgId) -> Option<&crate::id::EventId> {
        self.decisions.get(org)
    }

    /// The parent of an organization, as founded.
    pub(super) fn parent(&self, org: &OrgId) -> Option<&OrgId> {
        self.orgs.get(org)?.parent.as_ref()
    }

    /// The category of an organization, as founded.
    pub(super) fn category(&self, org: &OrgId) -> Option<&str> {
        self.orgs.get(org)?.category.as_deref()
    }

    /// The organizations up `org`'s parent chain, nearest first; a loop or a chain
    /// longer than `MAX_DEPTH` ends it.
    pub(super) fn ancestors(&self, org: &OrgId) -> Vec<OrgId> {
        let mut out: Vec<OrgId> = Vec::new();
        let mut next = self.parent(org);
        while let Some(ancestor) = next {
            if ancestor == org || out.contains(ancestor) || out.len() >= MAX_DEPTH {
                break;
            }
            out.push(ancestor.clone());
            next = self.parent(ancestor);
        }
        out
    }

    /// Every recorded organization.
    pub(super) fn orgs(&self) -> impl Iterator<Item = &OrgId> {
        self.orgs.keys()
    }

    /// The versions that judge `org` as a subordinate organization: those of the
    /// nearest organization up its parent chain with a statute naming its category,
    /// each made for `org`. Empty where the organization has no category, no parent,
    /// or no such ancestor.
    pub(super) fn derive(
        &self,
        org: &OrgId,
        governed: &BTreeMap<OrgId, Vec<Version>>,
    ) -> Vec<Version> {
        let Some(place) = self.orgs.get(org) else {
            return Vec::new();
        };
        let Some(category) = place.category.as_deref() else {
            return Vec::new();
        };
        let mut seen = BTreeSet::from([org]);
        let mut next = place.parent.as_ref();
        while let Some(ancestor) = next {
            if !seen.insert(ancestor) || seen.len() > MAX_DEPTH {
                break;
            }
            if let Some(versions) = governed.get(ancestor)
                && versions.iter().any(|v| v.subordinate(category).is_some())
            {
                return versions
                    .iter()
                    .map(|v| v.for_subordinate(org, v.subordinate(category)))
                    .collect();
            }
            next = self.orgs.get(ancestor).and_then(|p| p.parent.as_ref());
        }
        Vec::new()
    }
}

/// The clauses of a version's templates, for `plenum statute check`: one saying which
/// organizations a template governs, then each clause of its organs and posts (read
/// by `clauses` as a version's), its subject naming the template.
pub(super) fn clauses(version: &Version, of: impl Fn(&Version) -> Vec<Clause>) -> Vec<Clause> {
    let mut out = Vec::new();
    for template in &version.subordinates {
        let label = template.name.as_deref().unwrap_or(&template.category);
        out.push(Clause {
            organization: version.org.to_string(),
            version: version.id.to_string(),
            subject: label.to_owned(),
            field: "subordinate",
            rule: format!(
                "every organization of category `{}` whose parent chain reaches {} has these organs and posts",
                template.category, version.org
            ),
            article: template.article.clone(),
            checked_by: None,
        });
        // The template's own offices only: its penalties and classes are the version's.
        let mut offices = version.for_subordinate(&version.org, Some(template));
        offices.penalties.clear();
        offices.classes.clear();
        // Its discipline rules concern the holders of its offices.
        offices.discipline = template.discipline.clone();
        for mut clause in of(&offices) {
            clause.subject = format!("{label}: {}", clause.subject);
            out.push(clause);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{Elector, StatuteBook, read};
    use crate::id::{Key, OrgId};

    const GOOD: &str = r#"
organization = "party"

[[version]]
id = "v1"
effective = "2020-01-01"

[[version.article]]
number = "30"
text = "A primary organization elects its committee for a term of three years."

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "members" }

[[version.subordinate]]
category = "primary"
name = "primary organization"
article = "30"

[[version.subordinate.organ]]
id = "meeting"
name = "General Meeting"
elected_by = { by = "members" }

[[version.subordinate.organ]]
id = "committee"
name = "Committee"
elected_by = { by = "meeting", article = "30" }
term = { length = "3 years", article = "30" }

[[version.subordinate.post]]
id = "secretary"
name = "Secretary"
elected_by = { by = "parent:committee" }

[[version.subordinate.post]]
id = "deputy"
name = "Deputy"
elected_by = { by = "committee", confirmed_by = "parent:committee" }
"#;

    fn org(s: &str) -> OrgId {
        OrgId::new(s).unwrap()
    }

    #[test]
    fn a_template_reads_with_its_organs_posts_and_parent_elector() {
        let doc = read(GOOD).unwrap_or_else(|e| panic!("{e}"));
        let v = &doc.versions[0];
        assert_eq!(
            v.organs.len(),
            1,
            "the template's organs are not the version's"
        );
        let t = v.subordinate("primary").expect("the template");
        assert_eq!(t.name.as_deref(), Some("primary organization"));
        assert_eq!(t.article.as_deref(), Some("30"));
        assert_eq!(
            t.organs.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(),
            ["meeting", "committee"]
        );
        assert_eq!(
            t.posts[0].elected_by.as_ref().map(|e| &e.rule),
            Some(&Elector::Parent(Key::new("committee").unwrap()))
        );
        assert!(v.subordinate("branch").is_none());
        let deputy = t.posts[1]
            .procedure
            .confirmed_by
            .as_ref()
            .expect("confirmed_by");
        assert!(deputy.parent);
        assert_eq!(deputy.by.as_str(), "committee");
    }

    #[test]
    fn the_book_judges_an_organization_of_the_category_under_the_governed_one() {
        let mut book = StatuteBook::default();
        book.adopt(read(GOOD).unwrap());
        let day = "2021-01-01"
            .parse::<crate::date::FuzzyDate>()
            .unwrap()
            .earliest();
        book.found(org("district"), Some(org("party")), Some("district".into()));
        book.found(org("p-1"), Some(org("district")), Some("primary".into()));
        book.found(org("p-2"), Some(org("district")), None);
        book.found(org("p-3"), None, Some("primary".into()));
        let v = book
            .in_force(&org("p-1"), day)
            .expect("judged by the template");
        assert_eq!(v.org, org("p-1"));
        assert_eq!(v.id.as_str(), "v1");
        assert!(v.organ(&Key::new("committee").unwrap()).is_some());
        assert!(v.organ(&Key::new("cc").unwrap()).is_none());
        assert_eq!(v.article("30").map(|a| a.text.len() > 10), Some(true));
        // No category, no parent, or a category the statute does not name: unknown.
        assert!(book.in_force(&org("p-2"), day).is_none());
        assert!(book.in_force(&org("p-3"), day).is_none());
        assert!(book.in_force(&org("district"), day).is_none());
        // Before the version takes effect, nothing.
        let before = "2019-01-01"
            .parse::<crate::date::FuzzyDate>()
            .unwrap()
            .earliest();
        assert!(book.in_force(&org("p-1"), before).is_none());
        assert_eq!(book.parent(&org("p-1")), Some(&org("district")));
        // The governed organization's own versions are listed; derived ones are judged.
        assert_eq!(book.versions().count(), 1);
        assert_eq!(book.judging().count(), 2);
    }

    #[test]
    fn a_loop_of_parents_ends_the_search() {
        let mut book = StatuteBook::default();
        book.adopt(read(GOOD).unwrap());
        book.found(org("a"), Some(org("b")), Some("primary".into()));
        book.found(org("b"), Some(org("a")), Some("primary".into()));
        let day = "2021-01-01"
            .parse::<crate::date::FuzzyDate>()
            .unwrap()
            .earliest();
        assert!(book.in_force(&org("a"), day).is_none());
    }

    #[test]
    fn statute_check_lists_the_template_s_clauses() {
        let doc = read(GOOD).unwrap();
        let clauses = super::super::clauses(&doc);
        let template: Vec<_> = clauses
            .iter()
            .filter(|c| c.subject.starts_with("primary organization"))
            .collect();
        assert_eq!(template[0].field, "subordinate");
        assert!(
            template[0].rule.contains("category `primary`"),
            "{:?}",
            template[0]
        );
        assert!(
            template
                .iter()
                .any(|c| c.subject == "primary organization: Committee"
                    && c.field == "term"
                    && c.article.as_deref() == Some("30"))
        );
        assert!(
            template
                .iter()
                .any(|c| c.subject == "primary organization: Secretary"
                    && c.rule.contains("one level up")
                    && c.checked_by == Some("wrong-elector"))
        );
    }

    #[test]
    fn bad_templates_are_refused_at_line_and_column() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "category = \"primary\"",
                "category = \" \"",
                "`category` names the kind of organization",
            ),
            (
                "elected_by = { by = \"meeting\", article = \"30\" }",
                "elected_by = { by = \"cc\", article = \"30\" }",
                "unknown organ `cc` in version `v1`; defined organs: committee, meeting",
            ),
            (
                "id = \"committee\"",
                "id = \"meeting\"",
                "organ `meeting` is defined twice in subordinate `primary`",
            ),
            (
                "elected_by = { by = \"members\" }\n\n[[version.subordinate]]",
                "elected_by = { by = \"parent:cc\" }\n\n[[version.subordinate]]",
                "only the organs and posts of a `[[version.subordinate]]` may use it",
            ),
            (
                "by = \"parent:committee\"",
                "by = \"parent:Com mittee\"",
                "`parent:Com mittee`: invalid key",
            ),
            (
                "category = \"primary\"",
                "categori = \"primary\"",
                "unknown field `categori`",
            ),
            (
                "article = \"30\"\n\n[[version.subordinate.organ]]",
                "article = \"31\"\n\n[[version.subordinate.organ]]",
                "article 31 is not defined",
            ),
        ];
        for (from, to, expected) in cases {
            assert!(GOOD.contains(from), "case does not apply: {from}");
            let text = GOOD.replacen(from, to, 1);
            let err = read(&text).expect_err(to);
            let shown = err.to_string();
            assert!(
                shown.contains(expected),
                "for `{to}`:\n  expected {expected}\n  got      {shown}"
            );
            let at = GOOD.find(from).unwrap();
            let (line, _) = crate::source::line_col(&text, at);
            let lines = to.matches('\n').count();
            assert!(
                (line..=line + lines).contains(&err.line),
                "line of `{to}`: {shown}"
            );
            assert!(err.column >= 1, "{shown}");
        }
        let twice = GOOD.replace(
            "[[version.subordinate.post]]",
            "[[version.subordinate]]\ncategory = \"primary\"\n\n[[version.subordinate.organ]]\nid = \"x\"\nname = \"X\"\n\n[[version.subordinate.post]]",
        );
        let err = read(&twice).expect_err("twice");
        assert!(
            err.to_string()
                .contains("subordinate category `primary` is defined twice"),
            "{err}"
        );
        let empty = GOOD.replace(
            "[[version.subordinate]]\ncategory",
            "[[version.subordinate]]\ncategory = \"branch\"\n\n[[version.subordinate]]\ncategory",
        );
        let err = read(&empty).expect_err("empty");
        assert!(
            err.to_string()
                .contains("subordinate `branch` needs at least one"),
            "{err}"
        );
    }
}

//! The `StatuteBook`: every statute version recorded in a ledger, and the versions
//! derived from them for subordinate organizations; it answers which version judges
//! an organization on a day. It never reads the history beyond the events it is given.

use std::collections::{BTreeMap, BTreeSet};

use super::{Document, OrganDef, PostDef, Version, read, subordinate};
use crate::date::Day;
use crate::id::{OrgId, OrganRef, PostRef};

/// Every statute version recorded in a ledger, by organization and effective date,
/// and the versions derived from them for subordinate organizations.
#[derive(Clone, Debug, Default)]
pub struct StatuteBook {
    by_org: BTreeMap<OrgId, Vec<Version>>,
    /// Parents and categories, from `organization_founded`.
    tree: subordinate::Tree,
    /// The versions judging subordinate organizations (`[[version.subordinate]]`),
    /// for organizations with no statute of their own.
    derived: BTreeMap<OrgId, Vec<Version>>,
}

impl StatuteBook {
    /// The book that these `statute_adopted` events make, adopted in the order given
    /// (ledger order), with the parents and categories of `organization_founded`
    /// events; statutes that do not read are left out (they were refused when
    /// recorded).
    pub fn from_events<'a>(
        events: impl IntoIterator<Item = &'a crate::event::Event>,
    ) -> StatuteBook {
        let mut book = StatuteBook::default();
        for event in events {
            match &event.kind {
                crate::event::EventKind::StatuteAdopted(s) => {
                    if let Ok(document) = read(&s.text) {
                        book.add(document);
                    }
                }
                crate::event::EventKind::OrganizationFounded(f) => {
                    book.tree
                        .found(f.org.clone(), f.parent.clone(), f.category.clone());
                    if let Some(d) = &f.decision {
                        book.tree.founded_on(f.org.clone(), d.clone());
                    }
                }
                _ => {}
            }
        }
        book.derive_all();
        book
    }

    /// Adds the versions of a document; a version with the id of one already
    /// in the book replaces it (an amendment rewrites that version).
    pub fn adopt(&mut self, document: Document) {
        self.add(document);
        self.derive_all();
    }

    /// Records that `org` was founded under `parent` as a `category` (what
    /// `organization_founded` says): it is judged by the template its nearest
    /// governed ancestor gives that category, unless it has a statute of its own.
    pub fn found(&mut self, org: OrgId, parent: Option<OrgId>, category: Option<String>) {
        self.tree.found(org.clone(), parent, category);
        self.derive_one(&org);
    }

    fn add(&mut self, document: Document) {
        for version in document.versions {
            let versions = self.by_org.entry(version.org.clone()).or_default();
            versions.retain(|v| v.id != version.id);
            versions.push(version);
            versions.sort_by_key(|v| v.effective.earliest());
        }
    }

    fn derive_all(&mut self) {
        self.derived.clear();
        if self
            .by_org
            .values()
            .flatten()
            .all(|v| v.subordinates.is_empty())
        {
            return;
        }
        let orgs: Vec<OrgId> = self.tree.orgs().cloned().collect();
        for org in &orgs {
            self.derive_one(org);
        }
    }

    fn derive_one(&mut self, org: &OrgId) {
        self.derived.remove(org);
        if self.by_org.contains_key(org) {
            return;
        }
        let versions = self.tree.derive(org, &self.by_org);
        if !versions.is_empty() {
            self.derived.insert(org.clone(), versions);
        }
    }

    /// The version in force for `org` on `day`: the latest one effective on or before
    /// it, of its own statute, or else of the template that governs it as a
    /// subordinate organization.
    pub fn in_force(&self, org: &OrgId, day: Day) -> Option<&Version> {
        self.versions_of(org)
            .iter()
            .rev()
            .find(|v| v.effective.earliest() <= day)
    }

    /// Every version of every organization with a statute of its own.
    pub fn versions(&self) -> impl Iterator<Item = &Version> {
        self.by_org.values().flatten()
    }

    /// Every version judging an organization: its own, and those derived for
    /// subordinate organizations (what `check --at` reads).
    pub fn judging(&self) -> impl Iterator<Item = &Version> {
        self.by_org.values().chain(self.derived.values()).flatten()
    }

    /// Every organ, in any version judging an organization, whose definition `pick`
    /// accepts (the organs a clause concerns: those with a term, a vacancy deadline, ...).
    pub fn organs_where(&self, pick: impl Fn(&OrganDef) -> bool) -> BTreeSet<OrganRef> {
        self.judging()
            .flat_map(|v| {
                v.organs
                    .iter()
                    .filter(|o| pick(o))
                    .map(|o| OrganRef::new(v.org.clone(), o.key.clone()))
            })
            .collect()
    }

    /// Every post, in any version judging an organization, whose definition `pick`
    /// accepts.
    pub fn posts_where(&self, pick: impl Fn(&PostDef) -> bool) -> BTreeSet<PostRef> {
        self.judging()
            .flat_map(|v| {
                v.posts
                    .iter()
                    .filter(|p| pick(p))
                    .map(|p| PostRef::new(v.org.clone(), p.key.clone()))
            })
            .collect()
    }

    /// Records the decision `org`'s founding cites (`organization_founded`
    /// `decision`): the organization whose organ took it approved its establishment
    /// (`elected_by = { by = "founder" }`).
    pub fn founded_on(&mut self, org: OrgId, decision: crate::id::EventId) {
        self.tree.founded_on(org, decision);
    }

    /// The decision `org`'s founding cites, if the record gives one.
    pub fn founding_decision(&self, org: &OrgId) -> Option<&crate::id::EventId> {
        self.tree.decision(org)
    }

    /// The organization `org` was founded under (`organization_founded` `parent`).
    pub fn parent(&self, org: &OrgId) -> Option<&OrgId> {
        self.tree.parent(org)
    }

    /// The category an organization was founded as (`organization_founded` `category`).
    pub fn category(&self, org: &OrgId) -> Option<&str> {
        self.tree.category(org)
    }

    /// The organizations above `org`, nearest first (its parent, its parent's parent,
    /// ...), as founded; a loop or a chain longer than the tree allows ends the list.
    pub fn ancestors(&self, org: &OrgId) -> Vec<OrgId> {
        self.tree.ancestors(org)
    }

    /// The organizations recorded as founded under `org` (at any depth) as a
    /// `category`: those a requisition by organizations of that category counts.
    pub fn under(&self, org: &OrgId, category: &str) -> Vec<OrgId> {
        self.tree
            .orgs()
            .filter(|o| self.tree.category(o) == Some(category))
            .filter(|o| self.tree.ancestors(o).contains(org))
            .cloned()
            .collect()
    }

    /// The nearest organization above `org` with a statute of its own: the one whose
    /// statute says who founds `org` and, unless `org` has a statute, who dissolves it.
    pub fn governor(&self, org: &OrgId) -> Option<OrgId> {
        self.ancestors(org)
            .into_iter()
            .find(|a| self.by_org.contains_key(a))
    }

    /// Whether `org` has a statute of its own (not one derived from a template).
    pub fn has_statute(&self, org: &OrgId) -> bool {
        self.by_org.contains_key(org)
    }

    /// The organizations that have a statute.
    pub fn orgs(&self) -> impl Iterator<Item = &OrgId> {
        self.by_org.keys()
    }

    /// The versions judging one organization, oldest first: its own, or else those
    /// derived for it as a subordinate organization.
    pub fn versions_of(&self, org: &OrgId) -> &[Version] {
        self.by_org
            .get(org)
            .or_else(|| self.derived.get(org))
            .map_or(&[], Vec::as_slice)
    }
}

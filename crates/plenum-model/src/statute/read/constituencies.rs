//! Reading `[version.constituencies]` and an organ's `constituencies`: refuses an
//! organ's clause where the version declares no constituencies, and one that says
//! nothing; and an organ's `non_voting` posts, refusing a post of no version's and one
//! that sits on the organ by office or composition. It only reads; the rules judge elections and seats by it.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::constituencies::{
    Constituencies, NonVoting, Region, SeatsByConstituency, SeatsByRegion,
};
use super::super::raw::{
    RawConstituencies, RawConvener, RawNonVoting, RawOrgan, RawOrganConstituencies,
    RawOrganRegions, RawRegion,
};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn constituencies(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawConstituencies>,
    ) -> Result<Option<Cited<Constituencies>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        if raw.name.get_ref().trim().is_empty() {
            return Err(self.err(
                raw.name.span(),
                "`[version.constituencies]` needs the `name` the statute gives one (\"Legislative District\")",
            ));
        }
        let regions = self.regions(raw.regions)?;
        Ok(Some(Cited {
            rule: Constituencies {
                name: raw.name.into_inner(),
                regions,
            },
            article: self.article(scope, raw.article)?,
        }))
    }

    /// The regions of `[version.constituencies]`: each with an id of its own, a name and
    /// at least one constituency, no constituency in two regions.
    fn regions(&self, raw: Vec<RawRegion>) -> Result<Vec<Region>, InputError> {
        let mut regions: Vec<Region> = Vec::new();
        for r in raw {
            let id = self.key(&r.id)?;
            if regions.iter().any(|o| o.id == id) {
                return Err(self.err(r.id.span(), format!("region `{id}` is declared twice")));
            }
            if r.name.get_ref().trim().is_empty() {
                return Err(self.err(
                    r.name.span(),
                    "a region needs the `name` the statute gives it (\"east of the Mississippi River\")",
                ));
            }
            if r.constituencies.get_ref().is_empty() {
                return Err(self.err(
                    r.constituencies.span(),
                    format!("region `{id}` lists no constituencies; name the ones the record places persons in"),
                ));
            }
            let mut constituencies = Vec::new();
            for c in r.constituencies.get_ref() {
                let key = self.key(c)?;
                if let Some(other) = regions
                    .iter()
                    .find(|o| o.constituencies.contains(&key))
                    .map(|o| o.id.clone())
                    .or_else(|| constituencies.contains(&key).then(|| id.clone()))
                {
                    return Err(self.err(
                        c.span(),
                        format!("constituency `{key}` is already in region `{other}`; a constituency lies in one region"),
                    ));
                }
                constituencies.push(key);
            }
            regions.push(Region {
                id,
                name: r.name.into_inner(),
                constituencies,
            });
        }
        Ok(regions)
    }

    /// An organ's `regions = { at_least = N }`: N at least 1, where the version
    /// declares regions of its constituencies.
    pub(super) fn seats_by_region(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawOrganRegions>>,
    ) -> Result<Option<Cited<SeatsByRegion>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if !scope.regions {
            return Err(self.err(
                span,
                format!(
                    "`regions` on an organ needs `regions` in `[version.constituencies]` of version `{}` (which constituencies lie in which region)",
                    scope.version
                ),
            ));
        }
        if *raw.at_least.get_ref() == 0 {
            return Err(self.err(
                raw.at_least.span(),
                "`regions.at_least` is the fewest holders from each region: at least 1",
            ));
        }
        Ok(Some(Cited {
            rule: SeatsByRegion {
                at_least: *raw.at_least.get_ref(),
            },
            article: self.article(scope, raw.article)?,
        }))
    }

    pub(super) fn seats_by_constituency(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawOrganConstituencies>>,
    ) -> Result<Option<Cited<SeatsByConstituency>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if scope.template {
            return Err(self.err(
                span,
                "`constituencies` is not yet read in a subordinate template; give it on the governing organization's organs",
            ));
        }
        if !scope.constituencies {
            return Err(self.err(
                span,
                format!(
                    "`constituencies` on an organ needs `[version.constituencies]` in version `{}` (what the statute calls one)",
                    scope.version
                ),
            ));
        }
        let rule = SeatsByConstituency {
            elected: raw.elected.unwrap_or(false),
            distinct: raw.distinct.unwrap_or(false),
        };
        if !rule.elected && !rule.distinct {
            return Err(self.err(
                span,
                "`constituencies` says nothing: give `elected = true` (each seat elected by one constituency's delegates), `distinct = true` (no two holders of one constituency) or both",
            ));
        }
        Ok(Some(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        }))
    }

    /// An organ's `non_voting` posts: posts of the version, none of which sits on it
    /// by office (`ex_officio`) or composition (`composed_of`).
    pub(super) fn non_voting(
        &self,
        scope: &Scope<'_>,
        organ: &RawOrgan,
        raw: Option<Spanned<RawNonVoting>>,
    ) -> Result<Option<Cited<NonVoting>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if raw.posts.is_empty() {
            return Err(self.err(
                span,
                "`non_voting.posts` is empty; name the posts whose holders attend without a vote",
            ));
        }
        let mut posts = Vec::new();
        for p in &raw.posts {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`non_voting.posts` names posts; `{}` is not a post of version `{}`",
                        p.get_ref(),
                        scope.version
                    ),
                ));
            }
            let sits = organ.ex_officio.iter().any(|e| e.get_ref() == p.get_ref())
                || organ
                    .composed_of
                    .as_ref()
                    .is_some_and(|c| c.posts.iter().any(|c| c.get_ref() == p.get_ref()));
            if sits {
                return Err(self.err(
                    p.span(),
                    format!("`{}` sits on this organ by office or composition, with a vote; it cannot also attend without one", p.get_ref()),
                ));
            }
            posts.push(self.key(p)?);
        }
        Ok(Some(Cited {
            rule: NonVoting { posts },
            article: self.article(scope, raw.article)?,
        }))
    }

    /// `convened_by.from_constituencies`: the fewest constituencies a requisition's
    /// members belong to; beside a `requisition`, where the version declares
    /// constituencies, and at least one.
    pub(super) fn requisition_constituencies(
        &self,
        scope: &Scope<'_>,
        raw: &RawConvener,
    ) -> Result<Option<u32>, InputError> {
        let Some(count) = &raw.from_constituencies else {
            return Ok(None);
        };
        let problem = if raw.requisition.is_none() {
            Some(
                "`from_constituencies` counts the constituencies of a requisition's members; give `requisition` too",
            )
        } else if !scope.constituencies {
            Some(
                "`from_constituencies` needs the version's constituencies: declare `[version.constituencies]`",
            )
        } else if *count.get_ref() == 0 {
            Some(
                "`from_constituencies` is the fewest constituencies a requisition comes from: at least 1",
            )
        } else {
            None
        };
        match problem {
            Some(message) => Err(self.err(count.span(), message)),
            None => Ok(Some(*count.get_ref())),
        }
    }
}

//! Reading who may do what: discipline rules (several per act), amendments,
//! incompatible offices, and the check that no organ elects itself.

use serde_spanned::Spanned;

use super::super::raw::{RawAmendment, RawDiscipline, RawIncompatible, RawOrgan};
use super::super::{Act, AmendmentRule, Cited, DisciplineRule, Key, LateAmendment};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn amendment(
        &self,
        scope: &Scope<'_>,
        raw: RawAmendment,
    ) -> Result<AmendmentRule, InputError> {
        let Some(first) = raw.by.first() else {
            return Err(self.err(0..0, "`[version.amendment]` needs `by = [\"an organ\"]`"));
        };
        let span = first.span();
        let by = raw
            .by
            .iter()
            .map(|b| self.organ_key(scope, b))
            .collect::<Result<_, _>>()?;
        let majority = raw
            .majority
            .map(|m| self.majority(scope, m, span))
            .transpose()?;
        let notice = match raw.notice {
            None => None,
            Some(n) => Some(Cited {
                rule: self.period(&n.at_least)?,
                article: self.article(scope, n.article)?,
            }),
        };
        let late = match raw.late {
            None => None,
            Some(l) => {
                let within = self.period(&l.within)?;
                let majority = self.majority(scope, l.majority, l.within.span())?;
                Some(LateAmendment {
                    within,
                    majority: majority.rule,
                    article: match l.article {
                        Some(a) => self.article(scope, Some(a))?,
                        None => majority.article,
                    },
                })
            }
        };
        Ok(AmendmentRule {
            by,
            majority,
            notice,
            late,
            article: self.article(scope, raw.article)?,
        })
    }

    /// Offices no one may hold together: two or more organs or posts of the version.
    pub(super) fn incompatible(
        &self,
        scope: &Scope<'_>,
        raw: RawIncompatible,
    ) -> Result<Cited<Vec<Key>>, InputError> {
        if raw.offices.len() < 2 {
            let span = raw.offices.first().map_or(0..0, Spanned::span);
            return Err(self.err(span, "`offices` needs at least two organs or posts"));
        }
        let offices = raw
            .offices
            .iter()
            .map(|o| {
                if scope.posts.contains(o.get_ref()) {
                    self.key(o)
                } else {
                    self.organ_key(scope, o)
                }
            })
            .collect::<Result<_, _>>()?;
        Ok(Cited {
            rule: offices,
            article: self.article(scope, raw.article)?,
        })
    }

    pub(super) fn discipline(
        &self,
        scope: &Scope<'_>,
        raw: RawDiscipline,
    ) -> Result<DisciplineRule, InputError> {
        let act = match raw.act.get_ref().as_str() {
            "expulsion" => Act::Expulsion,
            "suspension" => Act::Suspension,
            "removal" => Act::Removal,
            "reinstatement" => Act::Reinstatement,
            "admission" => Act::Admission,
            "promotion" => Act::Promotion,
            "extension" => Act::Extension,
            "revocation" => Act::Revocation,
            "withdrawal" => Act::Withdrawal,
            "lapse" => Act::Lapse,
            "urged-withdrawal" => Act::UrgedWithdrawal,
            other if scope.penalties.contains(other) => Act::Penalty,
            other => {
                return Err(self.err(
                    raw.act.span(),
                    format!("unknown act `{other}`; expected `expulsion`, `suspension`, `removal`, `reinstatement`, `admission`, `promotion`, `extension`, `revocation`, `withdrawal`, `lapse`, `urged-withdrawal` or the id of a `[[version.penalty]]`"),
                ));
            }
        };
        if raw.by.is_empty() {
            return Err(self.err(raw.act.span(), "`by` must name at least one organ"));
        }
        let from = match (&raw.from, act) {
            (None, _) => None,
            (Some(f), Act::Removal) if scope.posts.contains(f.get_ref()) => Some(self.key(f)?),
            (Some(f), Act::Removal) => Some(self.organ_key(scope, f)?),
            (Some(f), _) => {
                return Err(self.err(
                    f.span(),
                    "`from` goes only with `act = \"removal\"` (the organ or post removed from)",
                ));
            }
        };
        // In a template, `parent:KEY` names an organ of the organization one level up.
        let mut by: Vec<Key> = Vec::new();
        let mut by_parent: Vec<Key> = Vec::new();
        for b in &raw.by {
            if b.get_ref().starts_with("parent:") {
                by_parent.push(self.parent_key(scope, b)?);
            } else {
                by.push(self.organ_key(scope, b)?);
            }
        }
        let ground = raw
            .ground
            .as_ref()
            .map(|g| {
                Key::new(g.get_ref()).map_err(|e| {
                    self.err(
                        g.span(),
                        format!("`ground` names the ground an act records (`ground = \"serious-criminal-violation\"`): {e}"),
                    )
                })
            })
            .transpose()?;
        let target = raw
            .target
            .as_ref()
            .map(|t| self.target(scope, t))
            .transpose()?;
        let act_span = raw.act.span();
        let majority = raw
            .majority
            .map(|m| self.majority(scope, m, act_span))
            .transpose()?
            .map(|c| c.rule);
        let longest = match (&raw.longest, act) {
            (None, _) => None,
            (Some(l), Act::Suspension) => Some(self.period(l)?),
            (Some(l), _) => {
                return Err(self.err(
                    l.span(),
                    "`longest` goes only with `act = \"suspension\"` (how long it may last)",
                ));
            }
        };
        if let (
            Some(c),
            Act::Admission
            | Act::Promotion
            | Act::Extension
            | Act::Revocation
            | Act::Withdrawal
            | Act::Lapse
            | Act::UrgedWithdrawal,
        ) = (&raw.confirmed_by, act)
        {
            return Err(self.err(
                c.span(),
                "`confirmed_by` is not yet followed for membership decisions (admission, promotion, extension, revocation, withdrawal, lapse, urged-withdrawal): keep the approval as the article's text",
            ));
        }
        let confirmed_by =
            self.confirmation(scope, raw.confirmed_by.as_ref(), raw.within.as_ref())?;
        if let (Some(c), Some(raw_by)) = (&confirmed_by, &raw.confirmed_by)
            && by.contains(&c.by)
        {
            return Err(self.err(
                raw_by.span(),
                format!(
                    "`{}` is among the organs of `by`: an organ cannot confirm its own act",
                    c.by
                ),
            ));
        }
        let referral = raw
            .referral
            .map(|r| self.referral(scope, act, &by, r))
            .transpose()?;
        if let Some(n) = &raw.while_members_exceed
            && *n.get_ref() == 0
        {
            return Err(self.err(
                n.span(),
                "`while_members_exceed` is 0; give the number of full members the register must count more than for the act to be allowed (1 or more)",
            ));
        }
        let only_if_ineligible = match &raw.only_if {
            None => false,
            Some(o) if o.get_ref() != "ineligible" => {
                return Err(self.err(
                    o.span(),
                    format!(
                        "`only_if` is `{}`; expected \"ineligible\" (a removal only of a holder no longer eligible)",
                        o.get_ref()
                    ),
                ));
            }
            Some(o) if act != Act::Removal || from.is_none() => {
                return Err(self.err(
                    o.span(),
                    "`only_if` goes only with `act = \"removal\"` and `from` (the office whose eligibility has ceased)",
                ));
            }
            Some(_) => true,
        };
        Ok(DisciplineRule {
            only_if_ineligible,
            act,
            referral,
            while_members_exceed: raw.while_members_exceed.map(|n| *n.get_ref()),
            penalty: (act == Act::Penalty)
                .then(|| self.key(&raw.act))
                .transpose()?,
            longest,
            confirmed_by,
            from,
            target,
            by,
            by_parent,
            ground,
            majority,
            article: self.article(scope, raw.article)?,
        })
    }

    /// Refuses an organ that elects itself, directly or through other organs.
    pub(super) fn check_election_cycles(&self, organs: &[RawOrgan]) -> Result<(), InputError> {
        let elector_of = |key: &str| {
            organs
                .iter()
                .find(|o| o.id.get_ref() == key)
                .and_then(|o| o.elected_by.as_ref())
                .map(|e| &e.by)
        };
        for organ in organs {
            let start = organ.id.get_ref().as_str();
            let mut path = vec![start];
            let mut current = start;
            while let Some(next) = elector_of(current) {
                let next_key = next.get_ref().as_str();
                if next_key == start {
                    path.push(start);
                    let cycle = path
                        .iter()
                        .rev()
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" elects ");
                    let span = organ
                        .elected_by
                        .as_ref()
                        .map_or(organ.id.span(), |e| e.by.span());
                    return Err(self.err(span, format!("organ `{start}` elects itself: {cycle}")));
                }
                if path.contains(&next_key) {
                    break; // a cycle not through this organ; reported from its own start
                }
                path.push(next_key);
                current = next_key;
            }
        }
        Ok(())
    }
}

//! The judicial procedure as written (`[version.trials]`): the TOML shapes `read`
//! deserializes, with the positions of the values it checks; beside `raw.rs`, which
//! holds the rest of the document. No checks here; `read/trials.rs` makes them a
//! procedure.

use serde::Deserialize;
use serde_spanned::Spanned;

use super::raw::{ArticleRef, RawWithin};

/// `[version.trials]`: who files charges, who tries them, the decision's deadline.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTrials {
    pub(super) filed_by: Option<RawFiledBy>,
    pub(super) tried_by: Option<RawTriedBy>,
    pub(super) decision: Option<RawWithin>,
    pub(super) required_for: Option<RawRequiredFor>,
    pub(super) serve: Option<RawWithin>,
    pub(super) served_before_trial: Option<RawAtLeast>,
    pub(super) hearing: Option<RawHearing>,
    pub(super) appeals: Option<Spanned<RawAppeals>>,
    pub(super) grounds: Option<RawGrounds>,
    pub(super) recusal: Option<Spanned<RawRecusal>>,
    pub(super) acting_chair: Option<RawActingChair>,
}

/// `recusal = { former = true }`: no member of the trial body takes part in a case
/// arising in an organization of which they are (or, with `former`, were) a member.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRecusal {
    #[serde(default)]
    pub(super) former: bool,
    pub(super) article: ArticleRef,
}

/// `acting_chair = { by = "post:president" }`: who appoints a case's acting chair.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActingChair {
    pub(super) by: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// `grounds = { only = ["..."] }`: the grounds on which charges may be filed, and no other.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGrounds {
    pub(super) only: Spanned<Vec<Spanned<String>>>,
    pub(super) article: ArticleRef,
}

/// `appeals = { final_by = ["convention"] }`: the organs that decide appeals finally;
/// `appeals = { by = ["parent:commission"] }`: the organs that decide them at all (also
/// on a `[[version.subordinate]]`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAppeals {
    pub(super) final_by: Option<Spanned<Vec<Spanned<String>>>>,
    pub(super) by: Option<Spanned<Vec<Spanned<String>>>>,
    pub(super) article: ArticleRef,
}

/// `hearing = { acts = ["expulsion"], before = "board" }`: acts that need a hearing.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHearing {
    pub(super) acts: Spanned<Vec<Spanned<String>>>,
    pub(super) before: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// A period that must at least pass (`served_before_trial = { at_least = "30 days" }`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAtLeast {
    pub(super) at_least: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRequiredFor {
    pub(super) acts: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFiledBy {
    pub(super) by: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTriedBy {
    pub(super) by: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

//! The figures' responses: `/statute.svg` (the organs of the statute in force and who
//! elects whom) and `/organ/{org}/{key}/factions.svg` (an organ's seats by faction over
//! its whole history), each for `?date=` and `?as_of=` as the pages that show them.

use std::collections::BTreeMap;

use axum::extract::{Path, Query, State};
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use plenum_model::date::{Day, FuzzyDate};
use plenum_model::id::{EntityKind, OrganRef};
use plenum_model::query::at::at;
use plenum_model::query::{Facts, resolve};
use plenum_model::statute::{Cited, Elector, StatuteBook};

use super::figures::{FIGURE_CSP, election_graph, faction_chart};
use super::views::PageParams;
use crate::api::{Ask, date_param, kept_answer, seq_param};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// The most years a faction chart draws.
const MAX_YEARS: i32 = 200;

pub(super) fn svg(body: String, as_of: Option<u64>) -> Response {
    let cache = if as_of.is_some() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    (
        [
            (CONTENT_TYPE, HeaderValue::from_static("image/svg+xml")),
            (
                CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(FIGURE_CSP),
            ),
            (CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response()
}

#[derive(Debug)]
struct StatuteAsk(FuzzyDate);

impl Ask for StatuteAsk {
    type Answer = Vec<(String, String)>;
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Self::Answer, ApiError> {
        let book = StatuteBook::from_events(&facts.statute_events().map_err(ApiError::backend)?);
        let day = self.0.latest();
        let Some(version) = book
            .versions()
            .filter(|v| v.effective.earliest() <= day)
            .max_by_key(|v| v.effective.earliest())
        else {
            return Ok(Vec::new());
        };
        let elector = |cited: &Option<Cited<Elector>>| match cited {
            Some(Cited {
                rule: Elector::Organ(k),
                ..
            }) => Some(
                version
                    .organ(k)
                    .map_or_else(|| k.to_string(), |o| o.name.clone()),
            ),
            Some(Cited {
                rule: Elector::Members,
                ..
            }) => Some("the members".to_owned()),
            _ => None,
        };
        let organs = version
            .organs
            .iter()
            .filter_map(|o| Some((o.name.clone(), elector(&o.elected_by)?)));
        let posts = version
            .posts
            .iter()
            .filter_map(|p| Some((p.name.clone(), elector(&p.elected_by)?)));
        Ok(organs.chain(posts).collect())
    }
}

/// `GET /statute.svg?date=&as_of=`.
pub async fn statute(
    State(state): State<AppState>,
    _caller: Caller,
    Query(params): Query<PageParams>,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let date = match date_param("date", params.date.as_deref())? {
        Some(date) => date,
        None => state.today()?,
    };
    let edges = kept_answer(&state, as_of, StatuteAsk(date)).await?;
    Ok(svg(
        election_graph(&edges),
        as_of.filter(|_| params.date.is_some()),
    ))
}

#[derive(Debug)]
struct FactionsAsk {
    organ: OrganRef,
    today: i16,
}

impl Ask for FactionsAsk {
    type Answer = (String, Vec<(i16, BTreeMap<String, u32>)>);
    fn ask<F: Facts + ?Sized>(self, facts: &F) -> Result<Self::Answer, ApiError> {
        let target = self.organ.to_string();
        let entity = resolve(facts, EntityKind::Organ, &target).map_err(ApiError::query)?;
        let seats = facts
            .seats_on(&self.organ, Day::MIN, Day::MAX)
            .map_err(ApiError::backend)?;
        let counts = facts
            .counts_on(&self.organ, Day::MIN, Day::MAX)
            .map_err(ApiError::backend)?;
        let spans = seats
            .iter()
            .map(|s| &s.span)
            .chain(counts.iter().map(|c| &c.span));
        let range = spans.fold(None, |range: Option<(i16, i16)>, s| {
            let lo = s.start.earliest().year();
            let hi = s.end.as_ref().map_or(self.today, |e| e.latest().year());
            Some(range.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))))
        });
        let Some((first, last)) = range else {
            return Ok((entity.name, Vec::new()));
        };
        let last = last.min(self.today).max(first);
        let step = ((i32::from(last) - i32::from(first)) / MAX_YEARS + 1) as i16;
        let mut years = Vec::new();
        let mut name = entity.name;
        let mut year = first;
        while year <= last {
            let date: FuzzyDate = year
                .to_string()
                .parse()
                .map_err(|e| ApiError::Internal(format!("year {year}: {e}")))?;
            let report = at(facts, &date, &target, None).map_err(ApiError::query)?;
            if let Some(organ) = &report.organ {
                name.clone_from(&organ.name);
            }
            years.push((year, report.by_faction));
            year += step;
        }
        Ok((name, years))
    }
}

/// `GET /organ/{org}/{key}/factions.svg?as_of=`.
pub async fn factions(
    State(state): State<AppState>,
    _caller: Caller,
    Path((org, key)): Path<(String, String)>,
    Query(params): Query<PageParams>,
) -> Result<Response, ApiError> {
    let as_of = seq_param("as_of", params.as_of.as_deref())?;
    let organ: OrganRef = format!("{org}/{key}")
        .parse()
        .map_err(|e| ApiError::NotFound(format!("no organ is called `{org}/{key}`: {e}")))?;
    let today = state.today()?.latest().year();
    let (name, years) = kept_answer(&state, as_of, FactionsAsk { organ, today }).await?;
    let chart = faction_chart(&format!("{name}: seats by faction, year by year"), &years)
        .map_err(|e| ApiError::Internal(format!("cannot draw the chart: {e}")))?;
    Ok(svg(chart, as_of))
}

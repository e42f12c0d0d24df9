//! The facts an import records, after the declarations: seats, faction alignments,
//! memberships, tenures of posts and meetings, in date order.

use std::collections::BTreeMap;

use plenum_model::date::FuzzyDate;
use serde_json::json;

use super::ids::{Ids, slug};
use super::import::{
    Events, ImportError, Intervals, Kind, date_of, error, membership_dates, sources_of,
};
use super::plan::{Counts, Ctx, Seats};

/// Merges intervals that touch or overlap (an open one swallows the rest), except where
/// `exact` says both are rows of their own (plenum's export: a seat and the next one,
/// after a re-election, stay two, each with its dates).
fn merge(
    mut list: Vec<(FuzzyDate, Option<FuzzyDate>, usize)>,
    exact: impl Fn(usize) -> bool,
) -> Vec<(FuzzyDate, Option<FuzzyDate>, usize)> {
    list.sort_by_key(|(s, _, i)| (s.earliest(), *i));
    let mut out: Vec<(FuzzyDate, Option<FuzzyDate>, usize)> = Vec::new();
    for (start, end, i) in list {
        if let Some(last) = out.last_mut()
            && !(exact(last.2) && exact(i))
        {
            let continues = match &last.1 {
                None => true,
                Some(e) => start.earliest() <= e.latest(),
            };
            if continues {
                last.1 = match (&last.1, &end) {
                    (Some(a), Some(b)) => Some(if b.latest() > a.latest() {
                        b.clone()
                    } else {
                        a.clone()
                    }),
                    _ => None,
                };
                continue;
            }
        }
        out.push((start, end, i));
    }
    out
}

/// Seats, alignments, memberships, tenures and meetings.
pub(super) fn facts(
    ctx: &Ctx<'_>,
    out: &mut Events,
    counts: &mut Counts,
) -> Result<Seats, ImportError> {
    let p = ctx.popolo;
    let mut seats: Intervals = BTreeMap::new();
    let mut aligned: Intervals = BTreeMap::new();
    // In date order, and of two starting on the same day the one that ends first first:
    // a holder replaced the day they took a post is assigned before their successor.
    let mut order = Vec::with_capacity(p.memberships.len());
    for (i, m) in p.memberships.iter().enumerate() {
        let (start, end) = membership_dates(m, &format!("$.memberships[{i}]"), ctx.periods)?;
        let key = (
            start.as_ref().map(FuzzyDate::earliest),
            end.as_ref()
                .map_or(plenum_model::date::Day::MAX, FuzzyDate::latest),
        );
        order.push((key, i));
    }
    order.sort();
    for i in order.into_iter().map(|(_, i)| i) {
        let m = &p.memberships[i];
        let path = format!("$.memberships[{i}]");
        let Some(person) = m.person_id.as_deref() else {
            continue;
        };
        let pid = ctx
            .persons
            .get(person)
            .ok_or_else(|| {
                error(
                    format!("{path}.person_id"),
                    format!("no person in $.persons has the id `{person}`"),
                )
            })?
            .to_owned();
        let org = m.organization_id.as_deref().ok_or_else(|| {
            error(
                format!("{path}.organization_id"),
                "a membership without an organization",
            )
        })?;
        let oi = ctx.lookup(
            org,
            format!("{path}.organization_id"),
            "the membership's organization",
        )?;
        let behalf = match m.on_behalf_of_id.as_deref() {
            None => None,
            Some(b) => {
                Some(ctx.lookup(b, format!("{path}.on_behalf_of_id"), "the party or group")?)
            }
        };
        if let Some(post) = m.post_id.as_deref()
            && !p.posts.iter().any(|x| x.id.as_deref() == Some(post))
        {
            return Err(error(
                format!("{path}.post_id"),
                format!("no post in $.posts has the id `{post}`"),
            ));
        }
        let (start, end) = membership_dates(m, &path, ctx.periods)?;
        let Some(start) = start else { continue };
        let sources = sources_of(&m.sources, ctx.file, &path);
        match (&ctx.kinds[oi], m.post_id.as_deref()) {
            (_, Some(post)) => {
                let owner = ctx.org_of(oi).ok_or_else(|| {
                    error(
                        format!("{path}.organization_id"),
                        "a post held in a faction",
                    )
                })?;
                let key = slug(post.strip_prefix(&format!("{org}/")).unwrap_or(post));
                let post_ref = format!("{owner}/{key}");
                let mut body = json!({ "person": pid, "post": post_ref });
                if nominal(&m.extra) {
                    body["nominal"] = true.into();
                }
                out.push(&path, &start, "post_assigned", body, sources.clone());
                if let Some(end) = &end {
                    out.push(
                        &path,
                        end,
                        "post_vacated",
                        json!({ "person": pid, "post": post_ref }),
                        sources,
                    );
                }
                counts.memberships += 1;
            }
            (Kind::Organ { owner, key }, None) => {
                let organ = format!("{owner}/{key}");
                seats.entry((pid.clone(), organ)).or_default().push((
                    start.clone(),
                    end.clone(),
                    i,
                ));
                match seat_factions(ctx, m, &path)? {
                    // plenum's export: each alignment with its own dates.
                    Some(list) => {
                        for (fi, since, until) in list {
                            aligned
                                .entry((pid.clone(), ctx.faction_id(fi)))
                                .or_default()
                                .push((since, until, i));
                        }
                    }
                    // Elsewhere the party a member sits for holds for the whole membership.
                    None => {
                        if let Some(b) = behalf {
                            aligned
                                .entry((pid.clone(), ctx.faction_id(b)))
                                .or_default()
                                .push((start, end, i));
                        }
                    }
                }
            }
            (Kind::Faction, None) => {
                if m.role.as_deref() == Some("leader") {
                    // Each leadership has its own dates, so several may overlap
                    // (joint leaders): none succeeds another, each ends at its end.
                    let faction = ctx.faction_id(oi);
                    out.push(
                        &path,
                        &start,
                        "faction_led",
                        json!({ "person": pid, "faction": faction, "joint": true }),
                        sources.clone(),
                    );
                    if let Some(end) = &end {
                        out.push(
                            &path,
                            end,
                            "faction_leadership_ended",
                            json!({ "person": pid, "faction": faction }),
                            sources,
                        );
                    }
                } else {
                    aligned
                        .entry((pid.clone(), ctx.faction_id(oi)))
                        .or_default()
                        .push((start, end, i));
                }
            }
            (Kind::Org, None) => {
                let owner = ctx.org_of(oi).unwrap_or_default();
                // A suspension is a membership of its own status (plenum's export ends
                // the one before it on the same day): it opens as a suspension.
                let (kind, body) = match m.role.as_deref() {
                    Some("suspended") => {
                        ("member_suspended", json!({ "person": pid, "org": owner }))
                    }
                    Some("candidate") => (
                        "member_admitted",
                        json!({ "person": pid, "org": owner, "status": "candidate" }),
                    ),
                    _ => (
                        "member_admitted",
                        json!({ "person": pid, "org": owner, "status": "full" }),
                    ),
                };
                out.push(&path, &start, kind, body, sources.clone());
                if let Some(end) = &end {
                    out.push(
                        &path,
                        end,
                        "member_resigned",
                        json!({ "person": pid, "org": owner }),
                        sources,
                    );
                }
                counts.memberships += 1;
            }
        }
    }
    let mut most: Seats = BTreeMap::new();
    for ((pid, organ), list) in seats {
        for (start, end, i) in merge(list, |i| is_plenum_seat(ctx, i)) {
            // The role of the seat's first membership: `alternate`, else a full seat.
            let role = p.memberships[i].role.as_deref();
            let path = format!("$.memberships[{i}]");
            let sources = sources_of(&p.memberships[i].sources, ctx.file, &path);
            let mut body = json!({ "person": pid, "organ": organ });
            if role == Some("alternate") {
                body["role"] = "alternate".into();
            }
            if nominal(&p.memberships[i].extra) {
                body["nominal"] = true.into();
            }
            out.push(&path, &start, "seat_taken", body, sources.clone());
            if let Some(end) = &end {
                out.push(
                    &path,
                    end,
                    "seat_vacated",
                    json!({ "person": pid, "organ": organ }),
                    sources,
                );
            }
            counts.seats += 1;
            most.entry(organ.clone()).or_default();
        }
    }
    for ((pid, faction), list) in aligned {
        for (start, end, i) in merge(list, |_| false) {
            let path = format!("$.memberships[{i}]");
            let sources = sources_of(&p.memberships[i].sources, ctx.file, &path);
            out.push(
                &path,
                &start,
                "faction_joined",
                json!({ "person": pid, "faction": faction }),
                sources.clone(),
            );
            if let Some(end) = &end {
                out.push(
                    &path,
                    end,
                    "faction_left",
                    json!({ "person": pid, "faction": faction }),
                    sources,
                );
            }
            counts.alignments += 1;
        }
    }
    // The most seats held at once, per organ (for the proposed statute).
    for (organ, n) in most.iter_mut() {
        *n = most_at_once(ctx, organ)?;
    }
    counted(ctx, out, counts)?;
    meetings(ctx, out, counts)?;
    Ok(most)
}

/// Whether membership `i` is a seat as plenum exports it (of an organization marked
/// `plenum:kind = "organ"`): one seat row, never merged with the next.
fn is_plenum_seat(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.popolo.memberships[i]
        .organization_id
        .as_deref()
        .and_then(|o| ctx.index.get(o).copied())
        .is_some_and(|oi| {
            ctx.popolo.organizations[oi]
                .extra
                .get("plenum:kind")
                .and_then(serde_json::Value::as_str)
                == Some("organ")
        })
}

/// One alignment of a seat as plenum exports it (`plenum:factions`).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SeatFaction {
    /// The faction's Popolo id.
    id: String,
    /// From (EDTF).
    start_date: String,
    /// Until (EDTF), if it ended.
    #[serde(default)]
    end_date: Option<String>,
}

/// Whether plenum's export marked the membership as held in name only
/// (`plenum:nominal`, a figurehead).
fn nominal(extra: &super::Extra) -> bool {
    extra
        .get("plenum:nominal")
        .and_then(serde_json::Value::as_bool)
        == Some(true)
}

/// An alignment read from a seat: the faction's index in `$.organizations`, from, until.
type Alignment = (usize, FuzzyDate, Option<FuzzyDate>);

/// The alignments a seat lists in `plenum:factions` (plenum's export), each with its own
/// dates: the faction's index and the dates. `None` when the membership has no such list.
fn seat_factions(
    ctx: &Ctx<'_>,
    m: &super::Membership,
    path: &str,
) -> Result<Option<Vec<Alignment>>, ImportError> {
    let Some(list) = m.extra.get("plenum:factions") else {
        return Ok(None);
    };
    let path = format!("{path}.plenum:factions");
    let list: Vec<SeatFaction> = serde_json::from_value(list.clone()).map_err(|e| {
        error(
            path.clone(),
            format!("not a list of {{id, start_date, end_date}}: {e}"),
        )
    })?;
    let mut out = Vec::with_capacity(list.len());
    for (j, f) in list.iter().enumerate() {
        let at = format!("{path}[{j}]");
        let fi = ctx.lookup(&f.id, format!("{at}.id"), "the faction")?;
        if ctx.kinds[fi] != Kind::Faction {
            return Err(error(
                format!("{at}.id"),
                format!(
                    "`{}` is not a faction (expected an organization with plenum:kind = \"faction\")",
                    f.id
                ),
            ));
        }
        let since =
            super::dates::read(&f.start_date).map_err(|e| error(format!("{at}.start_date"), e))?;
        let until = match &f.end_date {
            None => None,
            Some(d) => Some(super::dates::read(d).map_err(|e| error(format!("{at}.end_date"), e))?),
        };
        out.push((fi, since, until));
    }
    Ok(Some(out))
}

/// The most memberships of an organ that hold on any one of their start days.
fn most_at_once(ctx: &Ctx<'_>, organ: &str) -> Result<usize, ImportError> {
    most_holding(ctx, |m| {
        let Some(oi) = m
            .organization_id
            .as_deref()
            .and_then(|o| ctx.index.get(o).copied())
        else {
            return false;
        };
        matches!(&ctx.kinds[oi], Kind::Organ { owner, key } if format!("{owner}/{key}") == organ)
            && m.post_id.is_none()
            && m.person_id.is_some()
    })
}

/// The most holders of a post (by its Popolo id) at once.
pub(super) fn most_holders(ctx: &Ctx<'_>, post: &str) -> Result<usize, ImportError> {
    most_holding(ctx, |m| {
        m.post_id.as_deref() == Some(post) && m.person_id.is_some()
    })
}

/// The most memberships `keep` selects that hold on any one of their start days.
fn most_holding(
    ctx: &Ctx<'_>,
    keep: impl Fn(&super::Membership) -> bool,
) -> Result<usize, ImportError> {
    let mut spans = Vec::new();
    for (i, m) in ctx.popolo.memberships.iter().enumerate() {
        if keep(m) {
            let (s, e) = membership_dates(m, &format!("$.memberships[{i}]"), ctx.periods)?;
            if let Some(s) = s {
                spans.push((s.earliest(), e.map(|e| e.earliest())));
            }
        }
    }
    Ok(spans
        .iter()
        .map(|(day, _)| {
            spans
                .iter()
                .filter(|(s, e)| s <= day && e.is_none_or(|e| e > *day))
                .count()
        })
        .max()
        .unwrap_or(0))
}

/// Seats counted without names (`plenum:counted_seats` on an organ, as plenum exports
/// them): `seats_counted`, until their end.
fn counted(ctx: &Ctx<'_>, out: &mut Events, counts: &mut Counts) -> Result<(), ImportError> {
    for (i, o) in ctx.popolo.organizations.iter().enumerate() {
        let Kind::Organ { owner, key } = &ctx.kinds[i] else {
            continue;
        };
        let Some(list) = o.extra.get("plenum:counted_seats") else {
            continue;
        };
        let path = format!("$.organizations[{i}].plenum:counted_seats");
        let list: Vec<super::CountedSeats> = serde_json::from_value(list.clone())
            .map_err(|e| error(path.clone(), format!("not a list of counted seats: {e}")))?;
        for (j, c) in list.iter().enumerate() {
            let path = format!("{path}[{j}]");
            let start = super::dates::read(&c.start_date)
                .map_err(|e| error(format!("{path}.start_date"), e))?;
            let mut body = json!({ "organ": format!("{owner}/{key}"), "count": c.count });
            if c.role.as_deref() == Some("alternate") {
                body["role"] = "alternate".into();
            }
            if let Some(f) = &c.faction_id {
                let fi = ctx.lookup(f, format!("{path}.faction_id"), "the faction")?;
                body["faction"] = ctx.faction_id(fi).into();
            }
            if let Some(end) = &c.end_date {
                let end =
                    super::dates::read(end).map_err(|e| error(format!("{path}.end_date"), e))?;
                body["until"] = end.to_string().into();
            }
            out.push(
                &path,
                &start,
                "seats_counted",
                body,
                sources_of(&c.sources, ctx.file, &path),
            );
            counts.counted += 1;
        }
    }
    Ok(())
}

fn meetings(ctx: &Ctx<'_>, out: &mut Events, counts: &mut Counts) -> Result<(), ImportError> {
    let mut ids = Ids::default();
    for (i, e) in ctx.popolo.events.iter().enumerate() {
        let path = format!("$.events[{i}]");
        if e.classification.as_deref() != Some("meeting") {
            continue;
        }
        let Some(oi) = e
            .organization_id
            .as_deref()
            .and_then(|o| ctx.index.get(o).copied())
        else {
            continue;
        };
        let Kind::Organ { owner, key } = &ctx.kinds[oi] else {
            continue;
        };
        let Some(date) = date_of(e.start_date.as_deref(), &e.extra, "start_date", &path)? else {
            continue;
        };
        let id = e.id.as_deref().unwrap_or_default();
        let mut body = json!({ "meeting": ids.assign(id, id), "organ": format!("{owner}/{key}") });
        if let Some(name) = &e.name {
            body["name"] = name.clone().into();
        }
        out.push(
            &path,
            &date,
            "meeting_held",
            body,
            sources_of(&e.sources, ctx.file, &path),
        );
        counts.meetings += 1;
    }
    Ok(())
}

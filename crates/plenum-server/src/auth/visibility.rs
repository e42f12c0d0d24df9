//! What the organization shows to whom. The record is read in five sections (organs,
//! persons, lineage, findings, log); each is open to the public or to members only, as
//! the organization sets with `plenum visibility` (kept beside the accounts, outside the
//! ledger). A section never set is public. A guard in front of every route refuses a
//! member-only section to anyone below the member role, before its handler runs, so no
//! page or answer of it can leak.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{FromRequestParts, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{Caller, Role};
use crate::error::ApiError;
use crate::pages::error_page;
use crate::state::{AppState, blocking};

/// How long the levels read from the store are trusted: a change made with
/// `plenum visibility` while the server runs takes effect within this.
pub const REREAD_AFTER: Duration = Duration::from_secs(1);

/// A section of the record, as pages and answers read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Who sat on organs and held posts: organ and post pages, the statute diagram,
    /// faction charts, elections, `at`.
    Organs,
    /// Persons: their pages and careers, and search.
    Persons,
    /// Organizations' predecessors and successors.
    Lineage,
    /// The rules engine's findings: the findings page, `check`.
    Findings,
    /// The ledger's entries: the log, `verify`, diffs between ledger points.
    Log,
}

impl Section {
    /// Every section, in order.
    pub const ALL: [Section; 5] = [
        Section::Organs,
        Section::Persons,
        Section::Lineage,
        Section::Findings,
        Section::Log,
    ];

    /// Its name, as `plenum visibility` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Organs => "organs",
            Section::Persons => "persons",
            Section::Lineage => "lineage",
            Section::Findings => "findings",
            Section::Log => "log",
        }
    }

    /// What it covers, in words.
    pub fn covers(self) -> &'static str {
        match self {
            Section::Organs => {
                "organ and post pages, the statute diagram, faction charts, elections; API `at`"
            }
            Section::Persons => "person pages and search; API `person`, `search`",
            Section::Lineage => "lineage pages; API `lineage`",
            Section::Findings => "the findings page; API `check`",
            Section::Log => "the log and diffs; API `log`, `verify`",
        }
    }

    /// The section called `text`.
    pub fn named(text: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The section a request path reads, if any (the home page, sign-in, meetings,
    /// published urns and static files are in none).
    pub fn of_path(path: &str) -> Option<Section> {
        let path = path.strip_prefix("/api/v1").unwrap_or(path);
        let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
        match first {
            "organ" | "post" | "statute.svg" | "at" | "election" | "elections" => {
                Some(Section::Organs)
            }
            "person" | "search" => Some(Section::Persons),
            "lineage" => Some(Section::Lineage),
            "findings" | "check" => Some(Section::Findings),
            "log" | "verify" | "diff" => Some(Section::Log),
            _ => None,
        }
    }
}

/// Who may read a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Anyone.
    Public,
    /// Signed-in members and every role above them.
    Members,
}

impl Level {
    /// Its name, as `plenum visibility` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Public => "public",
            Level::Members => "members",
        }
    }

    /// The level called `text`.
    pub fn named(text: &str) -> Option<Level> {
        [Level::Public, Level::Members]
            .into_iter()
            .find(|l| l.as_str() == text)
    }

    /// Whether `role` may read a section at this level.
    pub fn admits(self, role: Role) -> bool {
        match self {
            Level::Public => true,
            Level::Members => role >= Role::Member,
        }
    }
}

/// Every section's level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels([Level; Section::ALL.len()]);

impl Default for Levels {
    fn default() -> Levels {
        Levels([Level::Public; Section::ALL.len()])
    }
}

impl Levels {
    /// The levels as kept: `(section, level)` pairs; a name not known is an error.
    pub fn from_kept(kept: &[(String, String)]) -> Result<Levels, String> {
        let mut levels = Levels::default();
        for (section, level) in kept {
            let s = Section::named(section)
                .ok_or_else(|| format!("the visibility of `{section}`, which is no section"))?;
            let l = Level::named(level)
                .ok_or_else(|| format!("`{level}` for {section}, which is no level"))?;
            levels.set(s, l);
        }
        Ok(levels)
    }

    /// The level of `section`.
    pub fn of(self, section: Section) -> Level {
        self.0[section as usize]
    }

    /// Sets the level of `section`.
    pub fn set(&mut self, section: Section, level: Level) {
        self.0[section as usize] = level;
    }

    /// Whether `role` may read `section`.
    pub fn admits(self, section: Section, role: Role) -> bool {
        self.of(section).admits(role)
    }
}

/// The levels, read from the store at most once a [`REREAD_AFTER`].
#[derive(Default)]
pub struct Visibility {
    kept: Mutex<Option<(Instant, Levels)>>,
}

impl Visibility {
    /// The levels now (all public on a server without accounts).
    pub async fn levels(&self, state: &AppState) -> Result<Levels, ApiError> {
        let Some(accounts) = state.accounts.clone() else {
            return Ok(Levels::default());
        };
        if let Ok(kept) = self.kept.lock()
            && let Some((read, levels)) = *kept
            && read.elapsed() < REREAD_AFTER
        {
            return Ok(levels);
        }
        let kept = blocking(move || accounts.visibility().map_err(ApiError::store)).await?;
        let levels = Levels::from_kept(&kept).map_err(ApiError::Internal)?;
        if let Ok(mut slot) = self.kept.lock() {
            *slot = Some((Instant::now(), levels));
        }
        Ok(levels)
    }
}

/// Refuses a member-only section to a caller below the member role (401 for the public,
/// as a page or as JSON by the path), and passes the caller it found on to the handler.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(section) = Section::of_path(request.uri().path()) else {
        return next.run(request).await;
    };
    let levels = match state.visibility.levels(&state).await {
        Ok(levels) => levels,
        Err(e) => return refuse(request.uri().path(), e),
    };
    if levels.of(section) == Level::Public {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let caller = match Caller::from_request_parts(&mut parts, &state).await {
        Ok(caller) => caller,
        Err(e) => return refuse(parts.uri.path(), e),
    };
    if let Err(e) = caller.require(
        |role| levels.admits(section, role),
        &format!(
            "read {} (the organization shows them to members only)",
            section.as_str()
        ),
    ) {
        return refuse(parts.uri.path(), e);
    }
    parts.extensions.insert(caller);
    next.run(Request::from_parts(parts, body)).await
}

fn refuse(path: &str, error: ApiError) -> Response {
    if path.starts_with("/api/") {
        error.into_response()
    } else {
        error_page(&error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fall_in_their_sections() {
        let cases = [
            ("/organ/wpk/politburo", Some(Section::Organs)),
            ("/api/v1/at/politburo", Some(Section::Organs)),
            ("/statute.svg", Some(Section::Organs)),
            ("/person/kim-il-sung", Some(Section::Persons)),
            ("/api/v1/search", Some(Section::Persons)),
            ("/lineage/wpk", Some(Section::Lineage)),
            ("/api/v1/check", Some(Section::Findings)),
            ("/findings", Some(Section::Findings)),
            ("/api/v1/verify", Some(Section::Log)),
            ("/log", Some(Section::Log)),
            ("/", None),
            ("/meetings/m1", None),
            ("/api/v1/polls/p1/urn", None),
            ("/login", None),
            ("/healthz", None),
            ("/organs", None),
        ];
        for (path, section) in cases {
            assert_eq!(Section::of_path(path), section, "{path}");
        }
    }

    #[test]
    fn levels_read_from_the_store_and_admit_by_role() {
        let levels = Levels::from_kept(&[("persons".into(), "members".into())]).expect("read");
        assert!(levels.admits(Section::Organs, Role::Public));
        assert!(!levels.admits(Section::Persons, Role::Public));
        assert!(levels.admits(Section::Persons, Role::Member));
        assert!(levels.admits(Section::Persons, Role::Admin));
        let bad = Levels::from_kept(&[("people".into(), "members".into())]);
        assert!(bad.is_err_and(|e| e.contains("`people`")));
        let bad = Levels::from_kept(&[("persons".into(), "secret".into())]);
        assert!(bad.is_err_and(|e| e.contains("`secret`")));
    }

    #[test]
    fn names_round_trip() {
        for s in Section::ALL {
            assert_eq!(Section::named(s.as_str()), Some(s));
        }
        for l in [Level::Public, Level::Members] {
            assert_eq!(Level::named(l.as_str()), Some(l));
        }
    }
}

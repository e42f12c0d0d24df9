//! Web pages, rendered on the server (askama), that work without JavaScript. Every page
//! takes `?as_of=SEQ` (the record as it stood then, with a banner saying so) and, where
//! a date matters, `?date=`. A page is a heading, lines, an optional date slider (a
//! plain form) and tables of cells; the answers come from the same queries as the API.

pub mod ballot;
pub mod diff;
pub mod election;
pub mod figures;
pub mod forms;
pub mod history_figures;
pub mod home;
pub mod images;
pub mod lineage_graph;
pub mod lineage_tables;
pub mod log;
pub mod meetings;
pub mod people;
pub mod urn;
pub mod views;

use askama::Template;
use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;

use crate::error::ApiError;
use crate::state::AppState;

/// The routes of the pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/organ/{org}/{key}", get(views::organ))
        .route("/post/{org}/{key}", get(views::post))
        .route("/person/{id}", get(people::person))
        .route("/lineage/{org}", get(people::lineage))
        .route("/lineage/{org}/graph.svg", get(lineage_graph::graph))
        .route("/election/{event}", get(election::election))
        .route("/election/{event}/stages.svg", get(election::stages_svg))
        .route("/diff", get(diff::diff))
        .route("/findings", get(views::findings))
        .route("/search", get(people::search))
        .route("/log", get(log::log))
        .route("/static/style.css", get(style))
        .route("/login", get(forms::login_form).post(forms::login))
        .route("/logout", axum::routing::post(forms::logout))
        .route("/record", get(forms::record_form).post(forms::record))
        .route("/statute.svg", get(images::statute))
        .route("/organ/{org}/{key}/factions.svg", get(images::factions))
        .route("/static/live.js", get(urn::script))
        .route("/meetings", get(urn::meetings).post(urn::convene))
        .route("/meetings/{id}", get(meetings::meeting))
        .route("/meetings/{id}/checkin", post(meetings::check_in))
        .route("/meetings/{id}/attendance", post(meetings::teller))
        .route("/meetings/{id}/proxy", post(meetings::give_proxy))
        .route("/meetings/{id}/polls", post(meetings::new_poll))
        .route("/polls/{id}/open", post(meetings::open_poll))
        .route("/polls/{id}/close", post(meetings::close_poll))
        .route("/polls/{id}/vote", post(ballot::vote))
        .route("/polls/{id}/urn", get(urn::urn))
}

async fn style() -> Response {
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/css; charset=utf-8"),
            ),
            (
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=3600"),
            ),
        ],
        include_str!("style.css"),
    )
        .into_response()
}

/// What every page shows around its content.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    /// The page's title.
    pub title: String,
    /// The entry the page reads the record as of, if not the head.
    pub as_of: Option<u64>,
    /// The ledger's head entry.
    pub head: u64,
    /// The signed-in account's name.
    pub signed_in: Option<String>,
    /// The session's CSRF token (for the sign-out form), when signed in by session.
    pub csrf: Option<String>,
    /// Links of the navigation, keeping `as_of`.
    pub home: String,
    /// The findings page.
    pub findings: String,
    /// The log page.
    pub log: String,
    /// This page without `as_of`.
    pub current: String,
}

/// A table cell: text, and where it links.
#[derive(Clone, Debug, Default)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// The link, if any.
    pub href: Option<String>,
    /// Or a list of links (text, href), shown comma-separated instead of the text.
    pub links: Vec<(String, String)>,
}

impl Cell {
    /// Text alone.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    /// Text linking to `href`.
    pub fn link(text: impl Into<String>, href: String) -> Cell {
        Cell {
            text: text.into(),
            href: Some(href),
            ..Cell::default()
        }
    }

    /// A list of links (text, href).
    pub fn links(links: Vec<(String, String)>) -> Cell {
        Cell {
            links,
            ..Cell::default()
        }
    }
}

/// A table with a caption.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// The caption (a heading above it).
    pub caption: String,
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table.
    pub fn new(caption: impl Into<String>, headers: &[&str]) -> Table {
        Table {
            caption: caption.into(),
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The date slider: a range of years, submitted as `?date=YEAR` by a plain form.
#[derive(Clone, Debug)]
pub struct Slider {
    /// The page it submits to.
    pub action: String,
    /// The first year.
    pub min: i16,
    /// The last year.
    pub max: i16,
    /// The year shown.
    pub value: i16,
    /// The date shown, as given.
    pub date: String,
    /// What the button shows.
    pub label: String,
}

/// An image drawn on the server, with its text alternative.
#[derive(Clone, Debug)]
pub struct Figure {
    /// Where the SVG is.
    pub src: String,
    /// What it shows, for those who cannot see it.
    pub alt: String,
    /// The caption.
    pub caption: String,
}

/// A link below the tables.
#[derive(Clone, Debug)]
pub struct Link {
    /// The text.
    pub text: String,
    /// Where.
    pub href: String,
}

/// A page.
#[derive(Template, Debug, Default)]
#[template(path = "page.html")]
pub struct Page {
    /// Around the content.
    pub chrome: Chrome,
    /// The heading.
    pub heading: String,
    /// Lines under it.
    pub lead: Vec<String>,
    /// The date slider, where a date matters.
    pub slider: Option<Slider>,
    /// A figure (an SVG image drawn on the server).
    pub figure: Option<Figure>,
    /// The tables.
    pub tables: Vec<Table>,
    /// Links below.
    pub more: Vec<Link>,
    /// A form picking two ledger points to compare (the log and diff pages).
    pub range: Option<RangeForm>,
}

/// A plain form asking for two ledger points, submitted to `/diff?from=&to=`.
#[derive(Clone, Debug, Default)]
pub struct RangeForm {
    /// The earlier entry, as given.
    pub from: String,
    /// The later entry, as given (empty: the head).
    pub to: String,
    /// The ledger's head entry.
    pub head: u64,
}

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        match self.render() {
            Ok(html) => (
                [(CACHE_CONTROL, HeaderValue::from_static("no-cache"))],
                Html(html),
            )
                .into_response(),
            Err(e) => ApiError::Internal(format!("cannot render the page: {e}")).into_response(),
        }
    }
}

/// A page for an error: its status, in words.
pub fn error_page(error: &ApiError) -> Response {
    let page = Page {
        chrome: Chrome {
            title: "Not answered".into(),
            home: "/".into(),
            findings: "/findings".into(),
            log: "/log".into(),
            current: "/".into(),
            ..Chrome::default()
        },
        heading: match error.status() {
            StatusCode::NOT_FOUND => "Not found".into(),
            StatusCode::BAD_REQUEST => "That cannot be answered".into(),
            _ => "Something went wrong".into(),
        },
        lead: vec![error.to_string()],
        ..Page::default()
    };
    let mut response = page.into_response();
    *response.status_mut() = error.status();
    response
}

/// A word for a value that serializes as one (`full`, `removed`, `definitely`).
pub fn word<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Percent-encodes a path segment or query value (everything but unreserved characters).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `path`, with `as_of` kept when set (`path` may have a query already).
pub fn keep(path: &str, as_of: Option<u64>) -> String {
    match as_of {
        None => path.to_owned(),
        Some(seq) if path.contains('?') => format!("{path}&as_of={seq}"),
        Some(seq) => format!("{path}?as_of={seq}"),
    }
}

/// The link of an organ, post, person or organization page (ids as the record keeps them).
pub fn href(kind: &str, id: &str, as_of: Option<u64>) -> String {
    let path = match (kind, id.split_once('/')) {
        ("organ" | "post", Some((org, key))) => {
            format!("/{kind}/{}/{}", encode(org), encode(key))
        }
        _ => format!("/{kind}/{}", encode(id)),
    };
    keep(&path, as_of)
}

/// `a – b`, or `a –` while open.
pub fn span(from: &str, to: Option<&str>) -> String {
    match to {
        Some(to) => format!("{from} – {to}"),
        None => format!("{from} –"),
    }
}

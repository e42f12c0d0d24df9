//! The OpenAPI 3.1 document of the API, generated from the handlers' `#[utoipa::path]`
//! annotations and the types they take and send, served at `GET /api/openapi.json`.

use std::sync::LazyLock;

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api::{diff, election, events, meetings, polls, queries, session};

/// The document: every path under `/api/v1/`, `/healthz` and this one.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "plenum",
        description = "The JSON API of a plenum governance ledger: every CLI query (answering \
                       the same JSON as its `--json`), the batch write, sessions, and live \
                       meetings and their polls.",
        license(name = "MIT OR Apache-2.0"),
    ),
    paths(
        crate::healthz,
        document,
        queries::at,
        queries::person,
        queries::lineage,
        queries::check,
        queries::log,
        queries::verify,
        queries::search,
        election::election,
        diff::diff,
        events::record,
        meetings::list,
        meetings::convene,
        meetings::show,
        meetings::codes,
        meetings::attend,
        meetings::proxy,
        meetings::adjourn,
        meetings::add_poll,
        meetings::live,
        polls::poll,
        polls::nominate,
        polls::open,
        polls::close,
        polls::cast,
        polls::paper,
        polls::urn,
        polls::urn_blt,
        session::whoami,
        session::login,
        session::logout,
    ),
    components(schemas(meetings::Pulse, EventKindName, RuleId)),
    modifiers(&Security),
    tags(
        (name = "queries", description = "The CLI's queries, answering its `--json`"),
        (name = "events", description = "The batch write"),
        (name = "meetings", description = "Live meetings: convening, attendance, proxies"),
        (name = "polls", description = "Polls of live meetings: ballots, the count, the urn"),
        (name = "session", description = "Signing in and out"),
        (name = "server", description = "The server itself"),
    ),
)]
pub struct ApiDoc;

/// The security schemes: an API token (`Authorization: Bearer`), or a session cookie
/// with its CSRF token in the `x-csrf-token` header for requests that change anything.
struct Security;

impl Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token (`plenum user token`)"))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::auth::SESSION_COOKIE,
                "The session cookie `POST /api/v1/session` sets",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                crate::auth::CSRF_HEADER,
                "The session's CSRF token (`csrf` in the answer of a sign-in), required \
                 with the session cookie on every request that changes anything",
            ))),
        );
    }
}

/// The document as JSON, built once.
static DOCUMENT: LazyLock<Result<(String, String), String>> = LazyLock::new(|| {
    let json = ApiDoc::openapi().to_json().map_err(|e| e.to_string())?;
    let hash = blake3::hash(json.as_bytes()).to_hex();
    let etag = format!("\"{}\"", &hash.as_str()[..32]);
    Ok((json, etag))
});

/// `GET /api/openapi.json`: the OpenAPI document, public and cacheable.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "server",
    responses(
        (status = 200, description = "This OpenAPI 3.1 document", content_type = "application/json", body = Object),
        (status = 304, description = "Not modified: the ETag given in If-None-Match still holds"),
        (status = 500, description = "The document could not be written", body = crate::error::ErrorBody),
    ),
    security(()),
)]
pub async fn document(headers: HeaderMap) -> Response {
    let (json, etag) = match DOCUMENT.as_ref() {
        Ok(document) => document,
        Err(e) => {
            return crate::ApiError::Internal(format!("cannot write the OpenAPI document: {e}"))
                .into_response();
        }
    };
    let etag_value = match HeaderValue::from_str(etag) {
        Ok(value) => value,
        Err(e) => return crate::ApiError::Internal(format!("bad etag: {e}")).into_response(),
    };
    let cache = HeaderValue::from_static("public, max-age=3600");
    let matches = headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|tag| {
            let tag = tag.trim();
            tag == "*" || tag == etag || tag.strip_prefix("W/") == Some(etag.as_str())
        });
    if matches {
        return (
            StatusCode::NOT_MODIFIED,
            [(ETAG, etag_value), (CACHE_CONTROL, cache)],
        )
            .into_response();
    }
    (
        [
            (ETAG, etag_value),
            (CACHE_CONTROL, cache),
            (CONTENT_TYPE, HeaderValue::from_static("application/json")),
        ],
        json.clone(),
    )
        .into_response()
}

/// The name of a kind of event, as `log?kind=` takes it: one of the model's names.
pub struct EventKindName;

impl utoipa::PartialSchema for EventKindName {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        names_schema(
            "The name of a kind of event",
            plenum_model::event::EventKind::NAMES.iter().copied(),
        )
    }
}

impl utoipa::ToSchema for EventKindName {}

/// The id of a rule, as `check?rule=` takes it.
pub struct RuleId;

impl utoipa::PartialSchema for RuleId {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        names_schema(
            "The id of a rule",
            plenum_model::rules::Rule::ALL.iter().map(|r| r.id()),
        )
    }
}

impl utoipa::ToSchema for RuleId {}

/// A string that is one of `names`.
fn names_schema<'a>(
    description: &str,
    names: impl Iterator<Item = &'a str>,
) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(description))
        .enum_values(Some(names.map(str::to_owned)))
        .into()
}

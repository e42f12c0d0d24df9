//! The OpenAPI document at `/api/openapi.json`: valid JSON, OpenAPI 3.1, every schema it
//! refers to defined, and exactly the routes the server has. The routes are read from
//! the server's own source (`api::routes()` and `app()`), so a route added without its
//! `#[utoipa::path]` fails here.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::Env;

/// The server's source file at `rel` (under `crates/plenum-server/src`).
fn server_source(rel: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../plenum-server/src")
        .join(rel);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()))
}

/// The body of the function `name` in `source`: from its opening brace to the matching
/// closing one.
fn function_body<'a>(source: &'a str, name: &str) -> &'a str {
    let start = source
        .find(&format!("fn {name}("))
        .unwrap_or_else(|| panic!("no fn {name} in the source"));
    let open = start + source[start..].find('{').expect("a body");
    let close = matching(source, open).expect("the body is closed");
    &source[open..=close]
}

/// The index of the bracket closing the one at `open`.
fn matching(text: &str, open: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let (opening, closing) = match bytes[open] {
        b'{' => (b'{', b'}'),
        b'(' => (b'(', b')'),
        _ => return None,
    };
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if in_string {
            if b == b'"' && bytes[i - 1] != b'\\' {
                in_string = false;
            }
            continue;
        }
        if b == b'"' {
            in_string = true;
        } else if b == opening {
            depth += 1;
        } else if b == closing {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// Every `.route("PATH", get(..).post(..))` in `body`: (method, prefix + PATH).
fn routes_in(body: &str, prefix: &str) -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    let mut rest = body;
    while let Some(at) = rest.find(".route(") {
        let open = at + ".route".len();
        let close = matching(rest, open).expect("a closed .route(");
        let call = &rest[open + 1..close];
        let quoted = call.trim_start();
        assert!(
            quoted.starts_with('"'),
            "a route's path is a literal: {call}"
        );
        let end = 1 + quoted[1..].find('"').expect("a closed literal");
        let path = format!("{prefix}{}", &quoted[1..end]);
        let handlers = &quoted[end + 1..];
        let mut found = false;
        for method in ["get", "post", "put", "patch", "delete"] {
            let token = format!("{method}(");
            let mut from = 0;
            while let Some(i) = handlers[from..].find(&token) {
                let i = from + i;
                let before = handlers[..i].chars().next_back();
                if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') {
                    routes.insert((method.to_owned(), path.clone()));
                    found = true;
                }
                from = i + token.len();
            }
        }
        assert!(found, "no method found in the route {call}");
        rest = &rest[close..];
    }
    routes
}

/// Every route of the JSON API and the server's own: `api::routes()` under `/api/v1`,
/// and the routes `app()` adds itself (`/healthz`, `/api/openapi.json`).
pub fn server_routes() -> BTreeSet<(String, String)> {
    let api = server_source("api/mod.rs");
    let mut routes = routes_in(function_body(&api, "routes"), "/api/v1");
    let lib = server_source("lib.rs");
    routes.extend(routes_in(function_body(&lib, "app"), ""));
    assert!(
        routes.len() > 25,
        "too few routes read from the source: {routes:?}"
    );
    routes
}

/// The (method, path) of every operation of the document.
fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let paths = doc["paths"].as_object().expect("paths is an object");
    let mut operations = BTreeSet::new();
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete", "head", "options"] {
            if item.get(method).is_some() {
                operations.insert((method.to_owned(), path.clone()));
            }
        }
    }
    operations
}

/// Every `$ref` in `value`.
fn refs<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(r)) => found.push(r),
                    _ => refs(v, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
        _ => {}
    }
}

#[test]
fn the_document_is_openapi_3_1_and_lists_every_route() {
    let env = Env::ledger();
    let server = env.serve();
    let answer = server.get("/api/openapi.json");
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    let cache = answer.header("cache-control").unwrap_or_default();
    assert!(cache.contains("public"), "cacheable: {cache}");
    let doc: Value = serde_json::from_str(&answer.body).expect("the document is JSON");
    let version = doc["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3.1."), "OpenAPI 3.1: {version}");
    assert!(doc["info"]["title"].is_string());

    let routes = server_routes();
    let documented = documented(&doc);
    let undocumented: Vec<_> = routes.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from the OpenAPI document: {undocumented:?}"
    );
    let unrouted: Vec<_> = documented.difference(&routes).collect();
    assert!(
        unrouted.is_empty(),
        "the OpenAPI document lists operations the server has not: {unrouted:?}"
    );

    // Every reference resolves.
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for reference in found {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("a local reference: {reference}"));
        assert!(
            doc.pointer(pointer).is_some(),
            "{reference} is not in the document"
        );
    }

    // Every operation answers something on success, and every API operation says how it fails.
    for (method, path) in &documented {
        let responses = doc["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} has no responses"));
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{method} {path}: no success response"
        );
        if path.starts_with("/api/v1/") {
            assert!(
                responses.keys().any(|s| s.starts_with('4')),
                "{method} {path}: no error response"
            );
            assert!(
                responses.contains_key("500"),
                "{method} {path}: no 500 response"
            );
        }
    }

    // The security schemes: a bearer token, or the session cookie and its CSRF header.
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["bearer"]["scheme"], "bearer");
    assert_eq!(schemes["session"]["in"], "cookie");
    assert_eq!(schemes["session"]["name"], "plenum_session");
    assert_eq!(schemes["csrf"]["in"], "header");
    assert_eq!(schemes["csrf"]["name"], "x-csrf-token");

    // The batch write takes its three forms; the live view is a stream of events.
    let events = &doc["paths"]["/api/v1/events"]["post"]["requestBody"]["content"];
    for form in ["application/json", "application/jsonl", "application/toml"] {
        assert!(events.get(form).is_some(), "/api/v1/events takes {form}");
    }
    let live = &doc["paths"]["/api/v1/meetings/{id}/live"]["get"]["responses"]["200"]["content"];
    assert!(live.get("text/event-stream").is_some(), "{live}");

    // A second request with the ETag is answered 304.
    let etag = answer.header("etag").expect("an ETag").to_owned();
    let again = server.get_with("/api/openapi.json", &[("if-none-match", &etag)]);
    assert_eq!(again.status, 304);
}

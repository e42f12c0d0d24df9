//! plenum's HTTP server: the JSON API over the typed core (`/api/v1/`), `/healthz`, and
//! the serving loop `plenum serve` runs, with graceful shutdown on SIGTERM.
//!
//! Handlers extract parameters, ask `plenum_model`'s queries over a store snapshot (on a
//! blocking thread) and send the same types the CLI prints with `--json`. The server
//! never prints and never reads the clock: the program that starts it passes a clock.

pub mod api;
pub mod auth;
pub mod body;
pub mod error;
pub mod headers;
pub mod kept;
pub mod live;
pub mod openapi;
pub mod pages;
pub mod public_cache;
pub mod state;

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::get;
use plenum_model::limits::MAX_EVENT_FILE_BYTES;
use tower_http::timeout::TimeoutLayer;

pub use error::{ApiError, FieldError};
pub use state::{AppState, Clock, Config};

/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The whole application: every route, with its limits and headers.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/openapi.json", get(openapi::document))
        .nest("/api/v1", api::routes())
        .merge(pages::routes())
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            public_cache::reuse,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::visibility::guard,
        ))
        .layer(axum::middleware::from_fn(error::json_rejections))
        .layer(DefaultBodyLimit::max(MAX_EVENT_FILE_BYTES as usize))
        .layer(axum::middleware::from_fn(body::read_whole))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            headers::security,
        ))
        .with_state(state)
}

/// `GET /healthz`: 200 `ok` while the ledger answers, 503 when it does not.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "server",
    responses(
        (status = 200, description = "The ledger answers", content_type = "text/plain", body = String, example = "ok\n"),
        (status = 503, description = "The ledger does not answer", content_type = "text/plain", body = String),
    ),
    security(()),
)]
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    // A quick read, in turns apart from queries: a health check must not time out
    // behind a crowd of long queries on a server that is well.
    match api::head_now(&state).await {
        Ok(_) => (StatusCode::OK, "ok\n"),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "the ledger does not answer\n",
        ),
    }
}

async fn not_found() -> ApiError {
    ApiError::NotFound("no such page or endpoint".into())
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be listened on.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime or the connection loop failed.
    #[error("the server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Listens on `addr`, calls `listening` with the address bound (port 0 picks a free
/// one), and serves `state` until SIGTERM or Ctrl-C; then stops accepting, lets the
/// requests under way finish, and returns.
pub fn run(
    state: AppState,
    addr: SocketAddr,
    listening: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        listening(listener.local_addr()?);
        let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await?;
        Ok(())
    })
}

/// Resolves on SIGTERM or Ctrl-C (SIGINT).
async fn shutdown_signal() {
    let interrupt = async {
        // If the handler cannot be installed, only SIGTERM stops the server.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

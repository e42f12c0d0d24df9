//! Who is asking: accounts with roles, signed in by session cookie (HttpOnly,
//! SameSite=Strict; unsafe requests carry the session's CSRF token) or by API token
//! (`Authorization: Bearer`); anyone else is `public`. Login attempts are rate-limited.

pub mod caller;
pub mod limiter;
pub mod lookups;
pub mod role;
pub mod secret;
pub mod visibility;

pub use caller::Caller;
pub use role::Role;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "plenum_session";
/// The header that carries a session's CSRF token on unsafe requests.
pub const CSRF_HEADER: &str = "x-csrf-token";
/// How long a session lasts, in seconds.
pub const SESSION_SECONDS: i64 = 12 * 60 * 60;

//! Roles, and what each may do.

use serde::Serialize;

/// Who a caller is to the organization. Ordered: each role may do what those before it may.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[derive(utoipa::ToSchema)]
#[schema(as = AccountRole)]
pub enum Role {
    /// Anyone, signed in or not: sees what the organization marks public.
    Public,
    /// A member: reads member-only pages, votes (later).
    Member,
    /// A chair: runs meetings (later).
    Chair,
    /// A secretary: records events.
    Secretary,
    /// An administrator: everything, and accounts.
    Admin,
}

impl Role {
    /// The roles an account may have (not `public`, which is no account's).
    pub const ACCOUNT_ROLES: [Role; 4] = [Role::Member, Role::Chair, Role::Secretary, Role::Admin];

    /// The role's name, as kept and as given to `plenum user add --role`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Public => "public",
            Role::Member => "member",
            Role::Chair => "chair",
            Role::Secretary => "secretary",
            Role::Admin => "admin",
        }
    }

    /// The account role called `text`.
    pub fn of_account(text: &str) -> Option<Role> {
        Role::ACCOUNT_ROLES.into_iter().find(|r| r.as_str() == text)
    }

    /// Whether the role may run meetings: convene, open and close polls, act as teller.
    pub fn may_chair(self) -> bool {
        self >= Role::Chair
    }

    /// Whether the role may read meetings and vote in them (as the person it belongs to).
    pub fn may_vote(self) -> bool {
        self >= Role::Member
    }

    /// Whether the role may record events.
    pub fn may_record(self) -> bool {
        matches!(self, Role::Secretary | Role::Admin)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

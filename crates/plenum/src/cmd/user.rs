//! `plenum user`: the accounts of `plenum serve` (kept beside the ledger, outside its
//! entries): add, passwd, token, remove, list. The first admin is made here.

use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context, bail};
use plenum_model::id::EntityKind;
use plenum_server::auth::Role;
use plenum_server::auth::secret::{hash_password, new_token, secret_hash};
use plenum_store::accounts::AccountRecord;

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum user`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n\
  printf '%s\\n' \"$PASSWORD\" | plenum user add ada --role admin --db union.db\n\
  plenum user add sam --role secretary --person sam-okafor < password.txt\n\
  plenum user token sam --label laptop      prints a new API token, once\n\
  plenum user passwd ada < new-password.txt  (ends ada's sessions)\n\
  plenum user remove sam                    (with its sessions and tokens)\n\n\
Passwords are read from the first line of standard input (at least 10 characters) and\n\
kept as argon2id hashes; tokens and sessions are kept as hashes too. Roles: member\n\
(reads member-only pages), chair (runs meetings), secretary (records events), admin.")]
pub struct UserArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: UserAction,
}

/// The actions of `plenum user`.
#[derive(Debug, clap::Subcommand)]
pub enum UserAction {
    /// Add an account; its password is read from standard input.
    Add {
        /// The login name.
        name: String,
        /// Its role: member, chair, secretary or admin.
        #[arg(long, value_parser = ["member", "chair", "secretary", "admin"])]
        role: String,
        /// The person in the register the account belongs to (id or name).
        #[arg(long)]
        person: Option<String>,
    },
    /// Set an account's password (read from standard input); ends its sessions.
    Passwd {
        /// The login name.
        name: String,
    },
    /// Make an API token for an account and print it (only this once).
    Token {
        /// The login name.
        name: String,
        /// What the token is for.
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Remove an account, its sessions and its tokens.
    Remove {
        /// The login name.
        name: String,
    },
    /// List the accounts.
    List,
}

fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    if password.is_empty() {
        bail!("give the password on standard input (one line)");
    }
    Ok(password)
}

fn check_name(name: &str) -> anyhow::Result<()> {
    let fits = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !fits {
        bail!("the account name `{name}` must be 1–64 ASCII letters, digits, `-`, `_` or `.`");
    }
    Ok(())
}

/// Runs `plenum user`.
pub fn run(args: &UserArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let now = super::now()?;
    match &args.action {
        UserAction::Add { name, role, person } => {
            check_name(name)?;
            let role = Role::of_account(role).map_or("member", Role::as_str);
            let password = read_password()?;
            let password_hash = hash_password(&password)?;
            let store = open::writable(&global.db)?;
            let person = match person {
                None => None,
                Some(text) => {
                    let snapshot = store.snapshot()?;
                    let entity = plenum_model::query::resolve(&*snapshot, EntityKind::Person, text)
                        .map_err(|e| anyhow::anyhow!("--person: {e}"))?;
                    Some(entity.id)
                }
            };
            let accounts = store.accounts();
            accounts.prepare_accounts()?;
            accounts.add_account(&AccountRecord {
                name: name.clone(),
                role: role.to_owned(),
                person,
                password_hash,
                created_at: now,
            })?;
            report(global, name, "added")
        }
        UserAction::Passwd { name } => {
            let password = read_password()?;
            let password_hash = hash_password(&password)?;
            let store = open::writable(&global.db)?;
            store.accounts().prepare_accounts()?;
            store.accounts().set_password(name, &password_hash)?;
            report(global, name, "password changed; its sessions ended")
        }
        UserAction::Token { name, label } => {
            let store = open::writable(&global.db)?;
            store.accounts().prepare_accounts()?;
            let token = new_token();
            store
                .accounts()
                .add_token(name, &secret_hash(&token), label, &now)?;
            if global.json {
                render::json(&serde_json::json!({ "name": name, "token": token }))?;
            } else {
                out!("{token}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        UserAction::Remove { name } => {
            let store = open::writable(&global.db)?;
            store.accounts().prepare_accounts()?;
            store.accounts().remove_account(name)?;
            report(global, name, "removed, with its sessions and tokens")
        }
        UserAction::List => {
            let store = open::writable(&global.db)?;
            store.accounts().prepare_accounts()?;
            let accounts = store.accounts().accounts()?;
            if global.json {
                let list: Vec<_> = accounts
                    .iter()
                    .map(|a| serde_json::json!({ "name": a.name, "role": a.role, "person": a.person, "created_at": a.created_at }))
                    .collect();
                render::json(&list)?;
            } else {
                for a in &accounts {
                    let person = a
                        .person
                        .as_deref()
                        .map_or_else(String::new, |p| format!(" ({p})"));
                    out!("{} {}{person}", a.name, a.role)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn report(global: &Global, name: &str, what: &str) -> anyhow::Result<ExitCode> {
    if global.json {
        render::json(&serde_json::json!({ "name": name, "done": what }))?;
    } else {
        out!("account {name}: {what}")?;
    }
    Ok(ExitCode::SUCCESS)
}

//! The accounts contract (`plenum_store::accounts::Accounts`), run for both stores: the
//! same checks on SQLite and on PostgreSQL. Accounts live outside the ledger: making,
//! changing and removing them leaves the entries and every projection's digest as they
//! were, and `verify` passes.
//!
//! The PostgreSQL run needs the server named by `DATABASE_URL` (`.ci/postgres` starts
//! one); without it it fails, never skips.

use plenum_dev::pg::fresh_url;
use plenum_store::accounts::{AccountError, AccountRecord, Accounts};
use plenum_store::postgres::PgStore;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, verify};

fn account(name: &str, role: &str) -> AccountRecord {
    AccountRecord {
        name: name.to_owned(),
        role: role.to_owned(),
        person: None,
        password_hash: format!("$argon2id$v=19$m=19456,t=2,p=1$fake-{name}"),
        created_at: "2026-11-27T12:00:00Z".to_owned(),
    }
}

/// The whole contract, on a fresh empty ledger of any store.
fn contract<S: Store + Accounts>(store: &S) {
    let head = store.head().expect("head");
    let digest = verify(store, &|_| {}).expect("verify").digest;
    store.prepare_accounts().expect("prepare");
    store.prepare_accounts().expect("prepare twice is harmless");

    // Accounts: add, read back, names unique.
    assert_eq!(store.account("ada").expect("read"), None);
    let mut ada = account("ada", "admin");
    ada.person = Some("kim".to_owned());
    store.add_account(&ada).expect("add ada");
    store
        .add_account(&account("sam", "secretary"))
        .expect("add sam");
    assert_eq!(store.account("ada").expect("read"), Some(ada.clone()));
    assert!(matches!(
        store.add_account(&account("ada", "member")),
        Err(AccountError::Exists(name)) if name == "ada"
    ));
    assert_eq!(
        store.account("ada").expect("read"),
        Some(ada.clone()),
        "unchanged"
    );
    let names: Vec<String> = store
        .accounts()
        .expect("list")
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(names, ["ada", "sam"]);

    // Tokens: found by their hash only.
    store
        .add_token("sam", "token-hash-1", "laptop", "2026-11-27T12:00:00Z")
        .expect("token");
    assert_eq!(
        store
            .account_by_token("token-hash-1")
            .expect("by token")
            .map(|a| a.name),
        Some("sam".to_owned())
    );
    assert_eq!(
        store.account_by_token("token-hash-2").expect("by token"),
        None
    );
    // Many tokens in one read: in the order asked, unknown ones `None`, repeats repeated.
    let names = |found: Vec<Option<AccountRecord>>| -> Vec<Option<String>> {
        found.into_iter().map(|a| a.map(|a| a.name)).collect()
    };
    assert_eq!(
        names(
            store
                .accounts_by_tokens(&["token-hash-2", "token-hash-1", "token-hash-1"])
                .expect("by tokens")
        ),
        [None, Some("sam".to_owned()), Some("sam".to_owned())]
    );
    assert!(store.accounts_by_tokens(&[]).expect("none").is_empty());
    assert!(matches!(
        store.add_token("nobody", "token-hash-3", "x", "2026-11-27T12:00:00Z"),
        Err(AccountError::NotFound(_))
    ));

    // Sessions: found until they end; a new password ends them.
    store
        .add_session("ada", "session-1", "csrf-1", 2_000)
        .expect("session");
    let session = store
        .session("session-1", 1_999)
        .expect("session")
        .expect("live");
    assert_eq!(session.account, ada);
    assert_eq!(session.csrf, "csrf-1");
    assert_eq!(session.expires_at, 2_000);
    assert_eq!(
        store.session("session-1", 2_000).expect("session"),
        None,
        "ended"
    );
    // Many sessions in one read: ended ones too (the caller judges the time).
    let found = store
        .sessions_by_hashes(&["session-x", "session-1"])
        .expect("by hashes");
    assert_eq!(found[0], None);
    assert_eq!(found[1].as_ref().map(|s| s.expires_at), Some(2_000));
    assert_eq!(found.len(), 2);
    store.set_password("ada", "new-hash").expect("passwd");
    assert_eq!(store.session("session-1", 1_000).expect("session"), None);
    assert_eq!(
        store.account("ada").expect("read").map(|a| a.password_hash),
        Some("new-hash".to_owned())
    );
    assert!(matches!(
        store.set_password("nobody", "x"),
        Err(AccountError::NotFound(_))
    ));
    store
        .add_session("ada", "session-2", "csrf-2", 5_000)
        .expect("session");
    store.remove_session("session-2").expect("logout");
    assert_eq!(store.session("session-2", 1_000).expect("session"), None);

    // Removing an account ends its sessions and tokens.
    store
        .add_session("sam", "session-3", "csrf-3", 5_000)
        .expect("session");
    store.remove_account("sam").expect("remove");
    assert_eq!(store.account("sam").expect("read"), None);
    assert_eq!(store.account_by_token("token-hash-1").expect("token"), None);
    assert_eq!(store.session("session-3", 1_000).expect("session"), None);
    assert!(matches!(
        store.remove_account("sam"),
        Err(AccountError::NotFound(_))
    ));

    // Many accounts with a token each, in one go: all or none.
    let voters: Vec<(AccountRecord, String)> = (0..50)
        .map(|i| {
            let mut a = account(&format!("voter-{i}"), "member");
            a.person = Some(format!("p-{i}"));
            (a, format!("bulk-token-{i}"))
        })
        .collect();
    store
        .add_accounts_with_tokens(&voters, "bulk")
        .expect("bulk accounts");
    for (a, token) in &voters {
        assert_eq!(
            store.account_by_token(token).expect("token"),
            Some(a.clone())
        );
    }
    let clash = vec![
        (account("fresh", "member"), "bulk-token-fresh".to_owned()),
        (account("voter-7", "member"), "bulk-token-again".to_owned()),
    ];
    assert!(matches!(
        store.add_accounts_with_tokens(&clash, "bulk"),
        Err(AccountError::Exists(name)) if name == "voter-7"
    ));
    assert_eq!(
        store.account("fresh").expect("read"),
        None,
        "none of a refused batch"
    );
    assert_eq!(
        store.account_by_token("bulk-token-fresh").expect("token"),
        None
    );
    assert_eq!(store.accounts().expect("list").len(), 51);

    // What the organization shows: nothing set, then set and set again.
    assert_eq!(store.visibility().expect("visibility"), vec![]);
    store.set_visibility("persons", "members").expect("set");
    store.set_visibility("log", "members").expect("set");
    store
        .set_visibility("persons", "public")
        .expect("set again");
    assert_eq!(
        store.visibility().expect("visibility"),
        vec![
            ("log".to_owned(), "members".to_owned()),
            ("persons".to_owned(), "public".to_owned())
        ]
    );

    // The ledger did not change.
    assert_eq!(store.head().expect("head"), head);
    assert_eq!(verify(store, &|_| {}).expect("verify").digest, digest);
}

#[test]
fn sqlite_accounts_keep_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::create(&dir.path().join("ledger.db"), |_| Ok::<(), Error>(()))
        .expect("create");
    contract(&store);
}

#[test]
fn sqlite_accounts_are_refused_on_a_read_only_ledger() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ledger.db");
    SqliteStore::create(&path, |_| Ok::<(), Error>(()))
        .expect("create")
        .close()
        .expect("close");
    let store = SqliteStore::open_read_only(&path).expect("open");
    assert!(store.prepare_accounts().is_err());
    assert!(store.add_account(&account("ada", "admin")).is_err());
}

#[test]
fn postgres_accounts_keep_the_contract() {
    let url = fresh_url();
    let store = PgStore::create(&url, |_| Ok::<(), Error>(())).expect("create");
    contract(&store);
}

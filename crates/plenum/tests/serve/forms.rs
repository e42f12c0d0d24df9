//! The forms, over HTTP as a browser without JavaScript sends them: sign in (with the
//! form's own CSRF token), record a batch with a mistake reported by field and then
//! corrected, sign out.

use crate::{Answer, Env, PASSWORD, Server, form, hidden_csrf};

const URLENCODED: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

/// Signs in through the form; the session cookie.
fn sign_in_with_form(server: &Server, name: &str) -> String {
    let page = server.get("/login");
    assert_eq!(page.status, 200, "{}", page.body);
    let login_cookie = page
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("the form's cookie")
        .to_owned();
    let csrf = hidden_csrf(&page.body).expect("the form's token");
    let body = form(&[("csrf", &csrf), ("name", name), ("password", PASSWORD)]);
    let answer = server.send(
        "POST",
        "/login",
        &[URLENCODED, ("cookie", &login_cookie)],
        &body,
    );
    assert_eq!(answer.status, 303, "{}", answer.body);
    assert_eq!(answer.header("location"), Some("/"));
    session_cookie(&answer).expect("a session cookie")
}

fn session_cookie(answer: &Answer) -> Option<String> {
    answer
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|c| c.split(';').next())
        .find(|c| c.starts_with("plenum_session=") && c.len() > "plenum_session=".len())
        .map(str::to_owned)
}

#[test]
fn the_sign_in_form_needs_its_own_token() {
    let env = Env::ledger();
    let server = env.serve();
    let page = server.get("/login");
    let login_cookie = page
        .header("set-cookie")
        .and_then(|c| c.split(';').next())
        .expect("cookie")
        .to_owned();
    assert!(
        page.header("set-cookie")
            .unwrap_or_default()
            .contains("HttpOnly")
    );
    let forged = form(&[
        ("csrf", "forged"),
        ("name", "admin"),
        ("password", PASSWORD),
    ]);
    let answer = server.send(
        "POST",
        "/login",
        &[URLENCODED, ("cookie", &login_cookie)],
        &forged,
    );
    assert_eq!(answer.status, 403, "{}", answer.body);
    assert!(session_cookie(&answer).is_none());
    let csrf = hidden_csrf(&page.body).expect("token");
    let wrong = form(&[
        ("csrf", &csrf),
        ("name", "admin"),
        ("password", "wrong password!"),
    ]);
    let answer = server.send(
        "POST",
        "/login",
        &[URLENCODED, ("cookie", &login_cookie)],
        &wrong,
    );
    assert_eq!(answer.status, 401, "{}", answer.body);
    assert!(answer.body.contains("the name or the password is wrong"));
    let cookie = sign_in_with_form(&server, "admin");
    let home = server.get_with("/", &[("cookie", &cookie)]);
    assert!(home.body.contains("Signed in as admin"), "{}", home.body);
    // Sign out: the form carries the session's token.
    let csrf = hidden_csrf(&home.body).expect("the sign-out form");
    let out = server.send(
        "POST",
        "/logout",
        &[URLENCODED, ("cookie", &cookie)],
        &form(&[("csrf", &csrf)]),
    );
    assert_eq!(out.status, 303, "{}", out.body);
    let home = server.get_with("/", &[("cookie", &cookie)]);
    assert!(home.body.contains("Public view"), "{}", home.body);
}

#[test]
fn the_record_form_reports_a_mistake_by_field_then_records_the_correction() {
    let env = Env::ledger();
    let server = env.serve();
    let cookie = sign_in_with_form(&server, "secretary");
    let page = server.get_with("/record", &[("cookie", &cookie)]);
    assert_eq!(page.status, 200, "{}", page.body);
    let csrf = hidden_csrf(&page.body).expect("the form's token");
    let mistaken = "[[event]]\nid = \"ri-expelled\"\ndate = \"1957-03\"\nkind = \"member_expelled\"\norg = \"party\"\nperson = \"ri\"\n";
    let answer = server.send(
        "POST",
        "/record",
        &[URLENCODED, ("cookie", &cookie)],
        &form(&[("csrf", &csrf), ("format", "toml"), ("events", mistaken)]),
    );
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(
        answer.body.contains("Nothing was recorded."),
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("line 6, column 1, field $[0].person"),
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("ri-expelled"),
        "the text is kept as typed"
    );
    let corrected = format!(
        "[[event]]\nid = \"p-ri\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"ri\"\nname = \"Ri Sung\"\n\n{mistaken}"
    );
    let answer = server.send(
        "POST",
        "/record",
        &[URLENCODED, ("cookie", &cookie)],
        &form(&[("csrf", &csrf), ("format", "toml"), ("events", &corrected)]),
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    assert!(
        answer.body.contains("Recorded 2 events as entries 23–24."),
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("expulsion of Ri Sung"),
        "the new finding: {}",
        answer.body
    );
    let findings = server.get("/findings?date=1960");
    assert!(
        findings.body.contains("expulsion of Ri Sung"),
        "{}",
        findings.body
    );
    let person = server.get("/person/ri");
    assert!(person.body.contains("Ri Sung"), "{}", person.body);
}

#[test]
fn the_record_form_is_refused_to_the_wrong_callers() {
    let env = Env::ledger();
    let server = env.serve();
    let batch = "[[event]]\nid = \"p-x\"\ndate = \"1950\"\nkind = \"person_registered\"\nperson = \"x\"\nname = \"X\"\n";
    assert_eq!(server.get("/record").status, 401);
    let member = sign_in_with_form(&server, "member");
    assert_eq!(
        server.get_with("/record", &[("cookie", &member)]).status,
        403
    );
    let secretary = sign_in_with_form(&server, "secretary");
    let without = server.send(
        "POST",
        "/record",
        &[URLENCODED, ("cookie", &secretary)],
        &form(&[("csrf", "forged"), ("format", "toml"), ("events", batch)]),
    );
    assert_eq!(without.status, 403, "{}", without.body);
    assert_eq!(server.get("/person/x").status, 404, "nothing was recorded");
}

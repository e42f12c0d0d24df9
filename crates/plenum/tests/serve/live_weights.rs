//! A delegate's weight from the register: a delegate who represents an organization
//! (a branch) carries one vote for each of its full members on the meeting's day, as
//! the ledger has them; an explicit weight and a representation cannot both be given.

use serde_json::{Value, json};

use crate::Env;
use crate::live::{convene_m1, get};

/// A branch with three members admitted, one of whom resigned before the meeting, and
/// an empty branch.
const BRANCHES: &str = r#"
[[event]]
id = "north-founded"
date = "2000"
kind = "organization_founded"
org = "north"
name = "North Branch"

[[event]]
id = "empty-founded"
date = "2000"
kind = "organization_founded"
org = "empty"
name = "Empty Branch"
"#;

fn member(person: &str) -> String {
    format!(
        "[[event]]\nid = \"reg-{person}\"\ndate = \"2001\"\nkind = \"person_registered\"\n\
         person = \"{person}\"\nname = \"Member {person}\"\n\n\
         [[event]]\nid = \"adm-{person}\"\ndate = \"2001-01-01\"\nkind = \"member_admitted\"\n\
         person = \"{person}\"\norg = \"north\"\n\n"
    )
}

fn convene(server: &crate::Server, env: &Env, delegates: Value) -> crate::Answer {
    convene_m1(server, env, delegates, json!({}))
}

#[test]
fn a_delegate_who_represents_a_branch_carries_its_members() {
    let env = Env::ledger();
    let mut batch = BRANCHES.to_owned();
    for person in ["n1", "n2", "n3"] {
        batch.push_str(&member(person));
    }
    batch.push_str(
        "[[event]]\nid = \"n3-left\"\ndate = \"2010-05-01\"\nkind = \"member_resigned\"\n\
         person = \"n3\"\norg = \"north\"\n",
    );
    std::fs::write(env.dir.path().join("branches.toml"), batch).expect("write");
    env.run(&["record", "branches.toml"]);
    let server = env.serve();

    // Refused, each naming its field, and nothing convened.
    for (delegates, field, says) in [
        (
            json!([{"person": "kim", "represents": "south"}]),
            "delegates[0].represents",
            "no organization `south`",
        ),
        (
            json!([{"person": "pak"}, {"person": "kim", "represents": "empty"}]),
            "delegates[1].represents",
            "no full member of `empty`",
        ),
        (
            json!([{"person": "kim", "represents": "north", "weight": 2}]),
            "delegates[0]",
            "not both",
        ),
    ] {
        let refused = convene(&server, &env, delegates);
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body.contains(field), "{field}: {}", refused.body);
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
    }
    assert_eq!(
        get(&server, &env, "chair", "/api/v1/meetings/m1").status,
        404
    );

    let convened = convene(
        &server,
        &env,
        json!([{"person": "kim", "represents": "north"}, {"person": "pak"},
               {"person": "choe", "weight": 5}]),
    );
    assert_eq!(convened.status, 201, "{}", convened.body);
    let meeting = get(&server, &env, "chair", "/api/v1/meetings/m1").json();
    let weights: Vec<(String, u64)> = meeting["delegates"]
        .as_array()
        .expect("delegates")
        .iter()
        .map(|d| {
            (
                d["person"].as_str().expect("person").to_owned(),
                d["weight"].as_u64().expect("weight"),
            )
        })
        .collect();
    // North Branch has two full members left on the day (n3 resigned in 2010).
    assert!(weights.contains(&("kim".to_owned(), 2)), "{weights:?}");
    assert!(weights.contains(&("pak".to_owned(), 1)), "{weights:?}");
    assert!(weights.contains(&("choe".to_owned(), 5)), "{weights:?}");
}

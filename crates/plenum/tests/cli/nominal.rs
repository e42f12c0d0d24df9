//! Issue 13, nominal and actual, from the command line, through `--json`: a figurehead's
//! post says `"nominal": true` and its text says "nominal".

use serde_json::Value;

use crate::support::Env;

#[test]
fn the_figurehead_chairman_is_nominal() {
    // "The first chairman of the party was Kim Tu-bong ... with Kim Tu-bong essentially
    // being a figurehead."
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let kim = demo.json(&["person", "kim-tu-bong", "--db", "plenum-demo.db"]);
    let posts = kim["posts"].as_array().unwrap();
    let nominal: Vec<&str> = posts
        .iter()
        .filter(|p| p["nominal"] == true)
        .map(|p| p["post"]["id"].as_str().unwrap())
        .collect();
    assert!(nominal.contains(&"nwpk/chairman"), "{kim}");
    assert!(nominal.contains(&"dprk/nominal-president"), "{kim}");
    assert!(
        posts
            .iter()
            .filter(|p| p["nominal"] != true)
            .all(|p| p.get("nominal").is_none()),
        "{kim}"
    );
    let records: Vec<&Value> = kim["record"].as_array().unwrap().iter().collect();
    assert!(
        records
            .iter()
            .any(|r| r["text"].as_str().unwrap().ends_with("(nominal)")),
        "{kim}"
    );
    let text = demo.stdout(&["person", "kim-tu-bong", "--db", "plenum-demo.db"]);
    assert!(text.contains("(nominal)"), "{text}");
}

//! Issue 13, nominal and actual: a holder who is a figurehead (`nominal = true` on
//! `post_assigned`), shown by `person`.

use super::tests::build;
use crate::query::person::person;

const RECORD: &str = r#"
[[event]]
id = "party"
date = "1946-08-28"
kind = "organization_founded"
org = "nwpk"
name = "North Workers' Party"

[[event]]
id = "chair"
date = "1946-08-28"
kind = "post_established"
post = "nwpk/chairman"
name = "Chairman"

[[event]]
id = "p-kim"
date = "1900"
kind = "person_registered"
person = "kim-tu-bong"
name = "Kim Tu-bong"

[[event]]
id = "p-kis"
date = "1900"
kind = "person_registered"
person = "kim-il-sung"
name = "Kim Il-sung"

[[event]]
id = "kim-chairs"
date = "1946-08-30"
kind = "post_assigned"
person = "kim-tu-bong"
post = "nwpk/chairman"
nominal = true

[[event]]
id = "kis-chairs"
date = "1949-06"
kind = "post_assigned"
person = "kim-il-sung"
post = "nwpk/chairman"
"#;

#[test]
fn a_figurehead_holds_the_post_in_name() {
    let state = build(RECORD);
    let figurehead = person(&state, "kim-tu-bong").unwrap();
    assert!(figurehead.posts[0].nominal, "{:?}", figurehead.posts);
    let json = serde_json::to_value(&figurehead.posts[0]).unwrap();
    assert_eq!(json["nominal"], true);
    assert!(
        figurehead
            .record
            .iter()
            .any(|r| r.text.ends_with("(nominal)")),
        "{:?}",
        figurehead.record
    );
    let real = person(&state, "kim-il-sung").unwrap();
    assert!(!real.posts[0].nominal);
    let json = serde_json::to_value(&real.posts[0]).unwrap();
    assert!(json.get("nominal").is_none(), "{json}");
}

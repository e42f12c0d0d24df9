//! The bundled example: `plenum demo` builds it, and the article's headline facts come
//! back from the queries. Each assertion quotes the sentence of the article it checks.

use serde_json::{Value, json};

use crate::support::Env;

fn demo() -> Env {
    let env = Env::new();
    let out = env.plenum().arg("demo").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env
}

fn ask(env: &Env, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--db", "plenum-demo.db"]);
    env.json(&all)
}

#[test]
fn demo_builds_the_example_and_tours_it() {
    let env = Env::new();
    let out = env.stdout(&["demo"]);
    assert!(env.dir.path().join("plenum-demo.db").exists());
    for line in [
        "The first Politburo of the North Workers' Party of Korea",
        "plenum lineage wpk --db plenum-demo.db",
        "Yanan faction: 6",
        "no meeting of Party Congress is recorded since Sixth Party Congress (1980-10)",
    ] {
        assert!(out.contains(line), "missing `{line}` in:\n{out}");
    }
    // Run again: the demo ledger is rebuilt, not appended to.
    let again = env.json(&["demo"]);
    assert_eq!(
        again["entries"],
        env.json(&["verify", "--db", "plenum-demo.db"])["entries"]
    );
    // Any other file is left alone.
    std::fs::write(env.dir.path().join("notes.db"), "my notes").unwrap();
    env.plenum()
        .args(["demo", "--db", "notes.db"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not a plenum ledger"));
    assert_eq!(
        std::fs::read_to_string(env.dir.path().join("notes.db")).unwrap(),
        "my notes"
    );
}

#[test]
fn politburo_compositions_by_faction() {
    let env = demo();
    // "On the NWPK's first Politburo the Soviet faction had 3 members, the Yanan faction had 6,
    // the domestic faction had 2 and the guerrilla faction had 2."
    let first = ask(&env, &["at", "1946-09-01", "politburo", "--org", "NWPK"]);
    assert_eq!(
        first["by_faction"],
        json!({ "Soviet faction": 3, "Yanan faction": 6, "Domestic faction": 2, "Guerrilla faction": 2 })
    );
    assert_eq!(first["total"], 13);
    // "the Yanan, Soviet and Domestic factions each having four representatives on the
    // Politburo with the Guerrilla faction having three."
    let merged = ask(
        &env,
        &[
            "at",
            "1949-07",
            "politburo",
            "--org",
            "Korean Workers' Party",
        ],
    );
    assert_eq!(
        merged["by_faction"],
        json!({ "Soviet faction": 4, "Yanan faction": 4, "Domestic faction": 4, "Guerrilla faction": 3 })
    );
}

#[test]
fn central_committee_sizes() {
    let env = demo();
    // "In the 1961 Central Committee there were only two members of the Soviet faction, three
    // members of the Yanan faction and three members of the Domestic faction left out of a
    // total Central Committee membership of 68."
    let cc = ask(&env, &["at", "1961", "central committee"]);
    assert_eq!(cc["total"], 68);
    assert_eq!(cc["by_faction"]["Soviet faction"], 2);
    assert_eq!(cc["by_faction"]["Yanan faction"], 3);
    assert_eq!(cc["by_faction"]["Domestic faction"], 3);
    // "As of September 1992, the WPK had 160 Central Committee members and 143 Central
    // Committee alternate (candidate) members."
    let cc = ask(&env, &["at", "1992-09", "CC", "--org", "WPK"]);
    let by_role: Vec<(String, u64)> = cc["unnamed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            (
                u["role"].as_str().unwrap().to_owned(),
                u["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        by_role.contains(&("full".into(), 160)) && by_role.contains(&("alternate".into(), 143)),
        "{by_role:?}"
    );
    assert_eq!(cc["total"], 303);
}

#[test]
fn lineage_and_membership_figures() {
    let env = demo();
    // "In June 1949 the North and South Korean parties were merged into the Workers' Party of Korea"
    let wpk = ask(&env, &["lineage", "WPK"]);
    let into_wpk: Vec<&str> = wpk["predecessors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["to"]["id"] == "wpk")
        .map(|l| l["from"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(into_wpk.len(), 2, "{into_wpk:?}");
    assert!(
        into_wpk.contains(&"North Workers' Party of Korea")
            && into_wpk.contains(&"South Workers' Party of Korea")
    );
    // "The new party had a membership of more than 170,000 with 134,000 coming from the old
    // Communist Party and 35,000 from the New People's Party."
    let nwpk = ask(&env, &["lineage", "North Workers' Party of Korea"]);
    let figures: Vec<(u64, bool)> = nwpk["organization"]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["count"].as_u64().unwrap(),
                f["at_least"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(
        figures.contains(&(170_000, true))
            && figures.contains(&(134_000, false))
            && figures.contains(&(35_000, false)),
        "{figures:?}"
    );
    // "On October 13, 1945 the North Korea Bureau of the Communist Party of Korea was
    // established." It was later renamed, and the old name still finds it.
    let bureau = ask(
        &env,
        &[
            "lineage",
            "North Korea Bureau of the Communist Party of Korea",
        ],
    );
    assert_eq!(bureau["organization"]["founded"], "1945-10-13");
    assert_eq!(bureau["organization"]["names"].as_array().unwrap().len(), 2);
}

#[test]
fn the_state_descends_from_the_occupation_authority_by_replacements() {
    let env = demo();
    // "the provisional government which replaced the Soviet Civil Authority earlier that
    // year"; "the provisional government gave way to a new People's Assembly of North Korea
    // in 1947"; "In 1948, both North and South Korea formally established themselves as
    // states".
    let dprk = ask(&env, &["lineage", "DPRK"]);
    let chain: Vec<(&str, &str, &str)> = dprk["predecessors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["from"]["id"].as_str().unwrap(),
                l["link"].as_str().unwrap(),
                l["to"]["id"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        chain,
        [
            ("soviet-civil-authority", "replaced-by", "nkppc"),
            ("nkppc", "replaced-by", "people-s-assembly"),
            ("people-s-assembly", "split-into", "dprk"),
        ],
        "{dprk}"
    );
    let ended: Vec<(&str, Option<&str>)> = dprk["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap(), o["ended_how"].as_str()))
        .collect();
    assert!(ended.contains(&("nkppc", Some("replaced"))), "{ended:?}");
    assert!(
        ended.contains(&("soviet-civil-authority", Some("replaced"))),
        "{ended:?}"
    );
}

#[test]
fn posts_and_aliases() {
    let env = demo();
    // "The first chairman of the party was Kim Tu-bong ... Kim Il-sung ... was also deputy
    // chairman of the new party."
    assert_eq!(
        ask(&env, &["at", "1947", "chairman", "--org", "NWPK"])["members"][0]["name"],
        "Kim Tu-bong"
    );
    assert_eq!(
        ask(&env, &["at", "1947", "deputy chairman", "--org", "NWPK"])["members"][0]["name"],
        "Kim Il-sung"
    );
    // "with Kim Il-sung as party chairman with the Pak Hon-yong ... becoming the deputy chairman."
    assert_eq!(
        ask(&env, &["at", "1950", "chairman", "--org", "WPK"])["members"][0]["name"],
        "Kim Il-sung"
    );
    assert_eq!(
        ask(&env, &["at", "1950", "deputy chairman", "--org", "WPK"])["members"][0]["name"],
        "Pak Hon-yong"
    );
    // "Alexei Ivanovich Hagai (also known as Ho Ka-ai)", elsewhere "Hegai".
    let ids: Vec<Value> = ["Ho Ka-ai", "Hegai", "hagai", "Alexei Ivanovich Hagai"]
        .iter()
        .map(|n| ask(&env, &["person", n])["id"].clone())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
    // "Kim Jong Il" and "Kim Jong-il" are one person.
    assert_eq!(
        ask(&env, &["person", "Kim Jong Il"])["id"],
        ask(&env, &["person", "Kim Jong-il"])["id"]
    );
}

#[test]
fn findings_the_article_implies() {
    let env = demo();
    let out = env
        .plenum()
        .args([
            "check",
            "--at",
            "2001-12-31",
            "--json",
            "--db",
            "plenum-demo.db",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "there are violations");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let has = |rule: &str, text: &str| {
        findings
            .iter()
            .any(|f| f["rule"] == rule && f["message"].as_str().unwrap().contains(text))
    };
    // "A party congress is supposed to be convened every five years, but none has been held
    // since the Sixth Party Congress of October 1980."
    assert!(
        has(
            "meeting-overdue",
            "Party Congress is recorded since Sixth Party Congress (1980-10)"
        ),
        "{findings:#?}"
    );
    // "delaying the plenum by almost a month ... When the plenum finally opened on August 30"
    assert!(has("meeting-postponed", "held 1956-08-30"), "{findings:#?}");
    // "Mu Chong and a number of other military leaders were expelled from the party"; the
    // article names no decision of the Central Committee.
    assert!(
        has("no-competent-decision", "expulsion of Mu Chong"),
        "{findings:#?}"
    );
    // The purges of the leaders of the domestic faction, without the statute's procedure.
    assert!(
        has("no-competent-decision", "Pak Hon-yong"),
        "{findings:#?}"
    );
}

#[test]
fn factions_their_leaders_and_members() {
    let env = demo();
    let leaders = |date: &str, faction: &str| -> Vec<String> {
        ask(&env, &["at", date, faction])["members"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["leader"] == true)
            .map(|m| m["name"].as_str().unwrap().to_owned())
            .collect()
    };
    // "The Soviet Koreans, led first by Alexei Ivanovich Hagai and then by Pak Chang-ok"
    assert_eq!(
        leaders("1950", "Soviet faction"),
        ["Alexei Ivanovich Hagai"]
    );
    assert_eq!(leaders("1955", "Soviet Koreans"), ["Pak Chang-ok"]);
    // "The Domestic faction, led by Pak Hon-yong"; "The Guerrilla faction, led by Kim Il-sung"
    assert_eq!(leaders("1950", "domestic faction"), ["Pak Hon-yong"]);
    assert_eq!(leaders("1950", "guerrilla faction"), ["Kim Il-sung"]);
    // "The Yanan faction, led first by Mu Chong"; the article also spells it "Yunan".
    let yanan = ask(&env, &["at", "1947", "Yunan faction"]);
    assert_eq!(
        yanan["faction"]["id"],
        ask(&env, &["at", "1947", "Yanan faction"])["faction"]["id"]
    );
    assert!(leaders("1947", "Yanan faction").contains(&"Mu Chong".to_owned()));
    let members: Vec<&str> = yanan["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert!(
        members.contains(&"Kim Tu-bong") && members.contains(&"Choe Chang-ik"),
        "{members:?}"
    );
    // "by 1958 the Yanan faction had ceased to exist"
    assert_eq!(ask(&env, &["at", "1959", "Yanan faction"])["total"], 0);
}

#[test]
fn unnamed_positions_and_groups_naming_nobody() {
    let env = demo();
    let record = |person: &str, event: &str| -> Value {
        let report = ask(&env, &["person", person]);
        report["record"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["event"] == event)
            .cloned()
            .unwrap_or_else(|| panic!("no `{event}` in {report}"))
    };
    // "first demoting him during the Korean War in 1951"
    let demoted = record("hagai", "hagai-demoted");
    assert_eq!(demoted["date"], "1951");
    assert_eq!(
        demoted["text"],
        "demoted by Kim Il-sung in Workers' Party of Korea"
    );
    // "In 1980 the WPK Congress elevated Kim Jong-il to senior positions for the first time."
    let elevated = record("kim-jong-il", "1980-10-kim-jong-il-promoted");
    assert_eq!(elevated["date"], "1980-10");
    assert!(
        elevated["text"]
            .as_str()
            .unwrap()
            .starts_with("promoted (senior positions, for the first time)"),
        "{elevated}"
    );
    let kim_jong_il = ask(&env, &["person", "kim-jong-il"]);
    assert!(
        kim_jong_il["seats"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["events"][0] != "1980-10-kim-jong-il-promoted"),
        "the change opens no seat"
    );
    // "had been advancing him within the Army ... since 1974": in the father's record too.
    assert_eq!(
        record("kim-il-sung", "kim-jong-il-advanced-in-army")["text"],
        "promoted Kim Jong-il (within the Army) in Democratic People's Republic of Korea"
    );
    // "had promoted his own followers to key positions in the Army": nobody named.
    let dprk = ask(&env, &["lineage", "dprk"]);
    let promoted = dprk["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "promoted")
        .unwrap_or_else(|| panic!("{dprk}"));
    assert_eq!(promoted["named"][0]["id"], "kim-jong-il");
    assert_eq!(promoted["unnamed_least"], 2);
    assert_eq!(promoted["unnamed_most"], Value::Null);
    // "Mu Chong and a number of other military leaders were expelled from the party"
    let wpk = ask(&env, &["lineage", "wpk"]);
    let expelled = wpk["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "expelled")
        .unwrap_or_else(|| panic!("{wpk}"));
    let named: Vec<&str> = expelled["named"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(named.contains(&"mu-chong"), "{named:?}");
    assert_eq!(expelled["unnamed_least"], 2);
    assert_eq!(expelled["most"], Value::Null);
    // "the arrest of other members and activists of the former SWPK"; "supporters of the
    // Soviet faction and Yanan faction were rounded up": two groups, a number each.
    let arrested = wpk["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "arrested")
        .unwrap_or_else(|| panic!("{wpk}"));
    assert_eq!(arrested["unnamed_least"], 4);
    // "his loyal agent, Defence Minister Oh Jin-wu": at some time after 1972, start and
    // end unknown; possibly in 1980, not said outside the period.
    let minister = ask(&env, &["at", "1980-10-15", "dprk/defence-minister"]);
    assert_eq!(minister["members"][0]["id"], "oh-jin-wu");
    assert_eq!(minister["members"][0]["certainty"], "possibly");
    assert_eq!(minister["members"][0]["observed"], "1972/1994");
    assert_eq!(minister["total"], 0);
    let later = ask(&env, &["at", "1998", "dprk/defence-minister"]);
    assert_eq!(later["members"], json!([]));
    // "Kim became one of the party's guerilla leaders": a post of several holders.
    let leaders = ask(&env, &["at", "1935", "cpk/guerrilla-leader"]);
    assert_eq!(leaders["members"][0]["id"], "kim-il-sung");
}

#[test]
fn a_release_a_rule_in_fact_and_a_move_under_repression() {
    let env = demo();
    let line = |person: &str, event: &str| -> String {
        let report = ask(&env, &["person", person]);
        report["record"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["event"] == event)
            .and_then(|r| r["text"].as_str().map(str::to_owned))
            .unwrap_or_else(|| panic!("no `{event}` in {report}"))
    };
    // "had been a prisoner of the Japanese and became active in Seoul upon his release"
    assert_eq!(
        line("pak-hon-yong", "pak-hon-yong-imprisoned-by-the-japanese"),
        "arrested by the Japanese, released 1925/1945-08"
    );
    // "had become the day-to-day ruler of the country": no office named.
    assert_eq!(
        line("kim-jong-il", "kim-jong-il-day-to-day-ruler"),
        "promoted (the day-to-day ruler of the country) in Democratic People's Republic of Korea"
    );
    // "most of the leaders of the SWPK moved to Pyongyang": a group naming nobody.
    let swpk = ask(&env, &["lineage", "swpk"]);
    let fled = swpk["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == "fled")
        .unwrap_or_else(|| panic!("{swpk}"));
    assert_eq!(fled["named"], json!([]));
    assert_eq!(fled["unnamed_least"], 2);
    assert_eq!(
        fled["events"][0]["event"],
        "swpk-leaders-moved-to-pyongyang"
    );
}

//! Answers kept by the server hold only while the record does: a write by another
//! process (the CLI beside the server) is seen by the next read, on pages and in the
//! API, by the public and by members alike.

use crate::Env;

#[test]
fn a_write_from_another_process_is_seen_by_the_next_read() {
    let env = Env::ledger();
    let server = env.serve();
    let (name, value) = env.bearer("member");
    let paths = [
        "/api/v1/at/cc?date=1962&org=party",
        "/organ/party/cc?date=1962",
        "/api/v1/person/ri",
    ];
    // Read twice: the second comes from what was kept.
    for path in paths {
        for _ in 0..2 {
            let public = server.get(path);
            assert!(!public.body.contains("Ri Sung"), "{path}: {}", public.body);
            let member = server.get_with(path, &[(name, &value)]);
            assert!(!member.body.contains("Ri Sung"), "{path}: {}", member.body);
        }
    }
    std::fs::write(
        env.dir.path().join("ri.toml"),
        "[[event]]\nid = \"p-ri\"\ndate = \"1961\"\nkind = \"person_registered\"\n\
         person = \"ri\"\nname = \"Ri Sung\"\n\n\
         [[event]]\nid = \"ri-cc\"\ndate = \"1961-06-01\"\nkind = \"seat_taken\"\n\
         person = \"ri\"\norgan = \"party/cc\"\n",
    )
    .expect("write");
    env.run(&["record", "ri.toml"]);
    for path in paths {
        let public = server.get(path);
        assert_eq!(public.status, 200, "{path}: {}", public.body);
        assert!(public.body.contains("Ri Sung"), "{path}: {}", public.body);
        let member = server.get_with(path, &[(name, &value)]);
        assert!(member.body.contains("Ri Sung"), "{path}: {}", member.body);
    }
}

//! Flipping a byte of a stored entry makes `verify` exit 1 and name that entry.
//! (Every byte of every entry is flipped, in process, by plenum-store's tests; here
//! the real binary is run on a sample of positions in each column of each entry.)

use rusqlite::{Connection, params};

use crate::support::Env;

fn flip(db: &std::path::Path, seq: i64, column: &str, at: usize) {
    let connection = Connection::open(db).unwrap();
    let mut bytes: Vec<u8> = connection
        .query_row(
            &format!("SELECT CAST({column} AS BLOB) FROM entries WHERE seq = ?1"),
            [seq],
            |r| r.get(0),
        )
        .unwrap();
    let at = at % bytes.len();
    bytes[at] ^= 0x01;
    let sql = if column == "recorded_at" {
        format!("UPDATE entries SET {column} = CAST(?1 AS TEXT) WHERE seq = ?2")
    } else {
        format!("UPDATE entries SET {column} = ?1 WHERE seq = ?2")
    };
    connection.execute(&sql, params![bytes, seq]).unwrap();
}

#[test]
fn a_flipped_byte_in_any_column_of_any_entry_is_named() {
    let pristine = Env::founded();
    let original = std::fs::read(pristine.db()).unwrap();
    for seq in [1i64, 2, 9, 16] {
        for column in ["payload", "recorded_at", "chain"] {
            for at in [0usize, 7, 13, 1000] {
                std::fs::write(pristine.db(), &original).unwrap();
                flip(&pristine.db(), seq, column, at);
                let out = pristine.plenum().arg("verify").output().unwrap();
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{column}[{at}] of entry {seq}: {stderr}"
                );
                assert!(
                    stderr.contains(&format!("entry {seq} is damaged")),
                    "{column}[{at}] of entry {seq}: {stderr}"
                );
            }
        }
    }
}

#[test]
fn a_flipped_byte_in_the_file_itself_is_found() {
    let env = Env::founded();
    let db = env.db();
    let mut file = std::fs::read(&db).unwrap();
    // The payload of entry 16 holds this id; flip a byte of it in the raw file.
    let needle = b"\"id\":\"chair\"";
    let at = file
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("payload bytes in the file");
    file[at + 7] ^= 0x20;
    std::fs::write(&db, &file).unwrap();
    let out = env.plenum().arg("verify").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("entry 16 is damaged"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

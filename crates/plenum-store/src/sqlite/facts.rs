//! Queries over the SQLite projections: each `Facts` method is one indexed read.

use plenum_model::date::Day;
use plenum_model::id::{OrganRef, PersonId, PostRef};
use plenum_model::query::{Facts, LineageRows, PersonRows};
use plenum_model::state::registry::{Entity, EntityKind, normalize};
use plenum_model::state::rows::{AlignmentRow, CountRow, PostRow, SeatRow};
use rusqlite::{Params, params};
use serde::de::DeserializeOwned;

use super::SqliteStore;
use crate::Error;

impl SqliteStore {
    fn rows<T: DeserializeOwned>(&self, sql: &str, params: impl Params) -> Result<Vec<T>, Error> {
        let mut statement = self.connection().prepare_cached(sql)?;
        let mut rows = statement.query(params)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let data = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            out.push(serde_json::from_str(data)?);
        }
        Ok(out)
    }
}

fn window(lo: Day, hi: Day) -> (i32, i32) {
    (lo.to_key(), hi.to_key())
}

impl Facts for SqliteStore {
    type Error = Error;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Error> {
        self.rows(
            "SELECT data FROM entities WHERE kind = ?1 ORDER BY key",
            [kind.as_str()],
        )
    }

    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Error> {
        let key = format!("{}:{id}", kind.as_str());
        Ok(self
            .rows("SELECT data FROM entities WHERE key = ?1", [key])?
            .pop())
    }

    fn entities_by_id(&self, kind: EntityKind, ids: &[&str]) -> Result<Vec<Entity>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<String> = ids
            .iter()
            .map(|id| format!("{}:{id}", kind.as_str()))
            .collect();
        self.rows(
            "SELECT data FROM entities WHERE key IN (SELECT value FROM json_each(?1))",
            [serde_json::to_string(&keys)?],
        )
    }

    fn entities_named(&self, kind: EntityKind, text: &str) -> Result<Vec<Entity>, Error> {
        self.rows(
            "SELECT e.data FROM entity_names n JOIN entities e ON e.key = n.entity \
             WHERE n.kind = ?1 AND n.form = ?2 ORDER BY e.key",
            params![kind.as_str(), normalize(text)],
        )
    }

    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.rows(
            "SELECT s.data FROM organs o JOIN seat_spans r ON r.organ_lo <= o.num AND r.organ_hi >= o.num \
             JOIN seats s ON s.num = r.num \
             WHERE o.ref = ?1 AND r.lo <= ?3 AND r.hi >= ?2",
            params![organ.to_string(), lo, hi],
        )
    }

    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.rows(
            "SELECT data FROM counts WHERE organ = ?1 AND lo <= ?3 AND hi >= ?2",
            params![organ.to_string(), lo, hi],
        )
    }

    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.rows(
            "SELECT data FROM posts WHERE post = ?1 AND lo <= ?3 AND hi >= ?2",
            params![post.to_string(), lo, hi],
        )
    }

    fn alignments_of(
        &self,
        persons: &[PersonId],
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        if persons.is_empty() {
            return Ok(Vec::new());
        }
        let (lo, hi) = window(lo, hi);
        // One statement for all the persons, not one each: in the order of
        // `persons` (repeats included), then as the `(person, lo)` index lists them.
        let persons: Vec<&str> = persons.iter().map(PersonId::as_str).collect();
        self.rows(
            "SELECT a.data FROM json_each(?1) j JOIN alignments a ON a.person = j.value \
             WHERE a.lo <= ?3 AND a.hi >= ?2 ORDER BY j.key, a.lo, a.rowid",
            params![serde_json::to_string(&persons)?, lo, hi],
        )
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Error> {
        let p = person.as_str();
        Ok(PersonRows {
            seats: self.rows("SELECT data FROM seats WHERE person = ?1", [p])?,
            posts: self.rows("SELECT data FROM posts WHERE person = ?1", [p])?,
            memberships: self.rows("SELECT data FROM memberships WHERE person = ?1", [p])?,
            alignments: self.rows("SELECT data FROM alignments WHERE person = ?1", [p])?,
            records: self.rows("SELECT data FROM records WHERE person = ?1", [p])?,
        })
    }

    fn lineage_rows(&self) -> Result<LineageRows, Error> {
        Ok(LineageRows {
            orgs: self.rows("SELECT data FROM orgs", [])?,
            names: self.rows("SELECT data FROM names", [])?,
            links: self.rows("SELECT data FROM links", [])?,
            figures: self.rows("SELECT data FROM figures", [])?,
        })
    }
}

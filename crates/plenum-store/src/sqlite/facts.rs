//! Queries over the SQLite projections: each `Facts` method is one indexed read.

use plenum_model::date::Day;
use plenum_model::id::{FactionId, OrgId, OrganRef, PersonId, PostRef};
use plenum_model::query::{Facts, LineageRows, OrganRows, PersonRows};
use plenum_model::state::registry::{Entity, EntityKind, normalize};
use plenum_model::state::rows::{AlignmentRow, CountRow, MembershipRow, PostRow, SeatRow};
use rusqlite::{Params, params};
use serde::de::DeserializeOwned;

use super::{SqliteStore, columns};
use crate::Error;

impl SqliteStore {
    /// Rows read column by column with `read`.
    fn read_rows<T>(
        &self,
        sql: &str,
        params: impl Params,
        read: impl Fn(&rusqlite::Row<'_>) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let mut statement = self.connection().prepare_cached(sql)?;
        let mut rows = statement.query(params)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(read(row)?);
        }
        Ok(out)
    }

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
        let sql = format!(
            "SELECT {} FROM organs o JOIN seat_spans r ON r.organ_lo <= o.num AND r.organ_hi >= o.num \
             JOIN seats s ON s.num = r.num WHERE o.ref = ?1 AND r.lo <= ?3 AND r.hi >= ?2",
            columns::SEAT
        );
        self.read_rows(&sql, params![organ.to_string(), lo, hi], |row| {
            columns::seat(row, 0)
        })
    }

    /// One statement: the seats on the window (through the R*-tree), each
    /// with its holder's name and alignments kept beside it; then the names of
    /// the few factions involved.
    fn organ_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<OrganRows, Error> {
        let (lo_key, hi_key) = window(lo, hi);
        let sql = format!(
            "SELECT {}, s.alignments FROM organs o \
             JOIN seat_spans r ON r.organ_lo <= o.num AND r.organ_hi >= o.num AND r.lo <= ?3 AND r.hi >= ?2 \
             JOIN seats s ON s.num = r.num WHERE o.ref = ?1",
            columns::SEAT
        );
        let mut out = OrganRows::default();
        let mut holders = std::collections::HashSet::new();
        let mut names = Vec::new();
        let mut statement = self.connection().prepare_cached(&sql)?;
        let mut rows = statement.query(params![organ.to_string(), lo_key, hi_key])?;
        while let Some(row) = rows.next()? {
            let seat = columns::seat(row, 0)?;
            // A holder of two seats brings their name and alignments twice: take them once.
            if holders.insert(seat.person.clone()) {
                if let Some(name) = columns::seat_name(row, 0)? {
                    names.push((EntityKind::Person, seat.person.to_string(), name));
                }
                let kept = row
                    .get_ref(columns::SEAT_WIDTH)?
                    .as_str()
                    .map_err(rusqlite::Error::from)?;
                let alignments: Vec<AlignmentRow> = serde_json::from_str(kept)?;
                out.alignments.extend(
                    alignments
                        .into_iter()
                        .filter(|a| a.span.lo() <= hi && a.span.hi() >= lo),
                );
            }
            out.seats.push(seat);
        }
        out.counts = self.counts_on(organ, lo, hi)?;
        let mut factions: Vec<&str> = out
            .alignments
            .iter()
            .map(|a| a.faction.as_str())
            .chain(
                out.counts
                    .iter()
                    .filter_map(|c| c.faction.as_ref().map(|f| f.as_str())),
            )
            .collect();
        factions.sort_unstable();
        factions.dedup();
        for faction in self.entities_by_id(EntityKind::Faction, &factions)? {
            names.push((EntityKind::Faction, faction.id, faction.name));
        }
        out.names = names;
        Ok(out)
    }

    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.rows(
            "SELECT data FROM memberships WHERE org = ?1 AND lo <= ?3 AND hi >= ?2",
            params![org.as_str(), lo, hi],
        )
    }

    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        let (lo, hi) = window(lo, hi);
        let sql = format!(
            "SELECT {} FROM alignments a WHERE a.faction = ?1 AND a.lo <= ?3 AND a.hi >= ?2",
            columns::ALIGNMENT
        );
        let rows = self.read_rows(&sql, params![faction.as_str(), lo, hi], |row| {
            columns::alignment(row, 0)
        })?;
        Ok(rows.into_iter().flatten().collect())
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
        // One statement for all the persons, not one each.
        let persons: Vec<&str> = persons.iter().map(PersonId::as_str).collect();
        let sql = format!(
            "SELECT {} FROM json_each(?1) j JOIN alignments a ON a.person = j.value \
             WHERE a.lo <= ?3 AND a.hi >= ?2 ORDER BY j.key, a.lo, a.key",
            columns::ALIGNMENT
        );
        let rows = self.read_rows(
            &sql,
            params![serde_json::to_string(&persons)?, lo, hi],
            |row| columns::alignment(row, 0),
        )?;
        Ok(rows.into_iter().flatten().collect())
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Error> {
        let p = person.as_str();
        Ok(PersonRows {
            seats: self.read_rows(
                &format!("SELECT {} FROM seats s WHERE s.person = ?1", columns::SEAT),
                [p],
                |row| columns::seat(row, 0),
            )?,
            posts: self.rows("SELECT data FROM posts WHERE person = ?1", [p])?,
            memberships: self.rows("SELECT data FROM memberships WHERE person = ?1", [p])?,
            alignments: self
                .read_rows(
                    &format!(
                        "SELECT {} FROM alignments a WHERE a.person = ?1",
                        columns::ALIGNMENT
                    ),
                    [p],
                    |row| columns::alignment(row, 0),
                )?
                .into_iter()
                .flatten()
                .collect(),
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

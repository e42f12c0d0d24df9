//! Queries over the SQLite projections: each `Facts` method is one or two indexed reads,
//! all inside one read transaction.

use plenum_model::date::Day;
use plenum_model::event::Event;
use plenum_model::id::{EntityKind, EventId, FactionId, OrgId, OrganRef, PersonId, PostRef, Seq};
use plenum_model::query::{Facts, LineageRows, OrganRows, PersonRows};
use plenum_model::rows::{
    AlignmentRow, CountRow, DecisionRow, Entity, FindingRow, HeldRow, MembershipRow, OrgRow,
    PostRow, SeatRow, Table, normalize,
};
use rusqlite::{Connection, params};

use super::read::{self, typed};
use super::schema::column_list;
use super::{SqliteStore, sql};
use crate::Error;

/// A consistent view of a SQLite ledger: one read transaction on a pooled connection.
pub struct SqliteSnapshot<'s> {
    store: &'s SqliteStore,
    connection: Option<Connection>,
}

impl<'s> SqliteSnapshot<'s> {
    pub(super) fn begin(store: &'s SqliteStore, connection: Connection) -> Result<Self, Error> {
        connection.execute_batch("BEGIN").map_err(sql)?;
        // The read transaction starts with the first read: take it now.
        connection
            .query_row("SELECT count(*) FROM meta", [], |r| r.get::<_, i64>(0))
            .map_err(sql)?;
        Ok(SqliteSnapshot {
            store,
            connection: Some(connection),
        })
    }

    fn c(&self) -> Result<&Connection, Error> {
        self.connection
            .as_ref()
            .ok_or_else(|| Error::Database("the snapshot is closed".into()))
    }

    /// The head as this view sees it.
    pub fn head(&self) -> Result<crate::Head, Error> {
        read::head(self.c()?)
    }
}

impl Drop for SqliteSnapshot<'_> {
    fn drop(&mut self) {
        if let Some(connection) = self.connection.take()
            && connection.execute_batch("COMMIT").is_ok()
        {
            self.store.give_back(connection);
        }
    }
}

fn window(lo: Day, hi: Day) -> (i64, i64) {
    (i64::from(lo.to_key()), i64::from(hi.to_key()))
}

impl SqliteSnapshot<'_> {
    fn events(&self, condition: &str, value: &str) -> Result<Vec<Event>, Error> {
        let c = self.c()?;
        let sources: Vec<(String, i64)> = {
            let mut statement = c
                .prepare_cached(&format!("SELECT key, source FROM events {condition}"))
                .map_err(sql)?;
            let rows = statement
                .query_map([value], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(sql)?;
            rows.collect::<Result<_, _>>().map_err(sql)?
        };
        sources
            .into_iter()
            .map(|(id, s)| read::effective(c, &id, Seq(s as u64)))
            .collect()
    }
}

impl Facts for SqliteSnapshot<'_> {
    type Error = Error;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Error> {
        typed(self.c()?, "WHERE kind = ?1 ORDER BY key", [kind.as_str()])
    }

    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Error> {
        Ok(typed(self.c()?, "WHERE key = ?1", [Entity::key_of(kind, id)])?.pop())
    }

    fn entities_by_id(&self, kind: EntityKind, ids: &[&str]) -> Result<Vec<Entity>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<String> = ids.iter().map(|id| Entity::key_of(kind, id)).collect();
        let keys = serde_json::to_string(&keys).map_err(|e| Error::Database(e.to_string()))?;
        typed(
            self.c()?,
            "WHERE key IN (SELECT value FROM json_each(?1))",
            [keys],
        )
    }

    fn entities_named(&self, kind: EntityKind, text: &str) -> Result<Vec<Entity>, Error> {
        let form = normalize(text);
        let c = self.c()?;
        let mut found: Vec<Entity> = typed(
            c,
            "WHERE kind = ?1 AND (norm_id = ?2 OR norm_name = ?2) \
             OR key IN (SELECT kind || ':' || entity FROM aliases WHERE kind = ?1 AND form = ?2) \
             ORDER BY key",
            params![kind.as_str(), form],
        )?;
        // The index only proposes; the entity's own names decide.
        found.retain(|e| e.kind == kind && e.name_forms().contains(&form));
        Ok(found)
    }

    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Error> {
        Ok(self.organ_on(organ, lo, hi)?.seats)
    }

    /// One statement: the seats on the window (through the R*-tree), each with its
    /// holder's name and alignments kept beside it; then the organ's counts and the
    /// names of the few factions involved.
    fn organ_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<OrganRows, Error> {
        let (lo_key, hi_key) = window(lo, hi);
        let c = self.c()?;
        let columns: Vec<String> = Table::Seats
            .columns()
            .iter()
            .map(|col| format!("s.{}", col.name))
            .collect();
        let query = format!(
            "SELECT {} FROM organs o \
             JOIN seat_spans r ON r.organ_lo <= o.num AND r.organ_hi >= o.num AND r.lo <= ?3 AND r.hi >= ?2 \
             JOIN seats s ON s.rowid = r.num WHERE o.ref = ?1",
            columns.join(", ")
        );
        let mut out = OrganRows::default();
        {
            let mut statement = c.prepare_cached(&query).map_err(sql)?;
            let mut rows = statement
                .query(params![organ.to_string(), lo_key, hi_key])
                .map_err(sql)?;
            let width = columns.len();
            let mut holders = std::collections::HashSet::new();
            while let Some(row) = rows.next().map_err(sql)? {
                let mut values = Vec::with_capacity(width);
                for i in 0..width {
                    values.push(
                        match read::value_ref(Table::Seats, row.get_ref(i).map_err(sql)?)? {
                            plenum_model::rows::ValueRef::Null => plenum_model::rows::Value::Null,
                            plenum_model::rows::ValueRef::Int(i) => {
                                plenum_model::rows::Value::Int(i)
                            }
                            plenum_model::rows::ValueRef::Text(t) => {
                                plenum_model::rows::Value::Text(t.to_owned())
                            }
                        },
                    );
                }
                let seat = <SeatRow as plenum_model::rows::Row>::from_values(values)?;
                // A holder of two seats brings their name and alignments twice: take them once.
                if holders.insert(seat.person.clone()) {
                    if let Some(name) = &seat.holder {
                        out.names
                            .push((EntityKind::Person, seat.person.to_string(), name.clone()));
                    }
                    out.alignments.extend(
                        seat.factions
                            .iter()
                            .filter(|a| a.span.lo() <= hi && a.span.hi() >= lo)
                            .map(|a| AlignmentRow {
                                key: a.key.clone(),
                                faction: a.faction.clone(),
                                person: seat.person.clone(),
                                leader: false,
                                span: a.span.clone(),
                                start_event: seat.start_event.clone(),
                                end_event: None,
                                start_pos: seat.start_pos,
                                end_pos: None,
                            }),
                    );
                }
                out.seats.push(seat);
            }
        }
        out.counts = self.counts_on(organ, lo, hi)?;
        out.name_factions(|ids| self.entities_by_id(EntityKind::Faction, ids))?;
        Ok(out)
    }

    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Error> {
        let (lo, hi) = window(lo, hi);
        typed(
            self.c()?,
            "WHERE organ = ?1 AND lo <= ?3 AND hi >= ?2",
            params![organ.to_string(), lo, hi],
        )
    }

    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Error> {
        let (lo, hi) = window(lo, hi);
        typed(
            self.c()?,
            "WHERE post = ?1 AND lo <= ?3 AND hi >= ?2",
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
        let persons: Vec<&str> = persons.iter().map(PersonId::as_str).collect();
        let persons =
            serde_json::to_string(&persons).map_err(|e| Error::Database(e.to_string()))?;
        typed(
            self.c()?,
            "WHERE person IN (SELECT value FROM json_each(?1)) AND lo <= ?3 AND hi >= ?2",
            params![persons, lo, hi],
        )
    }

    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Error> {
        let (lo, hi) = window(lo, hi);
        typed(
            self.c()?,
            "WHERE org = ?1 AND lo <= ?3 AND hi >= ?2",
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
        typed(
            self.c()?,
            "WHERE faction = ?1 AND lo <= ?3 AND hi >= ?2",
            params![faction.as_str(), lo, hi],
        )
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Error> {
        let p = person.as_str();
        let c = self.c()?;
        let mut events = self.events("WHERE subject = ?1 AND retracted = 0", p)?;
        events.extend(self.events(
            "WHERE retracted = 0 AND key IN (SELECT event FROM mentions WHERE person = ?1)",
            p,
        )?);
        Ok(PersonRows {
            seats: typed(c, "WHERE person = ?1", [p])?,
            posts: typed(c, "WHERE person = ?1", [p])?,
            memberships: typed(c, "WHERE person = ?1", [p])?,
            alignments: typed(c, "WHERE person = ?1", [p])?,
            events,
        })
    }

    fn lineage_rows(&self) -> Result<LineageRows, Error> {
        let c = self.c()?;
        Ok(LineageRows {
            orgs: typed(c, "", [])?,
            names: typed(c, "", [])?,
            links: typed(c, "", [])?,
            figures: typed(c, "", [])?,
        })
    }

    fn findings(&self, day: Day) -> Result<Vec<FindingRow>, Error> {
        typed(self.c()?, "WHERE day <= ?1", [i64::from(day.to_key())])
    }

    fn held(&self) -> Result<Vec<HeldRow>, Error> {
        typed(self.c()?, "", [])
    }

    fn statute_events(&self) -> Result<Vec<Event>, Error> {
        read::statutes(self.c()?)
    }

    fn org_row(&self, org: &OrgId) -> Result<Option<OrgRow>, Error> {
        Ok(typed(self.c()?, "WHERE key = ?1", [org.as_str()])?.pop())
    }

    fn decision(&self, event: &EventId) -> Result<Option<DecisionRow>, Error> {
        Ok(typed(self.c()?, "WHERE key = ?1", [event.as_str()])?.pop())
    }
}

#[allow(dead_code)]
fn _columns() -> String {
    column_list(Table::Seats)
}

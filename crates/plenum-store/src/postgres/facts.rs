//! Queries over the PostgreSQL projections, inside one `REPEATABLE READ` read-only
//! transaction: a snapshot that never changes while it is read, and never blocks a writer.

use std::cell::RefCell;

use plenum_model::date::Day;
use plenum_model::event::Event;
use plenum_model::id::{EntityKind, EventId, FactionId, OrgId, OrganRef, PersonId, PostRef, Seq};
use plenum_model::query::{Facts, LineageRows, OrganRows, PersonRows};
use plenum_model::rows::{
    AlignmentRow, CountRow, DecisionRow, Entity, FindingRow, HeldRow, MembershipRow, OrgRow,
    PostRow, SeatRow, normalize,
};

use super::PgStore;
use super::conn::Conn;
use super::read::{self, typed};
use crate::Error;

/// A consistent view of a PostgreSQL ledger.
pub struct PgSnapshot<'s> {
    store: &'s PgStore,
    conn: RefCell<Option<Conn>>,
}

impl<'s> PgSnapshot<'s> {
    pub(super) fn begin(store: &'s PgStore, mut conn: Conn) -> Result<Self, Error> {
        conn.batch("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?;
        // The snapshot is taken by the first read.
        conn.query("SELECT 1 FROM meta LIMIT 1", &[])?;
        Ok(PgSnapshot {
            store,
            conn: RefCell::new(Some(conn)),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Conn) -> Result<T, Error>) -> Result<T, Error> {
        let mut guard = self.conn.borrow_mut();
        let conn = guard
            .as_mut()
            .ok_or_else(|| Error::Database("the snapshot is closed".into()))?;
        f(conn)
    }

    fn events(&self, condition: &str, value: &str) -> Result<Vec<Event>, Error> {
        self.with(|c| {
            let found: Vec<(String, i64)> = c
                .query(
                    &format!("SELECT key, source FROM events {condition}"),
                    &[&value],
                )?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            found
                .into_iter()
                .map(|(id, s)| read::effective(c, &id, Seq(s as u64)))
                .collect()
        })
    }
}

impl Drop for PgSnapshot<'_> {
    fn drop(&mut self) {
        if let Some(mut conn) = self.conn.get_mut().take()
            && conn.batch("COMMIT").is_ok()
        {
            self.store.give_back(conn);
        }
    }
}

fn window(lo: Day, hi: Day) -> (i64, i64) {
    (i64::from(lo.to_key()), i64::from(hi.to_key()))
}

impl Facts for PgSnapshot<'_> {
    type Error = Error;

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>, Error> {
        self.with(|c| typed(c, "WHERE kind = $1 ORDER BY key", &[&kind.as_str()]))
    }

    fn entity(&self, kind: EntityKind, id: &str) -> Result<Option<Entity>, Error> {
        let key = Entity::key_of(kind, id);
        Ok(self.with(|c| typed(c, "WHERE key = $1", &[&key]))?.pop())
    }

    fn entities_by_id(&self, kind: EntityKind, ids: &[&str]) -> Result<Vec<Entity>, Error> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<String> = ids.iter().map(|id| Entity::key_of(kind, id)).collect();
        self.with(|c| typed(c, "WHERE key = ANY($1)", &[&keys]))
    }

    fn entities_named(&self, kind: EntityKind, text: &str) -> Result<Vec<Entity>, Error> {
        let form = normalize(text);
        let mut found: Vec<Entity> = self.with(|c| {
            typed(
                c,
                // Three index look-ups: PostgreSQL plans the same test written with
                // OR as a scan of every entity.
                "WHERE key IN (SELECT key FROM entities WHERE kind = $1 AND norm_id = $2 \
                 UNION SELECT key FROM entities WHERE kind = $1 AND norm_name = $2 \
                 UNION SELECT kind || ':' || entity FROM aliases WHERE kind = $1 AND form = $2) \
                 ORDER BY key",
                &[&kind.as_str(), &form],
            )
        })?;
        found.retain(|e| e.kind == kind && e.name_forms().contains(&form));
        Ok(found)
    }

    fn seats_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<SeatRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.with(|c| {
            typed(
                c,
                "WHERE organ = $1 AND hi >= $2 AND lo <= $3",
                &[&organ.to_string(), &lo, &hi],
            )
        })
    }

    fn organ_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<OrganRows, Error> {
        let seats = self.seats_on(organ, lo, hi)?;
        let mut out = OrganRows::default();
        let mut holders = std::collections::HashSet::new();
        for seat in &seats {
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
        }
        out.seats = seats;
        out.counts = self.counts_on(organ, lo, hi)?;
        out.name_factions(|ids| self.entities_by_id(EntityKind::Faction, ids))?;
        Ok(out)
    }

    fn counts_on(&self, organ: &OrganRef, lo: Day, hi: Day) -> Result<Vec<CountRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.with(|c| {
            typed(
                c,
                "WHERE organ = $1 AND lo <= $3 AND hi >= $2",
                &[&organ.to_string(), &lo, &hi],
            )
        })
    }

    fn holders_of(&self, post: &PostRef, lo: Day, hi: Day) -> Result<Vec<PostRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.with(|c| {
            typed(
                c,
                "WHERE post = $1 AND lo <= $3 AND hi >= $2",
                &[&post.to_string(), &lo, &hi],
            )
        })
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
        self.with(|c| {
            typed(
                c,
                "WHERE person = ANY($1) AND lo <= $3 AND hi >= $2",
                &[&persons, &lo, &hi],
            )
        })
    }

    fn members_on(&self, org: &OrgId, lo: Day, hi: Day) -> Result<Vec<MembershipRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.with(|c| {
            typed(
                c,
                "WHERE org = $1 AND lo <= $3 AND hi >= $2",
                &[&org.as_str(), &lo, &hi],
            )
        })
    }

    fn faction_on(
        &self,
        faction: &FactionId,
        lo: Day,
        hi: Day,
    ) -> Result<Vec<AlignmentRow>, Error> {
        let (lo, hi) = window(lo, hi);
        self.with(|c| {
            typed(
                c,
                "WHERE faction = $1 AND lo <= $3 AND hi >= $2",
                &[&faction.as_str(), &lo, &hi],
            )
        })
    }

    fn person_rows(&self, person: &PersonId) -> Result<PersonRows, Error> {
        let p = person.as_str();
        let mut events = self.events("WHERE subject = $1 AND retracted = 0", p)?;
        events.extend(self.events(
            "WHERE retracted = 0 AND key IN (SELECT event FROM mentions WHERE person = $1)",
            p,
        )?);
        self.with(|c| {
            Ok(PersonRows {
                seats: typed(c, "WHERE person = $1", &[&p])?,
                posts: typed(c, "WHERE person = $1", &[&p])?,
                memberships: typed(c, "WHERE person = $1", &[&p])?,
                alignments: typed(c, "WHERE person = $1", &[&p])?,
                events,
            })
        })
    }

    fn lineage_rows(&self) -> Result<LineageRows, Error> {
        self.with(|c| {
            Ok(LineageRows {
                orgs: typed(c, "", &[])?,
                names: typed(c, "", &[])?,
                links: typed(c, "", &[])?,
                figures: typed(c, "", &[])?,
            })
        })
    }

    fn findings(&self, day: Day) -> Result<Vec<FindingRow>, Error> {
        self.with(|c| typed(c, "WHERE day <= $1", &[&i64::from(day.to_key())]))
    }

    fn held(&self) -> Result<Vec<HeldRow>, Error> {
        self.with(|c| typed(c, "", &[]))
    }

    fn statute_events(&self) -> Result<Vec<Event>, Error> {
        self.with(read::statutes)
    }

    fn org_row(&self, org: &OrgId) -> Result<Option<OrgRow>, Error> {
        Ok(self
            .with(|c| typed(c, "WHERE key = $1", &[&org.as_str()]))?
            .pop())
    }

    fn decision(&self, event: &EventId) -> Result<Option<DecisionRow>, Error> {
        Ok(self
            .with(|c| typed(c, "WHERE key = $1", &[&event.as_str()]))?
            .pop())
    }
}

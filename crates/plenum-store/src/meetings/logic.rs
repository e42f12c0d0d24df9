//! The meetings logic, once for both stores: each function runs over a [`Host`].

use super::sql::{Host, P, Sql, V, schema};
use super::*;
use crate::sql::Dialect;

const MEETING: &str = "SELECT id, organ, name, scheduled, open, max_proxies FROM live_meetings";
pub(super) const POLL: &str = "SELECT id, meeting, title, question, category, target, secret, \
     replaceable, status, result, urn_digest, entry FROM live_polls";

fn meeting_of(row: &[V]) -> Result<MeetingRecord, Error> {
    Ok(MeetingRecord {
        id: row[0].text()?,
        organ: row[1].text()?,
        name: row[2].text()?,
        scheduled: row[3].text()?,
        open: row[4].int()? != 0,
        max_proxies: u32::try_from(row[5].int()?).unwrap_or(0),
    })
}

pub(super) fn poll_of(row: &[V]) -> Result<PollRecord, Error> {
    Ok(PollRecord {
        id: row[0].text()?,
        meeting: row[1].text()?,
        title: row[2].text()?,
        question: row[3].text()?,
        category: row[4].opt_text()?,
        target: row[5].opt_text()?,
        secret: row[6].int()? != 0,
        replaceable: row[7].int()? != 0,
        status: PollStatus::of(&row[8].text()?)?,
        result: row[9].opt_text()?,
        urn_digest: row[10].opt_text()?,
        entry: row[11].opt_int()?.and_then(|e| u64::try_from(e).ok()),
    })
}

pub(super) fn int(n: u64) -> P<'static> {
    P::I(i64::try_from(n).unwrap_or(i64::MAX))
}

pub(super) fn opt<'a>(text: &'a Option<String>) -> P<'a> {
    text.as_deref().map_or(P::N, P::T)
}

pub(crate) fn prepare(host: &impl Host, dialect: Dialect) -> Result<(), Error> {
    host.batch(&schema(dialect))
}

pub(crate) fn add_meeting(
    host: &impl Host,
    meeting: &MeetingRecord,
    delegates: &[DelegateRecord],
) -> Result<(), MeetingError> {
    host.write(|tx| {
        let added = tx.exec(
            "INSERT INTO live_meetings(id, organ, name, scheduled, open, max_proxies) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
            &[
                P::T(&meeting.id),
                P::T(&meeting.organ),
                P::T(&meeting.name),
                P::T(&meeting.scheduled),
                P::I(i64::from(meeting.open)),
                P::I(i64::from(meeting.max_proxies)),
            ],
        )?;
        if added == 0 {
            return Err(MeetingError::Exists(format!("meeting {}", meeting.id)));
        }
        for d in delegates {
            let added = tx.exec(
                "INSERT INTO live_delegates(meeting, person, weight, present) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (meeting, person) DO NOTHING",
                &[
                    P::T(&meeting.id),
                    P::T(&d.person),
                    int(d.weight),
                    P::I(i64::from(d.present)),
                ],
            )?;
            if added == 0 {
                return Err(MeetingError::State(format!(
                    "`{}` is listed twice among the delegates",
                    d.person
                )));
            }
        }
        Ok(())
    })
}

pub(crate) fn meeting(host: &impl Host, id: &str) -> Result<Option<MeetingRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(&format!("{MEETING} WHERE id = $1"), &[P::T(id)])?;
        rows.first().map(|r| meeting_of(r)).transpose()
    })
}

pub(crate) fn meetings(host: &impl Host) -> Result<Vec<MeetingRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(&format!("{MEETING} ORDER BY id"), &[])?;
        rows.iter().map(|r| meeting_of(r)).collect()
    })
}

/// The open meeting `id`, inside a transaction.
pub(super) fn open_meeting(tx: &mut dyn Sql, id: &str) -> Result<MeetingRecord, MeetingError> {
    let rows = tx.rows(&format!("{MEETING} WHERE id = $1"), &[P::T(id)])?;
    let meeting = rows
        .first()
        .map(|r| meeting_of(r))
        .transpose()?
        .ok_or_else(|| MeetingError::NotFound("meeting", id.to_owned()))?;
    if !meeting.open {
        return Err(MeetingError::State(format!("the meeting `{id}` has ended")));
    }
    Ok(meeting)
}

pub(crate) fn close_meeting(host: &impl Host, id: &str) -> Result<(), MeetingError> {
    host.write(|tx| {
        open_meeting(tx, id)?;
        let open = tx.rows(
            "SELECT id FROM live_polls WHERE meeting = $1 AND status = 'open' ORDER BY id",
            &[P::T(id)],
        )?;
        if let Some(poll) = open.first() {
            return Err(MeetingError::State(format!(
                "the poll `{}` is still open: close it first",
                poll[0].text()?
            )));
        }
        tx.exec(
            "UPDATE live_meetings SET open = 0 WHERE id = $1",
            &[P::T(id)],
        )?;
        Ok(())
    })
}

fn delegate_of(r: &[V]) -> Result<DelegateRecord, Error> {
    Ok(DelegateRecord {
        person: r[0].text()?,
        weight: u64::try_from(r[1].int()?).unwrap_or(0),
        present: r[2].int()? != 0,
    })
}

pub(crate) fn delegates(host: &impl Host, meeting: &str) -> Result<Vec<DelegateRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            "SELECT person, weight, present FROM live_delegates WHERE meeting = $1 \
             ORDER BY person",
            &[P::T(meeting)],
        )?;
        rows.iter().map(|r| delegate_of(r)).collect()
    })
}

pub(crate) fn delegate(
    host: &impl Host,
    meeting: &str,
    person: &str,
) -> Result<Option<DelegateRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            "SELECT person, weight, present FROM live_delegates \
             WHERE meeting = $1 AND person = $2",
            &[P::T(meeting), P::T(person)],
        )?;
        rows.first().map(|r| delegate_of(r)).transpose()
    })
}

pub(crate) fn proxies(host: &impl Host, meeting: &str) -> Result<Vec<ProxyRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            "SELECT giver, holder FROM live_proxies WHERE meeting = $1 ORDER BY giver",
            &[P::T(meeting)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(ProxyRecord {
                    giver: r[0].text()?,
                    holder: r[1].text()?,
                })
            })
            .collect()
    })
}

pub(super) fn is_delegate(tx: &mut dyn Sql, meeting: &str, person: &str) -> Result<bool, Error> {
    Ok(!tx
        .rows(
            "SELECT person FROM live_delegates WHERE meeting = $1 AND person = $2",
            &[P::T(meeting), P::T(person)],
        )?
        .is_empty())
}

pub(crate) fn set_codes(
    host: &impl Host,
    meeting: &str,
    codes: &[(String, String)],
) -> Result<(), MeetingError> {
    host.write(|tx| {
        open_meeting(tx, meeting)?;
        for (person, hash) in codes {
            let set = tx.exec(
                "UPDATE live_delegates SET code_hash = $1 WHERE meeting = $2 AND person = $3",
                &[P::T(hash), P::T(meeting), P::T(person)],
            )?;
            if set == 0 {
                return Err(MeetingError::NotFound("delegate", person.clone()));
            }
        }
        Ok(())
    })
}

pub(crate) fn attend(
    host: &impl Host,
    meeting: &str,
    person: &str,
    present: bool,
    code_hash: Option<&str>,
) -> Result<(), MeetingError> {
    host.write(|tx| {
        open_meeting(tx, meeting)?;
        if !is_delegate(tx, meeting, person)? {
            return Err(MeetingError::NotFound("delegate", person.to_owned()));
        }
        let changed = match code_hash {
            Some(hash) => tx.exec(
                "UPDATE live_delegates SET present = $1, code_hash = NULL \
                 WHERE meeting = $2 AND person = $3 AND code_hash = $4",
                &[
                    P::I(i64::from(present)),
                    P::T(meeting),
                    P::T(person),
                    P::T(hash),
                ],
            )?,
            None => tx.exec(
                "UPDATE live_delegates SET present = $1 WHERE meeting = $2 AND person = $3",
                &[P::I(i64::from(present)), P::T(meeting), P::T(person)],
            )?,
        };
        if changed == 0 {
            return Err(MeetingError::State(format!(
                "that is not a check-in code of `{person}`, or it was used already"
            )));
        }
        Ok(())
    })
}

pub(crate) fn add_proxy(
    host: &impl Host,
    meeting: &str,
    giver: &str,
    holder: &str,
) -> Result<(), MeetingError> {
    host.write(|tx| {
        let m = open_meeting(tx, meeting)?;
        for person in [giver, holder] {
            if !is_delegate(tx, meeting, person)? {
                return Err(MeetingError::NotFound("delegate", person.to_owned()));
            }
        }
        if giver == holder {
            return Err(MeetingError::State(
                "a delegate cannot hold their own proxy".into(),
            ));
        }
        let held = tx.rows(
            "SELECT giver FROM live_proxies WHERE meeting = $1 AND holder = $2",
            &[P::T(meeting), P::T(holder)],
        )?;
        if held.len() >= m.max_proxies as usize {
            return Err(MeetingError::State(format!(
                "`{holder}` already holds {} proxies; this meeting allows at most {}",
                held.len(),
                m.max_proxies
            )));
        }
        let gave = tx.rows(
            "SELECT holder FROM live_proxies WHERE meeting = $1 AND giver = $2",
            &[P::T(meeting), P::T(holder)],
        )?;
        if !gave.is_empty() {
            return Err(MeetingError::State(format!(
                "`{holder}` gave their own proxy away and cannot hold one"
            )));
        }
        let added = tx.exec(
            "INSERT INTO live_proxies(meeting, giver, holder) VALUES ($1, $2, $3) \
             ON CONFLICT (meeting, giver) DO NOTHING",
            &[P::T(meeting), P::T(giver), P::T(holder)],
        )?;
        if added == 0 {
            return Err(MeetingError::State(format!(
                "`{giver}` already gave a proxy"
            )));
        }
        Ok(())
    })
}

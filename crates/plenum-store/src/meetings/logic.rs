//! The meetings logic, once for both stores: each function runs over a [`Host`].

use super::sql::{Host, P, Sql, V, schema};
use super::*;
use crate::sql::Dialect;

const MEETING: &str = "SELECT id, organ, name, scheduled, open, max_proxies FROM live_meetings";
const POLL: &str = "SELECT id, meeting, title, question, category, target, secret, \
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

fn poll_of(row: &[V]) -> Result<PollRecord, Error> {
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

fn int(n: u64) -> P<'static> {
    P::I(i64::try_from(n).unwrap_or(i64::MAX))
}

fn opt<'a>(text: &'a Option<String>) -> P<'a> {
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
fn open_meeting(tx: &mut dyn Sql, id: &str) -> Result<MeetingRecord, MeetingError> {
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

pub(crate) fn delegates(host: &impl Host, meeting: &str) -> Result<Vec<DelegateRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            "SELECT person, weight, present FROM live_delegates WHERE meeting = $1 \
             ORDER BY person",
            &[P::T(meeting)],
        )?;
        rows.iter()
            .map(|r| {
                Ok(DelegateRecord {
                    person: r[0].text()?,
                    weight: u64::try_from(r[1].int()?).unwrap_or(0),
                    present: r[2].int()? != 0,
                })
            })
            .collect()
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

fn is_delegate(tx: &mut dyn Sql, meeting: &str, person: &str) -> Result<bool, Error> {
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

pub(crate) fn add_poll(host: &impl Host, poll: &PollRecord) -> Result<(), MeetingError> {
    host.write(|tx| {
        open_meeting(tx, &poll.meeting)?;
        let added = tx.exec(
            "INSERT INTO live_polls(id, meeting, title, question, category, target, secret, \
             replaceable, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft') \
             ON CONFLICT (id) DO NOTHING",
            &[
                P::T(&poll.id),
                P::T(&poll.meeting),
                P::T(&poll.title),
                P::T(&poll.question),
                opt(&poll.category),
                opt(&poll.target),
                P::I(i64::from(poll.secret)),
                P::I(i64::from(poll.replaceable)),
            ],
        )?;
        if added == 0 {
            return Err(MeetingError::Exists(format!("poll {}", poll.id)));
        }
        Ok(())
    })
}

/// The poll `id` inside a transaction, which must stand at `status`.
fn poll_at(tx: &mut dyn Sql, id: &str, status: PollStatus) -> Result<PollRecord, MeetingError> {
    let rows = tx.rows(&format!("{POLL} WHERE id = $1"), &[P::T(id)])?;
    let poll = rows
        .first()
        .map(|r| poll_of(r))
        .transpose()?
        .ok_or_else(|| MeetingError::NotFound("poll", id.to_owned()))?;
    if poll.status != status {
        return Err(MeetingError::State(format!(
            "the poll `{id}` is {}, not {}",
            poll.status.as_str(),
            status.as_str()
        )));
    }
    Ok(poll)
}

pub(crate) fn set_question(
    host: &impl Host,
    poll: &str,
    question: &str,
) -> Result<(), MeetingError> {
    host.write(|tx| {
        poll_at(tx, poll, PollStatus::Draft)?;
        tx.exec(
            "UPDATE live_polls SET question = $1 WHERE id = $2",
            &[P::T(question), P::T(poll)],
        )?;
        Ok(())
    })
}

pub(crate) fn poll(host: &impl Host, id: &str) -> Result<Option<PollRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(&format!("{POLL} WHERE id = $1"), &[P::T(id)])?;
        rows.first().map(|r| poll_of(r)).transpose()
    })
}

pub(crate) fn polls(host: &impl Host, meeting: &str) -> Result<Vec<PollRecord>, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            &format!("{POLL} WHERE meeting = $1 ORDER BY id"),
            &[P::T(meeting)],
        )?;
        rows.iter().map(|r| poll_of(r)).collect()
    })
}

pub(crate) fn open_poll(host: &impl Host, id: &str, owner_key: &str) -> Result<(), MeetingError> {
    host.write(|tx| {
        let poll = poll_at(tx, id, PollStatus::Draft)?;
        open_meeting(tx, &poll.meeting)?;
        tx.exec(
            "UPDATE live_polls SET status = 'open', owner_key = $1 WHERE id = $2",
            &[P::T(owner_key), P::T(id)],
        )?;
        Ok(())
    })
}

pub(crate) fn owner_key(host: &impl Host, poll: &str) -> Result<Option<String>, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            "SELECT owner_key FROM live_polls WHERE id = $1 AND status = 'open'",
            &[P::T(poll)],
        )?;
        Ok(rows.first().and_then(|r| r[0].opt_text().ok().flatten()))
    })
}

/// A poll's facts a cast needs, read once per batch.
struct Open {
    meeting: String,
    replaceable: bool,
}

pub(crate) fn cast(host: &impl Host, casts: &[Cast]) -> Result<Vec<Result<(), CastError>>, Error> {
    host.write(|tx| {
        let mut polls: Vec<(String, Option<Open>)> = Vec::new();
        let mut out = Vec::with_capacity(casts.len());
        for c in casts {
            let open = match polls.iter().find(|(id, _)| *id == c.poll) {
                Some((_, open)) => open,
                None => {
                    let rows = tx.rows(
                        "SELECT meeting, replaceable FROM live_polls \
                         WHERE id = $1 AND status = 'open'",
                        &[P::T(&c.poll)],
                    )?;
                    let open = match rows.first() {
                        Some(r) => Some(Open {
                            meeting: r[0].text()?,
                            replaceable: r[1].int()? != 0,
                        }),
                        None => None,
                    };
                    polls.push((c.poll.clone(), open));
                    &polls[polls.len() - 1].1
                }
            };
            out.push(match open {
                None => Err(CastError::NotOpen),
                Some(open) => cast_one(tx, open, c)?,
            });
        }
        Ok(out)
    })
}

/// One cast; an `Err` of the outer result fails the whole batch (the store failed).
fn cast_one(tx: &mut dyn Sql, open: &Open, c: &Cast) -> Result<Result<(), CastError>, Error> {
    let delegate = |tx: &mut dyn Sql, person: &str| -> Result<Option<(u64, bool)>, Error> {
        let rows = tx.rows(
            "SELECT weight, present FROM live_delegates WHERE meeting = $1 AND person = $2",
            &[P::T(&open.meeting), P::T(person)],
        )?;
        rows.first()
            .map(|r| Ok((u64::try_from(r[0].int()?).unwrap_or(0), r[1].int()? != 0)))
            .transpose()
    };
    let Some((weight, voter_present)) = delegate(tx, &c.voter)? else {
        return Ok(Err(CastError::NotDelegate(c.voter.clone())));
    };
    let caster_present = if c.by == c.voter {
        voter_present
    } else {
        let proxy = tx.rows(
            "SELECT holder FROM live_proxies WHERE meeting = $1 AND giver = $2 AND holder = $3",
            &[P::T(&open.meeting), P::T(&c.voter), P::T(&c.by)],
        )?;
        if proxy.is_empty() {
            return Ok(Err(CastError::NoProxy {
                voter: c.voter.clone(),
                by: c.by.clone(),
            }));
        }
        delegate(tx, &c.by)?.is_some_and(|(_, present)| present)
    };
    if !caster_present {
        return Ok(Err(CastError::Absent(c.by.clone())));
    }
    if weight != c.weight {
        return Ok(Err(CastError::Weight(weight)));
    }
    if c.replace {
        if !open.replaceable {
            return Ok(Err(CastError::NotReplaceable));
        }
        let voted = tx.rows(
            "SELECT person FROM live_roll WHERE poll = $1 AND person = $2",
            &[P::T(&c.poll), P::T(&c.voter)],
        )?;
        let replaced =
            if voted.is_empty() {
                0
            } else {
                tx.exec(
                "UPDATE live_urn SET ballot = $1 WHERE poll = $2 AND tracker = $3 AND owner = $4",
                &[P::T(&c.ballot), P::T(&c.poll), P::T(&c.tracker), P::T(&c.owner)],
            )?
            };
        return Ok(if replaced == 0 {
            Err(CastError::NoSuchBallot)
        } else {
            Ok(())
        });
    }
    let on_roll = tx.exec(
        "INSERT INTO live_roll(poll, person, cast_by) VALUES ($1, $2, $3) \
         ON CONFLICT (poll, person) DO NOTHING",
        &[P::T(&c.poll), P::T(&c.voter), P::T(&c.by)],
    )?;
    if on_roll == 0 {
        return Ok(Err(CastError::AlreadyVoted(c.voter.clone())));
    }
    let in_urn = tx.exec(
        "INSERT INTO live_urn(poll, tracker, weight, ballot, owner) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (poll, tracker) DO NOTHING",
        &[
            P::T(&c.poll),
            P::T(&c.tracker),
            int(c.weight),
            P::T(&c.ballot),
            P::T(&c.owner),
        ],
    )?;
    if in_urn == 0 {
        // Two random trackers alike: fail the batch (nothing of it is kept) rather than
        // leave a name on the roll without its ballot.
        return Err(Error::Database("two ballots drew the same tracker".into()));
    }
    Ok(Ok(()))
}

pub(crate) fn add_paper(
    host: &impl Host,
    poll: &str,
    voters: &[String],
    ballots: &[UrnBallot],
) -> Result<(), MeetingError> {
    if voters.len() != ballots.len() {
        return Err(MeetingError::State(format!(
            "{} names for the roll but {} ballots: they must be as many",
            voters.len(),
            ballots.len()
        )));
    }
    host.write(|tx| {
        let p = poll_at(tx, poll, PollStatus::Open)?;
        for voter in voters {
            if !is_delegate(tx, &p.meeting, voter)? {
                return Err(MeetingError::NotFound("delegate", voter.clone()));
            }
            let added = tx.exec(
                "INSERT INTO live_roll(poll, person, cast_by) VALUES ($1, $2, 'paper') \
                 ON CONFLICT (poll, person) DO NOTHING",
                &[P::T(poll), P::T(voter)],
            )?;
            if added == 0 {
                return Err(MeetingError::State(format!("`{voter}` has already voted")));
            }
        }
        for b in ballots {
            let added = tx.exec(
                "INSERT INTO live_urn(poll, tracker, weight, ballot, owner) \
                 VALUES ($1, $2, $3, $4, NULL) ON CONFLICT (poll, tracker) DO NOTHING",
                &[P::T(poll), P::T(&b.tracker), int(b.weight), P::T(&b.ballot)],
            )?;
            if added == 0 {
                return Err(MeetingError::State(format!(
                    "the tracker `{}` is taken",
                    b.tracker
                )));
            }
        }
        Ok(())
    })
}

pub(crate) fn turnout(host: &impl Host, poll: &str) -> Result<u64, Error> {
    host.read(|tx| {
        let rows = tx.rows(
            "SELECT count(*) FROM live_roll WHERE poll = $1",
            &[P::T(poll)],
        )?;
        Ok(rows
            .first()
            .map(|r| r[0].int())
            .transpose()?
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0))
    })
}

fn read_closed(tx: &mut dyn Sql, poll: &str, secret: bool) -> Result<ClosedPoll, Error> {
    let roll = tx
        .rows(
            "SELECT person, cast_by FROM live_roll WHERE poll = $1 ORDER BY person",
            &[P::T(poll)],
        )?
        .iter()
        .map(|r| {
            Ok(RollRecord {
                person: r[0].text()?,
                cast_by: r[1].text()?,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let urn = tx
        .rows(
            "SELECT tracker, weight, ballot, owner FROM live_urn WHERE poll = $1 ORDER BY tracker",
            &[P::T(poll)],
        )?
        .iter()
        .map(|r| {
            Ok(UrnBallot {
                tracker: r[0].text()?,
                weight: u64::try_from(r[1].int()?).unwrap_or(0),
                ballot: r[2].text()?,
                voter: if secret { None } else { r[3].opt_text()? },
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(ClosedPoll { roll, urn })
}

pub(crate) fn close_poll(host: &impl Host, id: &str) -> Result<ClosedPoll, MeetingError> {
    let closed = host.write(|tx| {
        let poll = poll_at(tx, id, PollStatus::Open)?;
        tx.exec(
            "UPDATE live_polls SET status = 'closed', owner_key = NULL WHERE id = $1",
            &[P::T(id)],
        )?;
        let closed = read_closed(tx, id, poll.secret)?;
        // Rewrite the poll's rows in key order, without their owner tags (a secret poll's)
        // so that nothing of the order they came in, or of who they came from, stays.
        tx.exec("DELETE FROM live_urn WHERE poll = $1", &[P::T(id)])?;
        tx.exec("DELETE FROM live_roll WHERE poll = $1", &[P::T(id)])?;
        for name in &closed.roll {
            tx.exec(
                "INSERT INTO live_roll(poll, person, cast_by) VALUES ($1, $2, $3)",
                &[P::T(id), P::T(&name.person), P::T(&name.cast_by)],
            )?;
        }
        for b in &closed.urn {
            tx.exec(
                "INSERT INTO live_urn(poll, tracker, weight, ballot, owner) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    P::T(id),
                    P::T(&b.tracker),
                    int(b.weight),
                    P::T(&b.ballot),
                    opt(&b.voter),
                ],
            )?;
        }
        Ok::<_, MeetingError>(closed)
    })?;
    host.reseal()?;
    Ok(closed)
}

pub(crate) fn closed_poll(host: &impl Host, id: &str) -> Result<Option<ClosedPoll>, Error> {
    host.read(|tx| {
        let rows = tx.rows(&format!("{POLL} WHERE id = $1"), &[P::T(id)])?;
        let Some(poll) = rows.first().map(|r| poll_of(r)).transpose()? else {
            return Ok(None);
        };
        if poll.status != PollStatus::Closed {
            return Ok(None);
        }
        read_closed(tx, id, poll.secret).map(Some)
    })
}

pub(crate) fn set_result(
    host: &impl Host,
    poll: &str,
    result: &str,
    urn_digest: &str,
    entry: Option<u64>,
) -> Result<(), Error> {
    host.write(|tx| {
        tx.exec(
            "UPDATE live_polls SET result = $1, urn_digest = $2, entry = $3 WHERE id = $4",
            &[
                P::T(result),
                P::T(urn_digest),
                entry.map_or(P::N, int),
                P::T(poll),
            ],
        )?;
        Ok(())
    })
}

/// Implements [`Meetings`] for a store that is a [`Host`].
macro_rules! meetings_for {
    ($store:ty, $dialect:expr) => {
        impl $crate::meetings::Meetings for $store {
            fn prepare_meetings(&self) -> Result<(), $crate::Error> {
                $crate::meetings::logic::prepare(self, $dialect)
            }
            fn add_meeting(
                &self,
                meeting: &$crate::meetings::MeetingRecord,
                delegates: &[$crate::meetings::DelegateRecord],
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::add_meeting(self, meeting, delegates)
            }
            fn meeting(
                &self,
                id: &str,
            ) -> Result<Option<$crate::meetings::MeetingRecord>, $crate::Error> {
                $crate::meetings::logic::meeting(self, id)
            }
            fn meetings(&self) -> Result<Vec<$crate::meetings::MeetingRecord>, $crate::Error> {
                $crate::meetings::logic::meetings(self)
            }
            fn close_meeting(&self, id: &str) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::close_meeting(self, id)
            }
            fn delegates(
                &self,
                meeting: &str,
            ) -> Result<Vec<$crate::meetings::DelegateRecord>, $crate::Error> {
                $crate::meetings::logic::delegates(self, meeting)
            }
            fn proxies(
                &self,
                meeting: &str,
            ) -> Result<Vec<$crate::meetings::ProxyRecord>, $crate::Error> {
                $crate::meetings::logic::proxies(self, meeting)
            }
            fn set_codes(
                &self,
                meeting: &str,
                codes: &[(String, String)],
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::set_codes(self, meeting, codes)
            }
            fn attend(
                &self,
                meeting: &str,
                person: &str,
                present: bool,
                code_hash: Option<&str>,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::attend(self, meeting, person, present, code_hash)
            }
            fn add_proxy(
                &self,
                meeting: &str,
                giver: &str,
                holder: &str,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::add_proxy(self, meeting, giver, holder)
            }
            fn add_poll(
                &self,
                poll: &$crate::meetings::PollRecord,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::add_poll(self, poll)
            }
            fn set_question(
                &self,
                poll: &str,
                question: &str,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::set_question(self, poll, question)
            }
            fn poll(
                &self,
                id: &str,
            ) -> Result<Option<$crate::meetings::PollRecord>, $crate::Error> {
                $crate::meetings::logic::poll(self, id)
            }
            fn polls(
                &self,
                meeting: &str,
            ) -> Result<Vec<$crate::meetings::PollRecord>, $crate::Error> {
                $crate::meetings::logic::polls(self, meeting)
            }
            fn open_poll(
                &self,
                id: &str,
                owner_key: &str,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::open_poll(self, id, owner_key)
            }
            fn owner_key(&self, poll: &str) -> Result<Option<String>, $crate::Error> {
                $crate::meetings::logic::owner_key(self, poll)
            }
            fn cast(
                &self,
                casts: &[$crate::meetings::Cast],
            ) -> Result<Vec<Result<(), $crate::meetings::CastError>>, $crate::Error> {
                $crate::meetings::logic::cast(self, casts)
            }
            fn add_paper(
                &self,
                poll: &str,
                voters: &[String],
                ballots: &[$crate::meetings::UrnBallot],
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::add_paper(self, poll, voters, ballots)
            }
            fn turnout(&self, poll: &str) -> Result<u64, $crate::Error> {
                $crate::meetings::logic::turnout(self, poll)
            }
            fn close_poll(
                &self,
                id: &str,
            ) -> Result<$crate::meetings::ClosedPoll, $crate::meetings::MeetingError> {
                $crate::meetings::logic::close_poll(self, id)
            }
            fn closed_poll(
                &self,
                id: &str,
            ) -> Result<Option<$crate::meetings::ClosedPoll>, $crate::Error> {
                $crate::meetings::logic::closed_poll(self, id)
            }
            fn set_result(
                &self,
                poll: &str,
                result: &str,
                urn_digest: &str,
                entry: Option<u64>,
            ) -> Result<(), $crate::Error> {
                $crate::meetings::logic::set_result(self, poll, result, urn_digest, entry)
            }
        }
    };
}
pub(crate) use meetings_for;

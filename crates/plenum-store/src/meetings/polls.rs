//! The polls logic, once for both stores: drafting and opening, casting a batch in one
//! transaction, paper ballots, and closing, which rewrites the poll's rows in key order.

use super::logic::{POLL, int, is_delegate, open_meeting, opt, poll_of};
use std::collections::{HashMap, HashSet};

use super::sql::{Host, P, Sql};
use super::*;

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

/// How many casts one statement of a batch takes (a bounded number of statement texts,
/// each prepared once per connection).
const CHUNK: usize = 64;

pub(crate) fn cast(host: &impl Host, casts: &[Cast]) -> Result<Vec<Result<(), CastError>>, Error> {
    host.write(|tx| {
        let mut polls: Vec<(String, Option<Open>)> = Vec::new();
        let mut out: Vec<Option<Result<(), CastError>>> = casts.iter().map(|_| None).collect();
        // A voter's own first ballot, the common case, is cast with the others of its
        // poll a chunk at a time; the rest (proxies, replacements, a voter's second
        // ballot in the same batch) one at a time after them.
        let mut plain: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        let mut single: Vec<(usize, usize)> = Vec::new();
        for (i, c) in casts.iter().enumerate() {
            let at = match polls.iter().position(|(id, _)| *id == c.poll) {
                Some(at) => at,
                None => {
                    polls.push((c.poll.clone(), open_of(tx, &c.poll)?));
                    polls.len() - 1
                }
            };
            if polls[at].1.is_none() {
                out[i] = Some(Err(CastError::NotOpen));
            } else if c.by == c.voter && !c.replace && seen.insert((&c.poll, &c.voter)) {
                match plain.iter_mut().find(|(p, _)| *p == at) {
                    Some((_, list)) => list.push(i),
                    None => plain.push((at, vec![i])),
                }
            } else {
                single.push((at, i));
            }
        }
        for (at, list) in plain {
            if let Some(open) = &polls[at].1 {
                cast_plain(tx, open, casts, list, &mut out)?;
            }
        }
        for (at, i) in single {
            if let Some(open) = &polls[at].1 {
                out[i] = Some(cast_one(tx, open, &casts[i])?);
            }
        }
        out.into_iter()
            .map(|o| {
                o.ok_or_else(|| Error::Database("a cast of the batch was left unanswered".into()))
            })
            .collect()
    })
}

/// The poll's facts, if it is open.
fn open_of(tx: &mut dyn Sql, poll: &str) -> Result<Option<Open>, Error> {
    let rows = tx.rows(
        "SELECT meeting, replaceable FROM live_polls WHERE id = $1 AND status = 'open'",
        &[P::T(poll)],
    )?;
    rows.first()
        .map(|r| {
            Ok(Open {
                meeting: r[0].text()?,
                replaceable: r[1].int()? != 0,
            })
        })
        .transpose()
}

/// `$from, $from+1, ...`: `n` parameters.
fn marks(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|k| format!("${k}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Voters' own first ballots in one open poll (`list`, indexes into `casts`, one per
/// voter), with the same checks as [`cast_one`], a chunk at a time: the delegates read in
/// one query, the roll and the urn written in one statement each. The roll rows go in
/// in the voters' order and the urn rows in the trackers' order, never in the order the
/// ballots came in.
fn cast_plain(
    tx: &mut dyn Sql,
    open: &Open,
    casts: &[Cast],
    list: Vec<usize>,
    out: &mut [Option<Result<(), CastError>>],
) -> Result<(), Error> {
    let mut delegates: HashMap<String, (u64, bool)> = HashMap::new();
    for chunk in list.chunks(CHUNK) {
        let sql = format!(
            "SELECT person, weight, present FROM live_delegates WHERE meeting = $1 AND person IN ({})",
            marks(2, chunk.len())
        );
        let mut ps = vec![P::T(&open.meeting)];
        ps.extend(chunk.iter().map(|&i| P::T(&casts[i].voter)));
        for r in tx.rows(&sql, &ps)? {
            let weight = u64::try_from(r[1].int()?).unwrap_or(0);
            delegates.insert(r[0].text()?, (weight, r[2].int()? != 0));
        }
    }
    let mut ready = Vec::with_capacity(list.len());
    for i in list {
        let c = &casts[i];
        out[i] = match delegates.get(&c.voter) {
            None => Some(Err(CastError::NotDelegate(c.voter.clone()))),
            Some((_, false)) => Some(Err(CastError::Absent(c.by.clone()))),
            Some((weight, true)) if *weight != c.weight => Some(Err(CastError::Weight(*weight))),
            Some(_) => {
                ready.push(i);
                None
            }
        };
    }
    ready.sort_by(|a, b| casts[*a].voter.cmp(&casts[*b].voter));
    let mut on_roll: HashSet<String> = HashSet::new();
    for chunk in ready.chunks(CHUNK) {
        let rows = (0..chunk.len())
            .map(|k| format!("($1, ${n}, ${n})", n = k + 2))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO live_roll(poll, person, cast_by) VALUES {rows} \
             ON CONFLICT (poll, person) DO NOTHING RETURNING person"
        );
        let mut ps = vec![P::T(&casts[chunk[0]].poll)];
        ps.extend(chunk.iter().map(|&i| P::T(&casts[i].voter)));
        for r in tx.rows(&sql, &ps)? {
            on_roll.insert(r[0].text()?);
        }
    }
    let mut accepted = Vec::with_capacity(ready.len());
    for i in ready {
        let c = &casts[i];
        if on_roll.contains(&c.voter) {
            accepted.push(i);
            out[i] = Some(Ok(()));
        } else {
            out[i] = Some(Err(CastError::AlreadyVoted(c.voter.clone())));
        }
    }
    accepted.sort_by(|a, b| casts[*a].tracker.cmp(&casts[*b].tracker));
    for chunk in accepted.chunks(CHUNK) {
        let rows = (0..chunk.len())
            .map(|k| format!("($1, {})", marks(2 + 4 * k, 4)))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "INSERT INTO live_urn(poll, tracker, weight, ballot, owner) VALUES {rows} \
             ON CONFLICT (poll, tracker) DO NOTHING"
        );
        let mut ps = vec![P::T(&casts[chunk[0]].poll)];
        for &i in chunk {
            let c = &casts[i];
            ps.extend([
                P::T(&c.tracker),
                int(c.weight),
                P::T(&c.ballot),
                P::T(&c.owner),
            ]);
        }
        if tx.exec(&sql, &ps)? != chunk.len() as u64 {
            // Two random trackers alike: fail the batch (nothing of it is kept) rather
            // than leave a name on the roll without its ballot.
            return Err(Error::Database("two ballots drew the same tracker".into()));
        }
    }
    Ok(())
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

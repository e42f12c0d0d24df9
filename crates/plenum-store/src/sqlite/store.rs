//! [`Store`] for the SQLite store: the head, snapshots, the write path inside one
//! `BEGIN IMMEDIATE` transaction, scans, projection reads and shares, and the file's
//! own checks (`quick_check`, and the R*-tree against its rows).

use plenum_model::history::Writer;
use plenum_model::id::Seq;
use plenum_model::ledger::{RecordError, Recorded};
use plenum_model::rows::Table;
use plenum_model::statute::BookMemo;
use rusqlite::{Connection, TransactionBehavior};

use super::*;
use crate::digest::Digests;
use crate::{Error, Head, RowVisitor, Share, Snapshot, Store, StoredEntry, WriteError, Written};

impl Store for SqliteStore {
    fn head(&self) -> Result<Head, Error> {
        self.with_reader(read::head)
    }

    fn snapshot(&self) -> Result<Snapshot<'_>, Error> {
        Ok(Box::new(SqliteSnapshot::begin(self, self.take_reader()?)?))
    }

    fn transact(
        &self,
        expected: Option<Head>,
        recorded_at: &str,
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Written, WriteError> {
        let mut result: Option<Result<Written, WriteError>> = None;
        self.with_writer(|connection| {
            result = Some(transact(
                connection,
                &self.books,
                expected,
                recorded_at,
                write,
            ));
            Ok(())
        })?;
        result.unwrap_or_else(|| Err(Error::Database("the write did not run".into()).into()))
    }

    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<Head, Error> {
        self.with_reader(|c| {
            c.execute_batch("BEGIN").map_err(sql)?;
            let result = read::head(c).and_then(|head| read::scan(c, from, visit).map(|()| head));
            let _ = c.execute_batch("COMMIT");
            result
        })
    }

    fn projections(
        &self,
        tables: &[Table],
        visit: &mut RowVisitor<'_>,
    ) -> Result<(Head, Digests), Error> {
        self.with_reader(|c| {
            c.execute_batch("BEGIN").map_err(sql)?;
            let result = read::projections(c, tables, visit);
            let _ = c.execute_batch("COMMIT");
            result
        })
    }

    fn projection_share(
        &self,
        table: Table,
        share: Share,
        visit: &mut RowVisitor<'_>,
    ) -> Result<(Head, Digests), Error> {
        self.with_reader(|c| {
            c.execute_batch("BEGIN").map_err(sql)?;
            let result = read::projection_share(c, table, share, visit);
            let _ = c.execute_batch("COMMIT");
            result
        })
    }

    fn self_check(&self, deep: bool) -> Result<Vec<(String, String)>, Error> {
        self.with_reader(|c| {
            let mut problems = Vec::new();
            let pragma = if deep { "integrity_check" } else { "quick_check" };
            let mut statement = c.prepare(&format!("PRAGMA {pragma}")).map_err(sql)?;
            let rows = statement
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(sql)?;
            for row in rows {
                let row = row.map_err(sql)?;
                if row != "ok" {
                    problems.push(("file".to_owned(), row));
                }
            }
            // The seats' spatial index must hold exactly one entry per seat, matching it.
            let mismatched: i64 = c
                .query_row(
                    "SELECT (SELECT count(*) FROM seats s LEFT JOIN seat_spans r ON r.num = s.rowid \
                       LEFT JOIN organs o ON o.num = r.organ_lo \
                       WHERE r.num IS NULL OR o.ref IS NOT s.organ OR r.organ_hi != r.organ_lo OR r.lo != s.lo OR r.hi != s.hi) \
                     + (SELECT count(*) FROM seat_spans r LEFT JOIN seats s ON s.rowid = r.num WHERE s.rowid IS NULL)",
                    [],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            if mismatched > 0 {
                problems.push((
                    "seat_spans".to_owned(),
                    format!("{mismatched} entries of the seats' index disagree with the seats"),
                ));
            }
            let duplicated: i64 = c
                .query_row(
                    "SELECT count(*) FROM (SELECT ref FROM organs GROUP BY ref HAVING count(*) > 1)",
                    [],
                    |r| r.get(0),
                )
                .map_err(sql)?;
            if duplicated > 0 {
                problems.push(("organs".to_owned(), "an organ is numbered twice".to_owned()));
            }
            let head = read::head(c)?;
            let last = read::last_entry(c)?;
            match last {
                Some((seq, hash)) if seq == head.seq && hash == head.hash => {}
                None if head == Head::EMPTY => {}
                _ => problems.push((
                    "meta".to_owned(),
                    format!(
                        "the recorded head ({}) is not the last entry ({})",
                        head.seq,
                        last.map_or(0, |(s, _)| s.0)
                    ),
                )),
            }
            Ok(problems)
        })
    }
}

fn transact(
    connection: &mut Connection,
    books: &BookMemo,
    expected: Option<Head>,
    recorded_at: &str,
    write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
) -> Result<Written, WriteError> {
    // BEGIN IMMEDIATE takes the write lock now: the head cannot change under the batch.
    let transaction = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    let head = read::head(&transaction)?;
    // Never append to a ledger whose recorded head is not its last entry.
    let last = read::last_entry(&transaction)?;
    let consistent = match last {
        Some((seq, hash)) => seq == head.seq && hash == head.hash,
        None => head == Head::EMPTY,
    };
    if !consistent {
        return Err(Error::HeadMismatch {
            head: head.seq,
            last: last.map_or(Seq(0), |(seq, _)| seq),
        }
        .into());
    }
    if let Some(expected) = expected
        && expected != head
    {
        return Err(Error::Conflict {
            expected: expected.seq,
            actual: head.seq,
        }
        .into());
    }
    let digests = read::digests(&transaction)?;
    let mut tx = tx::SqliteTx::new(&transaction, books, recorded_at, head, digests);
    let recorded = write(&mut tx)?;
    tx.finish()?;
    let head = tx.head;
    drop(tx);
    // A crash before this line leaves nothing of the batch (the transaction
    // rolls back); after it, all of it (WAL, synchronous=FULL).
    transaction.commit().map_err(sql)?;
    Ok(Written { recorded, head })
}

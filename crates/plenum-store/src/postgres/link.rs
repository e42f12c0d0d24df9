//! A group's connection, which may be writing in the background.
//!
//! While one writer's batch is judged, the rows of the batches before it in its group
//! are written on the group's connection by a thread of the store's ([`Streamer`]), so
//! that the server inserts them while the client judges: on two cores, one works while
//! the other does. Whoever needs the connection next (a look-up the overlay cannot
//! answer, the group's last write and `COMMIT`) waits for that write first, so the
//! statements reach the server in the order they were made, as on one connection.

use std::sync::OnceLock;
use std::sync::mpsc::{self, Receiver, Sender};

use super::conn::Conn;
use crate::Error;

/// Work for the stream thread.
type Job = Box<dyn FnOnce() + Send>;

/// The thread that writes groups' rows in the background: one per store, started when
/// first needed, ending when the store is dropped.
#[derive(Default)]
pub(crate) struct Streamer {
    jobs: OnceLock<Sender<Job>>,
}

impl Streamer {
    /// Runs `job` on the stream thread (here, if that thread cannot be had).
    fn run(&self, job: Job) {
        let jobs = self.jobs.get_or_init(|| {
            let (send, receive) = mpsc::channel::<Job>();
            let started = std::thread::Builder::new()
                .name("plenum-pg-stream".into())
                .spawn(move || {
                    while let Ok(job) = receive.recv() {
                        job();
                    }
                });
            // Without the thread, the sender's receiver is gone and every job runs here.
            drop(started);
            send
        });
        if let Err(refused) = jobs.send(job) {
            (refused.0)();
        }
    }
}

/// A connection, or a write under way on it.
pub(crate) struct Link {
    state: State,
}

enum State {
    Idle(Conn),
    /// A write under way: the connection comes back with how the write ended.
    Writing(Receiver<(Conn, Result<(), Error>)>),
    /// The write under way failed, or its thread was lost: the transaction is lost.
    Failed(Option<Conn>, String),
}

impl Link {
    pub fn new(conn: Conn) -> Link {
        Link {
            state: State::Idle(conn),
        }
    }

    /// The connection, once any write under way on it has ended; the write's error if it
    /// failed (then and every time after: the transaction is lost).
    pub fn get(&mut self) -> Result<&mut Conn, Error> {
        self.settle();
        match &mut self.state {
            State::Idle(conn) => Ok(conn),
            State::Failed(_, why) => Err(Error::Database(why.clone())),
            State::Writing(_) => Err(Error::Database("a write did not settle".into())),
        }
    }

    /// Runs `write` with the connection on `streamer`'s thread, after any write under way;
    /// returns at once. Its error is the next [`Link::get`]'s.
    pub fn write_behind(
        &mut self,
        streamer: &Streamer,
        write: impl FnOnce(&mut Conn) -> Result<(), Error> + Send + 'static,
    ) {
        self.settle();
        let conn = match std::mem::replace(&mut self.state, State::Failed(None, String::new())) {
            State::Idle(conn) => conn,
            other => {
                self.state = other;
                return;
            }
        };
        let (send, receive) = mpsc::sync_channel(1);
        self.state = State::Writing(receive);
        streamer.run(Box::new(move || {
            let mut conn = conn;
            let written = write(&mut conn);
            let _ = send.send((conn, written));
        }));
    }

    /// The connection, once any write under way has ended, however it ended (to roll
    /// back or give back); `None` if it was lost with the stream thread.
    pub fn into_conn(mut self) -> Option<Conn> {
        self.settle();
        match self.state {
            State::Idle(conn) | State::Failed(Some(conn), _) => Some(conn),
            State::Failed(None, _) | State::Writing(_) => None,
        }
    }

    /// Waits for a write under way, and keeps how it ended.
    fn settle(&mut self) {
        let State::Writing(receive) = &self.state else {
            return;
        };
        self.state = match receive.recv() {
            Ok((conn, Ok(()))) => State::Idle(conn),
            Ok((conn, Err(e))) => State::Failed(Some(conn), e.to_string()),
            Err(_) => State::Failed(None, "the thread writing the group's rows was lost".into()),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postgres::conn::Plans;

    fn conn() -> Conn {
        Conn::connect(&plenum_dev::pg::server_url(), Plans::Default).expect("a connection")
    }

    #[test]
    fn writes_behind_run_in_order_and_reads_wait_for_them() {
        let streamer = Streamer::default();
        let mut link = Link::new(conn());
        link.get()
            .and_then(|c| c.batch("CREATE TEMP TABLE behind(n int)"))
            .expect("a table");
        for n in 0..20 {
            link.write_behind(&streamer, move |c| {
                c.execute("INSERT INTO behind VALUES ($1)", &[&n]).map(drop)
            });
        }
        let rows = link
            .get()
            .and_then(|c| c.query("SELECT array_agg(n ORDER BY n) FROM behind", &[]))
            .expect("the rows");
        let all: Vec<i32> = rows[0].get(0);
        assert_eq!(all, (0..20).collect::<Vec<i32>>());
    }

    #[test]
    fn a_failed_write_behind_fails_every_later_use() {
        let streamer = Streamer::default();
        let mut link = Link::new(conn());
        link.write_behind(&streamer, |c| c.batch("SELECT * FROM no_such_table"));
        let first = link.get().err().expect("the write's error");
        assert!(first.to_string().contains("no_such_table"), "{first}");
        // A later write is not run on a lost transaction, and the error stays.
        link.write_behind(&streamer, |c| c.batch("SELECT 1"));
        assert!(link.get().is_err());
        assert!(link.into_conn().is_some(), "the connection comes back");
    }
}

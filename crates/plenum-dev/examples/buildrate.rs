//! Quick build-rate probe: a synthetic organization, then one large batch.
use std::time::Instant;
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use plenum_model::event::kinds::{MemberAdmitted, OrganEstablished, PersonRegistered, SeatTaken};
use plenum_model::event::{Event, EventKind, Role, Status};

fn event(id: String, kind: EventKind) -> Event {
    Event {
        id: id.parse().unwrap(),
        date: "2026-11-30".parse().unwrap(),
        kind,
        sources: vec![],
        note: None,
    }
}

fn main() {
    let members: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let batch: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let events = plenum_dev::synthetic::organization(members, 1000, 1);
    let dir = tempfile::tempdir().unwrap();
    let store = plenum_store::sqlite::SqliteStore::create(&dir.path().join("l.db"), |_| {
        Ok::<(), plenum_store::Error>(())
    })
    .unwrap();
    let t = Instant::now();
    let chunk = events.len() / 100;
    for b in events.chunks(chunk) {
        plenum_store::record(&store, b, "2026-11-27T00:00:00Z").unwrap();
    }
    let e = t.elapsed();
    println!(
        "{} events in {:.1}s: {:.0} events/s",
        events.len(),
        e.as_secs_f64(),
        events.len() as f64 / e.as_secs_f64()
    );
    if batch > 0 {
        let mut big = Vec::new();
        for i in 0..batch {
            let person: plenum_model::id::PersonId = format!("b-{i}").parse().unwrap();
            big.push(event(
                format!("b-{i}-r"),
                EventKind::PersonRegistered(PersonRegistered {
                    person: person.clone(),
                    name: format!("B {i}"),
                    aliases: vec![],
                    born: None,
                }),
            ));
            big.push(event(
                format!("b-{i}-a"),
                EventKind::MemberAdmitted(MemberAdmitted {
                    person,
                    org: "org".parse().unwrap(),
                    status: Status::Full,
                }),
            ));
        }
        big.push(event(
            "asm".into(),
            EventKind::OrganEstablished(OrganEstablished {
                organ: "org/assembly".parse().unwrap(),
                name: "Assembly".into(),
                aliases: vec![],
                category: None,
            }),
        ));
        for i in 0..batch / 2 {
            big.push(event(
                format!("b-{i}-s"),
                EventKind::SeatTaken(SeatTaken {
                    person: format!("b-{i}").parse().unwrap(),
                    organ: "org/assembly".parse().unwrap(),
                    role: Role::Full,
                    cause: None,
                    by: None,
                    decision: None,
                }),
            ));
        }
        let t = Instant::now();
        plenum_store::record(&store, &big, "2026-11-27T00:00:00Z").unwrap();
        println!(
            "batch of {} events in {:.2}s",
            big.len(),
            t.elapsed().as_secs_f64()
        );
    }
}

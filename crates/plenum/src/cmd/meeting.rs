//! `plenum meeting`: a live meeting run from a terminal, on the same operations as
//! `plenum serve`'s API (convene, codes, attendance, proxies, polls, close, urn). Voting
//! itself is for the delegates, through the server.

use std::process::ExitCode;

use anyhow::bail;
use plenum_server::ApiError;
use plenum_server::live::secret::new_code;
use plenum_server::live::{Convene, Delegate, Live, NewPoll, meeting_error};
use serde::Serialize;

use crate::cli::Global;
use crate::{open, out, render};

/// Arguments of `plenum meeting`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
plenum meeting convene cc-2026 --organ party/cc --on 2026-12-20 --max-proxies 1\n  \
plenum meeting convene agm --organ nfaa/assembly --on 2027-03-06 --delegate ann:2 --delegate bob\n  \
plenum meeting codes cc-2026                  one-time check-in codes, printed once\n  \
plenum meeting attend cc-2026 kim             a teller checks Kim in (--absent: out)\n  \
plenum meeting poll cc-2026 pb --title \"Political Bureau\" --election --target party/politburo \\\n      \
--method meek --seats 5 --candidate kim --candidate pak\n  \
plenum meeting poll cc-2026 budget --title \"Adopt the budget\" --motion --split\n  \
plenum meeting open pb;  plenum meeting close pb;  plenum meeting urn pb --blt > pb.blt\n  \
plenum meeting show cc-2026;  plenum meeting adjourn cc-2026\n\n\
Convening records meeting_convened (the statute's notice is checked); closing a poll\n\
seals and publishes its urn, counts it and records the result (motion_decided or\n\
election_held, with the urn's digest). Delegates vote through `plenum serve`\n\
(POST /api/v1/polls/ID/ballots, or the meeting's page). See docs/meetings.md.")]
pub struct MeetingArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: MeetingAction,
}

/// The actions of `plenum meeting`.
#[derive(Debug, clap::Subcommand)]
pub enum MeetingAction {
    /// Convene a meeting of an organ: records meeting_convened and opens its roll.
    Convene {
        /// The meeting's id.
        id: String,
        /// The organ meeting (org/key).
        #[arg(long)]
        organ: String,
        /// The day it sits (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        on: String,
        /// Its name.
        #[arg(long)]
        name: Option<String>,
        /// A delegate (repeat): `person`, `person:weight`, or `person@org` to carry a vote
        /// for each full member of the organization `org` on the day, from the register;
        /// none: the organ's full members, one vote each.
        #[arg(long = "delegate", value_name = "PERSON[:WEIGHT|@ORG]")]
        delegates: Vec<String>,
        /// The most proxies one delegate may hold (the statute's limit if not given, else none).
        #[arg(long)]
        max_proxies: Option<u32>,
    },
    /// Attendance, quorum and polls of a meeting.
    Show {
        /// The meeting.
        id: String,
    },
    /// Print one-time check-in codes (every delegate's, or these persons').
    Codes {
        /// The meeting.
        id: String,
        /// Only these persons.
        persons: Vec<String>,
    },
    /// Check a delegate in (or out, with --absent), as a teller.
    Attend {
        /// The meeting.
        id: String,
        /// The delegate.
        person: String,
        /// Check out instead.
        #[arg(long)]
        absent: bool,
    },
    /// Record that GIVER gives their proxy to HOLDER.
    Proxy {
        /// The meeting.
        id: String,
        /// Who gives it.
        giver: String,
        /// Who holds it.
        holder: String,
    },
    /// Make a poll (a draft): a motion or an election.
    Poll {
        /// The meeting.
        meeting: String,
        /// The poll's id.
        id: String,
        /// What it asks.
        #[arg(long)]
        title: String,
        /// A motion: for, against, abstain.
        #[arg(long, conflicts_with = "election")]
        motion: bool,
        /// An election of candidates.
        #[arg(long)]
        election: bool,
        /// Motions: the kind of decision, for the statute's majority.
        #[arg(long)]
        category: Option<String>,
        /// Motions: weighted delegates may split their votes.
        #[arg(long)]
        split: bool,
        /// Elections: the organ or post filled (org/key).
        #[arg(long)]
        target: Option<String>,
        /// Elections: the counting method (`plenum count --help`; meek if not given).
        #[arg(long)]
        method: Option<String>,
        /// Elections: seats to fill.
        #[arg(long)]
        seats: Option<u32>,
        /// Elections: a candidate (repeat).
        #[arg(long = "candidate", value_name = "PERSON")]
        candidates: Vec<String>,
        /// A named (roll-call) ballot instead of a secret one.
        #[arg(long, conflicts_with = "secret")]
        named: bool,
        /// A secret ballot (the default, unless the statute makes votes named).
        #[arg(long)]
        secret: bool,
        /// Ballots may not be replaced.
        #[arg(long)]
        final_ballots: bool,
    },
    /// Add a candidate to a draft election.
    Nominate {
        /// The poll.
        poll: String,
        /// The candidate.
        person: String,
    },
    /// Open a poll for ballots.
    Open {
        /// The poll.
        poll: String,
    },
    /// Close a poll: seal and publish its urn, count it, record the result.
    Close {
        /// The poll.
        poll: String,
    },
    /// Print a closed poll's published urn (JSON with --json; BLT with --blt).
    Urn {
        /// The poll.
        poll: String,
        /// Print the BLT file alone (what `plenum count` reads).
        #[arg(long)]
        blt: bool,
    },
    /// End a meeting: records meeting_held.
    Adjourn {
        /// The meeting.
        id: String,
    },
}

/// An answer of the server's operations as an error with every detail.
fn failed(e: ApiError) -> anyhow::Error {
    match e {
        ApiError::Unprocessable(errors) => {
            let lines: Vec<String> = errors
                .iter()
                .map(|f| match &f.path {
                    Some(p) => format!("{p}: {}", f.message),
                    None => f.message.clone(),
                })
                .collect();
            anyhow::anyhow!("refused, nothing was changed:\n  {}", lines.join("\n  "))
        }
        ApiError::Internal(cause) => anyhow::anyhow!("{cause}"),
        other => anyhow::anyhow!("{other}"),
    }
}

fn print<T: Serialize>(
    global: &Global,
    value: &T,
    text: impl FnOnce() -> String,
) -> anyhow::Result<ExitCode> {
    if global.json {
        render::json(value)?;
    } else {
        out!("{}", text())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `plenum meeting`.
pub fn run(args: &MeetingArgs, global: &Global) -> anyhow::Result<ExitCode> {
    let now = super::now()?;
    let ledger = open::writable(&global.db)?;
    let meetings = ledger.meetings();
    meetings.prepare_meetings()?;
    let live = Live {
        store: &*ledger,
        meetings,
        now: &now,
    };
    match &args.action {
        MeetingAction::Convene {
            id,
            organ,
            on,
            name,
            delegates,
            max_proxies,
        } => {
            let mut list = Vec::new();
            for d in delegates {
                let delegate = if let Some((p, w)) = d.split_once(':') {
                    let Ok(w) = w.parse::<u64>() else {
                        bail!("--delegate {d}: the weight after `:` is a whole number");
                    };
                    Delegate {
                        person: p.to_owned(),
                        weight: Some(w),
                        represents: None,
                    }
                } else if let Some((p, org)) = d.split_once('@') {
                    Delegate {
                        person: p.to_owned(),
                        weight: None,
                        represents: Some(org.to_owned()),
                    }
                } else {
                    Delegate {
                        person: d.clone(),
                        ..Delegate::default()
                    }
                };
                list.push(delegate);
            }
            let convened = live
                .convene(&Convene {
                    id: id.clone(),
                    organ: organ.clone(),
                    name: name.clone(),
                    scheduled: on.clone(),
                    delegates: (!list.is_empty()).then_some(list),
                    max_proxies: *max_proxies,
                })
                .map_err(failed)?;
            print(global, &convened, || {
                let mut text = format!(
                    "meeting {id} convened for {on}: {} delegates (entry {})",
                    convened.delegates, convened.recorded.head
                );
                for f in &convened.recorded.findings {
                    text.push_str(&format!(
                        "\n  finding: {}",
                        f.get("message")
                            .and_then(|m| m.as_str())
                            .unwrap_or_default()
                    ));
                }
                text
            })
        }
        MeetingAction::Show { id } => {
            let view = live.view(id).map_err(failed)?;
            print(global, &view, || {
                let mut text = format!(
                    "{} ({}), sits {}: {} of {} present",
                    view.name, view.organ, view.scheduled, view.present, view.entitled
                );
                if let Some(q) = &view.quorum {
                    text.push_str(&format!(
                        "; quorum {}: {} needed, {}",
                        q.rule,
                        q.needed,
                        if q.met { "met" } else { "not met" }
                    ));
                }
                for p in &view.polls {
                    text.push_str(&format!(
                        "\n  poll {} ({}): {}, {} voted",
                        p.id, p.title, p.status, p.turnout
                    ));
                }
                text
            })
        }
        MeetingAction::Codes { id, persons } => {
            let persons = if persons.is_empty() {
                meetings
                    .delegates(id)?
                    .into_iter()
                    .map(|d| d.person)
                    .collect()
            } else {
                persons.clone()
            };
            let codes: std::collections::BTreeMap<String, String> =
                persons.into_iter().map(|p| (p, new_code())).collect();
            let hashes: Vec<(String, String)> = codes
                .iter()
                .map(|(p, c)| (p.clone(), plenum_server::auth::secret::secret_hash(c)))
                .collect();
            meetings
                .set_codes(id, &hashes)
                .map_err(|e| failed(meeting_error(e)))?;
            print(global, &codes, || {
                codes
                    .iter()
                    .map(|(p, c)| format!("{p}\t{c}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        MeetingAction::Attend { id, person, absent } => {
            meetings
                .attend(id, person, !absent, None)
                .map_err(|e| failed(meeting_error(e)))?;
            let view = live.view(id).map_err(failed)?;
            print(global, &view, || {
                format!(
                    "{person} is {}; {} of {} present",
                    if *absent { "out" } else { "in" },
                    view.present,
                    view.entitled
                )
            })
        }
        MeetingAction::Proxy { id, giver, holder } => {
            meetings
                .add_proxy(id, giver, holder)
                .map_err(|e| failed(meeting_error(e)))?;
            print(
                global,
                &serde_json::json!({"giver": giver, "holder": holder}),
                || format!("{giver}'s proxy is with {holder}"),
            )
        }
        MeetingAction::Poll {
            meeting,
            id,
            title,
            motion,
            election,
            category,
            split,
            target,
            method,
            seats,
            candidates,
            named,
            secret,
            final_ballots,
        } => {
            if motion == election {
                bail!("say --motion or --election");
            }
            let poll = live
                .add_poll(
                    meeting,
                    &NewPoll {
                        id: id.clone(),
                        title: title.clone(),
                        kind: if *motion { "motion" } else { "election" }.into(),
                        category: category.clone(),
                        split: *split,
                        target: target.clone(),
                        method: method.clone(),
                        seats: *seats,
                        candidates: candidates.clone(),
                        secret: match (named, secret) {
                            (true, _) => Some(false),
                            (_, true) => Some(true),
                            _ => None,
                        },
                        replaceable: !final_ballots,
                    },
                )
                .map_err(failed)?;
            print(global, &poll, || {
                format!("poll {id} made (a draft): {title}")
            })
        }
        MeetingAction::Nominate { poll, person } => {
            let view = live.nominate(poll, person).map_err(failed)?;
            print(global, &view, || format!("{person} nominated in {poll}"))
        }
        MeetingAction::Open { poll } => {
            let view = live.open(poll).map_err(failed)?;
            print(global, &view, || format!("poll {poll} is open"))
        }
        MeetingAction::Close { poll } => {
            let closed = live.close(poll).map_err(failed)?;
            print(global, &closed, || {
                format!(
                    "poll {poll} closed: {} ballots from {} names on the roll; urn digest {}; result recorded as entry {}",
                    closed.ballots, closed.roll, closed.urn_digest, closed.recorded.head
                )
            })
        }
        MeetingAction::Urn { poll, blt } => {
            let urn = live.urn(poll).map_err(failed)?;
            if *blt {
                out!("{}", urn.blt.trim_end())?;
                return Ok(ExitCode::SUCCESS);
            }
            print(global, &urn, || {
                let mut text = format!(
                    "{}: {} ballots, {} names on the roll; digest {}",
                    urn.title,
                    urn.ballots.len(),
                    urn.roll.len(),
                    urn.digest
                );
                for b in &urn.ballots {
                    text.push_str(&format!("\n  {}  {}  {}", b.tracker, b.weight, b.ballot));
                }
                text
            })
        }
        MeetingAction::Adjourn { id } => {
            let report = live.adjourn(id).map_err(failed)?;
            print(global, &report, || {
                format!("meeting {id} adjourned (entry {})", report.head)
            })
        }
    }
}

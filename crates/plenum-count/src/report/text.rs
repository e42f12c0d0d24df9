//! The human report: a result sheet in the layout of an official declaration, candidates down
//! the side and stages across, then what each stage did, the ties and the result.

use std::fmt::Write as _;

use super::{action_label, method_title, names, stage_labels};
use crate::{Action, CandidateId, Election, IterationEnd, Outcome, TieBreak, Value};

/// The widest a name column grows; longer names are cut with an ellipsis.
const NAME_WIDTH: usize = 36;

/// The result sheet of `outcome`, a count of `election`.
pub fn text(election: &Election, outcome: &Outcome) -> String {
    let mut out = String::new();
    let title = election
        .title()
        .map(|title| format!(": {title}"))
        .unwrap_or_default();
    let _ = writeln!(out, "{}{title}", method_title(outcome.method));
    let mut facts = vec![
        format!("seats {}", outcome.seats),
        format!("valid ballots {}", outcome.valid),
        format!("invalid {}", outcome.invalid),
    ];
    if let Some(quota) = outcome.stages.first().and_then(|stage| stage.quota) {
        facts.push(format!("quota {quota}"));
    }
    facts.push(format!("seed {}", outcome.seed));
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    sheet(&mut out, election, outcome);
    out.push('\n');
    actions(&mut out, election, outcome);
    if let Some(keep) = outcome.stages.last().and_then(|stage| stage.keep.as_ref()) {
        let kept: Vec<String> = outcome
            .elected
            .iter()
            .map(|&c| format!("{} {}", short(election, c), keep[c.index()]))
            .collect();
        let _ = writeln!(
            out,
            "\nKeep values of the elected at the end: {}",
            kept.join("; ")
        );
    }
    if let Some(condorcet) = &outcome.condorcet {
        out.push('\n');
        matrix(
            &mut out,
            election,
            "Pairwise: ballots ranking the row above the column",
            &condorcet.pairwise,
        );
        if let Some(strongest) = &condorcet.strongest {
            out.push('\n');
            matrix(
                &mut out,
                election,
                "Strongest paths from the row to the column",
                strongest,
            );
        }
        if !condorcet.locked.is_empty() {
            let pairs: Vec<String> = condorcet
                .locked
                .iter()
                .map(|&(a, b)| format!("{} > {}", short(election, a), short(election, b)))
                .collect();
            let _ = writeln!(out, "\nLocked, in order: {}", pairs.join("; "));
        }
        let winner = condorcet.winner.map_or("none".to_owned(), |c| {
            election.candidate(c).name().to_owned()
        });
        let _ = writeln!(out, "Condorcet winner: {winner}");
    }
    if !outcome.ties.is_empty() {
        let labels = stage_labels(outcome);
        let label = |index: usize| {
            labels
                .get(index.wrapping_sub(1))
                .cloned()
                .unwrap_or_else(|| index.to_string())
        };
        out.push_str("\nTies\n");
        for tie in &outcome.ties {
            let how = match tie.by {
                TieBreak::EarlierStage(stage) => format!("by the votes at stage {}", label(stage)),
                TieBreak::MoreVotes => "by more votes".to_owned(),
                TieBreak::Lot => format!("by lot (seed {})", outcome.seed),
            };
            let _ = writeln!(
                out,
                "  stage {}, {}: {} tied; {} chosen {how}",
                label(tie.stage),
                tie.purpose,
                names(election, &tie.among),
                names(election, &tie.chosen)
            );
        }
    }
    out.push_str("\nElected, in order of election\n");
    for (place, &c) in outcome.elected.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", place + 1, election.candidate(c).name());
    }
    out
}

fn short(election: &Election, c: CandidateId) -> String {
    let name = election.candidate(c).name();
    if name.chars().count() <= NAME_WIDTH {
        return name.to_owned();
    }
    let mut cut: String = name.chars().take(NAME_WIDTH - 1).collect();
    cut.push('…');
    cut
}

/// Pads `text` to `width` characters, on the left when `right` is set.
fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.chars().count()));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

/// The candidates-by-stages table.
fn sheet(out: &mut String, election: &Election, outcome: &Outcome) {
    let labels = stage_labels(outcome);
    let n = election.candidates().len();
    let mut status: Vec<&str> = vec![""; n];
    let mut gone_after: Vec<Option<usize>> = vec![None; n];
    for (index, stage) in outcome.stages.iter().enumerate() {
        for &c in &stage.excluded {
            gone_after[c.index()].get_or_insert(index);
            status[c.index()] = "excluded";
        }
    }
    for &c in &outcome.elected {
        status[c.index()] = "elected";
    }
    for (index, candidate) in election.candidates().iter().enumerate() {
        if candidate.is_withdrawn() {
            status[index] = "withdrawn";
        }
    }
    let name_width = (0..n)
        .map(|c| short(election, CandidateId::at(c)).chars().count())
        .chain([16])
        .max()
        .unwrap_or(16);
    let cell = |value: Value| value.to_string();
    let width = outcome
        .stages
        .iter()
        .flat_map(|stage| {
            stage
                .votes
                .iter()
                .copied()
                .chain([stage.non_transferable, stage.residue])
        })
        .map(|value| cell(value).len())
        .chain([7])
        .max()
        .unwrap_or(7);
    let mut line = pad("Stage", name_width, false);
    for label in &labels {
        line.push_str("  ");
        line.push_str(&pad(label, width, true));
    }
    let _ = writeln!(out, "{}", line.trim_end());
    let mut line = pad("", name_width, false);
    for stage in &outcome.stages {
        line.push_str("  ");
        line.push_str(&pad(action_label(&stage.action), width, true));
    }
    let _ = writeln!(out, "{}", line.trim_end());
    for index in 0..n {
        let c = CandidateId::at(index);
        let mut line = pad(&short(election, c), name_width, false);
        for (stage_index, stage) in outcome.stages.iter().enumerate() {
            let gone = gone_after[index].is_some_and(|after| stage_index > after)
                || status[index] == "withdrawn";
            let text = if gone {
                "-".to_owned()
            } else {
                cell(stage.votes[index])
            };
            line.push_str("  ");
            line.push_str(&pad(&text, width, true));
        }
        let won = outcome.seats_won(c);
        let mark = match (status[index], won) {
            ("elected", 1) if outcome.method.is_party_list() => "  1 seat".to_owned(),
            ("elected", won) if won > 1 => format!("  {won} seats"),
            ("elected", _) => "  elected".to_owned(),
            (other, _) if !other.is_empty() => format!("  {other}"),
            _ => String::new(),
        };
        let _ = writeln!(out, "{line}{mark}");
    }
    let stv_like = outcome.stages.iter().any(|stage| stage.quota.is_some());
    if stv_like
        || outcome
            .stages
            .iter()
            .any(|stage| !stage.non_transferable.is_zero())
    {
        row(
            out,
            "Non-transferable",
            name_width,
            width,
            outcome.stages.iter().map(|s| cell(s.non_transferable)),
        );
    }
    if outcome.stages.iter().any(|stage| !stage.residue.is_zero()) {
        row(
            out,
            "Residue (rounding)",
            name_width,
            width,
            outcome.stages.iter().map(|s| cell(s.residue)),
        );
    }
    if stv_like {
        let totals = outcome.stages.iter().map(|stage| {
            let sum: u64 = stage.votes.iter().map(|v| v.raw()).sum::<u64>()
                + stage.non_transferable.raw()
                + stage.residue.raw();
            cell(Value::new(sum, stage.non_transferable.decimals()))
        });
        row(out, "Total", name_width, width, totals);
        row(
            out,
            "Quota",
            name_width,
            width,
            outcome
                .stages
                .iter()
                .map(|s| s.quota.map(cell).unwrap_or_default()),
        );
    }
}

fn row(
    out: &mut String,
    title: &str,
    name_width: usize,
    width: usize,
    cells: impl Iterator<Item = String>,
) {
    let mut line = pad(title, name_width, false);
    for text in cells {
        line.push_str("  ");
        line.push_str(&pad(&text, width, true));
    }
    let _ = writeln!(out, "{}", line.trim_end());
}

/// What each stage did, in words.
fn actions(out: &mut String, election: &Election, outcome: &Outcome) {
    let labels = stage_labels(outcome);
    for (stage, label) in outcome.stages.iter().zip(&labels) {
        let what = match &stage.action {
            Action::Count => match outcome.method {
                crate::Method::Approval | crate::Method::Sav => "approvals counted".to_owned(),
                crate::Method::Block => "votes counted".to_owned(),
                crate::Method::Points => "points counted".to_owned(),
                method if method.is_party_list() => {
                    "votes counted (later columns: quotients or remainders)".to_owned()
                }
                _ => "first preferences counted".to_owned(),
            },
            Action::Surplus { candidate, surplus } => {
                format!(
                    "surplus of {} ({surplus}) transferred",
                    election.candidate(*candidate).name()
                )
            }
            Action::Exclusion {
                candidates,
                part: None,
            } => format!("{} excluded", names(election, candidates)),
            Action::Exclusion {
                candidates,
                part: Some((value, part, of)),
            } => {
                format!(
                    "{} excluded: part {part} of {of}, ballots of value {value}",
                    names(election, candidates)
                )
            }
            Action::Iteration { iterations, ended } => {
                let why = match ended {
                    IterationEnd::Elected => "a candidate reached the quota",
                    IterationEnd::Converged => "surplus below omega",
                    IterationEnd::Stable => "surplus stable",
                };
                format!("{iterations} iterations ({why})")
            }
            Action::RunOff { candidates } => {
                format!("run-off between {}", names(election, candidates))
            }
            Action::Seat { party } => format!("seat to {}", election.candidate(*party).name()),
            Action::Pairwise => "pairwise comparisons (column: candidates beaten)".to_owned(),
        };
        let mut line = format!("  {label}. {what}");
        if !stage.elected.is_empty() && !matches!(stage.action, Action::Seat { .. }) {
            let _ = write!(line, "; elected: {}", names(election, &stage.elected));
        }
        let excluded_here = !matches!(stage.action, Action::Exclusion { .. });
        if excluded_here && !stage.excluded.is_empty() {
            let _ = write!(line, "; excluded: {}", names(election, &stage.excluded));
        }
        let _ = writeln!(out, "{line}");
    }
}

/// A candidate-by-candidate matrix of whole numbers.
fn matrix(out: &mut String, election: &Election, title: &str, cells: &[Vec<u64>]) {
    let standing: Vec<CandidateId> = election.standing().collect();
    let width = cells
        .iter()
        .flatten()
        .map(|v| v.to_string().len())
        .chain([3])
        .max()
        .unwrap_or(3);
    let name_width = standing
        .iter()
        .map(|&c| short(election, c).chars().count())
        .max()
        .unwrap_or(1);
    let _ = writeln!(out, "{title}");
    let mut line = pad("", name_width, false);
    for position in 1..=standing.len() {
        line.push_str("  ");
        line.push_str(&pad(&format!("#{position}"), width, true));
    }
    let _ = writeln!(out, "{line}");
    for (row_position, &a) in standing.iter().enumerate() {
        let mut line = pad(&short(election, a), name_width, false);
        for &b in &standing {
            let text = if a == b {
                "-".to_owned()
            } else {
                cells[a.index()][b.index()].to_string()
            };
            line.push_str("  ");
            line.push_str(&pad(&text, width, true));
        }
        let _ = writeln!(out, "{line}  #{}", row_position + 1);
    }
}

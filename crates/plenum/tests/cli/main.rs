//! Tests that run the real `plenum` binary; one test binary for the whole CLI.

mod access;
mod backup;
mod bad_input;
mod cadence;
mod clock;
mod count;
mod damage;
mod evidence;
mod historian;
mod ledger;
mod limits;
mod meeting;
mod member_rules;
mod members;
mod messages;
mod nominal;
mod outside;
mod popolo;
mod positions;
mod procedures;
mod rules;
mod stat_meetings;
mod statute;
mod support;
mod tamper;
mod wpk;

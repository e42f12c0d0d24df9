//! Organs and posts outside a statute; meetings, speeches, motions, elections.

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{EventId, Key, MeetingId, OrgId, OrganRef, PersonId, PostRef};

body!(
    /// An organ not defined by any recorded statute (of a predecessor, a front, a state).
    OrganEstablished {
        /// The organ.
        organ: OrganRef,
        /// Its name.
        name: String,
        /// Other names.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What kind of body.
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A post not defined by any recorded statute, such as a state ministry.
    PostEstablished {
        /// The post.
        post: PostRef,
        /// Its title.
        name: String,
        /// Other titles.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Party or state.
        scope: Scope = (default),
        /// How many may hold it at once: a number, or `"several"` (no number given).
        holders: Option<Holders> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A meeting was called; the event's date is when notice was given.
    MeetingConvened {
        /// The meeting.
        meeting: MeetingId,
        /// The organ meeting.
        organ: OrganRef,
        /// Other organs meeting jointly with it.
        joint_with: Vec<OrganRef> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Its name ("Second Congress", "August plenum").
        name: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Its ordinal number (the 2 of "Second Congress").
        number: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// The date it was called for.
        scheduled: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// What kind of meeting (`ordinary`, `extraordinary`, ...), as the statute's
        /// `[[version.organ.meeting]]` names it, for the notice that kind needs.
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The organ that convened it, if the record says.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The post whose holder convened it ("on the call of the Chair"), if the record says.
        by_post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who convened it, if the record says: judged against the posts
        /// the statute lets convene it, as held on the day.
        by_person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// How many members requested it (a requisition), if it was called at their request.
        requested_by: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// How many constituencies (districts, branches) the requesting members belong
        /// to, if the record says: judged against `convened_by.from_constituencies`.
        requested_from: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// The subordinate organizations that requested it, if it was called at their
        /// request: judged against `convened_by.organizations`.
        requested_by_organizations: Vec<OrgId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The posts whose holders the request was sent to, if the record says (`[]`:
        /// to none): judged against `convened_by.notify`.
        notified: Option<Vec<PostRef>> = (default, skip_serializing_if = "Option::is_none"),
        /// The record date fixed for it (who is entitled to notice and to vote), if the
        /// record says: judged against the organ's `record_date`.
        record_date: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// The post whose holder sent the notice ("the Secretary will give notice"), if
        /// the record says: judged against the organ's `notice_by`.
        noticed_by_post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who sent the notice, if the record says: judged against the
        /// posts of the organ's `notice_by`, as held on the day.
        noticed_by_person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// The business the notice states, as the categories of the decisions it
        /// announces (`admission`, `removal`, `election` for an election), if the
        /// record says: judged where a kind of meeting transacts only the business
        /// noticed (`business = "noticed"`).
        business: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The decision that fixed the number of delegates to it and the procedure of
        /// their election (a `motion_decided` recorded before), if the record says:
        /// judged against the organ's `delegates.set_by`.
        delegates_decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The decision approving `delegates_decision`, if the record says: judged
        /// against the organ's `delegates.approved_by`.
        delegates_approval: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A meeting took place; the event's date is when (an interval for several days).
    MeetingHeld {
        /// The meeting (convened before, or introduced here).
        meeting: MeetingId,
        /// The organ meeting; required unless the meeting was convened before.
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// Other organs meeting jointly with it.
        joint_with: Vec<OrganRef> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Its name.
        name: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Its ordinal number.
        number: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Members present.
        present: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Members entitled to attend, if the record says; otherwise the organ's full seats.
        entitled: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Persons the record names as absent: judged against the statute's `attends`.
        absent: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What shows the sitting, when the record does not call it a meeting of the organ
        /// (`speech`, `minutes`, `decision`, `report`); absent: a regular record.
        evidence: Option<Evidence> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether every member entitled to notice who was not given it in time waived
        /// it (in writing, or as the statute allows); judged where the statute allows
        /// waivers (`waiver`).
        notice_waived: bool = (default, skip_serializing_if = "is_false"),
        /// The votes the delegates of each constituency were entitled to at it
        /// ("the number of votes to which all properly seated delegates from the
        /// Legislative District ... were entitled"), if the record says: the weights of
        /// another organ's votes (`weighted`).
        constituency_votes: std::collections::BTreeMap<Key, u64> = (default, skip_serializing_if = "std::collections::BTreeMap::is_empty"),
        /// The decision approving that it is held off its schedule (brought forward or
        /// postponed), where the record says: judged against the organ's
        /// `off_schedule`.
        approval: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// Someone spoke at a meeting.
    SpeechGiven {
        /// The meeting.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The speaker.
        person: PersonId,
        /// What the speech said, in a sentence.
        summary: String,
    }
);

body!(
    /// A meeting (or organ) decided a motion.
    MotionDecided {
        /// The meeting that decided it.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The deciding organ, when no meeting is recorded.
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// What was decided.
        text: String,
        /// The kind of decision, matched against the statute's majorities (`expulsion`, `statute`, ...).
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Who moved it.
        moved_by: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Whom it concerns.
        subjects: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The votes, if counted.
        votes: Option<Votes> = (default, skip_serializing_if = "Option::is_none"),
        /// Members present, if known and not recorded on the meeting.
        present: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// The outcome.
        outcome: Outcome,
        /// Ballots in the urn of the live poll that decided it (equal to the names on its roll).
        ballots: Option<u64> = (default, skip_serializing_if = "Option::is_none"),
        /// The BLAKE3 digest (hex) of the live poll's published urn, its BLT file.
        urn: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Decided without a meeting by a written ballot sent to every member entitled
        /// to vote (`votes` are the ballots returned), not by written consent; judged
        /// by the organ's `without_meeting.ballot`.
        written_ballot: bool = (default, skip_serializing_if = "is_false"),
        /// The articles of the statute it sets aside, if it does (an emergency's
        /// "compliance is impracticable"): judged against `[[version.suspension]]`.
        suspends: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Until when they are set aside, if the decision says (otherwise until set
        /// aside decisions end, indefinitely).
        suspends_until: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// Of the `votes`, how many were cast by proxy, if the record says: judged
        /// against the organ's `voting.proxies`.
        by_proxy: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// How the votes were cast (`secret`, `open`, `acclamation`), if the record
        /// says: judged against the organ's `voting.secret`.
        ballot: Option<Ballot> = (default, skip_serializing_if = "Option::is_none"),
        /// The organization the decision concerns, where an organ of another one
        /// takes it ("the Party committee at the next level up shall issue a decision
        /// to declare the election invalid"): its `category` is judged by that
        /// organization's statute or template (`[[version.subordinate.power]]`, whose
        /// `parent:KEY` names the organ one level up from it). Without it, the
        /// decision concerns the deciding organ's organization.
        concerns: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// The earlier decision (a `motion_decided`) this one revises, annuls or
        /// overrules, if the record says: judged against the organs' `led_by` and the
        /// version's `[version.leadership]` (an organ may not revise a decision of an
        /// organ that leads it).
        revises: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An election filled an organ or a post.
    ///
    /// For an organ, the elected take seats (full, then alternate); unless
    /// `replaces` is false, every seat of that organ not renewed ends.
    /// For a post, the first elected takes it and any previous holder leaves.
    ElectionHeld {
        /// The meeting that elected.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The electing organ, when no meeting is recorded.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The organ filled.
        organ: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The post filled.
        post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The counting method (a `plenum count` method name), if known.
        method: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Seats to fill, if stated (full seats; with `alternate_seats`, the number set
        /// for the election: judged against the organ's `seats_set`).
        seats: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Alternate seats to fill, if stated.
        alternate_seats: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// The decision that set the number of seats, where the record says: judged
        /// against the organ's `seats_set`.
        seats_decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Elected to full seats (or to the post), in order of election.
        elected: Vec<PersonId>,
        /// Elected to alternate seats.
        alternates: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The votes each candidate received, if published.
        tally: Vec<TallyRow> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Whether the election renews the whole organ (default true).
        replaces: bool = (default = "yes", skip_serializing_if = "is_true"),
        /// Members present when it was held, if known and not recorded on the meeting
        /// (judged against the electing organ's quorum).
        present: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
        /// Ballots in the urn of the live poll that decided it (equal to the names on its roll).
        ballots: Option<u64> = (default, skip_serializing_if = "Option::is_none"),
        /// The BLAKE3 digest (hex) of the live poll's published urn, its BLT file.
        urn: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// How the votes were cast (`secret`, `open`, `acclamation`), if the record
        /// says: judged against the electing organ's `voting.secret`.
        ballot: Option<Ballot> = (default, skip_serializing_if = "Option::is_none"),
        /// The nominating organ's decision, where the statute requires a nomination.
        nomination: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Who nominated each candidate, where the record says and the statute lets any
        /// one member nominate (`nominations`).
        nominators: Vec<Nominee> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Those elected (full or alternate) who hold the seat or post in name only:
        /// figureheads, real control lying elsewhere.
        nominal: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The constituency whose delegates elected (`constituency_assigned`), where the
        /// statute gives the organ's seats to constituencies: an election with
        /// `replaces` renews only the seats of that constituency's holders.
        constituency: Option<Key> = (default, skip_serializing_if = "Option::is_none"),
        /// How many of the voters voted by proxy, if the record says: judged against
        /// the electing organ's `voting.proxies`.
        by_proxy: Option<u32> = (default, skip_serializing_if = "Option::is_none"),
    }
);

//! Seats, counted seats, membership figures, posts, statutes, and retractions.

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{EventId, FactionId, MeetingId, OrgId, OrganRef, PersonId, PostRef};

body!(
    /// A person took a seat on an organ (ending any alternate seat there when taking a full one).
    SeatTaken {
        /// The person.
        person: PersonId,
        /// The organ.
        organ: OrganRef,
        /// Full or alternate.
        role: Role = (default, skip_serializing_if = "is_full"),
        /// How.
        cause: Option<TakeCause> = (default, skip_serializing_if = "Option::is_none"),
        /// The organ that elected or appointed them.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The post whose holder appointed them, where the statute gives the appointment to a post.
        by_post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who appointed them, judged against who held that post on the day.
        by_person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The nominating organ's decision, where the statute requires a nomination.
        nomination: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who nominated them, where the record says and the statute lets any
        /// one member nominate (`nominations`).
        nominated_by_person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// A figurehead: the holder sits in name, real control lies elsewhere.
        nominal: bool = (default, skip_serializing_if = "is_false"),
        /// The person whose seat on the organ this one fills, if the record says (a
        /// vacancy): judged against the organ's `co_option`.
        vacancy_of: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person's seat on an organ ended.
    SeatVacated {
        /// The person.
        person: PersonId,
        /// The organ.
        organ: OrganRef,
        /// Why.
        cause: Option<EndCause> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// For a resignation: the day the holder gave written notice of it, where the
        /// record says (the event's date is the day it took effect).
        notice_given: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// For a resignation: the later day the notice itself names for it to take
        /// effect ("unless the notice specifies a later time"), if it names one.
        notice_effective: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// The record gives a number of seats without names ("the Yanan faction had 6").
    ///
    /// With a faction, `count` is that faction's seats; without, the organ's
    /// total. Named seats count towards it: only the shortfall is unnamed.
    /// It holds until `until`, the next election of the organ, or the next count.
    SeatsCounted {
        /// The organ.
        organ: OrganRef,
        /// Full or alternate seats.
        role: Role = (default, skip_serializing_if = "is_full"),
        /// The faction counted, or none for the total.
        faction: Option<FactionId> = (default, skip_serializing_if = "Option::is_none"),
        /// How many seats.
        count: u32,
        /// Until when the count holds, if the record says.
        until: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// The record gives a membership figure for an organization.
    MembersCounted {
        /// The organization.
        org: OrgId,
        /// How many members.
        count: u64,
        /// Whether the figure is a lower bound ("more than 170,000").
        at_least: bool = (default, skip_serializing_if = "is_false"),
        /// Part of the figure that came from another organization (a merger's contribution).
        from: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person took a post; a previous holder beyond the post's limit leaves.
    PostAssigned {
        /// The person.
        person: PersonId,
        /// The post.
        post: PostRef,
        /// The organ that elected or appointed them.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The post whose holder appointed them, where the statute gives the appointment to a post.
        by_post: Option<PostRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who appointed them, judged against who held that post on the day.
        by_person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The nominating organ's decision, where the statute requires a nomination.
        nomination: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The person who nominated them, where the record says and the statute lets any
        /// one member nominate (`nominations`).
        nominated_by_person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether acting rather than substantive.
        acting: bool = (default, skip_serializing_if = "is_false"),
        /// A figurehead: the holder holds the post in name, real control lies elsewhere.
        nominal: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A person left a post.
    PostVacated {
        /// The person.
        person: PersonId,
        /// The post.
        post: PostRef,
        /// Why.
        cause: Option<EndCause> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A statute (or an amendment) was adopted: the TOML text of a statute document.
    StatuteAdopted {
        /// The statute document, as `plenum init --statute` reads it.
        text: String,
        /// The meeting that adopted it.
        meeting: Option<MeetingId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it (an amendment judged like any decision).
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// When the proposed text was sent to those entitled to notice of it, if the
        /// record says: judged against `[version.amendment] notice`.
        proposed: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// When the proposed amendment was received (submitted to whoever receives
        /// proposals), if the record says: judged against `[version.amendment] late`.
        received: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A correction: an earlier event is withdrawn from the record.
    EventRetracted {
        /// The event withdrawn.
        target: EventId,
        /// Why.
        reason: String,
    }
);

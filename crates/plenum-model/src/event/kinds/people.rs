//! Persons, memberships, discipline and repression, factions.

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{EventId, FactionId, Key, OrgId, OrganRef, PersonId};

body!(
    /// A person entered the record. The date is when the sources first mention them.
    PersonRegistered {
        /// The person.
        person: PersonId,
        /// The name the record uses.
        name: String,
        /// Other names and romanizations.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// When they were born, if the sources say.
        born: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was admitted to an organization.
    MemberAdmitted {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// Candidate or full member.
        status: Status = (default),
        /// The membership class, of those the statute declares (`[[version.membership.class]]`).
        class: Option<Key> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that admitted them, where the statute says which organ admits.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The members who recommended them, where the statute asks for sponsors.
        sponsors: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The conditions of admission the record shows met (`membership.conditions`),
        /// in the statute's words; absent where the record does not say.
        conditions_met: Option<Vec<String>> = (default, skip_serializing_if = "Option::is_none"),
        /// The ground of the act, where a discipline rule is scoped by one (`ground` on
        /// `[[version.discipline]]`): `serious-criminal-violation`, `exceptional-circumstances`.
        ground: Option<Key> = (default, skip_serializing_if = "Option::is_none"),
        /// The unit the new member joins (a branch, a local: an organization under
        /// `org`), where the record says; judged by the statute's `membership.unit`.
        unit: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A candidate member became a full member.
    MemberPromoted {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that granted full membership, where the statute says which organ grants it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The conditions of admission the record shows met (`membership.conditions`),
        /// in the statute's words; absent where the record does not say.
        conditions_met: Option<Vec<String>> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A member's membership was suspended.
    MemberSuspended {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The trial (`person_tried`) that imposed it, where the statute requires one.
        trial: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A member was expelled; every seat and post they held in the organization ends.
    MemberExpelled {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion of another organ that referred it to the deciding one, where the
        /// statute requires one (`referral` on the discipline rule).
        referral: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The stated reason.
        reason: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The trial (`person_tried`) that imposed it, where the statute requires one.
        trial: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The ground of the act, where a discipline rule is scoped by one (`ground` on
        /// `[[version.discipline]]`): `serious-criminal-violation`, `exceptional-circumstances`.
        ground: Option<Key> = (default, skip_serializing_if = "Option::is_none"),
        /// Others expelled with them, counted but not named.
        others: Option<Others> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether they stay aligned with (and leaders of) factions of the organization;
        /// otherwise those alignments and leaderships end.
        factions_kept: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A suspended or expelled member was restored to membership.
    MemberReinstated {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A member left of their own accord.
    MemberResigned {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that announced the withdrawal, where the statute says which organ does.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The day the member gave written notice of resignation, where the record
        /// says; the event's date is the day the resignation took effect.
        notice_given: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that urged (asked) the member to withdraw, where the member left
        /// on being urged to: judged by the statute's `urged-withdrawal` rules.
        urged: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was officially pardoned or rehabilitated (possibly after death).
    PersonRehabilitated {
        /// The person.
        person: PersonId,
        /// The organization that rehabilitated them.
        org: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether membership is restored too.
        reinstated: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A person died; every seat and post they held ends.
    PersonDied {
        /// The person.
        person: PersonId,
        /// How: `executed`, `suicide`, `in prison`, ...
        cause: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Others who died with them, counted but not named.
        others: Option<Others> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was arrested.
    PersonArrested {
        /// The person.
        person: PersonId,
        /// By whom.
        by: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The charges.
        charges: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Others arrested with them, counted but not named.
        others: Option<Others> = (default, skip_serializing_if = "Option::is_none"),
        /// When they were released, if the record says (on or after the arrest).
        released: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was put on trial.
    PersonTried {
        /// The person.
        person: PersonId,
        /// The charges.
        charges: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The sentence, if any.
        sentence: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether it was a show trial.
        show_trial: bool = (default, skip_serializing_if = "is_false"),
        /// The trial body, where the statute's `[version.trials]` says who tries
        /// (`tried_by`): an organ of the organization.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The `charges_filed` event it tried, if recorded.
        filed: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// When the decision was rendered, if not on the day the trial ended (the
        /// event's date); judged against `[version.trials] decision.within`.
        decided: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// Others tried with them, counted but not named.
        others: Option<Others> = (default, skip_serializing_if = "Option::is_none"),
        /// The members of the trial body who took part in the case, if the record
        /// names them: judged against `[version.trials] recusal`.
        judges: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The acting chair of the trial body for this case, and who appointed them:
        /// judged against `[version.trials] acting_chair`.
        acting_chair: Option<ActingChair> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person was driven from power in an organization: every seat and post they held there ends.
    PersonPurged {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it, if any.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The stated accusation.
        reason: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Others purged with them, counted but not named.
        others: Option<Others> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether they stay aligned with (and leaders of) factions of the organization;
        /// otherwise those alignments and leaderships end.
        factions_kept: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A person fled or was forced abroad.
    PersonFled {
        /// The person.
        person: PersonId,
        /// Where to.
        to: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether they were forced out rather than fled.
        forced: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A faction came into being.
    FactionFormed {
        /// The faction.
        faction: FactionId,
        /// Its name.
        name: String,
        /// Other names.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The organization it is a faction of, if one.
        org: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A person became aligned with a faction (leaving any other).
    FactionJoined {
        /// The person.
        person: PersonId,
        /// The faction.
        faction: FactionId,
    }
);

body!(
    /// A person stopped being aligned with a faction.
    FactionLeft {
        /// The person.
        person: PersonId,
        /// The faction.
        faction: FactionId,
    }
);

body!(
    /// A person became the leader of a faction (with `with`, one of its joint leaders).
    FactionLed {
        /// The faction.
        faction: FactionId,
        /// The new leader.
        person: PersonId,
        /// Others who lead it jointly with `person` from the same date.
        with: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// Whether they join the leaders in place rather than succeed them.
        joint: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// A faction's leadership ended without a successor: `person`'s, or, without
    /// `person`, every leader's.
    FactionLeadershipEnded {
        /// The faction.
        faction: FactionId,
        /// The leader who ceased to lead; every leader if absent.
        person: Option<PersonId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A faction ceased to exist; every alignment with it ends.
    FactionDissolved {
        /// The faction.
        faction: FactionId,
    }
);

//! The [`Meetings`](super::Meetings) implementation every store that is a
//! [`Host`](super::sql::Host) gets: each method forwards to the logic.

/// Implements [`Meetings`] for a store that is a [`Host`].
macro_rules! meetings_for {
    ($store:ty, $dialect:expr) => {
        impl $crate::meetings::Meetings for $store {
            fn prepare_meetings(&self) -> Result<(), $crate::Error> {
                $crate::meetings::logic::prepare(self, $dialect)
            }
            fn add_meeting(
                &self,
                meeting: &$crate::meetings::MeetingRecord,
                delegates: &[$crate::meetings::DelegateRecord],
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::add_meeting(self, meeting, delegates)
            }
            fn meeting(
                &self,
                id: &str,
            ) -> Result<Option<$crate::meetings::MeetingRecord>, $crate::Error> {
                $crate::meetings::logic::meeting(self, id)
            }
            fn meetings(&self) -> Result<Vec<$crate::meetings::MeetingRecord>, $crate::Error> {
                $crate::meetings::logic::meetings(self)
            }
            fn close_meeting(&self, id: &str) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::close_meeting(self, id)
            }
            fn delegates(
                &self,
                meeting: &str,
            ) -> Result<Vec<$crate::meetings::DelegateRecord>, $crate::Error> {
                $crate::meetings::logic::delegates(self, meeting)
            }
            fn delegate(
                &self,
                meeting: &str,
                person: &str,
            ) -> Result<Option<$crate::meetings::DelegateRecord>, $crate::Error> {
                $crate::meetings::logic::delegate(self, meeting, person)
            }
            fn proxies(
                &self,
                meeting: &str,
            ) -> Result<Vec<$crate::meetings::ProxyRecord>, $crate::Error> {
                $crate::meetings::logic::proxies(self, meeting)
            }
            fn set_codes(
                &self,
                meeting: &str,
                codes: &[(String, String)],
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::set_codes(self, meeting, codes)
            }
            fn attend(
                &self,
                meeting: &str,
                person: &str,
                present: bool,
                code_hash: Option<&str>,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::attend(self, meeting, person, present, code_hash)
            }
            fn add_proxy(
                &self,
                meeting: &str,
                giver: &str,
                holder: &str,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::logic::add_proxy(self, meeting, giver, holder)
            }
            fn add_poll(
                &self,
                poll: &$crate::meetings::PollRecord,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::polls::add_poll(self, poll)
            }
            fn set_question(
                &self,
                poll: &str,
                question: &str,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::polls::set_question(self, poll, question)
            }
            fn poll(
                &self,
                id: &str,
            ) -> Result<Option<$crate::meetings::PollRecord>, $crate::Error> {
                $crate::meetings::polls::poll(self, id)
            }
            fn polls(
                &self,
                meeting: &str,
            ) -> Result<Vec<$crate::meetings::PollRecord>, $crate::Error> {
                $crate::meetings::polls::polls(self, meeting)
            }
            fn open_poll(
                &self,
                id: &str,
                owner_key: &str,
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::polls::open_poll(self, id, owner_key)
            }
            fn owner_key(&self, poll: &str) -> Result<Option<String>, $crate::Error> {
                $crate::meetings::polls::owner_key(self, poll)
            }
            fn cast(
                &self,
                casts: &[$crate::meetings::Cast],
            ) -> Result<Vec<Result<(), $crate::meetings::CastError>>, $crate::Error> {
                $crate::meetings::polls::cast(self, casts)
            }
            fn add_paper(
                &self,
                poll: &str,
                voters: &[String],
                ballots: &[$crate::meetings::UrnBallot],
            ) -> Result<(), $crate::meetings::MeetingError> {
                $crate::meetings::polls::add_paper(self, poll, voters, ballots)
            }
            fn turnout(&self, poll: &str) -> Result<u64, $crate::Error> {
                $crate::meetings::polls::turnout(self, poll)
            }
            fn close_poll(
                &self,
                id: &str,
            ) -> Result<$crate::meetings::ClosedPoll, $crate::meetings::MeetingError> {
                $crate::meetings::polls::close_poll(self, id)
            }
            fn closed_poll(
                &self,
                id: &str,
            ) -> Result<Option<$crate::meetings::ClosedPoll>, $crate::Error> {
                $crate::meetings::polls::closed_poll(self, id)
            }
            fn set_result(
                &self,
                poll: &str,
                result: &str,
                urn_digest: &str,
                entry: Option<u64>,
            ) -> Result<(), $crate::Error> {
                $crate::meetings::polls::set_result(self, poll, result, urn_digest, entry)
            }
        }
    };
}
pub(crate) use meetings_for;

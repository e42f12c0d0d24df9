//! Reading the clauses about meetings beyond cadence and notice: a requisition
//! of at least, or more than, a share of the members.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_spanned::Spanned;

use super::super::raw::RawRequisition;
use super::super::{Share, Threshold};
use super::Reader;
use crate::source::InputError;

impl Reader<'_> {
    /// `requisition = "1/3"` (at least), `{ at_least = "1/3" }` or `{ more_than = "1/2" }`.
    pub(super) fn requisition(
        &self,
        raw: &Spanned<RawRequisition>,
    ) -> Result<Threshold, InputError> {
        let share = |text: &str| text.parse::<Share>().map_err(|e| self.err(raw.span(), e));
        Ok(match raw.get_ref() {
            RawRequisition::AtLeast(s) => Threshold::AtLeast(share(s)?),
            RawRequisition::MoreThan(s) => Threshold::MoreThan(share(s)?),
        })
    }
}

const EXPECTED: &str = "a share (`\"1/3\"`), `{ at_least = \"1/3\" }` or `{ more_than = \"1/2\" }`";

impl<'de> Deserialize<'de> for RawRequisition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RequisitionVisitor)
    }
}

struct RequisitionVisitor;

impl<'de> Visitor<'de> for RequisitionVisitor {
    type Value = RawRequisition;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRequisition, E> {
        Ok(RawRequisition::AtLeast(v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRequisition, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: String = map.next_value()?;
            let bound = match key.as_str() {
                "at_least" => RawRequisition::AtLeast(value),
                "more_than" => RawRequisition::MoreThan(value),
                other => {
                    return Err(de::Error::unknown_field(other, &["at_least", "more_than"]));
                }
            };
            if found.is_some() {
                return Err(de::Error::custom(
                    "give either `at_least` or `more_than`, not both",
                ));
            }
            found = Some(bound);
        }
        found.ok_or_else(|| de::Error::custom(format!("expected {EXPECTED}")))
    }
}

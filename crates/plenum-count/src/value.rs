//! Exact decimal values for reports, and the integer arithmetic behind the fixed-point rules.
//!
//! Every rule that prescribes its rounding (Scottish STV: five decimals, truncated; Meek:
//! nine decimals, rounded up where Algorithm 123 says; ERS97: two decimals) counts in whole
//! units of its last decimal place, so nothing is ever a float.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative exact decimal number: `raw / 10^decimals`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Value {
    raw: u64,
    decimals: u8,
}

impl Value {
    /// The number `raw / 10^decimals`.
    pub fn new(raw: u64, decimals: u8) -> Value {
        Value { raw, decimals }
    }

    /// A whole number.
    pub fn integer(n: u64) -> Value {
        Value {
            raw: n,
            decimals: 0,
        }
    }

    /// Zero with `decimals` places.
    pub fn zero(decimals: u8) -> Value {
        Value { raw: 0, decimals }
    }

    /// The number in units of its last decimal place.
    pub fn raw(self) -> u64 {
        self.raw
    }

    /// The number of decimal places.
    pub fn decimals(self) -> u8 {
        self.decimals
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.raw == 0
    }

    fn scaled(self, decimals: u8) -> u128 {
        u128::from(self.raw) * 10u128.pow(u32::from(decimals - self.decimals))
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Value) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Value {
    fn cmp(&self, other: &Value) -> Ordering {
        let decimals = self.decimals.max(other.decimals);
        self.scaled(decimals).cmp(&other.scaled(decimals))
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.decimals == 0 {
            return write!(f, "{}", self.raw);
        }
        let one = pow10(u32::from(self.decimals));
        let text = format!(
            "{}.{:0width$}",
            self.raw / one,
            self.raw % one,
            width = usize::from(self.decimals)
        );
        f.pad(&text)
    }
}

/// `10^exponent`, for exponents up to 19.
pub(crate) const fn pow10(exponent: u32) -> u64 {
    10u64.pow(exponent)
}

/// `a * b / c` rounded down, or `None` if it does not fit or `c` is zero.
pub(crate) fn mul_div_floor(a: u64, b: u64, c: u64) -> Option<u64> {
    if c == 0 {
        return None;
    }
    u64::try_from(u128::from(a) * u128::from(b) / u128::from(c)).ok()
}

/// `a * b / c` rounded up, or `None` if it does not fit or `c` is zero.
pub(crate) fn mul_div_ceil(a: u64, b: u64, c: u64) -> Option<u64> {
    if c == 0 {
        return None;
    }
    u64::try_from((u128::from(a) * u128::from(b)).div_ceil(u128::from(c))).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_every_decimal() {
        assert_eq!(Value::new(123_450, 5).to_string(), "1.23450");
        assert_eq!(Value::new(7, 2).to_string(), "0.07");
        assert_eq!(Value::integer(42).to_string(), "42");
        assert_eq!(format!("{:>8}", Value::new(150, 2)), "    1.50");
    }

    #[test]
    fn values_compare_across_precisions() {
        assert!(Value::new(150, 2) > Value::integer(1));
        assert_eq!(Value::new(100, 2).cmp(&Value::integer(1)), Ordering::Equal);
    }

    #[test]
    fn rounding_helpers_round_as_named() {
        assert_eq!(mul_div_floor(10, 10, 3), Some(33));
        assert_eq!(mul_div_ceil(10, 10, 3), Some(34));
        assert_eq!(mul_div_ceil(10, 9, 3), Some(30));
        assert_eq!(mul_div_floor(1, 1, 0), None);
        assert_eq!(mul_div_floor(u64::MAX, 2, 1), None);
    }
}

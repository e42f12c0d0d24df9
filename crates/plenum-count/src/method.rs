//! The counting methods by name, and the options that tune them.

use std::fmt;
use std::str::FromStr;

use crate::election::MAX_CANDIDATES;
use crate::lot::DEFAULT_SEED;

/// A counting method.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// First-past-the-post: the most first preferences wins.
    Plurality,
    /// A majority in the first round, else a run-off between the top two.
    TwoRound,
    /// Instant-runoff: exclude the last until one has a majority of continuing votes.
    Irv,
    /// Condorcet by Schulze's beatpath method.
    Schulze,
    /// Condorcet by Tideman's ranked pairs.
    RankedPairs,
    /// Block vote: each voter backs up to one candidate per seat.
    Block,
    /// Approval: every candidate a voter marks gets a vote.
    Approval,
    /// Satisfaction approval: a voter's one vote is split among the candidates marked.
    Sav,
    /// Points by rank: with N seats, N points for a ballot's first, N-1 for its second, ...
    Points,
    /// Single transferable vote by the Scottish local government rules of 2007.
    Scottish,
    /// Single transferable vote by Meek's method (Algorithm 123).
    Meek,
    /// Single transferable vote by the Electoral Reform Society's 1997 rules for hand counts.
    Ers97,
    /// Party-list seats by D'Hondt's divisors 1, 2, 3, ...
    DHondt,
    /// Party-list seats by Sainte-Laguë's divisors 1, 3, 5, ...
    SainteLague,
    /// Party-list seats by largest remainder (Hare or Droop quota).
    LargestRemainder,
}

impl Method {
    /// Every method, in the order the help lists them.
    pub const ALL: [Method; 15] = [
        Method::Plurality,
        Method::TwoRound,
        Method::Irv,
        Method::Schulze,
        Method::RankedPairs,
        Method::Block,
        Method::Approval,
        Method::Sav,
        Method::Points,
        Method::Scottish,
        Method::Meek,
        Method::Ers97,
        Method::DHondt,
        Method::SainteLague,
        Method::LargestRemainder,
    ];

    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Method::Plurality => "plurality",
            Method::TwoRound => "two-round",
            Method::Irv => "irv",
            Method::Schulze => "schulze",
            Method::RankedPairs => "ranked-pairs",
            Method::Block => "block",
            Method::Approval => "approval",
            Method::Sav => "sav",
            Method::Points => "points",
            Method::Scottish => "scottish",
            Method::Meek => "meek",
            Method::Ers97 => "ers97",
            Method::DHondt => "dhondt",
            Method::SainteLague => "sainte-lague",
            Method::LargestRemainder => "largest-remainder",
        }
    }

    /// A one-line description.
    pub fn summary(self) -> &'static str {
        match self {
            Method::Plurality => "single winner: most first preferences",
            Method::TwoRound => "single winner: majority, else a run-off between the top two",
            Method::Irv => "single winner: instant-runoff, exclude the last until a majority",
            Method::Schulze => "single winner: Condorcet, Schulze beatpaths",
            Method::RankedPairs => "single winner: Condorcet, Tideman ranked pairs",
            Method::Block => "multi-winner: each voter backs up to one candidate per seat",
            Method::Approval => "multi-winner: most approvals (every marked candidate)",
            Method::Sav => "multi-winner: satisfaction approval, one vote split among those marked",
            Method::Points => {
                "multi-winner: points by rank, N for a first choice, N-1 next (N seats)"
            }
            Method::Scottish => "STV: Scottish local government rules 2007 (5 decimals, WIG)",
            Method::Meek => "STV: Meek's method, Algorithm 123 (9 decimals, omega 10^-6)",
            Method::Ers97 => "STV: Electoral Reform Society 1997 rules for hand counting",
            Method::DHondt => "party list: D'Hondt divisors 1, 2, 3, ...",
            Method::SainteLague => {
                "party list: Sainte-Laguë divisors 1, 3, 5, ... (--first-divisor)"
            }
            Method::LargestRemainder => {
                "party list: largest remainder, Hare or Droop quota (--quota)"
            }
        }
    }

    /// Whether the method fills exactly one seat.
    pub fn is_single_winner(self) -> bool {
        matches!(
            self,
            Method::Plurality
                | Method::TwoRound
                | Method::Irv
                | Method::Schulze
                | Method::RankedPairs
        )
    }

    /// Whether the method apportions seats among parties (a party may win several).
    pub fn is_party_list(self) -> bool {
        matches!(
            self,
            Method::DHondt | Method::SainteLague | Method::LargestRemainder
        )
    }
}

/// The most candidates and seats a method takes, and why: every count keeps a table of its
/// stages (and pairwise methods a matrix of every pair), so a crafted file asking for
/// millions of seats or of candidates is refused up front rather than exhausting memory.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most candidates (parties, for party-list methods), withdrawn ones included.
    pub candidates: usize,
    /// The most seats.
    pub seats: usize,
    /// Why the limits are what they are.
    pub why: &'static str,
}

/// Candidates a count with a stage per exclusion takes: its table of stages grows as the
/// square of the candidates.
pub const MAX_STAGED_CANDIDATES: usize = 1000;

/// Candidates a pairwise count takes: its matrices grow as the square of the candidates and
/// its work as the cube.
pub const MAX_PAIRWISE_CANDIDATES: usize = 200;

/// Seats a party-list count fills: it has a stage per seat, each listing every party.
pub const MAX_PARTY_SEATS: usize = 2000;

impl Method {
    /// The most candidates and seats this method takes.
    pub fn limits(self) -> Limits {
        match self {
            Method::Plurality | Method::TwoRound => Limits {
                candidates: MAX_CANDIDATES,
                seats: 1,
                why: "a single-winner count",
            },
            Method::Block | Method::Approval | Method::Sav | Method::Points => Limits {
                candidates: MAX_CANDIDATES,
                seats: MAX_CANDIDATES,
                why: "the most candidates a ballot file may have",
            },
            Method::Irv | Method::Scottish | Method::Meek | Method::Ers97 => Limits {
                candidates: MAX_STAGED_CANDIDATES,
                seats: MAX_STAGED_CANDIDATES,
                why: "the count has a stage per exclusion, each with every candidate's votes",
            },
            Method::Schulze | Method::RankedPairs => Limits {
                candidates: MAX_PAIRWISE_CANDIDATES,
                seats: 1,
                why: "its pairwise matrices grow as the square of the candidates",
            },
            Method::DHondt | Method::SainteLague | Method::LargestRemainder => Limits {
                candidates: MAX_STAGED_CANDIDATES,
                seats: MAX_PARTY_SEATS,
                why: "the count has a stage per seat, each with every party's figures",
            },
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// The error of parsing an unknown method name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown method {0:?}")]
pub struct UnknownMethod(pub String);

impl FromStr for Method {
    type Err = UnknownMethod;

    fn from_str(text: &str) -> Result<Method, UnknownMethod> {
        let wanted = text.trim().to_ascii_lowercase().replace('_', "-");
        let alias = match wanted.as_str() {
            "fptp" | "first-past-the-post" => "plurality",
            "instant-runoff" | "rcv" => "irv",
            "d-hondt" | "dhondt" | "jefferson" => "dhondt",
            "sainte-laguë" | "saintelague" | "webster" => "sainte-lague",
            "hare" | "hamilton" => "largest-remainder",
            "scottish-stv" | "scotland" => "scottish",
            "meek-stv" => "meek",
            other => other,
        };
        Method::ALL
            .into_iter()
            .find(|method| method.name() == alias)
            .ok_or_else(|| UnknownMethod(text.to_owned()))
    }
}

/// The quota of the largest-remainder method.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Quota {
    /// Hare: valid votes divided by seats.
    #[default]
    Hare,
    /// Droop: valid votes divided by seats plus one, fractions dropped, plus one.
    Droop,
}

impl fmt::Display for Quota {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Quota::Hare => "hare",
            Quota::Droop => "droop",
        })
    }
}

impl FromStr for Quota {
    type Err = String;

    fn from_str(text: &str) -> Result<Quota, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "hare" => Ok(Quota::Hare),
            "droop" => Ok(Quota::Droop),
            _ => Err(format!("unknown quota {text:?}: expected hare or droop")),
        }
    }
}

/// An exact non-negative decimal read from text such as `5`, `2.5` or `1.4`, with up to nine
/// decimal places.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Decimal {
    /// The number times 10^9.
    nanos: u64,
}

impl Decimal {
    /// One billionth.
    const SCALE: u64 = 1_000_000_000;

    /// The number times 10^9.
    pub fn nanos(self) -> u64 {
        self.nanos
    }

    /// A whole number.
    pub fn integer(n: u32) -> Decimal {
        Decimal {
            nanos: u64::from(n) * Decimal::SCALE,
        }
    }
}

impl FromStr for Decimal {
    type Err = String;

    fn from_str(text: &str) -> Result<Decimal, String> {
        let trimmed = text.trim().trim_end_matches('%').trim();
        let (whole, fraction) = trimmed.split_once('.').unwrap_or((trimmed, "0"));
        let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) {
            return Err(format!(
                "expected a number such as 5 or 2.5, found {text:?}"
            ));
        }
        if fraction.len() > 9 {
            return Err(format!(
                "expected at most nine decimal places, found {text:?}"
            ));
        }
        let whole: u64 = whole
            .parse()
            .map_err(|_| format!("number too large: {text:?}"))?;
        let fraction_nanos: u64 = format!("{fraction:0<9}").parse().unwrap_or(0);
        whole
            .checked_mul(Decimal::SCALE)
            .and_then(|nanos| nanos.checked_add(fraction_nanos))
            .map(|nanos| Decimal { nanos })
            .ok_or_else(|| format!("number too large: {text:?}"))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.nanos / Decimal::SCALE;
        let fraction = self.nanos % Decimal::SCALE;
        if fraction == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{fraction:09}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// Options of a count; the defaults suit every method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Seats to fill; overrides the ballot file's. Single-winner methods fill one.
    pub seats: Option<usize>,
    /// The seed of the generator that draws lots; printed in every report.
    pub seed: u64,
    /// Party-list methods: parties below this percentage of the valid votes win no seat.
    pub threshold: Option<Decimal>,
    /// Largest remainder: the quota (Hare unless given).
    pub quota: Option<Quota>,
    /// Sainte-Laguë: the first divisor (1 by default; 1.4 for the modified method).
    pub first_divisor: Option<Decimal>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seats: None,
            seed: DEFAULT_SEED,
            threshold: None,
            quota: None,
            first_divisor: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for method in Method::ALL {
            assert_eq!(method.name().parse::<Method>(), Ok(method));
        }
        assert_eq!("Scottish_STV".parse::<Method>(), Ok(Method::Scottish));
        assert!("borda".parse::<Method>().is_err());
    }

    #[test]
    fn decimals_parse_exactly() {
        assert_eq!(
            "1.4".parse::<Decimal>().map(Decimal::nanos),
            Ok(1_400_000_000)
        );
        assert_eq!(
            "5%".parse::<Decimal>().map(Decimal::nanos),
            Ok(5_000_000_000)
        );
        assert_eq!("0.000000001".parse::<Decimal>().map(Decimal::nanos), Ok(1));
        assert!("1.".parse::<Decimal>().is_err());
        assert!("-1".parse::<Decimal>().is_err());
        assert!("1e3".parse::<Decimal>().is_err());
        assert!("99999999999999999999".parse::<Decimal>().is_err());
        assert_eq!("2.50".parse::<Decimal>().unwrap().to_string(), "2.5");
    }
}

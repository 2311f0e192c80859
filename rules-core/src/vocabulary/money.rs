//! Money: `Decimal` yuan, one rounding rule, and formulas that can show their steps.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Whole yuan, for parameter tables (`const`).
pub const fn yuan(amount: u32) -> Decimal {
    Decimal::from_parts(amount, 0, 0, false, 0)
}

/// A rate in basis points (1 BP = 0.01 %), as a fraction: `bp(350)` = 0.035.
pub const fn bp(points: u32) -> Decimal {
    Decimal::from_parts(points, 0, 0, false, 4)
}

/// A percentage as a fraction: `percent(90)` = 0.90.
pub const fn percent(p: u32) -> Decimal {
    Decimal::from_parts(p, 0, 0, false, 2)
}

/// The project's one rounding rule: 四舍五入 to the fen (ARCHITECTURE.md), applied at the end of a formula.
pub fn round_fen(amount: Decimal) -> Decimal {
    amount
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
}

/// `18000`, `1866.67`, `0.035` → `3.5%` is done by [`format_rate`].
pub fn format_yuan(amount: Decimal) -> String {
    round_fen(amount).to_string()
}

/// A fraction as a percentage for display: 0.0175 → `1.75%`.
pub fn format_rate(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// Units an estimate is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    #[serde(rename = "元")]
    Yuan,
    #[serde(rename = "元/人")]
    YuanPerPerson,
    #[serde(rename = "元/户")]
    YuanPerHousehold,
    #[serde(rename = "元/月")]
    YuanPerMonth,
    #[serde(rename = "元/年")]
    YuanPerYear,
    #[serde(rename = "元/天")]
    YuanPerDay,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::Yuan => "元",
            Unit::YuanPerPerson => "元/人",
            Unit::YuanPerHousehold => "元/户",
            Unit::YuanPerMonth => "元/月",
            Unit::YuanPerYear => "元/年",
            Unit::YuanPerDay => "元/天",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_to_the_fen() {
        assert_eq!(round_fen(Decimal::new(12345, 3)).to_string(), "12.35");
        assert_eq!(round_fen(Decimal::new(12344, 3)).to_string(), "12.34");
        assert_eq!(
            round_fen(yuan(2000) * Decimal::TWO / Decimal::from(3)).to_string(),
            "1333.33"
        );
        assert_eq!(format_yuan(yuan(500)), "500");
    }

    #[test]
    fn rates_format_as_percentages() {
        assert_eq!(format_rate(bp(175)), "1.75%");
        assert_eq!(format_rate(percent(90)), "90%");
    }
}

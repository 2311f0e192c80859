//! Adding up a report's figures: the organisation page's 预估合计 and the `totals` of
//! `subsidy-check evaluate`. Only like is added to like: one-off 元, 元/年 and 元/月 have separate
//! totals; caps (最高), district-set and unpublished amounts, per-person figures and loans' interest
//! subsidies are never added. Two benefits that cannot be held together count once, by
//! [`ALTERNATIVES_RULE`].

use crate::registry::catalogue;
use crate::registry::evaluate::{BenefitReport, Report, Status, Value};
use crate::vocabulary::catalogue::Audience;
use crate::vocabulary::money::{yuan, Unit};
use rust_decimal::Decimal;
use serde::Serialize;

/// How two benefits that are not held together (`not_combined_with`, from each benefit's source)
/// count in a total: a claimant picks one, and an estimate of what can be had counts the better one.
pub const ALTERNATIVES_RULE: &str =
    "不可同时享受的两项只计入一项：计入金额较高的一项；单位不同或金额相同时，计入目录中靠前的一项。";

/// What the totals leave out, in one line for the page and the export.
pub const WHAT_IS_NOT_ADDED: &str = "一次性金额、每年金额、每月金额分开合计，不相加；贷款贴息、最高限额、由区县确定或未公布的金额不计入合计。";

/// The units that are totalled, in the order the totals are shown, with how each total reads.
const UNITS: [(Unit, &str); 3] = [
    (Unit::Yuan, "一次性补贴、奖补合计"),
    (Unit::YuanPerYear, "每年补贴合计"),
    (Unit::YuanPerMonth, "每月补贴合计"),
];

/// One figure of the grand total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Total {
    pub unit: Unit,
    /// How it reads: `一次性补贴、奖补合计`, `每年补贴合计`, `每月补贴合计`.
    pub label: &'static str,
    /// The sum in `unit`, decimal yuan.
    pub amount: Decimal,
    /// The benefits added up, by id, in catalogue order.
    pub parts: Vec<&'static str>,
}

/// A benefit left out of the totals because it is not held together with one counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    pub id: &'static str,
    /// The benefit counted instead.
    pub counted_instead: &'static str,
}

/// The grand totals (one per unit, in [`UNITS`] order) and what was left out as an alternative.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Totals {
    pub totals: Vec<Total>,
    pub left_out: Vec<LeftOut>,
}

impl Total {
    /// `30000 元`, in the wording every page uses for an amount.
    pub fn value(&self) -> Value {
        Value::Amount {
            amount: self.amount,
            unit: self.unit,
        }
    }
}

/// The benefits of `audience` in `report` that a total could count: eligible, with a computed
/// non-zero amount in a totalled unit, and not a loan's interest subsidy.
fn countable(report: &Report, audience: Audience) -> Vec<(&BenefitReport, Decimal, Unit)> {
    report
        .benefits
        .iter()
        .filter(|b| b.entry.audience == audience && b.status == Status::Eligible)
        .filter(|b| !b.entry.is_loan())
        .filter_map(|b| match b.estimate.value {
            Value::Amount { amount, unit }
                if amount > yuan(0) && UNITS.iter().any(|(u, _)| *u == unit) =>
            {
                Some((b, amount, unit))
            }
            _ => None,
        })
        .collect()
}

/// Whether `a` and `b` cannot be held together (either one says so).
fn alternatives(a: &BenefitReport, b: &BenefitReport) -> bool {
    a.not_combined_with.contains(&b.entry.id) || b.not_combined_with.contains(&a.entry.id)
}

/// The totals of `audience`'s benefits in `report` (see the module's description).
pub fn totals(report: &Report, audience: Audience) -> Totals {
    let candidates = countable(report, audience);
    let mut out = Totals::default();
    for (i, &(b, amount, unit)) in candidates.iter().enumerate() {
        // ALTERNATIVES_RULE: a higher amount of the same unit wins; otherwise the earlier one does
        // (candidates are in catalogue order).
        let beaten_by = candidates
            .iter()
            .enumerate()
            .find(|&(j, &(other, o_amount, o_unit))| {
                j != i
                    && alternatives(b, other)
                    && if o_unit == unit && o_amount != amount {
                        o_amount > amount
                    } else {
                        j < i
                    }
            });
        if let Some((_, &(other, _, _))) = beaten_by {
            out.left_out.push(LeftOut {
                id: b.entry.id,
                counted_instead: other.entry.id,
            });
            continue;
        }
        match out.totals.iter_mut().find(|t| t.unit == unit) {
            Some(total) => {
                total.amount += amount;
                total.parts.push(b.entry.id);
            }
            None => out.totals.push(Total {
                unit,
                label: UNITS
                    .iter()
                    .find(|(u, _)| *u == unit)
                    .map_or("", |(_, label)| label),
                amount,
                parts: vec![b.entry.id],
            }),
        }
    }
    out.totals
        .sort_by_key(|t| UNITS.iter().position(|(u, _)| *u == t.unit));
    out
}

/// `失业保险金与培训期间生活费补贴不可同时享受，合计只计入失业保险金`: a left-out alternative, in words.
pub fn left_out_line(left: &LeftOut) -> String {
    let name = |id: &'static str| catalogue::find(id).map_or(id, |entry| entry.name);
    format!(
        "{}与{}不可同时享受，合计只计入{}",
        name(left.id),
        name(left.counted_instead),
        name(left.counted_instead)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::evaluate::{evaluate, Estimate};
    use crate::vocabulary::date::Date;

    fn report_with(values: &[(&'static str, Value)]) -> Report {
        let mut report = evaluate(
            &crate::engine::facts::Facts::default(),
            Date::ymd(2025, 7, 1),
        );
        for (id, value) in values {
            if let Some(b) = report.benefits.iter_mut().find(|b| b.entry.id == *id) {
                b.status = Status::Eligible;
                b.estimate = Estimate {
                    value: value.clone(),
                    ..b.estimate.clone()
                };
            }
        }
        report
    }

    fn amount(n: u32, unit: Unit) -> Value {
        Value::Amount {
            amount: yuan(n),
            unit,
        }
    }

    #[test]
    fn like_units_add_up_and_loans_never_do() {
        let report = report_with(&[
            ("hiring-subsidy", amount(12000, Unit::Yuan)),
            (
                "employer-social-insurance-subsidy",
                amount(9000, Unit::YuanPerYear),
            ),
            ("work-for-training-subsidy", amount(3000, Unit::Yuan)),
            ("enterprise-guaranteed-loan", amount(40000, Unit::Yuan)),
        ]);
        let t = totals(&report, Audience::Employer);
        assert_eq!(t.totals.len(), 2, "{t:?}");
        assert_eq!(
            (t.totals[0].unit, t.totals[0].amount),
            (Unit::Yuan, yuan(15000))
        );
        assert_eq!(
            t.totals[0].parts,
            ["hiring-subsidy", "work-for-training-subsidy"]
        );
        assert_eq!(t.totals[1].amount, yuan(9000));
        assert!(t.left_out.is_empty());
        // Another audience's benefits never enter.
        assert_eq!(totals(&report, Audience::Carrier), Totals::default());
    }

    #[test]
    fn of_two_alternatives_the_higher_amount_counts_else_the_earlier() {
        let ui = "unemployment-insurance-benefit";
        let living = "training-living-allowance";
        assert!(catalogue::find(ui).is_some() && catalogue::find(living).is_some());
        let higher_later = report_with(&[
            (ui, amount(1500, Unit::YuanPerMonth)),
            (living, amount(3000, Unit::YuanPerMonth)),
        ]);
        let t = totals(&higher_later, Audience::Person);
        assert_eq!(t.totals[0].parts, [living]);
        assert_eq!(
            t.left_out,
            [LeftOut {
                id: ui,
                counted_instead: living
            }]
        );
        assert!(left_out_line(&t.left_out[0]).contains("不可同时享受"));

        let other_units = report_with(&[
            (ui, amount(1500, Unit::YuanPerMonth)),
            (living, amount(3000, Unit::Yuan)),
        ]);
        let t = totals(&other_units, Audience::Person);
        let position = |id: &str| catalogue::CATALOGUE.iter().position(|e| e.id == id);
        let earlier = if position(ui) < position(living) {
            ui
        } else {
            living
        };
        assert_eq!(
            t.totals
                .iter()
                .flat_map(|x| x.parts.clone())
                .collect::<Vec<_>>(),
            [earlier]
        );
        assert_eq!(t.left_out.len(), 1);
    }

    #[test]
    fn nothing_is_totalled_before_anything_is_known() {
        let facts = crate::engine::facts::Facts {
            audience: Some(Audience::Carrier),
            ..crate::engine::facts::Facts::default()
        };
        let report = evaluate(&facts, Date::ymd(2025, 7, 1));
        assert_eq!(totals(&report, Audience::Carrier), Totals::default());
    }
}

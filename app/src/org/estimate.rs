//! The estimate table: per benefit and per group (qualifying heads × amount, those not yet
//! qualifying and what they still need), then the grand totals, labelled 预估. Only like is added
//! to like: one-off 元, 元/年 and 元/月 have separate totals; caps (最高), district-set and
//! unpublished amounts, per-person figures and alternatives are never added.

use crate::format::{is_amount, status_id, status_mark, value_text};
use rules_core::evaluate::{BenefitReport, Report, Value};
use rules_core::money::{format_yuan, yuan, Unit};
use rules_core::{Audience, Status};

/// The benefits an organisation of this audience sees, in catalogue order; "not for you" ones are
/// left out.
pub fn relevant(report: &Report, audience: Audience) -> Vec<&BenefitReport> {
    report
        .benefits
        .iter()
        .filter(|b| b.audience == audience && b.status != Status::NotForAudience)
        .collect()
}

/// One figure of the grand total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    pub unit: Unit,
    /// How it reads: `一次性补贴合计`, `每年合计`, `每月合计`.
    pub label: &'static str,
    /// The sum, as a `Value::Amount` in `unit` (rules-core's decimal yuan).
    pub value: Value,
    /// The benefits added up, by name.
    pub parts: Vec<&'static str>,
}

/// The grand totals: eligible benefits with a computed, non-zero amount, one total per unit (元,
/// 元/年, 元/月), in that order. A benefit that cannot be combined with one already counted is left
/// out and named in `left_out` with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Totals {
    pub totals: Vec<Total>,
    pub left_out: Vec<String>,
}

/// Benefits whose amount is a loan's interest subsidy: shown in the loan panel, never added to
/// subsidies paid out (rules-core's catalogue says which).
pub fn is_loan(b: &BenefitReport) -> bool {
    rules_core::catalogue::is_loan(b.id)
}

pub fn totals(report: &Report, audience: Audience) -> Totals {
    const UNITS: [(Unit, &str); 3] = [
        (Unit::Yuan, "一次性补贴、奖补合计"),
        (Unit::YuanPerYear, "每年补贴合计"),
        (Unit::YuanPerMonth, "每月补贴合计"),
    ];
    let mut out = Totals::default();
    let mut counted: Vec<&str> = Vec::new();
    for b in relevant(report, audience) {
        let Value::Amount { amount, unit } = b.estimate.value else {
            continue;
        };
        if b.status != Status::Eligible || amount <= yuan(0) || is_loan(b) {
            continue;
        }
        let Some((_, label)) = UNITS.iter().find(|(u, _)| *u == unit) else {
            continue;
        };
        if let Some(other) = counted.iter().find(|id| b.not_combined_with.contains(id)) {
            let other = report.benefit(other).map_or(*other, |o| o.name);
            out.left_out
                .push(format!("{}与{}不重复享受，未计入合计", b.name, other));
            continue;
        }
        counted.push(b.id);
        match out.totals.iter_mut().find(|t| t.unit == unit) {
            Some(total) => {
                if let Value::Amount { amount: sum, .. } = &mut total.value {
                    *sum += amount;
                }
                total.parts.push(b.name);
            }
            None => out.totals.push(Total {
                unit,
                label,
                value: Value::Amount { amount, unit },
                parts: vec![b.name],
            }),
        }
    }
    out.totals
        .sort_by_key(|t| UNITS.iter().position(|(u, _)| *u == t.unit));
    out
}

impl Total {
    /// `30000 元`.
    pub fn text(&self) -> String {
        value_text(&self.value)
    }

    /// `30000`.
    pub fn figure(&self) -> String {
        match &self.value {
            Value::Amount { amount, .. } => format_yuan(*amount),
            _ => String::new(),
        }
    }
}

/// The unit of one head's figure in a breakdown line: per year for 元/年 benefits, else 元/人.
pub fn per_head_unit(value: &Value) -> &'static str {
    match value {
        Value::Amount { unit, .. } | Value::UpTo { unit, .. } => match unit {
            Unit::YuanPerYear => "元/人/年",
            Unit::YuanPerMonth => "元/人/月",
            _ => "元/人",
        },
        _ => "元/人",
    }
}

/// The headline of a benefit: `预估 30000 元`, `最高 500000 元`, `由区县确定` …
pub fn headline(b: &BenefitReport) -> String {
    let text = value_text(&b.estimate.value);
    match b.status {
        // A loan's figure is the interest the state pays, not the loan.
        Status::Eligible if is_amount(&b.estimate.value) && is_loan(b) => {
            format!("预估 {text}（贷款贴息：财政替您付的利息）")
        }
        Status::Eligible if is_amount(&b.estimate.value) => format!("预估 {text}"),
        Status::Eligible | Status::NeedsAnswers => text,
        _ => format!("{} {}", status_mark(b.status), b.status.label()),
    }
}

/// Status id for CSS and tests.
pub fn status_of(b: &BenefitReport) -> &'static str {
    status_id(b.status)
}

/// The README's organisation example, for tests.
#[cfg(test)]
pub mod tests_support {
    use rules_core::choices::{HireIdentity, OrgKind, OrgSize};
    use rules_core::facts::DistrictId;
    use rules_core::money::yuan;
    use rules_core::roster::HireGroup;
    use rules_core::{Audience, Facts};

    pub fn enterprise() -> Facts {
        Facts {
            audience: Some(Audience::Employer),
            org_kind: Some(OrgKind::Enterprise),
            org_size: Some(OrgSize::Small),
            org_district: Some(DistrictId("wanzhou".into())),
            org_staff: Some(50),
            org_no_arrears: Some(true),
            loan_amount: Some(yuan(2_000_000)),
            roster: Some(vec![
                HireGroup {
                    contract_months: Some(24),
                    insured_months: Some(14),
                    still_insured: Some(true),
                    employer_contributions: Some(yuan(9000)),
                    ..HireGroup::new(HireIdentity::Poverty, 4)
                },
                HireGroup {
                    contract_months: Some(24),
                    insured_months: Some(10),
                    still_insured: Some(true),
                    ..HireGroup::new(HireIdentity::Poverty, 2)
                },
                HireGroup {
                    contract_months: Some(12),
                    insured_months: Some(7),
                    ..HireGroup::new(HireIdentity::Graduate, 3)
                },
            ]),
            ..Facts::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::enterprise;
    use super::*;
    use rules_core::{evaluate, Date, Facts};

    #[test]
    fn totals_add_only_like_units_and_leave_loans_out() {
        let report = evaluate(&enterprise(), Date::ymd(2025, 7, 1));
        let t = totals(&report, Audience::Employer);
        // The figures are rules-core's: the one-off hiring subsidy, and the yearly insurance subsidy.
        let value = |id: &str| report.benefit(id).map(|b| b.estimate.value.clone());
        assert_eq!(t.totals.len(), 2, "{t:?}");
        assert_eq!(t.totals[0].unit, Unit::Yuan);
        assert_eq!(Some(t.totals[0].value.clone()), value("hiring-subsidy"));
        assert_eq!(t.totals[1].unit, Unit::YuanPerYear);
        assert_eq!(
            Some(t.totals[1].value.clone()),
            value("employer-social-insurance-subsidy")
        );
        assert!(t
            .totals
            .iter()
            .all(|x| !x.parts.iter().any(|p| p.contains("贷款"))));
        assert!(t.left_out.is_empty());
    }

    #[test]
    fn nothing_is_totalled_before_anything_is_known() {
        let facts = Facts {
            audience: Some(Audience::Carrier),
            ..Facts::default()
        };
        let report = evaluate(&facts, Date::ymd(2025, 7, 1));
        assert_eq!(totals(&report, Audience::Carrier), Totals::default());
        assert!(!relevant(&report, Audience::Carrier).is_empty());
    }
}

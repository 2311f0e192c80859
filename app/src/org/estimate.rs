//! The estimate table: per benefit and per group (qualifying heads × amount, those not yet
//! qualifying and what they still need), then the grand totals, labelled 预估. Only like is added
//! to like: one-off 元, 元/年 and 元/月 have separate totals; caps (最高), district-set and
//! unpublished amounts, per-person figures and alternatives are never added.

use crate::format::{is_amount, status_mark};
use rules_core::choices::OrgKind;
use rules_core::evaluate::{BenefitReport, Report, Value};
use rules_core::leads::Lead;
use rules_core::money::Unit;
use rules_core::{Audience, Status};

/// The benefits an organisation of this audience and kind sees, in catalogue order: those for
/// another audience or another kind of organisation (rules-core's [`rules_core::org::other_kinds`])
/// are left out.
pub fn relevant(report: &Report, audience: Audience, kind: Option<OrgKind>) -> Vec<&BenefitReport> {
    let other = rules_core::org::other_kinds(audience, kind, report.as_of);
    report
        .benefits
        .iter()
        .filter(|b| b.entry.audience == audience && b.status != Status::NotForAudience)
        .filter(|b| !other.contains(&b.entry.id))
        .collect()
}

/// The grand totals of `audience`'s benefits: rules-core adds them up ([`rules_core::totals`]).
pub use rules_core::totals::{totals, Total, Totals};

/// `30000 元`.
pub fn total_text(total: &Total) -> String {
    total.value().text()
}

/// The names of the benefits a total adds up: `一次性吸纳就业补贴、以工代训补贴`.
pub fn total_parts(total: &Total) -> String {
    let names: Vec<&str> = total
        .parts
        .iter()
        .map(|id| rules_core::catalogue::find(id).map_or(*id, |entry| entry.name))
        .collect();
    names.join("、")
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
    let text = b.estimate.value.text();
    match b.status {
        // A loan's figure is the interest the state pays, not the loan.
        Status::Eligible if is_amount(&b.estimate.value) && b.entry.is_loan() => {
            format!("预估 {text}（贷款贴息：财政替您付的利息）")
        }
        Status::Eligible if is_amount(&b.estimate.value) => format!("预估 {text}"),
        Status::Eligible | Status::NeedsAnswers => text,
        // A lead: where the organisation would stand under the last rules, with that year's figure.
        _ if Lead::of(b) == Some(Lead::WouldQualify) => format!(
            "{} {}：{}（{}）",
            status_mark(b.status),
            Lead::WouldQualify.sentence(b),
            text,
            rules_core::leads::figure_label(b)
        ),
        _ => format!("{} {}", status_mark(b.status), b.status.label()),
    }
}

/// Status id for CSS and tests.
pub fn status_of(b: &BenefitReport) -> &'static str {
    b.status.id()
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
                    subsidised_months: Some(0),
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
        assert_eq!(Some(t.totals[0].value()), value("hiring-subsidy"));
        assert_eq!(t.totals[1].unit, Unit::YuanPerYear);
        assert_eq!(
            Some(t.totals[1].value()),
            value("employer-social-insurance-subsidy")
        );
        assert!(t
            .totals
            .iter()
            .all(|x| !x.parts.iter().any(|p| p.contains("loan"))));
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
        assert!(!relevant(&report, Audience::Carrier, None).is_empty());
    }
}

//! Leads: benefits whose basis ran out with no source saying whether they continue
//! (`Standing::Unconfirmed`, 延续情况未公布). Nobody can be told they may claim one, but a person can
//! learn where they would stand if it continues under the rules of its last day, with that day's
//! figure, whom to ask, and one sentence to ask with, built from their own answers. Every page (the
//! results, the checklist, the staff list) takes these words from here.

use crate::engine::documents::HOTLINE;
use crate::engine::facts::Facts;
use crate::registry::evaluate::{BenefitReport, Report, Status, Value};
use crate::vocabulary::choices::{Activity, PovertyStatus, WorkPlace};
use crate::vocabulary::date::Date;
use crate::vocabulary::standing::Standing;

/// Where a person would stand on a benefit whose continuation is unconfirmed, under the rules of
/// its last day applied to their situation on the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// The old rules' conditions are all met: worth asking whether it continues.
    WouldQualify,
    /// Some answer is still missing under the old rules.
    NeedsAnswers,
    /// The old rules would not have covered the person.
    WouldNot,
}

impl Lead {
    /// The lead of a benefit, or `None` for one whose standing is not unconfirmed.
    pub fn of(b: &BenefitReport) -> Option<Lead> {
        if b.status != Status::ContinuationUnknown || b.standing != Standing::Unconfirmed {
            return None;
        }
        match b.status_on_last_day? {
            Status::Eligible => Some(Lead::WouldQualify),
            Status::NeedsAnswers => Some(Lead::NeedsAnswers),
            _ => Some(Lead::WouldNot),
        }
    }

    /// Its stable id (the CLI's `leads[].lead`).
    pub fn id(self) -> &'static str {
        match self {
            Lead::WouldQualify => "would-qualify",
            Lead::NeedsAnswers => "needs-answers",
            Lead::WouldNot => "would-not",
        }
    }

    /// One line on where the person stands under the old rules.
    pub fn sentence(self, b: &BenefitReport) -> String {
        let year = b.rules_on.year();
        match self {
            Lead::WouldQualify => format!("按{year}年的规定，您符合条件"),
            Lead::NeedsAnswers => format!("按{year}年的规定，还要回答下面的问题才能确定"),
            Lead::WouldNot => format!("按{year}年的规定，您不符合条件"),
        }
    }
}

/// The leads of a report that the person would qualify for, in catalogue order.
pub fn would_qualify(report: &Report) -> impl Iterator<Item = &BenefitReport> {
    report
        .benefits
        .iter()
        .filter(|b| Lead::of(b) == Some(Lead::WouldQualify))
}

/// The heading of the leads' group: what they are and what to do first.
pub fn group_title(report: &Report) -> String {
    let year = last_rules_year(report);
    format!("按{year}年的规定您符合条件；今年是否继续，请先确认")
}

/// The paragraph under the leads' heading.
pub fn group_help(report: &Report) -> String {
    let year = last_rules_year(report);
    format!(
        "这些政策原来的文件已经到期，还没有查到{}年是否继续的文件。按{year}年的规定您符合条件：请先打电话或到窗口问清楚，下面每一项都写了问谁、怎么问。金额是{year}年的标准，仅供参考。",
        report.as_of.year()
    )
}

/// The year of the rules the leads were judged by (the last day of their basis), e.g. 2025.
fn last_rules_year(report: &Report) -> u16 {
    report
        .benefits
        .iter()
        .filter(|b| b.standing == Standing::Unconfirmed)
        .map(|b| b.rules_on.year())
        .max()
        .unwrap_or(crate::vocabulary::source::NOTICE_END.year())
}

/// What a lead's figure is: "2025年标准，仅供参考".
pub fn figure_label(b: &BenefitReport) -> String {
    format!("{}年标准，仅供参考", b.rules_on.year())
}

/// Whom to ask: the benefit's office, and the hotline.
pub fn whom_to_ask(b: &BenefitReport) -> String {
    format!("{}，或拨打 {}", b.guide().apply.office, HOTLINE)
}

/// The sentence a person reads out on the phone or at the window, from their own answers:
/// "我是巫溪县脱贫人口，在山东务工4个月，想问2026年赴山东一次性求职创业补贴还发不发？按2025年的规定是800 元/人。"
/// Only what they answered goes in; a fact they did not give is left out, never guessed.
pub fn ask_sentence(b: &BenefitReport, facts: &Facts, as_of: Date) -> String {
    let mut who = String::from("我是");
    let district = facts
        .hukou_district
        .as_ref()
        .and_then(|d| crate::vocabulary::districts::find(&d.0))
        .filter(|_| facts.hukou_chongqing != Some(false));
    let group = identity(facts);
    if let Some(d) = district {
        who.push_str(d.name);
        // "我是巫溪县人" when no group was given; "我是巫溪县脱贫人口" when one was.
        who.push_str(if group.is_empty() { "人" } else { group });
    } else if facts.hukou_chongqing == Some(true) {
        who.push_str("重庆户籍");
        who.push_str(group);
    } else {
        who.push_str(group);
    }
    if who == "我是" {
        who.clear();
    } else {
        who.push('，');
    }
    if let Some(doing) = situation(facts, as_of) {
        who.push_str(&doing);
        who.push('，');
    }
    let money = matches!(b.estimate.value, Value::Amount { .. } | Value::UpTo { .. });
    let verb = if money {
        "还发不发"
    } else {
        "还能不能申请"
    };
    let mut text = format!("{who}想问{}年{}{verb}？", as_of.year(), b.entry.name);
    if money {
        text.push_str(&format!(
            "按{}年的规定是{}。",
            b.rules_on.year(),
            b.estimate.value.text()
        ));
    }
    text
}

/// 脱贫人口, 监测对象 …: the group the person said they belong to, the policy's own words.
fn identity(facts: &Facts) -> &'static str {
    match facts.poverty_status {
        Some(PovertyStatus::Alleviated) => "脱贫人口",
        Some(PovertyStatus::Monitored) => "防止返贫监测对象",
        Some(PovertyStatus::MonitoredRiskEliminated) => "监测对象（已标注风险消除）",
        _ if facts.dibao == Some(true) => "低保家庭成员",
        _ if facts.relocated == Some(true) => "易地扶贫搬迁群众",
        _ => "",
    }
}

/// What the person does and where, as far as they said: "在山东务工4个月", "目前没有工作".
fn situation(facts: &Facts, as_of: Date) -> Option<String> {
    let place = facts.work_place.map(|p| match p {
        WorkPlace::OwnDistrict => "在本区县",
        WorkPlace::OtherDistrict => "在重庆市内其他区县",
        WorkPlace::Shandong => "在山东",
        WorkPlace::OtherProvince => "在重庆以外的省份",
    });
    let months = facts
        .work_since
        .filter(|since| *since <= as_of)
        .map(|since| since.whole_months_until(as_of));
    let duration = |months: Option<u32>| match months {
        Some(0) => "不到1个月".to_string(),
        Some(m) => format!("{m}个月"),
        None => String::new(),
    };
    match facts.activity? {
        Activity::Employee | Activity::Flexible | Activity::PublicWelfarePost => {
            Some(format!("{}务工{}", place.unwrap_or(""), duration(months)))
        }
        Activity::OwnBusiness => Some(format!("{}自己创业", place.unwrap_or(""))),
        Activity::Student => Some("是在校学生".to_string()),
        Activity::NotWorking => Some("目前没有工作".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::evaluate::evaluate_person;

    fn facts(json: &str) -> Facts {
        serde_json::from_str(json).expect("valid facts")
    }

    const DAY: Date = Date::ymd(2026, 12, 7);

    #[test]
    fn the_wuxi_worker_in_shandong_asks_about_the_shandong_sum() {
        let f = facts(
            r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,
            "hukou-district":"wuxi","age":35,"activity":"employee","work-place":"shandong",
            "work-since":"2026-08-01","job-search-received":false}"#,
        );
        let report = evaluate_person(&f, DAY);
        let b = report
            .benefit("shandong-job-search-subsidy")
            .expect("in the catalogue");
        assert_eq!(b.status, Status::ContinuationUnknown, "never claimable");
        assert_eq!(Lead::of(b), Some(Lead::WouldQualify));
        // The 2025 figure from its table, never typed here.
        let last_day = crate::vocabulary::source::NOTICE_END;
        let sum = crate::vocabulary::source::in_force(
            crate::benefits::migrant_work::SHANDONG_AMOUNT,
            last_day,
        )
        .map(|entry| entry.value);
        assert_eq!(
            ask_sentence(b, &f, DAY),
            format!(
                "我是巫溪县脱贫人口，在山东务工4个月，想问2026年赴山东一次性求职创业补贴还发不发？\
                 按2025年的规定是{} 元/人。",
                sum.unwrap_or_default()
            )
        );
        assert_eq!(figure_label(b), "2025年标准，仅供参考");
        assert!(whom_to_ask(b).contains("12333"));
        assert!(would_qualify(&report).any(|l| l.entry.id == b.entry.id));
    }

    #[test]
    fn the_old_rule_counts_the_months_up_to_today() {
        // Started in Shandong on 2026-10-01: under three months on 2026-12-07, so not yet.
        let f = facts(
            r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,
            "activity":"employee","work-place":"shandong","work-since":"2026-10-01",
            "job-search-received":false}"#,
        );
        let report = evaluate_person(&f, DAY);
        let b = report
            .benefit("shandong-job-search-subsidy")
            .expect("listed");
        assert_eq!(Lead::of(b), Some(Lead::WouldNot));
        assert_eq!(would_qualify(&report).count(), 0);
    }

    #[test]
    fn only_answers_given_go_into_the_sentence() {
        let f = facts(r#"{"audience":"person"}"#);
        let report = evaluate_person(&f, DAY);
        let b = report.benefit("job-search-subsidy").expect("listed");
        assert_eq!(
            ask_sentence(b, &f, DAY),
            "想问2026年脱贫人口一次性求职创业补贴（外出务工）还发不发？按2025年的规定是500 元/人。"
        );
        // A 户籍 without a group, with and without its district.
        let hukou = facts(r#"{"audience":"person","hukou-chongqing":true}"#);
        assert!(ask_sentence(b, &hukou, DAY).starts_with("我是重庆户籍，想问"));
        let district =
            facts(r#"{"audience":"person","hukou-chongqing":true,"hukou-district":"wuxi"}"#);
        assert!(ask_sentence(b, &district, DAY).starts_with("我是巫溪县人，想问"));
        // A benefit in force is never a lead.
        let in_force = report
            .benefit("employment-assistance-services")
            .expect("listed");
        assert_eq!(Lead::of(in_force), None);
    }
}

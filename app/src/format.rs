//! How rules-core values read on screen. Wording only: every figure comes from rules-core.

use rules_core::evaluate::{Outcome, Value};
use rules_core::money::format_yuan;
use rules_core::questions::options;
use rules_core::{Answer, Date, Status, Q};

/// A written mark beside each status, so colour is never the only cue.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Eligible => "✓",
        Status::NeedsAnswers => "？",
        Status::ContinuationUnknown => "△",
        Status::NotEligible => "✗",
        Status::PolicyEnded => "⏱",
        Status::NotForAudience => "–",
    }
}

/// How a condition stands, as a mark, its words and a class name: `("✓", "符合", "met")`.
pub fn outcome_mark(outcome: Outcome) -> (&'static str, &'static str, &'static str) {
    match outcome {
        Outcome::Met => ("✓", "符合", "met"),
        Outcome::NotMet => ("✗", "不符合", "not-met"),
        Outcome::Unknown => ("？", "待确认", "unknown"),
    }
}

/// True when the figure is an amount of money, which is always labelled 预估.
pub fn is_amount(value: &Value) -> bool {
    matches!(value, Value::Amount { .. } | Value::UpTo { .. })
}

/// What a claimable benefit is worth, as 您现在可以做什么 lists it: "预估补贴 800 元/人" (what the figure
/// is, from its catalogue entry), or the value's own words when it is not an amount.
pub fn claim_figure(b: &rules_core::BenefitReport) -> String {
    if is_amount(&b.estimate.value) {
        format!("预估{} {}", b.entry.kind.label(), b.estimate.value.text())
    } else {
        b.estimate.value.text()
    }
}

/// An answer as the user gave it: 是 / 否, an option's label, a number, a date.
pub fn answer_text(q: Q, answer: &Answer, day: Date) -> String {
    match answer {
        Answer::Bool(true) => "是".to_string(),
        Answer::Bool(false) => "否".to_string(),
        Answer::Choice(id) => options(q, day)
            .into_iter()
            .find(|o| o.id == id)
            .map(|o| o.label.to_string())
            .unwrap_or_else(|| id.clone()),
        Answer::Count(n) => n.to_string(),
        Answer::Money(rate) if q == Q::LoanLpr => format!("{}%", format_yuan(*rate)),
        Answer::Money(amount) => format!("{} 元", format_yuan(*amount)),
        Answer::Date(date) => date.chinese(),
        Answer::Roster(groups) => format!("{} 组", groups.len()),
    }
}

/// What a text box shows for an earlier answer, in the form it is typed.
pub fn answer_input(answer: &Answer) -> String {
    match answer {
        Answer::Count(n) => n.to_string(),
        Answer::Money(amount) => format_yuan(*amount),
        Answer::Date(date) => date.chinese(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::money::{yuan, Unit};

    #[test]
    fn figures_read_as_rules_core_gives_them() {
        let amount = Value::Amount {
            amount: yuan(800),
            unit: Unit::YuanPerPerson,
        };
        assert_eq!(amount.text(), "800 元/人");
        assert!(is_amount(&amount));
        assert_eq!(Value::SetByDistrict.text(), "由区县确定");
        assert_eq!(Value::Unpublished.text(), "金额未公布");
        assert!(!is_amount(&Value::Unpublished));
    }

    #[test]
    fn answers_read_back_in_words() {
        let day = Date::ymd(2025, 6, 1);
        assert_eq!(answer_text(Q::Dibao, &Answer::Bool(true), day), "是");
        assert_eq!(
            answer_text(Q::Activity, &Answer::Choice("student".into()), day),
            options(Q::Activity, day)
                .iter()
                .find(|o| o.id == "student")
                .map(|o| o.label)
                .unwrap_or_default()
        );
        assert_eq!(answer_input(&Answer::Count(35)), "35");
        // A date comes back as the app writes dates, and reads back as the same day.
        let written = answer_input(&Answer::Date(Date::ymd(2025, 1, 10)));
        assert_eq!(written, "2025年1月10日");
        assert_eq!(
            rules_core::input::parse_date(&written),
            Ok(Date::ymd(2025, 1, 10))
        );
    }
}

//! Checks answers before evaluation. Nothing here panics or rejects the whole input: each problem is
//! a [`Finding`] in plain Chinese, and an invalid value is dropped (treated as unknown) for evaluation.

use crate::engine::facts::{Facts, Q};
use crate::engine::questions::wording;
use crate::vocabulary::choices::{Activity, PovertyStatus};
use crate::vocabulary::date::Date;
use crate::vocabulary::districts;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The value was dropped and the question counts as unanswered.
    Invalid,
    /// Two answers disagree; both are kept, the user should check them.
    Contradiction,
    /// Worth knowing (e.g. a district that has since been merged).
    Notice,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub question: Option<Q>,
    pub severity: Severity,
    pub message: String,
}

fn invalid(q: Q, message: String) -> Finding {
    Finding {
        question: Some(q),
        severity: Severity::Invalid,
        message,
    }
}

fn contradiction(q: Q, message: &str) -> Finding {
    Finding {
        question: Some(q),
        severity: Severity::Contradiction,
        message: message.to_string(),
    }
}

fn check_count(value: &mut Option<u32>, q: Q, max: u32, findings: &mut Vec<Finding>) {
    if let Some(v) = *value {
        if v > max {
            findings.push(invalid(
                q,
                format!(
                    "“{}”填写的 {v} 不合常理（最多 {max}），请检查",
                    wording(q).text
                ),
            ));
            *value = None;
        }
    }
}

fn check_money(value: &mut Option<Decimal>, q: Q, max: u32, findings: &mut Vec<Finding>) {
    if let Some(v) = *value {
        if v.is_sign_negative() && !v.is_zero() {
            findings.push(invalid(q, format!("“{}”不能是负数", wording(q).text)));
            *value = None;
        } else if v > Decimal::from(max) {
            findings.push(invalid(
                q,
                format!(
                    "“{}”填写的 {v} 元过大（最多 {max} 元），请检查",
                    wording(q).text
                ),
            ));
            *value = None;
        }
    }
}

/// Whether one answer, on its own, can be taken on `as_of`: the message of the first check it fails
/// (a date in the future where the question is about the past, an absurd number …), the same words
/// [`Facts::validated`] would give. A page refuses such an answer with the message and stays on the
/// question, instead of taking it and dropping it.
pub fn check_answer(
    q: Q,
    answer: &crate::engine::facts::Answer,
    as_of: Date,
) -> Result<(), String> {
    let mut alone = Facts::default();
    alone.set(q, Some(answer))?;
    // Only the bounds can refuse one answer alone: a district note or a contradiction keeps it
    // (and needs a second answer). So the questionnaire's first load links no contradiction's
    // words.
    let mut findings = Vec::new();
    drop_out_of_bounds(&mut alone, as_of, &mut findings);
    match findings
        .into_iter()
        .find(|f| f.question == Some(q) && f.severity == Severity::Invalid)
    {
        Some(finding) => Err(finding.message),
        None => Ok(()),
    }
}

fn check_past(value: &mut Option<Date>, q: Q, as_of: Date, findings: &mut Vec<Finding>) {
    if let Some(day) = *value {
        if day > as_of {
            findings.push(invalid(
                q,
                format!(
                    "“{}”填的 {} 晚于查询日期 {}，请检查",
                    wording(q).text,
                    day.chinese(),
                    as_of.chinese()
                ),
            ));
            *value = None;
        }
    }
}

fn check_district(
    value: &mut Option<crate::engine::facts::DistrictId>,
    q: Q,
    findings: &mut Vec<Finding>,
) {
    if let Some(id) = value {
        if districts::find(&id.0).is_none() {
            findings.push(invalid(
                q,
                format!("不认识的区县代码“{}”，请重新选择", id.0),
            ));
            *value = None;
        }
    }
}

/// Checks each roster group: an impossible term becomes unknown (with a message naming the row and
/// the term), as for any other answer, so the rest of the row still counts; only a group whose head
/// count is impossible is dropped, since a group is its people.
fn check_roster(
    groups: Vec<crate::engine::roster::HireGroup>,
    findings: &mut Vec<Finding>,
) -> Vec<crate::engine::roster::HireGroup> {
    use crate::engine::roster::{MAX_CONTRIBUTIONS, MAX_COUNT, MAX_HOURS, MAX_MONTHS};
    let mut kept = Vec::with_capacity(groups.len());
    for (index, mut group) in groups.into_iter().enumerate() {
        let row = index + 1;
        let mut unknown = |what: &str, rule: String| {
            findings.push(invalid(
                Q::Roster,
                format!("第 {row} 行{what}{rule}，已按“不清楚”计算"),
            ));
        };
        if group.count > MAX_COUNT {
            findings.push(invalid(
                Q::Roster,
                format!(
                    "第 {row} 行人数 {} 过大（最多 {MAX_COUNT} 人），这一行没有计入，请检查",
                    group.count
                ),
            ));
            continue;
        }
        if group.contract_months.is_some_and(|m| m > MAX_MONTHS) {
            group.contract_months = None;
            unknown("合同期限", format!("过长（最多 {MAX_MONTHS} 个月）"));
        }
        if group.insured_months.is_some_and(|m| m > MAX_MONTHS) {
            group.insured_months = None;
            unknown("社保缴纳月数", format!("过大（最多 {MAX_MONTHS} 个月）"));
        }
        if group.subsidised_months.is_some_and(|m| m > MAX_MONTHS) {
            group.subsidised_months = None;
            unknown("已享受补贴月数", format!("过大（最多 {MAX_MONTHS} 个月）"));
        }
        if group.monthly_hours.is_some_and(|h| h > MAX_HOURS) {
            group.monthly_hours = None;
            unknown("每月工时", "超过一个月的小时数".to_string());
        }
        if group.employer_contributions.is_some_and(|c| {
            c.is_sign_negative() && !c.is_zero() || c > Decimal::from(MAX_CONTRIBUTIONS)
        }) {
            group.employer_contributions = None;
            unknown(
                "单位缴费金额",
                format!("须在 0 到 {MAX_CONTRIBUTIONS} 元之间"),
            );
        }
        kept.push(group);
    }
    kept
}

impl Facts {
    /// The answers fit for evaluation on `as_of`, and what was wrong with the others: each answer
    /// within its bounds (an answer outside them is dropped), then the district's notes, then the
    /// contradictions (both answers kept, the person asked to look again).
    pub fn validated(&self, as_of: Date) -> (Facts, Vec<Finding>) {
        let mut facts = self.clone();
        let mut findings = Vec::new();
        drop_out_of_bounds(&mut facts, as_of, &mut findings);
        note_districts(&facts, as_of, &mut findings);
        find_contradictions(&facts, as_of, &mut findings);
        (facts, findings)
    }
}

/// Numbers, sums, dates, districts and roster groups outside what the questions allow are dropped,
/// each with a finding.
fn drop_out_of_bounds(facts: &mut Facts, as_of: Date, f: &mut Vec<Finding>) {
    check_count(&mut facts.age, Q::Age, 120, f);
    check_count(&mut facts.school_year, Q::SchoolYear, 8, f);
    if facts.school_year == Some(0) {
        f.push(invalid(Q::SchoolYear, "年级请填 1 或以上".to_string()));
        facts.school_year = None;
    }
    check_count(
        &mut facts.flexible_subsidy_years,
        Q::FlexibleSubsidyYears,
        50,
        f,
    );
    check_count(&mut facts.training_days, Q::TrainingDays, 366, f);
    check_count(
        &mut facts.business_employees,
        Q::BusinessEmployees,
        100_000,
        f,
    );
    check_count(&mut facts.loan_term_years, Q::LoanTermYears, 30, f);
    check_count(&mut facts.loan_partners, Q::LoanPartners, 1_000, f);
    if facts.loan_term_years == Some(0) {
        f.push(invalid(
            Q::LoanTermYears,
            "贷款期限请填 1 年或以上".to_string(),
        ));
        facts.loan_term_years = None;
    }
    check_count(&mut facts.ui_years, Q::UiYears, 60, f);
    check_money(&mut facts.ticket_fare, Q::TicketFare, 20_000, f);
    check_money(&mut facts.one_way_fare, Q::OneWayFare, 20_000, f);
    check_money(
        &mut facts.flexible_contributions,
        Q::FlexibleContributions,
        200_000,
        f,
    );
    check_money(&mut facts.loan_amount, Q::LoanAmount, 100_000_000, f);
    if let Some(lpr) = facts.loan_lpr {
        // An LPR has been between 3 % and 6 % since 2019; 0 or over 20 % is a typing slip.
        if lpr <= Decimal::ZERO || lpr > Decimal::from(20) {
            f.push(invalid(
                Q::LoanLpr,
                format!(
                    "“{}”填写的 {lpr} 不合常理，请填百分数，例如 3.0",
                    wording(Q::LoanLpr).text
                ),
            ));
            facts.loan_lpr = None;
        }
    }
    if let Some(day) = facts.loan_contract_date {
        // A planned contract may lie ahead, but not years ahead; the rules start in 2020.
        if day.year() < 2020 || day > as_of.add_months(36) {
            f.push(invalid(
                Q::LoanContractDate,
                format!(
                    "“{}”填的 {} 不在 2020 年到查询日期后3年之间，请检查",
                    wording(Q::LoanContractDate).text,
                    day.chinese()
                ),
            ));
            facts.loan_contract_date = None;
        }
    }
    check_past(&mut facts.work_since, Q::WorkSince, as_of, f);
    check_past(&mut facts.unemployed_since, Q::UnemployedSince, as_of, f);
    check_past(&mut facts.business_since, Q::BusinessSince, as_of, f);
    check_past(&mut facts.graduated_on, Q::GraduatedOn, as_of, f);
    check_past(
        &mut facts.incubator_recognised_on,
        Q::IncubatorRecognisedOn,
        as_of,
        f,
    );
    check_district(&mut facts.hukou_district, Q::HukouDistrict, f);
    check_district(&mut facts.insured_district, Q::InsuredDistrict, f);
    check_district(&mut facts.business_district, Q::BusinessDistrict, f);
    check_district(&mut facts.org_district, Q::OrgDistrict, f);
    check_count(
        &mut facts.org_staff,
        Q::OrgStaff,
        crate::engine::roster::MAX_COUNT * 10,
        f,
    );
    check_count(
        &mut facts.workshop_retained,
        Q::WorkshopRetained,
        crate::engine::roster::MAX_COUNT,
        f,
    );
    if let Some(groups) = facts.roster.take() {
        facts.roster = Some(check_roster(groups, f));
    }
}

/// A district answer that was merged or renamed is kept with a note.
fn note_districts(facts: &Facts, as_of: Date, f: &mut Vec<Finding>) {
    if let Some(id) = &facts.hukou_district {
        if let Some(resolved) = districts::resolve(&id.0, as_of) {
            if let Some(note) = resolved.note {
                f.push(Finding {
                    question: Some(Q::HukouDistrict),
                    severity: Severity::Notice,
                    message: note,
                });
            }
        }
    }
}

/// Answers that cannot both be true.
fn find_contradictions(facts: &Facts, as_of: Date, f: &mut Vec<Finding>) {
    // Contradictions: both answers stay, the user is asked to look again.
    if facts.hukou_chongqing == Some(false) && facts.hukou_district.is_some() {
        f.push(contradiction(
            Q::HukouDistrict,
            "您说户籍不在重庆，却选了重庆的区县，请检查",
        ));
    }
    if facts.poverty_status == Some(PovertyStatus::Alleviated)
        && facts.poverty_household == Some(false)
    {
        f.push(contradiction(
            Q::PovertyHousehold,
            "您说是脱贫人口（脱贫户家庭成员），又说家里不是脱贫户，请检查",
        ));
    }
    if facts.insured_in_chongqing == Some(false) && facts.insured_district.is_some() {
        f.push(contradiction(
            Q::InsuredDistrict,
            "您说失业保险不是在重庆参保的，却选了参保区县，请检查",
        ));
    }
    let working = matches!(
        facts.activity,
        Some(Activity::Employee | Activity::OwnBusiness | Activity::PublicWelfarePost)
    );
    if working && facts.registered_unemployed == Some(true) {
        f.push(contradiction(
            Q::RegisteredUnemployed,
            "您说目前在工作，又说已办理失业登记；找到工作后失业登记会注销，请检查",
        ));
    }
    if working && facts.age.is_some_and(|age| age < 16) {
        f.push(contradiction(
            Q::Age,
            "未满16周岁不能被招用或办理营业执照，请检查年龄",
        ));
    }
    if facts.training_kind == Some(crate::vocabulary::choices::TrainingKind::None)
        && facts.training_days.is_some_and(|days| days > 0)
    {
        f.push(contradiction(
            Q::TrainingDays,
            "您说今年没有参加培训，却填了培训天数，请检查",
        ));
    }
    if let (Some(true), Some(graduated)) = (facts.college_graduate, facts.graduated_on) {
        if graduated.add_months(120) < as_of {
            f.push(contradiction(
                Q::GraduatedOn,
                "您说是近10年内毕业的，但填的毕业日期已超过10年，请检查",
            ));
        }
    }
    if let (Some(graduated), Some(age)) = (facts.graduated_on, facts.age) {
        if u32::from(graduated.year()) + 10 < u32::from(as_of.year()) && age < 20 {
            f.push(contradiction(
                Q::GraduatedOn,
                "毕业时间与年龄对不上，请检查",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::facts::DistrictId;

    #[test]
    fn drops_absurd_values_with_a_message() {
        let facts = Facts {
            age: Some(400),
            ticket_fare: Some(Decimal::new(-5, 0)),
            work_since: Some(Date::ymd(2030, 1, 1)),
            hukou_district: Some(DistrictId("atlantis".into())),
            ..Facts::default()
        };
        let (clean, findings) = facts.validated(Date::ymd(2025, 6, 1));
        assert_eq!(clean.age, None);
        assert_eq!(clean.ticket_fare, None);
        assert_eq!(clean.work_since, None);
        assert_eq!(clean.hukou_district, None);
        assert_eq!(findings.len(), 4);
        assert!(findings.iter().all(|f| f.severity == Severity::Invalid));
        assert!(findings[0].message.contains("400"));
    }

    #[test]
    fn reports_contradictions_and_keeps_both_answers() {
        let facts = Facts {
            activity: Some(Activity::Employee),
            registered_unemployed: Some(true),
            ..Facts::default()
        };
        let (clean, findings) = facts.validated(Date::ymd(2025, 6, 1));
        assert_eq!(clean.registered_unemployed, Some(true));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Contradiction);
        let facts = Facts {
            poverty_status: Some(PovertyStatus::Alleviated),
            poverty_household: Some(false),
            ..Facts::default()
        };
        let (_, findings) = facts.validated(Date::ymd(2025, 6, 1));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].question, Some(Q::PovertyHousehold));
    }

    #[test]
    fn merged_district_gets_a_notice() {
        let facts = Facts {
            hukou_district: Some(DistrictId("jiangbei".into())),
            ..Facts::default()
        };
        let (_, findings) = facts.validated(Date::ymd(2026, 3, 1));
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Notice);
        assert!(findings[0].message.contains("两江新区"));
    }

    #[test]
    fn an_answer_that_would_be_dropped_is_refused_with_its_message() {
        use crate::engine::facts::Answer;
        let today = Date::ymd(2026, 12, 7);
        let future = Answer::Date(Date::ymd(2027, 1, 1));
        let refused = check_answer(Q::GraduatedOn, &future, today).expect_err("a future day");
        assert!(refused.contains("晚于查询日期"), "{refused}");
        assert!(check_answer(Q::GraduatedOn, &Answer::Date(Date::ymd(2026, 6, 30)), today).is_ok());
        // A future loan contract is fine: it is signed later.
        assert!(check_answer(Q::LoanContractDate, &future, today).is_ok());
        assert!(check_answer(Q::Age, &Answer::Count(35), today).is_ok());
    }

    /// `check_answer` runs the bounds only (so the questionnaire's first load links no
    /// contradiction's words): for one answer alone it must refuse exactly what `validated` drops,
    /// with the same words, for every question and a spread of answers of each kind.
    #[test]
    fn one_answer_alone_is_refused_exactly_as_validated_would_drop_it() {
        use crate::engine::facts::{Answer, AnswerKind};
        use crate::engine::roster::HireGroup;
        use crate::vocabulary::choices::HireIdentity;
        let today = Date::ymd(2026, 12, 7);
        let (mut compared, mut refused) = (0, 0);
        for &q in Q::ALL.iter() {
            let answers: Vec<Answer> = match q.kind() {
                AnswerKind::YesNo => vec![Answer::Bool(true), Answer::Bool(false)],
                AnswerKind::Choice => crate::engine::questions::options(q, today)
                    .into_iter()
                    .map(|o| Answer::Choice(o.id.to_string()))
                    .chain([Answer::Choice("no-such-choice".to_string())])
                    .collect(),
                AnswerKind::Count => [0, 1, 8, 9, 16, 60, 120, 121, 100_000, u32::MAX]
                    .into_iter()
                    .map(Answer::Count)
                    .collect(),
                AnswerKind::Money => [0, 1, 3_000, 500_000, 20_000_000, 10_000_000_000_i64]
                    .into_iter()
                    .map(|m| Answer::Money(Decimal::from(m)))
                    .collect(),
                AnswerKind::Date => [
                    Date::ymd(1900, 1, 1),
                    Date::ymd(2021, 6, 1),
                    today,
                    Date::ymd(2027, 1, 1),
                    Date::ymd(2100, 1, 1),
                ]
                .into_iter()
                .map(Answer::Date)
                .collect(),
                AnswerKind::Roster => {
                    let mut group = HireGroup::new(HireIdentity::Poverty, 3);
                    group.contract_months = Some(12);
                    let mut huge = HireGroup::new(HireIdentity::Poverty, 1_000_000);
                    huge.contract_months = Some(1_000);
                    vec![Answer::Roster(vec![group]), Answer::Roster(vec![huge])]
                }
                _ => Vec::new(),
            };
            for answer in answers {
                let mut alone = Facts::default();
                let Ok(()) = alone.set(q, Some(&answer)) else {
                    continue;
                };
                let (_, findings) = alone.validated(today);
                let dropped = findings
                    .into_iter()
                    .find(|f| f.question == Some(q) && f.severity == Severity::Invalid)
                    .map(|f| f.message);
                refused += usize::from(dropped.is_some());
                assert_eq!(
                    check_answer(q, &answer, today).err(),
                    dropped,
                    "{q:?} = {answer:?}"
                );
                compared += 1;
            }
        }
        assert!(compared > 100, "only {compared} answers compared");
        assert!(refused > 10, "only {refused} answers refused");
    }
}

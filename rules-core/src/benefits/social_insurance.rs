//! 社会保险补贴 (notice 二（四）): the subsidy for people in flexible work.

use crate::engine::documents::{need, need_if, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, yes};
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, round_fen, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::notice_clause;
use crate::vocabulary::source::{Confidence, Source};
use rust_decimal::Decimal;

pub const FLEXIBLE_SOURCE: Source = Source {
    document:
        "重庆人社助企纾困政策服务包（2023版）灵活就业人员社会保险补贴；依据渝人社发〔2018〕174号",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hmbt/202307/t20230728_12195507_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE: &str = notice_clause!("二（四）；渝人社发〔2018〕174号");
/// The subsidy is 2/3 of the contributions actually paid.
/// 2/3 to 28 places. Multiplying by it and rounding to the fen gives exactly what dividing does for
/// any amount in fen (a third of a whole number of fen is never within 10⁻²⁰ of a half fen; the test
/// below checks), and keeps Decimal's division, kilobytes of code, out of the residents' wasm.
const TWO_THIRDS: Decimal = Decimal::from_parts(178_956_971, 695_075_222, 361_400_724, false, 28);
/// At most 3 years (to retirement for those within 5 years of it).
const MAX_YEARS: u32 = 3;

fn flexible_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let group = yes(f.dibao, Q::Dibao)
        .or_else(|| yes(f.zero_employment_family, Q::ZeroEmploymentFamily))
        .or_else(|| {
            // "户籍登记失业“4050”": the 4050 group needs a Chongqing 户籍; the graduates do not.
            yes(f.registered_unemployed, Q::RegisteredUnemployed).and_then(|| {
                ctx.is_4050()
                    .and_then(|| ctx.chongqing_hukou())
                    .or_else(|| ctx.college_graduate_within(24))
            })
        });
    let poverty_only = ctx.poverty().is_yes();
    let group_not_met = if poverty_only {
        "只凭脱贫人口身份不能申请；同时属于低保、零就业家庭或重庆户籍登记失业的“4050”人员、离校2年内登记失业高校毕业生的可以申请。在非全日制公益性岗位就业并以个人身份参保的脱贫人口，可按公益性岗位政策申请社保补贴"
    } else {
        "须是低保家庭、零就业家庭人员，或重庆户籍登记失业的“4050”人员、离校2年内登记失业的高校毕业生"
    };
    let conditions = vec![
        ctx.condition("flexible-work", "在重庆灵活就业", CLAUSE)
            .check(
                ctx.activity_is(|a| a == Activity::Flexible),
                "您在灵活就业",
                "须是灵活就业人员（在单位上班的，由单位申请社保补贴）",
            ),
        ctx.condition(
            "target-group",
            "低保、零就业家庭人员，重庆户籍登记失业的“4050”人员，或离校2年内登记失业的高校毕业生",
            CLAUSE,
        )
        .check(group, "您属于补贴对象", group_not_met),
        ctx.condition(
            "insured-as-individual",
            "以个人身份缴纳职工养老保险和职工医疗保险",
            CLAUSE,
        )
        .check(
            yes(f.flexible_insured, Q::FlexibleInsured),
            "您以个人身份缴纳职工养老、医疗保险",
            "须以个人身份缴纳职工养老保险和职工医疗保险（城乡居民保险不算）",
        ),
        ctx.condition(
            "within-three-years",
            "享受期限最长3年（距退休不足5年的可延长至退休）",
            CLAUSE,
        )
        .check(
            fact(f.flexible_subsidy_years, Q::FlexibleSubsidyYears, |y| {
                y < MAX_YEARS
            }),
            "还在享受期限内",
            "已领满3年；距法定退休年龄不足5年的可申请延长至退休，请向区县人力社保部门咨询",
        ),
    ];
    let estimate = match f.flexible_contributions {
        Some(paid) => {
            let amount = round_fen(paid * TWO_THIRDS);
            Estimate::amount(
                amount,
                Unit::YuanPerYear,
                vec![format!(
                    "上年实际缴纳职工养老、医疗保险费 {} 元 × 2/3 = {} 元",
                    format_yuan(paid),
                    format_yuan(amount)
                )],
                &FLEXIBLE_SOURCE,
                "按上年实际缴费的2/3补贴，个人缴费部分以外不补",
            )
        }
        None => Estimate {
            value: Value::NeedsAnswers {
                asks: vec![Q::FlexibleContributions],
            },
            steps: vec!["补贴 = 上年实际缴纳的职工养老、医疗保险费 × 2/3".to_string()],
            confidence: Confidence::Official,
            sources: Sources::one(&FLEXIBLE_SOURCE),
            note: "填写上年缴费金额后可估算".into(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        },
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const FLEXIBLE_EMPLOYMENT: Benefit = Benefit {
    entry: catalogue::entry(
        "flexible-employment-social-insurance-subsidy",
        "灵活就业社会保险补贴",
        Audience::Person,
        "二（四）",
    ),
    validity: Validity::in_force("渝人社发〔2018〕174号", &FLEXIBLE_SOURCE),
    not_combined_with: &[],
    rule: flexible_rule,
};

/// What to bring for [`FLEXIBLE_EMPLOYMENT`] and where to apply (read by the results, never by the questionnaire).
pub const FLEXIBLE_EMPLOYMENT_GUIDE: Guide = Guide {
    benefit: FLEXIBLE_EMPLOYMENT.entry.id,
    documents: &[
        need("form-flexible-si-subsidy", Form::FillIn),
        need("id-card", Form::Shown),
        need("social-insurance-record", Form::CheckedInSystem),
        need_if(
            "unemployment-registration",
            Form::CheckedInSystem,
            "按登记失业“4050”或高校毕业生申请的",
        ),
        need_if(
            "graduation-certificate",
            Form::Copy,
            "按离校2年内高校毕业生申请的",
        ),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "就业登记地的街道（乡镇）公共就业服务机构或区县就业和人才服务机构",
        online: "“重庆智能就业”小程序、重庆就业网",
        window: "每年3月或9月申报上一年度的补贴（各区县可能不同）",
        steps: "先办理灵活就业登记并备案 → 提交申请 → 公示5个工作日 → 财政拨付到本人账户",
        confidence: Confidence::Weak,
    },
};

pub fn parameters() -> Vec<Parameter> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_thirds_by_multiplying_rounds_like_dividing() {
        let three = Decimal::from(3);
        let mut fen: i64 = 0;
        // Every amount up to 3000.00 元 to the fen, then larger ones in uneven steps.
        while fen < 100_000_000 {
            let paid = Decimal::new(fen, 2);
            assert_eq!(
                round_fen(paid * TWO_THIRDS),
                round_fen(paid * Decimal::TWO / three),
                "{paid}"
            );
            fen += if fen < 300_000 { 1 } else { 9_973 };
        }
    }
}

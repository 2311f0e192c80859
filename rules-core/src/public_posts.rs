//! 乡村公益性岗位 (notice 二（五）): placement of 脱贫人口 on village public-welfare posts.

use crate::choices::*;
use crate::date::Date;
use crate::documents::{need, Form, HowToApply};
use crate::evaluate::*;
use crate::facts::Q;
use crate::hiring::{per_group, roster_estimate, GroupOutcome};
use crate::logic::{fact, no};
use crate::money::{format_yuan, Unit};
use crate::parameters::{
    MIN_WAGE_TIER1_HOURLY, MIN_WAGE_TIER1_MONTHLY, MIN_WAGE_TIER2_HOURLY, MIN_WAGE_TIER2_MONTHLY,
};
use crate::source::{in_force, Confidence, Source};
use rust_decimal::Decimal;

pub const RURAL_POST_SOURCE: Source = Source {
    document: "渝人社〔2021〕237号 二（五）；区县乡村公益性岗位实施方案（如万州农委函〔2026〕7号）",
    url: "http://www.wz.gov.cn/bmjz_89642/bm/nyncwyh/zwgk_94800/fdzdgknr_94802/lzyj_94803/202601/t20260112_15306663.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2026, 1, 12)),
};
pub const XIUSHAN_EXAMPLE_SOURCE: Source = Source {
    document: "秀山县膏田镇2023年乡村公益性岗位公告",
    url: "http://www.cqxs.gov.cn/jz/gtz/zwgk_78906/fdzdgknr_78908/zdmsxx_78915/202305/t20230504_11931928.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 5, 4)),
};
const CLAUSE: &str = "渝人社〔2021〕237号 二（五）";
const CLAUSE_DISTRICT: &str = "区县实施方案（如万州农委函〔2026〕7号）";

fn rural_post_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let family = fact(f.poverty_status, Q::PovertyStatus, |s| {
        matches!(s, PovertyStatus::Alleviated | PovertyStatus::Monitored)
    });
    let capacity_message = match f.labour_capacity {
        Some(LabourCapacity::Weak | LabourCapacity::Half) => "弱劳力、半劳力优先安置",
        _ => "有劳动能力",
    };
    let available =
        ctx.activity_is(|a| matches!(a, Activity::NotWorking | Activity::PublicWelfarePost));
    let conditions = vec![
        condition("poverty", "脱贫人口（含风险未消除的监测对象）", CLAUSE).check(
            family,
            "您是脱贫人口",
            "乡村公益性岗位优先安置脱贫人口（含风险未消除的监测对象）",
        ),
        condition(
            "age-and-capacity",
            "年满16周岁，有一定劳动能力",
            CLAUSE_DISTRICT,
        )
        .check(
            ctx.age_at_least(16).and_then(|| {
                fact(f.labour_capacity, Q::LabourCapacity, |c| {
                    c != LabourCapacity::None
                })
            }),
            capacity_message,
            "须年满16周岁并有一定劳动能力",
        ),
        condition(
            "not-otherwise-employed",
            "没有其他工作（未外出务工、未在车间就业、未办营业执照）",
            CLAUSE_DISTRICT,
        )
        .check(
            available,
            if f.activity == Some(Activity::PublicWelfarePost) {
                "您已在公益性岗位上"
            } else {
                "您目前没有工作"
            },
            "已在外务工、在单位就业或自己经营的，一般不安排乡村公益性岗位",
        ),
        condition(
            "one-per-family",
            "家里没有其他人在公益性岗位上（区县规定）",
            CLAUSE_DISTRICT,
        )
        .check(
            no(f.family_on_post, Q::FamilyOnPost),
            "家里还没有人在岗",
            "家里已有人在公益性岗位上，很多区县规定一户只安排一人",
        ),
    ];
    RuleResult {
        conditions,
        estimate: Estimate::other(
            Value::SetByDistrict,
            &RURAL_POST_SOURCE,
            "岗位补贴由区县确定，同一区域内类似岗位待遇基本统一；例如秀山县膏田镇2023年非全日制岗位每月不低于300元、每天不少于3小时。签订劳动合同或劳务协议，每次不超过1年，并购买意外伤害保险",
        )
        .with_source(&XIUSHAN_EXAMPLE_SOURCE),
    }
}

pub const RURAL_POST: Benefit = Benefit {
    id: "rural-public-welfare-post",
    validity: Validity::in_force("各区县年度乡村公益性岗位开发方案（渝人社〔2021〕237号 二（五））", &RURAL_POST_SOURCE).with_note("2026年查到的是万州区的方案（“大稳定、小调整”）；其他区县是否开发、岗位和待遇，以当地方案为准，请向户籍所在村（社区）或镇街咨询。"),
    documents: &[need("id-card", Form::Shown), need("household-register", Form::Shown), need("poverty-status-record", Form::CheckedInSystem)],
    apply: &HowToApply {
        automatic: false,
        office: "户籍所在村（社区）或镇街",
        online: "",
        window: "按区县每年的岗位开发安排",
        steps: "向村委会报名 → 镇街审核、公示 → 签订劳动合同或劳务协议（每次不超过1年）；具体流程以区县方案为准",
        confidence: Confidence::Weak,
    },
    not_combined_with: &[],
    rule: rural_post_rule,
};

// ---- 公益性岗位补贴（开发单位） ------------------------------------------------------------------

pub const POST_SUBSIDY_SOURCE: Source = Source {
    document: "渝人社发〔2016〕239号《重庆市公益性岗位开发和管理办法》；重庆人社服务包（2023版）公益性岗位补贴",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195277.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_POST_SUBSIDY: &str = "渝人社〔2021〕237号 二（五）；渝人社发〔2016〕239号";

fn judge_post(
    group: &crate::roster::HireGroup,
    monthly: Decimal,
    hourly: Decimal,
) -> (GroupOutcome, Decimal) {
    use HireIdentity::*;
    let difficulty = matches!(
        group.identity,
        Poverty | Dibao | ZeroEmployment | FourFifty | Disabled | DisabledGraduate
    );
    if !difficulty {
        return (
            GroupOutcome::Excluded("公益性岗位补贴面向就业困难人员和脱贫人口".into()),
            Decimal::ZERO,
        );
    }
    match (group.public_post, group.contract_months, group.full_time) {
        (None, _, _) => (
            GroupOutcome::Unknown("请填写是否在公益性岗位上".into()),
            Decimal::ZERO,
        ),
        (Some(false), _, _) => (
            GroupOutcome::Excluded("不在公益性岗位上".into()),
            Decimal::ZERO,
        ),
        (_, None, _) => (
            GroupOutcome::Unknown("请填写劳动合同或劳务协议期限".into()),
            Decimal::ZERO,
        ),
        (_, Some(0), _) => (
            GroupOutcome::Excluded("须签订劳动合同或劳务协议".into()),
            Decimal::ZERO,
        ),
        (_, Some(months), _) if months > 12 => (
            GroupOutcome::Excluded(
                "劳动合同或劳务协议每次签订期限不超过1年，请按1年以内签订".into(),
            ),
            Decimal::ZERO,
        ),
        (_, _, None) => (
            GroupOutcome::Unknown("请填写全日制或非全日制".into()),
            Decimal::ZERO,
        ),
        (_, _, Some(true)) => (GroupOutcome::Qualifies, monthly),
        (_, _, Some(false)) => match group.monthly_hours {
            Some(hours) if hours > 0 => (GroupOutcome::Qualifies, hourly * Decimal::from(hours)),
            _ => (
                GroupOutcome::Unknown("非全日制岗位请填写每月工作小时数".into()),
                Decimal::ZERO,
            ),
        },
    }
}

fn post_subsidy_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let district = ctx.district(&f.org_district);
    let wages = district.and_then(|d| {
        let (monthly, hourly) = if d.wage_tier() == 2 {
            (MIN_WAGE_TIER2_MONTHLY, MIN_WAGE_TIER2_HOURLY)
        } else {
            (MIN_WAGE_TIER1_MONTHLY, MIN_WAGE_TIER1_HOURLY)
        };
        Some((in_force(monthly, ctx.as_of)?, in_force(hourly, ctx.as_of)?))
    });
    let (monthly, hourly) =
        wages.map_or((Decimal::ZERO, Decimal::ZERO), |(m, h)| (m.value, h.value));
    let result = per_group(f.roster.as_ref(), |g| judge_post(g, monthly, hourly));
    let conditions = vec![
        condition("developer", "公益性岗位开发单位", CLAUSE_POST_SUBSIDY).check(
            ctx.org_kind_is(|k| k == OrgKind::PublicPostDeveloper),
            "贵单位是公益性岗位开发单位",
            "此项面向开发公益性岗位的单位（村委会、社区、机关事业单位等）",
        ),
        result.report(condition(
            "placed-people",
            "安置就业困难人员（含脱贫人口）在公益性岗位，签订劳动合同或劳务协议（每次不超过1年）",
            CLAUSE_POST_SUBSIDY,
        ), "名单中有符合条件的在岗人员"),
    ];
    let estimate = match wages {
        Some((m, h)) => {
            let mut estimate = roster_estimate(
                &result,
                Unit::YuanPerMonth,
                m.source,
                "全日制按当地最低月工资标准、非全日制按最低小时工资标准补贴，另可申请社保补贴；一般不超过3年，距退休不足5年的最长5年；须购买意外伤害商业保险（保费标准未查到）",
            )
            .with_source(&POST_SUBSIDY_SOURCE);
            if let Value::Amount { unit, .. } = &mut estimate.value {
                *unit = Unit::YuanPerMonth;
            }
            estimate.steps.insert(
                0,
                format!(
                    "当地最低工资：{} 元/月，非全日制 {} 元/小时",
                    format_yuan(m.value),
                    format_yuan(h.value)
                ),
            );
            estimate
        }
        None => Estimate::other(
            Value::NeedsAnswers {
                asks: vec![Q::OrgDistrict],
            },
            &POST_SUBSIDY_SOURCE,
            "按单位所在区县的最低工资标准计算，请选择区县",
        ),
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const POST_SUBSIDY: Benefit = Benefit {
    id: "public-welfare-post-subsidy",
    validity: Validity::in_force("渝人社发〔2016〕239号", &POST_SUBSIDY_SOURCE),
    documents: &[
        need("form-public-welfare-post", Form::FillIn),
        need("roster-public-welfare-post", Form::FillIn),
        need("hardship-status-proof", Form::Copy),
        need("labour-contract", Form::Copy),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "区县就业和人才中心",
        online: "重庆市人力资源和社会保障局网站、重庆市公共就业服务网",
        window: "申报周期（按月、季或年）请向区县人力社保部门咨询",
        steps: "报送申请表和花名册 → 审核、公示 → 财政将岗位补贴和社保补贴拨付到单位账户",
        confidence: Confidence::Official,
    },
    not_combined_with: &[],
    rule: post_subsidy_rule,
};

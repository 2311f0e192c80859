//! 乡村公益性岗位 (notice 二（五）): placement of 脱贫人口 on village public-welfare posts.

use crate::benefits::groups::{per_group, roster_estimate, GroupOutcome};
use crate::engine::documents::{need, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, no, yes, Tri};
use crate::engine::report::*;
use crate::engine::roster::RosterTerm;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, Unit};
use crate::vocabulary::parameters::{
    MIN_WAGE_TIER1_HOURLY, MIN_WAGE_TIER1_MONTHLY, MIN_WAGE_TIER2_HOURLY, MIN_WAGE_TIER2_MONTHLY,
    WAGE_2019,
};
use crate::vocabulary::source::{in_force, Confidence, Dated, Source};
use crate::vocabulary::source::{notice_clause, notice_number};
use rust_decimal::Decimal;

pub const RURAL_POST_SOURCE: Source = Source {
    document: notice_clause!("二（五）；区县乡村公益性岗位实施方案（如万州农委函〔2026〕7号）"),
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
const CLAUSE: &str = notice_clause!("二（五）");
const CLAUSE_DISTRICT: &str = "区县实施方案（如万州农委函〔2026〕7号）";
const CLAUSE_WANZHOU: &str = "万州农委函〔2026〕7号";

/// 万州 is the only district whose "one post per family" rule is sourced (万州农委函〔2026〕7号).
const WANZHOU: &str = "wanzhou";

fn rural_post_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let family = ctx.poverty();
    let available =
        ctx.activity_is(|a| matches!(a, Activity::NotWorking | Activity::PublicWelfarePost));
    // Placed first: 弱劳力、半劳力 (notice) and people who cannot leave home to work (research §2.15).
    // Not being one of them excludes nobody, so the condition is met either way once known.
    let priority = fact(f.labour_capacity, Q::LabourCapacity, |c| {
        matches!(c, LabourCapacity::Weak | LabourCapacity::Half)
    })
    .or_else(|| yes(f.cannot_leave_home, Q::CannotLeaveHome));
    let priority_message = match (&priority, f.labour_capacity) {
        (Tri::Yes, Some(LabourCapacity::Weak | LabourCapacity::Half)) => {
            "您是弱劳力或半劳力，属于优先安置对象"
        }
        (Tri::Yes, _) => "您无法外出务工，属于优先安置对象",
        _ => "不属于优先安置的弱劳力、半劳力或无法外出人员；岗位有空缺时仍可报名",
    };
    let priority_known = match priority {
        Tri::No => Tri::Yes,
        known => known,
    };
    let wanzhou = ctx.district(&f.hukou_district).map(|d| d.id == WANZHOU);
    let one_per_family =
        no(f.family_on_post, Q::FamilyOnPost).or_else(|| fact(wanzhou, Q::HukouDistrict, |w| !w));
    let one_per_family_met = if f.family_on_post == Some(true) {
        "未查到您所在区县有“一户一人”的规定，以当地方案为准"
    } else {
        "家里还没有人在岗"
    };
    // 万州 excludes people drawing an urban employee pension (materials.md §8, H); other districts'
    // plans are not found, so only 万州 asks: a known other district settles it without asking.
    let no_pension = match wanzhou {
        Some(false) => Tri::Yes,
        _ => {
            no(f.urban_pension, Q::UrbanPension).or_else(|| fact(wanzhou, Q::HukouDistrict, |w| !w))
        }
    };
    let conditions = vec![
        ctx.condition("poverty", "脱贫人口（含风险未消除的监测对象）", CLAUSE)
            .check(
                family,
                "您是脱贫人口",
                "乡村公益性岗位优先安置脱贫人口（含风险未消除的监测对象）",
            ),
        ctx.condition(
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
            "年龄和劳动能力符合",
            "须年满16周岁并有一定劳动能力",
        ),
        ctx.condition(
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
        ctx.condition(
            "priority",
            "优先安置弱劳力、半劳力和无法外出务工的脱贫人口（万州区另优先安置离校2年内的雨露计划毕业生）",
            CLAUSE,
        )
        .check(priority_known, priority_message, ""),
        ctx.condition(
            "no-urban-pension",
            "万州区：不在领取城镇职工基本养老金（其他区县是否有此限制未查到）",
            CLAUSE_WANZHOU,
        )
        .check(
            no_pension,
            if f.urban_pension == Some(true) {
                "未查到您所在区县有此限制，以当地方案为准"
            } else {
                "没有领取城镇职工基本养老金"
            },
            "万州区规定领取城镇职工基本养老金的人员不安排乡村公益性岗位",
        ),
        ctx.condition(
            "one-per-family",
            "万州区：家里没有其他人在公益性岗位上（其他区县是否有此限制未查到）",
            CLAUSE_WANZHOU,
        )
        .check(
            one_per_family,
            one_per_family_met,
            "万州区规定家庭成员已在其他公益性岗位上的不再安排",
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
    entry: catalogue::entry(
        "rural-public-welfare-post",
        "乡村公益性岗位安置",
        Audience::Person,
        "二（五）",
    ),
    validity: Validity::in_force(
        concat!(
            "各区县年度乡村公益性岗位开发方案（",
            notice_number!(),
            " 二（五））"
        ),
        &RURAL_POST_SOURCE,
    )
    .with_note(
        "2026年查到的是万州区的方案（“大稳定、小调整\
        ”）；其他区县是否开发、岗位和待遇，以当地方案为准，请向户籍所在村（社区）或镇街咨询。",
    ),
    not_combined_with: &[],
    rule: rural_post_rule,
};

/// What to bring for [`RURAL_POST`] and where to apply (read by the results, never by the questionnaire).
pub const RURAL_POST_GUIDE: Guide = Guide {
    benefit: RURAL_POST.entry.id,
    documents: &[need("id-card", Form::Shown), need("household-register", Form::Shown), need("poverty-status-record", Form::CheckedInSystem)],
    apply: &HowToApply {
        automatic: false,
        office: "户籍所在村（社区）或镇街",
        online: "",
        window: "按区县每年的岗位开发安排",
        steps: "向村委会报名 → 镇街审核、公示 → 签订劳动合同或劳务协议（每次不超过1年）；具体流程以区县方案为准",
        confidence: Confidence::Weak,
    },
};

// ---- 公益性岗位补贴（开发单位） ------------------------------------------------------------------

pub const POST_SUBSIDY_SOURCE: Source = Source {
    document: "渝人社发〔2016〕239号《重庆市公益性岗位开发和管理办法》；重庆人社服务包（2023版）公益性岗位补贴",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195277.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
/// "公益性岗位补贴标准统一为当地最低工资标准" (2016, the city government's news on gov.cn; corrections 14).
pub const POST_AMOUNT_SOURCE: Source = Source {
    document: "重庆市公益性岗位补贴标准统一为当地最低工资标准（2016年，中国政府网转载）",
    url: "http://big5.www.gov.cn/gate/big5/www.gov.cn/xinwen/2016-11/14/content_5132314.htm",
    confidence: Confidence::Secondary,
    date: Some(Date::ymd(2016, 11, 14)),
};
/// The 3-year limit (5 years near retirement) of 239号, quoted only on a district mirror (corrections 14).
pub const POST_DURATION_SOURCE: Source = Source {
    document: "渝人社发〔2016〕239号：补贴期限一般不超过3年，距法定退休年龄不足5年的最长不超过5年（区县网站镜像转引）",
    url: "http://bjyjxg.com/fpb/zxgz_231/zcxc/202210/t20221028_11240374",
    confidence: Confidence::Weak,
    date: Some(Date::ymd(2022, 10, 28)),
};
/// Village posts: no municipal amount; the national wording is a ceiling at the town-post level
/// (corrections B6), and districts cite 渝人社发〔2018〕247号 (綦江).
pub const RURAL_POST_PAY_SOURCE: Source = Source {
    document: "乡村公益性岗位补贴由区县确定，原则上不高于当地城镇公益性岗位补贴水平（转载）",
    url: "http://m.jxyuer.com/news/jiaodian/170417.html",
    confidence: Confidence::Weak,
    date: None,
};
pub const QIJIANG_RURAL_POST_SOURCE: Source = Source {
    document: "綦江区乡村公益性岗位方案（依据渝人社发〔2018〕247号）",
    url: "https://cqqj.gov.cn/zwgk_159/zfxxgkml/xczx/zyzc/202502/t20250220_14324656_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2025, 2, 20)),
};
const CLAUSE_POST_SUBSIDY: &str = notice_clause!("二（五）；渝人社发〔2016〕239号");
/// The subsidy runs at most 3 years; 5 for people within 5 years of retirement at first approval.
const POST_MAX_MONTHS: u32 = 36;
const POST_MAX_MONTHS_NEAR_RETIREMENT: u32 = 60;
/// "每次签订期限不超过1年" binds posts placing 脱贫人口 (notice 二（五）).
const POVERTY_CONTRACT_MAX_MONTHS: u32 = 12;

/// The local minimum wages (monthly, hourly) for town posts, where the district's tier is known.
type Wages = Option<(Decimal, Decimal)>;

fn judge_post(group: &crate::engine::roster::HireGroup, wages: Wages) -> (GroupOutcome, Decimal) {
    use HireIdentity::*;
    let difficulty = matches!(
        group.identity,
        Poverty | Dibao | ZeroEmployment | FourFifty | Disabled | DisabledGraduate
    );
    let excluded = |why: &str| (GroupOutcome::Excluded(why.into()), Decimal::ZERO);
    let unknown = |term| (GroupOutcome::Unknown(term), Decimal::ZERO);
    if !difficulty {
        return excluded("公益性岗位补贴面向就业困难人员和脱贫人口");
    }
    // "我市户籍脱贫人口" (服务包2023, H; issue 29, item 5).
    if group.identity == Poverty {
        match group.chongqing_hukou {
            None => return unknown(RosterTerm::ChongqingHukou),
            Some(false) => return excluded("公益性岗位补贴面向本市（重庆）户籍的脱贫人口"),
            Some(true) => {}
        }
    }
    match group.public_post {
        None => return unknown(RosterTerm::PublicPost),
        Some(false) => return excluded("不在公益性岗位上"),
        Some(true) => {}
    }
    let Some(kind) = group.post_kind else {
        return unknown(RosterTerm::PostKind);
    };
    match group.contract_months {
        None => return unknown(RosterTerm::ContractMonths),
        Some(0) => return excluded("须签订劳动合同或劳务协议"),
        // A way of signing for posts placing 脱贫人口, not an exclusion: sign again for a year or less.
        Some(months) if group.identity == Poverty && months > POVERTY_CONTRACT_MAX_MONTHS => {
            return (
                GroupOutcome::Pending(
                    "安置脱贫人口的公益性岗位，劳动合同或劳务协议每次签订期限不超过1年：请按1年以内签订（到期续签）后申请".into(),
                ),
                Decimal::ZERO,
            )
        }
        Some(_) => {}
    }
    if kind == PostKind::Rural {
        return (
            GroupOutcome::QualifiesUnpriced {
                why: "乡村公益性岗位补贴由区县确定（原则上不高于当地城镇公益性岗位补贴水平），没有全市统一标准".into(),
                by_district: true,
            },
            Decimal::ZERO,
        );
    }
    match group.subsidised_months {
        None => return unknown(RosterTerm::SubsidisedMonths),
        Some(months) if months >= POST_MAX_MONTHS_NEAR_RETIREMENT => {
            return excluded("已享受满5年，不能再享受公益性岗位补贴")
        }
        Some(months) if months >= POST_MAX_MONTHS => match group.near_retirement {
            None => return unknown(RosterTerm::NearRetirement),
            Some(false) => {
                return excluded(
                    "已享受满3年；只有初次核定时距法定退休年龄不足5年的，才可延长到5年",
                )
            }
            Some(true) => {}
        },
        Some(_) => {}
    }
    let (monthly, hourly) = wages.unwrap_or((Decimal::ZERO, Decimal::ZERO));
    match group.full_time {
        None => unknown(RosterTerm::FullTime),
        Some(true) => (GroupOutcome::Qualifies, monthly),
        Some(false) => match group.monthly_hours {
            Some(hours) if hours > 0 => (GroupOutcome::Qualifies, hourly * Decimal::from(hours)),
            _ => unknown(RosterTerm::MonthlyHours),
        },
    }
}

/// The town posts' wages on the day, from the district's tier; the reason when they cannot be known.
fn town_post_wages(
    ctx: &Ctx,
) -> Result<(&'static Dated<Decimal>, &'static Dated<Decimal>), Box<Estimate>> {
    let Some(district) = ctx.district(&ctx.facts.org_district) else {
        return Err(Box::new(Estimate::other(
            Value::NeedsAnswers {
                asks: vec![Q::OrgDistrict],
            },
            &POST_SUBSIDY_SOURCE,
            "城镇公益性岗位按单位所在区县的最低工资标准计算，请选择区县",
        )));
    };
    let Some(tier) = district.wage_tier_on(ctx.as_of) else {
        return Err(Box::new(Estimate::other(
            Value::Unpublished,
            &WAGE_2019,
            "渝人社发〔2018〕229号（2019年1月至2022年3月）只列出26个区和两江新区、万盛经开区的最低工资档次，没有列出重庆高新区，所以这期间的补贴标准无法确定，请向区县人力社保部门咨询",
        )));
    };
    let (monthly, hourly) = if tier == 2 {
        (MIN_WAGE_TIER2_MONTHLY, MIN_WAGE_TIER2_HOURLY)
    } else {
        (MIN_WAGE_TIER1_MONTHLY, MIN_WAGE_TIER1_HOURLY)
    };
    match (in_force(monthly, ctx.as_of), in_force(hourly, ctx.as_of)) {
        (Some(m), Some(h)) => Ok((m, h)),
        _ => Err(Box::new(Estimate::other(
            Value::Unpublished,
            &POST_AMOUNT_SOURCE,
            "该日期没有适用的最低工资标准",
        ))),
    }
}

fn post_subsidy_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let for_org = ctx.org_kind_is(|k| k == OrgKind::PublicPostDeveloper);
    let wages = town_post_wages(ctx);
    let pair = wages.as_ref().ok().map(|(m, h)| (m.value, h.value));
    let result = per_group(&for_org, f.roster.as_ref(), |g| judge_post(g, pair));
    let mut conditions = vec![ctx
        .condition("developer", "公益性岗位开发单位", CLAUSE_POST_SUBSIDY)
        .check(
            for_org,
            "贵单位是公益性岗位开发单位",
            "此项面向开发公益性岗位的单位（村委会、社区、机关事业单位等）",
        )];
    conditions.extend(result.report(
        ctx.condition(
            "placed-people",
            "在公益性岗位上安置就业困难人员（含本市户籍脱贫人口），签订劳动合同或劳务协议（安置脱贫人口的每次不超过1年）；城镇公益性岗位补贴一般不超过3年，初次核定时距法定退休年龄不足5年的最长5年；乡村公益性岗位的补贴和期限按区县规定",
            CLAUSE_POST_SUBSIDY,
        ),
        "名单中有符合条件的在岗人员",
    ));
    let note = "城镇公益性岗位：全日制按当地最低月工资标准、非全日制按最低小时工资标准补贴，一般不超过3年，距退休不足5年的最长5年；乡村公益性岗位由区县确定。另可申请社保补贴；须购买意外伤害商业保险（保费标准未查到）";
    let estimate = match (&wages, result.priced_heads) {
        // Only town posts need the wage; village posts are set by the district either way.
        (Err(missing), priced) if priced > 0 => (**missing).clone(),
        (Ok((m, h)), _) => {
            let mut estimate = roster_estimate(&result, Unit::YuanPerMonth, m.source, note)
                .with_source(&POST_AMOUNT_SOURCE)
                .with_source(&POST_SUBSIDY_SOURCE)
                .with_source(&POST_DURATION_SOURCE);
            if let Value::Amount { unit, .. } = &mut estimate.value {
                *unit = Unit::YuanPerMonth;
            }
            estimate.steps.insert(
                0,
                format!(
                    "当地最低工资：{} 元/月，非全日制 {} 元/小时（城镇公益性岗位）",
                    format_yuan(m.value),
                    format_yuan(h.value)
                ),
            );
            if result.unpriced_heads > 0 {
                estimate = estimate
                    .with_source(&RURAL_POST_PAY_SOURCE)
                    .with_source(&QIJIANG_RURAL_POST_SOURCE);
            }
            estimate
        }
        (Err(_), _) => roster_estimate(&result, Unit::YuanPerMonth, &POST_SUBSIDY_SOURCE, note)
            .with_source(&RURAL_POST_PAY_SOURCE)
            .with_source(&QIJIANG_RURAL_POST_SOURCE),
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const POST_SUBSIDY: Benefit = Benefit {
    entry: catalogue::entry(
        "public-welfare-post-subsidy",
        "公益性岗位补贴及社保补贴、意外伤害保险",
        Audience::Employer,
        "二（五）",
    ),
    validity: Validity::in_force("渝人社发〔2016〕239号", &POST_SUBSIDY_SOURCE),
    not_combined_with: &[],
    rule: post_subsidy_rule,
};

/// What to bring for [`POST_SUBSIDY`] and where to apply (read by the results, never by the questionnaire).
pub const POST_SUBSIDY_GUIDE: Guide = Guide {
    benefit: POST_SUBSIDY.entry.id,
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
};

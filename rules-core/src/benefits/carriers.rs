//! 就业载体 (notice 一（一）、一（四）、二（三）、三（一）): 就业帮扶基地, 市级创业孵化基地, 区县级返乡入乡创业园,
//! 劳务品牌, 非遗工坊 and village 就业服务超市. Only the municipal incubator has published amounts; the rest are
//! set by districts or unpublished, and say so.

use crate::engine::documents::{need, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::yes;
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, AmountKind, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, yuan, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source, NOTICE, NOTICE_END};
use crate::vocabulary::source::{notice_clause, NOTICE_NUMBER};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

const DISTRICT_APPLY: HowToApply = HowToApply::at_district(
    "认定办法和奖补规则由区县制定，请向区县人力社保部门咨询",
    Confidence::Official,
);

fn kind_condition(ctx: &Ctx, kind: OrgKind, clause: &'static str) -> ConditionReport {
    ctx.condition("kind", kind.label(), clause).check(
        ctx.org_kind_is(|k| k == kind),
        || format!("贵单位是{}", kind.label()),
        || format!("此项面向{}", kind.label()),
    )
}

fn recognised(ctx: &Ctx, requirement: &'static str, clause: &'static str) -> ConditionReport {
    ctx.condition("recognised", requirement, clause).check(
        yes(ctx.facts.carrier_recognised, Q::CarrierRecognised),
        "已获认定",
        || format!("须先获得认定：{requirement}"),
    )
}

// ---- 就业帮扶基地 ------------------------------------------------------------------------------

pub const BASE_SOURCE: Source = Source {
    document: notice_clause!("一（一）：认定办法和奖补规则由区县制定并报市人力社保局备案；例：万州人社发〔2021〕39号"),
    url: "http://www.wz.gov.cn/bmjz_89642/bm/rlzyhshbzj/zwgk_94688/fdzdgknr_94690/lzyj_94691/202109/t20210907_9664188.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2021, 9, 7)),
};

fn base_rule(ctx: &Ctx) -> RuleResult {
    let clause = notice_clause!("一（一）");
    RuleResult {
        conditions: vec![
            kind_condition(ctx, OrgKind::AssistanceBase, clause),
            recognised(
                ctx,
                "被区县认定为就业帮扶基地（吸纳脱贫人口就业数量多、成效好）",
                clause,
            ),
        ],
        estimate: Estimate::other(
            Value::SetByDistrict,
            &BASE_SOURCE,
            "奖补金额由区县制定，未查到公开标准",
        ),
    }
}

pub const ASSISTANCE_BASE_AWARD: Benefit = Benefit {
    entry: catalogue::entry(
        "employment-assistance-base-award",
        "就业帮扶基地奖补（区县制定）",
        Audience::Carrier,
        "一（一）",
    )
    .paid_as(AmountKind::Award),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        notice_clause!("一（一）"),
        &BASE_SOURCE,
        ASK_HR,
    ),
    not_combined_with: &[],
    rule: base_rule,
};

/// What to bring for [`ASSISTANCE_BASE_AWARD`] and where to apply (read by the results, never by the questionnaire).
pub const ASSISTANCE_BASE_AWARD_GUIDE: Guide = Guide {
    benefit: ASSISTANCE_BASE_AWARD.entry.id,
    documents: &[],
    apply: &DISTRICT_APPLY,
};

// ---- 市级创业孵化基地 --------------------------------------------------------------------------

pub const INCUBATOR_SOURCE: Source = Source {
    document: "渝人社发〔2017〕181号《重庆市市级创业孵化基地（园区）认定和管理办法》",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195349_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_INCUBATOR: &str = notice_clause!("二（三）；渝人社发〔2017〕181号");
pub const INCUBATOR_ONE_OFF: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2017, 1, 1),
    until: None,
    value: yuan(600_000),
    source: source_named(&INCUBATOR_SOURCE),
    note: words("新认定时一次性"),
}];
pub const INCUBATOR_NATIONAL: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2017, 1, 1),
    until: None,
    value: yuan(500_000),
    source: source_named(&INCUBATOR_SOURCE),
    note: words("评为国家级示范基地"),
}];

/// The performance awards run for the 3 years after recognition.
pub const AWARD_YEARS: u32 = 3;

/// Yearly performance award for 3 years after recognition: 优秀 30万, 良好 20万, 合格 10万, 不合格 0.
pub fn incubator_award(grade: Grade) -> Decimal {
    match grade {
        Grade::Excellent => yuan(300_000),
        Grade::Good => yuan(200_000),
        Grade::Pass => yuan(100_000),
        Grade::Fail => Decimal::ZERO,
    }
}

fn incubator_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let conditions = vec![
        kind_condition(ctx, OrgKind::CityIncubator, CLAUSE_INCUBATOR),
        recognised(ctx, "被认定为市级创业孵化基地（园区）", CLAUSE_INCUBATOR),
    ];
    let mut asks = Vec::new();
    let mut steps = Vec::new();
    let mut total = Decimal::ZERO;
    // A newly recognised base gets the one-off grant; the grade awards come from the evaluations of the
    // 3 years after recognition, so a new base has none yet (渝人社发〔2017〕181号).
    match (f.incubator_new, f.incubator_recognised_on) {
        (Some(true), _) => {
            if let Some(e) = in_force(INCUBATOR_ONE_OFF, ctx.as_of) {
                steps.push(format!("新认定一次性补贴 {} 元", format_yuan(e.value)));
                total += e.value;
            }
            steps.push("新认定的基地还没有绩效评估，绩效奖补从认定后的评估开始".to_string());
        }
        (Some(false), None) => asks.push(Q::IncubatorRecognisedOn),
        (Some(false), Some(recognised)) => {
            let window_end = recognised.add_months(AWARD_YEARS * 12);
            if ctx.as_of > window_end {
                steps.push(format!(
                    "{}认定，绩效奖补只在认定后连续3年内发放（至{}），已过：0 元",
                    recognised.chinese(),
                    window_end.chinese()
                ));
            } else {
                match f.incubator_grade {
                    Some(grade) => {
                        let award = incubator_award(grade);
                        steps.push(format!(
                            "{}认定，在认定后3年内；上年度绩效评估{}：{} 元",
                            recognised.chinese(),
                            grade.label(),
                            format_yuan(award)
                        ));
                        total += award;
                    }
                    None => asks.push(Q::IncubatorGrade),
                }
            }
        }
        (None, _) => asks.push(Q::IncubatorNew),
    }
    match f.incubator_national {
        Some(true) => {
            if let Some(e) = in_force(INCUBATOR_NATIONAL, ctx.as_of) {
                steps.push(format!(
                    "评为国家级示范基地，示范创建奖励 {} 元",
                    format_yuan(e.value)
                ));
                total += e.value;
            }
        }
        Some(false) => {}
        None => asks.push(Q::IncubatorNational),
    }
    let estimate = if asks.is_empty() {
        steps.push(format!("合计 {} 元", format_yuan(total)));
        Estimate::amount(
            total,
            Unit::Yuan,
            steps,
            &INCUBATOR_SOURCE,
            "绩效奖补按认定后3年内的年度评估结果发放，不合格的不予补助；满3年时的评估如何计算，请向区县人力社保部门确认",
        )
    } else {
        Estimate {
            value: Value::NeedsAnswers { asks },
            steps,
            confidence: Confidence::Official,
            sources: Sources::one(&INCUBATOR_SOURCE),
            note: "新认定60万元；认定后连续3年按绩效评估给予奖补，优秀30万、良好20万、合格10万元；国家级示范50万元"
                .into(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        }
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const INCUBATOR_SUBSIDY: Benefit = Benefit {
    entry: catalogue::entry(
        "incubator-subsidy",
        "市级创业孵化基地（园区）补贴及示范创建奖励",
        Audience::Carrier,
        "二（三）",
    ),
    validity: Validity::in_force("渝人社发〔2017〕181号", &INCUBATOR_SOURCE),
    not_combined_with: &[],
    rule: incubator_rule,
};

/// What to bring for [`INCUBATOR_SUBSIDY`] and where to apply (read by the results, never by the questionnaire).
pub const INCUBATOR_SUBSIDY_GUIDE: Guide = Guide {
    benefit: INCUBATOR_SUBSIDY.entry.id,
    documents: &[
        need("form-incubator", Form::FillIn),
        need("business-licence", Form::Copy),
        need("premises-proof", Form::Copy),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "区县人力社保部门",
        online: "重庆市公共就业服务网",
        window: "每年的申报通知（2023年截至7月10日）",
        steps: "向区县申报 → 区县人力社保和财政部门初审 → 市人力社保局、市财政局组织专家评审认定",
        confidence: Confidence::Weak,
    },
};

// ---- 区县级返乡入乡创业园、创业孵化基地 --------------------------------------------------------

fn park_rule(ctx: &Ctx) -> RuleResult {
    let clause = notice_clause!("二（三）");
    RuleResult {
        conditions: vec![
            kind_condition(ctx, OrgKind::DistrictIncubator, clause),
            recognised(ctx, "被区县认定为返乡入乡创业园或创业孵化基地", clause),
        ],
        estimate: Estimate::other(
            Value::SetByDistrict,
            &NOTICE,
            "由有条件的脱贫区县根据入驻实体数量、孵化效果和带动就业成效给予奖补，未查到区县公开标准",
        ),
    }
}

pub const RETURN_HOME_PARK_AWARD: Benefit = Benefit {
    entry: catalogue::entry(
        "return-home-park-award",
        "区县级返乡入乡创业园、创业孵化基地奖补",
        Audience::Carrier,
        "二（三）",
    )
    .paid_as(AmountKind::Award),
    validity: Validity::unconfirmed_after(NOTICE_END, NOTICE_NUMBER, &NOTICE, ASK_HR),
    not_combined_with: &[],
    rule: park_rule,
};

/// What to bring for [`RETURN_HOME_PARK_AWARD`] and where to apply (read by the results, never by the questionnaire).
pub const RETURN_HOME_PARK_AWARD_GUIDE: Guide = Guide {
    benefit: RETURN_HOME_PARK_AWARD.entry.id,
    documents: &[
        need("business-licence", Form::Copy),
        need("premises-proof", Form::Copy),
    ],
    apply: &DISTRICT_APPLY,
};

// ---- 劳务品牌 ---------------------------------------------------------------------------------

pub const BRAND_SOURCE: Source = Source {
    document: "渝人社〔2021〕432号（劳务品牌建设任务分工方案；来源网站出处不明）",
    url: "http://cq.chnosta.com/show.asp?id=800",
    confidence: Confidence::Weak,
    date: None,
};

fn brand_rule(ctx: &Ctx) -> RuleResult {
    let clause = notice_clause!("一（四）");
    RuleResult {
        conditions: vec![
            kind_condition(ctx, OrgKind::LabourBrand, clause),
            recognised(ctx, "被认定为市级（特色）劳务品牌", clause),
        ],
        estimate: Estimate::other(
            Value::Unpublished,
            &BRAND_SOURCE,
            "通知只说“可给予适当奖补”，重庆的奖补金额未查到",
        ),
    }
}

pub const LABOUR_BRAND_AWARD: Benefit = Benefit {
    entry: catalogue::entry(
        "labour-brand-award",
        "市级劳务品牌奖补",
        Audience::Carrier,
        "一（四）",
    )
    .paid_as(AmountKind::Award),
    validity: Validity::unconfirmed_after(NOTICE_END, NOTICE_NUMBER, &NOTICE, ASK_HR),
    not_combined_with: &[],
    rule: brand_rule,
};

/// What to bring for [`LABOUR_BRAND_AWARD`] and where to apply (read by the results, never by the questionnaire).
pub const LABOUR_BRAND_AWARD_GUIDE: Guide = Guide {
    benefit: LABOUR_BRAND_AWARD.entry.id,
    documents: &[],
    apply: &DISTRICT_APPLY,
};

// ---- 非遗工坊 ---------------------------------------------------------------------------------

fn heritage_rule(ctx: &Ctx) -> RuleResult {
    RuleResult {
        conditions: vec![kind_condition(ctx, OrgKind::HeritageWorkshop, notice_clause!("二（三）"))],
        estimate: Estimate::other(
            Value::Unpublished,
            &NOTICE,
            "通知支持各地设立一批非遗扶贫就业工坊，具体扶持政策和金额未查到，请向区县人力社保或文化旅游部门咨询",
        ),
    }
}

pub const HERITAGE_WORKSHOP: Benefit = Benefit {
    entry: catalogue::entry(
        "heritage-workshop-support",
        "非遗扶贫就业工坊",
        Audience::Carrier,
        "二（三）",
    ),
    validity: Validity::unconfirmed_after(NOTICE_END, NOTICE_NUMBER, &NOTICE, ASK_HR),
    not_combined_with: &[],
    rule: heritage_rule,
};

/// What to bring for [`HERITAGE_WORKSHOP`] and where to apply (read by the results, never by the questionnaire).
pub const HERITAGE_WORKSHOP_GUIDE: Guide = Guide {
    benefit: HERITAGE_WORKSHOP.entry.id,
    documents: &[],
    apply: &DISTRICT_APPLY,
};

// ---- 村就业服务超市 ---------------------------------------------------------------------------

fn supermarket_rule(ctx: &Ctx) -> RuleResult {
    let clause = notice_clause!("三（一）");
    RuleResult {
        conditions: vec![
            kind_condition(ctx, OrgKind::ServiceSupermarket, clause),
            recognised(ctx, "由区县在行政村建设并认定的就业服务超市", clause),
        ],
        estimate: Estimate::other(
            Value::SetByDistrict,
            &NOTICE,
            "有条件的区县每年给予一定奖补，金额由区县确定，未查到公开标准",
        ),
    }
}

pub const SERVICE_SUPERMARKET_AWARD: Benefit = Benefit {
    entry: catalogue::entry(
        "employment-service-supermarket-award",
        "行政村就业服务超市奖补",
        Audience::Carrier,
        "三（一）",
    )
    .paid_as(AmountKind::Award),
    validity: Validity::unconfirmed_after(NOTICE_END, NOTICE_NUMBER, &NOTICE, ASK_HR),
    not_combined_with: &[],
    rule: supermarket_rule,
};

/// What to bring for [`SERVICE_SUPERMARKET_AWARD`] and where to apply (read by the results, never by the questionnaire).
pub const SERVICE_SUPERMARKET_AWARD_GUIDE: Guide = Guide {
    benefit: SERVICE_SUPERMARKET_AWARD.entry.id,
    documents: &[],
    apply: &DISTRICT_APPLY,
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "incubator-one-off",
            benefits: &["incubator-subsidy"],
            name: "市级创业孵化基地一次性补贴",
            unit: "元",
            values: INCUBATOR_ONE_OFF,
        },
        Parameter {
            id: "incubator-national",
            benefits: &["incubator-subsidy"],
            name: "国家级创业孵化示范基地示范创建奖励",
            unit: "元",
            values: INCUBATOR_NATIONAL,
        },
    ]
}

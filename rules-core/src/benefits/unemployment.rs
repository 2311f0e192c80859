//! 就业援助与失业保障 (notice 三（一）): unemployment insurance benefit (90 % of the top minimum wage in
//! the 4 national key counties) and the free employment-assistance services.

use crate::engine::documents::{need, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, yes, Tri};
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, AmountKind, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_rate, format_yuan, percent, round_fen, Unit};
use crate::vocabulary::parameters::{Parameter, MIN_WAGE_TIER1_MONTHLY};
use crate::vocabulary::source::notice_end_words;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source, NOTICE_END};
use crate::vocabulary::source::{notice_clause, notice_number};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

pub const UI_80_SOURCE: Source = Source {
    document: "渝人社发〔2018〕181号（失业保险金为全市最低工资最高档的80%）",
    url: "http://rlsbj.cq.gov.cn/zwgk_182/zfxxgkml/zcwj_145360/jfxzgfxwj/201811/t20181112_6926546_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2018, 11, 12)),
};
pub const UI_90_SOURCE: Source = Source {
    document: concat!(
        "深度贫困县失业保险金上调至最低工资最高档的90%（2019-01-01起）；",
        notice_number!(),
        " 三（一）延续"
    ),
    url:
        "https://big5.cri.cn/gate/big5/cq.cri.cn/20181107/944d5233-8287-fc33-f474-3444a8717288.html",
    confidence: Confidence::Secondary,
    date: Some(Date::ymd(2018, 11, 7)),
};
pub const UI_DURATION_SOURCE: Source = Source {
    document: "重庆失业保险金领取期限（2018年央广网报道的镜像转载；此后是否仍适用未查到）",
    url: "http://ltwysoft.com/chongqing/jr/20180929/t20180929_524374047.shtml",
    confidence: Confidence::Weak,
    date: Some(Date::ymd(2018, 9, 29)),
};
const CLAUSE_UI: &str = notice_clause!("三（一）；《失业保险条例》；渝人社发〔2018〕181号");

/// Share of the top minimum-wage tier paid as benefit.
pub const UI_SHARE: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2018, 8, 1),
    until: None,
    value: percent(80),
    source: source_named(&UI_80_SOURCE),
    note: words("随最低工资标准调整"),
}];
/// The 4 national key counties: 90 %, from 2019, continued by the notice to its end.
pub const UI_SHARE_KEY_COUNTIES: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2019, 1, 1),
    until: Some(NOTICE_END),
    value: percent(90),
    source: source_named(&UI_90_SOURCE),
    note: words("城口、巫溪、酉阳、彭水的参保单位职工，和户籍在这4个县的本市参保人员（市外参保转入的按原政策）"),
}];

/// Months of benefit by whole years of contributions (2018 table; not re-confirmed since).
pub fn benefit_months(contribution_years: u32) -> u32 {
    match contribution_years {
        0 => 0,
        1 => 3,
        2 => 6,
        3 => 9,
        4 => 12,
        5 | 6 => 15,
        years => (16 + (years - 7)).min(24),
    }
}

fn ui_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    // Asked in this order: no work now, then the contributions (someone who never paid answers 0 and
    // is done), and only then how the job was lost.
    let conditions = vec![
        ctx.condition("not-working", "目前没有工作", CLAUSE_UI)
            .check(
                ctx.activity_is(|a| a == Activity::NotWorking),
                "您目前没有工作",
                "失业保险金面向失业后目前没有工作的人",
            ),
        ctx.condition(
            "one-year-contributions",
            "失业前单位和本人已累计缴纳失业保险满1年",
            CLAUSE_UI,
        )
        .check(
            fact(f.ui_years, Q::UiYears, |y| y >= 1),
            || format!("已累计缴纳 {} 年", f.ui_years.unwrap_or(0)),
            "失业保险须累计缴满1年才能领取",
        ),
        ctx.condition(
            "unemployed-involuntarily",
            "非因本人意愿中断就业",
            CLAUSE_UI,
        )
        .check(
            yes(f.involuntary_unemployment, Q::InvoluntaryUnemployment),
            "您是非本人意愿失业",
            "须是非本人意愿失去工作（合同到期不续签、裁员等）；自己辞职的一般不能领",
        ),
    ];
    RuleResult {
        conditions,
        estimate: ui_estimate(ctx),
    }
}

/// The 90 % rule covers workers insured in the 4 counties and people with 户籍 there who are insured in
/// Chongqing; people insured outside Chongqing who transfer in keep the old rule (corrections.md 12).
fn in_key_county(ctx: &Ctx) -> Tri {
    let f = ctx.facts;
    if f.insured_in_chongqing == Some(false) {
        return Tri::No;
    }
    let key = |id: &Option<crate::engine::facts::DistrictId>| {
        ctx.district(id).map(|d| d.is_national_key_4())
    };
    fact(key(&f.hukou_district), Q::HukouDistrict, |k| k)
        .and_then(|| yes(f.insured_in_chongqing, Q::InsuredInChongqing))
        .or_else(|| fact(key(&f.insured_district), Q::InsuredDistrict, |k| k))
}

fn ui_estimate(ctx: &Ctx) -> Estimate {
    let f = ctx.facts;
    let Some(wage) = in_force(MIN_WAGE_TIER1_MONTHLY, ctx.as_of) else {
        return Estimate::other(
            Value::Unpublished,
            &UI_80_SOURCE,
            "该日期没有适用的最低工资标准",
        );
    };
    let key_share = in_force(UI_SHARE_KEY_COUNTIES, ctx.as_of);
    let base_share = in_force(UI_SHARE, ctx.as_of);
    let (share, share_source, key_note) = match (key_share, in_key_county(ctx)) {
        (Some(key), Tri::Yes) => (key.value, key.source, "国家乡村振兴重点帮扶县按90%执行"),
        (Some(_), Tri::Unknown(asks)) => {
            return Estimate {
                value: Value::NeedsAnswers { asks },
                steps: ctx.steps(|| {
                    vec![format!(
                        "全市最低工资最高档 {} 元/月",
                        format_yuan(wage.value)
                    )]
                }),
                confidence: Confidence::Weak,
                sources: Sources::one(wage.source),
                note: "在城口、巫溪、酉阳、彭水参保的，或户籍在这4个县并在重庆参保的按90%（在重庆市外参保后转入的按原政策），其他按80%"
                    .into(),
                breakdown: Vec::new(),
                refine: Vec::new(),
            }
        }
        _ => match base_share {
            Some(base) => (
                base.value,
                base.source,
                if ctx.as_of > NOTICE_END {
                    concat!("4个重点帮扶县的90%标准原依", notice_number!(), "执行至2025年底，此后是否延续未查到公布的文件，按80%估算")
                } else {
                    ""
                },
            ),
            None => {
                return Estimate::other(Value::Unpublished, &UI_80_SOURCE, "该日期没有适用的标准")
            }
        },
    };
    let monthly = round_fen(wage.value * share);
    let mut steps = ctx.steps(|| {
        vec![format!(
            "全市最低工资最高档 {} 元/月 × {} = {} 元/月",
            format_yuan(wage.value),
            format_rate(share),
            format_yuan(monthly)
        )]
    });
    let mut sources = vec![wage.source, share_source];
    let note = ctx.step(|| {
        format!(
            "按最低工资推算，未见官方公布的具体金额，舍入方式未知{}",
            if key_note.is_empty() {
                String::new()
            } else {
                format!("；{key_note}")
            }
        )
    });
    let Some(years) = f.ui_years else {
        return Estimate {
            value: Value::Amount {
                amount: monthly,
                unit: Unit::YuanPerMonth,
            },
            steps,
            confidence: Confidence::Weak,
            sources: sources.into(),
            note: note.into(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        };
    };
    let months = benefit_months(years);
    let total = monthly * Decimal::from(months);
    if ctx.explains() {
        steps.push(format!(
            "累计缴费 {years} 年，可领 {months} 个月：{} 元/月 × {months} 个月 = {} 元",
            format_yuan(monthly),
            format_yuan(total)
        ));
    }
    sources.push(&UI_DURATION_SOURCE);
    Estimate {
        value: Value::Amount {
            amount: round_fen(total),
            unit: Unit::Yuan,
        },
        steps,
        confidence: Confidence::Weak,
        sources: sources.into(),
        note: note.into(),
        breakdown: Vec::new(),
        refine: Vec::new(),
    }
}

pub const UNEMPLOYMENT_INSURANCE: Benefit = Benefit {
    entry: catalogue::entry(
        "unemployment-insurance-benefit",
        "失业保险金",
        Audience::Person,
        "三（一）",
    )
    .paid_as(AmountKind::InsuranceBenefit),
    validity: Validity::in_force(
        "《失业保险条例》、渝人社发〔2018〕181号（全市最低工资最高档的80%）",
        &UI_80_SOURCE,
    )
    .with_note(concat!(
        "城口、巫溪、酉阳、彭水按90%的标准依",
        notice_number!(),
        "执行至",
        notice_end_words!(),
        "，此后是否延续未查到公布的文件。"
    )),
    not_combined_with: &["training-living-allowance"],
    rule: ui_rule,
};

/// What to bring for [`UNEMPLOYMENT_INSURANCE`] and where to apply (read by the results, never by the questionnaire).
pub const UNEMPLOYMENT_INSURANCE_GUIDE: Guide = Guide {
    benefit: UNEMPLOYMENT_INSURANCE.entry.id,
    documents: &[need("social-security-card", Form::Shown)],
    apply: &HowToApply {
        automatic: false,
        office: "参保地公共就业服务机构或社会保险经办机构",
        online: "“重庆人社”APP、“重庆智能就业”小程序（失业保险金申领）、国家社会保险公共服务平台、电子社保卡",
        window: "失业后随时申请",
        steps: "凭社会保障卡或身份证申请，无需失业证明；按月发放",
        confidence: Confidence::Secondary,
    },
};

// ---- 就业援助服务 -------------------------------------------------------------------------

pub const SERVICES_SOURCE: Source = Source {
    document: "重庆人社服务包：失业登记、就业困难人员认定（免费）",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/bmlqfwp/jyfw/202307/t20230728_12195712.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_SERVICES: &str = notice_clause!("三（一）");

fn services_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let wants_help = ctx
        .activity_is(|a| a == Activity::NotWorking)
        .or_else(|| yes(f.looking_for_work, Q::LookingForWork));
    RuleResult {
        conditions: vec![
            ctx.condition("working-age", "年满16周岁", CLAUSE_SERVICES).check(
                ctx.age_at_least(16),
                "年龄符合",
                "须年满16周岁",
            ),
            ctx.condition("seeking-work", "没有工作或想找（换）工作", CLAUSE_SERVICES).check(
                wants_help,
                "可以免费获得职业指导、职业介绍",
                "您目前有工作且不想换工作；需要时随时可以免费申请",
            ),
        ],
        estimate: Estimate::other(
            Value::NotMoney,
            &SERVICES_SOURCE,
            "免费服务：职业指导、职业介绍、失业登记、就业困难人员认定；符合条件的脱贫人口、农村低收入人口纳入就业援助对象",
        ),
    }
}

pub const ASSISTANCE_SERVICES: Benefit = Benefit {
    entry: catalogue::entry(
        "employment-assistance-services",
        "就业援助：职业指导、职业介绍、就业困难人员认定（免费）",
        Audience::Person,
        "三（一）",
    ),
    validity: Validity::in_force(
        "公共就业服务（失业登记、就业困难人员认定，免费）",
        &SERVICES_SOURCE,
    ),
    not_combined_with: &[],
    rule: services_rule,
};

/// What to bring for [`ASSISTANCE_SERVICES`] and where to apply (read by the results, never by the questionnaire).
pub const ASSISTANCE_SERVICES_GUIDE: Guide = Guide {
    benefit: ASSISTANCE_SERVICES.entry.id,
    documents: &[
        need("id-card", Form::Shown),
        need("household-register", Form::Shown),
        need("form-unemployment-registration", Form::FillIn),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "任一街道（乡镇）社保所（全渝通办），即时办理、免费",
        online: "重庆市人力资源和社会保障局网站、“重庆人社”APP、“重庆智能就业”小程序",
        window: "随时",
        steps: "到窗口或网上办理失业登记，同时可申请就业困难人员认定，获得职业指导和岗位推荐",
        confidence: Confidence::Official,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "unemployment-benefit-share",
            benefits: &["unemployment-insurance-benefit"],
            name: "失业保险金占全市最低工资最高档的比例",
            unit: "rate",
            values: UI_SHARE,
        },
        Parameter {
            id: "unemployment-benefit-share-key-counties",
            benefits: &["unemployment-insurance-benefit"],
            name: "失业保险金比例（国家乡村振兴重点帮扶县）",
            unit: "rate",
            values: UI_SHARE_KEY_COUNTIES,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::benefit_months;

    #[test]
    fn duration_table() {
        let table: Vec<u32> = (0..=20).map(benefit_months).collect();
        assert_eq!(&table[..9], &[0, 3, 6, 9, 12, 15, 15, 16, 17]);
        assert_eq!(benefit_months(15), 24);
        assert_eq!(benefit_months(60), 24);
    }
}

//! 技能提升 (notice 三（二）): training subsidies and the living allowance during training.

use crate::engine::documents::{need, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, no, yes, Tri};
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, yuan, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source, NOTICE_END};
use crate::vocabulary::source::{notice_clause, notice_number};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

pub const TRAINING_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）职业培训补贴；依据渝人社〔2022〕189号",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hmbt/202307/t20230728_12195429_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
pub const LIVING_SOURCE: Source = Source {
    document:
        "重庆人社助企纾困政策服务包（2023版）生活费（含交通费）补贴；依据人社部发〔2021〕26号",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hmbt/202307/t20230728_12195420.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_TRAINING: &str = notice_clause!("三（二）；渝人社〔2022〕189号");
const CLAUSE_LIVING: &str = notice_clause!("三（二）；人社部发〔2021〕26号");

pub const LIVING_PER_DAY: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: Some(NOTICE_END),
    value: yuan(100),
    source: source_named(&LIVING_SOURCE),
    note: words("最长30天"),
}];
/// Paid for at most 30 days of training.
pub const LIVING_MAX_DAYS: u32 = 30;

/// The groups of research.md §2.9 (服务包2023): 脱贫人口及子女, 毕业年度高校毕业生, 两后生, 农村转移就业劳动者,
/// 城镇登记失业人员, 残疾人, 退役军人 and 企业职工 — asked in that spirit, the most common first. No age
/// condition is sourced, so none is applied.
fn training_group(ctx: &Ctx) -> Tri {
    let f = ctx.facts;
    // 毕业年度高校毕业生: a 高校 student in the final year, or a 高校 graduate of this calendar year.
    let graduate_this_year = ctx
        .college_student()
        .and_then(|| yes(f.final_year, Q::FinalYear))
        .or_else(|| {
            ctx.activity_is(|a| a != Activity::Student)
                .and_then(|| yes(f.college_graduate, Q::CollegeGraduate))
                .and_then(|| {
                    fact(f.graduated_on, Q::GraduatedOn, |day| {
                        day.year() == ctx.today.year()
                    })
                })
        });
    ctx.poverty()
        .or_else(|| yes(f.registered_unemployed, Q::RegisteredUnemployed))
        .or_else(|| yes(f.disabled, Q::Disabled))
        .or_else(|| yes(f.veteran, Q::Veteran))
        .or_else(|| ctx.activity_is(|a| a == Activity::Employee))
        .or_else(|| yes(f.rural_transfer_worker, Q::RuralTransferWorker))
        .or_else(|| yes(f.school_leaver, Q::SchoolLeaver))
        .or_else(|| graduate_this_year)
}

fn training_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let employee_note = if f.activity == Some(Activity::Employee) && !ctx.poverty().is_yes() {
        "您属于培训补贴对象（企业职工参加企业组织或人社部门认定的补贴性培训）"
    } else {
        "您属于培训补贴对象"
    };
    RuleResult {
        conditions: vec![
            ctx.condition(
                "target-group",
                "脱贫人口及其子女、毕业年度高校毕业生、两后生、农村转移就业劳动者、城镇登记失业人员、残疾人、退役军人、企业职工",
                CLAUSE_TRAINING,
            )
            .check(
                training_group(ctx),
                employee_note,
                "不属于职业技能培训补贴的对象人群；其他人员能否参加补贴性培训，请向区县人力社保部门咨询",
            ),
            ctx.condition("once-a-year", "每人每年只享受一次培训补贴", CLAUSE_TRAINING).check(
                no(f.training_subsidised, Q::TrainingSubsidised),
                "今年还没有享受过",
                "今年已享受过一次，明年可再参加",
            ),
        ],
        estimate: Estimate::other(
            Value::Unpublished,
            &TRAINING_SOURCE,
            "补贴标准按培训项目、职业（工种）和等级确定（2022年起执行渝人社〔2022〕189号，具体标准未查到），一般直接拨付给培训机构，本人免费参加（免申即享）",
        ),
    }
}

pub const VOCATIONAL_TRAINING: Benefit = Benefit {
    entry: catalogue::entry(
        "vocational-training-subsidy",
        "职业技能培训（含创业培训）补贴",
        Audience::Person,
        "三（二）",
    ),
    validity: Validity::in_force(
        "渝人社〔2022〕189号、渝人社发〔2024〕13号",
        &TRAINING_SOURCE,
    ),
    not_combined_with: &[],
    rule: training_rule,
};

/// What to bring for [`VOCATIONAL_TRAINING`] and where to apply (read by the results, never by the questionnaire).
pub const VOCATIONAL_TRAINING_GUIDE: Guide = Guide {
    benefit: VOCATIONAL_TRAINING.entry.id,
    documents: &[need("id-card", Form::Shown)],
    apply: &HowToApply {
        automatic: true,
        office: "参加人社部门组织或认定的培训机构的培训；补贴由培训机构申领",
        online: "",
        window: "培训机构按季度申领",
        steps: "报名参加补贴性培训 → 完成培训 → 培训机构申请、审核、公示 → 财政拨付给培训机构",
        confidence: Confidence::Official,
    },
};

fn living_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let trained = fact(f.training_kind, Q::TrainingKind, |k| {
        k != TrainingKind::None
    })
    .and_then(|| yes(f.training_certificate, Q::TrainingCertificate));
    let conditions = vec![
        ctx.condition("poverty", "脱贫人口（含防止返贫监测对象）", CLAUSE_LIVING)
            .check(
                ctx.poverty(),
                "您是脱贫人口",
                "此项只面向脱贫人口（含监测对象）",
            ),
        ctx.condition(
            "trained-with-certificate",
            "参加职业技能培训或创业培训并取得证书",
            CLAUSE_LIVING,
        )
        .check(
            trained,
            "已完成培训并取得证书",
            "须参加职业技能培训（含家庭服务）或创业培训，并取得证书",
        ),
        ctx.condition(
            "not-on-unemployment-benefit",
            "不能与失业保险金同时享受",
            CLAUSE_LIVING,
        )
        .check(
            no(f.receiving_ui, Q::ReceivingUi),
            "没有在领失业保险金",
            "正在领失业保险金的，不能同时领培训生活费补贴",
        ),
    ];
    let day = ctx.as_of.min(NOTICE_END);
    let estimate = match (in_force(LIVING_PER_DAY, day), f.training_days) {
        (Some(rate), Some(days)) => {
            let paid_days = days.min(LIVING_MAX_DAYS);
            let amount = rate.value * Decimal::from(paid_days);
            let cap_note = || {
                if days > LIVING_MAX_DAYS {
                    format!("（培训 {days} 天，上限 {LIVING_MAX_DAYS} 天）")
                } else {
                    format!("（上限 {LIVING_MAX_DAYS} 天）")
                }
            };
            Estimate::amount(
                amount,
                Unit::Yuan,
                ctx.steps(|| {
                    vec![format!(
                        "{} 元/天 × {paid_days} 天{} = {} 元",
                        format_yuan(rate.value),
                        cap_note(),
                        format_yuan(amount)
                    )]
                }),
                rate.source,
                "每人每年一次，免申即享（无需申请）",
            )
        }
        (Some(rate), None) => Estimate {
            value: Value::NeedsAnswers {
                asks: vec![Q::TrainingDays],
            },
            steps: ctx.steps(|| {
                vec![format!(
                    "{} 元/天 × 培训天数（最多 {LIVING_MAX_DAYS} 天）",
                    format_yuan(rate.value)
                )]
            }),
            confidence: rate.source.confidence,
            sources: Sources::one(rate.source),
            note: "填写培训天数后可估算".into(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        },
        (None, _) => Estimate::other(Value::Unpublished, &LIVING_SOURCE, "该日期没有适用的标准"),
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const LIVING_ALLOWANCE: Benefit = Benefit {
    entry: catalogue::entry(
        "training-living-allowance",
        "培训期间生活费（含交通费）补贴",
        Audience::Person,
        "三（二）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        concat!(
            "人社部发〔2021〕26号、",
            notice_number!(),
            " 三（二）（过渡期脱贫人口专项）"
        ),
        &LIVING_SOURCE,
        ASK_HR,
    ),
    not_combined_with: &["unemployment-insurance-benefit"],
    rule: living_rule,
};

/// What to bring for [`LIVING_ALLOWANCE`] and where to apply (read by the results, never by the questionnaire).
pub const LIVING_ALLOWANCE_GUIDE: Guide = Guide {
    benefit: LIVING_ALLOWANCE.entry.id,
    documents: &[
        need("training-certificate", Form::CheckedInSystem),
        need("social-security-card", Form::Shown),
    ],
    apply: &HowToApply {
        automatic: true,
        office: "无需申请（免申即享）；没有收到的请问培训机构或区县就业和人才服务机构",
        online: "",
        window: "取得证书后",
        steps: "完成培训并取得证书后，由人社部门核实发放",
        confidence: Confidence::Official,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![Parameter {
        id: "training-living-allowance-per-day",
        benefits: &["training-living-allowance"],
        name: "培训期间生活费（含交通费）补贴",
        unit: "元/天",
        values: LIVING_PER_DAY,
    }]
}

//! 返乡入乡创业 (notice 二（三）、二（四）、一（二）): the one-off start-up subsidy, guaranteed start-up
//! loans with interest subsidies, and the tax relief for key groups.

use crate::benefits::loans::{
    interest_estimate, loan_day, partnership_cap, per_hire_cap, Borrower, Loan, LOAN_2024_FROM,
    LOAN_2025_FROM,
};
use crate::engine::documents::{need, need_if, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, no, yes, Tri};
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, AmountKind, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, percent, yuan, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::hotline_number;
use crate::vocabulary::source::notice_clause;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

pub const STARTUP_SOURCE: Source = Source {
    document: "渝人社发〔2018〕117号（重点群体一次性创业补助）",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195324.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_STARTUP: &str = notice_clause!("二（三）；渝人社发〔2018〕117号");
pub const STARTUP_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2018, 8, 1),
    until: None,
    value: yuan(8000),
    source: source_named(&STARTUP_SOURCE),
    note: words("按户计算"),
}];
const MIN_OPERATING_MONTHS: u32 = 12;
const MAX_OPERATING_MONTHS: u32 = 36;
const MIN_INSURED_EMPLOYEES: u32 = 3;

fn registered_business(ctx: &Ctx, kinds: fn(BusinessKind) -> bool) -> Tri {
    ctx.activity_is(|a| a == Activity::OwnBusiness)
        .and_then(|| fact(ctx.facts.business_kind, Q::BusinessKind, kinds))
}

fn startup_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let business = registered_business(ctx, |k| k != BusinessKind::Larger)
        .and_then(|| yes(f.first_business, Q::FirstBusiness));
    let months = ctx.months_since(f.business_since);
    let operating = fact(months, Q::BusinessSince, |m| {
        (MIN_OPERATING_MONTHS..=MAX_OPERATING_MONTHS).contains(&m)
    });
    let operating_not_met = || match (f.business_since, months) {
        (Some(since), Some(m)) if m < MIN_OPERATING_MONTHS => format!(
            "已经营 {m} 个月，须正常经营满1年，{}起可申请",
            since.add_months(MIN_OPERATING_MONTHS).chinese()
        ),
        _ => "已经营超过3年，此项只面向经营1年以上3年以下的".to_string(),
    };
    let hardship = ctx
        .poverty()
        .or_else(|| yes(f.dibao, Q::Dibao))
        .or_else(|| yes(f.zero_employment_family, Q::ZeroEmploymentFamily))
        .or_else(|| yes(f.disabled, Q::Disabled));
    let graduate = ctx
        .college_graduate_within(24)
        .and_then(|| yes(f.unemployed_before_start, Q::UnemployedBeforeStart));
    // research.md §2.11 (服务包2023): registered unemployed before starting up and 脱贫/低保/零就业/残疾,
    // or a registered-unemployed rural self-employed person; 退役军人; 去产能职工; recent graduates.
    let group = yes(f.unemployed_before_start, Q::UnemployedBeforeStart)
        .and_then(|| hardship.or_else(|| yes(f.rural_entrepreneur, Q::RuralEntrepreneur)))
        .or_else(|| yes(f.veteran, Q::Veteran))
        .or_else(|| yes(f.overcapacity_worker, Q::OvercapacityWorker))
        .or_else(|| graduate.clone());
    let hukou = ctx.chongqing_hukou().or_else(|| graduate);
    let conditions = vec![
        ctx.condition("first-business", "首次创办小微企业或个体工商户，本人是法定代表人或经营者", CLAUSE_STARTUP).check(
            business,
            "您首次创办了小微企业或个体工商户",
            "须首次创办小微企业或个体工商户（已登记营业执照）",
        ),
        ctx.condition("target-group", "创业前登记失业的脱贫人口、低保、零就业家庭或残疾人员，登记失业的农村自主创业人员，复员转业退役军人，去产能职工，或离校2年内登记失业的高校毕业生", CLAUSE_STARTUP).check(
            group,
            "您属于扶持人群",
            "须属于扶持人群：创业前已登记失业的脱贫人口、低保、零就业家庭人员、残疾人或农村自主创业人员，复员转业退役军人，去产能职工，离校2年内登记失业的高校毕业生",
        ),
        ctx.condition("chongqing-hukou", "重庆户籍（高校毕业生除外）", CLAUSE_STARTUP).check(
            hukou,
            "户籍条件符合",
            "除高校毕业生外，须是重庆户籍",
        ),
        ctx.condition("operating-1-to-3-years", "正常经营1年以上3年以下", CLAUSE_STARTUP)
            .check(operating, || format!("已经营 {} 个月", months.unwrap_or(0)), operating_not_met),
        ctx.condition("three-insured-employees", "带动就业3人以上（不含本人）并缴纳社会保险", CLAUSE_STARTUP).check(
            fact(f.business_employees, Q::BusinessEmployees, |n| n >= MIN_INSURED_EMPLOYEES),
            || format!("已带动 {} 人就业并参保", f.business_employees.unwrap_or(0)),
            || format!(
                "须除本人外雇用{MIN_INSURED_EMPLOYEES}人以上并缴纳五项社会保险，目前 {} 人",
                f.business_employees.unwrap_or(0)
            ),
        ),
        ctx.condition("once-per-household", "以家庭为单位只享受一次", CLAUSE_STARTUP).check(
            no(f.startup_subsidy_received, Q::StartupSubsidyReceived),
            "家庭还没有领过",
            "夫妻一方已领过，另一方不能再领",
        ),
    ];
    let estimate = match in_force(STARTUP_AMOUNT, ctx.as_of) {
        Some(e) => Estimate::amount(
            e.value,
            Unit::YuanPerHousehold,
            vec![format!(
                "{} 元/户 × 1 户 = {} 元",
                format_yuan(e.value),
                format_yuan(e.value)
            )],
            e.source,
            "一次性发放，按户计算",
        ),
        None => Estimate::other(Value::Unpublished, &STARTUP_SOURCE, "该日期没有适用的标准"),
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const STARTUP_SUBSIDY: Benefit = Benefit {
    entry: catalogue::entry(
        "startup-subsidy",
        "一次性创业补贴（补助）",
        Audience::Person,
        "二（三）",
    ),
    validity: Validity::in_force("渝人社发〔2018〕117号", &STARTUP_SOURCE),
    not_combined_with: &[],
    rule: startup_rule,
};

/// What to bring for [`STARTUP_SUBSIDY`] and where to apply (read by the results, never by the questionnaire).
pub const STARTUP_SUBSIDY_GUIDE: Guide = Guide {
    benefit: STARTUP_SUBSIDY.entry.id,
    documents: &[
        need("form-startup-subsidy", Form::FillIn),
        need("business-licence", Form::Copy),
        need("id-card", Form::Copy),
        need("social-insurance-record", Form::Original),
        need_if(
            "unemployment-registration",
            Form::CheckedInSystem,
            "按创业前登记失业申请的",
        ),
        need_if("veteran-discharge-certificate", Form::Copy, "退役军人"),
        need_if("graduation-certificate", Form::Copy, "高校毕业生"),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "营业执照登记地的街道（乡镇）公共就业服务机构",
        online: "“重庆智能就业”小程序：政策申报 → 创业补贴申领 → 一次性创业补助",
        window: "按申报截止时间计算经营年限，具体时间请向区县人力社保部门咨询",
        steps: "网上填报、生成申请表并电子签名 → 提交 → 审核、公示 → 发放",
        confidence: Confidence::Official,
    },
};

// ---- 创业担保贷款 --------------------------------------------------------------------------
// Who may borrow is decided here; what the treasury pays on the loan is the engine in `loans`.

pub use crate::benefits::loans::{
    LOAN_2023_SOURCE, LOAN_2024_SOURCE, LOAN_2025_SOURCE, LOAN_CAP_PARTNER,
    LOAN_CAP_PARTNERSHIP_TOTAL, LOAN_SPREAD_CAP,
};

const CLAUSE_LOAN: &str = notice_clause!("一（二）、二（三）；渝人社规〔2025〕11号");
const LOAN_MAX_YEARS: u32 = 3;

/// Individual loan cap.
pub const LOAN_CAP_INDIVIDUAL: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2020, 1, 1),
        until: Some(Date::ymd(2024, 5, 11)),
        value: yuan(200_000),
        source: source_named(&LOAN_2023_SOURCE),
        note: words(""),
    },
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(300_000),
        source: source_named(&LOAN_2024_SOURCE),
        note: words("起始日期按新闻报道日期近似"),
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(500_000),
        source: source_named(&LOAN_2025_SOURCE),
        note: words("起始日期按新闻报道日期近似"),
    },
];
/// The graduate window: within 8 years of graduating before the 2024 notice, 10 years after.
const GRADUATE_MONTHS_BEFORE_2024: u32 = 96;
const GRADUATE_MONTHS_FROM_2024: u32 = 120;

fn loan_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let group = ctx
        .poverty()
        .and_then(|| ctx.age_at_least(16))
        .or_else(|| yes(f.registered_unemployed, Q::RegisteredUnemployed))
        .or_else(|| yes(f.veteran, Q::Veteran))
        .or_else(|| yes(f.dibao, Q::Dibao))
        .or_else(|| yes(f.disabled, Q::Disabled))
        .or_else(|| yes(f.zero_employment_family, Q::ZeroEmploymentFamily))
        .or_else(|| yes(f.rural_entrepreneur, Q::RuralEntrepreneur))
        .or_else(|| yes(f.online_merchant, Q::OnlineMerchant))
        .or_else(|| yes(f.overcapacity_worker, Q::OvercapacityWorker))
        .or_else(|| yes(f.released_prisoner, Q::ReleasedPrisoner))
        // Graduates last: everyone else answers one plain yes/no (近10年内毕业的吗) and no more.
        .or_else(|| ctx.college_graduate_within(graduate_window(loan_day(ctx))));
    let conditions = vec![
        // 2024 conditions (奉节 text, H) and 渝人社规〔2025〕11号: 城镇登记失业人员、就业困难人员（含残疾人、
        // 低保、零就业家庭）、退役军人、刑满释放人员、高校毕业生、化解过剩产能企业职工和失业人员、网络商户、
        // 农村自主创业农民（含返乡创业农民工）、年满十六周岁的脱贫人口（含防止返贫监测对象）.
        ctx.condition("target-group", "脱贫人口（16岁以上）、登记失业人员、就业困难人员（含低保、残疾、零就业家庭）、退役军人、高校毕业生（2024年5月前签约的毕业8年内，之后10年内）、农村自主创业农民（含返乡创业农民工）、网络商户、去产能职工、刑\
            满释放人员", CLAUSE_LOAN).check(
            group,
            "您属于创业担保贷款扶持人群",
            "不属于创业担保贷款的扶持人群",
        ),
        ctx.condition("operating-in-chongqing", "已登记经营（或网络创业），创业项目在重庆", CLAUSE_LOAN).check(
            registered_business(ctx, |_| true).and_then(|| ctx.works_in_chongqing()),
            "您在重庆已登记经营",
            "须已办理营业执照（或认定为网络创业）并在重庆经营；可先办执照再申请",
        ),
        ctx.condition("good-credit", "无不良信用记录", CLAUSE_LOAN).check(
            no(f.bad_credit, Q::BadCredit),
            "没有不良信用记录",
            "有不良信用记录的不能申请",
        ),
        ctx.condition("no-other-loans", "本人及配偶没有其他贷款（助学贷款、脱贫人口小额信贷、住房、购车、5万元以下消费贷除外）", CLAUSE_LOAN).check(
            no(f.other_loans, Q::OtherLoans),
            "没有其他贷款",
            "本人或配偶还有其他贷款的不能申请（助学贷款、脱贫人口小额信贷、住房、购车贷款和5万元以下消费贷除外）",
        ),
    ];
    RuleResult {
        conditions,
        estimate: loan_estimate(ctx),
    }
}

fn graduate_window(contract_day: Date) -> u32 {
    if contract_day >= LOAN_2024_FROM {
        GRADUATE_MONTHS_FROM_2024
    } else {
        GRADUATE_MONTHS_BEFORE_2024
    }
}

fn loan_estimate(ctx: &Ctx) -> Estimate {
    interest_estimate(
        ctx,
        &Borrower {
            label: "个人",
            caps: LOAN_CAP_INDIVIDUAL,
            max_years: LOAN_MAX_YEARS,
            district: &ctx.facts.business_district,
            district_question: Q::BusinessDistrict,
            split_before_2024: &crate::benefits::loans::LOAN_INDIVIDUAL_BEFORE_2024_SOURCE,
            own_cap: partnership_cap,
        },
    )
}

/// Both guaranteed loans (the person's and the small enterprise's) rest on the same notice.
const LOAN_VALIDITY: Validity =
    Validity::in_force("渝人社规〔2025〕11号", &LOAN_2025_SOURCE).with_note("未查到2026年的调整。");

pub const STARTUP_LOAN: Benefit = Benefit {
    entry: catalogue::entry(
        "startup-guaranteed-loan",
        "个人创业担保贷款及贴息",
        Audience::Person,
        "一（二）、二（三）",
    )
    .paid_as(AmountKind::InterestSubsidy),
    validity: LOAN_VALIDITY,
    not_combined_with: &[],
    rule: loan_rule,
};

/// What to bring for [`STARTUP_LOAN`] and where to apply (read by the results, never by the questionnaire).
pub const STARTUP_LOAN_GUIDE: Guide = Guide {
    benefit: STARTUP_LOAN.entry.id,
    documents: &[
        need("form-guaranteed-loan-individual", Form::FillIn),
        need("id-card", Form::Shown),
        need("business-licence", Form::Shown),
        need_if("veteran-discharge-certificate", Form::Shown, "退役军人"),
        need_if("graduation-certificate", Form::Shown, "高校毕业生"),
        need_if("unemployment-registration", Form::CheckedInSystem, "登记失业人员"),
        need("poverty-status-record", Form::CheckedInSystem),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "创业项目或户籍所在地的街道（乡镇）公共就业服务机构，或合作银行网点",
        online: "渝快办、“重庆智能就业”小程序、渝创保APP",
        window: "随时可申请",
        steps: "区县人力社保部门审核人群和经营登记，银行审核项目和其他贷款 → 全流程不超过4个工作日 → 贴息按季度先付后贴",
        confidence: Confidence::Secondary,
    },
};

// ---- 创业税费减免 -------------------------------------------------------------------------

pub const TAX_SOURCE: Source = Source {
    document: "财政部 税务总局 人力资源社会保障部 农业农村部公告2023年第15号（转载页面，出处不明）",
    url: "http://m.youyinan.com/zwgk/ztzl/yhyshj/yszc/content/post_768751.html",
    confidence: Confidence::Weak,
    date: None,
};
const CLAUSE_TAX: &str = notice_clause!("二（三）、二（四）；财政部 税务总局公告2023年第15号");
const TAX_MONTHS: u32 = 36;

fn tax_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let months = ctx.months_since(f.business_since);
    // 脱贫人口 are the notice's own group. Of the registered unemployed, the predecessor rule named
    // only some (登记失业半年以上, 零就业家庭 and 城市低保家庭 members of working age, graduates of the
    // year); no source for the current list was found, so only the 税务 office can say (issue 29,
    // item 7).
    let poverty = ctx.poverty();
    let group = ctx.condition(
        "target-group",
        "脱贫人口（含监测对象）；登记失业人员中哪些属于扶持人群，现行名单未查到",
        CLAUSE_TAX,
    );
    let target_group = match (&poverty, f.registered_unemployed) {
        (Tri::No, Some(true)) => group.unsettled(
            concat!("您是登记失业人员：以前的规定只包括登记失业半年以上、零就业家庭和城市低保家庭的劳动年龄人员、毕业年度内高校毕业生，现行的人群名单未查到，请向主管税务机关或区县人力社保局咨询，或拨打12366、", hotline_number!()),
        ),
        _ => group.check(
            poverty.or_else(|| yes(f.registered_unemployed, Q::RegisteredUnemployed)),
            "您是脱贫人口，属于扶持人群",
            "须是脱贫人口（含监测对象）或登记失业等重点群体",
        ),
    };
    let mut conditions = vec![
        target_group,
        ctx.condition(
            "individual-business",
            "从事个体经营（个体工商户）",
            CLAUSE_TAX,
        )
        .check(
            registered_business(ctx, |k| k == BusinessKind::Individual),
            "您从事个体经营",
            "此项面向从事个体经营的个体工商户",
        ),
        ctx.condition("within-36-months", "自登记之月起36个月内", CLAUSE_TAX)
            .check(
                fact(months, Q::BusinessSince, |m| m < TAX_MONTHS),
                "还在36个月的扣减期内",
                "登记已超过36个月，扣减期已过",
            ),
    ];
    // Only the office can settle the group: its later conditions still ask (Condition::unsettled).
    if conditions[0].outcome == Outcome::Unknown && conditions[0].asks.is_empty() {
        conditions.rotate_left(1);
    }
    RuleResult {
        conditions,
        estimate: Estimate::other(
            Value::Unpublished,
            &TAX_SOURCE,
            "按每户每年限额依次扣减增值税、城市维护建设税、教育费附加、地方教育附加和个人所得税；全国标准为每户每年20000元，各省可上浮最多20%，重庆的具体限额未查到，请向税务部门咨询",
        ),
    }
}

pub const STARTUP_TAX_RELIEF: Benefit = Benefit {
    entry: catalogue::entry(
        "startup-tax-relief",
        "重点群体创业税费减免",
        Audience::Person,
        "二（三）、二（四）",
    )
    .paid_as(AmountKind::TaxRelief),
    validity: Validity::ends(
        Date::ymd(2027, 12, 31),
        "财政部 税务总局 人力资源社会保障部 农业农村部公告2023年第15号（2023年1月1日起）",
        &TAX_SOURCE,
    ),
    not_combined_with: &[],
    rule: tax_rule,
};

/// What to bring for [`STARTUP_TAX_RELIEF`] and where to apply (read by the results, never by the questionnaire).
pub const STARTUP_TAX_RELIEF_GUIDE: Guide = Guide {
    benefit: STARTUP_TAX_RELIEF.entry.id,
    documents: &[
        need("business-licence", Form::Shown),
        need("poverty-status-record", Form::CheckedInSystem),
        need_if(
            "unemployment-registration",
            Form::Shown,
            "非脱贫人口：《就业创业证》须注明“自主创业税收政策”",
        ),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "主管税务机关（办税服务厅）",
        online: "电子税务局",
        window: "纳税申报时一并享受（申报享受）",
        steps: "按月或按季纳税申报时填报减免，无需另行审批",
        confidence: Confidence::Weak,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "startup-subsidy-amount",
            benefits: &["startup-subsidy"],
            name: "重点群体一次性创业补助",
            unit: "元/户",
            values: STARTUP_AMOUNT,
        },
        Parameter {
            id: "startup-loan-cap-individual",
            benefits: &["startup-guaranteed-loan"],
            name: "个人创业担保贷款额度上限",
            unit: "元",
            values: LOAN_CAP_INDIVIDUAL,
        },
        Parameter {
            id: "enterprise-loan-cap",
            benefits: &["enterprise-guaranteed-loan"],
            name: "小微企业创业担保贷款额度上限",
            unit: "元",
            values: LOAN_CAP_ENTERPRISE,
        },
        Parameter {
            id: "startup-loan-cap-partner",
            benefits: &["startup-guaranteed-loan"],
            name: "个人合伙创业担保贷款每人额度上限",
            unit: "元",
            values: LOAN_CAP_PARTNER,
        },
        Parameter {
            id: "startup-loan-cap-partnership-total",
            benefits: &["startup-guaranteed-loan"],
            name: "个人合伙创业担保贷款合计额度上限",
            unit: "元",
            values: LOAN_CAP_PARTNERSHIP_TOTAL,
        },
        Parameter {
            id: "startup-loan-spread-cap",
            benefits: &["startup-guaranteed-loan", "enterprise-guaranteed-loan"],
            name: "创业担保贷款利率上限（LPR加点）",
            unit: "rate",
            values: LOAN_SPREAD_CAP,
        },
    ]
}

// ---- 小微企业创业担保贷款 ----------------------------------------------------------------------

const CLAUSE_ENTERPRISE_LOAN: &str = notice_clause!("一（二）；渝人社规〔2025〕11号");
/// Enterprise loans are subsidised for at most 2 years.
const ENTERPRISE_LOAN_MAX_YEARS: u32 = 2;

/// Small and micro enterprise loan cap.
pub const LOAN_CAP_ENTERPRISE: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2020, 1, 1),
        until: Some(Date::ymd(2024, 5, 11)),
        value: yuan(3_000_000),
        source: source_named(&LOAN_2023_SOURCE),
        note: words(""),
    },
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(4_000_000),
        source: source_named(&LOAN_2024_SOURCE),
        note: words("起始日期按新闻报道日期近似"),
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(6_000_000),
        source: source_named(&LOAN_2025_SOURCE),
        note: words("起始日期按新闻报道日期近似"),
    },
];

/// New hires from the target groups as a share of current staff: (share, share when staff > 100).
fn hiring_ratio(as_of: Date) -> (Decimal, Decimal) {
    if as_of >= LOAN_2024_FROM {
        (percent(10), percent(5))
    } else {
        (percent(15), percent(8))
    }
}

fn loan_target_hires(groups: &[crate::engine::roster::HireGroup]) -> Option<u32> {
    let mut heads = 0u32;
    for group in groups {
        if group.identity == HireIdentity::Other {
            continue;
        }
        match group.contract_months {
            Some(months) if months >= 12 => heads = heads.saturating_add(group.count),
            Some(_) => {}
            None => return None,
        }
    }
    Some(heads)
}

/// The enterprise's own cap on the loan: before 2024-05, 20万 per qualifying new hire.
fn enterprise_cap(ctx: &Ctx, loan: &mut Loan) {
    per_hire_cap(
        ctx.facts.roster.as_deref().and_then(loan_target_hires),
        loan,
    );
}

fn enterprise_loan_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    // The ratio of the contract's day, as the caps and the rate (issue 29, item 3): a 2023 contract
    // needs 15 %, even when it is looked at after the 2024 rules.
    let day = crate::benefits::loans::loan_day(ctx);
    let (share, large_share) = hiring_ratio(day);
    let hires = f.roster.as_deref().map(loan_target_hires);
    let needed = |staff: u32| if staff > 100 { large_share } else { share };
    let ratio = match (hires, f.org_staff) {
        (None, _) => Tri::unknown(Q::Roster),
        (Some(None), _) => Tri::unknown(Q::Roster),
        (_, None) => Tri::unknown(Q::OrgStaff),
        (Some(Some(hires)), Some(staff)) => Tri::from_bool(
            staff > 0 && Decimal::from(hires) >= Decimal::from(staff) * needed(staff),
        ),
    };
    let ratio_message = || match (hires, f.org_staff) {
        (Some(Some(hires)), Some(staff)) => format!(
            "本年新招用符合条件人员 {hires} 人，在职职工 {staff} 人；{}{}的规定要求达到 {}%",
            if f.loan_contract_date.is_some() {
                "按合同签订日"
            } else {
                "合同签订日未填，按查询日期"
            },
            day.chinese(),
            (needed(staff) * Decimal::from(100)).normalize()
        ),
        _ => String::new(),
    };
    let conditions = vec![
        ctx.condition("small-or-micro", "小型、微型企业（国统字〔2017〕213号）", CLAUSE_ENTERPRISE_LOAN).check(
            // 一（二） names 企业: a 就业帮扶车间 estimates it under the enterprise that runs it.
            ctx.org_kind_is(|k| k == OrgKind::Enterprise)
                .and_then(|| fact(f.org_size, Q::OrgSize, |s| matches!(s, OrgSize::Micro | OrgSize::Small))),
            "贵单位是小微企业",
            "此项面向小型、微型企业；车间、合作社等若由登记为企业的主体经营，请按“企业”测算",
        ),
        ctx.condition(
            "hiring-ratio",
            "当年新招用符合创业担保贷款申请条件的人员（签订1年以上劳动合同）达到现有在职职工的10%（超过100人的企业5%）；2024年规定以前签订的合同为15%（8%），按合同签订日的规定",
            CLAUSE_ENTERPRISE_LOAN,
        )
        .check(ratio, ratio_message, || format!("{}，未达到比例要求", ratio_message())),
        ctx.condition("no-arrears", "无拖欠职工工资、欠缴社会保险费等严重违法违规信用记录", CLAUSE_ENTERPRISE_LOAN).check(
            no(f.org_no_arrears.map(|ok| !ok), Q::OrgNoArrears),
            "没有拖欠工资和欠缴社保",
            "有拖欠工资或欠缴社保的不能申请",
        ),
    ];
    let estimate = interest_estimate(
        ctx,
        &Borrower {
            label: "小微企业",
            caps: LOAN_CAP_ENTERPRISE,
            max_years: ENTERPRISE_LOAN_MAX_YEARS,
            district: &f.org_district,
            district_question: Q::OrgDistrict,
            split_before_2024: &crate::benefits::loans::LOAN_2023_SOURCE,
            own_cap: enterprise_cap,
        },
    );
    RuleResult {
        conditions,
        estimate,
    }
}

pub const ENTERPRISE_LOAN: Benefit = Benefit {
    entry: catalogue::entry(
        "enterprise-guaranteed-loan",
        "小微企业创业担保贷款及贴息",
        Audience::Employer,
        "一（二）",
    )
    .paid_as(AmountKind::InterestSubsidy),
    validity: LOAN_VALIDITY,
    not_combined_with: &[],
    rule: enterprise_loan_rule,
};

/// What to bring for [`ENTERPRISE_LOAN`] and where to apply (read by the results, never by the questionnaire).
pub const ENTERPRISE_LOAN_GUIDE: Guide = Guide {
    benefit: ENTERPRISE_LOAN.entry.id,
    documents: &[
        need("business-licence", Form::Copy),
        need("labour-contract", Form::Copy),
        need("roster-hires", Form::FillIn),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "企业注册地的街道（乡镇）公共就业服务机构，或合作银行网点",
        online: "渝快办、“重庆智能就业”小程序、渝创保APP",
        window: "随时可申请",
        steps: "人力社保部门审核招用人员比例，银行审核贷款 → 全流程目标不超过4个工作日；重庆的企业材料清单未查到，请先咨询",
        confidence: Confidence::Secondary,
    },
};

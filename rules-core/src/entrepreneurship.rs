//! 返乡入乡创业 (notice 二（三）、二（四）、一（二）): the one-off start-up subsidy, guaranteed start-up
//! loans with interest subsidies, and the tax relief for key groups.

use crate::choices::*;
use crate::date::Date;
use crate::documents::{need, need_if, Form, HowToApply};
use crate::evaluate::*;
use crate::facts::Q;
use crate::logic::{fact, no, yes, Tri};
use crate::money::{bp, format_rate, format_yuan, percent, round_fen, yuan, Unit};
use crate::parameters::LPR_LAST_CONFIRMED_FIXING;
use crate::parameters::{lpr_on, Parameter};
use crate::source::{in_force, Confidence, Dated, Source};
use rust_decimal::Decimal;

pub const STARTUP_SOURCE: Source = Source {
    document: "渝人社发〔2018〕117号（重点群体一次性创业补助）",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195324.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_STARTUP: &str = "渝人社〔2021〕237号 二（三）；渝人社发〔2018〕117号";
pub const STARTUP_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2018, 8, 1),
    until: None,
    value: yuan(8000),
    source: &STARTUP_SOURCE,
    note: "按户计算",
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
    let months = f
        .business_since
        .map(|since| since.whole_months_until(ctx.as_of));
    let operating = fact(months, Q::BusinessSince, |m| {
        (MIN_OPERATING_MONTHS..=MAX_OPERATING_MONTHS).contains(&m)
    });
    let operating_not_met = match (f.business_since, months) {
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
        condition("first-business", "首次创办小微企业或个体工商户，本人是法定代表人或经营者", CLAUSE_STARTUP).check(
            business,
            "您首次创办了小微企业或个体工商户",
            "须首次创办小微企业或个体工商户（已登记营业执照）",
        ),
        condition("target-group", "创业前登记失业的脱贫人口、低保、零就业家庭或残疾人员，登记失业的农村自主创业人员，复员转业退役军人，去产能职工，或离校2年内登记失业的高校毕业生", CLAUSE_STARTUP).check(
            group,
            "您属于扶持人群",
            "须属于扶持人群：创业前已登记失业的脱贫人口、低保、零就业家庭人员、残疾人或农村自主创业人员，复员转业退役军人，去产能职工，离校2年内登记失业的高校毕业生",
        ),
        condition("chongqing-hukou", "重庆户籍（高校毕业生除外）", CLAUSE_STARTUP).check(
            hukou,
            "户籍条件符合",
            "除高校毕业生外，须是重庆户籍",
        ),
        condition("operating-1-to-3-years", "正常经营1年以上3年以下", CLAUSE_STARTUP)
            .check(operating, format!("已经营 {} 个月", months.unwrap_or(0)), operating_not_met),
        condition("three-insured-employees", "带动就业3人以上（不含本人）并缴纳社会保险", CLAUSE_STARTUP).check(
            fact(f.business_employees, Q::BusinessEmployees, |n| n >= MIN_INSURED_EMPLOYEES),
            format!("已带动 {} 人就业并参保", f.business_employees.unwrap_or(0)),
            format!(
                "须除本人外雇用{MIN_INSURED_EMPLOYEES}人以上并缴纳五项社会保险，目前 {} 人",
                f.business_employees.unwrap_or(0)
            ),
        ),
        condition("once-per-household", "以家庭为单位只享受一次", CLAUSE_STARTUP).check(
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
    id: "startup-subsidy",
    validity: Validity::in_force("渝人社发〔2018〕117号", &STARTUP_SOURCE),
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
    not_combined_with: &[],
    rule: startup_rule,
};

// ---- 创业担保贷款 --------------------------------------------------------------------------

pub const LOAN_2023_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）创业担保贷款",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195365_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
pub const LOAN_2024_SOURCE: Source = Source {
    document: "2024年重庆创业担保贷款调整通知（文号未查到；新华社报道）",
    url: "https://lemofix.com/2024-05/13/c_1310774440.htm",
    confidence: Confidence::Secondary,
    date: Some(Date::ymd(2024, 5, 13)),
};
pub const LOAN_2025_SOURCE: Source = Source {
    document: "渝人社规〔2025〕11号《关于调整优化我市创业担保贷款工作的通知》",
    url: "http://czj.cq.gov.cn/zwgk_268/czdt/gqzx/202506/t20250617_14721195.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2025, 6, 17)),
};
const CLAUSE_LOAN: &str = "渝人社〔2021〕237号 一（二）、二（三）；渝人社规〔2025〕11号";
/// The 2024 and 2025 notices' start dates are not published; news dates them "近日" on 2024-05-12 and
/// 2025-06-03 (corrections.md, notes to item 10).
const LOAN_2024_FROM: Date = Date::ymd(2024, 5, 12);
const LOAN_2025_FROM: Date = Date::ymd(2025, 6, 3);
const LOAN_MAX_YEARS: u32 = 3;

/// Individual loan cap.
pub const LOAN_CAP_INDIVIDUAL: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2020, 1, 1),
        until: Some(Date::ymd(2024, 5, 11)),
        value: yuan(200_000),
        source: &LOAN_2023_SOURCE,
        note: "",
    },
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(300_000),
        source: &LOAN_2024_SOURCE,
        note: "起始日期按新闻报道日期近似",
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(500_000),
        source: &LOAN_2025_SOURCE,
        note: "起始日期按新闻报道日期近似",
    },
];
/// Partnership: each qualifying partner's cap, and the cap of the whole loan (2024: 33万/人, 合计400万;
/// 渝人社规〔2025〕11号: 55万/人, 合计600万). Before 2024 no partnership figure was found.
pub const LOAN_CAP_PARTNER: &[Dated<Decimal>] = &[
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(330_000),
        source: &LOAN_2025_SOURCE,
        note: "渝人社规〔2025〕11号所说的调整前额度；起始日期按新闻报道日期近似",
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(550_000),
        source: &LOAN_2025_SOURCE,
        note: "起始日期按新闻报道日期近似",
    },
];
pub const LOAN_CAP_PARTNERSHIP_TOTAL: &[Dated<Decimal>] = &[
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(4_000_000),
        source: &LOAN_2025_SOURCE,
        note: "渝人社规〔2025〕11号所说的调整前额度；起始日期按新闻报道日期近似",
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(6_000_000),
        source: &LOAN_2025_SOURCE,
        note: "起始日期按新闻报道日期近似",
    },
];
/// Before 2024-05 a small or micro enterprise could borrow up to 20万 per qualifying new hire, within
/// its 300万 cap (服务包2023).
const ENTERPRISE_CAP_PER_HIRE_BEFORE_2024: Decimal = yuan(200_000);
/// 渝人社规〔2025〕11号: "财政部门给予最高0.5%年的担保费补贴".
const GUARANTEE_FEE_SUBSIDY_2025: Decimal = bp(50);
/// The graduate window: within 8 years of graduating before the 2024 notice, 10 years after.
const GRADUATE_MONTHS_BEFORE_2024: u32 = 96;
const GRADUATE_MONTHS_FROM_2024: u32 = 120;

/// The rate cap above the LPR (from 2024: LPR + 50 BP in all 区县).
pub const LOAN_SPREAD_CAP: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2021, 1, 1),
        until: Some(Date::ymd(2024, 5, 11)),
        value: bp(150),
        source: &LOAN_2023_SOURCE,
        note: "14个脱贫重点区县为LPR+250BP",
    },
    Dated {
        from: LOAN_2024_FROM,
        until: None,
        value: bp(50),
        source: &LOAN_2024_SOURCE,
        note: "",
    },
];
/// Before 2024 the 14 key 区县 could add up to 250 BP.
const KEY_COUNTY_SPREAD_BEFORE_2024: Decimal = bp(250);
/// Before 2024 the borrower paid up to LPR − 150 BP.
const BORROWER_DISCOUNT_BEFORE_2024: Decimal = bp(150);
/// 1 % as a fraction: percent to fraction by multiplying (a division costs the wasm kilobytes).
const PERCENT: Decimal = percent(1);
/// From 渝人社规〔2025〕11号 the treasury pays 50 % of the actual rate.
const SUBSIDISED_SHARE_2025: Decimal = percent(50);

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
        condition("target-group", "脱贫人口（16岁以上）、登记失业人员、就业困难人员（含低保、残疾、零就业家庭）、退役军人、高校毕业生（2024年5月前签约的毕业8年内，之后10年内）、农村自主创业农民（含返乡创业农民工）、网络商户、去产能职工、刑满释放人员", CLAUSE_LOAN).check(
            group,
            "您属于创业担保贷款扶持人群",
            "不属于创业担保贷款的扶持人群",
        ),
        condition("operating-in-chongqing", "已登记经营（或网络创业），创业项目在重庆", CLAUSE_LOAN).check(
            registered_business(ctx, |_| true).and_then(|| ctx.works_in_chongqing()),
            "您在重庆已登记经营",
            "须已办理营业执照（或认定为网络创业）并在重庆经营；可先办执照再申请",
        ),
        condition("good-credit", "无不良信用记录", CLAUSE_LOAN).check(
            no(f.bad_credit, Q::BadCredit),
            "没有不良信用记录",
            "有不良信用记录的不能申请",
        ),
        condition("no-other-loans", "本人及配偶没有其他贷款（助学贷款、脱贫人口小额信贷、住房、购车、5万元以下消费贷除外）", CLAUSE_LOAN).check(
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

/// The day whose rules and LPR apply to the loan: its contract date, or the evaluation date.
fn loan_day(ctx: &Ctx) -> Date {
    ctx.facts.loan_contract_date.unwrap_or(ctx.as_of)
}

fn graduate_window(contract_day: Date) -> u32 {
    if contract_day >= LOAN_2024_FROM {
        GRADUATE_MONTHS_FROM_2024
    } else {
        GRADUATE_MONTHS_BEFORE_2024
    }
}

/// The interest subsidy on the loan asked for, at the highest rate the rules allow.
/// Who borrows: the caps, the longest subsidised term, and the district that sets the pre-2024 rate.
struct Borrower<'a> {
    label: &'static str,
    caps: &'static [Dated<Decimal>],
    max_years: u32,
    /// Where the loan is made: before 2024 the 14 key 区县 had a higher rate cap.
    district: &'a Option<crate::facts::DistrictId>,
    district_question: Q,
    /// A person may borrow with qualifying partners (合伙创业).
    partners: bool,
    /// Qualifying new hires, for the enterprise's pre-2024 cap of 20万 per hire.
    hires: Option<u32>,
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
            partners: true,
            hires: None,
        },
    )
}

fn interest_estimate(ctx: &Ctx, borrower: &Borrower) -> Estimate {
    let f = ctx.facts;
    let max_years = borrower.max_years;
    // The rules and the LPR of the contract's day apply (渝人社规〔2025〕11号: "LPR以合同签订日的一年期
    // 贷款市场报价利率为准"); without it, the evaluation date stands in, and the question stays open.
    let contract_day = f.loan_contract_date.unwrap_or(ctx.as_of);
    let mut refine = Vec::new();
    let day_step = match f.loan_contract_date {
        Some(day) => format!("合同签订日 {}：按当天的规定和LPR计算", day.chinese()),
        None => {
            refine.push(Q::LoanContractDate);
            format!(
                "合同签订日未填，按查询日期 {} 的规定和LPR估算",
                ctx.as_of.chinese()
            )
        }
    };
    let Some(cap) = in_force(borrower.caps, contract_day) else {
        return Estimate {
            refine,
            ..Estimate::other(
                Value::Unpublished,
                &LOAN_2023_SOURCE,
                "合同签订日没有适用的标准（规则从2020年起）",
            )
        };
    };
    let mut cap_value = cap.value;
    let mut cap_step = format!(
        "{}贷款额度上限 {} 元（{}）",
        borrower.label,
        format_yuan(cap.value),
        cap.source.document
    );
    let partners = f.loan_partners.unwrap_or(1).max(1);
    if borrower.partners && partners > 1 {
        match (
            in_force(LOAN_CAP_PARTNER, contract_day),
            in_force(LOAN_CAP_PARTNERSHIP_TOTAL, contract_day),
        ) {
            (Some(each), Some(total)) => {
                cap_value = (each.value * Decimal::from(partners)).min(total.value);
                cap_step = format!(
                    "合伙创业 {partners} 人：每人最高 {} 元，合计不超过 {} 元，上限 {} 元（{}）",
                    format_yuan(each.value),
                    format_yuan(total.value),
                    format_yuan(cap_value),
                    each.source.document
                );
            }
            _ => cap_step.push_str("；当时合伙创业的额度未查到，按个人上限估算"),
        }
    }
    if let (Some(hires), true) = (borrower.hires, contract_day < LOAN_2024_FROM) {
        let by_hires = ENTERPRISE_CAP_PER_HIRE_BEFORE_2024 * Decimal::from(hires);
        if by_hires < cap_value {
            cap_value = by_hires;
            cap_step.push_str(&format!(
                "；2024年5月以前每招用1名符合条件人员最高20万元：20万元 × {hires} 人 = {} 元",
                format_yuan(by_hires)
            ));
        }
    }
    let Some(wanted) = f.loan_amount else {
        return Estimate {
            value: Value::NeedsAnswers {
                asks: vec![Q::LoanAmount],
            },
            steps: vec![day_step, cap_step],
            confidence: cap.source.confidence,
            sources: vec![cap.source],
            note: "填写想贷的金额和期限后可估算贴息".to_string(),
            breakdown: Vec::new(),
            refine,
        };
    };
    let mut sources = vec![cap.source];
    // The LPR: the contract's own when given, else the table's fixing on the contract's day.
    let (lpr, lpr_step) = match (f.loan_lpr, lpr_on(contract_day)) {
        (Some(own), _) => (
            own * PERCENT,
            format!("LPR {}（您填写的合同LPR）", format_rate(own * PERCENT)),
        ),
        (None, Some((entry, false))) => {
            sources.push(entry.source);
            (
                entry.value,
                format!(
                    "LPR {}（{}起的报价）",
                    format_rate(entry.value),
                    entry.from.chinese()
                ),
            )
        }
        (None, Some((entry, true))) => {
            sources.push(entry.source);
            refine.push(Q::LoanLpr);
            (
                entry.value,
                format!(
                    "LPR {}：最近确认的是{}的报价，合同签订日的报价未查到，请以合同为准（可填写合同上的LPR）",
                    format_rate(entry.value),
                    LPR_LAST_CONFIRMED_FIXING
                ),
            )
        }
        (None, None) => {
            return Estimate {
                value: Value::Unpublished,
                steps: vec![day_step, cap_step],
                confidence: Confidence::Weak,
                sources,
                note: "合同签订日的LPR未查到".to_string(),
                breakdown: Vec::new(),
                refine,
            }
        }
    };
    let principal = wanted.min(cap_value);
    let years = f.loan_term_years.unwrap_or(max_years).clamp(1, max_years);
    // Wanting more than one person may borrow: a partnership could borrow more, so ask.
    let partnership_known = in_force(LOAN_CAP_PARTNER, contract_day).is_some();
    if borrower.partners && partnership_known && wanted > cap.value && f.loan_partners.is_none() {
        refine.push(Q::LoanPartners);
    }
    let mut steps = vec![day_step, cap_step];
    if wanted > cap_value {
        steps.push(format!(
            "想贷 {} 元，超过上限，按 {} 元计",
            format_yuan(wanted),
            format_yuan(principal)
        ));
    } else {
        steps.push(format!("贷款 {} 元", format_yuan(principal)));
    }
    steps.push(lpr_step);
    let spread = in_force(LOAN_SPREAD_CAP, contract_day).map_or(bp(150), |s| s.value);
    let yearly = if contract_day >= LOAN_2025_FROM {
        let rate = lpr + spread;
        steps.push(format!(
            "利率上限 = LPR {} + {} = {}",
            format_rate(lpr),
            format_rate(spread),
            format_rate(rate)
        ));
        let yearly = round_fen(principal * rate * SUBSIDISED_SHARE_2025);
        let own_rate = rate * (Decimal::ONE - SUBSIDISED_SHARE_2025);
        steps.push(format!(
            "财政贴息实际利率的50%：{} × {} × 50% = {} 元/年",
            format_yuan(principal),
            format_rate(rate),
            format_yuan(yearly),
        ));
        steps.push(format!(
            "您本人每年约付利息 {} × {} = {} 元（按利率上限）",
            format_yuan(principal),
            format_rate(own_rate),
            format_yuan(round_fen(principal * own_rate))
        ));
        steps.push(format!(
            "另：财政给予最高 {}/年 的担保费补贴，按担保机构实际收取的担保费核定，不计入上面的贴息",
            format_rate(GUARANTEE_FEE_SUBSIDY_2025)
        ));
        sources.push(&LOAN_2025_SOURCE);
        yearly
    } else if contract_day >= LOAN_2024_FROM {
        return Estimate {
            value: Value::Unpublished,
            steps,
            confidence: Confidence::Secondary,
            sources,
            note: "2024年调整后利率上限为LPR+50BP，但个人与财政的分担比例未查到，贴息金额无法估算"
                .to_string(),
            breakdown: Vec::new(),
            refine,
        };
    } else {
        let key_county = ctx.district(borrower.district).map(|d| d.is_key_14());
        let Some(key_county) = key_county else {
            return Estimate {
                value: Value::NeedsAnswers {
                    asks: vec![borrower.district_question],
                },
                steps,
                confidence: Confidence::Official,
                sources,
                note: "2024年以前的利率上限按贷款所在区县不同，请选择区县".to_string(),
                breakdown: Vec::new(),
                refine,
            };
        };
        let spread = if key_county {
            KEY_COUNTY_SPREAD_BEFORE_2024
        } else {
            spread
        };
        let rate = lpr + spread;
        let own_rate = lpr - BORROWER_DISCOUNT_BEFORE_2024;
        steps.push(format!(
            "利率上限 = LPR {} + {}{} = {}",
            format_rate(lpr),
            format_rate(spread),
            if key_county {
                "（脱贫重点区县）"
            } else {
                ""
            },
            format_rate(rate)
        ));
        let yearly = round_fen(principal * (rate - own_rate));
        steps.push(format!(
            "本人负担至 LPR−1.5% = {}，其余由财政贴息：{} × ({} − {}) = {} 元/年",
            format_rate(own_rate),
            format_yuan(principal),
            format_rate(rate),
            format_rate(own_rate),
            format_yuan(yearly)
        ));
        steps.push(format!(
            "您本人每年约付利息 {} × {} = {} 元",
            format_yuan(principal),
            format_rate(own_rate),
            format_yuan(round_fen(principal * own_rate))
        ));
        yearly
    };
    let total = yearly * Decimal::from(years);
    steps.push(format!(
        "贴息 {} 元/年 × {years} 年 = {} 元{}",
        format_yuan(yearly),
        format_yuan(total),
        match f.loan_term_years {
            None => "（期限未填，按最长期限估算）",
            Some(term) if term > max_years => "（超过部分不贴息）",
            Some(_) => "",
        }
    ));
    let confidence = sources
        .iter()
        .map(|s| s.confidence)
        .max()
        .unwrap_or(Confidence::Weak);
    Estimate {
        value: Value::Amount { amount: round_fen(total), unit: Unit::Yuan },
        steps,
        confidence,
        sources,
        note: "这是财政贴息（替您付的利息），按利率上限估算的最高额；实际利率以银行合同为准，贴息按季度先付后贴，展期、逾期部分不贴息".to_string(),
        breakdown: Vec::new(),
        refine,
    }
}

pub const STARTUP_LOAN: Benefit = Benefit {
    id: "startup-guaranteed-loan",
    validity: Validity::in_force("渝人社规〔2025〕11号", &LOAN_2025_SOURCE).with_note("未查到2026年的调整。"),
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
    not_combined_with: &[],
    rule: loan_rule,
};

// ---- 创业税费减免 -------------------------------------------------------------------------

pub const TAX_SOURCE: Source = Source {
    document: "财政部 税务总局 人力资源社会保障部 农业农村部公告2023年第15号（转载页面，出处不明）",
    url: "http://m.youyinan.com/zwgk/ztzl/yhyshj/yszc/content/post_768751.html",
    confidence: Confidence::Weak,
    date: None,
};
const CLAUSE_TAX: &str = "渝人社〔2021〕237号 二（三）、二（四）；财政部 税务总局公告2023年第15号";
const TAX_MONTHS: u32 = 36;

fn tax_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let months = f
        .business_since
        .map(|since| since.whole_months_until(ctx.as_of));
    let conditions = vec![
        condition(
            "target-group",
            "脱贫人口（含监测对象），或持《就业创业证》的登记失业人员",
            CLAUSE_TAX,
        )
        .check(
            ctx.poverty()
                .or_else(|| yes(f.registered_unemployed, Q::RegisteredUnemployed)),
            "您属于扶持人群",
            "须是脱贫人口（含监测对象）或登记失业等重点群体",
        ),
        condition(
            "individual-business",
            "从事个体经营（个体工商户）",
            CLAUSE_TAX,
        )
        .check(
            registered_business(ctx, |k| k == BusinessKind::Individual),
            "您从事个体经营",
            "此项面向从事个体经营的个体工商户",
        ),
        condition("within-36-months", "自登记之月起36个月内", CLAUSE_TAX).check(
            fact(months, Q::BusinessSince, |m| m < TAX_MONTHS),
            "还在36个月的扣减期内",
            "登记已超过36个月，扣减期已过",
        ),
    ];
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
    id: "startup-tax-relief",
    validity: Validity::ends(Date::ymd(2027, 12, 31), "财政部 税务总局 人力资源社会保障部 农业农村部公告2023年第15号（2023年1月1日至2027年12月31日）", &TAX_SOURCE),
    documents: &[
        need("business-licence", Form::Shown),
        need("poverty-status-record", Form::CheckedInSystem),
        need_if("unemployment-registration", Form::Shown, "非脱贫人口：《就业创业证》须注明“自主创业税收政策”"),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "主管税务机关（办税服务厅）",
        online: "电子税务局",
        window: "纳税申报时一并享受（申报享受）",
        steps: "按月或按季纳税申报时填报减免，无需另行审批",
        confidence: Confidence::Weak,
    },
    not_combined_with: &[],
    rule: tax_rule,
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "startup-subsidy-amount",
            name: "重点群体一次性创业补助",
            unit: "元/户",
            values: STARTUP_AMOUNT,
        },
        Parameter {
            id: "startup-loan-cap-individual",
            name: "个人创业担保贷款额度上限",
            unit: "元",
            values: LOAN_CAP_INDIVIDUAL,
        },
        Parameter {
            id: "enterprise-loan-cap",
            name: "小微企业创业担保贷款额度上限",
            unit: "元",
            values: LOAN_CAP_ENTERPRISE,
        },
        Parameter {
            id: "startup-loan-cap-partner",
            name: "个人合伙创业担保贷款每人额度上限",
            unit: "元",
            values: LOAN_CAP_PARTNER,
        },
        Parameter {
            id: "startup-loan-cap-partnership-total",
            name: "个人合伙创业担保贷款合计额度上限",
            unit: "元",
            values: LOAN_CAP_PARTNERSHIP_TOTAL,
        },
        Parameter {
            id: "startup-loan-spread-cap",
            name: "创业担保贷款利率上限（LPR加点）",
            unit: "rate",
            values: LOAN_SPREAD_CAP,
        },
    ]
}

// ---- 小微企业创业担保贷款 ----------------------------------------------------------------------

const CLAUSE_ENTERPRISE_LOAN: &str = "渝人社〔2021〕237号 一（二）；渝人社规〔2025〕11号";
/// Enterprise loans are subsidised for at most 2 years.
const ENTERPRISE_LOAN_MAX_YEARS: u32 = 2;

/// Small and micro enterprise loan cap.
pub const LOAN_CAP_ENTERPRISE: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2020, 1, 1),
        until: Some(Date::ymd(2024, 5, 11)),
        value: yuan(3_000_000),
        source: &LOAN_2023_SOURCE,
        note: "",
    },
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(4_000_000),
        source: &LOAN_2024_SOURCE,
        note: "起始日期按新闻报道日期近似",
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(6_000_000),
        source: &LOAN_2025_SOURCE,
        note: "起始日期按新闻报道日期近似",
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

fn loan_target_hires(groups: &[crate::roster::HireGroup]) -> Option<u32> {
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

fn enterprise_loan_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let (share, large_share) = hiring_ratio(ctx.as_of);
    let hires = f.roster.as_deref().map(loan_target_hires);
    let ratio = match (hires, f.org_staff) {
        (None, _) => Tri::unknown(Q::Roster),
        (Some(None), _) => Tri::unknown(Q::Roster),
        (_, None) => Tri::unknown(Q::OrgStaff),
        (Some(Some(hires)), Some(staff)) => {
            let needed = if staff > 100 { large_share } else { share };
            Tri::from_bool(staff > 0 && Decimal::from(hires) >= Decimal::from(staff) * needed)
        }
    };
    let ratio_message = match (hires, f.org_staff) {
        (Some(Some(hires)), Some(staff)) => {
            format!("本年新招用符合条件人员 {hires} 人，在职职工 {staff} 人")
        }
        _ => String::new(),
    };
    let conditions = vec![
        condition("small-or-micro", "小型、微型企业（国统字〔2017〕213号）", CLAUSE_ENTERPRISE_LOAN).check(
            ctx.org_kind_is(OrgKind::is_enterprise_like)
                .and_then(|| fact(f.org_size, Q::OrgSize, |s| matches!(s, OrgSize::Micro | OrgSize::Small))),
            "贵单位是小微企业",
            "此项面向小型、微型企业",
        ),
        condition(
            "hiring-ratio",
            "当年新招用符合创业担保贷款申请条件的人员（签订1年以上劳动合同）达到现有在职职工的10%（超过100人的企业5%）；2024年以前为15%（8%）",
            CLAUSE_ENTERPRISE_LOAN,
        )
        .check(ratio, ratio_message.clone(), format!("{ratio_message}，未达到比例要求")),
        condition("no-arrears", "无拖欠职工工资、欠缴社会保险费等严重违法违规信用记录", CLAUSE_ENTERPRISE_LOAN).check(
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
            partners: false,
            hires: f.roster.as_deref().and_then(loan_target_hires),
        },
    );
    RuleResult {
        conditions,
        estimate,
    }
}

pub const ENTERPRISE_LOAN: Benefit = Benefit {
    id: "enterprise-guaranteed-loan",
    validity: Validity::in_force("渝人社规〔2025〕11号", &LOAN_2025_SOURCE).with_note("未查到2026年的调整。"),
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
    not_combined_with: &[],
    rule: enterprise_loan_rule,
};

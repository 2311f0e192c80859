//! 创业担保贷款的贴息: the loan engine the person's start-up loan and the small or micro enterprise's
//! loan share (notice 一（二）、二（三）; 渝人社规〔2025〕11号). Which borrowers qualify is each benefit's
//! own rule (`entrepreneurship`); here is what the treasury pays on a loan: the cap on the contract's
//! day, the LPR, the rate cap, and the share of the interest subsidised.
//!
//! Three dated regimes, chosen by the contract's day in [`yearly_subsidy`]:
//! before 2024-05-12 ([`subsidy_before_2024`]), 2024-05-12 to 2025-06-02 ([`subsidy_2024`]) and from
//! 2025-06-03 under 渝人社规〔2025〕11号 ([`subsidy_2025`]).

use crate::engine::facts::{DistrictId, Facts, Q};
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{bp, format_rate, format_yuan, percent, round_fen, yuan, Unit};
use crate::vocabulary::parameters::{lpr_on, LPR_LAST_CONFIRMED_FIXING};
use crate::vocabulary::source::{in_force, Confidence, Dated, Source};
use crate::vocabulary::source::{source_named, words, TEXTS};
use crate::{
    engine::report::{Estimate, Value},
    engine::rule::Ctx,
};
use rust_decimal::Decimal;

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
/// Individual loans before 2024: the borrower's share up to LPR − 150 BP is written for enterprise
/// loans in 服务包2023 (H); for individuals it rests on a repost of unclear provenance, and the 2021
/// 渝中 page says 全额贴息 instead (research.md §2.8: "individual terms (L)"; corrections.md notes to
/// item 10: "L/national rule for individuals").
pub const LOAN_INDIVIDUAL_BEFORE_2024_SOURCE: Source = Source {
    document: "个人创业担保贷款贴息规则（2024年以前：本人负担至LPR−150BP；非官方转载，2021年渝中区页面称全额贴息，两者冲突）",
    url: "http://m.ccschy.com/techan/85771.html",
    confidence: Confidence::Weak,
    date: None,
};
/// The 2024 and 2025 notices' start dates are not published; news dates them "近日" on 2024-05-12 and
/// 2025-06-03 (corrections.md, notes to item 10).
pub(crate) const LOAN_2024_FROM: Date = Date::ymd(2024, 5, 12);
pub(crate) const LOAN_2025_FROM: Date = Date::ymd(2025, 6, 3);

/// Partnership: each qualifying partner's cap, and the cap of the whole loan (2024: 33万/人, 合计400万;
/// 渝人社规〔2025〕11号: 55万/人, 合计600万). Before 2024 no partnership figure was found.
pub const LOAN_CAP_PARTNER: &[Dated<Decimal>] = &[
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(330_000),
        source: source_named(&LOAN_2025_SOURCE),
        note: words("渝人社规〔2025〕11号所说的调整前额度；起始日期按新闻报道日期近似"),
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(550_000),
        source: source_named(&LOAN_2025_SOURCE),
        note: words("起始日期按新闻报道日期近似"),
    },
];
pub const LOAN_CAP_PARTNERSHIP_TOTAL: &[Dated<Decimal>] = &[
    Dated {
        from: LOAN_2024_FROM,
        until: Some(Date::ymd(2025, 6, 2)),
        value: yuan(4_000_000),
        source: source_named(&LOAN_2025_SOURCE),
        note: words("渝人社规〔2025〕11号所说的调整前额度；起始日期按新闻报道日期近似"),
    },
    Dated {
        from: LOAN_2025_FROM,
        until: None,
        value: yuan(6_000_000),
        source: source_named(&LOAN_2025_SOURCE),
        note: words("起始日期按新闻报道日期近似"),
    },
];
/// Before 2024-05 a small or micro enterprise could borrow up to 20万 per qualifying new hire, within
/// its 300万 cap (服务包2023).
const ENTERPRISE_CAP_PER_HIRE_BEFORE_2024: Decimal = yuan(200_000);
/// 渝人社规〔2025〕11号: "财政部门给予最高0.5%年的担保费补贴".
const GUARANTEE_FEE_SUBSIDY_2025: Decimal = bp(50);

/// The rate cap above the LPR (from 2024: LPR + 50 BP in all 区县).
pub const LOAN_SPREAD_CAP: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2021, 1, 1),
        until: Some(Date::ymd(2024, 5, 11)),
        value: bp(150),
        source: source_named(&LOAN_2023_SOURCE),
        note: words("14个脱贫重点区县为LPR+250BP"),
    },
    Dated {
        from: LOAN_2024_FROM,
        until: None,
        value: bp(50),
        source: source_named(&LOAN_2024_SOURCE),
        note: words(""),
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

/// Who borrows: the caps, the longest subsidised term, and the district that sets the pre-2024 rate.
pub(crate) struct Borrower<'a> {
    pub label: &'static str,
    pub caps: &'static [Dated<Decimal>],
    pub max_years: u32,
    /// Where the loan is made: before 2024 the 14 key 区县 had a higher rate cap.
    pub district: &'a Option<DistrictId>,
    pub district_question: Q,
    /// The source of the pre-2024 split between borrower and treasury for this borrower: official for
    /// enterprises ([`LOAN_2023_SOURCE`]), weak for individuals ([`LOAN_INDIVIDUAL_BEFORE_2024_SOURCE`]).
    pub split_before_2024: &'static Source,
    /// What only this borrower has on the cap: a person's partners ([`partnership_cap`]), an
    /// enterprise's hires ([`per_hire_cap`]). A function of the borrower's own, so the person's loan
    /// links none of the enterprise's rules (and the residents' page carries none of them).
    pub own_cap: fn(&Ctx, &mut Loan),
}

/// A loan on its contract's day, with the cap on what may be borrowed and how it was found.
pub(crate) struct Loan {
    day: Date,
    day_step: String,
    cap: &'static Dated<Decimal>,
    cap_value: Decimal,
    cap_step: String,
    /// Questions that would make the figure exact.
    refine: Vec<Q>,
    /// Whether to ask about partners: a partnership could borrow more than was asked.
    ask_partners: bool,
}

/// The formula so far: its steps, the sources of its figures, and the questions that would refine it.
struct Workings {
    steps: Vec<String>,
    sources: Vec<&'static Source>,
    refine: Vec<Q>,
}

/// Where an estimate ends before its sum: its value, confidence and note.
struct Stop {
    value: Value,
    confidence: Confidence,
    note: &'static str,
}

impl Workings {
    /// A formula step, written only in a build with texts ([`TEXTS`]).
    #[inline]
    fn step(&mut self, text: impl FnOnce() -> String) {
        if TEXTS {
            self.steps.push(text());
        }
    }

    fn stop(self, stop: Stop) -> Estimate {
        Estimate {
            value: stop.value,
            steps: self.steps,
            confidence: stop.confidence,
            sources: self.sources.into(),
            note: stop.note.into(),
            breakdown: Vec::new(),
            refine: self.refine,
        }
    }
}

/// The day whose rules and LPR apply to the loan: its contract date, or the evaluation date.
pub(crate) fn loan_day(ctx: &Ctx) -> Date {
    ctx.facts.loan_contract_date.unwrap_or(ctx.as_of)
}

/// The interest subsidy on the loan asked for, at the highest rate the rules allow.
pub(crate) fn interest_estimate(ctx: &Ctx, borrower: &Borrower) -> Estimate {
    match open(ctx, borrower) {
        Ok(mut loan) => {
            (borrower.own_cap)(ctx, &mut loan);
            subsidy(ctx, borrower, loan)
        }
        Err(refine) => Estimate {
            refine,
            ..Estimate::other(
                Value::Unpublished,
                &LOAN_2023_SOURCE,
                "合同签订日没有适用的标准（规则从2020年起）",
            )
        },
    }
}

/// The contract's day and the borrower's cap on it. The rules and the LPR of the contract's day apply
/// (渝人社规〔2025〕11号: "LPR以合同签订日的一年期贷款市场报价利率为准"); without it, the evaluation
/// date stands in, and the question stays open. No cap on the day: the questions that would refine.
fn open(ctx: &Ctx, borrower: &Borrower) -> Result<Loan, Vec<Q>> {
    let day = loan_day(ctx);
    let mut refine = Vec::new();
    if ctx.facts.loan_contract_date.is_none() {
        refine.push(Q::LoanContractDate);
    }
    let Some(cap) = in_force(borrower.caps, day) else {
        return Err(refine);
    };
    let day_step = ctx.step(|| match ctx.facts.loan_contract_date {
        Some(day) => format!("合同签订日 {}：按当天的规定和LPR计算", day.chinese()),
        None => format!(
            "合同签订日未填，按查询日期 {} 的规定和LPR估算",
            ctx.as_of.chinese()
        ),
    });
    let cap_step = ctx.step(|| {
        format!(
            "{}贷款额度上限 {} 元（{}）",
            borrower.label,
            format_yuan(cap.value),
            cap.source.document
        )
    });
    Ok(Loan {
        day,
        day_step,
        cap,
        cap_value: cap.value,
        cap_step,
        refine,
        ask_partners: false,
    })
}

/// 合伙创业 (from 2024; 渝人社规〔2025〕11号): qualifying partners borrow together, each up to
/// [`LOAN_CAP_PARTNER`], all within [`LOAN_CAP_PARTNERSHIP_TOTAL`].
pub(crate) fn partnership_cap(ctx: &Ctx, loan: &mut Loan) {
    let f = ctx.facts;
    let partners = f.loan_partners.unwrap_or(1).max(1);
    if partners > 1 {
        match (
            in_force(LOAN_CAP_PARTNER, loan.day),
            in_force(LOAN_CAP_PARTNERSHIP_TOTAL, loan.day),
        ) {
            (Some(each), Some(total)) => {
                loan.cap_value = (each.value * Decimal::from(partners)).min(total.value);
                loan.cap_step = format!(
                    "合伙创业 {partners} 人：每人最高 {} 元，合计不超过 {} 元，上限 {} 元（{}）",
                    format_yuan(each.value),
                    format_yuan(total.value),
                    format_yuan(loan.cap_value),
                    each.source.document
                );
            }
            _ => loan
                .cap_step
                .push_str("；当时合伙创业的额度未查到，按个人上限估算"),
        }
    }
    // Wanting more than one person may borrow: a partnership could borrow more, so ask.
    loan.ask_partners = in_force(LOAN_CAP_PARTNER, loan.day).is_some()
        && f.loan_amount.is_some_and(|wanted| wanted > loan.cap.value)
        && f.loan_partners.is_none();
}

/// 服务包2023: before 2024-05 a small or micro enterprise borrowed up to 20万 per qualifying new hire.
pub(crate) fn per_hire_cap(hires: Option<u32>, loan: &mut Loan) {
    if let (Some(hires), true) = (hires, loan.day < LOAN_2024_FROM) {
        let by_hires = ENTERPRISE_CAP_PER_HIRE_BEFORE_2024 * Decimal::from(hires);
        if by_hires < loan.cap_value {
            loan.cap_value = by_hires;
            loan.cap_step.push_str(&format!(
                "；2024年5月以前每招用1名符合条件人员最高20万元：20万元 × {hires} 人 = {} 元",
                format_yuan(by_hires)
            ));
        }
    }
}

/// The subsidy over the subsidised years on the amount asked for, within the cap.
fn subsidy(ctx: &Ctx, borrower: &Borrower, loan: Loan) -> Estimate {
    let f = ctx.facts;
    let mut w = Workings {
        steps: vec![loan.day_step, loan.cap_step],
        sources: vec![loan.cap.source],
        refine: loan.refine,
    };
    let Some(wanted) = f.loan_amount else {
        return w.stop(Stop {
            value: Value::NeedsAnswers {
                asks: vec![Q::LoanAmount],
            },
            confidence: loan.cap.source.confidence,
            note: "填写想贷的金额和期限后可估算贴息",
        });
    };
    let Some((lpr, lpr_step)) = contract_lpr(f, loan.day, &mut w) else {
        return w.stop(Stop {
            value: Value::Unpublished,
            confidence: Confidence::Weak,
            note: "合同签订日的LPR未查到",
        });
    };
    let principal = wanted.min(loan.cap_value);
    let max_years = borrower.max_years;
    let years = f.loan_term_years.unwrap_or(max_years).clamp(1, max_years);
    if loan.ask_partners {
        w.refine.push(Q::LoanPartners);
    }
    w.step(|| {
        if wanted > loan.cap_value {
            format!(
                "想贷 {} 元，超过上限，按 {} 元计",
                format_yuan(wanted),
                format_yuan(principal)
            )
        } else {
            format!("贷款 {} 元", format_yuan(principal))
        }
    });
    w.step(|| lpr_step);
    let yearly = match yearly_subsidy(ctx, borrower, loan.day, principal, lpr, &mut w) {
        Ok(yearly) => yearly,
        Err(stop) => return w.stop(stop),
    };
    let total = yearly * Decimal::from(years);
    w.step(|| {
        format!(
            "贴息 {} 元/年 × {years} 年 = {} 元{}",
            format_yuan(yearly),
            format_yuan(total),
            match f.loan_term_years {
                None => "（期限未填，按最长期限估算）",
                Some(term) if term > max_years => "（超过部分不贴息）",
                Some(_) => "",
            }
        )
    });
    let confidence = w
        .sources
        .iter()
        .map(|s| s.confidence)
        .max()
        .unwrap_or(Confidence::Weak);
    Estimate {
        value: Value::Amount { amount: round_fen(total), unit: Unit::Yuan },
        steps: w.steps,
        confidence,
        sources: w.sources.into(),
        note: "这是财政贴息（替您付的利息），按利率上限估算的最高额；实际利率以银行合同为准，贴息按季度先付后贴，展期、逾期部分不贴息".into(),
        breakdown: Vec::new(),
        refine: w.refine,
    }
}

/// The LPR as a fraction, and the step that says where it comes from: the contract's own when given,
/// else the table's fixing on the contract's day (None when there is none).
fn contract_lpr(f: &Facts, day: Date, w: &mut Workings) -> Option<(Decimal, String)> {
    if let Some(own) = f.loan_lpr {
        let lpr = own * PERCENT;
        return Some((lpr, format!("LPR {}（您填写的合同LPR）", format_rate(lpr))));
    }
    let (entry, unconfirmed) = lpr_on(day)?;
    w.sources.push(entry.source);
    let step = if unconfirmed {
        w.refine.push(Q::LoanLpr);
        format!(
            "LPR {}：最近确认的是{}的报价，合同签订日的报价未查到，请以合同为准（可填写合同上的LPR）",
            format_rate(entry.value),
            LPR_LAST_CONFIRMED_FIXING
        )
    } else {
        format!(
            "LPR {}（{}起的报价）",
            format_rate(entry.value),
            entry.from.chinese()
        )
    };
    Some((entry.value, step))
}

/// The rate cap's spread above the LPR on the day ([`LOAN_SPREAD_CAP`]; 150 BP before the table).
fn spread_cap(day: Date) -> Decimal {
    in_force(LOAN_SPREAD_CAP, day).map_or(bp(150), |s| s.value)
}

/// The subsidy per year under the regime of the contract's day.
fn yearly_subsidy(
    ctx: &Ctx,
    borrower: &Borrower,
    day: Date,
    principal: Decimal,
    lpr: Decimal,
    w: &mut Workings,
) -> Result<Decimal, Stop> {
    if day >= LOAN_2025_FROM {
        Ok(subsidy_2025(principal, lpr, spread_cap(day), w))
    } else if day >= LOAN_2024_FROM {
        Err(subsidy_2024())
    } else {
        let key_county = ctx.district(borrower.district).map(|d| d.is_key_14());
        let yearly = subsidy_before_2024(
            principal,
            lpr,
            spread_cap(day),
            key_county,
            borrower.district_question,
            w,
        )?;
        if borrower.split_before_2024.confidence.needs_checking() {
            w.step(|| {
                format!(
                    "{}的分担规则只见于非官方转载，待核实（{}）",
                    borrower.label, borrower.split_before_2024.document
                )
            });
        }
        w.sources.push(borrower.split_before_2024);
        Ok(yearly)
    }
}

/// From 2025-06-03, 渝人社规〔2025〕11号 ([`LOAN_2025_SOURCE`]): the rate is capped at LPR + 50 BP, the
/// treasury pays 50 % of the actual rate, and up to 0.5 %/年 of the guarantee fee besides.
fn subsidy_2025(principal: Decimal, lpr: Decimal, spread: Decimal, w: &mut Workings) -> Decimal {
    let rate = lpr + spread;
    w.step(|| {
        format!(
            "利率上限 = LPR {} + {} = {}",
            format_rate(lpr),
            format_rate(spread),
            format_rate(rate)
        )
    });
    let yearly = round_fen(principal * rate * SUBSIDISED_SHARE_2025);
    let own_rate = rate * (Decimal::ONE - SUBSIDISED_SHARE_2025);
    w.step(|| {
        format!(
            "财政贴息实际利率的50%：{} × {} × 50% = {} 元/年",
            format_yuan(principal),
            format_rate(rate),
            format_yuan(yearly),
        )
    });
    w.step(|| {
        format!(
            "您本人每年约付利息 {} × {} = {} 元（按利率上限）",
            format_yuan(principal),
            format_rate(own_rate),
            format_yuan(round_fen(principal * own_rate))
        )
    });
    w.step(|| {
        format!(
            "另：财政给予最高 {}/年 的担保费补贴，按担保机构实际收取的担保费核定，不计入上面的贴息",
            format_rate(GUARANTEE_FEE_SUBSIDY_2025)
        )
    });
    w.sources.push(&LOAN_2025_SOURCE);
    yearly
}

/// 2024-05-12 to 2025-06-02 ([`LOAN_2024_SOURCE`], news only): the rate cap became LPR + 50 BP, but
/// how the interest was shared between borrower and treasury was not found, so there is no figure.
fn subsidy_2024() -> Stop {
    Stop {
        value: Value::Unpublished,
        confidence: Confidence::Secondary,
        note: "2024年调整后利率上限为LPR+50BP，但个人与财政的分担比例未查到，贴息金额无法估算",
    }
}

/// Before 2024-05-12 (服务包2023, [`LOAN_2023_SOURCE`]): the rate is capped at LPR + 150 BP (LPR + 250 BP
/// in the 14 key 区县, so the district is asked); the borrower pays up to LPR − 150 BP and the treasury
/// the rest.
fn subsidy_before_2024(
    principal: Decimal,
    lpr: Decimal,
    spread: Decimal,
    key_county: Option<bool>,
    district_question: Q,
    w: &mut Workings,
) -> Result<Decimal, Stop> {
    let Some(key_county) = key_county else {
        return Err(Stop {
            value: Value::NeedsAnswers {
                asks: vec![district_question],
            },
            confidence: Confidence::Official,
            note: "2024年以前的利率上限按贷款所在区县不同，请选择区县",
        });
    };
    let spread = if key_county {
        KEY_COUNTY_SPREAD_BEFORE_2024
    } else {
        spread
    };
    let rate = lpr + spread;
    let own_rate = lpr - BORROWER_DISCOUNT_BEFORE_2024;
    w.step(|| {
        format!(
            "利率上限 = LPR {} + {}{} = {}",
            format_rate(lpr),
            format_rate(spread),
            if key_county {
                "（脱贫重点区县）"
            } else {
                ""
            },
            format_rate(rate)
        )
    });
    let yearly = round_fen(principal * (rate - own_rate));
    w.step(|| {
        format!(
            "本人负担至 LPR−1.5% = {}，其余由财政贴息：{} × ({} − {}) = {} 元/年",
            format_rate(own_rate),
            format_yuan(principal),
            format_rate(rate),
            format_rate(own_rate),
            format_yuan(yearly)
        )
    });
    w.step(|| {
        format!(
            "您本人每年约付利息 {} × {} = {} 元",
            format_yuan(principal),
            format_rate(own_rate),
            format_yuan(round_fen(principal * own_rate))
        )
    });
    Ok(yearly)
}

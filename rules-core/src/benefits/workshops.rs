//! 就业帮扶车间 (notice 二（二）): the one-off construction grant, the yearly employment award by grade
//! and headcount, and the fee relief left to districts. All end with the notice on 2025-12-31.

use crate::engine::documents::{Guide, HowToApply, ASK_DISTRICT};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, yes};
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, AmountKind, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, yuan, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::hotline_number;
use crate::vocabulary::source::notice_clause;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source, NOTICE_END};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

pub const WORKSHOP_SOURCE: Source = Source {
    document:
        "渝人社发〔2022〕21号《关于做好就业帮扶车间建设相关工作的通知》（市人力社保局政策问答）",
    url: "https://rlsbj.cq.gov.cn/zczxwdk/ywfl/jycy/202212/t20221216_11397490.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2022, 12, 16)),
};
/// The 文号 and title of the workshop rules on an official page (after-2025.md C4).
pub const WORKSHOP_NUMBER_SOURCE: Source = Source {
    document: "彭水人社发〔2023〕27号（引用渝人社发〔2022〕21号《关于做好就业帮扶车间建设相关工作的通知》）",
    url: "http://psx.gov.cn/zfjz/hjjdbsc_83702/zwgk_73112/fdzdgknr_73114/zdmsxx_73121/shbz_73124/202309/t20230913_12332245.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 9, 13)),
};
pub const KAIZHOU_SOURCE: Source = Source {
    document: "开州区就业帮扶车间政策问答（写明奖补的截止日期）",
    url:
        "https://www.cqkz.gov.cn/zwgk_238/zfxxgkml/cjzcwd/qrlsbj/202208/t20220823_11029435_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2022, 8, 23)),
};
const CLAUSE: &str = notice_clause!("二（二）；渝人社发〔2022〕21号");
/// 渝人社发〔2022〕21号's own date is not in the sources: its figures are dated from the start of 2022.
const RULES_2022_FROM: Date = Date::ymd(2022, 1, 1);
const RULES_2022_NOTE: &str = "渝人社发〔2022〕21号的印发日期未查到，按2022年起适用";
pub const CONSTRUCTION_CAP: &[Dated<Decimal>] = &[Dated {
    from: RULES_2022_FROM,
    until: Some(NOTICE_END),
    value: yuan(500_000),
    source: source_named(&WORKSHOP_SOURCE),
    note: words("上限；具体标准由区县确定。渝人社发〔2022〕21号的印发日期未查到，按2022年起适用"),
}];

/// 带动就业奖补 in 元: rows 优秀/良好/合格, columns 40+ / 20–39 / 10–19 people retained ≥ 3 months.
pub type AwardTable = [(Grade, [u32; 3]); 3];

/// The award table of 渝人社发〔2022〕21号, until the awards ended with the notice (开州).
pub const AWARD_TABLES: &[Dated<AwardTable>] = &[Dated {
    from: RULES_2022_FROM,
    until: Some(NOTICE_END),
    value: [
        (Grade::Excellent, [100_000, 70_000, 40_000]),
        (Grade::Good, [80_000, 50_000, 30_000]),
        (Grade::Pass, [60_000, 30_000, 20_000]),
    ],
    source: source_named(&WORKSHOP_SOURCE),
    note: words(RULES_2022_NOTE),
}];

/// The award for a grade and a retained headcount; `None` below 10 people or below 合格.
pub fn award(table: &AwardTable, grade: Grade, retained: u32) -> Option<Decimal> {
    let band = match retained {
        40.. => 0,
        20..=39 => 1,
        10..=19 => 2,
        _ => return None,
    };
    table
        .iter()
        .find(|(g, _)| *g == grade)
        .map(|(_, row)| yuan(row[band]))
}

fn is_workshop(ctx: &Ctx) -> ConditionReport {
    ctx.condition("workshop", "就业帮扶车间（含社区工厂、卫星工厂）", CLAUSE)
        .check(
            ctx.org_kind_is(|k| k == OrgKind::Workshop),
            "贵单位是就业帮扶车间",
            "此项面向就业帮扶车间",
        )
}

fn recognised(ctx: &Ctx) -> ConditionReport {
    ctx.condition("recognised", "被认定（评选）为区县级就业帮扶车间", CLAUSE)
        .check(
            yes(ctx.facts.workshop_recognised, Q::WorkshopRecognised),
            "已被认定为区县级就业帮扶车间",
            "须先被认定为区县级就业帮扶车间",
        )
}

fn construction_rule(ctx: &Ctx) -> RuleResult {
    let conditions = vec![
        is_workshop(ctx),
        ctx.condition("newly-built", "新建车间", CLAUSE).check(
            yes(ctx.facts.workshop_new, Q::WorkshopNew),
            "是新建车间",
            "一次性建设补助只面向新建车间",
        ),
        recognised(ctx),
    ];
    let day = ctx.as_of.min(NOTICE_END);
    let estimate = match in_force(CONSTRUCTION_CAP, day) {
        Some(cap) => Estimate {
            value: Value::UpTo {
                max: cap.value,
                unit: Unit::Yuan,
            },
            steps: vec![
                format!("最高 {} 元，具体标准由区县确定", format_yuan(cap.value)),
                "评选成功后一周内拨付50%，平稳运行1年并通过绩效评估后一周内拨付其余50%".to_string(),
            ],
            confidence: cap.source.confidence,
            sources: Sources::one(cap.source),
            note: "由区县衔接资金列支，区县乡村振兴（农业农村）部门实施".into(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        },
        None => Estimate::other(
            Value::SetByDistrict,
            &WORKSHOP_SOURCE,
            "2022年以前的标准未查到",
        ),
    };
    RuleResult {
        conditions,
        estimate,
    }
}

fn award_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let retained_ok = fact(f.workshop_retained, Q::WorkshopRetained, |n| n >= 10);
    let conditions = vec![
        is_workshop(ctx),
        recognised(ctx),
        ctx.condition("grade", "年度绩效评估合格及以上", CLAUSE)
            .check(
                fact(f.workshop_grade, Q::WorkshopGrade, |g| g != Grade::Fail),
                || format!("绩效评估为{}", f.workshop_grade.map_or("", Grade::label)),
                "绩效评估不合格的不予奖补",
            ),
        ctx.condition("retained-10", "稳岗3个月以上的在岗人员达到10人", CLAUSE)
            .check(
                retained_ok,
                || format!("稳岗3个月以上 {} 人", f.workshop_retained.unwrap_or(0)),
                || {
                    format!(
                        "稳岗3个月以上的只有 {} 人，达到10人才有奖补",
                        f.workshop_retained.unwrap_or(0)
                    )
                },
            ),
    ];
    let Some(table) = in_force(AWARD_TABLES, ctx.as_of) else {
        return RuleResult {
            conditions,
            estimate: Estimate::other(
                Value::Unpublished,
                &WORKSHOP_SOURCE,
                "现有的奖补标准出自渝人社发〔2022〕21号，2022年以前的标准未查到",
            ),
        };
    };
    let estimate = match (f.workshop_grade, f.workshop_retained) {
        (Some(grade), Some(retained)) => match award(&table.value, grade, retained) {
            Some(amount) => Estimate::amount(
                amount,
                Unit::Yuan,
                vec![format!(
                    "{}等次、稳岗3个月以上 {retained} 人（{}档）= {} 元",
                    grade.label(),
                    match retained {
                        40.. => "40人及以上",
                        20..=39 => "20—39人",
                        _ => "10—19人",
                    },
                    format_yuan(amount)
                )],
                table.source,
                "每年按绩效评估结果发放，由区县人力社保局从就业补助资金列支；标准出自渝人社发〔2022〕21号（印发日期未查到，按2022年起适用）",
            )
            .with_source(&WORKSHOP_NUMBER_SOURCE)
            .with_source(&KAIZHOU_SOURCE),
            None => Estimate::amount(
                Decimal::ZERO,
                Unit::Yuan,
                vec!["未达到奖补条件：0 元".to_string()],
                &WORKSHOP_SOURCE,
                "不合格或不足10人的不予奖补",
            ),
        },
        (grade, retained) => {
            let mut asks = Vec::new();
            if grade.is_none() {
                asks.push(Q::WorkshopGrade);
            }
            if retained.is_none() {
                asks.push(Q::WorkshopRetained);
            }
            Estimate::other(
                Value::NeedsAnswers { asks },
                &WORKSHOP_SOURCE,
                "按绩效等次和稳岗人数分档：优秀10/7/4万元，良好8/5/3万元，合格6/3/2万元",
            )
        }
    };
    RuleResult {
        conditions,
        estimate,
    }
}

fn fee_relief_rule(ctx: &Ctx) -> RuleResult {
    RuleResult {
        conditions: vec![is_workshop(ctx), recognised(ctx)],
        estimate: Estimate::other(
            Value::SetByDistrict,
            &crate::vocabulary::source::NOTICE,
            "场租、水电气等费用减免和其他优惠由区县制定，请向区县人力社保部门咨询",
        ),
    }
}

const APPLY_AWARD: HowToApply = HowToApply {
    automatic: false,
    office: "区县人力社保局",
    online: "",
    window: "每年绩效评估后",
    steps: "区县组织年度绩效评估 → 按等次和稳岗人数核定奖补；申报材料请向区县人力社保部门咨询",
    confidence: Confidence::Official,
};

pub const CONSTRUCTION_GRANT: Benefit = Benefit {
    entry: catalogue::entry(
        "workshop-construction-grant",
        "就业帮扶车间一次性建设补助",
        Audience::Employer,
        "二（二）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        notice_clause!("二（二）、渝人社发〔2022〕21号（衔接推进乡村振兴补助资金）"),
        &WORKSHOP_SOURCE,
        concat!(
            "请向区县人力社保局或农业农村委咨询，或拨打",
            hotline_number!()
        ),
    ),
    not_combined_with: &[],
    rule: construction_rule,
};

/// What to bring for [`CONSTRUCTION_GRANT`] and where to apply (read by the results, never by the questionnaire).
pub const CONSTRUCTION_GRANT_GUIDE: Guide = Guide {
    benefit: CONSTRUCTION_GRANT.entry.id,
    documents: &[],
    apply: &HowToApply {
        automatic: false,
        office: "区县乡村振兴（农业农村）部门",
        online: "",
        window: ASK_DISTRICT,
        steps: "按区县实施细则申报、评选；申报材料未查到，请向区县咨询",
        confidence: Confidence::Official,
    },
};

pub const EMPLOYMENT_AWARD: Benefit = Benefit {
    entry: catalogue::entry(
        "workshop-employment-award",
        "就业帮扶车间带动就业奖补",
        Audience::Employer,
        "二（二）",
    )
    .paid_as(AmountKind::Award),
    validity: Validity::ends(
        NOTICE_END,
        notice_clause!("二（二）、渝人社发〔2022〕21号"),
        &KAIZHOU_SOURCE,
    ),
    not_combined_with: &[],
    rule: award_rule,
};

/// What to bring for [`EMPLOYMENT_AWARD`] and where to apply (read by the results, never by the questionnaire).
pub const EMPLOYMENT_AWARD_GUIDE: Guide = Guide {
    benefit: EMPLOYMENT_AWARD.entry.id,
    documents: &[],
    apply: &APPLY_AWARD,
};

pub const FEE_RELIEF: Benefit = Benefit {
    entry: catalogue::entry(
        "workshop-fee-relief",
        "就业帮扶车间费用减免等优惠政策",
        Audience::Employer,
        "二（二）",
    )
    .paid_as(AmountKind::FeeRelief),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        notice_clause!("二（二）、渝人社发〔2022〕21号"),
        &WORKSHOP_SOURCE,
        concat!(
            "请向区县人力社保局或农业农村委咨询，或拨打",
            hotline_number!()
        ),
    ),
    not_combined_with: &[],
    rule: fee_relief_rule,
};

/// What to bring for [`FEE_RELIEF`] and where to apply (read by the results, never by the questionnaire).
pub const FEE_RELIEF_GUIDE: Guide = Guide {
    benefit: FEE_RELIEF.entry.id,
    documents: &[],
    apply: &HowToApply::at_district("减免项目和办法由区县制定", Confidence::Secondary),
};

pub fn parameters() -> Vec<Parameter> {
    vec![Parameter {
        id: "workshop-construction-cap",
        benefits: &["workshop-construction-grant"],
        name: "就业帮扶车间一次性建设补助（上限）",
        unit: "元",
        values: CONSTRUCTION_CAP,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn award_bands() {
        let table = &AWARD_TABLES[0].value;
        assert_eq!(award(table, Grade::Excellent, 40), Some(yuan(100_000)));
        assert_eq!(award(table, Grade::Excellent, 39), Some(yuan(70_000)));
        assert_eq!(award(table, Grade::Good, 20), Some(yuan(50_000)));
        assert_eq!(award(table, Grade::Pass, 10), Some(yuan(20_000)));
        assert_eq!(award(table, Grade::Pass, 9), None);
        assert_eq!(award(table, Grade::Fail, 100), None);
        assert!(in_force(AWARD_TABLES, Date::ymd(2021, 12, 31)).is_none());
    }
}

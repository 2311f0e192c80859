//! 吸纳就业 (notice 一（二）、二（二）): what employers get for hiring 脱贫人口 and other people in difficulty —
//! the one-off hiring subsidy, the social-insurance subsidy, and the 2021 以工代训 subsidy. Each is worked
//! out per roster group: qualifying heads × amount, and what the others still need.

use crate::benefits::groups::{per_group, roster_estimate, GroupOutcome};
use crate::engine::documents::{need, need_if, DocumentNeed, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::yes;
use crate::engine::report::*;
use crate::engine::roster::{HireGroup, RosterTerm};
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{yuan, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::notice_clause;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

fn months_short(have: u32, need: u32) -> String {
    format!("社保已缴 {have} 个月，再缴纳 {} 个月后可申请", need - have)
}

// ---- 一次性吸纳就业补贴 ------------------------------------------------------------------------

pub const HIRING_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）一次性吸纳就业补贴；渝府办发〔2023〕57号等",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195265_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
pub const HIRING_YONGCHUAN_SOURCE: Source = Source {
    document: "永川区一次性吸纳就业补贴政策（社保连续缴纳1年以上且仍在缴纳）",
    url: "https://yc.cq.gov.cn/zwgk_204/ycwjjzcb_1/202309/t20230927_12386526.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 9, 27)),
};
const CLAUSE_HIRING: &str = notice_clause!("一（二）；渝府办发〔2023〕57号");
pub const HIRING_DIFFICULTY: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(6000),
    source: source_named(&HIRING_SOURCE),
    note: words("脱贫人口等困难人员"),
}];
/// The 2000 元 tier is sourced only from the 服务包2023 (dated 2023-07-28, citing documents of 2023):
/// before that page its amount and terms are unpublished, never assumed (research.md §2.6).
pub const HIRING_YOUTH: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2023, 7, 28),
    until: None,
    value: yuan(2000),
    source: source_named(&HIRING_SOURCE),
    note: words("高校毕业生、16—24岁登记失业青年、登记失业半年以上人员；只见于人社部门2023年7月28日发布的政策汇编，此前的标准未查到"),
}];

fn hiring_tier(identity: HireIdentity) -> Option<(&'static [Dated<Decimal>], u32, u32)> {
    use HireIdentity::*;
    // (amounts, months of insurance needed, minimum contract months)
    match identity {
        Poverty | Dibao | ZeroEmployment | FourFifty | Disabled | DisabledGraduate => {
            Some((HIRING_DIFFICULTY, 12, 1))
        }
        Graduate | Youth | LongUnemployed => Some((HIRING_YOUTH, 6, 12)),
        Unemployed | Veteran | Other => None,
    }
}

fn judge_hire(group: &HireGroup, as_of: Date) -> (GroupOutcome, Decimal) {
    let Some((table, months_needed, contract_needed)) = hiring_tier(group.identity) else {
        return (
            GroupOutcome::Excluded("不属于一次性吸纳就业补贴对象".into()),
            Decimal::ZERO,
        );
    };
    let outcome = match (
        group.contract_months,
        group.insured_months,
        group.still_insured,
    ) {
        (None, _, _) => GroupOutcome::Unknown(RosterTerm::ContractMonths),
        (Some(c), _, _) if c < contract_needed => GroupOutcome::Excluded(if contract_needed > 1 {
            "须签订1年以上劳动合同".into()
        } else {
            "须签订劳动合同".into()
        }),
        (_, None, _) => GroupOutcome::Unknown(RosterTerm::InsuredMonths),
        (_, Some(m), _) if m < months_needed => {
            GroupOutcome::Pending(months_short(m, months_needed))
        }
        (_, _, None) if months_needed == 12 => GroupOutcome::Unknown(RosterTerm::StillInsured),
        (_, _, Some(false)) if months_needed == 12 => {
            GroupOutcome::Excluded("须仍在缴纳社保".into())
        }
        _ => GroupOutcome::Qualifies,
    };
    match (outcome, in_force(table, as_of)) {
        (GroupOutcome::Qualifies, Some(entry)) => (GroupOutcome::Qualifies, entry.value),
        (GroupOutcome::Qualifies, None) => (
            GroupOutcome::QualifiesUnpriced {
                why: format!(
                    "{}以前这类人员的补贴标准未查到（2000元/人只见于人社部门{}发布的政策汇编）",
                    table.first().map_or(as_of, |e| e.from).chinese(),
                    table.first().map_or(as_of, |e| e.from).chinese()
                ),
                by_district: false,
            },
            Decimal::ZERO,
        ),
        (other, entry) => (other, entry.map_or(Decimal::ZERO, |e| e.value)),
    }
}

fn enterprise_condition(ctx: &Ctx, clause: &'static str) -> ConditionReport {
    ctx.condition(
        "enterprise",
        "企业（含以企业形式登记的就业帮扶车间）",
        clause,
    )
    .check(
        ctx.org_kind_is(OrgKind::is_enterprise_like),
        "贵单位是企业",
        "此项面向企业；农民专业合作社、家庭农场等能否申请，请向区县人力社保部门咨询",
    )
}

fn hiring_rule(ctx: &Ctx) -> RuleResult {
    let for_org = ctx.org_kind_is(OrgKind::is_enterprise_like);
    let result = per_group(&for_org, ctx.facts.roster.as_ref(), |g| {
        judge_hire(g, ctx.as_of)
    });
    let mut conditions = vec![enterprise_condition(ctx, CLAUSE_HIRING)];
    conditions.extend(result.report(ctx.condition(
            "qualifying-hires",
            "招用脱贫人口等困难人员签订劳动合同、社保连续缴纳满1年且仍在缴（6000元/人）；招用高校毕业生、16—24岁登记失业青年、登记失业半年以上人员签订1年以上合同、社保缴满6个月（2000元/人）",
            CLAUSE_HIRING,
        ), "名单中有符合条件的人员"));
    RuleResult {
        conditions,
        estimate: roster_estimate(
            &result,
            Unit::YuanPerPerson,
            &HIRING_SOURCE,
            "每名人员只享受一次；与一次性扩岗补助不重复享受",
        )
        .with_source(&HIRING_YONGCHUAN_SOURCE),
    }
}

const HIRING_DOCUMENTS: &[DocumentNeed] = &[
    need("form-employment-registration", Form::FillIn),
    need("roster-hires", Form::FillIn),
    need("labour-contract", Form::Copy),
    need("social-insurance-record", Form::CheckedInSystem),
    need("hardship-status-proof", Form::CheckedInSystem),
];

pub const HIRING_SUBSIDY: Benefit = Benefit {
    entry: catalogue::entry(
        "hiring-subsidy",
        "一次性吸纳就业补贴",
        Audience::Employer,
        "一（二）",
    ),
    validity: Validity::in_force("渝府办发〔2023〕57号等", &HIRING_SOURCE)
        .with_note("2024年以来未查到调整，也未查到再次确认的文件。"),
    not_combined_with: &[],
    rule: hiring_rule,
};

/// What to bring for [`HIRING_SUBSIDY`] and where to apply (read by the results, never by the questionnaire).
pub const HIRING_SUBSIDY_GUIDE: Guide = Guide {
    benefit: HIRING_SUBSIDY.entry.id,
    documents: HIRING_DOCUMENTS,
    apply: &HowToApply {
        automatic: false,
        office: "参保地区县就业和人才服务机构、企业所在镇街社保所或区县人力社保政务服务大厅",
        online: "重庆市公共就业服务网：政策申报 → 单位服务 → 岗位补贴（一次性吸纳就业补贴）",
        window: "企业自行申报：社保缴费月数达到后即可申请",
        steps: "网上填报并上传材料 → 审核、公示 → 拨付到单位账户；需上传的具体材料请向区县咨询",
        confidence: Confidence::Weak,
    },
};

// ---- 用人单位社会保险补贴 ------------------------------------------------------------------------

pub const EMPLOYER_SI_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）用人单位社会保险补贴；依据渝人社发〔2018〕174号",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195315.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_EMPLOYER_SI: &str = notice_clause!("一（二）；渝人社发〔2018〕174号");

fn judge_employer_si(group: &HireGroup) -> (GroupOutcome, Decimal) {
    use HireIdentity::*;
    let eligible = matches!(
        group.identity,
        Poverty | Graduate | FourFifty | Dibao | ZeroEmployment
    );
    if !eligible {
        return (
            GroupOutcome::Excluded("不属于社会保险补贴对象".into()),
            Decimal::ZERO,
        );
    }
    let per_head = group.employer_contributions.unwrap_or(Decimal::ZERO);
    let outcome = match (
        group.contract_months,
        group.insured_months,
        group.employer_contributions,
    ) {
        (None, _, _) => GroupOutcome::Unknown(RosterTerm::ContractMonths),
        (Some(0), _, _) => GroupOutcome::Excluded("须签订劳动合同".into()),
        (_, None, _) => GroupOutcome::Unknown(RosterTerm::InsuredMonths),
        (_, Some(0), _) => GroupOutcome::Pending("须按规定为其缴纳社会保险".into()),
        (_, _, None) => GroupOutcome::Unknown(RosterTerm::EmployerContributions),
        _ => match subsidy_months_left(group) {
            Err(outcome) => outcome,
            Ok(()) => GroupOutcome::Qualifies,
        },
    };
    (outcome, per_head)
}

/// "除对距法定退休年龄不足5年的可延长至退休外，其余人员最长不超过3年" (服务包2023, H): the same limit,
/// on the same roster terms, as the 公益性岗位 subsidy's 3 years (issue 29, item 2).
const EMPLOYER_SI_MAX_MONTHS: u32 = 36;

fn subsidy_months_left(group: &HireGroup) -> Result<(), GroupOutcome> {
    match group.subsidised_months {
        None => Err(GroupOutcome::Unknown(RosterTerm::SubsidisedMonths)),
        Some(months) if months >= EMPLOYER_SI_MAX_MONTHS => match group.near_retirement {
            None => Err(GroupOutcome::Unknown(RosterTerm::NearRetirement)),
            Some(false) => Err(GroupOutcome::Excluded(
                "已享受满3年社会保险补贴；只有距法定退休年龄不足5年的，才可延长至退休".into(),
            )),
            Some(true) => Ok(()),
        },
        Some(_) => Ok(()),
    }
}

fn employer_si_rule(ctx: &Ctx) -> RuleResult {
    let for_org = ctx.org_kind_is(|k| {
        k.audience() == crate::vocabulary::catalogue::Audience::Employer
            && k != OrgKind::PublicPostDeveloper
    });
    let result = per_group(&for_org, ctx.facts.roster.as_ref(), judge_employer_si);
    let mut conditions = vec![ctx
        .condition(
            "employer",
            "用人单位（企业、合作社、家庭农场、车间等）",
            CLAUSE_EMPLOYER_SI,
        )
        .check(
            for_org,
            "贵单位是用人单位",
            "公益性岗位的社保补贴按公益性岗位政策申请",
        )];
    conditions.extend(result.report(ctx.condition(
            "qualifying-hires",
            "招用脱贫人口、离校2年内登记失业高校毕业生、重庆户籍登记失业“4050”、低保或零就业家庭人员，签订劳动合同并缴纳社保；每人最长享受3年，距法定退休年龄不足5年的可延长至退休",
            CLAUSE_EMPLOYER_SI,
        ), "名单中有符合条件的人员"));
    let mut estimate = roster_estimate(
        &result,
        Unit::YuanPerYear,
        &EMPLOYER_SI_SOURCE,
        "按单位实际缴纳的养老、医疗（含大额）、失业、工伤、生育保险费补贴，个人缴费部分不补；每人最长3年（距退休不足5年的可延长至退休）",
    );
    if let Value::Amount { unit, .. } = &mut estimate.value {
        *unit = Unit::YuanPerYear;
    }
    RuleResult {
        conditions,
        estimate,
    }
}

pub const EMPLOYER_SOCIAL_INSURANCE: Benefit = Benefit {
    entry: catalogue::entry(
        "employer-social-insurance-subsidy",
        "用人单位社会保险补贴",
        Audience::Employer,
        "一（二）",
    ),
    validity: Validity::in_force("渝人社发〔2018〕174号", &EMPLOYER_SI_SOURCE),
    not_combined_with: &[],
    rule: employer_si_rule,
};

/// What to bring for [`EMPLOYER_SOCIAL_INSURANCE`] and where to apply (read by the results, never by the questionnaire).
pub const EMPLOYER_SOCIAL_INSURANCE_GUIDE: Guide = Guide {
    benefit: EMPLOYER_SOCIAL_INSURANCE.entry.id,
    documents: &[
        need("form-employer-si-subsidy", Form::FillIn),
        need("roster-employer-si-subsidy", Form::FillIn),
        need_if(
            "graduation-certificate",
            Form::Copy,
            "招用离校2年内高校毕业生的",
        ),
        need_if(
            "id-card",
            Form::Copy,
            "招用“4050”、低保、零就业家庭人员的（身份在系统中核查）",
        ),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "区县就业和人才中心",
        online: "“重庆人社”APP、“重庆智能就业”平台、重庆就业网",
        window: "每年3月或9月，申报上一年度的补贴",
        steps: "先办理单位就业登记 → 申报 → 审核、公示5个工作日 → 财政拨付到单位账户",
        confidence: Confidence::Official,
    },
};

// ---- 以工代训（2021年） -------------------------------------------------------------------------

pub const WORK_FOR_TRAINING_SOURCE: Source = Source {
    document: notice_clause!("二（二）（重庆的补贴标准未查到）"),
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195337.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_WORK_FOR_TRAINING: &str = notice_clause!("二（二）");

fn work_for_training_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let producer = ctx.org_kind_is(OrgKind::is_producer);
    // The notice pays those that hire 脱贫人口 "并开展以工代训": hiring alone is not enough.
    let runs = yes(f.work_for_training_run, Q::WorkForTrainingRun);
    let gate = producer.clone().and_then(|| runs.clone());
    let result = per_group(&gate, f.roster.as_ref(), |g| {
        let outcome = match (g.identity, g.work_for_training_received) {
            (HireIdentity::Poverty, Some(false)) => GroupOutcome::QualifiesUnpriced {
                why: "重庆2021年以工代训职业培训补贴的标准未查到（最长不超过6个月）".into(),
                by_district: false,
            },
            (HireIdentity::Poverty, Some(true)) => {
                GroupOutcome::Excluded("已享受过以工代训补贴的人员除外".into())
            }
            (HireIdentity::Poverty, None) => {
                GroupOutcome::Unknown(RosterTerm::WorkForTrainingReceived)
            }
            _ => GroupOutcome::Excluded("以工代训补贴面向吸纳脱贫人口".into()),
        };
        (outcome, Decimal::ZERO)
    });
    let mut conditions = vec![
        ctx.condition(
            "producer",
            "企业、就业帮扶车间等各类生产经营主体",
            CLAUSE_WORK_FOR_TRAINING,
        )
        .check(
            producer,
            "贵单位是生产经营主体",
            "此项面向企业、就业帮扶车间等生产经营主体",
        ),
        ctx.condition(
            "runs-work-for-training",
            "对吸纳的脱贫人口开展以工代训（边工作边培训）",
            CLAUSE_WORK_FOR_TRAINING,
        )
        .check(
            runs,
            "贵单位开展了以工代训",
            "只吸纳就业、没有开展以工代训的，不能享受以工代训补贴",
        ),
    ];
    conditions.extend(result.report(
        ctx.condition(
            "poverty-hires",
            "吸纳脱贫人口就业（已享受过以工代训补贴的人员除外）",
            CLAUSE_WORK_FOR_TRAINING,
        ),
        "名单中有可开展以工代训的脱贫人口",
    ));
    // The rows are shown (who counts, who still needs what); no amount is published for anyone.
    let note = "根据吸纳人数给予最长不超过6个月的职业培训补贴；重庆2021年的具体标准未查到。政策已于2021年12月31日结束";
    let estimate = if result.priced_heads == 0 && result.unpriced_heads == 0 {
        let mut estimate = Estimate::other(Value::Unpublished, &WORK_FOR_TRAINING_SOURCE, note);
        estimate.breakdown = result.lines.clone();
        estimate
    } else {
        roster_estimate(
            &result,
            Unit::YuanPerPerson,
            &WORK_FOR_TRAINING_SOURCE,
            note,
        )
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const WORK_FOR_TRAINING: Benefit = Benefit {
    entry: catalogue::entry(
        "work-for-training-subsidy",
        "以工代训职业培训补贴（至2021年底）",
        Audience::Employer,
        "二（二）",
    ),
    validity: Validity::ends(
        Date::ymd(2021, 12, 31),
        notice_clause!("二（二）"),
        &WORK_FOR_TRAINING_SOURCE,
    ),
    not_combined_with: &[],
    rule: work_for_training_rule,
};

/// What to bring for [`WORK_FOR_TRAINING`] and where to apply (read by the results, never by the questionnaire).
pub const WORK_FOR_TRAINING_GUIDE: Guide = Guide {
    benefit: WORK_FOR_TRAINING.entry.id,
    documents: &[],
    apply: &HowToApply {
        automatic: false,
        office: "区县人力社保部门",
        online: "",
        window: "已于2021年12月31日结束",
        steps: "已结束，不再受理",
        confidence: Confidence::Official,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "hiring-subsidy-difficulty",
            benefits: &["hiring-subsidy"],
            name: "一次性吸纳就业补贴（脱贫人口等困难人员）",
            unit: "元/人",
            values: HIRING_DIFFICULTY,
        },
        Parameter {
            id: "hiring-subsidy-youth",
            benefits: &["hiring-subsidy"],
            name: "一次性吸纳就业补贴（高校毕业生、青年等）",
            unit: "元/人",
            values: HIRING_YOUTH,
        },
    ]
}

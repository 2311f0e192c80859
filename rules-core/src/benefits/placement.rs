//! 职业介绍补贴 (notice 一（一）): the 就业创业服务补助 extended to HR service agencies and labour brokers
//! that place people free of charge.

use crate::benefits::groups::{per_group, roster_estimate, GroupOutcome};
use crate::engine::documents::{need, Form, Guide, HowToApply, ASK_DISTRICT};
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
use crate::vocabulary::source::{hotline_number, notice_end_words};
use crate::vocabulary::source::{in_force, Confidence, Dated, Source, NOTICE_END};
use crate::vocabulary::source::{notice_clause, notice_number};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

pub const PLACEMENT_SOURCE: Source = Source {
    document: concat!(
        "重庆人社助企纾困政策服务包（2023版）职业介绍补贴；依据渝人社发〔2018〕15号、",
        notice_number!(),
        "、渝就发〔2021〕25号"
    ),
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hqbt/202307/t20230728_12195337.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE: &str = notice_clause!("一（一）；渝就发〔2021〕25号");
pub const PLACEMENT_UNEMPLOYED: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(200),
    source: source_named(&PLACEMENT_SOURCE),
    note: words("登记失业人员：1年以上合同、社保缴满6个月"),
}];
pub const PLACEMENT_DIFFICULTY: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(500),
    source: source_named(&PLACEMENT_SOURCE),
    note: words("脱贫人口和就业困难人员：全日制、非公益性岗位、连续就业3个月"),
}];

fn judge(group: &HireGroup, as_of: Date) -> (GroupOutcome, Decimal) {
    use HireIdentity::*;
    let difficulty = matches!(
        group.identity,
        Poverty
            | FourFifty
            | Dibao
            | ZeroEmployment
            | Disabled
            | DisabledGraduate
            | Graduate
            | Veteran
    );
    let unemployed = matches!(group.identity, Unemployed | LongUnemployed | Youth);
    let table = if difficulty {
        PLACEMENT_DIFFICULTY
    } else if unemployed {
        PLACEMENT_UNEMPLOYED
    } else {
        return (
            GroupOutcome::Excluded("不属于职业介绍补贴对象".into()),
            Decimal::ZERO,
        );
    };
    let per_head = in_force(table, as_of).map_or(Decimal::ZERO, |e| e.value);
    let outcome = match (group.placed_free, group.dispatched) {
        (None, _) => GroupOutcome::Unknown(RosterTerm::PlacedFree),
        (Some(false), _) => GroupOutcome::Excluded("收费介绍的不补贴".into()),
        (_, None) => GroupOutcome::Unknown(RosterTerm::Dispatched),
        (_, Some(true)) => GroupOutcome::Excluded("劳务派遣不计入".into()),
        _ if difficulty => match (group.full_time, group.public_post, group.insured_months) {
            (None, _, _) => GroupOutcome::Unknown(RosterTerm::FullTime),
            (Some(false), _, _) => GroupOutcome::Excluded("须实现全日制单位就业".into()),
            (_, None, _) => GroupOutcome::Unknown(RosterTerm::PublicPost),
            (_, Some(true), _) => GroupOutcome::Excluded("公益性岗位就业的除外".into()),
            (_, _, None) => GroupOutcome::Unknown(RosterTerm::InsuredMonths),
            (_, _, Some(m)) if m < 3 => {
                GroupOutcome::Pending(format!("已连续就业 {m} 个月，满 3 个月后可申请"))
            }
            _ => GroupOutcome::Qualifies,
        },
        _ => match (group.contract_months, group.insured_months) {
            (None, _) => GroupOutcome::Unknown(RosterTerm::ContractMonths),
            (Some(c), _) if c < 12 => GroupOutcome::Excluded("须签订1年以上劳动合同".into()),
            (_, None) => GroupOutcome::Unknown(RosterTerm::InsuredMonths),
            (_, Some(m)) if m < 6 => {
                GroupOutcome::Pending(format!("社保已缴 {m} 个月，再缴纳 {} 个月后可申请", 6 - m))
            }
            _ => GroupOutcome::Qualifies,
        },
    };
    (outcome, per_head)
}

fn placement_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let for_org = ctx.org_kind_is(|k| matches!(k, OrgKind::HrAgency | OrgKind::LabourBroker));
    let result = per_group(&for_org, f.roster.as_ref(), |g| judge(g, ctx.as_of));
    let mut conditions = vec![
        ctx.condition(
            "agency-or-broker",
            "经营性人力资源服务机构或劳务经纪人",
            CLAUSE,
        )
        .check(
            for_org,
            "贵单位是人力资源服务机构或劳务经纪人",
            "此项面向经营性人力资源服务机构和劳务经纪人",
        ),
        ctx.condition("licensed", "持有人力资源服务许可证或劳务经纪人证书", CLAUSE)
            .check(
                yes(f.agency_licensed, Q::AgencyLicensed),
                "已取得许可证或证书",
                "须先取得人力资源服务许可证（劳务经纪人须取得证书）",
            ),
    ];
    // Labour brokers rest on the notice's own extension (一（一）: "就业创业服务补助对象扩展至人力资源服务机构和劳务经纪人"),
    // which ended with it; the agencies' part stands on its own documents (issue 29, item 4).
    let broker = f.org_kind == Some(OrgKind::LabourBroker);
    let broker_basis = ctx.condition(
        "broker-basis",
        concat!(
            "劳务经纪人：依据",
            notice_number!(),
            " 一（一），执行至",
            notice_end_words!()
        ),
        notice_clause!("一（一）"),
    );
    if broker && ctx.as_of > NOTICE_END {
        conditions.push(broker_basis.unsettled(concat!(
            "劳务经纪人享受职业介绍补贴的依据是",
            notice_number!(),
            "，该通知已于",
            notice_end_words!(),
            "到期，未查到2026年起是否延续；请向区县公共就业服务机构或人力社保局咨询，或拨打",
            hotline_number!()
        )));
    } else if broker {
        conditions.push(broker_basis.check(
            crate::engine::logic::Tri::Yes,
            concat!("在通知执行期内（至", notice_end_words!(), "）"),
            "",
        ));
    }
    conditions.extend(result.report(ctx.condition(
            "qualifying-placements",
            "免费介绍、非劳务派遣：脱贫人口和就业困难人员全日制就业（非公益性岗位）连续3个月（500元/人）；登记失业人员签订1年以上合同、社保缴满6个月（200元/人）",
            CLAUSE,
        ), "名单中有符合条件的介绍就业人员"));
    RuleResult {
        conditions,
        estimate: roster_estimate(
            &result,
            Unit::YuanPerPerson,
            &PLACEMENT_SOURCE,
            "同一人员每年只补贴一次，同一人员在同一单位只计一次；部分区县分两次拨付",
        ),
    }
}

pub const PLACEMENT_SUBSIDY: Benefit = Benefit {
    entry: catalogue::entry(
        "placement-subsidy",
        "就业创业服务补助（职业介绍补贴）",
        Audience::Agency,
        "一（一）",
    ),
    validity: Validity::in_force(
        concat!(
            "渝人社发〔2018〕15号、渝就发〔2021〕25号（人力资源服务机构）；",
            notice_number!(),
            " 一（一）（劳务经纪人，执行至",
            notice_end_words!(),
            "）"
        ),
        &PLACEMENT_SOURCE,
    )
    .with_note(concat!(
        "人力资源服务机构的补贴依据自身文件，现行有效；劳务经纪人参照享受的依据是",
        notice_number!(),
        "，",
        notice_end_words!(),
        "到期后是否延续未查到，请向区县人力社保局咨询。"
    )),
    not_combined_with: &[],
    rule: placement_rule,
};

/// What to bring for [`PLACEMENT_SUBSIDY`] and where to apply (read by the results, never by the questionnaire).
pub const PLACEMENT_SUBSIDY_GUIDE: Guide = Guide {
    benefit: PLACEMENT_SUBSIDY.entry.id,
    documents: &[
        need("hr-service-licence", Form::Copy),
        need("labour-contract", Form::Copy),
        need("id-card", Form::Copy),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "区县公共就业服务机构",
        online: "",
        window: ASK_DISTRICT,
        steps: "向区县公共就业服务机构申报，审核后拨付；当前的申报材料清单未查到，请先电话咨询",
        confidence: Confidence::Official,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "placement-subsidy-unemployed",
            benefits: &["placement-subsidy"],
            name: "职业介绍补贴（登记失业人员）",
            unit: "元/人",
            values: PLACEMENT_UNEMPLOYED,
        },
        Parameter {
            id: "placement-subsidy-difficulty",
            benefits: &["placement-subsidy"],
            name: "职业介绍补贴（脱贫人口、就业困难人员）",
            unit: "元/人",
            values: PLACEMENT_DIFFICULTY,
        },
    ]
}

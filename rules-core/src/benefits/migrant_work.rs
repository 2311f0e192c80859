//! 稳定外出务工 (notice 一（一）、一（三）): job-search subsidies, the cross-region transport subsidy and
//! the 鲁渝 cooperation subsidies.

use crate::engine::documents::{
    need, need_if, need_when, Applies, Form, Guide, HowToApply, ASK_DISTRICT,
};
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

pub const JOB_SEARCH_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）脱贫人口一次性求职创业补贴；依据人社部发〔2018〕46号、渝人社发〔2019〕83号、渝就发〔2019〕33号",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hmbt/202307/t20230728_12195436_wap.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};

const CLAUSE_JOB_SEARCH: &str = notice_clause!("一（一）；渝人社发〔2019〕83号");
const CLAUSE_SHANDONG: &str = notice_clause!("一（三）；渝人社发〔2019〕83号");

/// 500 元/人 for ≥ 3 months outside the 户籍县; 800 元/人 in 山东.
pub const JOB_SEARCH_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(500),
    source: source_named(&JOB_SEARCH_SOURCE),
    note: words(""),
}];
pub const SHANDONG_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(800),
    source: source_named(&JOB_SEARCH_SOURCE),
    note: words(""),
}];
const MONTHS_REQUIRED: u32 = 3;

const JOB_SEARCH_APPLY: HowToApply = HowToApply {
    automatic: false,
    office: "各级人力社保政务服务大厅（区县或镇街）",
    online: "重庆市人力资源和社会保障局网站",
    window: ASK_DISTRICT,
    steps: "提交申请后由人社部门审核、公示后发放；审核和发放时限请向区县人力社保部门咨询",
    confidence: Confidence::Official,
};

const JOB_SEARCH_DOCUMENTS: &[crate::engine::documents::DocumentNeed] = &[
    need("form-job-search-subsidy", Form::FillIn),
    need("id-card", Form::Shown),
    need_when(
        "employer-employment-statement",
        Form::Original,
        "在单位就业的；可用近3个月工资流水代替，在重庆参保的单位可不提供",
        Applies::Employee,
    ),
    need("poverty-status-record", Form::CheckedInSystem),
];

fn working(ctx: &Ctx) -> Tri {
    ctx.activity_is(|a| {
        matches!(
            a,
            Activity::Employee | Activity::Flexible | Activity::OwnBusiness
        )
    })
}

fn poverty_with_hukou(ctx: &Ctx) -> ConditionReport {
    ctx.condition(
        "poverty-chongqing",
        "重庆户籍脱贫人口（含防止返贫监测对象）",
        notice_clause!("一（一）"),
    )
    .check(
        ctx.poverty().and_then(|| ctx.chongqing_hukou()),
        "您是重庆户籍脱贫人口",
        "此项只面向重庆户籍的脱贫人口（含监测对象）",
    )
}

fn months_condition(ctx: &Ctx, clause: &'static str) -> ConditionReport {
    let months = ctx.months_worked();
    let test = fact(months, Q::WorkSince, |m| m >= MONTHS_REQUIRED);
    let not_met = || match ctx.facts.work_since {
        Some(since) => format!(
            "已连续工作 {} 个月，满 {MONTHS_REQUIRED} 个月（{}）后可申请",
            months.unwrap_or(0),
            since.add_months(MONTHS_REQUIRED).chinese()
        ),
        None => String::new(),
    };
    ctx.condition("three-months", "连续稳定就业3个月及以上", clause)
        .check(
            test,
            || format!("已连续工作 {} 个月", months.unwrap_or(0)),
            not_met,
        )
}

/// Whether the subsidy can be claimed again is not published (research.md §2.1: "once a year or once in
/// total: UNKNOWN"): someone who has had it before is told so, never that it is once only.
fn not_received(ctx: &Ctx, clause: &'static str) -> ConditionReport {
    let rule = ctx.condition(
        "once-only",
        "外出务工与赴山东不重复享受；以前领过的能否再领（每年一次还是每人一次）未查到规定",
        clause,
    );
    if ctx.facts.job_search_received == Some(true) {
        return rule.unsettled(
            "您以前领过。这项补贴能否再次领取（每年一次还是每人只能一次）没有查到公开规定，请向户籍所在区县人力社保部门咨询",
        );
    }
    rule.check(
        no(ctx.facts.job_search_received, Q::JobSearchReceived),
        "以前没有领过",
        "",
    )
}

fn amount_estimate(table: &'static [Dated<Decimal>], ctx: &Ctx, note: &'static str) -> Estimate {
    match in_force(table, ctx.as_of) {
        Some(entry) => {
            let estimate = Estimate::amount(
                entry.value,
                Unit::YuanPerPerson,
                ctx.steps(|| {
                    vec![format!(
                        "{} 元/人 × 1 人 = {} 元",
                        format_yuan(entry.value),
                        format_yuan(entry.value)
                    )]
                }),
                entry.source,
                note,
            );
            estimate
        }
        None => Estimate::other(
            Value::Unpublished,
            &JOB_SEARCH_SOURCE,
            "该日期没有适用的标准",
        ),
    }
}

fn job_search_rule(ctx: &Ctx) -> RuleResult {
    let place = working(ctx).and_then(|| {
        fact(ctx.facts.work_place, Q::WorkPlace, |p| {
            p.outside_own_district() && p != WorkPlace::Shandong
        })
    });
    // The other subsidy is named, not its sum: its own card gives that from its table.
    let place_not_met = match ctx.facts.work_place {
        Some(WorkPlace::Shandong) => "在山东就业的按“赴山东一次性求职创业补贴”申请，两者不重复享受",
        Some(WorkPlace::OwnDistrict) => "须在户籍所在区县以外就业；在本区县内就业的不能申请",
        _ => "须在户籍所在区县以外稳定就业（公益性岗位除外）",
    };
    RuleResult {
        conditions: vec![
            poverty_with_hukou(ctx),
            ctx.condition(
                "outside-home-district",
                "在户籍所在区县以外就业（公益性岗位除外）",
                CLAUSE_JOB_SEARCH,
            )
            .check(place, "您在户籍所在区县以外就业", place_not_met),
            months_condition(ctx, CLAUSE_JOB_SEARCH),
            not_received(ctx, CLAUSE_JOB_SEARCH),
        ],
        estimate: amount_estimate(JOB_SEARCH_AMOUNT, ctx, "一次性发放"),
    }
}

fn shandong_rule(ctx: &Ctx) -> RuleResult {
    let place = working(ctx).and_then(|| {
        fact(ctx.facts.work_place, Q::WorkPlace, |p| {
            p == WorkPlace::Shandong
        })
    });
    RuleResult {
        conditions: vec![
            poverty_with_hukou(ctx),
            ctx.condition("in-shandong", "到山东省稳定就业", CLAUSE_SHANDONG)
                .check(
                    place,
                    "您在山东省就业",
                    "须在山东省就业；在其他地方务工的可看“脱贫人口一次性求职创业补贴”",
                ),
            months_condition(ctx, CLAUSE_SHANDONG),
            not_received(ctx, CLAUSE_SHANDONG),
        ],
        estimate: amount_estimate(
            SHANDONG_AMOUNT,
            ctx,
            "一次性发放；与外出务工的一次性求职创业补贴不重复享受",
        ),
    }
}

pub const JOB_SEARCH: Benefit = Benefit {
    entry: catalogue::entry(
        "job-search-subsidy",
        "脱贫人口一次性求职创业补贴（外出务工）",
        Audience::Person,
        "一（一）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        concat!(
            "人社部发〔2018〕46号、渝人社发〔2019〕83号、",
            notice_number!(),
            " 一（一）（过渡期脱贫人口就业帮扶政策）"
        ),
        &TRANSITION_2025_SOURCE,
        ASK_HR,
    ),
    not_combined_with: &["shandong-job-search-subsidy"],
    rule: job_search_rule,
};

/// What to bring for [`JOB_SEARCH`] and where to apply (read by the results, never by the questionnaire).
pub const JOB_SEARCH_GUIDE: Guide = Guide {
    benefit: JOB_SEARCH.entry.id,
    documents: JOB_SEARCH_DOCUMENTS,
    apply: &JOB_SEARCH_APPLY,
};

pub const SHANDONG_JOB_SEARCH: Benefit = Benefit {
    entry: catalogue::entry(
        "shandong-job-search-subsidy",
        "赴山东一次性求职创业补贴",
        Audience::Person,
        "一（三）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        concat!(
            "人社部发〔2018〕46号、渝人社发〔2019〕83号、",
            notice_number!(),
            " 一（三）（过渡期脱贫人口就业帮扶政策）"
        ),
        &TRANSITION_2025_SOURCE,
        ASK_HR,
    ),
    not_combined_with: &["job-search-subsidy"],
    rule: shandong_rule,
};

/// What to bring for [`SHANDONG_JOB_SEARCH`] and where to apply (read by the results, never by the questionnaire).
pub const SHANDONG_JOB_SEARCH_GUIDE: Guide = Guide {
    benefit: SHANDONG_JOB_SEARCH.entry.id,
    documents: JOB_SEARCH_DOCUMENTS,
    apply: &JOB_SEARCH_APPLY,
};

// ---- 跨区域交通补助 -------------------------------------------------------------------------

/// The last source found that these transition-period items were still paid (2025, the last year of
/// the 过渡期); nothing later says whether they continue (policy/after-2025.md C6).
pub const TRANSITION_2025_SOURCE: Source = Source {
    document:
        "新华网重庆频道：2025年是过渡期最后一年，市级部门出台交通补助和一次性求职创业补贴等政策",
    url: "http://www.cq.xinhuanet.com/20250618/a052f9604ed94c8b8db194d51cbf5f3d/c.html",
    confidence: Confidence::Secondary,
    date: Some(Date::ymd(2025, 6, 18)),
};

pub const TRANSPORT_2021_SOURCE: Source = Source {
    document: "渝人社〔2021〕311号（2021-12-15）",
    url: "http://rlsbj.cq.gov.cn/zwxx_182/tzgg/202112/t20211215_10169608.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2021, 12, 15)),
};
pub const TRANSPORT_2022_SOURCE: Source = Source {
    document: "渝人社〔2022〕281号《关于调整跨区域交通补助政策的通知》",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hmbt/202307/t20230728_12195536.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
const CLAUSE_TRANSPORT: &str =
    notice_clause!("一（一）；渝人社〔2022〕281号（2021年：渝人社〔2021〕311号）");

/// Flat amount without tickets for work in another Chongqing 区县.
pub const TRANSPORT_FLAT_IN_CITY: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2021, 1, 1),
        until: Some(Date::ymd(2021, 12, 31)),
        value: yuan(50),
        source: source_named(&TRANSPORT_2021_SOURCE),
        note: words("2021年规则：有票按去程票价据实补助"),
    },
    Dated {
        from: Date::ymd(2022, 1, 1),
        until: Some(NOTICE_END),
        value: yuan(50),
        source: source_named(&TRANSPORT_2022_SOURCE),
        note: words("含往返；281号的执行日期未查到，按2022年1月1日起推断"),
    },
];
/// Flat amount without tickets for work outside Chongqing.
pub const TRANSPORT_FLAT_OUT_OF_CITY: &[Dated<Decimal>] = &[
    Dated {
        from: Date::ymd(2021, 1, 1),
        until: Some(Date::ymd(2021, 12, 31)),
        value: yuan(100),
        source: source_named(&TRANSPORT_2021_SOURCE),
        note: words("2021年规则：有票按去程票价据实补助"),
    },
    Dated {
        from: Date::ymd(2022, 1, 1),
        until: Some(NOTICE_END),
        value: yuan(200),
        source: source_named(&TRANSPORT_2022_SOURCE),
        note: words("含往返；281号的执行日期未查到，按2022年1月1日起推断"),
    },
];

fn transport_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let able = ctx.age_at_least(16).and_then(|| {
        fact(f.labour_capacity, Q::LabourCapacity, |c| {
            c != LabourCapacity::None
        })
    });
    let away =
        working(ctx).and_then(|| fact(f.work_place, Q::WorkPlace, WorkPlace::outside_own_district));
    let conditions = vec![
        poverty_with_hukou(ctx),
        ctx.condition(
            "age-and-capacity",
            "16周岁以上、有劳动能力",
            CLAUSE_TRANSPORT,
        )
        .check(able, "年龄和劳动能力符合", "须年满16周岁并有劳动能力"),
        ctx.condition(
            "working-away",
            "当年在户籍区县以外（市内其他区县或市外）务工",
            CLAUSE_TRANSPORT,
        )
        .check(
            away,
            "您当年在户籍区县以外务工",
            "须在户籍所在区县以外务工；在本区县内务工的不能申请",
        ),
        ctx.condition("once-a-year", "每年只能享受一次", CLAUSE_TRANSPORT)
            .check(
                no(f.transport_received, Q::TransportReceived),
                "今年还没有领过",
                "今年已经领过，每年只能享受一次",
            ),
    ];
    RuleResult {
        conditions,
        estimate: transport_estimate(ctx),
    }
}

/// 渝人社〔2022〕281号 replaced the 2021 rule (渝人社〔2021〕311号, for claims of 2021). Its own start date
/// is not in the sources: claims from 2022 on are taken to fall under it (an inference, so estimates for
/// 2022 are marked weak). The rule is picked by this date, never by which table entry was found.
pub const TRANSPORT_2022_RULE_FROM: Date = Date::ymd(2022, 1, 1);

/// The inference above, as a source the estimate can cite.
pub const TRANSPORT_2022_START_INFERRED: Source = Source {
    document: "渝人社〔2022〕281号的执行日期未查到：按2022年1月1日起推断",
    url: "",
    confidence: Confidence::Weak,
    date: None,
};

fn transport_estimate(ctx: &Ctx) -> Estimate {
    let f = ctx.facts;
    let Some(place) = f.work_place.filter(|p| p.outside_own_district()) else {
        return Estimate::other(
            Value::NeedsAnswers {
                asks: vec![Q::WorkPlace],
            },
            &TRANSPORT_2022_SOURCE,
            "按务工地点（市内其他区县或市外）确定",
        );
    };
    let table = if place.outside_chongqing() {
        TRANSPORT_FLAT_OUT_OF_CITY
    } else {
        TRANSPORT_FLAT_IN_CITY
    };
    // After the notice ended, show what the rule was on its last day.
    let day = ctx.as_of.min(NOTICE_END);
    let Some(flat) = in_force(table, day) else {
        return Estimate::other(
            Value::Unpublished,
            &TRANSPORT_2021_SOURCE,
            "2021年以前不适用本通知",
        );
    };
    let where_ = if place.outside_chongqing() {
        "到市外就业"
    } else {
        "区县外市内就业"
    };
    let flat_step = ctx.step(|| format!("无票定额：{where_} {} 元", format_yuan(flat.value)));
    let estimate = if day >= TRANSPORT_2022_RULE_FROM {
        transport_2022(ctx, flat, flat_step)
    } else {
        transport_2021(ctx, flat, flat_step)
    };
    if day.year() == TRANSPORT_2022_RULE_FROM.year() {
        let mut estimate = estimate.with_source(&TRANSPORT_2022_START_INFERRED);
        estimate.steps.push(
            "281号的执行日期未查到：2022年按281号估算，2022年内的部分时间也可能仍按2021年规则（去程票价据实，定额50元/100元）"
                .to_string(),
        );
        estimate
    } else {
        estimate
    }
}

/// 渝人社〔2022〕281号: the round-trip fare at cost with real-name tickets (the flat amount first, the
/// difference topped up), else the flat amount (round trip included).
fn transport_2022(ctx: &Ctx, flat: &Dated<Decimal>, flat_step: String) -> Estimate {
    let f = ctx.facts;
    match (f.has_tickets, f.ticket_fare) {
        (Some(true), Some(fare)) => {
            let amount = fare.max(flat.value);
            Estimate::amount(
                amount,
                Unit::Yuan,
                vec![
                    flat_step,
                    format!("实名制往返车票合计 {} 元", format_yuan(fare)),
                    format!(
                        "按车票据实补助（先发定额，再补足差额）= {} 元",
                        format_yuan(amount)
                    ),
                ],
                flat.source,
                "每年一次；有实名制车票的按往返票价据实补助",
            )
        }
        (Some(true), None) => fare_needed(
            Q::TicketFare,
            flat,
            flat_step,
            "有实名制车票的按往返票价据实补助，请填写票价",
        ),
        _ => flat_amount(
            ctx,
            flat,
            flat_step,
            "每年一次；没有车票的按定额补助（含往返）。合川区按“免申即享”办理（按务工实名信息生成名单，不用申请），巴南区的办事指南（转载）也这样写；其他区县是否同样办理未查到，请向镇街社保所确认",
        ),
    }
}

/// Tickets held but the fare not given yet: the fare question, the flat amount's step shown.
fn fare_needed(fare: Q, flat: &Dated<Decimal>, flat_step: String, note: &'static str) -> Estimate {
    Estimate {
        value: Value::NeedsAnswers { asks: vec![fare] },
        steps: vec![flat_step],
        confidence: flat.source.confidence,
        sources: Sources::one(flat.source),
        note: note.into(),
        breakdown: Vec::new(),
        refine: Vec::new(),
    }
}

/// No tickets: the flat amount, once a year.
fn flat_amount(
    ctx: &Ctx,
    flat: &Dated<Decimal>,
    flat_step: String,
    note: &'static str,
) -> Estimate {
    Estimate::amount(
        flat.value,
        Unit::Yuan,
        ctx.steps(|| {
            vec![format!(
                "{flat_step} × 1 次 = {} 元",
                format_yuan(flat.value)
            )]
        }),
        flat.source,
        note,
    )
}

/// 渝人社〔2021〕311号 (claims of 2021): the one-way (去程) fare at cost with real-name tickets, else the
/// flat amount (50 元 in Chongqing, 100 元 outside).
fn transport_2021(ctx: &Ctx, flat: &Dated<Decimal>, flat_step: String) -> Estimate {
    let f = ctx.facts;
    match (f.has_tickets, f.one_way_fare) {
        (Some(true), Some(fare)) => Estimate::amount(
            fare,
            Unit::Yuan,
            vec![format!(
                "2021年规则：按外出务工去程车票票价据实补助 = {} 元",
                format_yuan(fare)
            )],
            flat.source,
            "2021年规则（渝人社〔2021〕311号）：有去程实名车票的按票价据实补助，每人每年一次",
        ),
        (Some(true), None) => fare_needed(Q::OneWayFare, flat, flat_step, "2021年规则：有去程实名车票的按去程票价据实补助，请填写去程票价"),
        _ => flat_amount(ctx, flat, flat_step, "2021年规则（渝人社〔2021〕311号）：没有车票的按定额补助；有去程实名车票的按票价据实补助"),
    }
}

pub const TRANSPORT: Benefit = Benefit {
    entry: catalogue::entry(
        "cross-region-transport-subsidy",
        "跨区域（跨省）一次性交通补助",
        Audience::Person,
        "一（一）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        notice_clause!("一（一）、渝人社〔2022〕281号（衔接推进乡村振兴补助资金列支）"),
        &TRANSITION_2025_SOURCE,
        ASK_HR,
    ),
    // 免申即享 is sourced for 合川 (H) and 巴南 (a repost, L) only (materials.md §3): not said of
    // every district (issue 29, item 13).
    not_combined_with: &[],
    rule: transport_rule,
};

/// What to bring for [`TRANSPORT`] and where to apply (read by the results, never by the questionnaire).
pub const TRANSPORT_GUIDE: Guide = Guide {
    benefit: TRANSPORT.entry.id,
    documents: &[
        need_when("travel-tickets-real-name", Form::Original, "要按实际车费补足差额的；城口县要求车票在当年腊月二十九之前、次年3月31日前提交", Applies::HasTickets),
        need("social-security-card", Form::Shown),
        need("poverty-status-record", Form::CheckedInSystem),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "街道（乡镇）社保所；区县就业和人才服务机构",
        online: "",
        window: "合川区等按季度下发名单；补交车票的截止时间各区县不同（城口县为次年3月31日前）",
        steps: "合川区按“免申即享”办理：按务工实名信息生成名单 → 镇街核实并公示5个工作日 → 定额发到社保卡或本人银行账户 → 交实名制车票的补足差额（巴南区的办事指南转载也是这样）。其他区县是否同样免申请，未查到，请向镇街社保所或区县就业和人才服务机构确认；名单上没有\
            您的，也请找镇街社保所",
        confidence: Confidence::Official,
    },
};

// ---- 鲁渝劳务协作 -------------------------------------------------------------------------

pub const LU_YU_SOURCE: Source = Source {
    document: "《促进脱贫人口稳岗就业十三条政策措施》（2022）；渝人社〔2021〕186号",
    url: "http://cinic.org.cn/xw/fp/1324769.html",
    confidence: Confidence::Secondary,
    date: None,
};
const CLAUSE_LU_YU: &str = notice_clause!("一（三）；渝人社〔2021〕186号");
/// "最高3000元/人" 稳岗补贴及其他就业补贴 for organised transfers to 山东.
pub const LU_YU_CAP: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2022, 7, 25),
    until: Some(NOTICE_END),
    value: yuan(3000),
    source: source_named(&LU_YU_SOURCE),
    note: words("上限；具体项目和标准由区县用山东援助资金确定"),
}];

fn lu_yu_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let in_shandong =
        working(ctx).and_then(|| fact(f.work_place, Q::WorkPlace, |p| p == WorkPlace::Shandong));
    let conditions = vec![
        poverty_with_hukou(ctx),
        ctx.condition(
            "organised-transfer",
            "通过鲁渝（东西部）劳务协作有组织转移到山东就业",
            CLAUSE_LU_YU,
        )
        .check(
            in_shandong.and_then(|| yes(f.organised_transfer, Q::OrganisedTransfer)),
            "您经劳务协作有组织到山东就业",
            "须经鲁渝劳务协作有组织转移到山东就业",
        ),
        months_condition(ctx, CLAUSE_LU_YU),
    ];
    let day = ctx.as_of.min(NOTICE_END);
    let estimate = match in_force(LU_YU_CAP, day) {
        Some(cap) => Estimate {
            value: Value::UpTo {
                max: cap.value,
                unit: Unit::YuanPerPerson,
            },
            steps: vec![format!(
                "稳岗补贴及其他就业补贴最高 {} 元/人，具体由区县确定",
                format_yuan(cap.value)
            )],
            confidence: cap.source.confidence,
            sources: Sources::one(cap.source),
            note: "交通生活补助、稳岗补贴的项目和标准由各区县确定，请向区县人力社保部门咨询".into(),
            breakdown: Vec::new(),
            refine: Vec::new(),
        },
        None => Estimate::other(
            Value::SetByDistrict,
            &LU_YU_SOURCE,
            "由区县用山东援助资金确定，请向区县人力社保部门咨询",
        ),
    };
    RuleResult {
        conditions,
        estimate,
    }
}

pub const LU_YU: Benefit = Benefit {
    entry: catalogue::entry(
        "lu-yu-cooperation-subsidies",
        "鲁渝劳务协作交通生活补助、稳岗补贴",
        Audience::Person,
        "一（三）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        notice_clause!("一（三）、渝人社〔2021〕186号（东西部协作援助资金）"),
        &LU_YU_SOURCE,
        ASK_HR,
    ),
    not_combined_with: &[],
    rule: lu_yu_rule,
};

/// What to bring for [`LU_YU`] and where to apply (read by the results, never by the questionnaire).
pub const LU_YU_GUIDE: Guide = Guide {
    benefit: LU_YU.entry.id,
    documents: &[
        need("id-card", Form::Shown),
        need_if(
            "employer-employment-statement",
            Form::Original,
            "证明在山东连续就业3个月的；也可用工资流水或社保缴费凭证（推断，待核实）",
        ),
        need("poverty-status-record", Form::CheckedInSystem),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "户籍所在区县人力社保部门",
        online: "",
        window: ASK_DISTRICT,
        steps: "各区县自行组织，材料和流程请向区县人力社保部门咨询",
        confidence: Confidence::Weak,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "job-search-subsidy-amount",
            benefits: &["job-search-subsidy"],
            name: "脱贫人口一次性求职创业补贴（外出务工）",
            unit: "元/人",
            values: JOB_SEARCH_AMOUNT,
        },
        Parameter {
            id: "shandong-job-search-subsidy-amount",
            benefits: &["shandong-job-search-subsidy"],
            name: "赴山东一次性求职创业补贴",
            unit: "元/人",
            values: SHANDONG_AMOUNT,
        },
        Parameter {
            id: "transport-flat-in-city",
            benefits: &["cross-region-transport-subsidy"],
            name: "跨区域交通补助无票定额（区县外市内）",
            unit: "元",
            values: TRANSPORT_FLAT_IN_CITY,
        },
        Parameter {
            id: "transport-flat-out-of-city",
            benefits: &["cross-region-transport-subsidy"],
            name: "跨区域交通补助无票定额（市外）",
            unit: "元",
            values: TRANSPORT_FLAT_OUT_OF_CITY,
        },
        Parameter {
            id: "lu-yu-cap",
            benefits: &["lu-yu-cooperation-subsidies"],
            name: "鲁渝劳务协作稳岗补贴等（上限）",
            unit: "元/人",
            values: LU_YU_CAP,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::evaluate::evaluate_person;
    use crate::vocabulary::choices::{Activity, PovertyStatus};

    /// The sentences that point to the other subsidy name it, never its sum (issue 30: an amount is
    /// written once, in its table; the other subsidy's card shows it).
    #[test]
    fn the_other_subsidy_is_named_without_its_sum() {
        let day = Date::ymd(2025, 6, 1);
        let mut facts = crate::engine::facts::Facts {
            poverty_status: Some(PovertyStatus::Alleviated),
            hukou_chongqing: Some(true),
            activity: Some(Activity::Employee),
            work_place: Some(WorkPlace::Shandong),
            ..Default::default()
        };
        let report = evaluate_person(&facts, day);
        let job_search = report.benefit(JOB_SEARCH.entry.id).unwrap();
        let pointer = job_search
            .conditions
            .iter()
            .find(|c| {
                c.message
                    .contains(SHANDONG_JOB_SEARCH.entry.name.trim_start_matches("赴"))
            })
            .map(|c| c.message.to_string());
        assert!(
            pointer.as_deref().is_some_and(|m| !m.contains('元')),
            "{pointer:?}"
        );
        facts.work_place = Some(WorkPlace::OtherProvince);
        let report = evaluate_person(&facts, day);
        let in_shandong = report.benefit(SHANDONG_JOB_SEARCH.entry.id).unwrap();
        let texts = in_shandong
            .conditions
            .iter()
            .map(|c| c.message.to_string())
            .chain([in_shandong.estimate.note.to_string()]);
        for text in texts {
            assert!(!text.contains("500元") && !text.contains("800元"), "{text}");
        }
    }
}

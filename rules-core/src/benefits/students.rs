//! Students and graduates (notice 三（一）、三（二）): job-search subsidies for students and graduates from
//! families in difficulty, 雨露计划, and aid at 技工院校.

use crate::engine::documents::{need, need_if, Form, Guide, HowToApply};
use crate::engine::facts::Q;
use crate::engine::logic::{fact, no, yes, Tri};
use crate::engine::report::*;
use crate::engine::rule::*;
use crate::vocabulary::catalogue::{self, Audience};
use crate::vocabulary::choices::*;
use crate::vocabulary::date::Date;
use crate::vocabulary::money::{format_yuan, yuan, Unit};
use crate::vocabulary::parameters::Parameter;
use crate::vocabulary::source::hotline_number;
use crate::vocabulary::source::notice_clause;
use crate::vocabulary::source::{in_force, Confidence, Dated, Source, NOTICE_END};
use crate::vocabulary::source::{source_named, words};
use rust_decimal::Decimal;

pub const GRADUATE_SOURCE: Source = Source {
    document: "重庆人社助企纾困政策服务包（2023版）离校未就业高校毕业生求职创业补贴；依据国发〔2015〕23号、渝人社发〔2018〕174号",
    url: "https://rlsbj.cq.gov.cn/ztzl/zjskzcfwb/zqskbtp/hmbt/202307/t20230728_12195456.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2023, 7, 28)),
};
pub const STUDENT_SOURCE: Source = Source {
    document: "在校求职创业补贴（渝人社发〔2020〕1号、渝就发〔2022〕7号；金额见学校通知转载）",
    url: "https://wodeyuanxiao.com/Universityranking/lpkwihfjkm.html",
    confidence: Confidence::Weak,
    date: None,
};
pub const YULU_SOURCE: Source = Source {
    document: "渝乡振发〔2021〕15号（雨露计划职业教育补助；长寿区通知的本地宝转载，非官方页面）",
    url: "http://cq.bendibao.com/edu/2022310/106903.shtm",
    confidence: Confidence::Weak,
    date: None,
};
pub const TECHNICAL_SOURCE: Source = Source {
    document: "技工院校免学费和国家助学金政策（2018年重庆标准；新华网报道的镜像转载）",
    url: "http://114.cqyy.net/huangye/2018/0408/10259.html",
    confidence: Confidence::Weak,
    date: Some(Date::ymd(2018, 4, 8)),
};
pub const TECHNICAL_2026_SOURCE: Source = Source {
    document: "永川区教委中职学生资助政策（2026；渝财规〔2022〕6号；讲的是教委系统的中职学校，技工院校是否相同未查到）",
    url: "https://www.cqyc.gov.cn/bm/qjw_87635/zwgk_87667/zfxxgkml0_168318/zcwj0/qtwj0/202602/t20260210_15415804.html",
    confidence: Confidence::Official,
    date: Some(Date::ymd(2026, 2, 10)),
};

const CLAUSE_GRADUATE: &str = notice_clause!("三（一）；国发〔2015〕23号");
const CLAUSE_STUDENT: &str = notice_clause!("三（一）；渝人社发〔2020〕1号");
const CLAUSE_YULU: &str = notice_clause!("三（二）；渝乡振发〔2021〕15号");
const CLAUSE_TECHNICAL: &str = notice_clause!("三（二）");

pub const GRADUATE_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(500),
    source: source_named(&GRADUATE_SOURCE),
    note: words(""),
}];
pub const STUDENT_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(800),
    source: source_named(&STUDENT_SOURCE),
    note: words("2021届学校通知；之后是否调整未查到"),
}];
pub const YULU_AMOUNT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2021, 1, 1),
    until: None,
    value: yuan(3000),
    source: source_named(&YULU_SOURCE),
    note: words("秋季、春季学期各1500元"),
}];
pub const TECHNICAL_GRANT: &[Dated<Decimal>] = &[Dated {
    from: Date::ymd(2018, 1, 1),
    until: None,
    value: yuan(3000),
    source: source_named(&TECHNICAL_SOURCE),
    note:
words("建档立卡（脱贫）家庭学生的国家助学金，2018年标准；永川区2026年中职脱贫户学生为每学期1500元"),
}];

/// The family is in one of the difficulty groups (低保, 零就业, 脱贫, 残疾, 特困) — tests in asking order.
fn hardship_family(ctx: &Ctx, include_zero_employment: bool) -> Tri {
    let f = ctx.facts;
    let base = ctx.poverty().or_else(|| yes(f.dibao, Q::Dibao));
    let base = if include_zero_employment {
        base.or_else(|| yes(f.zero_employment_family, Q::ZeroEmploymentFamily))
    } else {
        base
    };
    base.or_else(|| yes(f.disabled, Q::Disabled))
        .or_else(|| yes(f.family_disabled, Q::FamilyDisabled))
        .or_else(|| yes(f.tekun, Q::Tekun))
}

fn flat(table: &'static [Dated<Decimal>], ctx: &Ctx, unit: Unit, note: &'static str) -> Estimate {
    match in_force(table, ctx.as_of) {
        Some(e) => Estimate::amount(
            e.value,
            unit,
            ctx.steps(|| {
                vec![format!(
                    "{} {} × 1 = {} 元",
                    format_yuan(e.value),
                    unit.label(),
                    format_yuan(e.value)
                )]
            }),
            e.source,
            note,
        ),
        None => Estimate::other(
            Value::Unpublished,
            table.first().map_or(&GRADUATE_SOURCE, |e| e.source),
            "该日期没有适用的标准",
        ),
    }
}

fn graduate_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    // Only someone who says they graduated from a 高校 recently is asked the day (no school questions
    // for anyone else).
    let graduated = ctx
        .activity_is(|a| a == Activity::NotWorking)
        .and_then(|| ctx.college_graduate_within(12));
    let graduated_not_met = || match f.graduated_on {
        _ if f.activity.is_some_and(|a| a != Activity::NotWorking) => {
            "此项面向离校后尚未就业的高校毕业生".to_string()
        }
        Some(day) if f.college_graduate == Some(true) => format!(
            "离校已超过1年（{}毕业），只能在离校1年内申请",
            day.chinese()
        ),
        _ => "此项面向离校1年内的高校（含高职、大专）毕业生".to_string(),
    };
    RuleResult {
        conditions: vec![
            ctx.condition("chongqing-hukou", "重庆户籍", CLAUSE_GRADUATE)
                .check(
                    ctx.chongqing_hukou(),
                    "您是重庆户籍",
                    "此项只面向重庆户籍毕业生",
                ),
            ctx.condition(
                "recent-graduate",
                "高校毕业、离校1年内尚未就业",
                CLAUSE_GRADUATE,
            )
            .check(graduated, "您是离校1年内的高校毕业生", graduated_not_met),
            ctx.condition("registered-unemployed", "已办理失业登记", CLAUSE_GRADUATE)
                .check(
                    yes(f.registered_unemployed, Q::RegisteredUnemployed),
                    "您已办理失业登记",
                    "须先办理失业登记（任一街道、乡镇社保所即可办理，免费）",
                ),
            ctx.condition(
                "hardship-family",
                "低保、零就业、脱贫、残疾人家庭，或本人残疾、特困",
                CLAUSE_GRADUATE,
            )
            .check(
                hardship_family(ctx, true),
                "家庭困难类别符合",
                "须来自低保、零就业、脱贫人口或残疾人家庭，或本人残疾、特困供养",
            ),
        ],
        estimate: flat(GRADUATE_AMOUNT, ctx, Unit::YuanPerPerson, "一次性发放"),
    }
}

pub const GRADUATE_JOB_SEARCH: Benefit = Benefit {
    entry: catalogue::entry(
        "graduate-job-search-subsidy",
        "困难家庭离校未就业高校毕业生一次性求职创业补贴",
        Audience::Person,
        "三（一）",
    ),
    validity: Validity::in_force(
        "国发〔2015〕23号、渝府发〔2017〕41号、渝人社发〔2018〕174号",
        &GRADUATE_SOURCE,
    ),
    not_combined_with: &[],
    rule: graduate_rule,
};

/// What to bring for [`GRADUATE_JOB_SEARCH`] and where to apply (read by the results, never by the questionnaire).
pub const GRADUATE_JOB_SEARCH_GUIDE: Guide = Guide {
    benefit: GRADUATE_JOB_SEARCH.entry.id,
    documents: &[
        need("id-card", Form::Shown),
        need("unemployment-registration", Form::CheckedInSystem),
        need("graduation-certificate", Form::Shown),
        need_if(
            "dibao-certificate",
            Form::Shown,
            "按低保家庭申请的（补贴本身的材料清单未公布，以窗口要求为准）",
        ),
        need_if("disability-certificate", Form::Shown, "按残疾申请的"),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "任一街道（乡镇）公共就业服务机构（全渝通办）；区县人力社保政务服务大厅",
        online: "重庆市人力资源和社会保障局网站",
        window: "离校1年内",
        steps: "先办失业登记，再申请补贴；审核、发放时限请向区县人力社保部门咨询",
        confidence: Confidence::Official,
    },
};

fn student_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let student = ctx
        .college_student()
        .and_then(|| yes(f.school_in_chongqing, Q::SchoolInChongqing))
        .and_then(|| yes(f.final_year, Q::FinalYear));
    let family = hardship_family(ctx, false).or_else(|| yes(f.student_loan, Q::StudentLoan));
    RuleResult {
        conditions: vec![
            ctx.condition(
                "final-year-student",
                "重庆高校（含高职）毕业年度在校生",
                CLAUSE_STUDENT,
            )
            .check(
                student,
                "您是重庆高校毕业年度学生",
                "须是重庆高校（含高职、大专）毕业年度的在校学生",
            ),
            ctx.condition(
                "hardship-family",
                "低保、残疾人、脱贫家庭或特困学生，或办理了国家助学贷款",
                CLAUSE_STUDENT,
            )
            .check(
                family,
                "家庭困难类别符合",
                "须来自低保、残疾人或脱贫家庭，或本人特困、残疾，或办理了国家助学贷款",
            ),
        ],
        estimate: flat(
            STUDENT_AMOUNT,
            ctx,
            Unit::YuanPerPerson,
            "每人只享受一次，多个身份不叠加",
        ),
    }
}

pub const STUDENT_JOB_SEARCH: Benefit = Benefit {
    entry: catalogue::entry(
        "student-job-search-subsidy",
        "困难家庭学生一次性在校求职创业补贴",
        Audience::Person,
        "三（一）",
    ),
    validity: Validity::in_force("渝人社发〔2020〕1号（每届毕业生另发通知）", &STUDENT_SOURCE),
    not_combined_with: &[],
    rule: student_rule,
};

/// What to bring for [`STUDENT_JOB_SEARCH`] and where to apply (read by the results, never by the questionnaire).
pub const STUDENT_JOB_SEARCH_GUIDE: Guide = Guide {
    benefit: STUDENT_JOB_SEARCH.entry.id,
    documents: &[
        need("form-student-job-search", Form::FillIn),
        need_if("dibao-certificate", Form::Copy, "按低保家庭申请的"),
        need_if(
            "disability-certificate",
            Form::Copy,
            "按残疾或残疾人家庭申请的",
        ),
        need_if("tekun-certificate", Form::Copy, "按特困申请的"),
        need_if("student-loan-proof", Form::Copy, "按国家助学贷款申请的"),
        need_if(
            "poverty-status-record",
            Form::CheckedInSystem,
            "按脱贫家庭申请的",
        ),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "就读学校（学校初审并公示不少于5个工作日）",
        online: "“重庆就业网”或“重庆就业”微信公众号",
        window: "每届毕业生的申报时间以当年通知为准",
        steps: "网上填表 → 纸质材料交学校 → 学校初审、公示 → 市里复核 → 发放",
        confidence: Confidence::Official,
    },
};

fn yulu_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    // "监测对象户在开学之日未被标注‘风险消除’的，享受": a 脱贫户 stays one when its 监测 risk is
    // eliminated, so the group is 脱贫人口（含未消除风险监测对象）, read as every rule reads it.
    let family = ctx.poverty();
    let family_not_met = if f.poverty_status == Some(PovertyStatus::MonitoredRiskEliminated) {
        "监测对象户在开学当天已标注“风险消除”、又不是脱贫户的，不享受雨露计划"
    } else {
        "须是脱贫户或监测对象户的子女"
    };
    let studying = ctx
        .activity_is(|a| a == Activity::Student)
        .and_then(|| fact(f.school_level, Q::SchoolLevel, SchoolLevel::is_vocational))
        .and_then(|| yes(f.full_time_study, Q::FullTimeStudy));
    let not_tuition_aided = fact(f.school_level, Q::SchoolLevel, |l| {
        l == SchoolLevel::HigherVocational
    })
    .implies(|| no(f.cq_tuition_aid, Q::CqTuitionAid));
    RuleResult {
        conditions: vec![
            ctx.condition(
                "poverty-family",
                "脱贫户或监测对象户（开学时未标注风险消除）的子女",
                CLAUSE_YULU,
            )
            .check(family, "家庭类别符合", family_not_met),
            ctx.condition(
                "vocational-student",
                "全日制中职、技工院校或高职在读（有正式学籍）",
                CLAUSE_YULU,
            )
            .check(
                studying,
                "您在读全日制中职、技工院校或高职",
                "须在读全日制中职（含技工院校）或高职（含技师学院、大专）",
            ),
            ctx.condition(
                "no-cq-tuition-aid",
                "高职学生未享受重庆籍建档立卡贫困大学生学费资助",
                CLAUSE_YULU,
            )
            .check(
                not_tuition_aided,
                "没有与重庆籍贫困大学生学费资助重复",
                "已享受“重庆籍建档立卡贫困大学生学费资助”的，不同时享受雨露计划",
            ),
        ],
        estimate: flat(
            YULU_AMOUNT,
            ctx,
            Unit::YuanPerYear,
            "每学年3000元，分秋季、春季两学期各发1500元，直接打到学生或家庭成员的银行卡",
        ),
    }
}

pub const YULU_PLAN: Benefit = Benefit {
    entry: catalogue::entry(
        "yulu-plan-subsidy",
        "雨露计划职业教育补助",
        Audience::Person,
        "三（二）",
    ),
    validity: Validity::unconfirmed_after(
        NOTICE_END,
        "渝乡振发〔2021〕15号（过渡期衔接推进乡村振兴补助资金项目）",
        &YULU_SOURCE,
        concat!(
            "请向户籍所在区县农业农村委（原乡村振兴局）或就读学校咨询，或拨打",
            hotline_number!()
        ),
    ),
    not_combined_with: &[],
    rule: yulu_rule,
};

/// What to bring for [`YULU_PLAN`] and where to apply (read by the results, never by the questionnaire).
pub const YULU_PLAN_GUIDE: Guide = Guide {
    benefit: YULU_PLAN.entry.id,
    documents: &[
        need("form-yulu", Form::FillIn),
        need("id-card", Form::Copy),
        need("bank-card-own", Form::Copy),
        need_if("study-proof", Form::Original, "在区县外或市外就读的"),
        need("poverty-status-record", Form::CheckedInSystem),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "户籍所在村委会（生源地申请，不论在哪里上学）",
        online: "",
        window: "每年秋季、春季学期",
        steps: "向村委会申请 → 村里审核并公示5天 → 乡镇汇总审核 → 区县教委和乡村振兴部门审核并公示7天 → 直接打到银行卡",
        confidence: Confidence::Official,
    },
};

fn technical_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let studying = ctx
        .activity_is(|a| a == Activity::Student)
        .and_then(|| {
            fact(f.school_level, Q::SchoolLevel, |l| {
                l == SchoolLevel::TechnicalSchool
            })
        })
        .and_then(|| yes(f.full_time_study, Q::FullTimeStudy))
        .and_then(|| fact(f.school_year, Q::SchoolYear, |y| y <= 3));
    // The 3000 元 grant is sourced for 建档立卡（脱贫）students only (research.md §2.19): a member of a
    // 脱贫户, not every 监测对象 (a 监测对象 is asked whether the household is also a 脱贫户). Other
    // students in difficulty (低保, 监测对象 of other households) get the grant at a level the sources
    // do not give.
    let family = f.poverty_household();
    let estimate = match (family, in_force(TECHNICAL_GRANT, ctx.as_of)) {
        (Tri::Yes, Some(grant)) => Estimate::amount(
            grant.value,
            Unit::YuanPerYear,
            vec![
                format!("国家助学金 {} 元/年（脱贫家庭学生）", format_yuan(grant.value)),
                "另免学费（按学校收费标准免除，2018年平均约2000元/年）".to_string(),
            ],
            grant.source,
            "国家助学金按2018年重庆标准估算，待核实；免学费由学校直接办理",
        )
        .with_source(&TECHNICAL_2026_SOURCE),
        (Tri::No, _) => Estimate::other(
            Value::NotMoney,
            &TECHNICAL_SOURCE,
            "全日制技工院校一至三年级学生免学费（按学校收费标准免除）。国家助学金面向家庭经济困难学生（如低保家庭、监测对象家庭），3000元/年的标准只查到脱贫（建档立卡）家庭学生的，其他学生的标准未查到，请向学校咨询",
        ),
        (Tri::Unknown(asks), _) => Estimate::other(
            Value::NeedsAnswers { asks },
            &TECHNICAL_SOURCE,
            "脱贫家庭学生还可享受国家助学金",
        ),
        (Tri::Yes, None) => {
            Estimate::other(Value::Unpublished, &TECHNICAL_SOURCE, "该日期没有适用的标准")
        }
    };
    RuleResult {
        conditions: vec![ctx
            .condition(
                "technical-student",
                "技工院校全日制学历教育一至三年级在读",
                CLAUSE_TECHNICAL,
            )
            .check(
                studying,
                "您是技工院校全日制一至三年级学生",
                "须在技工院校全日制学历教育一至三年级就读",
            )],
        estimate,
    }
}

pub const TECHNICAL_SCHOOL: Benefit = Benefit {
entry: catalogue::entry(
        "technical-school-student-aid",
        "技工院校免学费及国家助学金（两后生）",
        Audience::Person,
        "三（二）",
    ),
    validity: Validity::in_force("国家中等职业教育免学费和国家助学金政策（渝财规〔2022〕6号）", &TECHNICAL_2026_SOURCE).with_note("2026年仍在执行的依据，查到的是永川区教委关于中职学校的资助政策页面；技工院校属人\
        力社保系统，是否同样执行、表格和标准是否相同，未查到，请向就读的技工院校或区县人力社保局咨询。"),
    not_combined_with: &[],
    rule: technical_rule,
};

/// What to bring for [`TECHNICAL_SCHOOL`] and where to apply (read by the results, never by the questionnaire).
pub const TECHNICAL_SCHOOL_GUIDE: Guide = Guide {
    benefit: TECHNICAL_SCHOOL.entry.id,
    documents: &[
        need("id-card", Form::Copy),
        need("poverty-status-record", Form::CheckedInSystem),
    ],
    apply: &HowToApply {
        automatic: false,
        office: "就读的技工院校（免学费由学校按学籍办理；助学金每学期开学后向学校申请）",
        online: "",
        window: "每学期开学后（一些学校为开学两周内）",
        steps: "向学校提交资助申请 → 学校认定家庭经济困难 → 主管部门审核 → 发到学生资助卡；技工院校的具体表格请向学校咨询",
        confidence: Confidence::Weak,
    },
};

pub fn parameters() -> Vec<Parameter> {
    vec![
        Parameter {
            id: "graduate-job-search-subsidy-amount",
            benefits: &["graduate-job-search-subsidy"],
            name: "离校未就业高校毕业生求职创业补贴",
            unit: "元/人",
            values: GRADUATE_AMOUNT,
        },
        Parameter {
            id: "student-job-search-subsidy-amount",
            benefits: &["student-job-search-subsidy"],
            name: "困难家庭学生在校求职创业补贴",
            unit: "元/人",
            values: STUDENT_AMOUNT,
        },
        Parameter {
            id: "yulu-plan-amount",
            benefits: &["yulu-plan-subsidy"],
            name: "雨露计划职业教育补助",
            unit: "元/年",
            values: YULU_AMOUNT,
        },
        Parameter {
            id: "technical-school-grant",
            benefits: &["technical-school-student-aid"],
            name: "技工院校国家助学金（脱贫家庭学生）",
            unit: "元/年",
            values: TECHNICAL_GRANT,
        },
    ]
}

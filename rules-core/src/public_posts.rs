//! 乡村公益性岗位 (notice 二（五）): placement of 脱贫人口 on village public-welfare posts.

use crate::choices::*;
use crate::documents::{need, Form, HowToApply};
use crate::evaluate::*;
use crate::facts::Q;
use crate::logic::{fact, no};
use crate::source::{Confidence, Source};

pub const RURAL_POST_SOURCE: Source = Source {
    document: "渝人社〔2021〕237号 二（五）；区县乡村公益性岗位实施方案（如万州农委函〔2026〕7号）",
    url: "http://www.wz.gov.cn/bmjz_89642/bm/nyncwyh/zwgk_94800/fdzdgknr_94802/lzyj_94803/202601/t20260112_15306663.html",
    confidence: Confidence::Official,
};
pub const XIUSHAN_EXAMPLE_SOURCE: Source = Source {
    document: "秀山县膏田镇2023年乡村公益性岗位公告",
    url: "http://www.cqxs.gov.cn/jz/gtz/zwgk_78906/fdzdgknr_78908/zdmsxx_78915/202305/t20230504_11931928.html",
    confidence: Confidence::Official,
};
const CLAUSE: &str = "渝人社〔2021〕237号 二（五）";
const CLAUSE_DISTRICT: &str = "区县实施方案（如万州农委函〔2026〕7号）";

fn rural_post_rule(ctx: &Ctx) -> RuleResult {
    let f = ctx.facts;
    let family = fact(f.poverty_status, Q::PovertyStatus, |s| {
        matches!(s, PovertyStatus::Alleviated | PovertyStatus::Monitored)
    });
    let capacity_message = match f.labour_capacity {
        Some(LabourCapacity::Weak | LabourCapacity::Half) => "弱劳力、半劳力优先安置",
        _ => "有劳动能力",
    };
    let available =
        ctx.activity_is(|a| matches!(a, Activity::NotWorking | Activity::PublicWelfarePost));
    let conditions = vec![
        condition("poverty", "脱贫人口（含风险未消除的监测对象）", CLAUSE).check(
            family,
            "您是脱贫人口",
            "乡村公益性岗位优先安置脱贫人口（含风险未消除的监测对象）",
        ),
        condition(
            "age-and-capacity",
            "年满16周岁，有一定劳动能力",
            CLAUSE_DISTRICT,
        )
        .check(
            ctx.age_at_least(16).and_then(|| {
                fact(f.labour_capacity, Q::LabourCapacity, |c| {
                    c != LabourCapacity::None
                })
            }),
            capacity_message,
            "须年满16周岁并有一定劳动能力",
        ),
        condition(
            "not-otherwise-employed",
            "没有其他工作（未外出务工、未在车间就业、未办营业执照）",
            CLAUSE_DISTRICT,
        )
        .check(
            available,
            if f.activity == Some(Activity::PublicWelfarePost) {
                "您已在公益性岗位上"
            } else {
                "您目前没有工作"
            },
            "已在外务工、在单位就业或自己经营的，一般不安排乡村公益性岗位",
        ),
        condition(
            "one-per-family",
            "家里没有其他人在公益性岗位上（区县规定）",
            CLAUSE_DISTRICT,
        )
        .check(
            no(f.family_on_post, Q::FamilyOnPost),
            "家里还没有人在岗",
            "家里已有人在公益性岗位上，很多区县规定一户只安排一人",
        ),
    ];
    RuleResult {
        conditions,
        estimate: Estimate::other(
            Value::SetByDistrict,
            &RURAL_POST_SOURCE,
            "岗位补贴由区县确定，同一区域内类似岗位待遇基本统一；例如秀山县膏田镇2023年非全日制岗位每月不低于300元、每天不少于3小时。签订劳动合同或劳务协议，每次不超过1年，并购买意外伤害保险",
        )
        .with_source(&XIUSHAN_EXAMPLE_SOURCE),
    }
}

pub const RURAL_POST: Benefit = Benefit {
    id: "rural-public-welfare-post",
    validity: Validity {
        until: None,
        basis: "渝人社〔2021〕237号；各区县年度实施方案（2026年万州等区县继续开发）",
        note: "2026年起由各区县按常态化帮扶继续开发，岗位和待遇以区县方案为准",
    },
    documents: &[need("id-card", Form::Shown), need("household-register", Form::Shown), need("poverty-status-record", Form::CheckedInSystem)],
    apply: &HowToApply {
        automatic: false,
        office: "户籍所在村（社区）或镇街",
        online: "",
        window: "按区县每年的岗位开发安排",
        steps: "向村委会报名 → 镇街审核、公示 → 签订劳动合同或劳务协议（每次不超过1年）；具体流程以区县方案为准",
        confidence: Confidence::Weak,
    },
    not_combined_with: &[],
    rule: rural_post_rule,
};

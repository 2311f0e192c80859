//! The fixed list of benefits the portal knows (policy/catalogue.md): stable ids, names, audiences and
//! the notice clause that promises each. Ids are part of URLs, saved state and tests: never rename one.

use serde::{Deserialize, Serialize};

/// Who a benefit is for; also the visitor's first choice on the landing page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    /// 个人：务工、求职、创业、上学
    Person,
    /// 企业、农民合作社、家庭农场、就业帮扶车间
    Employer,
    /// 经营性人力资源服务机构、劳务经纪人
    Agency,
    /// 创业孵化基地、返乡入乡创业园、就业帮扶基地等载体
    Carrier,
}

impl Audience {
    pub const ALL: [Audience; 4] = [
        Audience::Person,
        Audience::Employer,
        Audience::Agency,
        Audience::Carrier,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Audience::Person => "person",
            Audience::Employer => "employer",
            Audience::Agency => "agency",
            Audience::Carrier => "carrier",
        }
    }

    pub fn from_id(id: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.id() == id)
    }

    /// The label a visitor picks on the landing page.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Person => "个人（务工、求职、创业、上学）",
            Audience::Employer => "企业与就业帮扶车间",
            Audience::Agency => "人力资源服务机构与劳务经纪人",
            Audience::Carrier => "创业孵化基地与返乡创业园等载体",
        }
    }

    /// One plain line under the label, so a visitor knows which door is theirs.
    pub fn hint(self) -> &'static str {
        match self {
            Audience::Person => {
                "脱贫人口（含防止返贫监测对象）、低收入人口、搬迁群众、学生、返乡创业人员"
            }
            Audience::Employer => {
                "招用脱贫人口的企业、农民合作社、家庭农场、就业帮扶车间、社区工厂"
            }
            Audience::Agency => "免费介绍脱贫人口等就业的经营性人力资源服务机构、劳务经纪人",
            Audience::Carrier => {
                "创业孵化基地、返乡入乡创业园、就业帮扶基地、劳务品牌、村就业服务超市"
            }
        }
    }
}

/// One line of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CatalogueEntry {
    pub id: &'static str,
    pub name: &'static str,
    pub audience: Audience,
    /// Section(s) of 渝人社〔2021〕237号 that promise it, e.g. `一（一）`.
    pub clause: &'static str,
}

const fn entry(
    id: &'static str,
    name: &'static str,
    audience: Audience,
    clause: &'static str,
) -> CatalogueEntry {
    CatalogueEntry {
        id,
        name,
        audience,
        clause,
    }
}

use Audience::{Agency, Carrier, Employer, Person};

/// Every benefit of the notice, in catalogue order.
pub const CATALOGUE: &[CatalogueEntry] = &[
    entry(
        "job-search-subsidy",
        "脱贫人口一次性求职创业补贴（外出务工）",
        Person,
        "一（一）",
    ),
    entry(
        "shandong-job-search-subsidy",
        "赴山东一次性求职创业补贴",
        Person,
        "一（三）",
    ),
    entry(
        "cross-region-transport-subsidy",
        "跨区域（跨省）一次性交通补助",
        Person,
        "一（一）",
    ),
    entry(
        "lu-yu-cooperation-subsidies",
        "鲁渝劳务协作交通生活补助、稳岗补贴",
        Person,
        "一（三）",
    ),
    entry(
        "graduate-job-search-subsidy",
        "困难家庭离校未就业高校毕业生一次性求职创业补贴",
        Person,
        "三（一）",
    ),
    entry(
        "student-job-search-subsidy",
        "困难家庭学生一次性在校求职创业补贴",
        Person,
        "三（一）",
    ),
    entry(
        "flexible-employment-social-insurance-subsidy",
        "灵活就业社会保险补贴",
        Person,
        "二（四）",
    ),
    entry(
        "startup-subsidy",
        "一次性创业补贴（补助）",
        Person,
        "二（三）",
    ),
    entry(
        "startup-guaranteed-loan",
        "个人创业担保贷款及贴息",
        Person,
        "一（二）、二（三）",
    ),
    entry(
        "startup-tax-relief",
        "重点群体创业税费减免",
        Person,
        "二（三）、二（四）",
    ),
    entry(
        "vocational-training-subsidy",
        "职业技能培训（含创业培训）补贴",
        Person,
        "三（二）",
    ),
    entry(
        "training-living-allowance",
        "培训期间生活费（含交通费）补贴",
        Person,
        "三（二）",
    ),
    entry(
        "rural-public-welfare-post",
        "乡村公益性岗位安置",
        Person,
        "二（五）",
    ),
    entry(
        "unemployment-insurance-benefit",
        "失业保险金",
        Person,
        "三（一）",
    ),
    entry(
        "yulu-plan-subsidy",
        "雨露计划职业教育补助",
        Person,
        "三（二）",
    ),
    entry(
        "technical-school-student-aid",
        "技工院校免学费及国家助学金（两后生）",
        Person,
        "三（二）",
    ),
    entry(
        "employment-assistance-services",
        "就业援助：职业指导、职业介绍、就业困难人员认定（免费）",
        Person,
        "三（一）",
    ),
    entry("hiring-subsidy", "一次性吸纳就业补贴", Employer, "一（二）"),
    entry(
        "employer-social-insurance-subsidy",
        "用人单位社会保险补贴",
        Employer,
        "一（二）",
    ),
    entry(
        "enterprise-guaranteed-loan",
        "小微企业创业担保贷款及贴息",
        Employer,
        "一（二）",
    ),
    entry(
        "work-for-training-subsidy",
        "以工代训职业培训补贴（至2021年底）",
        Employer,
        "二（二）",
    ),
    entry(
        "public-welfare-post-subsidy",
        "公益性岗位补贴及社保补贴、意外伤害保险",
        Employer,
        "二（五）",
    ),
    entry(
        "workshop-construction-grant",
        "就业帮扶车间一次性建设补助",
        Employer,
        "二（二）",
    ),
    entry(
        "workshop-employment-award",
        "就业帮扶车间带动就业奖补",
        Employer,
        "二（二）",
    ),
    entry(
        "workshop-fee-relief",
        "就业帮扶车间费用减免等优惠政策",
        Employer,
        "二（二）",
    ),
    entry(
        "placement-subsidy",
        "就业创业服务补助（职业介绍补贴）",
        Agency,
        "一（一）",
    ),
    entry(
        "employment-assistance-base-award",
        "就业帮扶基地奖补（区县制定）",
        Carrier,
        "一（一）",
    ),
    entry(
        "incubator-subsidy",
        "市级创业孵化基地（园区）补贴及示范创建奖励",
        Carrier,
        "二（三）",
    ),
    entry(
        "return-home-park-award",
        "区县级返乡入乡创业园、创业孵化基地奖补",
        Carrier,
        "二（三）",
    ),
    entry(
        "labour-brand-award",
        "市级劳务品牌奖补",
        Carrier,
        "一（四）",
    ),
    entry(
        "heritage-workshop-support",
        "非遗扶贫就业工坊",
        Carrier,
        "二（三）",
    ),
    entry(
        "employment-service-supermarket-award",
        "行政村就业服务超市奖补",
        Carrier,
        "三（一）",
    ),
];

/// The catalogue entries for one audience, in catalogue order.
pub fn for_audience(audience: Audience) -> impl Iterator<Item = &'static CatalogueEntry> {
    CATALOGUE.iter().filter(move |e| e.audience == audience)
}

/// Looks a benefit up by its stable id.
pub fn find(id: &str) -> Option<&'static CatalogueEntry> {
    CATALOGUE.iter().find(|e| e.id == id)
}

/// True for the guaranteed loans: their figure is the interest the government pays, not money paid
/// to the borrower, and it is never added to a total of subsidies.
pub fn is_loan(id: &str) -> bool {
    matches!(id, "startup-guaranteed-loan" | "enterprise-guaranteed-loan")
}

/// What a benefit's headline figure is, so "预估 26250 元" never reads as cash in hand:
/// `贴息` for the loans, `减免税额`, `失业保险金`, `奖补` for awards, otherwise `补贴`.
pub fn amount_kind(id: &str) -> &'static str {
    match id {
        _ if is_loan(id) => "贴息",
        "startup-tax-relief" => "减免税额",
        "unemployment-insurance-benefit" => "失业保险金",
        "workshop-fee-relief" => "减免",
        _ if id.ends_with("-award") => "奖补",
        _ => "补贴",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        let mut seen = std::collections::BTreeSet::new();
        for e in CATALOGUE {
            assert!(seen.insert(e.id), "duplicate id {}", e.id);
            assert!(
                e.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is not kebab-case",
                e.id
            );
        }
        assert_eq!(CATALOGUE.len(), 32);
        assert_eq!(for_audience(Audience::Person).count(), 17);
    }

    #[test]
    fn loans_and_amount_kinds_name_real_benefits() {
        let loans: Vec<_> = CATALOGUE.iter().filter(|e| is_loan(e.id)).collect();
        assert_eq!(loans.len(), 2);
        assert!(loans.iter().all(|e| e.name.contains("贷款")));
        assert_eq!(amount_kind("startup-guaranteed-loan"), "贴息");
        assert_eq!(amount_kind("labour-brand-award"), "奖补");
        assert_eq!(amount_kind("job-search-subsidy"), "补贴");
    }

    #[test]
    fn audience_ids_round_trip() {
        for a in Audience::ALL {
            assert_eq!(Audience::from_id(a.id()), Some(a));
        }
        assert_eq!(Audience::from_id("nobody"), None);
    }
}

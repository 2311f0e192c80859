//! The catalogue's vocabulary (policy/catalogue.md): who a benefit is for ([`Audience`]) and the line
//! each benefit declares beside its rule ([`CatalogueEntry`]: stable id, name, audience, clause, kind
//! of figure). Ids are part of URLs, saved state and tests: never rename one. The list of all entries
//! is [`crate::registry::catalogue::CATALOGUE`].

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

/// One line of the catalogue, declared beside the benefit's rule (`Benefit::entry`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CatalogueEntry {
    pub id: &'static str,
    pub name: &'static str,
    pub audience: Audience,
    /// Section(s) of 渝人社〔2021〕237号 that promise it, e.g. `一（一）`.
    pub clause: &'static str,
    /// What its figure is: a subsidy paid out, a loan's interest subsidy, a tax relief …
    pub kind: AmountKind,
}

/// What a benefit's headline figure is, so "预估 26250 元" never reads as cash in hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmountKind {
    Subsidy,
    /// The interest the state pays on a guaranteed loan: never money to the borrower, never totalled.
    InterestSubsidy,
    TaxRelief,
    InsuranceBenefit,
    FeeRelief,
    Award,
}

impl AmountKind {
    /// `补贴`, `贴息`, `减免税额`, `失业保险金`, `减免`, `奖补`.
    pub fn label(self) -> &'static str {
        match self {
            AmountKind::Subsidy => "补贴",
            AmountKind::InterestSubsidy => "贴息",
            AmountKind::TaxRelief => "减免税额",
            AmountKind::InsuranceBenefit => "失业保险金",
            AmountKind::FeeRelief => "减免",
            AmountKind::Award => "奖补",
        }
    }
}

impl CatalogueEntry {
    /// How its clause is cited everywhere: `渝人社〔2021〕237号 一（一）` (the notice's number, a
    /// space, the clause).
    pub fn citation(&self) -> String {
        format!(
            "{} {}",
            crate::vocabulary::source::NOTICE_NUMBER,
            self.clause
        )
    }

    /// True for the guaranteed loans: their figure is the interest the government pays, not money
    /// paid to the borrower, and it is never added to a total of subsidies.
    pub fn is_loan(&self) -> bool {
        self.kind == AmountKind::InterestSubsidy
    }

    /// The entry with its figure of another kind than a subsidy.
    pub const fn paid_as(self, kind: AmountKind) -> CatalogueEntry {
        CatalogueEntry { kind, ..self }
    }
}

pub const fn entry(
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
        kind: AmountKind::Subsidy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audience_ids_round_trip() {
        for a in Audience::ALL {
            assert_eq!(Audience::from_id(a.id()), Some(a));
        }
        assert_eq!(Audience::from_id("nobody"), None);
    }
}

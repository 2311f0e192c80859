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

/// Every benefit of the notice, in catalogue order: the entries declared beside each rule (the
/// benefit modules' `Benefit::entry`), gathered at compile time from [`crate::benefits`]'s two lists,
/// so no rule is linked into a build that only reads the catalogue.
pub const CATALOGUE: &[CatalogueEntry] = &entries_of::<32>(
    &crate::PERSON_BENEFIT_LIST,
    &crate::ORGANISATION_BENEFIT_LIST,
);

/// The entries of `first` then `second`; fails to compile unless they are `N` in all.
const fn entries_of<const N: usize>(
    first: &[crate::evaluate::Benefit],
    second: &[crate::evaluate::Benefit],
) -> [CatalogueEntry; N] {
    assert!(first.len() + second.len() == N, "the catalogue's length");
    let mut out = [entry("", "", Audience::Person, ""); N];
    let mut i = 0;
    while i < N {
        out[i] = if i < first.len() {
            first[i].entry
        } else {
            second[i - first.len()].entry
        };
        i += 1;
    }
    out
}

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
    find(id).is_some_and(|entry| entry.kind == AmountKind::InterestSubsidy)
}

/// What a benefit's headline figure is ([`AmountKind::label`]); `补贴` for an unknown id.
pub fn amount_kind(id: &str) -> &'static str {
    find(id).map_or(AmountKind::Subsidy.label(), |entry| entry.kind.label())
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

//! A roster of hires or placements, in groups: how many people of which identity, on what terms.
//! Organisations answer with a roster instead of one person's facts.

use crate::choices::{HireIdentity, OrgKind, PostKind};
use crate::standing::Standing;
use crate::{Audience, Date};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One group of people hired or placed on the same terms. Unknown terms stay `None`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HireGroup {
    pub identity: HireIdentity,
    pub count: u32,
    /// Length of the labour contract in months (0: no contract).
    #[serde(
        default,
        rename = "contract-months",
        skip_serializing_if = "Option::is_none"
    )]
    pub contract_months: Option<u32>,
    #[serde(default, rename = "full-time", skip_serializing_if = "Option::is_none")]
    pub full_time: Option<bool>,
    /// Months of social insurance paid continuously so far (months in the job, for placements).
    #[serde(
        default,
        rename = "insured-months",
        skip_serializing_if = "Option::is_none"
    )]
    pub insured_months: Option<u32>,
    #[serde(
        default,
        rename = "still-insured",
        skip_serializing_if = "Option::is_none"
    )]
    pub still_insured: Option<bool>,
    /// The employer's own yearly contributions per person (养老、医疗、失业、工伤、生育), in 元.
    #[serde(
        default,
        rename = "employer-contributions",
        skip_serializing_if = "Option::is_none"
    )]
    pub employer_contributions: Option<Decimal>,
    /// Placed free of charge (agencies).
    #[serde(
        default,
        rename = "placed-free",
        skip_serializing_if = "Option::is_none"
    )]
    pub placed_free: Option<bool>,
    /// Through 劳务派遣 (excluded from placement subsidies).
    #[serde(
        default,
        rename = "dispatched",
        skip_serializing_if = "Option::is_none"
    )]
    pub dispatched: Option<bool>,
    /// Working on a 公益性岗位.
    #[serde(
        default,
        rename = "public-post",
        skip_serializing_if = "Option::is_none"
    )]
    pub public_post: Option<bool>,
    /// Monthly hours, for part-time public-welfare posts.
    #[serde(
        default,
        rename = "monthly-hours",
        skip_serializing_if = "Option::is_none"
    )]
    pub monthly_hours: Option<u32>,
    /// Already received 以工代训 training subsidy.
    #[serde(
        default,
        rename = "work-for-training-received",
        skip_serializing_if = "Option::is_none"
    )]
    pub work_for_training_received: Option<bool>,
    /// 城镇 or 乡村 公益性岗位 (public-post developers).
    #[serde(default, rename = "post-kind", skip_serializing_if = "Option::is_none")]
    pub post_kind: Option<PostKind>,
    /// Months of 公益性岗位补贴 already received for these people (the 3-year limit).
    #[serde(
        default,
        rename = "subsidised-months",
        skip_serializing_if = "Option::is_none"
    )]
    pub subsidised_months: Option<u32>,
    /// Less than 5 years from the statutory retirement age when the subsidy was first approved (the
    /// limit is then 5 years).
    #[serde(
        default,
        rename = "near-retirement",
        skip_serializing_if = "Option::is_none"
    )]
    pub near_retirement: Option<bool>,
    /// Holds a Chongqing 户籍: the 公益性岗位 subsidy's 脱贫人口 are "我市户籍脱贫人口" (服务包2023).
    #[serde(
        default,
        rename = "chongqing-hukou",
        skip_serializing_if = "Option::is_none"
    )]
    pub chongqing_hukou: Option<bool>,
}

/// A term of a roster group that a rule can need. Each is one box of the roster editor, so a report
/// names what is missing by term and a page can check that it offers the box (ids as in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RosterTerm {
    ContractMonths,
    FullTime,
    InsuredMonths,
    StillInsured,
    EmployerContributions,
    PlacedFree,
    Dispatched,
    PublicPost,
    MonthlyHours,
    WorkForTrainingReceived,
    PostKind,
    SubsidisedMonths,
    NearRetirement,
    ChongqingHukou,
}

impl RosterTerm {
    pub const ALL: &'static [RosterTerm] = &[
        RosterTerm::ContractMonths,
        RosterTerm::FullTime,
        RosterTerm::InsuredMonths,
        RosterTerm::StillInsured,
        RosterTerm::EmployerContributions,
        RosterTerm::PlacedFree,
        RosterTerm::Dispatched,
        RosterTerm::PublicPost,
        RosterTerm::MonthlyHours,
        RosterTerm::WorkForTrainingReceived,
        RosterTerm::PostKind,
        RosterTerm::SubsidisedMonths,
        RosterTerm::NearRetirement,
        RosterTerm::ChongqingHukou,
    ];

    /// The box, as a phrase: "劳动合同（或劳务协议）期限".
    pub fn label(self) -> &'static str {
        match self {
            RosterTerm::ContractMonths => "劳动合同（或劳务协议）期限",
            RosterTerm::FullTime => "是否全日制",
            RosterTerm::InsuredMonths => "已连续缴纳社保（已连续就业）的月数",
            RosterTerm::StillInsured => "是否仍在缴纳社保",
            RosterTerm::EmployerContributions => "单位每人每年实际缴纳的社保费",
            RosterTerm::PlacedFree => "是否免费介绍",
            RosterTerm::Dispatched => "是否劳务派遣",
            RosterTerm::PublicPost => "是否在公益性岗位上",
            RosterTerm::MonthlyHours => "非全日制岗位每月工作小时数",
            RosterTerm::WorkForTrainingReceived => "是否已享受过以工代训补贴",
            RosterTerm::PostKind => "城镇公益性岗位还是乡村公益性岗位",
            RosterTerm::SubsidisedMonths => "已享受这项补贴的月数（公益性岗位补贴或社保补贴）",
            RosterTerm::NearRetirement => "初次核定补贴时是否距法定退休年龄不足5年",
            RosterTerm::ChongqingHukou => "是否重庆户籍（脱贫人口须为本市户籍）",
        }
    }

    /// What the row should fill in, as the estimate says it: "请填写劳动合同（或劳务协议）期限".
    pub fn request(self) -> String {
        format!("请填写{}", self.label())
    }
}

impl HireGroup {
    pub fn new(identity: HireIdentity, count: u32) -> HireGroup {
        HireGroup {
            identity,
            count,
            contract_months: None,
            full_time: None,
            insured_months: None,
            still_insured: None,
            employer_contributions: None,
            placed_free: None,
            dispatched: None,
            public_post: None,
            monthly_hours: None,
            work_for_training_received: None,
            post_kind: None,
            subsidised_months: None,
            near_retirement: None,
            chongqing_hukou: None,
        }
    }
}

/// Which terms a roster row asks for: every term the rules of this organisation's benefits read on
/// that day, and no other (a test checks it against the reports: each term a report asks for has its
/// box). Pages offer one box per term shown. Employers: contract,
/// full-time, social insurance and the employer's contributions, and while 以工代训 is in force
/// (2021) whether a 脱贫人口 already had it; 公益性岗位 developers: whether the post is one, its kind,
/// the contract, full-time or the hours, and the months already subsidised with the near-retirement
/// extension (employers too: their social-insurance subsidy has the same 3-year limit); agencies: placed free, 劳务派遣, contract, full-time, public post and months in the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RosterFields {
    pub contract: bool,
    pub insurance: bool,
    pub contributions: bool,
    pub placement: bool,
    pub public_post: bool,
    /// Post kind, hours of part-time posts and the 脱贫人口's 户籍 (developers).
    pub post_terms: bool,
    /// Months already subsidised and near retirement: the 3-year limit of the 公益性岗位 subsidy
    /// (developers) and of the employer's social-insurance subsidy (employers).
    pub subsidy_limit: bool,
    pub work_for_training: bool,
}

impl RosterFields {
    pub fn for_org(audience: Audience, kind: Option<OrgKind>, day: Date) -> RosterFields {
        let developer = kind == Some(OrgKind::PublicPostDeveloper);
        // A producer while the 以工代训 subsidy is in force (or a kind not yet given).
        let work_for_training = kind.is_none_or(OrgKind::is_producer)
            && crate::hiring::WORK_FOR_TRAINING.validity.standing_on(day) == Standing::InForce;
        match audience {
            Audience::Agency => RosterFields {
                contract: true,
                insurance: true,
                contributions: false,
                placement: true,
                public_post: true,
                post_terms: false,
                subsidy_limit: false,
                work_for_training: false,
            },
            _ if developer => RosterFields {
                contract: true,
                insurance: false,
                contributions: false,
                placement: false,
                public_post: true,
                post_terms: true,
                subsidy_limit: true,
                work_for_training: false,
            },
            _ => RosterFields {
                contract: true,
                insurance: true,
                contributions: true,
                placement: false,
                public_post: false,
                post_terms: false,
                subsidy_limit: true,
                work_for_training,
            },
        }
    }

    /// Whether a row offers the box for `term`.
    pub fn shows(&self, term: RosterTerm) -> bool {
        match term {
            RosterTerm::ContractMonths => self.contract,
            RosterTerm::FullTime => true,
            RosterTerm::InsuredMonths | RosterTerm::StillInsured => self.insurance,
            RosterTerm::EmployerContributions => self.contributions,
            RosterTerm::PlacedFree | RosterTerm::Dispatched => self.placement,
            RosterTerm::PublicPost => self.public_post,
            RosterTerm::MonthlyHours | RosterTerm::PostKind | RosterTerm::ChongqingHukou => {
                self.post_terms
            }
            RosterTerm::SubsidisedMonths | RosterTerm::NearRetirement => self.subsidy_limit,
            RosterTerm::WorkForTrainingReceived => self.work_for_training,
        }
    }
}

/// Bounds for validation: larger numbers are refused with a message.
pub const MAX_COUNT: u32 = 100_000;
pub const MAX_MONTHS: u32 = 600;
pub const MAX_CONTRIBUTIONS: u32 = 1_000_000;
pub const MAX_HOURS: u32 = 744;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate;

    /// Every roster box a report asks for is one the page offers for that organisation on that day,
    /// and a benefit no longer in force asks for nothing (issue 16: an enterprise was asked whether a
    /// post is a 公益性岗位, and an ended item whether a hire had 以工代训, with no box for either).
    #[test]
    fn every_roster_term_a_report_asks_for_has_a_box() {
        let bare: Vec<HireGroup> = HireIdentity::ALL
            .iter()
            .map(|identity| HireGroup::new(*identity, 2))
            .collect();
        // Each term given in turn, so that the terms asked after it show up too.
        let mut rosters = vec![bare.clone()];
        let mut filled = bare;
        for group in &mut filled {
            group.public_post = Some(true);
            group.placed_free = Some(true);
            group.dispatched = Some(false);
        }
        rosters.push(filled.clone());
        for group in &mut filled {
            group.contract_months = Some(12);
            group.full_time = Some(true);
            group.insured_months = Some(40);
            group.post_kind = Some(crate::choices::PostKind::Urban);
            group.subsidised_months = Some(40);
        }
        rosters.push(filled);
        let days = [
            Date::ymd(2021, 6, 1),
            Date::ymd(2023, 1, 1),
            Date::ymd(2025, 6, 1),
            Date::ymd(2026, 12, 1),
        ];
        for audience in [Audience::Employer, Audience::Agency] {
            let kinds = OrgKind::ALL
                .iter()
                .copied()
                .filter(|k| k.audience() == audience)
                .map(Some)
                .chain([None]);
            for kind in kinds {
                for day in days {
                    let fields = RosterFields::for_org(audience, kind, day);
                    for roster in &rosters {
                        let facts = crate::Facts {
                            audience: Some(audience),
                            org_kind: kind,
                            work_for_training_run: Some(true),
                            roster: Some(roster.clone()),
                            ..crate::Facts::default()
                        };
                        let report = evaluate(&facts, day);
                        for b in report.benefits.iter().filter(|b| {
                            b.audience == audience && b.status != crate::Status::NotForAudience
                        }) {
                            // An ended benefit asks nothing; one in force or unconfirmed (a lead) asks.
                            let asks = b.standing != crate::Standing::Ended;
                            for line in &b.estimate.breakdown {
                                if let Some(term) = line.missing {
                                    assert!(
                                        asks && fields.shows(term),
                                        "{}: {kind:?} on {day} asks for {term:?}, no box",
                                        b.id
                                    );
                                }
                            }
                            if !asks {
                                assert!(b.open_questions().is_empty(), "{} asks", b.id);
                            }
                        }
                    }
                }
            }
        }
    }
}

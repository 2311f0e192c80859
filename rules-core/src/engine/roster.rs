//! A roster of hires or placements, in groups: how many people of which identity, on what terms.
//! Organisations answer with a roster instead of one person's facts.

use crate::vocabulary::choices::{HireIdentity, PostKind};
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

/// Bounds for validation: larger numbers are refused with a message.
pub const MAX_COUNT: u32 = 100_000;
pub const MAX_MONTHS: u32 = 600;
pub const MAX_CONTRIBUTIONS: u32 = 1_000_000;
pub const MAX_HOURS: u32 = 744;

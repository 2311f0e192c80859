//! A roster of hires or placements, in groups: how many people of which identity, on what terms.
//! Organisations answer with a roster instead of one person's facts.

use crate::choices::HireIdentity;
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
        }
    }
}

/// Bounds for validation: larger numbers are refused with a message.
pub const MAX_COUNT: u32 = 100_000;
pub const MAX_MONTHS: u32 = 600;
pub const MAX_CONTRIBUTIONS: u32 = 1_000_000;
pub const MAX_HOURS: u32 = 744;

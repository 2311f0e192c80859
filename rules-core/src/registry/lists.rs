//! The registry's lists: every benefit family's benefits, in catalogue order, and their dated
//! tables. The one module that names every family: adding a benefit means adding it here.

use crate::benefits::{
    carriers, entrepreneurship, hiring, migrant_work, placement, public_posts, social_insurance,
    students, training, unemployment, workshops,
};
use crate::engine::rule::Benefit;
use crate::vocabulary::parameters::Parameter;

/// Every encoded benefit, in catalogue order.
pub fn benefits() -> impl Iterator<Item = &'static Benefit> + Clone {
    PERSON_BENEFITS.iter().chain(ORGANISATION_BENEFITS)
}

/// The benefits for persons, in the catalogue's order. Kept apart from the organisations' so that a
/// build that evaluates only persons ([`crate::registry::evaluate::evaluate_person`]) links none of their rules.
pub(crate) static PERSON_BENEFITS: &[Benefit] = PERSON_BENEFIT_LIST;

/// [`PERSON_BENEFITS`] as a constant, from which the catalogue takes its entries at compile time.
pub(crate) const PERSON_BENEFIT_LIST: &[Benefit] = &[
    migrant_work::JOB_SEARCH,
    migrant_work::SHANDONG_JOB_SEARCH,
    migrant_work::TRANSPORT,
    migrant_work::LU_YU,
    students::GRADUATE_JOB_SEARCH,
    students::STUDENT_JOB_SEARCH,
    social_insurance::FLEXIBLE_EMPLOYMENT,
    entrepreneurship::STARTUP_SUBSIDY,
    entrepreneurship::STARTUP_LOAN,
    entrepreneurship::STARTUP_TAX_RELIEF,
    training::VOCATIONAL_TRAINING,
    training::LIVING_ALLOWANCE,
    public_posts::RURAL_POST,
    unemployment::UNEMPLOYMENT_INSURANCE,
    students::YULU_PLAN,
    students::TECHNICAL_SCHOOL,
    unemployment::ASSISTANCE_SERVICES,
];

/// The benefits for employers, workshops, agencies and carriers, in the catalogue's order.
pub(crate) static ORGANISATION_BENEFITS: &[Benefit] = ORGANISATION_BENEFIT_LIST;

/// [`ORGANISATION_BENEFITS`] as a constant, for the catalogue.
pub(crate) const ORGANISATION_BENEFIT_LIST: &[Benefit] = &[
    hiring::HIRING_SUBSIDY,
    hiring::EMPLOYER_SOCIAL_INSURANCE,
    entrepreneurship::ENTERPRISE_LOAN,
    hiring::WORK_FOR_TRAINING,
    public_posts::POST_SUBSIDY,
    workshops::CONSTRUCTION_GRANT,
    workshops::EMPLOYMENT_AWARD,
    workshops::FEE_RELIEF,
    placement::PLACEMENT_SUBSIDY,
    carriers::ASSISTANCE_BASE_AWARD,
    carriers::INCUBATOR_SUBSIDY,
    carriers::RETURN_HOME_PARK_AWARD,
    carriers::LABOUR_BRAND_AWARD,
    carriers::HERITAGE_WORKSHOP,
    carriers::SERVICE_SUPERMARKET_AWARD,
];

/// The benefit-specific dated tables.
pub(crate) fn benefit_parameters() -> Vec<Parameter> {
    let mut all = migrant_work::parameters();
    all.extend(students::parameters());
    all.extend(social_insurance::parameters());
    all.extend(entrepreneurship::parameters());
    all.extend(training::parameters());
    all.extend(unemployment::parameters());
    all.extend(hiring::parameters());
    all.extend(placement::parameters());
    all.extend(workshops::parameters());
    all.extend(carriers::parameters());
    all
}

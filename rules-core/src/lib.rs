//! The Chongqing employment-assistance policy (渝人社〔2021〕237号 and the documents that implement it)
//! as pure code: facts in, an explained report out.
//!
//! Pure by construction: no IO, no clock (the evaluation date is an input), no browser APIs, no
//! randomness, no floats for money. It compiles natively and to wasm32 and never panics on any input.

pub mod catalogue;
pub mod checklist;
pub mod choices;
pub mod date;
pub mod describe;
pub mod districts;
pub mod documents;
pub mod evaluate;
pub mod facts;
pub mod input;
pub mod leads;
pub mod loans;
pub mod logic;
pub mod money;
pub mod notice;
pub mod org;
pub mod parameters;
pub mod questions;
pub mod roster;
pub mod sheet;
pub mod source;
pub mod standing;
pub mod totals;
pub mod validate;

// One module per family of benefits, named after what it is.
pub mod carriers;
pub mod entrepreneurship;
pub mod hiring;
pub mod migrant_work;
pub mod placement;
pub mod public_posts;
pub mod social_insurance;
pub mod students;
pub mod training;
pub mod unemployment;
pub mod workshops;

pub use catalogue::{Audience, CatalogueEntry, CATALOGUE};
pub use date::Date;
pub use evaluate::{
    evaluate, evaluate_brief, evaluate_person, BenefitReport, Outcome, Report, Status, Value,
};
pub use facts::{Answer, Facts, Q};
pub use standing::Standing;

use evaluate::Benefit;

/// Every encoded benefit, in catalogue order.
pub fn benefits() -> impl Iterator<Item = &'static Benefit> + Clone {
    PERSON_BENEFITS.iter().chain(ORGANISATION_BENEFITS)
}

/// The benefits for persons, in the catalogue's order. Kept apart from the organisations' so that a
/// build that evaluates only persons ([`evaluate::evaluate_person`]) links none of their rules.
pub(crate) static PERSON_BENEFITS: &[Benefit] = &PERSON_BENEFIT_LIST;

/// [`PERSON_BENEFITS`] as a constant, from which the catalogue takes its entries at compile time.
const PERSON_BENEFIT_LIST: [Benefit; 17] = [
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
pub(crate) static ORGANISATION_BENEFITS: &[Benefit] = &ORGANISATION_BENEFIT_LIST;

/// [`ORGANISATION_BENEFITS`] as a constant, for the catalogue.
const ORGANISATION_BENEFIT_LIST: [Benefit; 15] = [
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
pub(crate) fn benefit_parameters() -> Vec<parameters::Parameter> {
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

//! Every benefit's [`Guide`] (what to bring, where to apply), in the catalogue's order, beside the
//! benefit lists ([`crate::registry::lists`]). Kept apart from the rules so that a build that only
//! evaluates (the residents' questionnaire choosing its next question) links none of these texts:
//! only the results, the checklist, the pages and the command line read them, through
//! [`BenefitReport::guide`] and [`Benefit::guide`].

use crate::benefits::{
    carriers, entrepreneurship, hiring, migrant_work, placement, public_posts, social_insurance,
    students, training, unemployment, workshops,
};
use crate::engine::documents::{Guide, HowToApply, ASK_DISTRICT};
use crate::engine::report::BenefitReport;
use crate::engine::rule::Benefit;
use crate::vocabulary::catalogue::{Audience, CatalogueEntry};
use crate::vocabulary::source::Confidence;
use serde::Serialize;

/// The persons' guides, in the order of the persons' benefits (a test checks both lists agree).
static PERSON_GUIDES: &[Guide] = &[
    migrant_work::JOB_SEARCH_GUIDE,
    migrant_work::SHANDONG_JOB_SEARCH_GUIDE,
    migrant_work::TRANSPORT_GUIDE,
    migrant_work::LU_YU_GUIDE,
    students::GRADUATE_JOB_SEARCH_GUIDE,
    students::STUDENT_JOB_SEARCH_GUIDE,
    social_insurance::FLEXIBLE_EMPLOYMENT_GUIDE,
    entrepreneurship::STARTUP_SUBSIDY_GUIDE,
    entrepreneurship::STARTUP_LOAN_GUIDE,
    entrepreneurship::STARTUP_TAX_RELIEF_GUIDE,
    training::VOCATIONAL_TRAINING_GUIDE,
    training::LIVING_ALLOWANCE_GUIDE,
    public_posts::RURAL_POST_GUIDE,
    unemployment::UNEMPLOYMENT_INSURANCE_GUIDE,
    students::YULU_PLAN_GUIDE,
    students::TECHNICAL_SCHOOL_GUIDE,
    unemployment::ASSISTANCE_SERVICES_GUIDE,
];

/// The organisations' guides, in the order of the organisations' benefits.
static ORGANISATION_GUIDES: &[Guide] = &[
    hiring::HIRING_SUBSIDY_GUIDE,
    hiring::EMPLOYER_SOCIAL_INSURANCE_GUIDE,
    entrepreneurship::ENTERPRISE_LOAN_GUIDE,
    hiring::WORK_FOR_TRAINING_GUIDE,
    public_posts::POST_SUBSIDY_GUIDE,
    workshops::CONSTRUCTION_GRANT_GUIDE,
    workshops::EMPLOYMENT_AWARD_GUIDE,
    workshops::FEE_RELIEF_GUIDE,
    placement::PLACEMENT_SUBSIDY_GUIDE,
    carriers::ASSISTANCE_BASE_AWARD_GUIDE,
    carriers::INCUBATOR_SUBSIDY_GUIDE,
    carriers::RETURN_HOME_PARK_AWARD_GUIDE,
    carriers::LABOUR_BRAND_AWARD_GUIDE,
    carriers::HERITAGE_WORKSHOP_GUIDE,
    carriers::SERVICE_SUPERMARKET_AWARD_GUIDE,
];

/// Never shown while every benefit has its guide (tested): a lookup that finds nothing still says
/// whom to ask instead of failing.
static NO_GUIDE: Guide = Guide {
    benefit: "",
    documents: &[],
    apply: &HowToApply::at_district(ASK_DISTRICT, Confidence::Weak),
};

/// The guide of the benefit with this catalogue line, looked up among its audience's guides only.
pub fn of(entry: &CatalogueEntry) -> &'static Guide {
    let list = if entry.audience == Audience::Person {
        PERSON_GUIDES
    } else {
        ORGANISATION_GUIDES
    };
    list.iter()
        .find(|g| g.benefit == entry.id)
        .unwrap_or(&NO_GUIDE)
}

impl BenefitReport {
    /// What to bring and where to apply for this benefit.
    pub fn guide(&self) -> &'static Guide {
        of(self.entry)
    }
}

impl Benefit {
    /// What to bring and where to apply for this benefit.
    pub fn guide(&self) -> &'static Guide {
        of(&self.entry)
    }
}

/// The report's JSON (`subsidy-check evaluate`) carries its guide, looked up here; it keeps the entry's four fields at its top (`id`, `name`, `audience`, `clause`),
/// as before the report carried its entry: the CLI's output and its tests are unchanged.
impl Serialize for BenefitReport {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("BenefitReport", 14)?;
        out.serialize_field("id", self.entry.id)?;
        out.serialize_field("name", self.entry.name)?;
        out.serialize_field("audience", &self.entry.audience)?;
        out.serialize_field("clause", self.entry.clause)?;
        out.serialize_field("status", &self.status)?;
        out.serialize_field("conditions", &self.conditions)?;
        out.serialize_field("estimate", &self.estimate)?;
        out.serialize_field("documents", self.guide().documents)?;
        out.serialize_field("apply", self.guide().apply)?;
        out.serialize_field("validity", &self.validity)?;
        out.serialize_field("standing", &self.standing)?;
        out.serialize_field("rules_on", &self.rules_on)?;
        out.serialize_field("status_on_last_day", &self.status_on_last_day)?;
        out.serialize_field("not_combined_with", self.not_combined_with)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::lists::{ORGANISATION_BENEFITS, PERSON_BENEFITS};

    #[test]
    fn every_benefit_has_its_guide_in_the_same_order() {
        for (benefits, guides) in [
            (PERSON_BENEFITS, PERSON_GUIDES),
            (ORGANISATION_BENEFITS, ORGANISATION_GUIDES),
        ] {
            let ids: Vec<_> = guides.iter().map(|g| g.benefit).collect();
            let benefit_ids: Vec<_> = benefits.iter().map(|b| b.entry.id).collect();
            assert_eq!(ids, benefit_ids);
            for b in benefits {
                assert!(!std::ptr::eq(b.guide(), &NO_GUIDE), "{}", b.entry.id);
            }
        }
    }
}

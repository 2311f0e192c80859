//! The whole policy as data: every benefit with its clause, validity, documents and procedure, every
//! dated parameter, the documents catalogue, districts and questions. `subsidy-check catalogue` prints
//! it; the app's policy browser reads the same.

use crate::catalogue::{CatalogueEntry, CATALOGUE};
use crate::date::Date;
use crate::districts::{District, DISTRICTS, KEY_14, NATIONAL_KEY_4};
use crate::documents::{Document, DocumentNeed, Form, HowToApply, DOCUMENTS, HOTLINE};
use crate::evaluate::Validity;
use crate::facts::Q;
use crate::parameters::{self, Parameter};
use crate::questions::{question, Question};
use serde::Serialize;

/// A document need, with the document it names spelled out.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub document: Option<&'static Document>,
    pub id: &'static str,
    pub form: Form,
    pub form_label: &'static str,
    pub only_if: &'static str,
}

impl DocumentView {
    pub fn of(need: &DocumentNeed) -> DocumentView {
        DocumentView {
            document: crate::documents::find(need.document),
            id: need.document,
            form: need.form,
            form_label: need.form.label(),
            only_if: need.only_if,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BenefitDescription {
    #[serde(flatten)]
    pub entry: CatalogueEntry,
    /// False for benefits whose rules are not encoded yet (they are still listed, never hidden).
    pub encoded: bool,
    pub validity: Option<Validity>,
    pub documents: Vec<DocumentView>,
    /// "材料清单未公布 …" where no source publishes the list ([`crate::documents::list_unpublished`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents_note: Option<String>,
    pub apply: Option<&'static HowToApply>,
    pub not_combined_with: &'static [&'static str],
}

#[derive(Debug, Clone, Serialize)]
pub struct Description {
    pub notice: &'static crate::source::Source,
    pub notice_end: Date,
    pub hotline: &'static str,
    pub benefits: Vec<BenefitDescription>,
    pub parameters: Vec<Parameter>,
    pub documents: &'static [Document],
    pub districts: &'static [District],
    pub key_14_districts: &'static [&'static str],
    pub national_key_4_counties: &'static [&'static str],
    pub questions: Vec<Question>,
}

pub fn benefit(entry: &CatalogueEntry) -> BenefitDescription {
    let rules = crate::benefits().find(|b| b.entry.id == entry.id);
    BenefitDescription {
        entry: *entry,
        encoded: rules.is_some(),
        validity: rules.map(|b| b.validity),
        documents: rules
            .map(|b| b.documents.iter().map(DocumentView::of).collect())
            .unwrap_or_default(),
        documents_note: crate::documents::list_unpublished(entry.id),
        apply: rules.map(|b| b.apply),
        not_combined_with: rules.map_or(&[], |b| b.not_combined_with),
    }
}

/// Everything, with district-dependent question options as of `day`.
pub fn describe(day: Date) -> Description {
    Description {
        notice: &crate::source::NOTICE,
        notice_end: crate::source::NOTICE_END,
        hotline: HOTLINE,
        benefits: CATALOGUE.iter().map(benefit).collect(),
        parameters: parameters::all(),
        documents: DOCUMENTS,
        districts: DISTRICTS,
        key_14_districts: &KEY_14,
        national_key_4_counties: &NATIONAL_KEY_4,
        questions: Q::ALL
            .iter()
            .map(|q| question(*q, day, Vec::new()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_need_names_a_catalogued_document() {
        for b in crate::benefits() {
            for need in b.documents {
                assert!(
                    crate::documents::find(need.document).is_some(),
                    "{}: {}",
                    b.entry.id,
                    need.document
                );
            }
        }
        let d = describe(Date::ymd(2025, 1, 1));
        assert_eq!(d.benefits.len(), CATALOGUE.len());
        assert_eq!(
            d.benefits.iter().filter(|b| b.encoded).count(),
            crate::benefits().count()
        );
    }
}

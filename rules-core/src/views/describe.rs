//! The whole policy as data: every benefit with its clause, validity, documents and procedure, every
//! dated parameter, the documents catalogue, districts and questions. `subsidy-check catalogue` prints
//! it; the app's policy browser reads the same.

use crate::engine::documents::{Document, DocumentNeed, Form, HowToApply, DOCUMENTS, HOTLINE};
use crate::engine::facts::Q;
use crate::engine::questions::{question, Question};
use crate::registry::catalogue::{CatalogueEntry, CATALOGUE};
use crate::registry::parameters::{self, Parameter};
use crate::vocabulary::date::Date;
use crate::vocabulary::districts::{District, DISTRICTS, KEY_14, NATIONAL_KEY_4};
use crate::vocabulary::source::Source;
use crate::vocabulary::standing::Validity;
use rust_decimal::Decimal;
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
            document: crate::engine::documents::find(need.document),
            id: need.document,
            form: need.form,
            form_label: need.form.label(),
            only_if: need.only_if,
        }
    }
}

/// One value of a dated parameter, as its history shows it: from, until (the day before the next
/// value where the table leaves it open), the value as pages word it, its source and grade.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryRow {
    pub from: Date,
    pub until: Option<Date>,
    pub value: String,
    pub source: &'static Source,
    /// H, M or L (research.md's legend).
    pub grade: &'static str,
    pub note: &'static str,
}

/// A dated parameter's values over time.
#[derive(Debug, Clone, Serialize)]
pub struct ParameterHistory {
    pub id: &'static str,
    pub name: &'static str,
    pub rows: Vec<HistoryRow>,
}

/// "Was it always 500? When did it change?": every dated figure a benefit's rules read, from
/// [`parameters::all`] (the same values the rules use, nothing typed twice), with the benefit's
/// standing on the day and the date the sources were last checked (核对日期).
#[derive(Debug, Clone, Serialize)]
pub struct BenefitHistory {
    pub standing: String,
    pub checked: Date,
    pub parameters: Vec<ParameterHistory>,
}

/// A value as the history shows it: `500 元/人`, `3.85%`.
fn value_text(value: Decimal, unit: &str) -> String {
    if unit == "rate" {
        crate::vocabulary::money::format_rate(value)
    } else {
        format!("{} {unit}", crate::vocabulary::money::format_yuan(value))
    }
}

/// The history of one parameter: its rows in date order, each open end closed by the next row.
pub fn parameter_history(parameter: &Parameter) -> ParameterHistory {
    let values = parameter.values;
    let rows = values
        .iter()
        .enumerate()
        .map(|(i, dated)| HistoryRow {
            from: dated.from,
            until: dated
                .until
                .or_else(|| values.get(i + 1).map(|next| next.from.previous_day())),
            value: value_text(dated.value, parameter.unit),
            source: dated.source,
            grade: dated.source.confidence.letter(),
            note: dated.note,
        })
        .collect();
    ParameterHistory {
        id: parameter.id,
        name: parameter.name,
        rows,
    }
}

/// The history of a benefit's dated figures on `day` (its standing is that day's); `None` for an id
/// not in the catalogue's rules.
pub fn history(benefit: &str, day: Date) -> Option<BenefitHistory> {
    let rules = crate::registry::lists::benefits().find(|b| b.entry.id == benefit)?;
    Some(BenefitHistory {
        standing: rules.validity.summary(day),
        checked: crate::vocabulary::source::POLICY_CHECKED,
        parameters: parameters::all()
            .iter()
            .filter(|p| p.benefits.contains(&benefit))
            .map(parameter_history)
            .collect(),
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct BenefitDescription {
    #[serde(flatten)]
    pub entry: CatalogueEntry,
    /// False for benefits whose rules are not encoded yet (they are still listed, never hidden).
    pub encoded: bool,
    pub validity: Option<Validity>,
    pub documents: Vec<DocumentView>,
    /// "材料清单未公布 …" where no source publishes the list ([`crate::engine::documents::list_unpublished`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents_note: Option<String>,
    pub apply: Option<&'static HowToApply>,
    pub not_combined_with: &'static [&'static str],
    /// Every dated figure its rules read, with its history ([`history`]); `None` when not encoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<BenefitHistory>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Description {
    pub notice: &'static crate::vocabulary::source::Source,
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

/// A benefit's description, its standing (in its history) as of `day`.
pub fn benefit_on(entry: &CatalogueEntry, day: Date) -> BenefitDescription {
    BenefitDescription {
        history: history(entry.id, day),
        ..benefit(entry)
    }
}

/// A benefit's description without its history (no date needed).
pub fn benefit(entry: &CatalogueEntry) -> BenefitDescription {
    let rules = crate::registry::lists::benefits().find(|b| b.entry.id == entry.id);
    BenefitDescription {
        entry: *entry,
        encoded: rules.is_some(),
        validity: rules.map(|b| b.validity),
        documents: rules
            .map(|b| b.guide().documents.iter().map(DocumentView::of).collect())
            .unwrap_or_default(),
        documents_note: crate::engine::documents::list_unpublished(entry.id),
        apply: rules.map(|b| b.guide().apply),
        not_combined_with: rules.map_or(&[], |b| b.not_combined_with),
        history: None,
    }
}

/// Everything, with district-dependent question options as of `day`; each benefit's history gives
/// its standing on the day the sources were last checked (`source::POLICY_CHECKED`).
pub fn describe(day: Date) -> Description {
    Description {
        notice: &crate::vocabulary::source::NOTICE,
        notice_end: crate::vocabulary::source::NOTICE_END,
        hotline: HOTLINE,
        benefits: CATALOGUE
            .iter()
            .map(|e| benefit_on(e, crate::vocabulary::source::POLICY_CHECKED))
            .collect(),
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

    /// Issue 29: the catalogue's history of each benefit holds every parameter its rules read (from
    /// `parameters::all()`, nothing typed twice), every value with its dates, source and grade.
    #[test]
    fn every_parameter_appears_in_its_benefits_history_with_its_sources() {
        let d = describe(crate::vocabulary::source::POLICY_CHECKED);
        for parameter in parameters::all() {
            assert!(!parameter.benefits.is_empty(), "{}", parameter.id);
            for id in parameter.benefits {
                let b = d
                    .benefits
                    .iter()
                    .find(|b| b.entry.id == *id)
                    .unwrap_or_else(|| panic!("{}: no benefit {id}", parameter.id));
                let history = b.history.as_ref().expect("encoded benefits have a history");
                assert_eq!(history.checked, crate::vocabulary::source::POLICY_CHECKED);
                assert!(!history.standing.is_empty());
                let p = history
                    .parameters
                    .iter()
                    .find(|p| p.id == parameter.id)
                    .unwrap_or_else(|| panic!("{} not in {id}", parameter.id));
                assert_eq!(p.rows.len(), parameter.values.len());
                for (row, value) in p.rows.iter().zip(parameter.values) {
                    assert_eq!(row.from, value.from);
                    assert_eq!(row.source, value.source);
                    assert!(!row.source.document.is_empty());
                    assert_eq!(row.grade, value.source.confidence.letter());
                    if let Some(until) = row.until {
                        assert!(until >= row.from, "{} {:?}", parameter.id, row.from);
                    }
                }
                // Only the last row may stay open.
                assert!(p.rows[..p.rows.len() - 1].iter().all(|r| r.until.is_some()));
            }
        }
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.contains("\"history\"") && json.contains("\"grade\":\"M\""));
    }

    #[test]
    fn every_document_need_names_a_catalogued_document() {
        for b in crate::registry::lists::benefits() {
            for need in b.guide().documents {
                assert!(
                    crate::engine::documents::find(need.document).is_some(),
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
            crate::registry::lists::benefits().count()
        );
    }
}

//! One merged checklist for the benefits a user picks: each document once, naming every benefit that
//! needs it, how to bring it, what it proves, where to get it, accepted alternatives, and whether only
//! some of the benefits (or some applicants) need it. Plus the steps to apply, per benefit.

use crate::engine::documents::{self, Document, Form, HowToApply, HOTLINE};
use crate::engine::facts::Facts;
use crate::registry::evaluate::{BenefitReport, Report};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChecklistItem {
    pub document: &'static Document,
    /// Names of the selected benefits that ask for it, in catalogue order.
    pub needed_by: Vec<&'static str>,
    pub needed_by_ids: Vec<&'static str>,
    /// How to bring it: the most demanding form any benefit asks for.
    pub form: Form,
    /// True when every selected benefit needs it (and unconditionally).
    pub needed_by_all: bool,
    /// Conditions under which it is needed ("在市外就读的"), with the benefit they come from.
    pub only_if: Vec<String>,
    /// Needed only by leads (benefits whose continuation is unconfirmed): to have ready 如果继续执行.
    pub if_continued: bool,
}

impl ChecklistItem {
    /// Whether the user has to bring anything: documents the office checks in its systems are listed
    /// separately.
    pub fn to_bring(&self) -> bool {
        self.form != Form::CheckedInSystem
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplyGuide {
    pub id: &'static str,
    pub name: &'static str,
    pub apply: &'static HowToApply,
    /// A lead: applied for only if it continues ([`IF_CONTINUED`]).
    pub if_continued: bool,
}

/// The mark of what is needed only if a benefit whose continuation is unconfirmed continues.
pub const IF_CONTINUED: &str = "如果继续执行";

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    pub items: Vec<ChecklistItem>,
    pub guides: Vec<ApplyGuide>,
    pub hotline: &'static str,
}

/// Demand order: an original outranks a copy, which outranks showing, filling in, or a system check.
fn demand(form: Form) -> u8 {
    match form {
        Form::Original => 4,
        Form::Copy => 3,
        Form::Shown => 2,
        Form::FillIn => 1,
        Form::CheckedInSystem => 0,
    }
}

/// Merges the documents of the benefits in `selected` (ids), in the report's (catalogue) order,
/// knowing nothing of the person: every document that may be needed is listed.
pub fn merge(report: &Report, selected: &[&str]) -> Checklist {
    merge_for(report, &Facts::default(), selected)
}

/// Merges the documents of the benefits in `selected` (ids) for the person with these answers, in
/// the report's (catalogue) order: documents known not to concern them ([`documents::applicable`])
/// are left out; those that may, stay with their condition.
pub fn merge_for(report: &Report, facts: &Facts, selected: &[&str]) -> Checklist {
    let chosen: Vec<&BenefitReport> = report
        .benefits
        .iter()
        .filter(|b| selected.contains(&b.entry.id))
        .collect();
    let mut items: Vec<ChecklistItem> = Vec::new();
    for benefit in &chosen {
        for need in documents::applicable(benefit.guide().documents, facts) {
            let Some(document) = documents::find(need.document) else {
                continue;
            };
            let index = match items.iter().position(|i| i.document.id == document.id) {
                Some(index) => index,
                None => {
                    items.push(ChecklistItem {
                        document,
                        needed_by: Vec::new(),
                        needed_by_ids: Vec::new(),
                        form: need.form,
                        needed_by_all: false,
                        only_if: Vec::new(),
                        if_continued: true,
                    });
                    items.len() - 1
                }
            };
            let item = &mut items[index];
            item.if_continued &= is_lead(benefit);
            if !item.needed_by_ids.contains(&benefit.entry.id) {
                item.needed_by_ids.push(benefit.entry.id);
                item.needed_by.push(benefit.entry.name);
            }
            if demand(need.form) > demand(item.form) {
                item.form = need.form;
            }
            if !need.only_if.is_empty() {
                item.only_if
                    .push(format!("{}：{}", benefit.entry.name, need.only_if));
            }
        }
    }
    for item in &mut items {
        item.needed_by_all = item.needed_by_ids.len() == chosen.len() && item.only_if.is_empty();
    }
    Checklist {
        items,
        guides: chosen
            .iter()
            .map(|b| ApplyGuide {
                id: b.entry.id,
                name: b.entry.name,
                apply: b.guide().apply,
                if_continued: is_lead(b),
            })
            .collect(),
        hotline: HOTLINE,
    }
}

/// A benefit whose continuation is unconfirmed: its documents are kept ready in case it continues.
fn is_lead(b: &BenefitReport) -> bool {
    crate::views::leads::Lead::of(b).is_some()
}

impl Checklist {
    /// The documents the office checks in its own systems (一般不用带), by name.
    pub fn checked_by_office(&self) -> Vec<&'static str> {
        self.items
            .iter()
            .filter(|i| !i.to_bring())
            .map(|i| i.document.name)
            .collect()
    }

    /// The checklist as plain text, for pasting into a chat.
    pub fn to_plain_text(&self) -> String {
        let mut text = String::from("【申请材料清单】\n");
        let mut number = 0;
        for item in self.items.iter().filter(|i| i.to_bring()) {
            number += 1;
            text.push_str(&format!(
                "{number}. {}（{}）",
                item.document.name,
                item.form.label()
            ));
            if !item.needed_by_all {
                text.push_str(&format!("——用于：{}", item.needed_by.join("、")));
            }
            if item.if_continued {
                text.push_str(&format!("（{IF_CONTINUED}）"));
            }
            text.push('\n');
            for condition in &item.only_if {
                text.push_str(&format!("   仅限：{condition}\n"));
            }
            if !item.document.details().alternatives.is_empty() {
                text.push_str(&format!(
                    "   也可用：{}\n",
                    item.document.details().alternatives
                ));
            }
        }
        let checked = self.checked_by_office();
        if !checked.is_empty() {
            text.push_str(&format!(
                "办事窗口在系统里查，一般不用带：{}\n",
                checked.join("、")
            ));
        }
        text.push_str("\n【到哪里办】\n");
        for guide in &self.guides {
            let mark = if guide.if_continued {
                format!("（{IF_CONTINUED}，先问清楚今年还办不办）")
            } else {
                String::new()
            };
            text.push_str(&format!("· {}{mark}：{}", guide.name, guide.apply.office));
            if !guide.apply.online.is_empty() {
                text.push_str(&format!("；网上：{}", guide.apply.online));
            }
            text.push('\n');
        }
        text.push_str(&format!(
            "\n以上为预估，最终{}。咨询电话：{}\n",
            crate::vocabulary::source::REVIEWED_BY,
            self.hotline
        ));
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{registry::evaluate::evaluate, vocabulary::date::Date};

    fn report() -> Report {
        let facts: Facts = Facts {
            audience: Some(crate::vocabulary::catalogue::Audience::Person),
            ..Facts::default()
        };
        evaluate(&facts, Date::ymd(2025, 6, 1))
    }

    #[test]
    fn a_document_needed_by_three_benefits_appears_once_and_names_all_three() {
        let report = report();
        let selected = [
            "job-search-subsidy",
            "startup-guaranteed-loan",
            "rural-public-welfare-post",
        ];
        let list = merge(&report, &selected);
        let id_cards: Vec<&ChecklistItem> = list
            .items
            .iter()
            .filter(|i| i.document.id == "id-card")
            .collect();
        assert_eq!(id_cards.len(), 1);
        assert_eq!(id_cards[0].needed_by_ids, selected.to_vec());
        assert_eq!(id_cards[0].needed_by.len(), 3);
        assert!(id_cards[0].needed_by_all);
        assert_eq!(list.guides.len(), 3);
    }

    #[test]
    fn alternatives_and_conditions_are_kept_and_partial_needs_marked() {
        let report = report();
        let list = merge(&report, &["job-search-subsidy", "yulu-plan-subsidy"]);
        let id_card = list
            .items
            .iter()
            .find(|i| i.document.id == "id-card")
            .unwrap();
        assert!(id_card
            .document
            .details()
            .alternatives
            .contains("社会保障卡"));
        // 雨露计划 asks for a copy, the job-search subsidy only to show it: the copy wins.
        assert_eq!(id_card.form, Form::Copy);
        let study = list
            .items
            .iter()
            .find(|i| i.document.id == "study-proof")
            .unwrap();
        assert!(!study.needed_by_all);
        assert!(study.only_if[0].contains("市外"));
        let text = list.to_plain_text();
        for item in list.items.iter().filter(|i| i.to_bring()) {
            assert!(text.contains(item.document.name), "{}", item.document.name);
        }
        assert!(text.contains("12333"));
    }

    #[test]
    fn order_is_stable_and_follows_the_catalogue() {
        let report = report();
        let a = merge(&report, &["yulu-plan-subsidy", "job-search-subsidy"]);
        let b = merge(&report, &["job-search-subsidy", "yulu-plan-subsidy"]);
        assert_eq!(a, b);
        assert_eq!(a.items[0].document.id, "form-job-search-subsidy");
        assert!(merge(&report, &[]).items.is_empty());
    }

    fn person(facts: Facts) -> (Report, Facts) {
        let facts = Facts {
            audience: Some(crate::vocabulary::catalogue::Audience::Person),
            ..facts
        };
        (evaluate(&facts, Date::ymd(2025, 6, 1)), facts)
    }

    /// Benefits that may ask for a 残疾人证 or a 退伍证.
    const PICKS: [&str; 4] = [
        "graduate-job-search-subsidy",
        "student-job-search-subsidy",
        "startup-subsidy",
        "startup-guaranteed-loan",
    ];

    fn has(list: &Checklist, id: &str) -> bool {
        list.items.iter().any(|i| i.document.id == id)
    }

    #[test]
    fn documents_that_do_not_concern_the_person_are_left_out() {
        let (report, facts) = person(Facts {
            disabled: Some(false),
            family_disabled: Some(false),
            veteran: Some(false),
            dibao: Some(false),
            ..Facts::default()
        });
        let picks: Vec<&str> = PICKS
            .into_iter()
            .filter(|id| report.benefit(id).is_some())
            .collect();
        let list = merge_for(&report, &facts, &picks);
        assert!(!has(&list, "disability-certificate"), "{list:?}");
        assert!(!has(&list, "veteran-discharge-certificate"));
        assert!(!has(&list, "dibao-certificate"));
        assert!(!list.to_plain_text().contains("残疾人证"));
        assert!(!list.to_plain_text().contains("退伍证"));
        // Documents everyone needs stay.
        assert!(has(&list, "id-card"));
        // Knowing nothing, they are all listed, with their condition.
        let unknown = merge(&report, &picks);
        assert!(has(&unknown, "disability-certificate"));
        assert!(has(&unknown, "veteran-discharge-certificate"));
    }

    #[test]
    fn a_disabled_person_keeps_the_disability_certificate_and_unknown_keeps_the_note() {
        let (report, facts) = person(Facts {
            disabled: Some(true),
            veteran: Some(false),
            ..Facts::default()
        });
        let list = merge_for(&report, &facts, &PICKS);
        assert!(has(&list, "disability-certificate"));
        assert!(!has(&list, "veteran-discharge-certificate"));
        // Nothing said about the army: the 退伍证 stays, with who needs it.
        let (report, facts) = person(Facts::default());
        let list = merge_for(&report, &facts, &PICKS);
        let veteran = list
            .items
            .iter()
            .find(|i| i.document.id == "veteran-discharge-certificate")
            .unwrap();
        assert!(!veteran.needed_by_all);
        assert!(veteran.only_if.iter().any(|c| c.contains("退役军人")));
    }

    #[test]
    fn a_lead_s_documents_are_marked_for_if_it_continues() {
        let facts: Facts = serde_json::from_str(
            r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,
            "activity":"employee","work-place":"shandong","work-since":"2026-08-01",
            "job-search-received":false,"looking-for-work":true,"age":35}"#,
        )
        .expect("valid facts");
        let report = crate::registry::evaluate::evaluate_person(&facts, Date::ymd(2026, 12, 7));
        let lead = "shandong-job-search-subsidy";
        let alone = merge_for(&report, &facts, &[lead]);
        assert!(!alone.items.is_empty(), "a lead's checklist is not empty");
        assert!(alone.items.iter().all(|i| i.if_continued));
        assert!(alone.guides.iter().all(|g| g.if_continued));
        assert!(alone.to_plain_text().contains(IF_CONTINUED));
        // Beside a benefit in force, a document both need is needed now, not only if it continues.
        let both = merge_for(&report, &facts, &[lead, "employment-assistance-services"]);
        let shared: Vec<_> = both
            .items
            .iter()
            .filter(|i| i.needed_by_ids.len() == 2)
            .collect();
        assert!(shared.iter().all(|i| !i.if_continued));
    }
}

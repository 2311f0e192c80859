//! Issue 29, items 10–13: sources shown no stronger than they are, and the wording that goes with them.

use rules_core::source::Confidence;
use rules_core::{evaluate, Date, Facts};

fn facts(json: &str) -> Facts {
    serde_json::from_str(json).expect("valid facts")
}

/// Item 11: before 2024 the individual's interest split rests on a repost (research.md §2.8: L), the
/// enterprise's on 服务包2023 (H; the estimate is M for the LPR's news report).
#[test]
fn the_pre_2024_individual_interest_split_is_graded_l() {
    let person = facts(
        r#"{"audience":"person","poverty-status":"alleviated","age":35,"activity":"own-business",
        "business-kind":"individual","business-since":"2022-01-01","other-loans":false,"bad-credit":false,
        "work-place":"own-district","hukou-chongqing":true,"business-district":"wanzhou",
        "loan-amount":"200000","loan-term-years":3,"loan-contract-date":"2023-07-01"}"#,
    );
    let report = evaluate(&person, Date::ymd(2023, 7, 1));
    let loan = report.benefit("startup-guaranteed-loan").unwrap();
    assert!(
        matches!(loan.estimate.value, rules_core::Value::Amount { .. }),
        "{:?}",
        loan.estimate
    );
    assert_eq!(loan.estimate.confidence, Confidence::Weak);
    assert!(loan.estimate.steps.iter().any(|s| s.contains("待核实")));

    let enterprise = facts(
        r#"{"audience":"employer","org-kind":"enterprise","org-size":"small","org-district":"wanzhou",
        "org-staff":30,"org-no-arrears":true,"loan-amount":"2000000","loan-term-years":2,
        "roster":[{"identity":"poverty","count":5,"contract-months":12}]}"#,
    );
    let report = evaluate(&enterprise, Date::ymd(2023, 7, 1));
    let loan = report.benefit("enterprise-guaranteed-loan").unwrap();
    assert_eq!(loan.estimate.confidence, Confidence::Secondary);
}

/// Item 12: where the research marks the document list UNKNOWN, the catalogue says 材料清单未公布 and
/// whom to ask.
#[test]
fn unpublished_document_lists_say_so() {
    for id in ["graduate-job-search-subsidy", "rural-public-welfare-post"] {
        let entry = rules_core::catalogue::find(id).unwrap();
        let note = rules_core::describe::benefit(entry).documents_note.unwrap();
        assert!(
            note.starts_with("材料清单未公布") && note.contains("确认"),
            "{note}"
        );
    }
    let entry = rules_core::catalogue::find("job-search-subsidy").unwrap();
    assert!(rules_core::describe::benefit(entry)
        .documents_note
        .is_none());
}

/// Item 13: 免申即享 for the transport subsidy is said of 合川 (and 巴南's reposted guide), never of
/// "most districts", and the procedure is not marked 免申即享 for everyone.
#[test]
fn transport_is_not_said_to_be_automatic_everywhere() {
    let transport = rules_core::benefits()
        .find(|b| b.entry.id == "cross-region-transport-subsidy")
        .unwrap();
    assert!(!transport.guide().apply.automatic);
    assert!(transport.guide().apply.steps.contains("合川区"));
    let facts = facts(
        r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,"age":30,
        "labour-capacity":"full","activity":"employee","work-place":"other-province",
        "transport-received":false,"has-tickets":false}"#,
    );
    let report = evaluate(&facts, Date::ymd(2025, 6, 1));
    let b = report.benefit("cross-region-transport-subsidy").unwrap();
    assert!(!b.estimate.note.contains("多数区县"), "{}", b.estimate.note);
}

//! Golden policy cases, as data (tests/golden/**/*.json at the workspace root), in the style of
//! OpenFisca's YAML tests. Each file holds the cases of one benefit: a `base` answers object and cases
//! that override it (a `null` removes an answer), each naming the clause it tests and its kind
//! (eligible, ineligible, boundary, unknown, ended, audience). One `check` runs them all; every
//! benefit has cases on 2025-12-31 and on 2026-12-01, and an `expect` with an unknown key fails.

use rules_core::{evaluate, Date, Facts, Status};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const KINDS_REQUIRED: [&str; 4] = ["eligible", "ineligible", "boundary", "unknown"];

/// Every benefit is tested on the notice's last day and on the day its standing was last checked
/// (`source::POLICY_CHECKED`), so a change of standing cannot slip through.
const DATES_REQUIRED: [&str; 2] = ["2025-12-31", "2026-12-01"];

/// The keys an `expect` may have: any other (a typo) is an error, never silently ignored.
const EXPECT_KEYS: [&str; 10] = [
    "status",
    "standing",
    "status_on_last_day",
    "value",
    "amount",
    "max",
    "unit",
    "not_met",
    "asks",
    "step_contains",
];

fn golden_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("golden directory readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn merged(base: &Map<String, Value>, overrides: Option<&Value>) -> Value {
    let mut facts = base.clone();
    if let Some(Value::Object(changes)) = overrides {
        for (key, value) in changes {
            if value.is_null() {
                facts.remove(key);
            } else {
                facts.insert(key.clone(), value.clone());
            }
        }
    }
    Value::Object(facts)
}

fn status_id(status: Status) -> String {
    serde_json::to_value(status)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// Runs one case; returns a description of every mismatch.
fn check(benefit: &str, case: &Value, base: &Map<String, Value>) -> Vec<String> {
    let name = case["name"].as_str().unwrap_or("(unnamed)");
    let mut problems = Vec::new();
    let as_of = Date::parse(case["as_of"].as_str().expect("as_of")).expect("valid as_of");
    let facts: Facts = serde_json::from_value(merged(base, case.get("facts")))
        .unwrap_or_else(|e| panic!("{benefit} / {name}: facts do not parse: {e}"));
    let report = evaluate(&facts, as_of);
    let Some(result) = report.benefit(benefit) else {
        return vec![format!(
            "{benefit} / {name}: benefit missing from the report"
        )];
    };
    let expect = &case["expect"];
    let mut fail = |what: String| problems.push(format!("{benefit} / {name}: {what}"));
    match expect.as_object() {
        Some(keys) => {
            for key in keys.keys() {
                if !EXPECT_KEYS.contains(&key.as_str()) {
                    fail(format!("unknown expect key {key:?}"));
                }
            }
        }
        None => fail("expect must be an object".to_string()),
    }
    // The case's clause must be one the benefit rests on: its notice clause, a condition's, or the
    // basis of its standing.
    let clause = case["clause"].as_str().unwrap_or_default();
    let cited = result.entry.clause.contains(clause)
        || result.validity.basis.contains(clause)
        || result.conditions.iter().any(|c| c.clause.contains(clause));
    // A build without texts (rules-core's `texts` off, as the residents' first load is built) must
    // decide every case the same; it keeps no words to cite, and it must keep none.
    if !rules_core::source::TEXTS {
        let mut words: Vec<String> = result
            .conditions
            .iter()
            .filter(|c| !(c.message.is_empty() && c.requirement.is_empty() && c.clause.is_empty()))
            .map(|c| {
                format!(
                    "condition {}: {:?} {:?} {:?}",
                    c.id, c.message, c.requirement, c.clause
                )
            })
            .collect();
        let e = &result.estimate;
        if !(e.steps.is_empty() && e.note.is_empty() && e.sources.is_empty()) {
            words.push(format!(
                "estimate: {:?} {:?} {:?}",
                e.steps,
                e.note,
                e.sources.len()
            ));
        }
        if !result.validity.basis.is_empty() {
            words.push(format!("standing: {}", result.validity.basis));
        }
        if !words.is_empty() {
            fail(format!(
                "a build without texts wrote words: {}",
                words.join("; ")
            ));
        }
    } else if !cited {
        fail(format!("clause {clause:?} is not one this benefit cites"));
    }
    if let Some(standing) = expect.get("standing") {
        let actual = serde_json::to_value(result.standing).unwrap();
        if &actual != standing {
            fail(format!("standing {actual}, expected {standing}"));
        }
    }
    if let Some(last) = expect.get("status_on_last_day") {
        let actual = serde_json::to_value(result.status_on_last_day).unwrap();
        if &actual != last {
            fail(format!("status on the last day {actual}, expected {last}"));
        }
    }
    let status = status_id(result.status);
    if expect["status"].as_str() != Some(status.as_str()) {
        fail(format!("status {status}, expected {}", expect["status"]));
    }
    let value = serde_json::to_value(&result.estimate.value).unwrap();
    if let Some(kind) = expect.get("value") {
        if &value["kind"] != kind {
            fail(format!("value kind {}, expected {kind}", value["kind"]));
        }
    }
    if let Some(amount) = expect.get("amount") {
        if &value["amount"] != amount {
            fail(format!(
                "amount {}, expected {amount}; steps {:?}",
                value["amount"], result.estimate.steps
            ));
        }
    }
    if let Some(max) = expect.get("max") {
        if &value["max"] != max {
            fail(format!("max {}, expected {max}", value["max"]));
        }
    }
    if let Some(unit) = expect.get("unit") {
        let shown = value.get("unit").cloned().unwrap_or(Value::Null);
        if &shown != unit {
            fail(format!("unit {shown}, expected {unit}"));
        }
    }
    if let Some(ids) = expect.get("not_met") {
        let expected: BTreeSet<&str> = ids
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let actual: BTreeSet<&str> = result
            .conditions
            .iter()
            .filter(|c| c.outcome == rules_core::Outcome::NotMet)
            .map(|c| c.id)
            .collect();
        if expected != actual {
            fail(format!(
                "conditions not met {actual:?}, expected {expected:?}"
            ));
        }
    }
    if let Some(ids) = expect.get("asks") {
        let expected: BTreeSet<&str> = ids
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let actual: BTreeSet<&str> = result.open_questions().iter().map(|q| q.id()).collect();
        if expected != actual {
            fail(format!("open questions {actual:?}, expected {expected:?}"));
        }
    }
    if let Some(text) = expect
        .get("step_contains")
        .and_then(Value::as_str)
        .filter(|_| rules_core::source::TEXTS)
    {
        if !result.estimate.steps.iter().any(|s| s.contains(text)) {
            fail(format!(
                "no step contains {text:?}: {:?}",
                result.estimate.steps
            ));
        }
    }
    problems
}

#[test]
fn golden_cases() {
    let files = golden_files();
    assert!(!files.is_empty(), "no golden files found");
    let mut problems = Vec::new();
    let mut covered = BTreeSet::new();
    let mut total = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).expect("readable golden file");
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: invalid JSON: {e}", path.display()));
        let benefit = doc["benefit"].as_str().expect("benefit id");
        assert!(
            rules_core::catalogue::find(benefit).is_some(),
            "{benefit}: not in the catalogue"
        );
        let base = doc["base"].as_object().cloned().unwrap_or_default();
        let mut kinds = BTreeSet::new();
        let mut dates = BTreeSet::new();
        for case in doc["cases"].as_array().expect("cases") {
            assert!(
                case["clause"].as_str().is_some_and(|c| !c.is_empty()),
                "{benefit} / {}: each case names its clause",
                case["name"]
            );
            kinds.insert(case["kind"].as_str().expect("kind").to_string());
            dates.insert(case["as_of"].as_str().unwrap_or_default().to_string());
            problems.extend(check(benefit, case, &base));
            total += 1;
        }
        for kind in KINDS_REQUIRED {
            assert!(kinds.contains(kind), "{benefit}: no {kind} case");
        }
        for date in DATES_REQUIRED {
            assert!(dates.contains(date), "{benefit}: no case on {date}");
        }
        covered.insert(benefit.to_string());
    }
    for entry in rules_core::CATALOGUE {
        assert!(covered.contains(entry.id), "{}: no golden file", entry.id);
    }
    assert!(
        problems.is_empty(),
        "{} of {total} golden cases failed:\n{}",
        problems.len(),
        problems.join("\n")
    );
    println!("{total} golden cases passed");
}

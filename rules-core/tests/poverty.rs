//! Issue 29, item 1: a 监测对象 whose risk is marked eliminated is 脱贫人口 exactly when the household is
//! also a 脱贫户, and every rule and every document test reads that answer one way. For every person
//! case of the golden files (their `base` answers), on a day in the notice's period and on the day the
//! standing was last checked: "risk eliminated, 脱贫户" decides every benefit as "脱贫人口" does, and
//! "risk eliminated, not a 脱贫户" as "neither" does. The one exception is the 技工院校 grant, which
//! the sources give to 建档立卡（脱贫）students only, so it follows the household answer for every
//! 监测对象 (item 9).

use rules_core::{evaluate, Date, Facts};
use serde_json::Value;
use std::path::Path;

fn bases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden/persons");
    let mut bases = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        bases.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            file["base"].clone(),
        ));
    }
    bases
}

fn with(base: &Value, status: &str, household: Option<bool>) -> Facts {
    let mut facts = base.clone();
    facts["poverty-status"] = Value::from(status);
    if let Some(household) = household {
        facts["poverty-household"] = Value::from(household);
    }
    serde_json::from_value(facts).unwrap()
}

fn outcomes(facts: &Facts, day: Date) -> Vec<(&'static str, String, String)> {
    evaluate(facts, day)
        .benefits
        .iter()
        .map(|b| {
            (
                b.entry.id,
                b.status.id().to_string(),
                format!("{:?}", b.estimate.value),
            )
        })
        .collect()
}

#[test]
fn risk_eliminated_follows_the_household_answer_in_every_rule() {
    for (file, base) in bases() {
        for day in [Date::ymd(2025, 9, 1), Date::ymd(2026, 12, 1)] {
            for (household, same_as) in [(true, "alleviated"), (false, "none")] {
                let eliminated = outcomes(
                    &with(&base, "monitored-risk-eliminated", Some(household)),
                    day,
                );
                let reference = outcomes(&with(&base, same_as, Some(household)), day);
                assert_eq!(
                    eliminated, reference,
                    "{file} on {day:?}, 脱贫户 {household}"
                );
            }
        }
    }
}

#[test]
fn a_monitored_person_is_poor_whatever_the_household_except_for_the_technical_grant() {
    for (file, base) in bases() {
        let day = Date::ymd(2025, 9, 1);
        for household in [true, false] {
            let monitored = outcomes(&with(&base, "monitored", Some(household)), day);
            let alleviated = outcomes(&with(&base, "alleviated", Some(household)), day);
            for (m, a) in monitored.iter().zip(&alleviated) {
                if m.0 == "technical-school-student-aid" && !household {
                    assert_ne!(m.2, a.2, "{file}: the grant is for 脱贫户 students only");
                } else {
                    assert_eq!(m, a, "{file}: {}", m.0);
                }
            }
        }
    }
}

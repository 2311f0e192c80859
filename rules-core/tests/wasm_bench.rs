//! Evaluation speed in the browser's WebAssembly engine (headless Chromium). Run by `cargo xtask
//! bench`, not by the test command: it prints a figure and checks a budget.
#![cfg(target_arch = "wasm32")]

use rules_core::{evaluate, Date, Facts};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Per evaluation, in the browser; the native budget is 1 ms, the browser gets some slack.
const BUDGET_MS: f64 = 2.0;

fn profiles() -> [(&'static str, Facts); 2] {
    let typical = r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,"hukou-district":"wanzhou",
        "age":42,"activity":"employee","work-place":"other-province","work-since":"2025-02-01"}"#;
    let employer = r#"{"audience":"employer","org-kind":"enterprise","org-size":"small","org-district":"wanzhou",
        "org-staff":50,"org-no-arrears":true,"loan-amount":"2000000","roster":[
        {"identity":"poverty","count":4,"contract-months":24,"insured-months":14,"still-insured":true,"employer-contributions":"9000","subsidised-months":0},
        {"identity":"graduate","count":3,"contract-months":12,"insured-months":7}]}"#;
    [
        (
            "typical",
            serde_json::from_str(typical).expect("typical profile"),
        ),
        (
            "employer",
            serde_json::from_str(employer).expect("employer profile"),
        ),
    ]
}

#[wasm_bindgen_test]
fn evaluations_per_second_in_the_browser() {
    let as_of = Date::ymd(2025, 6, 1);
    for (name, facts) in profiles() {
        for _ in 0..50 {
            std::hint::black_box(evaluate(&facts, as_of));
        }
        let runs = 2000;
        let start = js_sys::Date::now();
        for _ in 0..runs {
            std::hint::black_box(evaluate(std::hint::black_box(&facts), as_of));
        }
        let each_ms = (js_sys::Date::now() - start) / f64::from(runs);
        console_log!(
            "bench wasm/{name}: {:.0} evaluations/s, {:.1} µs each (budget {} µs)",
            1000.0 / each_ms,
            each_ms * 1000.0,
            BUDGET_MS * 1000.0
        );
        assert!(each_ms < BUDGET_MS, "{name}: {each_ms} ms per evaluation");
    }
}

//! 准备申请材料 in a real (headless) browser: the merged list rules-core computes, tick-off with
//! progress, ticks saved on the phone and cleared with the answers, damaged saved ticks ignored.
#![cfg(target_arch = "wasm32")]

use app::state::AppState;
use app::ui::checklist::{ticks_from_json, ticks_to_json, ChecklistPage, TICKS_KEY};
use leptos::prelude::*;
use rules_core::checklist::merge_for;
use rules_core::{Date, Facts, Status};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DAY: Date = Date::ymd(2025, 7, 1);

/// A returning entrepreneur lifted out of poverty: three benefits 可以申请.
const FACTS: &str = r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,
"hukou-district":"wanzhou","age":38,"activity":"own-business","business-kind":"individual",
"first-business":true,"business-since":"2023-06-01","business-employees":3,
"unemployed-before-start":true,"startup-subsidy-received":false,"work-place":"own-district",
"bad-credit":false,"other-loans":false,"loan-amount":"300000","loan-term-years":3}"#;

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn mount() -> (AppState, web_sys::HtmlElement, impl Drop) {
    let state = AppState::new(DAY, DAY);
    let facts: Facts = serde_json::from_str(FACTS).expect("facts");
    state.session.update(|s| s.facts = facts);
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host: web_sys::HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    doc.body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <ChecklistPage/> }
    });
    (state, host, handle)
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlInputElement> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("selector")
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_merged_list_ticks_off_and_keeps_its_ticks() {
    storage().remove_item(TICKS_KEY).expect("clear");
    let (state, host, handle) = mount();
    let report = state.report.get_untracked();
    let eligible: Vec<&str> = report
        .benefits
        .iter()
        .filter(|b| b.status == Status::Eligible)
        .map(|b| b.entry.id)
        .collect();
    assert_eq!(eligible.len(), 3, "three benefits 可以申请");

    // 可以申请 preselected, 还需确认 offered unticked.
    let picks = all(&host, "input[data-pick]");
    let checked: Vec<String> = picks
        .iter()
        .filter(|i| i.checked())
        .filter_map(|i| i.get_attribute("data-pick"))
        .collect();
    assert_eq!(checked, eligible);
    assert!(picks.len() > 3, "还需确认 ones can be picked too");

    // One row per document to bring, each once, as rules-core merges them for these answers.
    let list = state
        .session
        .with_untracked(|s| merge_for(&report, &s.facts, &eligible));
    let bring: Vec<&str> = list
        .items
        .iter()
        .filter(|i| i.to_bring())
        .map(|i| i.document.id)
        .collect();
    let boxes = all(&host, "input[data-doc]");
    let shown: Vec<String> = boxes
        .iter()
        .filter_map(|i| i.get_attribute("data-doc"))
        .collect();
    assert_eq!(shown, bring);
    let total = bring.len();
    assert!(total >= 3);
    assert_eq!(
        text(&host, "#checklist-progress"),
        format!("已备齐 0/{total}")
    );
    for guide in &list.guides {
        assert_eq!(
            host.query_selector_all(&format!(".guide[data-benefit=\"{}\"]", guide.id))
                .expect("selector")
                .length(),
            1
        );
    }
    assert!(text(&host, ".disclaimer").contains("12333"));

    // Tick two: progress, saved.
    boxes[0].click();
    boxes[1].click();
    leptos::task::tick().await;
    assert_eq!(
        text(&host, "#checklist-progress"),
        format!("已备齐 2/{total}")
    );
    let saved = storage().get_item(TICKS_KEY).ok().flatten().expect("saved");
    assert_eq!(ticks_from_json(&saved), vec![bring[0], bring[1]]);
    drop(handle);
    host.remove();

    // Again: still ticked.
    let (_, host, handle) = mount();
    let boxes = all(&host, "input[data-doc]");
    assert!(boxes[0].checked() && boxes[1].checked() && !boxes[2].checked());
    assert_eq!(
        text(&host, "#checklist-progress"),
        format!("已备齐 2/{total}")
    );

    // Unpicking every benefit empties the list.
    for pick in all(&host, "input[data-pick]:checked") {
        pick.click();
    }
    leptos::task::tick().await;
    assert_eq!(all(&host, "input[data-doc]").len(), 0);
    assert!(host
        .query_selector("#checklist-empty")
        .expect("selector")
        .is_some());
    drop(handle);
    host.remove();

    // 重新开始 / 清除我的数据 forget the ticks.
    app::storage::clear_person();
    assert!(storage().get_item(TICKS_KEY).ok().flatten().is_none());
}

#[wasm_bindgen_test]
async fn damaged_saved_ticks_are_ignored() {
    for bad in [
        "",
        "{",
        "null",
        "[]",
        "{\"version\":2,\"ticked\":[\"id-card\"]}",
        "{\"version\":1,\"ticked\":\"id-card\"}",
        "{\"version\":1,\"ticked\":[1,null,{}]}",
    ] {
        assert!(ticks_from_json(bad).is_empty(), "{bad}");
    }
    assert_eq!(
        ticks_from_json("{\"version\":1,\"ticked\":[\"no-such\",\"id-card\",\"id-card\"]}"),
        vec!["id-card"]
    );
    assert_eq!(
        ticks_from_json(&ticks_to_json(&["id-card"])),
        vec!["id-card"]
    );

    storage().set_item(TICKS_KEY, "{\"ticked\":").expect("set");
    let (_, host, handle) = mount();
    assert!(all(&host, "input[data-doc]:checked").is_empty());
    assert!(text(&host, "#checklist-progress").starts_with("已备齐 0/"));
    drop(handle);
    host.remove();
    storage().remove_item(TICKS_KEY).expect("clear");
}

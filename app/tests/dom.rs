//! The landing page mounted in a real (headless) browser: choosing an audience shows its benefits.
#![cfg(target_arch = "wasm32")]

use app::landing::{Landing, PANEL_HEADING_ID};
use leptos::prelude::*;
use rules_core::{catalogue, Audience};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::host;

wasm_bindgen_test_configure!(run_in_browser);

fn text_of(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

fn click(root: &web_sys::Element, selector: &str) {
    let el: web_sys::HtmlElement = root
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into();
    el.click();
}

#[wasm_bindgen_test]
async fn choosing_each_audience_lists_its_benefits() {
    let host = host();
    let day = rules_core::Date::ymd(2025, 6, 20);
    let state = app::state::AppState::new(day, day);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <Landing/> }
    });

    // Four choices, labelled from rules-core, none pressed, no panel yet.
    assert_eq!(
        text_of(&host, ".choice-label"),
        Audience::ALL.map(|a| a.label().to_string()).to_vec()
    );
    assert_eq!(text_of(&host, "[aria-pressed=true]").len(), 0);
    assert!(host
        .query_selector("#benefits")
        .expect("selector")
        .is_none());

    for audience in Audience::ALL {
        click(&host, &format!("#choice-{}", audience.id()));
        leptos::task::tick().await;

        let expected: Vec<_> = catalogue::for_audience(audience).collect();
        assert!(!expected.is_empty());
        assert_eq!(
            state.route.get_untracked(),
            app::route::Route::Landing(Some(audience))
        );
        assert_eq!(
            text_of(&host, &format!("#{PANEL_HEADING_ID}")),
            vec![format!("与您相关的政策（{} 项）", expected.len())]
        );
        assert_eq!(
            text_of(&host, ".benefit-name"),
            expected
                .iter()
                .map(|e| e.name.to_string())
                .collect::<Vec<_>>()
        );
        assert_eq!(
            text_of(&host, ".benefit-clause"),
            expected.iter().map(|e| e.citation()).collect::<Vec<_>>()
        );
        // Exactly the chosen button is pressed.
        let pressed = host
            .query_selector_all("[aria-pressed=true]")
            .expect("selector");
        assert_eq!(pressed.length(), 1);
        let pressed: web_sys::Element = pressed.item(0).expect("one").unchecked_into();
        assert_eq!(pressed.id(), format!("choice-{}", audience.id()));
    }

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn app_reflects_the_choice_in_the_url_fragment() {
    let window = web_sys::window().expect("window");
    window.location().set_hash("").expect("clear hash");
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), app::shell::App);

    assert!(text_of(&host, "h1")[0].contains("重庆就业帮扶政策自助查询"));
    assert!(text_of(&host, "footer")[0].contains("12333"));

    click(&host, "#choice-employer");
    leptos::task::tick().await;
    assert_eq!(
        window.location().hash().expect("hash"),
        app::route::hash_for(Audience::Employer)
    );
    let names = text_of(&host, ".benefit-name");
    assert_eq!(
        names.len(),
        catalogue::for_audience(Audience::Employer).count()
    );

    drop(handle);
    host.remove();
    window.location().set_hash("").expect("clear hash");
}

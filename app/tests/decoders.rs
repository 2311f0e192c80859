//! Property tests for what the app decodes from outside: the URL fragment, the `?as-of=` query, and
//! the answers saved on the phone (person and organisation). Any text gives a value or a message,
//! never a panic. Native only; `cargo xtask fuzz` raises the number of cases.
#![cfg(not(target_arch = "wasm32"))]

use app::route::Route;
use proptest::prelude::*;
use rules_core::Audience;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000)
}

/// Text shaped like what the app meets: fragments, queries and JSON documents with real keys.
fn shaped() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("#/".to_string()),
        Just("person".to_string()),
        Just("employer".to_string()),
        Just("/q".to_string()),
        Just("/results".to_string()),
        Just("policy/".to_string()),
        Just("?as-of=".to_string()),
        Just("2025-06-31".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("\"answers\":".to_string()),
        Just("\"version\":1,".to_string()),
        Just("\"age\":".to_string()),
        Just("\"roster\":[{\"identity\":\"poverty\",\"count\":4294967295}]".to_string()),
        Just("\\u0000".to_string()),
        "[0-9０-９.-]{1,8}",
        "[a-z-]{1,12}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_fragment_gives_a_route_that_round_trips(text in prop_oneof![any::<String>(), shaped()]) {
        let route = Route::parse(&text);
        prop_assert_eq!(Route::parse(&route.hash()), route);
    }

    #[test]
    fn any_query_gives_presets_or_notices(text in prop_oneof![any::<String>(), shaped()]) {
        let day = rules_core::Date::ymd(2025, 6, 20);
        let presets = app::link::read_query(&text, day);
        // Whatever a link carries, the notice stays short enough to read.
        prop_assert!(presets.notes.iter().all(|n| n.chars().count() < 200));
        if let Some(Ok(json)) = app::link::answers_in_fragment(&text) {
            let _ = app::session::Saved::from_json(&json);
        }
        let _ = app::link::percent_decode(&text);
        prop_assert_eq!(
            app::link::percent_decode(&app::link::percent_encode(&text)),
            Some(text.clone())
        );
    }

    #[test]
    fn any_saved_text_decodes_or_is_refused(text in prop_oneof![any::<String>(), shaped()]) {
        let _ = app::json::parse(&text);
        let _ = app::session::Saved::from_json(&text);
        for audience in [Audience::Employer, Audience::Agency, Audience::Carrier] {
            let _ = app::org::store::from_json(&text, audience);
        }
    }

    #[test]
    fn a_links_parameters_read_the_same_in_any_order(
        pairs in prop::collection::vec(prop_oneof![
            Just("as-of=2025-06-01".to_string()),
            Just("as-of=2026-03-01".to_string()),
            Just("district=jiangbei".to_string()),
            Just("district=wanzhou".to_string()),
            Just("from=singlemessage".to_string()),
            "[a-z-]{1,8}=[a-z0-9-]{0,10}",
        ], 0..5),
    ) {
        let day = rules_core::Date::ymd(2025, 6, 20);
        let forward = app::link::read_query(&format!("?{}", pairs.join("&")), day);
        let mut reversed = pairs.clone();
        reversed.reverse();
        let backward = app::link::read_query(&format!("?{}", reversed.join("&")), day);
        // The last of repeated keys wins, so compare only links that name each key once.
        let once = |key: &str| pairs.iter().filter(|p| p.starts_with(key)).count() <= 1;
        if once("as-of=") && once("district=") {
            prop_assert_eq!(forward.as_of, backward.as_of);
            prop_assert_eq!(forward.district, backward.district);
        }
    }
}

proptest! {
    // Each case is up to 40,000 characters: a few thousand cases say what a million would.
    #![proptest_config(ProptestConfig { cases: cases().min(5_000), ..ProptestConfig::default() })]

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack(depth in 1usize..20_000) {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let _ = app::json::parse(&text);
        let _ = app::session::Saved::from_json(&text);
    }
}

#[test]
fn oversized_shared_links_and_saved_data_are_refused_at_once() {
    let huge = format!("{{\"v\":1,\"history\":[{}]}}", "\"age\",".repeat(200_000));
    assert!(app::session::Saved::from_json(&huge).is_err());
    let link = format!("#/person/results?answers={}", "%7B".repeat(200_000));
    assert_eq!(
        app::link::answers_in_fragment(&link),
        Some(Err(app::link::SHARED_TOO_LONG.to_string()))
    );
}

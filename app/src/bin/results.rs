//! The residents' results as a second fetch (results.html's bundle, loaded by public/results.js
//! while the person answers): the results page written from the answers and the day, so that the
//! first load of index.html carries neither the results' code nor their words.

use wasm_bindgen::prelude::wasm_bindgen;

/// The results page for the answers index.html hands over (its `Saved` JSON) on `day`
/// (`YYYY-MM-DD`).
#[wasm_bindgen]
pub fn results_html(saved: &str, day: &str) -> String {
    app::person::results::page_html(saved, day)
}

fn main() {}

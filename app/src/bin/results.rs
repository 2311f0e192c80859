//! The residents' page's second fetch (loaded by public/results.js as soon as the page starts): the
//! person rules, which judge the answers after each one (the next question, 还剩约 M 题, the interim
//! counts), and the results page written from the answers and the day; so the first load of
//! index.html carries the questions and screens but no benefit's rule, nor the results' words.

use wasm_bindgen::prelude::wasm_bindgen;

/// The results page for the answers index.html hands over (its `Saved` JSON) on `day`
/// (`YYYY-MM-DD`).
#[wasm_bindgen]
pub fn results_html(saved: &str, day: &str) -> String {
    app::person::results::page_html(saved, day)
}

/// The questionnaire's next step for the same answers on `day`, `editing` the id of the question
/// being changed (or empty): [`app::judgement::Judgement`]'s text.
#[wasm_bindgen]
pub fn judge(saved: &str, day: &str, editing: &str) -> String {
    app::judgement::judge_saved(saved, day, editing)
}

fn main() {}

//! The residents' page's second fetch: the results' bundle (`bin/results.rs`, started by
//! public/results.js). It carries the person rules, so it both judges the answers after each one
//! ([`judge`], for the questionnaire) and writes the results page ([`results_html`]); the first load
//! carries the questions, their checks and the screens, but no benefit's rule.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Where the second fetch is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    Coming,
    Here,
    /// It could not be loaded (offline, a file missing after an update): the page says so.
    Failed,
}

/// The loader of the results' bundle (public/results.js, a file: the CSP allows no inline script).
const LOADER: &str = "results.js";

/// A function the results' bundle put on `window` (public/results.js names them).
fn exported(name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(&window(), &name.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()
}

/// Starts fetching the results' bundle (once a page) and gives the signal that follows it.
pub fn start() -> RwSignal<Arrival> {
    let arrival = RwSignal::new(if exported("cqJudge").is_some() {
        Arrival::Here
    } else {
        Arrival::Coming
    });
    // For the page's whole life: the listeners are never removed.
    let _ = window_event_listener_untyped("cq-results", move |_| arrival.set(Arrival::Here));
    let _ =
        window_event_listener_untyped("cq-results-failed", move |_| arrival.set(Arrival::Failed));
    let document = document();
    if arrival.get_untracked() == Arrival::Coming
        && document.get_element_by_id("results-code").is_none()
    {
        if let Ok(script) = document.create_element("script") {
            script.set_id("results-code");
            let _ = script.set_attribute("type", "module");
            let _ = script.set_attribute("src", LOADER);
            if let Some(body) = document.body() {
                let _ = body.append_child(&script);
            }
        }
    }
    arrival
}

/// Calls the results' bundle's `name` with text arguments; `None` until it has come (or if it
/// answers with anything but text).
fn call(name: &str, args: &[&str]) -> Option<String> {
    let function = exported(name)?;
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    function.apply(&JsValue::NULL, &args).ok()?.as_string()
}

/// The judgement's text ([`crate::judgement::Judgement::encode`]) of the answers (`Saved`'s JSON)
/// on `day` (`YYYY-MM-DD`), `editing` the id of the question being changed (or empty).
pub fn judge(saved: &str, day: &str, editing: &str) -> Option<String> {
    call("cqJudge", &[saved, day, editing])
}

/// The results page as HTML text for the answers (`Saved`'s JSON) on `day`.
pub fn results_html(saved: &str, day: &str) -> Option<String> {
    call("cqResults", &[saved, day])
}

/// The sentence a page shows when `what` (题目, 结果) could not come with the second fetch, beside
/// a 重新加载 button (`data-reload`, handled by public/boot.js: the page again, its answers kept on
/// the phone).
pub fn not_loaded(what: &str) -> String {
    format!(
        "{what}没有加载成功。请检查网络后点“重新加载”（您的回答已保存在本机），或拨打 {} 咨询。",
        rules_core::documents::HOTLINE_NUMBER
    )
}

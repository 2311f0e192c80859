//! DOM helpers shared by the browser tests (each test file uses some of them).
#![allow(dead_code)]

use wasm_bindgen::JsCast;

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// A fresh host element for one test, appended to the body.
pub fn host() -> web_sys::HtmlElement {
    let doc = document();
    let host = doc.create_element("div").expect("create div");
    doc.body()
        .expect("body")
        .append_child(&host)
        .expect("append host");
    host.unchecked_into()
}

pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into()
}

pub fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn count(root: &web_sys::Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("valid selector")
        .length()
}

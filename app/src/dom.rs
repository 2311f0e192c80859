//! Browser glue every screen uses: the address bar's fragment, clicks inside HTML text, focus.

use leptos::prelude::*;

pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Puts `hash` in the address bar, as a new history entry or in place of the current one. Failing
/// to update the address bar only loses the shareable link, not the page.
pub fn set_fragment(hash: &str, replace: bool) {
    let location = window().location();
    if replace {
        let base = location.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        let _ = location.replace(&format!("{base}{hash}"));
    } else {
        let _ = location.set_hash(hash);
    }
}

/// The element matching `selector` that a click inside HTML text landed in (itself or an
/// ancestor): how the delegated listeners of the HTML-text parts find their buttons.
pub fn clicked(ev: &leptos::ev::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(selector).ok().flatten())
}

/// Moves keyboard and screen-reader focus to an element once it is drawn.
/// `id` is a literal, or a `String` made at run time (a roster row's box).
pub fn focus_later(id: impl AsRef<str> + 'static) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = document().get_element_by_id(id.as_ref()) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

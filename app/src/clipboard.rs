//! The clipboard, where the browser allows it (WeChat and http pages often do not: callers offer
//! the text to select by hand instead).

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Puts text on the clipboard and calls `done` with whether it worked (`false` where the browser
/// refuses or has no Clipboard API). A callback on the promise, not an `async fn`: an executor for
/// this one promise would cost the residents' page kilobytes.
pub fn copy_text(text: &str, done: impl Fn(bool) + Clone + 'static) {
    let clipboard =
        js_sys::Reflect::get(&leptos::prelude::window().navigator(), &"clipboard".into())
            .ok()
            .filter(|c| c.is_object());
    let promise = clipboard.and_then(|clipboard| {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        write
            .call1(&clipboard, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = promise else {
        done(false);
        return;
    };
    let failed = done.clone();
    let ok = Closure::once_into_js(move |_: JsValue| done(true));
    let err = Closure::once_into_js(move |_: JsValue| failed(false));
    // `then` through the promise itself: once-closures that free themselves when called.
    if let Some(then) = js_sys::Reflect::get(&promise, &"then".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = then.call2(&promise, &ok, &err);
    }
}

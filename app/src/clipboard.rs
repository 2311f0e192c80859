//! The clipboard, where the browser allows it (WeChat and http pages often do not: callers offer
//! the text to select by hand instead).

/// Puts text on the clipboard; `false` where the browser refuses or has no Clipboard API.
pub async fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let clipboard =
        js_sys::Reflect::get(&leptos::prelude::window().navigator(), &"clipboard".into())
            .ok()
            .filter(|c| c.is_object());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else { return false };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

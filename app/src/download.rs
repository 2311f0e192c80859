//! Offering a file the page made (a CSV, a workbook) as a download, through a Blob URL on a temporary
//! link: nothing leaves the device. Used by the organisation estimator and the staff list screening.

use leptos::prelude::{document, set_timeout};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type Blob;
    #[wasm_bindgen(constructor, catch)]
    fn new(parts: &js_sys::Array, options: &JsValue) -> Result<Blob, JsValue>;
    #[wasm_bindgen(catch, js_namespace = URL, js_name = createObjectURL)]
    fn create_object_url(blob: &Blob) -> Result<String, JsValue>;
    #[wasm_bindgen(catch, js_namespace = URL, js_name = revokeObjectURL)]
    fn revoke_object_url(url: &str) -> Result<(), JsValue>;
}

/// Offers `content` (a string, or bytes as a `Uint8Array`) as the file `name` of type `mime`. `Err`
/// with a sentence for the user when the browser refuses.
pub fn offer(content: &JsValue, name: &str, mime: &str) -> Result<(), String> {
    offer_parts(&js_sys::Array::of1(content), name, mime)
}

/// A piece of a long file held by the browser as a Blob of its own (one copy, outside the page's
/// memory), for [`offer_parts`]; the bytes themselves if the browser refuses.
pub fn piece(bytes: &[u8]) -> JsValue {
    let array: JsValue = js_sys::Uint8Array::from(bytes).into();
    match Blob::new(&js_sys::Array::of1(&array), &JsValue::UNDEFINED) {
        Ok(blob) => blob.into(),
        Err(_) => array,
    }
}

/// [`offer`] of a file made of `parts` (strings or `Uint8Array`s, in order): a long file never has
/// to be one buffer.
pub fn offer_parts(parts: &js_sys::Array, name: &str, mime: &str) -> Result<(), String> {
    let refused = |_| "这个浏览器无法下载文件，请改用打印（可以保存为PDF）。".to_string();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &mime.into()).map_err(refused)?;
    let blob = Blob::new(parts, &options).map_err(refused)?;
    let url = create_object_url(&blob).map_err(refused)?;
    let link = document().create_element("a").map_err(refused)?;
    link.set_attribute("href", &url).map_err(refused)?;
    link.set_attribute("download", name).map_err(refused)?;
    link.set_attribute("class", "no-print").map_err(refused)?;
    let body = document().body().ok_or("页面尚未加载完成".to_string())?;
    body.append_child(&link).map_err(refused)?;
    link.unchecked_ref::<web_sys::HtmlElement>().click();
    let _ = body.remove_child(&link);
    // The download has started; the URL can go once the click has been handled.
    set_timeout(
        move || {
            let _ = revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

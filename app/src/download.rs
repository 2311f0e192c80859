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

/// The largest piece [`Pieces`] hands to the browser at a time.
pub const PIECE: usize = 1 << 20;

/// A long file the page makes, handed to the browser piece by piece as it is written: each piece
/// becomes a Blob of its own (the browser's one copy, outside the page's memory), copied there
/// through one reused buffer, so no copy of the file waits in the page for the garbage collector
/// and the page never holds the file whole.
pub struct Pieces {
    parts: js_sys::Array,
    buffer: js_sys::Uint8Array,
}

impl Default for Pieces {
    fn default() -> Pieces {
        Pieces {
            parts: js_sys::Array::new(),
            buffer: js_sys::Uint8Array::new_with_length(PIECE as u32),
        }
    }
}

impl Pieces {
    /// Adds `bytes` to the file (any length: cut into pieces of at most 1 MB).
    pub fn push(&self, bytes: &[u8]) {
        for chunk in bytes.chunks(PIECE) {
            let view = self.buffer.subarray(0, chunk.len() as u32);
            view.copy_from(chunk);
            // The Blob copies the bytes now; should the browser refuse, the bytes themselves.
            match Blob::new(&js_sys::Array::of1(&view), &JsValue::UNDEFINED) {
                Ok(blob) => self.parts.push(&blob),
                Err(_) => self.parts.push(&js_sys::Uint8Array::from(chunk)),
            };
        }
    }

    /// Offers the file as the download `name` of type `mime` ([`offer_parts`]).
    pub fn offer(&self, name: &str, mime: &str) -> Result<(), String> {
        offer_parts(&self.parts, name, mime)
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

//! Reading a list in the browser: a picked file (a workbook whole, a text file in slices decoded by
//! the browser's own `TextDecoder`, GBK and UTF-16 included) or a pasted table, handed to the
//! `lists` readers. Nothing here decides what a column means.

use leptos::prelude::*;
use lists::csv;
use lists::screen::{List, Tabling};
use lists::xlsx::{self, Rows};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextDecoder)]
    type Decoder;
    #[wasm_bindgen(constructor, catch, js_class = "TextDecoder")]
    fn new(label: &str) -> Result<Decoder, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "TextDecoder")]
    fn decode(this: &Decoder, bytes: &js_sys::Uint8Array) -> Result<String, JsValue>;
    /// `decode(bytes, { stream })`: a character cut at a slice's end waits for the next slice.
    #[wasm_bindgen(method, catch, js_class = "TextDecoder", js_name = decode)]
    fn decode_with(
        this: &Decoder,
        bytes: &js_sys::Uint8Array,
        options: &JsValue,
    ) -> Result<String, JsValue>;

    /// The file picker's files (declared here rather than through web-sys features, which would
    /// rebuild web-sys, and shift the other pages' bundles, for every page).
    pub type FilePicker;
    #[wasm_bindgen(method, getter)]
    pub fn files(this: &FilePicker) -> Option<PickedFiles>;
    pub type PickedFiles;
    #[wasm_bindgen(method)]
    pub fn item(this: &PickedFiles, index: u32) -> Option<PickedFile>;
    pub type PickedFile;
    #[wasm_bindgen(method, getter)]
    pub fn name(this: &PickedFile) -> String;
    #[wasm_bindgen(method, js_name = arrayBuffer)]
    fn array_buffer(this: &PickedFile) -> js_sys::Promise;
    #[wasm_bindgen(method, getter)]
    fn size(this: &PickedFile) -> f64;
    /// `Blob.slice(start, end)`: a part of the file, read on its own.
    #[wasm_bindgen(method)]
    fn slice(this: &PickedFile, start: f64, end: f64) -> PickedFile;

    /// `MessageChannel`, for [`next_turn`].
    #[wasm_bindgen(js_name = MessageChannel)]
    type Channel;
    #[wasm_bindgen(constructor, catch, js_class = "MessageChannel")]
    fn new() -> Result<Channel, JsValue>;
    #[wasm_bindgen(method, getter, js_class = "MessageChannel")]
    fn port1(this: &Channel) -> Port;
    #[wasm_bindgen(method, getter, js_class = "MessageChannel")]
    fn port2(this: &Channel) -> Port;
    #[wasm_bindgen(js_name = MessagePort)]
    type Port;
    #[wasm_bindgen(method, setter, js_class = "MessagePort")]
    fn set_onmessage(this: &Port, handler: Option<&js_sys::Function>);
    #[wasm_bindgen(method, js_class = "MessagePort", js_name = postMessage)]
    fn post_message(this: &Port, message: &JsValue);
}

/// How much of a text file is read at a time: each slice is decoded and parsed in a few
/// milliseconds, and the page answers input between slices.
const SLICE: f64 = 128.0 * 1024.0;

/// How long the page's long work (reading a text file, screening, exporting) goes on before giving
/// the browser its turn, in ms: short, so that the page answers input within the 100 ms people
/// notice even when a busy machine gives the tab only part of a core.
pub const TURN_MS: f64 = 12.0;

/// A slice's text is fed to the reader in parts of about this many bytes, the clock looked at
/// between them.
const PART: usize = 16 * 1024;

/// `text` in parts of about `size` bytes, each cut at a character's boundary.
fn parts_of(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = size.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (part, after) = rest.split_at(cut);
        rest = after;
        Some(part)
    })
}

/// Gives the browser its turn (input, timers, painting) before the next piece of work: a message
/// to the page itself, which waits its turn behind them but not the 4 ms a chain of timers is held
/// back by; a timer where there is no `MessageChannel`.
pub async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match Channel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            channel.port2().post_message(&JsValue::UNDEFINED);
        }
        Err(_) => {
            let _ = window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The bytes of `file` (or of a slice of it).
async fn bytes_of(file: &PickedFile) -> Result<Vec<u8>, JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A picked file read: a workbook whole (its parts are found from its end), a text file in slices
/// of [`SLICE`] fed to the CSV reader, stopping once the list's row limit is reached (the rest of a
/// giant file is never read); `reading(percent)` after each slice. The workbook's bytes are
/// returned too, to read another of its sheets.
pub async fn read_picked(
    picked: &PickedFile,
    name: &str,
    reading: impl Fn(u32),
) -> (Result<Loaded, String>, Option<Vec<u8>>) {
    let unopened = || format!("无法打开“{name}”，请确认文件没有被其他程序占用后再试。");
    let size = picked.size();
    let Ok(first) = bytes_of(&picked.slice(0.0, SLICE)).await else {
        return (Err(unopened()), None);
    };
    if first.starts_with(b"PK\x03\x04") || first.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        let bytes = if size <= SLICE {
            first
        } else {
            match bytes_of(picked).await {
                Ok(bytes) => bytes,
                Err(_) => return (Err(unopened()), None),
            }
        };
        let read = read_file(name, &bytes, None);
        let keep = bytes.starts_with(b"PK\x03\x04").then_some(bytes);
        return (read, keep);
    }
    if size <= SLICE {
        return (read_file(name, &first, None), None);
    }
    (
        read_text_slices(picked, name, size, first, reading).await,
        None,
    )
}

/// A text file longer than one slice, read slice by slice (see [`read_picked`]).
async fn read_text_slices(
    picked: &PickedFile,
    name: &str,
    size: f64,
    first: Vec<u8>,
    reading: impl Fn(u32),
) -> Result<Loaded, String> {
    let encoding = csv::sniff_start(&first);
    let unreadable =
        |_| "这个浏览器无法读取这种编码的文件，请在 Excel 里另存为 .xlsx 后再选。".to_string();
    let decoder = Decoder::new(encoding.decoder()).map_err(unreadable)?;
    let stream = js_sys::Object::new();
    js_sys::Reflect::set(&stream, &"stream".into(), &JsValue::TRUE).map_err(unreadable)?;
    let not_a_table = || format!("“{name}”不是表格文件（CSV 或 .xlsx），无法读取。");
    let mut reader = csv::Reader::new(xlsx::Collector::default());
    // Rows are told apart as they come (header, people, rows left out), slice by slice.
    let mut tabling = Tabling::default();
    let mut bytes = first;
    let mut at = 0.0;
    let mut turn_end = js_sys::Date::now() + TURN_MS;
    loop {
        at += bytes.len() as f64;
        let text = decoder
            .decode_with(&js_sys::Uint8Array::from(bytes.as_slice()), &stream)
            .map_err(unreadable)?;
        drop(bytes);
        if text.contains('\u{0}') {
            return Err(not_a_table());
        }
        // A slice's text is read a part at a time, the browser given its turn whenever one
        // has taken its share of time (a busy machine makes a whole slice slow).
        for part in parts_of(&text, PART) {
            reader.feed(part);
            for row in reader.collector.take_rows() {
                tabling.push(row);
            }
            if reader.full() {
                break;
            }
            if js_sys::Date::now() >= turn_end {
                next_turn().await;
                turn_end = js_sys::Date::now() + TURN_MS;
            }
        }
        drop(text);
        if reader.full() || at >= size {
            break;
        }
        reading((at / size * 100.0) as u32);
        bytes = bytes_of(&picked.slice(at, at + SLICE))
            .await
            .map_err(|_| format!("读取“{name}”时出错，请确认文件没有被其他程序占用后再试。"))?;
        if bytes.is_empty() {
            break;
        }
        turn_end = js_sys::Date::now() + TURN_MS;
    }
    next_turn().await;
    let rest = decoder
        .decode_with(&js_sys::Uint8Array::new_with_length(0), &JsValue::UNDEFINED)
        .map_err(unreadable)?;
    reader.feed(&rest);
    let (rows, notes) = reader.finish()?;
    for row in rows {
        tabling.push(row);
    }
    Ok(Loaded {
        how: format!("“{name}”（CSV 文本，编码：{}）", encoding.label()),
        rows: Vec::new(),
        notes: Vec::new(),
        sheets: Vec::new(),
        chosen: 0,
        widths: Vec::new(),
        list: Some(tabling.finish(notes)?),
    })
}

/// A file read: a sentence on how, its rows, notes on what was left out, and for a workbook its
/// worksheets (name, hidden) and which one was read.
pub struct Loaded {
    pub how: String,
    pub rows: Rows,
    pub notes: Vec<String>,
    pub sheets: Vec<(String, bool)>,
    pub chosen: usize,
    pub widths: Vec<xlsx::Width>,
    /// The list already taken apart while the file was read (a text file's slices).
    pub list: Option<List>,
}

impl Loaded {
    /// Text read whole (a CSV file or pasted cells): its rows, no sheets, `how` says what it was.
    pub fn text(how: String, (rows, notes): (Rows, Vec<String>)) -> Loaded {
        Loaded {
            how,
            rows,
            notes,
            sheets: Vec::new(),
            chosen: 0,
            widths: Vec::new(),
            list: None,
        }
    }
}

/// A file's rows and a sentence on how it was read; `sheet` picks a workbook's worksheet by name.
pub fn read_file(name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Loaded, String> {
    if bytes.is_empty() {
        return Err(format!("“{name}”是空文件（0 字节），请重新保存后再选。"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let book = xlsx::read(bytes, sheet)?;
        let chosen_name = book
            .sheets
            .get(book.chosen)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        return Ok(Loaded {
            how: format!("“{name}”（Excel 工作簿，工作表“{chosen_name}”）"),
            rows: book.rows,
            notes: book.notes,
            sheets: book
                .sheets
                .into_iter()
                .map(|s| (s.name, s.hidden))
                .collect(),
            chosen: book.chosen,
            widths: book.widths,
            list: None,
        });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("这是旧版 Excel 文件（.xls），无法直接读取。请在 Excel 里“另存为”Excel 工作簿（.xlsx）或 CSV 后再选。".to_string());
    }
    let encoding = csv::sniff(bytes);
    let text = match encoding {
        csv::Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        _ => {
            let unreadable = |_| {
                "这个浏览器无法读取这种编码的文件，请在 Excel 里另存为 .xlsx 后再选。".to_string()
            };
            let decoder = Decoder::new(encoding.decoder()).map_err(unreadable)?;
            decoder
                .decode(&js_sys::Uint8Array::from(bytes))
                .map_err(unreadable)?
        }
    };
    if text.contains('\u{0}') {
        return Err(format!("“{name}”不是表格文件（CSV 或 .xlsx），无法读取。"));
    }
    let how = format!("“{name}”（CSV 文本，编码：{}）", encoding.label());
    Ok(Loaded::text(how, csv::parse(&text)?))
}

#[cfg(test)]
mod tests {
    use super::parts_of;

    #[test]
    fn parts_cut_at_characters_and_make_the_text() {
        let text = "姓名,年龄\r\n张三,40\r\n".repeat(50);
        for size in [1, 2, 3, 7, 64, 10_000] {
            let parts: Vec<&str> = parts_of(&text, size).collect();
            assert_eq!(parts.concat(), text);
            assert!(parts.iter().all(|p| !p.is_empty() && p.len() < size + 4));
        }
        assert_eq!(parts_of("", 8).count(), 0);
    }
}

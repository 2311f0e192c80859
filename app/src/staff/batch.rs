//! 筛查名单: a whole list of people screened on the staff's own computer. A workbook (.xlsx, any of
//! its sheets), a CSV file (GBK as Excel saves it on Chinese Windows, UTF-8 or UTF-16) or pasted
//! cells are read in the browser and taken apart by the pipeline of the `lists` crate (shared with
//! `subsidy-check screen`): the header row, the people, the columns matched to fields
//! (`rules_core::sheet`); every row is screened as of a chosen day, in slices that give the browser
//! back its turn (progress bar); the page shows how the list was read, counts each benefit as
//! `subsidy-check evaluate --summary` would (with the rules of 2025-12-31 for ended benefits), lists
//! the cells it could not read by row and column, exports the list with the results added (.xlsx
//! and CSV) and prints a "what to bring" sheet per person who can claim money or is a lead. This
//! module renders and drives only. Nothing is stored and nothing is sent: the list lives in this
//! page's memory until 忘记这份名单 or the page closes.

use crate::format::{answer_text, is_amount, status_mark};
use leptos::prelude::*;
use lists::csv;
use lists::screen::{
    claimable, column_problems, export_csv_pieces, export_xlsx, export_xlsx_keeping, shown, table,
    List, Tabling,
};
use lists::xlsx::{self, Cell, Rows};
use markup::{html, Html};
use rules_core::checklist::merge_for;
use rules_core::input::DATE_EXAMPLE;
use rules_core::questions::{options, wording};
use rules_core::sheet::{self, Field, Tally, COUNTED, LAST_DAY_COUNTED};
use rules_core::{evaluate_person, Date, Status};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The list and its results, with the run counter of this screen.
#[derive(Default)]
struct Batch {
    list: List,
    /// Bumped by 忘记这份名单 and by each new run, so that a run in progress stops.
    generation: u32,
}

impl std::ops::Deref for Batch {
    type Target = List;
    fn deref(&self) -> &List {
        &self.list
    }
}

impl std::ops::DerefMut for Batch {
    fn deref_mut(&mut self) -> &mut List {
        &mut self.list
    }
}

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
    type FilePicker;
    #[wasm_bindgen(method, getter)]
    fn files(this: &FilePicker) -> Option<PickedFiles>;
    type PickedFiles;
    #[wasm_bindgen(method)]
    fn item(this: &PickedFiles, index: u32) -> Option<PickedFile>;
    type PickedFile;
    #[wasm_bindgen(method, getter)]
    fn name(this: &PickedFile) -> String;
    #[wasm_bindgen(method, js_name = arrayBuffer)]
    fn array_buffer(this: &PickedFile) -> js_sys::Promise;
    #[wasm_bindgen(method, getter)]
    fn size(this: &PickedFile) -> f64;
    /// `Blob.slice(start, end)`: a part of the file, read on its own.
    #[wasm_bindgen(method)]
    fn slice(this: &PickedFile, start: f64, end: f64) -> PickedFile;
}

/// How much of a text file is read at a time: each slice is decoded and parsed in a few
/// milliseconds, and the page answers input between slices.
const SLICE: f64 = 128.0 * 1024.0;

/// Gives the browser its turn (input, painting) before the next piece of work.
async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
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
async fn read_picked(
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
    loop {
        at += bytes.len() as f64;
        let text = decoder
            .decode_with(&js_sys::Uint8Array::from(bytes.as_slice()), &stream)
            .map_err(unreadable)?;
        if text.contains('\u{0}') {
            return Err(not_a_table());
        }
        reader.feed(&text);
        for row in reader.collector.take_rows() {
            tabling.push(row);
        }
        if reader.full() || at >= size || bytes.is_empty() {
            break;
        }
        reading((at / size * 100.0) as u32);
        bytes = bytes_of(&picked.slice(at, at + SLICE))
            .await
            .map_err(|_| format!("读取“{name}”时出错，请确认文件没有被其他程序占用后再试。"))?;
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
struct Loaded {
    how: String,
    rows: Rows,
    notes: Vec<String>,
    sheets: Vec<(String, bool)>,
    chosen: usize,
    widths: Vec<xlsx::Width>,
    /// The list already taken apart while the file was read (a text file's slices).
    list: Option<List>,
}

/// A file's rows and a sentence on how it was read; `sheet` picks a workbook's worksheet by name.
fn read_file(name: &str, bytes: &[u8], sheet: Option<&str>) -> Result<Loaded, String> {
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
    let (rows, notes) = csv::parse(&text)?;
    Ok(Loaded {
        how: format!("“{name}”（CSV 文本，编码：{}）", encoding.label()),
        rows,
        notes,
        sheets: Vec::new(),
        chosen: 0,
        widths: Vec::new(),
        list: None,
    })
}

/// Offers `bytes` as a file download, handed to the browser 1 MB at a time (a long list's
/// workbook is never copied whole into the page's JavaScript memory).
fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::new();
    for chunk in bytes.chunks(1 << 20) {
        parts.push(&crate::download::piece(chunk));
    }
    crate::download::offer_parts(&parts, name, mime)
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The template: the header row is every person question's wording; a second sheet says how to
/// fill each column.
fn template(day: Date) -> Vec<u8> {
    let header: Vec<String> = sheet::template_header()
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut help = vec![vec![
        "列名（问题）".to_string(),
        "怎么填".to_string(),
        "可以填写".to_string(),
    ]];
    for q in sheet::person_questions() {
        let words = wording(q);
        let accepted = match q.kind() {
            rules_core::facts::AnswerKind::YesNo => "是 / 否（不清楚的留空）".to_string(),
            rules_core::facts::AnswerKind::Date => format!("日期，例如 {DATE_EXAMPLE}"),
            rules_core::facts::AnswerKind::Money => "金额（元），例如 1500".to_string(),
            rules_core::facts::AnswerKind::Count => "整数".to_string(),
            _ => options(q, day)
                .iter()
                .map(|o| o.label)
                .collect::<Vec<_>>()
                .join(" / "),
        };
        help.push(vec![
            words.text.to_string(),
            words.help.to_string(),
            accepted,
        ]);
    }
    let cells = |rows: Vec<Vec<String>>| -> Vec<Vec<Cell>> {
        rows.iter()
            .map(|r| r.iter().map(|c| Cell::text(c)).collect())
            .collect()
    };
    xlsx::write(&[
        xlsx::Sheet {
            name: "名单",
            rows: &cells(vec![header]),
        },
        xlsx::Sheet {
            name: "填写说明",
            rows: &cells(help),
        },
    ])
}

/// The summary table: per benefit, people by status, the answer most often missing, and for a
/// benefit no longer in force, people by the rules of its last day.
fn summary_html(tally: &Tally) -> Html {
    let mut h = Html::new();
    h.raw("<table id=\"batch-summary\"><thead><tr><th scope=\"col\">政策</th>");
    for status in COUNTED {
        html!(
            h,
            "<th scope=\"col\">{} {}</th>",
            status_mark(status),
            status.label()
        );
        if status == Status::NeedsAnswers {
            h.raw("<th scope=\"col\">缺得最多的回答</th>");
        }
    }
    let days: Vec<Date> = tally
        .benefits
        .iter()
        .filter_map(|b| b.last_day.map(|(_, d)| d))
        .collect();
    let last_day_header = match days.first() {
        Some(first) if days.iter().all(|d| d == first) => {
            Some(format!("按{}的规定", first.chinese()))
        }
        Some(_) => Some("按各项政策最后一天的规定".to_string()),
        None => None,
    };
    if let Some(title) = &last_day_header {
        html!(h, "<th scope=\"col\" id=\"batch-last-day\">{}</th>", title);
    }
    h.raw("</tr></thead><tbody>");
    for b in &tally.benefits {
        html!(
            h,
            "<tr data-benefit=\"{}\"><th scope=\"row\">{}</th>",
            b.id,
            b.name
        );
        for (status, count) in COUNTED.iter().zip(b.counts) {
            // data-label: the column's name, shown beside the figure where the table is stacked
            // (phone width).
            html!(
                h,
                "<td data-status=\"{}\" data-label=\"{}\">{}</td>",
                *status.id(),
                status.label(),
                count
            );
            if *status == Status::NeedsAnswers {
                let most: Vec<String> = b
                    .first_asks
                    .iter()
                    .take(2)
                    .map(|(q, n)| format!("{}（{n} 人）", wording(*q).text))
                    .collect();
                html!(
                    h,
                    "<td class=\"asks\" data-label=\"缺得最多的回答\">{}</td>",
                    most.join("；")
                );
            }
        }
        if let Some(title) = &last_day_header {
            match b.last_day {
                Some((counts, _)) => {
                    html!(h, "<td class=\"last-day\" data-label=\"{}\">", title);
                    for (status, count) in LAST_DAY_COUNTED.iter().zip(counts) {
                        html!(
                            h,
                            "<span data-last-day=\"{}\">{} {} {}</span> ",
                            *status.id(),
                            status_mark(*status),
                            status.label(),
                            count
                        );
                    }
                    h.raw("</td>");
                }
                None => {
                    html!(h, "<td data-label=\"{}\">—</td>", title);
                }
            }
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
    h
}

/// At most this many problems are listed on the page; all are in the export.
const SHOWN_PROBLEMS: usize = 200;

fn problems_html(batch: &List) -> (usize, Html) {
    let mut count = 0;
    let mut h = Html::new();
    for (row, outcome) in batch.outcomes.iter().enumerate() {
        for (column, message) in &outcome.problems {
            count += 1;
            if count > SHOWN_PROBLEMS {
                continue;
            }
            let place = match column {
                Some(c) => format!("{}，{}", batch.name_of(row), batch.column_name(*c)),
                None => batch.name_of(row),
            };
            html!(h, "<li>{}：{}</li>", place, message);
        }
    }
    (count, h)
}

/// The "what to bring" sheets of the people who can claim money or are leads, one per page.
fn sheets_html(batch: &List) -> (usize, Html) {
    let mut h = Html::new();
    let Some(day) = batch.day else {
        return (0, h);
    };
    let mut people = 0;
    for (row, ((_, cells), outcome)) in batch.rows.iter().zip(&batch.outcomes).enumerate() {
        if !outcome.claimable {
            continue;
        }
        people += 1;
        let (facts, _) = sheet::read_row(&batch.uses, cells, day);
        let report = evaluate_person(&facts, day);
        let lines = sheet::lines(&report);
        let chosen: Vec<&str> = lines
            .iter()
            .filter(|l| claimable(l))
            .map(|l| l.id)
            .collect();
        let describe = |wanted: Status| -> Vec<String> {
            report
                .benefits
                .iter()
                .filter(|b| chosen.contains(&b.entry.id) && b.status == wanted)
                .map(|b| {
                    let figure = b.estimate.value.text();
                    if is_amount(&b.estimate.value) {
                        format!("{}（预估 {figure}）", b.entry.name)
                    } else {
                        format!("{}（{figure}）", b.entry.name)
                    }
                })
                .collect()
        };
        let now = describe(Status::Eligible);
        let leads = describe(Status::ContinuationUnknown);
        let checklist = merge_for(&report, &facts, &chosen);
        html!(
            h,
            "<section class=\"bring-sheet\"><h2>申请材料清单：{}</h2>",
            batch.name_of(row)
        );
        if !now.is_empty() {
            html!(
                h,
                "<p>按 {} 的政策，可以申请：{}</p>",
                day.chinese(),
                now.join("、")
            );
        }
        if !leads.is_empty() {
            html!(
                h,
                "<p>{}：{}</p>",
                Status::ContinuationUnknown.label(),
                leads.join("、")
            );
        }
        html!(h, "<pre>{}</pre></section>", checklist.to_plain_text());
    }
    (people, h)
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// The screen's signals, handed to the evaluation's slices.
#[derive(Clone, Copy)]
struct Ui {
    batch: StoredValue<Batch>,
    progress: RwSignal<Option<(usize, usize)>>,
    results: RwSignal<u32>,
    speed: RwSignal<String>,
}

/// Evaluates rows from `next` for about 25 ms, then yields to the browser (a timer) and goes on;
/// stops when the list was forgotten or a new run started (`generation`).
fn evaluate_slice(ui: Ui, generation: u32, next: usize, started: f64) {
    let slice_end = now() + 25.0;
    let mut done = next;
    let mut total = 0;
    let current = ui.batch.try_update_value(|b| {
        if b.generation != generation {
            return false;
        }
        let Some(day) = b.day else { return false };
        total = b.rows.len();
        while done < total && (done == next || now() < slice_end) && b.screen_next(day) {
            done += 1;
        }
        true
    });
    if current != Some(true) {
        return;
    }
    ui.progress.set(Some((done, total)));
    if done < total {
        set_timeout(
            move || evaluate_slice(ui, generation, done, started),
            Duration::ZERO,
        );
    } else {
        let seconds = (now() - started).max(1.0) / 1000.0;
        ui.speed.set(format!(
            "{total} 人用时 {seconds:.1} 秒，每秒约 {} 人",
            (total as f64 / seconds).round()
        ));
        ui.results.update(|n| *n += 1);
    }
}

/// "How your list was read": the header row, the rows left out and why, the readers' notes, and
/// for the first people each read column's cell beside the answers it became.
fn read_report_html(batch: &List, day: Date) -> Html {
    let mut h = Html::new();
    html!(
        h,
        "<p id=\"batch-header-line\">第 {} 行是列名；读取了 {} 人。</p>",
        batch.header_line,
        batch.rows.len()
    );
    let mut reasons: Vec<(&str, Vec<usize>)> = Vec::new();
    for (line, why) in &batch.left_out {
        match reasons.iter_mut().find(|(w, _)| w == why) {
            Some((_, lines)) => lines.push(*line),
            None => reasons.push((why, vec![*line])),
        }
    }
    if !batch.left_out.is_empty() || !batch.notes.is_empty() {
        h.raw("<ul id=\"batch-left-out\">");
        for (why, lines) in &reasons {
            let shown: Vec<String> = lines.iter().take(12).map(usize::to_string).collect();
            let more = if lines.len() > 12 {
                format!(" 等 {} 行", lines.len())
            } else {
                String::new()
            };
            html!(h, "<li>第 {} 行{}：{}</li>", shown.join("、"), more, *why);
        }
        for note in &batch.notes {
            html!(h, "<li>{}</li>", note);
        }
        h.raw("</ul>");
    }
    let read: Vec<usize> = (0..batch.uses.len())
        .filter(|c| batch.uses[*c].is_some_and(|f| f != Field::Name))
        .collect();
    if read.is_empty() {
        h.raw("<p class=\"banner warning\" id=\"batch-none-read\">没有哪一列对应到问题，无法筛查。请在下面为各列选择对应的问题。</p>");
        return h;
    }
    h.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"前几行的读取结果\"><table id=\"batch-preview\"><thead><tr>\
        <th scope=\"col\">人员</th><th scope=\"col\">列</th><th scope=\"col\">格子里写的</th><th scope=\"col\">读成的回答</th></tr></thead><tbody>");
    for (row, (_, cells)) in batch.rows.iter().enumerate().take(3) {
        // The whole row is read (a 务工地点 needs the 户籍 district), then each column shows the
        // answers its field gives and its own problems.
        let (facts, row_problems) = sheet::read_row(&batch.uses, cells, day);
        for column in &read {
            let text = cells.get(*column).map_or("", |c| c.text.trim());
            let problems = row_problems.iter().filter(|p| p.column == *column).cloned();
            let mut answers: Vec<String> = batch.uses[*column]
                .map(Field::answers)
                .unwrap_or_default()
                .iter()
                .filter_map(|q| {
                    let answer = facts.get(*q)?;
                    Some(format!(
                        "{}：{}",
                        wording(*q).text,
                        answer_text(*q, &answer, day)
                    ))
                })
                .collect();
            if text.is_empty() {
                answers.clear();
            }
            answers.extend(
                problems
                    .into_iter()
                    .map(|p| format!("未读取：{}", p.message)),
            );
            let cell = if batch.hidden_column(*column) && !text.is_empty() {
                "（身份证号码，不显示）".to_string()
            } else {
                shown(text)
            };
            html!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                batch.name_of(row),
                batch.column_name(*column),
                cell,
                if answers.is_empty() {
                    "（空，按不清楚处理）".to_string()
                } else {
                    answers.join("；")
                }
            );
        }
    }
    h.raw("</tbody></table></div>");
    h
}

/// 筛查名单.
#[component]
pub fn BatchScreen() -> impl IntoView {
    let batch = StoredValue::new(Batch::default());
    // The file as loaded, to read another of its worksheets; dropped by 忘记这份名单.
    let file = StoredValue::new(None::<(String, Vec<u8>)>);
    let sheet_names = RwSignal::new(Vec::<(String, bool)>::new());
    let chosen_sheet = RwSignal::new(0_usize);
    let loaded = RwSignal::new(0_u32);
    let source = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let uses = RwSignal::new(Vec::<Option<Field>>::new());
    // Today, or a link's `as-of` (as on the link screen), until the user picks another day.
    let today = crate::settings::today();
    let today = crate::link::read_query(&window().location().search().unwrap_or_default(), today)
        .as_of
        .unwrap_or(today);
    let day_text = RwSignal::new(today.to_string());
    let ui = Ui {
        batch,
        progress: RwSignal::new(None),
        results: RwSignal::new(0),
        speed: RwSignal::new(String::new()),
    };
    let notice = RwSignal::new(String::new());
    let sheets_box = NodeRef::<leptos::html::Div>::new();
    // The printed sheets belong to one list's results: emptied whenever those change.
    let clear_sheets = move || {
        if let Some(el) = sheets_box.get_untracked() {
            el.set_inner_html("");
        }
    };

    let clear_results = move || {
        batch.update_value(|b| {
            b.generation += 1;
            b.outcomes.clear();
            b.tally = Tally::default();
        });
        clear_sheets();
        ui.progress.set(None);
        ui.results.set(0);
        ui.speed.set(String::new());
        notice.set(String::new());
    };
    let take = move |read: Result<Loaded, String>| {
        clear_results();
        let generation = batch.with_value(|b| b.generation) + 1;
        let list = read.and_then(|l| {
            // A workbook's sheets can be chosen even when this one holds no list.
            let several = l.sheets.len() > 1;
            if !l.sheets.is_empty() {
                sheet_names.set(l.sheets);
                chosen_sheet.set(l.chosen);
            }
            let how = l.how;
            let widths = l.widths;
            let list = match l.list {
                Some(list) => Ok(list),
                None => table(l.rows, l.notes),
            };
            list.map(|mut b| {
                b.widths = widths;
                (how, b)
            })
            .map_err(|why| {
                if several {
                    format!("{why}这个工作簿有几个工作表，可以在上面选择另一个。")
                } else {
                    why
                }
            })
        });
        match list {
            Ok((how, b)) => {
                source.set(format!(
                    "已读取{how}：{} 人，{} 列。",
                    b.rows.len(),
                    b.uses.len()
                ));
                uses.set(b.uses.clone());
                batch.set_value(Batch {
                    list: b,
                    generation,
                });
                message.set(None);
            }
            Err(why) => {
                batch.set_value(Batch {
                    generation,
                    ..Batch::default()
                });
                uses.set(Vec::new());
                source.set(String::new());
                message.set(Some(why));
            }
        }
        loaded.update(|n| *n += 1);
    };

    let file_input = NodeRef::<leptos::html::Input>::new();
    let paste_box = NodeRef::<leptos::html::Textarea>::new();
    let on_file = move |_| {
        let picked = file_input
            .get_untracked()
            .and_then(|i| i.unchecked_ref::<FilePicker>().files());
        let Some(picked) = picked.and_then(|f| f.item(0)) else {
            return;
        };
        message.set(None);
        source.set("正在读取……".to_string());
        sheet_names.set(Vec::new());
        file.set_value(None);
        let name = picked.name();
        wasm_bindgen_futures::spawn_local(async move {
            let reading = |percent: u32| source.set(format!("正在读取……{percent}%"));
            let (read, bytes) = read_picked(&picked, &name, reading).await;
            if let Some(bytes) = bytes {
                file.set_value(Some((name, bytes)));
            }
            next_turn().await;
            take(read);
        });
    };
    let pick_sheet = move |index: usize| {
        let name = sheet_names.with_untracked(|s| s.get(index).map(|s| s.0.clone()));
        let Some(name) = name else { return };
        let read = file.with_value(|f| {
            f.as_ref()
                .map(|(file_name, bytes)| read_file(file_name, bytes, Some(&name)))
        });
        if let Some(read) = read {
            take(read);
        }
    };
    let on_paste = move |_| {
        let text = paste_box
            .get_untracked()
            .map(|t| t.value())
            .unwrap_or_default();
        sheet_names.set(Vec::new());
        file.set_value(None);
        take(csv::parse(&text).map(|(rows, notes)| Loaded {
            how: "粘贴的内容".to_string(),
            rows,
            notes,
            sheets: Vec::new(),
            chosen: 0,
            widths: Vec::new(),
            list: None,
        }));
    };
    let forget = move |_| {
        clear_results();
        batch.set_value(Batch {
            generation: batch.with_value(|b| b.generation) + 1,
            ..Batch::default()
        });
        file.set_value(None);
        sheet_names.set(Vec::new());
        uses.set(Vec::new());
        source.set(String::new());
        message.set(Some(
            "已忘记这份名单：页面里不再有其中的任何内容。".to_string(),
        ));
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
        if let Some(text) = paste_box.get_untracked() {
            text.set_value("");
        }
        loaded.update(|n| *n += 1);
    };
    let pick = move |column: usize, value: String| {
        clear_results();
        let picked = Field::from_value(&value);
        uses.update(|u| {
            if let Some(slot) = u.get_mut(column) {
                *slot = picked;
            }
        });
        let now_uses = uses.get_untracked();
        batch.update_value(|b| b.uses = now_uses);
    };
    let start = move |_| {
        let Ok(day) = Date::parse(&day_text.get_untracked()) else {
            notice.set(format!("请先选择按哪天的政策筛查（例如 {DATE_EXAMPLE}）。"));
            return;
        };
        if !uses.with_untracked(|u| sheet::reads_any(u)) {
            notice.set(
                "没有哪一列对应到问题，无法筛查：请在第 2 步为各列选择对应的问题。".to_string(),
            );
            return;
        }
        clear_results();
        let mut generation = 0;
        let mut total = 0;
        batch.update_value(|b| {
            b.day = Some(day);
            generation = b.generation;
            total = b.rows.len();
        });
        ui.progress.set(Some((0, total)));
        let started = now();
        set_timeout(
            move || evaluate_slice(ui, generation, 0, started),
            Duration::ZERO,
        );
    };
    let get_template = move |_| {
        let day = Date::parse(&day_text.get_untracked()).unwrap_or(today);
        if let Err(why) = download(&template(day), "筛查名单模板.xlsx", XLSX) {
            notice.set(why);
        }
    };
    let export = move |as_xlsx: bool| {
        let done = if as_xlsx {
            // A workbook's other sheets and column widths are kept.
            let sheet =
                sheet_names.with_untracked(|s| s.get(chosen_sheet.get_untracked()).cloned());
            let bytes = batch.with_value(|b| {
                file.with_value(|f| match (f, sheet) {
                    (Some((_, original)), Some((name, _))) => {
                        let (bytes, notes) = export_xlsx_keeping(b, original, &name);
                        if !notes.is_empty() {
                            notice.set(notes.join(" "));
                        }
                        bytes
                    }
                    _ => export_xlsx(b),
                })
            });
            download(&bytes, "筛查结果.xlsx", XLSX)
        } else {
            // In pieces of about 1 MB, each handed to the browser as it is written.
            let parts = js_sys::Array::new();
            batch.with_value(|b| {
                export_csv_pieces(b, |piece| {
                    parts.push(&crate::download::piece(piece));
                })
            });
            crate::download::offer_parts(&parts, "筛查结果.csv", "text/csv;charset=utf-8")
        };
        if let Err(why) = done {
            notice.set(why);
        }
    };
    let print_sheets = move |_| {
        let (people, html) = batch.with_value(|b| sheets_html(b));
        if people == 0 {
            clear_sheets();
            notice.set("名单里没有可以申请补贴或值得跟进的人，没有要打印的材料清单。".to_string());
            return;
        }
        // Written into the page before print() is called, so the first print has them.
        if let Some(el) = sheets_box.get_untracked() {
            el.set_inner_html(&html.into_string());
        }
        notice.set(format!("已准备 {people} 人的材料清单，每人一页。"));
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("print-sheets");
            let _ = window().print();
            let _ = body.class_list().remove_1("print-sheets");
        }
    };

    let has_list = move || uses.with(|u| !u.is_empty());
    let report = move || {
        loaded.get();
        uses.track();
        let day = Date::parse(&day_text.get()).unwrap_or(today);
        batch.with_value(|b| read_report_html(b, day).into_string())
    };
    let results = move || {
        ui.results.get();
        batch.with_value(|b| {
            (b.outcomes.len() == b.rows.len() && !b.rows.is_empty() && !b.outcomes.is_empty()).then(
                || {
                    let (count, list) = problems_html(b);
                    let by_column: Vec<String> = column_problems(b)
                        .into_iter()
                        .map(|(c, n)| format!("{} {n} 格", b.column_name(c)))
                        .collect();
                    (
                        summary_html(&b.tally).into_string(),
                        count,
                        list.into_string(),
                        b.rows.len(),
                        b.day,
                        by_column.join("；"),
                    )
                },
            )
        })
    };

    view! {
        <main id="main" class="staff batch">
            <p class="banner privacy" id="batch-privacy">
                "名单只在这台电脑的浏览器里读取和计算：不上传到任何地方，也不保存。关闭或刷新页面，或点“忘记这份名单”，页面里就不再有它。导出的文件由您自己保存。"
            </p>
            <section class="card no-print" aria-labelledby="batch-load-heading">
                <h2 id="batch-load-heading">"1. 载入名单"</h2>
                <p class="hint">"Excel 工作簿（.xlsx）或 CSV 文件，一行列名（上面可以有标题行），下面每行一个人；也可以从表格里复制后粘贴到下面。没有现成名单的，可以先下载模板填写。"</p>
                <label for="batch-file">"选择文件（.xlsx 或 .csv）"</label>
                <input type="file" id="batch-file" accept=".xlsx,.csv,.txt" node_ref=file_input on:change=on_file/>
                <details class="paste">
                    <summary>"或者粘贴表格内容"</summary>
                    <label for="batch-paste">"在 Excel 或 WPS 里选中表格（含列名）复制，粘贴到这里："</label>
                    <textarea id="batch-paste" rows="5" node_ref=paste_box></textarea>
                    <button type="button" class="secondary" id="batch-paste-read" on:click=on_paste>"读取粘贴的内容"</button>
                </details>
                <div class="actions">
                    <button type="button" class="secondary" id="batch-template" on:click=get_template>"下载名单模板（.xlsx）"</button>
                    <button type="button" class="secondary" id="batch-forget" on:click=forget>"忘记这份名单"</button>
                </div>
                <p id="batch-source" role="status">{move || source.get()}</p>
                {move || (sheet_names.with(Vec::len) > 1).then(|| view! {
                    <label for="batch-sheet">"读取哪个工作表"</label>
                    <select id="batch-sheet" prop:value=move || chosen_sheet.get().to_string() on:change=move |ev| {
                        if let Ok(index) = event_target_value(&ev).parse() { pick_sheet(index) }
                    }>
                        {sheet_names.get().into_iter().enumerate().map(|(i, (name, hidden))| view! {
                            <option value=i.to_string()>{if hidden { format!("{name}（隐藏）") } else { name }}</option>
                        }).collect_view()}
                    </select>
                })}
                {move || message.get().map(|m| view! { <p class="banner warning" id="batch-message" role="alert">{m}</p> })}
            </section>
            <Show when=has_list>
                <section class="card no-print" aria-labelledby="batch-read-heading">
                    <h2 id="batch-read-heading">"名单是怎样读取的"</h2>
                    <div id="batch-read" inner_html=report></div>
                </section>
                <section class="card no-print" aria-labelledby="batch-columns-heading">
                    <h2 id="batch-columns-heading">"2. 核对每一列对应的问题"</h2>
                    <p class="hint">"列名和问题对得上的已自动选好；其余的请从列表里选，或选“不读取”。不读取的列不参与判断，会原样出现在导出的文件里。"</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="batch-columns-heading">
                        <table id="batch-columns">
                            <thead><tr><th scope="col">"列名"</th><th scope="col">"第一行的内容"</th><th scope="col">"对应的问题"</th></tr></thead>
                            <tbody>
                                {move || {
                                    loaded.get();
                                    let width = uses.with_untracked(Vec::len);
                                    let columns: Vec<(String, String)> = batch.with_value(|b| (0..width).map(|column| {
                                        let title = b.header.get(column).map(|h| shown(h)).unwrap_or_default();
                                        let example = b
                                            .rows
                                            .first()
                                            .and_then(|r| r.1.get(column))
                                            .map(|c| c.text.trim().to_string())
                                            .unwrap_or_default();
                                        let example = if b.hidden_column(column) && !example.is_empty() {
                                            "（身份证号码，不显示）".to_string()
                                        } else {
                                            shown(&example)
                                        };
                                        (title, example)
                                    }).collect());
                                    // The options as one HTML text, shared by every column's picker: a wide list has
                                    // hundreds of pickers, and a component per option took hundreds of MB.
                                    let mut options = Html::new();
                                    options.raw("<option value=\"\">不读取</option>");
                                    for f in Field::EXTRA {
                                        html!(options, "<option value=\"{}\">{}</option>", f.value(), f.label());
                                    }
                                    for q in sheet::person_questions() {
                                        html!(options, "<option value=\"{}\">{}</option>", q.id(), wording(q).text);
                                    }
                                    let options = options.into_string();
                                    columns.into_iter().enumerate().map(move |(column, (title, example))| {
                                        let id = format!("batch-column-{column}");
                                        let selected = move || uses.with(|u| u.get(column).copied().flatten().map_or("", Field::value).to_string());
                                        view! {
                                            <tr>
                                                <th scope="row"><label for=id.clone()>{
                                                    if title.trim().is_empty() { format!("（第 {} 列）", column + 1) } else { title }
                                                }</label></th>
                                                <td>{example}</td>
                                                <td>
                                                    <select id=id data-column=column inner_html=options.clone() prop:value=selected
                                                        on:change=move |ev| pick(column, event_target_value(&ev))></select>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                </section>
                <section class="card no-print" aria-labelledby="batch-run-heading">
                    <h2 id="batch-run-heading">"3. 筛查"</h2>
                    <label for="batch-date">"按哪天的政策判断"</label>
                    <input type="date" id="batch-date" prop:value=move || day_text.get() on:change=move |ev| {
                        day_text.set(event_target_value(&ev));
                        clear_results();
                    }/>
                    <div class="actions">
                        <button type="button" class="primary" id="batch-start" on:click=start>"开始筛查"</button>
                    </div>
                    {move || ui.progress.get().map(|(done, total)| view! {
                        <progress id="batch-progress" max=total value=done aria-label="筛查进度"></progress>
                        <p id="batch-progress-text" role="status">{format!("已筛查 {done} / {total} 人")}</p>
                    })}
                    <p id="batch-speed">{move || ui.speed.get()}</p>
                    <p id="batch-notice" role="status">{move || notice.get()}</p>
                </section>
                {move || results().map(|(summary, count, problems, people, day, by_column)| view! {
                    <section class="card" aria-labelledby="batch-results-heading">
                        <h2 id="batch-results-heading">"4. 筛查结果"</h2>
                        <p id="batch-results-line">{format!(
                            concat!(
                                "共 {} 人，按 {} 的政策。每项政策分别统计，一个人可能同时符合几项；结果仅供参考，",
                                rules_core::reviewed_by!(),
                                "。"
                            ),
                            people,
                            day.map(|d| d.chinese()).unwrap_or_default()
                        )}</p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="各项政策的人数" inner_html=summary></div>
                        <div class="actions no-print">
                            <button type="button" class="primary" id="batch-export-xlsx" on:click=move |_| export(true)>"导出结果（.xlsx）"</button>
                            <button type="button" class="secondary" id="batch-export-csv" on:click=move |_| export(false)>"导出结果（.csv）"</button>
                            <button type="button" class="secondary" id="batch-print" on:click=print_sheets>"打印可领补贴和值得跟进人员的材料清单"</button>
                        </div>
                        <h3 id="batch-problems-heading">{format!("填写有问题的格子：{count} 处")}</h3>
                        <p id="batch-column-problems">{if by_column.is_empty() { String::new() } else { format!("按列：{by_column}") }}</p>
                        <p class="hint">{if count > SHOWN_PROBLEMS { format!("下面列出前 {SHOWN_PROBLEMS} 处，全部见导出文件的“填写问题”列。") } else { "这些格子按“不清楚”处理，\
                            请核对后重新筛查。".to_string() }}</p>
                        <ul id="batch-problems" tabindex="0" aria-labelledby="batch-problems-heading" inner_html=problems></ul>
                    </section>
                })}
            </Show>
            <div id="batch-sheets" class="print-only" node_ref=sheets_box></div>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lists::screen::{export_rows, screen};

    fn texts(rows: Vec<Vec<Cell>>) -> Vec<Vec<String>> {
        rows.into_iter()
            .map(|r| r.into_iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    fn rows(lines: &[&[&str]]) -> Rows {
        lines
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.iter().map(|c| Cell::text(c)).collect()))
            .collect()
    }

    /// The list through the pipeline: read, screened on `day`.
    fn screened(lines: &[&[&str]], day: Date) -> List {
        let mut b = table(rows(lines), Vec::new()).expect("a list");
        b.screen_all(day);
        b
    }

    #[test]
    fn the_export_adds_three_columns_per_benefit_and_the_problems() {
        let b = screened(
            &[
                &["巫溪县2026年脱贫人口就业帮扶台账"],
                &["序号", "姓名", "年龄", "人员类别"],
                &["1", "张三", "四十", "脱贫户"],
                &["2", "李四", "400", ""],
                &["填表人：王五"],
            ],
            Date::ymd(2025, 6, 20),
        );
        assert_eq!(b.header_line, 2);
        assert_eq!(
            b.rows.len(),
            2,
            "the title and the 填表人 line are not people"
        );
        assert_eq!(b.left_out.iter().map(|l| l.0).collect::<Vec<_>>(), [1, 5]);
        let rows = texts(export_rows(&b));
        let benefits = b.tally.benefits.len();
        assert_eq!(
            rows[0].len(),
            4 + 3 * benefits + 1,
            "no benefit has ended in 2025"
        );
        assert!(rows[0][4].ends_with("：状态"));
        assert!(
            rows[1].last().is_some_and(|p| p.contains("第 3 列“年龄”")),
            "{:?}",
            rows[1].last()
        );
        assert!(
            rows[2].last().is_some_and(|p| p.contains("400")),
            "{:?}",
            rows[2].last()
        );
        let (count, html) = problems_html(&b);
        assert_eq!(count, 2);
        assert!(html.contains("第 3 行 张三"));
        assert!(summary_html(&b.tally).contains("data-status=\"eligible\""));
        assert_eq!(b.name_of(1), "第 4 行 李四");
        assert_eq!(column_problems(&b), [(2, 2)]);
    }

    /// After 2025 each ended or unconfirmed benefit gets a column with the rules of its last day,
    /// equal to each person's `status_on_last_day`, and the summary counts them.
    #[test]
    fn the_last_days_rules_are_a_column_and_a_summary_count() {
        let day = Date::ymd(2026, 3, 1);
        let b = screened(
            &[
                &["姓名", "人员类别", "户籍所在区县", "务工地点", "就业状态"],
                &["张三", "脱贫户", "巫溪县", "广东", "已就业"],
                &["李四", "一般农户", "巫溪县", "县内", "未就业"],
            ],
            day,
        );
        let rows = texts(export_rows(&b));
        let header = &rows[0];
        let mut checked = 0;
        for benefit in &b.tally.benefits {
            let Some((_, last)) = benefit.last_day else {
                continue;
            };
            let title = format!("{}：按{}的规定", benefit.name, last.chinese());
            let column = header.iter().position(|h| *h == title).expect("a column");
            for (row, (_, cells)) in b.rows.iter().enumerate() {
                let (facts, _) = sheet::read_row(&b.uses, cells, day);
                let report = evaluate_person(&facts, day);
                let expected = report
                    .benefits
                    .iter()
                    .find(|r| r.entry.id == benefit.id)
                    .and_then(|r| r.status_on_last_day)
                    .map(|s| s.label().to_string())
                    .unwrap_or_default();
                assert_eq!(rows[row + 1][column], expected, "{}", benefit.id);
                checked += 1;
            }
        }
        assert!(checked >= 12, "{checked}");
        assert!(summary_html(&b.tally).contains("batch-last-day"));
    }

    #[test]
    fn the_read_report_names_the_header_the_rows_left_out_and_hides_id_numbers() {
        let b = table(
            rows(&[
                &["某某台账"],
                &["序号", "姓名", "身份证号码", "人员类别"],
                &["1", "张三", "11010519491231002X", "监测对象"],
                &["2", "", "", ""],
                &["审核人：李四"],
            ]),
            vec!["一条说明".to_string()],
        )
        .expect("a list");
        let html = read_report_html(&b, Date::ymd(2025, 6, 20)).into_string();
        assert!(html.contains("第 2 行是列名"), "{html}");
        assert!(html.contains("第 1 行：在列名行之上"), "{html}");
        assert!(html.contains("只有序号"), "{html}");
        assert!(html.contains("审核人"), "{html}");
        assert!(html.contains("一条说明"), "{html}");
        assert!(html.contains("您今年多少周岁？：75"), "{html}");
        // Each column shows what the whole row gives it: a 务工地点 in the 户籍 district.
        let places = table(
            rows(&[
                &["姓名", "户籍所在区县", "务工地点"],
                &["张三", "巫溪县", "巫溪县"],
            ]),
            Vec::new(),
        )
        .expect("a list");
        let shown = read_report_html(&places, Date::ymd(2025, 6, 20)).into_string();
        assert!(shown.contains("户籍所在区县内"), "{shown}");
        assert!(!shown.contains("未读取"), "{shown}");
        assert!(!html.contains("11010519491231002X"), "{html}");
        assert!(html.contains("不显示"));
        // A list whose columns answer nothing is not screened.
        let names = table(rows(&[&["姓名", "备注"], &["张三", "x"]]), Vec::new()).expect("a list");
        assert!(!sheet::reads_any(&names.uses));
        assert!(read_report_html(&names, Date::ymd(2025, 6, 20))
            .into_string()
            .contains("batch-none-read"));
    }

    #[test]
    fn printed_sheets_are_for_money_and_leads_only() {
        let b = screened(
            &[&["姓名", "人员类别", "年龄"], &["张三", "一般农户", "30"]],
            Date::ymd(2025, 6, 20),
        );
        let (people, _) = sheets_html(&b);
        let lines = screen(&b.uses, &b.rows[0].1, Date::ymd(2025, 6, 20)).lines;
        let expected = lines.iter().any(claimable);
        assert_eq!(b.outcomes[0].claimable, expected);
        assert_eq!(people, usize::from(expected));
        assert!(lines
            .iter()
            .filter(|l| l.status == Status::Eligible && !is_amount(&l.value))
            .all(|l| !claimable(l)));
    }

    #[test]
    fn the_template_reads_back_as_every_question() {
        let bytes = template(Date::ymd(2025, 6, 20));
        let book = xlsx::read(&bytes, None).expect("reads");
        let header = &book.rows[0].1;
        assert_eq!(header.len(), sheet::person_questions().count());
        for (q, h) in sheet::person_questions().zip(header) {
            assert_eq!(sheet::match_header(h), Some(q));
        }
    }

    #[test]
    fn empty_and_header_only_lists_are_explained() {
        assert!(table(Vec::new(), Vec::new())
            .err()
            .unwrap_or_default()
            .contains("空"));
        assert!(table(rows(&[&["姓名"]]), Vec::new())
            .err()
            .unwrap_or_default()
            .contains("没有读到人员"));
    }

    /// The office register of `tests/examples/register/` (written by openpyxl with
    /// `tests/e2e/lib/register.py`: a merged title, a blank row, office headers, 300 people, a 填表人
    /// line, the list on its second sheet; the same as CSV): every person's answers read from it equal
    /// the answers a person typing the same facts gives (`facts.jsonl`), so their statuses are those
    /// of `evaluate_person` on those answers, as the e2e suite checks against `subsidy-check`.
    #[test]
    fn an_office_register_reads_as_the_typed_answers() {
        let day = Date::ymd(2026, 3, 1);
        let typed: Vec<rules_core::Facts> =
            include_str!("../../../tests/examples/register/facts.jsonl")
                .lines()
                .map(|l| serde_json::from_str(l).expect("answers"))
                .collect();
        let book = xlsx::read(
            include_bytes!("../../../tests/examples/register/register.xlsx"),
            Some("2026年台账"),
        )
        .expect("a workbook");
        let first = xlsx::read(
            include_bytes!("../../../tests/examples/register/register.xlsx"),
            None,
        )
        .expect("a workbook");
        assert_eq!(first.sheets[first.chosen].name, "填表说明");
        assert!(
            table(first.rows, first.notes).is_err(),
            "the notes sheet is no list"
        );
        let csv = csv::parse(include_str!(
            "../../../tests/examples/register/register-utf8.csv"
        ))
        .expect("CSV");
        for (what, (rows, notes)) in [("xlsx", (book.rows, book.notes)), ("csv", csv)] {
            let b = table(rows, notes).expect("a list");
            assert_eq!(b.header_line, 3, "{what}");
            assert_eq!(b.rows.len(), typed.len(), "{what}");
            assert_eq!(b.left_out.len(), 2, "{what}: the title and the 填表人 line");
            assert_eq!(b.uses[0], None, "{what}: 序号");
            for (i, (_, cells)) in b.rows.iter().enumerate() {
                let (facts, _) = sheet::read_row(&b.uses, cells, day);
                assert_eq!(facts, typed[i], "{what} person {}", i + 1);
                let outcome = screen(&b.uses, cells, day);
                assert_eq!(
                    outcome.lines,
                    sheet::lines(&evaluate_person(&typed[i], day)),
                    "{what} person {}",
                    i + 1
                );
            }
        }
    }
}

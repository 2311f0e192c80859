//! 筛查名单: a whole list of people screened on the staff's own computer. A workbook (.xlsx), a CSV
//! file (GBK as Excel saves it on Chinese Windows, or UTF-8) or pasted cells are read in the
//! browser; each column is matched to a rules-core question (`rules_core::sheet`); every row is
//! evaluated with rules-core as of a chosen day, in slices that give the browser back its turn
//! (progress bar); the page counts each benefit as `subsidy-check evaluate --summary` would, lists
//! the cells it could not read by row and column, exports the list with the results added (.xlsx
//! and CSV) and prints a "what to bring" sheet per person who can apply. Nothing is stored and
//! nothing is sent: the list lives in this page's memory until 忘记这份名单 or the page closes.

use super::{csv, xlsx};
use crate::format::{is_amount, status_mark};
use leptos::prelude::*;
use markup::{html, Html};
use rules_core::checklist::merge_for;
use rules_core::input::DATE_EXAMPLE;
use rules_core::questions::{options, wording};
use rules_core::sheet::{self, Line, Tally, COUNTED};
use rules_core::{evaluate_person, Date, Status, Q};
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What a column is used for: a question, the people's names (printed sheets), or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Skip,
    Name,
    Question(Q),
}

impl Use {
    fn value(self) -> &'static str {
        match self {
            Use::Skip => "",
            Use::Name => "name",
            Use::Question(q) => q.id(),
        }
    }

    fn from_value(value: &str) -> Use {
        match value {
            "name" => Use::Name,
            _ => Q::from_id(value).map_or(Use::Skip, Use::Question),
        }
    }
}

/// One person's results: their benefits as `--summary` lists them, and the cells that could not be
/// read or were found wrong (column, message).
struct Outcome {
    lines: Vec<Line>,
    problems: Vec<(Option<usize>, String)>,
}

/// The loaded list and its results; in this page's memory only.
#[derive(Default)]
struct Batch {
    header: Vec<String>,
    /// Data rows, each with its row (line) number in the file.
    rows: Vec<(usize, Vec<String>)>,
    uses: Vec<Use>,
    day: Option<Date>,
    outcomes: Vec<Outcome>,
    tally: Tally,
    /// Bumped by 忘记这份名单 and by each new run, so that a run in progress stops.
    generation: u32,
}

impl Batch {
    fn columns(&self) -> Vec<Option<Q>> {
        self.uses
            .iter()
            .map(|u| match u {
                Use::Question(q) => Some(*q),
                _ => None,
            })
            .collect()
    }

    fn name_of(&self, row: usize) -> String {
        let number = self.rows.get(row).map_or(0, |r| r.0);
        let name = self
            .uses
            .iter()
            .position(|u| *u == Use::Name)
            .and_then(|c| self.rows.get(row)?.1.get(c))
            .map(|n| n.trim())
            .filter(|n| !n.is_empty());
        match name {
            Some(name) => format!("第 {number} 行 {name}"),
            None => format!("第 {number} 行"),
        }
    }

    fn column_name(&self, column: usize) -> String {
        let header = self
            .header
            .get(column)
            .map(|h| h.trim())
            .unwrap_or_default();
        if header.is_empty() {
            format!("第 {} 列", column + 1)
        } else {
            format!("第 {} 列“{header}”", column + 1)
        }
    }
}

/// The list read from a file or pasted text: header and rows, or why not, in Chinese.
fn table(rows: xlsx::Rows) -> Result<(Vec<String>, xlsx::Rows), String> {
    let mut rows = rows.into_iter();
    let Some((_, header)) = rows.next() else {
        return Err("没有读到任何内容：文件或粘贴的内容是空的。请确认选对了文件，第一行是列名，下面每行一个人。".to_string());
    };
    let rows: xlsx::Rows = rows.collect();
    if rows.is_empty() {
        return Err("只读到一行（列名），没有人员。请在列名下面每行填一个人。".to_string());
    }
    Ok((header, rows))
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextDecoder)]
    type Decoder;
    #[wasm_bindgen(constructor, catch, js_class = "TextDecoder")]
    fn new(label: &str) -> Result<Decoder, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "TextDecoder")]
    fn decode(this: &Decoder, bytes: &js_sys::Uint8Array) -> Result<String, JsValue>;

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
}

/// A file's rows and a sentence on how it was read.
fn read_file(name: &str, bytes: &[u8]) -> Result<(String, xlsx::Rows), String> {
    if bytes.is_empty() {
        return Err(format!("“{name}”是空文件（0 字节），请重新保存后再选。"));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        let rows = xlsx::read(bytes)?;
        return Ok((format!("“{name}”（Excel 工作簿，第一个工作表）"), rows));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("这是旧版 Excel 文件（.xls），无法直接读取。请在 Excel 里“另存为”Excel 工作簿（.xlsx）或 CSV 后再选。".to_string());
    }
    let encoding = csv::sniff(bytes);
    let text = match encoding {
        csv::Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        csv::Encoding::Utf16 | csv::Encoding::Gbk => {
            let label = if encoding == csv::Encoding::Gbk {
                "gbk"
            } else {
                "utf-16le"
            };
            let unreadable = |_| {
                "这个浏览器无法读取这种编码的文件，请在 Excel 里另存为 .xlsx 后再选。".to_string()
            };
            let decoder = Decoder::new(label).map_err(unreadable)?;
            decoder
                .decode(&js_sys::Uint8Array::from(bytes))
                .map_err(unreadable)?
        }
    };
    if text.contains('\u{0}') {
        return Err(format!("“{name}”不是表格文件（CSV 或 .xlsx），无法读取。"));
    }
    Ok((
        format!("“{name}”（CSV 文本，编码：{}）", encoding.label()),
        csv::parse(&text),
    ))
}

/// Offers `bytes` as a file download.
fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    crate::download::offer(&js_sys::Uint8Array::from(bytes).into(), name, mime)
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
    xlsx::write(&[
        xlsx::Sheet {
            name: "名单",
            rows: &[header],
        },
        xlsx::Sheet {
            name: "填写说明",
            rows: &help,
        },
    ])
}

/// The list with the results added: per benefit its status, estimated amount and missing answers,
/// then the problems found in the row.
fn export_rows(batch: &Batch) -> Vec<Vec<String>> {
    let mut header = batch.header.clone();
    let width = batch
        .rows
        .iter()
        .map(|r| r.1.len())
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    header.resize(width, String::new());
    for b in &batch.tally.benefits {
        header.push(format!("{}：状态", b.name));
        header.push(format!("{}：预估金额", b.name));
        header.push(format!("{}：还需回答", b.name));
    }
    header.push("填写问题".to_string());
    let mut out = vec![header];
    for ((_, cells), outcome) in batch.rows.iter().zip(&batch.outcomes) {
        let mut row = cells.clone();
        row.resize(width, String::new());
        for b in &batch.tally.benefits {
            match outcome.lines.iter().find(|l| l.id == b.id) {
                Some(line) => {
                    row.push(line.status.label().to_string());
                    let figure = matches!(line.status, Status::Eligible | Status::NeedsAnswers);
                    row.push(if figure {
                        line.value.text()
                    } else {
                        String::new()
                    });
                    row.push(sheet::missing_answers(line));
                }
                None => row.extend([String::new(), String::new(), String::new()]),
            }
        }
        let problems: Vec<String> = outcome
            .problems
            .iter()
            .map(|(column, message)| match column {
                Some(c) => format!("{}：{message}", batch.column_name(*c)),
                None => message.clone(),
            })
            .collect();
        row.push(problems.join("；"));
        out.push(row);
    }
    out
}

/// The summary table: per benefit, people by status and the answer most often missing.
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
    h.raw("</tr></thead><tbody>");
    for b in &tally.benefits {
        html!(
            h,
            "<tr data-benefit=\"{}\"><th scope=\"row\">{}</th>",
            b.id,
            b.name
        );
        for (status, count) in COUNTED.iter().zip(b.counts) {
            html!(h, "<td data-status=\"{}\">{}</td>", *status.id(), count);
            if *status == Status::NeedsAnswers {
                let most: Vec<String> = b
                    .first_asks
                    .iter()
                    .take(2)
                    .map(|(q, n)| format!("{}（{n} 人）", wording(*q).text))
                    .collect();
                html!(h, "<td class=\"asks\">{}</td>", most.join("；"));
            }
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
    h
}

/// At most this many problems are listed on the page; all are in the export.
const SHOWN_PROBLEMS: usize = 200;

fn problems_html(batch: &Batch) -> (usize, Html) {
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

/// The "what to bring" sheets of the people who can apply for something, one per page.
fn sheets_html(batch: &Batch) -> (usize, Html) {
    let mut h = Html::new();
    let Some(day) = batch.day else {
        return (0, h);
    };
    let columns = batch.columns();
    let mut people = 0;
    for (row, ((_, cells), outcome)) in batch.rows.iter().zip(&batch.outcomes).enumerate() {
        if !outcome.lines.iter().any(|l| l.status == Status::Eligible) {
            continue;
        }
        people += 1;
        let (facts, _) = sheet::read_row(&columns, cells, day);
        let report = evaluate_person(&facts, day);
        let eligible: Vec<&str> = report
            .benefits
            .iter()
            .filter(|b| b.status == Status::Eligible)
            .map(|b| b.id)
            .collect();
        let names: Vec<String> = report
            .benefits
            .iter()
            .filter(|b| b.status == Status::Eligible)
            .map(|b| {
                let figure = b.estimate.value.text();
                if is_amount(&b.estimate.value) {
                    format!("{}（预估 {figure}）", b.name)
                } else {
                    format!("{}（{figure}）", b.name)
                }
            })
            .collect();
        let checklist = merge_for(&report, &facts, &eligible);
        html!(
            h,
            "<section class=\"bring-sheet\"><h2>申请材料清单：{}</h2><p>按 {} 的政策，可以申请：{}</p><pre>{}</pre></section>",
            batch.name_of(row),
            day.chinese(),
            names.join("、"),
            checklist.to_plain_text()
        );
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
        let columns = b.columns();
        total = b.rows.len();
        while done < total && (done == next || now() < slice_end) {
            let (facts, cell_problems) = sheet::read_row(&columns, &b.rows[done].1, day);
            let report = evaluate_person(&facts, day);
            let lines = sheet::lines(&report);
            b.tally.add(&lines);
            let mut problems: Vec<(Option<usize>, String)> = cell_problems
                .into_iter()
                .map(|p| (Some(p.column), p.message))
                .collect();
            for finding in &report.findings {
                let column = finding
                    .question
                    .and_then(|q| columns.iter().position(|c| *c == Some(q)));
                problems.push((column, finding.message.clone()));
            }
            b.outcomes.push(Outcome { lines, problems });
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

/// 筛查名单.
#[component]
pub fn BatchScreen() -> impl IntoView {
    let batch = StoredValue::new(Batch::default());
    let loaded = RwSignal::new(0_u32);
    let source = RwSignal::new(String::new());
    let message = RwSignal::new(None::<String>);
    let uses = RwSignal::new(Vec::<Use>::new());
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

    let clear_results = move || {
        batch.update_value(|b| {
            b.generation += 1;
            b.outcomes.clear();
            b.tally = Tally::default();
        });
        ui.progress.set(None);
        ui.results.set(0);
        ui.speed.set(String::new());
        notice.set(String::new());
    };
    let take = move |read: Result<(String, xlsx::Rows), String>| {
        clear_results();
        let list =
            read.and_then(|(how, rows)| table(rows).map(|(header, rows)| (how, header, rows)));
        match list {
            Ok((how, header, rows)) => {
                let width = rows
                    .iter()
                    .map(|r| r.1.len())
                    .chain([header.len()])
                    .max()
                    .unwrap_or(0);
                let mut found = Vec::with_capacity(width);
                for column in 0..width {
                    let text = header.get(column).map_or("", |h| h.as_str());
                    let matched =
                        sheet::match_header(text).filter(|q| !found.contains(&Use::Question(*q)));
                    found.push(match matched {
                        Some(q) => Use::Question(q),
                        None if sheet::is_name_header(text) && !found.contains(&Use::Name) => {
                            Use::Name
                        }
                        None => Use::Skip,
                    });
                }
                source.set(format!("已读取{how}：{} 人，{width} 列。", rows.len()));
                batch.update_value(|b| {
                    b.header = header;
                    b.rows = rows;
                    b.uses = found.clone();
                });
                uses.set(found);
                message.set(None);
            }
            Err(why) => {
                batch.update_value(|b| {
                    b.header.clear();
                    b.rows.clear();
                    b.uses.clear();
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
        let Some(file) = picked.and_then(|f| f.item(0)) else {
            return;
        };
        message.set(None);
        source.set("正在读取……".to_string());
        let name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let read = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => read_file(&name, &js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(_) => Err(format!(
                    "无法打开“{name}”，请确认文件没有被其他程序占用后再试。"
                )),
            };
            take(read);
        });
    };
    let on_paste = move |_| {
        let text = paste_box
            .get_untracked()
            .map(|t| t.value())
            .unwrap_or_default();
        take(Ok(("粘贴的内容".to_string(), csv::parse(&text))));
    };
    let forget = move |_| {
        clear_results();
        batch.set_value(Batch {
            generation: batch.with_value(|b| b.generation) + 1,
            ..Batch::default()
        });
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
        let picked = Use::from_value(&value);
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
        let rows = batch.with_value(export_rows);
        let done = if as_xlsx {
            download(
                &xlsx::write(&[xlsx::Sheet {
                    name: "筛查结果",
                    rows: &rows,
                }]),
                "筛查结果.xlsx",
                XLSX,
            )
        } else {
            download(
                csv::write(&rows).as_bytes(),
                "筛查结果.csv",
                "text/csv;charset=utf-8",
            )
        };
        if let Err(why) = done {
            notice.set(why);
        }
    };
    let sheets = RwSignal::new(String::new());
    let print_sheets = move |_| {
        let (people, html) = batch.with_value(sheets_html);
        if people == 0 {
            notice.set("名单里没有可以申请的人，没有要打印的材料清单。".to_string());
            return;
        }
        sheets.set(html.into_string());
        notice.set(format!("已准备 {people} 人的材料清单，每人一页。"));
        if let Some(body) = document().body() {
            let _ = body.class_list().add_1("print-sheets");
            let _ = window().print();
            let _ = body.class_list().remove_1("print-sheets");
        }
    };

    let has_list = move || uses.with(|u| !u.is_empty());
    let results = move || {
        ui.results.get();
        batch.with_value(|b| {
            (b.outcomes.len() == b.rows.len() && !b.rows.is_empty() && !b.outcomes.is_empty()).then(
                || {
                    let (count, list) = problems_html(b);
                    (
                        summary_html(&b.tally).into_string(),
                        count,
                        list.into_string(),
                        b.rows.len(),
                        b.day,
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
                <p class="hint">"Excel 工作簿（.xlsx）或 CSV 文件，第一行是列名，下面每行一个人；也可以从表格里复制后粘贴到下面。没有现成名单的，可以先下载模板填写。"</p>
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
                {move || message.get().map(|m| view! { <p class="banner warning" id="batch-message" role="alert">{m}</p> })}
            </section>
            <Show when=has_list>
                <section class="card no-print" aria-labelledby="batch-columns-heading">
                    <h2 id="batch-columns-heading">"2. 核对每一列对应的问题"</h2>
                    <p class="hint">"列名和问题对得上的已自动选好；其余的请从列表里选，或选“不读取”。不读取的列不参与判断，会原样出现在导出的文件里。"</p>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="batch-columns-heading">
                        <table id="batch-columns">
                            <thead><tr><th scope="col">"列名"</th><th scope="col">"第一行的内容"</th><th scope="col">"对应的问题"</th></tr></thead>
                            <tbody>
                                {move || {
                                    loaded.get();
                                    let (header, first) = batch.with_value(|b| (b.header.clone(), b.rows.first().map(|r| r.1.clone()).unwrap_or_default()));
                                    let width = uses.with_untracked(Vec::len);
                                    let question_options: Vec<Q> = sheet::person_questions().collect();
                                    (0..width).map(move |column| {
                                        let title = header.get(column).cloned().unwrap_or_default();
                                        let example = first.get(column).cloned().unwrap_or_default();
                                        let id = format!("batch-column-{column}");
                                        let selected = move || uses.with(|u| u.get(column).copied().unwrap_or(Use::Skip).value().to_string());
                                        view! {
                                            <tr>
                                                <th scope="row"><label for=id.clone()>{if title.trim().is_empty() { format!("（第 {} 列）", column + 1) } else { title }}</label></th>
                                                <td>{example}</td>
                                                <td>
                                                    <select id=id data-column=column prop:value=selected on:change=move |ev| pick(column, event_target_value(&ev))>
                                                        <option value="">"不读取"</option>
                                                        <option value="name">"姓名（打印材料清单时用）"</option>
                                                        {question_options.iter().map(|q| view! { <option value=q.id()>{wording(*q).text}</option> }).collect_view()}
                                                    </select>
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
                {move || results().map(|(summary, count, problems, people, day)| view! {
                    <section class="card" aria-labelledby="batch-results-heading">
                        <h2 id="batch-results-heading">"4. 筛查结果"</h2>
                        <p id="batch-results-line">{format!("共 {people} 人，按 {} 的政策。每项政策分别统计，一个人可能同时符合几项；结果仅供参考，以区县人力社保部门审核为准。", day.map(|d| d.chinese()).unwrap_or_default())}</p>
                        <div class="table-scroll" tabindex="0" role="region" aria-label="各项政策的人数" inner_html=summary></div>
                        <div class="actions no-print">
                            <button type="button" class="primary" id="batch-export-xlsx" on:click=move |_| export(true)>"导出结果（.xlsx）"</button>
                            <button type="button" class="secondary" id="batch-export-csv" on:click=move |_| export(false)>"导出结果（.csv）"</button>
                            <button type="button" class="secondary" id="batch-print" on:click=print_sheets>"打印可申请人员的材料清单"</button>
                        </div>
                        <h3 id="batch-problems-heading">{format!("填写有问题的格子：{count} 处")}</h3>
                        <p class="hint">{if count > SHOWN_PROBLEMS { format!("下面列出前 {SHOWN_PROBLEMS} 处，全部见导出文件的“填写问题”列。") } else { "这些格子按“不清楚”处理，请核对后重新筛查。".to_string() }}</p>
                        <ul id="batch-problems" tabindex="0" aria-labelledby="batch-problems-heading" inner_html=problems></ul>
                    </section>
                })}
            </Show>
            <div id="batch-sheets" class="print-only" inner_html=move || sheets.get()></div>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(header: &[&str], rows: &[&[&str]]) -> Batch {
        let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
        let uses = header
            .iter()
            .map(|h| {
                sheet::match_header(h).map_or(
                    if sheet::is_name_header(h) {
                        Use::Name
                    } else {
                        Use::Skip
                    },
                    Use::Question,
                )
            })
            .collect();
        Batch {
            header,
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i + 2, r.iter().map(|c| c.to_string()).collect()))
                .collect(),
            uses,
            day: Some(Date::ymd(2025, 6, 20)),
            ..Batch::default()
        }
    }

    #[test]
    fn the_export_adds_three_columns_per_benefit_and_the_problems() {
        let mut b = batch(
            &["姓名", "年龄", "脱贫属性"],
            &[&["张三", "四十", "脱贫户"], &["李四", "400", ""]],
        );
        let day = Date::ymd(2025, 6, 20);
        let columns = b.columns();
        for (_, cells) in b.rows.clone() {
            let (facts, problems) = sheet::read_row(&columns, &cells, day);
            let report = evaluate_person(&facts, day);
            let lines = sheet::lines(&report);
            b.tally.add(&lines);
            let mut problems: Vec<(Option<usize>, String)> = problems
                .into_iter()
                .map(|p| (Some(p.column), p.message))
                .collect();
            problems.extend(report.findings.iter().map(|f| {
                (
                    f.question
                        .and_then(|q| columns.iter().position(|c| *c == Some(q))),
                    f.message.clone(),
                )
            }));
            b.outcomes.push(Outcome { lines, problems });
        }
        let rows = export_rows(&b);
        let benefits = b.tally.benefits.len();
        assert_eq!(rows[0].len(), 3 + 3 * benefits + 1);
        assert!(rows[0][3].ends_with("：状态"));
        assert!(
            rows[1].last().is_some_and(|p| p.contains("第 2 列“年龄”")),
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
        assert!(html.contains("第 2 行 张三"));
        assert!(summary_html(&b.tally).contains("data-status=\"eligible\""));
        assert_eq!(b.name_of(1), "第 3 行 李四");
    }

    #[test]
    fn the_template_reads_back_as_every_question() {
        let bytes = template(Date::ymd(2025, 6, 20));
        let rows = xlsx::read(&bytes).expect("reads");
        let header = &rows[0].1;
        assert_eq!(header.len(), sheet::person_questions().count());
        for (q, h) in sheet::person_questions().zip(header) {
            assert_eq!(sheet::match_header(h), Some(q));
        }
    }

    #[test]
    fn empty_and_header_only_lists_are_explained() {
        assert!(table(Vec::new()).unwrap_err().contains("空"));
        assert!(table(vec![(1, vec!["姓名".to_string()])])
            .unwrap_err()
            .contains("只读到一行"));
    }
}

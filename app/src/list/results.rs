//! The results card (第 4 步，筛查结果): the per-benefit summary, the export buttons (the pipeline's
//! .xlsx and .csv), the printed "what to bring" sheets and the cells that could not be read.

use super::files::XLSX;
use super::read::{next_turn, TURN_MS};
use super::report::{problems_html, sheets_html, summary_html, SHOWN_PROBLEMS};
use super::state::Screen;
use crate::download::{Pieces, PIECE};
use leptos::prelude::*;
use lists::csv;
use lists::screen::{
    column_problems, export_header, export_row, export_width, kept_sheets, EXPORT_SHEET,
};
use lists::xlsx::{Cell, Writer};
use lists::zip::Layout;
use rules_core::Date;

/// The export's rows, its header first, each handed to `write`, a slice of about
/// [`TURN_MS`] at a time between the browser's turns (the page answers input meanwhile).
/// `false`, having stopped, when the list is forgotten or screened again meanwhile.
async fn export_rows(screen: Screen, mut write: impl FnMut(Vec<Cell>)) -> bool {
    let Some((generation, width, total)) = screen.batch.try_with_value(|b| {
        let total = b.rows.len().min(b.outcomes.len());
        (b.generation, export_width(b), total)
    }) else {
        return false;
    };
    let mut header = true;
    // People written so far, in row order.
    let mut next = 0;
    loop {
        let slice_end = js_sys::Date::now() + TURN_MS;
        let current = screen.batch.try_with_value(|b| {
            if b.generation != generation {
                return false;
            }
            if std::mem::take(&mut header) {
                write(export_header(b, width));
            }
            while next < total && js_sys::Date::now() < slice_end {
                let (Some((_, cells)), Some(outcome)) = (b.rows.get(next), b.outcomes.get(next))
                else {
                    return false;
                };
                write(export_row(b, width, cells, outcome));
                next += 1;
            }
            true
        });
        if current != Some(true) {
            return false;
        }
        if next >= total {
            return true;
        }
        next_turn().await;
    }
}

/// The screened list as a workbook (a loaded workbook's other sheets and column widths kept, as
/// `lists::screen::export_xlsx_keeping` writes them: the same bytes), written a slice of rows at a
/// time and handed to the browser in pieces: only its packed parts are held.
async fn export_xlsx(screen: Screen) {
    screen.notice.set("正在导出……".to_string());
    let sheet = screen
        .sheet_names
        .with_untracked(|s| s.get(screen.chosen_sheet.get_untracked()).cloned());
    // The workbook's other sheets, read as loaded; none for a CSV or pasted list.
    let kept = screen.file.with_value(|f| match (f, sheet) {
        (Some((_, original)), Some((name, _))) => Some(kept_sheets(original, &name)),
        _ => None,
    });
    let Some(generation) = screen.batch.try_with_value(|b| b.generation) else {
        return;
    };
    let mut writer = Writer::default();
    let widths = match kept {
        Some(_) => screen.batch.with_value(|b| b.widths.clone()),
        None => Vec::new(),
    };
    writer.sheet(EXPORT_SHEET, widths);
    if !export_rows(screen, |row| writer.row(&row)).await {
        return;
    }
    let mut notes = Vec::new();
    if let Some((others, why)) = kept {
        for (name, rows, widths) in others {
            writer.sheet(&name, widths);
            for row in &rows {
                writer.row(row);
            }
        }
        notes = why;
    }
    // The workbook's texts (a long list has a name per person), a slice at a time.
    let mut strings = writer.strings();
    loop {
        let slice_end = js_sys::Date::now() + TURN_MS;
        let mut done = false;
        while !done && js_sys::Date::now() < slice_end {
            done = strings.step(1000);
        }
        if done {
            break;
        }
        next_turn().await;
        if screen.batch.try_with_value(|b| b.generation) != Some(generation) {
            return;
        }
    }
    // Handed to the browser a slice at a time too (the copies of 14 MB take tens of ms).
    let parts = strings.parts();
    let layout = Layout::new(&parts);
    let pieces = Pieces::default();
    let mut slice_end = js_sys::Date::now() + TURN_MS;
    for piece in layout.pieces() {
        if js_sys::Date::now() >= slice_end {
            next_turn().await;
            if screen.batch.try_with_value(|b| b.generation) != Some(generation) {
                return;
            }
            slice_end = js_sys::Date::now() + TURN_MS;
        }
        pieces.push(piece);
    }
    match pieces.offer("筛查结果.xlsx", XLSX) {
        Ok(()) => screen.notice.set(notes.join(" ")),
        Err(why) => screen.notice.set(why),
    }
}

/// The screened list as CSV, written a slice of rows at a time and handed to the browser in pieces
/// of about 1 MB: the export is never held whole. The same bytes as `lists::screen::export_csv`.
async fn export_csv(screen: Screen) {
    screen.notice.set("正在导出……".to_string());
    let pieces = Pieces::default();
    let mut out = Vec::with_capacity(PIECE + 64 * 1024);
    out.extend_from_slice("\u{feff}".as_bytes());
    let written = export_rows(screen, |row| {
        csv::write_rows(&mut out, std::iter::once(row));
        if out.len() >= PIECE {
            pieces.push(&out);
            out.clear();
        }
    })
    .await;
    if !written {
        return;
    }
    pieces.push(&out);
    match pieces.offer("筛查结果.csv", "text/csv;charset=utf-8") {
        Ok(()) => screen.notice.set(String::new()),
        Err(why) => screen.notice.set(why),
    }
}

/// Writes the current list's sheets into the page, then prints (so the first print has them).
fn print_sheets(screen: Screen) {
    let (people, html) = screen.batch.with_value(|b| sheets_html(b));
    if people == 0 {
        screen.clear_sheets();
        screen
            .notice
            .set("名单里没有可以申请补贴或值得跟进的人，没有要打印的材料清单。".to_string());
        return;
    }
    if let Some(el) = screen.sheets_box.get_untracked() {
        el.set_inner_html(&html.into_string());
    }
    screen
        .notice
        .set(format!("已准备 {people} 人的材料清单，每人一页。"));
    if let Some(body) = document().body() {
        let _ = body.class_list().add_1("print-sheets");
        let _ = window().print();
        let _ = body.class_list().remove_1("print-sheets");
    }
}

/// What the results card shows, once every row is screened.
struct Shown {
    summary: String,
    problem_count: usize,
    problems: String,
    people: usize,
    day: Option<Date>,
    by_column: String,
}

fn shown_results(screen: Screen) -> Option<Shown> {
    screen.results.get();
    screen.batch.with_value(|b| {
        let complete = b.outcomes.len() == b.rows.len() && !b.rows.is_empty();
        complete.then(|| {
            let (problem_count, problems) = problems_html(b);
            let by_column: Vec<String> = column_problems(b)
                .into_iter()
                .map(|(c, n)| format!("{} {n} 格", b.column_name(c)))
                .collect();
            Shown {
                summary: summary_html(&b.tally).into_string(),
                problem_count,
                problems: problems.into_string(),
                people: b.rows.len(),
                day: b.day,
                by_column: by_column.join("；"),
            }
        })
    })
}

/// The results card, drawn once a run has screened every row.
#[component]
pub fn ResultsCard(screen: Screen) -> impl IntoView {
    move || {
        shown_results(screen).map(|r| view! {
        <section class="card" aria-labelledby="batch-results-heading">
            <h2 id="batch-results-heading">"4. 筛查结果"</h2>
            <p id="batch-results-line">{format!(
                concat!(
                    "共 {} 人，按 {} 的政策。每项政策分别统计，一个人可能同时符合几项；结果仅供参考，",
                    rules_core::reviewed_by!(),
                    "。"
                ),
                r.people,
                r.day.map(|d| d.chinese()).unwrap_or_default()
            )}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="各项政策的人数" inner_html=r.summary></div>
            <div class="actions no-print">
                <button type="button" class="primary" id="batch-export-xlsx" on:click=move |_| wasm_bindgen_futures::spawn_local(export_xlsx(screen))>"导出结果（.xlsx）"</button>
                <button type="button" class="secondary" id="batch-export-csv" on:click=move |_| wasm_bindgen_futures::spawn_local(export_csv(screen))>"导出结果（.csv）"</button>
                <button type="button" class="secondary" id="batch-print" on:click=move |_| print_sheets(screen)>"打印可领补贴和值得跟进人员的材料清单"</button>
            </div>
            <h3 id="batch-problems-heading">{format!("填写有问题的格子：{} 处", r.problem_count)}</h3>
            <p id="batch-column-problems">{if r.by_column.is_empty() { String::new() } else { format!("按列：{}", r.by_column) }}</p>
            <p class="hint">{if r.problem_count > SHOWN_PROBLEMS {
                format!("下面列出前 {SHOWN_PROBLEMS} 处，全部见导出文件的“填写问题”列。")
            } else {
                "这些格子按“不清楚”处理，请核对后重新筛查。".to_string()
            }}</p>
            <ul id="batch-problems" tabindex="0" aria-labelledby="batch-problems-heading" inner_html=r.problems></ul>
        </section>
    })
    }
}

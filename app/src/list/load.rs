//! The loading card (第 1 步，载入名单): a file picker, a box to paste cells into, the template,
//! 忘记这份名单, and for a workbook of several worksheets the one to read.

use super::files::{download, template, XLSX};
use super::state::Screen;
use leptos::prelude::*;

/// The template workbook, with the answers' choices as on the chosen day.
fn offer_template(screen: Screen) {
    if let Err(why) = download(&template(screen.day()), "筛查名单模板.xlsx", XLSX) {
        screen.notice.set(why);
    }
}

/// The worksheet picker, shown for a workbook of more than one worksheet.
#[component]
fn SheetPicker(screen: Screen) -> impl IntoView {
    let options = move || {
        screen
            .sheet_names
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (name, hidden))| {
                let label = if hidden {
                    format!("{name}（隐藏）")
                } else {
                    name
                };
                view! { <option value=i.to_string()>{label}</option> }
            })
            .collect_view()
    };
    move || {
        (screen.sheet_names.with(Vec::len) > 1).then(|| {
            view! {
                <label for="batch-sheet">"读取哪个工作表"</label>
                <select id="batch-sheet" prop:value=move || screen.chosen_sheet.get().to_string() on:change=move |ev| {
                    if let Ok(index) = event_target_value(&ev).parse() {
                        screen.read_sheet(index)
                    }
                }>{options}</select>
            }
        })
    }
}

/// The loading card.
#[component]
pub fn LoadCard(screen: Screen) -> impl IntoView {
    view! {
        <section class="card no-print" aria-labelledby="batch-load-heading">
            <h2 id="batch-load-heading">"1. 载入名单"</h2>
            <p class="hint">"Excel 工作簿（.xlsx）或 CSV 文件，一行列名（上面可以有标题行），下面每行一个人；也可以从表格里复制后粘贴到下面。没有现成名单的，可以先下载模板填写。"</p>
            <label for="batch-file">"选择文件（.xlsx 或 .csv）"</label>
            <input type="file" id="batch-file" accept=".xlsx,.csv,.txt" node_ref=screen.file_input
                on:change=move |_| screen.read_picked_file()/>
            <details class="paste">
                <summary>"或者粘贴表格内容"</summary>
                <label for="batch-paste">"在 Excel 或 WPS 里选中表格（含列名）复制，粘贴到这里："</label>
                <textarea id="batch-paste" rows="5" node_ref=screen.paste_box></textarea>
                <button type="button" class="secondary" id="batch-paste-read" on:click=move |_| screen.read_pasted()>"读取粘贴的内容"</button>
            </details>
            <div class="actions">
                <button type="button" class="secondary" id="batch-template" on:click=move |_| offer_template(screen)>"下载名单模板（.xlsx）"</button>
                <button type="button" class="secondary" id="batch-forget" on:click=move |_| screen.forget()>"忘记这份名单"</button>
            </div>
            <p id="batch-source" role="status">{move || screen.source.get()}</p>
            <SheetPicker screen=screen/>
            {move || screen.message.get().map(|m| view! { <p class="banner warning" id="batch-message" role="alert">{m}</p> })}
        </section>
    }
}

//! How the list was read, and 第 2 步 (核对每一列对应的问题): each column's name, its first cell (an
//! identity number never shown) and the question it answers, changeable by hand.

use super::report::read_report_html;
use super::state::Screen;
use leptos::prelude::*;
use lists::screen::shown;
use markup::{html, Html};
use rules_core::questions::wording;
use rules_core::sheet::{self, Field};

/// "名单是怎样读取的": the header row, the rows left out and why, the first people's cells beside
/// their answers (redrawn when a column's question or the day changes).
#[component]
pub fn ReadCard(screen: Screen) -> impl IntoView {
    let report = move || {
        screen.loaded.get();
        screen.uses.track();
        screen.day_text.track();
        let day = screen.day();
        screen
            .batch
            .with_value(|b| read_report_html(b, day).into_string())
    };
    view! {
        <section class="card no-print" aria-labelledby="batch-read-heading">
            <h2 id="batch-read-heading">"名单是怎样读取的"</h2>
            <div id="batch-read" inner_html=report></div>
        </section>
    }
}

/// The picker's options as one HTML text, shared by every column's picker: a wide list has
/// hundreds of pickers, and a component per option took hundreds of MB.
fn picker_options() -> String {
    let mut options = Html::new();
    options.raw("<option value=\"\">不读取</option>");
    for f in Field::EXTRA {
        html!(
            options,
            "<option value=\"{}\">{}</option>",
            f.value(),
            f.label()
        );
    }
    for q in sheet::person_questions() {
        html!(
            options,
            "<option value=\"{}\">{}</option>",
            q.id(),
            wording(q).text
        );
    }
    options.into_string()
}

/// Each column's name and first cell, as shown (cut when long; an identity number hidden).
fn column_titles(screen: Screen) -> Vec<(String, String)> {
    let width = screen.uses.with_untracked(Vec::len);
    screen.batch.with_value(|b| {
        (0..width)
            .map(|column| {
                let title = b.header.get(column).map(|h| shown(h)).unwrap_or_default();
                let title = if title.trim().is_empty() {
                    format!("（第 {} 列）", column + 1)
                } else {
                    title
                };
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
            })
            .collect()
    })
}

/// The column table: one row per column with its question picker.
#[component]
pub fn ColumnsCard(screen: Screen) -> impl IntoView {
    let rows = move || {
        screen.loaded.get();
        let options = picker_options();
        column_titles(screen)
            .into_iter()
            .enumerate()
            .map(move |(column, (title, example))| {
                let id = format!("batch-column-{column}");
                let selected = move || {
                    screen.uses.with(|u| {
                        u.get(column).copied().flatten().map_or("", Field::value).to_string()
                    })
                };
                view! {
                    <tr>
                        <th scope="row"><label for=id.clone()>{title}</label></th>
                        <td>{example}</td>
                        <td>
                            <select id=id data-column=column inner_html=options.clone() prop:value=selected
                                on:change=move |ev| screen.pick_column(column, event_target_value(&ev))></select>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card no-print" aria-labelledby="batch-columns-heading">
            <h2 id="batch-columns-heading">"2. 核对每一列对应的问题"</h2>
            <p class="hint">"列名和问题对得上的已自动选好；其余的请从列表里选，或选“不读取”。不读取的列不参与判断，会原样出现在导出的文件里。"</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="batch-columns-heading">
                <table id="batch-columns">
                    <thead><tr><th scope="col">"列名"</th><th scope="col">"第一行的内容"</th><th scope="col">"对应的问题"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

//! 筛查名单: the screen, its cards in order. It renders and drives the `lists` pipeline only: the
//! columns' questions, the screening and the export's columns are the pipeline's.

use super::columns::{ColumnsCard, ReadCard};
use super::load::LoadCard;
use super::results::ResultsCard;
use super::run::RunCard;
use super::state::Screen;
use leptos::prelude::*;

/// The list screen: the privacy note, loading, then (once a list is loaded) how it was read, its
/// columns, the run and the results, and the box the printed sheets are written into.
#[component]
pub fn BatchScreen() -> impl IntoView {
    let screen = Screen::from_address();
    let has_list = move || screen.uses.with(|u| !u.is_empty());
    view! {
        <main id="main" class="staff batch">
            <p class="banner privacy" id="batch-privacy">
                "名单只在这台电脑的浏览器里读取和计算：不上传到任何地方，也不保存。关闭或刷新页面，或点“忘记这份名单”，页面里就不再有它。导出的文件由您自己保存。"
            </p>
            <LoadCard screen=screen/>
            <Show when=has_list>
                <ReadCard screen=screen/>
                <ColumnsCard screen=screen/>
                <RunCard screen=screen/>
                <ResultsCard screen=screen/>
            </Show>
            <div id="batch-sheets" class="print-only" node_ref=screen.sheets_box></div>
        </main>
    }
}

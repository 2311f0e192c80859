//! list.html's first screen as static HTML, generated at build time: the staff pages' header and
//! navigation, the privacy note and the list screening's first step (载入名单) as the app draws it
//! with no list loaded, painted before the WebAssembly arrives; the app removes it when it starts.
//! The file picker is disabled until then (a file picked into it would be lost). The app's list
//! page writes the same words (`tests/app_agrees.rs` checks them).

use crate::staff;
use markup::{html, Html};
use rules_core::Date;

/// The list screening's title.
pub const TITLE: &str = "筛查名单（工作人员）";
/// The note above everything: where the list goes (nowhere).
pub const PRIVACY: &str = "名单只在这台电脑的浏览器里读取和计算：不上传到任何地方，也不保存。关闭或刷新页面，或点“忘记这份名单”，页面里就不再有它。导出的文件由您自己保存。";
/// The first step's words.
pub const LOAD_HEADING: &str = "1. 载入名单";
pub const LOAD_HINT: &str = "Excel 工作簿（.xlsx）或 CSV 文件，一行列名（上面可以有标题行），下面每行一个人；也可以从表格里复制后粘贴到下面。没有现成名单的，可以先下载模板填写。";
pub const FILE_LABEL: &str = "选择文件（.xlsx 或 .csv）";

/// The fragment inserted after list.html's `<body>`. The screen is the same on every day: `_day`
/// only fits the pages' common signature.
pub fn render(_day: Date) -> String {
    let mut page = Html::new();
    html!(
        page,
        "<div id=\"static-landing\"><header class=\"site-header compact\"><h1>{}</h1>{}</header>\
            <main class=\"staff batch\"><p class=\"banner privacy\">{}</p><section class=\"card no-print\"><h2>{}</h2>\
            <p class=\"hint\">{}</p><label for=\"static-batch-file\">{}</label>\
            <input type=\"file\" id=\"static-batch-file\" disabled></section></main></div>",
        TITLE,
        staff::nav(true),
        PRIVACY,
        LOAD_HEADING,
        LOAD_HINT,
        FILE_LABEL
    );
    page.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_step_is_there_before_the_wasm() {
        let page = render(Date::ymd(2026, 12, 1));
        assert!(!page.contains("<script") && !page.contains("style="));
        for words in [TITLE, PRIVACY, LOAD_HEADING, LOAD_HINT, FILE_LABEL] {
            assert!(page.contains(words), "{words}");
        }
        // The app's ids are its own: a test waiting for the app's picker never finds this one.
        assert!(!page.contains("id=\"batch-file\"") && page.contains(" disabled>"));
        assert!(page.contains("<a href=\"list.html\" id=\"nav-staff-list\" aria-current=\"page\">"));
        assert!(page.contains("<a href=\"staff.html\" id=\"nav-staff-links\">"));
    }
}

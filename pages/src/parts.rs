//! The page parts that the app and the static pages both write — the masthead, the footer, the
//! audience list ("您是？"), who decides, the question card's fixed words — written here for every
//! page generated at build time (policy.html and the static first screens, which so paint the markup
//! the app then takes over). The app does not link this crate: measured, calling these from the
//! residents' bundle adds 0.4 KB brotli to its first load (a const in a `view!` is a dynamic text
//! node, a template in another crate costs more than the same one inlined), and that load is at its
//! budget. So the app writes the same templates and words itself, and `tests/app_agrees.rs` fails
//! when one side changes without the other.

use markup::{html, Html};
use rules_core::documents::HOTLINE_NUMBER;
use rules_core::source::{site_lede, SITE_TITLE};
use rules_core::standing::policy_checked;
use rules_core::Audience;

/// Who decides in the end, said under every figure (rules-core's).
pub use rules_core::source::REVIEWED_BY;

/// The landing's question.
pub const ASK_WHO: &str = "您是？";

/// The policy page, linked from every page.
pub const POLICY_PAGE: &str = "policy.html";

/// The settings panel's summary in the header (大字模式, the evaluation date, 清除我的数据).
pub const SETTINGS_LABEL: &str = "设置（大字模式 · 查询日期 · 清除数据）";

/// Every question's way out, and what it does.
pub const UNKNOWN: &str = "不清楚";
pub const UNKNOWN_HINT: &str = "跳过此题，结果中会提示还需确认什么";

/// The masthead (title, what the tool does, navigation): the inside of the header's
/// `<div class="masthead">` on index.html and org.html.
pub fn masthead() -> Html {
    markup::to_html!(
        "<h1>{}</h1><p class=\"lede\">{}</p><nav class=\"top-nav no-print\" aria-label=\"主要导航\"><a href=\"#/\" id=\"nav-home\">首页</a>\
            <a href=\"{}\" id=\"nav-policy\">政策一览</a></nav>",
        SITE_TITLE,
        site_lede(),
        POLICY_PAGE
    )
}

/// The footer's inside (who decides, the hotline as a call link, 政策信息核实至); `staff_link` adds
/// the discreet link to the staff page.
pub fn footer(staff_link: bool) -> Html {
    let mut footer = markup::to_html!(
        concat!(
            "<p>最终",
            rules_core::reviewed_by!(),
            " · <span class=\"nowrap\">咨询电话 {}</span></p><p class=\"checked\" id=\"policy-checked\">{}</p>"
        ),
        markup::with_call_links(HOTLINE_NUMBER, HOTLINE_NUMBER),
        policy_checked()
    );
    if staff_link {
        footer.raw("<a class=\"staff-link no-print\" href=\"staff.html\" id=\"staff-link-footer\">工作人员：生成推广链接</a>");
    }
    footer
}

/// "您是？" with the four audiences. `ids` prefixes the heading's id (`ask-who`); `open` writes
/// each choice's opening tag (a button in the app, a link on the static screen) and returns its
/// closing tag. Generic, so the app's wasm carries only its own kind of choice.
pub fn audience_list(ids: &str, mut open: impl FnMut(&mut Html, Audience) -> &'static str) -> Html {
    let mut h = Html::new();
    html!(
        h,
        "<section class=\"ask\" aria-labelledby=\"{}ask-who\"><h2 id=\"{}ask-who\">{}</h2><ul class=\"choices\" role=\"list\">",
        ids,
        ids,
        ASK_WHO
    );
    for audience in Audience::ALL {
        h.raw("<li>");
        let close = open(&mut h, audience);
        html!(
            h,
            "<span class=\"choice-label\">{}</span><span class=\"choice-hint\">{}</span>",
            audience.label(),
            audience.hint()
        );
        h.raw(close);
        h.raw("</li>");
    }
    h.raw("</ul></section>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::questions::progress_text;

    #[test]
    fn the_parts_say_the_rules_words() {
        let top = masthead().into_string();
        assert!(top.contains(SITE_TITLE) && top.contains(rules_core::source::NOTICE_NUMBER));
        let bottom = footer(false).into_string();
        assert!(bottom.contains(REVIEWED_BY) && bottom.contains(&format!("tel:{HOTLINE_NUMBER}")));
        assert!(!bottom.contains("staff.html") && footer(true).as_str().contains("staff.html"));
        let list = audience_list("x-", |h, a| {
            html!(h, "<a id=\"{}\">", a.id());
            "</a>"
        })
        .into_string();
        assert!(list.contains("id=\"x-ask-who\"") && list.contains(ASK_WHO));
        for audience in Audience::ALL {
            assert!(list.contains(&format!(
                "<li><a id=\"{}\"><span class=\"choice-label\">{}</span>",
                audience.id(),
                audience.label()
            )));
        }
        assert_eq!(list.matches("</a></li>").count(), Audience::ALL.len());
        assert_eq!(
            progress_text(1, 3, 4, 0),
            "第 1 题，还剩约 3 题 · 目前可能符合 4 项"
        );
        assert_eq!(
            progress_text(5, 0, 2, 1),
            "第 5 题，快答完了 · 目前可能符合 2 项（其中 1 项可以申请）"
        );
    }
}

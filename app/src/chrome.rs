//! What every page has around its screens: the header (with the settings), the footer, and moving
//! to another page of the site with the same query and date.

use crate::link;
use crate::route::{Route, LIST_PAGE, ORG_PAGE, POLICY_PAGE, STAFF_PAGE};
use crate::settings;
use crate::state::AppState;
use leptos::prelude::*;

/// Opens `page` with the same query and fragment, in place of this history entry. Offline, the
/// service worker may answer org.html with index.html: then say so instead of looping.
pub fn open_page(page: &'static str) -> AnyView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if page == ORG_PAGE && path.ends_with(ORG_PAGE) {
        return view! {
            <p class="banner notice" id="open-page-offline" role="status">
                "这一页需要联网打开一次，之后离线也能使用。请连接网络后刷新本页。"
            </p>
        }
        .into_any();
    }
    let hash = location.hash().unwrap_or_default();
    open_page_at(page, &hash)
}

/// Opens `page` at `hash` with the same query (and a date chosen in the settings, so the other page
/// evaluates on the same day), in place of this history entry.
pub fn open_page_at(page: &'static str, hash: &str) -> AnyView {
    let location = window().location();
    let chosen = use_context::<AppState>()
        .map(|state| state.as_of.get_untracked())
        .filter(|day| *day != settings::today());
    let search = link::with_as_of(&location.search().unwrap_or_default(), chosen);
    let _ = location.replace(&format!("{page}{search}{hash}"));
    view! { <p class="loading" role="status">"正在打开，请稍候……"</p> }.into_any()
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_context::<AppState>();
    let has_state = state.is_some();
    // Past the landing page the header shrinks so the question or result starts near the top.
    let compact = move || state.is_some_and(|s| !matches!(s.route.get(), Route::Landing(_)));
    view! {
        <header class="site-header" class:compact=compact>
            <div class="masthead" inner_html=masthead_html()></div>
            {has_state.then(|| view! { <settings::Settings/> })}
        </header>
    }
}

/// The header's fixed part as HTML text (title, what the tool does, navigation): it never changes,
/// and text costs far less of the first load than a view tree.
fn masthead_html() -> String {
    markup::to_html!(
        "<h1>{}</h1><p class=\"lede\">{}</p><nav class=\"top-nav no-print\" aria-label=\"主要导航\"><a href=\"#/\" id=\"nav-home\">首页</a>\
            <a href=\"{}\" id=\"nav-policy\">政策一览</a></nav>",
        rules_core::source::SITE_TITLE,
        rules_core::source::site_lede(),
        POLICY_PAGE
    )
    .into_string()
}

/// The staff pages' header: the screen's title, and the navigation between the two staff pages
/// (each with the address's query, so a link's `as-of` stays), `on_list` marking the list screening.
/// 大字模式, chosen on the residents' pages, holds here too.
#[component]
pub fn StaffHeader(title: &'static str, on_list: bool) -> impl IntoView {
    if crate::storage::load_large_text() {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("large-text");
        }
    }
    let search = window().location().search().unwrap_or_default();
    let current = move |on: bool| (on_list == on).then_some("page");
    view! {
        <header class="site-header compact">
            <h1>{title}</h1>
            <nav class="top-nav no-print" aria-label="主要导航">
                <a href="./" id="nav-home">"返回首页"</a>
                <a href=format!("{STAFF_PAGE}{search}") id="nav-staff-links" aria-current=current(false)>"生成推广链接"</a>
                <a href=format!("{LIST_PAGE}{search}") id="nav-staff-list" aria-current=current(true)>"筛查名单"</a>
            </nav>
        </header>
    }
}

/// The footer; `staff_link` adds the discreet link to the staff page (工作人员：生成推广链接).
#[component]
pub fn SiteFooter(#[prop(optional)] staff_link: bool) -> impl IntoView {
    let number = rules_core::documents::HOTLINE_NUMBER;
    let mut footer = markup::to_html!(
        concat!(
            "<p>最终",
            rules_core::reviewed_by!(),
            " · <span class=\"nowrap\">咨询电话 {}</span></p><p class=\"checked\" id=\"policy-checked\">{}</p>"
        ),
        markup::with_call_links(number, number),
        rules_core::standing::policy_checked()
    );
    if staff_link {
        footer.raw("<a class=\"staff-link no-print\" href=\"staff.html\" id=\"staff-link-footer\">工作人员：生成推广链接</a>");
    }
    view! { <footer class="site-footer" inner_html=footer.into_string()></footer> }
}

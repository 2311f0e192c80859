//! The person's self-check: the adaptive questionnaire and the results.

pub mod questionnaire;
pub mod results;
pub mod share;

use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;

use crate::ui::checklist::ChecklistPage;
pub use questionnaire::Questionnaire;

/// `#/person/q`, `#/person/results` and `#/person/checklist`; first asks what to do with answers found on the phone.
#[component]
pub fn PersonPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let waiting = Memo::new(move |_| state.resume.with(Option::is_some));
    let route = Memo::new(move |_| state.route.get());
    move || {
        if matches!(route.get(), Route::PersonChecklist | Route::PersonShare) {
            // The next steps live on org.html's bundle (it has every rule already), so the
            // residents' first load carries neither the checklist nor the share box; org.html takes
            // the saved answers up without asking, so a bookmarked checklist reopens at once.
            crate::chrome::open_page(crate::route::ORG_PAGE)
        } else if waiting.get() {
            view! { <ResumePrompt/> }.into_any()
        } else if route.get() == Route::PersonResults {
            view! { <results::FetchedResults/> }.into_any()
        } else {
            view! { <Questionnaire/> }.into_any()
        }
    }
}

/// The person's next steps on org.html: 准备申请材料 (`#/person/checklist`) and 分享给别人
/// (`#/person/share`), for the answers saved on this phone (the person came from their results, so
/// the saved answers are taken up without asking). Other person screens go back to index.html.
#[component]
pub fn NextSteps() -> impl IntoView {
    let state = expect_context::<AppState>();
    if let Some(saved) = state.resume.get_untracked() {
        state.session.set(saved.session());
        state.resume.set(None);
    }
    let route = Memo::new(move |_| state.route.get());
    move || {
        match route.get() {
        Route::PersonChecklist => view! { <ChecklistPage/> }.into_any(),
        Route::PersonShare => view! {
            <section class="share-page">
                <share::Share/>
                <p class="no-print"><a class="button secondary" href="#/person/results" id="share-back">"返回查询结果"</a></p>
            </section>
        }
        .into_any(),
        // 返回结果: index.html draws the results, with the saved answers taken up at once.
        Route::PersonResults => crate::chrome::open_page_at(
            "./",
            &format!("{}{}", Route::PersonResults.hash(), crate::link::CONTINUE_MARK),
        ),
        _ => crate::chrome::open_page("./"),
    }
    }
}

/// 继续上次 / 重新开始, shown while answers found on the phone wait for a choice. HTML text; its two
/// buttons are handled by one delegated listener.
#[component]
pub fn ResumePrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    let prompt = move || {
        if let Some(shared) = state.shared.get() {
            let mine = state
                .resume
                .with(|m| m.as_ref().map_or(0, |m| m.session().answered()));
            return Some(format!(
                "<section class=\"resume\" id=\"resume\" aria-labelledby=\"resume-title\"><h2 id=\"resume-title\" tabindex=\"-1\">打开别人分享的回答吗？</h2>\
                    <p>这个链接里有别人分享的 {} 个回答。本机也保存着您自己回答的 {mine} 个问题。打开分享的回答会替换您的回答（之后可以撤销）。</p><div class=\"row\">\
                    <button type=\"button\" class=\"primary\" id=\"shared-open\">打开分享的回答</button>\
                    <button type=\"button\" class=\"secondary\" id=\"shared-keep\">保留我的回答</button></div></section>",
                shared.session().answered()
            ));
        }
        state.resume.with(|saved| {
            saved.as_ref().map(|saved| {
                format!(
                    "<section class=\"resume\" id=\"resume\" aria-labelledby=\"resume-title\"><h2 id=\"resume-title\" tabindex=\"-1\">您上次的回答还在</h2>\
                        <p>本机保存了您上次回答的 {} 个问题。要接着上次继续吗？</p><div class=\"row\"><button type=\"button\" class=\"primary\" id=\"resume-continue\">继续上次\
                        </button><button type=\"button\" class=\"secondary\" id=\"resume-restart\">重新开始</button></div></section>",
                    saved.session().answered()
                )
            })
        })
    };
    let choose = move |ev: leptos::ev::MouseEvent| match crate::dom::clicked(&ev, "button")
        .map(|b| b.id())
        .as_deref()
    {
        Some("resume-continue") => state.resume_saved(),
        Some("resume-restart") => state.restart(),
        Some("shared-open") => state.open_shared(),
        Some("shared-keep") => state.keep_mine(),
        _ => {}
    };
    view! { <div inner_html=move || prompt().unwrap_or_default() on:click=choose></div> }
}

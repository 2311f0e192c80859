//! 分享: a link to this tool for someone else. By default it opens the person's start page with the
//! link's presets only; the user's answers go into it only after ticking 包含我的回答 under a
//! warning, and then only in the fragment (never sent to any server).

use crate::link;
use crate::session::{Saved, Step};
use crate::state::AppState;
use leptos::prelude::*;

/// The link to share: presets only, or with the answers when `with_answers`.
pub fn share_link(state: &AppState, with_answers: bool) -> String {
    let root = link::site_root(&window().location().href().unwrap_or_default());
    let mut query = Vec::new();
    if let Some(district) = state.preset_district {
        query.push(format!("district={district}"));
    }
    let as_of = state.as_of.get_untracked();
    // The answers are judged on a day; the receiver sees the same results only on the same day.
    if with_answers && as_of != state.today {
        query.push(format!("as-of={as_of}"));
    }
    let query = match query.is_empty() {
        true => String::new(),
        false => format!("?{}", query.join("&")),
    };
    let fragment = match with_answers {
        true => state
            .session
            .with_untracked(|s| link::answers_fragment(&Saved::of(s, Step::Results).to_json())),
        false => "#/person".to_string(),
    };
    format!("{root}{query}{fragment}")
}

#[component]
pub fn Share() -> impl IntoView {
    let state = expect_context::<AppState>();
    let with_answers = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let url = move || {
        state.session.track();
        share_link(&state, with_answers.get())
    };
    let copy = move |_| {
        let text = share_link(&state, with_answers.get_untracked());
        crate::clipboard::copy_text(&text, move |done| copied.set(Some(done)));
    };
    view! {
        <section class="share card no-print" id="share" aria-labelledby="share-title">
            <h3 id="share-title">"分享给别人"</h3>
            <p>"复制下面的链接发给家人、朋友或帮您办理的工作人员。链接默认只打开本工具，不含您的回答。"</p>
            <label class="tick">
                <input type="checkbox" id="share-answers"
                    prop:checked=move || with_answers.get()
                    on:change=move |ev| {
                        with_answers.set(event_target_checked(&ev));
                        copied.set(None);
                    }/>
                "包含我的回答"
            </label>
            {move || with_answers.get().then(|| view! {
                <p class="warning" id="share-warning" role="alert">
                    "注意：链接里会包含您填写的个人情况（如身份、年龄、户籍、收入、就业情况），拿到链接的人都能看到。只发给您信任的人，例如帮您办理的村（社区）工作人员。"
                </p>
            })}
            <label for="share-link" class="visually-hidden">"分享链接"</label>
            <textarea id="share-link" readonly rows="3" prop:value=url></textarea>
            <button type="button" class="primary" id="share-copy" on:click=copy>"复制链接"</button>
            <p class="copied" role="status">
                {move || match copied.get() {
                    Some(true) => "已复制，可以粘贴到微信里发送。",
                    Some(false) => "无法自动复制，请长按上面的链接，选择“全选”和“复制”。",
                    None => "",
                }}
            </p>
        </section>
    }
}

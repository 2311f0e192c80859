//! The evaluation date (today from the browser, the app's only clock, or a chosen day) and the
//! settings panel: 大字模式, 查询日期, 清除我的数据.

use crate::state::AppState;
use leptos::prelude::*;
use rules_core::source::NOTICE_END;
use rules_core::Date;

/// Today in the browser's local time zone. An impossible clock falls back to the notice's end date
/// (the user can pick another day in the settings).
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(0);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(0);
    let day = u8::try_from(now.get_date()).unwrap_or(0);
    Date::new(year, month, day).unwrap_or(NOTICE_END)
}

/// The settings panel in the page header.
#[component]
pub fn Settings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(state.as_of.get_untracked().chinese());
    let error = RwSignal::new(None::<String>);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match rules_core::input::parse_date(&text.get_untracked()) {
            Ok(day) => {
                error.set(None);
                state.as_of.set(day);
                text.set(day.chinese());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let reset = move |_| {
        error.set(None);
        state.as_of.set(state.today);
        text.set(state.today.to_string());
    };
    let toggle_large = move |_| state.large_text.update(|on| *on = !*on);
    let clear = move |_| state.clear_all();

    view! {
        <details class="settings" id="settings">
            <summary>"设置（大字模式 · 查询日期 · 清除数据）"</summary>
            <div class="settings-body">
                <button
                    type="button"
                    id="large-text"
                    class="toggle"
                    aria-pressed=move || if state.large_text.get() { "true" } else { "false" }
                    on:click=toggle_large
                >
                    {move || if state.large_text.get() { "大字模式：已开启" } else { "大字模式：已关闭" }}
                </button>
                <form class="as-of-form" on:submit=apply>
                    <label for="as-of-input">"查询日期（按这一天的政策计算）"</label>
                    <input
                        id="as-of-input"
                        type="text"
                        autocomplete="off"
                        aria-describedby="as-of-help as-of-error"
                        aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                        prop:value=move || text.get()
                        on:input=move |ev| text.set(event_target_value(&ev))
                    />
                    <p id="as-of-help" class="help">
                        {format!(
                            "例如 {}。今天是 {}。",
                            rules_core::input::DATE_EXAMPLE,
                            state.today.chinese()
                        )}
                    </p>
                    <p id="as-of-error" class="error" role="alert">{move || error.get()}</p>
                    <div class="row">
                        <button type="submit" id="as-of-apply" class="secondary">"使用这一天"</button>
                        <button type="button" id="as-of-today" class="secondary" on:click=reset>"恢复为今天"</button>
                    </div>
                </form>
                <p class="as-of-now" id="as-of-now">
                    {move || format!("当前按 {} 的政策计算。", state.as_of.get().chinese())}
                </p>
                <button type="button" id="clear-data" class="secondary danger" on:click=clear>
                    "清除我的数据"
                </button>
                <p class="help">"清除本机保存的全部回答和设置。"</p>
            </div>
        </details>
    }
}

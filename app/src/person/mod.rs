//! The person's self-check: the adaptive questionnaire and the results.

pub mod checklist;
pub mod questionnaire;
pub mod results;
pub mod share;

use crate::route::Route;
use crate::AppState;
use leptos::prelude::*;

pub use checklist::ChecklistPage;
pub use questionnaire::Questionnaire;
pub use results::Results;

/// `#/person/q`, `#/person/results` and `#/person/checklist`; first asks what to do with answers found on the phone.
#[component]
pub fn PersonPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let waiting = Memo::new(move |_| state.resume.with(Option::is_some));
    let route = Memo::new(move |_| state.route.get());
    move || {
        if waiting.get() {
            view! { <ResumePrompt/> }.into_any()
        } else if route.get() == Route::PersonResults {
            view! { <Results/> }.into_any()
        } else if route.get() == Route::PersonChecklist {
            view! { <ChecklistPage/> }.into_any()
        } else {
            view! { <Questionnaire/> }.into_any()
        }
    }
}

/// 继续上次 / 重新开始, shown while answers found on the phone wait for a choice.
#[component]
pub fn ResumePrompt() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.resume.get().map(|saved| {
            let answered = saved.session().answered();
            view! {
                <section class="resume" id="resume" aria-labelledby="resume-title">
                    <h2 id="resume-title" tabindex="-1">"您上次的回答还在"</h2>
                    <p>{format!("本机保存了您上次回答的 {answered} 个问题。要接着上次继续吗？")}</p>
                    <div class="row">
                        <button type="button" class="primary" id="resume-continue" on:click=move |_| state.resume_saved()>
                            "继续上次"
                        </button>
                        <button type="button" class="secondary" id="resume-restart" on:click=move |_| state.restart()>
                            "重新开始"
                        </button>
                    </div>
                </section>
            }
        })
    }
}

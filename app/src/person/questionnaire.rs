//! One question per screen, in the order rules-core finds most decisive; 不清楚 on every question;
//! back and change-answer always possible; the interim result above the question.

use crate::dom::focus_later;
use crate::fetched::Arrival;
use crate::route::Route;
use crate::state::AppState;
use crate::ui::question::{Progress, QuestionCard, QUESTION_HEADING_ID};
use leptos::prelude::*;
use markup::to_html;
use rules_core::{questions, Audience};

/// Said while the rules, which choose each question, are still coming with the page's second fetch
/// (the first question on a slow connection), or if they could not come, with 重新加载
/// (`data-reload`, handled by public/boot.js). HTML text: a second element with its own reactive
/// part costs the first load more than half a kilobyte.
fn waiting_line(state: AppState) -> impl IntoView {
    let line = move || {
        if state.second.get() == Arrival::Coming {
            "正在准备题目，请稍候……".to_string()
        } else {
            to_html!(
                "{}<br><button type=\"button\" class=\"primary\" id=\"q-reload\" data-reload>重新加载</button>",
                crate::html::text(&crate::fetched::not_loaded("题目"))
            )
            .into_string()
        }
    };
    view! { <p class="loading" id="q-waiting" role="status" inner_html=line></p> }
}

#[component]
pub fn Questionnaire() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The question to show: `None` while the rules are still coming, `Some(None)` when nothing is
    // left to ask.
    let current = Memo::new(move |_| {
        let day = state.as_of.get();
        state.judgement.with(|j| {
            j.as_ref()
                .map(|j| j.current.map(|q| questions::question(q, day, Vec::new())))
        })
    });

    // No question left: the results. A new question takes the focus, so screen readers read it and
    // the keyboard starts there.
    Effect::new(move |_| match current.get() {
        Some(Some(_)) => focus_later(QUESTION_HEADING_ID),
        Some(None) if state.route.get_untracked() == Route::PersonQuestions => {
            state.redirect(Route::PersonResults)
        }
        _ => {}
    });

    // Each question is its own history entry, `#/person/q/<n>` (the shell's listener shows the
    // question Back or Forward lands on): a new question is pushed after an answer; the address is
    // replaced when it named no step, or one past the questions answered so far.
    Effect::new(move |_| {
        if !current.with(|c| matches!(c, Some(Some(_)))) {
            return;
        }
        let (step, answered) = state
            .session
            .with(|s| (s.question_number(), s.history.len()));
        let here = crate::dom::current_hash();
        let wanted = Route::step_hash(step);
        if here != wanted && Route::parse(&here) == Route::PersonQuestions {
            let replace = Route::step_in(&here).is_none_or(|n| n > answered);
            crate::dom::set_fragment(&wanted, replace);
        }
    });

    let back = move |_| {
        let mut moved = false;
        state.session.update(|s| moved = s.back());
        if !moved {
            state.go(Route::Landing(Some(Audience::Person)));
        }
    };

    view! {
        <section class="questionnaire" aria-labelledby=QUESTION_HEADING_ID>
            <div class="title-row">
                <Progress/>
                <button type="button" class="speak secondary no-print" data-speak="question">"朗读"</button>
            </div>
            {move || match current.get() {
                Some(Some(question)) => Some(view! { <QuestionCard question=question/> }.into_any()),
                Some(None) => None,
                None => Some(waiting_line(state).into_any()),
            }}
            <div class="q-nav no-print">
                <button type="button" class="secondary" id="q-back" on:click=back>"上一题"</button>
                <a class="button secondary" id="q-to-results" href="#/person/results">"查看目前结果"</a>
            </div>
        </section>
    }
}

//! One question per screen, in the order rules-core finds most decisive; 不清楚 on every question;
//! back and change-answer always possible; the interim result above the question.

use crate::dom::focus_later;
use crate::route::Route;
use crate::state::AppState;
use crate::ui::question::{Progress, QuestionCard, QUESTION_HEADING_ID};
use leptos::prelude::*;
use rules_core::Audience;

#[component]
pub fn Questionnaire() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The results' bundle comes while the person answers.
    super::results::fetch_results_code();
    let current = Memo::new(move |_| state.report.with(|r| state.session.with(|s| s.current(r))));

    // No question left: the results. A new question takes the focus, so screen readers read it and
    // the keyboard starts there.
    Effect::new(move |_| {
        if current.with(Option::is_some) {
            focus_later(QUESTION_HEADING_ID);
        } else if state.route.get_untracked() == Route::PersonQuestions {
            state.redirect(Route::PersonResults);
        }
    });

    // Each question is its own history entry, `#/person/q/<n>` (the shell's listener shows the
    // question Back or Forward lands on): a new question is pushed after an answer; the address is
    // replaced when it named no step, or one past the questions answered so far.
    Effect::new(move |_| {
        if current.with(Option::is_none) {
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
            {move || current.get().map(|question| view! { <QuestionCard question=question/> })}
            <div class="q-nav no-print">
                <button type="button" class="secondary" id="q-back" on:click=back>"上一题"</button>
                <a class="button secondary" id="q-to-results" href="#/person/results">"查看目前结果"</a>
            </div>
        </section>
    }
}

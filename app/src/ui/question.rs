//! The question card every questionnaire shows (the person's and the organisations'): wording and
//! help from rules-core, the answer controls, 不清楚; and the progress line above it.

use crate::dom::focus_later;
use crate::format::answer_input;
use crate::state::AppState;
use leptos::prelude::*;
use rules_core::facts::AnswerKind;
use rules_core::input::{parse_count, parse_money};
use rules_core::questions::Question;
use rules_core::Answer;

/// Id of the question's heading, focused when a new question appears.
pub const QUESTION_HEADING_ID: &str = "q-title";

/// 第 N 题，还剩约 M 题 · 目前可能符合 X 项: where the person is and the interim result, announced
/// politely as it changes.
#[component]
pub fn Progress() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Empty while the rules are still coming (the questionnaire says so below).
    let text = move || {
        let number = state.session.with(|s| s.question_number());
        state.judgement.with(|j| {
            j.as_ref()
                .map(|j| rules_core::questions::progress_text(number, j.left, j.possible, j.sure))
        })
    };
    view! { <p class="progress" id="progress" role="status" aria-live="polite">{text}</p> }
}

/// One question: its wording and help from rules-core, the answer controls, 不清楚.
#[component]
pub fn QuestionCard(question: Question) -> impl IntoView {
    let state = expect_context::<AppState>();
    let q = question.id;
    let previous = state.session.with_untracked(|s| s.facts.get(q));
    // An answer rules-core dropped (or questioned) comes back with its message.
    let findings: Vec<String> = state
        .judgement
        .with_untracked(|j| j.as_ref().map(|j| j.findings_on(q)).unwrap_or_default());
    let error = RwSignal::new(None::<String>);
    let submit = move |answer: Answer| {
        // An answer rules-core would drop (a future day for a past event …) is refused here, with
        // its message: the question stays, and the counter does not move.
        let day = state.as_of.get_untracked();
        if let Err(message) = rules_core::validate::check_answer(q, &answer, day) {
            error.set(Some(message));
            return;
        }
        let mut refused = None;
        state
            .session
            .update(|s| refused = s.answer(q, &answer).err());
        error.set(refused);
    };
    let skip = move |_| state.session.update(|s| s.skip(q));

    let controls = match question.kind {
        AnswerKind::YesNo => {
            let pressed = move |value: bool| previous.as_ref() == Some(&Answer::Bool(value));
            view! {
                <div class="answers" role="group" aria-labelledby=QUESTION_HEADING_ID>
                    <AnswerButton id="yes" label="是" pressed=pressed(true) on_pick=move || submit(Answer::Bool(true))/>
                    <AnswerButton id="no" label="否" pressed=pressed(false) on_pick=move || submit(Answer::Bool(false))/>
                </div>
            }
            .into_any()
        }
        AnswerKind::Choice => view! {
            <div class="answers" role="group" aria-labelledby=QUESTION_HEADING_ID>
                {question
                    .options
                    .iter()
                    .map(|option| {
                        let id = option.id;
                        let pressed = previous.as_ref() == Some(&Answer::Choice(id.to_string()));
                        view! {
                            <AnswerButton id=id label=option.label pressed=pressed
                                on_pick=move || submit(Answer::Choice(id.to_string()))/>
                        }
                    })
                    .collect_view()}
            </div>
        }
        .into_any(),
        AnswerKind::District => {
            // A staff link's district is preselected; the user still confirms (or changes) it.
            let chosen = match &previous {
                Some(Answer::Choice(id)) => id.clone(),
                _ => state.preset_district.unwrap_or_default().to_string(),
            };
            view! { <DistrictInput question=question.clone() chosen=chosen error=error on_answer=submit/> }.into_any()
        }
        AnswerKind::Count | AnswerKind::Money | AnswerKind::Date => {
            let text = previous.as_ref().map(answer_input).unwrap_or_default();
            view! { <TextInput kind=question.kind text=text error=error on_answer=submit/> }
                .into_any()
        }
        AnswerKind::Roster => view! {
            <p class="help">"这一题由单位填写，个人请选“不清楚”。"</p>
        }
        .into_any(),
    };

    // In 大字模式 the help folds under 这题是什么意思？ and 不清楚 comes before the answers, so the
    // first answer and 不清楚 are both on the first screen of a small phone (in the reading and
    // tab order alike: the button is placed, not moved by style).
    let large = state.large_text.get_untracked();
    let unknown_first = large;
    let unknown = move || {
        view! {
            <button type="button" class="answer unknown" data-answer="unknown" id="q-unknown" on:click=skip>
                "不清楚"
                <span class="answer-hint">"跳过此题，结果中会提示还需确认什么"</span>
            </button>
        }
    };
    let help = if large && !question.help.is_empty() {
        view! {
            <details class="help-fold">
                <summary>"这题是什么意思？"</summary>
                <p class="help" id="q-help">{question.help}</p>
            </details>
        }
        .into_any()
    } else {
        view! { <p class="help" id="q-help">{question.help}</p> }.into_any()
    };
    view! {
        <div class="question" id="question" data-question=q.id() data-kind=kind_id(question.kind)>
            <h2 id=QUESTION_HEADING_ID tabindex="-1">{question.text}</h2>
            {help}
            {(!findings.is_empty()).then(|| view! {
                <ul class="findings" id="q-findings" role="alert">
                    {findings.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            })}
            {unknown_first.then(unknown)}
            {controls}
            {(!unknown_first).then(unknown)}
        </div>
    }
}

/// The kind of answer, for tests and styles: `YesNo`, `Choice`, `District`, `Count` …
fn kind_id(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::YesNo => "YesNo",
        AnswerKind::Choice => "Choice",
        AnswerKind::District => "District",
        AnswerKind::Count => "Count",
        AnswerKind::Money => "Money",
        AnswerKind::Date => "Date",
        AnswerKind::Roster => "Roster",
    }
}

/// A big answer button; `aria-pressed` marks the answer given before.
#[component]
fn AnswerButton(
    id: &'static str,
    label: &'static str,
    pressed: bool,
    on_pick: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="answer"
            data-answer=id
            aria-pressed=if pressed { "true" } else { "false" }
            on:click=move |_| on_pick()
        >
            {label}
        </button>
    }
}

/// A number, an amount of money or a date, typed as people type them (full-width digits too) and
/// read by rules-core, whose Chinese message appears beside the box when it cannot be read.
#[component]
fn TextInput(
    kind: AnswerKind,
    text: String,
    error: RwSignal<Option<String>>,
    on_answer: impl Fn(Answer) + Copy + 'static,
) -> impl IntoView {
    let text = RwSignal::new(text);
    let parse = move |raw: &str| -> Result<Answer, String> {
        match kind {
            AnswerKind::Count => parse_count(raw).map(Answer::Count),
            AnswerKind::Money => parse_money(raw).map(Answer::Money),
            _ => rules_core::input::parse_date(raw).map(Answer::Date),
        }
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse(&text.get_untracked()) {
            Ok(answer) => {
                error.set(None);
                on_answer(answer);
            }
            Err(message) => {
                error.set(Some(message));
                focus_later("q-input");
            }
        }
    };
    let (mode, placeholder) = match kind {
        AnswerKind::Count => ("numeric", "填数字".to_string()),
        AnswerKind::Money => ("text", "填金额，例如 3000 或 30万".to_string()),
        _ => ("text", format!("例如 {}", rules_core::input::DATE_EXAMPLE)),
    };
    // Dates: typed as people write them, or picked from the phone's own calendar, which writes the
    // day into the box in the app's wording (boot.js: plain DOM glue, lighter than a Rust handler).
    let picker = (kind == AnswerKind::Date).then(|| {
        view! {
            <label class="date-pick no-print">
                "或从日历中选："
                <input type="date" id="q-date-picker"/>
            </label>
        }
    });
    view! {
        <form class="text-answer" on:submit=confirm>
            <input
                id="q-input"
                type="text"
                inputmode=mode
                autocomplete="off"
                placeholder=placeholder
                aria-labelledby=QUESTION_HEADING_ID
                aria-describedby="q-help q-error"
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            {picker}
            <p class="error" id="q-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary" id="q-confirm">"确定"</button>
        </form>
    }
}

/// 区县: a list to pick from (rules-core's districts valid on the evaluation date).
#[component]
fn DistrictInput(
    question: Question,
    chosen: String,
    error: RwSignal<Option<String>>,
    on_answer: impl Fn(Answer) + Copy + 'static,
) -> impl IntoView {
    let chosen = RwSignal::new(chosen);
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = chosen.get_untracked();
        if id.is_empty() {
            error.set(Some("请先选择区县，或选“不清楚”".to_string()));
        } else {
            error.set(None);
            on_answer(Answer::Choice(id));
        }
    };
    let initial = chosen.get_untracked();
    view! {
        <form class="text-answer" on:submit=confirm>
            <select
                id="q-input"
                aria-labelledby=QUESTION_HEADING_ID
                aria-describedby="q-help q-error"
                on:change=move |ev| chosen.set(event_target_value(&ev))
            >
                <option value="" selected=initial.is_empty()>"请选择区县"</option>
                {question
                    .options
                    .iter()
                    .map(|o| view! { <option value=o.id selected=initial == o.id>{o.label}</option> })
                    .collect_view()}
            </select>
            <p class="error" id="q-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary" id="q-confirm">"确定"</button>
        </form>
    }
}

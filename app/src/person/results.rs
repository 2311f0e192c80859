//! The results: 可以申请 / 还需确认 / 延续情况未公布 / 暂不符合 / 政策已到期, each benefit with its estimate, what to
//! bring, where to apply and its clause; the answers given; the disclaimer and hotline. Printable.
//! The groups are written as HTML text ([`crate::html`]); their 回答 / 修改 buttons are handled by
//! one delegated listener.

use crate::format::{status_id, status_mark};
use crate::html;
use crate::route::Route;
use crate::{focus_later, AppState};
use leptos::prelude::*;
use rules_core::evaluate::Report;
use rules_core::{Status, Q};

/// The groups, in the order a user reads them.
pub const GROUPS: [Status; 5] = [
    Status::Eligible,
    Status::NeedsAnswers,
    Status::ContinuationUnknown,
    Status::NotEligible,
    Status::PolicyEnded,
];

/// The benefit groups of a report as HTML.
pub fn groups_html(report: &Report) -> String {
    let mut h = String::new();
    for status in GROUPS {
        let cards: Vec<_> = report
            .benefits
            .iter()
            .filter(|b| b.status == status)
            .collect();
        if cards.is_empty() && status != Status::Eligible {
            continue;
        }
        let id = status_id(status);
        h.push_str(&format!(
            "<section class=\"group group-{id}\" id=\"group-{id}\" aria-labelledby=\"group-{id}-title\"><h3 id=\"group-{id}-title\">{} {}（{} 项）</h3>",
            status_mark(status),
            status.label(),
            cards.len()
        ));
        if status == Status::ContinuationUnknown {
            h.push_str(&html::el(
                "p",
                "group-help",
                rules_core::standing::UNCONFIRMED_GROUP,
            ));
        }
        if cards.is_empty() {
            h.push_str("<p class=\"empty\">根据目前的回答，还没有确定可以申请的项目。请看下面“还需确认”的项目。</p>");
        }
        for b in cards {
            h.push_str(&html::card(b));
        }
        h.push_str("</section>");
    }
    h
}

/// The question a click on a `data-edit` button inside delegated HTML names (person and
/// organisation results alike).
pub fn question_from_click(ev: &leptos::ev::MouseEvent) -> Option<Q> {
    crate::clicked(ev, "[data-edit]")
        .and_then(|b| b.get_attribute("data-edit"))
        .and_then(|id| Q::from_id(&id))
}

/// Opens the question named by a `data-edit` button inside delegated HTML.
pub fn edit_from_click(state: AppState, ev: &leptos::ev::MouseEvent) {
    if let Some(q) = question_from_click(ev) {
        state.session.update(|s| s.edit(q));
        state.go(Route::PersonQuestions);
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let state = expect_context::<AppState>();
    focus_later("results-title");

    let remaining = move || {
        state
            .report
            .with(|r| state.session.with(|s| s.next(r).is_some()))
    };
    let summary = move || {
        state.report.with(|r| {
            GROUPS
                .iter()
                .map(|s| format!("{} {} 项", s.label(), r.count(*s)))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    let findings = move || {
        state.report.with(|r| {
            if r.findings.is_empty() {
                return String::new();
            }
            let items: String = r
                .findings
                .iter()
                .map(|f| format!("<li>{}</li>", html::esc(&f.message)))
                .collect();
            format!("<div class=\"findings-box\" id=\"findings\"><h3>请核对您的回答</h3><ul>{items}</ul></div>")
        })
    };
    let body = move || {
        let day = state.as_of.get();
        let mut h = state.report.with(groups_html);
        h.push_str(
            &state
                .session
                .with(|s| html::answers_given(&s.facts, &s.history, day)),
        );
        h.push_str(&html::disclaimer());
        h
    };
    let print = move |_| {
        let _ = window().print();
    };

    view! {
        <section class="results" id="results" aria-labelledby="results-title">
            <h2 id="results-title" tabindex="-1">"您的查询结果"</h2>
            <p class="as-of-line">
                {move || format!(
                    "按 {} 的政策计算 · 已回答 {} 题",
                    state.as_of.get().chinese(),
                    state.session.with(|s| s.answered())
                )}
            </p>
            {move || remaining().then(|| view! {
                <p class="more no-print">
                    <a class="button primary" id="continue-questions" href="#/person/q">"继续回答，结果会更准确"</a>
                </p>
            })}
            <div inner_html=findings></div>
            <p class="summary" id="results-summary" role="status" aria-live="polite">{summary}</p>
            <div class="results-body" inner_html=body on:click=move |ev| edit_from_click(state, &ev)></div>
            <div class="actions no-print">
                <a class="button primary" href="#/person/checklist" id="to-checklist">"准备申请材料"</a>
                <a class="button secondary" href="#/person/share" id="to-share">"分享给别人"</a>
                <button type="button" class="primary" id="print" on:click=print>"打印或保存结果"</button>
                <a class="button secondary" href=crate::POLICY_PAGE id="results-to-policy">"政策一览"</a>
                <button type="button" class="secondary" id="restart" on:click=move |_| state.restart()>
                    "重新开始"
                </button>
            </div>
        </section>
    }
}

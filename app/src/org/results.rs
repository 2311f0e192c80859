//! The estimate screen: the roster (editable, the table follows as you type), the loan panel, the
//! estimate table per benefit and per group, the totals (预估), each benefit's conditions, formula
//! steps, sources, documents and office; the answers given; print and CSV.

use super::estimate::relevant;
use super::flow::{current_question, roster_fields, uses_roster};
use super::roster::{Roster, RosterEditor};
use super::store;
use super::{action, export, table};
use crate::dom::focus_later;
use crate::format::answer_input;
use crate::route::{org_hash as hash, OrgStep, Route};
use crate::state::AppState;
use leptos::prelude::*;
use rules_core::facts::AnswerKind;
use rules_core::input::{parse_count, parse_money};
use rules_core::questions::wording;
use rules_core::{Answer, Audience, Status, Q};

#[component]
pub fn OrgResults(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    focus_later("org-results-title");
    let remaining = move || {
        state.report.with(|r| {
            state
                .session
                .with(|s| current_question(s, r, audience).is_some())
        })
    };
    let kind = move || state.session.with(|s| s.facts.org_kind);
    let print = move || {
        // The formula steps and sources are printed too: open every details box first.
        if let Ok(list) = document().query_selector_all(".org-details") {
            for i in 0..list.length() {
                if let Some(node) = list.item(i) {
                    use wasm_bindgen::JsCast;
                    if let Ok(element) = node.dyn_into::<web_sys::Element>() {
                        let _ = element.set_attribute("open", "");
                    }
                }
            }
        }
        let _ = window().print();
    };
    let csv_error = RwSignal::new(None::<String>);
    let download = move || {
        let title = format!("单位补贴预估 · {}", audience.label());
        let kind = state.session.with_untracked(|s| s.facts.org_kind);
        let text = state
            .report
            .with_untracked(|r| export::csv(r, audience, kind, &title));
        csv_error.set(export::download(&text, export::CSV_NAME).err());
    };
    // 您现在可以做什么: its 回答, 打印 and CSV buttons.
    let act = move |ev: leptos::ev::MouseEvent| {
        if crate::dom::clicked(&ev, "[data-print]").is_some() {
            print();
        } else if crate::dom::clicked(&ev, "[data-csv]").is_some() {
            download();
        } else if let Some(q) = crate::ui::question_from_click(&ev) {
            state.session.update(|s| s.edit(q));
            state.go(Route::Org(audience, OrgStep::Questions));
        }
    };
    let do_now = move || {
        let kind = kind();
        state
            .report
            .with(|r| action::do_now_html(r, audience, kind).into_string())
    };
    let restart = move |_| {
        store::clear(audience);
        state.session.set(store::fresh(audience));
        state.go(Route::Org(audience, OrgStep::Questions));
    };
    let has_loan = move || {
        state.report.with(|r| {
            relevant(r, audience, kind())
                .iter()
                .any(|b| b.entry.is_loan() && b.status == Status::Eligible)
        })
    };
    view! {
        <section class="results org-results" id="org-results" aria-labelledby="org-results-title">
            <h2 id="org-results-title" tabindex="-1">"单位补贴测算结果"</h2>
            <p class="as-of-line" id="org-as-of">
                {move || format!("按 {} 的政策计算", state.as_of.get().chinese())}
            </p>
            <div inner_html=do_now on:click=act></div>
            {move || remaining().then(|| view! {
                <p class="more no-print">
                    <a class="button primary" id="continue-questions" href=hash(audience, OrgStep::Questions)>
                        "继续回答，测算会更准确"
                    </a>
                </p>
            })}
            <Findings/>
            <OrgTotals audience=audience/>
            <EstimateTable audience=audience/>
            {move || has_loan().then(|| view! { <LoanPanel/> })}
            {uses_roster(audience).then(|| view! { <LiveRoster audience=audience/> })}
            <OrgAnswers audience=audience/>
            <div inner_html=crate::html::disclaimer().into_string()></div>
            <div class="actions no-print">
                <a class="button primary" href=hash(audience, OrgStep::Checklist) id="to-checklist">"准备申请材料"</a>
                <button type="button" class="primary" id="org-print" on:click=move |_| print()>"打印或保存为PDF"</button>
                <button type="button" class="secondary" id="org-csv" on:click=move |_| download()>"下载表格（CSV）"</button>
                <button type="button" class="secondary" id="org-restart" on:click=restart>"重新开始"</button>
            </div>
            <p class="error" id="org-csv-error" role="alert">{move || csv_error.get()}</p>
        </section>
    }
}

/// rules-core's findings: a row with an absurd count, a contradiction.
#[component]
fn Findings() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let messages: Vec<String> = state
            .report
            .with(|r| r.findings.iter().map(|f| f.message.clone()).collect());
        (!messages.is_empty()).then(|| {
            view! {
                <div class="findings-box" id="findings" role="alert">
                    <h3>"请核对填写的内容"</h3>
                    <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

/// The roster, editable here; every readable change goes straight into the answers, so the table
/// below follows as you type.
#[component]
fn LiveRoster(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (groups, fields) = state.session.with_untracked(|s| {
        (
            s.facts.roster.clone().unwrap_or_default(),
            roster_fields(audience, s, state.as_of.get_untracked()),
        )
    });
    let roster = Roster::new(&groups);
    Effect::new(move |_| {
        let groups = roster.groups();
        let now = state.session.with_untracked(|s| s.facts.roster.clone());
        let wanted = (!groups.is_empty()).then_some(groups);
        if now != wanted {
            state.session.update(|s| match wanted {
                Some(groups) => {
                    let _ = s.answer(Q::Roster, &Answer::Roster(groups));
                }
                None => {
                    let _ = s.facts.set(Q::Roster, None);
                }
            });
        }
    });
    view! {
        <section class="org-roster" id="org-roster" aria-labelledby="org-roster-title">
            <h3 id="org-roster-title">{wording(Q::Roster).text}</h3>
            <RosterEditor roster=roster fields=fields/>
        </section>
    }
}

/// 创业担保贷款: the principal and term, read as typed; rules-core's steps give the cap check and
/// the interest subsidy by year.
#[component]
fn LoanPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="loan-panel" id="loan-panel" aria-labelledby="loan-title">
            <h3 id="loan-title">"贷款测算"</h3>
            <LoanBox q=Q::LoanAmount id="loan-amount" unit="元"/>
            <LoanBox q=Q::LoanTermYears id="loan-term" unit="年"/>
            <LoanBox q=Q::LoanContractDate id="loan-contract-date" unit=format!("例如 {}", rules_core::input::DATE_EXAMPLE)/>
            <LoanBox q=Q::LoanLpr id="loan-lpr" unit="%，可不填"/>
            <p class="help" id="loan-lpr-help">{rules_core::documents::LPR_HELP}</p>
            {move || state.report.with(|r| {
                r.benefits.iter().find(|b| b.entry.is_loan() && b.entry.audience != Audience::Person).map(|b| {
                    view! { <div class="loan-estimate" data-benefit=b.entry.id inner_html=crate::html::estimate(&b.estimate).into_string()></div> }
                })
            })}
        </section>
    }
}

#[component]
fn LoanBox(q: Q, id: &'static str, #[prop(into)] unit: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = RwSignal::new(
        state
            .session
            .with_untracked(|s| s.facts.get(q).map(|a| answer_input(&a)).unwrap_or_default()),
    );
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let on_input = move |ev| {
        let raw = event_target_value(&ev);
        text.set(raw.clone());
        let parsed = if raw.trim().is_empty() {
            Ok(None)
        } else {
            match q.kind() {
                AnswerKind::Money => parse_money(&raw).map(|m| Some(Answer::Money(m))),
                AnswerKind::Date => {
                    rules_core::input::parse_date(&raw).map(|d| Some(Answer::Date(d)))
                }
                _ => parse_count(&raw).map(|n| Some(Answer::Count(n))),
            }
        };
        match parsed {
            Ok(answer) => {
                error.set(None);
                state.session.update(|s| match answer {
                    Some(answer) => {
                        let _ = s.answer(q, &answer);
                    }
                    None => {
                        let _ = s.facts.set(q, None);
                    }
                });
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <div class="roster-field">
            <label for=id>{wording(q).text}<span class="unit">{format!("（{unit}）")}</span></label>
            <input id=id type="text" inputmode=if q.kind() == AnswerKind::Count { "numeric" } else { "decimal" }
                autocomplete="off" aria-describedby=error_id.clone()
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                prop:value=move || text.get() on:input=on_input/>
            <p class="error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// 预估合计 (HTML text, see `table`).
#[component]
pub fn OrgTotals(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        state
            .report
            .with(|r| table::totals_html(r, audience).into_string())
    };
    view! { <div inner_html=html></div> }
}

/// 逐项测算 (HTML text, see `table`).
#[component]
pub fn EstimateTable(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let kind = state.session.with(|s| s.facts.org_kind);
        state
            .report
            .with(|r| table::table_html(r, audience, kind).into_string())
    };
    view! { <div inner_html=html></div> }
}

/// 填写的情况: the person flow's list of answers (the roster is edited above), each with 修改.
#[component]
fn OrgAnswers(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        let day = state.as_of.get();
        state.session.with(|s| {
            let history: Vec<Q> = s
                .history
                .iter()
                .copied()
                .filter(|q| *q != Q::Roster)
                .collect();
            crate::html::answers_given(&s.facts, &history, day).into_string()
        })
    };
    let edit = move |ev: leptos::ev::MouseEvent| {
        if let Some(q) = crate::ui::question_from_click(&ev) {
            state.session.update(|s| s.edit(q));
            state.go(Route::Org(audience, OrgStep::Questions));
        }
    };
    view! { <div inner_html=html on:click=edit></div> }
}

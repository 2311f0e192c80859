//! The person's questionnaire, results and saved answers, mounted in a real
//! (headless) browser. Expected figures come from rules-core itself.
#![cfg(target_arch = "wasm32")]

use app::person::results::FetchedResults;
use app::person::Questionnaire;
use app::session::Session;
use app::state::AppState;
use leptos::prelude::*;
use rules_core::documents::HOTLINE;
use rules_core::facts::AnswerKind;
use rules_core::input::parse_count;
use rules_core::{evaluate, Answer, Date, Facts, Status, Q};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::{count, find, host, text};

wasm_bindgen_test_configure!(run_in_browser);

const DAY: Date = Date::ymd(2025, 6, 20);

/// The results' bundle, which index.html fetches as it starts (public/results.js sets `cqJudge` and
/// `cqResults`), as the page has it once it has come: it chooses each question and writes the
/// results, with the functions `bin/results.rs` exports.
fn second_fetch_has_come() {
    let window = web_sys::window().expect("window");
    let judge = wasm_bindgen::closure::Closure::<dyn Fn(String, String, String) -> String>::new(
        |saved: String, day: String, editing: String| {
            app::judgement::judge_saved(&saved, &day, &editing)
        },
    );
    js_sys::Reflect::set(&window, &"cqJudge".into(), judge.as_ref()).expect("cqJudge");
    judge.forget();
    let render = wasm_bindgen::closure::Closure::<dyn Fn(String, String) -> String>::new(
        |saved: String, day: String| app::person::results::page_html(&saved, &day),
    );
    js_sys::Reflect::set(&window, &"cqResults".into(), render.as_ref()).expect("cqResults");
    render.forget();
}

fn shown_question(root: &web_sys::Element) -> String {
    find(root, "[data-question]")
        .get_attribute("data-question")
        .unwrap_or_default()
}

/// Skips questions (不清楚) until the next one is of the wanted kind.
fn session_before(kind: AnswerKind) -> (Session, Q) {
    let mut session = Session::default();
    for _ in 0..60 {
        let report = evaluate(&session.facts, DAY);
        let question = session.current(&report).expect("a question of that kind");
        if question.kind == kind {
            return (session, question.id);
        }
        session.skip(question.id);
    }
    panic!("no {kind:?} question reached");
}

fn mount_questionnaire(session: Session) -> (AppState, web_sys::HtmlElement, impl Drop) {
    let state = AppState::new(DAY, DAY);
    state.session.set(session);
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <Questionnaire/> }
    });
    (state, host, handle)
}

async fn type_and_confirm(host: &web_sys::HtmlElement, typed: &str) {
    let input: web_sys::HtmlInputElement = find(host, "#q-input").unchecked_into();
    input.set_value(typed);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    find(host, "#q-confirm").click();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn answering_yes_advances_to_another_question() {
    let (session, q) = session_before(AnswerKind::YesNo);
    let number = session.history.len() + 1;
    let (state, host, handle) = mount_questionnaire(session);
    assert_eq!(shown_question(&host), q.id());
    assert_eq!(count(&host, "button[data-answer]"), 3, "是, 否, 不清楚");
    let progress = text(&host, "#progress");
    assert!(
        progress.starts_with(&format!("第 {number} 题")),
        "{progress}"
    );

    find(&host, "button[data-answer=yes]").click();
    leptos::task::tick().await;

    assert_eq!(
        state.session.with_untracked(|s| s.facts.get(q)),
        Some(Answer::Bool(true))
    );
    assert_ne!(shown_question(&host), q.id());
    assert!(text(&host, "#progress").starts_with(&format!("第 {} 题", number + 1)));
    assert!(text(&host, "#progress").contains("目前可能符合"));

    // 上一题 opens it again with the answer marked.
    find(&host, "#q-back").click();
    leptos::task::tick().await;
    assert_eq!(shown_question(&host), q.id());
    assert_eq!(
        find(&host, "button[data-answer=yes]").get_attribute("aria-pressed"),
        Some("true".into())
    );
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn unknown_skips_and_leaves_the_fact_unknown() {
    let (state, host, handle) = mount_questionnaire(Session::default());
    let first = shown_question(&host);
    let q = Q::from_id(&first).expect("a question id");
    find(&host, "button[data-answer=unknown]").click();
    leptos::task::tick().await;
    assert_ne!(shown_question(&host), first);
    state.session.with_untracked(|s| {
        assert!(s.skipped.contains(&q));
        assert!(!s.facts.is_answered(q));
        assert_eq!(s.answered(), 0);
    });
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn a_number_box_explains_bad_input_and_reads_full_width_digits() {
    let (session, q) = session_before(AnswerKind::Count);
    let (state, host, handle) = mount_questionnaire(session);
    assert_eq!(shown_question(&host), q.id());

    type_and_confirm(&host, "abc").await;
    let expected = parse_count("abc").expect_err("abc is not a number");
    assert_eq!(text(&host, "#q-error"), expected);
    assert!(expected.contains("不是整数"));
    assert_eq!(
        find(&host, "#q-input").get_attribute("aria-invalid"),
        Some("true".into())
    );
    assert_eq!(shown_question(&host), q.id(), "still on the same question");
    assert!(!state.session.with_untracked(|s| s.facts.is_answered(q)));

    type_and_confirm(&host, "３５").await;
    assert_eq!(
        state.session.with_untracked(|s| s.facts.get(q)),
        Some(Answer::Count(35))
    );
    // On to the next question, or to none when this was the last one open.
    let next = host
        .query_selector("[data-question]")
        .expect("selector")
        .and_then(|e| e.get_attribute("data-question"));
    assert_ne!(next.as_deref(), Some(q.id()));
    drop(handle);
    host.remove();
}

/// A 脱贫人口 from Chongqing working in 山东 (tests/golden/persons/shandong-job-search-subsidy.json).
fn shandong_worker() -> Facts {
    let json = r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,"age":30,
        "activity":"employee","work-place":"shandong","work-since":"2025-01-10","job-search-received":false}"#;
    serde_json::from_str(json).expect("valid facts")
}

#[wasm_bindgen_test]
async fn results_show_the_groups_and_amounts_rules_core_computes() {
    let facts = shandong_worker();
    // The residents' page's results: the person rules, written by its second fetch.
    let report = rules_core::evaluate_person(&facts, DAY);
    second_fetch_has_come();
    let state = AppState::new(DAY, DAY);
    state.session.set(Session {
        facts,
        ..Session::default()
    });
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(state);
        view! { <FetchedResults/> }
    });

    for (status, id) in [
        (Status::Eligible, "eligible"),
        (Status::NeedsAnswers, "needs-answers"),
        (Status::NotEligible, "not-eligible"),
        (Status::PolicyEnded, "policy-ended"),
    ] {
        assert_eq!(
            count(&host, &format!("#group-{id} .card[data-status={id}]")),
            report.count(status) as u32,
            "{id}"
        );
    }
    let shandong = report
        .benefit("shandong-job-search-subsidy")
        .expect("encoded");
    assert_eq!(shandong.status, Status::Eligible);
    let shown = text(
        &host,
        "#group-eligible [data-benefit=shandong-job-search-subsidy] .estimate-value",
    );
    assert_eq!(shown, shandong.estimate.value.text());
    assert!(shown.ends_with(" 元/人"), "{shown}");
    assert!(text(
        &host,
        "[data-benefit=shandong-job-search-subsidy] .estimate-line"
    )
    .contains("预估"));
    assert!(count(&host, "[data-benefit=shandong-job-search-subsidy] .docs li") > 0);

    // Not eligible: the failed condition's own message.
    let ruled_out = report
        .benefits
        .iter()
        .find(|b| b.status == Status::NotEligible)
        .expect("something is ruled out");
    let reason = ruled_out
        .conditions
        .iter()
        .find(|c| c.outcome == rules_core::Outcome::NotMet)
        .expect("a failed condition");
    assert!(text(
        &host,
        &format!("[data-benefit={}] .not-met", ruled_out.entry.id)
    )
    .contains(&*reason.message));

    // Still open: the questions that would decide are listed.
    if let Some(open) = report
        .benefits
        .iter()
        .find(|b| b.status == Status::NeedsAnswers)
    {
        assert!(
            count(
                &host,
                &format!("[data-benefit={}] .decide-questions li", open.entry.id)
            ) > 0
        );
    }
    assert!(text(&host, ".disclaimer").contains(HOTLINE));
    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
async fn damaged_saved_data_is_discarded_with_a_notice_and_good_data_resumes() {
    let window = web_sys::window().expect("window");
    let storage = window
        .local_storage()
        .expect("storage")
        .expect("localStorage");
    second_fetch_has_come();
    storage
        .set_item(app::storage::PERSON_KEY, "{not json")
        .expect("set");
    window.location().set_hash("#/person/q").expect("hash");
    let host = host();
    let handle = leptos::mount::mount_to(host.clone(), app::shell::App);
    leptos::task::tick().await;
    assert!(text(&host, "#app-notice").contains("已清除"));
    assert!(storage
        .get_item(app::storage::PERSON_KEY)
        .expect("get")
        .is_none());
    assert!(
        count(&host, "[data-question]") == 1,
        "the questionnaire still works"
    );
    drop(handle);
    host.remove();

    // Saved answers: 继续上次 brings them back.
    let mut session = Session::default();
    session
        .answer(Q::Age, &Answer::Count(30))
        .expect("age answer");
    let saved = app::session::Saved::of(&session, app::session::Step::Results);
    storage
        .set_item(app::storage::PERSON_KEY, &saved.to_json())
        .expect("set");
    window
        .location()
        .set_hash("#/person/results")
        .expect("hash");
    let host = self::host();
    let handle = leptos::mount::mount_to(host.clone(), app::shell::App);
    leptos::task::tick().await;
    assert!(count(&host, "#resume-continue") == 1);
    find(&host, "#resume-continue").click();
    leptos::task::tick().await;
    assert!(count(&host, "#results-title") == 1);
    assert!(text(&host, "#answers-given").contains("30"));
    drop(handle);
    host.remove();
    storage.clear().expect("clear");
    window.location().set_hash("").expect("clear hash");
}

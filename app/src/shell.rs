//! The top of the app: the two pages' roots ([`App`] for index.html, [`OrgApp`] for org.html), the
//! shell around every screen (header, notices, footer; route and address in step; answers saved as
//! they change) and which page draws which screen. The only module that imports the pages.

use crate::chrome::open_page;
use crate::chrome::SiteFooter;
use crate::chrome::SiteHeader;
use crate::dom::clicked;
use crate::dom::current_hash;
use crate::dom::set_fragment;
use crate::landing::Landing;
use crate::link;
use crate::org;
use crate::person;
use crate::route::ORG_PAGE;
use crate::route::POLICY_PAGE;
use crate::route::{OrgStep, Route};
use crate::session::{Saved, Session, Step};
use crate::settings;
use crate::state::AppState;
use crate::storage;
use leptos::prelude::*;
use markup::{html, Html};
use rules_core::{Audience, Date};

/// The residents' page (index.html): landing, the person's questions, results and checklist, the
/// policy list and details. The organisation estimator is another page with its own bundle
/// ([`OrgApp`], org.html), so its code never weighs on the first load of a phone.
#[component]
pub fn App() -> impl IntoView {
    shell(main_screen, initial_state(AppState::fetched))
}

/// The organisation estimator's page (org.html); any other screen goes back to index.html.
#[component]
pub fn OrgApp() -> impl IntoView {
    shell(org_screen, initial_state(AppState::new))
}

/// Draws a screen of one page, or hands the address over to the page that has it.
type DrawScreen = fn(Screen) -> AnyView;

fn main_screen(screen: Screen) -> AnyView {
    match screen {
        Screen::Landing => view! {
            <person::ResumePrompt/>
            <Landing/>
        }
        .into_any(),
        Screen::Person => view! { <person::PersonPage/> }.into_any(),
        Screen::Policy => open_policy(None),
        Screen::Benefit(id) => open_policy(Some(id)),
        Screen::Org(_) => open_page(ORG_PAGE),
    }
}

fn org_screen(screen: Screen) -> AnyView {
    match screen {
        Screen::Org(audience) => view! { <org::OrgEstimator audience=audience/> }.into_any(),
        Screen::Person => view! { <person::NextSteps/> }.into_any(),
        Screen::Policy => open_policy(None),
        Screen::Benefit(id) => open_policy(Some(id)),
        _ => open_page("./"),
    }
}

/// Opens the policy page (at one benefit) in place of this history entry, keeping the query so that
/// its links back into the self-check keep a link's presets.
fn open_policy(benefit: Option<&str>) -> AnyView {
    let location = window().location();
    let search = location.search().unwrap_or_default();
    let fragment = benefit.map(|id| format!("#{id}")).unwrap_or_default();
    let _ = location.replace(&format!("{POLICY_PAGE}{search}{fragment}"));
    view! { <p class="loading" role="status">"正在打开政策一览，请稍候……"</p> }.into_any()
}

/// A page: header, the screen the URL names, footer. Reads saved answers and preferences once,
/// keeps the route and the URL fragment in step, and saves answers as they change.
fn shell(draw: DrawScreen, state: AppState) -> impl IntoView {
    provide_context(state);

    // The URL fragment and the route follow each other; back/forward change the fragment.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        let from_url = Route::parse(&hash);
        if state.route.get_untracked() != from_url {
            state.route.set(from_url);
        }
        // Back or Forward onto a question (`#/person/q/<n>`): one answered before opens again
        // with its answer; past them, the rules' next question.
        if let Some(step) = Route::step_in(&hash) {
            let show = state
                .session
                .with_untracked(|s| s.history.get(step - 1).copied());
            if state.session.with_untracked(|s| s.editing != show) {
                state.session.update(|s| s.editing = show);
            }
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |_| {
        let mut wanted = state.route.get().hash();
        if state.route.get_untracked() == Route::PersonQuestions {
            // The questionnaire's address names the step it opens on.
            wanted = Route::step_hash(state.session.with_untracked(Session::question_number));
        }
        let replace = state.replace.get_value();
        state.replace.set_value(false);
        let here = current_hash();
        if here == wanted || (wanted == "#/" && (here.is_empty() || here == "#")) {
            return;
        }
        set_fragment(&wanted, replace);
    });

    // Whatever could not be saved (these answers, an organisation's, a checklist, the settings):
    // said once, in the same words.
    storage::tell_failures_to(state.notice);

    // Save the answers as they change (not while a saved copy waits for 继续上次 / 重新开始).
    // Answers taken over from another tab are that tab's to save: saving them here again (with this
    // tab's step) would make the other tab take them back, and so on for ever.
    let step = StoredValue::new(Step::Questions);
    // Set while answers are taken over: the run of this effect that follows saves nothing (the
    // signal's set always runs it, so the flag never outlives it); this tab saves only again when its
    // own user answers or moves on.
    let adopting = StoredValue::new(false);
    Effect::new(move |_| {
        match state.route.get() {
            Route::PersonQuestions => step.set_value(Step::Questions),
            Route::PersonResults => step.set_value(Step::Results),
            _ => {}
        }
        let taken_over = adopting.get_value();
        adopting.set_value(false);
        let waiting = state.resume.with(Option::is_some);
        // The session is read on every run, so that the next change runs this again.
        state.session.with(|session| {
            if !waiting && !taken_over && !session.is_empty() {
                storage::save_person(&Saved::of(session, step.get_value()));
            }
        });
    });

    // Another tab of this site changed the saved answers: take them over (without saving them
    // back) and say so, instead of letting the last save silently win.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(storage::PERSON_KEY) {
            return;
        }
        match storage::load_person() {
            storage::Loaded::Saved(saved) => {
                adopting.set_value(true);
                state.session.set(saved.session());
                state.notice.set(Some(
                    "您在另一个窗口或标签页里修改了回答，本页已换成最新的回答。".to_string(),
                ));
            }
            _ => {
                adopting.set_value(true);
                state.session.set(Session::default());
                state.notice.set(Some(
                    "另一个窗口或标签页清除了保存的回答，本页也已清空。".to_string(),
                ));
            }
        }
    });

    // 大字模式: a class on <html>, kept on the phone.
    Effect::new(move |_| {
        let on = state.large_text.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("large-text", on);
        }
        storage::save_large_text(on);
    });

    view! {
        <SiteHeader/>
        <main id="main">
            <Notices/>
            <Screen draw=draw/>
        </main>
        <SiteFooter staff_link=true/>
    }
}

/// The page's state on opening: the link's presets, the answers saved on this phone or shared in
/// the link (asking before one replaces the other), and the notices to show.
/// `fresh` makes the page's state (with its rules linked or fetched); generic, so that each page's
/// bundle links only its own.
fn initial_state(fresh: impl FnOnce(Date, Date) -> AppState) -> AppState {
    let today = settings::today();
    let search = window().location().search().unwrap_or_default();
    let presets = link::read_query(&search, today);
    let mut state = fresh(today, presets.as_of.unwrap_or(today));
    state.preset_district = presets.district;
    let mut notes = presets.notes;
    state.large_text.set(storage::load_large_text());
    let saved = storage::load_person();
    state.route.set(Route::parse(&current_hash()));
    match link::answers_in_fragment(&current_hash()) {
        // Answers someone shared on purpose (包含我的回答): they become this page's answers, and
        // the address bar loses them at once (replaced, so Back does not bring them back).
        Some(shared) => {
            match shared.and_then(|json| link::read_shared(&json)) {
                Ok(shared) => match saved {
                    // The phone has answers of its own: ask before replacing them.
                    storage::Loaded::Saved(mine) if !mine.session().is_empty() => {
                        state.resume.set(Some(*mine));
                        state.shared.set(Some(shared));
                    }
                    _ => {
                        state.session.set(shared.session());
                        notes.push("已打开分享链接中的回答，并保存在本机。".to_string());
                    }
                },
                Err(message) => notes.push(message),
            }
            state.redirect(Route::PersonResults);
        }
        None => match saved {
            // Back from the next steps on org.html (its 返回结果 link): the person's own answers,
            // taken up without asking again.
            storage::Loaded::Saved(saved) if current_hash().ends_with(link::CONTINUE_MARK) => {
                state.session.set(saved.session());
                state.redirect(Route::PersonResults);
            }
            storage::Loaded::Saved(saved) if !saved.session().is_empty() => {
                state.resume.set(Some(*saved))
            }
            storage::Loaded::Discarded(message) => notes.insert(0, message),
            _ => {}
        },
    }
    if !notes.is_empty() {
        state.notice.set(Some(notes.join(" ")));
    }
    state
}

/// Which component draws the current route; changes of audience on the landing page do not
/// redraw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Landing,
    Person,
    Policy,
    Benefit(&'static str),
    Org(Audience),
}

#[component]
fn Screen(draw: DrawScreen) -> impl IntoView {
    let state = expect_context::<AppState>();
    let screen = Memo::new(move |_| match state.route.get() {
        Route::Landing(_) => Screen::Landing,
        Route::PersonQuestions
        | Route::PersonResults
        | Route::PersonChecklist
        | Route::PersonShare => Screen::Person,
        Route::Policy => Screen::Policy,
        Route::PolicyBenefit(id) => Screen::Benefit(id),
        Route::Org(audience, _) => Screen::Org(audience),
    });
    move || draw(screen.get())
}

/// One-off messages, a link's preset district, and the notice's end when the evaluation date is
/// past it. Written as HTML text; the one button (知道了) is handled by a delegated listener.
#[component]
fn Notices() -> impl IntoView {
    let state = expect_context::<AppState>();
    let banners = move || {
        let mut h = Html::new();
        if let Some(message) = state.notice.get() {
            html!(
                h,
                "<div class=\"banner notice\" id=\"app-notice\" role=\"status\"><p>{}</p><button type=\"button\" class=\"secondary\" data-dismiss>知道了\
                    </button></div>",
                message
            );
        }
        if state.undo.with(Option::is_some) {
            h.raw("<div class=\"banner notice\" id=\"undo-shared\" role=\"status\"><p>已打开分享链接中的回答，本机原来的回答被替换。</p>\
                <button type=\"button\" class=\"secondary\" data-undo>撤销，换回我的回答</button></div>");
        }
        let preset = state.preset_district.and_then(rules_core::districts::find);
        if let (Some(district), Route::Landing(_)) = (preset, state.route.get()) {
            html!(
                h,
                "<p class=\"banner notice\" id=\"preset-note\" role=\"note\">本链接已为您预选区县：{}（答题时可以更改）。</p>",
                district.name
            );
        }
        // Not above the questions or the results: there it would push the answers and what to do
        // below the fold, and the results and each card say where each benefit stands.
        if state.as_of.get() > rules_core::source::NOTICE_END
            && !matches!(
                state.route.get(),
                Route::PersonQuestions
                    | Route::PersonResults
                    | Route::Org(_, OrgStep::Questions | OrgStep::Results)
            )
        {
            html!(
                h,
                "<p class=\"banner ended-banner\" id=\"notice-ended\" role=\"note\">{}</p>",
                rules_core::standing::AFTER_NOTICE
            );
        }
        h.into_string()
    };
    let dismiss = move |ev: leptos::ev::MouseEvent| {
        if clicked(&ev, "[data-dismiss]").is_some() {
            state.notice.set(None);
        } else if clicked(&ev, "[data-undo]").is_some() {
            state.undo_shared();
        }
    };
    view! { <div class="notices" inner_html=banners on:click=dismiss></div> }
}

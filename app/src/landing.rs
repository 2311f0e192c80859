//! The landing page: "您是？" with the four audiences, and the benefits of the chosen one. 个人 leads
//! on to the questionnaire; the organisation audiences keep their benefit list until their estimator
//! exists.

use crate::html::esc;
use crate::route::Route;
use crate::{citation, focus_later, AppState};
use leptos::prelude::*;
use rules_core::catalogue::{self, CatalogueEntry};
use rules_core::Audience;

/// Id of the panel's heading, focused after a choice.
pub const PANEL_HEADING_ID: &str = "benefits-heading";

/// The first question, "您是？", and what it opens: the benefits for the chosen audience. The choice
/// is the route itself (`#/person`, `#/employer`…), so back/forward and links restore it.
#[component]
pub fn Landing() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="ask" aria-labelledby="ask-who">
            <h2 id="ask-who">"您是？"</h2>
            <ul class="choices" role="list">
                {Audience::ALL
                    .into_iter()
                    .map(|audience| view! { <li><AudienceChoice audience=audience/></li> })
                    .collect_view()}
            </ul>
        </section>
        {move || chosen(state).map(|audience| view! { <BenefitPanel audience=audience/> })}
        <p class="browse">
            <a class="button secondary" id="to-policy" href=crate::POLICY_PAGE>"政策一览：查看全部政策"</a>
        </p>
    }
}

/// The audience the landing page shows, from the route.
fn chosen(state: AppState) -> Option<Audience> {
    match state.route.get() {
        Route::Landing(audience) => audience,
        _ => None,
    }
}

/// One big toggle button per audience; `aria-pressed` tells which one is chosen.
#[component]
pub fn AudienceChoice(audience: Audience) -> impl IntoView {
    let state = expect_context::<AppState>();
    let choose = move |_| {
        state.go(Route::Landing(Some(audience)));
        // Bring the answer into view (and to screen readers) once it is drawn.
        focus_later(PANEL_HEADING_ID);
    };
    view! {
        <button
            type="button"
            class="choice"
            id=format!("choice-{}", audience.id())
            data-audience=audience.id()
            aria-pressed=move || if chosen(state) == Some(audience) { "true" } else { "false" }
            on:click=choose
        >
            <span class="choice-label">{audience.label()}</span>
            <span class="choice-hint">{audience.hint()}</span>
        </button>
    }
}

/// "与您相关的政策（N 项）": the catalogue entries of one audience, each opening its details.
#[component]
pub fn BenefitPanel(audience: Audience) -> impl IntoView {
    let entries: Vec<&'static CatalogueEntry> = catalogue::for_audience(audience).collect();
    let heading = format!("与您相关的政策（{} 项）", entries.len());
    let next = if audience == Audience::Person {
        view! { <PersonStart/> }.into_any()
    } else {
        view! { <crate::org::OrgStart audience=audience/> }.into_any()
    };
    view! {
        <section class="benefits" id="benefits" aria-labelledby=PANEL_HEADING_ID data-audience=audience.id()>
            <h2 id=PANEL_HEADING_ID tabindex="-1">{heading}</h2>
            <p class="chosen">"您选择了："{audience.label()}</p>
            {next}
            <ul class="benefit-list" role="list" inner_html=benefit_items(&entries)></ul>
        </section>
    }
}

/// The way into the questionnaire: start, or continue what was answered on this phone.
#[component]
fn PersonStart() -> impl IntoView {
    let state = use_context::<AppState>();
    let started = move || state.is_some_and(|s| s.session.with(|s| !s.is_empty()));
    view! {
        <p class="next-step">"回答几个问题（可随时选“不清楚”），即可看到能享受哪些政策、预估金额、要带的材料。"</p>
        <p class="start">
            <a class="button primary" id="start-person" href="#/person/q">
                {move || if started() { "继续自助测评" } else { "开始自助测评" }}
            </a>
        </p>
    }
}

/// The catalogue entries as list items, each a link to its part of the policy page. HTML text: the
/// list never changes once drawn, and text costs less of the first load than a view tree.
pub fn benefit_items(entries: &[&CatalogueEntry]) -> String {
    let mut h = String::new();
    for entry in entries {
        h.push_str(&format!(
            "<li class=\"benefit\" id=\"benefit-{id}\" data-benefit=\"{id}\"><a class=\"benefit-link\" href=\"{href}\"><span class=\"benefit-name\">{name}</span><span class=\"benefit-clause\">{clause}</span></a></li>",
            id = entry.id,
            href = crate::policy_href(entry.id),
            name = esc(entry.name),
            clause = esc(&citation(entry)),
        ));
    }
    h
}

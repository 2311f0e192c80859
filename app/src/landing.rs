//! The landing page: "您是？" with the four audiences, and the benefits of the chosen one with the
//! way in (个人: the questionnaire; organisations: their estimator on org.html). Written as HTML text
//! with one delegated listener: it costs far less of the first load than a view tree.

use crate::dom::focus_later;
use crate::route::Route;
use crate::state::AppState;
use leptos::prelude::*;
use markup::{html, Html};
use rules_core::catalogue::{self, CatalogueEntry};
use rules_core::Audience;

/// Id of the panel's heading, focused after a choice.
pub const PANEL_HEADING_ID: &str = "benefits-heading";

/// The first question, "您是？", and what it opens: the benefits for the chosen audience. The choice
/// is the route itself (`#/person`, `#/employer`…), so back/forward and links restore it.
#[component]
pub fn Landing() -> impl IntoView {
    let state = expect_context::<AppState>();
    let page = move || {
        let chosen = chosen(state);
        let started = match chosen {
            Some(Audience::Person) => state.session.with(|s| !s.is_empty()),
            // Whether answers are saved, without reading them: the residents' page then carries
            // none of the estimator's decoding.
            Some(audience) => crate::storage::get(&crate::storage::org_key(audience)).is_some(),
            None => false,
        };
        landing_html(chosen, started).into_string()
    };
    let choose = move |ev: leptos::ev::MouseEvent| {
        let picked = crate::dom::clicked(&ev, "button[data-audience]")
            .and_then(|b| b.get_attribute("data-audience"))
            .and_then(|id| Audience::from_id(&id));
        if let Some(audience) = picked {
            state.go(Route::Landing(Some(audience)));
            focus_later(PANEL_HEADING_ID);
        }
    };
    view! { <div class="landing" inner_html=page on:click=choose></div> }
}

fn chosen(state: AppState) -> Option<Audience> {
    match state.route.get() {
        Route::Landing(audience) => audience,
        _ => None,
    }
}

/// "您是？" with the four audiences (the chosen one pressed), the chosen audience's benefits with how
/// to start (`started`: answers are saved), and 政策一览, as HTML text.
pub fn landing_html(chosen: Option<Audience>, started: bool) -> Html {
    let mut h = Html::new();
    h.raw("<section class=\"ask\" aria-labelledby=\"ask-who\"><h2 id=\"ask-who\">您是？</h2><ul class=\"choices\" role=\"list\">");
    for audience in Audience::ALL {
        html!(
            h,
            "<li><button type=\"button\" class=\"choice\" id=\"choice-{}\" data-audience=\"{}\" aria-pressed=\"{}\"><span class=\"choice-label\">{}\
                </span><span class=\"choice-hint\">{}</span></button></li>",
            audience.id(),
            audience.id(),
            if chosen == Some(audience) { "true" } else { "false" },
            audience.label(),
            audience.hint()
        );
    }
    h.raw("</ul></section>");
    if let Some(audience) = chosen {
        let entries: Vec<&'static CatalogueEntry> = catalogue::for_audience(audience).collect();
        let (next, href, start) = if audience == Audience::Person {
            (
                "回答几个问题（可随时选“不清楚”），即可看到能享受哪些政策、预估金额、要带的材料。",
                "#/person/q".to_string(),
                if started {
                    "继续自助测评"
                } else {
                    "开始自助测评"
                },
            )
        } else {
            (
                "回答几个关于贵单位的问题，填写招用（介绍）人员名单，即可按政策逐项预估补贴金额，并可打印或下载表格。",
                crate::route::org_hash(audience, crate::route::OrgStep::Questions),
                if started { "继续单位补贴测算" } else { "开始单位补贴测算" },
            )
        };
        let id = if audience == Audience::Person {
            "start-person"
        } else {
            "start-org"
        };
        html!(
            h,
            "<section class=\"benefits\" id=\"benefits\" aria-labelledby=\"{}\" data-audience=\"{}\"><h2 id=\"{}\" tabindex=\"-1\">与您相关的政策（{} 项）</h2>\
                <p class=\"chosen\">您选择了：{}</p><p class=\"next-step\">{}</p><p class=\"start\"><a class=\"button primary\" id=\"{}\" href=\"{}\">{}\
                </a></p><ul class=\"benefit-list\" role=\"list\">{}</ul></section>",
            PANEL_HEADING_ID,
            audience.id(),
            PANEL_HEADING_ID,
            entries.len(),
            audience.label(),
            next,
            id,
            href,
            start,
            benefit_items(&entries)
        );
    }
    html!(
        h,
        "<p class=\"browse\"><a class=\"button secondary\" id=\"to-policy\" href=\"{}\">政策一览：查看全部政策</a></p>",
        crate::route::POLICY_PAGE
    );
    h
}

pub fn benefit_items(entries: &[&CatalogueEntry]) -> Html {
    let mut h = Html::new();
    for entry in entries {
        html!(
            h,
            "<li class=\"benefit\" id=\"benefit-{}\" data-benefit=\"{}\"><a class=\"benefit-link\" href=\"{}\"><span class=\"benefit-name\">{}</span>\
                <span class=\"benefit-clause\">{}</span></a></li>",
            entry.id,
            entry.id,
            crate::route::policy_href(entry.id),
            entry.name,
            entry.citation()
        );
    }
    h
}

//! The portal's browser app: pages and components over rules-core, browser glue only.
//!
//! Every policy fact on screen (benefit names, counts, clauses, audience labels) comes from
//! `rules_core`; this crate only arranges and words the interface around it.

use leptos::prelude::*;
use rules_core::catalogue::{self, CatalogueEntry};
use rules_core::Audience;

/// The 文号 of the notice whose clauses the catalogue cites, e.g. `渝人社〔2021〕237号`
/// (rules-core's source record, without the title).
pub fn notice_number() -> &'static str {
    let document = rules_core::source::NOTICE.document;
    document.split('《').next().unwrap_or(document)
}

/// The URL fragment that selects an audience, e.g. `#/person`.
pub fn hash_for(audience: Audience) -> String {
    format!("#/{}", audience.id())
}

/// The audience a URL fragment selects. Anything unknown or malformed selects none.
pub fn audience_from_hash(hash: &str) -> Option<Audience> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let id = path.split(['/', '?', '&']).next().unwrap_or_default();
    Audience::from_id(id)
}

/// How a catalogue entry's clause is cited on screen: `渝人社〔2021〕237号 一（一）`.
pub fn citation(entry: &CatalogueEntry) -> String {
    format!("{} {}", notice_number(), entry.clause)
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The whole page: header, landing, footer; keeps the chosen audience in the URL fragment so
/// links like `…/#/employer` open with that audience chosen and the back button undoes a choice.
#[component]
pub fn App() -> impl IntoView {
    let selected = RwSignal::new(audience_from_hash(&current_hash()));

    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let from_url = audience_from_hash(&current_hash());
        if selected.get_untracked() != from_url {
            selected.set(from_url);
        }
    });
    on_cleanup(move || listener.remove());

    Effect::new(move |_| {
        if let Some(audience) = selected.get() {
            let wanted = hash_for(audience);
            if current_hash() != wanted {
                // Failing to update the address bar only loses the shareable link, not the page.
                let _ = window().location().set_hash(&wanted);
            }
        }
    });

    view! {
        <SiteHeader/>
        <main id="main">
            <Landing selected=selected/>
        </main>
        <SiteFooter/>
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <h1>"重庆就业帮扶政策自助查询"</h1>
            <p class="lede">
                {format!(
                    "依据{}及其配套文件，帮您预估能享受哪些就业帮扶政策。结果仅供参考；您填写的内容只保存在本机，不会上传。",
                    notice_number()
                )}
            </p>
        </header>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                "最终以区县人力社保部门审核为准 · "
                <span class="nowrap">"咨询电话 "<a href="tel:12333">"12333"</a></span>
            </p>
        </footer>
    }
}

/// The first question, "您是？", and what it opens: the benefits for the chosen audience.
#[component]
pub fn Landing(selected: RwSignal<Option<Audience>>) -> impl IntoView {
    view! {
        <section class="ask" aria-labelledby="ask-who">
            <h2 id="ask-who">"您是？"</h2>
            <ul class="choices" role="list">
                {Audience::ALL
                    .into_iter()
                    .map(|audience| view! { <li><AudienceChoice audience=audience selected=selected/></li> })
                    .collect_view()}
            </ul>
        </section>
        {move || selected.get().map(|audience| view! { <BenefitPanel audience=audience/> })}
    }
}

/// One big toggle button per audience; `aria-pressed` tells which one is chosen.
#[component]
pub fn AudienceChoice(audience: Audience, selected: RwSignal<Option<Audience>>) -> impl IntoView {
    let pressed = move || selected.get() == Some(audience);
    let choose = move |_| {
        selected.set(Some(audience));
        // Bring the answer into view (and to screen readers) once it is drawn.
        request_animation_frame(|| {
            if let Some(heading) = document().get_element_by_id(PANEL_HEADING_ID) {
                use wasm_bindgen::JsCast;
                if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        });
    };
    view! {
        <button
            type="button"
            class="choice"
            id=format!("choice-{}", audience.id())
            data-audience=audience.id()
            aria-pressed=move || if pressed() { "true" } else { "false" }
            on:click=choose
        >
            <span class="choice-label">{audience.label()}</span>
            <span class="choice-hint">{audience.hint()}</span>
        </button>
    }
}

/// Id of the panel's heading, focused after a choice.
pub const PANEL_HEADING_ID: &str = "benefits-heading";

/// "与您相关的政策（N 项）": the catalogue entries of one audience.
#[component]
pub fn BenefitPanel(audience: Audience) -> impl IntoView {
    let entries: Vec<&'static CatalogueEntry> = catalogue::for_audience(audience).collect();
    let heading = format!("与您相关的政策（{} 项）", entries.len());
    view! {
        <section class="benefits" id="benefits" aria-labelledby=PANEL_HEADING_ID data-audience=audience.id()>
            <h2 id=PANEL_HEADING_ID tabindex="-1">{heading}</h2>
            <p class="chosen">"您选择了："{audience.label()}</p>
            <ul class="benefit-list" role="list">
                {entries
                    .into_iter()
                    .map(|entry| view! { <BenefitItem entry=entry/> })
                    .collect_view()}
            </ul>
            <p class="next-step">"下一步：逐项回答几个问题，即可查看您能否享受、可领多少、要带哪些材料（即将推出）。"</p>
        </section>
    }
}

#[component]
fn BenefitItem(entry: &'static CatalogueEntry) -> impl IntoView {
    view! {
        <li class="benefit" id=format!("benefit-{}", entry.id) data-benefit=entry.id>
            <span class="benefit-name">{entry.name}</span>
            <span class="benefit-clause">{citation(entry)}</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_round_trips_every_audience() {
        for audience in Audience::ALL {
            assert_eq!(audience_from_hash(&hash_for(audience)), Some(audience));
        }
    }

    #[test]
    fn odd_hashes_select_nothing_and_never_panic() {
        for hash in [
            "",
            "#",
            "#/",
            "#/nobody",
            "#/PERSON",
            "#/人",
            "#/person\u{0}",
        ] {
            assert_eq!(audience_from_hash(hash), None, "{hash:?}");
        }
        assert_eq!(
            audience_from_hash("#/employer/hiring-subsidy"),
            Some(Audience::Employer)
        );
        assert_eq!(audience_from_hash("person"), Some(Audience::Person));
    }

    #[test]
    fn citation_names_the_notice_and_clause() {
        let entry = catalogue::for_audience(Audience::Agency)
            .next()
            .expect("the catalogue has an agency benefit");
        assert_eq!(
            citation(entry),
            format!("渝人社〔2021〕237号 {}", entry.clause)
        );
    }
}

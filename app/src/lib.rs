//! The portal's browser app: pages and components over rules-core, browser glue only.
//!
//! Every policy fact on screen (benefit names, counts, clauses, amounts, documents, question
//! wording) comes from `rules_core`; this crate only arranges and words the interface around it.
//!
//! Screens live in the URL fragment ([`route::Route`]). An `as-of` query parameter
//! (`/?as-of=2025-06-20#/person/q`) fixes the evaluation date for links and tests; otherwise it is
//! today from the browser, changeable in the settings panel.

#[cfg(test)]
mod architecture;
pub mod clipboard;
pub mod format;
pub mod html;
pub mod json;
pub mod landing;
pub mod link;
pub mod org;
pub mod person;
pub mod route;
pub mod session;
pub mod settings;
pub mod shell;
pub mod staff;
pub mod storage;
pub mod ui;

use leptos::prelude::*;
use route::Route;
use rules_core::catalogue::CatalogueEntry;
use rules_core::evaluate::Report;
use rules_core::{evaluate, Audience, Date};
use session::{Saved, Session, Step};

/// The 文号 of the notice whose clauses the catalogue cites, e.g. `渝人社〔2021〕237号`
/// (rules-core's source record, without the title).
pub fn notice_number() -> &'static str {
    rules_core::source::NOTICE_NUMBER
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

pub(crate) fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Puts `hash` in the address bar, as a new history entry or in place of the current one. Failing
/// to update the address bar only loses the shareable link, not the page.
pub(crate) fn set_fragment(hash: &str, replace: bool) {
    let location = window().location();
    if replace {
        let base = location.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        let _ = location.replace(&format!("{base}{hash}"));
    } else {
        let _ = location.set_hash(hash);
    }
}

/// The element matching `selector` that a click inside HTML text landed in (itself or an
/// ancestor): how the delegated listeners of the HTML-text parts find their buttons.
pub fn clicked(ev: &leptos::ev::MouseEvent, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest(selector).ok().flatten())
}

/// Moves keyboard and screen-reader focus to an element once it is drawn.
pub fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = document().get_element_by_id(id) {
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}

/// Everything the screens share, provided as context by [`App`] (and by tests).
#[derive(Clone, Copy)]
pub struct AppState {
    pub route: RwSignal<Route>,
    /// The next route change replaces the history entry instead of adding one (redirects).
    replace: StoredValue<bool>,
    /// Today in the browser: the only clock.
    pub today: Date,
    /// The day the policy is evaluated on.
    pub as_of: RwSignal<Date>,
    pub large_text: RwSignal<bool>,
    pub session: RwSignal<Session>,
    /// rules-core's report for the session's answers on `as_of`.
    pub report: Memo<Report>,
    /// Answers found on the phone, waiting for 继续上次 / 重新开始.
    pub resume: RwSignal<Option<Saved>>,
    /// Answers from a shared link, waiting for 打开分享的回答 / 保留我的回答 (the phone had its own).
    pub shared: RwSignal<Option<Saved>>,
    /// The person's own answers, kept after opening shared ones so that 撤销 can bring them back.
    pub undo: RwSignal<Option<Saved>>,
    /// A one-off message (data discarded, data cleared, bad link).
    pub notice: RwSignal<Option<String>>,
    /// A district the link preselects in every 区县 question (`?district=wanzhou`).
    pub preset_district: Option<&'static str>,
    /// The page's evaluator: [`rules_core::evaluate_person`] on the residents' page (its bundle then
    /// carries no organisation rules), [`rules_core::evaluate`] elsewhere.
    pub rules: Rules,
}

/// A rules-core evaluator.
pub type Rules = fn(&rules_core::Facts, Date) -> Report;

impl AppState {
    /// A fresh state without touching storage or the URL, evaluating every benefit.
    pub fn new(today: Date, as_of: Date) -> AppState {
        AppState::with_rules(today, as_of, evaluate)
    }

    /// A fresh state whose reports come from `rules`.
    pub fn with_rules(today: Date, as_of: Date, rules: Rules) -> AppState {
        let session = RwSignal::new(Session::default());
        let as_of = RwSignal::new(as_of);
        // A new report always counts as a change: comparing two reports costs more code than it saves.
        let report = Memo::new_with_compare(
            move |_| session.with(|s| rules(&s.facts, as_of.get())),
            |_, _| true,
        );
        AppState {
            route: RwSignal::new(Route::Landing(None)),
            replace: StoredValue::new(false),
            today,
            as_of,
            large_text: RwSignal::new(false),
            session,
            report,
            resume: RwSignal::new(None),
            shared: RwSignal::new(None),
            undo: RwSignal::new(None),
            notice: RwSignal::new(None),
            preset_district: None,
            rules,
        }
    }

    /// Goes to a screen, adding a history entry.
    pub fn go(&self, route: Route) {
        self.route.set(route);
    }

    /// Goes to a screen in place of the current one (no new history entry).
    pub fn redirect(&self, route: Route) {
        self.replace.set_value(true);
        self.route.set(route);
    }

    /// 继续上次: the saved answers become the session.
    pub fn resume_saved(&self) {
        if let Some(saved) = self.resume.get_untracked() {
            self.session.set(saved.session());
            self.resume.set(None);
            let route = self.route.get_untracked();
            if !route.is_person_flow() {
                self.go(match saved.step {
                    Step::Questions => Route::PersonQuestions,
                    Step::Results => Route::PersonResults,
                });
            }
        }
    }

    /// 打开分享的回答: the shared answers become the session; the person's own stay in memory for 撤销.
    pub fn open_shared(&self) {
        if let Some(shared) = self.shared.get_untracked() {
            self.undo.set(self.resume.get_untracked());
            self.shared.set(None);
            self.resume.set(None);
            self.session.set(shared.session());
        }
    }

    /// 保留我的回答: the shared answers are dropped, the person's own taken up.
    pub fn keep_mine(&self) {
        self.shared.set(None);
        self.resume_saved();
        self.notice
            .set(Some("已保留您自己的回答，没有打开分享的回答。".to_string()));
    }

    /// 撤销: back to the person's own answers after opening shared ones.
    pub fn undo_shared(&self) {
        if let Some(mine) = self.undo.get_untracked() {
            self.undo.set(None);
            self.session.set(mine.session());
            self.notice.set(Some("已换回您原来的回答。".to_string()));
        }
    }

    /// 重新开始: forget the saved answers and start at the first question.
    pub fn restart(&self) {
        storage::clear_person();
        self.resume.set(None);
        self.session.set(Session::default());
        self.go(Route::PersonQuestions);
    }

    /// 清除我的数据.
    pub fn clear_all(&self) {
        storage::clear_all();
        self.resume.set(None);
        self.session.set(Session::default());
        self.large_text.set(false);
        self.notice
            .set(Some("已清除本机保存的全部回答和设置。".to_string()));
        self.go(Route::Landing(None));
    }
}

/// The policy itself (every benefit: the notice's words, conditions, amounts, documents, where to
/// apply, sources) is the static page policy.html, generated from rules-core at build time: it
/// loads at once, works without WebAssembly and offline, and keeps the app's bundles for the
/// self-check. `#/policy` and `#/policy/<id>` (older links, printed posters) open it.
pub const POLICY_PAGE: &str = "policy.html";

/// The address of one benefit on the policy page, e.g. `policy.html#startup-subsidy`.
pub fn policy_href(id: &str) -> String {
    format!("{POLICY_PAGE}#{id}")
}

/// The organisation estimator's page, beside index.html.
pub const ORG_PAGE: &str = "org.html";

/// Opens `page` with the same query and fragment, in place of this history entry. Offline, the
/// service worker may answer org.html with index.html: then say so instead of looping.
pub(crate) fn open_page(page: &'static str) -> AnyView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if page == ORG_PAGE && path.ends_with(ORG_PAGE) {
        return view! {
            <p class="banner notice" id="open-page-offline" role="status">
                "这一页需要联网打开一次，之后离线也能使用。请连接网络后刷新本页。"
            </p>
        }
        .into_any();
    }
    let hash = location.hash().unwrap_or_default();
    open_page_at(page, &hash)
}

/// Opens `page` at `hash` with the same query (and a date chosen in the settings, so the other page
/// evaluates on the same day), in place of this history entry.
pub(crate) fn open_page_at(page: &'static str, hash: &str) -> AnyView {
    let location = window().location();
    let chosen = use_context::<AppState>()
        .map(|state| state.as_of.get_untracked())
        .filter(|day| *day != settings::today());
    let search = link::with_as_of(&location.search().unwrap_or_default(), chosen);
    let _ = location.replace(&format!("{page}{search}{hash}"));
    view! { <p class="loading" role="status">"正在打开，请稍候……"</p> }.into_any()
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let state = use_context::<AppState>();
    let has_state = state.is_some();
    // Past the landing page the header shrinks so the question or result starts near the top.
    let compact = move || state.is_some_and(|s| !matches!(s.route.get(), Route::Landing(_)));
    view! {
        <header class="site-header" class:compact=compact>
            <div class="masthead" inner_html=masthead_html()></div>
            {has_state.then(|| view! { <settings::Settings/> })}
        </header>
    }
}

/// The header's fixed part as HTML text (title, what the tool does, navigation): it never changes,
/// and text costs far less of the first load than a view tree.
fn masthead_html() -> String {
    format!(
        "<h1>{}</h1><p class=\"lede\">{}</p><nav class=\"top-nav no-print\" aria-label=\"主要导航\"><a href=\"#/\" id=\"nav-home\">首页</a><a href=\"{POLICY_PAGE}\" id=\"nav-policy\">政策一览</a></nav>",
        html::esc(rules_core::source::SITE_TITLE),
        html::esc(&rules_core::source::site_lede())
    )
}

/// The footer; `staff_link` adds the discreet link to the staff page (工作人员：生成推广链接).
#[component]
pub fn SiteFooter(#[prop(optional)] staff_link: bool) -> impl IntoView {
    let number = rules_core::documents::HOTLINE_NUMBER;
    let mut footer = format!(
        "<p>最终以区县人力社保部门审核为准 · <span class=\"nowrap\">咨询电话 <a href=\"tel:{number}\">{number}</a></span></p><p class=\"checked\" id=\"policy-checked\">{}</p>",
        rules_core::standing::policy_checked()
    );
    if staff_link {
        footer.push_str("<a class=\"staff-link no-print\" href=\"staff.html\" id=\"staff-link-footer\">工作人员：生成推广链接</a>");
    }
    view! { <footer class="site-footer" inner_html=footer></footer> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::catalogue;

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

//! 准备申请材料 (person and organisation results): the user picks the benefits to apply for (可以申请 preselected, 还需确认 selectable)
//! and gets one merged checklist from rules-core (`checklist::merge_for`, only the documents that may
//! concern this person): each document once, which benefits need it, how to bring it, what it proves, where to get it, alternatives and conditions;
//! what the office checks in its own systems apart; then how to apply for each benefit and the
//! hotline. Documents are ticked off as ready (saved on the phone, cleared with the answers), the list
//! prints as an A4 sheet with ☑ beside the ticked documents and ☐ beside the rest (style.css) and is
//! copied as plain text for WeChat.
//!
//! The lists are HTML text ([`crate::html`]); their checkboxes are handled by one delegated
//! `change` listener, so ticking never redraws the list (focus stays put).

use crate::dom::focus_later;
use crate::html;
use crate::json::{self, quote, Json};
use crate::state::AppState;
use crate::storage;
use leptos::prelude::*;
use markup::{html, to_html, Html};
use rules_core::checklist::{merge_for, Checklist};
use rules_core::documents;
use rules_core::evaluate::Report;
use rules_core::{Audience, Status};

pub use crate::storage::{checklist_key as key_for, TICKS_KEY};

/// How a benefit stands in the picker.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// 可以申请: preselected.
    Eligible,
    /// A lead (延续情况未公布, the last rules cover the person): preselected, marked 如果继续执行.
    Lead,
    /// 还需确认: offered, not preselected.
    Open,
}

impl Pick {
    fn label(self) -> &'static str {
        match self {
            Pick::Eligible => "可以申请",
            Pick::Lead => rules_core::checklist::IF_CONTINUED,
            Pick::Open => "还需确认",
        }
    }

    /// Picked until the user changes the picks.
    pub fn preselected(self) -> bool {
        self != Pick::Open
    }
}

/// The benefits the user may pick: 可以申请 ones and leads (preselected), and 还需确认 ones.
pub fn choosable(report: &Report) -> impl Iterator<Item = (&'static str, &'static str, Pick)> + '_ {
    use rules_core::leads::Lead;
    report.benefits.iter().filter_map(|b| {
        let pick = match (b.status, Lead::of(b)) {
            (Status::Eligible, _) => Pick::Eligible,
            (_, Some(Lead::WouldQualify)) => Pick::Lead,
            (Status::NeedsAnswers, _) => Pick::Open,
            _ => return None,
        };
        Some((b.entry.id, b.entry.name, pick))
    })
}

/// Saved ticks as JSON: `{"version":1,"ticked":["id-card",…]}`.
pub fn ticks_to_json(ticked: &[&str]) -> String {
    checklist_to_json(ticked, None)
}

/// Saved ticks and, once the user changed them, the picked benefits:
/// `{"version":1,"ticked":["id-card",…],"picked":["job-search-subsidy",…]}`.
pub fn checklist_to_json(ticked: &[&str], picked: Option<&[&str]>) -> String {
    let list = |ids: &[&str]| ids.iter().map(|id| quote(id)).collect::<Vec<_>>().join(",");
    let picked = picked
        .map(|p| format!(",\"picked\":[{}]", list(p)))
        .unwrap_or_default();
    format!("{{\"version\":1,\"ticked\":[{}]{picked}}}", list(ticked))
}

/// The picked benefits in saved data (known benefit ids only); `None` when never changed or damaged.
pub fn picks_from_json(text: &str) -> Option<Vec<&'static str>> {
    let doc = json::parse(text)?;
    if doc.get("version") != Some(&Json::Number("1".into())) {
        return None;
    }
    let Some(Json::Array(ids)) = doc.get("picked") else {
        return None;
    };
    let mut out = Vec::new();
    for id in ids {
        if let Json::String(id) = id {
            if let Some(entry) = rules_core::catalogue::find(id) {
                if !out.contains(&entry.id) {
                    out.push(entry.id);
                }
            }
        }
    }
    Some(out)
}

/// Reads saved ticks; anything damaged, of another version or naming unknown documents is ignored.
pub fn ticks_from_json(text: &str) -> Vec<&'static str> {
    let Some(doc) = json::parse(text) else {
        return Vec::new();
    };
    if doc.get("version") != Some(&Json::Number("1".into())) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(Json::Array(ids)) = doc.get("ticked") {
        for id in ids {
            if let Json::String(id) = id {
                if let Some(d) = documents::find(id) {
                    if !out.contains(&d.id) {
                        out.push(d.id);
                    }
                }
            }
        }
    }
    out
}

/// (ready, total) among the documents to bring.
pub fn progress(list: &Checklist, ticked: &[&str]) -> (usize, usize) {
    let bring = list.items.iter().filter(|i| i.to_bring());
    let total = bring.clone().count();
    let ready = bring.filter(|i| ticked.contains(&i.document.id)).count();
    (ready, total)
}

/// The picker of benefits as HTML (checkboxes with `data-pick`).
pub fn picker_html(report: &Report, selected: &[&str]) -> Html {
    let mut h = Html::new();
    h.raw("<fieldset class=\"pick no-print\" id=\"pick\"><legend>要申请哪些项目？</legend>");
    for (id, name, pick) in choosable(report) {
        html!(
            h,
            "<label class=\"tick\"><input type=\"checkbox\" data-pick=\"{}\"{}> <span>{} <small>{}</small></span></label>",
            id,
            checked(selected.contains(&id)),
            name,
            pick.label()
        );
    }
    h.raw("</fieldset>");
    h
}

/// ` checked` on a ticked box, as markup.
fn checked(ticked: bool) -> Html {
    let mut h = Html::new();
    if ticked {
        h.raw(" checked");
    }
    h
}

/// The merged list, the documents the office checks itself, the guide per benefit and the hotline.
pub fn checklist_html(list: &Checklist, ticked: &[&str]) -> Html {
    let mut h = Html::new();
    if list.guides.is_empty() {
        h.raw("<p class=\"empty\" id=\"checklist-empty\">请先在上面选择要申请的项目。</p>");
        return h;
    }
    h.raw("<section id=\"docs\" aria-labelledby=\"docs-title\"><h3 id=\"docs-title\">要带的材料</h3><ol class=\"checklist\">");
    for item in list.items.iter().filter(|i| i.to_bring()) {
        let d = item.document;
        html!(
            h,
            "<li data-document=\"{}\"><label class=\"tick\"><input type=\"checkbox\" data-doc=\"{}\"{}> <span><span class=\"doc-name\">{}</span> · {}\
                </span></label><ul class=\"doc-more\">",
            d.id,
            d.id,
            checked(ticked.contains(&d.id)),
            d.name,
            item.form.label()
        );
        let mut line = |label: &str, text: &str| {
            if !text.is_empty() {
                html!(h, "<li><span class=\"label\">{}</span>{}</li>", label, text);
            }
        };
        if !item.needed_by_all {
            line("用于：", &item.needed_by.join("、"));
        }
        if item.if_continued {
            line("", rules_core::checklist::IF_CONTINUED);
        }
        for condition in &item.only_if {
            line("仅限：", condition);
        }
        line("证明什么：", d.details().proves);
        line("没有时到：", d.details().obtain);
        line("也可用：", d.details().alternatives);
        if d.confidence.needs_checking() {
            line("", "待核实");
        }
        h.raw("</ul></li>");
    }
    h.raw("</ol>");
    if !list.items.iter().any(|i| i.to_bring()) {
        html!(
            h,
            "<p id=\"docs-none\">本工具没有收录所选项目要带的材料，{}。</p>",
            documents::ASK_DISTRICT
        );
    }
    h.raw("</section>");
    let by_office = list.checked_by_office();
    if !by_office.is_empty() {
        html!(
            h,
            "<section id=\"checked-docs\"><h3>一般不用带</h3><p>办事窗口在系统里查：{}</p></section>",
            by_office.join("、")
        );
    }
    h.raw("<section id=\"guides\" aria-labelledby=\"guides-title\"><h3 id=\"guides-title\">办理指南</h3>");
    for g in &list.guides {
        html!(
            h,
            "<article class=\"card guide\" data-benefit=\"{}\"><h4>{}{}</h4>{}{}</article>",
            g.id,
            g.name,
            if g.if_continued {
                format!(
                    "（{}，先问清楚今年还办不办）",
                    rules_core::checklist::IF_CONTINUED
                )
            } else {
                String::new()
            },
            // Where the sources publish no document list, the guide says so and whom to ask.
            rules_core::documents::list_unpublished(g.id)
                .map(|note| to_html!("<p class=\"list-unpublished\">{}</p>", html::text(&note)))
                .unwrap_or_default(),
            html::apply(g.apply)
        );
    }
    h.raw("</section>");
    h.push(&html::disclaimer());
    h
}

/// The saved ticks and picks under `key` (nothing, or damaged: no ticks, default picks).
pub fn load_saved(key: &str) -> (Vec<&'static str>, Option<Vec<&'static str>>) {
    match storage::get(key) {
        Some(text) => (ticks_from_json(&text), picks_from_json(&text)),
        None => (Vec::new(), None),
    }
}

fn save(key: &str, ticked: &[&str], picked: Option<&[&str]>) {
    let _ = storage::set(key, &checklist_to_json(ticked, picked));
}

/// The attribute `name` of an event's target, and whether it is checked.
fn checkbox(ev: &leptos::ev::Event, name: &str) -> Option<(String, bool)> {
    use wasm_bindgen::JsCast;
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    Some((input.get_attribute(name)?, input.checked()))
}

/// The buttons under the list (handled by the page's delegated click listener); `back` is the
/// results screen it came from.
fn actions(back: &str) -> Html {
    to_html!("<div class=\"actions no-print\"><button type=\"button\" class=\"primary\" id=\"copy-checklist\" data-act=\"copy\">复制清单</button>\
        <button type=\"button\" class=\"secondary\" id=\"print-checklist\" data-act=\"print\">打印清单</button>\
        <a class=\"button secondary\" href=\"{}\" id=\"checklist-to-results\">返回查询结果</a></div>", back)
}

/// What 复制清单 did: copied, or the text to copy by hand where the clipboard is refused.
fn copy_html(done: bool, text: &str) -> String {
    match done {
        true => "<p class=\"copied\">已复制清单，可以粘贴到微信等聊天里。</p>".into(),
        false => to_html!(
            "<div class=\"copy-fallback\"><p>无法自动复制。请长按下面的文字，选择“全选”和“复制”。</p>\
                <textarea id=\"copy-text\" readonly rows=\"8\" aria-label=\"申请材料清单文字\">{}</textarea></div>",
            text
        )
        .into_string(),
    }
}

/// Selects the text to copy by hand once it is drawn.
fn select_fallback() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(area) = document()
            .get_element_by_id("copy-text")
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let _ = area.focus();
            area.select();
        }
    });
}

/// `#/person/checklist`.
#[component]
pub fn ChecklistPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    focus_later("checklist-title");
    // The person's results, or the organisation's (`#/employer/checklist`).
    let (audience, back) = match state.route.get_untracked() {
        crate::route::Route::Org(audience, _) => (
            audience,
            crate::route::org_hash(audience, crate::route::OrgStep::Results),
        ),
        _ => (Audience::Person, "#/person/results".to_string()),
    };
    let key = key_for(audience);
    let (saved_ticks, saved_picks) = load_saved(&key);
    // Picks the user changed come back, as far as the answers still allow them; else 可以申请 ones.
    let picks_changed = StoredValue::new(saved_picks.is_some());
    let selected: RwSignal<Vec<&'static str>> = RwSignal::new(state.report.with_untracked(|r| {
        choosable(r)
            .filter(|(id, _, pick)| match &saved_picks {
                Some(picks) => picks.contains(id),
                None => pick.preselected(),
            })
            .map(|c| c.0)
            .collect()
    }));
    let ticked = RwSignal::new(saved_ticks);
    let key = StoredValue::new(key);
    let save_now = move || {
        let picked = selected.get_untracked();
        let picked = picks_changed.get_value().then_some(picked.as_slice());
        ticked.with_untracked(|t| key.with_value(|k| save(k, t, picked)));
    };
    // Merging is cheap: done again on each use rather than kept in a memo (less code).
    // Only the documents that may concern this person (a 残疾人证 only if they or family are disabled).
    let list = move || {
        state.report.with(|r| {
            state
                .session
                .with(|session| selected.with(|s| merge_for(r, &session.facts, s)))
        })
    };
    // What 复制清单 did, as HTML (the same signal type as the app's notices: less code).
    let copied: RwSignal<Option<String>> = RwSignal::new(None);

    let picker = move || {
        state
            .report
            .with(|r| picker_html(r, &selected.get_untracked()).into_string())
    };
    let body = move || {
        let mut h = ticked.with_untracked(|t| checklist_html(&list(), t));
        h.push(&actions(&back));
        h.into_string()
    };
    let progress_text = move || {
        let (ready, total) = ticked.with(|t| progress(&list(), t));
        format!("已备齐 {ready}/{total}")
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some((id, on)) = checkbox(&ev, "data-doc") {
            if let Some(d) = documents::find(&id) {
                ticked.update(|t| {
                    t.retain(|x| *x != d.id);
                    if on {
                        t.push(d.id);
                    }
                });
                save_now();
            }
        } else if let Some((id, on)) = checkbox(&ev, "data-pick") {
            let found = state.report.with_untracked(|r| {
                r.benefits
                    .iter()
                    .find(|b| b.entry.id == id)
                    .map(|b| b.entry.id)
            });
            if let Some(id) = found {
                selected.update(|s| {
                    s.retain(|x| *x != id);
                    if on {
                        s.push(id);
                    }
                });
                picks_changed.set_value(true);
                save_now();
            }
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let act = crate::dom::clicked(&ev, "[data-act]").and_then(|b| b.get_attribute("data-act"));
        match act.as_deref() {
            Some("print") => {
                let _ = window().print();
            }
            Some("copy") => {
                let text = untrack(list).to_plain_text();
                let shown = text.clone();
                crate::clipboard::copy_text(&text, move |done| {
                    copied.set(Some(copy_html(done, &shown)));
                    if !done {
                        select_fallback();
                    }
                });
            }
            _ => {}
        }
    };
    let copy_result = move || copied.get().unwrap_or_default();

    view! {
        <section class="checklist-page" id="checklist" aria-labelledby="checklist-title" on:change=on_change on:click=on_click>
            <h2 id="checklist-title" tabindex="-1">"准备申请材料"</h2>
            <p class="no-print">"选好要申请的项目，下面合并成一份材料清单：同一份材料只列一次。备齐一项就勾选一项，勾选会保存在本机。"</p>
            <div inner_html=picker></div>
            <p class="progress" id="checklist-progress" role="status" aria-live="polite">{progress_text}</p>
            <div inner_html=body></div>
            <div role="status" aria-live="polite" class="no-print" inner_html=copy_result></div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_are_saved_beside_the_ticks_and_read_back_cleanly() {
        let json = checklist_to_json(
            &["id-card"],
            Some(&["job-search-subsidy", "startup-subsidy"]),
        );
        assert_eq!(ticks_from_json(&json), vec!["id-card"]);
        assert_eq!(
            picks_from_json(&json),
            Some(vec!["job-search-subsidy", "startup-subsidy"])
        );
        // Never changed: the default picks apply.
        assert_eq!(picks_from_json(&ticks_to_json(&["id-card"])), None);
        // Unknown and repeated ids are dropped; damaged data gives the defaults.
        let odd =
            r#"{"version":1,"ticked":[],"picked":["nope","startup-subsidy","startup-subsidy",7]}"#;
        assert_eq!(picks_from_json(odd), Some(vec!["startup-subsidy"]));
        assert_eq!(picks_from_json(r#"{"version":2,"picked":[]}"#), None);
        assert_eq!(picks_from_json("{"), None);
    }

    #[test]
    fn each_flow_has_its_own_key() {
        let keys: std::collections::BTreeSet<String> =
            Audience::ALL.into_iter().map(key_for).collect();
        assert_eq!(keys.len(), Audience::ALL.len());
        assert_eq!(key_for(Audience::Person), TICKS_KEY);
    }

    #[test]
    fn the_list_names_only_documents_that_may_concern_the_person_in_plain_words() {
        use rules_core::{evaluate, Date, Facts};
        let facts = Facts {
            audience: Some(Audience::Person),
            disabled: Some(false),
            family_disabled: Some(false),
            veteran: Some(false),
            ..Facts::default()
        };
        let report = evaluate(&facts, Date::ymd(2025, 6, 1));
        let picks = ["graduate-job-search-subsidy", "startup-subsidy"];
        let page = checklist_html(&merge_for(&report, &facts, &picks), &[]);
        assert!(page.contains("居民身份证"), "{page}");
        assert!(
            !page.contains("残疾人证") && !page.contains("退伍证"),
            "{page}"
        );
        assert!(page.contains("证明什么：") && !page.contains("用于证明"));
        // The graduate subsidy's list is not published: its guide says so and whom to ask.
        let graduate = page
            .split("data-benefit=\"graduate-job-search-subsidy\"")
            .nth(1)
            .unwrap_or_default();
        assert!(graduate.contains("材料清单未公布"), "{page}");
        // Not said: listed, with who needs it.
        let unknown = Facts {
            audience: Some(Audience::Person),
            ..Facts::default()
        };
        let page = checklist_html(&merge_for(&report, &unknown, &picks), &[]);
        assert!(
            page.contains("残疾人证") && page.contains("仅限："),
            "{page}"
        );
    }
}

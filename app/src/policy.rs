//! 政策一览: every benefit of the notice by audience, with a keyword search, and the details view
//! (the notice's clause text, validity, conditions, amount, documents, where to apply, sources).

use crate::html::{self, esc};
use crate::landing::BenefitItem;
use crate::{citation, focus_later, AppState};
use leptos::prelude::*;
use rules_core::catalogue::{self, CatalogueEntry, CATALOGUE};
use rules_core::evaluate::Outcome;
use rules_core::{notice, Audience, Facts, Report};

/// The text a search looks in: the benefit's name, its audience, its clause and the clause's words.
fn haystack(entry: &CatalogueEntry) -> String {
    let mut text = format!("{} {} {}", entry.name, entry.audience.label(), entry.clause);
    for (_, clause) in notice::clause_texts(entry.clause) {
        text.push(' ');
        text.push_str(clause);
    }
    text
}

/// Entries whose text holds every word of the query (blank-separated), in catalogue order.
pub fn search(query: &str, audience: Option<Audience>) -> Vec<&'static CatalogueEntry> {
    let words: Vec<&str> = query.split_whitespace().collect();
    CATALOGUE
        .iter()
        .filter(|e| audience.is_none_or(|a| e.audience == a))
        .filter(|e| {
            if words.is_empty() {
                return true;
            }
            let text = haystack(e);
            words.iter().all(|w| text.contains(w))
        })
        .collect()
}

#[component]
pub fn PolicyList() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let audience = RwSignal::new(None::<Audience>);
    let found = Memo::new(move |_| query.with(|q| search(q, audience.get())));
    Effect::new(move |_| focus_later("policy-title"));

    let groups = move || {
        let found = found.get();
        Audience::ALL
            .into_iter()
            .filter_map(|a| {
                let entries: Vec<_> = found.iter().copied().filter(|e| e.audience == a).collect();
                (!entries.is_empty()).then(|| {
                    view! {
                        <section class="policy-group" data-audience=a.id()>
                            <h3>{format!("{}（{} 项）", a.label(), entries.len())}</h3>
                            <ul class="benefit-list" role="list">
                                {entries.into_iter().map(|entry| view! { <BenefitItem entry=entry/> }).collect_view()}
                            </ul>
                        </section>
                    }
                })
            })
            .collect_view()
    };

    view! {
        <section class="policy" id="policy" aria-labelledby="policy-title">
            <h2 id="policy-title" tabindex="-1">"政策一览"</h2>
            <p>{format!("{}共列出 {} 项政策。点开任一项，可查看原文、条件、金额、材料和办理地点。", notice_number_text(), CATALOGUE.len())}</p>
            <div class="filters">
                <label for="policy-search">"搜索（例如：交通、创业、培训）"</label>
                <input
                    id="policy-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <label for="policy-audience">"面向对象"</label>
                <select id="policy-audience" on:change=move |ev| audience.set(Audience::from_id(&event_target_value(&ev)))>
                    <option value="">"全部"</option>
                    {Audience::ALL.map(|a| view! { <option value=a.id()>{a.label()}</option> }).collect_view()}
                </select>
            </div>
            <p class="count" id="policy-count" role="status" aria-live="polite">
                {move || {
                    let n = found.with(Vec::len);
                    if n == 0 { "没有找到相关政策，请换个词试试。".to_string() } else { format!("找到 {n} 项") }
                }}
            </p>
            {groups}
        </section>
    }
}

fn notice_number_text() -> &'static str {
    crate::notice_number()
}

/// One benefit in full. For a person with answers, the conditions show how they stand.
#[component]
pub fn PolicyDetails(id: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    Effect::new(move |_| focus_later("details-title"));
    let Some(entry) = catalogue::find(id) else {
        return view! { <p>"没有找到这项政策。"<a href="#/policy">"返回政策一览"</a></p> }
            .into_any();
    };
    let personal =
        entry.audience == Audience::Person && state.session.with_untracked(|s| !s.is_empty());
    let body = move || {
        let facts = if personal {
            state.session.with(|s| s.facts.clone())
        } else {
            Facts {
                audience: Some(entry.audience),
                ..Facts::default()
            }
        };
        let report = (state.rules)(&facts, state.as_of.get());
        details_html(entry, personal, &report)
    };
    view! {
        <article class="details" id="details" data-benefit=id aria-labelledby="details-title">
            <p class="crumbs no-print">
                <a href="#/policy" id="back-to-policy">"← 政策一览"</a>
                {personal.then(|| view! { <a href="#/person/results" id="back-to-results">"← 我的结果"</a> })}
            </p>
            <h2 id="details-title" tabindex="-1">{entry.name}</h2>
            <div inner_html=body></div>
        </article>
    }
    .into_any()
}

/// The details of one benefit as HTML: whom it is for, the notice's words, validity, conditions
/// (with this person's outcomes when `personal`), the estimate and its sources, documents, where to
/// apply, what it cannot be combined with, the disclaimer.
pub fn details_html(entry: &CatalogueEntry, personal: bool, report: &Report) -> String {
    use std::fmt::Write;
    let evaluated = report.benefit(entry.id);
    let mut h = format!(
        "<p>面向：{}</p><p class=\"clause\">政策依据：{}</p>",
        esc(entry.audience.label()),
        esc(&citation(entry))
    );
    if let (true, Some(b)) = (personal, evaluated) {
        let _ = write!(
            h,
            "<p class=\"status-line\">您的情况：{}</p>",
            html::badge(b.status)
        );
    }
    h.push_str("<h3>通知原文</h3>");
    for (section, text) in notice::clause_texts(entry.clause) {
        let _ = write!(
            h,
            "<blockquote class=\"clause-text\"><p>{} {}</p><p>{}</p></blockquote>",
            esc(crate::notice_number()),
            esc(&section),
            esc(text)
        );
    }
    if let Some(v) = evaluated.map(|b| b.validity) {
        h.push_str("<h3>有效期</h3><p>");
        if let Some(until) = v.until {
            let _ = write!(h, "执行至 {}。", until.chinese());
        }
        let _ = write!(h, "依据：{}</p>", esc(v.basis));
        if !v.note.is_empty() {
            let _ = write!(h, "<p class=\"note\">{}</p>", esc(v.note));
        }
    }
    if let Some(b) = evaluated {
        h.push_str("<h3>条件</h3><ul class=\"conditions\">");
        for c in b.conditions.iter().filter(|c| c.id != "audience") {
            let _ = write!(
                h,
                "<li><span class=\"requirement\">{}</span>",
                esc(c.requirement)
            );
            if !c.clause.is_empty() {
                let _ = write!(h, "<span class=\"clause\">（{}）</span>", esc(c.clause));
            }
            if personal {
                let mark = match c.outcome {
                    Outcome::Met => "✓ 符合",
                    Outcome::NotMet => "✗ 不符合",
                    Outcome::Unknown => "？ 待确认",
                };
                let _ = write!(
                    h,
                    "<span class=\"outcome\">{mark}：{}</span>",
                    esc(&c.message)
                );
            }
            h.push_str("</li>");
        }
        h.push_str("</ul><h3>金额</h3>");
        h.push_str(&html::estimate(&b.estimate));
        h.push_str("<h3>依据文件</h3><ul class=\"sources\">");
        let mut seen: Vec<&str> = Vec::new();
        for s in &b.estimate.sources {
            if seen.contains(&s.document) {
                continue;
            }
            seen.push(s.document);
            let _ = write!(h, "<li>{} · {}", esc(s.document), esc(s.confidence.label()));
            if !s.url.is_empty() {
                let _ = write!(
                    h,
                    " <a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">查看来源</a>",
                    esc(s.url)
                );
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
        if !b.documents.is_empty() {
            h.push_str(&html::documents(b.documents, true));
        }
        h.push_str(&html::apply(b.apply, 3));
    } else {
        h.push_str("<p>本项的具体规则尚未编入，请向区县人力社保部门咨询。</p>");
    }
    let not_combined: Vec<&str> = evaluated
        .map_or(&[][..], |b| b.not_combined_with)
        .iter()
        .filter_map(|id| catalogue::find(id).map(|e| e.name))
        .collect();
    if !not_combined.is_empty() {
        h.push_str("<h3>不能同时享受</h3><ul>");
        for name in not_combined {
            let _ = write!(h, "<li>{}</li>", esc(name));
        }
        h.push_str("</ul>");
    }
    h.push_str(&html::disclaimer());
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::{evaluate, Date};

    #[test]
    fn search_finds_chinese_keywords() {
        assert_eq!(search("", None).len(), CATALOGUE.len());
        let transport = search("交通", None);
        assert!(transport
            .iter()
            .any(|e| e.id == "cross-region-transport-subsidy"));
        let startup = search("创业", None);
        assert!(startup.iter().any(|e| e.id == "startup-subsidy"));
        assert!(startup.len() < CATALOGUE.len());
        assert!(search("创业", Some(Audience::Carrier))
            .iter()
            .all(|e| e.audience == Audience::Carrier));
        assert!(search("没有这样的词zzz", None).is_empty());
    }

    #[test]
    fn every_benefit_has_details_with_its_clause_text() {
        let day = Date::ymd(2025, 6, 1);
        for entry in CATALOGUE {
            let facts = Facts {
                audience: Some(entry.audience),
                ..Facts::default()
            };
            let html = details_html(entry, false, &evaluate(&facts, day));
            assert!(html.contains("clause-text"), "{}", entry.id);
            assert!(html.contains("12333"), "{}", entry.id);
        }
    }
}

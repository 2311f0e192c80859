//! The results: 可以申请 / 还需确认 / 延续情况未公布 / 暂不符合 / 政策已到期, each benefit with its estimate, what to
//! bring, where to apply and its clause; the answers given; the disclaimer and hotline. Printable.
//! The groups are written as HTML text ([`crate::html`]); their 回答 / 修改 buttons are handled by
//! one delegated listener.

use crate::dom::focus_later;
use crate::fetched::{self, Arrival};
use crate::format::{self, status_mark};
use crate::html;
use crate::session::{Saved, Session, Step};
use crate::state::AppState;
use leptos::prelude::*;
use markup::{html, to_html, Html};
use rules_core::evaluate::{BenefitReport, Report};
use rules_core::leads::Lead;
use rules_core::{Date, Facts, Status};

/// The groups, in the order a user reads them.
pub const GROUPS: [Status; 5] = [
    Status::Eligible,
    Status::NeedsAnswers,
    Status::ContinuationUnknown,
    Status::NotEligible,
    Status::PolicyEnded,
];

/// Groups whose cards start folded (a native `<details>`): they tell the person what they cannot
/// claim now, so the ones they can act on stay within the first screens.
fn folded(status: Status) -> bool {
    matches!(
        status,
        Status::NotEligible | Status::PolicyEnded | Status::ContinuationUnknown
    )
}

/// Whether a card belongs to the leads (延续情况未公布, but the last rules would cover the person).
fn is_lead(b: &BenefitReport) -> bool {
    Lead::of(b) == Some(Lead::WouldQualify)
}

/// The benefit groups of a report as HTML (`facts`: the answers it was evaluated on): 可以申请, then
/// the leads, then the rest in [`GROUPS`] order.
pub fn groups_html(report: &Report, facts: &Facts) -> Html {
    let mut h = Html::new();
    for status in GROUPS {
        let cards: Vec<_> = report
            .benefits
            .iter()
            .filter(|b| b.status == status && !is_lead(b))
            .collect();
        if status == Status::NeedsAnswers {
            h.push(&leads_html(report, facts));
        }
        if cards.is_empty() && status != Status::Eligible {
            continue;
        }
        let id = status.id();
        let title = format!(
            "{} {}（{} 项）",
            status_mark(status),
            status.label(),
            cards.len()
        );
        html!(
            h,
            "<section class=\"group group-{}\" id=\"group-{}\" aria-labelledby=\"group-{}-title\"><h3 id=\"group-{}-title\">{}</h3>",
            id,
            id,
            id,
            id,
            title
        );
        if status == Status::ContinuationUnknown {
            html!(
                h,
                "<p class=\"group-help\">{}</p>",
                html::text(rules_core::standing::UNCONFIRMED_GROUP)
            );
        }
        if cards.is_empty() {
            h.raw("<p class=\"empty\">根据目前的回答，还没有确定现在可以申请的项目。</p>");
        }
        // The title (and whom to ask) stay in view; the cards of a folded group open on a tap.
        if folded(status) {
            html!(
                h,
                "<details class=\"group-fold\"><summary>点开查看这 {} 项</summary>",
                cards.len()
            );
        }
        for b in &cards {
            h.push(&html::card(b, facts));
        }
        if folded(status) {
            h.raw("</details><ul class=\"print-only print-list\">");
            for b in &cards {
                html!(h, "<li>{}</li>", b.entry.name);
            }
            h.raw("</ul>");
        }
        h.raw("</section>");
    }
    h
}

/// 按2025年的规定您符合条件: the leads, unfolded, each with its figure, whom to ask and what to say.
fn leads_html(report: &Report, facts: &Facts) -> Html {
    let mut h = Html::new();
    let leads: Vec<_> = rules_core::leads::would_qualify(report).collect();
    if leads.is_empty() {
        return h;
    }
    html!(
        h,
        "<section class=\"group group-leads\" id=\"group-leads\" aria-labelledby=\"group-leads-title\"><h3 id=\"group-leads-title\">△ {}（{} 项）</h3>\
            <p class=\"group-help\">{}</p>",
        rules_core::leads::group_title(report),
        leads.len(),
        html::text(&rules_core::leads::group_help(report))
    );
    for b in leads {
        h.push(&html::lead_card(b, facts, report.as_of));
    }
    h.raw("</section>");
    h
}

/// 您现在可以做什么: one screen at the top of the results with what the person can claim now (one
/// line each, with its figure), the one or two answers that would settle the most open items, and
/// the three things to do next. HTML text, handled by the results' delegated listener.
pub fn do_now_html(report: &Report) -> Html {
    let mut h = Html::new();
    h.raw("<section class=\"do-now\" id=\"do-now\" aria-labelledby=\"do-now-title\"><h3 id=\"do-now-title\">您现在可以做什么</h3>");
    let eligible: Vec<_> = report
        .benefits
        .iter()
        .filter(|b| b.status == Status::Eligible)
        .collect();
    let leads: Vec<_> = rules_core::leads::would_qualify(report).collect();
    if eligible.is_empty() {
        h.raw("<p class=\"do-now-none\">根据目前的回答，还没有确定现在可以申请的项目。</p>");
    } else {
        html!(
            h,
            "<p>这 {} 项现在可以申请：</p><ul class=\"do-now-list\">",
            eligible.len()
        );
        for b in &eligible {
            let figure = format::claim_figure(b);
            html!(
                h,
                "<li data-benefit=\"{}\"><a href=\"#card-{}\" data-card=\"{}\">{}</a><span class=\"do-now-figure\">{}</span></li>",
                b.entry.id,
                b.entry.id,
                b.entry.id,
                b.entry.name,
                figure
            );
        }
        h.raw("</ul>");
    }
    if !leads.is_empty() {
        html!(
            h,
            "<p>{}：</p><ul class=\"do-now-list do-now-leads\">",
            rules_core::leads::group_title(report)
        );
        for b in &leads {
            html!(
                h,
                "<li data-benefit=\"{}\"><a href=\"#card-{}\" data-card=\"{}\">{}</a><span class=\"do-now-figure\">{}（{}）</span></li>",
                b.entry.id,
                b.entry.id,
                b.entry.id,
                b.entry.name,
                b.estimate.value.text(),
                rules_core::leads::figure_label(b)
            );
        }
        h.raw("</ul>");
    }
    // The most decisive open questions first (rules-core's order), including ones answered 不清楚:
    // they are what stands between the person and a clearer result.
    let all: Vec<&BenefitReport> = report.benefits.iter().collect();
    h.push(&html::ask_next(&report.next_questions, &all));
    let number = rules_core::documents::HOTLINE_NUMBER;
    h.raw("<div class=\"do-now-actions no-print\">");
    // The checklist has something to list only for what can be claimed or what is a lead.
    if !eligible.is_empty() || !leads.is_empty() {
        h.raw("<a class=\"button primary\" href=\"#/person/checklist\" id=\"top-checklist\">准备申请材料</a>");
    }
    html!(
        h,
        "<button type=\"button\" class=\"secondary\" id=\"top-print\" data-print>打印结果</button>\
            <a class=\"button secondary\" href=\"tel:{}\" id=\"top-call\">拨打 {} 咨询</a></div></section>",
        number,
        number
    );
    h
}

/// 准备申请材料 at the foot of the results, where there is something to list (可以申请 or leads).
fn checklist_link(report: &Report) -> Html {
    let mut h = Html::new();
    let has_list = report.count(Status::Eligible) > 0
        || rules_core::leads::would_qualify(report).next().is_some();
    if has_list {
        h.raw("<a class=\"button primary\" href=\"#/person/checklist\" id=\"to-checklist\">准备申请材料</a>");
    }
    h
}

/// The whole results page as HTML text (one string, one delegated listener: far less of the first
/// load than a view tree): the title and 朗读, the date, what to do now, 继续回答, answers to check,
/// the counts, the groups, the answers given, the disclaimer and the page's buttons.
pub fn results_html(report: &Report, session: &Session, day: Date) -> Html {
    let mut h = to_html!(
        "<div class=\"title-row\"><h2 id=\"results-title\" tabindex=\"-1\">您的查询结果</h2>\
            <button type=\"button\" class=\"speak secondary no-print\" data-speak=\"do-now\">朗读</button></div>\
            <p class=\"as-of-line\">按 {} 的政策计算 · 已回答 {} 题</p>",
        day.chinese(),
        session.answered()
    );
    h.push(&do_now_html(report));
    if session.next(report).is_some() {
        h.raw("<p class=\"more no-print\"><a class=\"button primary\" id=\"continue-questions\" href=\"#/person/q\">继续回答，结果会更准确</a></p>");
    }
    if !report.findings.is_empty() {
        h.raw("<div class=\"findings-box\" id=\"findings\"><h3>请核对您的回答</h3><ul>");
        for f in &report.findings {
            html!(h, "<li>{}</li>", f.message);
        }
        h.raw("</ul></div>");
    }
    let counts: Vec<String> = GROUPS
        .iter()
        .map(|s| format!("{} {} 项", s.label(), report.count(*s)))
        .collect();
    html!(
        h,
        "<p class=\"summary\" id=\"results-summary\" role=\"status\">{}</p>",
        counts.join(" · ")
    );
    h.push(&groups_html(report, &session.facts));
    h.push(&html::answers_given(&session.facts, &session.history, day));
    h.push(&html::disclaimer());
    html!(
        h,
        "<div class=\"actions no-print\">{}<a class=\"button secondary\" href=\"#/person/share\" id=\"to-share\">分享给别人</a>\
            <button type=\"button\" class=\"primary\" id=\"print\" data-print>打印或保存结果</button>\
            <a class=\"button secondary\" href=\"{}\" id=\"results-to-policy\">政策一览</a>\
            <button type=\"button\" class=\"secondary\" id=\"restart\" data-restart>重新开始</button></div>",
        checklist_link(report),
        crate::route::POLICY_PAGE
    );
    h
}

/// The results page for the answers the residents' page hands over (`Saved`'s JSON, see
/// [`Saved::from_page`]) on a day (`YYYY-MM-DD`): what the results' bundle (`bin/results.rs`)
/// serves, and [`FetchedResults`] shows. Empty for input the page never writes.
pub fn page_html(saved: &str, day: &str) -> String {
    let (Ok(saved), Ok(day)) = (Saved::from_page(saved), Date::parse(day)) else {
        return String::new();
    };
    let session = saved.session();
    let report = rules_core::evaluate_person(&session.facts, day);
    results_html(&report, &session, day).into_string()
}

/// The results on the residents' page: [`results_html`] for its answers and day, written by the results'
/// bundle (the page's second fetch, started as the page starts) from the answers and the day. Until
/// it has arrived, a title (not the results', which tests and focus wait for) and a line saying
/// the results are on their way.
#[component]
pub fn FetchedResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The page's title takes the focus, the waiting line's until the results have come.
    Effect::new(move |_| {
        focus_later(if state.second.get() == Arrival::Here {
            "results-title"
        } else {
            "results-waiting"
        });
    });
    let page = move || {
        let day = state.as_of.get().to_string();
        let saved = state
            .session
            .with(|s| Saved::of(s, Step::Results).to_json());
        let written = match state.second.get() {
            Arrival::Here => fetched::results_html(&saved, &day),
            _ => None,
        };
        written.unwrap_or_else(|| {
            let mut h = to_html!(
                "<div class=\"title-row\"><h2 id=\"results-waiting\" tabindex=\"-1\">您的查询结果</h2></div>"
            );
            if state.second.get() == Arrival::Coming {
                h.raw("<p class=\"loading\" role=\"status\">正在整理您的查询结果，请稍候……</p>");
            } else {
                html!(
                    h,
                    "<p class=\"loading\" role=\"status\">{}</p>",
                    html::text(&fetched::not_loaded("结果"))
                );
                h.raw("<p><button type=\"button\" class=\"primary\" id=\"results-reload\" data-reload>重新加载</button></p>");
            }
            h.into_string()
        })
    };
    let act = move |ev: leptos::ev::MouseEvent| on_results_click(state, &ev);
    view! {
        <section class="results" id="results" aria-labelledby="results-title" inner_html=page on:click=act></section>
    }
}

/// The results' delegated clicks, fetched or drawn here: 打印, 重新开始, and 回答 / 修改.
fn on_results_click(state: AppState, ev: &leptos::ev::MouseEvent) {
    if crate::dom::clicked(ev, "[data-print]").is_some() {
        let _ = window().print();
    } else if crate::dom::clicked(ev, "[data-restart]").is_some() {
        state.restart();
    } else {
        crate::ui::edit_from_click(state, ev);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::{Answer, Audience, Q};

    fn shandong_worker() -> Facts {
        let mut facts = Facts {
            audience: Some(Audience::Person),
            ..Facts::default()
        };
        for (q, answer) in [
            (Q::PovertyStatus, Answer::Choice("alleviated".into())),
            (Q::HukouChongqing, Answer::Bool(true)),
            (Q::Age, Answer::Count(30)),
            (Q::Activity, Answer::Choice("employee".into())),
            (Q::WorkPlace, Answer::Choice("shandong".into())),
            (Q::WorkSince, Answer::Date(Date::ymd(2025, 1, 10))),
            (Q::JobSearchReceived, Answer::Bool(false)),
        ] {
            facts.set(q, Some(&answer)).expect("a valid answer");
        }
        facts
    }

    #[test]
    fn the_top_of_the_results_names_what_to_claim_what_to_answer_and_what_to_do() {
        let report = rules_core::evaluate_person(&shandong_worker(), Date::ymd(2025, 6, 20));
        let top = do_now_html(&report);
        for b in report
            .benefits
            .iter()
            .filter(|b| b.status == Status::Eligible)
        {
            assert!(
                top.contains(&format!("data-benefit=\"{}\"", b.entry.id)),
                "{}",
                b.entry.id
            );
        }
        let shandong = report
            .benefit("shandong-job-search-subsidy")
            .expect("encoded");
        let figure = format!("预估补贴 {}", shandong.estimate.value.text());
        assert!(top.contains(&figure), "{figure} in {top}");
        assert!(top.contains("href=\"tel:12333\""));
        assert!(top.contains("id=\"top-checklist\"") && top.contains("data-print"));
        // At most two questions, each one that decides an open benefit.
        assert!(top.matches("data-edit=").count() <= 2);

        let nothing = rules_core::evaluate_person(
            &Facts {
                audience: Some(Audience::Person),
                ..Facts::default()
            },
            Date::ymd(2025, 6, 20),
        );
        let top = do_now_html(&nothing);
        assert!(top.contains("还没有确定"));
        assert_eq!(top.matches("data-edit=").count(), 2, "{top}");
    }

    #[test]
    fn the_results_bundle_writes_the_page_the_residents_page_draws() {
        let day = Date::ymd(2026, 12, 7);
        let mut session = Session::default();
        for (q, answer) in [
            (Q::Audience, Answer::Choice("person".into())),
            (Q::PovertyStatus, Answer::Choice("alleviated".into())),
            (Q::HukouChongqing, Answer::Bool(true)),
            (Q::HukouDistrict, Answer::Choice("wuxi".into())),
            (Q::Age, Answer::Count(30)),
            (Q::Activity, Answer::Choice("employee".into())),
            (Q::WorkPlace, Answer::Choice("shandong".into())),
            (Q::WorkSince, Answer::Date(Date::ymd(2026, 8, 1))),
        ] {
            session.answer(q, &answer).expect("a valid answer");
        }
        session.skip(Q::JobSearchReceived);
        // Answers not yet marked as a person's (no audience yet) are written too.
        let mut unmarked = Session::default();
        unmarked
            .answer(Q::Age, &Answer::Count(20))
            .expect("a valid answer");
        for session in [session, unmarked, Session::default()] {
            let report = rules_core::evaluate_person(&session.facts, day);
            let drawn = results_html(&report, &session, day).into_string();
            let json = Saved::of(&session, Step::Results).to_json();
            assert_eq!(page_html(&json, &day.to_string()), drawn);
        }
        assert_eq!(page_html("{", "2026-12-07"), "");
        assert_eq!(page_html("{}", "07/12/2026"), "");
    }

    #[test]
    fn groups_one_cannot_act_on_start_folded() {
        let report = rules_core::evaluate_person(&shandong_worker(), Date::ymd(2025, 6, 20));
        let html = groups_html(&report, &shandong_worker());
        assert!(html.contains("id=\"group-not-eligible\""));
        let folded_groups = html.matches("<details class=\"group-fold\">").count();
        let expected = GROUPS
            .iter()
            .filter(|s| folded(**s) && report.count(**s) > 0)
            .count();
        assert_eq!(folded_groups, expected);
        let eligible = html
            .split("id=\"group-eligible\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .unwrap_or_default();
        assert!(!eligible.contains("group-fold"), "可以申请 is never folded");
    }

    #[test]
    fn a_lead_is_shown_with_its_figure_whom_to_ask_and_what_to_say_never_as_claimable() {
        // The 巫溪 worker in 山东 for 4 months, on a day after the notice ended.
        let mut facts = shandong_worker();
        facts
            .set(Q::HukouDistrict, Some(&Answer::Choice("wuxi".into())))
            .expect("a district");
        facts
            .set(Q::WorkSince, Some(&Answer::Date(Date::ymd(2026, 8, 1))))
            .expect("a day");
        let day = Date::ymd(2026, 12, 7);
        let report = rules_core::evaluate_person(&facts, day);
        let lead = report
            .benefit("shandong-job-search-subsidy")
            .expect("listed");
        assert_eq!(lead.status, Status::ContinuationUnknown);
        let top = do_now_html(&report);
        assert!(top.contains("do-now-leads") && top.contains("赴山东一次性求职创业补贴"));
        assert!(top.contains("2025年标准，仅供参考"), "{top}");
        assert!(
            top.contains("id=\"top-checklist\""),
            "a lead has documents to gather"
        );
        let groups = groups_html(&report, &facts);
        let leads = groups
            .split("id=\"group-leads\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .expect("a leads group");
        assert!(leads.contains(
            "我是巫溪县脱贫人口，在山东务工4个月，想问2026年赴山东一次性求职创业补贴还发不发"
        ));
        assert!(leads.contains("data-copy=\"ask-shandong-job-search-subsidy\""));
        assert!(leads.contains("href=\"tel:12333\""));
        assert!(leads.contains("如果继续执行，要带的材料"));
        assert!(!leads.contains("group-fold"), "leads are not folded");
        let eligible = groups
            .split("id=\"group-eligible\"")
            .nth(1)
            .and_then(|rest| rest.split("</section>").next())
            .unwrap_or_default();
        assert!(
            !eligible.contains("shandong-job-search-subsidy"),
            "never 可以申请"
        );
    }
}

//! org.html's first screen as static HTML, generated from rules-core at build time: what the
//! estimator shows a new visitor at `#/<audience>/estimate` (the header, 单位补贴测算 · the audience,
//! the progress line, the first question with this audience's kinds, 不清楚, the footer), painted
//! before the WebAssembly arrives; the app removes it when it starts and draws the same screen.
//!
//! The audience is in the address's fragment, which only CSS can see: the screen starts with one
//! empty anchor per route of org.html (`id="/agency/estimate"` …), and public/org.css shows the
//! audience whose anchor is the `:target`, and nothing static on a route that is not a first
//! question. Chromium paints the first frame before it sets `:target`, so the first paint shows the
//! employer's screen (the common case: the landing's 企业与就业帮扶车间, staff links); another
//! audience's screen replaces it at once. The anchors sit at the top of the page, so the browser's
//! scroll to its target moves nothing.

use crate::parts::{footer, masthead, SETTINGS_LABEL, UNKNOWN, UNKNOWN_HINT};
use markup::{html, Html};
use rules_core::choices::OrgKind;
use rules_core::evaluate::{asks, questions_left};
use rules_core::questions::progress_text;
use rules_core::questions::{self, Question};
use rules_core::{evaluate, Audience, Date, Facts, Status, Q};

/// The estimator's name, before the audience on its first screens.
pub const ESTIMATOR: &str = "单位补贴测算";

/// The line above the questions: 单位补贴测算 · 企业与就业帮扶车间.
pub fn who_line(audience: Audience) -> String {
    format!("{ESTIMATOR} · {}", audience.label())
}

/// The kind question as an organisation of `audience` sees it: only its own kinds.
pub fn kind_question(mut question: Question, audience: Audience) -> Question {
    question
        .options
        .retain(|o| OrgKind::from_id(o.id).is_some_and(|kind| kind.audience() == audience));
    question
}

/// The audiences the estimator serves (every one but the person).
pub fn audiences() -> impl Iterator<Item = Audience> {
    Audience::ALL.into_iter().filter(|a| *a != Audience::Person)
}

/// The fragment inserted after org.html's `<body>`, as of `day` (the build's date).
pub fn render(day: Date) -> String {
    let mut page = Html::new();
    page.raw("<div id=\"static-landing\">");
    for audience in audiences() {
        html!(
            page,
            "<i class=\"static-target\" id=\"/{}/estimate\"></i>",
            audience.id()
        );
        for other in ["results", "checklist"] {
            html!(
                page,
                "<i class=\"static-other\" id=\"/{}/{}\"></i>",
                audience.id(),
                other
            );
        }
    }
    // The person's next steps, which org.html draws too.
    page.raw("<i class=\"static-other\" id=\"/person/checklist\"></i><i class=\"static-other\" id=\"/person/share\"></i>");
    html!(
        page,
        "<div class=\"static-body\"><header class=\"site-header compact\"><div class=\"masthead\">{}</div><details class=\"settings\"><summary>{}\
            </summary></details></header><main>",
        masthead(),
        SETTINGS_LABEL
    );
    for audience in audiences() {
        page.push(&first_question(audience, day));
    }
    html!(
        page,
        "</main><footer class=\"site-footer\">{}</footer></div></div>",
        footer(true)
    );
    page.into_string()
}

/// One audience's first screen: who, progress, the kind question, the way on.
fn first_question(audience: Audience, day: Date) -> Html {
    let facts = Facts {
        audience: Some(audience),
        ..Facts::default()
    };
    let report = evaluate(&facts, day);
    let sure = report.count(Status::Eligible);
    let possible = sure + report.count(Status::NeedsAnswers);
    // The app's count for a fresh organisation: the rest after the question on screen.
    let left = questions_left(&facts, day, |_| false, asks).saturating_sub(1);
    let decides = report
        .next_questions
        .iter()
        .find(|q| q.id == Q::OrgKind)
        .map(|q| q.decides.clone())
        .unwrap_or_default();
    let question = kind_question(questions::question(Q::OrgKind, day, decides), audience);
    let mut h = Html::new();
    html!(
        h,
        "<div class=\"org static-org\" data-for=\"{}\"><p class=\"org-who\">{}</p><section class=\"questionnaire\"><p class=\"progress\">{}</p>\
            <div class=\"question\"><h2>{}</h2><p class=\"help\">{}</p><div class=\"answers\" role=\"group\">",
        audience.id(),
        who_line(audience),
        progress_text(1, left, possible, sure),
        question.text,
        question.help
    );
    for option in &question.options {
        html!(
            h,
            "<button type=\"button\" class=\"answer\" value=\"{}\" aria-pressed=\"false\">{}</button>",
            option.id,
            option.label
        );
    }
    html!(
        h,
        "</div><button type=\"button\" class=\"answer unknown\">{}<span class=\"answer-hint\">{}</span></button></div><div class=\"q-nav no-print\">\
            <a class=\"button secondary\" href=\"./#/{}\">{}</a><a class=\"button secondary\" href=\"#/{}/results\">{}</a></div></section></div>",
        UNKNOWN,
        UNKNOWN_HINT,
        audience.id(),
        BACK,
        audience.id(),
        TO_RESULTS
    );
    h
}

/// The questionnaire's way back (on the first question: to the audience on the landing).
pub const BACK: &str = "上一题";

/// The estimator's link to its results at any time.
pub const TO_RESULTS: &str = "查看目前测算结果";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_audience_gets_its_first_question_before_the_wasm() {
        let day = Date::ymd(2026, 12, 1);
        let page = render(day);
        assert!(!page.contains("<script") && !page.contains("style="));
        assert_eq!(page.matches("class=\"static-target\"").count(), 3);
        let wording = questions::question(Q::OrgKind, day, Vec::new()).text;
        for audience in audiences() {
            assert!(page.contains(&format!("id=\"/{}/estimate\"", audience.id())));
            let part = page
                .split(&format!("data-for=\"{}\"", audience.id()))
                .nth(1)
                .expect("the audience's screen");
            let part = part.split("</section>").next().unwrap_or_default();
            assert!(part.contains(&who_line(audience)) && part.contains(wording));
            // Its own kinds only: the workshop is the employer's, not the carrier's.
            let kinds = part.matches("class=\"answer\"").count();
            assert!(kinds >= 1, "{audience:?}");
            assert_eq!(
                part.contains("value=\"workshop\""),
                audience == Audience::Employer
            );
            // No hook of the app's (tests and scripts wait for `data-question`, click `data-answer`).
            assert!(!part.contains("data-question") && !part.contains("data-answer"));
            assert!(part.contains("第 1 题"));
        }
        // No id twice: the three screens share one header and footer.
        assert_eq!(page.matches("id=\"nav-home\"").count(), 1);
        assert!(page.contains(SETTINGS_LABEL) && page.contains("tel:"));
    }
}

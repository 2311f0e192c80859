//! index.html's first screen as static HTML, generated from rules-core at build time: the title, the
//! notice's standing, "您是？" with the four audiences, 政策一览 and 12333. It paints before the
//! WebAssembly arrives on a weak connection; the app removes it when it starts. Each audience is a
//! plain link to its first question (`#/person/q`, `org.html#/employer/estimate` …): a tap before the
//! app is ready changes the address, and the app opens there. No script and no inline style, so the page's CSP stays as it is.

use crate::parts::{audience_list, footer, masthead, POLICY_PAGE};
use markup::{html, Html};
use rules_core::source::NOTICE_END;
use rules_core::standing::AFTER_NOTICE;
use rules_core::{Audience, Date};

/// Where a tap on an audience before the app is ready leads: straight to that audience's first
/// question (a person's questionnaire here; an organisation's estimator on org.html), so a worker on
/// a weak connection who taps while the wasm loads lands where they meant to go.
pub fn first_question(audience: Audience) -> String {
    match audience {
        Audience::Person => "#/person/q".to_string(),
        org => format!("org.html#/{}/estimate", org.id()),
    }
}

/// The fragment inserted after index.html's `<body>`, as of `day` (the build's date).
pub fn render(day: Date) -> String {
    let mut page = Html::new();
    html!(
        page,
        "<div id=\"static-landing\"><header class=\"site-header\"><div class=\"masthead\">{}</div></header><main>",
        masthead()
    );
    if day > NOTICE_END {
        html!(
            page,
            "<p class=\"banner ended-banner\" role=\"note\">{}</p>",
            AFTER_NOTICE
        );
    }
    page.push(&audience_list("static-", |h, audience| {
        html!(
            h,
            "<a class=\"choice\" id=\"static-choice-{}\" href=\"{}\">",
            audience.id(),
            first_question(audience)
        );
        "</a>"
    }));
    html!(
        page,
        "<p class=\"browse\"><a class=\"button secondary\" href=\"{}\">政策一览：查看全部政策</a></p></main><footer class=\"site-footer\">{}</footer></div>",
        POLICY_PAGE,
        footer(true)
    );
    page.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_needs_no_script_and_names_everything_a_visitor_needs() {
        let page = render(Date::ymd(2026, 12, 1));
        assert!(!page.contains("<script") && !page.contains("style="));
        for audience in Audience::ALL {
            assert!(page.contains(&format!("href=\"{}\"", first_question(audience))));
            // Each leads to a page and route the app draws as that audience's first question.
            let hash = first_question(audience);
            assert!(
                hash.ends_with("/q") || hash.ends_with("/estimate"),
                "{hash}"
            );
            assert!(page.contains(audience.label()));
        }
        assert!(
            page.contains("您是？") && page.contains("policy.html") && page.contains("tel:12333")
        );
        assert!(
            page.contains("延续情况未公布"),
            "the notice's end is said after 2025"
        );
        assert!(!render(Date::ymd(2025, 6, 1)).contains("ended-banner"));
    }
}

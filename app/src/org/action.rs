//! 您现在可以做什么 at the top of an organisation's results, like the person's: what it can claim now
//! with rules-core's totals, its leads (延续情况未公布, but the last rules would cover it), the one or
//! two answers that would settle the most, and the buttons (准备申请材料, 打印, CSV, 12333). HTML text;
//! its buttons are handled by the results' delegated listener (`data-edit`, `data-print`,
//! `data-csv`).

use super::estimate::{relevant, totals};
use crate::route::{org_hash as hash, OrgStep};
use markup::{html, Html};
use rules_core::choices::OrgKind;
use rules_core::evaluate::Report;
use rules_core::leads::Lead;
use rules_core::{Audience, Status};

/// The section, for an organisation of `audience` and `kind`.
pub fn do_now_html(report: &Report, audience: Audience, kind: Option<OrgKind>) -> Html {
    let shown = relevant(report, audience, kind);
    let eligible: Vec<_> = shown
        .iter()
        .filter(|b| b.status == Status::Eligible)
        .collect();
    let leads: Vec<_> = shown
        .iter()
        .filter(|b| Lead::of(b) == Some(Lead::WouldQualify))
        .collect();
    let mut h = Html::new();
    h.raw("<section class=\"do-now\" id=\"do-now\" aria-labelledby=\"do-now-title\"><h3 id=\"do-now-title\">您现在可以做什么</h3>");
    if eligible.is_empty() {
        h.raw("<p class=\"do-now-none\">根据目前的回答，还没有确定现在可以申请的项目。</p>");
    } else {
        // How many and rules-core's totals first, each in its own unit (the totals section below
        // names what each adds up), then one line each: the name and its figure.
        let t = totals(report, audience);
        html!(
            h,
            "<p class=\"do-now-total\" id=\"do-now-total\">现在可以申请 {} 项",
            eligible.len()
        );
        for (i, total) in t.totals.iter().enumerate() {
            h.raw(if i == 0 { "，预估合计 " } else { " · " });
            html!(
                h,
                "<strong data-unit=\"{}\">{}</strong>",
                (total.unit.label()),
                (&total.value().text())
            );
        }
        h.raw("：</p><ul class=\"do-now-list\">");
        for b in &eligible {
            let figure = crate::format::claim_figure(b);
            html!(
                h,
                "<li data-benefit=\"{}\">{}：<strong>{}</strong></li>",
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
                "<li data-benefit=\"{}\"><span>{}</span><span class=\"do-now-figure\">{}（{}）</span> <span class=\"do-now-whom\">{}</span></li>",
                b.entry.id,
                b.entry.name,
                b.estimate.value.text(),
                rules_core::leads::figure_label(b),
                (&format!("请先问：{}", rules_core::leads::whom_to_ask(b)))
            );
        }
        h.raw("</ul>");
    }
    // rules-core's most decisive open questions first, only those of benefits this kind can have.
    h.push(&crate::html::ask_next(&report.next_questions, &shown));
    let number = rules_core::documents::HOTLINE_NUMBER;
    h.raw("<div class=\"do-now-actions two-up no-print\">");
    if !eligible.is_empty() || !leads.is_empty() {
        html!(
            h,
            "<a class=\"button primary\" href=\"{}\" id=\"top-checklist\">准备申请材料</a>",
            (&hash(audience, OrgStep::Checklist))
        );
    }
    html!(
        h,
        "<button type=\"button\" class=\"secondary\" id=\"top-print\" data-print>打印</button>\
            <button type=\"button\" class=\"secondary\" id=\"top-csv\" data-csv>下载表格</button>\
            <a class=\"button secondary\" href=\"tel:{}\" id=\"top-call\">拨打 {}</a></div></section>",
        number,
        number
    );
    h
}

#[cfg(test)]
mod tests {
    use super::super::estimate::tests_support::enterprise;
    use super::*;
    use rules_core::{evaluate, Date, Facts};

    #[test]
    fn an_enterprise_sees_what_to_claim_the_total_and_the_buttons_first() {
        let day = Date::ymd(2026, 12, 7);
        let report = evaluate(&enterprise(), day);
        let top = do_now_html(&report, Audience::Employer, Some(OrgKind::Enterprise));
        assert!(top.contains("data-benefit=\"hiring-subsidy\""), "{top}");
        let total = totals(&report, Audience::Employer);
        let first = total.totals.first().expect("a total");
        assert!(top.contains(&first.value().text()), "{top}");
        assert!(top.contains("id=\"top-checklist\"") && top.contains("href=\"tel:12333\""));
        assert!(top.contains("data-print") && top.contains("data-csv"));
        assert!(
            !top.contains("workshop"),
            "no 车间 benefit for an enterprise: {top}"
        );
    }

    #[test]
    fn a_workshop_is_offered_no_loan_question() {
        let facts = Facts {
            audience: Some(Audience::Employer),
            org_kind: Some(OrgKind::Workshop),
            ..Facts::default()
        };
        let report = evaluate(&facts, Date::ymd(2026, 12, 7));
        let top = do_now_html(&report, Audience::Employer, Some(OrgKind::Workshop));
        assert!(
            !top.contains("data-q=\"org-size\"") && !top.contains("loan"),
            "{top}"
        );
        assert!(top.matches("data-edit=").count() <= 2);
        assert!(top.contains("还没有确定"));
    }
}

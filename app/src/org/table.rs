//! The estimate table and the totals as HTML text (like the person's results, crate::html): they
//! change only as a whole when the report changes, and text costs far less code than typed views.
//! They are [`markup::Html`]: every piece of text is escaped.

use super::estimate::{
    headline, per_head_unit, relevant, status_of, total_parts, total_text, totals,
};
use crate::format::outcome_mark;
use crate::html;
use markup::{html, to_html, Html};
use rules_core::choices::OrgKind;
use rules_core::evaluate::{BenefitReport, Outcome, Report};
use rules_core::money::format_yuan;
use rules_core::totals::{left_out_line, ALTERNATIVES_RULE, WHAT_IS_NOT_ADDED};
use rules_core::{Audience, Status};

/// 预估合计: one line per unit; nothing of different units or kinds is added together.
pub fn totals_html(report: &Report, audience: Audience) -> Html {
    let t = totals(report, audience);
    let mut h = Html::new();
    h.raw("<section class=\"org-totals\" id=\"org-totals\" aria-labelledby=\"org-totals-title\"><h3 id=\"org-totals-title\">预估合计</h3>");
    if t.totals.is_empty() {
        h.raw("<p class=\"empty\" id=\"org-totals-empty\">目前还没有可以确定金额的补贴。请填写人员名单或继续回答问题。</p>");
    }
    h.raw("<dl>");
    for total in &t.totals {
        html!(
            h,
            "<div class=\"total-row\" data-unit=\"{}\" data-amount=\"{}\"><dt>{}（{}）</dt><dd><span class=\"estimate-label\">预估</span> <strong>{}\
                </strong></dd></div>",
            (total.unit.label()),
            format_yuan(total.amount),
            (total.label),
            (&total_parts(total)),
            (&total_text(total))
        );
    }
    h.raw("</dl>");
    for left in &t.left_out {
        html!(h, "<p class=\"note\">{}</p>", (&left_out_line(left)));
    }
    html!(
        h,
        "<p class=\"help\">{}{}</p></section>",
        (WHAT_IS_NOT_ADDED),
        (ALTERNATIVES_RULE)
    );
    h
}

/// 逐项测算: every benefit of this audience and kind; those that have ended fold under one line.
pub fn table_html(report: &Report, audience: Audience, kind: Option<OrgKind>) -> Html {
    let mut h = Html::new();
    h.raw("<section class=\"org-table\" id=\"org-table\" aria-labelledby=\"org-table-title\"><h3 id=\"org-table-title\">逐项测算</h3>");
    let (ended, current): (Vec<_>, Vec<_>) = relevant(report, audience, kind)
        .into_iter()
        .partition(|b| b.status == Status::PolicyEnded);
    for b in current {
        h.push(&benefit_html(b));
    }
    if !ended.is_empty() {
        let names: Vec<&str> = ended.iter().map(|b| b.entry.name).collect();
        html!(
            h,
            "<details class=\"org-ended\" id=\"org-ended\"><summary>已到期、现在不能申请的 {} 项：{}</summary>",
            ended.len(),
            (&names.join("、"))
        );
        for b in ended {
            h.push(&benefit_html(b));
        }
        h.raw("</details>");
    }
    h.raw("</section>");
    // The first LPR on the page says what it is.
    h.replace_found(
        rules_core::documents::first_unexplained_lpr,
        "LPR".len(),
        rules_core::documents::LPR_EXPLAINED,
    );
    h
}

/// One benefit: headline, the per-group table, conditions, then (folded) steps, sources,
/// documents and office.
pub fn benefit_html(b: &BenefitReport) -> Html {
    let status = status_of(b);
    let mut h = to_html!(
        "<article class=\"card card-{} org-benefit\" data-benefit=\"{}\" data-status=\"{}\" aria-labelledby=\"org-b-{}\"><h4 id=\"org-b-{}\">{}</h4>\
            <p class=\"org-headline\">{}</p>",
        status,
        b.entry.id,
        status,
        b.entry.id,
        b.entry.id,
        b.entry.name,
        headline(b)
    );
    if !b.estimate.breakdown.is_empty() {
        let caption = format!("{}：按人员分组", b.entry.name);
        html!(
            h,
            "<div class=\"table-wrap\" role=\"region\" aria-label=\"{}\" tabindex=\"0\"><table class=\"breakdown\"><caption>{}</caption><thead><tr>\
                <th scope=\"col\">人员类别</th><th scope=\"col\">人数</th><th scope=\"col\">符合条件</th><th scope=\"col\">标准（{}）</th><th scope=\"col\">小计（元）\
                </th></tr></thead><tbody>",
            caption,
            caption,
            per_head_unit(&b.estimate.value)
        );
        for g in &b.estimate.breakdown {
            // People who qualify without a published amount get no figure, only the reason.
            let (per_head, subtotal) = if g.unpriced.is_empty() {
                (format_yuan(g.per_head), format_yuan(g.subtotal))
            } else {
                ("—".to_string(), "—".to_string())
            };
            html!(
                h,
                "<tr data-row=\"{}\"><th scope=\"row\">第{}组 {}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                    <td class=\"num subtotal\">{}</td></tr>",
                g.row,
                g.row,
                g.group,
                g.heads,
                g.qualifying,
                per_head,
                subtotal
            );
            if !g.unpriced.is_empty() {
                html!(
                    h,
                    "<tr class=\"unpriced\" data-row=\"{}\"><td colspan=\"5\">符合条件的 {} 人：{}</td></tr>",
                    g.row,
                    g.qualifying,
                    (&g.unpriced)
                );
            }
            if !g.still_needed.is_empty() {
                html!(
                    h,
                    "<tr class=\"still-needed\" data-row=\"{}\"><td colspan=\"5\">尚不符合的 {} 人：{}</td></tr>",
                    g.row,
                    g.heads.saturating_sub(g.qualifying),
                    (&g.still_needed)
                );
            }
        }
        h.raw("</tbody></table></div>");
    }
    h.raw("<ul class=\"conditions\">");
    for c in b.conditions.iter().filter(|c| c.id != "audience") {
        if c.outcome == Outcome::Met && b.status != Status::Eligible {
            continue;
        }
        let (mark, _, class) = outcome_mark(c.outcome);
        html!(
            h,
            "<li class=\"condition-{}\">{} {}",
            class,
            mark,
            c.message
        );
        if !c.clause.is_empty() {
            html!(h, " <span class=\"clause\">依据：{}</span>", (c.clause));
        }
        h.raw("</li>");
    }
    h.raw("</ul>");
    if b.standing != rules_core::Standing::InForce {
        h.push(&html::standing(b));
    }
    h.raw("<details class=\"org-details\"><summary>计算过程、来源、材料和办理地点</summary>");
    h.push(&html::benefit_estimate(b));
    h.raw("<ul class=\"sources\">");
    for s in &b.estimate.sources {
        html!(
            h,
            "<li>{}（{}）",
            (s.document),
            (&s.confidence.source_line())
        );
        if !s.url.is_empty() {
            html!(h, " <a href=\"{}\" rel=\"noreferrer\">原文</a>", (s.url));
        }
        h.raw("</li>");
    }
    h.raw("</ul>");
    if b.status == Status::Eligible {
        // An organisation's documents do not hang on a person's answers: every one is listed.
        h.push(&html::documents(
            b.entry.id,
            b.guide().documents,
            &rules_core::Facts::default(),
        ));
        h.push(&html::apply(b.guide().apply));
    }
    h.push(&html::cite(b));
    h.raw("</details></article>");
    h
}

#[cfg(test)]
mod tests {
    use super::super::estimate::tests_support::enterprise;
    use super::*;
    use rules_core::{evaluate, Date};

    #[test]
    fn the_table_shows_rules_core_groups_and_separate_totals() {
        let report = evaluate(&enterprise(), Date::ymd(2025, 7, 1));
        let table = table_html(&report, Audience::Employer, None);
        assert!(table.contains("data-benefit=\"hiring-subsidy\" data-status=\"eligible\""));
        assert!(
            table.contains("<td class=\"num subtotal\">24000</td>"),
            "{table}"
        );
        assert!(table.contains("尚不符合的 2 人：社保已缴 10 个月，再缴纳 2 个月后可申请"));
        assert!(!table.contains("<script"));
        // Where a figure comes from, in plain words.
        assert!(table.contains("（来源：政府官网）") && !table.contains("可信度"));
        let totals = totals_html(&report, Audience::Employer);
        assert!(
            totals.contains("data-unit=\"元\" data-amount=\"30000\""),
            "{totals}"
        );
        assert!(
            totals.contains("data-unit=\"元/年\" data-amount=\"36000\""),
            "{totals}"
        );
    }
}

//! The estimate table and the totals as HTML text (like the person's results, crate::html): they
//! change only as a whole when the report changes, and text costs far less code than typed views.
//! Every piece of text goes through `esc`.

use super::estimate::{
    headline, per_head_unit, relevant, status_of, total_parts, total_text, totals,
};
use crate::format::outcome_mark;
use crate::html::{self, esc};
use rules_core::evaluate::{BenefitReport, Outcome, Report};
use rules_core::money::format_yuan;
use rules_core::totals::{left_out_line, ALTERNATIVES_RULE, WHAT_IS_NOT_ADDED};
use rules_core::{Audience, Status};
use std::fmt::Write;

/// 预估合计: one line per unit; nothing of different units or kinds is added together.
pub fn totals_html(report: &Report, audience: Audience) -> String {
    let t = totals(report, audience);
    let mut h = String::from(
        "<section class=\"org-totals\" id=\"org-totals\" aria-labelledby=\"org-totals-title\"><h3 id=\"org-totals-title\">预估合计</h3>",
    );
    if t.totals.is_empty() {
        h.push_str("<p class=\"empty\" id=\"org-totals-empty\">目前还没有可以确定金额的补贴。请填写人员名单或继续回答问题。</p>");
    }
    h.push_str("<dl>");
    for total in &t.totals {
        let _ = write!(
            h,
            "<div class=\"total-row\" data-unit=\"{}\" data-amount=\"{}\"><dt>{}（{}）</dt><dd><span class=\"estimate-label\">预估</span> <strong>{}</strong></dd></div>",
            esc(total.unit.label()),
            format_yuan(total.amount),
            esc(total.label),
            esc(&total_parts(total)),
            esc(&total_text(total))
        );
    }
    h.push_str("</dl>");
    for left in &t.left_out {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(&left_out_line(left)));
    }
    let _ = write!(
        h,
        "<p class=\"help\">{}{}</p></section>",
        esc(WHAT_IS_NOT_ADDED),
        esc(ALTERNATIVES_RULE)
    );
    h
}

/// 逐项测算: every benefit of this audience.
pub fn table_html(report: &Report, audience: Audience) -> String {
    let mut h = String::from(
        "<section class=\"org-table\" id=\"org-table\" aria-labelledby=\"org-table-title\"><h3 id=\"org-table-title\">逐项测算</h3>",
    );
    for b in relevant(report, audience) {
        h.push_str(&benefit_html(b));
    }
    h.push_str("</section>");
    // The first LPR on the page says what it is.
    rules_core::documents::explain_first_lpr(&h)
}

/// One benefit: headline, the per-group table, conditions, then (folded) steps, sources,
/// documents and office.
pub fn benefit_html(b: &BenefitReport) -> String {
    let status = status_of(b);
    let mut h = format!(
        "<article class=\"card card-{status} org-benefit\" data-benefit=\"{id}\" data-status=\"{status}\" aria-labelledby=\"org-b-{id}\"><h4 id=\"org-b-{id}\">{name}</h4><p class=\"org-headline\">{head}</p>",
        id = b.id,
        name = esc(b.name),
        head = esc(&headline(b)),
    );
    if !b.estimate.breakdown.is_empty() {
        let caption = esc(&format!("{}：按人员分组", b.name));
        let _ = write!(
            h,
            "<div class=\"table-wrap\" role=\"region\" aria-label=\"{caption}\" tabindex=\"0\"><table class=\"breakdown\"><caption>{caption}</caption><thead><tr><th scope=\"col\">人员类别</th><th scope=\"col\">人数</th><th scope=\"col\">符合条件</th><th scope=\"col\">标准（{}）</th><th scope=\"col\">小计（元）</th></tr></thead><tbody>",
            per_head_unit(&b.estimate.value)
        );
        for g in &b.estimate.breakdown {
            // People who qualify without a published amount get no figure, only the reason.
            let (per_head, subtotal) = if g.unpriced.is_empty() {
                (format_yuan(g.per_head), format_yuan(g.subtotal))
            } else {
                ("—".to_string(), "—".to_string())
            };
            let _ = write!(
                h,
                "<tr data-row=\"{row}\"><th scope=\"row\">第{row}组 {group}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{per_head}</td><td class=\"num subtotal\">{subtotal}</td></tr>",
                g.heads,
                g.qualifying,
                row = g.row,
                group = esc(g.group),
            );
            if !g.unpriced.is_empty() {
                let _ = write!(
                    h,
                    "<tr class=\"unpriced\" data-row=\"{}\"><td colspan=\"5\">符合条件的 {} 人：{}</td></tr>",
                    g.row,
                    g.qualifying,
                    esc(&g.unpriced)
                );
            }
            if !g.still_needed.is_empty() {
                let _ = write!(
                    h,
                    "<tr class=\"still-needed\" data-row=\"{}\"><td colspan=\"5\">尚不符合的 {} 人：{}</td></tr>",
                    g.row,
                    g.heads.saturating_sub(g.qualifying),
                    esc(&g.still_needed)
                );
            }
        }
        h.push_str("</tbody></table></div>");
    }
    h.push_str("<ul class=\"conditions\">");
    for c in b.conditions.iter().filter(|c| c.id != "audience") {
        if c.outcome == Outcome::Met && b.status != Status::Eligible {
            continue;
        }
        let (mark, _, class) = outcome_mark(c.outcome);
        let _ = write!(
            h,
            "<li class=\"condition-{class}\">{mark} {}",
            esc(&c.message)
        );
        if !c.clause.is_empty() {
            let _ = write!(h, " <span class=\"clause\">依据：{}</span>", esc(c.clause));
        }
        h.push_str("</li>");
    }
    h.push_str("</ul>");
    if b.standing != rules_core::Standing::InForce {
        h.push_str(&html::standing(b));
    }
    h.push_str("<details class=\"org-details\"><summary>计算过程、来源、材料和办理地点</summary>");
    h.push_str(&html::benefit_estimate(b));
    h.push_str("<ul class=\"sources\">");
    for s in &b.estimate.sources {
        let _ = write!(
            h,
            "<li>{}（{}）",
            esc(s.document),
            esc(&s.confidence.source_line())
        );
        if !s.url.is_empty() {
            let _ = write!(h, " <a href=\"{}\" rel=\"noreferrer\">原文</a>", esc(s.url));
        }
        h.push_str("</li>");
    }
    h.push_str("</ul>");
    if b.status == Status::Eligible {
        // An organisation's documents do not hang on a person's answers: every one is listed.
        h.push_str(&html::documents(b.documents, &rules_core::Facts::default()));
        h.push_str(&html::apply(b.apply, 5));
    }
    h.push_str(&html::cite(b));
    h.push_str("</details></article>");
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
        let table = table_html(&report, Audience::Employer);
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

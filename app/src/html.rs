//! Static parts of pages written as HTML text: the results' benefit cards and the answers given.
//! They change only as a whole (when the report changes), and building them as text instead of as
//! typed view trees keeps the first load within budget. Every piece of text goes through [`esc`];
//! buttons inside carry `data-edit` and are handled by one delegated listener.

use crate::format::notice_number;
use crate::format::{answer_text, is_amount, outcome_mark, status_id, status_mark};
use rules_core::documents::{self, DocumentNeed, HowToApply, HOTLINE};
use rules_core::evaluate::{BenefitReport, Estimate, Outcome};
use rules_core::questions::wording;
use rules_core::standing::{reference_standard, Standing};
use rules_core::{Date, Facts, Status, Q};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    escape(text, false)
}

/// Text for element content: escaped, with the hotline a tap-to-call link wherever it appears.
pub fn text(text: &str) -> String {
    escape(text, true)
}

fn escape(text: &str, call_links: bool) -> String {
    let number = documents::HOTLINE_NUMBER;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if call_links && rest.starts_with(number) {
            let _ = write!(out, "<a href=\"tel:{number}\">{number}</a>");
            rest = &rest[number.len()..];
            continue;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `<tag class="…">text</tag>` with the text escaped (and 12333 tap-to-call).
pub fn el(tag: &str, class: &str, content: &str) -> String {
    format!("<{tag} class=\"{class}\">{}</{tag}>", text(content))
}

/// `预估 800 元/人`, the formula steps, 待核实, the note.
pub fn estimate(e: &Estimate) -> String {
    labelled_estimate(e, "预估")
}

/// `预估贴息`, `预估补贴` …: what a benefit's headline figure is (rules-core's catalogue says).
fn estimate_label(b: &BenefitReport) -> String {
    format!("预估{}", rules_core::catalogue::amount_kind(b.id))
}

/// A benefit's estimate: 预估 while it is in force; once its basis has run out, the amount under the
/// rule as it stood, labelled "2025年标准（仅供参考）" so nobody takes it for money they can claim.
pub fn benefit_estimate(b: &BenefitReport) -> String {
    if b.standing == Standing::InForce {
        labelled_estimate(&b.estimate, &estimate_label(b))
    } else {
        labelled_estimate(
            &b.estimate,
            &format!("{}（仅供参考）", reference_standard(b.rules_on)),
        )
    }
}

fn labelled_estimate(e: &Estimate, label: &str) -> String {
    let mut h = String::from("<div class=\"estimate\"><p class=\"estimate-line\">");
    if is_amount(&e.value) {
        h.push_str(&el("span", "estimate-label", label));
        h.push(' ');
    }
    h.push_str(&el("strong", "estimate-value", &e.value.text()));
    if e.confidence.needs_checking() {
        h.push_str(" <span class=\"tag-check\">待核实</span>");
    }
    h.push_str("</p>");
    if !e.steps.is_empty() {
        h.push_str("<ol class=\"steps\" aria-label=\"计算过程\">");
        for step in &e.steps {
            h.push_str(&el("li", "", step));
        }
        h.push_str("</ol>");
    }
    if !e.note.is_empty() {
        h.push_str(&el("p", "note", &e.note));
    }
    h.push_str("</div>");
    h
}

/// 要带的材料: the documents that may concern this person (rules-core leaves out those their answers
/// rule out: no 残疾人证 for someone who is not disabled), each with how it is brought and, where
/// only some people need it, for whom. What each proves and where to get it is on the checklist.
pub fn documents(needs: &[DocumentNeed], facts: &Facts) -> String {
    let mut h = String::from("<div class=\"docs\"><h5 class=\"sub\">要带的材料</h5><ul>");
    for need in documents::applicable(needs, facts) {
        let _ = write!(
            h,
            "<li data-document=\"{}\"><span class=\"doc-name\">{}</span> · {}",
            esc(need.document),
            esc(documents::find(need.document).map_or(need.document, |d| d.name)),
            esc(need.form.label())
        );
        if !need.only_if.is_empty() {
            let _ = write!(h, "（{}）", esc(need.only_if));
        }
        h.push_str("</li>");
    }
    h.push_str("</ul></div>");
    h
}

/// 在哪里办; `level` is the heading level that fits where it is shown.
pub fn apply(a: &HowToApply, level: u8) -> String {
    let mut h = format!("<div class=\"apply\"><h{level} class=\"sub\">在哪里办</h{level}>");
    if a.automatic {
        h.push_str(&el("p", "automatic", documents::AUTOMATIC));
    }
    for (label, text) in [
        ("办理地点：", a.office),
        ("网上办理：", a.online),
        ("办理时间：", a.window),
        ("办理流程：", a.steps),
    ] {
        if !text.is_empty() {
            let _ = write!(
                h,
                "<p><span class=\"label\">{label}</span>{}</p>",
                self::text(text)
            );
        }
    }
    if a.confidence.needs_checking() {
        h.push_str("<p class=\"help\">以上办理信息待核实。</p>");
    }
    h.push_str("</div>");
    h
}

/// The disclaimer and hotline on every results page.
pub fn disclaimer() -> String {
    format!(
        "<aside class=\"disclaimer\" aria-label=\"说明\"><p>以上金额均为预估，仅供参考。能否享受、实际金额，以区县人力社保部门审核为准。</p><p>咨询电话：{}</p></aside>",
        text(HOTLINE)
    )
}

/// A status badge: mark and words, so colour is never the only cue.
pub fn badge(status: Status) -> String {
    format!(
        "<span class=\"badge badge-{}\">{} {}</span>",
        status_id(status),
        status_mark(status),
        esc(status.label())
    )
}

fn edit_button(q: Q, label: &str) -> String {
    format!(
        "<button type=\"button\" class=\"link-button no-print\" data-edit=\"{}\">{label}</button>",
        q.id()
    )
}

/// One benefit as evaluated for this person (`facts`: their answers, which decide the documents).
pub fn card(b: &BenefitReport, facts: &Facts) -> String {
    let status = status_id(b.status);
    let mut h = format!(
        "<article class=\"card card-{status}\" data-benefit=\"{id}\" data-status=\"{status}\" data-standing=\"{standing}\" aria-labelledby=\"card-{id}\"><h4 id=\"card-{id}\">{name}</h4><p class=\"status-line\">{badge}</p>",
        id = b.id,
        standing = b.standing.id(),
        name = esc(b.name),
        badge = badge(b.status)
    );
    match b.status {
        Status::Eligible => {
            h.push_str(&benefit_estimate(b));
            h.push_str(&documents(b.documents, facts));
            h.push_str(&apply(b.apply, 5));
        }
        Status::NeedsAnswers => {
            h.push_str(&benefit_estimate(b));
            let asks = b.open_questions();
            if !asks.is_empty() {
                h.push_str("<div class=\"decide\"><h5 class=\"sub\">还需确认</h5><ul class=\"decide-questions\">");
                for q in asks {
                    let _ = write!(
                        h,
                        "<li data-q=\"{}\"><span>{}</span> {}</li>",
                        q.id(),
                        esc(wording(q).text),
                        edit_button(q, "回答")
                    );
                }
                h.push_str("</ul></div>");
            }
        }
        Status::NotEligible => {
            h.push_str("<ul class=\"not-met\">");
            for c in b.conditions.iter().filter(|c| c.outcome == Outcome::NotMet) {
                h.push_str("<li>");
                h.push_str(&el("span", "reason", &c.message));
                if !c.clause.is_empty() {
                    h.push_str(&el("span", "clause", &format!("依据：{}", c.clause)));
                }
                h.push_str("</li>");
            }
            h.push_str("</ul>");
        }
        Status::ContinuationUnknown | Status::PolicyEnded => {
            h.push_str(&standing(b));
            h.push_str(&benefit_estimate(b));
        }
        Status::NotForAudience => {}
    }
    if b.status != Status::NotForAudience {
        h.push_str(&conditions(b));
    }
    h.push_str(&cite(b));
    h.push_str("</article>");
    h
}

/// Where a benefit that is no longer in force stands: the one sentence from rules-core, and how the
/// person would have stood under its rule on its last day.
pub fn standing(b: &BenefitReport) -> String {
    let mut h = el("p", "standing", &b.standing_summary());
    let under_old_rule = match b.status_on_last_day {
        Some(Status::Eligible) => "按原规定，您当时符合条件。",
        Some(Status::NeedsAnswers) => "按原规定，还有条件需要确认。",
        Some(Status::NotEligible) => "按原规定，您当时不符合条件。",
        _ => "",
    };
    if !under_old_rule.is_empty() {
        h.push_str(&el("p", "would-have", under_old_rule));
    }
    h
}

/// 政策依据 and the link to the benefit on the policy page (person and organisation cards alike).
pub fn cite(b: &BenefitReport) -> String {
    format!(
        "<p class=\"cite\"><span class=\"clause\">政策依据：{} {}</span> <a class=\"details-link\" href=\"{}\">政策原文与详情</a></p>",
        esc(notice_number()),
        esc(b.clause),
        crate::route::policy_href(b.id)
    )
}

/// 逐条看条件: every condition of a benefit with how it stands for this person, folded (a native
/// disclosure, no script), so the reasons stay on the results while the policy page is static.
fn conditions(b: &BenefitReport) -> String {
    let mut h = String::from(
        "<details class=\"conditions-more\"><summary>逐条看条件</summary><ul class=\"conditions\">",
    );
    for c in b.conditions.iter().filter(|c| c.id != "audience") {
        let (mark, words, class) = outcome_mark(c.outcome);
        let _ = write!(
            h,
            "<li class=\"condition-{class}\"><span class=\"requirement\">{}</span><span class=\"outcome\">{mark} {words}：{}</span>",
            esc(c.requirement),
            esc(&c.message)
        );
        if !c.clause.is_empty() {
            h.push_str(&el("span", "clause", &format!("依据：{}", c.clause)));
        }
        h.push_str("</li>");
    }
    h.push_str("</ul></details>");
    h
}

/// 您的回答: every question answered or skipped, each with 修改.
pub fn answers_given(facts: &Facts, history: &[Q], day: Date) -> String {
    let mut h = String::from(
        "<section class=\"answers-given\" id=\"answers-given\" aria-labelledby=\"answers-title\"><h3 id=\"answers-title\">您的回答</h3>",
    );
    if history.is_empty() {
        h.push_str("<p>还没有回答问题。</p>");
    }
    h.push_str("<dl>");
    for q in history {
        let answer = facts
            .get(*q)
            .map(|a| answer_text(*q, &a, day))
            .unwrap_or_else(|| "不清楚".to_string());
        let _ = write!(
            h,
            "<div class=\"answer-row\" data-q=\"{}\"><dt>{}</dt><dd><span class=\"given\">{}</span>{}</dd></div>",
            q.id(),
            esc(wording(*q).text),
            esc(&answer),
            edit_button(*q, "修改")
        );
    }
    h.push_str("</dl></section>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_folds_every_condition_with_its_outcome_and_links_to_the_policy_page() {
        let facts = Facts {
            audience: Some(rules_core::Audience::Person),
            ..Facts::default()
        };
        let report = rules_core::evaluate_person(&facts, Date::ymd(2025, 6, 20));
        for b in report
            .benefits
            .iter()
            .filter(|b| b.status != Status::NotForAudience)
        {
            let html = card(b, &facts);
            let shown = b.conditions.iter().filter(|c| c.id != "audience").count();
            assert_eq!(
                html.matches("<li class=\"condition-").count(),
                shown,
                "{}",
                b.id
            );
            assert!(
                html.contains("<details class=\"conditions-more\">"),
                "{}",
                b.id
            );
            assert!(
                html.contains(&format!("href=\"policy.html#{}\"", b.id)),
                "{}",
                b.id
            );
        }
        // Nothing is answered: every shown condition of an open benefit waits for an answer.
        let open = report
            .benefits
            .iter()
            .find(|b| b.status == Status::NeedsAnswers)
            .expect("an open benefit");
        assert!(card(open, &facts).contains("？ 待确认"));
    }

    #[test]
    fn escapes_everything_that_could_be_markup() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        // Content text: the hotline becomes tap-to-call, everything else stays escaped.
        assert_eq!(
            text("拨打12333或<b>"),
            "拨打<a href=\"tel:12333\">12333</a>或&lt;b&gt;"
        );
        assert_eq!(esc("12333"), "12333");
    }
}

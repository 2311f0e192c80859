//! Static parts of pages written as HTML text: the results' benefit cards and the answers given.
//! They change only as a whole (when the report changes), and building them as text instead of as
//! typed view trees keeps the first load within budget. They are [`Html`] (the markup crate): text is
//! always escaped, markup only written as literals; buttons inside carry `data-edit` and are handled
//! by one delegated listener.

use crate::format::{answer_text, is_amount, outcome_mark, status_mark};
use markup::{html, to_html, Html};
use rules_core::documents::{self, DocumentNeed, HowToApply, HOTLINE};
use rules_core::evaluate::{BenefitReport, Estimate, Outcome};
use rules_core::questions::{wording, Question};
use rules_core::standing::{reference_standard, Standing};
use rules_core::{Date, Facts, Status, Q};

/// Text for element content: escaped, with the hotline a tap-to-call link wherever it appears.
pub fn text(text: &str) -> Html {
    markup::with_call_links(text, documents::HOTLINE_NUMBER)
}

/// `<p class="…">text</p>` with the text escaped (and 12333 tap-to-call); `open` is the opening tag
/// with its class, `close` the closing tag.
fn el(open: &'static str, content: &str, close: &'static str) -> Html {
    let mut h = Html::new();
    h.raw(open).push(&text(content)).raw(close);
    h
}

/// `预估 800 元/人`, the formula steps, 待核实, the note.
pub fn estimate(e: &Estimate) -> Html {
    labelled_estimate(e, "预估")
}

/// A benefit's estimate: 预估补贴, 预估贴息 … (what its figure is, from rules-core's catalogue) while
/// it is in force; once its basis has run out, the amount under the rule as it stood, labelled
/// "2025年标准（仅供参考）" so nobody takes it for money they can claim.
pub fn benefit_estimate(b: &BenefitReport) -> Html {
    let label = if b.standing == Standing::InForce {
        format!("预估{}", b.entry.kind.label())
    } else {
        format!("{}（仅供参考）", reference_standard(b.rules_on))
    };
    labelled_estimate(&b.estimate, &label)
}

fn labelled_estimate(e: &Estimate, label: &str) -> Html {
    let mut h = Html::new();
    h.raw("<div class=\"estimate\"><p class=\"estimate-line\">");
    if is_amount(&e.value) {
        html!(h, "<span class=\"estimate-label\">{}</span> ", label);
    }
    h.push(&el(
        "<strong class=\"estimate-value\">",
        &e.value.text(),
        "</strong>",
    ));
    if e.confidence.needs_checking() {
        h.raw(" <span class=\"tag-check\">待核实</span>");
    }
    h.raw("</p>");
    if !e.steps.is_empty() {
        h.raw("<ol class=\"steps\" aria-label=\"计算过程\">");
        for step in &e.steps {
            h.push(&el("<li class=\"\">", step, "</li>"));
        }
        h.raw("</ol>");
    }
    if !e.note.is_empty() {
        h.push(&el("<p class=\"note\">", &e.note, "</p>"));
    }
    h.raw("</div>");
    h
}

/// 要带的材料: the documents that may concern this person (rules-core leaves out those their answers
/// rule out: no 残疾人证 for someone who is not disabled), each with how it is brought and, where
/// only some people need it, for whom. What each proves and where to get it is on the checklist.
pub fn documents(benefit: &str, needs: &[DocumentNeed], facts: &Facts) -> Html {
    documents_under("要带的材料", benefit, needs, facts)
}

/// [`documents`] under its own heading.
fn documents_under(
    heading: &'static str,
    benefit: &str,
    needs: &[DocumentNeed],
    facts: &Facts,
) -> Html {
    let mut h = Html::new();
    html!(h, "<div class=\"docs\"><h5 class=\"sub\">{}</h5>", heading);
    if let Some(note) = documents::list_unpublished(benefit) {
        h.push(&el("<p class=\"list-unpublished\">", &note, "</p>"));
    }
    h.raw("<ul>");
    for need in documents::applicable(needs, facts) {
        html!(
            h,
            "<li data-document=\"{}\"><span class=\"doc-name\">{}</span> · {}",
            need.document,
            documents::find(need.document).map_or(need.document, |d| d.name),
            need.form.label()
        );
        if !need.only_if.is_empty() {
            html!(h, "（{}）", need.only_if);
        }
        h.raw("</li>");
    }
    h.raw("</ul></div>");
    h
}

/// 在哪里办 (a heading inside a card).
pub fn apply(a: &HowToApply) -> Html {
    let mut h = Html::new();
    h.raw("<div class=\"apply\"><h5 class=\"sub\">在哪里办</h5>");
    if a.automatic {
        h.push(&el("<p class=\"automatic\">", documents::AUTOMATIC, "</p>"));
    }
    for (label, value) in [
        ("办理地点：", a.office),
        ("网上办理：", a.online),
        ("办理时间：", a.window),
        ("办理流程：", a.steps),
    ] {
        if !value.is_empty() {
            html!(
                h,
                "<p><span class=\"label\">{}</span>{}</p>",
                label,
                text(value)
            );
        }
    }
    if a.confidence.needs_checking() {
        h.raw("<p class=\"help\">以上办理信息待核实。</p>");
    }
    h.raw("</div>");
    h
}

/// The disclaimer and hotline on every results page.
pub fn disclaimer() -> Html {
    to_html!(
        concat!(
            "<aside class=\"disclaimer\" aria-label=\"说明\"><p>以上金额均为预估，仅供参考。能否享受、实际金额，",
            rules_core::reviewed_by!(),
            "。</p><p>咨询电话：{}</p></aside>"
        ),
        text(HOTLINE)
    )
}

/// A status badge: mark and words, so colour is never the only cue.
pub fn badge(status: Status) -> Html {
    to_html!(
        "<span class=\"badge badge-{}\">{} {}</span>",
        status.id(),
        status_mark(status),
        status.label()
    )
}

fn edit_button(q: Q, label: &'static str) -> Html {
    to_html!(
        "<button type=\"button\" class=\"link-button no-print\" data-edit=\"{}\">{}</button>",
        q.id(),
        label
    )
}

/// One benefit as evaluated for this person (`facts`: their answers, which decide the documents).
pub fn card(b: &BenefitReport, facts: &Facts) -> Html {
    let status = b.status.id();
    let mut h = to_html!(
        "<article class=\"card card-{}\" data-benefit=\"{}\" data-status=\"{}\" data-standing=\"{}\" aria-labelledby=\"card-{}\">\
            <h4 id=\"card-{}\">{}</h4><p class=\"status-line\">{}</p>",
        status,
        b.entry.id,
        status,
        b.standing.id(),
        b.entry.id,
        b.entry.id,
        b.entry.name,
        badge(b.status)
    );
    match b.status {
        Status::Eligible => {
            h.push(&benefit_estimate(b));
            h.push(&documents(b.entry.id, b.guide().documents, facts));
            h.push(&apply(b.guide().apply));
        }
        Status::NeedsAnswers => {
            h.push(&benefit_estimate(b));
            h.push(&decide_questions(b));
        }
        Status::NotEligible => {
            h.raw("<ul class=\"not-met\">");
            for c in b.conditions.iter().filter(|c| c.outcome == Outcome::NotMet) {
                html!(
                    h,
                    "<li>{}",
                    el("<span class=\"reason\">", &c.message, "</span>")
                );
                if !c.clause.is_empty() {
                    h.push(&clause(c.clause));
                }
                h.raw("</li>");
            }
            h.raw("</ul>");
        }
        Status::ContinuationUnknown | Status::PolicyEnded => {
            h.push(&standing(b));
            h.push(&benefit_estimate(b));
            // A lead still open under its last rules: the answers that would settle where one stands.
            if b.status_on_last_day == Some(Status::NeedsAnswers) {
                h.push(&decide_questions(b));
            }
        }
        Status::NotForAudience => {}
    }
    if b.status != Status::NotForAudience {
        h.push(&conditions(b));
    }
    h.push(&cite(b));
    h.raw("</article>");
    h
}

/// A lead: a benefit whose continuation is unconfirmed and whose last rules the person meets. What it
/// was worth (that year's figure, labelled so), whom to ask, and the sentence to ask with (朗读 and
/// 复制, by `public/boot.js`), then the documents to have ready 如果继续执行.
pub fn lead_card(b: &BenefitReport, facts: &Facts, as_of: Date) -> Html {
    use rules_core::leads::{ask_sentence, figure_label, whom_to_ask, Lead};
    let mut h = to_html!(
        "<article class=\"card card-lead\" data-benefit=\"{}\" data-status=\"{}\" data-standing=\"{}\" data-lead=\"yes\" aria-labelledby=\"card-{}\">\
            <h4 id=\"card-{}\">{}</h4><p class=\"status-line\">{} <span class=\"would-have\">{}</span></p>",
        b.entry.id,
        b.status.id(),
        b.standing.id(),
        b.entry.id,
        b.entry.id,
        b.entry.name,
        badge(b.status),
        Lead::WouldQualify.sentence(b)
    );
    h.push(&labelled_estimate(&b.estimate, &figure_label(b)));
    let ask_id = format!("ask-{}", b.entry.id);
    html!(
        h,
        "<div class=\"ask-box\"><h5 class=\"sub\">先问清楚今年还办不办</h5><p class=\"whom\"><span class=\"label\">问谁：</span>{}</p><p class=\"label\">可以这样问：\
            </p><p class=\"ask-sentence\" id=\"{}\">{}</p><p class=\"ask-actions no-print\">\
            <button type=\"button\" class=\"speak secondary\" data-speak=\"{}\">朗读</button> \
            <button type=\"button\" class=\"secondary\" data-copy=\"{}\">复制这句话</button></p></div>",
        text(&whom_to_ask(b)),
        ask_id,
        ask_sentence(b, facts, as_of),
        ask_id,
        ask_id
    );
    h.push(&documents_under(
        "如果继续执行，要带的材料",
        b.entry.id,
        b.guide().documents,
        facts,
    ));
    h.push(&el("<p class=\"standing\">", &b.standing_summary(), "</p>"));
    h.push(&conditions(b));
    h.push(&cite(b));
    h.raw("</article>");
    h
}

/// 还需确认: the questions that would settle a benefit, each with 回答.
fn decide_questions(b: &BenefitReport) -> Html {
    let mut h = Html::new();
    let asks = b.open_questions();
    if !asks.is_empty() {
        h.raw(
            "<div class=\"decide\"><h5 class=\"sub\">还需确认</h5><ul class=\"decide-questions\">",
        );
        for q in asks {
            html!(
                h,
                "<li data-q=\"{}\"><span>{}</span> {}</li>",
                q.id(),
                wording(q).text,
                edit_button(q, "回答")
            );
        }
        h.raw("</ul></div>");
    }
    h
}

/// `依据：…` after a condition.
fn clause(clause: &str) -> Html {
    to_html!("<span class=\"clause\">依据：{}</span>", text(clause))
}

/// Where a benefit that is no longer in force stands: the one sentence from rules-core, and how the
/// person would have stood under its rule on its last day.
pub fn standing(b: &BenefitReport) -> Html {
    let mut h = el("<p class=\"standing\">", &b.standing_summary(), "</p>");
    let under_old_rule = match b.status_on_last_day {
        Some(Status::Eligible) => "按原规定，您当时符合条件。",
        Some(Status::NeedsAnswers) => "按原规定，还有条件需要确认。",
        Some(Status::NotEligible) => "按原规定，您当时不符合条件。",
        _ => "",
    };
    if !under_old_rule.is_empty() {
        html!(h, "<p class=\"would-have\">{}</p>", under_old_rule);
    }
    h
}

/// 政策依据 and the link to the benefit on the policy page (person and organisation cards alike).
pub fn cite(b: &BenefitReport) -> Html {
    to_html!(
        "<p class=\"cite\"><span class=\"clause\">政策依据：{}</span> <a class=\"details-link\" href=\"{}\">政策原文与详情</a></p>",
        b.entry.citation(),
        crate::route::policy_href(b.entry.id)
    )
}

/// 逐条看条件: every condition of a benefit with how it stands for this person, folded (a native
/// disclosure, no script), so the reasons stay on the results while the policy page is static.
fn conditions(b: &BenefitReport) -> Html {
    let mut h = Html::new();
    h.raw(
        "<details class=\"conditions-more\"><summary>逐条看条件</summary><ul class=\"conditions\">",
    );
    for c in b.conditions.iter().filter(|c| c.id != "audience") {
        let (mark, words, class) = outcome_mark(c.outcome);
        html!(
            h,
            "<li class=\"condition-{}\"><span class=\"requirement\">{}</span><span class=\"outcome\">{} {}：{}</span>",
            class,
            c.requirement,
            mark,
            words,
            c.message
        );
        if !c.clause.is_empty() {
            h.push(&clause(c.clause));
        }
        h.raw("</li>");
    }
    h.raw("</ul></details>");
    h
}

/// 您的回答: every question answered or skipped, each with 修改.
pub fn answers_given(facts: &Facts, history: &[Q], day: Date) -> Html {
    let mut h = Html::new();
    h.raw("<section class=\"answers-given\" id=\"answers-given\" aria-labelledby=\"answers-title\"><h3 id=\"answers-title\">您的回答</h3>");
    if history.is_empty() {
        h.raw("<p>还没有回答问题。</p>");
    }
    h.raw("<dl>");
    for q in history {
        let answer = facts
            .get(*q)
            .map(|a| answer_text(*q, &a, day))
            .unwrap_or_else(|| "不清楚".to_string());
        html!(
            h,
            "<div class=\"answer-row\" data-q=\"{}\"><dt>{}</dt><dd><span class=\"given\">{}</span>{}</dd></div>",
            q.id(),
            wording(*q).text,
            answer,
            edit_button(*q, "修改")
        );
    }
    h.raw("</dl></section>");
    h
}

/// Whether an answer could still settle this benefit: undecided now, or a lead undecided under its
/// last day's rules.
pub fn still_open(b: &BenefitReport) -> bool {
    b.status == Status::NeedsAnswers
        || rules_core::leads::Lead::of(b) == Some(rules_core::leads::Lead::NeedsAnswers)
}

/// 您现在可以做什么's questions (the person's and the organisation's): the two most decisive of
/// `questions` (rules-core's order) that settle one of `benefits` still open, each with its 回答
/// button; nothing when none does.
pub fn ask_next(questions: &[Question], benefits: &[&BenefitReport]) -> Html {
    let mut h = Html::new();
    let asked: Vec<_> = questions
        .iter()
        .filter(|q| {
            benefits
                .iter()
                .any(|b| still_open(b) && q.decides.contains(&b.entry.id))
        })
        .take(2)
        .collect();
    if asked.is_empty() {
        return h;
    }
    h.raw("<p>回答下面的问题，可以确定更多项目：</p><ul class=\"do-now-ask\">");
    for q in asked {
        html!(
            h,
            "<li data-q=\"{}\"><span>{}</span> <button type=\"button\" class=\"link-button no-print\" \
             data-edit=\"{}\">回答</button></li>",
            q.id.id(),
            q.text,
            q.id.id()
        );
    }
    h.raw("</ul>");
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
            let html = card(b, &facts).into_string();
            let shown = b.conditions.iter().filter(|c| c.id != "audience").count();
            assert_eq!(
                html.matches("<li class=\"condition-").count(),
                shown,
                "{}",
                b.entry.id
            );
            assert!(
                html.contains("<details class=\"conditions-more\">"),
                "{}",
                b.entry.id
            );
            assert!(
                html.contains(&format!("href=\"policy.html#{}\"", b.entry.id)),
                "{}",
                b.entry.id
            );
        }
        // Nothing is answered: every shown condition of an open benefit waits for an answer.
        let open = report
            .benefits
            .iter()
            .find(|b| b.status == Status::NeedsAnswers)
            .expect("an open benefit");
        assert!(card(open, &facts).as_str().contains("？ 待确认"));
    }

    #[test]
    fn escapes_everything_that_could_be_markup() {
        assert_eq!(
            to_html!("{}", "<a href=\"x\">&'").as_str(),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        // Content text: the hotline becomes tap-to-call, everything else stays escaped.
        assert_eq!(
            text("拨打12333或<b>").as_str(),
            "拨打<a href=\"tel:12333\">12333</a>或&lt;b&gt;"
        );
        assert_eq!(to_html!("{}", "12333").as_str(), "12333");
    }
}

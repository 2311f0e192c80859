//! The policy as one static HTML page, generated from rules-core at build time: for browsers without
//! WebAssembly or JavaScript, for search engines and screen readers, and the app's own policy
//! reference (the app links here). Complete without script; `policy.js` (same origin) adds a
//! keyword search and 大字模式 (the app's saved setting, and a switch). Styles inline.

use crate::parts::REVIEWED_BY;
use markup::{html, Html};
use rules_core::catalogue::{for_audience, Audience};
use rules_core::documents::{first_unexplained_lpr, LPR_EXPLAINED};
use rules_core::evaluate::Value;
use rules_core::{evaluate, Date, Facts};

const STYLE: &str = "html{font-size:112.5%}html.large-text{font-size:140.625%}\
body{font-family:system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;\
font-size:1rem;line-height:1.6;margin:0 auto;max-width:46rem;padding:1rem;color:#1a1a1a;background:#fff}\
h1{font-size:1.5rem}h2{font-size:1.3rem;border-bottom:2px solid #1d4f91;margin-top:2rem}h3{font-size:1.15rem;margin-bottom:.25rem}\
section{border:1px solid #ccc;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}blockquote{margin:.5rem 0;padding:.5rem;\
background:#f4f4f4;border-left:4px solid #888}a{color:#0b4f9c}.note{background:#fff4d6;border:1px solid #c9a227;padding:.5rem;\
border-radius:6px}dt{font-weight:bold;margin-top:.5rem}dd{margin-left:1rem}[hidden]{display:none}\
section:target{border:3px solid #1d4f91}.search{margin:1rem 0}.search input{display:block;width:100%;box-sizing:border-box;\
font-size:1.1rem;padding:.5rem;margin-top:.25rem;border:2px solid #555;border-radius:6px}\
.large-toggle{font:inherit;font-weight:600;min-height:3rem;padding:.4rem .9rem;margin:0 0 .5rem;color:#0b4f9c;\
background:#fff;border:2px solid #0b4f9c;border-radius:6px;cursor:pointer}.large-toggle[aria-pressed=true]{color:#fff;\
background:#0b4f9c}table.history{border-collapse:collapse;width:100%;font-size:.9rem;margin:.25rem 0}\
table.history caption{text-align:left;font-weight:600}table.history th,table.history td{border:1px solid #ccc;\
padding:.25rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}@media print{html,html.large-text{font-size:10.5pt}.large-toggle,.search{display:none}}";

/// The whole page as of `day`.
pub fn render(day: Date) -> String {
    let mut page = Html::new();
    let notice = rules_core::source::NOTICE.document;
    html!(
        page,
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'\">\n\
<title>重庆就业帮扶政策一览（{}）</title>\n<meta name=\"description\" content=\"{}：每项政策的申请条件、补贴标准、所需材料和办理地点。\">\n\
<link rel=\"icon\" href=\"icon.svg\" type=\"image/svg+xml\">\n<style>",
        day.chinese(),
        notice
    );
    page.raw(STYLE);
    html!(
        page,
        "</style>\n<script src=\"policy.js\"></script>\n</head>\n<body>\n<header>\n<h1>重庆就业帮扶政策一览</h1>\n\
<p>依据{}及其配套文件整理。金额为预估，最终{}。咨询电话：{}。</p>\n\
<p><a href=\"./\" data-app-link>打开自助查询：回答几个问题，看自己能享受哪些政策（需要较新的浏览器）</a></p>\n",
        notice,
        REVIEWED_BY,
        rules_core::documents::HOTLINE
    );
    if day > rules_core::source::NOTICE_END {
        html!(
            page,
            "<p class=\"note\">{}</p>\n",
            rules_core::standing::AFTER_NOTICE
        );
    }
    html!(page, "<p>{}</p>\n", rules_core::standing::policy_checked());
    page.raw("<nav aria-label=\"按对象\"><ul>\n");
    for audience in Audience::ALL {
        html!(
            page,
            "<li><a href=\"#{}\">{}</a></li>\n",
            audience.id(),
            audience.label()
        );
    }
    page.raw("</ul></nav>\n</header>\n<main>\n");
    for audience in Audience::ALL {
        page.push(&render_audience(audience, day));
    }
    html!(
        page,
        "</main>\n<footer><p>本页由程序根据政策规则自动生成（{}）。最终{} · 咨询电话 {}</p></footer>\n</body>\n</html>\n",
        day.chinese(),
        REVIEWED_BY,
        rules_core::documents::HOTLINE
    );
    page.into_string()
}

fn render_audience(audience: Audience, day: Date) -> Html {
    let facts = Facts {
        audience: Some(audience),
        ..Facts::default()
    };
    let report = evaluate(&facts, day);
    let mut page = Html::new();
    html!(
        page,
        "<div class=\"audience-group\" data-audience=\"{}\">\n<h2 id=\"{}\">{}</h2>\n<p>{}</p>\n",
        audience.id(),
        audience.id(),
        audience.label(),
        audience.hint()
    );
    for entry in for_audience(audience) {
        if let Some(benefit) = report.benefit(entry.id) {
            page.push(&render_benefit(benefit, audience, day));
        }
    }
    page.raw("</div>\n");
    page
}

/// One benefit's section (policy.html#<id>).
fn render_benefit(benefit: &rules_core::BenefitReport, audience: Audience, day: Date) -> Html {
    let mut html = Html::new();
    let id = benefit.entry.id;
    html!(
        html,
        "<section id=\"{}\" aria-labelledby=\"{}-title\">\n<h3 id=\"{}-title\">{}</h3>\n<dl>\n",
        id,
        id,
        id,
        benefit.entry.name
    );
    // A link to the benefit (policy.html#<id>, the staff's QR codes) opens on where it stands and
    // what it is worth; the conditions follow, the notice's own words fold below.
    html.push(&render_standing(benefit, day));
    html.push(&render_amount(benefit));
    html.push(&render_conditions(benefit));
    html.push(&render_documents(benefit));
    html.push(&render_apply(benefit));
    html.push(&render_sources(benefit));
    html.push(&render_history(benefit, day));
    html.raw("</dl>\n");
    if audience == Audience::Person {
        html.raw("<p><a href=\"./#/person\" data-app-link>用自助查询看看自己能不能享受</a></p>\n");
    }
    html.raw("</section>\n");
    // Each benefit is read on its own (policy.html#<id>): its first LPR is said in full.
    html.replace_found(first_unexplained_lpr, "LPR".len(), LPR_EXPLAINED);
    html
}

/// 现在能否申请: its standing on `day`, in words.
fn render_standing(benefit: &rules_core::BenefitReport, day: Date) -> Html {
    let mut html = Html::new();
    let label = benefit.standing.label();
    let summary = benefit.validity.summary(day);
    let summary = summary
        .strip_prefix(label)
        .and_then(|rest| rest.strip_prefix('：'))
        .unwrap_or(&summary);
    html!(
        html,
        "<dt>现在能否申请</dt><dd data-standing=\"{}\"><strong>{}</strong>：{}</dd>\n",
        benefit.standing.id(),
        label,
        summary
    );
    html
}

/// 补贴标准: the figure (a standard of a past year said so), its steps and note.
fn render_amount(benefit: &rules_core::BenefitReport) -> Html {
    let mut html = Html::new();
    let estimate = &benefit.estimate;
    // rules-core's one wording of the value; what the policy page adds says what a figure is.
    let amount = match &estimate.value {
        Value::Amount { .. } => format!("{}（预估）", estimate.value.text()),
        Value::UpTo { .. } => format!("{}（由区县确定）", estimate.value.text()),
        Value::NeedsAnswers { .. } => format!("{}（见计算方法）", estimate.value.text()),
        value => value.text(),
    };
    let amount = if benefit.standing == rules_core::Standing::InForce {
        amount
    } else {
        format!(
            "{}（{}，仅供参考）",
            amount,
            rules_core::standing::reference_standard(benefit.rules_on)
        )
    };
    let checking = if estimate.confidence.needs_checking() {
        "，待核实"
    } else {
        ""
    };
    html!(html, "<dt>补贴标准</dt><dd>{}{}</dd>\n", amount, checking);
    for step in &estimate.steps {
        html!(html, "<dd>{}</dd>\n", step);
    }
    if !estimate.note.is_empty() {
        html!(html, "<dd>{}</dd>\n", estimate.note);
    }
    html
}

/// 申请条件 and 政策依据, with the notice's own words folded.
fn render_conditions(benefit: &rules_core::BenefitReport) -> Html {
    let mut html = Html::new();
    html.raw("<dt>申请条件</dt><dd><ul>\n");
    for condition in benefit.conditions.iter().filter(|c| c.id != "audience") {
        html!(
            html,
            "<li>{}（{}）</li>\n",
            condition.requirement,
            condition.clause
        );
    }
    html.raw("</ul></dd>\n");
    html!(
        html,
        "<dt>政策依据</dt><dd>{}</dd>\n",
        benefit.entry.citation()
    );
    for (section, text) in rules_core::notice::clause_texts(benefit.entry.clause) {
        html!(
            html,
            "<dd><details><summary>通知原文 {}</summary><blockquote lang=\"zh-CN\" aria-label=\"通知原文 {}\">{}</blockquote></details></dd>\n",
            section,
            section,
            text
        );
    }
    html
}

/// 所需材料 (or why no list is published).
fn render_documents(benefit: &rules_core::BenefitReport) -> Html {
    let mut html = Html::new();
    let description =
        rules_core::catalogue::find(benefit.entry.id).map(rules_core::describe::benefit);
    let (documents, documents_note) = description
        .map(|d| (d.documents, d.documents_note))
        .unwrap_or_default();
    if let Some(note) = &documents_note {
        html!(html, "<dt>所需材料</dt><dd>{}</dd>\n", note);
    }
    if !documents.is_empty() {
        if documents_note.is_none() {
            html.raw("<dt>所需材料</dt>");
        }
        html.raw("<dd><ul>\n");
        for need in &documents {
            let name = need.document.map_or(need.id, |d| d.name);
            let condition = if need.only_if.is_empty() {
                String::new()
            } else {
                format!("；{}", need.only_if)
            };
            html!(
                html,
                "<li>{}（{}{}）</li>\n",
                name,
                need.form_label,
                condition
            );
        }
        html.raw("</ul></dd>\n");
    }
    html
}

/// 到哪里办: office, online, time and steps.
fn render_apply(benefit: &rules_core::BenefitReport) -> Html {
    let mut html = Html::new();
    let apply = benefit.guide().apply;
    let auto = if apply.automatic {
        format!("{}。", rules_core::documents::AUTOMATIC)
    } else {
        String::new()
    };
    html!(html, "<dt>到哪里办</dt><dd>{}{}</dd>\n", auto, apply.office);
    if !apply.online.is_empty() {
        html!(html, "<dd>网上办理：{}</dd>\n", apply.online);
    }
    html!(
        html,
        "<dd>时间：{}</dd><dd>流程：{}</dd>\n",
        apply.window,
        apply.steps
    );
    html
}

/// 依据的文件和网页, and what it cannot be held with.
fn render_sources(benefit: &rules_core::BenefitReport) -> Html {
    let mut html = Html::new();
    let estimate = &benefit.estimate;
    html.raw("<dt>依据的文件和网页</dt>\n");
    for source in &estimate.sources {
        if source.url.is_empty() {
            html!(html, "<dd>{}", source.document);
        } else {
            html!(
                html,
                "<dd><a href=\"{}\" rel=\"noreferrer\">{}</a>",
                source.url,
                source.document
            );
        }
        html!(html, "（{}）</dd>\n", source.confidence.source_line());
    }
    let alternatives: Vec<&str> = benefit
        .not_combined_with
        .iter()
        .filter_map(|id| rules_core::catalogue::find(id).map(|e| e.name))
        .collect();
    if !alternatives.is_empty() {
        html!(
            html,
            "<dt>不能同时享受</dt><dd>{}</dd>\n",
            alternatives.join("、")
        );
    }
    html
}

/// 历年标准: every dated figure the benefit's rules read, value by value with its dates, source and
/// grade (rules-core's `describe::history`, from `parameters::all()`), its standing and 核对日期.
fn render_history(benefit: &rules_core::BenefitReport, day: Date) -> Html {
    let mut html = Html::new();
    let Some(history) = rules_core::describe::history(benefit.entry.id, day) else {
        return html;
    };
    html!(
        html,
        "<dt>历年标准</dt><dd class=\"history\" data-history=\"{}\">现在：{}。核对日期：{}。",
        benefit.entry.id,
        benefit.standing.label(),
        history.checked.chinese()
    );
    if history.parameters.is_empty() {
        html.raw("这项政策的计算没有用到按日期调整的全市统一标准（见上面的补贴标准）。</dd>\n");
        return html;
    }
    html.raw("</dd>\n");
    for parameter in &history.parameters {
        html!(
            html,
            "<dd><table class=\"history\" data-parameter=\"{}\"><caption>{}</caption>\n<thead><tr><th scope=\"col\">起</th><th scope=\"col\">止</th>\
                <th scope=\"col\">标准</th><th scope=\"col\">来源</th></tr></thead>\n<tbody>\n",
            parameter.id,
            parameter.name
        );
        for row in &parameter.rows {
            let until = row
                .until
                .map_or_else(|| "至今（未查到终止）".to_string(), |d| d.chinese());
            html!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>",
                row.from.chinese(),
                until,
                row.value
            );
            if row.source.url.is_empty() {
                html!(html, "{}", row.source.document);
            } else {
                html!(
                    html,
                    "<a href=\"{}\" rel=\"noreferrer\">{}</a>",
                    row.source.url,
                    row.source.document
                );
            }
            html!(
                html,
                "（{}，{}级）",
                row.source.confidence.source_line(),
                row.grade
            );
            if !row.note.is_empty() {
                html!(html, "；{}", row.note);
            }
            html.raw("</td></tr>\n");
        }
        html.raw("</tbody></table></dd>\n");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_benefit_once_and_escapes() {
        let page = render(Date::ymd(2026, 11, 29));
        for entry in rules_core::CATALOGUE {
            assert_eq!(
                page.matches(&format!("<section id=\"{}\"", entry.id))
                    .count(),
                1,
                "{}",
                entry.id
            );
        }
        assert!(page.contains("延续情况未公布") && page.contains("政策信息核实至2026年12月1日"));
        // No wording that no source backs, outside the notice's own words (quoted as they are).
        let own_words: String = page
            .split("<blockquote")
            .map(|part| {
                part.split_once("</blockquote>")
                    .map_or(part, |(_, rest)| rest)
            })
            .collect();
        assert!(!own_words.contains("常设") && !own_words.contains("继续实施"));
        // One script, the search, from the same origin; the page is complete without it.
        assert_eq!(page.matches("<script").count(), 1);
        // Not deferred: it turns 大字模式 on before the first paint (and waits for the page itself).
        assert!(page.contains("<script src=\"policy.js\"></script>"));
        // 大字模式 from the app's setting (policy.js sets the class).
        assert!(page.contains("html.large-text{font-size:140.625%}"));
        // Plain words: where a figure comes from, what 免申即享 means, the LPR said in full.
        assert!(page.contains("（来源：政府官网）") && !page.contains("可信度"));
        assert!(page.contains(rules_core::documents::AUTOMATIC));
        let loan = page
            .split("<section id=\"startup-guaranteed-loan\"")
            .nth(1)
            .unwrap();
        let loan = loan.split("</section>").next().unwrap();
        if loan.contains("LPR") {
            assert!(loan.contains("贷款市场报价利率（LPR）"), "{loan}");
        }
        assert!(page.contains("script-src 'self'"));
    }

    /// Issue 26: a link to a benefit opens on its standing and figure, the notice's words folded
    /// below; no label is said twice.
    #[test]
    fn a_benefit_opens_on_its_standing_and_figure() {
        for day in [Date::ymd(2025, 6, 1), Date::ymd(2026, 12, 7)] {
            let page = render(day);
            for label in ["现行有效", "延续情况未公布", "已结束"] {
                assert!(!page.contains(&format!("{label}：{label}：")), "{label}");
            }
            for entry in rules_core::CATALOGUE {
                let section = page
                    .split(&format!("<section id=\"{}\"", entry.id))
                    .nth(1)
                    .and_then(|rest| rest.split("</section>").next())
                    .unwrap_or_default();
                let dts: Vec<&str> = section
                    .split("<dt>")
                    .skip(1)
                    .filter_map(|dt| dt.split("</dt>").next())
                    .collect();
                assert_eq!(dts.first(), Some(&"现在能否申请"), "{}", entry.id);
                assert_eq!(dts.get(1), Some(&"补贴标准"), "{}", entry.id);
                let quote = section.find("<blockquote").unwrap_or(section.len());
                assert!(section.find("现在能否申请") < Some(quote), "{}", entry.id);
                assert_eq!(
                    section.matches("<blockquote").count(),
                    section.matches("<details><summary>通知原文").count(),
                    "{}: the notice's words are folded",
                    entry.id
                );
            }
        }
    }

    /// Issue 29: each benefit's 历年标准 lists every parameter its rules read, every value with its
    /// dates and source, from `parameters::all()`; and the 材料清单未公布 note where no list is published.
    #[test]
    fn every_parameter_appears_with_its_sources_in_its_benefits_history() {
        let page = render(Date::ymd(2026, 12, 1));
        let section = |id: &str| -> String {
            let rest = page
                .split(&format!("<section id=\"{id}\""))
                .nth(1)
                .unwrap_or_else(|| panic!("{id}"));
            rest.split("</section>").next().unwrap().to_string()
        };
        for parameter in rules_core::parameters::all() {
            assert!(!parameter.benefits.is_empty(), "{}", parameter.id);
            for benefit in parameter.benefits {
                let section = section(benefit);
                let table = section
                    .split(&format!("data-parameter=\"{}\"", parameter.id))
                    .nth(1)
                    .unwrap_or_else(|| panic!("{} not in {benefit}", parameter.id));
                let table = table.split("</table>").next().unwrap();
                assert_eq!(
                    table.matches("<tr><td>").count(),
                    parameter.values.len(),
                    "{}",
                    parameter.id
                );
                for value in parameter.values {
                    let row = format!("<tr><td>{}</td>", value.from.chinese());
                    let row = table
                        .split(&row)
                        .nth(1)
                        .unwrap_or_else(|| panic!("{} {:?}", parameter.id, value.from));
                    let row = row.split("</tr>").next().unwrap();
                    let mut document = Html::new();
                    document.text(value.source.document);
                    assert!(row.contains(document.as_str()), "{}: {row}", parameter.id);
                    assert!(row.contains(&format!("{}级", value.source.confidence.letter())));
                }
            }
        }
        for id in [
            "startup-guaranteed-loan",
            "job-search-subsidy",
            "hiring-subsidy",
        ] {
            let section = section(id);
            assert!(section.contains("历年标准") && section.contains("核对日期：2026年12月1日"));
        }
        // The LPR's first fixing holds until the day before the next; the last is open.
        let loan = section("startup-guaranteed-loan");
        assert!(
            loan.contains("<tr><td>2020年4月20日</td><td>2021年12月19日</td><td>3.85%</td>"),
            "{loan}"
        );
        assert!(section("graduate-job-search-subsidy").contains("材料清单未公布"));
        assert!(section("rural-public-welfare-post").contains("材料清单未公布"));
    }
}

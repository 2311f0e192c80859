//! Export: the estimate table as CSV (UTF-8 with a byte-order mark, so Excel on Windows reads the
//! Chinese correctly), downloaded through a Blob URL; printing uses the print stylesheet.

use super::estimate::{per_head_unit, relevant, total_parts, total_text, totals};
use rules_core::choices::OrgKind;
use rules_core::evaluate::Report;
use rules_core::money::format_yuan;
use rules_core::Audience;
use wasm_bindgen::prelude::*;

/// The downloaded file's name.
pub const CSV_NAME: &str = "单位补贴预估.csv";

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn line(out: &mut String, fields: &[&str]) {
    let row: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// The estimate table as CSV text, BOM first. Columns: 政策, 状态, 人员类别, 人数, 符合条件人数,
/// 每人标准, 小计, 尚需条件, then the totals (预估), each in its own unit.
pub fn csv(report: &Report, audience: Audience, kind: Option<OrgKind>, title: &str) -> String {
    let mut out = String::from("\u{feff}");
    line(&mut out, &[title]);
    line(
        &mut out,
        &[&format!(
            concat!(
                "按 {} 的政策计算；金额均为预估，",
                rules_core::reviewed_by!()
            ),
            report.as_of
        )],
    );
    line(
        &mut out,
        &[
            "政策",
            "状态",
            "人员类别",
            "人数",
            "符合条件人数",
            "每人标准",
            "小计（元）",
            "预估金额",
            "尚需条件或说明",
        ],
    );
    for b in relevant(report, audience, kind) {
        let status = b.status.label();
        let value = b.estimate.value.text();
        if b.estimate.breakdown.is_empty() {
            line(
                &mut out,
                &[
                    b.entry.name,
                    status,
                    "",
                    "",
                    "",
                    "",
                    "",
                    &value,
                    &b.estimate.note,
                ],
            );
            continue;
        }
        let unit = per_head_unit(&b.estimate.value);
        for g in &b.estimate.breakdown {
            let (per_head, subtotal, said) = if g.unpriced.is_empty() {
                (
                    format!("{} {unit}", format_yuan(g.per_head)),
                    format_yuan(g.subtotal),
                    g.still_needed.clone(),
                )
            } else {
                (String::new(), String::new(), g.unpriced.clone())
            };
            line(
                &mut out,
                &[
                    b.entry.name,
                    status,
                    &format!("第{}组 {}", g.row, g.group),
                    &g.heads.to_string(),
                    &g.qualifying.to_string(),
                    &per_head,
                    &subtotal,
                    "",
                    &said,
                ],
            );
        }
        line(
            &mut out,
            &[
                b.entry.name,
                status,
                "合计",
                "",
                "",
                "",
                "",
                &value,
                &b.estimate.note,
            ],
        );
    }
    let t = totals(report, audience);
    for total in &t.totals {
        line(
            &mut out,
            &[
                &format!("预估{}", total.label),
                "",
                "",
                "",
                "",
                "",
                &format_yuan(total.amount),
                &total_text(total),
                &total_parts(total),
            ],
        );
    }
    for left in &t.left_out {
        line(&mut out, &[&rules_core::totals::left_out_line(left)]);
    }
    out
}

/// Offers `text` as a CSV download. `Err` with a sentence for the user when the browser refuses.
pub fn download(text: &str, name: &str) -> Result<(), String> {
    crate::download::offer(&JsValue::from_str(text), name, "text/csv;charset=utf-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules_core::{evaluate, Date};

    #[test]
    fn csv_has_a_bom_the_groups_and_separate_totals() {
        let report = evaluate(
            &super::super::estimate::tests_support::enterprise(),
            Date::ymd(2025, 7, 1),
        );
        let text = csv(&report, Audience::Employer, None, "测算");
        assert!(text.starts_with('\u{feff}'));
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines.iter().any(|l| l.starts_with(
                "一次性吸纳就业补贴,可以申请,第1组 脱贫人口（含监测对象）,4,4,6000 元/人,24000,"
            )),
            "{text}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains("第2组") && l.contains("再缴纳 2 个月后可申请")),
            "{text}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("预估一次性补贴、奖补合计,,,,,,30000,30000 元,")),
            "{text}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("预估每年补贴合计,,,,,,36000,36000 元/年,")),
            "{text}"
        );
        assert_eq!(field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }
}

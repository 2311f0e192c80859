//! The list screen's parts written as HTML text (a long list's tables as one text each, not a
//! component per cell): how the list was read, the per-benefit summary, the cells not read, and the
//! printed "what to bring" sheets.

use crate::format::{answer_text, is_amount, status_mark};
use lists::screen::{claimable, shown, List};
use markup::{html, Html};
use rules_core::checklist::merge_for;
use rules_core::questions::wording;
use rules_core::sheet::{self, Field, Tally, COUNTED, LAST_DAY_COUNTED};
use rules_core::{evaluate_person, Date, Status};

/// The summary table: per benefit, people by status, the answer most often missing, and for a
/// benefit no longer in force, people by the rules of its last day.
pub fn summary_html(tally: &Tally) -> Html {
    let mut h = Html::new();
    h.raw("<table id=\"batch-summary\"><thead><tr><th scope=\"col\">政策</th>");
    for status in COUNTED {
        html!(
            h,
            "<th scope=\"col\">{} {}</th>",
            status_mark(status),
            status.label()
        );
        if status == Status::NeedsAnswers {
            h.raw("<th scope=\"col\">缺得最多的回答</th>");
        }
    }
    let days: Vec<Date> = tally
        .benefits
        .iter()
        .filter_map(|b| b.last_day.map(|(_, d)| d))
        .collect();
    let last_day_header = match days.first() {
        Some(first) if days.iter().all(|d| d == first) => {
            Some(format!("按{}的规定", first.chinese()))
        }
        Some(_) => Some("按各项政策最后一天的规定".to_string()),
        None => None,
    };
    if let Some(title) = &last_day_header {
        html!(h, "<th scope=\"col\" id=\"batch-last-day\">{}</th>", title);
    }
    h.raw("</tr></thead><tbody>");
    for b in &tally.benefits {
        html!(
            h,
            "<tr data-benefit=\"{}\"><th scope=\"row\">{}</th>",
            b.id,
            b.name
        );
        for (status, count) in COUNTED.iter().zip(b.counts) {
            // data-label: the column's name, shown beside the figure where the table is stacked
            // (phone width).
            html!(
                h,
                "<td data-status=\"{}\" data-label=\"{}\">{}</td>",
                *status.id(),
                status.label(),
                count
            );
            if *status == Status::NeedsAnswers {
                let most: Vec<String> = b
                    .first_asks
                    .iter()
                    .take(2)
                    .map(|(q, n)| format!("{}（{n} 人）", wording(*q).text))
                    .collect();
                html!(
                    h,
                    "<td class=\"asks\" data-label=\"缺得最多的回答\">{}</td>",
                    most.join("；")
                );
            }
        }
        if let Some(title) = &last_day_header {
            match b.last_day {
                Some((counts, _)) => {
                    html!(h, "<td class=\"last-day\" data-label=\"{}\">", title);
                    for (status, count) in LAST_DAY_COUNTED.iter().zip(counts) {
                        html!(
                            h,
                            "<span data-last-day=\"{}\">{} {} {}</span> ",
                            *status.id(),
                            status_mark(*status),
                            status.label(),
                            count
                        );
                    }
                    h.raw("</td>");
                }
                None => {
                    html!(h, "<td data-label=\"{}\">—</td>", title);
                }
            }
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table>");
    h
}

/// At most this many problems are listed on the page; all are in the export.
pub const SHOWN_PROBLEMS: usize = 200;

pub fn problems_html(batch: &List) -> (usize, Html) {
    let mut count = 0;
    let mut h = Html::new();
    for (row, outcome) in batch.outcomes.iter().enumerate() {
        for (column, message) in &outcome.problems {
            count += 1;
            if count > SHOWN_PROBLEMS {
                continue;
            }
            let place = match column {
                Some(c) => format!("{}，{}", batch.name_of(row), batch.column_name(*c)),
                None => batch.name_of(row),
            };
            html!(h, "<li>{}：{}</li>", place, message);
        }
    }
    (count, h)
}

/// The "what to bring" sheets of the people who can claim money or are leads, one per page.
pub fn sheets_html(batch: &List) -> (usize, Html) {
    let mut h = Html::new();
    let Some(day) = batch.day else {
        return (0, h);
    };
    let mut people = 0;
    for (row, ((_, cells), outcome)) in batch.rows.iter().zip(&batch.outcomes).enumerate() {
        if !outcome.claimable {
            continue;
        }
        people += 1;
        let (facts, _) = sheet::read_row(&batch.uses, cells, day);
        let report = evaluate_person(&facts, day);
        let lines = sheet::lines(&report);
        let chosen: Vec<&str> = lines
            .iter()
            .filter(|l| claimable(l))
            .map(|l| l.id)
            .collect();
        let describe = |wanted: Status| -> Vec<String> {
            report
                .benefits
                .iter()
                .filter(|b| chosen.contains(&b.entry.id) && b.status == wanted)
                .map(|b| {
                    let figure = b.estimate.value.text();
                    if is_amount(&b.estimate.value) {
                        format!("{}（预估 {figure}）", b.entry.name)
                    } else {
                        format!("{}（{figure}）", b.entry.name)
                    }
                })
                .collect()
        };
        let now = describe(Status::Eligible);
        let leads = describe(Status::ContinuationUnknown);
        let checklist = merge_for(&report, &facts, &chosen);
        html!(
            h,
            "<section class=\"bring-sheet\"><h2>申请材料清单：{}</h2>",
            batch.name_of(row)
        );
        if !now.is_empty() {
            html!(
                h,
                "<p>按 {} 的政策，可以申请：{}</p>",
                day.chinese(),
                now.join("、")
            );
        }
        if !leads.is_empty() {
            html!(
                h,
                "<p>{}：{}</p>",
                Status::ContinuationUnknown.label(),
                leads.join("、")
            );
        }
        html!(h, "<pre>{}</pre></section>", checklist.to_plain_text());
    }
    (people, h)
}

/// "How your list was read": the header row, the rows left out and why, the readers' notes, and
/// for the first people each read column's cell beside the answers it became.
pub fn read_report_html(batch: &List, day: Date) -> Html {
    let mut h = Html::new();
    html!(
        h,
        "<p id=\"batch-header-line\">第 {} 行是列名；读取了 {} 人。</p>",
        batch.header_line,
        batch.rows.len()
    );
    let mut reasons: Vec<(&str, Vec<usize>)> = Vec::new();
    for (line, why) in &batch.left_out {
        match reasons.iter_mut().find(|(w, _)| w == why) {
            Some((_, lines)) => lines.push(*line),
            None => reasons.push((why, vec![*line])),
        }
    }
    if !batch.left_out.is_empty() || !batch.notes.is_empty() {
        h.raw("<ul id=\"batch-left-out\">");
        for (why, lines) in &reasons {
            let shown: Vec<String> = lines.iter().take(12).map(usize::to_string).collect();
            let more = if lines.len() > 12 {
                format!(" 等 {} 行", lines.len())
            } else {
                String::new()
            };
            html!(h, "<li>第 {} 行{}：{}</li>", shown.join("、"), more, *why);
        }
        for note in &batch.notes {
            html!(h, "<li>{}</li>", note);
        }
        h.raw("</ul>");
    }
    let read: Vec<usize> = (0..batch.uses.len())
        .filter(|c| batch.uses[*c].is_some_and(|f| f != Field::Name))
        .collect();
    if read.is_empty() {
        h.raw("<p class=\"banner warning\" id=\"batch-none-read\">没有哪一列对应到问题，无法筛查。请在下面为各列选择对应的问题。</p>");
        return h;
    }
    h.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"前几行的读取结果\"><table id=\"batch-preview\"><thead><tr>\
        <th scope=\"col\">人员</th><th scope=\"col\">列</th><th scope=\"col\">格子里写的</th><th scope=\"col\">读成的回答</th></tr></thead><tbody>");
    for (row, (_, cells)) in batch.rows.iter().enumerate().take(3) {
        // The whole row is read (a 务工地点 needs the 户籍 district), then each column shows the
        // answers its field gives and its own problems.
        let (facts, row_problems) = sheet::read_row(&batch.uses, cells, day);
        for column in &read {
            let text = cells.get(*column).map_or("", |c| c.text.trim());
            let problems = row_problems.iter().filter(|p| p.column == *column).cloned();
            let mut answers: Vec<String> = batch.uses[*column]
                .map(Field::answers)
                .unwrap_or_default()
                .iter()
                .filter_map(|q| {
                    let answer = facts.get(*q)?;
                    Some(format!(
                        "{}：{}",
                        wording(*q).text,
                        answer_text(*q, &answer, day)
                    ))
                })
                .collect();
            if text.is_empty() {
                answers.clear();
            }
            answers.extend(
                problems
                    .into_iter()
                    .map(|p| format!("未读取：{}", p.message)),
            );
            let cell = if batch.hidden_column(*column) && !text.is_empty() {
                "（身份证号码，不显示）".to_string()
            } else {
                shown(text)
            };
            html!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                batch.name_of(row),
                batch.column_name(*column),
                cell,
                if answers.is_empty() {
                    "（空，按不清楚处理）".to_string()
                } else {
                    answers.join("；")
                }
            );
        }
    }
    h.raw("</tbody></table></div>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use lists::csv;
    use lists::screen::{column_problems, export_rows, screen, table};
    use lists::xlsx::{self, Cell, Rows};

    fn texts(rows: Vec<Vec<Cell>>) -> Vec<Vec<String>> {
        rows.into_iter()
            .map(|r| r.into_iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    fn rows(lines: &[&[&str]]) -> Rows {
        lines
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 1, r.iter().map(|c| Cell::text(c)).collect()))
            .collect()
    }

    /// The list through the pipeline: read, screened on `day`.
    fn screened(lines: &[&[&str]], day: Date) -> List {
        let mut b = table(rows(lines), Vec::new()).expect("a list");
        b.screen_all(day);
        b
    }

    #[test]
    fn the_export_adds_three_columns_per_benefit_and_the_problems() {
        let b = screened(
            &[
                &["巫溪县2026年脱贫人口就业帮扶台账"],
                &["序号", "姓名", "年龄", "人员类别"],
                &["1", "张三", "四十", "脱贫户"],
                &["2", "李四", "400", ""],
                &["填表人：王五"],
            ],
            Date::ymd(2025, 6, 20),
        );
        assert_eq!(b.header_line, 2);
        assert_eq!(
            b.rows.len(),
            2,
            "the title and the 填表人 line are not people"
        );
        assert_eq!(b.left_out.iter().map(|l| l.0).collect::<Vec<_>>(), [1, 5]);
        let rows = texts(export_rows(&b));
        let benefits = b.tally.benefits.len();
        assert_eq!(
            rows[0].len(),
            4 + 3 * benefits + 1,
            "no benefit has ended in 2025"
        );
        assert!(rows[0][4].ends_with("：状态"));
        assert!(
            rows[1].last().is_some_and(|p| p.contains("第 3 列“年龄”")),
            "{:?}",
            rows[1].last()
        );
        assert!(
            rows[2].last().is_some_and(|p| p.contains("400")),
            "{:?}",
            rows[2].last()
        );
        let (count, html) = problems_html(&b);
        assert_eq!(count, 2);
        assert!(html.contains("第 3 行 张三"));
        assert!(summary_html(&b.tally).contains("data-status=\"eligible\""));
        assert_eq!(b.name_of(1), "第 4 行 李四");
        assert_eq!(column_problems(&b), [(2, 2)]);
    }

    /// After 2025 each ended or unconfirmed benefit gets a column with the rules of its last day,
    /// equal to each person's `status_on_last_day`, and the summary counts them.
    #[test]
    fn the_last_days_rules_are_a_column_and_a_summary_count() {
        let day = Date::ymd(2026, 3, 1);
        let b = screened(
            &[
                &["姓名", "人员类别", "户籍所在区县", "务工地点", "就业状态"],
                &["张三", "脱贫户", "巫溪县", "广东", "已就业"],
                &["李四", "一般农户", "巫溪县", "县内", "未就业"],
            ],
            day,
        );
        let rows = texts(export_rows(&b));
        let header = &rows[0];
        let mut checked = 0;
        for benefit in &b.tally.benefits {
            let Some((_, last)) = benefit.last_day else {
                continue;
            };
            let title = format!("{}：按{}的规定", benefit.name, last.chinese());
            let column = header.iter().position(|h| *h == title).expect("a column");
            for (row, (_, cells)) in b.rows.iter().enumerate() {
                let (facts, _) = sheet::read_row(&b.uses, cells, day);
                let report = evaluate_person(&facts, day);
                let expected = report
                    .benefits
                    .iter()
                    .find(|r| r.entry.id == benefit.id)
                    .and_then(|r| r.status_on_last_day)
                    .map(|s| s.label().to_string())
                    .unwrap_or_default();
                assert_eq!(rows[row + 1][column], expected, "{}", benefit.id);
                checked += 1;
            }
        }
        assert!(checked >= 12, "{checked}");
        assert!(summary_html(&b.tally).contains("batch-last-day"));
    }

    #[test]
    fn the_read_report_names_the_header_the_rows_left_out_and_hides_id_numbers() {
        let b = table(
            rows(&[
                &["某某台账"],
                &["序号", "姓名", "身份证号码", "人员类别"],
                &["1", "张三", "11010519491231002X", "监测对象"],
                &["2", "", "", ""],
                &["审核人：李四"],
            ]),
            vec!["一条说明".to_string()],
        )
        .expect("a list");
        let html = read_report_html(&b, Date::ymd(2025, 6, 20)).into_string();
        assert!(html.contains("第 2 行是列名"), "{html}");
        assert!(html.contains("第 1 行：在列名行之上"), "{html}");
        assert!(html.contains("只有序号"), "{html}");
        assert!(html.contains("审核人"), "{html}");
        assert!(html.contains("一条说明"), "{html}");
        assert!(html.contains("您今年多少周岁？：75"), "{html}");
        // Each column shows what the whole row gives it: a 务工地点 in the 户籍 district.
        let places = table(
            rows(&[
                &["姓名", "户籍所在区县", "务工地点"],
                &["张三", "巫溪县", "巫溪县"],
            ]),
            Vec::new(),
        )
        .expect("a list");
        let shown = read_report_html(&places, Date::ymd(2025, 6, 20)).into_string();
        assert!(shown.contains("户籍所在区县内"), "{shown}");
        assert!(!shown.contains("未读取"), "{shown}");
        assert!(!html.contains("11010519491231002X"), "{html}");
        assert!(html.contains("不显示"));
        // A list whose columns answer nothing is not screened.
        let names = table(rows(&[&["姓名", "备注"], &["张三", "x"]]), Vec::new()).expect("a list");
        assert!(!sheet::reads_any(&names.uses));
        assert!(read_report_html(&names, Date::ymd(2025, 6, 20))
            .into_string()
            .contains("batch-none-read"));
    }

    #[test]
    fn printed_sheets_are_for_money_and_leads_only() {
        let b = screened(
            &[&["姓名", "人员类别", "年龄"], &["张三", "一般农户", "30"]],
            Date::ymd(2025, 6, 20),
        );
        let (people, _) = sheets_html(&b);
        let lines = screen(&b.uses, &b.rows[0].1, Date::ymd(2025, 6, 20)).lines;
        let expected = lines.iter().any(claimable);
        assert_eq!(b.outcomes[0].claimable, expected);
        assert_eq!(people, usize::from(expected));
        assert!(lines
            .iter()
            .filter(|l| l.status == Status::Eligible && !is_amount(&l.value))
            .all(|l| !claimable(l)));
    }

    #[test]
    fn empty_and_header_only_lists_are_explained() {
        assert!(table(Vec::new(), Vec::new())
            .err()
            .unwrap_or_default()
            .contains("空"));
        assert!(table(rows(&[&["姓名"]]), Vec::new())
            .err()
            .unwrap_or_default()
            .contains("没有读到人员"));
    }

    /// The office register of `tests/examples/register/` (written by openpyxl with
    /// `tests/e2e/lib/register.py`: a merged title, a blank row, office headers, 300 people, a 填表人
    /// line, the list on its second sheet; the same as CSV): every person's answers read from it equal
    /// the answers a person typing the same facts gives (`facts.jsonl`), so their statuses are those
    /// of `evaluate_person` on those answers, as the e2e suite checks against `subsidy-check`.
    #[test]
    fn an_office_register_reads_as_the_typed_answers() {
        let day = Date::ymd(2026, 3, 1);
        let typed: Vec<rules_core::Facts> =
            include_str!("../../../tests/examples/register/facts.jsonl")
                .lines()
                .map(|l| serde_json::from_str(l).expect("answers"))
                .collect();
        let book = xlsx::read(
            include_bytes!("../../../tests/examples/register/register.xlsx"),
            Some("2026年台账"),
        )
        .expect("a workbook");
        let first = xlsx::read(
            include_bytes!("../../../tests/examples/register/register.xlsx"),
            None,
        )
        .expect("a workbook");
        assert_eq!(first.sheets[first.chosen].name, "填表说明");
        assert!(
            table(first.rows, first.notes).is_err(),
            "the notes sheet is no list"
        );
        let csv = csv::parse(include_str!(
            "../../../tests/examples/register/register-utf8.csv"
        ))
        .expect("CSV");
        for (what, (rows, notes)) in [("xlsx", (book.rows, book.notes)), ("csv", csv)] {
            let b = table(rows, notes).expect("a list");
            assert_eq!(b.header_line, 3, "{what}");
            assert_eq!(b.rows.len(), typed.len(), "{what}");
            assert_eq!(b.left_out.len(), 2, "{what}: the title and the 填表人 line");
            assert_eq!(b.uses[0], None, "{what}: 序号");
            for (i, (_, cells)) in b.rows.iter().enumerate() {
                let (facts, _) = sheet::read_row(&b.uses, cells, day);
                assert_eq!(facts, typed[i], "{what} person {}", i + 1);
                let outcome = screen(&b.uses, cells, day);
                assert_eq!(
                    outcome.lines,
                    sheet::lines(&evaluate_person(&typed[i], day)),
                    "{what} person {}",
                    i + 1
                );
            }
        }
    }
}

//! The files the list screen offers as downloads besides the exports: the template workbook.

use lists::xlsx::{self, Cell};
use rules_core::input::DATE_EXAMPLE;
use rules_core::questions::{options, wording};
use rules_core::sheet;
use rules_core::Date;

/// Offers `bytes` as a file download, handed to the browser 1 MB at a time.
pub fn download(bytes: &[u8], name: &str, mime: &str) -> Result<(), String> {
    let pieces = crate::download::Pieces::default();
    pieces.push(bytes);
    pieces.offer(name, mime)
}

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The template: the header row is every person question's wording; a second sheet says how to
/// fill each column.
pub fn template(day: Date) -> Vec<u8> {
    let header: Vec<String> = sheet::template_header()
        .into_iter()
        .map(str::to_string)
        .collect();
    let mut help = vec![vec![
        "列名（问题）".to_string(),
        "怎么填".to_string(),
        "可以填写".to_string(),
    ]];
    for q in sheet::person_questions() {
        let words = wording(q);
        let accepted = match q.kind() {
            rules_core::facts::AnswerKind::YesNo => "是 / 否（不清楚的留空）".to_string(),
            rules_core::facts::AnswerKind::Date => format!("日期，例如 {DATE_EXAMPLE}"),
            rules_core::facts::AnswerKind::Money => "金额（元），例如 1500".to_string(),
            rules_core::facts::AnswerKind::Count => "整数".to_string(),
            _ => options(q, day)
                .iter()
                .map(|o| o.label)
                .collect::<Vec<_>>()
                .join(" / "),
        };
        help.push(vec![
            words.text.to_string(),
            words.help.to_string(),
            accepted,
        ]);
    }
    let cells = |rows: Vec<Vec<String>>| -> Vec<Vec<Cell>> {
        rows.iter()
            .map(|r| r.iter().map(|c| Cell::text(c)).collect())
            .collect()
    };
    xlsx::write(&[
        xlsx::Sheet {
            name: "名单",
            rows: &cells(vec![header]),
        },
        xlsx::Sheet {
            name: "填写说明",
            rows: &cells(help),
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_reads_back_as_every_question() {
        let bytes = template(Date::ymd(2025, 6, 20));
        let book = xlsx::read(&bytes, None).expect("reads");
        let header = &book.rows[0].1;
        assert_eq!(header.len(), sheet::person_questions().count());
        for (q, h) in sheet::person_questions().zip(header) {
            assert_eq!(sheet::match_header(h), Some(q));
        }
    }
}

//! CSV and pasted spreadsheet text: which encoding a file is in, its rows (RFC 4180 quoting, comma
//! or tab), and the export's CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese).

use super::xlsx::Rows;

/// How a file's bytes were read, in the words the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// GBK (GB18030), what Excel on Chinese Windows saves as CSV.
    Gbk,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16 => "UTF-16（Unicode 文本）",
            Encoding::Gbk => "GBK（中文版 Excel 默认保存的编码）",
        }
    }
}

/// The encoding of `bytes`: a byte-order mark says UTF-8 or UTF-16; text that is valid UTF-8 is
/// UTF-8; anything else is taken as GBK (a GBK file is almost never valid UTF-8).
pub fn sniff(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Encoding::Utf16
    } else if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Gbk
    }
}

/// The rows of delimited text, each with the line it starts on (1-based). The delimiter is a tab
/// when the first line has tabs (text copied from a spreadsheet), a comma otherwise. Blank rows are
/// left out; quotes may hold commas, tabs and line breaks.
pub fn parse(text: &str) -> Rows {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches('\t').count() >= first.matches(',').count().max(1) {
        '\t'
    } else {
        ','
    };
    let mut rows: Rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut row_line = 1;
    let mut chars = text.chars().peekable();
    let mut end_row = |row: &mut Vec<String>, field: &mut String, row_line: usize| {
        row.push(std::mem::take(field));
        let cells = std::mem::take(row);
        if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push((row_line, cells));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            '"' if field.is_empty() => quoted = true,
            '\n' | '\r' if !quoted => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_row(&mut row, &mut field, row_line);
                line += 1;
                row_line = line;
            }
            c if c == delimiter && !quoted => row.push(std::mem::take(&mut field)),
            c => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        end_row(&mut row, &mut field, row_line);
    }
    rows
}

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Rows as CSV text, byte-order mark first, lines ended by CRLF (Excel's own form).
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_line_breaks_and_blank_rows() {
        let rows = parse("\u{feff}姓名,年龄,备注\r\n张三,45,\"有逗号,和\"\"引号\"\"\"\r\n\r\n李四,,\"两\n行\"\n王五,30");
        assert_eq!(rows.len(), 4);
        assert_eq!(
            rows[0],
            (1, vec!["姓名".into(), "年龄".into(), "备注".into()])
        );
        assert_eq!(rows[1].1[2], "有逗号,和\"引号\"");
        assert_eq!(
            rows[2],
            (4, vec!["李四".into(), String::new(), "两\n行".into()])
        );
        assert_eq!(rows[3], (6, vec!["王五".into(), "30".into()]));
        assert_eq!(parse("a,b\nc,d\ne,f\n")[2].0, 3);
        let written = write(&[vec!["a,b".into(), "c\"d".into()], vec!["中文".into()]]);
        assert_eq!(written, "\u{feff}\"a,b\",\"c\"\"d\"\r\n中文\r\n");
        assert_eq!(parse(&written)[0].1, ["a,b", "c\"d"]);
    }

    #[test]
    fn pasted_cells_are_tab_separated() {
        let rows = parse("姓名\t年龄\n张三\t45,5\n");
        assert_eq!(rows[1].1, ["张三", "45,5"]);
        assert!(parse("").is_empty());
        assert!(parse("\n\n ,\n").is_empty());
    }

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(sniff("姓名".as_bytes()), Encoding::Utf8);
        // 姓名 in GBK.
        assert_eq!(sniff(&[0xD0, 0xD5, 0xC3, 0xFB]), Encoding::Gbk);
        assert_eq!(sniff(&[0xFF, 0xFE, 0x53, 0x59]), Encoding::Utf16);
    }
}

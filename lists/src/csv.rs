//! CSV and pasted spreadsheet text: which encoding a file is in, its rows (RFC 4180 quoting; comma,
//! tab or semicolon), and the export's CSV (UTF-8 with a byte-order mark, so Excel reads the
//! Chinese; cells a spreadsheet would run as formulas written as text).

use crate::xlsx::{Cell, Collector, Rows};
use rules_core::sheet::Stored;

/// How a file's bytes were read, in the words the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-16 with its byte-order mark, little-endian (Excel's “Unicode 文本”).
    Utf16Le,
    /// UTF-16 with a big-endian byte-order mark.
    Utf16Be,
    /// GBK (GB18030), what Excel on Chinese Windows saves as CSV.
    Gbk,
}

impl Encoding {
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16（Unicode 文本）",
            Encoding::Utf16Be => "UTF-16 大端序（UTF-16BE）",
            Encoding::Gbk => "GBK（中文版 Excel 默认保存的编码）",
        }
    }

    /// The name the browser's `TextDecoder` knows it by.
    pub fn decoder(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Gbk => "gbk",
        }
    }
}

/// The encoding of `bytes`: a byte-order mark says UTF-8 or UTF-16 (and which byte order); text
/// that is valid UTF-8 is UTF-8; anything else is taken as GBK (a GBK file is almost never valid
/// UTF-8).
pub fn sniff(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        Encoding::Utf16Le
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Encoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        Encoding::Utf8
    } else {
        Encoding::Gbk
    }
}

/// [`sniff`] on the first slice of a longer file, which may end inside a character: a UTF-8
/// sequence cut at the slice's end still counts as UTF-8.
pub fn sniff_start(bytes: &[u8]) -> Encoding {
    match sniff(bytes) {
        Encoding::Gbk => match std::str::from_utf8(bytes) {
            Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => {
                Encoding::Utf8
            }
            _ => Encoding::Gbk,
        },
        other => other,
    }
}

/// The delimiter of delimited text: the one of tab, comma and semicolon found most in the first
/// lines (a tab on a tie: text copied from a spreadsheet), and a note when it is not a comma or a
/// tab.
fn delimiter(text: &str) -> (char, Option<String>) {
    let head: Vec<&str> = text.lines().take(10).collect();
    let count = |d: char| head.iter().map(|l| l.matches(d).count()).sum::<usize>();
    let (tabs, commas, semicolons) = (count('\t'), count(','), count(';'));
    if tabs >= commas.max(1) && tabs >= semicolons {
        ('\t', None)
    } else if semicolons > commas {
        (
            ';',
            Some("这份 CSV 用分号（;）分隔各列，已按分号读取。".to_string()),
        )
    } else {
        (',', None)
    }
}

/// The rows of delimited text, each with the line it starts on (1-based), within the list limits
/// ([`Collector`]), and notes on what was left out or how it was read. Blank rows are left out;
/// quotes may hold delimiters and line breaks; a quote that never closes is refused (it would
/// swallow the rest of the file into one cell). Each field that is a plain number is a number
/// ([`Stored::of_field`]).
pub fn parse(text: &str) -> Result<(Rows, Vec<String>), String> {
    parse_with(text, crate::xlsx::MAX_ROWS)
}

/// [`parse`] taking at most `max_rows` rows.
pub fn parse_with(text: &str, max_rows: usize) -> Result<(Rows, Vec<String>), String> {
    let mut reader = Reader::new(Collector::with_max_rows(max_rows));
    reader.feed(text);
    reader.finish()
}

/// Delimited text read in pieces (a file read in slices, the command line's stream): the same rows
/// and notes as [`parse`] on the whole text, wherever the pieces are cut. The rows gather in
/// [`Reader::collector`], from which a stream takes them as they come.
pub struct Reader {
    pub collector: Collector,
    /// The text before the delimiter is known (the first lines decide it).
    start: String,
    started: bool,
    delimiter: char,
    row: Vec<Cell>,
    field: String,
    quoted: bool,
    /// A quote inside quotes was the last character: the next says whether it was doubled.
    quote_pending: bool,
    /// A carriage return ended the last row: a line feed right after it belongs to it.
    cr_pending: bool,
    line: usize,
    row_line: usize,
    quote_line: usize,
}

impl Reader {
    pub fn new(collector: Collector) -> Reader {
        Reader {
            collector,
            start: String::new(),
            started: false,
            delimiter: ',',
            row: Vec::new(),
            field: String::new(),
            quoted: false,
            quote_pending: false,
            cr_pending: false,
            line: 1,
            row_line: 1,
            quote_line: 0,
        }
    }

    /// Whether no more rows are taken (a limit was reached): the rest of a file need not be read.
    pub fn full(&self) -> bool {
        self.collector.full()
    }

    /// Reads the next piece of the text.
    pub fn feed(&mut self, text: &str) {
        if self.started {
            self.run(text);
            return;
        }
        self.start.push_str(text);
        // The delimiter is decided on the first 10 lines (all of a shorter text, at the end).
        if self.start.matches('\n').count() > 10 || self.start.len() > 4 * 1024 * 1024 {
            self.begin();
        }
    }

    fn begin(&mut self) {
        self.started = true;
        let start = std::mem::take(&mut self.start);
        let text = start.strip_prefix('\u{feff}').unwrap_or(&start);
        let (delimiter, note) = delimiter(text);
        self.delimiter = delimiter;
        self.collector.notes.extend(note);
        self.run(text);
    }

    fn end_field(&mut self) {
        let text = match self.collector.cut(&self.field) {
            Some(cut) => cut,
            None => std::mem::take(&mut self.field),
        };
        self.field.clear();
        let column = self.row.len();
        self.collector.put(
            &mut self.row,
            column,
            Cell::new(&text, Stored::of_field(&text)),
        );
    }

    fn run(&mut self, text: &str) {
        for c in text.chars() {
            if self.collector.full() {
                return;
            }
            if std::mem::take(&mut self.cr_pending) && c == '\n' {
                continue;
            }
            if std::mem::take(&mut self.quote_pending) {
                if c == '"' {
                    self.field.push('"');
                    continue;
                }
                self.quoted = false;
            }
            match c {
                '"' if self.quoted => self.quote_pending = true,
                '"' if self.field.is_empty() => {
                    self.quoted = true;
                    self.quote_line = self.line;
                }
                '\n' | '\r' if !self.quoted => {
                    self.cr_pending = c == '\r';
                    self.end_field();
                    let row = std::mem::take(&mut self.row);
                    self.collector.end_row(self.row_line, row);
                    self.line += 1;
                    self.row_line = self.line;
                }
                c if c == self.delimiter && !self.quoted => self.end_field(),
                c => {
                    if c == '\n' {
                        self.line += 1;
                    }
                    if self.field.len() <= crate::xlsx::MAX_CELL_CHARS * 4 {
                        self.field.push(c);
                    }
                }
            }
        }
    }

    /// The end of the text: the last row, and the table with its notes (or why it cannot be read).
    pub fn finish(mut self) -> Result<(Rows, Vec<String>), String> {
        self.end()?;
        Ok(self.collector.finish())
    }

    /// The end of the text, leaving the last rows in the collector.
    pub fn end(&mut self) -> Result<(), String> {
        if !self.started {
            self.begin();
        }
        if std::mem::take(&mut self.quote_pending) {
            self.quoted = false;
        }
        if self.quoted && !self.collector.full() {
            return Err(format!(
                "第 {} 行有一个引号（\"）没有配对：从那里到文件末尾会被读成一个格子。请在 Excel 里检查这一行（或另存为 .xlsx）后再试。",
                self.quote_line
            ));
        }
        if !self.collector.full() && (!self.field.is_empty() || !self.row.is_empty()) {
            self.end_field();
            let row = std::mem::take(&mut self.row);
            self.collector.end_row(self.row_line, row);
        }
        Ok(())
    }
}

/// Whether a spreadsheet could take a cell for a formula: it begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return, and is not a plain number (`-5`, `+3.5`).
pub fn formula_like(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    let rest = &text[1..];
    let number = matches!(first, '+' | '-')
        && !rest.is_empty()
        && Stored::of_field(rest) == Stored::Number
        && rest.trim() == rest;
    !number
}

/// Any text as a CSV field into `out`: quoted if it holds a delimiter, quote or line break (its
/// quotes doubled), after a `'` if a spreadsheet could run it as a formula. Written in place, as a
/// long list's export has millions of cells.
pub(crate) fn write_text(out: &mut Vec<u8>, text: &str) {
    let quoted = text.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push(b'"');
    }
    if formula_like(text) {
        out.push(b'\'');
    }
    if quoted {
        for (i, part) in text.split('"').enumerate() {
            if i > 0 {
                out.extend_from_slice(b"\"\"");
            }
            out.extend_from_slice(part.as_bytes());
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// A cell as a CSV field into `out`: a date-formatted day number as its date, else its text
/// ([`write_text`]).
pub(crate) fn write_cell(out: &mut Vec<u8>, cell: &Cell) {
    match cell.stored {
        Stored::DateNumber => match rules_core::sheet::read_date(&cell.text, cell.stored) {
            Ok(day) => out.extend_from_slice(day.to_string().as_bytes()),
            Err(_) => write_text(out, &cell.text),
        },
        _ => write_text(out, &cell.text),
    }
}

/// Rows as CSV text, byte-order mark first, lines ended by CRLF (Excel's own form); a cell a
/// spreadsheet would run as a formula gets a leading `'`; a date-formatted day number is written as
/// its date (2025-11-01).
pub fn write(rows: &[Vec<Cell>]) -> String {
    let mut out = Vec::new();
    write_into(&mut out, rows.iter().cloned());
    String::from_utf8(out).unwrap_or_default()
}

/// [`write`] into `out`, one row at a time.
pub fn write_into(out: &mut Vec<u8>, rows: impl Iterator<Item = Vec<Cell>>) {
    out.extend_from_slice("\u{feff}".as_bytes());
    write_rows(out, rows);
}

/// [`write_into`] without the byte-order mark: the next rows of a file being written.
pub fn write_rows(out: &mut Vec<u8>, rows: impl Iterator<Item = Vec<Cell>>) {
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_cell(out, cell);
        }
        out.extend_from_slice(b"\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        parse(text)
            .expect("parses")
            .0
            .into_iter()
            .map(|(n, cells)| (n, cells.iter().map(|c| c.text.to_string()).collect()))
            .collect()
    }

    #[test]
    fn quoted_fields_line_breaks_and_blank_rows() {
        let read = rows("\u{feff}姓名,年龄,备注\r\n张三,45,\"有逗号,和\"\"引号\"\"\"\r\n\r\n李四,,\"两\n行\"\n王五,30");
        assert_eq!(read.len(), 4);
        assert_eq!(
            read[0],
            (1, vec!["姓名".into(), "年龄".into(), "备注".into()])
        );
        assert_eq!(read[1].1[2], "有逗号,和\"引号\"");
        assert_eq!(
            read[2],
            (4, vec!["李四".into(), String::new(), "两\n行".into()])
        );
        assert_eq!(read[3], (6, vec!["王五".into(), "30".into()]));
        assert_eq!(rows("a,b\nc,d\ne,f\n")[2].0, 3);
        let written = write(&[
            vec![
                Cell::text("a,b"),
                Cell::text("c\"d"),
                Cell::new("45962", Stored::DateNumber),
            ],
            vec![Cell::text("中文")],
        ]);
        assert_eq!(written, "\u{feff}\"a,b\",\"c\"\"d\",2025-11-01\r\n中文\r\n");
        assert_eq!(rows(&written)[0].1, ["a,b", "c\"d", "2025-11-01"]);
        // Plain numbers are numbers; the rest is text.
        let (parsed, _) = parse("45962,2025.11,2025/11/3").expect("parses");
        let stored: Vec<Stored> = parsed[0].1.iter().map(|c| c.stored).collect();
        assert_eq!(stored, [Stored::Number, Stored::Number, Stored::Text]);
    }

    #[test]
    fn pasted_cells_are_tab_separated_and_semicolons_are_named() {
        let read = rows("姓名\t年龄\n张三\t45,5\n");
        assert_eq!(read[1].1, ["张三", "45,5"]);
        assert!(rows("").is_empty());
        assert!(rows("\n\n ,\n").is_empty());
        let (semicolon, notes) = parse("姓名;年龄\n张三;45\n").expect("parses");
        assert_eq!(semicolon[1].1.len(), 2);
        assert!(notes[0].contains("分号"), "{notes:?}");
    }

    #[test]
    fn a_quote_that_never_closes_is_refused_with_its_line() {
        let why = parse("姓名,备注\n张三,\"没有配对\n李四,1\n王五,2\n")
            .err()
            .unwrap_or_default();
        assert!(why.contains("第 2 行"), "{why}");
    }

    #[test]
    fn limits_apply_to_csv_too() {
        let wide = vec!["x"; 10_000].join(",");
        let (read, notes) = parse(&format!("{wide}\n{wide}\n")).expect("parses");
        assert_eq!(read[0].1.len(), crate::xlsx::MAX_COLUMNS);
        assert!(notes.iter().any(|n| n.contains("第 513 列")), "{notes:?}");
        let long = "长".repeat(5000);
        let (read, notes) = parse(&format!("a,{long}\n")).expect("parses");
        assert_eq!(
            read[0].1[1].text.chars().count(),
            crate::xlsx::MAX_CELL_CHARS
        );
        assert!(notes.iter().any(|n| n.contains("只读取了前")), "{notes:?}");
    }

    #[test]
    fn formulas_are_written_as_text() {
        for cell in [
            "=1+1",
            "+1+1",
            "-1+cmd",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "=HYPERLINK(\"x\")",
        ] {
            assert!(formula_like(cell), "{cell:?}");
            let written = write(&[vec![Cell::text(cell)]]);
            assert!(
                written.contains(&format!("'{}", cell.replace('"', "\"\""))),
                "{written:?}"
            );
        }
        for cell in ["-5", "+3.5", "张三", "", "2025-11-01"] {
            assert!(!formula_like(cell), "{cell:?}");
        }
    }

    /// Read in pieces cut anywhere, a text gives the same rows and notes as read whole.
    #[test]
    fn pieces_read_as_the_whole() {
        let texts = [
            "\u{feff}姓名,年龄,备注\r\n张三,45,\"有逗号,和\"\"引号\"\"\"\r\n\r\n李四,,\"两\n行\"\n王五,30".to_string(),
            "姓名;年龄\r\n张三;45\r\n李四;\"\"\r".to_string(),
            (0..40).map(|i| format!("名{i},\"{i}\"\"\",x\r\n")).collect(),
            "姓名,备注\n张三,\"没有配对\n李四,1\n".to_string(),
        ];
        for text in &texts {
            let whole = parse_with(text, 30);
            for size in [1, 2, 3, 5, 7, 64] {
                let mut reader = Reader::new(Collector::with_max_rows(30));
                let chars: Vec<char> = text.chars().collect();
                for piece in chars.chunks(size) {
                    reader.feed(&piece.iter().collect::<String>());
                }
                assert_eq!(reader.finish(), whole, "{text:?} in pieces of {size}");
            }
        }
        // A stream hands its rows out as they come, with their line numbers.
        let mut reader = Reader::new(Collector::unlimited());
        let mut taken = Vec::new();
        for i in 0..50 {
            reader.feed(&format!("{i},a\n"));
            taken.extend(reader.collector.take_rows());
        }
        reader.end().expect("read");
        taken.extend(reader.collector.take_rows());
        assert_eq!(taken.len(), 50);
        assert_eq!(taken[49].0, 50);
        assert_eq!(sniff_start(&"姓名".as_bytes()[..4]), Encoding::Utf8);
        assert_eq!(sniff_start(&[0xD0, 0xD5, 0xC3, 0xFB]), Encoding::Gbk);
    }

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(sniff("姓名".as_bytes()), Encoding::Utf8);
        // 姓名 in GBK.
        assert_eq!(sniff(&[0xD0, 0xD5, 0xC3, 0xFB]), Encoding::Gbk);
        assert_eq!(sniff(&[0xFF, 0xFE, 0x53, 0x59]), Encoding::Utf16Le);
        assert_eq!(sniff(&[0xFE, 0xFF, 0x59, 0x53]), Encoding::Utf16Be);
    }
}

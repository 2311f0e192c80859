//! .xlsx workbooks (Office Open XML) read and written: a worksheet's cells (the first shown one, or
//! one chosen by name) with how each was stored (shared strings kept once and shared by their
//! cells, inline strings, numbers as written in the file, date-formatted numbers, booleans as
//! 是/否) within the list limits of [`Collector`], each limit named in a note; XML declaring a
//! DOCTYPE or entities refused. Written: workbooks of typed cells (text as shared strings, numbers,
//! dates), row by row, for the template and the export. A few small loops over the XML, not a
//! general parser: the parts of the format spreadsheet programs write for a table of values.

use crate::zip::{self, Archive};

use rules_core::sheet::{CellText, Stored};
use std::sync::Arc;

/// One cell as a file holds it: its text (shared, not copied, when a workbook's shared string is
/// used by many cells) and how it was stored (text, number, date-formatted number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: Arc<str>,
    pub stored: Stored,
}

impl Cell {
    pub fn new(text: &str, stored: Stored) -> Cell {
        Cell {
            text: Arc::from(text),
            stored,
        }
    }

    /// A text cell.
    pub fn text(text: &str) -> Cell {
        Cell::new(text, Stored::Text)
    }
}

impl std::ops::Deref for Cell {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl CellText for Cell {
    fn text(&self) -> &str {
        &self.text
    }
    fn stored(&self) -> Stored {
        self.stored
    }
}

/// One row read from a file: its row number in the file (1-based, as the spreadsheet shows it) and
/// its cells.
pub type Row = (usize, Vec<Cell>);
/// A table read from a file (empty rows left out).
pub type Rows = Vec<Row>;

/// What a list may hold, for .xlsx and CSV alike: past each limit the rest is left out and a note
/// says what. The page reads at most this many rows (the command line passes its own limit).
pub const MAX_ROWS: usize = 100_000;
/// Most columns read: a sheet wider than this is not a list of people.
pub const MAX_COLUMNS: usize = 512;
/// Most characters kept of one cell.
pub const MAX_CELL_CHARS: usize = 1_000;
/// Most bytes of cell text in a whole list (each use of a shared string counted).
pub const MAX_TEXT: usize = 96 * 1024 * 1024;

/// Collects a table within the limits, and the notes on what was left out.
pub struct Collector {
    pub rows: Rows,
    pub notes: Vec<String>,
    text: usize,
    cut_cells: usize,
    wide: bool,
    /// The row number from which rows were left out, once a limit was reached.
    stopped: Option<usize>,
    empty: Arc<str>,
    max_rows: usize,
    max_text: usize,
    /// Rows handed out by [`Collector::take_rows`] (a list read as a stream).
    taken: usize,
    /// Short texts kept once: a register repeats 是, 否, 脱贫户, its districts … in every row.
    common: std::collections::BTreeSet<Arc<str>>,
}

impl Default for Collector {
    fn default() -> Collector {
        Collector {
            rows: Vec::new(),
            notes: Vec::new(),
            text: 0,
            cut_cells: 0,
            wide: false,
            stopped: None,
            empty: Arc::from(""),
            max_rows: MAX_ROWS,
            max_text: MAX_TEXT,
            taken: 0,
            common: std::collections::BTreeSet::new(),
        }
    }
}

impl Collector {
    /// A collector taking at most `max_rows` rows.
    pub fn with_max_rows(max_rows: usize) -> Collector {
        Collector {
            max_rows,
            ..Collector::default()
        }
    }

    /// A collector for a list read as a stream (the command line): no limit on rows or on the
    /// list's text, whose rows are handed out as they come ([`Collector::take_rows`]); the limits on
    /// columns and on a cell's length still apply.
    pub fn unlimited() -> Collector {
        Collector {
            max_rows: usize::MAX,
            max_text: usize::MAX,
            ..Collector::default()
        }
    }

    /// The rows collected since the last call, handed out (a stream's memory stays bounded).
    pub fn take_rows(&mut self) -> Rows {
        self.taken += self.rows.len();
        std::mem::take(&mut self.rows)
    }

    /// Rows taken so far, handed out or not.
    pub fn count(&self) -> usize {
        self.taken + self.rows.len()
    }

    /// Whether more rows are taken.
    pub fn full(&self) -> bool {
        self.stopped.is_some()
    }

    /// A cell's text within [`MAX_CELL_CHARS`] (counted once per cut cell).
    pub fn cut(&mut self, text: &str) -> Option<String> {
        let (at, _) = text.char_indices().nth(MAX_CELL_CHARS)?;
        self.cut_cells += 1;
        Some(text[..at].to_string())
    }

    /// A shared text, within the cell limit.
    pub fn shared(&mut self, text: &str) -> Arc<str> {
        if text.is_empty() {
            return self.empty.clone();
        }
        match self.cut(text) {
            Some(cut) => Arc::from(cut),
            None => Arc::from(text),
        }
    }

    pub fn empty(&self) -> Arc<str> {
        self.empty.clone()
    }

    /// Puts `cell` at `column` of `row`, within the column and text limits.
    pub fn put(&mut self, row: &mut Vec<Cell>, column: usize, mut cell: Cell) {
        if column >= MAX_COLUMNS {
            if !cell.text.trim().is_empty() {
                self.wide = true;
            }
            return;
        }
        if row.len() <= column {
            row.resize(
                column + 1,
                Cell {
                    text: self.empty.clone(),
                    stored: Stored::Text,
                },
            );
        }
        self.text += cell.text.len();
        if cell.text.len() <= 24 {
            match self.common.get(&*cell.text) {
                Some(kept) => cell.text = kept.clone(),
                None if self.common.len() < 65_536 => {
                    self.common.insert(cell.text.clone());
                }
                None => {}
            }
        }
        row[column] = cell;
    }

    /// Ends a row: kept when it has any text, unless a limit was reached.
    pub fn end_row(&mut self, number: usize, mut cells: Vec<Cell>) {
        if self.stopped.is_some() || cells.iter().all(|c| c.text.trim().is_empty()) {
            return;
        }
        if self.count() >= self.max_rows || self.text > self.max_text {
            self.stopped = Some(number);
            return;
        }
        // A row is kept for the list's life: no spare capacity.
        cells.shrink_to_fit();
        self.rows.push((number, cells));
    }

    /// The table and its notes.
    pub fn finish(mut self) -> (Rows, Vec<String>) {
        if let Some(number) = self.stopped {
            let why = if self.count() >= self.max_rows {
                format!("超过 {} 行", self.max_rows)
            } else {
                format!("文字超过 {} MB", MAX_TEXT / (1024 * 1024))
            };
            self.notes.push(format!(
                "名单{why}：第 {number} 行及以后没有读取。更长的名单请分成几个文件，或在电脑上用 subsidy-check screen 筛查。"
            ));
        }
        if self.wide {
            self.notes.push(format!(
                "第 {} 列及以后的列没有读取（最多读取 {MAX_COLUMNS} 列）。",
                MAX_COLUMNS + 1
            ));
        }
        if self.cut_cells > 0 {
            self.notes.push(format!(
                "有 {} 个格子超过 {MAX_CELL_CHARS} 个字，只读取了前 {MAX_CELL_CHARS} 个字。",
                self.cut_cells
            ));
        }
        (self.rows, self.notes)
    }
}

/// Decodes the five XML entities, numeric references and OOXML's `_x000D_` escapes.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '_']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('_') {
            // `_xHHHH_`: a character XML cannot hold as itself.
            let code = rest
                .get(2..6)
                .filter(|_| {
                    rest.as_bytes().get(1) == Some(&b'x') && rest.as_bytes().get(6) == Some(&b'_')
                })
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .and_then(char::from_u32);
            match code {
                Some(c) => {
                    out.push(c);
                    rest = &rest[7..];
                }
                None => {
                    out.push('_');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let Some(end) = rest.find(';').filter(|end| *end <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse::<u32>))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One tag: its name without a namespace prefix, its attribute text, whether it closes (`</x>`)
/// or is empty (`<x/>`), and where its text (up to the next tag) starts and ends.
struct Tag<'a> {
    name: &'a str,
    attrs: &'a str,
    closing: bool,
    empty: bool,
    text: &'a str,
}

fn tags(xml: &str) -> impl Iterator<Item = Tag<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let start = at + xml.get(at..)?.find('<')?;
        let end = start + xml[start..].find('>')?;
        at = end + 1;
        let inside = &xml[start + 1..end];
        if inside.starts_with('?') || inside.starts_with('!') {
            continue;
        }
        let closing = inside.starts_with('/');
        let inside = inside.trim_start_matches('/');
        let empty = inside.ends_with('/');
        let inside = inside.trim_end_matches('/');
        let (full, attrs) = inside
            .split_once(char::is_whitespace)
            .unwrap_or((inside, ""));
        let name = full.rsplit(':').next().unwrap_or(full);
        let text_end = xml[at..].find('<').map_or(xml.len(), |n| at + n);
        return Some(Tag {
            name,
            attrs,
            closing,
            empty,
            text: &xml[at..text_end],
        });
    })
}

/// An attribute's value (`r="A1"`), by its name without a namespace prefix.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let key = key.rsplit(':').next().unwrap_or(key);
        let value = rest[eq + 1..].trim_start();
        let quote = value.chars().next()?;
        let value = &value[quote.len_utf8()..];
        let close = value.find(quote)?;
        if key == name {
            return Some(&value[..close]);
        }
        rest = &value[close + 1..];
    }
    None
}

/// `A1` → column 0, `AB12` → 27.
fn column_of(reference: &str) -> Option<usize> {
    let letters: Vec<u8> = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(
        letters.iter().fold(0, |n, b| {
            n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1
        }) - 1,
    )
}

/// The text of each `<si>` of sharedStrings.xml (rich-text runs joined, phonetic runs left out),
/// each kept once and cut to [`MAX_CELL_CHARS`]: cells share it.
fn shared_strings(xml: &str, collector: &mut Collector) -> Vec<Arc<str>> {
    let mut strings = Vec::new();
    let mut current: Option<String> = None;
    let mut phonetic = false;
    for tag in tags(xml) {
        match (tag.name, tag.closing) {
            ("si", false) if tag.empty => strings.push(collector.empty()),
            ("si", false) => current = Some(String::new()),
            ("si", true) => {
                if let Some(text) = current.take() {
                    strings.push(collector.shared(&text));
                }
            }
            ("rPh", closing) => phonetic = !closing && !tag.empty,
            ("t", false) if !phonetic && !tag.empty => {
                if let Some(text) = current.as_mut() {
                    // No need to hold more than a cell keeps.
                    if text.len() <= MAX_CELL_CHARS * 4 {
                        text.push_str(&unescape(tag.text));
                    }
                }
            }
            _ => {}
        }
    }
    strings
}

/// Built-in number formats that show dates (ECMA-376 18.8.30, and the East Asian ones 27–36, 50–58).
fn builtin_date_format(id: usize) -> bool {
    matches!(id, 14..=17 | 22 | 27..=36 | 50..=58)
}

/// A custom number format that shows a date: it has a year or a day (text in quotes and `[…]`
/// sections aside).
fn date_format_code(code: &str) -> bool {
    let mut plain = String::new();
    let mut quoted = false;
    let mut bracket = false;
    for c in code.chars() {
        match c {
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            c if !quoted && !bracket => plain.push(c.to_ascii_lowercase()),
            _ => {}
        }
    }
    plain.contains('y') || plain.contains('d') || plain.contains('年') || plain.contains('日')
}

/// For each cell style (`s="…"`), whether it shows a date.
fn date_styles(xml: &str) -> Vec<bool> {
    let mut custom: Vec<(usize, bool)> = Vec::new();
    let mut styles = Vec::new();
    let mut in_cell_xfs = false;
    for tag in tags(xml) {
        match (tag.name, tag.closing) {
            ("numFmt", false) => {
                if let (Some(id), Some(code)) = (
                    attr(tag.attrs, "numFmtId").and_then(|i| i.parse().ok()),
                    attr(tag.attrs, "formatCode"),
                ) {
                    custom.push((id, date_format_code(&unescape(code))));
                }
            }
            ("cellXfs", closing) => in_cell_xfs = !closing && !tag.empty,
            ("xf", false) if in_cell_xfs => {
                let id: usize = attr(tag.attrs, "numFmtId")
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(0);
                let date = custom
                    .iter()
                    .find(|(c, _)| *c == id)
                    .map_or_else(|| builtin_date_format(id), |(_, d)| *d);
                styles.push(date);
            }
            _ => {}
        }
    }
    styles
}

fn sheet_rows(xml: &str, strings: &[Arc<str>], dates: &[bool], collector: &mut Collector) {
    let mut row: Option<(usize, Vec<Cell>)> = None;
    // Column, type, style, value.
    let mut cell: Option<(usize, String, usize, String)> = None;
    let mut next_row = 1;
    let mut next_column = 0;
    let mut phonetic = false;
    for tag in tags(xml) {
        if collector.full() {
            break;
        }
        match (tag.name, tag.closing) {
            ("row", false) => {
                let number = attr(tag.attrs, "r")
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(next_row);
                next_row = number + 1;
                next_column = 0;
                row = (!tag.empty).then(|| (number, Vec::new()));
            }
            ("row", true) => {
                if let Some((number, cells)) = row.take() {
                    collector.end_row(number, cells);
                }
            }
            ("c", false) => {
                let column = attr(tag.attrs, "r")
                    .and_then(column_of)
                    .unwrap_or(next_column);
                next_column = column + 1;
                let kind = attr(tag.attrs, "t").unwrap_or("n").to_string();
                let style = attr(tag.attrs, "s")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                cell = (!tag.empty).then(|| (column, kind, style, String::new()));
            }
            ("rPh", closing) => phonetic = !closing && !tag.empty,
            ("v", false) | ("t", false) if !phonetic && !tag.empty => {
                if let Some((_, _, _, value)) = cell.as_mut() {
                    if value.len() <= MAX_CELL_CHARS * 4 {
                        value.push_str(&unescape(tag.text));
                    }
                }
            }
            ("c", true) => {
                let (Some((column, kind, style, value)), Some((_, cells))) =
                    (cell.take(), row.as_mut())
                else {
                    continue;
                };
                let new = |text: &str, stored: Stored, collector: &mut Collector| Cell {
                    text: match collector.cut(text) {
                        Some(cut) => Arc::from(cut),
                        None => Arc::from(text),
                    },
                    stored,
                };
                let cell = match kind.as_str() {
                    "s" => Cell {
                        text: value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| strings.get(i))
                            .cloned()
                            .unwrap_or_else(|| collector.empty()),
                        stored: Stored::Text,
                    },
                    "b" => Cell::text(if value.trim() == "1" { "是" } else { "否" }),
                    // An ISO date cell (`t="d"`): its day.
                    "d" => new(
                        value.split('T').next().unwrap_or_default(),
                        Stored::Text,
                        collector,
                    ),
                    "n" => {
                        let stored = if dates.get(style).copied().unwrap_or(false) {
                            Stored::DateNumber
                        } else {
                            Stored::Number
                        };
                        new(value.trim(), stored, collector)
                    }
                    _ => new(&value, Stored::Text, collector),
                };
                collector.put(cells, column, cell);
            }
            _ => {}
        }
    }
}

/// XML with a document type or entity declarations is refused (entity expansion is how an XML
/// bomb grows; spreadsheet programs never write them).
fn refuse_doctype(xml: &str, part: &str) -> Result<(), String> {
    let bytes = xml.as_bytes();
    let declares = bytes.windows(9).any(|w| {
        w[0] == b'<'
            && w[1] == b'!'
            && (w[2..].eq_ignore_ascii_case(b"DOCTYPE") || w[2..8].eq_ignore_ascii_case(b"ENTITY"))
    });
    if declares {
        Err(format!(
            "工作簿的“{part}”含有 DOCTYPE 或实体声明（Excel、WPS 不会写这些），为安全起见没有读取。请在 Excel 里另存为 .xlsx 后再试。"
        ))
    } else {
        Ok(())
    }
}

/// A worksheet of a workbook: its name, whether it is hidden, and its part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    pub name: String,
    pub hidden: bool,
    path: String,
}

/// The worksheets in the workbook's order.
fn sheet_list(workbook: &str, rels: &str) -> Vec<SheetInfo> {
    tags(workbook)
        .filter(|t| t.name == "sheet" && !t.closing)
        .filter_map(|t| {
            let id = attr(t.attrs, "id")?;
            let target = tags(rels)
                .filter(|r| r.name == "Relationship")
                .find(|r| attr(r.attrs, "Id") == Some(id))
                .and_then(|r| attr(r.attrs, "Target"))?;
            let path = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            Some(SheetInfo {
                name: unescape(attr(t.attrs, "name").unwrap_or_default()),
                hidden: attr(t.attrs, "state").is_some_and(|s| s != "visible"),
                path,
            })
        })
        .collect()
}

/// A table read from a workbook: its rows, notes on what was left out, the worksheets and which
/// one was read.
pub struct Workbook {
    pub rows: Rows,
    pub notes: Vec<String>,
    pub sheets: Vec<SheetInfo>,
    pub chosen: usize,
    /// The chosen sheet's column widths as the file sets them.
    pub widths: Vec<Width>,
}

/// A column width of a sheet: its first and last column (1-based, as in the file) and the width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Width {
    pub min: usize,
    pub max: usize,
    /// As the file writes it (digits and one point, at most 255): kept as text, so no float code
    /// weighs on the page.
    pub width: String,
}

/// A width as a file writes it, if it is a plain decimal number from 0 to 255.
fn plain_width(text: &str) -> Option<String> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let ok = !whole.is_empty()
        && whole.len() <= 3
        && fraction.len() <= 12
        && digits(whole)
        && digits(fraction)
        && whole.parse::<u16>().is_ok_and(|w| w <= 255);
    ok.then(|| text.to_string())
}

/// The `<col min max width>` of a sheet's `<cols>` (before its data), in order, without overlaps;
/// anything unreadable is left out.
fn column_widths(xml: &str) -> Vec<Width> {
    let head = &xml[..xml.find("<sheetData").unwrap_or(xml.len())];
    let Some(start) = head.find("<cols>") else {
        return Vec::new();
    };
    let cols = &head[start
        ..head[start..]
            .find("</cols>")
            .map_or(head.len(), |e| start + e)];
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(tag[at..at + tag[at..].find('"')?].to_string())
    };
    let mut out: Vec<Width> = Vec::new();
    for tag in cols.split("<col ").skip(1) {
        let tag = format!(" {}", &tag[..tag.find('>').unwrap_or(tag.len())]);
        let (Some(min), Some(max), Some(width)) = (
            attr(&tag, "min").and_then(|v| v.parse::<usize>().ok()),
            attr(&tag, "max").and_then(|v| v.parse::<usize>().ok()),
            attr(&tag, "width").and_then(|v| plain_width(&v)),
        ) else {
            continue;
        };
        let after = out.last().map_or(0, |w| w.max);
        if min > after && max >= min && max <= 16_384 {
            out.push(Width { min, max, width });
        }
    }
    out
}

/// The worksheet `sheet` (by name; the first visible one when `None`) of the workbook in `bytes`,
/// or why it cannot be read (in Chinese).
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Workbook, String> {
    read_with(bytes, sheet, MAX_ROWS)
}

/// [`read`] taking at most `max_rows` rows.
pub fn read_with(bytes: &[u8], sheet: Option<&str>, max_rows: usize) -> Result<Workbook, String> {
    let archive = Archive::read(bytes)?;
    let mut budget = zip::TOTAL_BUDGET;
    let mut text = |name: &str| -> Result<Option<String>, String> {
        let Some(bytes) = archive.file(name, &mut budget)? else {
            return Ok(None);
        };
        let xml = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        refuse_doctype(&xml, name)?;
        Ok(Some(xml))
    };
    let mut sheets = match (
        text("xl/workbook.xml")?,
        text("xl/_rels/workbook.xml.rels")?,
    ) {
        (Some(workbook), Some(rels)) => sheet_list(&workbook, &rels),
        _ => Vec::new(),
    };
    if sheets.is_empty() {
        sheets.push(SheetInfo {
            name: "Sheet1".to_string(),
            hidden: false,
            path: "xl/worksheets/sheet1.xml".to_string(),
        });
    }
    let mut notes = Vec::new();
    let chosen = match sheet {
        Some(name) => sheets
            .iter()
            .position(|s| s.name == name)
            .ok_or_else(|| format!("工作簿里没有名为“{name}”的工作表"))?,
        None => {
            let first = sheets.iter().position(|s| !s.hidden).unwrap_or(0);
            for hidden in sheets[..first].iter() {
                notes.push(format!(
                    "工作表“{}”是隐藏的，没有读取；读取的是第一个显示的工作表“{}”。如要读取其他工作表，请在上面选择。",
                    hidden.name, sheets[first].name
                ));
            }
            first
        }
    };
    let xml = text(&sheets[chosen].path)?
        .ok_or("工作簿里找不到这个工作表，请在 Excel 里另存为 .xlsx 后再试")?;
    let dates = text("xl/styles.xml")?
        .map(|x| date_styles(&x))
        .unwrap_or_default();
    let mut collector = Collector::with_max_rows(max_rows);
    let strings = text("xl/sharedStrings.xml")?
        .map(|x| shared_strings(&x, &mut collector))
        .unwrap_or_default();
    sheet_rows(&xml, &strings, &dates, &mut collector);
    let widths = column_widths(&xml);
    drop(xml);
    let (rows, more) = collector.finish();
    notes.extend(more);
    Ok(Workbook {
        rows,
        notes,
        sheets,
        chosen,
        widths,
    })
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8_lossy(&name).into_owned()
}

/// A number as a spreadsheet keeps it without losing anything: at most 15 digits, no leading zero
/// (an id number or 007 stays text).
fn plain_number(text: &str) -> bool {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !whole.is_empty()
        && digits(whole)
        && digits(fraction)
        && whole.len() + fraction.len() <= 15
        && (whole == "0" || !whole.starts_with('0'))
}

/// The text cells of a workbook being written, each kept once (`sharedStrings.xml`).
#[derive(Default)]
struct SharedStrings {
    index: std::collections::HashMap<Arc<str>, usize>,
    order: Vec<Arc<str>>,
}

impl SharedStrings {
    fn id(&mut self, text: &Arc<str>) -> usize {
        if let Some(i) = self.index.get(text) {
            return *i;
        }
        let i = self.order.len();
        self.index.insert(text.clone(), i);
        self.order.push(text.clone());
        i
    }
}

/// A worksheet's XML up to its rows: `width` is its first row's (the header's) number of cells.
fn sheet_start(packer: &mut zip::Packer, widths: &[Width], width: usize) {
    packer.write(b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetViews><sheetView workbookViewId=\"0\">\
        <pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
    // The widths given (a workbook's own, kept), then 18 for the columns after them.
    let mut cols = String::new();
    let mut after = 0;
    for w in widths {
        if w.min <= after {
            continue;
        }
        cols.push_str(&format!(
            "<col min=\"{}\" max=\"{}\" width=\"{}\" customWidth=\"1\"/>",
            w.min, w.max, w.width
        ));
        after = w.max;
    }
    if width > after {
        cols.push_str(&format!(
            "<col min=\"{}\" max=\"{width}\" width=\"18\" customWidth=\"1\"/>",
            after + 1
        ));
    }
    if !cols.is_empty() {
        packer.write(format!("<cols>{cols}</cols>").as_bytes());
    }
    packer.write(b"<sheetData>");
}

/// One row's XML (`r`: its index, the header 0) into `packer`, `xml` its reused buffer: text cells go
/// to `strings`, numbers stay numbers and dates dates; the header is bold.
fn sheet_row(
    packer: &mut zip::Packer,
    xml: &mut String,
    strings: &mut SharedStrings,
    r: usize,
    row: &[Cell],
) {
    xml.clear();
    xml.push_str(&format!("<row r=\"{}\">", r + 1));
    for (c, cell) in row.iter().enumerate() {
        let text = cell.text.trim();
        if text.is_empty() {
            continue;
        }
        let place = format!("{}{}", column_name(c), r + 1);
        // Numbers stay numbers and dates dates (style 2: a date format); everything else is a
        // shared string, which no spreadsheet runs as a formula.
        match cell.stored {
            Stored::Number if r > 0 && plain_number(text) => {
                xml.push_str(&format!("<c r=\"{place}\"><v>{text}</v></c>"));
            }
            Stored::DateNumber if r > 0 && plain_number(text) => {
                xml.push_str(&format!("<c r=\"{place}\" s=\"2\"><v>{text}</v></c>"));
            }
            _ => {
                let style = if r == 0 { " s=\"1\"" } else { "" };
                let id = strings.id(&cell.text);
                xml.push_str(&format!("<c r=\"{place}\"{style} t=\"s\"><v>{id}</v></c>"));
            }
        }
    }
    xml.push_str("</row>");
    packer.write(xml.as_bytes());
}

/// A worksheet whose rows come one at a time: its name and its rows.
pub type SheetStream<'a> = (&'a str, Box<dyn Iterator<Item = Vec<Cell>> + 'a>);

/// A worksheet written: its name, its rows one at a time, and its column widths (the columns
/// after them 18 wide).
pub struct SheetOut<'a> {
    pub name: &'a str,
    pub rows: Box<dyn Iterator<Item = Vec<Cell>> + 'a>,
    pub widths: Vec<Width>,
}

/// One worksheet: its name and rows; the first row is the header (bold, frozen).
pub struct Sheet<'a> {
    pub name: &'a str,
    pub rows: &'a [Vec<Cell>],
}

/// A workbook of `sheets` as .xlsx bytes.
pub fn write(sheets: &[Sheet]) -> Vec<u8> {
    let streams: Vec<SheetStream> = sheets
        .iter()
        .map(|s| {
            let rows: Box<dyn Iterator<Item = Vec<Cell>> + '_> = Box::new(s.rows.iter().cloned());
            (s.name, rows)
        })
        .collect();
    write_streams(streams)
}

/// A workbook whose sheets' rows come one at a time (the export of a long list): only the packed
/// sheet and the distinct texts are held.
pub fn write_streams(sheets: Vec<SheetStream>) -> Vec<u8> {
    write_sheets(
        sheets
            .into_iter()
            .map(|(name, rows)| SheetOut {
                name,
                rows,
                widths: Vec::new(),
            })
            .collect(),
    )
}

/// [`write_streams`] with each sheet's column widths.
pub fn write_sheets(sheets: Vec<SheetOut>) -> Vec<u8> {
    let mut out = Vec::new();
    write_sheets_pieces(sheets, |piece| out.extend_from_slice(piece));
    out
}

/// [`write_sheets`] handed to `each` in pieces of at most 1 MB, in order: the workbook is never one
/// buffer, only its packed parts are held.
pub fn write_sheets_pieces(sheets: Vec<SheetOut>, each: impl FnMut(&[u8])) {
    let mut writer = Writer::default();
    for sheet in sheets {
        writer.sheet(sheet.name, sheet.widths);
        for row in sheet.rows {
            writer.row(&row);
        }
    }
    writer.finish(each);
}

/// A workbook written a row at a time, so that its writer can stop between rows (the page's export,
/// which gives the browser its turn): [`Writer::sheet`] begins each worksheet, [`Writer::row`]
/// adds its rows (the first is its header: bold, frozen), [`Writer::finish`] hands out the workbook
/// in pieces. Only the packed parts and the distinct texts are held. The same bytes as
/// [`write_sheets`] on the same sheets.
#[derive(Default)]
pub struct Writer {
    strings: SharedStrings,
    names: Vec<String>,
    parts: Vec<zip::Packed>,
    sheet: Option<SheetWriter>,
}

/// The worksheet being written.
struct SheetWriter {
    packer: zip::Packer,
    widths: Vec<Width>,
    rows: usize,
    xml: String,
}

impl Writer {
    /// Ends the worksheet being written, if any, and begins the next: its name and column widths
    /// (the columns after them 18 wide).
    pub fn sheet(&mut self, name: &str, widths: Vec<Width>) {
        self.end_sheet();
        self.names.push(name.to_string());
        let n = self.names.len();
        self.sheet = Some(SheetWriter {
            packer: zip::Packer::new(&format!("xl/worksheets/sheet{n}.xml")),
            widths,
            rows: 0,
            xml: String::new(),
        });
    }

    /// The next row of the worksheet begun last (before any, a worksheet named 筛查结果 is begun).
    pub fn row(&mut self, row: &[Cell]) {
        if self.sheet.is_none() {
            self.sheet("筛查结果", Vec::new());
        }
        let Some(sheet) = &mut self.sheet else { return };
        if sheet.rows == 0 {
            sheet_start(&mut sheet.packer, &sheet.widths, row.len());
        }
        sheet_row(
            &mut sheet.packer,
            &mut sheet.xml,
            &mut self.strings,
            sheet.rows,
            row,
        );
        sheet.rows += 1;
    }

    fn end_sheet(&mut self) {
        if let Some(mut sheet) = self.sheet.take() {
            if sheet.rows == 0 {
                sheet_start(&mut sheet.packer, &sheet.widths, 0);
            }
            sheet.packer.write(b"</sheetData></worksheet>");
            self.parts.push(sheet.packer.finish());
        }
    }

    /// The workbook, handed to `each` in pieces of at most 1 MB, in order.
    pub fn finish(self, each: impl FnMut(&[u8])) {
        self.strings().finish(each);
    }

    /// Ends the rows: the workbook's texts are written next, a step at a time ([`Strings::step`]),
    /// so that a long list's many texts need not be written in one go.
    pub fn strings(mut self) -> Strings {
        self.end_sheet();
        let mut packer = zip::Packer::new("xl/sharedStrings.xml");
        packer.write(
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"{MAIN}\" count=\"{0}\" uniqueCount=\"{0}\">",
                self.strings.order.len()
            )
            .as_bytes(),
        );
        Strings {
            writer: self,
            packer,
            next: 0,
        }
    }
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook whose rows are all written ([`Writer::strings`]): its texts' part being written.
pub struct Strings {
    writer: Writer,
    packer: zip::Packer,
    /// Texts written so far.
    next: usize,
}

impl Strings {
    /// Writes up to `count` more of the texts; `true` once all are written.
    pub fn step(&mut self, count: usize) -> bool {
        let order = &self.writer.strings.order;
        let end = self.next.saturating_add(count).min(order.len());
        for text in order.get(self.next..end).unwrap_or_default() {
            self.packer.write(b"<si><t xml:space=\"preserve\">");
            self.packer.write(escape(text).as_bytes());
            self.packer.write(b"</t></si>");
        }
        self.next = end;
        self.next >= order.len()
    }

    /// The workbook (the texts not yet written first), handed to `each` in pieces of at most 1 MB,
    /// in order.
    pub fn finish(self, each: impl FnMut(&[u8])) {
        zip::write_packed_pieces(&self.parts(), each);
    }

    /// The workbook's parts, deflated, in the archive's order (the texts not yet written first):
    /// for [`zip::Layout`], whose pieces a writer can hand out one at a time.
    pub fn parts(mut self) -> Vec<zip::Packed> {
        self.step(usize::MAX);
        self.packer.write(b"</sst>");
        let Writer { names, parts, .. } = self.writer;
        let mut types = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/><Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        let mut workbook = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>");
        let mut rels = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
        );
        let count = names.len();
        for (i, name) in names.iter().enumerate() {
            let n = i + 1;
            types.push_str(&format!("<Override PartName=\"/xl/worksheets/sheet{n}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.sprea\
                dsheetml.worksheet+xml\"/>"));
            workbook.push_str(&format!(
                "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
                escape(name)
            ));
            rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        }
        let styles_id = count + 1;
        let strings_id = count + 2;
        rels.push_str(&format!("<Relationship Id=\"rId{styles_id}\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
        <Relationship Id=\"rId{strings_id}\" Type=\"{REL}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
        types.push_str("</Types>");
        workbook.push_str("</sheets></workbook>");
        let styles = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"{MAIN}\"><fonts count=\"2\"><font>\
        <sz val=\"11\"/><name val=\"宋体\"/></font><font><b/><sz val=\"11\"/><name val=\"宋体\"/></font></fonts><fills count=\"2\"><fill>\
        <patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border><left/>\
        <right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>\
        </cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>\
        <xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>\
        <xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs><cellStyles count=\"1\">\
        <cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        let root_rels = format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        let mut all = vec![
            zip::pack("[Content_Types].xml", types.as_bytes()),
            zip::pack("_rels/.rels", root_rels.as_bytes()),
            zip::pack("xl/workbook.xml", workbook.as_bytes()),
            zip::pack("xl/_rels/workbook.xml.rels", rels.as_bytes()),
            zip::pack("xl/styles.xml", styles.as_bytes()),
            self.packer.finish(),
        ];
        all.extend(parts);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(rows: &Rows) -> Vec<(usize, Vec<String>)> {
        rows.iter()
            .map(|(n, cells)| (*n, cells.iter().map(|c| c.text.to_string()).collect()))
            .collect()
    }

    /// A workbook written a row at a time, its texts a few at a time, is the one written whole.
    #[test]
    fn the_writer_in_steps_writes_the_whole_workbook() {
        let text = |rows: &[&[&str]]| -> Vec<Vec<Cell>> {
            rows.iter()
                .map(|r| r.iter().map(|c| Cell::text(c)).collect())
                .collect()
        };
        let list = text(&[
            &["姓名", "备注"],
            &["张三", "<&>"],
            &["李四", "=1+1"],
            &["王五", ""],
        ]);
        let notes = text(&[&["说明"], &["本表按季度更新"]]);
        let widths = vec![Width {
            min: 1,
            max: 1,
            width: "12".to_string(),
        }];
        let whole = write_sheets(vec![
            SheetOut {
                name: "名单",
                rows: Box::new(list.clone().into_iter()),
                widths: widths.clone(),
            },
            SheetOut {
                name: "说明",
                rows: Box::new(notes.clone().into_iter()),
                widths: Vec::new(),
            },
        ]);
        let mut writer = Writer::default();
        writer.sheet("名单", widths);
        for row in &list {
            writer.row(row);
        }
        writer.sheet("说明", Vec::new());
        for row in &notes {
            writer.row(row);
        }
        let mut strings = writer.strings();
        let mut steps = 1;
        while !strings.step(2) {
            steps += 1;
        }
        assert!(steps > 2, "{steps} steps");
        let mut stepped = Vec::new();
        strings.finish(|p| stepped.extend_from_slice(p));
        assert_eq!(stepped, whole);
        let book = read(&stepped, Some("说明")).expect("reads back");
        assert_eq!(book.rows[1].1[0].text.as_ref(), "本表按季度更新");
    }

    #[test]
    fn a_written_workbook_reads_back() {
        let rows = [
            vec![
                "姓名".to_string(),
                "年龄".to_string(),
                "备注 <&>".to_string(),
            ],
            vec!["张三".to_string(), "45".to_string()],
            vec![String::new(), String::new()],
            vec!["李四".to_string(), String::new(), "x\"y".to_string()],
        ];
        let cells: Vec<Vec<Cell>> = rows
            .iter()
            .map(|r| r.iter().map(|c| Cell::text(c)).collect())
            .collect();
        let bytes = write(&[
            Sheet {
                name: "名单",
                rows: &cells,
            },
            Sheet {
                name: "说明",
                rows: &cells[..1],
            },
        ]);
        let book = read(&bytes, None).expect("reads");
        let read = texts(&book.rows);
        assert_eq!(read.len(), 3, "the empty row is left out");
        assert_eq!(read[0], (1, rows[0].clone()));
        assert_eq!(read[1], (2, vec!["张三".to_string(), "45".to_string()]));
        assert_eq!(read[2], (4, rows[3].clone()));
        assert_eq!(book.sheets.len(), 2);
        let second = read_second(&bytes);
        assert_eq!(second.len(), 1);
        assert!(self::read(&bytes, Some("没有")).is_err());
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_of("AB12"), Some(27));
    }

    fn read_second(bytes: &[u8]) -> Rows {
        read(bytes, Some("说明")).expect("reads").rows
    }

    /// A sheet as Excel writes it: shared strings (with a rich-text run and a phonetic run), a
    /// number, a date serial with a date style, a boolean, skipped cells and rows.
    #[test]
    fn excels_own_cells_are_read() {
        let mut collector = Collector::default();
        let strings = shared_strings(
            "<sst><si><t>姓名</t></si><si><r><t>户籍</t></r><r><rPr/><t>区县</t></r><rPh><t>x</t></rPh></si><si><t>A&amp;B_x000D_</t></si><si/></sst>",
            &mut collector,
        );
        let strings_text: Vec<&str> = strings.iter().map(|s| &**s).collect();
        assert_eq!(strings_text, ["姓名", "户籍区县", "A&B\r", ""]);
        let dates = date_styles(
            r#"<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="0.00_ "/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>"#,
        );
        assert_eq!(dates, [false, true, true, false]);
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3" spans="1:3"><c r="A3" t="inlineStr"><is><t>王五</t></is></c><c r="B3" s="2"><v>45717</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="s"><v>99</v></c><c r="E3" s="2"/><c r="F3" s="3"><v>2025.1</v></c><c r="G3" t="s"><v>2</v></c></row></sheetData></worksheet>"#;
        sheet_rows(sheet, &strings, &dates, &mut collector);
        let (rows, notes) = collector.finish();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            texts(&rows)[0],
            (
                1,
                vec!["姓名".to_string(), String::new(), "户籍区县".to_string()]
            )
        );
        assert_eq!(rows[1].0, 3);
        let cells = &rows[1].1;
        assert_eq!(&*cells[0].text, "王五");
        assert_eq!(cells[0].stored, Stored::Text);
        assert_eq!(
            (&*cells[1].text, cells[1].stored),
            ("45717", Stored::DateNumber)
        );
        assert_eq!(&*cells[2].text, "是");
        assert_eq!(&*cells[3].text, "");
        assert_eq!(
            (&*cells[5].text, cells[5].stored),
            ("2025.1", Stored::Number)
        );
        // A shared string is shared by its cells, not copied.
        assert!(Arc::ptr_eq(&cells[6].text, &strings[2]));
    }

    #[test]
    fn damaged_files_are_refused_with_a_sentence() {
        assert!(read(b"not a zip", None).is_err());
        let empty = zip::write(&[("xl/workbook.xml", b"<workbook/>".to_vec())]);
        assert!(read(&empty, None)
            .err()
            .unwrap_or_default()
            .contains("工作表"));
        assert_eq!(unescape("&bogus; &#x4e2d;&#25991; &"), "&bogus; 中文 &");
    }

    /// The parts of a workbook with one sheet whose XML is `sheet` and shared strings `strings`.
    fn workbook(sheet: &str, strings: &str) -> Vec<u8> {
        let workbook = r#"<workbook xmlns:r="r"><sheets><sheet name="旧名单" sheetId="1" state="hidden" r:id="rId1"/><sheet name="名单" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
        let rels = r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>"#;
        zip::write(&[
            ("xl/workbook.xml", workbook.as_bytes().to_vec()),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes().to_vec()),
            (
                "xl/worksheets/sheet1.xml",
                br#"<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>OLD</t></is></c></row></sheetData></worksheet>"#.to_vec(),
            ),
            ("xl/worksheets/sheet2.xml", sheet.as_bytes().to_vec()),
            ("xl/sharedStrings.xml", strings.as_bytes().to_vec()),
        ])
    }

    #[test]
    fn a_hidden_first_sheet_is_named_not_read() {
        let bytes = workbook(
            r#"<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>NEW</t></is></c></row></sheetData></worksheet>"#,
            "<sst/>",
        );
        let book = read(&bytes, None).expect("reads");
        assert_eq!(&*book.rows[0].1[0].text, "NEW");
        assert!(book.notes[0].contains("旧名单"), "{:?}", book.notes);
        assert!(book.sheets[0].hidden);
        let old = read(&bytes, Some("旧名单")).expect("reads");
        assert_eq!(&*old.rows[0].1[0].text, "OLD");
    }

    /// One 1 MB shared string used by 4,000 cells: kept once, cut to the cell limit, with a note.
    #[test]
    fn a_shared_string_bomb_is_shared_and_cut() {
        let big = "长".repeat(1024 * 1024 / 3);
        let cells: String = (1..=4000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>"#))
            .collect();
        let bytes = workbook(
            &format!("<worksheet><sheetData>{cells}</sheetData></worksheet>"),
            &format!("<sst><si><t>{big}</t></si></sst>"),
        );
        let book = read(&bytes, None).expect("reads");
        assert_eq!(book.rows.len(), 4000);
        assert_eq!(book.rows[0].1[0].text.chars().count(), MAX_CELL_CHARS);
        assert!(Arc::ptr_eq(
            &book.rows[0].1[0].text,
            &book.rows[3999].1[0].text
        ));
        assert!(
            book.notes.iter().any(|n| n.contains("只读取了前")),
            "{:?}",
            book.notes
        );
    }

    #[test]
    fn doctype_and_entities_are_refused() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"#;
        let why = read(&workbook(laughs, "<sst/>"), None)
            .err()
            .unwrap_or_default();
        assert!(why.contains("DOCTYPE"), "{why}");
        let why = read(&workbook("<worksheet/>", "<!ENTITY x \"y\"><sst/>"), None)
            .err()
            .unwrap_or_default();
        assert!(why.contains("DOCTYPE"), "{why}");
    }

    #[test]
    fn rows_columns_and_cells_past_the_limits_are_named() {
        let wide: String = (0..MAX_COLUMNS + 5)
            .map(|c| {
                format!(
                    r#"<c r="{}1" t="inlineStr"><is><t>x</t></is></c>"#,
                    column_name(c)
                )
            })
            .collect();
        let far = r#"<c r="XFD2"><v>1</v></c>"#;
        let bytes = workbook(
            &format!(
                r#"<worksheet><sheetData><row r="1">{wide}</row><row r="2">{far}</row></sheetData></worksheet>"#
            ),
            "<sst/>",
        );
        let book = read(&bytes, None).expect("reads");
        assert_eq!(book.rows[0].1.len(), MAX_COLUMNS);
        assert_eq!(
            book.rows.len(),
            1,
            "a row with only a cell past the limit is empty"
        );
        assert!(
            book.notes.iter().any(|n| n.contains("第 513 列")),
            "{:?}",
            book.notes
        );
        let mut collector = Collector::default();
        for r in 1..=MAX_ROWS + 10 {
            collector.end_row(r, vec![Cell::text("x")]);
        }
        let (rows, notes) = collector.finish();
        assert_eq!(rows.len(), MAX_ROWS);
        assert!(
            notes[0].contains(&format!("第 {} 行", MAX_ROWS + 1)),
            "{notes:?}"
        );
    }

    /// Numbers are written as numbers and day numbers as dates; an id number, a number with a
    /// leading zero and formula-like text stay text.
    #[test]
    fn written_cells_keep_their_types() {
        let rows = vec![
            vec![
                Cell::text("h1"),
                Cell::text("h2"),
                Cell::text("h3"),
                Cell::text("h4"),
                Cell::text("h5"),
            ],
            vec![
                Cell::new("45962", Stored::DateNumber),
                Cell::new("42.5", Stored::Number),
                Cell::new("500238200501199818", Stored::Number),
                Cell::new("007", Stored::Number),
                Cell::text("=1+1"),
            ],
        ];
        let bytes = write(&[Sheet {
            name: "x",
            rows: &rows,
        }]);
        let book = read(&bytes, None).expect("reads");
        let got: Vec<(String, Stored)> = book.rows[1]
            .1
            .iter()
            .map(|c| (c.text.to_string(), c.stored))
            .collect();
        assert_eq!(
            got,
            [
                ("45962".to_string(), Stored::DateNumber),
                ("42.5".to_string(), Stored::Number),
                ("500238200501199818".to_string(), Stored::Text),
                ("007".to_string(), Stored::Text),
                ("=1+1".to_string(), Stored::Text),
            ]
        );
    }
}

//! The screening of a list of people, shared by the staff page (staff.html#/list) and
//! `subsidy-check screen`: a table read from a file taken apart ([`table`]: the header row below any
//! title rows, the people, the rows left out and why, the columns matched to fields), each row
//! screened ([`screen`]), and the export's columns ([`export_rows`], declared once). Nothing here
//! draws or prints; the front ends render it.

use crate::xlsx::{Cell, Row, Rows};
use rules_core::evaluate::evaluate_person_brief;
use rules_core::evaluate::Status;
use rules_core::evaluate::Value;
use rules_core::sheet::{self, Field, Line, Tally};
use rules_core::Date;

/// One person's results: their benefits as `--summary` lists them, and the cells that could not be
/// read or were found wrong (column, message).
pub struct Outcome {
    pub lines: Vec<Line>,
    pub problems: Vec<(Option<usize>, String)>,
}

/// One person's results as a list keeps them (a long list holds many): per benefit, its status and
/// where the rules of its last day put the person, its figure and missing answers as indexes into
/// the list's [`Texts`]; whether the person is worth a printed sheet ([`claimable`]); the problems
/// of the row by column. About 12 bytes a benefit, where a whole [`Line`] takes about 90.
pub struct Screened {
    pub marks: Vec<Mark>,
    pub claimable: bool,
    pub problems: Vec<(Option<usize>, String)>,
}

/// One benefit of one person, kept ([`Screened`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Its place in the list's tally (`Tally::benefits`).
    pub benefit: u8,
    pub status: Status,
    pub last_day: Option<Status>,
    figure: u32,
    missing: u32,
}

/// The texts of a list's results, each kept once (figures such as "800 元/人" and lists of missing
/// answers repeat across thousands of people).
#[derive(Default)]
pub struct Texts {
    all: Vec<String>,
    index: std::collections::BTreeMap<String, u32>,
    recent: Vec<u32>,
}

impl Texts {
    /// The text's id; `slot` names where it is used (a benefit's figure or missing answers), whose
    /// last text is tried first: most people share it, and a list has many people.
    fn id(&mut self, slot: usize, text: String) -> u32 {
        if text.is_empty() {
            return u32::MAX;
        }
        if let Some(&id) = self.recent.get(slot) {
            if self.get(id) == text {
                return id;
            }
        }
        let id = self.id_of(text);
        if self.recent.len() <= slot {
            self.recent.resize(slot + 1, u32::MAX);
        }
        self.recent[slot] = id;
        id
    }

    fn id_of(&mut self, text: String) -> u32 {
        if let Some(id) = self.index.get(&text) {
            return *id;
        }
        let id = u32::try_from(self.all.len()).unwrap_or(u32::MAX);
        self.all.push(text.clone());
        self.index.insert(text, id);
        id
    }

    fn get(&self, id: u32) -> &str {
        self.all.get(id as usize).map_or("", String::as_str)
    }
}

/// A list read from a file and its results.
#[derive(Default)]
pub struct List {
    pub header: Vec<String>,
    /// The header's row number in the file.
    pub header_line: usize,
    /// Data rows (people), each with its row (line) number in the file.
    pub rows: Vec<(usize, Vec<Cell>)>,
    /// Rows not taken as people: their row number and why.
    pub left_out: Vec<(usize, &'static str)>,
    /// What the reader left out or how it read the file.
    pub notes: Vec<String>,
    pub uses: Vec<Option<Field>>,
    pub day: Option<Date>,
    /// The results of the rows screened so far, in row order.
    pub outcomes: Vec<Screened>,
    pub texts: Texts,
    pub tally: Tally,
    /// The column widths of the sheet the list was read from (kept in the .xlsx export).
    pub widths: Vec<crate::xlsx::Width>,
}

impl List {
    pub fn name_of(&self, row: usize) -> String {
        let number = self.rows.get(row).map_or(0, |r| r.0);
        let name = self
            .uses
            .iter()
            .position(|u| *u == Some(Field::Name))
            .and_then(|c| self.rows.get(row)?.1.get(c))
            .map(|n| n.trim())
            .filter(|n| !n.is_empty());
        match name {
            Some(name) => format!("第 {number} 行 {}", shown(name)),
            None => format!("第 {number} 行"),
        }
    }

    pub fn column_name(&self, column: usize) -> String {
        let header = self
            .header
            .get(column)
            .map(|h| h.trim())
            .unwrap_or_default();
        if header.is_empty() {
            format!("第 {} 列", column + 1)
        } else {
            format!("第 {} 列“{}”", column + 1, shown(header))
        }
    }

    /// Screens the next row not yet screened on `day` and counts it; `false` when all are done.
    /// The page calls it in slices of about 25 ms, the command line in a loop.
    pub fn screen_next(&mut self, day: Date) -> bool {
        let Some((_, cells)) = self.rows.get(self.outcomes.len()) else {
            return false;
        };
        let outcome = screen(&self.uses, cells, day);
        self.tally.add(&outcome.lines);
        let kept = self.keep(outcome);
        self.outcomes.push(kept);
        true
    }

    /// A person's results as the list keeps them ([`Screened`]); public for a front end that
    /// screens rows elsewhere (the command line's worker threads) and keeps them here.
    pub fn keep(&mut self, outcome: Outcome) -> Screened {
        let claimable = outcome.lines.iter().any(claimable);
        let mut marks = Vec::with_capacity(outcome.lines.len());
        for line in &outcome.lines {
            let Some(benefit) = self.tally.benefits.iter().position(|b| b.id == line.id) else {
                continue;
            };
            let figure = matches!(line.status, Status::Eligible | Status::NeedsAnswers);
            marks.push(Mark {
                benefit: u8::try_from(benefit).unwrap_or(u8::MAX),
                status: line.status,
                last_day: line.last_day.map(|(s, _)| s),
                figure: if figure {
                    self.texts.id(2 * benefit, line.value.text())
                } else {
                    u32::MAX
                },
                missing: if line.status == Status::NeedsAnswers {
                    self.texts.id(2 * benefit + 1, sheet::missing_answers(line))
                } else {
                    u32::MAX
                },
            });
        }
        Screened {
            marks,
            claimable,
            problems: outcome.problems,
        }
    }

    /// Forgets any results and screens every row on `day`.
    pub fn screen_all(&mut self, day: Date) {
        self.day = Some(day);
        self.outcomes.clear();
        self.tally = Tally::default();
        while self.screen_next(day) {}
    }

    /// [`List::screen_all`] on `threads` threads (the command line: all cores), in chunks whose
    /// outcomes are counted in row order, so the results are the same as one thread's;
    /// `progress(done, total)` after each chunk. `Err` if a thread stopped (evaluation never
    /// panics, so this would be a bug), never a partial count.
    pub fn screen_parallel(
        &mut self,
        day: Date,
        threads: usize,
        progress: impl FnMut(usize, usize),
    ) -> Result<(), String> {
        self.day = Some(day);
        self.outcomes.clear();
        self.tally = Tally::default();
        self.screen_more(day, threads, progress)
    }

    /// [`List::screen_parallel`] of the rows not yet screened, added to the counts so far.
    pub fn screen_more(
        &mut self,
        day: Date,
        threads: usize,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<(), String> {
        self.day = Some(day);
        let threads = threads.max(1);
        let total = self.rows.len();
        let chunk = 4096 * threads;
        let mut start = self.outcomes.len();
        while start < total {
            let end = (start + chunk).min(total);
            let rows = &self.rows[start..end];
            let uses = &self.uses;
            let per = rows.len().div_ceil(threads).max(1);
            let parts: Vec<Option<Vec<Outcome>>> = std::thread::scope(|scope| {
                let handles: Vec<_> = rows
                    .chunks(per)
                    .map(|part| {
                        scope.spawn(move || {
                            part.iter()
                                .map(|(_, cells)| screen(uses, cells, day))
                                .collect::<Vec<Outcome>>()
                        })
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().ok()).collect()
            });
            let parts: Vec<Vec<Outcome>> = parts
                .into_iter()
                .collect::<Option<_>>()
                .ok_or("筛查中途出错（程序错误），没有输出不完整的结果")?;
            for outcome in parts.into_iter().flatten() {
                self.tally.add(&outcome.lines);
                let kept = self.keep(outcome);
                self.outcomes.push(kept);
            }
            start = end;
            progress(start, total);
        }
        Ok(())
    }

    /// Whether a column holds 身份证号码 (by its use or its header): its cells are never shown.
    pub fn hidden_column(&self, column: usize) -> bool {
        self.uses.get(column) == Some(&Some(Field::IdNumber))
            || self
                .header
                .get(column)
                .is_some_and(|h| sheet::match_field(h) == Some(Field::IdNumber))
    }
}

/// A cell's text as the page shows it: at most 40 characters.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// A table read from a file or pasted text, taken apart: the header row (found below title rows),
/// the people, the rows left out and why, and the columns matched to fields; or why not, in Chinese.
pub fn table(rows: Rows, notes: Vec<String>) -> Result<List, String> {
    if rows.is_empty() {
        return Err("没有读到任何内容：文件或粘贴的内容是空的。请确认选对了文件，列名一行，下面每行一个人。".to_string());
    }
    let layout = sheet::layout(&rows.iter().map(|r| r.1.as_slice()).collect::<Vec<_>>());
    let header_cells = rows
        .get(layout.header)
        .map(|r| r.1.clone())
        .unwrap_or_default();
    let header_line = rows.get(layout.header).map_or(1, |r| r.0);
    let left_out: Vec<(usize, &'static str)> = layout
        .left_out
        .iter()
        .filter_map(|(i, why)| Some((rows.get(*i)?.0, *why)))
        .collect();
    let mut people = Vec::with_capacity(layout.people.len());
    let mut rows = rows;
    for i in layout.people.iter().rev() {
        if *i < rows.len() {
            people.push(rows.swap_remove(*i));
        }
    }
    drop(rows);
    people.sort_by_key(|r| r.0);
    if people.is_empty() {
        return Err(format!(
            "第 {header_line} 行是列名，下面没有读到人员。请在列名下面每行填一个人。"
        ));
    }
    let width = people
        .iter()
        .map(|r| r.1.len())
        .chain([header_cells.len()])
        .max()
        .unwrap_or(0);
    let mut uses = sheet::assign_columns(&header_cells);
    uses.resize(width, None);
    Ok(List {
        header: header_cells.iter().map(|c| c.text.to_string()).collect(),
        header_line,
        rows: people,
        left_out,
        notes,
        uses,
        ..List::default()
    })
}

/// One person screened: the row's answers (`rules_core::sheet::read_row`), the person's benefits
/// evaluated without their words (`evaluate_person_brief`: the same statuses, values, asks and
/// findings as `evaluate_person`), the lines `--summary` gives, and the problems of the row by
/// column.
pub fn screen(columns: &[Option<Field>], cells: &[Cell], day: Date) -> Outcome {
    let (facts, cell_problems) = sheet::read_row(columns, cells, day);
    let report = evaluate_person_brief(&facts, day);
    let lines = sheet::lines(&report);
    let mut problems: Vec<(Option<usize>, String)> = cell_problems
        .into_iter()
        .map(|p| (Some(p.column), p.message))
        .collect();
    for finding in &report.findings {
        let column = finding
            .question
            .and_then(|q| columns.iter().position(|c| *c == Some(Field::Question(q))));
        problems.push((column, finding.message.clone()));
    }
    Outcome { lines, problems }
}

/// The list with the results added: per benefit its status, estimated amount and missing answers
/// (and, for a benefit no longer in force, where the person stands under the rules of its last day),
/// then the problems found in the row. The original cells are kept as they were (numbers and dates
/// with their types).
pub fn export_rows(batch: &List) -> Vec<Vec<Cell>> {
    export_stream(batch).collect()
}

/// The export's width for the list's own cells: its widest row (or its header).
pub fn export_width(batch: &List) -> usize {
    batch
        .rows
        .iter()
        .map(|r| r.1.len())
        .chain([batch.header.len()])
        .max()
        .unwrap_or(0)
}

/// The export's header row: the list's header (`width` columns), then the added columns.
pub fn export_header(batch: &List, width: usize) -> Vec<Cell> {
    let mut header = batch.header.clone();
    header.resize(width, String::new());
    for b in &batch.tally.benefits {
        header.push(format!("{}：状态", b.name));
        header.push(format!("{}：预估金额", b.name));
        header.push(format!("{}：还需回答", b.name));
        if let Some((_, day)) = b.last_day {
            header.push(format!("{}：按{}的规定", b.name, day.chinese()));
        }
    }
    header.push("填写问题".to_string());
    header
        .into_iter()
        .map(|t| Cell::new(&t, rules_core::sheet::Stored::Text))
        .collect()
}

/// One person's export row: their cells (`width` columns) and their results.
pub fn export_row(batch: &List, width: usize, cells: &[Cell], outcome: &Screened) -> Vec<Cell> {
    let mut row = Vec::with_capacity(width + 4 * batch.tally.benefits.len() + 1);
    export_into(batch, width, cells, outcome, &mut row);
    row
}

/// [`export_row`] written as CSV into `out`: the bytes [`crate::csv::write_rows`] writes for it,
/// without making its cells (the command line's export of a long list, written by its workers).
pub fn export_row_csv(
    batch: &List,
    width: usize,
    cells: &[Cell],
    outcome: &Screened,
    out: &mut Vec<u8>,
) {
    let mut row = CsvRow { out, cells: 0 };
    export_into(batch, width, cells, outcome, &mut row);
    row.out.extend_from_slice(b"\r\n");
}

/// Where an export row's cells go: a row of cells, or CSV text.
trait RowOut {
    fn cell(&mut self, cell: &Cell);
    fn text(&mut self, text: &str);
}

impl RowOut for Vec<Cell> {
    fn cell(&mut self, cell: &Cell) {
        self.push(cell.clone());
    }
    fn text(&mut self, text: &str) {
        self.push(Cell::text(text));
    }
}

/// A row as CSV text, its cells written as they come.
struct CsvRow<'a> {
    out: &'a mut Vec<u8>,
    cells: usize,
}

impl RowOut for CsvRow<'_> {
    fn cell(&mut self, cell: &Cell) {
        if self.cells > 0 {
            self.out.push(b',');
        }
        self.cells += 1;
        crate::csv::write_cell(self.out, cell);
    }
    fn text(&mut self, text: &str) {
        if self.cells > 0 {
            self.out.push(b',');
        }
        self.cells += 1;
        crate::csv::write_text(self.out, text);
    }
}

/// The export's columns for one person, declared once: their cells (`width` columns), then per
/// benefit its status, figure, missing answers (and the rules of its last day), then the problems.
fn export_into(
    batch: &List,
    width: usize,
    cells: &[Cell],
    outcome: &Screened,
    row: &mut impl RowOut,
) {
    for cell in cells.iter().take(width) {
        row.cell(cell);
    }
    for _ in cells.len()..width {
        row.text("");
    }
    for (i, b) in batch.tally.benefits.iter().enumerate() {
        let mark = outcome.marks.iter().find(|m| usize::from(m.benefit) == i);
        match mark {
            Some(mark) => {
                row.text(mark.status.label());
                row.text(batch.texts.get(mark.figure));
                row.text(batch.texts.get(mark.missing));
            }
            None => {
                for _ in 0..3 {
                    row.text("");
                }
            }
        }
        if b.last_day.is_some() {
            row.text(
                mark.and_then(|m| m.last_day)
                    .map_or("", |status| status.label()),
            );
        }
    }
    let problems: Vec<String> = outcome
        .problems
        .iter()
        .map(|(column, message)| match column {
            Some(c) => format!("{}：{message}", batch.column_name(*c)),
            None => message.clone(),
        })
        .collect();
    row.text(&problems.join("；"));
}

/// [`export_rows`] one row at a time (the header first), so that a long list's export is never
/// held whole.
pub fn export_stream(batch: &List) -> impl Iterator<Item = Vec<Cell>> + '_ {
    let width = export_width(batch);
    let people = batch
        .rows
        .iter()
        .zip(&batch.outcomes)
        .map(move |((_, cells), outcome)| export_row(batch, width, cells, outcome));
    std::iter::once(export_header(batch, width)).chain(people)
}

/// [`table`] built row by row as a file is read (the page's slices): each row is told apart as it
/// comes, so nothing long is left for the end. The same list as [`table`] on the same rows.
#[derive(Default)]
pub struct Tabling {
    first: Rows,
    streaming: Option<Streaming>,
}

impl Tabling {
    /// The next row read.
    pub fn push(&mut self, row: Row) {
        match &mut self.streaming {
            Some(s) => s.push(row),
            None => {
                self.first.push(row);
                if self.first.len() >= 30 {
                    let first = std::mem::take(&mut self.first);
                    // Not empty, so a list.
                    self.streaming = Streaming::new(first, Vec::new(), 0).ok();
                }
            }
        }
    }

    /// The list, with the reader's notes; or why not (as [`table`]).
    pub fn finish(self, notes: Vec<String>) -> Result<List, String> {
        let streaming = match self.streaming {
            Some(s) => s,
            None => Streaming::new(self.first, Vec::new(), 0)?,
        };
        let mut list = streaming.list;
        if list.rows.is_empty() {
            return Err(format!(
                "第 {} 行是列名，下面没有读到人员。请在列名下面每行填一个人。",
                list.header_line
            ));
        }
        let width = list
            .rows
            .iter()
            .map(|r| r.1.len())
            .chain([list.header.len()])
            .max()
            .unwrap_or(0);
        list.uses.resize(width, None);
        list.notes = notes;
        Ok(list)
    }
}

/// A list screened as a stream (the command line's CSV, any number of rows in bounded memory):
/// the header found in the first rows, then rows pushed as they are read, told apart as [`table`]
/// does ([`sheet::Body`]), screened a chunk at a time ([`Streaming::screen_chunk`]) and dropped once
/// their export rows are written. The counts, the rows left out and the problems per column are
/// kept; the same file gives the same summary and export as [`table`] and [`List::screen_parallel`].
pub struct Streaming {
    /// The list's header, columns, notes, rows left out and count; `rows` and `outcomes` hold only
    /// the chunk being screened.
    pub list: List,
    body: sheet::Body,
    /// The export's width for the list's own cells (the widest row of the whole file).
    width: usize,
    header_written: bool,
    pub people: usize,
    pub problems: usize,
    by_column: Vec<usize>,
}

impl Streaming {
    /// The list's header found in its first rows (at least the first 30 of the file, or all of
    /// it); `width` is the widest row of the whole file. The first rows below the header are pushed.
    pub fn new(first: Rows, notes: Vec<String>, width: usize) -> Result<Streaming, String> {
        if first.is_empty() {
            return Err("没有读到任何内容：文件或粘贴的内容是空的。请确认选对了文件，列名一行，下面每行一个人。".to_string());
        }
        let header = sheet::header_row(&first.iter().map(|r| r.1.as_slice()).collect::<Vec<_>>());
        let header_cells = first.get(header).map(|r| r.1.clone()).unwrap_or_default();
        let header_line = first.get(header).map_or(1, |r| r.0);
        let left_out = first
            .iter()
            .take(header)
            .map(|r| (r.0, "在列名行之上（标题或说明），不是人员"))
            .collect();
        let mut uses = sheet::assign_columns(&header_cells);
        uses.resize(width.max(header_cells.len()), None);
        let mut streaming = Streaming {
            list: List {
                header: header_cells.iter().map(|c| c.text.to_string()).collect(),
                header_line,
                left_out,
                notes,
                uses,
                ..List::default()
            },
            body: sheet::Body::new(&header_cells),
            width: width.max(header_cells.len()),
            header_written: false,
            people: 0,
            problems: 0,
            by_column: Vec::new(),
        };
        for row in first.into_iter().skip(header + 1) {
            streaming.push(row);
        }
        Ok(streaming)
    }

    /// The next row of the file.
    pub fn push(&mut self, row: Row) {
        match self.body.classify(&row.1) {
            sheet::Kept::Person => self.list.rows.push(row),
            sheet::Kept::LeftOut(why) => self.list.left_out.push((row.0, why)),
            sheet::Kept::Blank => {}
        }
    }

    /// Rows pushed and not yet screened.
    pub fn pending(&self) -> usize {
        self.list.rows.len()
    }

    /// Screens the rows pushed on `threads` threads, counts them and returns their export rows (the
    /// export's header first, the first time); the rows are then dropped.
    pub fn screen_chunk(&mut self, day: Date, threads: usize) -> Result<Vec<Vec<Cell>>, String> {
        self.list.screen_more(day, threads, |_, _| {})?;
        self.people += self.list.rows.len();
        let mut out = Vec::with_capacity(self.list.rows.len() + 1);
        if !self.header_written {
            self.header_written = true;
            out.push(export_header(&self.list, self.width));
        }
        for ((_, cells), outcome) in self.list.rows.iter().zip(&self.list.outcomes) {
            out.push(export_row(&self.list, self.width, cells, outcome));
            self.problems += outcome.problems.len();
            for (column, _) in &outcome.problems {
                if let Some(c) = column {
                    if self.by_column.len() <= *c {
                        self.by_column.resize(c + 1, 0);
                    }
                    self.by_column[*c] += 1;
                }
            }
        }
        self.list.rows.clear();
        self.list.outcomes.clear();
        Ok(out)
    }

    /// Per column, how many of its cells could not be read, most first (as [`column_problems`]).
    pub fn column_problems(&self) -> Vec<(usize, usize)> {
        sorted_counts(self.by_column.iter().copied())
    }
}

/// The export as an .xlsx workbook (one sheet, 筛查结果): the same bytes from the page and the
/// command line for the same list and day.
pub fn export_xlsx(list: &List) -> Vec<u8> {
    crate::xlsx::write_streams(vec![(EXPORT_SHEET, Box::new(export_stream(list)))])
}

/// The export of a list read from the workbook `original` (its sheet `chosen`) as .xlsx: 筛查结果
/// first, with the list sheet's own column widths ([`List::widths`]), then the workbook's other
/// sheets in their order, their cells as read (values, numbers and dates; not formulas or
/// formatting) on their own rows, with their column widths. The same bytes from the page and the
/// command line. Notes say which sheets could not be kept, and why.
pub fn export_xlsx_keeping(list: &List, original: &[u8], chosen: &str) -> (Vec<u8>, Vec<String>) {
    let (others, notes) = kept_sheets(original, chosen);
    let mut sheets = vec![crate::xlsx::SheetOut {
        name: EXPORT_SHEET,
        rows: Box::new(export_stream(list)),
        widths: list.widths.clone(),
    }];
    for (name, rows, widths) in &others {
        sheets.push(crate::xlsx::SheetOut {
            name,
            rows: Box::new(rows.iter().cloned()),
            widths: widths.clone(),
        });
    }
    (crate::xlsx::write_sheets(sheets), notes)
}

/// The sheet an .xlsx export writes the list and its results to.
pub const EXPORT_SHEET: &str = "筛查结果";

/// A worksheet as an export keeps it: its name, its rows and its column widths.
pub type KeptSheet = (String, Vec<Vec<Cell>>, Vec<crate::xlsx::Width>);

/// The sheets of the workbook `original` other than `chosen`, as [`export_xlsx_keeping`] writes them
/// after [`EXPORT_SHEET`] (one so named becomes 筛查结果（原）), each row on its own row number; and
/// notes on the sheets that could not be kept.
pub fn kept_sheets(original: &[u8], chosen: &str) -> (Vec<KeptSheet>, Vec<String>) {
    let mut notes = Vec::new();
    let mut others: Vec<KeptSheet> = Vec::new();
    let names: Vec<String> = crate::xlsx::read(original, Some(chosen))
        .map(|b| b.sheets.into_iter().map(|s| s.name).collect())
        .unwrap_or_default();
    for name in names.iter().filter(|n| *n != chosen) {
        match crate::xlsx::read(original, Some(name)) {
            Ok(book) => {
                // Each row on its own row number, as in the workbook.
                let mut rows: Vec<Vec<Cell>> = Vec::new();
                for (number, cells) in book.rows {
                    rows.resize(number.saturating_sub(1), Vec::new());
                    rows.push(cells);
                }
                let kept = if name == EXPORT_SHEET {
                    format!("{EXPORT_SHEET}（原）")
                } else {
                    name.clone()
                };
                others.push((kept, rows, book.widths));
            }
            Err(why) => notes.push(format!("工作表“{name}”没有保留：{why}")),
        }
    }
    (others, notes)
}

/// [`export_csv`] in pieces of about 1 MB handed to `each` as they are written, so that a long
/// list's export is never one buffer (the page hands each piece to the browser); the pieces
/// together are [`export_csv`]'s bytes.
pub fn export_csv_pieces(list: &List, mut each: impl FnMut(&[u8])) {
    let mut out = Vec::with_capacity(1 << 20);
    out.extend_from_slice("\u{feff}".as_bytes());
    for row in export_stream(list) {
        crate::csv::write_rows(&mut out, std::iter::once(row));
        if out.len() >= 1 << 20 {
            each(&out);
            out.clear();
        }
    }
    each(&out);
}

/// The export as CSV (UTF-8 with a byte-order mark).
pub fn export_csv(list: &List) -> Vec<u8> {
    let mut out = Vec::new();
    crate::csv::write_into(&mut out, export_stream(list));
    out
}

/// Per column, how many of its cells could not be read (or were found wrong), most first.
pub fn column_problems(batch: &List) -> Vec<(usize, usize)> {
    let mut counts = vec![0_usize; batch.uses.len().max(batch.header.len())];
    for outcome in &batch.outcomes {
        for (column, _) in &outcome.problems {
            if let Some(n) = column.and_then(|c| counts.get_mut(c)) {
                *n += 1;
            }
        }
    }
    sorted_counts(counts.into_iter())
}

/// Counts by column, the columns without any left out, most first.
fn sorted_counts(counts: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = counts.enumerate().filter(|(_, n)| *n > 0).collect();
    out.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), *c));
    out
}

/// Whether a line is worth a printed sheet: money the person can claim now, or a lead (a benefit
/// whose continuation is not yet announced, for which the rules of its last day would have covered
/// the person).
pub fn claimable(line: &Line) -> bool {
    (line.status == Status::Eligible
        && matches!(line.value, Value::Amount { .. } | Value::UpTo { .. }))
        || (line.status == Status::ContinuationUnknown
            && line.last_day.is_some_and(|(s, _)| s == Status::Eligible))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register() -> List {
        let (rows, notes) = crate::csv::parse(include_str!(
            "../../tests/examples/register/register-utf8.csv"
        ))
        .expect("CSV");
        table(rows, notes).expect("a list")
    }

    /// Read and screened as a stream, in chunks of a few rows, the register gives the same counts,
    /// rows left out, problems and export as read whole.
    #[test]
    fn a_stream_screens_as_the_whole() {
        let day = Date::ymd(2026, 3, 1);
        let mut whole = register();
        whole.screen_all(day);
        let text = include_str!("../../tests/examples/register/register-utf8.csv");
        let mut reader = crate::csv::Reader::new(crate::xlsx::Collector::unlimited());
        reader.feed(text);
        reader.end().expect("read");
        let rows = reader.collector.take_rows();
        let width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
        let (_, notes) = reader.collector.finish();
        let mut rest = rows.into_iter();
        let mut stream =
            Streaming::new(rest.by_ref().take(30).collect(), notes, width).expect("a list");
        let mut out = Vec::new();
        for row in rest {
            stream.push(row);
            if stream.pending() == 7 {
                out.extend(stream.screen_chunk(day, 2).expect("screened"));
            }
        }
        out.extend(stream.screen_chunk(day, 2).expect("screened"));
        assert_eq!(stream.people, whole.rows.len());
        assert_eq!(stream.list.tally, whole.tally);
        assert_eq!(stream.list.left_out, whole.left_out);
        assert_eq!(stream.list.header_line, whole.header_line);
        assert_eq!(stream.column_problems(), column_problems(&whole));
        assert_eq!(out, export_rows(&whole));
    }

    /// An export row written straight as CSV is the CSV of its cells: for the workbook's register
    /// (dates as day numbers, formula-like text, quotes) and the CSV's, its own width, wider and
    /// narrower.
    #[test]
    fn an_export_row_as_csv_is_the_csv_of_its_cells() {
        let book = crate::xlsx::read(
            include_bytes!("../../tests/examples/register/register.xlsx"),
            Some("2026年台账"),
        )
        .expect("a workbook");
        let mut lists = vec![table(book.rows, book.notes).expect("a list"), register()];
        for list in &mut lists {
            list.screen_all(Date::ymd(2026, 3, 1));
            let own = export_width(list);
            for width in [own, own + 2, own - 1] {
                let mut direct = Vec::new();
                let mut cells = Vec::new();
                for ((_, row), outcome) in list.rows.iter().zip(&list.outcomes) {
                    export_row_csv(list, width, row, outcome, &mut direct);
                    crate::csv::write_rows(
                        &mut cells,
                        std::iter::once(export_row(list, width, row, outcome)),
                    );
                }
                assert!(direct == cells, "width {width} of {own}");
            }
        }
        assert!(lists[0].rows.iter().any(|r| r
            .1
            .iter()
            .any(|c| c.stored == rules_core::sheet::Stored::DateNumber)));
    }

    /// A workbook's other sheets and the list sheet's column widths are kept in the .xlsx export.
    #[test]
    fn the_export_keeps_the_other_sheets_and_the_widths() {
        use crate::xlsx::{write_sheets, SheetOut, Width};
        let notes_sheet = vec![
            vec![Cell::text("填表说明")],
            vec![],
            vec![Cell::text("第三行")],
        ];
        let list_rows = vec![
            vec![Cell::text("姓名"), Cell::text("年龄")],
            vec![
                Cell::text("张三"),
                Cell::new("45", rules_core::sheet::Stored::Number),
            ],
        ];
        let widths = vec![
            Width {
                min: 1,
                max: 1,
                width: "12.5".to_string(),
            },
            Width {
                min: 2,
                max: 2,
                width: "30".to_string(),
            },
        ];
        let original = write_sheets(vec![
            SheetOut {
                name: "说明",
                rows: Box::new(notes_sheet.into_iter()),
                widths: Vec::new(),
            },
            SheetOut {
                name: "名单",
                rows: Box::new(list_rows.into_iter()),
                widths: widths.clone(),
            },
        ]);
        let book = crate::xlsx::read(&original, Some("名单")).expect("a workbook");
        assert_eq!(book.widths, widths);
        let mut list = table(book.rows, book.notes).expect("a list");
        list.widths = book.widths;
        list.screen_all(Date::ymd(2026, 3, 1));
        let (bytes, notes) = export_xlsx_keeping(&list, &original, "名单");
        assert!(notes.is_empty(), "{notes:?}");
        let out = crate::xlsx::read(&bytes, None).expect("the export");
        let names: Vec<&str> = out.sheets.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["筛查结果", "说明"]);
        assert_eq!(out.widths[..2], widths[..]);
        assert_eq!(
            out.widths[2].min, 3,
            "the added columns after the kept widths"
        );
        let kept = crate::xlsx::read(&bytes, Some("说明")).expect("the kept sheet");
        let rows: Vec<(usize, String)> = kept
            .rows
            .iter()
            .map(|(n, c)| (*n, c[0].text.to_string()))
            .collect();
        assert_eq!(
            rows,
            [(1, "填表说明".to_string()), (3, "第三行".to_string())]
        );
        let back = crate::xlsx::read(&bytes, None).expect("read").rows;
        assert_eq!(&*back[1].1[1].text, "45");
        assert_eq!(back[1].1[1].stored, rules_core::sheet::Stored::Number);
    }

    /// Built row by row, a list is the one [`table`] makes.
    #[test]
    fn tabling_is_table() {
        let texts = [
            include_str!("../../tests/examples/register/register-utf8.csv").to_string(),
            "标题\n\n姓名,年龄\n张三,40,多\n合计,1\n".to_string(),
            "姓名,年龄\n".to_string(),
            "\n".to_string(),
        ];
        for text in &texts {
            let (rows, notes) = crate::csv::parse(text).expect("CSV");
            let whole = table(rows.clone(), notes.clone());
            let mut tabling = Tabling::default();
            for row in rows {
                tabling.push(row);
            }
            let built = tabling.finish(notes);
            match (whole, built) {
                (Ok(a), Ok(b)) => {
                    assert_eq!(a.rows, b.rows);
                    assert_eq!(a.uses, b.uses);
                    assert_eq!(a.left_out, b.left_out);
                    assert_eq!(a.header, b.header);
                    assert_eq!(a.header_line, b.header_line);
                    assert_eq!(a.notes, b.notes);
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                (a, b) => panic!("{text:?}: {:?} / {:?}", a.err(), b.err()),
            }
        }
    }

    /// Screening on several threads gives the same outcomes, count and export as one thread.
    #[test]
    fn parallel_screening_is_the_same_as_one_thread() {
        let day = Date::ymd(2026, 3, 1);
        let mut one = register();
        one.screen_all(day);
        let mut many = register();
        let mut seen = Vec::new();
        many.screen_parallel(day, 3, |done, total| seen.push((done, total)))
            .expect("screened");
        assert_eq!(one.tally, many.tally);
        assert_eq!(seen.last(), Some(&(300, 300)));
        assert_eq!(export_csv(&one), export_csv(&many));
        let mut pieces = Vec::new();
        export_csv_pieces(&one, |p| pieces.extend_from_slice(p));
        assert_eq!(pieces, export_csv(&one));
        assert_eq!(export_xlsx(&one), export_xlsx(&many));
        let people_with_last_day = one
            .outcomes
            .iter()
            .filter(|o| o.marks.iter().any(|m| m.last_day.is_some()))
            .count();
        assert_eq!(people_with_last_day, 300);
    }
}

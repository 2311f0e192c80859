//! `subsidy-check screen LIST.xlsx|LIST.csv --as-of DATE [--sheet N|NAME] [--column 表头=id]…
//! [-o OUT.xlsx|OUT.csv]`: the staff page's list screening on a computer, through the same pipeline
//! (the `lists` crate): the same reading of the file, the same columns, the same screening and the
//! same export. Rows are screened on every core; progress goes to stderr, the summary the page shows
//! to stdout.

use crate::stream::{self, Counts};
use lists::csv;
use lists::screen::{column_problems, export_csv, export_xlsx, export_xlsx_keeping, table, List};
use lists::xlsx;
use rules_core::sheet::{self, Field, COUNTED, LAST_DAY_COUNTED};
use rules_core::Date;
use std::io::{Read, Write};

/// Why a list in which no column answers a question is not screened.
const UNREAD: &str = "没有哪一列对应到问题，无法筛查：请用 --column 表头=问题id 指定";

/// Most rows the command line reads (the page reads [`xlsx::MAX_ROWS`]).
const MAX_ROWS: usize = 5_000_000;

pub const USAGE: &str = "  subsidy-check screen LIST.xlsx|LIST.csv --as-of YYYY-MM-DD [--sheet N|名称] [--column 表头=问题id]… [-o OUT.xlsx|OUT.csv]
      筛查名单（与 staff.html#/list 相同的读取、筛查和导出）：汇总输出到标准输出，进度输出到标准错误；
      --sheet 选工作表（序号从 1 起，或名称）；--column 指定某列对应的问题（id 见 catalogue，或 name、id-number、
      birth-date、category、flag-alleviated、flag-monitored；写 - 表示不读取）；-o 导出带结果的名单";

struct Options {
    file: String,
    as_of: Date,
    sheet: Option<String>,
    columns: Vec<(String, String)>,
    out: Option<String>,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut file = None;
    let mut as_of = None;
    let mut sheet = None;
    let mut columns = Vec::new();
    let mut out = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |what: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{arg} 后面要写{what}"))
        };
        match arg.as_str() {
            "--as-of" => as_of = Some(Date::parse(&value("日期")?)?),
            "--sheet" => sheet = Some(value("工作表的序号或名称")?),
            "--column" => {
                let given = value("“表头=问题id”")?;
                let (header, id) = given
                    .split_once('=')
                    .ok_or_else(|| format!("--column 要写成“表头=问题id”：{given}"))?;
                columns.push((header.trim().to_string(), id.trim().to_string()));
            }
            "-o" | "--output" => out = Some(value("导出文件名（.xlsx 或 .csv）")?),
            other if other.starts_with('-') => {
                return Err(format!("不认识的选项 {other}\n{USAGE}"))
            }
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("多余的参数 {extra}\n{USAGE}")),
        }
    }
    Ok(Options {
        file: file.ok_or_else(|| format!("请写出名单文件\n{USAGE}"))?,
        as_of: as_of.ok_or("请用 --as-of YYYY-MM-DD 指定按哪天的政策筛查")?,
        sheet,
        columns,
        out,
    })
}

/// Text in the file's encoding: a byte-order mark says UTF-8 or UTF-16 (either order); valid UTF-8
/// is UTF-8; anything else is GBK (what Excel on Chinese Windows saves).
fn decode(bytes: &[u8]) -> (String, csv::Encoding) {
    let utf16 = |big: bool| {
        let units = bytes[2..].chunks_exact(2).map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    match csv::sniff(bytes) {
        csv::Encoding::Utf16Le => (utf16(false), csv::Encoding::Utf16Le),
        csv::Encoding::Utf16Be => (utf16(true), csv::Encoding::Utf16Be),
        csv::Encoding::Utf8 => (
            String::from_utf8_lossy(bytes).into_owned(),
            csv::Encoding::Utf8,
        ),
        csv::Encoding::Gbk => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (text.into_owned(), csv::Encoding::Gbk)
        }
    }
}

/// A workbook's bytes and the name of the sheet read.
type Original = (Vec<u8>, String);

/// The file read as the page reads it: a sentence on how, the list, and for a workbook its bytes
/// and the sheet read (to keep its other sheets in the export).
fn read(options: &Options) -> Result<(String, List, Option<Original>), String> {
    let bytes =
        std::fs::read(&options.file).map_err(|e| format!("无法读取 {}：{e}", options.file))?;
    let name = &options.file;
    if bytes.starts_with(b"PK\x03\x04") {
        // A sheet by its number (1 = the first) or its name.
        let wanted = match options.sheet.as_deref() {
            Some(given) => match given.parse::<usize>() {
                Ok(n) => {
                    let book = xlsx::read_with(&bytes, None, MAX_ROWS)?;
                    let sheet = n
                        .checked_sub(1)
                        .and_then(|i| book.sheets.get(i))
                        .ok_or_else(|| format!("工作簿只有 {} 个工作表", book.sheets.len()))?;
                    Some(sheet.name.clone())
                }
                Err(_) => Some(given.to_string()),
            },
            None => None,
        };
        let book = xlsx::read_with(&bytes, wanted.as_deref(), MAX_ROWS)?;
        let sheet = book
            .sheets
            .get(book.chosen)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let mut list = table(book.rows, book.notes)?;
        list.widths = book.widths;
        let how = format!("“{name}”（Excel 工作簿，工作表“{sheet}”）");
        return Ok((how, list, Some((bytes, sheet))));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("这是旧版 Excel 文件（.xls），请另存为 .xlsx 或 CSV".to_string());
    }
    if options.sheet.is_some() {
        return Err("--sheet 只用于 Excel 工作簿（.xlsx）".to_string());
    }
    let (text, encoding) = decode(&bytes);
    if text.contains('\u{0}') {
        return Err(format!("“{name}”不是表格文件（CSV 或 .xlsx）"));
    }
    let (rows, notes) = csv::parse_with(&text, MAX_ROWS)?;
    let list = table(rows, notes)?;
    Ok((
        format!("“{name}”（CSV 文本，编码：{}）", encoding.label()),
        list,
        None,
    ))
}

/// `--column 表头=id`: the field of the column whose header is `表头`.
fn assign(list: &mut List, columns: &[(String, String)]) -> Result<(), String> {
    for (header, id) in columns {
        let at = list
            .header
            .iter()
            .position(|h| h.trim() == header)
            .ok_or_else(|| format!("找不到表头为“{header}”的列"))?;
        let field = match id.as_str() {
            "-" | "" => None,
            id => Some(Field::from_value(id).ok_or_else(|| format!("不认识的问题 id：{id}"))?),
        };
        if let Some(slot) = list.uses.get_mut(at) {
            *slot = field;
        }
    }
    Ok(())
}

/// The summary the page shows, as text: how the list was read, then per benefit people by status
/// (and by the rules of an ended benefit's last day), then the problems per column.
fn summary(how: &str, list: &List, counts: &Counts) -> String {
    let mut out = format!(
        "已读取{how}：{} 人；第 {} 行是列名。\n",
        counts.people, list.header_line
    );
    for (line, why) in &list.left_out {
        out.push_str(&format!("未当作人员：第 {line} 行，{why}\n"));
    }
    for note in &list.notes {
        out.push_str(&format!("说明：{note}\n"));
    }
    for (column, field) in list.uses.iter().enumerate() {
        if let Some(field) = field {
            out.push_str(&format!(
                "{} → {}\n",
                list.column_name(column),
                field.label()
            ));
        }
    }
    out.push_str("\n政策");
    for status in COUNTED {
        out.push_str(&format!("\t{}", status.label()));
    }
    let last_day = list
        .tally
        .benefits
        .iter()
        .find_map(|b| b.last_day.map(|(_, d)| d));
    if let Some(day) = last_day {
        out.push_str(&format!("\t按{}的规定", day.chinese()));
    }
    out.push('\n');
    for b in &list.tally.benefits {
        out.push_str(b.name);
        for n in b.counts {
            out.push_str(&format!("\t{n}"));
        }
        if let Some((counts, _)) = b.last_day {
            let parts: Vec<String> = LAST_DAY_COUNTED
                .iter()
                .zip(counts)
                .map(|(s, n)| format!("{} {n}", s.label()))
                .collect();
            out.push_str(&format!("\t{}", parts.join("，")));
        } else if last_day.is_some() {
            out.push_str("\t—");
        }
        out.push('\n');
    }
    out.push_str(&format!("\n填写有问题的格子：{} 处", counts.problems));
    let by_column: Vec<String> = counts
        .by_column
        .iter()
        .copied()
        .map(|(c, n)| format!("{} {n} 格", list.column_name(c)))
        .collect();
    if !by_column.is_empty() {
        out.push_str(&format!("（按列：{}）", by_column.join("；")));
    }
    out.push('\n');
    out
}

/// Whether a file is screened as a stream: a CSV (not a workbook) exported as CSV or not at all.
fn streams(options: &Options) -> Result<bool, String> {
    let mut head = [0_u8; 4];
    let mut file = std::fs::File::open(&options.file)
        .map_err(|e| format!("无法读取 {}：{e}", options.file))?;
    let n = file.read(&mut head).unwrap_or(0);
    let workbook = head[..n].starts_with(b"PK\x03\x04") || head[..n].starts_with(&[0xD0, 0xCF]);
    let csv_out = options
        .out
        .as_ref()
        .is_none_or(|o| o.to_lowercase().ends_with(".csv"));
    Ok(!workbook && csv_out && options.sheet.is_none())
}

pub fn command(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if streams(&options)? {
        let columns = |list: &mut List| -> Result<(), String> {
            assign(list, &options.columns)?;
            if sheet::reads_any(&list.uses) {
                Ok(())
            } else {
                Err(UNREAD.to_string())
            }
        };
        let request = stream::Request {
            file: &options.file,
            as_of: options.as_of,
            out: options.out.as_deref(),
            columns: &columns,
        };
        let done = stream::screen_csv(&request, threads)?;
        let how = format!(
            "“{}”（CSV 文本，编码：{}）",
            options.file,
            done.encoding.label()
        );
        return print(&summary(&how, &done.list, &done.counts));
    }
    let (how, mut list, original) = read(&options)?;
    assign(&mut list, &options.columns)?;
    if !sheet::reads_any(&list.uses) {
        return Err(UNREAD.to_string());
    }
    let started = std::time::Instant::now();
    let mut stderr = std::io::stderr().lock();
    list.screen_parallel(options.as_of, threads, |done, total| {
        let _ = write!(stderr, "\r已筛查 {done} / {total} 人");
    })?;
    let seconds = started.elapsed().as_secs_f64().max(1e-6);
    let _ = writeln!(
        stderr,
        "\r已筛查 {} 人，用时 {seconds:.2} 秒，每秒约 {:.0} 人（{threads} 个线程）",
        list.rows.len(),
        list.rows.len() as f64 / seconds
    );
    if let Some(out) = &options.out {
        let bytes = if out.to_lowercase().ends_with(".csv") {
            export_csv(&list)
        } else if out.to_lowercase().ends_with(".xlsx") {
            match &original {
                Some((bytes, sheet)) => {
                    let (bytes, notes) = export_xlsx_keeping(&list, bytes, sheet);
                    for note in notes {
                        let _ = writeln!(std::io::stderr(), "{note}");
                    }
                    bytes
                }
                None => export_xlsx(&list),
            }
        } else {
            return Err("-o 的文件名要以 .xlsx 或 .csv 结尾".to_string());
        };
        std::fs::write(out, bytes).map_err(|e| format!("无法写入 {out}：{e}"))?;
    }
    let counts = Counts {
        people: list.rows.len(),
        problems: list.outcomes.iter().map(|o| o.problems.len()).sum(),
        by_column: column_problems(&list),
    };
    print(&summary(&how, &list, &counts))
}

/// The summary on stdout.
fn print(text: &str) -> Result<(), String> {
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| format!("无法输出：{e}"))
}

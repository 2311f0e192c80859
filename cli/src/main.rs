//! subsidy-check: the rules on the command line, for staff batch work and for tests. (The site's
//! static pages are the `pages` crate's.)
//!
//!   subsidy-check catalogue
//!   subsidy-check evaluate --as-of YYYY-MM-DD [--summary] [FILE|-]
//!   subsidy-check screen LIST.xlsx|LIST.csv --as-of YYYY-MM-DD [--sheet N|NAME] [--column 表头=id]… [-o OUT]
//!
//! `evaluate` reads one JSON answers document, or JSON lines (one person per line), and prints the
//! report(s) as JSON, in full or (`--summary`) one compact line each. Lines stream: one output line
//! per line in, in input order, each with its input line number, on every core, in bounded memory. A
//! bad line's output is an error record with its number and the reason (also on stderr), the others
//! are still evaluated, and the exit code is 2 at the end.

mod batch;
mod input;
mod messages;
mod report;
mod screen;
mod stream;

use input::{InputLine, LineContent, LineReader};
use report::ReportForm;
use rules_core::Date;
use std::io::{self, Write};
use std::process::ExitCode;

const USAGE: &str = "用法 / usage:
  subsidy-check catalogue
  subsidy-check evaluate --as-of YYYY-MM-DD [--summary] [FILE|-]
      FILE: 一个 JSON 回答文档，或每行一人的 JSON Lines；- 或省略表示标准输入
      --summary: 每人一行简要结果（每项补贴的状态、金额、还需回答的问题），不含条件、材料等详情
  subsidy-check screen LIST.xlsx|LIST.csv --as-of YYYY-MM-DD [--sheet N|名称] [--column 表头=问题id]… [-o OUT.xlsx|OUT.csv]
      筛查名单（与 staff.html#/list 相同的读取、筛查和导出）：汇总输出到标准输出，进度输出到标准错误；
      --sheet 选工作表（序号从 1 起，或名称）；--column 指定某列对应的问题（id 见 catalogue，或 name、id-number、
      birth-date、category、flag-alleviated、flag-monitored；写 - 表示不读取）；-o 导出带结果的名单";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("subsidy-check: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("catalogue") if args.len() == 1 => {
            // The districts' options as of the Liangjiang reform, so the catalogue lists them all.
            let description =
                rules_core::describe::describe(rules_core::districts::LIANGJIANG_REFORM);
            print_json(&description, true)
        }
        Some("evaluate") => evaluate_command(&args[1..]),
        Some("screen") => screen::command(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("无法识别的命令\n{USAGE}")),
    }
}

fn evaluate_command(args: &[String]) -> Result<(), String> {
    let mut as_of = None;
    let mut input = None;
    let mut form = ReportForm::Full;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--as-of" => {
                let value = rest.next().ok_or_else(|| {
                    format!(
                        "--as-of 后面要写日期，例如 --as-of {}",
                        rules_core::input::ISO_DATE_EXAMPLE
                    )
                })?;
                as_of = Some(Date::parse(value)?);
            }
            "--summary" => form = ReportForm::Summary,
            other if other.starts_with("--") => {
                return Err(format!("不认识的选项 {other}\n{USAGE}"))
            }
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("多余的参数 {extra}\n{USAGE}")),
        }
    }
    let as_of = as_of.ok_or("请用 --as-of YYYY-MM-DD 指定查询日期（规则按日期生效）")?;
    let mut lines = LineReader::open(input.as_deref())?;
    let Some(first) = lines.next_non_blank()? else {
        return Err("输入为空：需要一个 JSON 回答文档，或每行一个".to_string());
    };
    // One document spread over several lines when its first line is not whole by itself (unless the
    // lines after it are: then JSON lines with a broken first line).
    let first = match first.content {
        LineContent::Text(text) if !input::is_whole_line(&text) => {
            match lines.rest_as_document(text, first.number)? {
                input::Rest::Document(document) => {
                    return evaluate_document(&document, first.number, as_of, form)
                }
                input::Rest::Lines(again) => lines = again,
            }
            lines
                .next_non_blank()?
                .ok_or("输入为空：需要一个 JSON 回答文档，或每行一个")?
        }
        content => InputLine {
            number: first.number,
            content,
        },
    };
    let Some(second) = lines.next_non_blank()? else {
        // A single line is a single document: the full report comes indented, as for a file.
        let mut out = Vec::new();
        batch::evaluate_line(&first, as_of, form, true, &mut out)
            .map_err(|why| format!("第 {} 行无法读取：{why}", first.number))?;
        return write_all(&out);
    };
    let totals = batch::evaluate_lines(lines, vec![first, second], as_of, form)?;
    match totals.bad {
        0 => Ok(()),
        bad => Err(format!(
            "{bad} 行无法读取（原因见上）；其余 {} 行的结果已输出",
            totals.evaluated
        )),
    }
}
/// One answers document spread over several lines (starting on line `first_line`): one report.
fn evaluate_document(
    document: &[u8],
    first_line: u64,
    as_of: Date,
    form: ReportForm,
) -> Result<(), String> {
    let text = std::str::from_utf8(document).map_err(|e| {
        format!(
            "回答文档不是 UTF-8 文本（第 {} 个字节起），请另存为 UTF-8",
            e.valid_up_to() + 1
        )
    })?;
    let facts = report::read_answers(text, as_of, Some(first_line))
        .map_err(|why| format!("回答文档无法读取：{why}"))?;
    let mut out = Vec::new();
    report::write_report(&facts, as_of, form, true, &mut out)?;
    write_all(&out)
}

fn write_all(bytes: &[u8]) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("输出失败：{e}")),
        _ => Ok(()),
    }
}

fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<(), String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    }
    .map_err(|e| e.to_string())?;
    write_line(&mut io::stdout().lock(), &text)
}

/// Writes one line; a closed pipe (`| head`) ends the output quietly instead of panicking.
fn write_line(out: &mut impl Write, text: &str) -> Result<(), String> {
    match writeln!(out, "{text}") {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("输出失败：{e}")),
        _ => Ok(()),
    }
}

//! subsidy-check: the rules on the command line, for staff batch work and for tests.
//!
//!   subsidy-check catalogue
//!   subsidy-check evaluate --as-of YYYY-MM-DD [FILE|-]
//!
//! `evaluate` reads one JSON answers document, or JSON lines (one person per line), and prints the
//! report(s) as JSON. Malformed input gets a message naming the line, and exit code 2.

mod landing_html;
mod policy_html;

use rules_core::{evaluate, Date, Facts};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "用法 / usage:
  subsidy-check catalogue
  subsidy-check evaluate --as-of YYYY-MM-DD [FILE|-]   (FILE: 一个 JSON 回答文档，或每行一人的 JSON Lines；- 或省略表示标准输入)
  subsidy-check policy-html --as-of YYYY-MM-DD         (不需要 WebAssembly 的静态政策一览页面)
  subsidy-check landing-html --as-of YYYY-MM-DD        (首页在 WebAssembly 加载前显示的静态部分)";

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
            let description = rules_core::describe::describe(Date::ymd(2026, 1, 25));
            print_json(&description, true)
        }
        Some("evaluate") => evaluate_command(&args[1..]),
        Some("landing-html") => match args.get(1..) {
            Some([flag, day]) if flag == "--as-of" => write_line(
                &mut io::stdout().lock(),
                &landing_html::render(Date::parse(day)?),
            ),
            _ => Err(format!("landing-html 需要 --as-of YYYY-MM-DD\n{USAGE}")),
        },
        Some("policy-html") => match args.get(1..) {
            Some([flag, day]) if flag == "--as-of" => write_line(
                &mut io::stdout().lock(),
                &policy_html::render(Date::parse(day)?),
            ),
            _ => Err(format!("policy-html 需要 --as-of YYYY-MM-DD\n{USAGE}")),
        },
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
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--as-of" => {
                let value = rest
                    .next()
                    .ok_or("--as-of 后面要写日期，例如 --as-of 2025-06-30")?;
                as_of = Some(Date::parse(value)?);
            }
            other if other.starts_with("--") => {
                return Err(format!("不认识的选项 {other}\n{USAGE}"))
            }
            path if input.is_none() => input = Some(path.to_string()),
            extra => return Err(format!("多余的参数 {extra}\n{USAGE}")),
        }
    }
    let as_of = as_of.ok_or("请用 --as-of YYYY-MM-DD 指定查询日期（规则按日期生效）")?;
    let text = read_input(input.as_deref())?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("输入为空：需要一个 JSON 回答文档，或每行一个".to_string());
    }
    // One document (possibly spread over several lines), else JSON lines.
    let whole = serde_json::from_str::<Facts>(trimmed);
    let first_line_is_json = trimmed
        .lines()
        .next()
        .is_some_and(|line| serde_json::from_str::<serde_json::Value>(line).is_ok());
    match whole {
        Ok(facts) => {
            facts.check_version()?;
            return print_json(&evaluate(&facts, as_of), true);
        }
        Err(error) if !first_line_is_json || trimmed.lines().count() == 1 => {
            return Err(format!("回答文档无法读取：{error}"));
        }
        Err(_) => {}
    }
    let mut reports = Vec::new();
    for (number, line) in trimmed.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let facts: Facts =
            serde_json::from_str(line).map_err(|e| format!("第 {} 行无法读取：{e}", number + 1))?;
        facts
            .check_version()
            .map_err(|e| format!("第 {} 行：{e}", number + 1))?;
        reports.push(evaluate(&facts, as_of));
    }
    let mut out = io::stdout().lock();
    for report in &reports {
        let line = serde_json::to_string(report).map_err(|e| e.to_string())?;
        write_line(&mut out, &line)?;
    }
    Ok(())
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    let mut text = String::new();
    match path {
        None | Some("-") => io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("读取标准输入失败：{e}"))?,
        Some(path) => {
            text =
                std::fs::read_to_string(path).map_err(|e| format!("读取文件 {path} 失败：{e}"))?;
            0
        }
    };
    Ok(text)
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

//! The command-line contract: catalogue, evaluate (one document or JSON lines), clear errors.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_subsidy-check"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    // The binary may exit before reading its input (a usage error): a closed pipe is fine here.
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.as_bytes());
    }
    child.wait_with_output().expect("binary ends")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON output")
}

const PERSON: &str = r#"{"audience":"person","poverty-status":"alleviated","hukou-chongqing":true,
  "age":35,"activity":"employee","work-place":"shandong","work-since":"2025-01-01","job-search-received":false}"#;

#[test]
fn catalogue_lists_every_benefit_with_sources() {
    let catalogue = json(&run(&["catalogue"], ""));
    let benefits = catalogue["benefits"].as_array().unwrap();
    assert_eq!(benefits.len(), rules_core::CATALOGUE.len());
    let first = &catalogue["benefits"][0];
    assert_eq!(first["id"], "job-search-subsidy");
    assert_eq!(first["clause"], "一（一）");
    assert!(catalogue["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["id"] == "lpr-1y"));
    assert!(catalogue["parameters"][0]["values"][0]["source"]["document"].is_string());
}

#[test]
fn evaluates_one_multi_line_document() {
    let report = json(&run(&["evaluate", "--as-of", "2025-06-01", "-"], PERSON));
    let shandong = report["benefits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == "shandong-job-search-subsidy")
        .unwrap();
    assert_eq!(shandong["status"], "eligible");
    assert_eq!(shandong["estimate"]["value"]["amount"], "800");
}

/// A report carries its catalogue entry (issue 30), and its JSON is what it was before: the entry's
/// four fields first, in their order, then the evaluation's.
#[test]
fn a_benefit_report_keeps_its_json_shape() {
    let output = run(&["evaluate", "--as-of", "2025-06-01", "-"], PERSON);
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.split(r#""benefits": ["#).nth(1).unwrap_or_default();
    let at = |key: &str| first.find(&format!(r#""{key}": "#));
    assert!(at("id").is_some() && first.find(r#""id": "job-search-subsidy","#) == at("id"));
    let order = ["id", "name", "audience", "clause", "status", "conditions"];
    for pair in order.windows(2) {
        assert!(at(pair[0]) < at(pair[1]), "{} before {}", pair[0], pair[1]);
    }
    let benefit = &json(&output)["benefits"][0];
    let fields: std::collections::BTreeSet<&str> = benefit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let expected = [
        "id",
        "name",
        "audience",
        "clause",
        "status",
        "conditions",
        "estimate",
        "documents",
        "apply",
        "validity",
        "standing",
        "rules_on",
        "status_on_last_day",
        "not_combined_with",
    ];
    assert_eq!(fields, expected.into_iter().collect());
}

#[test]
fn evaluates_json_lines_one_report_per_person() {
    let lines = "{\"audience\":\"person\",\"age\":30}\n\n{\"audience\":\"employer\"}\n";
    let output = run(&["evaluate", "--as-of", "2025-06-01"], lines);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let reports: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[1]["benefits"][0]["status"], "not-for-audience");
}

#[test]
fn malformed_input_gets_a_message_and_exit_code_2() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["evaluate", "--as-of", "2025-06-01"],
            "{\"agee\": 3}",
            "无法读取",
        ),
        (
            &["evaluate", "--as-of", "2025-06-01"],
            "{\"age\":1}\n{\"age\": -3}\n",
            "第 2 行",
        ),
        (
            &["evaluate", "--as-of", "2025-06-01"],
            "{\"version\": 99}",
            "较新的版本",
        ),
        (&["evaluate"], PERSON, "--as-of"),
        (&["evaluate", "--as-of", "2025-02-30"], PERSON, "没有"),
    ];
    for (args, input, expected) in cases {
        let output = run(args, input);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(expected), "{args:?}: {message}");
    }
}

/// The standing of every benefit is one rules-core value: `evaluate`'s JSON and policy.html agree
/// on it (the app's cards and the staff page render the same value; the e2e suites compare them
/// with policy.html in the browser), and on 2026-12-01 nothing whose basis ran out is eligible.
#[test]
fn evaluate_and_the_policy_page_agree_on_every_benefits_standing() {
    let day = "2026-12-01";
    let page = pages::policy::render(rules_core::Date::parse(day).unwrap());
    let mut compared = 0;
    for audience in ["person", "employer", "agency", "carrier"] {
        let answers = format!(r#"{{"audience":"{audience}"}}"#);
        let report = json(&run(&["evaluate", "--as-of", day, "-"], &answers));
        for benefit in report["benefits"].as_array().unwrap() {
            if benefit["status"] == "not-for-audience" {
                continue;
            }
            let id = benefit["id"].as_str().unwrap();
            let standing = benefit["standing"].as_str().unwrap();
            let section = page
                .split(&format!("<section id=\"{id}\""))
                .nth(1)
                .unwrap_or_else(|| panic!("{id} missing from policy.html"));
            let shown = section
                .split("data-standing=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_default();
            assert_eq!(shown, standing, "{id}");
            if standing != "in-force" {
                assert_ne!(benefit["status"], "eligible", "{id}");
            }
            compared += 1;
        }
    }
    assert_eq!(compared, rules_core::CATALOGUE.len());
    // The 延续情况未公布 items, for a person on 2026-12-01 (policy/after-2025.md §7).
    let person = json(&run(&["evaluate", "--as-of", day, "-"], PERSON));
    let status = |id: &str| {
        person["benefits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == id)
            .map(|b| b["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(
        status("shandong-job-search-subsidy"),
        "continuation-unknown"
    );
    assert_eq!(
        status("cross-region-transport-subsidy"),
        "continuation-unknown"
    );
}

// ---------------------------------------------------------------------------------------------
// Streaming JSON lines (issue 18) and --summary (issue 21)

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON report per line"))
        .collect()
}

/// PERSON on one line, as in a JSON lines file.
fn person_line() -> String {
    PERSON.replace('\n', "")
}

#[test]
fn a_bad_line_among_good_ones_keeps_the_good_reports() {
    let input = format!(
        "{person}\n{{\"age\": -3}}\n[1,2]\n\n{{\"audience\":\"employer\"}}\n{{\"age\": 1\n{person}\n",
        person = person_line()
    );
    let output = run(&["evaluate", "--as-of", "2025-06-20", "--summary"], &input);
    assert_eq!(output.status.code(), Some(2));
    let lines = stdout_lines(&output);
    let numbers: Vec<_> = lines.iter().map(|l| l["line"].as_u64()).collect();
    assert_eq!(
        numbers,
        [1, 2, 3, 5, 6, 7].map(Some),
        "one output line per input line"
    );
    let reports: Vec<_> = lines.iter().filter(|l| l.get("error").is_none()).collect();
    assert_eq!(reports.len(), 3, "lines 1, 5 and 7 are good");
    assert_eq!(reports[0]["benefits"], reports[2]["benefits"]);
    assert_eq!(reports[1]["benefits"][0]["id"], "hiring-subsidy");
    for bad in [1, 2, 4] {
        assert!(
            lines[bad]["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{}",
            lines[bad]
        );
    }
    let message = stderr(&output);
    for bad in ["第 2 行", "第 3 行", "第 6 行"] {
        assert!(message.contains(bad), "{bad}: {message}");
    }
    assert!(!message.contains("第 1 行") && !message.contains("第 5 行"));
    assert!(message.contains("3 行无法读取"), "{message}");
}

#[test]
fn a_bad_first_line_does_not_stop_the_others() {
    let input = format!("{{\"age\": }}\n{}\n", person_line());
    let output = run(&["evaluate", "--as-of", "2025-06-20"], &input);
    assert_eq!(output.status.code(), Some(2));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["error"].is_string());
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["benefits"].is_array() && !lines[1]["totals"].is_null());
    assert!(stderr(&output).contains("第 1 行"));
}

/// Issue 28: output joins input by position and by number, in full and in summary.
#[test]
fn every_output_line_names_its_input_line_or_stands_in_as_an_error_record() {
    let input = format!(
        "\n{person}\nnot json\n\n{{\"audience\":\"employer\"}}\n{{\"x\":\"{long}\"}}\n{person}\n",
        person = person_line(),
        long = "y".repeat((1 << 20) + 1),
    );
    for form in [&["--summary"][..], &[]] {
        let mut args = vec!["evaluate", "--as-of", "2025-06-20"];
        args.extend_from_slice(form);
        let output = run(&args, &input);
        assert_eq!(output.status.code(), Some(2), "{form:?}");
        let lines = stdout_lines(&output);
        let numbers: Vec<_> = lines.iter().map(|l| l["line"].as_u64()).collect();
        assert_eq!(numbers, [2, 3, 5, 6, 7].map(Some), "{form:?}");
        let errors: Vec<bool> = lines.iter().map(|l| l["error"].is_string()).collect();
        assert_eq!(errors, [false, true, false, true, false], "{form:?}");
        assert!(lines[3]["error"].as_str().is_some_and(|e| e.contains("MB")));
        assert_eq!(lines[0]["benefits"], lines[4]["benefits"], "{form:?}");
    }
}

/// A truncated first line (an export cut short, then good lines) is one bad line, not a broken
/// document of the whole file.
#[test]
fn json_lines_with_a_broken_first_line_are_still_json_lines() {
    let input = format!(
        "{{\"audience\":\"person\",\"age\":\n{person}\n{person}\n",
        person = person_line()
    );
    let output = run(&["evaluate", "--as-of", "2025-06-20", "--summary"], &input);
    assert_eq!(output.status.code(), Some(2));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 3, "{}", stderr(&output));
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["error"].is_string());
    assert_eq!(
        (lines[1]["line"].as_u64(), lines[2]["line"].as_u64()),
        (Some(2), Some(3))
    );
    assert!(stderr(&output).contains("第 1 行"), "{}", stderr(&output));
    // A document spread over lines is still one document.
    let output = run(&["evaluate", "--as-of", "2025-06-20"], PERSON);
    assert!(json(&output)["benefits"].is_array());
}

#[test]
fn old_mac_carriage_return_line_ends_are_accepted() {
    let employer = r#"{"audience":"employer","org-kind":"enterprise","org-district":"wanzhou"}"#;
    let input = format!(
        "{person}\r{employer}\r\r{person}\r\n{employer}\r",
        person = person_line()
    );
    let output = run(&["evaluate", "--as-of", "2025-06-20", "--summary"], &input);
    assert!(output.status.success(), "{}", stderr(&output));
    let lines = stdout_lines(&output);
    let numbers: Vec<_> = lines.iter().map(|l| l["line"].as_u64()).collect();
    assert_eq!(numbers, [1, 2, 4, 5].map(Some));
    assert_eq!(lines[1]["benefits"][0]["id"], "hiring-subsidy");
}

/// A middle line of 65 MB (longer than the old 64 MB give-up) is reported, and reading goes on.
#[test]
fn reading_resumes_after_an_over_long_middle_line() {
    let input = format!(
        "{person}\n{{\"x\":\"{long}\"}}\n{person}\n",
        person = person_line(),
        long = "y".repeat(65 << 20)
    );
    let output = run(&["evaluate", "--as-of", "2025-06-20", "--summary"], &input);
    assert_eq!(output.status.code(), Some(2));
    let lines = stdout_lines(&output);
    let numbers: Vec<_> = lines.iter().map(|l| l["line"].as_u64()).collect();
    assert_eq!(numbers, [1, 2, 3].map(Some));
    assert!(lines[1]["error"].is_string() && lines[2]["benefits"].is_array());
    assert!(stderr(&output).contains("第 2 行"), "{}", stderr(&output));
}

#[test]
fn top_level_non_objects_are_refused_in_chinese() {
    for input in [
        "[]",
        "[1,2]",
        "[35, \"person\"]",
        "42",
        "\"person\"",
        "null",
    ] {
        let output = run(&["evaluate", "--as-of", "2025-06-01"], input);
        assert_eq!(output.status.code(), Some(2), "{input}");
        assert!(output.stdout.is_empty(), "{input}");
        let message = stderr(&output);
        assert!(
            message.contains("回答必须是一个 JSON 对象"),
            "{input}: {message}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    for input in [
        format!("\u{feff}{PERSON}"),
        format!("\u{feff}{}\n", person_line()),
        format!("\u{feff}{}\n{}\n", person_line(), person_line()),
    ] {
        let output = run(&["evaluate", "--as-of", "2025-06-20", "--summary"], &input);
        assert!(output.status.success(), "{}", stderr(&output));
    }
}

#[test]
fn a_long_bad_value_is_quoted_short() {
    let long = "9".repeat(500_000);
    for input in [
        format!("{{\"work-since\": \"{long}\"}}"),
        format!("{{\"age\": \"{long}\"}}"),
        format!("{{\"{long}\": true}}"),
        format!("[\"{long}\"]"),
        // Over the 1 MB line limit: reported by its length, never read whole.
        format!("{{\"age\": \"{}\"}}", "9".repeat(5_000_000)),
    ] {
        let output = run(&["evaluate", "--as-of", "2025-06-01"], &input);
        assert_eq!(output.status.code(), Some(2));
        let message = stderr(&output);
        let longest_quote = message.split(|c| c != '9').map(str::len).max();
        assert!(longest_quote <= Some(40), "{message}");
        assert!(message.len() < 1_000, "{message}");
    }
}

#[test]
fn a_document_over_one_megabyte_is_refused_without_reading_it_all() {
    let input = format!("{{\n{}", "  \"age\": 35,\n".repeat(100_000));
    let output = run(&["evaluate", "--as-of", "2025-06-01"], &input);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("超过 1 MB"), "{}", stderr(&output));
}

/// An endless line without a newline ends with a message instead of growing memory.
#[cfg(target_os = "linux")]
#[test]
fn dev_zero_ends_with_a_message() {
    let output = Command::new(env!("CARGO_BIN_EXE_subsidy-check"))
        .args(["evaluate", "--as-of", "2025-06-01", "/dev/zero"])
        .output()
        .expect("binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("仍未换行"), "{}", stderr(&output));
}

#[test]
fn summary_gives_status_standing_value_and_deciding_questions_per_benefit() {
    let output = run(
        &["evaluate", "--as-of", "2025-06-20", "--summary"],
        &person_line(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.lines().count(), 1, "one compact line");
    let summary: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(summary["findings"], serde_json::json!([]));
    let benefits = summary["benefits"].as_array().expect("benefits");
    let persons = rules_core::catalogue::for_audience(rules_core::Audience::Person).count();
    assert_eq!(benefits.len(), persons, "the person benefits only");
    let benefit = |id: &str| {
        benefits
            .iter()
            .find(|b| b["id"] == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    assert_eq!(
        benefit("shandong-job-search-subsidy"),
        &serde_json::json!({
            "id": "shandong-job-search-subsidy", "status": "eligible", "standing": "in-force",
            "value": { "kind": "amount", "amount": "800", "unit": "元/人" }, "asks": []
        })
    );
    // Undecided: the questions that would decide it, as BenefitReport::open_questions.
    let transport = benefit("cross-region-transport-subsidy");
    assert!(transport["asks"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(benefits.iter().all(|b| b["status"] != "not-for-audience"));

    // After the notice: the standing and the last day's status travel along.
    let later = run(
        &["evaluate", "--as-of", "2026-12-01", "--summary"],
        &person_line(),
    );
    let later: serde_json::Value = serde_json::from_slice(&later.stdout).expect("JSON");
    let shandong = later["benefits"]
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|b| b["id"] == "shandong-job-search-subsidy")
        })
        .expect("shandong");
    assert_eq!(shandong["status"], "continuation-unknown");
    assert_eq!(shandong["standing"], "unconfirmed");
    assert_eq!(shandong["status_on_last_day"], "eligible");
}

/// Peak resident memory of a running process, in kB (Linux; `None` elsewhere).
fn peak_memory_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// 10,000 lines (100,000 in `cargo xtask bench`, too slow for a debug test): output starts while
/// the input is still being written, comes in input order, and memory stays flat.
#[test]
fn ten_thousand_lines_stream_in_order_with_flat_memory() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    const LINES: usize = 10_000;
    const PAUSE_AT: usize = 2_000;
    let employer = r#"{"audience":"employer","org-kind":"enterprise","org-district":"wanzhou"}"#;
    let person = person_line();
    let is_employer = |i: usize| i.is_multiple_of(3);

    let mut child = Command::new(env!("CARGO_BIN_EXE_subsidy-check"))
        .args(["evaluate", "--summary", "--as-of", "2025-06-20"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts");
    let pid = child.id();
    let mut input = child.stdin.take().expect("stdin");
    let output = child.stdout.take().expect("stdout");
    let (started, output_started) = mpsc::channel();

    // The feeder stops after PAUSE_AT lines until the first report is out: without streaming it
    // would wait forever (the test gives up after a minute).
    let feeder = std::thread::spawn(move || {
        for i in 0..LINES {
            if i == PAUSE_AT
                && output_started
                    .recv_timeout(Duration::from_secs(60))
                    .is_err()
            {
                return false;
            }
            let line = if is_employer(i) { employer } else { &person };
            if writeln!(input, "{line}").is_err() {
                return false;
            }
        }
        true
    });
    let reader = std::thread::spawn(move || {
        let mut firsts = Vec::new();
        for line in BufReader::new(output).lines() {
            let Ok(line) = line else { break };
            if firsts.is_empty() {
                let _ = started.send(());
            }
            let report: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
            assert_eq!(report["line"].as_u64(), Some(firsts.len() as u64 + 1));
            firsts.push(report["benefits"][0]["id"].as_str().map(str::to_string));
        }
        firsts
    });
    let mut peak_kb = 0;
    while child.try_wait().expect("child").is_none() {
        peak_kb = peak_kb.max(peak_memory_kb(pid).unwrap_or(0));
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        feeder.join().expect("feeder"),
        "no report came out before the input ended"
    );
    let firsts = reader.join().expect("reader");
    assert!(child.wait().expect("child").success());
    assert_eq!(firsts.len(), LINES);
    for (i, first) in firsts.iter().enumerate() {
        let expected = if is_employer(i) {
            "hiring-subsidy"
        } else {
            "job-search-subsidy"
        };
        assert_eq!(first.as_deref(), Some(expected), "line {}", i + 1);
    }
    // Measured about 10 MB; holding every report (the old way) grew with the input.
    assert!(peak_kb < 64 * 1024, "peak memory {peak_kb} kB");
}

/// The README's organisation example: `totals` are rules-core's (the organisation page's 预估合计),
/// one per unit, with the loan's interest subsidy never added.
#[test]
fn a_report_carries_the_totals_of_the_askers_benefits() {
    // The README's example, shared with the app's browser tests.
    let enterprise = include_str!("../../tests/examples/enterprise.json");
    let report = json(&run(
        &["evaluate", "--as-of", "2025-07-01", "-"],
        enterprise,
    ));
    let totals = report["totals"]["totals"].as_array().unwrap();
    let one_off = &totals[0];
    assert_eq!(one_off["unit"], "元");
    assert_eq!(one_off["amount"], "30000");
    assert_eq!(one_off["parts"], serde_json::json!(["hiring-subsidy"]));
    assert_eq!(totals[1]["unit"], "元/年");
    assert!(totals
        .iter()
        .all(|t| !t["parts"].to_string().contains("loan")));
    assert_eq!(report["totals"]["left_out"], serde_json::json!([]));
}

/// The office register of `tests/examples/register/` (written by openpyxl): `screen` reads it as
/// the page does and its export is byte for byte the pipeline's (which the page calls), for the
/// workbook's list sheet chosen by name or number and for the CSV.
#[test]
fn screen_reads_an_office_register_and_exports_what_the_page_exports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/examples/register");
    let out = std::env::temp_dir().join(format!("screen-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("a temporary folder");
    let day = rules_core::Date::ymd(2026, 3, 1);
    for (file, sheet, export) in [
        ("register.xlsx", Some("2026年台账"), "out.xlsx"),
        ("register.xlsx", Some("2"), "out2.xlsx"),
        ("register-utf8.csv", None, "out.csv"),
    ] {
        let path = dir.join(file);
        let target = out.join(export);
        let mut args = vec![
            "screen".to_string(),
            path.display().to_string(),
            "--as-of".to_string(),
            "2026-03-01".to_string(),
            "-o".to_string(),
            target.display().to_string(),
        ];
        if let Some(sheet) = sheet {
            args.extend(["--sheet".to_string(), sheet.to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = run(&args, "");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let summary = String::from_utf8_lossy(&output.stdout);
        assert!(summary.contains("300 人；第 3 行是列名"), "{summary}");
        assert!(summary.contains("按2025年12月31日的规定"), "{summary}");
        assert!(summary.contains("填表人"), "{summary}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("已筛查 300 人"));
        // The same list through the pipeline directly.
        let bytes = std::fs::read(&path).expect("the register");
        let (rows, notes, widths) = if file.ends_with(".xlsx") {
            let book = lists::xlsx::read(&bytes, Some("2026年台账")).expect("a workbook");
            (book.rows, book.notes, book.widths)
        } else {
            let (rows, notes) =
                lists::csv::parse(std::str::from_utf8(&bytes).expect("UTF-8")).expect("CSV");
            (rows, notes, Vec::new())
        };
        let mut list = lists::screen::table(rows, notes).expect("a list");
        list.widths = widths;
        list.screen_all(day);
        let expected = if export.ends_with(".xlsx") {
            // The workbook's other sheet (填表说明) is kept after 筛查结果.
            let (bytes, notes) = lists::screen::export_xlsx_keeping(&list, &bytes, "2026年台账");
            assert!(notes.is_empty(), "{notes:?}");
            let kept = lists::xlsx::read(&bytes, None).expect("the export");
            let names: Vec<&str> = kept.sheets.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, ["筛查结果", "填表说明"]);
            bytes
        } else {
            lists::screen::export_csv(&list)
        };
        assert!(
            std::fs::read(&target).expect("the export") == expected,
            "{export}"
        );
    }
    // The notes sheet holds no list; an unknown column id and a missing date are refused.
    let path = dir.join("register.xlsx").display().to_string();
    let refused = run(&["screen", &path, "--as-of", "2026-03-01"], "");
    assert_eq!(refused.status.code(), Some(2));
    let bad = run(
        &[
            "screen",
            &path,
            "--as-of",
            "2026-03-01",
            "--sheet",
            "2",
            "--column",
            "务工地点=nowhere",
        ],
        "",
    );
    assert!(String::from_utf8_lossy(&bad.stderr).contains("nowhere"));
    assert_eq!(run(&["screen", &path], "").status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&out);
}

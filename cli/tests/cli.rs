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
    assert_eq!(catalogue["benefits"].as_array().unwrap().len(), 32);
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
            "版本",
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

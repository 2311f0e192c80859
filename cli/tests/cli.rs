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

/// The standing of every benefit is one rules-core value: `evaluate`'s JSON and policy.html agree
/// on it (the app's cards and the staff page render the same value; the e2e suites compare them
/// with policy.html in the browser), and on 2026-12-01 nothing whose basis ran out is eligible.
#[test]
fn evaluate_and_policy_html_agree_on_every_benefits_standing() {
    let day = "2026-12-01";
    let page = run(&["policy-html", "--as-of", day], "");
    assert!(page.status.success());
    let page = String::from_utf8_lossy(&page.stdout).to_string();
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
    assert_eq!(compared, 32);
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

//! Architecture invariants (ARCHITECTURE.md), checked from the sources the way rust-analyzer checks
//! its own: a policy fact written outside rules-core, or IO in rules-core, fails a test here.
//!
//! - **Policy facts live in rules-core.** The app's, the CLI's, `lists`' and `pages`' code (comments
//!   and `#[cfg(test)]` modules aside) contains no amount in 元, no 文号 (`〔2021〕237号`) and no date
//!   literal: they are printed from rules-core's values. The pages' HTML, manifest and scripts type no
//!   site title, notice number or hotline either: `pages::head` fills them in at build time.
//! - **rules-core is pure.** Its dependencies are serde and rust_decimal only, and its code uses no
//!   file, clock, network, environment or process API.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every `.rs` file under `dir`, with its code lines before any `#[cfg(test)]` (comment lines
/// dropped), numbered from 1.
fn code_lines(dir: &Path) -> Vec<(PathBuf, usize, String)> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    let mut lines = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            if !line.trim_start().starts_with("//") {
                lines.push((file.clone(), i + 1, line.to_string()));
            }
        }
    }
    lines
}

/// What in `line` is a policy fact: an amount in 元 (`800元`, `20万元`, `1500.50 元`), a 文号
/// (`〔2021〕`), a date (`2025-06-30`, `2025年6月`, `2025/6/30`, `Date::ymd(2026, …)`) or the
/// hotline's number (12333).
fn policy_facts(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    for constructor in ["Date::ymd(", "Date::new("] {
        for (at, _) in line.match_indices(constructor) {
            if line[at + constructor.len()..].starts_with(|c: char| c.is_ascii_digit()) {
                found.push(format!("date literal at byte {at}"));
            }
        }
    }
    for (at, _) in line.match_indices("12333") {
        found.push(format!("hotline at byte {at}"));
    }
    for (i, c) in chars.iter().enumerate() {
        if *c == '〔'
            && chars
                .get(i + 1..i + 5)
                .is_some_and(|y| y.iter().all(char::is_ascii_digit))
        {
            found.push(format!("文号 at column {i}"));
        }
        let starts_number = c.is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if !starts_number {
            continue;
        }
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let after = &chars[i + digits..];
        // 20xx-…, 20xx年…, 20xx/… followed by a digit: a date.
        let year = digits == 4 && chars[i] == '2' && chars[i + 1] == '0';
        if year
            && matches!(after.first(), Some('-' | '年' | '/' | '.'))
            && after.get(1).is_some_and(char::is_ascii_digit)
        {
            found.push(format!("date at column {i}"));
        }
        // A number, optional decimals, blanks and 万, then 元.
        let mut rest = after
            .iter()
            .skip_while(|c| c.is_ascii_digit() || **c == '.' || **c == ',' || **c == ' ');
        let mut next = rest.next();
        if next == Some(&'万') {
            next = rest.next();
        }
        if next == Some(&'元') {
            found.push(format!("amount at column {i}"));
        }
    }
    found
}

#[test]
fn the_app_and_the_cli_write_no_policy_fact() {
    let root = workspace();
    let mut wrong = Vec::new();
    for dir in [
        "app/src",
        "cli/src",
        "lists/src",
        "pages/src",
        "markup/src",
        "xtask/src",
    ] {
        for (file, number, line) in code_lines(&root.join(dir)) {
            // The benchmarks' workloads pick the day whose rules are timed; they show no one a fact.
            if file.ends_with("xtask/src/bench.rs") {
                continue;
            }
            for fact in policy_facts(&line) {
                let file = file.strip_prefix(&root).unwrap_or(&file).display();
                wrong.push(format!("{file}:{number}: {fact}: {}", line.trim()));
            }
        }
    }
    assert!(
        code_lines(&root.join("app/src")).len() > 1000,
        "app sources found"
    );
    assert_eq!(
        wrong,
        Vec::<String>::new(),
        "policy facts belong in rules-core"
    );
}

/// The pages' sources and the scripts and manifest shipped beside them: their title, 文号 and hotline
/// are filled in at build time from rules-core (`pages::head`, placeholders such as
/// `{{NOTICE_NUMBER}}`), never typed.
const SHIPPED: [&str; 9] = [
    "index.html",
    "org.html",
    "staff.html",
    "list.html",
    "public/manifest.webmanifest",
    "public/boot.js",
    "public/results.js",
    "public/policy.js",
    "public/staff-moved.js",
];

/// The facts of `text` that belong in rules-core: the site's title, the notice number, the hotline,
/// and what [`policy_facts`] finds outside `//` comments.
fn shipped_facts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for fact in [
        rules_core::source::SITE_TITLE,
        rules_core::source::NOTICE_NUMBER,
        rules_core::documents::HOTLINE_NUMBER,
    ] {
        if text.contains(fact) {
            found.push(format!("{fact} typed"));
        }
    }
    for (number, line) in text.lines().enumerate() {
        // Comments may show an example (boot.js: the way the app writes dates).
        if line.trim_start().starts_with("//") {
            continue;
        }
        for fact in policy_facts(line) {
            found.push(format!("line {}: {fact}", number + 1));
        }
    }
    found
}

#[test]
fn the_pages_take_title_notice_and_hotline_from_rules_core() {
    let root = workspace();
    for file in SHIPPED {
        let text = std::fs::read_to_string(root.join(file)).expect(file);
        assert_eq!(shipped_facts(&text), Vec::<String>::new(), "{file}");
    }
    // A planted fact of each kind is found.
    let planted = [
        "<title>重庆就业帮扶政策自助查询</title>",
        "（渝人社〔2021〕237号）",
        "拨打 12333 咨询",
    ];
    for plant in planted {
        assert_eq!(shipped_facts(plant).len().min(1), 1, "{plant}");
    }
    assert!(shipped_facts("<title>{{SITE_TITLE}}</title>").is_empty());
}

#[test]
fn the_check_finds_a_planted_fact() {
    assert_eq!(policy_facts(r#"let text = "补贴800元/人";"#).len(), 1);
    assert_eq!(policy_facts(r#""最高 20万元""#).len(), 1);
    assert_eq!(policy_facts(r#""渝人社〔2021〕237号""#).len(), 1);
    assert_eq!(policy_facts(r#"Date::parse("2025-12-31")"#).len(), 1);
    assert_eq!(policy_facts(r#""2026年1月25日""#).len(), 1);
    assert_eq!(policy_facts("describe(Date::ymd(2026, 1, 25))").len(), 1);
    assert_eq!(policy_facts(r#""拨打12333""#).len(), 1);
    assert!(policy_facts("Date::new(year, month, day)").is_empty());
    assert!(policy_facts(r#"format!("{} 元", amount)"#).is_empty());
    assert!(policy_facts(r#"let year = 2025; let x = a.0[1];"#).is_empty());
}

#[test]
fn rules_core_is_pure() {
    let root = workspace();
    let manifest = std::fs::read_to_string(root.join("rules-core/Cargo.toml")).unwrap_or_default();
    let dependencies: Vec<&str> = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split(['=', '.']).next())
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    assert_eq!(
        dependencies,
        ["serde", "rust_decimal"],
        "rules-core's dependencies"
    );
    let forbidden = [
        "std::fs",
        "std::time",
        "std::net",
        "std::env",
        "std::process",
        "SystemTime",
        "Instant::",
        "std::io",
        "thread_rng",
        "web_sys",
        "js_sys",
    ];
    let mut wrong = Vec::new();
    for (file, number, line) in code_lines(&root.join("rules-core/src")) {
        for api in forbidden {
            if line.contains(api) {
                wrong.push(format!("{}:{number}: {api}", file.display()));
            }
        }
    }
    assert_eq!(
        wrong,
        Vec::<String>::new(),
        "rules-core does no IO and reads no clock"
    );
}

/// Where `fact` is written in the code of `dirs` (comments and tests aside), as `file:line`; a
/// fact written once must be written only in rules-core's `vocabulary/source.rs`.
fn assert_written_once(fact: &str, dirs: &[&str]) {
    let root = workspace();
    let places: Vec<String> = dirs
        .iter()
        .flat_map(|dir| code_lines(&root.join(dir)))
        .filter(|(_, _, line)| line.contains(fact))
        .map(|(file, number, _)| format!("{}:{number}", file.display()))
        .collect();
    assert_eq!(places.len(), 1, "{fact} is written at {places:#?}");
    assert!(places[0].contains("vocabulary/source.rs"), "{places:?}");
}

/// Inside rules-core each fact that recurs in sentences is written once (issue 30): the notice's
/// number, the hotline's number and the notice's last day in words live in
/// `vocabulary/source.rs`'s macros (`notice_number!`, `hotline_number!`, `notice_end_words!`), and
/// every citation, constant and sentence is built from them.
#[test]
fn rules_core_writes_each_recurring_fact_once() {
    for fact in ["〔2021〕237号", "12333", "2025年12月31日"] {
        assert_written_once(fact, &["rules-core/src"]);
    }
}

/// Who decides in the end (以区县人力社保部门审核为准) is said under every figure, by every crate: it is
/// written once, in rules-core's `reviewed_by!`, and every page, export and checklist uses it.
#[test]
fn who_decides_is_written_once_in_the_workspace() {
    let crates = [
        "rules-core/src",
        "app/src",
        "pages/src",
        "cli/src",
        "lists/src",
    ];
    assert_written_once("审核为准", &crates);
}

//! `cargo xtask test`: every check in order (fmt, clippy, native and browser tests, release build,
//! end-to-end suites found in tests/e2e/), with a tally of what passed and how long each step took.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::dist::dist;
use crate::run::{cargo, header, run_tee, step};
use crate::{serve, setup};

#[derive(Default)]
struct Tally {
    native: Counts,
    wasm: Counts,
    e2e: Counts,
    /// Seconds per step, in order.
    laps: Vec<(&'static str, u64)>,
    clock: Option<Instant>,
}

impl Tally {
    /// Records the time since the previous lap under `step`.
    fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        let since = self.clock.unwrap_or(now);
        self.laps.push((step, now.duration_since(since).as_secs()));
        self.clock = Some(now);
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    passed: u64,
    failed: u64,
}

pub(crate) fn cmd_test(root: &Path) -> ExitCode {
    let start = Instant::now();
    let mut tally = Tally {
        clock: Some(start),
        ..Tally::default()
    };
    let outcome = run_tests(root, &mut tally);
    let secs = start.elapsed().as_secs();
    let step_failed = u64::from(outcome.is_err());
    let failed = tally.native.failed + tally.wasm.failed + tally.e2e.failed;
    let passed = tally.native.passed + tally.wasm.passed + tally.e2e.passed;
    // A failed step that is not a test (fmt, clippy, build, budget) still counts as one failure.
    let failed = if failed == 0 { step_failed } else { failed };
    println!();
    let laps: Vec<String> = tally
        .laps
        .iter()
        .map(|(step, secs)| format!("{step} {secs} s"))
        .collect();
    println!("xtask test: steps: {}", laps.join(", "));
    if let Err(e) = &outcome {
        println!("xtask test: stopped: {e}");
    }
    println!(
        "xtask test: native {}, wasm {}, e2e {} in {secs} s",
        tally.native.passed, tally.wasm.passed, tally.e2e.passed
    );
    println!("xtask: {passed} passed, {failed} failed");
    if outcome.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn run_tests(root: &Path, tally: &mut Tally) -> Result<(), String> {
    setup::toolchain(root, true)?;
    tally.lap("setup");

    step("cargo fmt --check", &["fmt", "--all", "--", "--check"])?;
    tally.lap("fmt");
    step(
        "clippy, native",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    tally.lap("clippy native");
    step(
        "clippy, wasm32",
        &[
            "clippy",
            "-p",
            "app",
            "-p",
            "rules-core",
            "--all-targets",
            "--target",
            "wasm32-unknown-unknown",
            "--locked",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    tally.lap("clippy wasm32");

    header("native tests: cargo test --workspace");
    let mut cmd = cargo(&["test", "--workspace", "--locked"]);
    let (ok, out) = run_tee(&mut cmd)?;
    tally.native = cargo_counts(&out);
    tally.lap("native tests");
    check_ran("native tests", ok, tally.native)?;

    // The residents' first load is built without rules-core's words (`texts`): the same golden
    // cases, journeys and properties must decide alike there, and keep no words.
    header("native tests: rules-core without its texts (as index.html's bundle is built)");
    let mut cmd = cargo(&[
        "test",
        "-p",
        "rules-core",
        "--no-default-features",
        "--test",
        "golden",
        "--test",
        "journeys",
        "--test",
        "properties",
        "--test",
        "poverty",
        "--locked",
    ]);
    let (ok, out) = run_tee(&mut cmd)?;
    let without_texts = cargo_counts(&out);
    check_ran("native tests without texts", ok, without_texts)?;
    tally.native.passed += without_texts.passed;
    tally.native.failed += without_texts.failed;
    tally.lap("native tests without texts");

    header("browser tests: wasm-bindgen-test in headless Chromium");
    let mut cmd = cargo(&[
        "test",
        "-p",
        "app",
        "--target",
        "wasm32-unknown-unknown",
        "--tests",
        "--locked",
    ]);
    setup::in_headless_chromium(&mut cmd, root);
    let (ok, out) = run_tee(&mut cmd)?;
    tally.wasm = cargo_counts(&out);
    tally.lap("browser tests");
    check_ran("browser tests", ok, tally.wasm)?;

    dist(root)?;
    tally.lap("release build");

    header("end-to-end tests: release build in headless Chromium at 360×740");
    let server = serve::Server::bind(root.join("dist"), 0)?;
    let url = server.url();
    std::thread::spawn(move || server.run());
    let shots = root.join("target").join("e2e");
    // Every script in tests/e2e/, in name order; all run, then any failure fails the step.
    let mut failures = Vec::new();
    for script in e2e_scripts(&root.join("tests/e2e"))? {
        let name = script
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        println!("--- {name}");
        let mut cmd = Command::new("node");
        cmd.arg(&script)
            .arg(&url)
            .arg(&shots)
            .env("CHROMIUM", setup::CHROMIUM);
        let (ok, out) = run_tee(&mut cmd)?;
        let counts = e2e_counts(&out);
        tally.e2e.passed += counts.passed;
        tally.e2e.failed += counts.failed;
        if let Err(e) = check_ran(&name, ok, counts) {
            failures.push(e);
        }
    }
    tally.lap("e2e");
    println!("screenshots: {}", shots.display());
    if failures.is_empty() {
        check_ran("end-to-end tests", true, tally.e2e)
    } else {
        Err(failures.join("; "))
    }
}

/// The end-to-end scripts: every `*.mjs` directly in `dir`, sorted by name.
fn e2e_scripts(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut scripts: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "mjs"))
        .collect();
    scripts.sort();
    Ok(scripts)
}

fn check_ran(what: &str, ok: bool, counts: Counts) -> Result<(), String> {
    if !ok || counts.failed > 0 {
        return Err(format!("{what} failed"));
    }
    if counts.passed == 0 {
        return Err(format!("{what} ran no test"));
    }
    Ok(())
}

/// Sums cargo's `test result: ok. 3 passed; 0 failed; …` lines.
fn cargo_counts(output: &str) -> Counts {
    let mut c = Counts::default();
    for line in output.lines() {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            if let [.., n, kind] = words.as_slice() {
                let n: u64 = n.parse().unwrap_or(0);
                match *kind {
                    "passed" => c.passed += n,
                    "failed" => c.failed += n,
                    _ => {}
                }
            }
        }
    }
    c
}

/// Reads the e2e runner's closing `e2e result: N passed; M failed` line.
fn e2e_counts(output: &str) -> Counts {
    output
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("e2e result: "))
        .map(|rest| {
            let mut c = Counts::default();
            for part in rest.split(';') {
                let mut w = part.split_whitespace();
                let n: u64 = w.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                match w.next() {
                    Some("passed") => c.passed = n,
                    Some("failed") => c.failed = n,
                    _ => {}
                }
            }
            c
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_cargo_test_results() {
        let out = "\
running 2 tests
test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out
   Doc-tests rules_core
test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s
";
        let c = cargo_counts(out);
        assert_eq!((c.passed, c.failed), (5, 1));
    }

    #[test]
    fn reads_the_e2e_closing_line() {
        let c = e2e_counts("ok 1 - a\nnot ok 2 - b\ne2e result: 7 passed; 1 failed\n");
        assert_eq!((c.passed, c.failed), (7, 1));
        let none = e2e_counts("crashed\n");
        assert_eq!((none.passed, none.failed), (0, 0));
    }
}

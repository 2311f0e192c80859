//! `cargo xtask bench`: a report, not a test. Prints evaluation speed natively and in headless
//! Chromium's WebAssembly engine, and a Lighthouse mobile run of the release build (simulated Slow 4G
//! and 4× CPU slowdown, Lighthouse's mobile default), each with a budget check.

use crate::{cargo, dist, header, run, serve, setup};
use std::path::Path;
use std::process::Command;

/// Lighthouse performance score below this fails the report.
const MIN_PERFORMANCE: f64 = 0.9;

pub fn cmd_bench(root: &Path) -> Result<(), String> {
    setup::toolchain(root, true)?;
    setup::npm_dir(&root.join("tools/bench"), "lighthouse (npm)")?;

    header("native: cargo bench -p rules-core --bench evaluate (budget 1 ms per evaluation)");
    run(&mut cargo(&[
        "bench",
        "-p",
        "rules-core",
        "--bench",
        "evaluate",
        "--locked",
    ]))?;

    header("wasm in headless Chromium: rules-core/tests/wasm_bench.rs (release build)");
    let mut wasm = cargo(&[
        "test",
        "-p",
        "rules-core",
        "--target",
        "wasm32-unknown-unknown",
        "--release",
        "--test",
        "wasm_bench",
        "--locked",
        "--",
        "--nocapture",
    ]);
    wasm.env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", setup::CHROMEDRIVER)
    .env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        root.join("webdriver.json"),
    );
    run(&mut wasm)?;

    dist(root)?;
    header("Lighthouse, mobile (simulated Slow 4G, 4× CPU slowdown) against the release build");
    let server = serve::Server::bind(root.join("dist"), 0)?;
    let url = server.url();
    std::thread::spawn(move || server.run());
    let out_dir = root.join("target/bench");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let report = out_dir.join("lighthouse.json");
    let profile = out_dir.join("chromium-profile");
    let flags = format!(
        "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
         --disable-component-update --no-first-run --disable-sync --user-data-dir={}",
        profile.display()
    );
    run(
        Command::new(root.join("tools/bench/node_modules/.bin/lighthouse"))
            .arg(&url)
            .args([
                "--quiet",
                "--output=json",
                "--form-factor=mobile",
                "--throttling-method=simulate",
            ])
            .args(["--only-categories=performance,accessibility,best-practices"])
            .arg(format!("--output-path={}", report.display()))
            .arg(format!("--chrome-flags={flags}"))
            .env("CHROME_PATH", setup::CHROMIUM),
    )?;
    summarise(&report)
}

/// Prints the figures that matter and checks the performance budget (node reads the JSON).
fn summarise(report: &Path) -> Result<(), String> {
    let script = r#"
const r = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));
const a = (id) => r.audits[id];
const ms = (id) => (a(id).numericValue / 1000).toFixed(2) + ' s';
console.log('lighthouse performance: ' + Math.round(r.categories.performance.score * 100));
console.log('lighthouse accessibility: ' + Math.round(r.categories.accessibility.score * 100));
console.log('lighthouse best-practices: ' + Math.round(r.categories['best-practices'].score * 100));
console.log('first contentful paint: ' + ms('first-contentful-paint'));
console.log('largest contentful paint: ' + ms('largest-contentful-paint'));
console.log('time to interactive: ' + ms('interactive'));
console.log('total blocking time: ' + Math.round(a('total-blocking-time').numericValue) + ' ms');
console.log('total bytes: ' + a('total-byte-weight').numericValue + ' B');
console.log('score=' + r.categories.performance.score);
"#;
    let output = Command::new("node")
        .args(["-e", script])
        .arg(report)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!(
            "reading {}: {}",
            report.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let mut score = None;
    for line in text.lines() {
        match line.strip_prefix("score=") {
            Some(value) => score = value.trim().parse::<f64>().ok(),
            None => println!("{line}"),
        }
    }
    println!("full report: {}", report.display());
    match score {
        Some(s) if s >= MIN_PERFORMANCE => Ok(()),
        Some(s) => Err(format!(
            "Lighthouse performance {s} is below the budget {MIN_PERFORMANCE}"
        )),
        None => Err("Lighthouse gave no performance score".into()),
    }
}

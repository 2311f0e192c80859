//! `cargo xtask serve | test | dist`: the project's commands, std only.
//!
//! Every command first installs what is missing, from package registries only (crates.io, npm,
//! Debian apt, rustup), and skips whatever is already present at the right version.

mod bench;
mod serve;
mod setup;
mod size;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::Instant;

/// The design's first-load budget (DESIGN.md §5), compressed with brotli: html + js + wasm + css
/// of index.html. `cargo xtask dist` (and so `cargo xtask test`) fails above it.
pub const BUDGET_BROTLI: u64 = 150 * 1024;

const USAGE: &str = "\
usage: cargo xtask <command>

  serve [--port N]   install what is missing, build the release app, serve it on http://127.0.0.1:N/ (default 8080)
  test               install what is missing, then fmt, clippy (native + wasm32), native tests,
                     browser (wasm) tests, release build + size report, end-to-end tests
  dist               release build into dist/ and a size report (fails over the 150 KB brotli budget)
  setup [--e2e]      only install what is missing
  fuzz [CASES]       the decoders with many more cases (default 1000000): answers JSON documents
                     with rosters are refused cleanly or evaluated; URL fragments, queries (in any
                     order) and saved answers decode or are refused, never panic
  bench [cli]        a report: evaluations per second (native and in headless Chromium), the
                     command line's profiles per second and peak memory on 100,000 generated
                     profiles (full and --summary), and a Lighthouse mobile run of the release
                     build, each with a budget check; `bench cli` only the command line's part
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!(
            "xtask: cannot enter the workspace root {}: {e}",
            root.display()
        );
        return ExitCode::FAILURE;
    }
    setup::prepare_env(&root);

    let result = match args.first().map(String::as_str) {
        Some("serve") => port_arg(&args[1..]).and_then(|port| cmd_serve(&root, port)),
        Some("test") => return cmd_test(&root),
        Some("dist") => setup::toolchain(&root, false).and_then(|()| dist(&root).map(|_| ())),
        Some("setup") => setup::toolchain(&root, args.iter().any(|a| a == "--e2e")),
        Some("bench") => bench::cmd_bench(&root, args.get(1).is_some_and(|a| a == "cli")),
        Some("fuzz") => cmd_fuzz(args.get(1).map_or("1000000", String::as_str)),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or(manifest_dir)
}

fn port_arg(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| format!("--port wants a number from 0 to 65535, not {n:?}")),
        _ => Err(format!("serve takes only --port N\n\n{USAGE}")),
    }
}

fn cmd_serve(root: &Path, port: u16) -> Result<(), String> {
    setup::toolchain(root, false)?;
    dist(root)?;
    let server = serve::Server::bind(root.join("dist"), port)?;
    header("serve");
    println!("Serving the release build in dist/ (no live reload; rerun `cargo xtask serve` after a change).");
    println!("\n    Open  {}\n", server.url());
    println!("Press Ctrl-C to stop.");
    server.run();
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// test

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

fn cmd_test(root: &Path) -> ExitCode {
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
    cmd.env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", setup::CHROMEDRIVER)
    .env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        root.join("webdriver.json"),
    )
    .env_remove("GECKODRIVER")
    .env_remove("SAFARIDRIVER");
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

// ---------------------------------------------------------------------------------------------
// dist

/// Release build into dist/, checks, precompressed copies, size report. Returns the first-load
/// brotli total.
pub fn dist(root: &Path) -> Result<u64, String> {
    header("release build: trunk build --release → dist/");
    let t = Instant::now();
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release"]).current_dir(root);
    run(&mut cmd)?;
    let dist = root.join("dist");
    // The other pages are separate bundles (their code never weighs on the first load), each built
    // by Trunk into its own folder and merged into dist/: shared files carry the same hashed names.
    for page in OTHER_PAGES {
        header(&format!("release build: trunk build --release {page}"));
        let out = root.join("target").join("trunk-pages").join(page);
        let mut cmd = Command::new("trunk");
        cmd.args(["build", "--release", "--dist"])
            .arg(&out)
            .arg(page)
            .current_dir(root);
        run(&mut cmd)?;
        merge_into(&out, &dist, page)?;
    }
    println!("built in {:.1} s", t.elapsed().as_secs_f64());

    // Trunk's minifier cannot parse wasm-bindgen's glue; terser can (and the pages' SRI hashes
    // follow): 2 KB brotli less on the first load, with boot.js.
    header("minify the JavaScript glue and boot.js (npm terser)");
    let mut pages = vec!["index.html"];
    pages.extend(OTHER_PAGES);
    run(Command::new("node")
        .arg(root.join("tools/minify-glue.mjs"))
        .arg(&dist)
        .args(&pages))?;

    let mut index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("dist/index.html: {e}"))?;
    if let Ok(site) = std::env::var("SITE_URL") {
        index = absolute_preview(&index, &site)?;
        std::fs::write(dist.join("index.html"), &index)
            .map_err(|e| format!("dist/index.html: {e}"))?;
        println!("link preview: og:url and og:image under {site}");
    }
    size::check_no_inline_script(&index)?;
    let csp = size::csp_tag(&index).ok_or("dist/index.html has no Content-Security-Policy")?;
    for page in OTHER_PAGES {
        let html =
            std::fs::read_to_string(dist.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        size::check_no_inline_script(&html)?;
        // The pages' heads are written by hand: one policy for all, or a page drifts unnoticed.
        if size::csp_tag(&html) != Some(csp) {
            return Err(format!(
                "dist/{page}'s Content-Security-Policy differs from index.html's"
            ));
        }
    }
    policy_page(root, &dist)?;
    let index = static_landing(root, &dist, &index)?;
    service_worker(&dist, &index)?;

    header("size report (first load budget: 150 KB brotli; the build fails over it)");
    let report = size::report(&dist, &index, OTHER_PAGES)?;
    print!("{}", report.text);
    if report.first_load_brotli > BUDGET_BROTLI {
        return Err(format!(
            "the first load is {} B brotli, {:.1} KB over the design budget of {} KB \
             (README.md, \"Size\", says where the bytes go and how to find them)",
            report.first_load_brotli,
            (report.first_load_brotli - BUDGET_BROTLI) as f64 / 1024.0,
            BUDGET_BROTLI / 1024
        ));
    }
    Ok(report.first_load_brotli)
}

/// `SITE_URL=https://example.gov.cn/zc/ cargo xtask dist`: chat apps (WeChat included) show a link
/// card's image only from an absolute address, so the deployed address goes into og:image, and
/// og:url names the page.
fn absolute_preview(index: &str, site: &str) -> Result<String, String> {
    let ok = (site.starts_with("https://") || site.starts_with("http://"))
        && site.ends_with('/')
        && !site.contains(['"', '<', '>', ' ', '?', '#']);
    if !ok {
        return Err(format!(
            "SITE_URL must be the site's address ending in /, e.g. https://example.gov.cn/zc/ (got {site:?})"
        ));
    }
    // Trunk's minifier drops the quotes and sorts the attributes.
    let absolute = format!(
        r#"<meta content="{site}icon-512.png" property="og:image"><meta content="{site}" property="og:url">"#
    );
    for relative in [
        r#"<meta content=icon-512.png property=og:image>"#,
        r#"<meta property="og:image" content="icon-512.png">"#,
    ] {
        if index.contains(relative) {
            return Ok(index.replace(relative, &absolute));
        }
    }
    Err("dist/index.html has no relative og:image tag to make absolute".into())
}

/// Pages beside index.html, each its own Trunk build and wasm bundle (org: the organisation
/// estimator; staff: the link and QR code builder).
pub const OTHER_PAGES: &[&str] = &["org.html", "staff.html"];

/// Copies a page's build into dist/ (files only; dist/ keeps what it has). Trunk always names the
/// page index.html: it becomes `page`.
fn merge_into(from: &Path, dist: &Path, page: &str) -> Result<(), String> {
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        if entry.path().is_file() {
            let name = entry.file_name();
            let name = match name.to_str() {
                Some("index.html") => page.into(),
                _ => name,
            };
            std::fs::copy(entry.path(), dist.join(name))
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The property tests (rules-core/tests/properties.rs) with `cases` cases each, optimised.
fn cmd_fuzz(cases: &str) -> Result<(), String> {
    if cases.parse::<u32>().is_err() {
        return Err(format!("fuzz takes a number of cases, not {cases:?}"));
    }
    header(&format!(
        "property tests with {cases} cases each (release build)"
    ));
    // The decoder of answers JSON (the CLI's, with rosters) by name; the other properties evaluate
    // whole profiles and are slower, so they run with the same count only when asked for.
    run(cargo(&[
        "test",
        "--release",
        "--locked",
        "-p",
        "rules-core",
        "--test",
        "properties",
        "any_json_text",
    ])
    .env("PROPTEST_CASES", cases))?;
    header(&format!(
        "the app's decoders (URL, query, saved answers) with {cases} cases each"
    ));
    run(cargo(&[
        "test",
        "--release",
        "--locked",
        "-p",
        "app",
        "--test",
        "decoders",
    ])
    .env("PROPTEST_CASES", cases))
}

/// dist/policy.html: the policy as a static page (no WebAssembly; public/policy.js adds its search),
/// generated by `subsidy-check policy-html` from rules-core as of today's date.
fn policy_page(root: &Path, dist: &Path) -> Result<(), String> {
    header("static policy page: subsidy-check policy-html → dist/policy.html");
    let (page, today) = page_from_rules(root, "policy-html")?;
    std::fs::write(dist.join("policy.html"), &page)
        .map_err(|e| format!("dist/policy.html: {e}"))?;
    println!("dist/policy.html: {} B, as of {today}", page.len());
    Ok(())
}

/// The output of `subsidy-check <command> --as-of <today>` (a page or part of one, generated from
/// rules-core), and the date it was made for.
fn page_from_rules(root: &Path, command: &str) -> Result<(String, String), String> {
    let today = today_utc();
    let output = cargo(&[
        "run",
        "--quiet",
        "--release",
        "--bin",
        "subsidy-check",
        "--",
        command,
        "--as-of",
        &today,
    ])
    .current_dir(root)
    .output()
    .map_err(|e| format!("cannot run subsidy-check: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "subsidy-check {command} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok((String::from_utf8_lossy(&output.stdout).into_owned(), today))
}

/// index.html's first screen painted from the HTML itself before the wasm arrives
/// (`subsidy-check landing-html`, from rules-core as of today's date), inserted after `<body>`; the
/// app removes it when it starts. Returns the new page.
fn static_landing(root: &Path, dist: &Path, index: &str) -> Result<String, String> {
    header("static landing: subsidy-check landing-html → dist/index.html");
    let (fragment, today) = page_from_rules(root, "landing-html")?;
    let fragment = fragment.trim();
    let page = index.replacen("<body>", &format!("<body>{fragment}"), 1);
    if page == index {
        return Err("dist/index.html has no <body> to put the static landing in".into());
    }
    size::check_no_inline_script(&page)?;
    std::fs::write(dist.join("index.html"), &page).map_err(|e| format!("dist/index.html: {e}"))?;
    println!(
        "dist/index.html: static landing of {} B, as of {today}",
        fragment.len()
    );
    Ok(page)
}

/// dist/sw.js: precaches the residents' page (index.html and what it loads, icons, manifest, the
/// static policy page) so a second visit works offline; the other pages' bundles are cached when
/// first used, so a resident's phone never downloads the estimator or the staff page. Its cache
/// name is a hash of the file names and contents, so a new release gets a new cache and the old one
/// is deleted; pages are network-first and revalidated, so a new release is seen on the next visit.
/// The worker itself is `xtask/sw.template.js`.
fn service_worker(dist: &Path, index: &str) -> Result<(), String> {
    let first_load = size::referenced_files(index);
    let mut other_pages = BTreeSet::new();
    for page in OTHER_PAGES {
        let html =
            std::fs::read_to_string(dist.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        other_pages.insert(page.to_string());
        other_pages.extend(size::referenced_files(&html));
    }
    let mut files: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.path().is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz") && name != "sw.js")
        .collect();
    files.sort();
    // FNV-1a over the names and contents: stable, dependency-free, and changes whenever any file
    // does (policy.js and the icons keep their names across releases).
    let mut version = 0xcbf2_9ce4_8422_2325_u64;
    for name in &files {
        let content = std::fs::read(dist.join(name)).map_err(|e| format!("dist/{name}: {e}"))?;
        for b in name.bytes().chain([0]).chain(content) {
            version = (version ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    let list: Vec<String> = files
        .iter()
        .filter(|f| first_load.contains(*f) || !other_pages.contains(*f))
        .map(|f| format!("'{f}'"))
        .collect();
    // The worker's source is its own file; the build only fills in the release and the file list.
    let script = include_str!("../sw.template.js")
        .replace("{{RELEASE}}", &format!("{version:016x}"))
        .replace("{{FILES}}", &list.join(", "));
    std::fs::write(dist.join("sw.js"), script).map_err(|e| format!("dist/sw.js: {e}"))?;
    println!(
        "dist/sw.js: precaches {} of {} files (the other pages' when first used)",
        list.len() + 1,
        files.len() + 1
    );
    Ok(())
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock (the build's date, not a rule input).
fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs / 86_400) as i64)
}

/// The calendar date `days` after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

// ---------------------------------------------------------------------------------------------
// process helpers

pub fn header(title: &str) {
    println!("\n==> {title}");
}

pub fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.args(args);
    cmd
}

fn step(title: &str, cargo_args: &[&str]) -> Result<(), String> {
    header(title);
    run(&mut cargo(cargo_args))
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    for a in cmd.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs a command with inherited output; fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    println!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

/// Runs a command, streaming its stdout and stderr as they come, and returns whether it
/// succeeded with everything it printed.
fn run_tee(cmd: &mut Command) -> Result<(bool, String), String> {
    println!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start `{}`: {e}", describe(cmd)))?;
    let (tx, rx) = mpsc::channel::<(bool, String)>();
    let mut readers = Vec::new();
    if let Some(out) = child.stdout.take() {
        readers.push(forward(out, false, tx.clone()));
    }
    if let Some(err) = child.stderr.take() {
        readers.push(forward(err, true, tx.clone()));
    }
    drop(tx);
    let mut all = String::new();
    for (is_err, line) in rx {
        if is_err {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
        all.push_str(&line);
        all.push('\n');
    }
    for r in readers {
        let _ = r.join();
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{}`: {e}", describe(cmd)))?;
    Ok((status.success(), all))
}

fn forward(
    stream: impl Read + Send + 'static,
    is_err: bool,
    tx: mpsc::Sender<(bool, String)>,
) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stream);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) => {
                    let line = String::from_utf8_lossy(&buf);
                    let line = line.trim_end_matches(['\n', '\r']).to_string();
                    if tx.send((is_err, line)).is_err() {
                        break;
                    }
                }
            }
        }
    })
}

/// Runs a command quietly and returns its stdout (trimmed) if it exits 0.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
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
    fn link_previews_get_absolute_addresses_from_site_url() {
        let index = r#"<head><meta property="og:image" content="icon-512.png"></head>"#;
        let out = absolute_preview(index, "https://example.gov.cn/zc/").expect("a good address");
        assert!(out.contains(r#"content="https://example.gov.cn/zc/icon-512.png""#));
        assert!(out.contains(r#"<meta content="https://example.gov.cn/zc/" property="og:url">"#));
        let minified = "<meta content=icon-512.png property=og:image>";
        assert!(absolute_preview(minified, "https://a.cn/")
            .is_ok_and(|o| o.contains("https://a.cn/icon-512.png")));
        for bad in [
            "example.gov.cn/zc/",
            "https://example.gov.cn/zc",
            "https://x/\"><script>/",
        ] {
            assert!(absolute_preview(index, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_the_e2e_closing_line() {
        let c = e2e_counts("ok 1 - a\nnot ok 2 - b\ne2e result: 7 passed; 1 failed\n");
        assert_eq!((c.passed, c.failed), (7, 1));
        let none = e2e_counts("crashed\n");
        assert_eq!((none.passed, none.failed), (0, 0));
    }

    #[test]
    fn port_argument() {
        assert_eq!(port_arg(&[]), Ok(8080));
        assert_eq!(port_arg(&["--port".into(), "9000".into()]), Ok(9000));
        assert!(port_arg(&["--port".into(), "x".into()]).is_err());
        assert!(port_arg(&["9000".into()]).is_err());
    }
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(11_016), "2000-02-29");
        assert_eq!(super::civil_date(20_786), "2026-11-29");
    }
}

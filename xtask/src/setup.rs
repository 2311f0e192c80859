//! Installs what the build and tests need, only from package registries, skipping what is present.
//!
//! | tool | from | checked by |
//! |---|---|---|
//! | wasm32-unknown-unknown | rustup | `rustup target list --installed` |
//! | trunk 0.21.14 | crates.io, `cargo install --locked` | `trunk --version` |
//! | wasm-bindgen-cli = Cargo.lock's wasm-bindgen | crates.io, `cargo install` (not `--locked`) | `wasm-bindgen --version`, `wasm-bindgen-test-runner --version` |
//! | wasm-opt (binaryen 132), terser | npm, `tools/package-lock.json` | `tools/node_modules/.bin/wasm-opt --version` |
//! | chromium, chromium-driver, brotli, fonts-wqy-microhei (for screenshots) | Debian apt | the files exist |
//! | playwright-core, axe-core | npm, `tests/e2e/package-lock.json` | a stamp of the lock file in node_modules |
//! | WebKitWebDriver + MiniBrowser, Xvfb, Firefox ESR (the other two engines) | Debian apt | the files exist |
//! | geckodriver 0.37.1 | crates.io, `cargo install --locked` | `geckodriver --version` |
//! | openpyxl 3.1.5 (registers written by a writer the project did not write, `staff-batch.mjs`) | PyPI, `pip install` | `python3 -c "import openpyxl"` |

use crate::run::{header, output, run};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const WASM_OPT_VERSION: &str = "version 132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CJK_FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
pub const GECKODRIVER_VERSION: &str = "0.37.1";
pub const OPENPYXL_VERSION: &str = "3.1.5";
/// apt packages of the WebKit and Firefox runs, with a file each provides.
const OTHER_ENGINES: [(&str, &str); 4] = [
    ("webkit2gtk-driver", "/usr/bin/WebKitWebDriver"),
    ("xvfb", "/usr/bin/xvfb-run"),
    // xvfb-run needs xauth, which xvfb only recommends (and installs skip recommendations).
    ("xauth", "/usr/bin/xauth"),
    ("firefox-esr", "/usr/bin/firefox-esr"),
];

/// Environment every child process gets: project tools first on PATH (npm wasm-opt before any
/// system one), cargo's bin folder on PATH, and no Trunk update check.
pub fn prepare_env(root: &Path) {
    let mut paths: Vec<PathBuf> = vec![root.join("tools/node_modules/.bin"), cargo_bin()];
    if let Some(existing) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&existing));
    }
    if let Ok(joined) = std::env::join_paths(paths) {
        set_env("PATH", joined);
    }
    set_env("TRUNK_SKIP_VERSION_CHECK", "true".into());
}

fn set_env(key: &str, value: OsString) {
    // Called once at start-up, before any thread exists.
    std::env::set_var(key, value);
}

/// Where `cargo install` puts the tools: `$CARGO_INSTALL_ROOT/bin` when set (as cargo itself reads
/// it; a cold setup can be timed into an empty root this way), else cargo's home.
fn cargo_bin() -> PathBuf {
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT") {
        return PathBuf::from(root).join("bin");
    }
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    std::env::var_os("HOME")
        .map(|h| PathBuf::from(h).join(".cargo/bin"))
        .unwrap_or_else(|| PathBuf::from(".cargo/bin"))
}

/// Installs what is missing: the wasm toolchain always, the browser and e2e packages for tests.
///
/// Three lanes run side by side, so a fresh machine spends its time compiling: trunk (the largest
/// build); wasm-bindgen-cli then geckodriver, one after the other in one build folder so the crates
/// they share compile once; and the system, npm and PyPI packages, which mostly wait on downloads.
/// Each lane prints its time at the end.
pub fn toolchain(root: &Path, for_tests: bool) -> Result<(), String> {
    header("setup: checking tools (installs only what is missing)");
    wasm_target()?;
    let build = tools_build_dir(root);
    let lanes: [(&str, Result<(), String>, u64); 3] = std::thread::scope(|scope| {
        let trunk = scope.spawn(|| timed("trunk", || trunk(&build.join("trunk"))));
        let bindgen = scope.spawn(|| {
            timed("wasm-bindgen-cli, geckodriver", || {
                let shared = build.join("bindgen-gecko");
                wasm_bindgen(root, &shared)?;
                if for_tests {
                    geckodriver(&shared)?;
                }
                Ok(())
            })
        });
        let packages = scope.spawn(|| timed("apt, npm, PyPI", || packages(root, for_tests)));
        [trunk, bindgen, packages].map(|handle| {
            handle
                .join()
                .unwrap_or_else(|_| ("?", Err("a setup thread panicked".to_string()), 0))
        })
    });
    let times: Vec<String> = lanes
        .iter()
        .map(|(name, _, s)| format!("{name} {s} s"))
        .collect();
    println!("  setup lanes: {}", times.join(", "));
    for (_, result, _) in lanes {
        result?;
    }
    Ok(())
}

/// Runs one lane of the setup, and says how long it took.
fn timed(
    name: &'static str,
    lane: impl FnOnce() -> Result<(), String>,
) -> (&'static str, Result<(), String>, u64) {
    let start = Instant::now();
    let result = lane();
    (name, result, start.elapsed().as_secs())
}

/// The packages from Debian, npm and PyPI: brotli and wasm-opt always, the browsers, their drivers,
/// the e2e packages and openpyxl for tests.
fn packages(root: &Path, for_tests: bool) -> Result<(), String> {
    let mut apt: Vec<&str> = Vec::new();
    if output("brotli", &["--version"]).is_none() {
        apt.push("brotli");
    }
    if output("node", &["--version"]).is_none() || output("npm", &["--version"]).is_none() {
        apt.extend(["nodejs", "npm"]);
    }
    if for_tests {
        if !Path::new(CHROMIUM).exists() {
            apt.push("chromium");
        }
        if !Path::new(CHROMEDRIVER).exists() {
            apt.push("chromium-driver");
        }
        // A CJK font, so screenshots of the e2e tests show Chinese and not boxes.
        if !Path::new(CJK_FONT).exists() {
            apt.push("fonts-wqy-microhei");
        }
        for (package, file) in OTHER_ENGINES {
            if !Path::new(file).exists() {
                apt.push(package);
            }
        }
    }
    apt_install(&apt)?;
    npm_dir(&root.join("tools"), "wasm-opt (npm binaryen) and terser")?;
    match output("wasm-opt", &["--version"]) {
        Some(v) if v.contains(WASM_OPT_VERSION) => ok("wasm-opt", &v),
        other => {
            return Err(format!(
                "wasm-opt on PATH is {other:?}, not binaryen {WASM_OPT_VERSION}; \
                 remove tools/node_modules and rerun"
            ))
        }
    }
    if for_tests {
        npm_dir(
            &root.join("tests/e2e"),
            "e2e packages (playwright-core, axe-core)",
        )?;
        openpyxl()?;
    }
    Ok(())
}

/// The build folder of the tools' `cargo install`s: `tools` in the target folder
/// (`$CARGO_TARGET_DIR` or `target/`). Kept after the install, so a version bump rebuilds only
/// what changed; `cargo clean` removes it.
fn tools_build_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
        .join("tools")
}

/// openpyxl writes the office registers of `staff-batch.mjs` and reads the page's exports back.
fn openpyxl() -> Result<(), String> {
    let present = || {
        output(
            "python3",
            &["-c", "import openpyxl; print(openpyxl.__version__)"],
        )
    };
    if let Some(version) = present() {
        ok("openpyxl", version.trim());
        return Ok(());
    }
    if output("python3", &["-m", "pip", "--version"]).is_none() {
        apt_install(&["python3", "python3-pip"])?;
    }
    installing(&format!("openpyxl {OPENPYXL_VERSION} (PyPI)"));
    let wanted = format!("openpyxl=={OPENPYXL_VERSION}");
    let pip = |extra: &[&str]| {
        let mut cmd = Command::new("python3");
        cmd.args(["-m", "pip", "install", "--quiet", "--user"])
            .args(extra)
            .arg(&wanted);
        cmd
    };
    // Debian's own python refuses user installs unless told (PEP 668); a pyenv python does not.
    if run(&mut pip(&[])).is_err() {
        run(&mut pip(&["--break-system-packages"]))?;
    }
    present()
        .map(|_| ())
        .ok_or_else(|| "openpyxl installed but python3 cannot import it".to_string())
}

fn ok(what: &str, version: &str) {
    println!("  ok        {what}: {version}");
}

fn installing(what: &str) {
    println!("  install   {what}");
}

/// geckodriver drives Firefox ESR; it is not in Debian bookworm, so it comes from crates.io.
fn geckodriver(build: &Path) -> Result<(), String> {
    match output("geckodriver", &["--version"]) {
        Some(v) if v.starts_with(&format!("geckodriver {GECKODRIVER_VERSION}")) => {
            ok("geckodriver", v.lines().next().unwrap_or_default());
            Ok(())
        }
        found => {
            installing(&format!(
                "geckodriver {GECKODRIVER_VERSION} from crates.io (found {found:?})"
            ));
            run(&mut tool_install(
                &[
                    "install",
                    "--locked",
                    "geckodriver",
                    "--version",
                    GECKODRIVER_VERSION,
                ],
                build,
            ))
        }
    }
}

fn wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]);
    match installed {
        Some(list) if list.lines().any(|l| l.trim() == "wasm32-unknown-unknown") => {
            ok("rust target", "wasm32-unknown-unknown");
            Ok(())
        }
        Some(_) => {
            installing("rust target wasm32-unknown-unknown (rustup)");
            run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
        }
        None => Err(
            "rustup not found: install the wasm32-unknown-unknown target for your Rust toolchain"
                .into(),
        ),
    }
}

fn trunk(build: &Path) -> Result<(), String> {
    let want = format!("trunk {TRUNK_VERSION}");
    match output("trunk", &["--version"]) {
        Some(v) if v == want => {
            ok("trunk", &v);
            Ok(())
        }
        found => {
            installing(&format!(
                "trunk {TRUNK_VERSION} from crates.io (found {found:?})"
            ));
            run(&mut tool_install(
                &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
                build,
            ))
        }
    }
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(v.to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn wasm_bindgen(root: &Path, build: &Path) -> Result<(), String> {
    let version = locked_wasm_bindgen(root)?;
    let want = format!("wasm-bindgen {version}");
    let cli = output("wasm-bindgen", &["--version"]);
    let runner = output("wasm-bindgen-test-runner", &["--version"]);
    match (&cli, &runner) {
        (Some(v), Some(r)) if *v == want && r.ends_with(&version) => {
            ok("wasm-bindgen-cli", &version);
            Ok(())
        }
        _ => {
            installing(&format!(
                "wasm-bindgen-cli {version} from crates.io (found {cli:?})"
            ));
            // Not --locked: its lock file names a webpki-roots the registry mirror lacks.
            run(&mut tool_install(
                &["install", "wasm-bindgen-cli", "--version", &version],
                build,
            ))
        }
    }
}

/// `cargo install` for a build tool, built for building fast: no link-time optimisation, 256
/// codegen units, opt-level 1, no debug info (trunk's own release profile asks for fat LTO and one
/// codegen unit, which makes its last step a single-threaded compile of minutes). The tools run a
/// few times per build, so their speed hardly matters; the time to install them does. Cargo reads
/// `CARGO_PROFILE_RELEASE_*` over the installed package's own profile (checked with `cargo install
/// -v`: `-C opt-level=1 -C codegen-units=256`, no `-C lto`). `build` is the build folder, kept;
/// `--force` replaces an older version of the tool.
fn tool_install(args: &[&str], build: &Path) -> std::process::Command {
    let mut cmd = crate::run::cargo(args);
    cmd.arg("--force")
        .arg("--target-dir")
        .arg(build)
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "1")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false");
    cmd
}

/// `npm ci` in a folder with a committed package-lock.json, unless node_modules was installed
/// from this very lock file (a copy of it is kept in node_modules as a stamp).
pub fn npm_dir(dir: &Path, what: &str) -> Result<(), String> {
    let lock_path = dir.join("package-lock.json");
    let lock = std::fs::read(&lock_path).map_err(|e| format!("{}: {e}", lock_path.display()))?;
    let stamp = dir.join("node_modules/.xtask-installed-lock.json");
    if std::fs::read(&stamp).ok().as_ref() == Some(&lock) {
        ok(what, &format!("{} (npm ci done)", dir.display()));
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    installing(&format!("{what}: npm ci in {}", dir.display()));
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))?;
    std::fs::write(&stamp, &lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

fn apt_install(packages: &[&str]) -> Result<(), String> {
    if packages.is_empty() {
        ok("apt packages", "present");
        return Ok(());
    }
    installing(&format!("{} (Debian apt)", packages.join(" ")));
    let root_user = output("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut cmd = if root_user {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    run(&mut apt(&["update"]))?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"]);
    install.args(packages);
    run(&mut install)
}

/// Runs `cmd` (a `cargo test --target wasm32-unknown-unknown …`) in headless Chromium through
/// wasm-bindgen-test-runner and the system chromedriver (never Firefox or Safari).
pub fn in_headless_chromium(cmd: &mut std::process::Command, root: &Path) {
    cmd.env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", CHROMEDRIVER)
    .env(
        "WASM_BINDGEN_TEST_WEBDRIVER_JSON",
        root.join("webdriver.json"),
    )
    .env_remove("GECKODRIVER")
    .env_remove("SAFARIDRIVER");
}

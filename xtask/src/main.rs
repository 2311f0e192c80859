//! `cargo xtask serve | test | dist`: the project's commands, std only.
//!
//! Every command first installs what is missing, from package registries only (crates.io, npm,
//! Debian apt, rustup), and skips whatever is already present at the right version.
//!
//! This file only reads the command line and hands over: one module per command (`serve`, `test`,
//! `dist`, `setup`, `bench` with `fuzz`), the size report in `size`, running programs in `run`.

mod bench;
mod dist;
mod profile;
mod run;
mod serve;
mod setup;
mod size;
mod test;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  serve [--port N]   install what is missing, build the release app, serve it on http://127.0.0.1:N/ (default 8080)
  test               install what is missing, then fmt, clippy (native + wasm32), native tests,
                     browser (wasm) tests, release build + size report, end-to-end tests
  dist               release build into dist/ and a size report (fails over the 137 KB brotli first-load budget)
  setup [--e2e]      only install what is missing
  fuzz [CASES]       the decoders with many more cases (default 1000000): answers JSON documents
                     with rosters are refused cleanly or evaluated; URL fragments, queries (in any
                     order) and saved answers decode or are refused, never panic
  bench [cli|screen] a report: evaluations per second (native and in headless Chromium), the
                     command line's profiles per second and peak memory on 100,000 generated
                     profiles (full and --summary), `subsidy-check screen` on 100,000 and 1,000,000
                     register rows, and a Lighthouse mobile run of the release build, each with a
                     budget check; `bench cli` only the command line's part, `bench screen` only
                     `subsidy-check screen`
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
        Some("serve") => port_arg(&args[1..]).and_then(|port| serve::cmd_serve(&root, port)),
        Some("test") => return test::cmd_test(&root),
        Some("dist") => setup::toolchain(&root, false).and_then(|()| dist::dist(&root).map(|_| ())),
        Some("setup") => setup::toolchain(&root, args.iter().any(|a| a == "--e2e")),
        Some("bench") => match args.get(1).map(String::as_str) {
            None => bench::cmd_bench(&root),
            Some("cli") => bench::cli_batch(&root),
            Some("screen") => bench::cmd_bench_screen(&root),
            Some(other) => Err(format!("xtask bench: unknown part {other} (cli or screen)")),
        },
        Some("fuzz") => bench::cmd_fuzz(args.get(1).map_or("1000000", String::as_str)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_argument() {
        assert_eq!(port_arg(&[]), Ok(8080));
        assert_eq!(port_arg(&["--port".into(), "9000".into()]), Ok(9000));
        assert!(port_arg(&["--port".into(), "x".into()]).is_err());
        assert!(port_arg(&["9000".into()]).is_err());
    }
}

//! `pages site DIST --as-of YYYY-MM-DD`: the build-time half of the site, run by `cargo xtask dist`
//! on Trunk's build in DIST. Writes DIST/policy.html; fills the rules-core facts into the heads of
//! index.html, org.html, staff.html, list.html and manifest.webmanifest; puts each page's static
//! first screen after its `<body>` and has its wasm fetched once that screen is painted.

use pages::{head, landing, list, org, policy, staff};
use rules_core::Date;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: pages site DIST --as-of YYYY-MM-DD";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [site, dist, flag, day] if site == "site" && flag == "--as-of" => {
            Date::parse(day).and_then(|day| write_site(Path::new(dist), day))
        }
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("pages: {message}");
            ExitCode::from(2)
        }
    }
}

/// A page's static first screen as of a day.
type Screen = fn(Date) -> String;

/// Every page with a static first screen, and the screen.
const SCREENS: [(&str, Screen); 4] = [
    ("index.html", landing::render),
    ("org.html", org::render),
    ("staff.html", staff::render),
    ("list.html", list::render),
];

fn write_site(dist: &Path, day: Date) -> Result<(), String> {
    let policy = policy::render(day);
    write(dist, "policy.html", &policy)?;
    println!("policy.html: {} B, as of {}", policy.len(), day.chinese());
    for (name, screen) in SCREENS {
        let page = head::fill(&read(dist, name)?).map_err(|e| format!("{name}: {e}"))?;
        let screen = screen(day);
        let page = head::insert_first_screen(&page, &screen)
            .and_then(|page| head::wasm_fetched_after_paint(&page))
            .map_err(|e| format!("{name}: {e}"))?;
        write(dist, name, &page)?;
        println!("{name}: static first screen of {} B", screen.len());
    }
    let name = "manifest.webmanifest";
    let manifest = head::fill(&read(dist, name)?).map_err(|e| format!("{name}: {e}"))?;
    write(dist, name, &manifest)
}

fn read(dist: &Path, name: &str) -> Result<String, String> {
    std::fs::read_to_string(dist.join(name)).map_err(|e| format!("{name}: {e}"))
}

fn write(dist: &Path, name: &str, text: &str) -> Result<(), String> {
    std::fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"))
}

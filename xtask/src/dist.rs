//! `cargo xtask dist`: the release build into dist/ (every page merged, glue minified, the static
//! policy page and landing, the service worker) and the size report against the budget.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::run::{cargo, header, run};
use crate::{profile, size};

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
    let second = results_bundle(root, &dist)?;
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
    let index = name_results_bundle(&dist, &index, &second)?;
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
    let index = site_pages(root, &dist)?;
    service_worker(&dist, &index)?;

    header(&format!(
        "size report (budgets, brotli: first load {} KB, its second fetch {} KB, staff.html {} KB; \
         the build fails over them)",
        size::BUDGET_BROTLI / 1024,
        size::SECOND_FETCH_BUDGET_BROTLI / 1024,
        size::STAFF_BUDGET_BROTLI / 1024
    ));
    let report = size::report(&dist, &index, OTHER_PAGES, &second.files())?;
    print!("{}", report.text);
    header("size profile: each bundle's largest functions and data, bytes by crate");
    print!("{}", size_profile(root));
    if report.first_load_brotli > size::BUDGET_BROTLI {
        return Err(format!(
            "the first load is {} B brotli, {:.1} KB over the design budget of {} KB \
             (README.md, \"Size\", says where the bytes go and how to find them)",
            report.first_load_brotli,
            (report.first_load_brotli - size::BUDGET_BROTLI) as f64 / 1024.0,
            size::BUDGET_BROTLI / 1024
        ));
    }
    if report.second_fetch_brotli > size::SECOND_FETCH_BUDGET_BROTLI {
        return Err(format!(
            "index.html's second fetch (the rules and the results) is {} B brotli, {:.1} KB over its \
             budget of {} KB: the first question waits for it on a slow connection",
            report.second_fetch_brotli,
            (report.second_fetch_brotli - size::SECOND_FETCH_BUDGET_BROTLI) as f64 / 1024.0,
            size::SECOND_FETCH_BUDGET_BROTLI / 1024
        ));
    }
    if report.staff_load_brotli > size::STAFF_BUDGET_BROTLI {
        return Err(format!(
            "staff.html's load (the link builder) is {} B brotli, {:.1} KB over its budget of {} KB: \
             the list screening's code belongs in list.html's bundle (ARCHITECTURE.md)",
            report.staff_load_brotli,
            (report.staff_load_brotli - size::STAFF_BUDGET_BROTLI) as f64 / 1024.0,
            size::STAFF_BUDGET_BROTLI / 1024
        ));
    }
    Ok(report.first_load_brotli)
}

/// The bundles' wasm as cargo built them (names kept, before wasm-bindgen and wasm-opt), each
/// with the page it serves.
const BUNDLES: [(&str, &str); 5] = [
    ("app", "index.html"),
    ("results", "index.html's second fetch"),
    ("org", "org.html"),
    ("staff", "staff.html"),
    ("list", "list.html"),
];

/// The profile of every bundle (`profile::text`, 20 largest of each); a bundle that cannot be read
/// is said, not fatal: the budget is checked on dist/ itself.
fn size_profile(root: &Path) -> String {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    };
    let mut out = String::new();
    for (bin, page) in BUNDLES {
        let path = target
            .join("wasm32-unknown-unknown/release")
            .join(format!("{bin}.wasm"));
        match std::fs::read(&path).ok().as_deref().and_then(profile::read) {
            Some(contents) => out.push_str(&profile::text(
                &format!("{bin}.wasm ({page})"),
                &contents,
                20,
            )),
            None => out.push_str(&format!("{}: not readable\n", path.display())),
        }
    }
    out
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
/// estimator; staff: the link and QR code builder; list: the staff's list screening).
pub const OTHER_PAGES: &[&str] = &["org.html", "staff.html", "list.html"];

/// The residents' rules and results as a second fetch of index.html: `results.html` is not a page
/// but the Trunk build of the `results` bundle (`app/src/bin/results.rs`), which public/results.js
/// starts as the page starts. Its script and wasm go to dist/ (the HTML does not).
pub struct SecondFetch {
    /// The bundle's JavaScript glue, e.g. `results-1a2b….js`.
    pub js: String,
    /// Its wasm, e.g. `results-1a2b…_bg.wasm`.
    pub wasm: String,
}

impl SecondFetch {
    /// The files of the second fetch in dist/: the loader, the glue and the wasm.
    pub fn files(&self) -> Vec<String> {
        vec!["results.js".to_string(), self.js.clone(), self.wasm.clone()]
    }
}

/// Builds the results' bundle and copies its glue and wasm into dist/.
fn results_bundle(root: &Path, dist: &Path) -> Result<SecondFetch, String> {
    const PAGE: &str = "results.html";
    header("release build: trunk build --release results.html (the rules and the results, the second fetch)");
    let out = root.join("target").join("trunk-pages").join(PAGE);
    // A build of another commit may have left other hashed names behind.
    let _ = std::fs::remove_dir_all(&out);
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release", "--dist"])
        .arg(&out)
        .arg(PAGE)
        .current_dir(root);
    run(&mut cmd)?;
    let (mut js, mut wasm) = (None, None);
    for entry in std::fs::read_dir(&out).map_err(|e| format!("{}: {e}", out.display()))? {
        let entry = entry.map_err(|e| format!("{}: {e}", out.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("results-") {
            continue;
        }
        if name.ends_with("_bg.wasm") {
            wasm = Some(name.clone());
        } else if name.ends_with(".js") {
            js = Some(name.clone());
        } else {
            continue;
        }
        std::fs::copy(entry.path(), dist.join(&name))
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
    }
    match (js, wasm) {
        (Some(js), Some(wasm)) => Ok(SecondFetch { js, wasm }),
        _ => Err(format!(
            "{} has no results-*.js and results-*_bg.wasm",
            out.display()
        )),
    }
}

/// Names the results' bundle in dist/index.html (`<meta name="results-js">`, `results-wasm`,
/// read by public/results.js). The names are written without `./`: they are not part of the first
/// load, which counts the files the page itself loads. Returns the new page.
fn name_results_bundle(dist: &Path, index: &str, second: &SecondFetch) -> Result<String, String> {
    let tags = format!(
        r#"<meta name="results-js" content="{}"><meta name="results-wasm" content="{}">"#,
        second.js, second.wasm
    );
    let page = index.replacen("</head>", &format!("{tags}</head>"), 1);
    if page == index {
        return Err("dist/index.html has no </head> to name the results' bundle in".into());
    }
    std::fs::write(dist.join("index.html"), &page).map_err(|e| format!("dist/index.html: {e}"))?;
    Ok(page)
}

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

/// The build-time half of the site, from rules-core as of today's date (`pages site dist/`, the
/// `pages` crate): dist/policy.html (the policy as a static page, no WebAssembly; public/policy.js
/// adds its search); the title, notice number and hotline filled into the heads of index.html,
/// org.html, staff.html, list.html and the manifest; each page's static first screen after its `<body>`,
/// painted before the wasm, which the page then fetches once that screen is on the glass. Returns
/// the new index.html.
fn site_pages(root: &Path, dist: &Path) -> Result<String, String> {
    header("static pages: pages site dist/ (policy.html, the heads, the static first screens)");
    let today = today_utc();
    run(cargo(&[
        "run",
        "--quiet",
        "--release",
        "--bin",
        "pages",
        "--",
        "site",
    ])
    .arg(dist)
    .args(["--as-of", &today])
    .current_dir(root))?;
    let mut pages = vec!["index.html"];
    pages.extend(OTHER_PAGES);
    for page in pages {
        let html =
            std::fs::read_to_string(dist.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        size::check_no_inline_script(&html)?;
    }
    std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("dist/index.html: {e}"))
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_786), "2026-11-29");
    }
}

//! The size report of dist/: each file raw, gzip -9 and brotli -q 11, and the first-load total.
//! The compressed copies are kept beside the files (`x.wasm.br`, `x.wasm.gz`) for static hosts
//! that serve precompressed files (nginx `brotli_static` / `gzip_static`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The residents' first-load budget, compressed with brotli: html + js + wasm + css of index.html.
/// DESIGN.md §5 sets 150 KB; issue 31 lowers it to 120 KB (118.7 KB reached on 7 December 2026,
/// once the benefits' rules came with the second fetch, which judges each answer), so that every
/// change sees its cost.
/// `cargo xtask dist` (and so `cargo xtask test`) fails above it. It lives here, beside the report
/// that prints it, so that dist.rs uses this file and not the other way round.
pub const BUDGET_BROTLI: u64 = 120 * 1024;

/// The budget of index.html's second fetch, brotli (js + wasm of the results' bundle): it carries
/// the person rules, which choose every question after the page starts, so the first question
/// waits for it on a slow connection. 91.1 KB (93,275 B) reached on 7 December 2026.
pub const SECOND_FETCH_BUDGET_BROTLI: u64 = 95 * 1024;

/// The staff link builder's budget (issue 31), brotli: html + js + wasm + css of staff.html. Its
/// bundle draws the link, QR code and poster only; the list screening (the `lists` crate, the
/// spreadsheet readers) is list.html's, and linking it back into staff.html fails `cargo xtask dist`.
pub const STAFF_BUDGET_BROTLI: u64 = 130 * 1024;

/// The page whose load [`STAFF_BUDGET_BROTLI`] bounds.
pub const STAFF_PAGE: &str = "staff.html";

pub struct Report {
    pub text: String,
    pub first_load_brotli: u64,
    /// index.html's second fetch (the results' bundle), brotli.
    pub second_fetch_brotli: u64,
    /// staff.html's load (0 when the build has no staff page).
    pub staff_load_brotli: u64,
}

/// Fails when index.html holds a `<script>` without `src`: the CSP (script-src 'self') would block
/// it and the page would never start.
pub fn check_no_inline_script(html: &str) -> Result<(), String> {
    let lower = html.to_ascii_lowercase();
    for (at, _) in lower.match_indices("<script") {
        let tag_end = lower[at..].find('>').map_or(lower.len(), |e| at + e);
        let tag = &lower[at..tag_end];
        if !tag.contains("src=") && !tag.contains("application/json") {
            return Err(format!(
                "dist/index.html has an inline script, which the Content-Security-Policy blocks: {}",
                &html[at..tag_end.min(at + 120)]
            ));
        }
    }
    Ok(())
}

/// The page's Content-Security-Policy `<meta>` tag, as written.
pub fn csp_tag(html: &str) -> Option<&str> {
    let at = html.find("Content-Security-Policy")?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    Some(&html[start..=end])
}

/// Local URLs (`/x`) that index.html references in href, src or content attributes.
pub fn referenced_files(html: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for attr in ["href=", "src=", "content="] {
        for (at, _) in html.match_indices(attr) {
            let rest = &html[at + attr.len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or_default(),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default(),
            };
            // Trunk writes built files as `./name` (relative, so any sub-path works); older builds
            // wrote `/name`.
            if let Some(path) = value.strip_prefix("./").or_else(|| value.strip_prefix('/')) {
                if !path.is_empty() && !path.starts_with('/') {
                    found.insert(path.to_string());
                }
            }
        }
    }
    found
}

pub fn report(
    dist: &Path,
    index_html: &str,
    other_pages: &[&str],
    second_fetch: &[String],
) -> Result<Report, String> {
    let mut files = Vec::new();
    collect(dist, &mut files)?;
    files.retain(|f| !is_compressed_copy(f));
    files.sort();

    let first_load: BTreeSet<String> = referenced_files(index_html);
    let mut text = format!(
        "{:<44} {:>10} {:>10} {:>10}\n",
        "file (* = first load)", "raw B", "gzip -9 B", "brotli B"
    );
    let (mut total, mut first) = ([0u64; 3], [0u64; 3]);
    // Each file's brotli size, for the other pages' loads below (compressed once).
    let mut brotli_of = BTreeMap::new();
    for file in &files {
        let rel = file
            .strip_prefix(dist)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        let raw = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let gz = compress(file, "gzip", &["-9", "-n", "-c"], "gz")?;
        let br = compress(file, "brotli", &["-q", "11", "-c"], "br")?;
        let sizes = [raw.len() as u64, gz, br];
        brotli_of.insert(rel.clone(), br);
        let is_first = rel == "index.html" || first_load.contains(&rel);
        for i in 0..3 {
            total[i] += sizes[i];
            if is_first {
                first[i] += sizes[i];
            }
        }
        text.push_str(&format!(
            "{:<44} {:>10} {:>10} {:>10}\n",
            format!("{}{}", if is_first { "* " } else { "  " }, rel),
            sizes[0],
            sizes[1],
            sizes[2]
        ));
    }
    text.push_str(&format!(
        "{:<44} {:>10} {:>10} {:>10}\n",
        "all files", total[0], total[1], total[2]
    ));
    text.push_str(&format!(
        "{:<44} {:>10} {:>10} {:>10}\n",
        "first load (html + js + wasm + css)", first[0], first[1], first[2]
    ));
    text.push_str(&budget_line("first load", first[2], BUDGET_BROTLI));
    // What index.html fetches as it starts (the rules and the results), outside the first load.
    let second: u64 = second_fetch
        .iter()
        .filter_map(|rel| brotli_of.get(rel.as_str()))
        .sum();
    text.push_str(&format!(
        "{:<44} {:>32}\n",
        "index.html's second fetch, the rules and results (brotli)", second
    ));
    text.push_str(&budget_line(
        "second fetch",
        second,
        SECOND_FETCH_BUDGET_BROTLI,
    ));
    // The other pages' own loads (not the first load's budget: that is index.html's).
    let mut staff_load = 0;
    for page in other_pages {
        let html =
            std::fs::read_to_string(dist.join(page)).map_err(|e| format!("dist/{page}: {e}"))?;
        let load = page_load(page, &html, &brotli_of);
        text.push_str(&format!(
            "{:<44} {:>32}\n",
            format!("load of {page} (brotli)"),
            load
        ));
        if *page == STAFF_PAGE {
            staff_load = load;
        }
    }
    text.push_str(&budget_line(
        "staff link builder (staff.html) load",
        staff_load,
        STAFF_BUDGET_BROTLI,
    ));
    Ok(Report {
        text,
        first_load_brotli: first[2],
        second_fetch_brotli: second,
        staff_load_brotli: staff_load,
    })
}

/// One budget's line of the report: `what` weighs `bytes` brotli of its `budget`, and how many are
/// left (or that it is over).
fn budget_line(what: &str, bytes: u64, budget: u64) -> String {
    format!(
        "{what}: {:.1} KB brotli ({bytes} B) of its {} KB budget ({:.0}%): {}\n",
        bytes as f64 / 1024.0,
        budget / 1024,
        bytes as f64 * 100.0 / budget as f64,
        match budget.checked_sub(bytes) {
            Some(spare) => format!("OK, {spare} B to spare"),
            None => "OVER BUDGET".to_string(),
        }
    )
}

/// A page's load, brotli: the page and the files it references (`brotli_of`: each file's size).
fn page_load(page: &str, html: &str, brotli_of: &BTreeMap<String, u64>) -> u64 {
    referenced_files(html)
        .iter()
        .map(String::as_str)
        .chain([page])
        .filter_map(|rel| brotli_of.get(rel))
        .sum()
}

fn is_compressed_copy(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("gz") | Some("br")
    )
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Compresses `file` with a CLI into `file.<ext>` and returns the compressed size.
fn compress(file: &Path, program: &str, args: &[&str], ext: &str) -> Result<u64, String> {
    let out = Command::new(program)
        .args(args)
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} {}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut target = file.as_os_str().to_owned();
    target.push(".");
    target.push(ext);
    std::fs::write(&target, &out.stdout)
        .map_err(|e| format!("{}: {e}", Path::new(&target).display()))?;
    Ok(out.stdout.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_local_references_quoted_or_not() {
        let html = r#"<link rel=stylesheet href=/style-1.css><link rel="modulepreload" href="/app-2.js"><meta name=app-wasm content=/app-2_bg.wasm><link rel=icon href="data:,"><a href="https://x.y/">"#;
        let refs: Vec<_> = referenced_files(html).into_iter().collect();
        assert_eq!(refs, ["app-2.js", "app-2_bg.wasm", "style-1.css"]);
        // Relative, as Trunk writes them with public_url "./".
        let relative = r#"<link href=./style-1.css rel=stylesheet><meta content=./app-2.js name=app-js><a href=policy.html>"#;
        let refs: Vec<_> = referenced_files(relative).into_iter().collect();
        assert_eq!(refs, ["app-2.js", "style-1.css"]);
    }

    #[test]
    fn finds_the_csp_tag_minified_or_not() {
        let page = r#"<head><meta content="default-src 'self'" http-equiv=Content-Security-Policy><title>x</title>"#;
        assert_eq!(
            csp_tag(page),
            Some(r#"<meta content="default-src 'self'" http-equiv=Content-Security-Policy>"#)
        );
        assert_eq!(csp_tag("<head><title>x</title>"), None);
    }

    #[test]
    fn a_pages_load_is_the_page_and_what_it_references_only() {
        let sizes: BTreeMap<String, u64> = [
            ("staff.html", 3),
            ("staff-1_bg.wasm", 100),
            ("style-2.css", 10),
            ("list-3_bg.wasm", 1000),
        ]
        .into_iter()
        .map(|(name, size)| (name.to_string(), size))
        .collect();
        let staff = "<link href=./style-2.css rel=stylesheet><meta content=./staff-1_bg.wasm name=app-wasm><a href=list.html>";
        assert_eq!(page_load("staff.html", staff, &sizes), 113);
        let with_list = format!("{staff}<meta content=./list-3_bg.wasm name=x>");
        assert_eq!(page_load("staff.html", &with_list, &sizes), 1113);
    }

    #[test]
    fn inline_scripts_are_refused() {
        assert!(check_no_inline_script(r#"<script type=module src=/boot-1.js></script>"#).is_ok());
        assert!(check_no_inline_script("<SCRIPT type=module>import x</SCRIPT>").is_err());
    }
}
